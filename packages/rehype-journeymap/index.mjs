// rehype-journeymap: a unified (rehype) plugin that turns every
// `pre > code.language-journeymap` of a page (what remark-rehype makes of a
// ```journeymap fence) into the map's inline SVG at build time, with the
// journeymap core in plain Node: no browser, no DOM.
//
// Rendering, numbering and locating are journeymap/blocks' (shared with
// markdown-it-journeymap); this file only finds the blocks in the hast tree,
// puts the rendered HTML in as hast, and reports through the VFile.

import { fromHtml } from "hast-util-from-html";
import { toString } from "hast-util-to-string";
import { SKIP, visit } from "unist-util-visit";
import { JourneyMapError, LANGUAGE, blockOptions, errorHtml, locate, renderBlock } from "journeymap/blocks";

const CLASS = `language-${LANGUAGE}`;

/** The `code.language-journeymap` a `pre` holds, if that is all it holds. */
function journeymapCode(node) {
  if (node.tagName !== "pre") return null;
  const elements = node.children.filter((child) => child.type === "element");
  const [code] = elements;
  if (elements.length !== 1 || code.tagName !== "code") return null;
  const classes = code.properties?.className;
  return Array.isArray(classes) && classes.includes(CLASS) ? code : null;
}

/**
 * Options: `output` ("svg", default, or "fragment": a `<journey-map>`
 * element holding the SVG and the map's JSON), `onError` ("fail", default:
 * the build fails at the map's FILE:LINE:COL; or "render": the located
 * problems are shown in place), `theme`, `links`, `clamp`.
 */
export default function rehypeJourneymap(options = {}) {
  const settings = blockOptions(options, "rehype-journeymap");
  return (tree, file) => {
    const source = String(file.value ?? "");
    const name = file.path || "<markdown>";
    let count = 0;
    const problems = [];
    visit(tree, "element", (node, index, parent) => {
      const code = journeymapCode(node);
      if (!code || !parent) return undefined;
      count += 1;
      const text = toString(code);
      const fenceLine = (code.position ?? node.position)?.start.line ?? null;
      let html;
      try {
        html = renderBlock(text, `jm-${count}`, settings);
      } catch (error) {
        if (!(error instanceof JourneyMapError)) throw error;
        const located = locate(error.diagnostics, { source, fenceLine, text, file: name });
        if (settings.onError !== "render") {
          problems.push(...located);
          return SKIP;
        }
        html = errorHtml(located);
      }
      const { children } = fromHtml(html, { fragment: true });
      parent.children.splice(index, 1, ...children);
      return [SKIP, index + children.length];
    });
    if (problems.length > 0) {
      const [first, ...more] = problems;
      const reason = [`${first.path}: ${first.message}`, ...more.map((d) => d.text)].join("\n");
      file.fail(reason, {
        place: first.line != null ? { line: first.line, column: first.column ?? undefined } : undefined,
        source: "rehype-journeymap",
        ruleId: "invalid-map",
      });
    }
  };
}
