// Printing in the layout the paper suits: wide on paper wider than it is
// tall, stacked on portrait paper, whichever layout the screen shows. Just
// before the browser prints (`beforeprint`, which allows no waiting), each
// view whose core has started gets a second drawing of its map, in the other
// layout, from a synchronous core call with the options of its own drawing;
// the print rules of styles.js then show the drawing whose layout the
// paper's orientation asks for, each at the paper's width and whole (the
// overview, not the zoomed stage). After printing the second drawing goes.
// A pre-rendered map on a page that never started the core prints as it is
// drawn.

import { withStartedCore } from "./boot.js";
import { parseSvg } from "./dom.js";
import { adoptSheet, dropSheet } from "./styles.js";

/** The stacked layout's width on paper, in CSS px: about an A4 or Letter
 * page's printable width, so that card text prints at its own size. */
const PAPER_WIDTH = 720;

/** The views that may print, each with what drew it: `{text, options,
 * ruler}` (the core's render call). */
const printable = new Map();
/** What beforeprint added, for afterprint to take back. */
let printing = [];

/** Lets `view` print in either layout; `drawn` is the core call that drew it. */
export function printableView(view, drawn) {
  if (printable.size === 0 && typeof addEventListener === "function") {
    addEventListener("beforeprint", beforePrint);
    addEventListener("afterprint", afterPrint);
  }
  printable.set(view, drawn);
}

/** Forgets a destroyed view. */
export function unprintable(view) {
  printable.delete(view);
}

/** The other layout's SVG element, ready for the page, or null. */
function otherDrawing(view, { text, options, ruler }) {
  const stacked = view.layout !== "stacked";
  const asked = { ...options, idPrefix: `${view.idPrefix}-print`, layout: stacked ? "stacked" : "wide" };
  if (stacked) asked.width = PAPER_WIDTH;
  else delete asked.width;
  const output = withStartedCore((wasm) => wasm.render(text, JSON.stringify(asked), ruler), null);
  if (!output?.ok) return null;
  const svg = parseSvg(output.svg);
  const style = svg.querySelector(":scope > style");
  const sheet = style && adoptSheet(view._styleRoot, style.textContent);
  if (sheet) style.remove();
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  return { svg, sheet };
}

function beforePrint() {
  afterPrint();
  for (const [view, drawn] of printable) {
    const other = otherDrawing(view, drawn);
    if (!other) continue;
    const own = view.layout === "stacked" ? "stacked" : "wide";
    const viewBox = view.svg.getAttribute("viewBox");
    view.svg.setAttribute("viewBox", view._overviewViewBox);
    view._printing = true;
    view.svg.classList.add(`jm-print-${own}`);
    other.svg.classList.add("jm-print-only", `jm-print-${own === "wide" ? "stacked" : "wide"}`);
    view.viewport.append(other.svg);
    view.element.classList.add("jm-printing");
    printing.push({ view, viewBox, own, ...other });
  }
}

function afterPrint() {
  for (const { view, viewBox, own, svg, sheet } of printing) {
    svg.remove();
    if (sheet) dropSheet(view._styleRoot, sheet);
    view.svg.classList.remove(`jm-print-${own}`);
    view._printing = false;
    view.svg.setAttribute("viewBox", viewBox);
    view.element.classList.remove("jm-printing");
  }
  printing = [];
}
