// Hostile input in a real browser: every case of tests/hostile/ through
// <journey-map> and JourneyMap.render on a page under a strict CSP, hostile
// JS values, the largest valid map, the 5 MB limit, and the shell's recovery
// when the wasm instance traps (a test build, target/test-dist/).
//
// What counts as an execution: the canary window.__pwned set, a dialog
// opened (the corpus uses both), a CSP violation (the harness turns each into
// a console error), or a console error.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { openPage, writePage, html, inline, mapsSettled, root, startBrowserAndServer, closeAll } from "./harness.mjs";
import { journey } from "../../bench/generate.mjs";

const hostileDir = join(root, "tests/hostile");
/** `{name, text, renders, expected}`: expected are the diagnostics lines of
 * an "error" case, as `LINE:COL: PATH: MESSAGE` (the error box's form too). */
const cases = readdirSync(hostileDir)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((file) => {
    const [outcome, ...expected] = readFileSync(join(hostileDir, file.replace(/\.json$/, ".expect")), "utf8")
      .split("\n")
      .filter(Boolean);
    assert.ok(outcome === "renders" || outcome === "error", `${file}: unknown outcome ${outcome}`);
    return { name: file.replace(/\.json$/, ""), text: readFileSync(join(hostileDir, file), "utf8"), renders: outcome === "renders", expected };
  });

/** A diagnostic as the error box shows it: `LINE:COL PATH: MESSAGE`. */
const boxLine = (line) => line.replace(/^(\d+:\d+): /, "$1 ");

/** What a page must never do, recorded before any of its scripts run. */
function watchExecutions(page) {
  const dialogs = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  return async () => {
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "window.__pwned stays unset");
    assert.deepEqual(dialogs, [], "no dialogs");
    // openPage reports CSP violations as console errors.
    page.assertClean();
  };
}

/** Everything the maps put in the page (their SVG and error boxes) holds no
 * active content: SVG elements only, no event attributes, no script-capable
 * elements, and links only http/https/mailto opening a new tab safely. */
function auditMaps() {
  const problems = [];
  const forbidden = new Set(["script", "foreignobject", "use", "image", "animate", "set", "iframe", "object", "embed", "img"]);
  for (const host of document.querySelectorAll("journey-map, .host")) {
    for (const el of host.querySelectorAll("*")) {
      if (el.parentElement === host && el.localName === "script" && el.type === "application/json") continue;
      const name = el.localName.toLowerCase();
      if (forbidden.has(name)) problems.push(`<${name}> in ${host.id}`);
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) problems.push(`${attr.name} on <${name}> in ${host.id}`);
        if (/^(href|xlink:href|src)$/i.test(attr.name) && name !== "a") problems.push(`${attr.name} on <${name}> in ${host.id}`);
      }
      if (name === "a" && el.namespaceURI === "http://www.w3.org/2000/svg") {
        const href = el.getAttribute("href") || "";
        if (!/^(https?|mailto):/i.test(href)) problems.push(`link ${JSON.stringify(href)} in ${host.id}`);
        if (el.getAttribute("target") !== "_blank" || el.getAttribute("rel") !== "noopener noreferrer") {
          problems.push(`link ${JSON.stringify(href)} without target=_blank rel="noopener noreferrer" in ${host.id}`);
        }
      }
    }
  }
  return problems;
}

/** The page still answers: a frame is painted within a second. */
async function assertResponsive(page) {
  const answered = await Promise.race([
    page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => ok(true)))),
    new Promise((ok) => setTimeout(() => ok(false), 1000)),
  ]);
  assert.ok(answered, "the page stays responsive");
}

let browser;
let server;
before(async () => ({ browser, server } = await startBrowserAndServer()));
after(() => closeAll(browser, server));

test("every hostile case through <journey-map>, under a strict CSP: safe maps or located errors, nothing runs", async () => {
  assert.ok(cases.length >= 25, "the corpus is there");
  const body = cases.map((c, i) => inline(c.text, `id="case-${i}" nohash`)).join("\n");
  const { path } = await writePage("hostile-elements.csp.html", html(body, `<script src="/dist/journeymap.js"></script>`));
  const page = await openPage(browser);
  const assertNothingRan = await watchExecutions(page);
  await page.goto(server.url(path));
  await mapsSettled(page, cases.length);
  const outcomes = await page.evaluate(
    (count) =>
      Array.from({ length: count }, (_, i) => {
        const el = document.getElementById(`case-${i}`);
        return { svg: el.querySelectorAll(".jm-view svg").length, error: el.querySelector(".jm-error")?.textContent ?? null };
      }),
    cases.length,
  );
  cases.forEach((c, i) => {
    if (c.renders) {
      assert.equal(outcomes[i].error, null, `${c.name} renders`);
      assert.equal(outcomes[i].svg, 1, `${c.name} renders`);
    } else {
      assert.equal(outcomes[i].svg, 0, `${c.name} shows no map`);
      assert.ok(outcomes[i].error, `${c.name} shows an error box`);
      for (const line of c.expected) {
        const shown = boxLine(line);
        assert.ok(outcomes[i].error.includes(shown), `${c.name}: the box says ${shown}\n${outcomes[i].error}`);
      }
    }
  });
  assert.deepEqual(await page.evaluate(auditMaps), []);
  await assertResponsive(page);
  await assertNothingRan();
  await page.done();
});

test("every hostile case through JourneyMap.render and renderToString, from file://", async () => {
  const { fileUrl } = await writePage("hostile-api.html", html(`<div class="host" id="t"></div>`));
  const page = await openPage(browser);
  const assertNothingRan = await watchExecutions(page);
  await page.addInitScript({ content: `window.auditMaps = ${auditMaps}` });
  await page.goto(fileUrl);
  for (const c of cases) {
    const result = await page.evaluate(async (text) => {
      const target = document.getElementById("t");
      try {
        const view = await JourneyMap.render(target, text, { hash: false });
        const svg = await JourneyMap.renderToString(text);
        return { ok: true, cards: view.svg.querySelectorAll(".jm-card").length, same: svg.length > 0, audit: auditMaps() };
      } catch (error) {
        return { ok: false, name: error.name, diagnostics: error.diagnostics, box: target.querySelector(".jm-error")?.textContent };
      }
    }, c.text);
    if (c.renders) {
      assert.ok(result.ok, `${c.name} renders: ${JSON.stringify(result.diagnostics)}`);
      assert.deepEqual(result.audit, [], c.name);
    } else {
      assert.equal(result.ok, false, `${c.name} is refused`);
      assert.equal(result.name, "JourneyMapError", c.name);
      const lines = result.diagnostics.map((d) => `${d.line != null ? `${d.line}:${d.column}: ` : ""}${d.path}: ${d.message}`);
      assert.deepEqual(lines, c.expected, c.name);
      for (const line of c.expected) assert.ok(result.box.includes(boxLine(line)), `${c.name}: the box says ${boxLine(line)}`);
    }
  }
  await assertResponsive(page);
  await assertNothingRan();
  await page.done();
});

test("hostile JS values: NaN, Infinity, __proto__ keys, lone surrogates, throwing getters, cycles", async () => {
  const { fileUrl } = await writePage("hostile-values.html", html(`<div class="host" id="t"></div>`));
  const page = await openPage(browser);
  const assertNothingRan = await watchExecutions(page);
  await page.goto(fileUrl);
  const results = await page.evaluate(async () => {
    const stage = (cells, extra = {}) => ({ name: "Stage", ...extra, cells });
    const attempt = async (map) => {
      try {
        const view = await JourneyMap.render("#t", map, { hash: false });
        return { ok: true, title: view.svg.querySelector("title").textContent };
      } catch (error) {
        return {
          ok: false,
          name: error.name,
          paths: (error.diagnostics || []).map((d) => d.path),
          messages: (error.diagnostics || []).map((d) => d.message).join(" | "),
          box: !!document.querySelector("#t .jm-error"),
        };
      }
    };
    const cyclic = { title: "Cycle", stages: [] };
    cyclic.stages.push({ name: "Loop", cells: { actions: [cyclic] } });
    return {
      nan: await attempt({ title: "t", stages: [stage({ actions: ["x"] }, { score: NaN })] }),
      infinity: await attempt({ title: "t", stages: [stage({ actions: ["x"] }, { reach: Infinity })] }),
      protoKey: await attempt(JSON.parse('{"__proto__": {"polluted": 1}, "title": "t", "stages": [{"name": "A", "cells": {}}]}')),
      polluted: {}.polluted,
      constructorKey: await attempt({ title: "t", constructor: { prototype: { polluted: 1 } }, stages: [stage({})] }),
      loneSurrogateObject: await attempt({ title: "a\ud800b", stages: [stage({ actions: ["x"] })] }),
      // As text, a lone surrogate cannot cross into UTF-8: it becomes U+FFFD.
      loneSurrogateText: await attempt(`{"title": "a\ud800b", "stages": [{"name": "A", "cells": {"actions": ["x"]}}]}`),
      getter: await attempt({
        get title() {
          throw new Error("boom");
        },
        stages: [],
      }),
      cycle: await attempt(cyclic),
      bigint: await attempt({ title: "t", stages: [stage({}, { reach: 10n })] }),
      toJSON: await attempt({ toJSON: () => "</svg><script>window.__pwned = 1</script>" }),
      fn: await attempt(() => 1),
      undef: await attempt(undefined),
      inherited: await attempt(Object.create({ title: "inherited", stages: [stage({})] })),
      stillWorks: await attempt({ title: "After all that", stages: [stage({ actions: ["x"] })] }),
    };
  });
  const refused = (r, name, path) => {
    assert.equal(r.ok, false, name);
    assert.equal(r.name, "JourneyMapError", name);
    assert.ok(r.box, `${name}: the error box is shown`);
    if (path) assert.ok(r.paths.includes(path), `${name}: ${r.paths} includes ${path} (${r.messages})`);
  };
  refused(results.nan, "NaN", "stages[0].score");
  refused(results.infinity, "Infinity", "stages[0].reach");
  refused(results.protoKey, "__proto__ own key", "__proto__");
  assert.equal(results.polluted, undefined, "Object.prototype is untouched");
  refused(results.constructorKey, "constructor key", "constructor");
  // JSON.stringify writes it as "\ud800", which the parser refuses where it stands.
  refused(results.loneSurrogateObject, "lone surrogate in an object", "$");
  assert.match(results.loneSurrogateObject.messages, /lone surrogate/);
  assert.deepEqual(results.loneSurrogateText, { ok: true, title: "a\ufffdb" });
  refused(results.getter, "throwing getter", "$");
  assert.match(results.getter.messages, /cannot be turned into JSON: boom/);
  refused(results.cycle, "cyclic object", "$");
  assert.match(results.cycle.messages, /cannot be turned into JSON/);
  refused(results.bigint, "BigInt", "$");
  refused(results.toJSON, "toJSON returning markup", "$");
  assert.match(results.toJSON.messages, /expected a JSON object/);
  refused(results.fn, "a function", "$");
  refused(results.undef, "undefined", "$");
  refused(results.inherited, "inherited fields only", "title");
  assert.deepEqual(results.stillWorks, { ok: true, title: "After all that" });
  await assertResponsive(page);
  await assertNothingRan();
  await page.done();
});

test("a document over 5 MB is refused before it reaches wasm; the largest valid map (20,000 items) renders", async () => {
  const { map } = journey(20000);
  const largest = JSON.stringify(map);
  assert.ok(Buffer.byteLength(largest) < 5000000);
  const { fileUrl } = await writePage("hostile-sizes.html", html(`<div class="host" id="t"></div>`));
  const page = await openPage(browser);
  const assertNothingRan = await watchExecutions(page);
  // The wasm memory, to see whether a text was copied into it.
  await page.addInitScript(() => {
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = async function (...args) {
      const result = await instantiate.apply(this, args);
      window.__memory = (result.instance || result).exports.memory;
      return result;
    };
  });
  await page.goto(fileUrl);
  await page.evaluate(() => JourneyMap.ready());
  const oversized = await page.evaluate(async () => {
    const before = window.__memory.buffer.byteLength;
    const text = `{"title":"${"x".repeat(5000000)}","stages":[]}`;
    const el = document.createElement("journey-map");
    el.setAttribute("nohash", "");
    const script = document.createElement("script");
    script.type = "application/json";
    script.textContent = text;
    el.append(script);
    const failed = new Promise((ok) => el.addEventListener("jm-error", (e) => ok(e.detail.diagnostics)));
    document.body.append(el);
    const fromElement = await failed;
    const fromRender = await JourneyMap.render("#t", text).catch((error) => error.diagnostics);
    return {
      fromElement: fromElement.map((d) => d.message),
      fromRender: fromRender.map((d) => d.message),
      box: el.querySelector(".jm-error")?.textContent,
      before,
      after: window.__memory.buffer.byteLength,
    };
  });
  const limit = ["the document is 5000024 bytes; the limit is 5000000 bytes (5 MB)"];
  assert.deepEqual(oversized.fromElement, limit);
  assert.deepEqual(oversized.fromRender, limit);
  assert.match(oversized.box, /5000000 bytes/);
  assert.ok(oversized.before < 5000000, `the fresh instance is small (${oversized.before} bytes)`);
  assert.equal(oversized.after, oversized.before, "the wasm memory did not grow: the text was never copied into it");

  const large = await page.evaluate(async (text) => {
    const view = await JourneyMap.render("#t", text, { hash: false });
    return { cards: view.svg.querySelectorAll(".jm-card").length, memory: window.__memory.buffer.byteLength };
  }, largest);
  assert.equal(large.cards, 20000);
  assert.ok(large.memory > oversized.after + largest.length, "a map that is rendered does go through wasm memory");
  // The first frame paints 20,000 cards (seconds on a small machine); after
  // it, the page answers at once again.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(ok)));
  await assertResponsive(page);
  await assertNothingRan();
  await page.done();
});

test("the page can narrow the link policy: the links option and attribute", async () => {
  const links = JSON.stringify({
    title: "Links",
    stages: [
      {
        name: "Help",
        cells: {
          actions: [
            { text: "Web help", url: "https://example.com/help" },
            { text: "Plain web", url: "http://example.com/" },
            { text: "Write to us", url: "mailto:help@example.com" },
          ],
        },
      },
    ],
  });
  const { fileUrl } = await writePage(
    "links.html",
    html(`<div class="host" id="all"></div><div class="host" id="https"></div>${inline(links, 'id="el" links="https mailto" nohash')}`),
  );
  const page = await openPage(browser);
  await page.goto(fileUrl);
  await mapsSettled(page, 1);
  const result = await page.evaluate(async (map) => {
    const hrefs = (root) => [...root.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    const texts = (root) => [...root.querySelectorAll(".jm-card")].map((c) => c.textContent.replace(/\s+/g, " ").trim());
    const all = await JourneyMap.render("#all", map, { hash: false });
    const narrowed = await JourneyMap.render("#https", map, { hash: false, links: ["https"] });
    const none = await JourneyMap.renderToString(map, { links: [] });
    const widened = await JourneyMap.renderToString(map, { links: ["https", "javascript"] }).catch((e) => e.diagnostics);
    return {
      all: hrefs(all.svg),
      narrowed: hrefs(narrowed.svg),
      narrowedTexts: texts(narrowed.svg),
      element: hrefs(document.querySelector("#el svg")),
      none: (none.match(/<a /g) || []).length,
      widened,
    };
  }, links);
  assert.deepEqual(result.all, ["https://example.com/help", "http://example.com/", "mailto:help@example.com"]);
  assert.deepEqual(result.narrowed, ["https://example.com/help"]);
  assert.deepEqual(
    result.narrowedTexts,
    ["Web help Has a link", "Plain web", "Write to us"],
    "the other cards keep their text, without the link hint",
  );
  assert.deepEqual(result.element, ["https://example.com/help", "mailto:help@example.com"]);
  assert.equal(result.none, 0);
  assert.equal(result.widened[0].path, "options");
  assert.match(result.widened[0].message, /only narrow/);
  page.assertClean();
  await page.done();
});

test("when the wasm instance traps, the shell shows the error and the next render works (test build)", async () => {
  const good = JSON.stringify({ title: "Fine", stages: [{ name: "A", cells: { actions: ["x"] } }] });
  const trap = JSON.stringify({ title: "journeymap:force-trap", stages: [{ name: "A", cells: {} }] });
  const { fileUrl } = await writePage(
    "trap.html",
    html(`<div id="t"></div><div id="u"></div>`, `<script src="../test-dist/journeymap.js"></script>`),
  );
  const page = await openPage(browser);
  // Counts the wasm instances started.
  await page.addInitScript(() => {
    window.__instances = 0;
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = function (...args) {
      window.__instances++;
      return instantiate.apply(this, args);
    };
  });
  await page.goto(fileUrl);
  const result = await page.evaluate(
    async ({ good, trap }) => {
      const attempt = (target, map) =>
        JourneyMap.render(target, map, { hash: false }).then(
          (view) => ({ ok: true, cards: view.svg.querySelectorAll(".jm-card").length }),
          (error) => ({ ok: false, message: error.message, cause: error.cause?.constructor?.name, diagnostics: error.diagnostics }),
        );
      const steps = {};
      steps.before = await attempt("#t", good);
      steps.trapped = await attempt("#t", trap);
      steps.box = document.querySelector("#t .jm-error")?.textContent;
      steps.after = await attempt("#u", good);
      steps.again = await attempt("#t", good);
      steps.checkTrapped = await JourneyMap.check(trap).then(
        () => "resolved",
        (error) => error.message,
      );
      steps.checkAfter = await JourneyMap.check(good);
      // Through the element too.
      const el = document.createElement("journey-map");
      el.setAttribute("nohash", "");
      el.innerHTML = `<script type="application/json">${trap}<\/script>`;
      const failed = new Promise((ok) => el.addEventListener("jm-error", (e) => ok(e.detail.error.message)));
      document.body.append(el);
      steps.element = await failed;
      steps.afterElement = await attempt("#u", good);
      steps.instances = window.__instances;
      return steps;
    },
    { good, trap },
  );
  assert.deepEqual(result.before, { ok: true, cards: 1 });
  assert.equal(result.trapped.ok, false);
  assert.match(result.trapped.message, /core stopped on this map \(RuntimeError: unreachable.*\); it has been restarted/);
  assert.equal(result.trapped.cause, "RuntimeError");
  assert.equal(result.trapped.diagnostics.length, 1);
  assert.match(result.box, /it has been restarted/);
  assert.deepEqual(result.after, { ok: true, cards: 1 }, "the next render works on a fresh instance");
  assert.deepEqual(result.again, { ok: true, cards: 1 });
  assert.match(result.checkTrapped, /core stopped/);
  assert.deepEqual(result.checkAfter, []);
  assert.match(result.element, /core stopped/);
  assert.deepEqual(result.afterElement, { ok: true, cards: 1 });
  assert.equal(result.instances, 4, "one instance at start, one after each of the three traps");
  // The trap is reported by the promise, not as an uncaught error.
  page.assertClean();
  await page.done();
});
