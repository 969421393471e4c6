// Assembles dist/ from wasm-bindgen's output and the sources in www/.
//
//   node www/build.mjs BINDGEN_DIR OUT_DIR
//
// BINDGEN_DIR holds wasm-bindgen's `--target no-modules` output
// (journeymap.js, journeymap_bg.wasm). Writes to OUT_DIR:
//   journeymap.js   one classic script: glue + inlined wasm + shell, in one
//                   function scope; defines the global JourneyMap
//   journeymap.mjs  the same as an ES module (default export JourneyMap)
//   journeymap.d.ts its types
//   index.html      the gallery of examples/*.json, each map inline
//   playground.html + playground.js
//
// No dependencies beyond Node itself.

import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from "node:fs";
import { deflateRawSync, constants } from "node:zlib";
import { join, dirname, basename } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const [bindgenDir, outDir] = process.argv.slice(2);
if (!bindgenDir || !outDir) {
  console.error("usage: node www/build.mjs BINDGEN_DIR OUT_DIR");
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const read = (path) => readFileSync(path, "utf8");
const version = /^version = "(.*)"$/m.exec(read(join(root, "Cargo.toml")))[1];

// --- the script -------------------------------------------------------------

const glue = read(join(bindgenDir, "journeymap.js"));
if (!/^let wasm_bindgen = /m.test(glue)) {
  throw new Error("expected wasm-bindgen --target no-modules output (it defines `let wasm_bindgen`)");
}
const wasm = readFileSync(join(bindgenDir, "journeymap_bg.wasm"));
// Compressed before base64: see the note at the top of www/shell.js.
const packed = deflateRawSync(wasm, { level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
const base64 = packed.toString("base64");
const shell = read(join(here, "shell.js"));

const banner = `/*! journeymap ${version} — customer journey maps in the browser. MIT licence.
 * Needs no network: the WebAssembly core is inlined below. Under a Content
 * Security Policy, the page needs script-src 'wasm-unsafe-eval' (and 'self'
 * or a hash/nonce for this file). */\n`;
const body = `${glue}\nconst WASM_BASE64 = "${base64}";\n\n${shell}`;

writeFileSync(
  join(outDir, "journeymap.js"),
  `${banner}(function () {\n"use strict";\n${body}\nglobalThis.JourneyMap = JourneyMap;\n})();\n`,
);
writeFileSync(
  join(outDir, "journeymap.mjs"),
  `${banner}${body}\nexport default JourneyMap;\nexport { render, renderToString, check, JourneyMapError, View };\n`,
);
writeFileSync(join(outDir, "journeymap.d.ts"), read(join(here, "journeymap.d.ts")));

// --- the pages --------------------------------------------------------------

const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
// Inside <script type="application/json">, "</script" or "<!--" would end or
// confuse the element; in valid JSON "<" only occurs inside strings, where
// \u003c means the same.
const escapeScriptJson = (text) => text.replace(/</g, "\\u003c");

const examplesDir = join(root, "examples");
const examples = (existsSync(examplesDir) ? readdirSync(examplesDir) : [])
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((file) => {
    const text = read(join(examplesDir, file));
    let title = basename(file, ".json");
    try {
      title = JSON.parse(text).title || title;
    } catch {
      // An example that does not parse still shows (as its error box).
    }
    return { name: basename(file, ".json"), file, text, title: String(title) };
  });

const sections = examples
  .map(
    (ex, i) => `
<section class="example" id="example-${escapeHtml(ex.name)}" aria-labelledby="title-${i + 1}">
  <h2 id="title-${i + 1}">${escapeHtml(ex.title)}</h2>
  <p class="meta">Map ${i + 1} · <code>examples/${escapeHtml(ex.file)}</code> ·
    <a href="playground.html#example=${encodeURIComponent(ex.name)}">Open in the playground</a></p>
  <journey-map><script type="application/json">${escapeScriptJson(ex.text)}</script></journey-map>
</section>`,
  )
  .join("\n");
const nav = examples
  .map((ex) => `<li><a href="#example-${escapeHtml(ex.name)}">${escapeHtml(ex.title)}</a></li>`)
  .join("\n      ");

const fill = (template, values) =>
  template.replace(/<!--\s*@(\w+)\s*-->/g, (_, key) => {
    if (!(key in values)) throw new Error(`unknown placeholder @${key}`);
    return values[key];
  });

writeFileSync(
  join(outDir, "index.html"),
  fill(read(join(here, "index.html")), {
    VERSION: escapeHtml(version),
    NAV: nav || "<li>No examples yet: add maps to examples/.</li>",
    EXAMPLES: sections,
  }),
);

const exampleData = Object.fromEntries(examples.map((ex) => [ex.name, { title: ex.title, text: ex.text }]));
writeFileSync(
  join(outDir, "playground.html"),
  fill(read(join(here, "playground.html")), {
    VERSION: escapeHtml(version),
    EXAMPLES_JSON: escapeScriptJson(JSON.stringify(exampleData)),
  }),
);
writeFileSync(join(outDir, "playground.js"), read(join(here, "playground.js")));

console.log(
  `www/build.mjs: ${outDir}/journeymap.js (${(wasm.length / 1024).toFixed(0)} KiB wasm, ` +
    `${(packed.length / 1024).toFixed(0)} KiB deflated), ${examples.length} examples`,
);
