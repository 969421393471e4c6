// markdown-it-journeymap in a real markdown-it, synchronously, on a page
// with a JSON fence, a Mermaid fence and an invalid fence.

import { test } from "node:test";
import assert from "node:assert/strict";
import MarkdownIt from "markdown-it";
import markdownItJourneymap from "markdown-it-journeymap";
import { ERROR_AT, assertNoBrowser, assertTwoMaps, page, validPage } from "./support.mjs";

const md = (options) => new MarkdownIt().use(markdownItJourneymap, options);

test("no browser on the PATH", { skip: process.env.JOURNEYMAP_NO_BROWSER !== "1" }, () => {
  assert.ok(assertNoBrowser());
});

test("renders synchronously: JSON and Mermaid fences become inline SVG, ids unique per render", () => {
  const renderer = md();
  const html = renderer.render(validPage(), { path: "docs/page.md" });
  assertTwoMaps(html);
  assert.ok(html.includes("<blockquote>\n<svg"), "the Mermaid map stays inside its quote");
  assertTwoMaps(renderer.render(validPage(), {}));
});

test("an invalid fence throws at FILE:LINE:COL of the map in the Markdown file", () => {
  assert.throws(
    () => md().render(page(), { path: "docs/page.md" }),
    (error) => {
      assert.equal(error.message, `docs/page.md:${ERROR_AT}`);
      assert.equal(error.diagnostics[0].line, 32);
      return true;
    },
  );
  assert.throws(() => md().render(page(), { page: { inputPath: "./src/eleventy.md" } }), {
    message: `./src/eleventy.md:${ERROR_AT}`,
  });
});

test("onError: render shows the located problems in place, escaped", () => {
  const html = md({ onError: "render" }).render(page().replace('"Cart", "score"', '"<b>Cart</b>", "score"'), {
    path: "p.md",
  });
  assertTwoMaps(html);
  assert.ok(html.includes('<div class="jm-error" role="alert"><p>This journey map has a problem:</p><ul><li><code>p.md:32:32</code> stages[0].score:'), html);
  assert.doesNotMatch(html, /<b>Cart<\/b>/);
});

test("output: fragment gives <journey-map> elements holding the SVG and the map", () => {
  const html = md({ output: "fragment" }).render(validPage());
  assert.equal(html.match(/<journey-map><svg /g)?.length, 2);
  assert.equal(html.match(/<script type="application\/json">/g)?.length, 2);
});

test("other fences are left to markdown-it", () => {
  assert.equal(md().render("```js\nlet a = 1 < 2;\n```\n"), '<pre><code class="language-js">let a = 1 &lt; 2;\n</code></pre>\n');
});
