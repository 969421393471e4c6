// The view's keyboard: Enter and Space on a header or a focus button,
// Escape, the arrow keys in reading order, + - 0 for zoom. Kept apart from
// the view, whose methods it calls.

import { setFocus, toggleAt } from "./focus.js";

/** Handles a keydown on `view`'s element. */
export function onKey(view, event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return; // browser shortcuts stay the browser's
  const header = view._headerAt(event.target);
  const key = event.key;
  if ((key === "Enter" || key === " ") && toggleAt(view, event.target)) return event.preventDefault();
  let handled = true;
  if (key === "Escape" && view._focus) {
    setFocus(view, "persona", null);
  } else if (header && (key === "Enter" || key === " ")) {
    view.zoomToStage(view._indexOf(header), { focus: true });
  } else if (key === "Escape" && (view._box != null || (view._stacked && view._stage != null))) {
    view.overview({ focus: true });
  } else if ((key === "ArrowRight" || key === "ArrowLeft") && view._stage != null) {
    // In reading order: on a right-to-left map → goes back.
    const forward = view.info.dir === "rtl" ? "ArrowLeft" : "ArrowRight";
    view._step(key === forward ? 1 : -1);
  } else if (key.startsWith("Arrow") && view._box != null) {
    const step = 60;
    const d = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[key];
    view._panBy(d[0], d[1]);
  } else if (key === "+" || key === "=") {
    view._zoomBy(1.4, undefined, undefined, true);
  } else if (key === "-" || key === "_") {
    view._zoomBy(1 / 1.4, undefined, undefined, true);
  } else if (key === "0") {
    if (view._box != null) view.overview({ focus: true });
  } else handled = false;
  if (handled) event.preventDefault();
}
