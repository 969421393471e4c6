// Zooming into a stage: by click, keyboard and hash, with the detail panel
// readable afterwards; free zoom by wheel, drag, double click and keys; the
// overview's exact viewBox on return.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, writePage, html, inline, mapsSettled, settled, viewBox, root } from "./harness.mjs";

const grocery = readFileSync(join(root, "examples/grocery-delivery.json"), "utf8");
const stageIds = JSON.parse(grocery).stages.map((s) => s.id);

let browser;
let pageUrl;
before(async () => {
  browser = await launch();
  ({ fileUrl: pageUrl } = await writePage(
    "zoom.html",
    // The wide layout's zoom, on every viewport (a narrow one would get the
    // stacked layout by default: tests/browser/stacked.test.mjs).
    html(`<h1>Zoom</h1>${inline(grocery, 'layout="wide"')}<div style="height:2000px"></div>
      <script>
        window.changes = [];
        document.addEventListener("jm-stagechange", (e) => changes.push(e.detail.id));
      </script>`),
  ));
});
after(() => browser?.close());

async function open(hash = "", options) {
  const page = await openPage(browser, options);
  await page.goto(pageUrl + hash);
  await mapsSettled(page, 1);
  return page;
}

/** What a reader sees of stage `index`'s detail panel. */
function panelFacts(page, index) {
  return page.evaluate((index) => {
    const svg = document.querySelector("journey-map svg");
    const panel = svg.querySelector(`.jm-detail[data-stage-index="${index}"]`);
    const viewport = svg.parentElement.getBoundingClientRect();
    const style = getComputedStyle(panel);
    const spans = [...panel.querySelectorAll("tspan, text:not(:has(tspan))")];
    const sizes = spans.map((span) => {
      const text = span.closest("text");
      const fontPx = parseFloat(getComputedStyle(text).fontSize) * svg.getScreenCTM().a;
      const box = span.getBoundingClientRect();
      return { fontPx, height: box.height, top: box.top, left: box.left, right: box.right };
    });
    const first = sizes[0];
    return {
      open: panel.classList.contains("jm-open"),
      display: style.display,
      visibility: style.visibility,
      minFontPx: Math.min(...sizes.map((s) => s.fontPx)),
      minBoxHeight: Math.min(...sizes.map((s) => s.height)),
      firstLineInView: first.top >= viewport.top && first.left >= viewport.left && first.right <= viewport.right + 1,
      otherOpen: svg.querySelectorAll(".jm-detail.jm-open").length,
    };
  }, index);
}

test("clicking a stage header zooms to it in at most 300 ms and shows its details readably", async () => {
  const page = await open();
  const start = await viewBox(page);
  const header = page.locator('journey-map .jm-stage[data-stage-index="1"]');
  // Record every viewBox the animation goes through, with its time.
  await page.evaluate(() => {
    const svg = document.querySelector("journey-map svg");
    window.frames = [];
    new MutationObserver(() => frames.push([performance.now(), svg.getAttribute("viewBox")])).observe(svg, {
      attributes: true,
      attributeFilter: ["viewBox"],
    });
    svg.addEventListener("click", () => (window.clickedAt = performance.now()), { capture: true });
  });
  await header.click();
  await settled(page);
  const { frames, clickedAt } = await page.evaluate(() => ({ frames: window.frames, clickedAt: window.clickedAt }));
  const final = frames.at(-1)[1];
  assert.ok(frames.length > 2, "animated");
  // The animation is over by the first frame after 300 ms: the frame before
  // the last came within 300 ms of the click. (The last frame's own time
  // says more about a loaded machine's frame rate than about the zoom.)
  const beforeLast = (frames.at(-2)?.[0] ?? clickedAt) - clickedAt;
  assert.ok(beforeLast <= 300, `the animation was still running ${beforeLast.toFixed(0)} ms after the click`);
  assert.notEqual(final, start);
  assert.equal(await viewBox(page), final);
  const facts = await panelFacts(page, 1);
  assert.ok(facts.open);
  assert.equal(facts.display, "inline");
  assert.equal(facts.visibility, "visible");
  assert.equal(facts.otherOpen, 1);
  assert.ok(facts.minFontPx >= 12, `detail text is ${facts.minFontPx.toFixed(1)} px`);
  assert.ok(facts.minBoxHeight >= 12, `a detail line box is ${facts.minBoxHeight.toFixed(1)} px high`);
  assert.ok(facts.firstLineInView, "the panel's first line is in the viewport");
  assert.equal(await page.evaluate(() => location.hash), "#stage=sign-up");
  assert.deepEqual(await page.evaluate(() => changes), ["sign-up"]);
  // The visible, labelled control returns to the overview exactly.
  await page.getByRole("button", { name: "Back to the whole map" }).click();
  await settled(page);
  assert.equal(await viewBox(page), start);
  assert.equal(await page.evaluate(() => location.hash), "");
  assert.equal(await page.$$eval("journey-map .jm-detail.jm-open", (n) => n.length), 0);
  page.assertClean();
  await page.done();
});

test("keyboard: stages in reading order, Enter/Space zoom, ←/→ move, Esc returns exactly", async () => {
  const page = await open();
  const start = await viewBox(page);
  // Tab order: the toolbar's visible buttons, the persona buttons, then
  // the stages in order.
  const order = [];
  for (let i = 0; i < 16; i++) {
    await page.keyboard.press("Tab");
    order.push(await page.evaluate(() => document.activeElement.getAttribute("aria-label") || document.activeElement.textContent));
  }
  const firstStage = order.findIndex((label) => /\(stage 1 of 5\)$/.test(label));
  const stageLabels = order.slice(firstStage, firstStage + 5);
  assert.deepEqual(
    stageLabels.map((l) => l.match(/stage (\d)/)[1]),
    ["1", "2", "3", "4", "5"],
    `reading order: ${order.join(" | ")}`,
  );
  assert.match(stageLabels[0], /^Discover, 1–2 weeks, Goal, Find out whether delivery is worth it/);

  await page.focus('journey-map .jm-stage[data-stage-index="0"]');
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.hash === "#stage=discover");
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => location.hash === "#stage=sign-up");
  assert.equal(await page.evaluate(() => document.activeElement.dataset.stageIndex), "1", "focus follows the stage");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowLeft");
  await page.waitForFunction(() => location.hash === "#stage=sign-up");
  await settled(page);
  const facts = await panelFacts(page, 1);
  assert.ok(facts.open && facts.minFontPx >= 12 && facts.visibility === "visible");
  await page.keyboard.press("Escape");
  await settled(page);
  assert.equal(await viewBox(page), start);
  assert.equal(await page.evaluate(() => location.hash), "");
  // Space on a header zooms too (and does not scroll the page).
  await page.focus('journey-map .jm-stage[data-stage-index="4"]');
  const scrollBefore = await page.evaluate(() => scrollY);
  await page.keyboard.press(" ");
  await page.waitForFunction(() => location.hash === "#stage=after");
  assert.equal(await page.evaluate(() => scrollY), scrollBefore);
  assert.deepEqual(await page.evaluate(() => changes), ["discover", "sign-up", "first-order", "sign-up", null, "after"]);
  page.assertClean();
  await page.done();
});

test("the hash is honoured on load and followed on hashchange", async () => {
  const page = await open("#stage=first-order");
  await page.waitForFunction(() => document.querySelector("journey-map").view?.stage === "first-order");
  const facts = await panelFacts(page, 2);
  assert.ok(facts.open && facts.visibility === "visible" && facts.minFontPx >= 12);
  assert.ok(facts.firstLineInView);
  await page.evaluate(() => (location.hash = "#stage=delivery"));
  await page.waitForFunction(() => document.querySelector("journey-map").view?.stage === "delivery");
  await settled(page);
  assert.ok((await panelFacts(page, 3)).open);
  // An unknown stage leaves the map alone (the view's hashchange listener
  // ran before this one, added later).
  await page.evaluate(
    () =>
      new Promise((ok) => {
        addEventListener("hashchange", ok, { once: true });
        location.hash = "#stage=nowhere";
      }),
  );
  assert.equal(await page.evaluate(() => document.querySelector("journey-map").view.stage), "delivery");
  page.assertClean();
  await page.done();
});

test("the stage attribute zooms at start; the hash wins over it", async () => {
  const { fileUrl } = await writePage("stage-attr.html", html(inline(grocery, 'stage="delivery" height="500"')));
  const page = await openPage(browser);
  await page.goto(fileUrl);
  await mapsSettled(page, 1);
  assert.equal(await page.evaluate(() => document.querySelector("journey-map").view.stage), "delivery");
  assert.equal(await page.$eval("journey-map .jm-viewport", (v) => Math.round(v.getBoundingClientRect().height)), 500);
  await page.goto(`${fileUrl}#stage=discover`);
  await mapsSettled(page, 1);
  assert.equal(await page.evaluate(() => document.querySelector("journey-map").view.stage), "discover");
  page.assertClean();
  await page.done();
});

test("under prefers-reduced-motion the zoom is instant", async () => {
  const page = await open("", { reducedMotion: "reduce" });
  const result = await page.evaluate(() => {
    const svg = document.querySelector("journey-map svg");
    const before = svg.getAttribute("viewBox");
    svg.querySelector('.jm-stage[data-stage-index="2"]').dispatchEvent(new MouseEvent("click", { bubbles: true }));
    return { before, after: svg.getAttribute("viewBox") };
  });
  assert.notEqual(result.after, result.before, "changed in the same task, without animation frames");
  page.assertClean();
  await page.done();
});

test("Ctrl+wheel, drag, double click and +/-/0 zoom and pan; a plain wheel scrolls the page; layout never re-runs", async () => {
  const page = await open();
  const start = await viewBox(page);
  // The on-screen scale (CSS px per SVG unit): the overview may be letter-
  // boxed, so the viewBox's own width is not comparable with a zoomed one.
  const zoom = () => page.$eval("journey-map svg", (svg) => svg.getScreenCTM().a);
  const width = (vb) => Number(vb.split(" ")[2]);
  const x = (vb) => Number(vb.split(" ")[0]);
  const startZoom = await zoom();
  // Mark the rendered nodes: zooming must keep them (no re-render).
  await page.evaluate(() => {
    document.querySelectorAll("journey-map .jm-card").forEach((card) => (card.__mark = true));
    window.cardCount = document.querySelectorAll("journey-map .jm-card").length;
  });
  const box = await page.locator("journey-map .jm-viewport").boundingBox();
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };

  // A plain wheel scrolls the page and leaves the map alone.
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.wheel(0, 300);
  await page.waitForFunction(() => scrollY > 0);
  assert.equal(await viewBox(page), start);
  await page.evaluate(() => scrollTo(0, 0));

  // Ctrl + wheel zooms in about the pointer.
  const box2 = await page.locator("journey-map .jm-viewport").boundingBox();
  await page.mouse.move(box2.x + box2.width / 2, box2.y + box2.height / 2);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -300);
  await page.keyboard.up("Control");
  await page.waitForFunction((s) => document.querySelector("journey-map svg").getAttribute("viewBox") !== s, start);
  const wheeled = await viewBox(page);
  const wheeledZoom = await zoom();
  assert.ok(wheeledZoom > startZoom * 1.5, `${startZoom} → ${wheeledZoom}`);

  // Drag pans.
  await page.mouse.move(box2.x + 300, box2.y + 200);
  await page.mouse.down();
  await page.mouse.move(box2.x + 200, box2.y + 200, { steps: 5 });
  await page.mouse.up();
  const dragged = await viewBox(page);
  assert.ok(x(dragged) > x(wheeled), `dragging left moves the view right: ${wheeled} → ${dragged}`);
  assert.equal(width(dragged), width(wheeled));

  // Double click zooms in (away from the headers).
  await page.mouse.dblclick(box2.x + 400, box2.y + box2.height - 60);
  await settled(page);
  assert.ok((await zoom()) > wheeledZoom * 1.9);

  // Keys: focus a card link-free spot (the viewport's first stage) and use -/0/+.
  await page.focus('journey-map .jm-stage[data-stage-index="0"]');
  const beforeMinus = await viewBox(page);
  await page.keyboard.press("-");
  await settled(page);
  assert.ok(width(await viewBox(page)) > width(beforeMinus));
  await page.keyboard.press("0");
  await settled(page);
  assert.equal(await viewBox(page), start, "0 restores the exact overview");
  await page.keyboard.press("+");
  await settled(page);
  assert.ok((await zoom()) > startZoom * 1.3);
  await page.keyboard.press("Escape");
  await settled(page);
  assert.equal(await viewBox(page), start);

  const kept = await page.evaluate(() => {
    const cards = [...document.querySelectorAll("journey-map .jm-card")];
    return cards.length === cardCount && cards.every((card) => card.__mark);
  });
  assert.ok(kept, "the same SVG nodes throughout: zoom only changes the viewBox");
  page.assertClean();
  await page.done();
});

test("pinch (two pointers) zooms", async () => {
  const page = await open();
  const start = await viewBox(page);
  const before = await page.$eval("journey-map svg", (svg) => svg.getScreenCTM().a);
  const after = await page.evaluate(() => {
    const vp = document.querySelector("journey-map .jm-viewport");
    const r = vp.getBoundingClientRect();
    const cy = r.top + r.height / 2;
    const fire = (type, id, x) =>
      vp.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: "touch", clientX: x, clientY: cy, bubbles: true, isPrimary: id === 1 }));
    // Fingers 100 px apart move to 300 px apart: three times the scale.
    fire("pointerdown", 1, r.left + 300);
    fire("pointerdown", 2, r.left + 400);
    for (let i = 1; i <= 5; i++) fire("pointermove", 2, r.left + 400 + i * 40);
    fire("pointerup", 1, r.left + 300);
    fire("pointerup", 2, r.left + 600);
    return document.querySelector("journey-map svg").getScreenCTM().a;
  });
  assert.ok(Math.abs(after / before - 3) < 0.01, `scale ${before} → ${after}`);
  assert.notEqual(await viewBox(page), start);
  page.assertClean();
  await page.done();
});

test("the view API: zoomToStage, overview, stage, destroy", async () => {
  const page = await open();
  const result = await page.evaluate(async (ids) => {
    const el = document.querySelector("journey-map");
    const view = el.view;
    const start = view.svg.getAttribute("viewBox");
    const seen = [];
    for (const id of ids) {
      await view.zoomToStage(id);
      seen.push([view.stage, view.svg.querySelector(".jm-detail.jm-open")?.dataset.stageIndex ?? null]);
    }
    let unknown = null;
    await view.zoomToStage("nope").catch((e) => (unknown = e.message));
    await view.overview();
    const back = view.svg.getAttribute("viewBox") === start;
    view.destroy();
    return { seen, unknown, back, left: el.querySelectorAll(".jm-view").length, script: el.querySelectorAll("script").length };
  }, stageIds);
  assert.deepEqual(
    result.seen.map((s) => s[0]),
    stageIds,
  );
  assert.deepEqual(
    result.seen.map((s) => s[1]),
    ["0", "1", "2", "3", "4"],
  );
  assert.match(result.unknown, /no stage "nope"/);
  assert.ok(result.back);
  assert.equal(result.left, 0);
  assert.equal(result.script, 1, "the inline map stays");
  page.assertClean();
  await page.done();
});

test("a narrow viewport still zooms to readable text, then pans vertically", async () => {
  const page = await open("", { viewport: { width: 420, height: 700 } });
  await page.click('journey-map .jm-stage[data-stage-index="2"]');
  await settled(page);
  const facts = await panelFacts(page, 2);
  assert.ok(facts.minFontPx >= 12, `${facts.minFontPx}`);
  const before = await viewBox(page);
  await page.focus('journey-map .jm-stage[data-stage-index="2"]');
  await page.keyboard.press("ArrowDown");
  const after = await viewBox(page);
  assert.ok(Number(after.split(" ")[1]) > Number(before.split(" ")[1]), "↓ pans down");
  // In a stage whose cards carry badges (sign-up: "pain", "drop-off"), the
  // cards' text, badges included, is readable too.
  await page.keyboard.press("ArrowLeft");
  await settled(page);
  const cardFontPx = await page.evaluate(() => {
    const svg = document.querySelector("journey-map svg");
    const texts = [...svg.querySelectorAll('.jm-card[data-stage-index="1"] text')];
    return Math.min(...texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * svg.getScreenCTM().a));
  });
  assert.ok(cardFontPx >= 12, `card text at ${cardFontPx} px`);
  page.assertClean();
  await page.done();
});

test("the core's stage info matches its SVG: the header's name, the smallest text of panel and cards", async () => {
  const page = await open();
  const stages = await page.evaluate(() => {
    const view = document.querySelector("journey-map").view;
    return view.stages.map((stage) => {
      const index = stage.index;
      const header = view.svg.querySelector(`.jm-stage[data-stage-index="${index}"]`);
      const texts = view.svg.querySelectorAll(
        `.jm-detail[data-stage-index="${index}"] text, .jm-card[data-stage-index="${index}"] text`,
      );
      const sizes = [...texts].map((t) => parseFloat(getComputedStyle(t).fontSize)).filter((s) => s > 0);
      return {
        label: stage.label,
        ariaLabel: header.getAttribute("aria-label"),
        minFontSize: stage.minFontSize,
        smallest: sizes.length ? Math.min(...sizes) : null,
      };
    });
  });
  assert.equal(stages.length, stageIds.length);
  for (const stage of stages) {
    assert.equal(stage.label, stage.ariaLabel);
    assert.equal(stage.minFontSize, stage.smallest);
  }
  assert.ok(stages.every((s) => s.smallest != null), "every stage of the example has a panel or cards");
  page.assertClean();
  await page.done();
});
