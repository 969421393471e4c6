// Maps in any page: the fenced code blocks static-site generators write
// (`pre > code.language-journeymap`, `pre.journeymap`, `div.journeymap`)
// become <journey-map> elements in place, whether their text is a map
// (JSON) or a Mermaid `journey` diagram. Runs when the script loads (unless
// its <script> has data-auto="off"), for blocks added later through
// JourneyMap.run, and through a MutationObserver for pages that swap their
// content (instant navigation).
//
// No flash of raw JSON: as soon as the script runs, its own style hides the
// blocks (visibility, so that nothing moves) until they are replaced. A
// page without the script shows them as code.

import { HAS_DOM } from "./boot.js";
import { docCall, docGet, docSet, element, errorBox, onDocument } from "./dom.js";
import { JourneyMapError, diagnostic } from "./maptext.js";
import { fromMermaid } from "./mermaid.js";

export const SELECTOR = "pre > code.language-journeymap, pre.journeymap, div.journeymap";
// Two rules: a browser without :has() drops only the first (the code's
// text is still hidden by the second).
const HIDE_CSS = "pre:has(>code.language-journeymap){visibility:hidden}" + `${SELECTOR}{visibility:hidden}`;

/** Blocks already taken: each is upgraded once. */
const taken = new WeakSet();

/** Whether the script that is running now asked for no autorun. The
 * getter is taken from Document.prototype: a page's `<img name=currentScript>`
 * shadows document.currentScript. */
export function autorunWanted() {
  if (!HAS_DOM) return false;
  const script = docGet("currentScript");
  return !(script instanceof HTMLScriptElement && script.getAttribute("data-auto") === "off");
}

/** The element a block's text is read from and the one it replaces. */
function blockParts(block) {
  const replaced = block.localName === "code" && block.parentElement?.localName === "pre" ? block.parentElement : block;
  return { replaced, text: block.textContent };
}

/** A Mermaid journey: its first line that is not blank or a %% comment
 * starts with `journey`. */
const isMermaid = (text) => /^(?:\s*(?:%%[^\n]*)?\n)*\s*journey\b/.test(text);

/** Settles once `el` has drawn its map or its errors. */
const settled = (el) =>
  new Promise((resolve) => {
    const done = () => resolve(el);
    el.addEventListener("jm-load", done, { once: true });
    el.addEventListener("jm-error", done, { once: true });
  });

async function upgrade(block) {
  const { replaced, text } = blockParts(block);
  let mapText = text;
  if (isMermaid(text)) {
    try {
      mapText = JSON.stringify(await fromMermaid(text));
    } catch (error) {
      const box = errorBox(error instanceof JourneyMapError ? error.diagnostics : [diagnostic(String(error?.message || error))]);
      replaced.replaceWith(box);
      return box;
    }
  }
  const el = element("journey-map");
  for (const name of ["theme", "height", "stage", "links"]) {
    const value = block.getAttribute(`data-${name}`) ?? replaced.getAttribute(`data-${name}`);
    if (value != null) el.setAttribute(name, value);
  }
  el._mapText = mapText;
  const drawn = settled(el);
  replaced.replaceWith(el);
  return drawn;
}

/**
 * Upgrades the blocks in `root` (default the document; `root` itself counts)
 * that match `selector` (default the three block forms) and were not
 * upgraded before. Resolves, once each has drawn its map or its errors, to
 * the elements that took their places: <journey-map> elements, or the
 * error boxes of Mermaid diagrams that could not be converted.
 */
export function run({ root = document, selector = SELECTOR } = {}) {
  const blocks = [...(root.matches?.(selector) ? [root] : []), ...(root === document ? docCall("querySelectorAll", selector) : root.querySelectorAll(selector))].filter((block) => {
    if (taken.has(block)) return false;
    taken.add(block);
    return true;
  });
  return Promise.all(blocks.map(upgrade));
}

function hideBlocks() {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(HIDE_CSS);
    docSet("adoptedStyleSheets", [...docGet("adoptedStyleSheets"), sheet]);
  } catch {
    docGet("head")?.append(element("style", {}, HIDE_CSS));
  }
}

/** Hides the blocks now, upgrades them once the document is parsed, and
 * then watches the page for more. */
export function startAutorun() {
  hideBlocks();
  const start = () => {
    run();
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node.nodeType === 1) run({ root: node });
      }
    }).observe(docGet("documentElement"), { childList: true, subtree: true });
  };
  if (docGet("readyState") === "loading") onDocument("DOMContentLoaded", start, { once: true });
  else start();
}
