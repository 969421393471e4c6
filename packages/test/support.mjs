// What the package tests share: the fixture page, the exact located error
// it must fail with, and the check that no browser is on the PATH.

import { existsSync, readFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import assert from "node:assert/strict";

export const FIXTURE = new URL("./fixtures/page.md", import.meta.url);
export const page = () => readFileSync(FIXTURE, "utf8");

/** The invalid fence's problem, at its line and column in page.md (the
 * fence's line 28 plus the map's line 4; the map's column 23 plus the list
 * item's two spaces). */
export const ERROR_AT = "32:25: stages[0].score: expected a number from 1 (very negative) to 5 (very positive), found 7";

/** The page without its invalid list item (the two maps that render). */
export const validPage = () => page().replace(/- an item\n {2}```journeymap[\s\S]*?\n {2}```\n/, "");

/** Ids of every element of the output, in order. */
export const ids = (html) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);

/** scripts/test-packages.sh runs the tests with a PATH of node, npm and
 * mdbook only (JOURNEYMAP_NO_BROWSER=1): no Chromium can be found there. */
export function assertNoBrowser() {
  if (process.env.JOURNEYMAP_NO_BROWSER !== "1") return false;
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    for (const name of ["chromium", "chromium-browser", "google-chrome", "chrome"]) {
      assert.equal(existsSync(join(dir, name)), false, `${join(dir, name)} is on the PATH`);
    }
  }
  return true;
}

/** Checks the two valid maps of the fixture in rendered HTML: the JSON
 * map's and the Mermaid diagram's SVG, ids jm-1 and jm-2, no id twice. */
export function assertTwoMaps(html) {
  const svgs = html.match(/<svg xmlns="http:\/\/www.w3.org\/2000\/svg" id="[^"]+"/g) ?? [];
  assert.deepEqual(svgs, [
    '<svg xmlns="http://www.w3.org/2000/svg" id="jm-1"',
    '<svg xmlns="http://www.w3.org/2000/svg" id="jm-2"',
  ]);
  assert.match(html, /Enter card/);
  assert.match(html, /Make tea/);
  assert.doesNotMatch(html, /language-journeymap/);
  assert.match(html, /<code class="language-js">/);
  const all = ids(html);
  assert.ok(all.length >= 6, all.join(" "));
  assert.equal(new Set(all).size, all.length, "an id occurs twice");
  assert.ok(all.every((id) => id.startsWith("jm-1") || id.startsWith("jm-2")));
}
