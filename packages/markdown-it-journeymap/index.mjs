// markdown-it-journeymap: a markdown-it plugin that renders every
// ```journeymap fence (a JSON map or a Mermaid journey diagram) to the map's
// inline SVG while markdown-it parses, synchronously: the core runs in
// plain Node through journeymap/sync, compiled on first use, so there is
// nothing to await and no browser anywhere.
//
// A core rule after block parsing turns each journeymap `fence` token into
// an `html_block` token holding the SVG: it sees the page's source (to
// locate errors), and the renderer's other rules stay untouched.
// Rendering, numbering and locating are journeymap/blocks' (shared with
// rehype-journeymap).

import { JourneyMapError, LANGUAGE, blockOptions, errorHtml, locate, renderBlock } from "journeymap/blocks";

/** The page's file name for error messages, from markdown-it's `env`:
 * `env.path` (VitePress, or pass it yourself), Eleventy's
 * `env.page.inputPath`, else `<markdown>`. */
const defaultFileName = (env) => env?.path ?? env?.page?.inputPath ?? "<markdown>";

/**
 * Options: `output` ("svg" or "fragment"), `onError` ("fail" or "render"),
 * `theme`, `links`, `clamp`, and `fileName(env)` (the file named in errors).
 */
export default function markdownItJourneymap(md, options = {}) {
  const settings = blockOptions(options, "markdown-it-journeymap");
  const fileName = options?.fileName ?? defaultFileName;
  md.core.ruler.after("block", "journeymap", (state) => {
    let count = 0;
    const problems = [];
    for (const token of state.tokens) {
      if (token.type !== "fence" || token.info.trim().split(/\s+/)[0] !== LANGUAGE) continue;
      count += 1;
      const text = token.content;
      const fenceLine = token.map ? token.map[0] + 1 : null;
      let html;
      try {
        html = renderBlock(text, `jm-${count}`, settings);
      } catch (error) {
        if (!(error instanceof JourneyMapError)) throw error;
        const located = locate(error.diagnostics, { source: state.src, fenceLine, text, file: fileName(state.env) });
        if (settings.onError !== "render") {
          problems.push(...located);
          continue;
        }
        html = errorHtml(located);
      }
      token.type = "html_block";
      token.tag = "";
      token.info = "";
      token.content = `${html}\n`;
    }
    if (problems.length > 0) {
      throw Object.assign(new Error(problems.map((d) => d.text).join("\n")), {
        name: "JourneyMapError",
        diagnostics: problems,
      });
    }
  });
}
