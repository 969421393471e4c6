// The view's toolbar: the way back to the whole map, the live region that
// says where the reader is, the stage buttons and (wide) the zoom buttons,
// in the map's language and reading direction (both from the core's render
// info); and what else changes between the overview and a zoom. Kept apart
// from the view, whose methods its buttons call.

import { element } from "./dom.js";

/** Builds `view.toolbar` and the controls `updateControls` keeps current. */
export function buildToolbar(view) {
  const words = view.info.words;
  view.toolbar = element("div", { class: "jm-toolbar", role: "group", "aria-label": words.toolbar });
  // On a right-to-left map the toolbar runs right to left too, and the
  // stage buttons point the way the stages run (the core says which).
  const rtl = view.info.dir === "rtl";
  if (rtl) view.toolbar.dir = "rtl";
  const button = (cls, label, text, action) => {
    const b = element("button", { type: "button", class: cls, "aria-label": label }, text);
    b.addEventListener("click", action);
    return b;
  };
  view._backButton = button("jm-overview", words.back, `${rtl ? "→" : "←"} ${words.wholeMap}`, () =>
    view.overview({ focus: true }),
  );
  view._where = element("span", { class: "jm-where", role: "status" });
  view._prevButton = button("jm-prev", words.previous, rtl ? "›" : "‹", () => view._step(-1));
  view._nextButton = button("jm-next", words.next, rtl ? "‹" : "›", () => view._step(1));
  view.toolbar.append(view._backButton, view._where, view._prevButton, view._nextButton);
  // Stacked, the text is at its size already; the page's own zoom is there.
  if (!view._stacked) {
    const zoomOut = button("jm-zoom-out", words.zoomOut, "−", () => view._zoomBy(1 / 1.4));
    const zoomIn = button("jm-zoom-in", words.zoomIn, "+", () => view._zoomBy(1.4));
    view.toolbar.append(zoomOut, zoomIn);
  }
}

/** Keeps a touch drag from scrolling the page. */
const holdTouch = (event) => event.cancelable && event.preventDefault();

/** Shows, hides and names the controls for where `view` is, and holds
 * touch drags while zoomed. */
export function updateControls(view) {
  const stages = view.info.stages;
  const zoomed = view._box != null;
  view._backButton.hidden = !zoomed;
  view._prevButton.hidden = view._stage == null;
  view._nextButton.hidden = view._stage == null;
  view._prevButton.disabled = view._stage === 0;
  view._nextButton.disabled = view._stage === stages.length - 1;
  // Zoomed in, a touch drag pans the map, not the page. The viewport's
  // touch-action stays pan-y (and it shows no grab cursor): a change of
  // either restyles every element of the SVG, seconds on a big map.
  if (zoomed !== !!view._holding) {
    view._holding = zoomed;
    view.viewport[`${zoomed ? "add" : "remove"}EventListener`]("touchmove", holdTouch, { passive: false });
  }
  view._where.textContent =
    view._stage != null
      ? stages[view._stage].announce
      : zoomed
        ? view.info.words.zoomed
        : view._stacked
          ? view.info.words.overviewStacked
          : view.info.words.overview;
}
