// JourneyMap.fromMermaid, and loading the Mermaid importer it needs.
//
// The importer would make journeymap.js a fifth larger, for something most
// pages never do, so it ships beside it as journeymap-mermaid.js (and .mjs),
// with its own copy of the core built with the importer (companion.js),
// loaded the first time `fromMermaid` is called (beside.js says how).

import { companionLoader } from "./beside.js";
import { JourneyMapError, checkSize, diagnostic } from "./maptext.js";

export const loadCompanion = companionLoader({
  name: "journeymap-mermaid",
  key: Symbol.for("journeymap.mermaid"),
  what: "the Mermaid importer",
  isValid: (companion) => typeof companion.convert === "function",
});

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
