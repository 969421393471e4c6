// The browser view in the map's language (issue 13): the core carries
// English only, loads journeymap-words.js from beside itself (file://) for
// a map in another language, and the toolbar, live region, the SVG's words
// and the error box all speak it; without the companion the map shows in
// English with a console warning; axe-core finds nothing.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdirSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, writePage, html, inline, mapsSettled, settled, axeViolations, root } from "./harness.mjs";

const words = (tag) => JSON.parse(readFileSync(join(root, `src/i18n/words/${tag}.json`), "utf8"));
const fill = (text, args) => text.replace(/\{(\w+)\}/g, (whole, name) => (name in args ? args[name] : whole));
const ja = words("ja");
const de = words("de");
const japanese = readFileSync(join(root, "tests/golden/cases/lang-ja.json"), "utf8");
const stages = JSON.parse(japanese).stages;

/** Records the URLs of journeymap-words.js / .mjs the page asks for. */
function watchWords(page) {
  const urls = [];
  page.on("request", (request) => {
    if (/journeymap-words\.m?js$/.test(request.url())) urls.push(request.url());
  });
  return urls;
}

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("a Japanese map from file:// loads the words companion and speaks Japanese", async () => {
  const { fileUrl } = await writePage("words-ja.html", html(`<main><h1>地図</h1>${inline(japanese)}</main>`));
  const page = await openPage(browser);
  const requested = watchWords(page);
  await page.goto(fileUrl);
  await mapsSettled(page, 1);
  assert.equal(requested.length, 1, "the companion is loaded once");
  assert.match(requested[0], /^file:.*\/dist\/journeymap-words\.js$/);
  const facts = await page.evaluate(() => {
    const view = document.querySelector("journey-map .jm-view");
    const svg = view.querySelector("svg");
    return {
      viewLang: view.getAttribute("lang"),
      svgLang: svg.getAttribute("lang"),
      xmlLang: svg.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"),
      toolbar: view.querySelector(".jm-toolbar").getAttribute("aria-label"),
      labels: [...view.querySelectorAll(".jm-toolbar button")].map((b) => b.getAttribute("aria-label")),
      where: view.querySelector(".jm-where").textContent,
      text: svg.textContent,
    };
  });
  assert.equal(facts.viewLang, "ja");
  assert.equal(facts.svgLang, "ja");
  assert.equal(facts.xmlLang, "ja");
  assert.equal(facts.toolbar, ja["view-toolbar"]);
  // The back button's name starts with its visible text where the
  // language's words for the two differ (label in name).
  assert.deepEqual(facts.labels, [`${ja["view-whole-map"]}: ${ja["view-back"]}`, ja["view-previous"], ja["view-next"], ja["view-zoom-out"], ja["view-zoom-in"]]);
  assert.equal(facts.where, ja["view-overview"]);
  assert.ok(facts.text.includes(ja.legend), "the legend heading is Japanese");
  assert.ok(!facts.text.includes("Legend"), "no English legend heading");

  await page.click("journey-map .jm-stage");
  await settled(page);
  const zoomed = await page.evaluate(() => ({
    where: document.querySelector("journey-map .jm-where").textContent,
    back: document.querySelector("journey-map .jm-overview").textContent,
  }));
  assert.equal(zoomed.where, fill(ja["view-stage"], { n: "1", total: String(stages.length), name: stages[0].name }));
  assert.equal(zoomed.back, `← ${ja["view-whole-map"]}`);
  await page.keyboard.press("ArrowRight");
  await settled(page);
  assert.equal(
    await page.textContent("journey-map .jm-where"),
    fill(ja["view-stage"], { n: "2", total: String(stages.length), name: stages[1].name }),
  );
  assert.deepEqual(await axeViolations(page), []);
  page.assertClean();
  await page.done();
});

test("an English map does not load the words companion", async () => {
  const minimal = '{ "title": "Checkout", "stages": [ { "name": "Cart", "cells": { "actions": ["Add item"] } } ] }';
  const { fileUrl } = await writePage("words-en.html", html(inline(minimal)));
  const page = await openPage(browser);
  const requested = watchWords(page);
  await page.goto(fileUrl);
  await mapsSettled(page, 1);
  assert.deepEqual(requested, []);
  assert.equal(await page.getAttribute("journey-map .jm-toolbar", "aria-label"), "Map view");
  page.assertClean();
  await page.done();
});

test("the error box of a German map is in German", async () => {
  const broken = '{ "title": "Kontoeröffnung", "lang": "de", "stages": [] }';
  const { fileUrl } = await writePage("words-de-error.html", html(inline(broken)));
  const page = await openPage(browser);
  await page.goto(fileUrl);
  await mapsSettled(page, 1);
  const box = await page.evaluate(() => {
    const el = document.querySelector("journey-map .jm-error");
    return { lang: el.getAttribute("lang"), heading: el.querySelector("p").textContent };
  });
  assert.equal(box.lang, "de");
  assert.equal(box.heading, fill(de["error-heading"], { problems: fill(de["problem-count"].one, { n: "1" }) }));
  await page.done();
});

test("without the companion the map shows in English, with a warning", async () => {
  const alone = join(root, "target/browser-pages/alone");
  mkdirSync(alone, { recursive: true });
  copyFileSync(join(root, "dist/journeymap.js"), join(alone, "journeymap.js"));
  const { fileUrl } = await writePage(
    "alone/words-ja.html",
    html(inline(japanese), '<script src="journeymap.js"></script>'),
  );
  const page = await openPage(browser);
  const warnings = [];
  page.on("console", (message) => {
    if (message.type() === "warning") warnings.push(message.text());
  });
  await page.goto(fileUrl);
  await mapsSettled(page, 1);
  assert.equal(await page.getAttribute("journey-map .jm-toolbar", "aria-label"), "Map view");
  assert.equal(await page.getAttribute("journey-map svg", "lang"), "ja");
  assert.ok(warnings.some((w) => /journeymap-words\.js.*English/.test(w)), warnings.join("\n"));
  assert.ok(page.problems().every((p) => /Failed to load resource|ERR_FILE_NOT_FOUND/.test(p)), page.problems().join("\n"));
  await page.done();
});
