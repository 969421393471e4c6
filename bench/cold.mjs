// The cold-load part of the bench (bench.mjs runs it; BENCHMARKS.md has
// what the figures mean): five pages from file://, each loaded in fresh
// browser contexts, the pages taking turns round after round so that what
// else the machine does weighs on all alike:
//
//   blank page              no script, a paragraph: the browser's floor
//   blank page with the same SVG  no script, the pre-rendered fragment
//                           without its scripts: the floor of the
//                           pre-rendered page
//   journeymap, inline JSON <journey-map> with the map as inline JSON
//   journeymap, pre-rendered the fragment of `journeymap render --format
//                           fragment` and the script (which adopts it)
//   Mermaid                 <pre class="mermaid"> and mermaid.run()
//
// Every page carries the same small inline script first in its <head>:
// `__mark(name)` notes performance.now() (ms since navigation start), and
// `__paintAfter()` notes "painted" in the task that follows the next
// animation frame, the frame in which the map is styled, laid out and
// painted. "SVG in the DOM" is when the map's <svg> is in the document:
// journeymap's jm-load event, Mermaid's run() resolved, for the pre-rendered
// page an inline script right after the fragment.
//
// The figures are read through a CDP session of the bench's own
// (Runtime.evaluate), not through playwright's evaluate, which injects its
// own script into the page (tens of ms of parsing in the middle of a load).

/** In every page, first: the marks, and the promise the bench awaits. */
const INSTRUMENT = `<script>window.__t={};window.__marked=new Promise(function(ok){window.__finish=ok});
window.__mark=function(n){__t[n]=performance.now()};
window.__paintAfter=function(){requestAnimationFrame(function(){var c=new MessageChannel();c.port1.onmessage=function(){__mark("painted");__finish()};c.port2.postMessage(0)})};</script>`;

/** Before any script of a page: when the core is ready (the wasm
 * instantiated), and how many times the page compiled wasm. */
function initScript() {
  window.__wasmCompiles = 0;
  for (const name of ["compile", "compileStreaming", "instantiate", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = async function (...args) {
      if (name.startsWith("compile") || !(args[0] instanceof WebAssembly.Module)) window.__wasmCompiles++;
      const result = await original.apply(this, args);
      if (name.startsWith("instantiate")) (window.__t ||= {}).ready ??= performance.now();
      return result;
    };
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** The quartile `q` (0..1) by linear interpolation. */
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (at - lo);
};
export const spread = (values) => ({
  median: median(values),
  q1: quantile(values, 0.25),
  q3: quantile(values, 0.75),
  min: Math.min(...values),
  max: Math.max(...values),
});

/** The pages' HTML. `jmTag`, `mermaidTag`: their <script> tags;
 * `json`: the map; `mermaid`: the same journey as Mermaid source (and its
 * init script); `fragment`: the pre-rendered element, or null. */
export function coldPages({ jmTag, mermaidTag, mermaidInit, json, mermaid, fragment, tasks }) {
  const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  const onLoad = `document.querySelector("journey-map").addEventListener("jm-load",function(){__mark("done");__paintAfter()})`;
  const pages = {
    "blank page": { head: "", body: `<p>${tasks} tasks would be here.</p><script>__mark("script");__mark("done");__paintAfter()</script>` },
  };
  if (fragment) {
    // The fragment's <style> and <svg> as they are, in the same (unknown,
    // so inert) element: the same layout, nothing to run.
    const inert = fragment.replace(/<script\b[^>]*>[^<]*<\/script>\n?/g, "");
    pages["blank page with the same SVG"] = {
      head: "",
      body: `${inert}<script>__mark("script");__mark("done");__paintAfter()</script>`,
    };
  }
  pages["journeymap, inline JSON"] = {
    head: `${jmTag}<script>__mark("script")</script>`,
    body: `<journey-map><script type="application/json">${json.replace(/</g, "\\u003c")}</script></journey-map><script>${onLoad}</script>`,
  };
  if (fragment) {
    pages["journeymap, pre-rendered"] = {
      head: `${jmTag}<script>__mark("script")</script>`,
      // The view is made (jm-load) once the document is parsed; the SVG is
      // in the DOM, and painted, before or without it.
      body: `${fragment}<script>__mark("done");__paintAfter();document.querySelector("journey-map").addEventListener("jm-load",function(){__mark("view")})</script>`,
    };
  }
  pages.Mermaid = {
    head: `${mermaidTag}<script>__mark("script")</script>`,
    body: `<pre class="mermaid">${escapeHtml(mermaid)}</pre><script>${mermaidInit}
mermaid.run({querySelector:".mermaid"}).then(function(){__mark("done");__paintAfter()})</script>`,
  };
  for (const page of Object.values(pages)) page.head = INSTRUMENT + page.head;
  return pages;
}

/** One cold load of `url` in a fresh context: the page's marks. */
async function loadOnce(browser, url, name) {
  const needsView = name.endsWith("pre-rendered");
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(initScript);
    const page = await context.newPage();
    const problems = [];
    page.on("pageerror", (error) => problems.push(error.message));
    const cdp = await context.newCDPSession(page);
    await page.goto(url, { waitUntil: "load" });
    const wait = needsView
      ? "Promise.all([__marked, new Promise(function w(ok){__t.view?ok():setTimeout(function(){w(ok)},10)})])"
      : "__marked";
    const { result, exceptionDetails } = await cdp.send("Runtime.evaluate", {
      expression: `${wait}.then(function(){var n=performance.getEntriesByType("navigation")[0];` +
        `return Object.assign({responseEnd:n.responseEnd,wasmCompiles:window.__wasmCompiles,svgs:document.querySelectorAll("svg").length},__t)})`,
      awaitPromise: true,
      returnByValue: true,
      timeout: 60000,
    });
    if (exceptionDetails) throw new Error(`${url}: ${exceptionDetails.exception?.description || exceptionDetails.text}`);
    if (problems.length) throw new Error(`${url}: ${problems.join("; ")}`);
    if (!result.value.svgs && name !== "blank page") throw new Error(`${url}: no SVG in the page`);
    return result.value;
  } finally {
    await context.close();
  }
}

/**
 * Loads each page `runs` times (fresh contexts, the pages taking turns),
 * returns per page the samples and spreads of each mark, and the figures
 * over the blank page (the difference of the medians).
 */
export async function measureCold(browser, urls, runs, log) {
  const samples = Object.fromEntries(Object.keys(urls).map((name) => [name, []]));
  // One warm-up load of each (the browser's own first-use costs).
  for (const [name, url] of Object.entries(urls)) await loadOnce(browser, url, name);
  for (let r = 0; r < runs; r++) {
    for (const [name, url] of Object.entries(urls)) samples[name].push(await loadOnce(browser, url, name));
  }
  const result = {};
  for (const [name, list] of Object.entries(samples)) {
    const marks = {};
    for (const key of ["responseEnd", "script", "ready", "done", "painted", "view"]) {
      const values = list.map((s) => s[key]).filter((v) => typeof v === "number");
      if (values.length === list.length) marks[key] = { ...spread(values), samples: values.map((v) => +v.toFixed(1)) };
    }
    result[name] = { runs, marks, wasmCompiles: Math.max(...list.map((s) => s.wasmCompiles)) };
  }
  const blank = result["blank page"].marks;
  for (const entry of Object.values(result)) {
    entry.overBlank = {
      done: entry.marks.done.median - blank.done.median,
      painted: entry.marks.painted.median - blank.painted.median,
    };
  }
  for (const [name, entry] of Object.entries(result)) {
    const m = entry.marks;
    log(
      `cold ${name}: SVG in the DOM ${m.done.median.toFixed(1)} ms (q1–q3 ${m.done.q1.toFixed(1)}–${m.done.q3.toFixed(1)}), ` +
        `painted ${m.painted.median.toFixed(1)} ms; over blank +${entry.overBlank.done.toFixed(1)} / +${entry.overBlank.painted.toFixed(1)}; wasm compiles ${entry.wasmCompiles}`,
    );
  }
  return result;
}

/** The report's cold table (markdown lines). */
export function coldTable(cold, tasks) {
  const f = (v) => (v == null ? "—" : v >= 100 ? v.toFixed(0) : v.toFixed(1));
  /** A difference, with its sign: +4.2, −1.0. */
  const signed = (v) => (v < 0 ? `−${f(-v)}` : `+${f(v)}`);
  const cell = (mark) => (mark ? `${f(mark.median)} (${f(mark.q1)}–${f(mark.q3)})` : "—");
  const runs = Object.values(cold)[0].runs;
  const lines = [
    `Cold: pages from file://, one map of ${tasks} tasks; ms from navigation start, median (quartiles) of ${runs} loads, each in a fresh browser context, the pages taking turns:`,
    "",
    "| page | script run | core ready | SVG in the DOM | over blank | painted | over blank | wasm compiled |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const [name, entry] of Object.entries(cold)) {
    const m = entry.marks;
    const over = (v) => (name === "blank page" ? "—" : signed(v));
    lines.push(
      `| ${name} | ${cell(m.script)} | ${cell(m.ready)} | **${cell(m.done)}** | ${over(entry.overBlank.done)} | ${cell(m.painted)} | ${over(entry.overBlank.painted)} | ${entry.wasmCompiles ? "yes" : "no"} |`,
    );
  }
  const pre = cold["journeymap, pre-rendered"];
  const floor = cold["blank page with the same SVG"];
  if (pre && floor) {
    const over = (mark) => signed(pre.marks[mark].median - floor.marks[mark].median);
    lines.push("", `Pre-rendered over the blank page with the same SVG: ${over("done")} (SVG in the DOM), ${over("painted")} (painted).`);
  }
  if (pre?.marks.view) lines.push("", `Pre-rendered: the view made (jm-load) at ${cell(pre.marks.view)} ms.`);
  return lines;
}

/**
 * One traced or profiled cold load of `url` (bench.mjs --profile):
 * `{trace: FILE, categories}` records Chromium's trace events and returns
 * the page's marks with the main thread's time by kind of work
 * (summarizeTrace); `{profile: FILE}` records a CPU profile (CDP Profiler)
 * and returns it.
 */
export async function traceCold(browser, url, { trace, categories, profile }) {
  const { readFileSync, writeFileSync } = await import("node:fs");
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(initScript);
    const page = await context.newPage();
    // The profiler is started on a blank page before the navigation (the
    // same renderer process serves file:// pages).
    await page.goto("about:blank");
    const cdp = await context.newCDPSession(page);
    if (trace) await browser.startTracing(page, { path: trace, categories });
    if (profile) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
      await cdp.send("Profiler.start");
    }
    await page.goto(url, { waitUntil: "load" });
    const { result } = await cdp.send("Runtime.evaluate", {
      expression: "__marked.then(function(){return __t})",
      awaitPromise: true,
      returnByValue: true,
      timeout: 60000,
    });
    const marks = result.value;
    if (profile) {
      const recorded = (await cdp.send("Profiler.stop")).profile;
      writeFileSync(profile, JSON.stringify(recorded));
      return { marks, profile: recorded };
    }
    await browser.stopTracing();
    return summarizeTrace(JSON.parse(readFileSync(trace, "utf8")).traceEvents, marks);
  } finally {
    await context.close();
  }
}

/** What each trace event's own time (its time minus its children's) is
 * counted as; an event of another name counts as its parent does. */
const KINDS = [
  ["wasm compile", /^wasm\.(CompileLazy|AsyncCompile|SyncCompile|SyncInstantiate|AsyncInstantiate)|^FlushInstructionCache$/],
  ["inflate", /^DecompressionStream/],
  ["parse HTML", /^ParseHTML$|^HTMLDocumentParser::/],
  ["style", /^(UpdateLayoutTree|Document::(updateStyle|recalcStyle|rebuildLayoutTree)|CSSParserImpl::|Blink\.ParseStyleSheet)/],
  ["layout", /^(Layout|LocalFrameView::performLayout)$/],
  ["paint", /^(PrePaint|Paint|Commit|Layerize|PaintArtifactCompositor::Update|Blink\.(PrePaint|Paint)\.UpdateTime)$/],
  ["JS compile", /^(V8\.(CompileCode|ParseProgram|PreParse|CompileIgnition|ParseFunction|CompileLazy)|v8\.compile)$/],
  ["GC", /^(V8\.GC|MajorGC|MinorGC|V8\.GC_)/],
  ["script run", /^(EvaluateScript|v8\.callFunction|FunctionCall|BlinkScheduler_PerformMicrotaskCheckpoint|TimerFire|RunMicrotasks|v8\.run|FireAnimationFrame|EventDispatch|CustomElementReactionQueue::invokeReactions)$/],
  ["navigation", /^(DocumentLoader::CommitNavigation|LocalWindowProxy::Initialize|V8\.DeserializeContext|Frame::Detach)$/],
];
const kindOf = (name) => KINDS.find(([, test]) => test.test(name))?.[0];

/** The renderer main thread's time (ms) by kind of work in one traced
 * load: from navigation start to "done" (the SVG in the DOM) and from
 * then to "painted", each event counted by where it starts; with the
 * longest task of each part. */
export function summarizeTrace(events, marks) {
  const nav = events.find((e) => e.name === "navigationStart" && /^file:/.test(e.args?.data?.documentLoaderURL || ""));
  if (!nav) return { ...marks, error: "no navigationStart in the trace" };
  const at = (ms) => nav.ts + ms * 1000;
  const main = events
    .filter((e) => e.pid === nav.pid && e.tid === nav.tid && e.ph === "X" && e.ts >= nav.ts && e.ts < at(marks.painted))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Wall time, and the thread's CPU time (`tdur`): on a busy machine the
  // two differ by the time the thread waited for a core.
  const parts = { beforeDone: {}, afterDone: {}, cpuBeforeDone: {}, cpuAfterDone: {} };
  const longest = { beforeDone: 0, afterDone: 0 };
  const stack = [];
  for (const e of main) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    e.kind = kindOf(e.name) ?? parent?.kind ?? "tasks";
    e.own = e.dur || 0;
    e.ownCpu = e.tdur ?? e.dur ?? 0;
    if (parent) {
      parent.own -= e.own;
      parent.ownCpu -= e.tdur ?? e.dur ?? 0;
    }
    e.part = e.ts < at(marks.done) ? "beforeDone" : "afterDone";
    if (!parent) longest[e.part] = Math.max(longest[e.part], e.dur || 0);
    stack.push(e);
  }
  for (const e of main) {
    parts[e.part][e.kind] = (parts[e.part][e.kind] || 0) + Math.max(0, e.own) / 1000;
    const cpu = e.part === "beforeDone" ? "cpuBeforeDone" : "cpuAfterDone";
    parts[cpu][e.kind] = (parts[cpu][e.kind] || 0) + Math.max(0, e.ownCpu) / 1000;
  }
  const round = (o) => Object.fromEntries(Object.entries(o).sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, +v.toFixed(1)]));
  const total = (o) => +Object.values(o).reduce((a, b) => a + b, 0).toFixed(1);
  const background = events.filter((e) => e.pid === nav.pid && e.tid !== nav.tid && e.ph === "X" && e.ts >= nav.ts && e.ts < at(marks.painted));
  const sum = (list) => +(list.reduce((s, e) => s + (e.dur || 0), 0) / 1000).toFixed(1);
  return {
    done: +marks.done.toFixed(1),
    painted: +marks.painted.toFixed(1),
    beforeDone: round(parts.beforeDone),
    afterDone: round(parts.afterDone),
    cpu: { beforeDone: total(parts.cpuBeforeDone), afterDone: total(parts.cpuAfterDone) },
    cpuBeforeDone: round(parts.cpuBeforeDone),
    cpuAfterDone: round(parts.cpuAfterDone),
    longestTask: { beforeDone: +(longest.beforeDone / 1000).toFixed(1), afterDone: +(longest.afterDone / 1000).toFixed(1) },
    background: {
      wasmCompile: sum(background.filter((e) => e.name === "wasm.ExecuteCompilationUnits")),
      scriptParse: sum(background.filter((e) => e.name === "v8.parseOnBackground")),
    },
  };
}
