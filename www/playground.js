// The playground: a plain textarea with line numbers, the map redrawn as you
// type, problems listed with line:column, downloads, and files opened by
// picker or drag and drop. Everything works from file:// (the examples are
// inline in playground.html; nothing is fetched but journeymap-mermaid.js,
// beside journeymap.js, once the editor holds a Mermaid diagram).

/* global JourneyMap */
"use strict";

const $ = (id) => document.getElementById(id);
const source = $("source");
const gutter = $("gutter");
const status = $("status");
const problems = $("problems");
const preview = $("preview");
const mapHost = $("map");
const exampleSelect = $("example");
const themeSelect = $("theme");
const mermaidButton = $("mermaid");
const mermaidOffer = $("mermaid-offer");
const mermaidClamp = $("mermaid-clamp");
const canConvert = typeof JourneyMap.fromMermaid === "function";

const examples = JSON.parse($("examples").textContent || "{}");
let view = null; // the last map drawn without problems
let fileName = "journey-map";
let timer = 0;
let generation = 0;

// --- the editor ---------------------------------------------------------------

/** The number of lines of `text`, without splitting it (a 5 MB text is
 * counted on every key). */
function lineCount(text) {
  let lines = 1;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) lines++;
  return lines;
}

function updateGutter() {
  const lines = lineCount(source.value);
  if (gutter.dataset.lines === String(lines)) return;
  gutter.dataset.lines = String(lines);
  let text = "";
  for (let i = 1; i <= lines; i++) text += i + "\n";
  gutter.textContent = text;
  gutter.scrollTop = source.scrollTop;
}

source.addEventListener("scroll", () => {
  gutter.scrollTop = source.scrollTop;
});

source.addEventListener("input", () => {
  updateGutter();
  // Debounced: typing should not redraw on every key. A big text waits
  // longer (a second more per megabyte): drawing it takes seconds, and
  // starting that between two keys would stall the typing.
  clearTimeout(timer);
  timer = setTimeout(redraw, 200 + source.value.length / 1000);
});

/** Puts `text` in the editor and redraws at once. */
function load(text, name) {
  source.value = text;
  fileName = name || "journey-map";
  source.scrollTop = 0;
  updateGutter();
  clearTimeout(timer);
  return redraw();
}

/** The textarea offset of a 1-based line and column (columns count
 * characters, as the core does; a textarea counts UTF-16 units). */
function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf("\n", offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  const end = text.indexOf("\n", offset) < 0 ? text.length : text.indexOf("\n", offset);
  let chars = 1;
  while (offset < end && chars < column) {
    const code = text.charCodeAt(offset);
    offset += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    chars++;
  }
  return offset;
}

function goTo(line, column) {
  const offset = offsetOf(source.value, line, column);
  source.focus();
  source.setSelectionRange(offset, offset);
  // Bring the line into view: the lines are 20 px high (see the CSS).
  const top = (line - 1) * 20;
  if (top < source.scrollTop || top > source.scrollTop + source.clientHeight - 40) {
    source.scrollTop = Math.max(0, top - source.clientHeight / 3);
  }
}

// --- drawing ------------------------------------------------------------------

/** One problem as a list item with a button that moves the cursor to it. */
function problemItem(d, kind) {
  const item = document.createElement("li");
  if (kind) item.className = "warning";
  const button = document.createElement("button");
  button.type = "button";
  const where = d.line != null && d.column != null ? `${d.line}:${d.column}` : "—";
  button.textContent = `${where}  ${d.path}: ${kind}${d.message}`;
  if (d.line != null) {
    button.dataset.line = d.line;
    button.dataset.column = d.column ?? 1;
    button.addEventListener("click", () => goTo(d.line, d.column ?? 1));
  } else button.disabled = true;
  item.append(button);
  return item;
}

/** Lists problems (and a Mermaid import's warnings), each a button that
 * moves the cursor to its place; `what` names the text in the status. */
async function showProblems(diagnostics, warnings = [], what = "") {
  problems.replaceChildren();
  const listed = [...diagnostics.map((d) => [d, ""]), ...warnings.map((d) => [d, "warning: "])];
  for (const [d, kind] of listed) problems.append(problemItem(d, kind));
  // The counts and the list's name in the map's language, from the core;
  // the playground's own explanations stay in its (English) interface.
  const count = diagnostics.length;
  const said = await JourneyMap.words(source.value, { problems: count, warnings: warnings.length });
  problems.setAttribute("aria-label", said.problems);
  problems.setAttribute("lang", said.lang);
  status.textContent =
    (count === 0
      ? `${said.noProblems}${what ? ` in the ${what}` : ""}.`
      : `${said.problemCount}${what ? ` in the ${what}` : ""}` +
        `${view ? "; the map shows the last version without problems" : ""}.`) +
    (warnings.length ? ` ${said.warningCount}.` : "");
  status.classList.toggle("bad", count > 0);
}

/** The linter's findings on a valid map, added to the list as warnings and
 * counted in the status (the linter comes with the companion script, so
 * they may arrive after the map is drawn). */
async function showLint(text, mine) {
  let findings;
  try {
    findings = await JourneyMap.lint(text);
  } catch (error) {
    findings = [{ path: "$", line: null, column: null, rule: "lint", message: `the linter did not run: ${error.message}` }];
  }
  if (mine !== generation || !findings.length) return;
  for (const f of findings) problems.append(problemItem({ ...f, message: `[${f.rule}] ${f.message}` }, "warning: "));
  status.textContent += ` ${findings.length} warning${findings.length === 1 ? "" : "s"} from the linter.`;
}

/** Whether the text is a Mermaid journey diagram rather than JSON: as the
 * importer decides, after blank lines, a front-matter block, `%%` comments
 * and `%%{…}%%` directives, the first line starts with the word `journey`. */
function looksLikeMermaid(text) {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  let i = 0;
  while (i < lines.length && !lines[i].trim()) i++;
  if (lines[i]?.trim() === "---") {
    const close = lines.findIndex((line, j) => j > i && line.trim() === "---");
    if (close < 0) return false;
    i = close + 1;
  }
  for (; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    if (line.startsWith("%%{")) {
      while (i < lines.length && !lines[i].includes("}%%")) i++;
      continue;
    }
    if (line.startsWith("%%")) continue;
    return /^journey(?![A-Za-z0-9_])/.test(line);
  }
  return false;
}

async function redraw() {
  const mine = ++generation;
  const text = source.value;
  const mermaid = canConvert && looksLikeMermaid(text);
  mermaidOffer.hidden = !mermaid;
  let map = text;
  if (mermaid) {
    // A Mermaid diagram: the preview shows the map made from it, and the
    // problems are the importer's, located in the diagram.
    try {
      map = await JourneyMap.fromMermaid(text, { clamp: mermaidClamp.checked });
    } catch (error) {
      if (mine !== generation) return;
      await showProblems(error.diagnostics || [{ path: "$", line: null, column: null, message: String(error.message) }], [], "Mermaid diagram");
      if (view) preview.classList.add("stale");
      else mapHost.replaceChildren();
      return;
    }
    if (mine !== generation) return;
    await showProblems([], map.warnings, "Mermaid diagram");
  } else {
    const diagnostics = await JourneyMap.check(text);
    if (mine !== generation) return; // a newer edit is on its way
    await showProblems(diagnostics);
    if (diagnostics.length && view) {
      // Keep the last good map, dimmed, while the text has problems.
      preview.classList.add("stale");
      return;
    }
    if (!diagnostics.length) showLint(text, mine);
  }
  const stage = view?.stage ?? undefined; // stay on the stage being read
  try {
    const next = await JourneyMap.render(mapHost, map, { theme: themeSelect.value, hash: false, stage });
    if (mine !== generation) return;
    view = next;
    preview.classList.remove("stale");
  } catch {
    // The target shows the error box; the list above has the details (or a
    // newer edit replaced this render).
    if (mine === generation) view = null;
  }
}

// --- files --------------------------------------------------------------------

async function openFile(file) {
  if (!file) return;
  const text = await file.text();
  exampleSelect.value = "";
  await load(text, file.name.replace(/\.(json|mmd|mermaid)$/i, ""));
}

$("open").addEventListener("click", () => $("file").click());
$("file").addEventListener("change", (event) => openFile(event.target.files[0]));

const code = $("code");
for (const type of ["dragenter", "dragover"]) {
  document.addEventListener(type, (event) => {
    if (![...(event.dataTransfer?.types || [])].includes("Files")) return;
    event.preventDefault(); // allow the drop
    code.classList.add("drop");
  });
}
document.addEventListener("dragleave", (event) => {
  if (!event.relatedTarget) code.classList.remove("drop");
});
document.addEventListener("drop", (event) => {
  code.classList.remove("drop");
  const file = event.dataTransfer?.files?.[0];
  if (!file) return;
  event.preventDefault();
  openFile(file);
});

function download(blob, name) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

$("download-svg").addEventListener("click", () => {
  if (view) download(new Blob([view.exportSvg()], { type: "image/svg+xml" }), `${fileName}.svg`);
});
$("download-png").addEventListener("click", async () => {
  if (view) download(await view.exportPng(2), `${fileName}.png`);
});

themeSelect.addEventListener("change", () => redraw());

// --- "Convert Mermaid" --------------------------------------------------------
// A Mermaid journey diagram pasted (or opened, or dropped) into the editor is
// drawn as the map made from it, with the importer's problems and warnings
// located in it; "Convert to JSON" (or "Convert Mermaid…") then replaces it
// with that map's JSON. JourneyMap.fromMermaid loads the importer
// (journeymap-mermaid.js) the first time, so pages without Mermaid never do.

/** Replaces the Mermaid diagram in the editor by its map's JSON. Through the
 * editing commands where the browser has them, so that Undo brings the
 * diagram back. */
async function convertEditor() {
  const mine = ++generation;
  let map;
  try {
    map = await JourneyMap.fromMermaid(source.value, { clamp: mermaidClamp.checked });
  } catch (error) {
    if (mine !== generation) return;
    await showProblems(error.diagnostics || [{ path: "$", line: null, column: null, message: String(error.message) }], [], "Mermaid diagram");
    return;
  }
  if (mine !== generation) return;
  const json = `${JSON.stringify(map, null, 2)}\n`;
  const warnings = map.warnings;
  source.focus();
  source.select();
  let undoable = false;
  try {
    undoable = document.execCommand("insertText", false, json);
  } catch {
    undoable = false;
  }
  if (!undoable || source.value !== json) source.value = json;
  source.setSelectionRange(0, 0);
  source.scrollTop = 0;
  exampleSelect.value = "";
  updateGutter();
  clearTimeout(timer);
  await redraw();
  const note = warnings.length
    ? ` Converted from Mermaid, with ${warnings.length === 1 ? "a warning" : `${warnings.length} warnings`}: ` +
      warnings.map((w) => `${w.line != null ? `line ${w.line}: ` : ""}${w.message}`).join("; ") + "."
    : " Converted from Mermaid.";
  status.textContent += note + (undoable ? " Undo brings the diagram back." : "");
}

if (canConvert) {
  mermaidButton.hidden = false;
  mermaidButton.addEventListener("click", () => {
    if (looksLikeMermaid(source.value)) {
      convertEditor();
      return;
    }
    // Nothing to convert yet: ready the editor for a paste.
    status.classList.remove("bad");
    status.textContent =
      'To convert Mermaid, paste a Mermaid journey diagram (its first line is "journey") into the editor, ' +
      "or open a .mmd file; then choose Convert to JSON.";
    source.focus();
    source.select();
  });
  $("mermaid-convert").addEventListener("click", () => convertEditor());
  mermaidClamp.addEventListener("change", () => redraw());
}

// --- examples -----------------------------------------------------------------

for (const [name, example] of Object.entries(examples)) {
  const option = document.createElement("option");
  option.value = name;
  option.textContent = example.title;
  exampleSelect.append(option);
}
const custom = document.createElement("option");
custom.value = "";
custom.textContent = "(your map)";
exampleSelect.append(custom);

exampleSelect.addEventListener("change", () => {
  const example = Object.hasOwn(examples, exampleSelect.value) ? examples[exampleSelect.value] : null;
  if (example) {
    try {
      history.replaceState(null, "", `#example=${encodeURIComponent(exampleSelect.value)}`);
    } catch {
      // Not every browser lets a file:// page rewrite its URL; the hash is a nicety.
    }
    load(example.text, exampleSelect.value);
  }
});

/** The example the hash names, if there is one by that name (a malformed
 * escape or a name like "constructor" names none). */
function exampleInHash() {
  const wanted = /^#example=(.+)$/.exec(location.hash);
  try {
    const name = wanted && decodeURIComponent(wanted[1]);
    return name && Object.hasOwn(examples, name) ? name : null;
  } catch {
    return null;
  }
}
const first = exampleInHash() ?? Object.keys(examples)[0];
if (first) {
  exampleSelect.value = first;
  load(examples[first].text, first);
} else {
  exampleSelect.value = "";
  load('{ "title": "My journey", "stages": [ { "name": "First stage", "cells": { "actions": ["Something the customer does"] } } ] }\n');
}
