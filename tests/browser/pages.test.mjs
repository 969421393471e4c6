// Maps in any page (issue 14): fenced code blocks upgraded in place
// (autorun.js), blocks added later, no flash of raw JSON, pre-rendered
// fragments that come alive without the wasm (hydrate.js), the
// self-contained page of `render --format html` from file://, and the
// page's own dark mode (theme.js).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openPage, writePage, html, settled, viewBox, root, startBrowserAndServer, closeAll, cli, countWasm } from "./harness.mjs";

const grocery = readFileSync(join(root, "examples/grocery-delivery.json"), "utf8");
const minimal = '{ "title": "Checkout", "stages": [ { "name": "Cart", "cells": { "actions": ["Add item"] } } ] }';
const workingDay = readFileSync(join(root, "tests/mermaid/working_day.mmd"), "utf8");
const esc = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const fenced = (text) => `<pre><code class="language-journeymap">${esc(text)}</code></pre>`;

let browser;
let server;
before(async () => ({ browser, server } = await startBrowserAndServer()));
after(() => closeAll(browser, server));

test("fenced blocks (JSON and Mermaid) become maps, with no console error", async () => {
  const page = await openPage(browser);
  const { path } = await writePage(
    "pages-fenced.html",
    html(`<h1>Docs</h1>${fenced(grocery)}<p>Between</p><pre class="journeymap">${esc(workingDay)}</pre>`),
  );
  await page.goto(server.url(path));
  await page.waitForFunction(() => document.querySelectorAll("journey-map .jm-view svg").length === 2, null, { timeout: 20000 });
  assert.equal(await page.locator("pre").count(), 0, "the blocks are replaced");
  const titles = await page.$$eval("journey-map svg > title", (ts) => ts.map((t) => t.textContent));
  assert.equal(titles[0], JSON.parse(grocery).title);
  assert.match(titles[1], /working day/i);
  // The same behaviour as <journey-map>: a header zooms, and the hash follows.
  const before = await viewBox(page, "journey-map >> nth=0 >> svg");
  await page.locator("journey-map").first().locator(".jm-stage").first().click();
  await settled(page, "journey-map");
  assert.notEqual(await viewBox(page, "journey-map >> nth=0 >> svg"), before);
  assert.match(await page.evaluate(() => location.hash), /^#stage=1:/);
  page.assertClean();
  await page.done();
});

test("a failing block shows its located errors in its place", async () => {
  const page = await openPage(browser);
  const { path } = await writePage(
    "pages-error.html",
    html(`<div class="journeymap">{ "title": "x",\n  "stages": 3 }</div><pre class="journeymap">journey\n  section A\n    Task: x: Me\n</pre>`),
  );
  await page.goto(server.url(path));
  await page.waitForFunction(() => document.querySelectorAll(".jm-error").length === 2, null, { timeout: 20000 });
  const texts = await page.$$eval(".jm-error", (boxes) => boxes.map((b) => b.textContent));
  assert.match(texts[0], /2:3/);
  assert.match(texts[0], /stages/);
  assert.match(texts[1], /3:/);
  assert.equal(await page.locator("div.journeymap, pre").count(), 0);
  await page.done();
});

test("blocks added later: JourneyMap.run() and the MutationObserver", async () => {
  const page = await openPage(browser);
  const { path } = await writePage("pages-later.html", html(`<main id="main"></main>`, `<script src="../../dist/journeymap.js" data-auto="off"></script>`));
  await page.goto(server.url(path));
  // data-auto="off": nothing happens by itself.
  await page.evaluate((block) => (document.getElementById("main").innerHTML = block), fenced(minimal));
  await page.waitForTimeout(300);
  assert.equal(await page.locator("journey-map").count(), 0, "data-auto=off leaves the page alone");
  const upgraded = await page.evaluate(async () => {
    const els = await JourneyMap.run({ root: document.getElementById("main") });
    return els.map((el) => [el.localName, !!el.querySelector(".jm-view svg")]);
  });
  assert.deepEqual(upgraded, [["journey-map", true]]);
  page.assertClean();

  // With autorun on, content swapped in later (instant navigation) is seen.
  const { path: auto } = await writePage("pages-swap.html", html(`<main id="main"></main>`));
  await page.goto(server.url(auto));
  await page.evaluate((block) => {
    const article = document.createElement("article");
    article.innerHTML = block;
    document.getElementById("main").replaceChildren(article);
  }, fenced(minimal));
  await page.waitForSelector("journey-map .jm-view svg", { timeout: 15000 });
  page.assertClean();
  await page.done();
});

test("no flash: the raw JSON is never painted, and shows when the script does not run", async () => {
  const page = await openPage(browser);
  // Before every frame (a requestAnimationFrame callback runs before the
  // frame is painted), note whether a block's text would be visible.
  await page.addInitScript(() => {
    window.__painted = [];
    const watch = () => {
      for (const block of document.querySelectorAll("pre, pre > code, div.journeymap")) {
        if (getComputedStyle(block).visibility !== "hidden") window.__painted.push(block.textContent.slice(0, 20));
      }
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  });
  const { path } = await writePage("pages-flash.html", html(`${fenced(grocery)}<div class="journeymap">${esc(minimal)}</div>`));
  await page.goto(server.url(path));
  await page.waitForFunction(() => document.querySelectorAll("journey-map .jm-view svg").length === 2, null, { timeout: 15000 });
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  assert.deepEqual(await page.evaluate(() => window.__painted), [], "no frame showed a block");
  // Without the script, the blocks are plain, visible code.
  const { path: plain } = await writePage("pages-noscript.html", html(fenced(minimal), ""));
  await page.goto(server.url(plain));
  assert.equal(await page.$eval("pre", (pre) => getComputedStyle(pre).visibility), "visible");
  await page.done();
});

test("a pre-rendered fragment comes alive without the wasm, with no layout shift", async () => {
  const fragment = cli("render", "examples/grocery-delivery.json", "--format", "fragment");
  const stage = JSON.parse(grocery).stages[1].id;
  const page = await openPage(browser);
  await page.addInitScript(countWasm);
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__shift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  const { path } = await writePage("pages-hydrate.html", html(`${fragment}<p id="after">After the map</p>`));
  await page.goto(server.url(path));
  await page.waitForFunction(() => document.querySelector("journey-map")?.view, null, { timeout: 15000 });
  assert.equal(await page.locator("journey-map .jm-view .jm-viewport > svg").count(), 1);
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  assert.equal(await page.evaluate(() => window.__shift), 0, "no layout shift on hydration");
  // What follows the map is where it was without the script.
  const noScript = await openPage(browser, { javaScriptEnabled: false });
  await noScript.goto(server.url(path));
  const after = (p) => p.$eval("#after", (el) => el.getBoundingClientRect().top);
  assert.ok(Math.abs((await after(page)) - (await after(noScript))) < 1, "the content after the map has not moved");
  await noScript.done();
  // Zoom by click, step by keyboard, follow a hash link, export: no wasm.
  const start = await viewBox(page);
  await page.locator(".jm-stage").first().click();
  await settled(page);
  assert.notEqual(await viewBox(page), start);
  await page.keyboard.press("Escape");
  await settled(page);
  assert.equal(await viewBox(page), start, "back to the exact overview");
  await page.evaluate((id) => (location.hash = `#stage=${id}`), stage);
  await page.waitForFunction((id) => document.querySelector("journey-map").view.stage === id, stage);
  const png = await page.evaluate(async () => (await document.querySelector("journey-map").view.exportPng(1)).size);
  assert.ok(png > 1000, "a PNG");
  assert.equal(await page.evaluate(() => window.__wasmCalls), 0, "no WebAssembly compiled or instantiated");
  // A re-render (a theme asked for) starts the core.
  await page.$eval("journey-map", (el) => el.setAttribute("theme", "dark"));
  await page.waitForSelector("journey-map svg.jm-theme-dark", { timeout: 15000 });
  assert.ok((await page.evaluate(() => window.__wasmCalls)) > 0, "the core started for the re-render");
  page.assertClean();
  await page.done();
});

test("an inline map starts the core while the page is parsed, before DOMContentLoaded", async () => {
  const page = await openPage(browser);
  await page.addInitScript(() => {
    window.__marks = {};
    const compile = WebAssembly.compile;
    WebAssembly.compile = function (...args) {
      window.__marks.compile ??= performance.now();
      return compile.apply(this, args);
    };
    document.addEventListener("DOMContentLoaded", () => (window.__marks.parsed = performance.now()));
  });
  const map = `<journey-map><script type="application/json">${grocery.replace(/</g, "\\u003c")}</script></journey-map>`;
  const { path } = await writePage("pages-early-core.html", html(`${map}<p>${"Text after the map. ".repeat(20000)}</p>`));
  await page.goto(server.url(path));
  await page.waitForFunction(() => document.querySelector("journey-map")?.view, null, { timeout: 15000 });
  const marks = await page.evaluate(() => window.__marks);
  assert.ok(marks.compile < marks.parsed, `compiled at ${marks.compile} ms, parsed at ${marks.parsed} ms`);
  page.assertClean();
  await page.done();
});

test("the pre-rendered fragment shows the map with scripting off", async () => {
  const fragment = cli("render", "examples/minimal.json", "--format", "fragment");
  const page = await openPage(browser, { javaScriptEnabled: false });
  const { path } = await writePage("pages-noscript-fragment.html", html(fragment, ""));
  await page.goto(server.url(path));
  const box = await page.$eval("journey-map > svg", (svg) => svg.getBoundingClientRect().toJSON());
  assert.ok(box.width > 300 && box.height > 100, `the SVG is drawn (${box.width}×${box.height})`);
  assert.equal(await page.$eval("journey-map > script", (s) => getComputedStyle(s).display), "none");
  await page.done();
});

test("render --format html: one page, interactive from file://, nothing fetched", async () => {
  const out = join(root, "target", "browser-pages", "standalone.html");
  cli("render", "examples/grocery-delivery.json", "--format", "html", "-o", out);
  const page = await openPage(browser);
  const requests = [];
  await page.context().route("**", (route) => {
    requests.push(route.request().url());
    return route.continue();
  });
  const url = `file://${out}`;
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector("journey-map")?.view, null, { timeout: 15000 });
  assert.equal(await page.title(), JSON.parse(grocery).title);
  const start = await viewBox(page);
  await page.locator(".jm-stage").nth(2).click();
  await settled(page);
  assert.notEqual(await viewBox(page), start, "zooms");
  assert.deepEqual(requests.filter((r) => r !== url), [], "no request but the page itself");
  // Printable: the toolbar is left out of print.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.$eval(".jm-toolbar", (t) => getComputedStyle(t).display), "none");
  page.assertClean();
  await page.done();
});

test("the page's dark class re-themes auto maps; prefers-color-scheme needs no script", async () => {
  const page = await openPage(browser);
  const { path } = await writePage("pages-dark.html", html(`${fenced(minimal)}${fenced(readFileSync(join(root, "examples/saas-trial.json"), "utf8"))}`));
  await page.goto(server.url(path));
  await page.waitForFunction(() => document.querySelectorAll("journey-map .jm-view svg").length === 2, null, { timeout: 15000 });
  const themes = () => page.$$eval("journey-map .jm-viewport > svg", (svgs) => svgs.map((s) => s.getAttribute("class")));
  assert.deepEqual(await themes(), ["jm jm-theme-auto", "jm jm-theme-light"]);
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await page.waitForFunction(() => document.querySelector("journey-map svg.jm-theme-dark"));
  assert.deepEqual(await themes(), ["jm jm-theme-dark", "jm jm-theme-light"], "only the auto map follows the page");
  await page.evaluate(() => document.documentElement.classList.remove("dark"));
  await page.waitForFunction(() => document.querySelector("journey-map svg.jm-theme-light"));
  assert.deepEqual(await themes(), ["jm jm-theme-light", "jm jm-theme-light"], "after dark, no mark means light");
  await page.evaluate(() => document.body.setAttribute("data-md-color-scheme", "slate"));
  await page.waitForFunction(() => document.querySelector("journey-map svg.jm-theme-dark"));
  page.assertClean();
  await page.done();

  // An auto map under no page mark follows the system's setting by itself.
  const system = await openPage(browser, { colorScheme: "light" });
  await system.goto(server.url(path));
  await system.waitForSelector("journey-map .jm-view svg.jm-theme-auto", { timeout: 15000 });
  const background = () => system.$eval("journey-map svg .jm-bg", (r) => getComputedStyle(r).fill);
  const light = await background();
  await system.emulateMedia({ colorScheme: "dark" });
  assert.notEqual(await background(), light);
  await system.done();
});

test("a Node build's JourneyMap.renderFragment writes the CLI's fragment, byte for byte", async () => {
  const { default: JourneyMap } = await import(join(root, "dist/journeymap.mjs"));
  for (const [file, args, options] of [
    ["examples/grocery-delivery.json", [], {}],
    ["examples/minimal.json", ["--theme", "dark", "--id-prefix", "m2"], { theme: "dark", idPrefix: "m2" }],
  ]) {
    const text = readFileSync(join(root, file), "utf8");
    assert.equal(await JourneyMap.renderFragment(text, options), cli("render", file, "--format", "fragment", ...args), file);
  }
});
