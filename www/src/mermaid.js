// JourneyMap.fromMermaid, and loading the Mermaid importer it needs.
//
// The importer would make journeymap.js a fifth larger, for something most
// pages never do, so it ships beside it as journeymap-mermaid.js (and .mjs),
// with its own copy of the core built with the importer (companion.js).
// `fromMermaid` loads it the first time it is called, from the directory
// this script came from:
//   - the classic script adds a <script src> for it. A classic script loads
//     from file:// as well as over http, and is allowed by `script-src 'self'`
//     (a nonce this script was given is passed on). The file registers its
//     small API under Symbol.for("journeymap.mermaid"), the only trace it
//     leaves on the page; its wasm-bindgen glue stays in its own scope.
//   - the ES module imports journeymap-mermaid.mjs by
//     `new URL("./journeymap-mermaid.mjs", import.meta.url)`
//     (`importCompanion` of "journeymap:build", which www/build.mjs defines
//     only in the module; null in the classic script).
// A page may also include journeymap-mermaid.js itself; then nothing more is
// loaded.

import { HAS_DOM } from "./boot.js";
import { docGet, element, trusted } from "./dom.js";
import { JourneyMapError, checkSize, diagnostic } from "./maptext.js";
import { VERSION, importCompanion } from "journeymap:build";

const COMPANION_KEY = Symbol.for("journeymap.mermaid");
/** This script's own element, known only while it first runs: read through
 * Document.prototype and checked to be a <script> (a page's `<img
 * name="currentScript" src=…>` must not choose where the importer comes
 * from). */
function ownScript() {
  const script = HAS_DOM ? docGet("currentScript") : null;
  return script instanceof HTMLScriptElement ? { src: script.src, nonce: script.nonce } : null;
}
const OWN_SCRIPT = ownScript();
let companionPromise = null;

function checkedCompanion(companion, from) {
  if (!companion || typeof companion.convert !== "function") {
    throw new Error(`journeymap: ${from} did not provide the Mermaid importer`);
  }
  if (companion.version !== VERSION) {
    throw new Error(
      `journeymap: ${from} is version ${companion.version}, this script is ${VERSION}; serve the files of one build together`,
    );
  }
  return companion;
}

/** The classic script's way: a <script> element for the file beside this one. */
function injectCompanion() {
  return new Promise((resolve, reject) => {
    if (!HAS_DOM || !OWN_SCRIPT || !OWN_SCRIPT.src) {
      reject(
        new Error(
          "journeymap: cannot tell where journeymap-mermaid.js is (journeymap.js was not loaded by a <script src>); " +
            "include journeymap-mermaid.js in the page yourself",
        ),
      );
      return;
    }
    const url = new URL("journeymap-mermaid.js", OWN_SCRIPT.src).href;
    const script = element("script");
    if (OWN_SCRIPT.nonce) script.nonce = OWN_SCRIPT.nonce;
    script.src = trusted("createScriptURL", url);
    script.onload = () => {
      script.remove();
      try {
        resolve(checkedCompanion(globalThis[COMPANION_KEY], url));
      } catch (error) {
        reject(error);
      }
    };
    script.onerror = () => {
      script.remove();
      reject(new Error(`journeymap: cannot load the Mermaid importer from ${url} (it ships beside journeymap.js)`));
    };
    (docGet("head") || docGet("documentElement")).append(script);
  });
}

/** The importer's API `{version, convert}`, loading it once. */
function loadCompanion() {
  if (globalThis[COMPANION_KEY]) {
    return Promise.resolve().then(() => checkedCompanion(globalThis[COMPANION_KEY], "journeymap-mermaid.js"));
  }
  if (!companionPromise) {
    companionPromise = importCompanion
      ? importCompanion().then((module) => checkedCompanion(module.default, "journeymap-mermaid.mjs"))
      : injectCompanion();
    // After a failure (offline, a missing file), the next call tries again.
    companionPromise.catch(() => (companionPromise = null));
  }
  return companionPromise;
}

/**
 * Converts a Mermaid `journey` diagram to a map. Resolves to the map, a plain
 * object ready for `render` or `JSON.stringify`; the import's warnings
 * (clamped scores, ignored lines …) are its non-enumerable `warnings` array
 * of diagnostics, which JSON.stringify leaves out. Options: `clamp` (true:
 * scores outside 1–5 are clamped, with a warning, instead of failing), `lang`
 * (a BCP 47 tag the map carries as its `lang`, checked by the core). A
 * diagram that cannot be converted rejects with a JourneyMapError whose
 * diagnostics give lines and columns in the Mermaid text; when the importer
 * cannot be loaded, the Error has `diagnostics` too.
 */
export async function fromMermaid(text, options = {}) {
  if (typeof text !== "string") {
    throw new JourneyMapError([
      diagnostic(`expected the Mermaid diagram as text, found ${text === null ? "null" : typeof text}`, "journey"),
    ]);
  }
  await checkSize(text, "journey");
  const pageOptions = {};
  if (options?.clamp !== undefined) pageOptions.clamp = options.clamp;
  if (options?.lang !== undefined) pageOptions.lang = options.lang;
  let result;
  try {
    const companion = await loadCompanion();
    result = await companion.convert(text, JSON.stringify(pageOptions));
  } catch (error) {
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), {
      diagnostics: [diagnostic(String(error?.message || error))],
    });
  }
  if (!result.ok) throw new JourneyMapError(result.diagnostics);
  Object.defineProperty(result.map, "warnings", { value: result.warnings });
  return result.map;
}
