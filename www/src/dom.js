// Small DOM helpers shared by the view, render() and <journey-map>: the
// document's own properties, making elements, the readable error box, the
// Trusted Types policy, parsing the core's SVG text, and spacing its
// headers' lines.
//
// A page's markup can shadow properties of `document` (`<img
// name="currentScript">`, `<img name="getElementById">`) and of `window`
// (`<form id="addEventListener">`): DOM clobbering. The shell reads them
// through the prototypes that define them, never through the objects.

function native(start, name) {
  for (let proto = start; proto; proto = Object.getPrototypeOf(proto)) {
    const found = Object.getOwnPropertyDescriptor(proto, name);
    if (found) return found;
  }
  throw new TypeError(`journeymap: this browser has no ${name}`);
}

/** `document[name]`, as the browser defines it. */
export const docGet = (name) => native(Document.prototype, name).get.call(document);
/** `document[name](...args)`, as the browser defines it. */
export const docCall = (name, ...args) => native(Document.prototype, name).value.apply(document, args);
/** `document[name] = value`, as the browser defines it. */
export const docSet = (name, value) => native(Document.prototype, name).set.call(document, value);
/** `document.addEventListener(...args)`, as the browser defines it. */
export const onDocument = (...args) => EventTarget.prototype.addEventListener.apply(document, args);
/** `window.addEventListener(...args)`, as the browser defines it. */
export const onWindow = (...args) => EventTarget.prototype.addEventListener.apply(globalThis, args);

export function element(tag, attributes = {}, text) {
  const node = docCall("createElement", tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text != null) node.textContent = text;
  return node;
}

/** Removes what a previous render left in `target`; keeps <script> children
 * (the inline JSON of <journey-map>). */
export function clearTarget(target) {
  for (const child of [...target.childNodes]) {
    if (!(child.nodeType === 1 && child.localName === "script")) child.remove();
  }
}

/** The readable error box: built with textContent, never markup. Its
 * heading is the core's (`words`, the view's words in the map's language);
 * without them (the core never started) the problems speak for themselves. */
export function errorBox(diagnostics, words) {
  const box = element("div", { class: "jm-error", role: "alert" });
  if (words?.lang) box.setAttribute("lang", words.lang);
  if (words?.errorHeading) box.append(element("p", {}, words.errorHeading));
  const list = element("ul");
  for (const d of diagnostics) {
    const item = element("li");
    if (d.line != null && d.column != null) {
      item.append(element("code", {}, `${d.line}:${d.column}`), " ");
    }
    item.append(`${d.path}: ${d.message}`);
    list.append(item);
  }
  box.append(list);
  return box;
}

/** The Trusted Types policy "journeymap" (a page that requires Trusted
 * Types allows it with `trusted-types journeymap`), made on first use; null
 * where the browser has none or the page does not allow it. */
let policy;
/** The one text the policy lets through, while the shell hands it over. */
let passing = null;
const pass = (text) => {
  if (text !== passing) throw new TypeError("journeymap: the policy passes only the shell's own values");
  return text;
};

/** `text` as the Trusted Types value `kind` ("createHTML": the core's SVG;
 * "createScriptURL": the importer's URL) where the page has Trusted Types. */
export function trusted(kind, text) {
  if (policy === undefined) {
    try {
      policy = globalThis.trustedTypes?.createPolicy("journeymap", { createHTML: pass, createScriptURL: pass }) ?? null;
    } catch {
      policy = null; // not allowed by the page: plain strings, as without Trusted Types
    }
  }
  if (!policy) return text;
  passing = text;
  try {
    return policy[kind](text);
  } finally {
    passing = null;
  }
}

/** The core's markup as a fragment of inert nodes. A <template> parses
 * it with the HTML parser (foreign content), two to four times faster than
 * DOMParser's XML parser, and inertly: nothing in it runs or loads until it
 * is in the page. The text comes from the core's escaping writer: every map
 * text in it is already escaped, so this is not markup from the map (which
 * is why the Trusted Types policy may pass it). */
function parse(text) {
  const template = element("template");
  try {
    template.innerHTML = trusted("createHTML", text);
  } catch (error) {
    throw new Error(
      "journeymap: the page requires Trusted Types and does not allow the policy journeymap; " +
        "add it to the page's Content-Security-Policy: trusted-types journeymap",
      { cause: error },
    );
  }
  return template.content;
}

/** The core's SVG text as an element of this document. */
export function parseSvg(svgText) {
  const content = parse(svgText);
  const root = content.firstElementChild;
  if (!root || root.localName !== "svg" || content.childElementCount !== 1) {
    throw new Error("journeymap: the core produced SVG the browser cannot parse");
  }
  return root;
}

/** A run of the core's SVG elements (parts.js) as a fragment. */
export function parseSvgNodes(markup) {
  const content = parse(`<svg>${markup}</svg>`);
  const wrapper = content.firstChild;
  wrapper.replaceWith(...wrapper.childNodes);
  return content;
}

/** Between a header's (or a focus button's) lines goes a space (outside a
 * <text> it is not drawn; between two tspans it is an invisible trailing
 * space), so that its text, read or copied, does not run lines together
 * ("Sign up5 minutes"). Its accessible name is the core's aria-label. */
export function spaceHeaderLines(root, classes) {
  for (const header of root.querySelectorAll(`.${classes.stage}, .${classes.focusable}`)) {
    for (const text of header.querySelectorAll("text")) {
      for (const line of [...text.querySelectorAll("tspan")].slice(1)) line.before(" ");
      if (text.previousElementSibling?.localName === "text") text.before(" ");
    }
  }
}

export const reducedMotion = () =>
  typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
