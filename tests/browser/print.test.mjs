// Printing: a map prints wide on landscape paper and stacked on portrait
// paper, whichever layout the screen shows, each drawing whole and as wide
// as the paper; after printing the page is as it was. The print media and
// the paper's orientation are emulated (print media, a landscape or
// portrait viewport), with the beforeprint and afterprint events the
// browser sends around a print.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, writePage, html, inline, mapsSettled, root } from "./harness.mjs";

const hotel = readFileSync(join(root, "examples/hotel-booking.json"), "utf8");
let browser;
const urls = {};
before(async () => {
  browser = await launch();
  urls.auto = (await writePage("print-auto.html", html(`<main>${inline(hotel, "")}</main>`))).fileUrl;
  urls.stacked = (await writePage("print-stacked.html", html(`<main>${inline(hotel, 'layout="stacked"')}</main>`))).fileUrl;
});
after(() => browser?.close());

/** Each drawing in the map's viewport: its layout, whether it shows, its
 * size and its viewBox. */
function drawings(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("journey-map .jm-viewport > svg")].map((svg) => ({
      layout: svg.classList.contains("jm-stacked") ? "stacked" : "wide",
      shown: getComputedStyle(svg).display !== "none",
      width: Math.round(svg.getBoundingClientRect().width),
      height: Math.round(svg.getBoundingClientRect().height),
      viewBox: svg.getAttribute("viewBox"),
    })),
  );
}

// The paper's orientation is the viewport's (it stays the same through a
// test: a resize would make <journey-map> redraw for the new width).
const LANDSCAPE = { width: 1100, height: 780 };
const PORTRAIT = { width: 780, height: 1100 };
const PHONE = { width: 390, height: 844 };
for (const [page_, viewport, shows, prints] of [
  ["auto", LANDSCAPE, "wide", "wide"],
  ["auto", PORTRAIT, "wide", "stacked"],
  ["stacked", LANDSCAPE, "stacked", "wide"],
  ["auto", PHONE, "stacked", "stacked"],
]) {
  test(`a map shown ${shows} prints ${prints} on ${viewport.width > viewport.height ? "landscape" : "portrait"} paper (${viewport.width} × ${viewport.height})`, async () => {
    const page = await openPage(browser, { viewport });
    await page.goto(urls[page_]);
    await mapsSettled(page, 1);
    assert.equal(await page.evaluate(() => document.querySelector("journey-map").view.layout), shows);
    // Zoomed in on screen: the paper still gets the whole map.
    if (shows === "wide") {
      await page.evaluate(() => document.querySelector("journey-map").view.zoomToStage(1, { animate: false }));
    }
    const onScreen = await drawings(page);
    assert.equal(onScreen.length, 1);

    await page.emulateMedia({ media: "print" });
    await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
    const printed = await drawings(page);
    assert.equal(printed.length, 2, "both layouts are in the page while printing");
    const shown = printed.filter((d) => d.shown);
    assert.deepEqual(shown.map((d) => d.layout), [prints], JSON.stringify(printed));
    assert.ok(shown[0].width >= viewport.width - 40, `the printed drawing is ${shown[0].width} px wide`);
    const info = await page.evaluate(() => document.querySelector("journey-map").view.info);
    if (prints === shows) {
      assert.match(shown[0].viewBox, new RegExp(`^0 0 ${info.width} ${info.height}$`), "the whole map, not the zoomed stage");
    }
    if (prints === "stacked") {
      assert.ok(shown[0].height > shown[0].width, "stacked: taller than wide");
      const smallest = await page.evaluate(() => {
        const svg = [...document.querySelectorAll("journey-map .jm-viewport > svg")].find((s) => s.classList.contains("jm-stacked"));
        const sizes = [...svg.querySelectorAll(".jm-card text")].map((t) => parseFloat(getComputedStyle(t).fontSize));
        return Math.min(...sizes) * svg.getScreenCTM().a;
      });
      assert.ok(smallest >= 12, `card text prints at ${smallest} px`);
    }
    const duplicates = await page.evaluate(() => {
      const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
    assert.deepEqual(duplicates, [], "the second drawing has ids of its own");

    await page.evaluate(() => dispatchEvent(new Event("afterprint")));
    await page.emulateMedia({ media: "screen" });
    // The viewport's size changes twice (to the paper's and back): both
    // resize notifications come before the view is read.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const back = await drawings(page);
    assert.equal(back.length, 1, "the second drawing is gone after printing");
    assert.equal(back[0].layout, shows);
    assert.equal(back[0].viewBox, onScreen[0].viewBox, "the reader's zoom is back");
    page.assertClean();
    await page.done();
  });
}
