// The playground from file://: examples, live redraw, problems that move
// the cursor, downloads, opening files, Mermaid converted; axe-core finds no
// violations.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, fileUrl, root, axeViolations } from "./harness.mjs";

const examples = readdirSync(join(root, "examples"))
  .filter((n) => n.endsWith(".json"))
  .sort();

let browser;
before(async () => {
  browser = await launch();
});
after(() => browser?.close());

async function open() {
  const page = await openPage(browser, { acceptDownloads: true });
  await page.goto(fileUrl("dist/playground.html"));
  await page.waitForSelector("#map svg");
  return page;
}

const mapTitle = (page) => page.$eval("#map svg title", (t) => t.textContent);

test("the playground loads the examples and redraws as you type", async () => {
  const page = await open();
  const options = await page.$$eval("#example option", (o) => o.map((x) => x.value).filter(Boolean));
  assert.deepEqual(options, examples.map((n) => n.replace(/\.json$/, "")));
  const first = JSON.parse(readFileSync(join(root, "examples", examples[0]), "utf8"));
  assert.equal(await mapTitle(page), first.title);
  assert.equal(await page.inputValue("#source"), readFileSync(join(root, "examples", examples[0]), "utf8"));

  // Choosing another example.
  await page.selectOption("#example", "grocery-delivery");
  await page.waitForFunction(() => document.querySelector("#map svg title")?.textContent === "Grocery delivery: first order");

  // Typing: the map follows (debounced).
  await page.fill("#source", '{ "title": "Typed", "stages": [ { "name": "One", "cells": { "actions": ["A"] } } ] }');
  await page.waitForFunction(() => document.querySelector("#map svg title")?.textContent === "Typed");
  // Type into the middle of the title, as a person would.
  await page.focus("#source");
  await page.$eval("#source", (s) => s.setSelectionRange(12, 12)); // after `{ "title": "`
  await page.keyboard.type("Re");
  await page.waitForFunction(() => document.querySelector("#map svg title")?.textContent === "ReTyped");
  assert.equal(await page.textContent("#gutter").then((t) => t.trim()), "1");
  page.assertClean();
  await page.done();
});

test("problems are listed with line:column; clicking one moves the cursor there", async () => {
  const page = await open();
  const text = '{\n  "title": "Broken",\n  "stages": [\n    { "name": "A", "score": 7, "descripton": "x", "cells": { "actions": ["x"] } }\n  ]\n}\n';
  await page.fill("#source", text);
  // Errors, not the linter's warnings on the example shown before.
  await page.waitForSelector("#problems li:not(.warning) button");
  const items = await page.$$eval("#problems button", (buttons) => buttons.map((b) => b.textContent));
  assert.ok(items.length >= 2, items.join("\n"));
  assert.ok(items.some((t) => /^4:\d+ +stages\[0\]\.score:/.test(t)), items.join("\n"));
  assert.ok(items.some((t) => /descripton.*did you mean "description"/.test(t)), items.join("\n"));
  assert.match(await page.textContent("#status"), /2 problems/);
  // The last good map stays, dimmed.
  assert.ok(await page.$eval("#preview", (p) => p.classList.contains("stale")));
  assert.equal(await page.locator("#map svg").count(), 1);

  const target = items.findIndex((t) => t.includes("descripton"));
  await page.locator("#problems button").nth(target).click();
  const cursor = await page.evaluate(() => {
    const s = document.querySelector("#source");
    return { focused: document.activeElement === s, start: s.selectionStart, end: s.selectionEnd };
  });
  const [line, column] = items[target].split(" ")[0].split(":").map(Number);
  const expected = text.split("\n").slice(0, line - 1).join("\n").length + 1 + (column - 1);
  assert.ok(cursor.focused);
  assert.equal(cursor.start, expected);
  assert.equal(cursor.end, expected);
  assert.equal(text.slice(cursor.start, cursor.start + 12), '"descripton"');

  // Invalid JSON: one problem at its place.
  await page.fill("#source", '{\n  "title": "x",\n  "stages": [\n');
  await page.waitForFunction(() => {
    const buttons = document.querySelectorAll("#problems button");
    return buttons.length === 1 && /^4:1 +\$: the document ends too early/.test(buttons[0].textContent);
  });
  page.assertClean();
  await page.done();
});

test("SVG and PNG download, files opened by picker and by drag and drop", async () => {
  const page = await open();
  const [svgDownload] = await Promise.all([page.waitForEvent("download"), page.click("#download-svg")]);
  assert.match(svgDownload.suggestedFilename(), /\.svg$/);
  const svg = readFileSync(await svgDownload.path(), "utf8");
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  const [pngDownload] = await Promise.all([page.waitForEvent("download"), page.click("#download-png")]);
  assert.match(pngDownload.suggestedFilename(), /\.png$/);
  const png = readFileSync(await pngDownload.path());
  assert.equal(png.subarray(1, 4).toString(), "PNG");

  // The picker.
  const picked = '{ "title": "From disk", "stages": [ { "name": "S", "cells": { "actions": ["x"] } } ] }';
  await page.setInputFiles("#file", { name: "disk.json", mimeType: "application/json", buffer: Buffer.from(picked) });
  await page.waitForFunction(() => document.querySelector("#map svg title")?.textContent === "From disk");
  assert.equal(await page.inputValue("#source"), picked);
  const [named] = await Promise.all([page.waitForEvent("download"), page.click("#download-svg")]);
  assert.equal(named.suggestedFilename(), "disk.svg");

  // Drag and drop onto the editor.
  const dropped = '{ "title": "Dropped", "stages": [ { "name": "S", "cells": { "actions": ["y"] } } ] }';
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], "dropped.json", { type: "application/json" }));
    const code = document.querySelector("#code");
    code.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
    code.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, dropped);
  await page.waitForFunction(() => document.querySelector("#map svg title")?.textContent === "Dropped");
  assert.equal(await page.inputValue("#source"), dropped);
  page.assertClean();
  await page.done();
});

test("Mermaid pasted in the editor is drawn, its problems located, and converted to JSON", async () => {
  const page = await open();
  const requests = [];
  page.on("request", (r) => /journeymap-mermaid/.test(r.url()) && requests.push(r.url()));
  assert.equal(await page.locator("#mermaid").isVisible(), true);
  assert.equal(await page.locator("#mermaid-offer").isHidden(), true);

  // "Convert Mermaid…" with JSON in the editor says what to do.
  await page.click("#mermaid");
  assert.match(await page.textContent("#status"), /paste a Mermaid journey diagram/);
  // The companion (the importer and the linter) may be loading already:
  // the playground lints every valid map.

  // Pasting a diagram: the offer shows, and the preview draws the map made from it.
  const mermaid = readFileSync(join(root, "tests/mermaid/working_day.mmd"), "utf8");
  await page.fill("#source", mermaid);
  await page.waitForFunction(() => document.querySelector("#map svg title")?.textContent === "My working day");
  assert.equal(await page.locator("#mermaid-offer").isVisible(), true);
  assert.match(await page.textContent("#status"), /No problems in the Mermaid diagram/);
  assert.ok(requests.length <= 1, "the companion is loaded once at most");
  for (const url of requests) assert.match(url, /^file:.*\/dist\/journeymap-mermaid\.js$/);

  // A problem is listed at its line and column in the diagram; a click goes there.
  const broken = mermaid.replace("Go upstairs: 3: Me", "Go upstairs: three: Me");
  await page.fill("#source", broken);
  await page.waitForSelector("#problems button");
  const item = await page.textContent("#problems button");
  const line = broken.split("\n").findIndex((l) => l.includes("three")) + 1;
  const column = broken.split("\n")[line - 1].indexOf("three") + 1;
  assert.ok(item.startsWith(`${line}:${column} `), item);
  assert.match(await page.textContent("#status"), /1 problem in the Mermaid diagram/);
  assert.ok(await page.$eval("#preview", (p) => p.classList.contains("stale")), "the last good map stays, dimmed");
  await page.click("#problems button");
  const cursor = await page.$eval("#source", (s) => s.selectionStart);
  assert.equal(broken.slice(cursor, cursor + 5), "three");

  // Out-of-range scores: an error, or warnings with "Clamp scores".
  await page.fill("#source", readFileSync(join(root, "tests/mermaid/clamp.mmd"), "utf8"));
  await page.waitForFunction(() => /problem/.test(document.querySelector("#status").textContent));
  await page.check("#mermaid-clamp");
  await page.waitForFunction(() => document.querySelector("#map svg title")?.textContent === "Out of range");
  assert.match(await page.textContent("#status"), /No problems in the Mermaid diagram\. \d+ warnings\./);
  assert.ok((await page.$$eval("#problems .warning", (n) => n.length)) >= 2);

  // Converting: the editor holds the map's JSON, which is valid and drawn.
  await page.fill("#source", mermaid);
  await page.waitForFunction(() => document.querySelector("#map svg title")?.textContent === "My working day");
  await page.click("#mermaid-convert");
  await page.waitForFunction(() => document.querySelector("#source").value.startsWith("{"));
  const json = await page.inputValue("#source");
  assert.deepEqual(JSON.parse(json), JSON.parse(readFileSync(join(root, "tests/mermaid/working_day.json"), "utf8")));
  await page.waitForFunction(() => /Converted from Mermaid/.test(document.querySelector("#status").textContent));
  assert.match(await page.textContent("#status"), /^No problems\./);
  assert.equal(await page.locator("#mermaid-offer").isHidden(), true);
  assert.equal(await mapTitle(page), "My working day");
  // Undo brings the diagram back.
  await page.focus("#source");
  await page.keyboard.press("Control+z");
  await page.waitForFunction((text) => document.querySelector("#source").value === text, mermaid);

  // "Convert Mermaid…" with the diagram in the editor converts it too.
  await page.click("#mermaid");
  await page.waitForFunction(() => document.querySelector("#source").value.startsWith("{"));
  assert.ok(requests.length <= 1, "the companion (importer and linter) is loaded once at most");
  page.assertClean();
  await page.done();
});

test("axe-core finds no violations on the playground", async () => {
  const page = await open();
  await page.selectOption("#example", "grocery-delivery");
  await page.waitForFunction(() => document.querySelector("#map svg title")?.textContent === "Grocery delivery: first order");
  assert.deepEqual(await axeViolations(page), []);
  // With problems listed, too.
  await page.fill("#source", '{ "title": 1, "stages": [] }');
  await page.waitForSelector("#problems button");
  assert.deepEqual(await axeViolations(page), []);
  // With a Mermaid diagram, its offer and a warning.
  await page.fill("#source", readFileSync(join(root, "tests/mermaid/clamp.mmd"), "utf8"));
  await page.check("#mermaid-clamp");
  await page.waitForSelector("#problems .warning");
  assert.equal(await page.locator("#mermaid-offer").isVisible(), true);
  assert.deepEqual(await axeViolations(page), []);
  page.assertClean();
  await page.done();
});

test("the playground shows the linter's warnings beside the errors", async () => {
  const page = await open();
  const text = '{\n  "title": "Shop",\n  "stages": [\n    { "name": "Visit", "reach": 100, "cells": { "actions": ["Opens the site"], "opportunities": ["A"] } },\n    { "name": "Cart", "reach": 120, "cells": { "actions": ["Adds a shirt"] } }\n  ]\n}\n';
  await page.fill("#source", text);
  await page.waitForFunction(() => /funnel-grows/.test(document.querySelector("#problems")?.textContent));
  const items = await page.$$eval("#problems .warning button", (buttons) => buttons.map((b) => b.textContent));
  assert.deepEqual(items, [
    '5:23  stages[1].reach: warning: [funnel-grows] reach rises from 100 in "Visit" to 120 here: a funnel only narrows; check the numbers or say where the new customers come from',
  ]);
  assert.match(await page.textContent("#status"), /^No problems\. 1 warning from the linter\.$/);
  await page.click("#problems .warning button");
  const cursor = await page.$eval("#source", (s) => s.selectionStart);
  assert.equal(text.slice(cursor, cursor + 7), '"reach"');
  page.assertClean();
  await page.done();
});
