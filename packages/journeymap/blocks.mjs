// journeymap/blocks: one ```journeymap block of a Markdown page to HTML, and
// its problems located in the Markdown file. The one home of what the
// static-site plugins (rehype-journeymap, markdown-it-journeymap) share, so
// that they render, number and report blocks the same way.

import { renderToString, fromMermaid, JourneyMapError } from "./sync.mjs";

/** The fence language (and class `language-journeymap`) the plugins render. */
export const LANGUAGE = "journeymap";

/** What `output` may be: the SVG alone, or a `<journey-map>` element. */
export const OUTPUTS = ["svg", "fragment"];
/** What `onError` may be: fail the build, or show the problems in place. */
export const ON_ERROR = ["fail", "render"];

/** Whether a block is a Mermaid `journey` diagram rather than JSON: after
 * front matter (`---`) and `%%` comments, it starts with the word `journey`. */
export function isMermaid(text) {
  return /^\s*(?:---|%%|journey(?![A-Za-z0-9_]))/.test(text);
}

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** The plugin options, checked: `output`, `onError`, and the render options
 * `theme`, `links` (the core checks those) and `clamp` (Mermaid scores). */
export function blockOptions(options = {}, plugin = "journeymap") {
  const { output = "svg", onError = "fail", theme, links, clamp } = options ?? {};
  if (!OUTPUTS.includes(output)) throw new TypeError(`${plugin}: output must be "svg" or "fragment", found ${JSON.stringify(output)}`);
  if (!ON_ERROR.includes(onError)) throw new TypeError(`${plugin}: onError must be "fail" or "render", found ${JSON.stringify(onError)}`);
  return { output, onError, theme, links, clamp };
}

/**
 * A block's HTML: the SVG (every id starting with `idPrefix`), or with
 * `output: "fragment"` a `<journey-map>` holding the SVG and the map's JSON
 * in a `<script type="application/json">` (Mermaid converted), which the
 * browser script can take over. Throws a JourneyMapError whose diagnostics
 * are located in the block's own text.
 */
export function renderBlock(text, idPrefix, options = {}) {
  const map = isMermaid(text) ? JSON.stringify(fromMermaid(text, { clamp: options.clamp ?? false }), null, 2) : text;
  const svg = renderToString(map, { idPrefix, theme: options.theme, links: options.links });
  if (options.output !== "fragment") return svg;
  // In valid JSON "<" only occurs in strings, where \u003c means the same;
  // so no "</script" or "<!--" can end or confuse the element.
  return `<journey-map>${svg}<script type="application/json">${map.replace(/</g, "\\u003c")}</script></journey-map>`;
}

/**
 * A block's diagnostics as places in the Markdown file: the line is the
 * fence's (1-based) plus the map's; the column adds what Markdown removed
 * from the start of that line (a list's indentation, a quote's `> `).
 * Each gets `place`, `FILE:LINE:COL` (`FILE:LINE`, the fence's line, for a
 * problem without a place in the map), and `text`, `PLACE: PATH: MESSAGE`.
 */
export function locate(diagnostics, { source, fenceLine, text, file }) {
  const sourceLines = String(source ?? "").split(/\r\n|\r|\n/);
  const mapLines = text.split(/\r\n|\r|\n/);
  return diagnostics.map((d) => {
    if (d.line == null || d.column == null || fenceLine == null) {
      const line = fenceLine ?? null;
      const place = line ? `${file}:${line}` : file;
      return { ...d, file, line, column: null, place, text: `${place}: ${d.path}: ${d.message}` };
    }
    const line = fenceLine + d.line;
    const sourceLine = sourceLines[line - 1] ?? "";
    const mapLine = mapLines[d.line - 1] ?? "";
    const removed = sourceLine.endsWith(mapLine) ? [...sourceLine].length - [...mapLine].length : 0;
    const column = d.column + removed;
    const place = `${file}:${line}:${column}`;
    return { ...d, file, line, column, place, text: `${place}: ${d.path}: ${d.message}` };
  });
}

/** Located problems as an error box in place of the map, every text escaped
 * (class `jm-error`, as the browser script's own error box). */
export function errorHtml(located) {
  const items = located.map((d) => `<li><code>${escapeHtml(d.place)}</code> ${escapeHtml(d.path)}: ${escapeHtml(d.message)}</li>`);
  const count = located.length === 1 ? "a problem" : `${located.length} problems`;
  return `<div class="jm-error" role="alert"><p>This journey map has ${count}:</p><ul>${items.join("")}</ul></div>`;
}

export { JourneyMapError };
