// Which layout a map is drawn in, and how the view moves in the stacked
// one. The core lays a map out wide (stages as columns) or stacked (stages
// one under another, as wide as the element: for phones); `auto` picks by
// the element's width, with a gap between the two thresholds so that a
// width near the boundary does not flip the layout back and forth. In the
// stacked layout a stage is not zoomed: the page scrolls to its section.

/** Narrower than this (CSS px), `auto` stacks the map… */
export const STACK_BELOW = 600;
/** …and only wider than this does a stacked map go wide again. */
export const WIDE_ABOVE = 640;

const MODES = ["auto", "wide", "stacked"];

/** The layout ("wide" or "stacked") for `mode` ("auto", "wide" or
 * "stacked"; anything else is "auto") at `width` CSS px, given the layout
 * drawn now (`current`, or null before the first drawing). */
export function chooseLayout(mode, width, current = null) {
  if (mode === "wide" || mode === "stacked") return mode;
  if (!(width > 0)) return current || "wide";
  if (current === "stacked") return width > WIDE_ABOVE ? "wide" : "stacked";
  if (current === "wide") return width < STACK_BELOW ? "stacked" : "wide";
  return width < STACK_BELOW ? "stacked" : "wide";
}

/** The mode a page asked for: one of MODES, `auto` when it asks for none
 * or for something else. */
export function layoutMode(value) {
  return MODES.includes(value) ? value : "auto";
}

/** The render options for `mode` in `host`: `layout`, and for the stacked
 * layout its `width` (the host's width in whole CSS px). */
export function layoutOptions(mode, host, current = null) {
  const width = Math.floor(host.getBoundingClientRect().width);
  const layout = chooseLayout(mode, width, current);
  return layout === "stacked" && width > 0 ? { layout, width } : { layout };
}

/** Scrolls the page to stacked `header` (a stage's header in the SVG),
 * smoothly unless the reader prefers reduced motion. */
export function scrollToSection(header, animate) {
  header?.scrollIntoView({ block: "start", behavior: animate ? "smooth" : "instant" });
}

/** The stage the reader is at in a stacked map: the last section whose
 * header has reached the top third of the window, or null while the map's
 * first section is still below it. */
export function sectionInView(headers) {
  const line = innerHeight / 3;
  let index = null;
  headers.forEach((header, i) => {
    if (header.getBoundingClientRect().top <= line) index = i;
  });
  return index;
}
