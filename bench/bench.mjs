// journeymap against Mermaid in the same headless Chromium (Debian's
// /usr/bin/chromium through playwright-core). Run it with bench/run.sh; see
// BENCHMARKS.md for what each figure means.
//
//   node bench/bench.mjs [--quick] [--profile] [--json FILE] [--only PARTS] [--script FILE] [--cold-runs N]
//
//   --quick    fewer runs and no 5,000-task Mermaid run (a smoke test)
//   --profile  also records CPU profiles (CDP Profiler) of a cold load of
//              journeymap's page and of both tools rendering 1,000 tasks, and
//              traces of cold loads (bench/cold.mjs), in target/bench/, and
//              prints the functions with the most self time (wasm functions
//              have names only in a build that keeps them: see BENCHMARKS.md)
//   --json     also writes every figure as JSON to FILE
//   --only     some of compare,payload,cold,memory (while working on one)
//   --script   FILE: measure this build of journeymap.js, not dist/'s
//   --cold-runs N: cold loads of each page (default 15, --quick 5)
//
// Everything runs from file:// pages written to target/bench/: the scripts
// are ../../dist/journeymap.js and ../../bench/node_modules/mermaid/dist/
// mermaid.min.js, exactly the files a page would include.

import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem, loadavg } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import { gzipSync, constants } from "node:zlib";
import { coldPages, coldTable, measureCold, traceCold } from "./cold.mjs";
import { journey } from "./generate.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const out = join(root, "target", "bench");
mkdirSync(out, { recursive: true });

const args = process.argv.slice(2);
const QUICK = args.includes("--quick");
const PROFILE = args.includes("--profile");
const jsonOut = args.includes("--json") ? args[args.indexOf("--json") + 1] : null;
const only = args.includes("--only") ? args[args.indexOf("--only") + 1].split(",") : null;
/** `--only compare,payload,cold,memory` runs those parts alone (the report
 * then leaves the others out). */
const want = (part) => !only || only.includes(part);

/** `--script FILE` measures another build of journeymap.js (say, one with a
 * different opt-level) instead of dist/journeymap.js. */
const JM_SCRIPT = args.includes("--script") ? resolve(args[args.indexOf("--script") + 1]) : join(root, "dist", "journeymap.js");
const MERMAID_SCRIPT = join(here, "node_modules", "mermaid", "dist", "mermaid.min.js");
const CLI = join(root, "target", "release", "journeymap");
for (const file of [JM_SCRIPT, MERMAID_SCRIPT]) {
  if (!existsSync(file)) throw new Error(`missing ${file}: run bench/run.sh`);
}
const mermaidVersion = JSON.parse(readFileSync(join(here, "node_modules", "mermaid", "package.json"), "utf8")).version;

// --- settings ----------------------------------------------------------------

const SIZES = [10, 50, 200, 1000, 5000];
/** Timed runs per size and tool, after the warm-up. */
const RUNS = QUICK ? 3 : 9;
/** When one run takes long (Mermaid at 5,000 tasks: seconds), the runs of a
 * size and tool stop at this much time, but there are at least MIN_RUNS
 * (the table says when there were fewer than RUNS): a full run always
 * takes the median of at least 7. */
const BUDGET_MS = QUICK ? 5000 : 60000;
const MIN_RUNS = QUICK ? 3 : 7;
/** Before the timed runs, each tool renders the map over and over for this
 * long (at least twice), so that what is timed is compiled and tiered up. */
const WARM_MS = QUICK ? 200 : 1000;
/** A timed run is a batch of renders lasting at least this long, so that
 * the coarse performance.now() of a page that is not cross-origin isolated
 * (100 µs steps in Chromium) does not matter for small maps. */
const MIN_BATCH_MS = 25;
/** Cold loads of each page (--cold-runs N to change). */
const COLD_RUNS = args.includes("--cold-runs") ? Number(args[args.indexOf("--cold-runs") + 1]) : QUICK ? 5 : 15;
const COLD_TASKS = 50;
const MEMORY_ITEMS = 20000;
/** Chromium's trace categories for the traced cold loads (--profile). */
const TRACE_CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "blink",
  "blink.user_timing",
  "loading",
  "v8",
  "v8.wasm",
  "toplevel",
];

// The machine's closed network and a shared box: no background traffic, no
// GPU, no sandbox (runs as root). playwright gives each launch a fresh, empty
// profile (user data dir).
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const log = (...parts) => console.error(...parts);

// --- the journeys --------------------------------------------------------------

const journeys = new Map();
for (const tasks of [...SIZES, MEMORY_ITEMS]) {
  const j = journey(tasks);
  j.json = JSON.stringify(j.map);
  writeFileSync(join(out, `journey-${tasks}.mmd`), j.mermaid);
  writeFileSync(join(out, `journey-${tasks}.json`), j.json);
  journeys.set(tasks, j);
}

/** The same content for both: the map must be what the project's own
 * converter makes of the Mermaid source. */
let converterCheck = "skipped (no target/release/journeymap)";
if (existsSync(CLI)) {
  const differing = [];
  for (const [tasks, j] of journeys) {
    const converted = execFileSync(CLI, ["import-mermaid", join(out, `journey-${tasks}.mmd`)], {
      maxBuffer: 1 << 28,
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (!isDeepStrictEqual(JSON.parse(converted), j.map)) differing.push(tasks);
  }
  if (differing.length) throw new Error(`the generated maps differ from import-mermaid's at ${differing.join(", ")} tasks`);
  converterCheck = "identical to `journeymap import-mermaid` of the Mermaid source, at every size";
}
log(`journeys: ${[...journeys.values()].map((j) => `${j.tasks} tasks/${j.sections} sections`).join(", ")}; ${converterCheck}`);

// --- pages -------------------------------------------------------------------

const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const JM_TAG = `<script src="${relative(out, JM_SCRIPT).split(sep).join("/")}"></script>`;
const MERMAID_TAG = `<script src="../../bench/node_modules/mermaid/dist/mermaid.min.js"></script>`;
const MERMAID_INIT = `mermaid.initialize({ startOnLoad: false, maxTextSize: 50000000 });`;

function writePage(name, head, body) {
  const file = join(out, name);
  writeFileSync(
    file,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>${head}</head><body>${body}</body></html>`,
  );
  return pathToFileURL(file).href;
}

// --- in-page timing ----------------------------------------------------------

// Each runs in the page (through page.evaluate); all times are measured
// there, with performance.now().

/** Warms a tool up on one text: renders it again and again until WARM_MS
 * have passed (at least twice), so that V8 has compiled and tiered up what
 * the render runs (lazily compiled wasm included). Returns how many renders
 * make a timed batch of at least `minBatchMs`, and keeps the SVG for the
 * insertion timing. */
async function warmUp({ tool, text, warmMs, minBatchMs }) {
  window.__render ??= {};
  let n = 0;
  const renderOnce = (window.__render[tool] =
    tool === "mermaid"
      ? async () => (await mermaid.render(`mmd${++n}`, text)).svg
      : () => JourneyMap.renderToString(text));
  const start = performance.now();
  let svg;
  let last;
  let count = 0;
  do {
    const t = performance.now();
    svg = await renderOnce();
    last = performance.now() - t;
    count++;
  } while (performance.now() - start < warmMs || count < 2);
  window.__svg ??= {};
  window.__svg[tool] = svg;
  // For the timings below: the host emptied, laid out, and a task later.
  window.__emptyHost ??= async () => {
    const host = document.getElementById("host");
    host.textContent = "";
    host.offsetHeight;
    await new Promise((ok) => setTimeout(ok, 0));
    return host;
  };
  return {
    reps: Math.max(1, Math.ceil(minBatchMs / Math.max(last, 0.01))),
    lastMs: last,
    warmRenders: count,
    svgBytes: new TextEncoder().encode(svg).length,
  };
}

/** One timed batch of `reps` renders: ms per render. */
async function timedBatch({ tool, reps }) {
  const renderOnce = window.__render[tool];
  const start = performance.now();
  for (let i = 0; i < reps; i++) await renderOnce();
  return (performance.now() - start) / reps;
}

/** Puts the tool's last SVG string into the document and forces layout
 * (getBoundingClientRect + offsetHeight): ms. */
async function timedInsert({ tool }) {
  const svg = window.__svg[tool];
  const host = await window.__emptyHost();
  const start = performance.now();
  host.innerHTML = svg;
  const rect = host.firstElementChild.getBoundingClientRect();
  host.offsetHeight;
  const ms = performance.now() - start;
  host.textContent = "";
  if (!(rect.width > 0)) throw new Error(`${tool}: the SVG has no width in the page`);
  return ms;
}

/** End to end, as a page shows a map: one render of the tool's text, its
 * SVG put into the document, and the frame that paints it (the task after
 * the next animation frame): ms. */
async function timedEndToEnd({ tool }) {
  const renderOnce = window.__render[tool];
  const host = await window.__emptyHost();
  const start = performance.now();
  host.innerHTML = await renderOnce();
  await new Promise((ok) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = ok;
      channel.port2.postMessage(0);
    }),
  );
  const ms = performance.now() - start;
  host.textContent = "";
  return ms;
}

// --- main ----------------------------------------------------------------------

const results = {
  date: new Date().toISOString(),
  quick: QUICK,
  converterCheck,
  machine: {},
  versions: {},
  sizes: [],
  payload: {},
  cold: {},
  memory: {},
  profiles: [],
  traces: [],
};

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: FLAGS, headless: true });
results.versions.chromium = browser.version();
results.versions.mermaid = mermaidVersion;
results.versions.journeymapBuilt = statSync(JM_SCRIPT).mtime.toISOString();
try {
  const head = execFileSync("git", ["-C", root, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  const dirty = execFileSync("git", ["-C", root, "status", "--porcelain", "--", "src", "www", "Cargo.toml", "scripts"], { encoding: "utf8" }).trim();
  results.versions.commit = dirty ? `${head}, with uncommitted changes in src/ www/ Cargo.toml scripts/` : head;
} catch {
  results.versions.commit = "unknown";
}
results.versions.node = process.version;
try {
  results.versions.rustc = execFileSync("rustc", ["--version"], { encoding: "utf8" }).trim();
} catch {
  results.versions.rustc = "unknown";
}
results.machine = {
  nproc: cpus().length,
  cpu: (/^model name\s*:\s*(.*)$/m.exec(readFileSync("/proc/cpuinfo", "utf8")) || [])[1] || cpus()[0]?.model,
  memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
  loadavgAtStart: loadavg().map((v) => v.toFixed(2)).join(" "),
};

async function newPage(initScript) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  if (initScript) await page.addInitScript(initScript);
  page.problems = problems;
  page.done = () => context.close();
  return page;
}

try {
  // 1. Rendering to an SVG string, and inserting it, in one page session.
  const compareUrl = writePage(
    "compare.html",
    `${MERMAID_TAG}${JM_TAG}<script>${MERMAID_INIT}</script>`,
    `<div id="host"></div>`,
  );
  const page = await newPage();
  await page.goto(compareUrl);
  await page.evaluate(() => JourneyMap.ready?.());
  for (const tasks of want("compare") ? SIZES : []) {
    const j = journeys.get(tasks);
    const started = Date.now();
    const row = { tasks, sections: j.sections, mermaidBytes: j.mermaid.length, mapBytes: j.json.length };
    const texts = { journeymap: j.json, mermaid: j.mermaid };
    const tools = QUICK && tasks === 5000 ? ["journeymap"] : ["journeymap", "mermaid"];
    const warm = {};
    const runs = {};
    const samples = {};
    const inserts = {};
    const endToEnd = {};
    for (const tool of tools) {
      warm[tool] = await page.evaluate(warmUp, { tool, text: texts[tool], warmMs: WARM_MS, minBatchMs: MIN_BATCH_MS });
      // Fewer runs when one render takes long (Mermaid at 5,000 tasks).
      const perRun = warm[tool].lastMs * warm[tool].reps;
      runs[tool] = Math.min(RUNS, Math.max(MIN_RUNS, Math.floor(BUDGET_MS / perRun)));
      samples[tool] = [];
      inserts[tool] = [];
      endToEnd[tool] = [];
    }
    // The tools take turns, so that whatever else the machine is doing
    // weighs on both alike.
    for (let r = 0; r < RUNS; r++) {
      for (const tool of tools) {
        if (r >= runs[tool]) continue;
        samples[tool].push(await page.evaluate(timedBatch, { tool, reps: warm[tool].reps }));
      }
    }
    for (const tool of tools) await page.evaluate(timedInsert, { tool }); // warm-up
    for (let r = 0; r < RUNS; r++) {
      for (const tool of tools) {
        if (r >= runs[tool]) continue;
        inserts[tool].push(await page.evaluate(timedInsert, { tool }));
      }
    }
    for (let r = 0; r < RUNS; r++) {
      for (const tool of tools) {
        if (r >= runs[tool]) continue;
        endToEnd[tool].push(await page.evaluate(timedEndToEnd, { tool }));
      }
    }
    for (const tool of tools) {
      row[tool] = { ms: median(samples[tool]), samples: samples[tool], runs: runs[tool], ...warm[tool] };
      row[`${tool}Insert`] = { ms: median(inserts[tool]), samples: inserts[tool] };
      row[`${tool}EndToEnd`] = { ms: median(endToEnd[tool]), samples: endToEnd[tool] };
    }
    if (row.mermaid) {
      row.ratio = row.mermaid.ms / row.journeymap.ms;
      row.insertRatio = row.mermaidInsert.ms / row.journeymapInsert.ms;
      row.endToEndRatio = row.mermaidEndToEnd.ms / row.journeymapEndToEnd.ms;
    }
    results.sizes.push(row);
    log(
      `${tasks} tasks: journeymap ${row.journeymap.ms.toFixed(3)} ms (×${row.journeymap.reps}), insert ${row.journeymapInsert.ms.toFixed(2)} ms; ` +
        (row.mermaid
          ? `Mermaid ${row.mermaid.ms.toFixed(1)} ms (×${row.mermaid.reps}, ${row.mermaid.runs} runs), insert ${row.mermaidInsert.ms.toFixed(2)} ms; ratio ${row.ratio.toFixed(0)}×`
          : "Mermaid skipped") +
        ` [${((Date.now() - started) / 1000).toFixed(0)} s]`,
    );
  }
  if (page.problems.length) throw new Error(`page errors: ${page.problems.join("; ")}`);
  await page.done();

  // 2. Payload: what a page includes to render one map.
  // As the budget in docs/browser.md counts: `gzip -9 < FILE | wc -c`
  // (node's zlib at level 9 where there is no gzip command).
  const gz = (bytes) => {
    try {
      return execFileSync("gzip", ["-9"], { input: bytes, maxBuffer: 1 << 28 }).length;
    } catch {
      return gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
    }
  };
  const jmBytes = readFileSync(JM_SCRIPT);
  const mmBytes = readFileSync(MERMAID_SCRIPT);
  // The inlined wasm: the script's one long base64 string (minified, its name is gone).
  const base64 = /"([A-Za-z0-9+/]{10000,}={0,2})"/.exec(jmBytes.toString("latin1"))?.[1] ?? "";
  results.payload = {
    journeymap: { raw: jmBytes.length, gzip: gz(jmBytes), wasmBase64: base64.length, wasmDeflated: Buffer.from(base64, "base64").length },
    mermaid: { raw: mmBytes.length, gzip: gz(mmBytes) },
    companions: readdirSync(dirname(JM_SCRIPT)).filter((f) => f.endsWith(".js") && f !== "journeymap.js" && f !== "playground.js"),
  };
  log(`payload: journeymap.js ${results.payload.journeymap.raw} B (${results.payload.journeymap.gzip} gzip), mermaid.min.js ${mmBytes.length} B (${results.payload.mermaid.gzip} gzip)`);

  // 3. Cold: navigation start to the map in the page, and to its first
  // paint, in fresh contexts (bench/cold.mjs).
  const cold = journeys.get(COLD_TASKS);
  let fragment = null;
  if (existsSync(CLI)) {
    fragment = execFileSync(CLI, ["render", "--format", "fragment", join(out, `journey-${COLD_TASKS}.json`)], { encoding: "utf8" });
  } else log("no target/release/journeymap: the pre-rendered page is left out");
  const coldHtml = coldPages({ jmTag: JM_TAG, mermaidTag: MERMAID_TAG, mermaidInit: MERMAID_INIT, json: cold.json, mermaid: cold.mermaid, fragment, tasks: COLD_TASKS });
  const pages = Object.fromEntries(
    Object.entries(coldHtml).map(([name, { head, body }]) => [name, writePage(`cold-${name.replace(/\W+/g, "-").toLowerCase()}.html`, head, body)]),
  );
  if (want("cold")) {
    results.cold = { tasks: COLD_TASKS, pages: await measureCold(browser, pages, COLD_RUNS, log) };
    const pre = results.cold.pages["journeymap, pre-rendered"];
    if (pre?.wasmCompiles) throw new Error("the pre-rendered page compiled WebAssembly");
  }

  // 4. Memory: the wasm instance's memory after rendering 20,000 items. The
  // shell keeps its instance private; an init script notes every memory a
  // WebAssembly instantiation in the page exports, before the page's script
  // runs. The wasm memory only grows, so its size is the high-water mark.
  if (want("memory")) {
  const memPage = await newPage(() => {
    window.__memories = [];
    const note = (instance) => {
      for (const value of Object.values(instance.exports)) if (value instanceof WebAssembly.Memory) window.__memories.push(value);
    };
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = async function (...args) {
      const result = await instantiate.apply(this, args);
      note(result instanceof WebAssembly.Instance ? result : result.instance);
      return result;
    };
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async function (...args) {
      const result = await streaming.apply(this, args);
      note(result.instance);
      return result;
    };
  });
  await memPage.goto(writePage("memory.html", JM_TAG, ""));
  const cdp = await memPage.context().newCDPSession(memPage);
  const heap = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    return (await cdp.send("Runtime.getHeapUsage")).usedSize;
  };
  const big = journeys.get(MEMORY_ITEMS);
  const memory = await memPage.evaluate(async () => {
    await JourneyMap.check('{"title":"x","stages":[{"name":"a"}]}'); // started
    return window.__memories.map((m) => m.buffer.byteLength);
  });
  const heapBefore = await heap();
  const after = await memPage.evaluate(async (text) => {
    const t0 = performance.now();
    const svg = await JourneyMap.renderToString(text);
    const ms = performance.now() - t0;
    return { ms, svgChars: svg.length, memories: window.__memories.map((m) => m.buffer.byteLength) };
  }, big.json);
  const heapAfter = await heap(); // the SVG string is gone by now: what the shell keeps
  // A second render of the same map: the memory it had is reused (or not).
  const again = await memPage.evaluate(async (text) => {
    await JourneyMap.renderToString(text);
    return window.__memories[0].buffer.byteLength;
  }, big.json);
  if (after.memories.length !== 1) throw new Error(`expected one wasm memory, found ${after.memories.length}`);
  results.memory = {
    items: MEMORY_ITEMS,
    mapBytes: big.json.length,
    svgChars: after.svgChars,
    renderMs: after.ms,
    wasmAfterStart: memory[0],
    wasmAfterRender: after.memories[0],
    wasmAfterSecondRender: again,
    jsHeapBefore: heapBefore,
    jsHeapAfter: heapAfter,
  };
  log(`memory: wasm ${memory[0]} B after start, ${after.memories[0]} B after ${MEMORY_ITEMS} items (${after.ms.toFixed(0)} ms, ${after.svgChars} chars of SVG)`);
  await memPage.done();
  }

  // 5. Profiles (on request).
  if (PROFILE) {
    // Cold loads of the journeymap pages, traced (Chromium's own events:
    // what the renderer's main thread did between navigation start and the
    // first paint), and one with a CPU profile.
    for (const name of Object.keys(pages).filter((n) => n !== "Mermaid")) {
      const runs = [];
      for (let r = 0; r < 3; r++) {
        const file = join(out, `trace-${name.replace(/\W+/g, "-").toLowerCase()}-${r}.json`);
        runs.push(await traceCold(browser, pages[name], { trace: file, categories: TRACE_CATEGORIES }));
      }
      // The run whose paint is the median of the three.
      runs.sort((a, b) => a.painted - b.painted);
      results.traces.push({ page: name, ...runs[1] });
      log(`trace of a cold load, ${name}: ${JSON.stringify(runs[1])}`);
    }
    const file = join(out, "journeymap-cold.cpuprofile");
    const { profile } = await traceCold(browser, pages["journeymap, inline JSON"], { profile: file });
    results.profiles.push({ tool: "journeymap (cold load, inline JSON)", tasks: COLD_TASKS, file, top: topSelf(profile, 15) });
    for (const [tool, tasks, reps] of [
      ["journeymap", 1000, 60],
      ["mermaid", 1000, 3],
    ]) {
      const p = await newPage();
      await p.goto(compareUrl);
      const j = journeys.get(tasks);
      const text = tool === "mermaid" ? j.mermaid : j.json;
      await p.evaluate(warmUp, { tool, text, warmMs: WARM_MS, minBatchMs: 1 });
      const session = await p.context().newCDPSession(p);
      await session.send("Profiler.enable");
      await session.send("Profiler.setSamplingInterval", { interval: 100 });
      await session.send("Profiler.start");
      await p.evaluate(
        async ({ tool, text, reps }) => {
          for (let i = 0; i < reps; i++) {
            if (tool === "mermaid") await mermaid.render(`prof${i}`, text);
            else await JourneyMap.renderToString(text);
          }
        },
        { tool, text, reps },
      );
      const { profile } = await session.send("Profiler.stop");
      const file = join(out, `${tool}-${tasks}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      results.profiles.push({ tool, tasks, file, top: topSelf(profile, 20) });
      log(`\nprofile of ${tool} at ${tasks} tasks (${file}), self time:`);
      for (const t of results.profiles.at(-1).top) log(`  ${t.share.toFixed(1).padStart(5)} %  ${t.name}`);
      await p.done();
    }
  }
} finally {
  await browser.close();
}
results.machine.loadavgAtEnd = loadavg().map((v) => v.toFixed(2)).join(" ");

/** The functions with the most self time in a CDP profile. */
function topSelf(profile, count) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const hits = new Map();
  const deltas = profile.timeDeltas;
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const f = node.callFrame;
    const name = `${f.functionName || "(anonymous)"} ${f.url ? f.url.split("/").pop() : ""}${f.url ? `:${f.lineNumber + 1}` : ""}`.trim();
    const dt = deltas[i] ?? 0;
    hits.set(name, (hits.get(name) || 0) + dt);
    total += dt;
  });
  return [...hits]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, t]) => ({ name, share: (100 * t) / total }));
}

// --- the report ----------------------------------------------------------------

if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2));
console.log(report(results));

function report(r) {
  const ms = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(3));
  const n = (v) => v.toLocaleString("en-US");
  const kib = (v) => `${(v / 1024).toFixed(1)} KiB`;
  const lines = [];
  lines.push(`Date: ${r.date}${r.quick ? " (--quick: fewer runs, not for BENCHMARKS.md)" : ""}`);
  lines.push(`Machine: ${r.machine.nproc} cores (${r.machine.cpu}), ${r.machine.memory}; load average ${r.machine.loadavgAtStart} at start, ${r.machine.loadavgAtEnd} at end`);
  lines.push(`Versions: Chromium ${r.versions.chromium}, node ${r.versions.node}, mermaid ${r.versions.mermaid}, ${r.versions.rustc}`);
  lines.push(`Maps: ${r.converterCheck}`);
  lines.push(`journeymap: ${relative(root, JM_SCRIPT)}, built ${r.versions.journeymapBuilt}; commit ${r.versions.commit}`);
  if (r.sizes.length) {
    lines.push("");
    lines.push(
      "Render to an SVG string (median ms per render); insert that SVG into the page + force layout (median ms); end to end: one render, the insert and the frame that paints it (median ms):",
    );
    lines.push("");
    lines.push(
      "| tasks | sections | Mermaid render | journeymap render | ratio | Mermaid insert + layout | journeymap insert + layout | ratio | Mermaid end to end | journeymap end to end | ratio | SVG bytes (Mermaid / journeymap) |",
    );
    lines.push("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const s of r.sizes) {
      const runs = s.mermaid && s.mermaid.runs !== RUNS ? ` (${s.mermaid.runs} runs)` : "";
      lines.push(
        `| ${n(s.tasks)} | ${s.sections} | ${s.mermaid ? ms(s.mermaid.ms) + runs : "—"} | ${ms(s.journeymap.ms)} | ${s.ratio ? s.ratio.toFixed(0) + "×" : "—"} | ` +
          `${s.mermaidInsert ? ms(s.mermaidInsert.ms) : "—"} | ${ms(s.journeymapInsert.ms)} | ${s.insertRatio ? s.insertRatio.toFixed(1) + "×" : "—"} | ` +
          `${s.mermaidEndToEnd ? ms(s.mermaidEndToEnd.ms) : "—"} | ${ms(s.journeymapEndToEnd.ms)} | ${s.endToEndRatio ? s.endToEndRatio.toFixed(1) + "×" : "—"} | ` +
          `${s.mermaid ? n(s.mermaid.svgBytes) : "—"} / ${n(s.journeymap.svgBytes)} |`,
      );
    }
    lines.push("");
    lines.push(
      `Timed runs: ${RUNS} per size and tool (fewer where the table says so: at most ${BUDGET_MS / 1000} s of runs, at least ${MIN_RUNS}), the two tools taking turns, ` +
        `after ${WARM_MS} ms of warm-up renders; each run a batch of renders lasting ≥ ${MIN_BATCH_MS} ms; the median shown.`,
    );
    lines.push("");
    lines.push("journeymap render per task: " + r.sizes.map((s) => `${n(s.tasks)}: ${((1000 * s.journeymap.ms) / s.tasks).toFixed(1)} µs`).join(", ") + ".");
    const withMermaid = r.sizes.filter((s) => s.mermaid);
    lines.push("Mermaid render per task: " + withMermaid.map((s) => `${n(s.tasks)}: ${((1000 * s.mermaid.ms) / s.tasks).toFixed(0)} µs`).join(", ") + ".");
  }
  if (r.payload.journeymap) {
    const p = r.payload;
    lines.push("");
    lines.push("| payload to render one map from file:// | raw | gzip -9 |");
    lines.push("|---|---:|---:|");
    lines.push(`| ${relative(root, JM_SCRIPT)} | ${n(p.journeymap.raw)} B (${kib(p.journeymap.raw)}) | ${n(p.journeymap.gzip)} B (${kib(p.journeymap.gzip)}) |`);
    lines.push(`| mermaid ${r.versions.mermaid} dist/mermaid.min.js | ${n(p.mermaid.raw)} B (${kib(p.mermaid.raw)}) | ${n(p.mermaid.gzip)} B (${kib(p.mermaid.gzip)}) |`);
    lines.push(`| ratio | ${(p.mermaid.raw / p.journeymap.raw).toFixed(1)}× | ${(p.mermaid.gzip / p.journeymap.gzip).toFixed(1)}× |`);
    lines.push("");
    lines.push(
      `${relative(root, JM_SCRIPT)} holds ${n(p.journeymap.wasmBase64)} B of base64 (${n(p.journeymap.wasmDeflated)} B of deflated wasm); ` +
        `the rest, ${n(p.journeymap.raw - p.journeymap.wasmBase64)} B, is JS (glue and shell). Other scripts beside it, not loaded to render a map: ${p.companions.join(", ") || "none"}.`,
    );
  }
  if (r.cold.pages) {
    lines.push("");
    lines.push(...coldTable(r.cold.pages, r.cold.tasks));
  }
  if (r.memory.items) {
    const m = r.memory;
    lines.push("");
    lines.push(
      `Memory, ${n(m.items)} items (${n(m.mapBytes)} B of JSON → ${n(m.svgChars)} characters of SVG, rendered in ${ms(m.renderMs)} ms): ` +
        `wasm memory ${n(m.wasmAfterStart)} B (${(m.wasmAfterStart / 2 ** 20).toFixed(1)} MiB) after start, ${n(m.wasmAfterRender)} B (${(m.wasmAfterRender / 2 ** 20).toFixed(1)} MiB) after the render, ${n(m.wasmAfterSecondRender)} B after rendering it again; ` +
        `JS heap ${(m.jsHeapBefore / 2 ** 20).toFixed(1)} MiB before, ${(m.jsHeapAfter / 2 ** 20).toFixed(1)} MiB after (both after a GC).`,
    );
  }
  for (const t of r.traces) {
    lines.push("");
    lines.push(`Trace of a cold load, ${t.page} (ms; the median of 3 traced loads): ${JSON.stringify(t)}`);
  }
  for (const prof of r.profiles) {
    lines.push("");
    lines.push(`Profile of ${prof.tool} at ${n(prof.tasks)} tasks (${prof.file}), self time:`);
    for (const t of prof.top) lines.push(`  ${t.share.toFixed(1).padStart(5)} %  ${t.name}`);
  }
  return lines.join("\n");
}
