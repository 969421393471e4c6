// The stacked layout on a phone: a 390 × 844 viewport gets the map stacked,
// with no sideways scroll, card text (and all text) of at least 12 CSS px
// and no axe-core violation; a stage link
// scrolls to its section; resizing the element across the thresholds
// switches the layout, keeping the reader's stage; layout="wide" and
// layout="stacked" force one.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, writePage, html, inline, mapsSettled, settled, root, axeViolations } from "./harness.mjs";

const hotel = readFileSync(join(root, "examples/hotel-booking.json"), "utf8");
const stageIds = JSON.parse(hotel).stages.map((s) => s.id);
const PHONE = { viewport: { width: 390, height: 844 } };

let browser;
const pages = {};
before(async () => {
  browser = await launch();
  const body = (attributes) =>
    html(`<main><h1>Phone</h1>${inline(hotel, attributes)}<div style="height:1500px"></div></main>
      <script>
        window.changes = [];
        document.addEventListener("jm-stagechange", (e) => changes.push(e.detail.id));
      </script>`);
  for (const [name, attributes] of [
    ["auto", ""],
    ["wide", 'layout="wide"'],
    ["stacked", 'layout="stacked"'],
  ]) {
    pages[name] = (await writePage(`stacked-${name}.html`, body(attributes))).fileUrl;
  }
});
after(() => browser?.close());

async function open(name, hash = "", options = PHONE) {
  const page = await openPage(browser, options);
  await page.goto(pages[name] + hash);
  await mapsSettled(page, 1);
  return page;
}

/** The layout drawn, the page's sideways overflow and the smallest card text. */
function facts(page) {
  return page.evaluate(() => {
    const svg = document.querySelector("journey-map svg");
    const scale = svg.getScreenCTM().a;
    const sizes = [...svg.querySelectorAll(".jm-card text")].map(
      (text) => parseFloat(getComputedStyle(text).fontSize) * scale,
    );
    const lines = [...svg.querySelectorAll(".jm-card tspan, .jm-card text:not(:has(tspan))")].map((span) => span.getBoundingClientRect().height);
    return {
      layout: document.querySelector("journey-map").view.layout,
      stacked: svg.classList.contains("jm-stacked"),
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth,
      minCardFontPx: Math.min(...sizes),
      minLineHeight: Math.min(...lines),
      svgWidth: svg.getBoundingClientRect().width,
    };
  });
}

test("a phone gets the stacked map: no sideways scroll, card text at least 12 CSS px", async () => {
  const page = await open("auto");
  const f = await facts(page);
  assert.equal(f.layout, "stacked");
  assert.ok(f.stacked, "the SVG is the stacked layout");
  assert.ok(f.scrollWidth <= f.innerWidth, `the page scrolls sideways: ${f.scrollWidth} > ${f.innerWidth}`);
  assert.ok(f.minCardFontPx >= 12, `card text is ${f.minCardFontPx} CSS px`);
  assert.ok(f.minLineHeight >= 12, `a card line is drawn ${f.minLineHeight} px tall`);
  // Every text of the map, not only the cards, is at least 12 CSS px.
  const smallest = await page.evaluate(() => {
    const svg = document.querySelector("journey-map svg");
    const sizes = [...svg.querySelectorAll("text")].map((t) => parseFloat(getComputedStyle(t).fontSize));
    return Math.min(...sizes) * svg.getScreenCTM().a;
  });
  assert.ok(smallest >= 12, `the smallest text is ${smallest} CSS px`);
  assert.deepEqual(await axeViolations(page), []);
  page.assertClean();
  await page.done();
});

test("at 320 px too, and the wide layout forced on a phone never scrolls sideways", async () => {
  const small = await open("auto", "", { viewport: { width: 320, height: 640 } });
  const f = await facts(small);
  assert.equal(f.layout, "stacked");
  assert.ok(f.scrollWidth <= f.innerWidth && f.minCardFontPx >= 12, JSON.stringify(f));
  await small.done();
  const wide = await open("wide");
  const w = await facts(wide);
  assert.equal(w.layout, "wide");
  assert.ok(w.scrollWidth <= w.innerWidth, `the page scrolls sideways: ${w.scrollWidth} > ${w.innerWidth}`);
  assert.ok(w.minCardFontPx < 12, "wide on a phone is the overview (hence the stacked layout)");
  wide.assertClean();
  await wide.done();
});

test("a stage link scrolls to its section in the stacked map", async () => {
  const id = stageIds[3];
  const page = await open("auto", `#stage=${id}`);
  await settled(page);
  const top = () =>
    page.evaluate(
      (i) => document.querySelector(`journey-map .jm-stage[data-stage-index="${i}"]`).getBoundingClientRect().top,
      3,
    );
  assert.ok(Math.abs(await top()) < 2, `the section starts at the top of the window (${await top()})`);
  assert.equal(await page.$eval("journey-map", (el) => el.view.stage), id);
  // Another link, then a tap on a header: the page scrolls there and the hash follows.
  await page.evaluate((id) => (location.hash = `#stage=${id}`), stageIds[1]);
  await page.waitForFunction(
    () => Math.abs(document.querySelector('journey-map .jm-stage[data-stage-index="1"]').getBoundingClientRect().top) < 2,
  );
  await page.click(`journey-map .jm-stage[data-stage-index="4"]`);
  await page.waitForFunction(
    () => Math.abs(document.querySelector('journey-map .jm-stage[data-stage-index="4"]').getBoundingClientRect().top) < 2,
  );
  assert.equal(await page.evaluate(() => location.hash), `#stage=${stageIds[4]}`);
  // The keyboard: the next stage's section.
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(
    () => Math.abs(document.querySelector('journey-map .jm-stage[data-stage-index="5"]').getBoundingClientRect().top) < 2,
  );
  assert.equal(await page.$eval("journey-map", (el) => el.view.stage), stageIds[5]);
  // Details are shown in place, in the section.
  const display = await page.$eval("journey-map .jm-detail", (panel) => getComputedStyle(panel).display);
  assert.notEqual(display, "none");
  page.assertClean();
  await page.done();
});

test("resizing switches the layout with hysteresis and keeps the reader's stage", async () => {
  const page = await open("auto", "", { viewport: { width: 1000, height: 800 } });
  const layout = () => page.$eval("journey-map", (el) => el.view?.layout);
  const resize = async (width) => {
    await page.$eval("journey-map", (el, w) => (el.style.width = `${w}px`), width);
    await page.waitForTimeout(50);
    await page.waitForFunction(() => document.querySelector("journey-map .jm-view svg"));
  };
  assert.equal(await layout(), "wide");
  // Zoomed into a stage in the wide view…
  await page.click(`journey-map .jm-stage[data-stage-index="2"]`);
  await settled(page);
  // …narrower than 600 px: stacked, scrolled to that stage's section.
  await resize(560);
  await page.waitForFunction(() => document.querySelector("journey-map").view?.layout === "stacked");
  assert.equal(await page.$eval("journey-map", (el) => el.view.stage), stageIds[2]);
  const top = await page.$eval(
    'journey-map .jm-stage[data-stage-index="2"]',
    (header) => header.getBoundingClientRect().top,
  );
  assert.ok(Math.abs(top) < 2, `the section is scrolled to (${top})`);
  assert.equal(
    await page.$eval("journey-map svg", (svg) => svg.viewBox.baseVal.width),
    560,
    "stacked at the element's width",
  );
  // Between the thresholds it stays stacked (no flip at the boundary)…
  await resize(620);
  await page.waitForTimeout(100);
  assert.equal(await layout(), "stacked");
  // …and above 640 px it is wide again, zoomed to the stage in view.
  await page.evaluate(() => document.querySelector('journey-map .jm-stage[data-stage-index="4"]').scrollIntoView());
  await resize(700);
  await page.waitForFunction(() => document.querySelector("journey-map").view?.layout === "wide");
  await settled(page);
  assert.equal(await page.$eval("journey-map", (el) => el.view.stage), stageIds[4]);
  page.assertClean();
  await page.done();
});

test('layout="stacked" stacks a map on a wide screen, at the element\'s width', async () => {
  const page = await open("stacked", "", { viewport: { width: 1280, height: 800 } });
  const f = await facts(page);
  assert.equal(f.layout, "stacked");
  assert.ok(Math.abs(f.svgWidth - Math.floor(f.svgWidth)) < 1);
  assert.ok(f.minCardFontPx >= 12);
  page.assertClean();
  await page.done();
});
