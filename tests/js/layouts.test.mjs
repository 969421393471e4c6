// The choice of layout (www/src/layouts.js), without a browser: `auto`
// stacks below 600 px and goes wide again only above 640 px, so that a
// width between the two keeps what is drawn. The browser tests
// (tests/browser/stacked.test.mjs) check the switch on a real resize.

import { test } from "node:test";
import assert from "node:assert/strict";
import { STACK_BELOW, WIDE_ABOVE, chooseLayout, layoutMode } from "../../www/src/layouts.js";

test("auto picks by width, with a gap between the thresholds", () => {
  assert.ok(STACK_BELOW < WIDE_ABOVE);
  assert.equal(chooseLayout("auto", 390), "stacked");
  assert.equal(chooseLayout("auto", 599), "stacked");
  assert.equal(chooseLayout("auto", 600), "wide");
  assert.equal(chooseLayout("auto", 1280), "wide");
  // Between 600 and 640 px, what is drawn stays.
  for (const width of [600, 620, 640]) {
    assert.equal(chooseLayout("auto", width, "stacked"), "stacked", `${width}`);
    assert.equal(chooseLayout("auto", width, "wide"), "wide", `${width}`);
  }
  assert.equal(chooseLayout("auto", 641, "stacked"), "wide");
  assert.equal(chooseLayout("auto", 599, "wide"), "stacked");
  // Not laid out yet (width 0): what is drawn, or wide.
  assert.equal(chooseLayout("auto", 0), "wide");
  assert.equal(chooseLayout("auto", 0, "stacked"), "stacked");
});

test("wide and stacked are kept whatever the width; anything else is auto", () => {
  assert.equal(chooseLayout("wide", 320), "wide");
  assert.equal(chooseLayout("stacked", 2000), "stacked");
  assert.equal(layoutMode("stacked"), "stacked");
  assert.equal(layoutMode(null), "auto");
  assert.equal(layoutMode("tall"), "auto");
});
