// Times JourneyMap.render of bench/generate.mjs's 1,000-item journey in
// Chromium, measuring with the page's font (canvas, the default) and with
// the core's table (measure: "table"); prints the medians (issue 12: the
// canvas must stay within 2x of the table).
//
//   node tests/browser/measure-speed.mjs

import { launch, openPage, serve, writePage, html } from "./harness.mjs";
import { journey } from "../../bench/generate.mjs";

const RUNS = 7;
const { map } = journey(1000);
const browser = await launch();
const server = await serve();
try {
  const { path } = await writePage("measure-speed.html", html(`<div id="a"></div><script>window.MAP = ${JSON.stringify(map)};</script>`));
  const page = await openPage(browser);
  await page.goto(server.url(path));
  const times = await page.evaluate(async (runs) => {
    await JourneyMap.ready();
    const out = { canvas: [], table: [], canvasFirst: 0 };
    for (let i = 0; i < runs; i++) {
      for (const measure of i === 0 ? ["canvas", "table"] : ["table", "canvas"]) {
        const start = performance.now();
        await JourneyMap.render("#a", MAP, { measure, hash: false });
        const ms = performance.now() - start;
        if (i === 0 && measure === "canvas") out.canvasFirst = ms;
        else out[measure].push(ms);
      }
    }
    return out;
  }, RUNS);
  const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const canvas = median(times.canvas);
  const table = median(times.table);
  console.log(
    `1,000 items: canvas ${canvas.toFixed(1)} ms (first, cold cache: ${times.canvasFirst.toFixed(1)} ms), ` +
      `table ${table.toFixed(1)} ms, ratio ${(canvas / table).toFixed(2)}`,
  );
  page.assertClean();
  await page.done();
} finally {
  await server.close();
  await browser.close();
}
