// First paint of a pre-rendered map (issue 19): the page paints the
// fragment's SVG as it is, without the wasm, and the view adopts it after
// that frame without laying the SVG out in a script task of its own (the
// frame's layout does it).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openPage, writePage, html, cli, countWasm, startBrowserAndServer, closeAll } from "./harness.mjs";

let browser;
let server;
before(async () => ({ browser, server } = await startBrowserAndServer()));
after(() => closeAll(browser, server));

/** In the page, before its scripts: what the first frame after the
 * document is parsed shows (a requestAnimationFrame callback runs just
 * before the frame is painted, and this one before the shell's). */
function watchFirstFrame() {
  document.addEventListener("DOMContentLoaded", () => {
    requestAnimationFrame(() => {
      const svg = document.querySelector("journey-map svg");
      window.__firstFrame = { asItIs: svg?.parentElement?.localName === "journey-map", view: !!document.querySelector(".jm-view") };
    });
  });
}

/** Chromium's layouts of the SVG (those that lay out at least half of
 * `objects` layout objects) in `events`, each with whether a script forced
 * it (it ran inside a script's task: a timer, an event, a callback). */
function svgLayouts(events, objects) {
  const main = events.find((e) => e.name === "jm-traced");
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X");
  const scripts = mine.filter((e) => /^(FunctionCall|TimerFire|EventDispatch|EvaluateScript|v8\.callFunction)$/.test(e.name));
  return mine
    .filter((e) => e.name === "Layout" && (e.args?.beginData?.dirtyObjects ?? 0) >= objects / 2)
    .map((e) => ({ at: e.ts, forced: scripts.some((s) => s.ts <= e.ts && e.ts < s.ts + s.dur) }));
}

test("a pre-rendered map paints as it is, then the view adopts it with no forced layout of the SVG", async () => {
  const fragment = cli("render", "examples/grocery-delivery.json", "--format", "fragment");
  const page = await openPage(browser);
  await page.addInitScript(countWasm);
  await page.addInitScript(watchFirstFrame);
  await page.addInitScript(() => performance.mark("jm-traced"));
  const { path } = await writePage("firstpaint-prerendered.html", html(fragment));
  await browser.startTracing(page, { categories: ["devtools.timeline", "blink.user_timing"] });
  let traceEvents;
  try {
    await page.goto(server.url(path));
    await page.waitForFunction(() => document.querySelector("journey-map")?.view, null, { timeout: 15000 });
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  } finally {
    ({ traceEvents } = JSON.parse((await browser.stopTracing()).toString()));
  }
  assert.deepEqual(await page.evaluate(() => window.__firstFrame), { asItIs: true, view: false }, "the first frame shows the fragment's SVG");
  assert.equal(await page.locator("journey-map .jm-view .jm-viewport > svg").count(), 1, "then the view holds it");
  assert.equal(await page.evaluate(() => window.__wasmCalls), 0, "no WebAssembly");
  const objects = await page.$$eval("journey-map svg *", (all) => all.length);
  const layouts = svgLayouts(traceEvents, objects);
  assert.ok(layouts.length >= 1, "the SVG was laid out");
  assert.deepEqual(layouts.filter((l) => l.forced), [], "no script forced a layout of the SVG");
  page.assertClean();
  await page.done();
});
