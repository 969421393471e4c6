// Map text in, SVG text out: the calls that need no page (renderToString,
// check) and the error class every entry point throws. The core does the
// work; this module only turns what a page passes into JSON text, checks its
// size against the core's limit before copying it into wasm memory, and
// turns diagnostics into a JourneyMapError.

import { HAS_DOM, core, coreConstants, coreOutput, withCore } from "./boot.js";
import { docCall } from "./dom.js";
import { loadFont, rulerFor, svgFont } from "./measure.js";
import { otherLanguages } from "./words.js";

/** An invalid map: `diagnostics` holds `{path, line, column, message}`;
 * `words`, when the core could read them, the view's words in the map's
 * language (the error box's heading). */
export class JourneyMapError extends Error {
  constructor(diagnostics, words = null) {
    const first = diagnostics[0];
    const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : "";
    super(first ? formatDiagnostic(first) + more : "invalid journey map");
    this.name = "JourneyMapError";
    this.diagnostics = diagnostics;
    this.words = words;
  }
}

export function diagnostic(message, path = "$") {
  return { path, line: null, column: null, message };
}

/** `LINE:COL: PATH: MESSAGE`, as the CLI prints it (without the file). */
function formatDiagnostic(d) {
  const where = d.line != null && d.column != null ? `${d.line}:${d.column}: ` : "";
  return `${where}${d.path}: ${d.message}`;
}

/** UTF-8 length without encoding when the answer is obvious. */
function utf8Length(text, limit) {
  if (text.length * 3 <= limit) return text.length; // certainly small enough
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Throws a JourneyMapError at `path` when `text` is over the core's
 * document limit, so that a huge text is never copied into wasm memory. */
export async function checkSize(text, path) {
  const { maxDocumentBytes: limit } = await coreConstants();
  const bytes = utf8Length(text, limit);
  if (bytes > limit) {
    throw new JourneyMapError([
      diagnostic(`the document is ${bytes} bytes; the limit is ${limit} bytes (${limit / 1e6} MB)`, path),
    ]);
  }
}

/** The map as JSON text: text is passed on as it is (Rust parses it and
 * reports lines and columns in it); an object is stringified here, so NaN,
 * Infinity, getters and prototypes never reach the core. */
export async function mapText(map) {
  let text;
  if (typeof map === "string") text = map;
  else if (map !== null && typeof map === "object") {
    try {
      text = JSON.stringify(map);
    } catch (error) {
      throw new JourneyMapError([diagnostic(`the map object cannot be turned into JSON: ${error.message}`)]);
    }
  } else {
    throw new JourneyMapError([diagnostic(`expected the map as JSON text or a plain object, found ${map === null ? "null" : typeof map}`)]);
  }
  await checkSize(text, "$");
  return text;
}

/** The page's count of id prefixes, shared by every copy of the script on
 * it (the classic script and the module each count in it). */
const PREFIXES = Symbol.for("journeymap.idPrefixes");

/** A fresh id prefix (jm1, jm2 …), unique on the page across copies of the
 * script, skipping any prefix whose ids (PREFIX, PREFIX-…) the page uses. */
function nextPrefix() {
  for (;;) {
    const n = (Number(globalThis[PREFIXES]) || 0) + 1;
    globalThis[PREFIXES] = n;
    const prefix = `jm${n}`;
    if (!HAS_DOM || !docCall("querySelector", `[id="${prefix}"],[id^="${prefix}-"]`)) return prefix;
  }
}

/** The options of the core's render, as JSON. */
function coreOptions(options, prefix) {
  const core = { idPrefix: prefix };
  if (options.theme) core.theme = options.theme;
  if (options.links != null) core.links = options.links;
  if (options.pageTheme) core.pageTheme = options.pageTheme;
  if (options.layout) core.layout = options.layout;
  if (options.width != null) core.width = options.width;
  return JSON.stringify(core);
}

/** The error of a render that a later one of the same target replaced. */
export const replaced = () => new DOMException("journeymap: a later render of the same target replaced this one", "AbortError");

/** Renders to `{svg, info, prefix, drawn}` or throws a JourneyMapError. When
 * `wanted()` turns false before the core is called, rejects with an
 * AbortError instead (a later render replaced this one). */
export async function renderText(map, options = {}, wanted = () => true) {
  const text = await mapText(map);
  await core();
  if (!wanted()) throw replaced();
  const prefix = options.idPrefix || nextPrefix();
  const pageOptions = JSON.parse(coreOptions(options, prefix));
  const ruler = rulerFor(options.measure);
  const draw = () => coreOutput((wasm) => wasm.render(text, JSON.stringify(pageOptions), ruler));
  let output = await draw();
  if (output.ok && JSON.parse(output.info).missingWords) {
    // A language the core lacks: its words come from the words companion.
    const tables = await otherLanguages();
    if (tables) {
      pageOptions.words = tables;
      output = await draw();
    }
  }
  // Measured before the map's web font was loaded: measure again with it.
  if (ruler && output.ok && (await loadFont(svgFont(output.svg)))) output = await draw();
  if (!output.ok) {
    const diagnostics = JSON.parse(output.info);
    throw new JourneyMapError(diagnostics, await words(text, { problems: diagnostics.length }));
  }
  // `drawn`: the core call that drew it, for printing in the other layout.
  return { svg: output.svg, info: JSON.parse(output.info), prefix, drawn: { text, options: pageOptions, ruler } };
}

/** The pre-rendered <journey-map> element as HTML text (src/embed.rs has
 * the format; `journeymap render --format fragment` writes the same), for a
 * page or a site's build (Node) to put in its HTML. Options: `theme`,
 * `idPrefix` (default "jm": give each map of a page its own), `links`. */
export async function renderFragment(map, options = {}) {
  const text = await mapText(map);
  const output = await coreOutput((wasm) => wasm.fragment(text, coreOptions(options, options.idPrefix || "jm")));
  if (!output.ok) throw new JourneyMapError(JSON.parse(output.info));
  return output.svg;
}

/** The rendered SVG document as text. */
export async function renderToString(map, options = {}) {
  return (await renderText(map, options)).svg;
}

/** The browser view's words in the language of `map` (JSON text or an
 * object, valid or not), with `problems` and `warnings` counted: every text
 * the view, the error box and the playground show, from the core. */
export async function words(map, { problems = 0, warnings = 0 } = {}) {
  let text = "";
  try {
    text = typeof map === "string" ? map : (JSON.stringify(map) ?? "");
  } catch {
    // A map that is not JSON has no language to read: English.
  }
  const { maxDocumentBytes } = await coreConstants();
  if (utf8Length(text, maxDocumentBytes) > maxDocumentBytes) text = "";
  const ask = (options) => withCore((wasm) => JSON.parse(wasm.words(text, problems, warnings, JSON.stringify(options))));
  let said = await ask({});
  if (said.missingWords) {
    const tables = await otherLanguages();
    if (tables) said = await ask({ words: tables });
  }
  delete said.missingWords;
  return said;
}

/** The diagnostics of a map (an empty array when it is valid). */
export async function check(map) {
  let text;
  try {
    text = await mapText(map);
  } catch (error) {
    if (error instanceof JourneyMapError) return error.diagnostics;
    throw error;
  }
  return JSON.parse(await withCore((wasm) => wasm.check(text)));
}
