// The shell's own styles: the toolbar, the error box and the viewport
// around the SVG. Everything is scoped to jm- classes of the shell's own
// elements; the map's colours live in the SVG's scoped rules. The
// toolbar takes its text, background and accent from the map's own
// palettes (the core resolves them; the view sets them on its element as
// --jm-ui-light-* and --jm-ui-dark-*), so it matches the map it sits on.
// Constructed style sheets are used where the browser has them, for the
// shell's rules and for the rules of each map's SVG (the view moves its
// <style> into one): they are not subject to a page's CSP style-src. In a
// shadow root, the root adopts them (a document's sheets do not reach in).

import { HAS_DOM } from "./boot.js";
import { docGet, docSet, element } from "./dom.js";

// Two colours are the toolbar's own, not the map's: a focus ring darker
// than the light accent (3:1 against white) and a dark button border
// lighter than the dark palette's.
const DARK = "color:var(--jm-ui-dark-text);--jm-ui-bg:var(--jm-ui-dark-surface);--jm-ui-border:#6e7681;--jm-ui-accent:var(--jm-ui-dark-accent)";
const SHELL_CSS = `
journey-map{display:block}
.jm-view{position:relative;font:14px/1.4 system-ui,sans-serif;color:var(--jm-ui-light-text);--jm-ui-bg:var(--jm-ui-light-bg);--jm-ui-border:var(--jm-ui-light-neutral);--jm-ui-accent:#1f5fcc}
.jm-view.jm-ui-dark{${DARK}}
@media (prefers-color-scheme:dark){.jm-view.jm-ui-auto{${DARK}}}
.jm-toolbar{display:flex;flex-wrap:wrap;align-items:center;gap:4px;padding:4px;background:var(--jm-ui-bg);border-radius:6px}
.jm-toolbar button{font:inherit;color:inherit;background:var(--jm-ui-bg);border:1px solid var(--jm-ui-border);border-radius:6px;padding:2px 10px;min-width:2.2em;min-height:2em;cursor:pointer}
.jm-toolbar button:focus-visible{outline:2px solid var(--jm-ui-accent);outline-offset:1px}
.jm-toolbar button[hidden]{display:none}
.jm-where{flex:1 1 auto;min-width:8em;padding:0 6px}
.jm-viewport{position:relative;overflow:hidden;width:100%;min-height:16rem;max-height:85vh;touch-action:pan-y;user-select:none;-webkit-user-select:none;border-radius:6px}
.jm-viewport>svg{display:block;width:100%;height:100%}
.jm-stacked-view .jm-viewport{min-height:0;max-height:none;touch-action:auto;user-select:auto;-webkit-user-select:auto}
.jm-stacked-view .jm-viewport>svg{height:auto}
.jm-error{font:14px/1.45 system-ui,sans-serif;color:#82071e;background:#fff0ee;border:1px solid #cf222e;border-radius:6px;padding:10px 14px;margin:4px 0;overflow-wrap:anywhere}
.jm-error p{margin:0 0 4px;font-weight:600}
.jm-error ul{margin:0;padding-left:1.2em}
.jm-error code{font:13px ui-monospace,monospace}
@media print{.jm-toolbar{display:none}.jm-viewport{max-height:none}}
.jm-print-only{display:none}
@media print{.jm-printing .jm-viewport{aspect-ratio:auto!important;height:auto!important;max-width:none!important}.jm-printing .jm-viewport>svg{display:block;height:auto}}
@media print and (orientation:landscape){.jm-printing .jm-viewport>svg.jm-print-stacked{display:none}}
@media print and (orientation:portrait){.jm-printing .jm-viewport>svg.jm-print-wide{display:none}}
`;

/** The palette colours the style sheet reads, of each mode. */
const UI_COLOURS = { light: ["text", "bg", "neutral"], dark: ["text", "surface", "accent"] };

/** Sets the map's palettes (the core's render info: `{light, dark}`, each
 * `[name, colour]` pairs) on the view's element, for the style sheet. */
export function setViewColours(element, palette) {
  for (const [mode, names] of Object.entries(UI_COLOURS)) {
    const colours = Object.fromEntries(palette[mode]);
    for (const name of names) element.style.setProperty(`--jm-ui-${mode}-${name}`, colours[name]);
  }
}

/** The document or shadow root `node` is in (the document when `node` is
 * not in one yet). */
export function styleRoot(node) {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root : document;
}

const sheets = (root) => (root instanceof ShadowRoot ? root.adoptedStyleSheets : docGet("adoptedStyleSheets"));
function setSheets(root, list) {
  if (root instanceof ShadowRoot) root.adoptedStyleSheets = list;
  else docSet("adoptedStyleSheets", list);
}

/** `css` as a constructed style sheet adopted by `root`, or null where the
 * browser has no constructed sheets. */
export function adoptSheet(root, css) {
  let sheet;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  } catch {
    return null;
  }
  setSheets(root, [...sheets(root), sheet]);
  return sheet;
}

/** Takes back a sheet adoptSheet gave `root`. */
export function dropSheet(root, sheet) {
  setSheets(root, sheets(root).filter((s) => s !== sheet));
}

/** The documents and shadow roots that have the shell's style sheet. */
const installed = new WeakSet();

/** Adds the shell's style sheet to `root` (the document, or the shadow root
 * a map is drawn in), once. */
export function installStyles(root = HAS_DOM ? document : null) {
  if (!root || installed.has(root)) return;
  installed.add(root);
  if (adoptSheet(root, SHELL_CSS)) return;
  const style = element("style", {}, SHELL_CSS);
  if (root instanceof ShadowRoot) root.append(style);
  else docGet("head").append(style);
}
