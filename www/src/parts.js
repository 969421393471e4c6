// Big maps drawn in parts (issue 18): the browser parses, styles and lays
// out an SVG of 20,000 cards in seconds, and done at once that is one task
// that freezes the page. So the core's SVG text is cut into a skeleton (the
// document with the children of its big elements left out) and parts (runs
// of those children, about PART characters each), and the view adds one
// part per frame: each task parses, and each frame styles and lays out,
// only that much.
//
// The cut needs no parser: in the core's SVG a `<` or `>` only ever starts
// or ends a tag (its writer escapes both in text and attribute values),
// except inside the one <style>, which is skipped whole.

import { docGet, parseSvgNodes } from "./dom.js";

/** How many characters a part holds at least (a few hundred cards), and
 * how many parts a map is drawn in at most: each frame paints all that is
 * in already, so more parts would cost more in all. */
export const PART = 1 << 18;
const MOST = 24;

/** Waits for the next frame to be drawn, then for a task of its own (in a
 * hidden page, which draws no frames, for a task). */
export const pause = () =>
  new Promise((resolve) => (docGet("hidden") ? setTimeout(resolve) : requestAnimationFrame(() => setTimeout(resolve))));

/**
 * `{skeleton, parts}` of the SVG `text`. The root's children stay in the
 * skeleton; below them, an element longer than `size` (by default PART, or
 * a MOST-th of the text) stays as an empty shell marked
 * `data-jm-part="N"`, and its children become parts
 * `[N, before, start, end]`: the text from `start` to `end` goes into shell
 * N before shell `before` (-1: at its end). Parts are in document order.
 */
export function cut(text, size = Math.max(PART, text.length / MOST)) {
  const parts = [];
  let shells = 0;
  // The end of the element whose start tag begins at `at` (not a <style>).
  const skip = (at) => {
    let open = 0;
    do {
      const close = text[at + 1] === "/";
      at = text.indexOf(">", at) + 1;
      open += close ? -1 : text[at - 2] === "/" ? 0 : 1;
    } while (open && (at = text.indexOf("<", at)) >= 0);
    return at;
  };
  // The element whose start tag begins at `at`: [its end, its skeleton
  // (null when it goes whole into its parent), its shell number].
  const element = (at, depth) => {
    const open = text.indexOf(">", at) + 1;
    if (text[open - 2] === "/") return [open, null];
    if (text.startsWith("<style", at)) return [text.indexOf("</style>", open) + 8, null];
    if (depth) {
      const end = skip(at);
      if (end - at <= size) return [end, null];
    }
    const children = [];
    let next = open;
    while (text[(next = text.indexOf("<", next)) + 1] !== "/") {
      const child = element(next, depth + 1);
      children.push([next, ...child]);
      next = child[0];
    }
    const end = text.indexOf(">", next) + 1;
    const shell = depth ? shells++ : -1;
    let skeleton = depth ? `${text.slice(at, open - 1)} data-jm-part="${shell}">` : text.slice(at, open);
    let run = -1;
    const flush = (until, before) => {
      if (run >= 0) parts.push([shell, before, run, until]);
      run = -1;
    };
    for (const [start, stop, inner, number] of children) {
      if (inner != null) {
        flush(start, number);
        skeleton += inner;
      } else if (!depth) skeleton += text.slice(start, stop);
      else {
        if (run >= 0 && stop - run > size) flush(start, -1);
        if (run < 0) run = start;
      }
    }
    flush(next, -1);
    return [end, skeleton + text.slice(next, end), shell];
  };
  return { skeleton: element(text.indexOf("<svg"), 0)[1], parts: parts.sort((a, b) => a[2] - b[2]) };
}

/** Adds the parts of `text` (as cut gave them) to the skeleton `svg`, one a
 * frame, each through `prepare(nodes)` first. Resolves to true when all are
 * in, false when `stopped()` turned true on the way. */
export async function drawParts(svg, text, parts, prepare, stopped) {
  const shells = [];
  for (const shell of svg.querySelectorAll("[data-jm-part]")) {
    shells[shell.getAttribute("data-jm-part")] = shell;
    shell.removeAttribute("data-jm-part");
  }
  for (const [shell, before, start, end] of parts) {
    await pause();
    if (stopped()) return false;
    const nodes = parseSvgNodes(text.slice(start, end));
    prepare(nodes);
    shells[shell].insertBefore(nodes, shells[before] ?? null);
  }
  return true;
}
