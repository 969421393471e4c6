// Shared by the browser tests: Debian's Chromium through playwright-core, a
// tiny static server on 127.0.0.1, pages written for a test, and a watch on
// console errors.

import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { readFile, mkdir, writeFile, stat } from "node:fs/promises";
import { readFileSync, readdirSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join, extname, dirname, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import assert from "node:assert/strict";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const dist = join(root, "dist");
const pagesDir = join(root, "target", "browser-pages");

// The machine's closed network and a shared box: no background traffic, no
// GPU, no sandbox (the tests run as root).
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Playwright creates a fresh, empty profile (user data dir) per launch;
 * `extra` flags are a test's own (`--js-flags=--expose-gc`). */
export function launch(extra = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: [...FLAGS, ...extra], headless: true });
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".css": "text/css",
  ".wasm": "application/wasm",
};

/** Serves the repository read-only on 127.0.0.1, an ephemeral port. Pages
 * whose name ends in `.csp.html` get the strict script policy the embed
 * must work under. `routes` maps a path to a handler `(req, res)` of a
 * test's own (a slow or endless response). */
export async function serve(routes = {}) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(`http://x${req.url}`).pathname); // req.url may start with //
      if (path === "/favicon.ico") return void res.writeHead(204).end(); // asked for by every page
      if (Object.hasOwn(routes, path)) return void routes[path](req, res);
      const file = resolve(root, "." + path);
      if (!file.startsWith(root + sep)) throw new Error("outside");
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      const headers = { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-store" };
      if (file.endsWith(".csp.html")) headers["content-security-policy"] = "script-src 'self' 'wasm-unsafe-eval'";
      res.writeHead(200, headers);
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    url: (path) => `http://127.0.0.1:${port}/${path.replace(/^\//, "")}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((ok) => server.close(ok));
    },
  };
}

/** A test file's browser and server, started in its `before` hook:
 * `before(async () => ({ browser, server } = await startBrowserAndServer()))`. */
export async function startBrowserAndServer() {
  return { browser: await launch(), server: await serve() };
}

/** Closes what a test file started (its `after` hook); any of them may be
 * missing when `before` failed. */
export async function closeAll(...things) {
  for (const thing of things) await thing?.close();
}

/** Writes a page under target/browser-pages/; returns its path relative to
 * the repository (for the server) and its file:// URL. Pages load the
 * script as ../../dist/journeymap.js. */
export async function writePage(name, html) {
  await mkdir(pagesDir, { recursive: true });
  const file = join(pagesDir, name);
  await writeFile(file, html);
  return { path: `target/browser-pages/${name}`, fileUrl: pathToFileURL(file).href };
}

export const fileUrl = (path) => pathToFileURL(join(root, path)).href;

/** A fresh page that records console errors, page errors and CSP
 * violations; `page.problems()` lists them. */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.problems = () => problems;
  page.assertClean = () => assert.deepEqual(problems, [], "no console errors");
  page.done = () => context.close();
  return page;
}

/** The maps in examples/, and the fixtures of these tests. */
export function maps() {
  const list = [];
  for (const dir of ["examples", "tests/browser/fixtures"]) {
    let names = [];
    try {
      names = readdirSync(join(root, dir)).filter((n) => n.endsWith(".json")).sort();
    } catch {
      continue;
    }
    for (const name of names) list.push({ name: `${dir}/${name}`, text: readFileSync(join(root, dir, name), "utf8") });
  }
  return list;
}

/** HTML text of a map inline in <journey-map>. */
export function inline(text, attributes = "") {
  return `<journey-map ${attributes}><script type="application/json">${text.replace(/</g, "\\u003c")}</script></journey-map>`;
}

export const SCRIPT = `<script src="../../dist/journeymap.js"></script>`;

export function html(body, head = SCRIPT) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>test</title>${head}</head><body>${body}</body></html>`;
}

/** Waits until every <journey-map> on the page has loaded or failed. */
export async function mapsSettled(page, count) {
  await page.waitForFunction(
    (n) => {
      const els = [...document.querySelectorAll("journey-map")];
      return els.length >= n && els.every((el) => el.querySelector(".jm-view svg, .jm-error"));
    },
    count,
    { timeout: 15000 },
  );
}

/** Waits until the view of the <journey-map> `selector` has stopped moving
 * (the view's own promise: its zoom animation has ended). */
export const settled = (page, selector = "journey-map") => page.$eval(selector, (el) => el.view.settled());

export const viewBox = (page, selector = "journey-map svg") =>
  page.$eval(selector, (svg) => svg.getAttribute("viewBox"));

/** A page on the map at `url`, once its <journey-map> has loaded. */
export async function openMap(browser, url) {
  const page = await openPage(browser);
  await page.goto(url);
  await mapsSettled(page, 1);
  return page;
}

/** The effective opacity (the product of its ancestors' up to the map's
 * element) of each element `selector` matches in the map's SVG. */
export const opacities = (page, selector) =>
  page.evaluate((selector) => {
    const svg = document.querySelector("journey-map svg");
    return [...svg.querySelectorAll(selector)].map((el) => {
      let opacity = 1;
      for (let n = el; n && n !== svg.parentElement; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity);
      return Math.round(opacity * 100) / 100;
    });
  }, selector);

let axeSource;
/** axe-core's violations on the page (all rules it runs by default), as
 * short readable lines. */
export async function axeViolations(page) {
  axeSource ??= readFileSync(join(root, "tests/browser/node_modules/axe-core/axe.min.js"), "utf8");
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const result = await axe.run(document);
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")}: ${v.help}: ${n.failureSummary}`),
    );
  });
}

/** The CLI's output (the debug build cargo test makes, else release). */
export function cli(...args) {
  for (const profile of ["debug", "release"]) {
    try {
      return execFileSync(join(root, "target", profile, "journeymap"), args, { cwd: root, encoding: "utf8" });
    } catch (error) {
      if (error.code !== "ENOENT") throw error;
    }
  }
  throw new Error("build the CLI first: cargo build");
}

/** Counts the page's calls that compile or instantiate WebAssembly. */
export function countWasm() {
  window.__wasmCalls = 0;
  for (const name of ["compile", "instantiate", "compileStreaming", "instantiateStreaming"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      window.__wasmCalls++;
      return original.apply(this, args);
    };
  }
}
