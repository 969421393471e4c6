// journeymap/sync: the core's render, check and Mermaid import as plain
// synchronous calls, for Node build tools whose hooks cannot wait
// (markdown-it's renderer, most static-site generators' Markdown steps).
//
// The browser module (dist/journeymap.mjs) starts its WebAssembly from
// inlined, compressed bytes, which only an async API can do. Node can
// compile a module synchronously from a file, so this entry reads the core
// built with the Mermaid importer (dist/journeymap-core.wasm, the same Rust
// code as both browser scripts) and calls it directly. The marshalling
// mirrors the browser shell's: map text is passed as it is, an object is
// JSON.stringify'd, the core validates the options, and failures are the
// same JourneyMapError with the same diagnostics.

import { readFileSync } from "node:fs";
import newGlue from "./dist/journeymap-core-glue.mjs";
import { JourneyMapError } from "./node.mjs";

export { JourneyMapError };

let compiled = null;
let instance = null;

/** The core's exports; compiled on first use (a few tens of milliseconds). */
function core() {
  if (!instance) {
    compiled ??= new WebAssembly.Module(readFileSync(new URL("./dist/journeymap-core.wasm", import.meta.url)));
    const glue = newGlue();
    glue.initSync({ module: compiled });
    instance = glue;
  }
  return instance;
}

/** Calls the core. It reports bad input as data, so an exception is a trap
 * (a bug): the instance is dropped and the next call gets a fresh one. */
function call(use) {
  const exports = core();
  try {
    return use(exports);
  } catch (error) {
    instance = null;
    throw new Error(
      `journeymap's core stopped on this map (${error?.name || "Error"}: ${error?.message || error}); please report this map as a bug.`,
      { cause: error },
    );
  }
}

/** An `Output` of the core, copied and freed. */
function output(make) {
  return call((exports) => {
    const out = make(exports);
    try {
      return { ok: out.ok, svg: out.svg, info: JSON.parse(out.info) };
    } finally {
      out.free();
    }
  });
}

const problem = (message, path = "$") => new JourneyMapError([{ path, line: null, column: null, message }]);

function mapText(map) {
  if (typeof map === "string") return map;
  if (map !== null && typeof map === "object") {
    try {
      return JSON.stringify(map);
    } catch (error) {
      throw problem(`the map object cannot be turned into JSON: ${error.message}`);
    }
  }
  throw problem(`expected the map as JSON text or a plain object, found ${map === null ? "null" : typeof map}`);
}

/** The SVG document of a map. Options: `theme`, `idPrefix` (default `jm`),
 * `links`, as in the browser. Throws a JourneyMapError when it is invalid. */
export function renderToString(map, options = {}) {
  const text = mapText(map);
  const pageOptions = {};
  if (options.idPrefix != null) pageOptions.idPrefix = options.idPrefix;
  if (options.theme != null) pageOptions.theme = options.theme;
  if (options.links != null) pageOptions.links = options.links;
  const out = output((exports) => exports.render(text, JSON.stringify(pageOptions)));
  if (!out.ok) throw new JourneyMapError(out.info);
  return out.svg;
}

/** The problems of a map; empty when it is valid. */
export function check(map) {
  let text;
  try {
    text = mapText(map);
  } catch (error) {
    if (error instanceof JourneyMapError) return error.diagnostics;
    throw error;
  }
  return JSON.parse(call((exports) => exports.check(text)));
}

/** A Mermaid `journey` diagram as a map object (its `warnings`
 * non-enumerable, as in the browser). Option: `clamp`. */
export function fromMermaid(text, options = {}) {
  if (typeof text !== "string") {
    throw problem(`expected the Mermaid diagram as text, found ${text === null ? "null" : typeof text}`, "journey");
  }
  const pageOptions = options?.clamp !== undefined ? { clamp: options.clamp } : {};
  const out = output((exports) => exports.fromMermaid(text, JSON.stringify(pageOptions)));
  if (!out.ok) throw new JourneyMapError(out.info);
  Object.defineProperty(out.info.map, "warnings", { value: out.info.warnings });
  return out.info.map;
}

export default Object.freeze({ renderToString, check, fromMermaid, JourneyMapError });
