// rehype-journeymap in a real pipeline: unified + remark-parse +
// remark-rehype + rehype-stringify, on a page with a JSON fence, a Mermaid
// fence and an invalid fence.

import { test } from "node:test";
import assert from "node:assert/strict";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import rehypeStringify from "rehype-stringify";
import { VFile } from "vfile";
import rehypeJourneymap from "rehype-journeymap";
import { ERROR_AT, assertNoBrowser, assertTwoMaps, page, validPage } from "./support.mjs";

const pipeline = (options) =>
  unified().use(remarkParse).use(remarkRehype).use(rehypeJourneymap, options).use(rehypeStringify);
const run = (value, options) => pipeline(options).process(new VFile({ path: "docs/page.md", value }));

test("no browser on the PATH", { skip: process.env.JOURNEYMAP_NO_BROWSER !== "1" }, () => {
  assert.ok(assertNoBrowser());
});

test("JSON and Mermaid fences become inline SVG with ids unique on the page", async () => {
  const html = String(await run(validPage()));
  assertTwoMaps(html);
  // Parsed into hast, not a raw string: the SVG survives stringify intact.
  assert.match(html, /<title id="jm-1-title">Checkout<\/title>/);
  assert.match(html, /<title id="jm-2-title">Tea<\/title>/);
});

test("the numbering starts again on each page (per VFile)", async () => {
  const processor = pipeline();
  const first = String(await processor.process(new VFile({ path: "a.md", value: validPage() })));
  const second = String(await processor.process(new VFile({ path: "b.md", value: validPage() })));
  assertTwoMaps(first);
  assertTwoMaps(second);
});

test("an invalid fence fails the build at FILE:LINE:COL of the map in the Markdown file", async () => {
  await assert.rejects(run(page()), (error) => {
    assert.equal(String(error), `docs/page.md:${ERROR_AT}`);
    assert.equal(error.line, 32);
    assert.equal(error.column, 25);
    assert.equal(error.source, "rehype-journeymap");
    return true;
  });
});

test("onError: render shows the located problems in place, escaped, and renders the rest", async () => {
  const html = String(await run(page().replace('"Cart", "score"', '"<b>Cart</b>", "score"'), { onError: "render" }));
  assertTwoMaps(html);
  const box = /<div class="jm-error" role="alert">[\s\S]*?<\/div>/.exec(html)?.[0];
  assert.ok(box, html);
  assert.ok(box.includes(`<code>docs/page.md:32:32</code> stages[0].score: expected a number`), box);
  assert.doesNotMatch(html, /<b>Cart<\/b>/);
});

test("output: fragment wraps the SVG in <journey-map> with the map as JSON", async () => {
  const html = String(await run(validPage(), { output: "fragment" }));
  const fragments = html.match(/<journey-map><svg [\s\S]*?<\/svg>\s*<script type="application\/json">[\s\S]*?<\/script><\/journey-map>/g);
  assert.equal(fragments?.length, 2);
  const json = (i) => JSON.parse(/<script type="application\/json">([\s\S]*?)<\/script>/.exec(fragments[i])[1]);
  assert.equal(json(0).title, "Checkout");
  assert.equal(json(1).title, "Tea"); // the Mermaid diagram, converted
});

test("bad options are refused when the plugin is attached", () => {
  assert.throws(() => pipeline({ output: "png" }).freeze(), /output must be "svg" or "fragment"/);
});
