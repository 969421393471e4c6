// The page surface, tried as an attacker and as a careless page would
// (issue 18): DOM clobbering, id clashes between copies of the script and
// with the page, races and lifecycles of loads and views, Trusted Types, a
// strict style-src, and the small gaps (data: and endless `src`, a path
// starting with `//`, export under img-src 'none', the height bound).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, serve, openPage, writePage, html, inline, mapsSettled, root } from "./harness.mjs";

const grocery = readFileSync(join(root, "examples/grocery-delivery.json"), "utf8");
const groceryMap = JSON.parse(grocery);
const firstStage = groceryMap.stages[0].id;
const minimal = (title) => JSON.stringify({ title, stages: [{ name: "Cart", cells: { actions: ["Add item"] } }] });
const workingDay = readFileSync(join(root, "tests/mermaid/working_day.mmd"), "utf8");

/** A response held back until the test releases it: `{route, release}`. */
function heldResponse(body) {
  let release;
  const released = new Promise((ok) => (release = ok));
  return {
    route: async (req, res) => {
      await released;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(body);
    },
    release: () => release(),
  };
}

/** An endless JSON text (a string that never closes), in 1 MB chunks;
 * `sent()` is how many bytes went out before the client stopped reading. */
function endlessResponse() {
  let sent = 0;
  let closed = false;
  return {
    route: (req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(1 << 20, 0x78);
      res.write('{"title":"');
      const pump = () => {
        while (!closed && sent < 120 << 20) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end('"}');
      };
      res.on("close", () => (closed = true));
      pump();
    },
    sent: () => sent,
    closed: () => closed,
  };
}

const held = heldResponse(minimal("From the slow file"));
const second = minimal("From the second file");
const endless = endlessResponse();

let browser;
let server;
before(async () => {
  browser = await launch(["--js-flags=--expose-gc"]);
  server = await serve({
    "/slow.json": held.route,
    "/second.json": (req, res) => res.writeHead(200, { "content-type": "application/json" }).end(second),
    "/endless.json": endless.route,
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page with a Content-Security-Policy in a <meta> element. */
const withPolicy = (policy, body, script = `<script src="../../dist/journeymap.js"></script>`) =>
  html(body, `<meta http-equiv="Content-Security-Policy" content="${policy}">${script}`);

test("DOM clobbering: named elements shadowing document and window properties change nothing", async () => {
  const clobbers = ["currentScript", "getElementById", "createElement", "querySelector", "querySelectorAll", "readyState", "head", "adoptedStyleSheets", "baseURI", "documentElement"]
    .map((name) => `<img name="${name}" src="http://other.invalid/x/">`)
    .join("");
  const { path } = await writePage(
    "surface-clobber.html",
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${clobbers}` +
      `<form id="addEventListener"></form><form id="dispatchEvent"></form>` +
      `<script src="../../dist/journeymap.js"></script>${inline(grocery)}<div id="t"></div></body></html>`,
  );
  const page = await openPage(browser);
  const scripts = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(request.url());
  });
  await page.goto(server.url(path));
  // The harness's own waits read document.querySelectorAll, which the page shadows.
  await page.waitForFunction(() => Document.prototype.querySelector.call(document, "journey-map .jm-view svg, journey-map .jm-error"));
  const result = await page.evaluate(
    async ([text, mermaid]) => {
      const view = await JourneyMap.render(Document.prototype.getElementById.call(document, "t"), text, { hash: false });
      const map = await JourneyMap.fromMermaid(mermaid).catch((e) => e);
      return {
        element: !!Document.prototype.querySelector.call(document, "journey-map .jm-view svg"),
        rendered: view.svg.querySelectorAll(".jm-card").length > 0,
        mermaid: map instanceof Error ? map.message : map.title,
      };
    },
    [grocery, workingDay],
  );
  assert.ok(result.element, "the element's map is drawn");
  assert.ok(result.rendered, "JourneyMap.render draws");
  assert.equal(result.mermaid, "My working day", "the importer loads and converts");
  const foreign = scripts.filter((url) => !url.startsWith(server.url("")));
  assert.deepEqual(foreign, [], "no script from another origin");
  assert.ok(scripts.includes(server.url("dist/journeymap-mermaid.js")), "the importer came from beside journeymap.js");
  await page.done();
});

test("id prefixes are unique across two copies of the script and against the page's own ids", async () => {
  const { path } = await writePage(
    "surface-ids.html",
    html(
      `<p id="jm1-title">Not a map's title</p><div id="a"></div><div id="b"></div><div id="c"></div>` +
        `<script type="module">import JM from "../../dist/journeymap.mjs"; window.JM2 = JM;</script>`,
    ),
  );
  const page = await openPage(browser);
  await page.goto(server.url(path));
  await page.waitForFunction(() => window.JM2);
  const ids = await page.evaluate(async (text) => {
    await JourneyMap.render("#a", text, { hash: false });
    await window.JM2.render("#b", text, { hash: false });
    await JourneyMap.render("#c", text, { hash: false });
    const all = [...document.querySelectorAll("[id]")].map((el) => el.id);
    const duplicates = all.filter((id, i) => all.indexOf(id) !== i);
    const names = [...document.querySelectorAll("svg[aria-labelledby]")].map((svg) =>
      svg.getAttribute("aria-labelledby").split(" ").map((id) => svg.contains(document.getElementById(id))),
    );
    return { duplicates, names };
  }, minimal("Checkout"));
  assert.deepEqual(ids.duplicates, [], "no id is used twice");
  assert.equal(ids.names.length, 3);
  assert.ok(ids.names.every((inside) => inside.every(Boolean)), `every map is named by its own elements: ${JSON.stringify(ids.names)}`);
  page.assertClean();
  await page.done();
});

test("src changed or removed while the first load is in flight: the newest wins", async () => {
  const { path } = await writePage(
    "surface-src-race.html",
    html(`<journey-map id="a" nohash src="/slow.json"></journey-map><journey-map id="b" nohash src="/slow.json">${`<script type="application/json">${minimal("Inline")}</script>`}</journey-map>`),
  );
  const page = await openPage(browser);
  await page.goto(server.url(path));
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    document.querySelector("#a").setAttribute("src", "/second.json");
    document.querySelector("#b").removeAttribute("src");
  });
  await page.waitForFunction(() => document.querySelectorAll("journey-map svg title").length === 2, null, { timeout: 5000 });
  held.release();
  await page.waitForTimeout(500);
  const titles = await page.$$eval("journey-map", (els) => els.map((el) => el.querySelector("svg title").textContent));
  assert.deepEqual(titles, ["From the second file", "Inline"]);
  page.assertClean();
  await page.done();
});

test("views whose element or target left the page are let go; a destroyed view fires no more events", async () => {
  const { path } = await writePage("surface-lifecycle.html", html(`<div id="t"></div>`));
  const page = await openPage(browser);
  await page.goto(server.url(path));
  await page.evaluate(async (text) => {
    const refs = [];
    // An element removed while its map is being drawn (the core is still
    // starting), and a render target removed without destroy().
    (() => {
      const element = document.createElement("journey-map");
      element.setAttribute("nohash", "");
      element.innerHTML = `<script type="application/json">${text}</script>`;
      document.body.append(element);
      refs.push(new WeakRef(element));
      setTimeout(() => element.remove(), 5);
    })();
    await JourneyMap.ready();
    await new Promise((ok) => setTimeout(ok, 500));
    await (async () => {
      const target = document.createElement("div");
      document.body.append(target);
      await JourneyMap.render(target, text, { hash: false });
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      refs.push(new WeakRef(target));
      target.remove();
    })();
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    window.__refs = refs;
  }, grocery);
  await page.waitForTimeout(200);
  const collected = await page.evaluate(async () => {
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((ok) => setTimeout(ok, 50));
    }
    return window.__refs.map((ref) => ref.deref() === undefined);
  });
  assert.deepEqual(collected, [true, true], "both hosts are garbage once the page let go of them");
  const after = await page.evaluate(
    async ([text, stage]) => {
      const events = [];
      const view = await JourneyMap.render("#t", text, { hash: false });
      document.querySelector("#t").addEventListener("jm-stagechange", (event) => events.push(event.detail.id));
      await view.zoomToStage(stage, { animate: false });
      view.destroy();
      await view.overview({ animate: false });
      return events;
    },
    [grocery, firstStage],
  );
  assert.deepEqual(after, [firstStage], "only the zoom before destroy() fired");
  await page.done();
});

test("under require-trusted-types-for 'script', with the policy journeymap allowed, maps draw and Mermaid imports", async () => {
  const { path } = await writePage(
    "surface-tt.html",
    withPolicy("require-trusted-types-for 'script'; trusted-types journeymap", `${inline(grocery, "nohash")}<div id="t"></div>`),
  );
  const page = await openPage(browser);
  await page.goto(server.url(path));
  await mapsSettled(page, 1);
  const result = await page.evaluate(async (text) => {
    const map = await JourneyMap.fromMermaid(text);
    const view = await JourneyMap.render("#t", map, { hash: false });
    return { element: !!document.querySelector("journey-map .jm-view svg"), stages: view.stages.length };
  }, workingDay);
  assert.deepEqual(result, { element: true, stages: 2 });
  page.assertClean();
  await page.done();
});

test("under a style-src without 'unsafe-inline' the map keeps its colours, in a shadow root too", async () => {
  const body = `${inline(grocery, "nohash")}<div id="shadow-host"></div>`;
  const colours = async (page) =>
    page.evaluate(async (text) => {
      const host = document.querySelector("#shadow-host");
      const root = host.shadowRoot || host.attachShadow({ mode: "open" });
      const inner = document.createElement("div");
      root.replaceChildren(inner);
      await JourneyMap.render(inner, text, { hash: false, theme: "dark" });
      const light = document.querySelector("journey-map svg");
      const dark = root.querySelector("svg");
      const fill = (svg) => getComputedStyle(svg.querySelector(".jm-card-box")).fill;
      return {
        light: fill(light),
        dark: fill(dark),
        background: getComputedStyle(dark).backgroundColor,
        toolbar: getComputedStyle(root.querySelector(".jm-toolbar")).display,
        styles: document.querySelectorAll("svg style").length + root.querySelectorAll("svg style").length,
      };
    }, grocery);
  const { path: open } = await writePage("surface-style-open.html", html(body));
  const reference = await openPage(browser);
  await reference.goto(server.url(open));
  await mapsSettled(reference, 1);
  const expected = await colours(reference);
  await reference.done();
  const { path } = await writePage("surface-style-strict.html", withPolicy("style-src 'self'", body));
  const page = await openPage(browser);
  await page.goto(server.url(path));
  await mapsSettled(page, 1);
  const strict = await colours(page);
  assert.notEqual(strict.light, "rgb(0, 0, 0)");
  assert.equal(strict.toolbar, "flex", "the shell's sheet applies in the shadow root");
  assert.deepEqual({ ...strict, styles: 0 }, { ...expected, styles: 0 });
  const exported = await page.$eval("journey-map", (el) => el.view.exportSvg());
  assert.match(exported, /<style>#jm\d+\{/, "the exported SVG keeps its own <style>");
  page.assertClean();
  await page.done();
});

test("src is same-origin only (no data: URL), and an endless src is refused at the limit, not read whole", async () => {
  const data = `data:application/json,${encodeURIComponent(minimal("From a data URL"))}`;
  const { path } = await writePage(
    "surface-src.html",
    html(`<journey-map id="d" nohash src="${data}"></journey-map><journey-map id="e" nohash src="/endless.json"></journey-map>`),
  );
  const page = await openPage(browser);
  await page.goto(server.url(path));
  await mapsSettled(page, 2);
  const boxes = await page.$$eval("journey-map", (els) => els.map((el) => el.querySelector(".jm-error")?.textContent ?? "drawn"));
  assert.match(boxes[0], /same-origin/);
  assert.match(boxes[1], /limit is 5000000 bytes/);
  await page.waitForTimeout(300);
  assert.ok(endless.closed(), "the response was cancelled");
  assert.ok(endless.sent() < 40 << 20, `at most a few MB read past the limit (${endless.sent()} bytes sent)`);
  await page.done();
});

test("on a page whose path starts with //, the overview clears the hash", async () => {
  const { path } = await writePage("surface-slashes.html", html(inline(grocery)));
  const page = await openPage(browser);
  await page.goto(server.url(`/${path}`).replace(/(\d)\/(?!\/)/, "$1//"));
  assert.match(await page.evaluate(() => location.pathname), /^\/\//);
  await mapsSettled(page, 1);
  await page.evaluate((stage) => document.querySelector("journey-map").view.zoomToStage(stage, { animate: false }), firstStage);
  assert.equal(await page.evaluate(() => location.hash), `#stage=${firstStage}`);
  await page.evaluate(() => document.querySelector("journey-map").view.overview({ animate: false }));
  assert.equal(await page.evaluate(() => location.hash), "");
  await page.done();
});

test("exportPng under img-src 'none' rejects with a readable error; height has an upper bound", async () => {
  const { path } = await writePage("surface-img.html", withPolicy("img-src 'none'", inline(grocery, 'nohash height="99999999"')));
  const page = await openPage(browser);
  await page.goto(server.url(path));
  await mapsSettled(page, 1);
  const result = await page.evaluate(async () => {
    const el = document.querySelector("journey-map");
    const error = await el.view.exportPng().catch((e) => e);
    return { name: error.name, message: error.message, height: el.querySelector(".jm-viewport").getBoundingClientRect().height };
  });
  assert.equal(result.name, "Error");
  assert.match(result.message, /^journeymap: .*img-src/);
  assert.ok(result.height <= 16384, `the viewport is at most 16,384 px high (${result.height})`);
  await page.done();
});

test("the playground ignores a malformed or inherited #example name", async () => {
  for (const hash of ["#example=%E0%A4%A", "#example=constructor", "#example=__proto__"]) {
    const page = await openPage(browser);
    await page.goto(server.url(`dist/playground.html${hash}`));
    await page.waitForSelector("#map svg");
    const shown = await page.evaluate(() => ({ example: document.querySelector("#example").value, text: document.querySelector("#source").value.length }));
    assert.ok(shown.example && shown.text > 0, `${hash}: the first example is shown (${JSON.stringify(shown)})`);
    page.assertClean();
    await page.done();
  }
});
