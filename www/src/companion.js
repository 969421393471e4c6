// The Mermaid importer's side of the browser embed: the entry of
// journeymap-mermaid.js (and .mjs). journeymap.js loads it the first time a
// page calls JourneyMap.fromMermaid, JourneyMap.lint or JourneyMap.diff
// (mermaid.js, compare.js); nothing else uses it.
//
// Its "journeymap:wasm" is the core built with the `mermaid` feature (the
// exports `fromMermaid`, `lint` and `diff` of src/wasm.rs). The classic script registers
// `companion` under Symbol.for("journeymap.mermaid"); the module exports
// it. journeymap.js does the rest (argument checks, JourneyMapError), so
// that the errors are its own class.

import { coreOutput } from "./boot.js";
import { VERSION } from "journeymap:build";

/** Mermaid text and the options as JSON in; `{ok: true, map, warnings}` or
 * `{ok: false, diagnostics}` out. */
async function convert(text, optionsJson) {
  const output = await coreOutput((wasm) => wasm.fromMermaid(text, optionsJson));
  const info = JSON.parse(output.info);
  return output.ok ? { ok: true, map: info.map, warnings: info.warnings } : { ok: false, diagnostics: info };
}

/** Map JSON in; `{ok: true, findings}` or `{ok: false, diagnostics}` out. */
async function lint(text) {
  const output = await coreOutput((wasm) => wasm.lint(text));
  const info = JSON.parse(output.info);
  return output.ok ? { ok: true, findings: info } : { ok: false, diagnostics: info };
}

/** Two maps' JSON in; `{ok: true, svg, changes}` or `{ok: false, diagnostics}` out. */
async function diff(before, after) {
  const output = await coreOutput((wasm) => wasm.diff(before, after));
  const info = JSON.parse(output.info);
  return output.ok ? { ok: true, svg: output.svg, changes: info } : { ok: false, diagnostics: info };
}

export default Object.freeze({ version: VERSION, convert, lint, diff });
