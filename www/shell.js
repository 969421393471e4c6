// The journeymap JS shell: everything the browser embed does around the
// WebAssembly core.
//
// The core (src/wasm.rs) turns map text into SVG text and a little JSON about
// the stages; it decides every position. This shell only:
//   - puts the SVG in the page with a small toolbar, or an error box;
//   - zooms by changing the SVG's viewBox (never re-running the layout);
//   - keeps the URL hash in step with the zoomed stage;
//   - defines the <journey-map> element;
//   - loads the Mermaid importer (a second file) when a page first asks for it.
//
// www/build.mjs concatenates wasm-bindgen's `no-modules` glue, the constant
// `WASM_BASE64`, www/boot.js (which starts the wasm from those bytes: no
// fetch, so it works from file:// and under `script-src 'self'
// 'wasm-unsafe-eval'`), the constants `VERSION` and `IMPORT_COMPANION` (see
// "Mermaid" below), then this file. The build wraps it all in one function
// scope, so `JourneyMap` is the only global the classic script defines.

/* global core, withCore, coreOutput, HAS_DOM, VERSION, IMPORT_COMPANION */

// ---------------------------------------------------------------------------
// Map text in, SVG text out
// ---------------------------------------------------------------------------

/** The largest document the core accepts (FORMAT.md), checked here first so
 * that a huge text is never copied into wasm memory. */
const MAX_DOCUMENT_BYTES = 5000000;

/** An invalid map: `diagnostics` holds `{path, line, column, message}`. */
class JourneyMapError extends Error {
  constructor(diagnostics) {
    const first = diagnostics[0];
    const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : "";
    super(first ? formatDiagnostic(first) + more : "invalid journey map");
    this.name = "JourneyMapError";
    this.diagnostics = diagnostics;
  }
}

function diagnostic(message, path = "$") {
  return { path, line: null, column: null, message };
}

/** `LINE:COL: PATH: MESSAGE`, as the CLI prints it (without the file). */
function formatDiagnostic(d) {
  const where = d.line != null && d.column != null ? `${d.line}:${d.column}: ` : "";
  return `${where}${d.path}: ${d.message}`;
}

/** UTF-8 length without encoding when the answer is obvious. */
function utf8Length(text) {
  if (text.length * 3 <= MAX_DOCUMENT_BYTES) return text.length; // certainly small enough
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The map as JSON text: text is passed on as it is (Rust parses it and
 * reports lines and columns in it); an object is stringified here, so NaN,
 * Infinity, getters and prototypes never reach the core. */
function mapText(map) {
  let text;
  if (typeof map === "string") text = map;
  else if (map !== null && typeof map === "object") {
    try {
      text = JSON.stringify(map);
    } catch (error) {
      throw new JourneyMapError([diagnostic(`the map object cannot be turned into JSON: ${error.message}`)]);
    }
  } else {
    throw new JourneyMapError([diagnostic(`expected the map as JSON text or a plain object, found ${map === null ? "null" : typeof map}`)]);
  }
  const bytes = utf8Length(text);
  if (bytes > MAX_DOCUMENT_BYTES) {
    throw new JourneyMapError([
      diagnostic(`the document is ${bytes} bytes; the limit is ${MAX_DOCUMENT_BYTES} bytes (5 MB)`),
    ]);
  }
  return text;
}

let prefixCounter = 0;

/** A fresh id prefix (jm1, jm2 …), skipping any id the page already uses. */
function nextPrefix() {
  for (;;) {
    const prefix = `jm${++prefixCounter}`;
    if (!HAS_DOM || !document.getElementById(prefix)) return prefix;
  }
}

/** Renders to `{svg, info, prefix}` or throws a JourneyMapError. */
async function renderText(map, options = {}) {
  const text = mapText(map);
  const prefix = options.idPrefix || nextPrefix();
  const pageOptions = { idPrefix: prefix };
  if (options.theme) pageOptions.theme = options.theme;
  if (options.links != null) pageOptions.links = options.links;
  const output = await coreOutput((wasm) => wasm.render(text, JSON.stringify(pageOptions)));
  if (!output.ok) throw new JourneyMapError(JSON.parse(output.info));
  return { svg: output.svg, info: JSON.parse(output.info), prefix };
}

/** The rendered SVG document as text. */
async function renderToString(map, options = {}) {
  return (await renderText(map, options)).svg;
}

/** The diagnostics of a map (an empty array when it is valid). */
async function check(map) {
  let text;
  try {
    text = mapText(map);
  } catch (error) {
    if (error instanceof JourneyMapError) return error.diagnostics;
    throw error;
  }
  return JSON.parse(await withCore((wasm) => wasm.check(text)));
}

// ---------------------------------------------------------------------------
// The shell's own styles (toolbar, error box, the viewport around the SVG)
// ---------------------------------------------------------------------------

// Everything is scoped to jm- classes. The map's own colours live in the SVG's
// scoped <style>. A constructed style sheet is used where the browser has
// them: they are not subject to a page's CSP style-src.
const SHELL_CSS = `
journey-map{display:block}
.jm-view{position:relative;font:14px/1.4 system-ui,sans-serif;color:#1f2328;--jm-ui-bg:#ffffff;--jm-ui-border:#8c959f;--jm-ui-accent:#1f5fcc}
.jm-view.jm-ui-dark{color:#e6edf3;--jm-ui-bg:#161c23;--jm-ui-border:#6e7681;--jm-ui-accent:#6ea3ff}
@media (prefers-color-scheme:dark){.jm-view.jm-ui-auto{color:#e6edf3;--jm-ui-bg:#161c23;--jm-ui-border:#6e7681;--jm-ui-accent:#6ea3ff}}
.jm-toolbar{display:flex;flex-wrap:wrap;align-items:center;gap:4px;padding:4px;background:var(--jm-ui-bg);border-radius:6px}
.jm-toolbar button{font:inherit;color:inherit;background:var(--jm-ui-bg);border:1px solid var(--jm-ui-border);border-radius:6px;padding:2px 10px;min-width:2.2em;min-height:2em;cursor:pointer}
.jm-toolbar button:focus-visible{outline:2px solid var(--jm-ui-accent);outline-offset:1px}
.jm-toolbar button[hidden]{display:none}
.jm-where{flex:1 1 auto;min-width:8em;padding:0 6px}
.jm-viewport{position:relative;overflow:hidden;width:100%;min-height:16rem;max-height:85vh;touch-action:pan-y;user-select:none;-webkit-user-select:none;border-radius:6px}
.jm-viewport.jm-zoomed{touch-action:none;cursor:grab}
.jm-viewport.jm-dragging{cursor:grabbing}
.jm-viewport>svg{display:block;width:100%;height:100%}
.jm-error{font:14px/1.45 system-ui,sans-serif;color:#82071e;background:#fff0ee;border:1px solid #cf222e;border-radius:6px;padding:10px 14px;margin:4px 0;overflow-wrap:anywhere}
.jm-error p{margin:0 0 4px;font-weight:600}
.jm-error ul{margin:0;padding-left:1.2em}
.jm-error code{font:13px ui-monospace,monospace}
`;

let stylesInstalled = false;

function installStyles() {
  if (stylesInstalled || !HAS_DOM) return;
  stylesInstalled = true;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(SHELL_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    const style = document.createElement("style");
    style.textContent = SHELL_CSS;
    document.head.append(style);
  }
}

// ---------------------------------------------------------------------------
// Small DOM helpers
// ---------------------------------------------------------------------------

function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text != null) node.textContent = text;
  return node;
}

/** Removes what a previous render left in `target`; keeps <script> children
 * (the inline JSON of <journey-map>). */
function clearTarget(target) {
  for (const child of [...target.childNodes]) {
    if (!(child.nodeType === 1 && child.localName === "script")) child.remove();
  }
}

/** The readable error box: built with textContent, never markup. */
function errorBox(diagnostics) {
  const box = element("div", { class: "jm-error", role: "alert" });
  const count = diagnostics.length;
  box.append(element("p", {}, `This journey map cannot be shown: ${count} ${count === 1 ? "problem" : "problems"}.`));
  const list = element("ul");
  for (const d of diagnostics) {
    const item = element("li");
    if (d.line != null && d.column != null) {
      item.append(element("code", {}, `${d.line}:${d.column}`), " ");
    }
    item.append(`${d.path}: ${d.message}`);
    list.append(item);
  }
  box.append(list);
  return box;
}

/** The core's SVG text as an element of this document. A <template> parses
 * it with the HTML parser (foreign content), two to four times faster than
 * DOMParser's XML parser, and inertly: nothing in it runs or loads until it
 * is in the page. The text comes from the core's escaping writer: every map
 * text in it is already escaped, so this is not markup from the map. */
function parseSvg(svgText) {
  const template = document.createElement("template");
  template.innerHTML = svgText;
  const root = template.content.firstElementChild;
  if (!root || root.localName !== "svg" || template.content.childElementCount !== 1) {
    throw new Error("journeymap: the core produced SVG the browser cannot parse");
  }
  return root;
}

/** A stage header's accessible name must contain the text it shows (WCAG
 * 2.5.3, "label in name": a speech user says what they see). The core
 * labels a header "Stage 2 of 5: Sign up", leaving out the duration and
 * goal it also shows, and writes its lines as adjacent <text>/<tspan>
 * elements with nothing between them, so a name computed from the content
 * runs lines together ("Sign up5 minutes"). Here, a space goes between the
 * header's lines (outside a <text> it is not drawn; between two tspans it is
 * an invisible trailing space), and the label becomes the shown text
 * followed by the position: "Sign up, 5 minutes, Goal, Create an account
 * quickly (stage 2 of 5)". */
function nameStagesByTheirText(svg, stages) {
  for (const header of svg.querySelectorAll(".jm-stage")) {
    const parts = [];
    for (const text of header.querySelectorAll("text")) {
      const lines = [...text.querySelectorAll("tspan")];
      for (const line of lines.slice(1)) line.before(" ");
      if (text.previousElementSibling?.localName === "text") text.before(" ");
      parts.push(lines.map((line) => line.textContent.trim()).join(" "));
    }
    const index = Number(header.dataset.stageIndex);
    const shown = parts.filter(Boolean).join(", ");
    if (shown) header.setAttribute("aria-label", `${shown} (stage ${index + 1} of ${stages.length})`);
  }
}

const reducedMotion = () =>
  typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;

// ---------------------------------------------------------------------------
// The URL hash: which stage of which map is zoomed
// ---------------------------------------------------------------------------
//
// One map on the page: `#stage=ID`. Several: `#stage=N:ID`, N the map's
// 1-based position in document order among the page's maps (<journey-map>
// elements and the targets of JourneyMap.render), leaving out those with
// hash turned off. A plain `#stage=ID` on a page with several maps zooms the
// first map that has such a stage. Stage ids never contain `:`.

/** Live views, and the view in each host element. */
const views = new Set();
const viewsByHost = new WeakMap();

function hashHosts() {
  const hosts = new Set();
  if (HAS_DOM) {
    for (const el of document.querySelectorAll("journey-map:not([nohash])")) hosts.add(el);
  }
  for (const view of views) if (view._hash) hosts.add(view.host);
  return [...hosts]
    .filter((host) => host.isConnected)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

function readHash() {
  if (!HAS_DOM) return null;
  const match = /^#stage=(?:(\d+):)?([A-Za-z0-9_-]{1,64})$/.exec(location.hash);
  return match ? { map: match[1] ? Number(match[1]) : null, stage: match[2] } : null;
}

/** The stage id the hash asks `view` to show, or null. */
function hashStageFor(view) {
  const wanted = readHash();
  if (!wanted || !view._hash) return null;
  const hosts = hashHosts();
  if (wanted.map != null) return hosts[wanted.map - 1] === view.host ? wanted.stage : null;
  // A plain `#stage=ID`: the first map (in document order) with that stage.
  for (const host of hosts) {
    const other = viewsByHost.get(host);
    if (other && other._hash && other._stageIndex(wanted.stage) >= 0) return other === view ? wanted.stage : null;
  }
  return null;
}

function hashTargets(view) {
  const wanted = readHash();
  return wanted != null && hashStageFor(view) === wanted.stage;
}

function writeHash(hash) {
  const url = location.pathname + location.search + hash;
  try {
    // replaceState: moving between stages should not fill the history, and
    // it does not fire hashchange (which would loop back here).
    history.replaceState(history.state, "", url || location.pathname);
  } catch {
    // Some browsers refuse replaceState on file:// pages.
    if (hash) location.replace(hash);
  }
}

function onHashChange() {
  for (const view of views) {
    const stage = hashStageFor(view);
    if (stage != null && stage !== view.stage) view._followHash(stage, true);
  }
}

/** The view whose move last wrote the hash (not one that followed it). */
let hashWriter = null;

/** `#stage=ID`, or `#stage=N:ID` when several maps follow the hash. */
function hashFor(view, stageId) {
  const hosts = hashHosts();
  return hosts.length > 1 ? `#stage=${hosts.indexOf(view.host) + 1}:${stageId}` : `#stage=${stageId}`;
}

/** When a map joins the page, the hash the reader's last move wrote is
 * written again with that map's new number. */
function renumberHash() {
  const writer = hashWriter;
  if (!writer || !views.has(writer) || writer.stage == null || readHash() == null) return;
  const hash = hashFor(writer, writer.stage);
  if (location.hash !== hash) writeHash(hash);
}

/** A new map changes the numbering of `#stage=N:ID` (a map that
 * `JourneyMap.render` draws after load may come first in the document):
 * the maps the reader has not moved yet follow the hash again, so a shared
 * link opens the map it names, and only that one. */
function onMapAdded(added) {
  for (const view of views) {
    if (view === added || !view._untouched) continue;
    const stage = hashStageFor(view);
    if (stage != null && stage !== view.stage) view._followHash(stage, false);
    else if (stage == null && view._zoomedByHash) view._followHash(null, false);
  }
}

if (HAS_DOM) addEventListener("hashchange", onHashChange);

// ---------------------------------------------------------------------------
// The view: one rendered map, its zoom and its events
// ---------------------------------------------------------------------------

const ANIMATION_MS = 250; // well within the 300 ms asked for
const MIN_READABLE_PX = 12.05; // the zoomed stage's smallest text, in CSS px (12, and room for rounding)
const MAX_SCALE = 8; // how far +, wheel and pinch may zoom in, in px per unit

class View {
  constructor(host, rendered, options) {
    this.host = host;
    this.info = rendered.info;
    this.idPrefix = rendered.prefix;
    this._svgText = rendered.svg;
    this._hash = options.hash !== false;
    this._stage = null; // index of the zoomed stage, or null
    this._box = null; // the current viewBox as numbers; null = the overview
    this._animation = null;
    this._listeners = [];
    this._pointers = new Map();
    // Until the reader (or the page's script) moves the view, it may follow
    // a hash that a later map renumbers (onMapAdded).
    this._untouched = true;
    this._zoomedByHash = false;
    this._followingHash = false;

    installStyles();
    this.svg = parseSvg(rendered.svg);
    // The exact starting viewBox, restored character for character.
    this._overviewViewBox = this.svg.getAttribute("viewBox");
    // The viewport decides the size: the SVG fills it.
    this.svg.removeAttribute("width");
    this.svg.removeAttribute("height");
    nameStagesByTheirText(this.svg, this.info.stages);

    const themeClass = this.svg.classList.contains("jm-theme-dark")
      ? "jm-ui-dark"
      : this.svg.classList.contains("jm-theme-light")
        ? "jm-ui-light"
        : "jm-ui-auto";
    this.element = element("div", { class: `jm-view ${themeClass}` });
    this._buildToolbar();
    this.viewport = element("div", { class: "jm-viewport" });
    this.setHeight(options.height);
    this.viewport.append(this.svg);
    this.element.append(this.toolbar, this.viewport);
    clearTarget(host);
    host.append(this.element);

    this._listen();
    views.add(this);
    viewsByHost.set(host, this);
    this._updateControls();

    // Initial zoom: the hash wins over the `stage` option (a shared link is
    // the more specific wish); both are applied at once, without animation.
    renumberHash();
    const fromHash = hashStageFor(this);
    if (fromHash != null) this._followHash(fromHash, false);
    else if (options.stage != null) this._startAt(options.stage);
    onMapAdded(this);
  }

  /** Shows what the hash asks for (a stage id, or null: the overview)
   * without counting as the reader's move. */
  _followHash(stage, animate) {
    this._startAt(stage, animate);
    this._zoomedByHash = stage != null;
  }

  /** Zooms to `stage` (null: the overview) as a starting view, not a move
   * of the reader's. */
  _startAt(stage, animate = false) {
    this._followingHash = true;
    try {
      if (stage == null) this.overview({ animate });
      else if (this._stageIndex(stage) >= 0) this.zoomToStage(stage, { animate });
    } finally {
      this._followingHash = false;
    }
  }

  /** The id of the zoomed stage, or null in the overview. */
  get stage() {
    return this._stage == null ? null : this.info.stages[this._stage].id;
  }

  /** The map's stages: `{index, id, name, header, zoom, hasDetail}`. */
  get stages() {
    return this.info.stages;
  }

  /** The viewport height: a number (px) or a CSS length; by default the
   * map's own aspect ratio, within min/max heights. */
  setHeight(height) {
    const style = this.viewport.style;
    if (height != null && height !== "") {
      const value = typeof height === "number" || /^\d+(\.\d+)?$/.test(height) ? `${height}px` : String(height);
      style.aspectRatio = "";
      style.height = value;
      style.maxHeight = "none";
    } else {
      style.height = "";
      style.maxHeight = "";
      style.aspectRatio = `${this.info.width} / ${this.info.height}`;
    }
    // The overview is never drawn larger than the map's own size: a small
    // map stays small rather than blown up to the page's width.
    style.maxWidth = `${this.info.width}px`;
    if (this._box) this._refit();
  }

  _buildToolbar() {
    this.toolbar = element("div", { class: "jm-toolbar", role: "group", "aria-label": "Map view" });
    const button = (cls, label, text, action) => {
      const b = element("button", { type: "button", class: cls, "aria-label": label }, text);
      b.addEventListener("click", action);
      return b;
    };
    this._backButton = button("jm-overview", "Back to the whole map", "← Whole map", () =>
      this.overview({ focus: true }),
    );
    this._where = element("span", { class: "jm-where", role: "status" });
    this._prevButton = button("jm-prev", "Previous stage", "‹", () => this._step(-1));
    this._nextButton = button("jm-next", "Next stage", "›", () => this._step(1));
    const zoomOut = button("jm-zoom-out", "Zoom out", "−", () => this._zoomBy(1 / 1.4));
    const zoomIn = button("jm-zoom-in", "Zoom in", "+", () => this._zoomBy(1.4));
    this.toolbar.append(this._backButton, this._where, this._prevButton, this._nextButton, zoomOut, zoomIn);
  }

  _updateControls() {
    const stages = this.info.stages;
    const zoomed = this._box != null;
    this._backButton.hidden = !zoomed;
    this._prevButton.hidden = this._stage == null;
    this._nextButton.hidden = this._stage == null;
    this._prevButton.disabled = this._stage === 0;
    this._nextButton.disabled = this._stage === stages.length - 1;
    this.viewport.classList.toggle("jm-zoomed", zoomed);
    this._where.textContent =
      this._stage != null
        ? `Stage ${this._stage + 1} of ${stages.length}: ${stages[this._stage].name}`
        : zoomed
          ? "Zoomed in"
          : "Whole map: select a stage to zoom in";
  }

  _stageIndex(idOrIndex) {
    if (typeof idOrIndex === "number") return idOrIndex >= 0 && idOrIndex < this.info.stages.length ? idOrIndex : -1;
    return this.info.stages.findIndex((s) => s.id === idOrIndex);
  }

  // --- geometry ------------------------------------------------------------

  _size() {
    const r = this.viewport.getBoundingClientRect();
    return { w: r.width, h: r.height };
  }

  /** What the overview shows, as a box of the viewport's aspect ratio (the
   * SVG centres the map in the viewport: preserveAspectRatio xMidYMid meet). */
  _overviewBox() {
    const { width: W, height: H } = this.info;
    const { w, h } = this._size();
    if (!w || !h) return { x: 0, y: 0, w: W, h: H };
    const aspect = w / h;
    if (W / H > aspect) return { x: 0, y: (H - W / aspect) / 2, w: W, h: W / aspect };
    return { x: (W - H * aspect) / 2, y: 0, w: H * aspect, h: H };
  }

  /** The box for a stage, width first: the stage's zoom rectangle (its
   * column and detail panel) fills the viewport's width, unless that would
   * leave its smallest text under 12 CSS px, in which case the scale is
   * raised to that and the view starts at the column's left edge. The
   * height follows from the viewport's aspect ratio; what does not fit is
   * reached by panning vertically. */
  _stageBox(index) {
    const { zoom, header } = this.info.stages[index];
    const { w, h } = this._size();
    const minScale = MIN_READABLE_PX / this._smallestText(index);
    // Width first; never under the readable scale; on a very wide screen,
    // no more than 2.5 px a unit (the stage would look blown up).
    const scale = Math.min(Math.max(w / zoom.width, minScale), Math.max(minScale, 2.5));
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

  /** The smallest font size (SVG units) in the stage's detail panel and
   * its cards (their badges included). */
  _smallestText(index) {
    const selector = `.jm-detail[data-stage-index="${index}"] text, .jm-card[data-stage-index="${index}"] text`;
    let smallest = Infinity;
    for (const text of this.svg.querySelectorAll(selector)) {
      const size = parseFloat(text.getAttribute("font-size"));
      if (size > 0) smallest = Math.min(smallest, size);
    }
    return Number.isFinite(smallest) ? smallest : MIN_READABLE_PX;
  }

  /** Everything the view may pan over: the canvas and the detail panels
   * (which may reach past it). */
  _bounds() {
    let x1 = 0;
    let y1 = 0;
    let x2 = this.info.width;
    let y2 = this.info.height;
    for (const s of this.info.stages) {
      x1 = Math.min(x1, s.zoom.x);
      y1 = Math.min(y1, s.zoom.y);
      x2 = Math.max(x2, s.zoom.x + s.zoom.width);
      y2 = Math.max(y2, s.zoom.y + s.zoom.height);
    }
    return { x1, y1, x2, y2 };
  }

  _clamp(box) {
    const b = this._bounds();
    const fit = (start, size, lo, hi) =>
      size >= hi - lo ? lo - (size - (hi - lo)) / 2 : Math.min(Math.max(start, lo), hi - size);
    return { x: fit(box.x, box.w, b.x1, b.x2), y: fit(box.y, box.h, b.y1, b.y2), w: box.w, h: box.h };
  }

  _currentBox() {
    return this._box || this._overviewBox();
  }

  _setViewBox(box) {
    if (box == null) {
      this.svg.setAttribute("viewBox", this._overviewViewBox);
      return;
    }
    const n = (v) => Math.round(v * 1000) / 1000;
    this.svg.setAttribute("viewBox", `${n(box.x)} ${n(box.y)} ${n(box.w)} ${n(box.h)}`);
  }

  /** Moves the view to `target` (null: the overview), animated unless the
   * reader prefers reduced motion. Resolves when it is there. */
  _go(target, animate = true) {
    if (!this._followingHash) {
      this._untouched = false;
      this._zoomedByHash = false;
    }
    if (this._animation) this._animation.cancel();
    const from = this._currentBox();
    const to = target || this._overviewBox();
    this._box = target;
    if (!animate || reducedMotion() || !this.svg.isConnected) {
      this._setViewBox(target);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      let frame = 0;
      const start = performance.now();
      const finish = () => {
        this._animation = null;
        this._setViewBox(target); // the exact end values, overview string included
        resolve();
      };
      this._animation = {
        cancel: () => {
          cancelAnimationFrame(frame);
          this._animation = null;
          resolve();
        },
      };
      const step = (now) => {
        const t = Math.min(1, (now - start) / ANIMATION_MS);
        if (t >= 1) return finish();
        const e = t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2;
        const mix = (a, b) => a + (b - a) * e;
        this._setViewBox({ x: mix(from.x, to.x), y: mix(from.y, to.y), w: mix(from.w, to.w), h: mix(from.h, to.h) });
        frame = requestAnimationFrame(step);
      };
      frame = requestAnimationFrame(step);
    });
  }

  /** After a resize: the same stage (or the same centre and scale). */
  _refit() {
    if (this._box == null) return;
    if (this._stage != null && !this._panned) {
      this._box = this._stageBox(this._stage);
    } else {
      const { w, h } = this._size();
      const old = this._box;
      const scale = this._lastScale || w / old.w;
      const box = { w: w / scale, h: h / scale };
      box.x = old.x + old.w / 2 - box.w / 2;
      box.y = old.y + old.h / 2 - box.h / 2;
      this._box = this._clamp(box);
    }
    this._setViewBox(this._box);
  }

  // --- zooming ---------------------------------------------------------------

  /** Zooms to a stage (by id, or by index when given a number); shows its
   * detail panel. Resolves when the animation ends. */
  zoomToStage(id, { animate = true, focus = false } = {}) {
    const index = this._stageIndex(id);
    if (index < 0) return Promise.reject(new Error(`journeymap: this map has no stage ${JSON.stringify(id)}`));
    const { w, h } = this._size();
    if (!w || !h) {
      // Not laid out yet (hidden, or not in the page): do it when it is.
      this._pendingStage = index;
      return Promise.resolve();
    }
    const changed = this._stage !== index;
    this._stage = index;
    this._panned = false;
    for (const panel of this.svg.querySelectorAll(".jm-detail")) {
      panel.classList.toggle("jm-open", Number(panel.dataset.stageIndex) === index);
    }
    const done = this._go(this._stageBox(index), animate);
    this._lastScale = w / this._box.w;
    this._updateControls();
    if (focus) this._stageHeader(index)?.focus({ preventScroll: true });
    if (changed) this._stageChanged();
    return done;
  }

  /** Back to the whole map, with the exact starting viewBox. */
  overview({ animate = true, focus = false } = {}) {
    this._pendingStage = null;
    const changed = this._stage != null;
    const wasStage = this._stage;
    this._stage = null;
    this._panned = false;
    for (const panel of this.svg.querySelectorAll(".jm-detail.jm-open")) panel.classList.remove("jm-open");
    const done = this._go(null, animate);
    this._updateControls();
    // From the keyboard or the back button (which is now hidden), focus
    // goes back to the header of the stage the reader was in.
    if (focus) this._stageHeader(wasStage)?.focus({ preventScroll: true });
    if (changed) this._stageChanged();
    return done;
  }

  _stageHeader(index) {
    return index == null ? null : this.svg.querySelector(`.jm-stage[data-stage-index="${index}"]`);
  }

  _step(delta) {
    if (this._stage == null) return;
    const next = Math.min(Math.max(this._stage + delta, 0), this.info.stages.length - 1);
    if (next !== this._stage) this.zoomToStage(next, { focus: true });
  }

  /** Zooms by `factor` about a point of the viewport (CSS px from its top
   * left; default its centre). Only the viewBox changes. */
  _zoomBy(factor, px, py, animate = false) {
    const { w, h } = this._size();
    if (!w || !h) return;
    const from = this._currentBox();
    const overview = this._overviewBox();
    let bw = from.w / factor;
    if (bw >= overview.w * 0.999) return void (this._box && this._toOverviewFromZoom());
    bw = Math.max(bw, w / MAX_SCALE);
    const bh = bw * (h / w);
    const fx = (px ?? w / 2) / w;
    const fy = (py ?? h / 2) / h;
    const box = this._clamp({ x: from.x + fx * from.w - fx * bw, y: from.y + fy * from.h - fy * bh, w: bw, h: bh });
    this._panned = true;
    this._lastScale = w / bw;
    this._go(box, animate);
    this._updateControls();
  }

  _toOverviewFromZoom() {
    if (this._stage != null) this.overview({ animate: false });
    else {
      this._go(null, false);
      this._updateControls();
    }
  }

  _panBy(dx, dy) {
    if (this._box == null) return; // the overview shows everything already
    const { w } = this._size();
    const unit = this._box.w / w; // SVG units per CSS px
    this._panned = true;
    this._go(this._clamp({ ...this._box, x: this._box.x - dx * unit, y: this._box.y - dy * unit }), false);
  }

  _stageChanged() {
    const index = this._stage;
    const stage = index == null ? null : this.info.stages[index];
    if (this._hash) {
      if (stage) {
        const hash = hashFor(this, stage.id);
        if (location.hash !== hash) writeHash(hash);
        if (!this._followingHash) hashWriter = this;
      } else if (hashTargets(this)) {
        writeHash("");
        if (hashWriter === this) hashWriter = null;
      }
    }
    this.host.dispatchEvent(
      new CustomEvent("jm-stagechange", {
        bubbles: true,
        detail: { view: this, index, id: stage ? stage.id : null, name: stage ? stage.name : null },
      }),
    );
  }

  // --- input -----------------------------------------------------------------

  _on(target, type, handler, options) {
    target.addEventListener(type, handler, options);
    this._listeners.push(() => target.removeEventListener(type, handler, options));
  }

  _listen() {
    const svg = this.svg;
    const vp = this.viewport;
    const local = (event) => {
      const r = vp.getBoundingClientRect();
      return [event.clientX - r.left, event.clientY - r.top];
    };

    this._on(svg, "click", (event) => {
      if (this._dragged) return; // the end of a drag is not a click
      const header = event.target.closest?.(".jm-stage");
      if (header && svg.contains(header)) this.zoomToStage(Number(header.dataset.stageIndex));
    });

    this._on(this.element, "keydown", (event) => this._onKey(event));

    // Ctrl/⌘ + wheel (and a trackpad pinch, which browsers report as
    // ctrl + wheel) zooms; a plain wheel is left to scroll the page.
    this._on(
      vp,
      "wheel",
      (event) => {
        if (!(event.ctrlKey || event.metaKey)) return;
        event.preventDefault();
        const lines = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
        const [x, y] = local(event);
        this._zoomBy(Math.exp(-event.deltaY * lines * 0.002), x, y);
      },
      { passive: false },
    );

    this._on(vp, "dblclick", (event) => {
      if (event.target.closest?.(".jm-stage")) return; // a double click on a header is two clicks
      const [x, y] = local(event);
      this._zoomBy(2, x, y, true);
    });

    // Drag pans; two pointers pinch.
    this._on(vp, "pointerdown", (event) => {
      if (event.pointerType === "mouse" && event.button !== 0) return;
      this._dragged = false;
      this._pointers.set(event.pointerId, { x: event.clientX, y: event.clientY, x0: event.clientX, y0: event.clientY });
    });
    this._on(vp, "pointermove", (event) => {
      const p = this._pointers.get(event.pointerId);
      if (!p) return;
      if (this._pointers.size === 2) {
        const [a, b] = [...this._pointers.values()];
        const before = Math.hypot(a.x - b.x, a.y - b.y);
        p.x = event.clientX;
        p.y = event.clientY;
        const after = Math.hypot(a.x - b.x, a.y - b.y);
        if (before > 0 && after > 0) {
          const r = vp.getBoundingClientRect();
          this._dragged = true;
          this._zoomBy(after / before, (a.x + b.x) / 2 - r.left, (a.y + b.y) / 2 - r.top);
        }
        return;
      }
      const dx = event.clientX - p.x;
      const dy = event.clientY - p.y;
      if (!this._dragged && Math.hypot(event.clientX - p.x0, event.clientY - p.y0) < 4) return;
      if (!this._dragged) {
        this._dragged = true;
        vp.setPointerCapture?.(event.pointerId);
        vp.classList.add("jm-dragging");
      }
      p.x = event.clientX;
      p.y = event.clientY;
      this._panBy(dx, dy);
    });
    const release = (event) => {
      this._pointers.delete(event.pointerId);
      if (this._pointers.size === 0) vp.classList.remove("jm-dragging");
      // The click that ends a drag comes in this same task; a later click
      // (a tap, or one sent by assistive technology) is a real one.
      if (this._dragged) setTimeout(() => (this._dragged = false));
    };
    this._on(vp, "pointerup", release);
    this._on(vp, "pointercancel", release);

    if (typeof ResizeObserver === "function") {
      this._resizeObserver = new ResizeObserver(() => {
        if (this._pendingStage != null) {
          const { w, h } = this._size();
          if (w && h) {
            const index = this._pendingStage;
            this._pendingStage = null;
            this.zoomToStage(index, { animate: false });
          }
        } else this._refit();
      });
      this._resizeObserver.observe(vp);
    }
  }

  _onKey(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return; // browser shortcuts stay the browser's
    const header = event.target.closest?.(".jm-stage");
    const key = event.key;
    let handled = true;
    if (header && (key === "Enter" || key === " ")) {
      this.zoomToStage(Number(header.dataset.stageIndex), { focus: true });
    } else if (key === "Escape" && this._box != null) {
      this.overview({ focus: true });
    } else if ((key === "ArrowRight" || key === "ArrowLeft") && this._stage != null) {
      this._step(key === "ArrowRight" ? 1 : -1);
    } else if (key.startsWith("Arrow") && this._box != null) {
      const step = 60;
      const d = { ArrowLeft: [step, 0], ArrowRight: [-step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[key];
      this._panBy(d[0], d[1]);
    } else if (key === "+" || key === "=") {
      this._zoomBy(1.4, undefined, undefined, true);
    } else if (key === "-" || key === "_") {
      this._zoomBy(1 / 1.4, undefined, undefined, true);
    } else if (key === "0") {
      if (this._box != null) this.overview({ focus: true });
    } else handled = false;
    if (handled) event.preventDefault();
  }

  // --- export ----------------------------------------------------------------

  /** The map as a standalone SVG document, as rendered (the overview, with
   * no panel open): the same text the core produced. */
  exportSvg() {
    return this._svgText;
  }

  /** The map as a PNG, `scale` pixels per SVG unit (default 2), kept within
   * the canvas limits browsers have (16,384 px a side, 2^28 px in all). */
  async exportPng(scale = 2) {
    const { width: W, height: H } = this.info;
    let s = Number(scale) > 0 ? Number(scale) : 2;
    s = Math.min(s, 16384 / W, 16384 / H, Math.sqrt(268435456 / (W * H)));
    const canvas = element("canvas");
    canvas.width = Math.max(1, Math.floor(W * s));
    canvas.height = Math.max(1, Math.floor(H * s));
    const image = new Image();
    // A data: URL (not a blob: URL) keeps the canvas untainted on file://.
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(this._svgText)}`;
    await image.decode();
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return new Promise((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("journeymap: PNG export failed"))), "image/png"),
    );
  }

  /** Removes the map and every listener the view added. */
  destroy() {
    if (this._animation) this._animation.cancel();
    for (const remove of this._listeners) remove();
    this._listeners = [];
    this._resizeObserver?.disconnect();
    views.delete(this);
    this.element.remove();
    if (viewsByHost.get(this.host) === this) viewsByHost.delete(this.host);
  }
}

// ---------------------------------------------------------------------------
// The API
// ---------------------------------------------------------------------------

function resolveTarget(target) {
  const el = typeof target === "string" ? document.querySelector(target) : target;
  if (!el || el.nodeType !== 1) throw new TypeError("JourneyMap.render: the target must be an element or a selector");
  return el;
}

/**
 * Renders `map` (JSON text or a plain object) into `target`, replacing what
 * a previous render put there. Options: `theme` ("light" | "dark" | "auto"),
 * `idPrefix` (default jm1, jm2 …), `links` (the link schemes to keep as
 * links, some of "http", "https", "mailto"; others show as plain text),
 * `stage` (the stage id to start zoomed to), `height` (px number or CSS
 * length), `hash` (false: leave the URL alone). Resolves to a View; an invalid map rejects with a JourneyMapError
 * (its `diagnostics`) and the target shows the problems instead.
 */
async function render(target, map, options = {}) {
  const host = resolveTarget(target);
  installStyles();
  let rendered;
  try {
    rendered = await renderText(map, options);
  } catch (error) {
    viewsByHost.get(host)?.destroy();
    clearTarget(host);
    const diagnostics = error instanceof JourneyMapError ? error.diagnostics : [diagnostic(String(error?.message || error))];
    host.append(errorBox(diagnostics));
    throw error instanceof JourneyMapError ? error : Object.assign(error, { diagnostics });
  }
  viewsByHost.get(host)?.destroy();
  return new View(host, rendered, options);
}

// ---------------------------------------------------------------------------
// <journey-map>
// ---------------------------------------------------------------------------
//
// <journey-map src="map.json"> or <journey-map><script type="application/json">
// … </script></journey-map>; attributes theme, links, stage, height, nohash; events
// jm-load (detail.view), jm-error (detail.error, detail.diagnostics) and
// jm-stagechange (from the view).

function defineElement() {
  if (typeof customElements === "undefined" || customElements.get("journey-map")) return;

  class JourneyMapElement extends HTMLElement {
    static get observedAttributes() {
      return ["src", "theme", "links", "height", "stage"];
    }

    connectedCallback() {
      if (this._started) return;
      this._started = true;
      // When the script runs in <head>, the parser upgrades this element as
      // soon as it sees the start tag, before its inline JSON child exists:
      // wait until the document is parsed.
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", () => this._load(), { once: true });
      } else {
        queueMicrotask(() => this._load());
      }
    }

    disconnectedCallback() {
      // Moving the element fires disconnect then connect; only a real
      // removal ends the view.
      queueMicrotask(() => {
        if (!this.isConnected) {
          this.view?.destroy();
          this.view = null;
          this._started = false;
          this._observer?.disconnect();
          this._observer = null;
          this._watchedScript = null;
        }
      });
    }

    attributeChangedCallback(name, oldValue, newValue) {
      if (!this._loaded || oldValue === newValue) return;
      if (name === "height") this.view?.setHeight(newValue);
      else if (name === "stage") {
        if (newValue) this.view?.zoomToStage(newValue).catch(() => {});
        else this.view?.overview();
      } else this._load();
    }

    async _source() {
      const src = this.getAttribute("src");
      if (src) {
        if (location.protocol === "file:") {
          throw new JourneyMapError([
            diagnostic(
              `cannot load "${src}" from a page opened from a file: browsers block reading files from file:// pages. ` +
                `Put the map inside the element instead: <journey-map><script type="application/json">{ … }</script></journey-map>, ` +
                `or serve the page over http.`,
              "src",
            ),
          ]);
        }
        let response;
        try {
          // Same origin only: a map is data the page vouches for.
          response = await fetch(new URL(src, document.baseURI), { mode: "same-origin", credentials: "same-origin" });
        } catch (error) {
          throw new JourneyMapError([diagnostic(`cannot load "${src}": ${error.message} (only same-origin maps can be loaded)`, "src")]);
        }
        if (!response.ok) {
          throw new JourneyMapError([diagnostic(`cannot load "${src}": HTTP ${response.status} ${response.statusText}`, "src")]);
        }
        return response.text();
      }
      const script = this.querySelector(':scope > script[type="application/json"]');
      if (!script) {
        throw new JourneyMapError([
          diagnostic('no map: give a src attribute or a <script type="application/json"> child with the map'),
        ]);
      }
      return script.textContent;
    }

    /** After the first load: a page may add the inline map later, or edit
     * its text; either redraws the map. (Not before: while the parser is
     * still writing the child, its text may be incomplete.) */
    _watch() {
      if (this._observer) return;
      const isMap = (node) => node.nodeType === 1 && node.localName === "script" && node.type === "application/json";
      this._observer = new MutationObserver((records) => {
        let changed = false;
        for (const record of records) {
          if (record.target === this) changed ||= [...record.addedNodes, ...record.removedNodes].some(isMap);
          else changed = true; // inside the watched script
        }
        if (changed && !this.hasAttribute("src")) {
          this._watchScript();
          this._load();
        }
      });
      this._observer.observe(this, { childList: true });
      this._watchScript();
    }

    _watchScript() {
      const script = this.querySelector(':scope > script[type="application/json"]');
      if (script && script !== this._watchedScript) {
        this._watchedScript = script;
        this._observer.observe(script, { childList: true, characterData: true, subtree: true });
      }
    }

    async _load() {
      this._watch();
      const ticket = (this._ticket = (this._ticket || 0) + 1);
      let view;
      try {
        const text = await this._source();
        if (ticket !== this._ticket || !this.isConnected) return;
        const options = {
          theme: this.getAttribute("theme") || undefined,
          links: this.hasAttribute("links") ? this.getAttribute("links").split(/[\s,]+/).filter(Boolean) : undefined,
          stage: this.getAttribute("stage") || undefined,
          height: this.getAttribute("height") || undefined,
          hash: !this.hasAttribute("nohash"),
        };
        view = await render(this, text, options);
      } catch (error) {
        if (ticket !== this._ticket) return;
        if (!this.querySelector(":scope > .jm-error")) {
          clearTarget(this);
          this.append(errorBox(error.diagnostics || [diagnostic(String(error.message || error))]));
        }
        this.view = null;
        this._loaded = true;
        this.dispatchEvent(
          new CustomEvent("jm-error", { bubbles: true, detail: { error, diagnostics: error.diagnostics || [] } }),
        );
        return;
      }
      if (ticket !== this._ticket) return view.destroy();
      this.view = view;
      this._loaded = true;
      this.dispatchEvent(new CustomEvent("jm-load", { bubbles: true, detail: { view } }));
    }
  }

  customElements.define("journey-map", JourneyMapElement);
}

defineElement();

// ---------------------------------------------------------------------------
// Mermaid: the importer is a second file, loaded on first use
// ---------------------------------------------------------------------------
//
// The importer would make this script a fifth larger, for something most
// pages never do, so it ships beside it as journeymap-mermaid.js (and .mjs),
// with its own copy of the core built with the importer. `fromMermaid`
// loads it the first time it is called, from the directory this script came
// from:
//   - the classic script adds a <script src> for it. A classic script loads
//     from file:// as well as over http, and is allowed by `script-src 'self'`
//     (a nonce this script was given is passed on). The file registers its
//     small API under Symbol.for("journeymap.mermaid"), the only trace it
//     leaves on the page; its wasm-bindgen glue stays in its own scope.
//   - the ES module imports journeymap-mermaid.mjs by
//     `new URL("./journeymap-mermaid.mjs", import.meta.url)`
//     (IMPORT_COMPANION, which build.mjs defines only in the module).
// A page may also include journeymap-mermaid.js itself; then nothing more is
// loaded.

const COMPANION_KEY = Symbol.for("journeymap.mermaid");
/** This script's own element, known only while it first runs. */
const OWN_SCRIPT =
  HAS_DOM && document.currentScript ? { src: document.currentScript.src, nonce: document.currentScript.nonce } : null;
let companionPromise = null;

function checkedCompanion(companion, from) {
  if (!companion || typeof companion.convert !== "function") {
    throw new Error(`journeymap: ${from} did not provide the Mermaid importer`);
  }
  if (companion.version !== VERSION) {
    throw new Error(
      `journeymap: ${from} is version ${companion.version}, this script is ${VERSION}; serve the files of one build together`,
    );
  }
  return companion;
}

/** The classic script's way: a <script> element for the file beside this one. */
function injectCompanion() {
  return new Promise((resolve, reject) => {
    if (!HAS_DOM || !OWN_SCRIPT || !OWN_SCRIPT.src) {
      reject(
        new Error(
          "journeymap: cannot tell where journeymap-mermaid.js is (journeymap.js was not loaded by a <script src>); " +
            "include journeymap-mermaid.js in the page yourself",
        ),
      );
      return;
    }
    const url = new URL("journeymap-mermaid.js", OWN_SCRIPT.src).href;
    const script = document.createElement("script");
    if (OWN_SCRIPT.nonce) script.nonce = OWN_SCRIPT.nonce;
    script.src = url;
    script.onload = () => {
      script.remove();
      try {
        resolve(checkedCompanion(globalThis[COMPANION_KEY], url));
      } catch (error) {
        reject(error);
      }
    };
    script.onerror = () => {
      script.remove();
      reject(new Error(`journeymap: cannot load the Mermaid importer from ${url} (it ships beside journeymap.js)`));
    };
    (document.head || document.documentElement).append(script);
  });
}

/** The importer's API `{version, convert}`, loading it once. */
function loadCompanion() {
  if (globalThis[COMPANION_KEY]) {
    return Promise.resolve().then(() => checkedCompanion(globalThis[COMPANION_KEY], "journeymap-mermaid.js"));
  }
  if (!companionPromise) {
    companionPromise = IMPORT_COMPANION
      ? IMPORT_COMPANION().then((module) => checkedCompanion(module.default, "journeymap-mermaid.mjs"))
      : injectCompanion();
    // After a failure (offline, a missing file), the next call tries again.
    companionPromise.catch(() => (companionPromise = null));
  }
  return companionPromise;
}

/**
 * Converts a Mermaid `journey` diagram to a map. Resolves to the map, a plain
 * object ready for `render` or `JSON.stringify`; the import's warnings
 * (clamped scores, ignored lines …) are its non-enumerable `warnings` array
 * of diagnostics, which JSON.stringify leaves out. Options: `clamp` (true:
 * scores outside 1–5 are clamped, with a warning, instead of failing). A
 * diagram that cannot be converted rejects with a JourneyMapError whose
 * diagnostics give lines and columns in the Mermaid text; when the importer
 * cannot be loaded, the Error has `diagnostics` too.
 */
async function fromMermaid(text, options = {}) {
  if (typeof text !== "string") {
    throw new JourneyMapError([
      diagnostic(`expected the Mermaid diagram as text, found ${text === null ? "null" : typeof text}`, "journey"),
    ]);
  }
  const bytes = utf8Length(text);
  if (bytes > MAX_DOCUMENT_BYTES) {
    throw new JourneyMapError([
      diagnostic(`the document is ${bytes} bytes; the limit is ${MAX_DOCUMENT_BYTES} bytes (5 MB)`, "journey"),
    ]);
  }
  const pageOptions = {};
  if (options?.clamp !== undefined) pageOptions.clamp = options.clamp;
  let result;
  try {
    const companion = await loadCompanion();
    result = await companion.convert(text, JSON.stringify(pageOptions));
  } catch (error) {
    throw Object.assign(error instanceof Error ? error : new Error(String(error)), {
      diagnostics: [diagnostic(String(error?.message || error))],
    });
  }
  if (!result.ok) throw new JourneyMapError(result.diagnostics);
  Object.defineProperty(result.map, "warnings", { value: result.warnings });
  return result.map;
}

/** The public API (also the ES module's default export). */
const JourneyMap = Object.freeze({
  render,
  renderToString,
  check,
  JourneyMapError,
  View,
  fromMermaid,
  /** Resolves when the wasm core is ready (rendering waits for it anyway). */
  ready: () => core().then(() => undefined),
});
