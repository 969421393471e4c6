// The channel scorecard and the data behind each card, in a real browser:
// a click (or Enter) on a scorecard row focuses that channel (its
// touchpoints at full strength, everything else of the other channels at
// an effective opacity of at most 0.35), one focus at a time and Esc
// clearing it; the numbered references on cards and the assumption mark
// lie inside their cards (getBBox); zoomed into a stage, the names of the
// sources its cards cite are shown.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, writePage, html, inline, root, openMap, opacities } from "./harness.mjs";

const centre = readFileSync(join(root, "examples/contact-centre.json"), "utf8");
// Built-in channel indices: web 0, chat 2, phone 3, email 4.
const [WEB, CHAT, PHONE, EMAIL] = [0, 2, 3, 4];

let browser;
let pageUrl;
before(async () => {
  browser = await launch();
  ({ fileUrl: pageUrl } = await writePage("scorecard.html", html(`<h1>Scorecard</h1>${inline(centre, "nohash")}`)));
});
after(() => browser?.close());

const open = () => openMap(browser, pageUrl);

const rootClass = (page) => page.$eval("journey-map svg", (svg) => svg.getAttribute("class"));

async function assertChannelFocus(page, on) {
  assert.match(await rootClass(page), new RegExp(` jm-focus jm-focus-channel-${on}$`));
  for (const [selector, wanted] of [
    [`.jm-card.jm-channel-${on}`, 1],
    [`.jm-channels .jm-channel-row.jm-channel-${on}`, 1],
    [`.jm-card:not(.jm-channel-${on})`, "dim"],
    [`.jm-channels .jm-channel-row:not(.jm-channel-${on})`, "dim"],
    [`.jm-legend-entry[data-channel]:not(.jm-channel-${on})`, "dim"],
    [`.jm-swimlane:not(.jm-channel-${on})`, "dim"],
  ]) {
    const values = await opacities(page, selector);
    assert.ok(values.length > 0, `${selector} exists`);
    for (const value of values) {
      if (wanted === "dim") assert.ok(value <= 0.35, `${selector} dimmed: ${value}`);
      else assert.equal(value, 1, `${selector} at full strength`);
    }
  }
}

test("one row per channel used, in the drawn order, each a focus button", async () => {
  const page = await open();
  const rows = await page.$$eval(".jm-channels .jm-channel-row", (rows) =>
    rows.map((row) => [row.getAttribute("data-channel"), row.getAttribute("role"), row.getAttribute("tabindex"), row.classList.contains("jm-focusable")]),
  );
  assert.deepEqual(
    rows,
    [PHONE, CHAT, WEB, EMAIL].map((c) => [String(c), "button", "0", true]),
    "phone, chat, help centre, email: by share",
  );
  // Every row and its texts inside the panel, the rows one under another.
  const problems = await page.evaluate(() => {
    const panel = document.querySelector(".jm-channels .jm-channels-box").getBBox();
    const inside = (b, r) => b.x >= r.x - 0.5 && b.y >= r.y - 0.5 && b.x + b.width <= r.x + r.width + 0.5 && b.y + b.height <= r.y + r.height + 0.5;
    const out = [];
    let last = -Infinity;
    for (const row of document.querySelectorAll(".jm-channels .jm-channel-row")) {
      const box = row.querySelector(".jm-channel-hit").getBBox();
      if (!inside(box, panel)) out.push(`row ${row.dataset.channel} outside the panel`);
      if (box.y < last) out.push(`row ${row.dataset.channel} overlaps the one above`);
      last = box.y + box.height;
      for (const text of row.querySelectorAll("text")) {
        if (!inside(text.getBBox(), box)) out.push(`"${text.textContent}" outside its row`);
      }
    }
    return out;
  });
  assert.deepEqual(problems, []);
  const marks = await page.$$eval(".jm-channels .jm-chip-look-here", (chips) => chips.map((c) => [c.closest(".jm-channel-row").dataset.channel, c.textContent.trim()]));
  assert.deepEqual(marks, [[String(PHONE), "look here first"]], "phone: the most contacts, the lowest score");
  page.assertClean();
  await page.done();
});

test("a click on a scorecard row focuses its channel; another focus replaces it; Esc clears", async () => {
  const page = await open();
  await page.click(`.jm-channels .jm-channel-row[data-channel="${CHAT}"]`);
  await assertChannelFocus(page, CHAT);
  assert.equal(await page.getAttribute(`.jm-channels .jm-channel-row[data-channel="${CHAT}"]`, "aria-pressed"), "true");
  assert.deepEqual(await page.$eval("journey-map", (el) => el.view.focus), { kind: "channel", id: "chat" });
  // One focus at a time: the phone row, then an owner chip, replace it.
  await page.click(`.jm-channels .jm-channel-row[data-channel="${PHONE}"]`);
  await assertChannelFocus(page, PHONE);
  await page.click(".jm-card .jm-owner[data-owner]");
  assert.match(await rootClass(page), / jm-focus jm-focus-owner-\d+$/);
  for (const value of await opacities(page, ".jm-channels .jm-channel-row")) assert.equal(value, 1, "rows are not an owner's");
  await page.keyboard.press("Escape");
  assert.doesNotMatch(await rootClass(page), /jm-focus/);
  // The keyboard: Enter on a row, a second Enter clears.
  await page.focus(`.jm-channels .jm-channel-row[data-channel="${EMAIL}"]`);
  await page.keyboard.press("Enter");
  await assertChannelFocus(page, EMAIL);
  await page.keyboard.press("Enter");
  assert.doesNotMatch(await rootClass(page), /jm-focus/);
  for (const value of await opacities(page, ".jm-card, .jm-channel-row")) assert.equal(value, 1);
  page.assertClean();
  await page.done();
});

test("numbered references and the assumption mark lie inside their cards; the assumption is dashed", async () => {
  const page = await open();
  const result = await page.evaluate(() => {
    const problems = [];
    const inside = (b, r) => b.x >= r.x - 0.5 && b.y >= r.y - 0.5 && b.x + b.width <= r.x + r.width + 0.5 && b.y + b.height <= r.y + r.height + 0.5;
    const marks = [...document.querySelectorAll("journey-map svg .jm-card .jm-chip-sources, journey-map svg .jm-card .jm-chip-assumption")];
    for (const mark of marks) {
      const card = mark.closest(".jm-card").querySelector(".jm-card-box").getBBox();
      const text = mark.querySelector("text");
      const b = text.getBBox();
      if (b.width <= 0 || getComputedStyle(text).visibility !== "visible") problems.push(`"${text.textContent}" is not visible`);
      if (!inside(b, card)) problems.push(`"${text.textContent}" outside its card`);
    }
    const dashed = [...document.querySelectorAll("journey-map svg .jm-card.jm-assumption .jm-card-box")].map((box) => getComputedStyle(box).strokeDasharray);
    const refs = [...document.querySelectorAll("journey-map svg .jm-card .jm-chip-sources text")].map((t) => t.textContent);
    const legend = [...document.querySelectorAll("journey-map svg .jm-legend text")].map((t) => t.textContent);
    return { problems, marks: marks.length, dashed, refs, legend };
  });
  assert.deepEqual(result.problems, []);
  assert.equal(result.dashed.length, 2, "two assumption cards");
  for (const dash of result.dashed) assert.notEqual(dash, "none");
  assert.ok(result.refs.includes("[1, 3]"), result.refs.join(" "));
  assert.ok(result.legend.includes("assumption"));
  // The numbers match the Sources list.
  const footer = await page.$$eval("journey-map svg .jm-footer text", (texts) => texts.map((t) => t.textContent));
  assert.ok(footer.includes("1.") && footer.includes("Post-contact CSAT survey, Q2, n=3,412"), footer.join(" | "));
  page.assertClean();
  await page.done();
});

test("zoomed into a stage, the names of the sources its cards cite", async () => {
  const page = await open();
  const names = await page.evaluate(async () => {
    const view = document.querySelector("journey-map").view;
    await view.zoomToStage("talk-it-through");
    const panel = view.svg.querySelector(".jm-detail.jm-open");
    const box = panel.querySelector(".jm-detail-box").getBBox();
    return [...panel.querySelectorAll("text")]
      .filter((t) => {
        const b = t.getBBox();
        return b.width > 0 && b.x >= box.x && b.x + b.width <= box.x + box.width + 0.5;
      })
      .map((t) => t.textContent);
  });
  for (const name of ["Sources", "Post-contact CSAT survey, Q2, n=3,412", "Speech analytics of 2,000 billing calls", "Complaint tickets tagged billing, 1,180 cases"]) {
    assert.ok(names.includes(name), `${name} in the open panel: ${names.join(" | ")}`);
  }
  assert.ok(!names.includes("Call tree and queue logs, April to June"), "only the stage's own sources");
  page.assertClean();
  await page.done();
});
