// Right to left in the browser: an Arabic and a Hebrew map drawn mirrored
// (first stage at the right), every text line inside its card and every
// header text inside its box as Chromium draws them (getBBox, Noto's Arabic
// and Hebrew glyphs); ← and → move in reading order (→ goes back), the
// toolbar's stage buttons mirrored; hash links and export as on any map;
// axe-core finds no violations.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, writePage, html, inline, mapsSettled, settled, root, axeViolations } from "./harness.mjs";

const arabic = readFileSync(join(root, "tests/golden/cases/rtl-arabic.json"), "utf8");
const hebrew = readFileSync(join(root, "tests/golden/cases/rtl-hebrew.json"), "utf8");

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

async function open(name, map, hash = "") {
  const { fileUrl } = await writePage(name, html(`<main><h1>Right to left</h1>${inline(map)}</main>`));
  const page = await openPage(browser);
  await page.goto(fileUrl + hash);
  await mapsSettled(page, 1);
  return page;
}

for (const [name, map] of [
  ["arabic", arabic],
  ["hebrew", hebrew],
]) {
  test(`${name}: mirrored, and every text inside its card or header`, async () => {
    const page = await open(`rtl-${name}.html`, map);
    const result = await page.evaluate(() => {
      const el = document.querySelector("journey-map");
      const svg = el.querySelector("svg");
      const problems = [];
      const inside = (el, r, what) => {
        const b = el.getBBox();
        const slack = 0.5;
        if (b.x < r.x - slack || b.y < r.y - slack || b.x + b.width > r.x + r.w + slack || b.y + b.height > r.y + r.h + slack) {
          problems.push(`"${el.textContent}" ${[b.x, b.y, b.width, b.height].map((v) => v.toFixed(1))} outside its ${what} ${[r.x, r.y, r.w, r.h].map((v) => v.toFixed(1))}`);
        }
      };
      const rectOf = (rect) => ({ x: rect.x.baseVal.value, y: rect.y.baseVal.value, w: rect.width.baseVal.value, h: rect.height.baseVal.value });
      let lines = 0;
      for (const card of svg.querySelectorAll(".jm-card")) {
        const r = rectOf(card.querySelector(".jm-card-box"));
        for (const span of card.querySelectorAll("tspan, text:not(:has(tspan))")) {
          lines++;
          inside(span, r, "card");
        }
      }
      for (const header of svg.querySelectorAll(".jm-stage")) {
        const r = rectOf(header.querySelector(".jm-stage-box"));
        for (const span of header.querySelectorAll("tspan, text:not(:has(tspan))")) inside(span, r, "stage header");
      }
      for (const persona of svg.querySelectorAll(".jm-persona")) {
        const r = rectOf(persona.querySelector(".jm-persona-box"));
        for (const span of persona.querySelectorAll("tspan, text:not(:has(tspan))")) inside(span, r, "persona card");
        const bar = rectOf(persona.querySelector(".jm-persona-color"));
        if (bar.x + bar.w < r.x + r.w - 0.5) problems.push("a persona's colour bar not at the right");
      }
      const headers = [...svg.querySelectorAll(".jm-stage")].map((h) => h.getBBox().x);
      const title = svg.querySelector(".jm-title").getBBox();
      return {
        dir: el.view.info.dir,
        root: svg.getAttribute("direction"),
        lines,
        problems,
        headers,
        titleRight: title.x + title.width,
        width: el.view.info.width,
      };
    });
    assert.equal(result.dir, "rtl", "the core tells the view the direction");
    assert.equal(result.root, "rtl");
    assert.ok(result.lines > 3);
    assert.deepEqual(result.problems, [], `${result.problems.length} of ${result.lines} lines outside their boxes`);
    assert.deepEqual([...result.headers].sort((a, b) => b - a), result.headers, "the first stage at the right");
    assert.ok(result.titleRight > result.width - 40, `the title ends at the right margin (${result.titleRight})`);
    assert.deepEqual(await axeViolations(page), []);
    page.assertClean();
    await page.done();
  });
}

test("← and → move in reading order on a right-to-left map; the stage buttons are mirrored", async () => {
  const page = await open("rtl-keys.html", hebrew);
  const ids = await page.$eval("journey-map", (el) => el.view.stages.map((s) => s.id));
  const stage = () => page.$eval("journey-map", (el) => el.view.stage);
  await page.focus('journey-map .jm-stage[data-stage-index="0"]');
  await page.keyboard.press("Enter");
  await page.waitForFunction((id) => document.querySelector("journey-map").view.stage === id, ids[0]);
  assert.match(await page.evaluate(() => location.hash), /^#stage=/, "a hash link as on any map");
  const hash = await page.evaluate(() => location.hash);
  await page.keyboard.press("ArrowLeft");
  await page.waitForFunction((id) => document.querySelector("journey-map").view.stage === id, ids[1]);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.stageIndex), "1", "focus follows the stage");
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction((id) => document.querySelector("journey-map").view.stage === id, ids[0]);
  await page.keyboard.press("ArrowRight");
  await settled(page);
  assert.equal(await stage(), ids[0], "→ on the first stage stays there");
  assert.equal(await page.evaluate(() => location.hash), hash);

  const buttons = await page.evaluate(() => {
    const bar = document.querySelector("journey-map .jm-toolbar");
    const box = (sel) => bar.querySelector(sel).getBoundingClientRect();
    return {
      dir: bar.dir,
      prev: bar.querySelector(".jm-prev").textContent,
      next: bar.querySelector(".jm-next").textContent,
      nextLeftOfPrev: box(".jm-next").right <= box(".jm-prev").left,
    };
  });
  assert.deepEqual(buttons, { dir: "rtl", prev: "›", next: "‹", nextLeftOfPrev: true });
  await page.click("journey-map .jm-next");
  await page.waitForFunction((id) => document.querySelector("journey-map").view.stage === id, ids[1]);
  await page.click("journey-map .jm-prev");
  await page.waitForFunction((id) => document.querySelector("journey-map").view.stage === id, ids[0]);

  // Following a hash link to the second stage and exporting work as on any map.
  const again = await open("rtl-keys.html", hebrew, `#stage=${ids[2]}`);
  await settled(again);
  assert.equal(await again.$eval("journey-map", (el) => el.view.stage), ids[2]);
  const exported = await again.$eval("journey-map", (el) => el.view.exportSvg());
  assert.match(exported, /^<svg [^>]*direction="rtl"/);
  again.assertClean();
  await again.done();
  page.assertClean();
  await page.done();
});

test("a left-to-right map keeps → as next", async () => {
  const page = await open("rtl-ltr-keys.html", JSON.stringify({ ...JSON.parse(hebrew), dir: "ltr" }));
  const ids = await page.$eval("journey-map", (el) => el.view.stages.map((s) => s.id));
  assert.equal(await page.$eval("journey-map", (el) => el.view.info.dir), "ltr");
  await page.focus('journey-map .jm-stage[data-stage-index="0"]');
  await page.keyboard.press("Enter");
  await page.waitForFunction((id) => document.querySelector("journey-map").view.stage === id, ids[0]);
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction((id) => document.querySelector("journey-map").view.stage === id, ids[1]);
  assert.equal(await page.$eval("journey-map .jm-next", (b) => b.textContent), "›");
  page.assertClean();
  await page.done();
});
