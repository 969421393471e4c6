// The camera's viewBox maths (www/src/camera.js), without a browser: the
// boxes the view zooms and pans to, for a made-up map whose geometry is
// easy to check by hand. The browser tests (tests/browser/zoom.test.mjs)
// check the same boxes on real maps in Chromium.

import { test } from "node:test";
import assert from "node:assert/strict";
import * as camera from "../../www/src/camera.js";

// A 1000 × 500 map of two stages; the second stage's detail panel reaches
// past the canvas, to the right and down.
const stage = (index, x, zoomWidth, zoomHeight, minFontSize) => ({
  index,
  id: `s${index}`,
  header: { x, y: 100, width: 200, height: 60 },
  zoom: { x: x - 20, y: 100, width: zoomWidth, height: zoomHeight },
  minFontSize,
});
const info = { width: 1000, height: 500, stages: [stage(0, 200, 240, 300, 12), stage(1, 500, 700, 600, 10)] };

const near = (actual, expected) => {
  for (const key of Object.keys(expected)) {
    assert.ok(Math.abs(actual[key] - expected[key]) < 1e-9, `${key}: ${actual[key]} is not ${expected[key]}`);
  }
};

test("the overview is the map, widened or heightened to the viewport's aspect ratio", () => {
  near(camera.overviewBox(info, { w: 500, h: 250 }), { x: 0, y: 0, w: 1000, h: 500 });
  // A taller viewport: the map is centred vertically.
  near(camera.overviewBox(info, { w: 500, h: 500 }), { x: 0, y: -250, w: 1000, h: 1000 });
  // A wider one: centred horizontally.
  near(camera.overviewBox(info, { w: 1000, h: 250 }), { x: -500, y: 0, w: 2000, h: 500 });
  // Not laid out yet: the map itself.
  near(camera.overviewBox(info, { w: 0, h: 0 }), { x: 0, y: 0, w: 1000, h: 500 });
});

test("a stage fills the viewport's width when its text stays readable", () => {
  // 480 px for a 240-unit zoom box: 2 px a unit, 12-unit text at 24 px.
  const box = camera.stageBox(info.stages[0], { w: 480, h: 400 });
  near(box, { x: 180, w: 240, h: 200 });
  assert.equal(box.y, 100, "taller than the viewport shows: starts at the top of the header");
});

test("a stage is shown at the readable scale when the width would leave its text under 12 px", () => {
  // 350 px for a 700-unit box would be 0.5 px a unit: 10-unit text at 5 px.
  const box = camera.stageBox(info.stages[1], { w: 350, h: 700 });
  const scale = 350 / box.w;
  near({ scale }, { scale: camera.MIN_READABLE_PX / 10 });
  // Too narrow for the zoom box: its left margin is trimmed, never past
  // the column's left edge (the header's x).
  assert.equal(box.x, 500);
});

test("a very wide viewport does not blow a stage up past 2.5 px a unit", () => {
  const box = camera.stageBox(info.stages[0], { w: 2400, h: 600 });
  near({ scale: 2400 / box.w }, { scale: 2.5 });
  // Wider than the zoom box: centred on it; not as tall: from its top.
  near(box, { x: 180 + 120 - 480, w: 960, h: 240, y: 100 });
  // Taller than the zoom box: centred vertically.
  near(camera.stageBox(info.stages[0], { w: 2400, h: 1000 }), { y: 100 + 150 - 200, h: 400 });
});

test("a stage with no text in its panel or cards zooms by width alone", () => {
  const bare = { ...info.stages[0], minFontSize: null };
  near(camera.stageBox(bare, { w: 240, h: 300 }), { x: 180, y: 100, w: 240, h: 300 });
});

test("the bounds are the canvas and every detail panel", () => {
  assert.deepEqual(camera.bounds(info), { x1: 0, y1: 0, x2: 1180, y2: 700 });
});

test("clamping keeps a box inside the bounds, and centres one larger than them", () => {
  const b = { x1: 0, y1: 0, x2: 1000, y2: 500 };
  assert.deepEqual(camera.clamp({ x: -50, y: 450, w: 200, h: 100 }, b), { x: 0, y: 400, w: 200, h: 100 });
  assert.deepEqual(camera.clamp({ x: 900, y: 0, w: 1200, h: 100 }, b), { x: -100, y: 0, w: 1200, h: 100 });
});

test("zooming keeps the point under the pointer in place, within the maximum scale", () => {
  const viewport = { w: 500, h: 250 };
  const overview = camera.overviewBox(info, viewport);
  const b = camera.bounds(info);
  const from = { x: 0, y: 0, w: 1000, h: 500 };
  const box = camera.zoomAbout(from, 2, viewport, overview, b, 125, 125);
  // The pointer, a quarter across and half down, is over (250, 250) before and after.
  near(box, { x: 125, y: 125, w: 500, h: 250 });
  // Far in: never more than MAX_SCALE px a unit.
  const deep = camera.zoomAbout(box, 1000, viewport, overview, b);
  near({ scale: viewport.w / deep.w }, { scale: camera.MAX_SCALE });
  // Out to the overview's size or more: null (back to the overview).
  assert.equal(camera.zoomAbout(box, 0.5, viewport, overview, b), null);
});

test("panning moves the content with the pointer, within the bounds", () => {
  const viewport = { w: 500, h: 250 };
  const b = camera.bounds(info);
  const box = { x: 400, y: 100, w: 250, h: 125 }; // 2 px a unit
  assert.deepEqual(camera.panBy(box, 100, -50, viewport, b), { x: 350, y: 125, w: 250, h: 125 });
  assert.deepEqual(camera.panBy(box, 5000, 0, viewport, b), { x: 0, y: 100, w: 250, h: 125 });
});

test("a refit after a resize keeps the centre and the scale", () => {
  const b = camera.bounds(info);
  const box = camera.refit({ x: 400, y: 100, w: 250, h: 125 }, 2, { w: 300, h: 300 }, b);
  near(box, { x: 450, y: 87.5, w: 150, h: 150 });
});

test("viewBox text is rounded to a thousandth; the animation eases from one box to the other", () => {
  assert.equal(camera.viewBoxText({ x: 1 / 3, y: -2.0004, w: 100, h: 50.0005 }), "0.333 -2 100 50.001");
  const from = { x: 0, y: 0, w: 100, h: 100 };
  const to = { x: 100, y: 50, w: 200, h: 300 };
  assert.deepEqual(camera.between(from, to, 0), from);
  assert.deepEqual(camera.between(from, to, 1), to);
  near(camera.between(from, to, 0.5), { x: 50, y: 25, w: 150, h: 200 });
  assert.ok(camera.between(from, to, 0.25).x < 25, "eased: slow at the start");
});
