// The playground: a plain textarea with line numbers, the map redrawn as you
// type, problems listed with line:column, downloads, and files opened by
// picker or drag and drop. Everything works from file:// (the examples are
// inline in playground.html; nothing is fetched).

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

const examples = JSON.parse($("examples").textContent || "{}");
let view = null; // the last map drawn without problems
let fileName = "journey-map";
let timer = 0;
let generation = 0;

// --- the editor ---------------------------------------------------------------

function updateGutter() {
  const lines = source.value.split("\n").length;
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
  // Debounced: typing should not redraw on every key.
  clearTimeout(timer);
  timer = setTimeout(redraw, 200);
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

function showProblems(diagnostics) {
  problems.replaceChildren();
  for (const d of diagnostics) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    const where = d.line != null && d.column != null ? `${d.line}:${d.column}` : "—";
    button.textContent = `${where}  ${d.path}: ${d.message}`;
    if (d.line != null) {
      button.dataset.line = d.line;
      button.dataset.column = d.column ?? 1;
      button.addEventListener("click", () => goTo(d.line, d.column ?? 1));
    } else button.disabled = true;
    item.append(button);
    problems.append(item);
  }
  const count = diagnostics.length;
  status.textContent =
    count === 0
      ? "No problems."
      : `${count} ${count === 1 ? "problem" : "problems"}${view ? "; the map shows the last version without problems" : ""}.`;
  status.classList.toggle("bad", count > 0);
}

async function redraw() {
  const mine = ++generation;
  const text = source.value;
  const diagnostics = await JourneyMap.check(text);
  if (mine !== generation) return; // a newer edit is on its way
  showProblems(diagnostics);
  if (diagnostics.length && view) {
    // Keep the last good map, dimmed, while the text has problems.
    preview.classList.add("stale");
    return;
  }
  const stage = view?.stage ?? undefined; // stay on the stage being read
  try {
    const next = await JourneyMap.render(mapHost, text, { theme: themeSelect.value, hash: false, stage });
    if (mine !== generation) return;
    view = next;
    preview.classList.remove("stale");
  } catch {
    // The target shows the error box; the list above has the details.
    view = null;
  }
}

// --- files --------------------------------------------------------------------

async function openFile(file) {
  if (!file) return;
  const text = await file.text();
  exampleSelect.value = "";
  await load(text, file.name.replace(/\.json$/i, ""));
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
// The importer (the core's `from_mermaid`) is being written separately. When
// the script exposes JourneyMap.fromMermaid(text) → Promise<map JSON text>,
// the button appears and converts the editor's text in place.
const mermaid = $("mermaid");
if (typeof JourneyMap.fromMermaid === "function") {
  mermaid.hidden = false;
  mermaid.addEventListener("click", async () => {
    try {
      await load(await JourneyMap.fromMermaid(source.value), fileName);
    } catch (error) {
      showProblems(error.diagnostics || [{ path: "$", line: null, column: null, message: String(error.message) }]);
    }
  });
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
  const example = examples[exampleSelect.value];
  if (example) {
    try {
      history.replaceState(null, "", `#example=${encodeURIComponent(exampleSelect.value)}`);
    } catch {
      // Not every browser lets a file:// page rewrite its URL; the hash is a nicety.
    }
    load(example.text, exampleSelect.value);
  }
});

const wanted = /^#example=(.+)$/.exec(location.hash);
const first = wanted && examples[decodeURIComponent(wanted[1])] ? decodeURIComponent(wanted[1]) : Object.keys(examples)[0];
if (first) {
  exampleSelect.value = first;
  load(examples[first].text, first);
} else {
  exampleSelect.value = "";
  load('{ "title": "My journey", "stages": [ { "name": "First stage", "cells": { "actions": ["Something the customer does"] } } ] }\n');
}
