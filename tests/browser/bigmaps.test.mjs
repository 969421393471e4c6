// Big valid maps must not freeze the page (issue 18): the longest
// main-thread task while one is drawn (Long Tasks API), renders superseded
// before the core call, zooming that touches only what changes, PNG export
// capped with a readable error, the Mermaid importer stopping at the first
// limit, and the playground editor on a 5 MB text.
//
// Each test prints its figures (`# …` lines in the TAP output).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { openPage, writePage, html, inline, startBrowserAndServer, closeAll } from "./harness.mjs";
import { journey } from "../../bench/generate.mjs";

let browser;
let server;
before(async () => ({ browser, server } = await startBrowserAndServer()));
after(() => closeAll(browser, server));

const note = (t, text) => t.diagnostic(text);

/** Counts the core's render calls: the wasm instance's exports, wrapped. */
function countCoreRenders(page) {
  return page.addInitScript(() => {
    window.__coreRenders = 0;
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = async function (...args) {
      const result = await instantiate.apply(this, args);
      const instance = result.instance || result;
      const exports = { ...instance.exports };
      const render = exports.render;
      exports.render = (...a) => (window.__coreRenders++, render(...a));
      return { instance: { exports }, module: result.module || args[0] };
    };
  });
}

/** Runs `action` (a function's text, run in the page) and returns the
 * durations of the long tasks (over 50 ms) from its start until two frames
 * after it settled. */
async function longTasks(page, action, arg) {
  return page.evaluate(
    async ([source, arg]) => {
      const durations = [];
      const observer = new PerformanceObserver((list) => durations.push(...list.getEntries().map((e) => e.duration)));
      observer.observe({ type: "longtask" });
      await new Function("arg", `return (${source})(arg)`)(arg);
      for (let i = 0; i < 3; i++) await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
      durations.push(...observer.takeRecords().map((e) => e.duration));
      observer.disconnect();
      return durations.map(Math.round);
    },
    [action.toString(), arg],
  );
}

const drawInto = async (text) => {
  await JourneyMap.ready();
  const target = document.createElement("div");
  document.body.append(target);
  await JourneyMap.render(target, text, { hash: false });
};

/** Runs `action()` under a trace of Chromium's top-level tasks and returns
 * `{value, tasks, restyled}`: the tasks of the page's main thread as
 * `{wall, cpu}` in ms, the longest first, and how many elements had their
 * style computed again meanwhile. CPU is the thread's own time in the task: on a
 * shared, loaded machine (these tests' two cores run other work) a task's
 * wall time is two to five times its CPU time, and it is the CPU time that
 * the code decides. */
async function tracedTasks(page, action) {
  await browser.startTracing(page, { categories: ["toplevel", "blink.user_timing", "devtools.timeline"] });
  await page.evaluate(() => performance.mark("jm-traced"));
  let value;
  try {
    value = await action();
  } finally {
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
    const mark = traceEvents.find((e) => e.name === "jm-traced");
    const main = traceEvents.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === "X");
    const tasks = main
      .filter((e) => e.name === "ThreadControllerImpl::RunTask")
      .map((e) => ({ wall: Math.round(e.dur / 1000), cpu: Math.round((e.tdur ?? e.dur) / 1000) }))
      .sort((a, b) => b.cpu - a.cpu);
    const restyled = main.filter((e) => e.name === "UpdateLayoutTree").reduce((sum, e) => sum + (e.args?.elementCount ?? 0), 0);
    return { value, tasks, restyled };
  }
}

/** Draws the map `text` in a fresh page at `path` under a trace: the
 * longest main-thread task as `{cpu, wall}` in ms, the long tasks the page
 * saw, and the cards drawn. */
async function drawTraced(path, text) {
  const page = await openPage(browser);
  await page.goto(server.url(path));
  await page.evaluate(() => JourneyMap.ready());
  const { value: long, tasks } = await tracedTasks(page, () => longTasks(page, drawInto, text));
  const cards = await page.$$eval(".jm-card", (cards) => cards.length);
  await page.done();
  return { ...tasks[0], long, cards };
}

// The goals of issue 18: a big map's SVG is drawn a part a frame
// (www/src/parts.js), so that only the core's call is one long task. On
// these tests' loaded two-core machines even a task's CPU time varies by
// half between fresh pages (118–222 ms seen for the 2,000-item map, one
// build), so a task over the goal is measured once more in another fresh
// page before it fails: a slow build is slow both times.
for (const [items, goal] of [
  [2000, 200],
  [20000, 1000],
]) {
  test(`a valid map of ${items} items: no main-thread task over ${goal} ms`, async (t) => {
    const text = JSON.stringify(journey(items).map);
    const { path } = await writePage(`bigmaps-${items}.html`, html(""));
    const runs = [await drawTraced(path, text)];
    if (runs[0].cpu > goal) runs.push(await drawTraced(path, text));
    for (const run of runs) {
      note(t, `${items} items: longest task ${run.cpu} ms of CPU (${run.wall} ms wall); long tasks (wall) ${JSON.stringify(run.long)} ms`);
      assert.equal(run.cards, items);
    }
    const best = Math.min(...runs.map((run) => run.cpu));
    assert.ok(best <= goal, `the longest task takes ${runs.map((run) => run.cpu).join(" and ")} ms of CPU in two fresh pages`);
  });
}

test("a big map drawn in parts is the SVG drawn at once, element for element", async () => {
  const text = JSON.stringify(journey(3000).map);
  const { path } = await writePage("bigmaps-parts.html", html(""));
  const page = await openPage(browser);
  await page.goto(server.url(path));
  const result = await page.evaluate(async (text) => {
    const svg = await JourneyMap.renderToString(text, { idPrefix: "jm1" });
    const target = document.body.appendChild(document.createElement("div"));
    const view = await JourneyMap.render(target, text, { hash: false, idPrefix: "jm1" });
    const template = document.createElement("template");
    template.innerHTML = svg;
    // Each element as its name, id and classes, and its own text (the
    // view puts spaces between a header's lines), the <style> aside (the
    // view moves its rules into a constructed sheet).
    const signature = (root) =>
      [root, ...root.querySelectorAll("*")]
        .filter((el) => el.localName !== "style")
        .map((el) => `${el.localName}#${el.id}.${el.getAttribute("class")}:${[...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data.trim()).join("")}`);
    const drawn = signature(view.svg);
    const whole = signature(template.content.firstElementChild);
    return { length: svg.length, drawn: drawn.length, same: drawn.every((line, i) => line === whole[i]) && drawn.length === whole.length, marked: view.svg.querySelectorAll("[data-jm-part]").length };
  }, text);
  assert.ok(result.length > 1e6, `a map in parts (${result.length} characters)`);
  assert.ok(result.same, `${result.drawn} elements, the same as drawn at once`);
  assert.equal(result.marked, 0, "no part marks left");
  page.assertClean();
  await page.done();
});

test("renders of one target overtaken by a later one stop before the core call, or while their parts are drawn", async () => {
  const big = JSON.stringify(journey(3000).map);
  const small = JSON.stringify(journey(10).map);
  const { path } = await writePage("bigmaps-overtaken.html", html(""));
  const page = await openPage(browser);
  await countCoreRenders(page);
  await page.goto(server.url(path));
  const result = await page.evaluate(
    async ([big, small]) => {
      await JourneyMap.ready();
      const target = document.body.appendChild(document.createElement("div"));
      const outcome = (rendering) => rendering.then(() => "drawn", (error) => error.name);
      let calls = window.__coreRenders;
      const both = await Promise.all([outcome(JourneyMap.render(target, big, { hash: false })), outcome(JourneyMap.render(target, small, { hash: false }))]);
      calls = window.__coreRenders - calls;
      // A big map replaced while its parts come in.
      const drawing = outcome(JourneyMap.render(target, big, { hash: false }));
      while (target.querySelectorAll(".jm-card").length <= 10) await new Promise((ok) => requestAnimationFrame(ok));
      const replaced = await outcome(JourneyMap.render(target, small, { hash: false }));
      // Parts parsed from now on (the shell parses with a <template>).
      let parsed = 0;
      const setter = Object.getOwnPropertyDescriptor(Element.prototype, "innerHTML").set;
      Object.defineProperty(HTMLTemplateElement.prototype, "innerHTML", { set(v) { parsed++; setter.call(this, v); } });
      const first = await drawing;
      for (let i = 0; i < 5; i++) await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
      return { both, calls, first, replaced, parsed, svgs: target.querySelectorAll("svg").length, cards: target.querySelectorAll(".jm-card").length };
    },
    [big, small],
  );
  assert.deepEqual(result.both, ["AbortError", "drawn"], "the first render stopped");
  assert.equal(result.calls, 1, "the core was called once");
  assert.deepEqual([result.first, result.replaced, result.parsed], ["AbortError", "drawn", 0], "the big map's drawing stopped");
  assert.deepEqual([result.svgs, result.cards], [1, 10], "only the small map is in the target");
  page.assertClean();
  await page.done();
});

test("200 theme flips queued at once reach the core once or twice, not 200 times", async (t) => {
  const text = JSON.stringify(journey(2000).map);
  const { path } = await writePage("bigmaps-flips.html", html(inline(text, "nohash")));
  const page = await openPage(browser);
  await countCoreRenders(page);
  await page.goto(server.url(path));
  await page.waitForFunction(() => document.querySelector("journey-map svg"));
  const result = await page.evaluate(async () => {
    const el = document.querySelector("journey-map");
    const before = window.__coreRenders;
    const start = performance.now();
    const loaded = new Promise((ok) => el.addEventListener("jm-load", ok));
    for (let i = 0; i < 200; i++) setTimeout(() => el.setAttribute("theme", i % 2 ? "light" : "dark"));
    await loaded;
    await new Promise((ok) => setTimeout(ok, 300));
    return { calls: window.__coreRenders - before, ms: performance.now() - start, dark: el.querySelector("svg").classList.contains("jm-theme-light") };
  });
  note(t, `200 flips: ${result.calls} core renders, ${Math.round(result.ms)} ms`);
  assert.ok(result.calls <= 2, `${result.calls} core renders`);
  assert.ok(result.dark, "the last flip (light) is what is shown");
  await page.done();
});

test("150 zooms on a 20,000-item map: each touches only what changes", async (t) => {
  const { map } = journey(20000);
  // A detail panel on every stage: each zoom closes one and opens one.
  for (const stage of map.stages) stage.detail = `What happens in ${stage.name}.`;
  const text = JSON.stringify(map);
  const { path } = await writePage("bigmaps-hash.html", html(""));
  const page = await openPage(browser, { reducedMotion: "reduce" });
  await page.goto(server.url(path));
  await page.evaluate(async (text) => {
    await JourneyMap.ready();
    window.__view = await JourneyMap.render(document.body.appendChild(document.createElement("div")), text);
    await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
  }, text);
  const ids = map.stages.map((s) => s.id);
  // The shell's part of following 150 hash changes: 150 zooms. (Setting
  // location.hash also makes the browser lay the page out to scroll to the
  // fragment, whatever the shell does.) What is left is the browser's: a new
  // scale lays out every text of the SVG again (Chromium sizes SVG text for
  // the screen), once a frame. So 150 zooms in a task must cost about what
  // one zoom costs: the script's part next to nothing, the frame's CPU time
  // (which on this shared machine varies with its load) what one zoom's is,
  // and neither restyles more than what changes.
  const zooms = (count, first) =>
    tracedTasks(page, () =>
      page.evaluate(
        async ([ids, count, first]) => {
          const start = performance.now();
          for (let i = first; i < first + count; i++) window.__view.zoomToStage(ids[i % ids.length], { animate: false });
          const js = performance.now() - start;
          await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok)));
          return { js, all: performance.now() - start, hash: location.hash };
        },
        [ids, count, first],
      ),
    ).then(({ value, tasks, restyled }) => ({ ...value, restyled, cpu: tasks.reduce((sum, task) => sum + task.cpu, 0) }));
  const one = await zooms(1, 0);
  const many = await zooms(150, 1);
  const open = await page.$$eval(".jm-detail.jm-open", (panels) => panels.length);
  note(t, `one zoom: ${Math.round(one.all)} ms, ${one.cpu} ms of CPU, ${one.restyled} elements restyled; 150 zooms: ${Math.round(many.js)} ms of script, ${Math.round(many.all)} ms with the frame, ${many.cpu} ms of CPU, ${many.restyled} elements restyled`);
  assert.equal(open, 1, "one detail panel open");
  assert.equal(many.hash, `#stage=${ids[150 % ids.length]}`, "the hash names the last stage");
  assert.ok(many.js < 150, `${Math.round(many.js)} ms of script`);
  // The panels that open and close, and the toolbar: not the SVG's 240,000 elements.
  assert.ok(one.restyled < 500 && many.restyled < 500, `${one.restyled} and ${many.restyled} elements restyled`);
  assert.ok(many.cpu < 1.5 * one.cpu + 100, `150 zooms: ${many.cpu} ms of CPU, one zoom ${one.cpu}`);
  await page.done();
});

test("exportPng of a 20,000-item map is refused at once with a readable error; a small map exports", async (t) => {
  const text = JSON.stringify(journey(20000).map);
  const { path } = await writePage("bigmaps-png.html", html(""));
  const page = await openPage(browser);
  await page.goto(server.url(path));
  await page.evaluate(() => JourneyMap.ready());
  const big = await page.evaluate(async (text) => {
    const target = document.createElement("div");
    document.body.append(target);
    const view = await JourneyMap.render(target, text, { hash: false });
    const start = performance.now();
    const error = await view.exportPng().then(() => null, (e) => e.message);
    return { error, ms: performance.now() - start };
  }, text);
  note(t, `exportPng of 20,000 items: ${Math.round(big.ms)} ms, ${big.error}`);
  assert.match(big.error ?? "", /^journeymap: .*PNG/);
  assert.ok(big.ms < 1000, `${Math.round(big.ms)} ms`);
  const small = await page.evaluate(async () => {
    const target = document.createElement("div");
    document.body.append(target);
    const view = await JourneyMap.render(target, { title: "Small", stages: [{ name: "A", cells: { actions: ["x"] } }] }, { hash: false });
    return (await view.exportPng()).type;
  });
  assert.equal(small, "image/png");
  await page.done();
});

test("fromMermaid of 300,000 sections stops at the stage limit", async (t) => {
  const { path } = await writePage("bigmaps-mermaid.html", html(""));
  const page = await openPage(browser);
  await page.goto(server.url(path));
  const result = await page.evaluate(async () => {
    await JourneyMap.fromMermaid("journey\nsection A\n  a: 3");
    let text = "journey\n";
    for (let i = 0; i < 300000; i++) text += `section S${i}\n`;
    const start = performance.now();
    const error = await JourneyMap.fromMermaid(text).catch((e) => e);
    return { ms: performance.now() - start, bytes: text.length, messages: error.diagnostics.map((d) => d.message) };
  });
  note(t, `fromMermaid of 300,000 sections (${result.bytes} bytes): ${Math.round(result.ms)} ms`);
  assert.equal(result.messages.length, 1);
  assert.match(result.messages[0], /at most 200 stages/);
  assert.ok(result.ms < 1000, `${Math.round(result.ms)} ms`);
  await page.done();
});

test("the playground editor on a 3 MB text: typing at 300 ms a key does not redraw, and its handler is quick", async (t) => {
  const text = JSON.stringify(journey(20000).map, null, 1);
  const page = await openPage(browser);
  await countCoreRenders(page);
  await page.goto(server.url("dist/playground.html"));
  await page.waitForSelector("#map svg");
  const result = await page.evaluate(async (text) => {
    const source = document.querySelector("#source");
    source.value = text;
    source.dispatchEvent(new InputEvent("input", { bubbles: true }));
    const before = window.__coreRenders;
    const keys = [];
    for (let i = 0; i < 5; i++) {
      await new Promise((ok) => setTimeout(ok, 300));
      let start = performance.now();
      source.setRangeText(" ", 1, 1, "end");
      const edit = performance.now() - start;
      start = performance.now();
      source.dispatchEvent(new InputEvent("input", { bubbles: true }));
      keys.push([Math.round(edit), Math.round(performance.now() - start)]);
    }
    return { renders: window.__coreRenders - before, keys, lines: document.querySelector("#gutter").dataset.lines };
  }, text);
  // Each key: [the textarea's own edit, the playground's input handler], in ms.
  note(t, `${text.length} bytes: each key ${JSON.stringify(result.keys)} ms, ${result.renders} core renders while typing`);
  assert.equal(result.renders, 0, "no redraw between keys");
  assert.equal(Number(result.lines), text.split("\n").length);
  assert.ok(Math.max(...result.keys.map(([, handler]) => handler)) < 250, JSON.stringify(result.keys));
  await page.done();
});
