// Assembles dist/ from wasm-bindgen's output and the shell's ES modules in
// www/src/, bundled and minified by esbuild.
//
//   node www/build.mjs CORE_BINDGEN_DIR MERMAID_BINDGEN_DIR OUT_DIR
//
// Each BINDGEN_DIR holds wasm-bindgen's `--target no-modules` output
// (journeymap.js, journeymap_bg.wasm): CORE_BINDGEN_DIR of the crate built
// without the `mermaid` feature, MERMAID_BINDGEN_DIR with it. Writes to
// OUT_DIR:
//   journeymap.js          a classic script (an IIFE) of src/api.js with the
//                          core's glue and inlined wasm; defines the global
//                          JourneyMap and nothing else
//   journeymap.mjs         the same as an ES module (default export JourneyMap)
//   journeymap-mermaid.js  the Mermaid importer (src/companion.js), loaded by
//   journeymap-mermaid.mjs the two above on first use, with its own core
//   journeymap.d.ts        the types
//   index.html             the gallery of examples/*.json, each map inline
//   playground.html + playground.js
//
// The modules import two that exist only here: "journeymap:wasm" (the glue
// and the wasm of the bundle's core) and "journeymap:build" (VERSION, the
// fragment's VIEW_DATA_TYPE and PRERENDERED attribute, and how the core
// finds the importer). Needs esbuild, terser and @gfx/zopfli (the wasm's
// compressor; www/package.json; npm ci in www/, which scripts/setup.sh does).

import { readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from "node:fs";
import { createHash } from "node:crypto";
import zopfli from "@gfx/zopfli";
import { join, dirname, basename } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { minify } from "terser";

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
// The pre-rendered fragment's view data type: its one home is src/embed.rs
// (the shell must know it before, or without, starting the core).
const embed = read(join(root, "src/embed.rs"));
const viewDataType = /^pub const VIEW_DATA_TYPE: &str = "(.*)";$/m.exec(embed)[1];
const prerendered = /^pub const PRERENDERED: &str = "(.*)";$/m.exec(embed)[1];

// --- the scripts ------------------------------------------------------------

/** The wasm as deflate-raw, compressed by Zopfli: the same format that
 * zlib writes and DecompressionStream reads, about 8 % smaller than zlib's
 * best (127,644 → 117,916 bytes on the core, 2026-12), which is what the
 * gzipped script carries. With no limit on the number of blocks it splits
 * the stream into (`blocksplittingmax: 0`; 15 by default) it finds about
 * 600 bytes more on the core. Zopfli takes seconds, so each result is kept
 * in target/zopfli/, keyed by the wasm's hash and the options. */
const ZOPFLI = { numiterations: 15, blocksplittingmax: 0 };
async function deflateRaw(wasm) {
  const cacheDir = join(root, "target", "zopfli");
  const key = createHash("sha256").update(wasm).update(JSON.stringify(ZOPFLI)).digest("hex");
  const cached = join(cacheDir, `${key}.deflate`);
  if (existsSync(cached)) return readFileSync(cached);
  const packed = await new Promise((resolve, reject) =>
    zopfli.deflate(wasm, ZOPFLI, (error, output) => (error ? reject(error) : resolve(Buffer.from(output)))),
  );
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(cached, packed);
  return packed;
}

/** The module "journeymap:wasm" for one bundle: wasm-bindgen's glue and its
 * wasm, compressed before base64 (see the note at the top of src/boot.js). */
async function wasmModule(bindgenDir, expectedExports) {
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
  const packed = await deflateRaw(wasm);
  return {
    contents: `${glue}\nexport { newWasmBindgen };\nexport const WASM_BASE64 = "${packed.toString("base64")}";\n`,
    note: `${(wasm.length / 1024).toFixed(0)} KiB wasm, ${(packed.length / 1024).toFixed(0)} KiB deflated`,
  };
}

const core = await wasmModule(coreDir, { render: true, fragment: true, constants: true, isValidId: true, fromMermaid: false, lint: false, diff: false });
const mermaid = await wasmModule(mermaidDir, { fromMermaid: true, lint: true, diff: true });

const banner = `/*! journeymap ${version} — customer journey maps in the browser. MIT licence.
 * Needs no network: the WebAssembly core is inlined below. Under a Content
 * Security Policy, the page needs script-src 'wasm-unsafe-eval' (and 'self'
 * or a hash/nonce for this file). JourneyMap.fromMermaid loads the Mermaid
 * importer, journeymap-mermaid.js, from beside this file. */`;
const mermaidBanner = `/*! journeymap ${version} — the Mermaid importer, loaded by journeymap.js on
 * first use of JourneyMap.fromMermaid (keep it beside journeymap.js). MIT
 * licence. Needs no network: the WebAssembly core is inlined below. */`;

// The classic script finds the importer beside itself through a <script>
// element; the module imports it. Bundlers of the pages that use the module
// must leave that import alone (and copy the file the URL names): the
// comments that tell them so are put back after minifying, which drops them.
const companions = ["journeymap-mermaid", "journeymap-words"];
const classicLoader = "export const importers = null;\n";
const moduleLoader = `export const importers = {${companions
  .map((name) => `"${name}": () => import(new URL("./${name}.mjs", import.meta.url).href)`)
  .join(", ")}};\n`;
const keepImport = (code) => {
  for (const name of companions) {
    const companionImport = `import(new URL("./${name}.mjs",import.meta.url)`;
    if (code.split(companionImport).length !== 2) throw new Error(`build.mjs: the import() of ${name} not found once`);
    code = code.replace(
      companionImport,
      `import(/* webpackIgnore: true */ /* @vite-ignore */ new URL("./${name}.mjs",import.meta.url)`,
    );
  }
  return code;
};

/** One bundle: `entry` (module text, resolved in src/) with the two
 * generated modules, minified, written to OUT_DIR/`file`. */
async function bundle(file, { entry, format, wasmPart, loader, bannerText, after = (code) => code }) {
  const generated = {
    "journeymap:wasm": wasmPart.contents,
    "journeymap:build":
      `export const VERSION = ${JSON.stringify(version)};\n` +
      `export const VIEW_DATA_TYPE = ${JSON.stringify(viewDataType)};\n` +
      `export const PRERENDERED = ${JSON.stringify(prerendered)};\n${loader}`,
  };
  const result = await build({
    stdin: { contents: entry, resolveDir: join(here, "src"), sourcefile: file },
    bundle: true,
    format,
    minify: true,
    target: "es2022",
    legalComments: "none",
    banner: { js: bannerText },
    write: false,
    outfile: join(outDir, file),
    logLevel: "warning",
    plugins: [
      {
        name: "journeymap-generated",
        setup(b) {
          b.onResolve({ filter: /^journeymap:/ }, (args) => ({ path: args.path, namespace: "journeymap" }));
          b.onLoad({ filter: /.*/, namespace: "journeymap" }, (args) => ({
            contents: generated[args.path],
            loader: "js",
          }));
        },
      },
    ],
  });
  // Terser after esbuild: its compressor takes about 600 more bytes off the
  // gzipped core script (3 % of the shell), keeping the banner's `/*!`.
  const minified = await minify(result.outputFiles[0].text, {
    ecma: 2022,
    module: format === "esm",
    compress: { passes: 3 },
    format: { comments: /^!/ },
  });
  writeFileSync(join(outDir, file), after(minified.code));
}

await bundle("journeymap.js", {
  entry: 'import JourneyMap from "./api.js";\nglobalThis.JourneyMap = JourneyMap;\n',
  format: "iife",
  wasmPart: core,
  loader: classicLoader,
  bannerText: banner,
});
await bundle("journeymap.mjs", {
  entry: 'export * from "./api.js";\nexport { default } from "./api.js";\n',
  format: "esm",
  wasmPart: core,
  loader: moduleLoader,
  bannerText: banner,
  after: keepImport,
});
await bundle("journeymap-mermaid.js", {
  entry: 'import companion from "./companion.js";\nglobalThis[Symbol.for("journeymap.mermaid")] ??= companion;\n',
  format: "iife",
  wasmPart: mermaid,
  loader: classicLoader,
  bannerText: mermaidBanner,
});
await bundle("journeymap-mermaid.mjs", {
  entry: 'export { default } from "./companion.js";\n',
  format: "esm",
  wasmPart: mermaid,
  loader: classicLoader,
  bannerText: mermaidBanner,
});
// The words of every language but English (the core's own), for a core
// built without `all-languages`: the data files as they are, minified, in
// one object tag → words (src/i18n/words/*.json stays their one home).
const wordsDir = join(root, "src/i18n/words");
const wordTables = Object.fromEntries(
  readdirSync(wordsDir)
    .filter((name) => name.endsWith(".json") && name !== "en.json")
    .sort()
    .map((name) => [basename(name, ".json"), JSON.parse(read(join(wordsDir, name)))]),
);
const wordsCompanion = `{version:${JSON.stringify(version)},tables:${JSON.stringify(wordTables)}}`;
const wordsBanner = `/*! journeymap ${version} — the words of languages other than English, loaded
 * by journeymap.js on the first map in one (keep it beside journeymap.js). MIT licence. */`;
writeFileSync(
  join(outDir, "journeymap-words.js"),
  `${wordsBanner}\nglobalThis[Symbol.for("journeymap.words")]??=Object.freeze(${wordsCompanion});\n`,
);
writeFileSync(join(outDir, "journeymap-words.mjs"), `${wordsBanner}\nexport default Object.freeze(${wordsCompanion});\n`);
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
