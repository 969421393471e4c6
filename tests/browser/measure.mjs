// Measures the time from navigation start to the rendered map, for a page
// opened from file:// that includes dist/journeymap.js and one example
// inline. Five fresh browser contexts per example; prints the median.
//
//   node tests/browser/measure.mjs [examples/NAME.json …]
//
// "Rendered" is the jm-load event of <journey-map>: the SVG is in the page.
// The figure is performance.now() at that moment (milliseconds since the
// navigation started) and, after two animation frames, when it was painted.

import { launch, openPage, writePage, html, inline, SCRIPT, root } from "./harness.mjs";
import { readFileSync } from "node:fs";
import { join, basename } from "node:path";

const RUNS = 5;
const BUDGET_MS = 100;
const files = process.argv.slice(2);
if (files.length === 0) {
  const { readdirSync } = await import("node:fs");
  for (const name of readdirSync(join(root, "examples")).filter((n) => n.endsWith(".json")).sort()) files.push(`examples/${name}`);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const browser = await launch();
let over = false;
try {
  // One warm-up navigation, so that the first run does not pay for the
  // browser's own start-up.
  const warm = await openPage(browser);
  await warm.goto("about:blank");
  await warm.done();
  for (const file of files) {
    const text = readFileSync(join(root, file), "utf8");
    const page = await writePage(
      `measure-${basename(file, ".json")}.html`,
      html(
        inline(text) +
          `<script>document.querySelector("journey-map").addEventListener("jm-load", () => {
            window.__loaded = performance.now();
            requestAnimationFrame(() => requestAnimationFrame(() => { window.__painted = performance.now(); }));
          });</script>`,
        SCRIPT,
      ),
    );
    const loaded = [];
    const painted = [];
    for (let run = 0; run < RUNS; run++) {
      const tab = await openPage(browser);
      await tab.goto(page.fileUrl);
      await tab.waitForFunction(() => window.__painted !== undefined, null, { timeout: 10000 });
      loaded.push(await tab.evaluate(() => window.__loaded));
      painted.push(await tab.evaluate(() => window.__painted));
      await tab.done();
    }
    const m = median(loaded);
    if (m > BUDGET_MS) over = true;
    console.log(
      `${file}: rendered ${m.toFixed(1)} ms after navigation start (median of ${RUNS}: ${loaded.map((v) => v.toFixed(1)).join(", ")}); ` +
        `painted ${median(painted).toFixed(1)} ms`,
    );
  }
} finally {
  await browser.close();
}
console.log(over ? `over the ${BUDGET_MS} ms budget` : `within the ${BUDGET_MS} ms budget`);
process.exitCode = over ? 1 : 0;
