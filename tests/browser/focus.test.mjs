// Focus on a persona, a channel or an owner: by click and by keyboard, the
// focused one at full strength and the rest at an effective opacity of at
// most 0.35 (computed styles multiplied up the ancestor chain), the focused
// curve drawn last, Esc and a second click clearing it, the attributes and
// the API, and one event per change.

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, writePage, html, inline, mapsSettled, root, openMap, opacities } from "./harness.mjs";

const grocery = readFileSync(join(root, "examples/grocery-delivery.json"), "utf8");

let browser;
let pageUrl;
before(async () => {
  browser = await launch();
  ({ fileUrl: pageUrl } = await writePage(
    "focus.html",
    html(`<h1>Focus</h1>${inline(grocery, 'nohash')}
      <script>
        window.events = [];
        for (const type of ["jm-personachange", "jm-focuschange"]) {
          document.addEventListener(type, (e) => events.push([type, e.detail.kind ?? "persona", e.detail.id]));
        }
      </script>`),
  ));
});
after(() => browser?.close());

const open = () => openMap(browser, pageUrl);

// A card's accessible name starts with its text (then its score and personas).
const card = (text) => `.jm-card[aria-label^="${text}"]`;
const events = (page) => page.evaluate(() => events.splice(0));
const rootClass = (page) => page.$eval("journey-map svg", (svg) => svg.getAttribute("class"));

async function assertPersonaFocus(page, on, off) {
  for (const [selector, wanted] of [
    [`.jm-curve.jm-persona-${on}`, 1],
    [`.jm-point.jm-persona-${on}`, 1],
    [`.jm-persona[data-persona-index="${on}"]`, 1],
    [card("Why do they need my phone number?"), on === 1 ? 1 : "dim"],
    [card("That was quick"), on === 0 ? 1 : "dim"],
    [`.jm-curve.jm-persona-${off}`, "dim"],
    [`.jm-point.jm-persona-${off}`, "dim"],
    [`.jm-persona-marker.jm-persona-${off}`, "dim"],
    [`.jm-persona[data-persona-index="${off}"]`, "dim"],
    [`.jm-legend-entry[data-persona-index="${off}"]`, "dim"],
    [card("Hears about the service from a friend"), 1],
  ]) {
    const values = await opacities(page, selector);
    assert.ok(values.length > 0, `${selector} exists`);
    for (const value of values) {
      if (wanted === "dim") assert.ok(value <= 0.35, `${selector} dimmed: ${value}`);
      else assert.equal(value, 1, `${selector} at full strength`);
    }
  }
  const last = await page.$$eval(".jm-emotion .jm-curve-group", (groups) => groups.at(-1).getAttribute("data-persona-index"));
  assert.equal(last, String(on), "the focused curve is drawn last, on top");
}

test("a click on a persona's box focuses it; a second click shows everyone", async () => {
  const page = await open();
  assert.deepEqual(await opacities(page, ".jm-curve"), [1, 1]);
  await page.click('.jm-persona[data-persona-index="1"]');
  assert.match(await rootClass(page), / jm-focus jm-focus-persona-1$/);
  await assertPersonaFocus(page, 1, 0);
  assert.equal(await page.getAttribute('.jm-persona[data-persona-index="1"]', "aria-pressed"), "true");
  assert.deepEqual(await events(page), [
    ["jm-focuschange", "persona", "tom"],
    ["jm-personachange", "persona", "tom"],
  ]);
  assert.deepEqual(await page.$eval("journey-map", (el) => el.view.focus), { kind: "persona", id: "tom" });
  await page.click('.jm-legend-entry[data-persona-index="0"]');
  await assertPersonaFocus(page, 0, 1);
  assert.equal((await events(page)).length, 2, "one change: one event of each");
  await page.click('.jm-legend-entry[data-persona-index="0"]');
  assert.doesNotMatch(await rootClass(page), /jm-focus/);
  for (const value of await opacities(page, ".jm-curve, .jm-persona, .jm-card, .jm-persona-marker")) assert.equal(value, 1);
  assert.deepEqual(await events(page), [
    ["jm-focuschange", "persona", null],
    ["jm-personachange", "persona", null],
  ]);
  page.assertClean();
  await page.done();
});

test("the keyboard: the persona buttons take focus, Enter and Space toggle, Esc clears", async () => {
  const page = await open();
  assert.equal(await page.getAttribute('.jm-persona[data-persona-index="1"]', "tabindex"), "0");
  assert.equal(await page.getAttribute('.jm-persona[data-persona-index="1"]', "role"), "button");
  await page.focus('.jm-persona[data-persona-index="1"]');
  await page.keyboard.press("Enter");
  await assertPersonaFocus(page, 1, 0);
  await page.keyboard.press("Space");
  assert.doesNotMatch(await rootClass(page), /jm-focus/);
  await page.focus('.jm-legend-entry[data-persona-index="0"]');
  await page.keyboard.press(" ");
  await assertPersonaFocus(page, 0, 1);
  await page.keyboard.press("Escape");
  assert.doesNotMatch(await rootClass(page), /jm-focus/);
  assert.equal(await page.$eval("journey-map", (el) => el.view.focus), null);
  assert.equal((await events(page)).length, 8, "four changes, two events each");
  page.assertClean();
  await page.done();
});

test("channel focus from its swimlane header and legend entry; owner focus from a chip", async () => {
  const page = await open();
  await page.click('.jm-swimlane[data-channel="0"]');
  assert.match(await rootClass(page), /jm-focus-channel-0$/);
  for (const value of await opacities(page, ".jm-card.jm-channel-0")) assert.equal(value, 1);
  for (const value of await opacities(page, ".jm-card:not(.jm-channel-0), .jm-legend-entry[data-channel]:not(.jm-channel-0), .jm-swimlane:not(.jm-channel-0), .jm-channel-row:not(.jm-channel-0), .jm-persona-marker:not(.jm-channel-0)")) {
    assert.ok(value <= 0.35, `dimmed: ${value}`);
  }
  assert.deepEqual(await events(page), [["jm-focuschange", "channel", "web"]]);
  await page.focus('.jm-legend-entry[data-channel="3"]');
  await page.keyboard.press("Enter");
  assert.match(await rootClass(page), /jm-focus-channel-3$/);
  assert.deepEqual(await opacities(page, card("Driver's call")), [1]);
  // The owner chip replaces the channel: one focus at a time.
  await page.focus(".jm-owner[data-owner]");
  const owner = await page.$eval(":focus", (el) => el.getAttribute("data-owner"));
  await page.keyboard.press("Enter");
  assert.match(await rootClass(page), new RegExp(` jm-focus jm-focus-owner-${owner}$`));
  for (const value of await opacities(page, `.jm-card.jm-owner-${owner}`)) assert.equal(value, 1);
  // Persona markers, drawn apart from their cards, are dimmed with them.
  for (const value of await opacities(page, `.jm-card:not(.jm-owner-${owner}), .jm-persona-marker:not(.jm-owner-${owner})`)) assert.ok(value <= 0.35);
  await page.click(`${card("Slot service holds a slot for five minutes")} .jm-owner`);
  assert.match(await rootClass(page), /jm-focus-owner-1$/, "Logistics, the second owner in reading order");
  await page.keyboard.press("Escape");
  assert.doesNotMatch(await rootClass(page), /jm-focus/);
  page.assertClean();
  await page.done();
});

test("the persona, channel and owner attributes and the view's API", async () => {
  const page = await openPage(browser);
  const { fileUrl } = await writePage("focus-attribute.html", html(inline(grocery, 'nohash persona="tom"')));
  await page.goto(fileUrl);
  await mapsSettled(page, 1);
  await assertPersonaFocus(page, 1, 0);
  await page.$eval("journey-map", (el) => el.setAttribute("persona", "maya"));
  await assertPersonaFocus(page, 0, 1);
  await page.$eval("journey-map", (el) => el.setAttribute("owner", "Logistics"));
  assert.match(await rootClass(page), / jm-focus jm-focus-owner-1$/);
  await page.$eval("journey-map", (el) => el.removeAttribute("owner"));
  assert.doesNotMatch(await rootClass(page), /jm-focus/);
  const api = await page.$eval("journey-map", (el) => {
    const view = el.view;
    const results = [view.focusChannel("phone"), view.focusChannel("phone"), view.focus];
    try {
      view.focusPersona("nobody");
    } catch (error) {
      results.push(error.name, error.message);
    }
    results.push(view.focusChannel(null), view.focus);
    return results;
  });
  assert.deepEqual(api, [
    true,
    false,
    { kind: "channel", id: "phone" },
    "RangeError",
    'journeymap: this map has no persona "nobody"; expected one of "maya", "tom"',
    true,
    null,
  ]);
  page.assertClean();
  await page.done();
});

test("the hash: #persona=ID and #stage=ID&persona=ID, read on load, written on focus, followed on hashchange", async () => {
  const page = await openPage(browser);
  const { fileUrl } = await writePage("focus-hash.html", html(inline(grocery)));
  await page.goto(`${fileUrl}#stage=sign-up&persona=tom`);
  await mapsSettled(page, 1);
  await assertPersonaFocus(page, 1, 0);
  assert.equal(await page.$eval("journey-map", (el) => el.view.stage), "sign-up");
  await page.focus('.jm-legend-entry[data-persona-index="0"]');
  await page.keyboard.press("Enter");
  assert.equal(await page.evaluate(() => location.hash), "#stage=sign-up&persona=maya");
  await page.keyboard.press("Escape");
  assert.equal(await page.evaluate(() => location.hash), "#stage=sign-up", "Esc clears the focus first");
  await page.keyboard.press("Escape");
  await page.$eval("journey-map", (el) => el.view.settled());
  assert.equal(await page.evaluate(() => location.hash), "");
  await page.evaluate(() => (location.hash = "#persona=tom"));
  await page.waitForFunction(() => document.querySelector("journey-map svg").classList.contains("jm-focus-persona-1"));
  assert.equal(await page.$eval("journey-map", (el) => el.view.stage), null);
  await page.$eval("journey-map", (el) => el.view.focusPersona(null));
  assert.equal(await page.evaluate(() => location.hash), "");
  page.assertClean();
  await page.done();
});

test("several maps: #persona=N:ID names the map", async () => {
  const page = await openPage(browser);
  const { fileUrl } = await writePage("focus-hash-two.html", html(inline(grocery) + inline(grocery)));
  await page.goto(`${fileUrl}#persona=2:maya`);
  await mapsSettled(page, 2);
  const classes = await page.$$eval("journey-map svg", (svgs) => svgs.map((svg) => svg.classList.contains("jm-focus")));
  assert.deepEqual(classes, [false, true]);
  await page.click('journey-map:first-of-type .jm-persona[data-persona-index="1"]');
  assert.equal(await page.evaluate(() => location.hash), "#persona=1:tom");
  page.assertClean();
  await page.done();
});
