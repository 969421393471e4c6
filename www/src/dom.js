// Small DOM helpers shared by the view, render() and <journey-map>: making
// elements, the readable error box, and parsing the core's SVG text.

export function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
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

/** The readable error box: built with textContent, never markup. */
export function errorBox(diagnostics) {
  const box = element("div", { class: "jm-error", role: "alert" });
  const count = diagnostics.length;
  box.append(element("p", {}, `This journey map cannot be shown: ${count} ${count === 1 ? "problem" : "problems"}.`));
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

/** The core's SVG text as an element of this document. A <template> parses
 * it with the HTML parser (foreign content), two to four times faster than
 * DOMParser's XML parser, and inertly: nothing in it runs or loads until it
 * is in the page. The text comes from the core's escaping writer: every map
 * text in it is already escaped, so this is not markup from the map. */
export function parseSvg(svgText) {
  const template = document.createElement("template");
  template.innerHTML = svgText;
  const root = template.content.firstElementChild;
  if (!root || root.localName !== "svg" || template.content.childElementCount !== 1) {
    throw new Error("journeymap: the core produced SVG the browser cannot parse");
  }
  return root;
}

export const reducedMotion = () =>
  typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
