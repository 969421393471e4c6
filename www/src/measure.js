// The ruler the core measures text with in the browser: canvas measureText
// in the map's own font stack, and Intl.Segmenter's word boundaries for the
// scripts written without spaces (src/text/canvas.rs calls it back). The
// core asks for each string once per render; widths are kept here per font
// and string across renders, and forgotten when a web font arrives.

let context = null;
/** The font last set on the context, as the core wrote it: the context's
 * own `font` reads back a normalized string, which costs a serialization
 * a call and rarely equals the core's. */
let contextFont = null;
const widths = new Map(); // font -> Map(text -> px)
const metrics = new Map(); // font -> TextMetrics of "Hg"
let words = null;

function canvas() {
  if (!context) {
    const surface = typeof OffscreenCanvas === "function" ? new OffscreenCanvas(1, 1) : document.createElement("canvas");
    context = surface.getContext("2d");
  }
  return context;
}

function withFont(font) {
  const ctx = canvas();
  if (contextFont !== font) ctx.font = contextFont = font;
  return ctx;
}

function fontMetrics(font) {
  let m = metrics.get(font);
  if (!m) metrics.set(font, (m = withFont(font).measureText("Hg")));
  return m;
}

const ruler = {
  width(font, text) {
    let table = widths.get(font);
    if (!table) widths.set(font, (table = new Map()));
    let px = table.get(text);
    if (px === undefined) table.set(text, (px = withFont(font).measureText(text).width));
    return px;
  },
  ascent: (font) => fontMetrics(font).fontBoundingBoxAscent,
  descent: (font) => fontMetrics(font).fontBoundingBoxDescent,
  breaks(text) {
    words ||= new Intl.Segmenter(undefined, { granularity: "word" });
    const out = [];
    for (const { index } of words.segment(text)) if (index > 0) out.push(index);
    return Uint32Array.from(out);
  },
};

/** Whether the page can measure (a canvas and Intl.Segmenter). */
const canMeasure = () =>
  typeof document !== "undefined" && typeof Intl.Segmenter === "function" && !!canvas();

/** The ruler for `measure` ("table": none, the core's deterministic
 * table), or undefined when the page cannot measure. */
export function rulerFor(measure) {
  if (measure != null && measure !== "canvas" && measure !== "table") {
    throw new TypeError(`measure: expected "canvas" or "table", found ${JSON.stringify(measure)}`);
  }
  return measure === "table" || !canMeasure() ? undefined : ruler;
}

/** The font stack the SVG names (its first font-family), or null. */
export function svgFont(svg) {
  return /font-family="([^"]*)"/.exec(svg)?.[1]?.replace(/&#39;|&apos;/g, "'") ?? null;
}

/** Waits for the faces of `family` (regular and bold) the page declares;
 * true when one was loaded by this wait (the text must be measured again). */
export async function loadFont(family) {
  // No font face declared (the page uses installed fonts): nothing to wait
  // for, and no check(), which matches the stack against the page's fonts.
  if (!family || !document.fonts?.size) return false;
  const fonts = [`16px ${family}`, `bold 16px ${family}`];
  if (fonts.every((font) => document.fonts.check(font))) return false;
  const loaded = await Promise.all(fonts.map((font) => document.fonts.load(font).catch(() => [])));
  if (!loaded.some((faces) => faces.length)) return false;
  forget();
  return true;
}

/** Forgets every width (a web font arrived). */
export function forget() {
  widths.clear();
  metrics.clear();
  contextFont = null; // set again: resolved with the new face
}

/** Calls `relayout` after a web font arrives, until the returned function
 * is called. */
export function onFontsLoaded(relayout) {
  if (typeof document === "undefined" || !document.fonts) return () => {};
  const listener = () => {
    forget();
    relayout();
  };
  document.fonts.addEventListener("loadingdone", listener);
  return () => document.fonts.removeEventListener("loadingdone", listener);
}
