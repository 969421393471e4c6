// The ways to include the embed: the one script from file:// (in <head>),
// the ES module over http, a page under a strict CSP; several maps on one
// page; errors; exports; the Mermaid importer, loaded on first use.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, mkdirSync, copyFileSync } from "node:fs";
import { execSync } from "node:child_process";
import { join } from "node:path";
import { openPage, writePage, html, inline, mapsSettled, settled, viewBox, root, startBrowserAndServer, closeAll } from "./harness.mjs";

const grocery = readFileSync(join(root, "examples/grocery-delivery.json"), "utf8");
const minimal = '{ "title": "Checkout", "stages": [ { "name": "Cart", "cells": { "actions": ["Add item"] } } ] }';
const workingDay = readFileSync(join(root, "tests/mermaid/working_day.mmd"), "utf8");
const workingDayMap = JSON.parse(readFileSync(join(root, "tests/mermaid/working_day.json"), "utf8"));
const clampMmd = readFileSync(join(root, "tests/mermaid/clamp.mmd"), "utf8");
// Line 3 has a score that is not a number: the error names line 3 and the column of "x".
const badMmd = "journey\n  section Morning\n    Wake up: x: Me\n";

/** Records the URLs of journeymap-mermaid.js / .mjs the page asks for. */
function watchImporter(page) {
  const urls = [];
  page.on("request", (request) => {
    if (/journeymap-mermaid\.m?js$/.test(request.url())) urls.push(request.url());
  });
  return urls;
}

let browser;
let server;
before(async () => ({ browser, server } = await startBrowserAndServer()));
after(() => closeAll(browser, server));

test("the single script works from file://, included in <head>", async () => {
  const { fileUrl } = await writePage(
    "head-file.html",
    html(
      `<p>before</p>${inline(grocery, 'id="m"')}<script>
        window.events = [];
        document.querySelector("journey-map").addEventListener("jm-load", (e) => events.push(["load", e.detail.view.stages.length]));
      </script>`,
    ),
  );
  const page = await openPage(browser);
  const importer = watchImporter(page);
  await page.goto(fileUrl);
  await mapsSettled(page, 1);
  const facts = await page.evaluate(() => ({
    global: typeof JourneyMap,
    api: Object.keys(JourneyMap).sort(),
    leaked: typeof wasm_bindgen,
    svgId: document.querySelector("journey-map svg").id,
    events,
    stages: document.querySelectorAll("journey-map .jm-stage").length,
    // The SVG's rules are in a constructed sheet of the document (issue 18: a strict style-src).
    hasStyle: document.adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((rule) => rule.selectorText === "#jm1")),
  }));
  assert.equal(facts.global, "object");
  assert.deepEqual(facts.api, ["JourneyMapError", "View", "check", "diff", "fromMermaid", "lint", "ready", "render", "renderFragment", "renderToString", "run", "words"]);
  assert.equal(facts.leaked, "undefined", "the wasm-bindgen glue stays inside the script's scope");
  assert.equal(facts.svgId, "jm1");
  assert.deepEqual(facts.events, [["load", 5]]);
  assert.equal(facts.stages, 5);
  assert.ok(facts.hasStyle);
  assert.deepEqual(importer, [], "the Mermaid importer is not loaded unless Mermaid is used");
  page.assertClean();
  await page.done();
});

test("<journey-map src> on file:// points to the inline form", async () => {
  const { fileUrl } = await writePage(
    "src-file.html",
    html(`<journey-map src="../../examples/grocery-delivery.json"></journey-map>
      <script>window.errors = []; document.querySelector("journey-map").addEventListener("jm-error", (e) => errors.push(e.detail.diagnostics));</script>`),
  );
  const page = await openPage(browser);
  await page.goto(fileUrl);
  await mapsSettled(page, 1);
  const box = await page.textContent("journey-map .jm-error");
  assert.match(box, /file:\/\//);
  assert.match(box, /<script type="application\/json">/);
  const errors = await page.evaluate(() => errors);
  assert.equal(errors.length, 1);
  assert.equal(errors[0][0].path, "src");
  page.assertClean();
  await page.done();
});

test("the ES module works over http, and <journey-map src> fetches same-origin", async () => {
  const { path } = await writePage(
    "module.html",
    html(
      `<div id="target"></div>
      <journey-map src="/examples/grocery-delivery.json" theme="dark"></journey-map>
      <script type="module">
        import JourneyMap, { render, renderToString } from "/dist/journeymap.mjs";
        window.result = (async () => {
          const view = await render("#target", ${JSON.stringify(minimal)}, { idPrefix: "mod" });
          const svg = await renderToString(JSON.parse(${JSON.stringify(JSON.stringify(minimal))}));
          return { same: JourneyMap.render === render, prefix: view.idPrefix, stages: view.stages.map((s) => s.id), svg: svg.slice(0, 60) };
        })();
      </script>`,
      "",
    ),
  );
  const page = await openPage(browser);
  await page.goto(server.url(path));
  const result = await page.evaluate(() => window.result);
  assert.deepEqual(result.stages, ["cart"]);
  assert.equal(result.prefix, "mod");
  assert.ok(result.same);
  assert.match(result.svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" id="jm\d+"/);
  await page.waitForSelector("journey-map svg");
  assert.equal(await page.$eval("journey-map svg", (svg) => svg.classList.contains("jm-theme-dark")), true);
  assert.equal(await page.$$eval("#mod", (n) => n.length), 1);
  page.assertClean();
  await page.done();
});

test("works under Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'", async () => {
  const { path } = await writePage("strict.csp.html", html(`<h1>CSP</h1>${inline(grocery)}<div id="api"></div>`));
  const page = await openPage(browser);
  const importer = watchImporter(page);
  const response = await page.goto(server.url(path));
  assert.equal(response.headers()["content-security-policy"], "script-src 'self' 'wasm-unsafe-eval'");
  await mapsSettled(page, 1);
  assert.equal(await page.locator("journey-map svg .jm-stage").count(), 5);
  // The API too, and the zoom (no inline handlers, no eval anywhere).
  await page.evaluate(() => JourneyMap.render("#api", '{"title":"t","stages":[{"name":"A","cells":{"actions":["x"]}}]}'));
  await page.click('journey-map .jm-stage[data-stage-index="1"]');
  await page.waitForFunction(() => document.querySelector("journey-map .jm-detail.jm-open"));
  assert.deepEqual(importer, [], "the Mermaid importer is not loaded unless Mermaid is used");
  // The importer, loaded by a <script> element the script adds, is allowed by 'self'.
  const title = await page.evaluate(() => JourneyMap.fromMermaid("journey\n  title Under CSP\n  section A\n    Go: 4: Me\n").then((map) => map.title));
  assert.equal(title, "Under CSP");
  assert.deepEqual(importer, [server.url("dist/journeymap-mermaid.js")]);
  page.assertClean(); // CSP violations are reported as console errors
  await page.done();
});

test("two maps on one page never interfere", async () => {
  const { fileUrl } = await writePage(
    "two.html",
    html(`<h1>Two</h1>${inline(grocery, 'id="a" theme="light"')}${inline(grocery, 'id="b" theme="dark"')}`),
  );
  const page = await openPage(browser);
  await page.goto(fileUrl);
  await mapsSettled(page, 2);

  // Ids: unique in the document, none taken from the map.
  const ids = await page.$$eval("[id]", (nodes) => nodes.map((n) => n.id));
  assert.equal(new Set(ids).size, ids.length, "no duplicate ids");
  assert.ok(!ids.some((id) => ["discover", "sign-up", "maya"].includes(id)), "map ids never become DOM ids");

  // Styles: each map keeps its own theme.
  const fills = await page.$$eval("journey-map svg .jm-bg", (rects) => rects.map((r) => getComputedStyle(r).fill));
  assert.equal(fills[0], "rgb(255, 255, 255)");
  assert.equal(fills[1], "rgb(15, 20, 25)");

  // Keyboard: Esc in map b leaves map a zoomed.
  const startA = await viewBox(page, "#a svg");
  await page.focus('#a .jm-stage[data-stage-index="2"]');
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.hash === "#stage=1:first-order");
  await settled(page, "#a");
  const zoomedA = await viewBox(page, "#a svg");
  assert.notEqual(zoomedA, startA);
  await page.focus('#b .jm-stage[data-stage-index="0"]');
  await page.keyboard.press("Escape");
  await page.keyboard.press("ArrowRight");
  assert.equal(await viewBox(page, "#a svg"), zoomedA, "map a is untouched by keys in map b");
  assert.equal(await page.$$eval("#a .jm-detail.jm-open", (n) => n.length), 1);
  assert.equal(await page.$$eval("#b .jm-detail.jm-open", (n) => n.length), 0);

  // Hash: zooming map b names it; a link to map b on load zooms only map b.
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => location.hash === "#stage=2:discover");
  await page.goto("about:blank");
  await page.goto(`${fileUrl}#stage=2:delivery`);
  await mapsSettled(page, 2);
  await page.waitForFunction(() => document.querySelector("#b").view?.stage === "delivery");
  assert.equal(await page.evaluate(() => document.querySelector("#a").view.stage), null);
  assert.equal(await page.$$eval("#b .jm-detail.jm-open", (n) => n.map((p) => p.dataset.stageIndex)).then(String), "3");
  page.assertClean();
  await page.done();
});

test("a hash naming map N opens that map, also when JourneyMap.render draws a map before it after load", async () => {
  // #x comes first in the document but is drawn only once the element has
  // loaded: the numbering changes under the element's view.
  const { fileUrl } = await writePage(
    "late-render.html",
    html(`<div id="x"></div>${inline(grocery, 'id="el"')}<script>
      window.drawn = new Promise((ok) =>
        document.querySelector("#el").addEventListener("jm-load", () =>
          JourneyMap.render("#x", ${JSON.stringify(grocery)}).then(ok)));
    </script>`),
  );
  const stages = (page) =>
    page.evaluate(async () => ({ x: (await window.drawn).stage, el: document.querySelector("#el").view.stage }));
  const page = await openPage(browser);
  await page.goto(`${fileUrl}#stage=2:sign-up`);
  assert.deepEqual(await stages(page), { x: null, el: "sign-up" });
  assert.equal(await page.evaluate(() => location.hash), "#stage=2:sign-up");
  await page.goto("about:blank");
  await page.goto(`${fileUrl}#stage=1:delivery`);
  assert.deepEqual(await stages(page), { x: "delivery", el: null });
  assert.equal(await page.$$eval("#el .jm-detail.jm-open", (n) => n.length), 0);
  // A map the reader has moved keeps its place when another map arrives.
  await page.goto("about:blank");
  await page.goto(fileUrl);
  await page.evaluate(async () => (window.x = await window.drawn).zoomToStage("discover", { animate: false }));
  assert.equal(await page.evaluate(() => location.hash), "#stage=1:discover");
  await page.evaluate(() => {
    const late = document.createElement("div");
    late.id = "y";
    document.body.prepend(late);
    return JourneyMap.render("#y", document.querySelector("#el script").textContent).then((view) => (window.y = view));
  });
  assert.deepEqual(
    await page.evaluate(() => [window.y.stage, window.x.stage, document.querySelector("#el").view.stage]),
    [null, "discover", null],
  );
  assert.equal(await page.evaluate(() => location.hash), "#stage=2:discover", "the hash follows x's new number");
  page.assertClean();
  await page.done();
});

test("maps added after load, or edited in place, are drawn", async () => {
  const { fileUrl } = await writePage("dynamic.html", html(`<h1>Dynamic</h1><div id="slot"></div>`));
  const page = await openPage(browser);
  await page.goto(fileUrl);
  await page.evaluate((map) => {
    document.querySelector("#slot").innerHTML = `<journey-map id="d1"><script type="application/json">${map}</script></journey-map>`;
  }, minimal);
  await page.waitForSelector("#d1 svg");
  // Editing the inline map redraws it.
  await page.evaluate(() => {
    const script = document.querySelector("#d1 script");
    script.textContent = script.textContent.replace('"Checkout"', '"Edited"');
  });
  await page.waitForFunction(() => document.querySelector("#d1 svg title")?.textContent === "Edited");
  // An element whose map arrives later: a problem first, then the map.
  await page.evaluate(() => {
    const el = document.createElement("journey-map");
    el.id = "d2";
    document.body.append(el);
  });
  await page.waitForSelector("#d2 .jm-error");
  await page.evaluate((map) => {
    const script = document.createElement("script");
    script.type = "application/json";
    script.textContent = map;
    document.querySelector("#d2").append(script);
  }, minimal);
  await page.waitForSelector("#d2 svg");
  assert.equal(await page.locator("#d2 .jm-error").count(), 0);
  // Removing the element ends its view.
  await page.evaluate(() => document.querySelector("#d1").remove());
  page.assertClean();
  await page.done();
});

test("an invalid map rejects with diagnostics and shows a text-only error box", async () => {
  const { fileUrl } = await writePage("invalid.html", html(`<div id="t"></div>`));
  const page = await openPage(browser);
  await page.goto(fileUrl);
  const bad = '{\n  "title": "<img src=x onerror=alert(1)>",\n  "stages": [ { "name": "A", "score": 9, "cells": {} } ]\n}';
  const result = await page.evaluate(async (text) => {
    try {
      await JourneyMap.render("#t", text);
      return null;
    } catch (error) {
      return { name: error.name, message: error.message, diagnostics: error.diagnostics, isError: error instanceof Error };
    }
  }, bad);
  assert.ok(result, "render rejects");
  assert.ok(result.isError);
  assert.equal(result.name, "JourneyMapError");
  const score = result.diagnostics.find((d) => d.path === "stages[0].score");
  assert.ok(score, JSON.stringify(result.diagnostics));
  assert.equal(score.line, 3);
  assert.equal(typeof score.column, "number");
  const box = await page.$eval("#t .jm-error", (el) => ({ text: el.textContent, role: el.getAttribute("role"), imgs: el.querySelectorAll("img").length }));
  assert.equal(box.role, "alert");
  assert.match(box.text, /3:\d+/);
  assert.match(box.text, /stages\[0\]\.score/);
  assert.equal(box.imgs, 0);
  assert.equal(await page.$$eval("#t svg", (n) => n.length), 0, "no map instead of the error");

  // Syntax errors have a line and column; markup in them stays text.
  const syntax = await page.evaluate(async () => {
    try {
      await JourneyMap.render("#t", '{"title": "x", <b>bold</b>');
    } catch (error) {
      return { d: error.diagnostics, text: document.querySelector("#t .jm-error").textContent, b: document.querySelectorAll("#t b").length };
    }
  });
  assert.equal(syntax.d[0].line, 1);
  assert.equal(syntax.b, 0);

  // Non-JSON values of a JS object never reach the core as such.
  const nan = await page.evaluate(() =>
    JourneyMap.check({ title: "t", stages: [{ name: "A", score: NaN, cells: { actions: ["x"] } }] }),
  );
  assert.equal(nan.length, 1);
  assert.equal(nan[0].path, "stages[0].score");
  page.assertClean();
  await page.done();
});

test("a document over 5,000,000 bytes is refused before it reaches wasm", async () => {
  const { fileUrl } = await writePage("big.html", html(`<div id="t"></div>`));
  const page = await openPage(browser);
  await page.goto(fileUrl);
  const result = await page.evaluate(async () => {
    // 2-byte characters: 2,500,001 of them are 5,000,002 bytes of UTF-8.
    const text = `{"title":"${"é".repeat(2500001)}","stages":[]}`;
    const started = performance.now();
    try {
      await JourneyMap.render("#t", text);
    } catch (error) {
      return { d: error.diagnostics, ms: performance.now() - started, box: document.querySelector("#t .jm-error")?.textContent };
    }
  });
  assert.equal(result.d.length, 1);
  assert.match(result.d[0].message, /the document is 5000026 bytes; the limit is 5000000 bytes/);
  assert.match(result.box, /5000000 bytes/);
  page.assertClean();
  await page.done();
});

test("each render gets its own id prefix; options are passed through", async () => {
  const { fileUrl } = await writePage("prefixes.html", html(`<div id="jm3">taken</div><div id="x"></div><div id="y"></div>`));
  const page = await openPage(browser);
  await page.goto(fileUrl);
  const prefixes = await page.evaluate(async (map) => {
    const a = await JourneyMap.renderToString(map);
    const b = await JourneyMap.renderToString(map);
    const c = await JourneyMap.render("#x", map);
    const d = await JourneyMap.render("#y", map, { idPrefix: "mine", theme: "dark" });
    return [a.match(/id="(\w+)"/)[1], b.match(/id="(\w+)"/)[1], c.idPrefix, d.idPrefix, d.svg.getAttribute("class")];
  }, minimal);
  assert.deepEqual(prefixes, ["jm1", "jm2", "jm4", "mine", "jm jm-theme-dark"]);
  const bad = await page.evaluate((map) => JourneyMap.renderToString(map, { theme: "purple" }).catch((e) => e.diagnostics[0].path), minimal);
  assert.equal(bad, "options");
  page.assertClean();
  await page.done();
});

test("SVG and PNG export, from file://", async () => {
  const { fileUrl } = await writePage("export.html", html(`<div id="t"></div>`));
  const page = await openPage(browser);
  await page.goto(fileUrl);
  const result = await page.evaluate(async (map) => {
    const view = await JourneyMap.render("#t", map);
    await view.zoomToStage("sign-up", { animate: false });
    const svg = view.exportSvg();
    const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
    const png1 = await view.exportPng(1);
    const png2 = await view.exportPng();
    const bitmap1 = await createImageBitmap(png1);
    const bitmap2 = await createImageBitmap(png2);
    // Some pixels are not background: the map was drawn.
    const canvas = new OffscreenCanvas(bitmap1.width, bitmap1.height);
    const ctx = canvas.getContext("2d");
    ctx.drawImage(bitmap1, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap1.width, bitmap1.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 100 && data[i + 3] > 0) dark++;
    return {
      start: svg.slice(0, 46),
      parses: doc.getElementsByTagName("parsererror").length === 0,
      exportedViewBox: doc.documentElement.getAttribute("viewBox"),
      open: doc.querySelectorAll(".jm-open").length,
      info: [view.info.width, view.info.height],
      png1: [png1.type, bitmap1.width, bitmap1.height, png1.size],
      png2: [bitmap2.width, bitmap2.height],
      dark,
    };
  }, grocery);
  assert.equal(result.start, '<svg xmlns="http://www.w3.org/2000/svg" id="jm');
  assert.ok(result.parses);
  assert.equal(result.exportedViewBox, `0 0 ${result.info[0]} ${result.info[1]}`, "the export is the overview, not the zoomed view");
  assert.equal(result.open, 0);
  assert.equal(result.png1[0], "image/png");
  assert.deepEqual(result.png1.slice(1, 3), result.info);
  assert.deepEqual(result.png2, result.info.map((v) => v * 2));
  assert.ok(result.dark > 1000, `the PNG has text in it (${result.dark} dark pixels)`);
  page.assertClean();
  await page.done();
});

test("JourneyMap.fromMermaid from file:// loads the importer beside the script, once, on first use", async () => {
  const { fileUrl } = await writePage("mermaid-file.html", html(`<div id="t"></div>`));
  const page = await openPage(browser);
  const importer = watchImporter(page);
  await page.goto(fileUrl);
  await page.evaluate(() => JourneyMap.ready());
  assert.deepEqual(importer, [], "not loaded before it is needed");
  const result = await page.evaluate(
    async ([text, clampText, bad]) => {
      // Two calls at once share one load.
      const [map, again] = await Promise.all([JourneyMap.fromMermaid(text), JourneyMap.fromMermaid(text)]);
      const view = await JourneyMap.render("#t", map);
      let error = null;
      try {
        await JourneyMap.fromMermaid(bad);
      } catch (e) {
        error = { isError: e instanceof JourneyMap.JourneyMapError, message: e.message, diagnostics: e.diagnostics };
      }
      let refused = null;
      try {
        await JourneyMap.fromMermaid(clampText);
      } catch (e) {
        refused = e.diagnostics.length;
      }
      const clamped = await JourneyMap.fromMermaid(clampText, { clamp: true });
      const notText = await JourneyMap.fromMermaid(42).catch((e) => e.diagnostics[0]);
      return {
        map: JSON.parse(JSON.stringify(map)),
        same: JSON.stringify(map) === JSON.stringify(again),
        keys: Object.keys(map),
        warnings: map.warnings,
        stages: view.stages.map((s) => s.id),
        error,
        refused,
        clampedWarnings: clamped.warnings.map((w) => [w.line, w.message]),
        clampedInJson: JSON.stringify(clamped).includes("warnings"),
        notText,
        leaked: [typeof wasm_bindgen, typeof companion, typeof convert],
        registered: typeof globalThis[Symbol.for("journeymap.mermaid")]?.convert,
      };
    },
    [workingDay, clampMmd, badMmd],
  );
  assert.deepEqual(result.map, workingDayMap, "the same map as journeymap import-mermaid");
  assert.ok(result.same);
  assert.deepEqual(result.keys, ["title", "personas", "lanes", "stages"], "warnings is not an enumerable key");
  assert.deepEqual(result.warnings, []);
  assert.deepEqual(result.stages, ["go-to-work", "go-home"]);
  assert.ok(result.error, "an invalid diagram rejects");
  assert.ok(result.error.isError, "with a JourneyMapError");
  assert.equal(result.error.diagnostics.length, 1, JSON.stringify(result.error.diagnostics));
  assert.deepEqual(
    { line: result.error.diagnostics[0].line, column: result.error.diagnostics[0].column },
    { line: 3, column: badMmd.split("\n")[2].indexOf("x") + 1 },
  );
  assert.match(result.error.message, /^3:\d+: /);
  assert.ok(result.refused > 0, "out-of-range scores fail without clamp");
  assert.ok(result.clampedWarnings.length >= 2, JSON.stringify(result.clampedWarnings));
  assert.ok(result.clampedWarnings.every(([line]) => typeof line === "number"));
  assert.equal(result.clampedInJson, false);
  assert.equal(result.notText.path, "journey");
  assert.deepEqual(result.leaked, ["undefined", "undefined", "undefined"], "both glues stay in their scripts' scopes");
  assert.equal(result.registered, "function");
  assert.deepEqual(importer, [new URL("../../dist/journeymap-mermaid.js", fileUrl).href], "loaded once, from beside journeymap.js");
  page.assertClean();
  await page.done();
});

test("JourneyMap.fromMermaid in the ES module over http imports journeymap-mermaid.mjs", async () => {
  const { path } = await writePage(
    "mermaid-module.html",
    html(
      `<div id="target"></div>
      <script type="module">
        import JourneyMap, { fromMermaid, render, JourneyMapError } from "/dist/journeymap.mjs";
        window.result = (async () => {
          const map = await fromMermaid(${JSON.stringify(workingDay)});
          const view = await render("#target", map);
          const error = await fromMermaid(${JSON.stringify(badMmd)}).catch((e) => ({
            isError: e instanceof JourneyMapError,
            diagnostics: e.diagnostics,
          }));
          return {
            same: JourneyMap.fromMermaid === fromMermaid,
            map: JSON.parse(JSON.stringify(map)),
            stages: view.stages.map((s) => s.id),
            error,
            global: typeof JourneyMap === "object" && typeof globalThis.JourneyMap,
          };
        })();
      </script>`,
      "",
    ),
  );
  const page = await openPage(browser);
  const importer = watchImporter(page);
  await page.goto(server.url(path));
  const result = await page.evaluate(() => window.result);
  assert.ok(result.same);
  assert.deepEqual(result.map, workingDayMap);
  assert.deepEqual(result.stages, ["go-to-work", "go-home"]);
  assert.ok(result.error.isError);
  assert.equal(result.error.diagnostics[0].line, 3);
  assert.equal(result.error.diagnostics[0].column, badMmd.split("\n")[2].indexOf("x") + 1);
  assert.equal(result.global, "undefined", "the module defines no global");
  assert.deepEqual(importer, [server.url("dist/journeymap-mermaid.mjs")]);
  page.assertClean();
  await page.done();
});

test("without the importer beside the script, fromMermaid rejects with diagnostics, and tries again later", async () => {
  // A copy of journeymap.js alone in a directory.
  const lonely = join(root, "target/browser-pages/lonely");
  mkdirSync(lonely, { recursive: true });
  copyFileSync(join(root, "dist/journeymap.js"), join(lonely, "journeymap.js"));
  const { path } = await writePage("lonely/page.html", html(`<div id="t"></div>`, `<script src="journeymap.js"></script>`));
  const page = await openPage(browser);
  const importer = watchImporter(page);
  await page.goto(server.url(path));
  const result = await page.evaluate(async (text) => {
    const first = await JourneyMap.fromMermaid(text).catch((e) => ({ name: e.name, message: e.message, diagnostics: e.diagnostics }));
    const second = await JourneyMap.fromMermaid(text).catch((e) => e.diagnostics.length);
    return { first, second };
  }, workingDay);
  assert.match(result.first.message, /cannot load the Mermaid importer from .*lonely\/journeymap-mermaid\.js/);
  assert.equal(result.first.diagnostics.length, 1);
  assert.equal(result.first.diagnostics[0].line, null);
  assert.equal(result.second, 1);
  assert.equal(importer.length, 2, "a failed load is tried again on the next call");
  // The browser reports the 404s itself; nothing else goes wrong.
  assert.ok(page.problems().every((p) => /404|Failed to load resource/.test(p)), page.problems().join("\n"));
  await page.done();
});

test("the script is within its size budget", () => {
  // The figure the issues name: gzip -9 of the file, 150 KiB at most.
  const size = Number(execSync(`gzip -9 < "${join(root, "dist/journeymap.js")}" | wc -c`).toString().trim());
  assert.ok(size <= 150 * 1024, `dist/journeymap.js is ${size} bytes gzipped; the budget is ${150 * 1024}`);
});

test("JourneyMap.diff resolves to the AFTER map's SVG with the diff's marks", async () => {
  const { fileUrl } = await writePage("diff-file.html", html(`<div id="t"></div>`));
  const page = await openPage(browser);
  await page.goto(fileUrl);
  const before = readFileSync(join(root, "tests/diff/trip.before.json"), "utf8");
  const after = readFileSync(join(root, "tests/diff/trip.after.json"), "utf8");
  const result = await page.evaluate(async ([before, after]) => {
    const svg = await JourneyMap.diff(before, after);
    const host = document.querySelector("#t");
    host.innerHTML = svg;
    const marked = (mark) => host.querySelectorAll(`g.jm-card.${mark}`).length;
    let error = null;
    try {
      await JourneyMap.diff(before, "{");
    } catch (e) {
      error = e instanceof JourneyMap.JourneyMapError;
    }
    return {
      root: host.firstElementChild.tagName,
      added: marked("jm-added"),
      changed: marked("jm-changed"),
      removed: marked("jm-removed"),
      stage: host.querySelectorAll(".jm-stage.jm-added").length,
      error,
    };
  }, [before, after]);
  assert.deepEqual(result, { root: "svg", added: 2, changed: 3, removed: 1, stage: 1, error: true });
  page.assertClean();
  await page.done();
});
