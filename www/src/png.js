// PNG export: the map's SVG text drawn on a canvas, within the limits a
// browser can draw without stalling the page. Kept apart from the view,
// which only hands over its SVG text and size.

import { element } from "./dom.js";

/** The SVG text as a PNG Blob, `scale` pixels per SVG unit (default 2),
 * kept within 16,384 px a side (browsers' canvas limit) and 2^26 px in all
 * (drawing more stalls the page for seconds). A map too large for that at
 * one pixel per unit, where its text would be unreadable, is refused. */
export async function pngOf(svgText, W, H, scale = 2) {
      let s = Number(scale) > 0 ? Number(scale) : 2;
  s = Math.min(s, 16384 / W, 16384 / H, Math.sqrt(2 ** 26 / (W * H)));
  if (s < Math.min(1, Number(scale) || 1)) {
    throw new Error(
      `journeymap: this map (${W} × ${H}) is too large for a readable PNG (at most 16,384 px a side, ` +
        `${2 ** 26} px in all); use exportSvg()`,
    );
  }
  const canvas = element("canvas");
  canvas.width = Math.max(1, Math.floor(W * s));
  canvas.height = Math.max(1, Math.floor(H * s));
  const image = new Image();
  // A data: URL (not a blob: URL) keeps the canvas untainted on file://.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  try {
    await image.decode();
  } catch (error) {
    throw new Error(
      "journeymap: the browser would not draw the map as an image for the PNG (does the page's Content-Security-Policy " +
        "img-src allow data: URLs?); exportSvg() still works",
      { cause: error },
    );
  }
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("journeymap: PNG export failed"))), "image/png"),
  );
}
