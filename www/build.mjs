// Assembles dist/ from wasm-bindgen's output and the sources in www/.
//
//   node www/build.mjs CORE_BINDGEN_DIR MERMAID_BINDGEN_DIR OUT_DIR
//
// Each BINDGEN_DIR holds wasm-bindgen's `--target no-modules` output
// (journeymap.js, journeymap_bg.wasm): CORE_BINDGEN_DIR of the crate built
// without the `mermaid` feature, MERMAID_BINDGEN_DIR with it. Writes to
// OUT_DIR:
//   journeymap.js          one classic script: glue + inlined wasm + boot.js +
//                          shell.js, in one function scope; defines the
//                          global JourneyMap
//   journeymap.mjs         the same as an ES module (default export JourneyMap)
//   journeymap-mermaid.js  the Mermaid importer, loaded by the two above on
//   journeymap-mermaid.mjs first use: glue + inlined wasm + boot.js + mermaid.js
//   journeymap.d.ts        the types
//   index.html             the gallery of examples/*.json, each map inline
//   playground.html + playground.js
//
// No dependencies beyond Node itself.

import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from "node:fs";
import { deflateRawSync, constants } from "node:zlib";
import { join, dirname, basename } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const [coreDir, mermaidDir, outDir] = process.argv.slice(2);
if (!coreDir || !mermaidDir || !outDir) {
  console.error("usage: node www/build.mjs CORE_BINDGEN_DIR MERMAID_BINDGEN_DIR OUT_DIR");
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const read = (path) => readFileSync(path, "utf8");
const version = /^version = "(.*)"$/m.exec(read(join(root, "Cargo.toml")))[1];

// --- the scripts ------------------------------------------------------------

/** wasm-bindgen's glue and its wasm, compressed before base64 (see the note
 * at the top of www/boot.js), as the start of a script body. */
function wasmPart(bindgenDir, expectedExports) {
  const bindgenGlue = read(join(bindgenDir, "journeymap.js"));
  if (!/^let wasm_bindgen = \(function\(exports\) \{$/m.test(bindgenGlue)) {
    throw new Error(
      `${bindgenDir}: expected wasm-bindgen --target no-modules output (it starts \`let wasm_bindgen = (function(exports) {\`)`,
    );
  }
  // The glue is one function call that returns the init function with the
  // exports, bound to one instance. Made a factory, it gives boot.js a fresh
  // glue, and so a fresh instance, whenever the old one has trapped.
  const glue = bindgenGlue.replace(/^let wasm_bindgen = /m, "const newWasmBindgen = () => ");
  for (const [name, wanted] of Object.entries(expectedExports)) {
    const has = new RegExp(`\\bexports\\.${name} = `).test(bindgenGlue);
    if (has !== wanted) {
      throw new Error(`${bindgenDir}: the wasm should ${wanted ? "" : "not "}export ${name} (built with the wrong features?)`);
    }
  }
  const wasm = readFileSync(join(bindgenDir, "journeymap_bg.wasm"));
  const packed = deflateRawSync(wasm, { level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
  return {
    body: `${glue}\nconst WASM_BASE64 = "${packed.toString("base64")}";\n\n${read(join(here, "boot.js"))}`,
    note: `${(wasm.length / 1024).toFixed(0)} KiB wasm, ${(packed.length / 1024).toFixed(0)} KiB deflated`,
  };
}

const core = wasmPart(coreDir, { render: true, fromMermaid: false });
const mermaid = wasmPart(mermaidDir, { fromMermaid: true });
const shell = read(join(here, "shell.js"));
const mermaidShell = read(join(here, "mermaid.js"));
const versionLine = `const VERSION = ${JSON.stringify(version)};\n`;

const banner = `/*! journeymap ${version} — customer journey maps in the browser. MIT licence.
 * Needs no network: the WebAssembly core is inlined below. Under a Content
 * Security Policy, the page needs script-src 'wasm-unsafe-eval' (and 'self'
 * or a hash/nonce for this file). JourneyMap.fromMermaid loads the Mermaid
 * importer, journeymap-mermaid.js, from beside this file. */\n`;
const mermaidBanner = `/*! journeymap ${version} — the Mermaid importer, loaded by journeymap.js on
 * first use of JourneyMap.fromMermaid (keep it beside journeymap.js). MIT
 * licence. Needs no network: the WebAssembly core is inlined below. */\n`;

// The classic script finds the importer beside itself through a <script>
// element; the module imports it (bundlers leave the import alone and copy
// the file the URL names).
const classicLoader = "const IMPORT_COMPANION = null;\n";
const moduleLoader =
  "const IMPORT_COMPANION = () =>\n" +
  '  import(/* webpackIgnore: true */ /* @vite-ignore */ new URL("./journeymap-mermaid.mjs", import.meta.url).href);\n';

const classic = (body, end) => `(function () {\n"use strict";\n${body}\n${end}\n})();\n`;

writeFileSync(
  join(outDir, "journeymap.js"),
  banner + classic(`${core.body}\n${versionLine}${classicLoader}\n${shell}`, "globalThis.JourneyMap = JourneyMap;"),
);
writeFileSync(
  join(outDir, "journeymap.mjs"),
  `${banner}${core.body}\n${versionLine}${moduleLoader}\n${shell}\nexport default JourneyMap;\n` +
    `export { render, renderToString, check, fromMermaid, JourneyMapError, View };\n`,
);
writeFileSync(
  join(outDir, "journeymap-mermaid.js"),
  mermaidBanner +
    classic(
      `${mermaid.body}\n${versionLine}\n${mermaidShell}`,
      'globalThis[Symbol.for("journeymap.mermaid")] ??= companion;',
    ),
);
writeFileSync(
  join(outDir, "journeymap-mermaid.mjs"),
  `${mermaidBanner}${mermaid.body}\n${versionLine}\n${mermaidShell}\nexport default companion;\n`,
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
  `www/build.mjs: ${outDir}/journeymap.js (${core.note}), ` +
    `${outDir}/journeymap-mermaid.js (${mermaid.note}), ${examples.length} examples`,
);
