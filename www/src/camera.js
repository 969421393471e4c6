// The camera: the pure viewBox maths of the zoomable view. Boxes are
// `{x, y, w, h}` in SVG units; a viewport is `{w, h}` in CSS px; the map's
// info (`{width, height, stages}`) comes from the core's render info. No
// DOM here, so that tests/js/camera.test.mjs runs it with `node --test`
// and no browser; the view (view.js) measures the viewport and applies the
// boxes.

/** The zoomed stage's smallest text, in CSS px (12, and room for rounding). */
export const MIN_READABLE_PX = 12.05;
/** How far +, wheel and pinch may zoom in, in px per SVG unit. */
export const MAX_SCALE = 8;
/** On a very wide screen a stage is shown at no more than this scale (it
 * would look blown up), unless its text needs more to be readable. */
const WIDEST_SCALE = 2.5;

/** What the overview shows, as a box of the viewport's aspect ratio (the
 * SVG centres the map in the viewport: preserveAspectRatio xMidYMid meet). */
export function overviewBox(info, viewport) {
  const { width: W, height: H } = info;
  const { w, h } = viewport;
  if (!w || !h) return { x: 0, y: 0, w: W, h: H };
  const aspect = w / h;
  if (W / H > aspect) return { x: 0, y: (H - W / aspect) / 2, w: W, h: W / aspect };
  return { x: (W - H * aspect) / 2, y: 0, w: H * aspect, h: H };
}

/** The box for a stage, width first: the stage's zoom rectangle (its
 * column and detail panel) fills the viewport's width, unless that would
 * leave its smallest text (`minFontSize`, from the core) under 12 CSS px,
 * in which case the scale is raised to that and the view starts at the
 * column's left edge. The height follows from the viewport's aspect ratio;
 * what does not fit is reached by panning vertically. */
export function stageBox(stage, viewport) {
  const { zoom, header, minFontSize } = stage;
  const { w, h } = viewport;
  const minScale = minFontSize > 0 ? MIN_READABLE_PX / minFontSize : 1;
  // Width first; never under the readable scale; on a very wide screen,
  // no more than WIDEST_SCALE.
  const scale = Math.min(Math.max(w / zoom.width, minScale), Math.max(minScale, WIDEST_SCALE));
  const bw = w / scale;
  const bh = h / scale;
  let x;
  if (bw >= zoom.width) x = zoom.x - (bw - zoom.width) / 2; // centred
  else {
    // Too narrow for the whole rectangle: trim its margins evenly, but
    // never past the column's left edge (the panel's rest is a pan away).
    x = zoom.x + Math.min((zoom.width - bw) / 2, Math.max(0, header.x - zoom.x));
  }
  const y = bh > zoom.height ? zoom.y - (bh - zoom.height) / 2 : zoom.y;
  return { x, y, w: bw, h: bh };
}

/** Everything the view may pan over: the canvas and the detail panels
 * (which may reach past it), as `{x1, y1, x2, y2}`. */
export function bounds(info) {
  let x1 = 0;
  let y1 = 0;
  let x2 = info.width;
  let y2 = info.height;
  for (const s of info.stages) {
    x1 = Math.min(x1, s.zoom.x);
    y1 = Math.min(y1, s.zoom.y);
    x2 = Math.max(x2, s.zoom.x + s.zoom.width);
    y2 = Math.max(y2, s.zoom.y + s.zoom.height);
  }
  return { x1, y1, x2, y2 };
}

/** `box` moved (not resized) to stay within `b`; centred on an axis where
 * it is larger than the bounds. */
export function clamp(box, b) {
  const fit = (start, size, lo, hi) =>
    size >= hi - lo ? lo - (size - (hi - lo)) / 2 : Math.min(Math.max(start, lo), hi - size);
  return { x: fit(box.x, box.w, b.x1, b.x2), y: fit(box.y, box.h, b.y1, b.y2), w: box.w, h: box.h };
}

/** The box after zooming `from` by `factor` about the viewport point
 * `(px, py)` (CSS px from its top left; default its centre), or null when
 * that would show as much as the overview (`overview`) or more: then the
 * view goes back to the overview. */
export function zoomAbout(from, factor, viewport, overview, b, px, py) {
  const { w, h } = viewport;
  let bw = from.w / factor;
  if (bw >= overview.w * 0.999) return null;
  bw = Math.max(bw, w / MAX_SCALE);
  const bh = bw * (h / w);
  const fx = (px ?? w / 2) / w;
  const fy = (py ?? h / 2) / h;
  return clamp({ x: from.x + fx * from.w - fx * bw, y: from.y + fy * from.h - fy * bh, w: bw, h: bh }, b);
}

/** `box` panned by `(dx, dy)` CSS px (the content follows the pointer). */
export function panBy(box, dx, dy, viewport, b) {
  const unit = box.w / viewport.w; // SVG units per CSS px
  return clamp({ ...box, x: box.x - dx * unit, y: box.y - dy * unit }, b);
}

/** After a resize: the same centre at `scale` px per unit. */
export function refit(old, scale, viewport, b) {
  const box = { w: viewport.w / scale, h: viewport.h / scale };
  box.x = old.x + old.w / 2 - box.w / 2;
  box.y = old.y + old.h / 2 - box.h / 2;
  return clamp(box, b);
}

/** The viewBox attribute for `box`, to a thousandth of a unit. */
export function viewBoxText(box) {
  const n = (v) => Math.round(v * 1000) / 1000;
  return `${n(box.x)} ${n(box.y)} ${n(box.w)} ${n(box.h)}`;
}

/** The box `t` (0–1) of the way from `from` to `to`, eased in and out
 * (cubic). */
export function between(from, to, t) {
  const e = t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;
  const mix = (a, b) => a + (b - a) * e;
  return { x: mix(from.x, to.x), y: mix(from.y, to.y), w: mix(from.w, to.w), h: mix(from.h, to.h) };
}
