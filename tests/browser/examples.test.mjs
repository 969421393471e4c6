// Every example, as the browser draws it: every text line inside its card;
// the gallery shows them all; axe-core finds no violations on the gallery.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, writePage, html, inline, mapsSettled, maps, fileUrl, root, axeViolations } from "./harness.mjs";

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

for (const map of maps()) {
  test(`${map.name}: every text line lies inside its card`, async () => {
    const safe = map.name.replace(/[^A-Za-z0-9]+/g, "-");
    const { fileUrl: url } = await writePage(`cards-${safe}.html`, html(inline(map.text)));
    const page = await openPage(browser);
    await page.goto(url);
    await mapsSettled(page, 1);
    const result = await page.evaluate(() => {
      const problems = [];
      const cards = [...document.querySelectorAll("journey-map svg .jm-card")];
      let lines = 0;
      for (const card of cards) {
        const box = card.querySelector(".jm-card-box");
        const r = { x: box.x.baseVal.value, y: box.y.baseVal.value, w: box.width.baseVal.value, h: box.height.baseVal.value };
        // The card's box is its largest rect (the contract), and it is this one.
        for (const rect of card.querySelectorAll("rect")) {
          if (rect.width.baseVal.value * rect.height.baseVal.value > r.w * r.h) problems.push(`a rect larger than the card box in ${card.getAttribute("aria-label")}`);
        }
        for (const el of card.querySelectorAll("text, tspan")) {
          if (el.closest(".jm-icon")) continue;
          const b = el.getBBox();
          if (el.localName === "tspan" || !el.querySelector("tspan")) lines++;
          const slack = 0.5;
          if (b.x < r.x - slack || b.y < r.y - slack || b.x + b.width > r.x + r.w + slack || b.y + b.height > r.y + r.h + slack) {
            problems.push(
              `"${el.textContent}" (${el.localName}) ${[b.x, b.y, b.width, b.height].map((v) => v.toFixed(1))} ` +
                `outside its card ${[r.x, r.y, r.w, r.h].map((v) => v.toFixed(1))}`,
            );
          }
        }
      }
      return { cards: cards.length, lines, problems };
    });
    assert.ok(result.cards > 0, "the map has cards");
    assert.deepEqual(result.problems, [], `${result.problems.length} of ${result.lines} lines outside their cards`);
    page.assertClean();
    await page.done();
  });
}

test("the gallery shows every example, from file://, and axe-core finds no violations", async () => {
  const examples = readdirSync(join(root, "examples")).filter((n) => n.endsWith(".json"));
  const page = await openPage(browser);
  const requested = [];
  page.on("request", (request) => requested.push(request.url()));
  await page.goto(fileUrl("dist/index.html"));
  await mapsSettled(page, examples.length);
  assert.equal(await page.locator("journey-map").count(), examples.length);
  assert.equal(await page.locator("journey-map .jm-error").count(), 0, "no example fails to render");
  assert.deepEqual(await axeViolations(page), []);
  // A zoomed map, with its detail panel open, too.
  const last = page.locator("journey-map").last();
  await last.locator(".jm-stage").first().click();
  await page.waitForSelector("journey-map .jm-detail.jm-open", { timeout: 5000 }).catch(() => {});
  await page.evaluate(() => [...document.querySelectorAll("journey-map")].at(-1).view.settled());
  assert.match(await page.evaluate(() => location.hash), new RegExp(`^#stage=${examples.length}:`));
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(
    requested.filter((url) => /journeymap-mermaid/.test(url)),
    [],
    "the gallery never loads the Mermaid importer",
  );
  page.assertClean();
  await page.done();
});

test("an error box passes axe-core too", async () => {
  const { fileUrl: url } = await writePage(
    "axe-error.html",
    html(`<main><h1>Error</h1>${inline('{"title": 3, "stages": []}')}</main>`),
  );
  const page = await openPage(browser);
  await page.goto(url);
  await mapsSettled(page, 1);
  assert.equal(await page.locator("journey-map .jm-error").count(), 1);
  assert.deepEqual(await axeViolations(page), []);
  await page.done();
});

// Persona markers and the emotion points of cards are dots: zero-length
// subpaths that only a round cap paints. What the browser paints at each
// dot's centre must be its colour: a point's score colour inside a ring of
// its persona's, a marker's persona colour (the exported SVG drawn into a
// canvas, pixels read back).
test("online-purchase: every dot is painted, in its score's or persona's colour", async () => {
  const map = maps().find((m) => m.name === "examples/online-purchase.json");
  const { fileUrl: url } = await writePage("dots.html", html(inline(map.text)));
  const page = await openPage(browser);
  await page.goto(url);
  await mapsSettled(page, 1);
  const result = await page.evaluate(async () => {
    const svg = document.querySelector("journey-map svg");
    const [, , width, height] = svg.getAttribute("viewBox").split(" ").map(Number);
    const image = new Image();
    // The standalone SVG the view exports (the page's SVG is styled by it).
    const standalone = document.querySelector("journey-map").view.exportSvg();
    image.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(standalone);
    await image.decode();
    // At twice the size, so that a ring is three pixels wide.
    const scale = 2;
    const canvas = new OffscreenCanvas(width * scale, height * scale);
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0, width * scale, height * scale);
    const rgb = (css) => css.match(/\d+/g).slice(0, 3).map(Number);
    const dots = (path) => {
      const out = [];
      let x = 0, y = 0;
      for (const [, command, dx, dy] of path.getAttribute("d").matchAll(/([Mm])(-?[\d.]+)[ ,]?(-?[\d.]+)h0/g)) {
        x = command === "M" ? Number(dx) : x + Number(dx);
        y = command === "M" ? Number(dy) : y + Number(dy);
        out.push([x, y]);
      }
      return out;
    };
    const checked = { ring: 0, dot: 0, marker: 0 };
    const problems = [];
    // The pixel whose centre is nearest to (x, y - up).
    const check = (path, kind, wanted, up) => {
      for (const [x, y] of dots(path)) {
        const got = [...context.getImageData(Math.round(x * scale - 0.5), Math.round((y - up) * scale - 0.5), 1, 1).data].slice(0, 3);
        if (got.some((v, i) => Math.abs(v - wanted[i]) > 24)) problems.push(`${kind} ${path.getAttribute("class")} at ${x},${y}: ${got} not ${wanted}`);
        checked[kind]++;
      }
    };
    for (const path of svg.querySelectorAll("path.jm-dot")) check(path, "dot", rgb(getComputedStyle(path).color), 0);
    // The ring shows between radius 4.25 and 5.75: read above the centre,
    // away from the curve.
    for (const path of svg.querySelectorAll("path.jm-ring[class*=jm-persona-]")) check(path, "ring", rgb(getComputedStyle(path).stroke), 5);
    for (const path of svg.querySelectorAll("path.jm-persona-marker")) check(path, "marker", rgb(getComputedStyle(path).stroke), 0);
    // A ring is not the colour of its points.
    const ring = svg.querySelector("path.jm-ring[class*=jm-persona-]");
    const dot = svg.querySelector("path.jm-dot");
    if (getComputedStyle(ring).stroke === getComputedStyle(dot).stroke) problems.push("dots painted in the ring's colour");
    return { checked, problems };
  });
  assert.deepEqual(result.problems, []);
  for (const kind of ["ring", "dot", "marker"]) assert.ok(result.checked[kind] > 3, `${kind}s checked: ${result.checked[kind]}`);
  page.assertClean();
  await page.done();
});
