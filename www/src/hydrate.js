// Pre-rendered maps that come alive: a <journey-map> written by
// `journeymap render --format fragment|html` (or JourneyMap.renderFragment
// in a build) holds the rendered <svg> and the view data (src/embed.rs
// gives the format). The element adopts that SVG as its view, with the
// core's render info from the fragment: no layout, and no WebAssembly
// until something needs the core (a re-render, a page theme the SVG was
// not drawn in).
//
// No layout shift: the element keeps the height the pre-rendered SVG gave
// it; the toolbar takes its room from the viewport.

import { VIEW_DATA_TYPE } from "journeymap:build";
import { View } from "./view.js";

/** The fragment's parts, or null when `host` is not a pre-rendered map
 * (or is not one any more: a page may have replaced its children). */
function parts(host) {
  const data = host.querySelector(`:scope > script[type="${VIEW_DATA_TYPE}"]`);
  const svg = host.querySelector(":scope > svg");
  if (!data || !svg) return null;
  try {
    const view = JSON.parse(data.textContent);
    return view?.info && view.classes && typeof view.prefix === "string" ? { view, svg } : null;
  } catch {
    return null;
  }
}

/** The theme the SVG was drawn in: "light", "dark" or "auto". */
function drawnTheme(svg, classes) {
  if (svg.classList.contains(classes.themeDark)) return "dark";
  return svg.classList.contains(classes.themeLight) ? "light" : "auto";
}

/**
 * A View over `host`'s pre-rendered SVG, or null when it has none or when
 * it was drawn in another theme than `wantedTheme(info)` asks for or in
 * another layout than `options.layout` (then the caller renders the map
 * again). `options` as for JourneyMap.render.
 */
export function hydrate(host, wantedTheme, options) {
  const found = parts(host);
  if (!found) return null;
  const { view: data, svg } = found;
  // Drawn in the other layout than the one chosen (a wide fragment on a
  // phone): rendered again.
  if ((data.info.layout || "wide") !== (options.layout || "wide")) return null;
  const drawn = drawnTheme(svg, data.classes);
  const wanted = wantedTheme(data.info) ?? drawn;
  if (wanted !== drawn) return null;
  return new View(
    host,
    {
      svgElement: svg,
      // The SVG as a document, for exportSvg and exportPng: serialized
      // before the view changes it.
      svg: new XMLSerializer().serializeToString(svg),
      info: data.info,
      prefix: data.prefix,
      classes: data.classes,
      height: options.height == null ? host.getBoundingClientRect().height : undefined,
    },
    options,
  );
}
