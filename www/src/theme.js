// The page's own light or dark mode, for maps whose theme is `auto`.
//
// An `auto` map follows `prefers-color-scheme` by itself (the SVG's and the
// toolbar's style sheets have the media query): a change of the system's
// setting re-themes it with no script at all. Many sites also have their
// own switch, which marks <html> or <body>; these marks are read:
//   class "dark" or "theme-dark"               (VitePress, Tailwind, many)
//   data-theme="dark"                          (Docusaurus, Pico, many)
//   data-md-color-scheme="slate"               (MkDocs Material)
//   data-bs-theme="dark"                       (Bootstrap 5.3)
// and their light counterparts ("light", "theme-light", data-theme="light",
// data-md-color-scheme="default", data-bs-theme="light"). Once a page has
// shown a dark mark, its absence means light (VitePress removes the class).
// <journey-map> passes the mode to the core as `pageTheme`, which draws
// it only where the map's theme is auto; watchPageTheme tells the elements
// when it changes, and they redraw.

import { HAS_DOM } from "./boot.js";
import { docGet, onDocument } from "./dom.js";

const ATTRIBUTES = { "data-theme": "", "data-md-color-scheme": "slate", "data-bs-theme": "" };
const FILTER = ["class", ...Object.keys(ATTRIBUTES)];
let sawDark = false;

function modeOf(el) {
  if (!el) return null;
  const classes = el.classList;
  if (classes.contains("dark") || classes.contains("theme-dark")) return "dark";
  if (classes.contains("light") || classes.contains("theme-light")) return "light";
  for (const [name, dark] of Object.entries(ATTRIBUTES)) {
    const value = el.getAttribute(name);
    if (value === "dark" || (dark && value === dark)) return "dark";
    if (value === "light" || (name === "data-md-color-scheme" && value === "default")) return "light";
  }
  return null;
}

/** "dark" or "light" when the page marks its mode, else null (the map
 * follows prefers-color-scheme). */
export function pageTheme() {
  if (!HAS_DOM) return null;
  const mode = modeOf(docGet("body")) ?? modeOf(docGet("documentElement"));
  if (mode === "dark") sawDark = true;
  return mode ?? (sawDark ? "light" : null);
}

/** Calls `changed()` whenever pageTheme() changes. */
export function watchPageTheme(changed) {
  if (!HAS_DOM) return;
  let last = pageTheme();
  const observer = new MutationObserver(() => {
    const now = pageTheme();
    if (now !== last) {
      last = now;
      changed();
    }
  });
  const watch = (el) => el && observer.observe(el, { attributes: true, attributeFilter: FILTER });
  watch(docGet("documentElement"));
  if (docGet("body")) watch(docGet("body"));
  else onDocument("DOMContentLoaded", () => watch(docGet("body")), { once: true });
}
