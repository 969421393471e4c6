// JourneyMap.lint and JourneyMap.diff: the linter and the map diff, which
// live only in the companion script (journeymap-mermaid.js) so that the
// core stays within its size budget; loaded on first use like fromMermaid
// (mermaid.js).

import { JourneyMapError, diagnostic, mapText } from "./maptext.js";
import { loadCompanion } from "./mermaid.js";

async function companionCall(call) {
  try {
    return await call(await loadCompanion());
  } catch (error) {
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), {
      diagnostics: [diagnostic(String(error?.message || error))],
    });
  }
}

/**
 * Lints a map (JSON text or an object). Resolves to the findings, each a
 * diagnostic with its `rule` and severity "warning" (empty when there is
 * nothing to say); an invalid map rejects with a JourneyMapError.
 */
export async function lint(map) {
  const text = await mapText(map);
  const result = await companionCall((companion) => companion.lint(text));
  if (!result.ok) throw new JourneyMapError(result.diagnostics);
  return result.findings;
}

/**
 * Compares two maps (JSON texts or objects). Resolves to the SVG of the
 * AFTER map with the diff's marks (jm-added, jm-changed, jm-removed, and a
 * legend of them). An invalid map rejects with a JourneyMapError.
 */
export async function diff(before, after) {
  const [old, now] = [await mapText(before), await mapText(after)];
  const result = await companionCall((companion) => companion.diff(old, now));
  if (!result.ok) throw new JourneyMapError(result.diagnostics);
  return result.svg;
}
