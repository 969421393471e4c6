// The build time of a 100-page site with one map per page, without a
// browser: `node packages/test/site-100.mjs [OUT_DIR]` writes the pages
// (each a heading, a paragraph and one ```journeymap fence holding one of
// examples/*.json in turn) to OUT_DIR/src (an mdBook's src/ too), then
// builds them with the rehype pipeline and with markdown-it, and prints
// the times. `cd OUT_DIR && time mdbook build` times mdBook on the same
// pages (BENCHMARKS-style figure; scripts/test-packages.sh does not run it).

import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { performance } from "node:perf_hooks";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import rehypeStringify from "rehype-stringify";
import { VFile } from "vfile";
import MarkdownIt from "markdown-it";
import rehypeJourneymap from "rehype-journeymap";
import markdownItJourneymap from "markdown-it-journeymap";

const PAGES = 100;
const examples = new URL("../../examples/", import.meta.url);
const maps = readdirSync(examples).filter((name) => name.endsWith(".json")).sort().map((name) => readFileSync(new URL(name, examples), "utf8"));
const out = process.argv[2] ?? join(tmpdir(), "journeymap-site-100");
mkdirSync(join(out, "src"), { recursive: true });

const pages = Array.from({ length: PAGES }, (_, i) => ({
  path: `src/page-${i + 1}.md`,
  value: `# Page ${i + 1}\n\nA journey, drawn at build time.\n\n\`\`\`journeymap\n${maps[i % maps.length].trimEnd()}\n\`\`\`\n`,
}));
for (const page of pages) writeFileSync(join(out, page.path), page.value);
writeFileSync(join(out, "src/SUMMARY.md"), `# Summary\n\n${pages.map((p, i) => `- [Page ${i + 1}](page-${i + 1}.md)`).join("\n")}\n`);
writeFileSync(join(out, "book.toml"), '[book]\ntitle = "100 maps"\n\n[preprocessor.journeymap]\n');

/** Wall time and this process's CPU time (user + system: on a busy
 * machine the wall time mostly measures the other processes). */
const time = async (label, build) => {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const total = await build();
  const used = process.cpuUsage(cpu);
  const wall = (performance.now() - start) / 1000;
  const seconds = (used.user + used.system) / 1e6;
  console.log(`${label}: ${PAGES} pages in ${wall.toFixed(2)} s (${seconds.toFixed(2)} s CPU), ${(total / 1e6).toFixed(1)} MB of HTML`);
};

const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeJourneymap).use(rehypeStringify);
await time("rehype (unified + remark-parse + remark-rehype + rehype-journeymap + rehype-stringify)", async () => {
  let total = 0;
  for (const page of pages) total += String(await processor.process(new VFile(page))).length;
  return total;
});
const md = new MarkdownIt().use(markdownItJourneymap);
await time("markdown-it + markdown-it-journeymap", () => pages.reduce((total, page) => total + md.render(page.value, { path: page.path }).length, 0));
console.log(`pages in ${out}; for mdBook: cd ${out} && time mdbook build`);
