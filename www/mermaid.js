// The Mermaid importer's side of the browser embed: journeymap-mermaid.js
// (and journeymap-mermaid.mjs). journeymap.js loads it the first time a page
// calls JourneyMap.fromMermaid; nothing else uses it.
//
// www/build.mjs puts before this file wasm-bindgen's glue and the inlined
// wasm of the core built with the `mermaid` feature (the export
// `fromMermaid` of src/wasm.rs), www/boot.js (which starts it) and the
// constant `VERSION`, all in one function scope. The classic script then
// registers `companion` under Symbol.for("journeymap.mermaid"); the module
// exports it. journeymap.js does the rest (argument checks, JourneyMapError),
// so that the errors are its own class.

/* global coreOutput, VERSION */

/** Mermaid text and the options as JSON in; `{ok: true, map, warnings}` or
 * `{ok: false, diagnostics}` out. */
async function convert(text, optionsJson) {
  const output = await coreOutput((wasm) => wasm.fromMermaid(text, optionsJson));
  const info = JSON.parse(output.info);
  return output.ok ? { ok: true, map: info.map, warnings: info.warnings } : { ok: false, diagnostics: info };
}

const companion = Object.freeze({ version: VERSION, convert });
