// JourneyMap.render: a map drawn into an element of the page, as a View,
// or the readable error box in its place.

import { clearTarget, docCall, errorBox } from "./dom.js";
import { router } from "./hash.js";
import { JourneyMapError, diagnostic, renderText, replaced } from "./maptext.js";
import { layoutMode, layoutOptions } from "./layouts.js";
import { onFontsLoaded } from "./measure.js";
import { PART, pause } from "./parts.js";
import { printableView } from "./print.js";
import { installStyles, styleRoot } from "./styles.js";
import { View } from "./view.js";

/** The latest render asked of each target: an earlier one still in flight
 * stops before its core call. */
const latest = new WeakMap();

function resolveTarget(target) {
  const el = typeof target === "string" ? docCall("querySelector", target) : target;
  if (!el || el.nodeType !== 1) throw new TypeError("JourneyMap.render: the target must be an element or a selector");
  return el;
}

/**
 * Renders `map` (JSON text or a plain object) into `target`, replacing what
 * a previous render put there. Options: `theme` ("light" | "dark" | "auto"),
 * `idPrefix` (default jm1, jm2 …), `links` (the link schemes to keep as
 * links, some of "http", "https", "mailto"; others show as plain text),
 * `stage` (the stage id to start zoomed to), `height` (px number or CSS
 * length), `hash` (false: leave the URL alone), `measure` ("canvas", the
 * default: the page's fonts; "table": the core's deterministic table),
 * `persona`, `channel` or `owner` (start focused on it: focus.js), `layout`
 * ("wide" by default, "stacked" for phones, or "auto": stacked when the
 * target is narrower than 600 px; chosen once, <journey-map> also switches
 * on resize), `width` (the stacked layout's width; the target's by default).
 * Resolves to a View; an invalid map rejects with a JourneyMapError (its
 * `diagnostics`) and the target shows the problems instead. A render that a
 * later one of the same target overtakes before it reaches the core rejects
 * with an AbortError and leaves the target alone. A big map is drawn a part
 * a frame (parts.js): the View comes when it is all there, and a later
 * render that replaces it meanwhile stops the drawing (this one then
 * rejects with an AbortError).
 */
export async function render(target, map, options = {}) {
  const host = resolveTarget(target);
  installStyles(styleRoot(host));
  const ticket = {};
  latest.set(host, ticket);
  const wanted = () => latest.get(host) === ticket;
  let rendered;
  const chosen = options.layout == null ? "wide" : layoutMode(options.layout);
  const layout = chosen === "wide" ? { layout: "wide" } : layoutOptions(chosen, host);
  if (options.width != null && layout.layout === "stacked") layout.width = options.width;
  try {
    rendered = await renderText(map, { ...options, width: undefined, ...layout }, wanted);
    // A big map's SVG is parsed in a task of its own, not in the core's.
    if (rendered.svg.length > 2 * PART) {
      await pause();
      if (!wanted()) throw replaced();
    }
  } catch (error) {
    if (error?.name === "AbortError") throw error;
    router.viewIn(host)?.destroy();
    clearTarget(host);
    const diagnostics = error instanceof JourneyMapError ? error.diagnostics : [diagnostic(String(error?.message || error))];
    host.append(errorBox(diagnostics, error?.words));
    throw error instanceof JourneyMapError ? error : Object.assign(error, { diagnostics });
  }
  router.viewIn(host)?.destroy();
  const view = new View(host, rendered, options);
  printableView(view, rendered.drawn);
  if (options.measure !== "table") relayoutOnFonts(host, view, map, options);
  await view.parts;
  if (!wanted()) throw replaced();
  return view;
}

/** When a web font arrives later, lays the map out again in place, at the
 * stage the reader is looking at; the host gets a jm-relayout event
 * (detail.view: the new view). */
function relayoutOnFonts(host, view, map, options) {
  const stop = onFontsLoaded(() => {
    stop();
    if (router.viewIn(host) !== view) return;
    render(host, map, { ...options, stage: view.readingStage ?? undefined }).then(
      (next) => host.dispatchEvent(new CustomEvent("jm-relayout", { detail: { view: next } })),
      () => {},
    );
  });
  // A view that ends (destroyed, or its target taken out of the page) stops
  // listening, so the page's fonts do not keep it alive.
  view._listeners.push(stop);
}
