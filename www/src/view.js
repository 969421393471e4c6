// The view: one rendered map in the page, its toolbar, its zoom and its
// events. It finds the SVG's stage headers and detail panels by the class
// names the core hands over (`constants().classes`, declared in
// src/render/classes.rs) and frames stages with the boxes the core's render
// info gives; the maths of the boxes is camera.js, the URL hash hash.js.
// A stacked map (layouts.js) is not zoomed: the page scrolls to a stage's
// section, and the SVG is drawn at its own size.

import { startedConstants } from "./boot.js";
import * as camera from "./camera.js";
import { clearTarget, element, parseSvg, reducedMotion, spaceHeaderLines } from "./dom.js";
import { markButtons, setFocus, stackCurves, toggleAt } from "./focus.js";
import { router } from "./hash.js";
import { onKey } from "./keys.js";
import { scrollToSection, sectionInView } from "./layouts.js";
import { PART, cut, drawParts } from "./parts.js";
import { pngOf } from "./png.js";
import { unprintable } from "./print.js";
import { adoptSheet, dropSheet, installStyles, setViewColours, styleRoot } from "./styles.js";
import { buildToolbar, updateControls } from "./toolbar.js";

const ANIMATION_MS = 250; // well within the 300 ms asked for
/** The tallest viewport a `height` may ask for, in CSS px (the canvas
 * limit browsers have on a side). */
const MAX_HEIGHT_PX = 16384;

export class View {
  constructor(host, rendered, options) {
    this._classes = rendered.classes ?? startedConstants().classes;
    this.host = host;
    this.info = rendered.info;
    this.idPrefix = rendered.prefix;
    this._svgText = rendered.svg;
    this._hash = options.hash !== false;
    /** "wide" or "stacked": the layout the core drew. */
    this.layout = rendered.info.layout;
    this._stacked = this.layout === "stacked";
    this._stage = null; // index of the zoomed stage, or null
    this._box = null; // the current viewBox as numbers; null = the overview
    this._animation = null;
    this._moved = Promise.resolve(); // the last move's promise (settled())
    this._listeners = [];
    this._pointers = new Map();
    // Until the reader (or the page's script) moves the view, it may follow
    // a hash that a later map renumbers (router.added).
    this._untouched = true;
    this._zoomedByHash = false;
    this._followingHash = false;

    this._styleRoot = styleRoot(host);
    installStyles(this._styleRoot);
    // A big map's SVG starts as a skeleton, and its parts come one a frame
    // (parts.js); `parts` settles when all are in.
    const { skeleton, parts } = !rendered.svgElement && rendered.svg.length > 2 * PART ? cut(rendered.svg) : {};
    this.svg = rendered.svgElement ?? parseSvg(skeleton ?? rendered.svg);
    // The SVG's own rules move into a constructed sheet of the root it is
    // drawn in, which a page's style-src does not govern; exportSvg() keeps
    // the <style> element.
    const style = this.svg.querySelector(":scope > style");
    this._sheet = style && adoptSheet(this._styleRoot, style.textContent);
    if (this._sheet) style.remove();
    // The exact starting viewBox, restored character for character.
    this._overviewViewBox = this.svg.getAttribute("viewBox");
    // The viewport decides the size: the SVG fills it.
    this.svg.removeAttribute("width");
    this.svg.removeAttribute("height");
    spaceHeaderLines(this.svg, this._classes);

    const themeClass = this.svg.classList.contains(this._classes.themeDark)
      ? "jm-ui-dark"
      : this.svg.classList.contains(this._classes.themeLight)
        ? "jm-ui-light"
        : "jm-ui-auto";
    // The view speaks the map's language: its toolbar's words and the map's
    // texts are read (and their glyphs chosen) in it.
    this.element = element("div", {
      class: `jm-view ${themeClass}${this._stacked ? " jm-stacked-view" : ""}`,
      lang: this.info.words.lang,
    });
    setViewColours(this.element, this.info.palette);
    this._buildToolbar();
    this.viewport = element("div", { class: "jm-viewport" });
    this.element.append(this.toolbar, this.viewport);
    clearTarget(host);
    host.append(this.element);
    // A pre-rendered map keeps the height it had (`rendered.height`: no
    // layout shift), the toolbar's room taken from the viewport; the
    // toolbar is measured before the SVG is in, since a size read after
    // that would lay the whole SVG out once more.
    this.setHeight(rendered.height > 0 ? Math.max(0, rendered.height - this.toolbar.offsetHeight) : options.height);
    this.viewport.append(this.svg);

    this._focus = null; // {kind, index, id} of focus.js, or null
    markButtons(this);
    this._listen();
    this._updateControls();

    // Initial zoom: the hash wins over the `stage` option (a shared link is
    // the more specific wish); both are applied at once, without animation.
    const fromHash = router.add(this);
    // The focus the hash asks for wins over the options, as the stage does.
    const persona = router.personaFor(this);
    if (fromHash != null) this._followHash(fromHash, false);
    else if (options.stage != null) this._startAt(options.stage);
    router.added(this);
    for (const kind of ["persona", "channel", "owner"]) {
      if (options[kind] != null && options[kind] !== "" && persona == null) this._tryFocus(kind, options[kind]);
    }
    if (persona != null) this._followPersona(persona);
    const prepare = (nodes) => spaceHeaderLines(nodes, this._classes);
    this.parts = parts && drawParts(this.svg, rendered.svg, parts, prepare, () => this._destroyed).then((all) => all && this._drawn());
  }

  /** Once a big map's last part is in: what was set up on its skeleton
   * alone, set up again on the whole. */
  _drawn() {
    markButtons(this);
    if (this._focus) stackCurves(this);
    this._panels = this._panel = null;
    this._openPanel(this._stage);
  }

  /** Shows what the hash asks for (a stage id, or null: the overview)
   * without counting as the reader's move. */
  _followHash(stage, animate) {
    this._startAt(stage, animate);
    this._zoomedByHash = stage != null;
  }

  /** Focuses what the hash asks for (a persona id, or null: no persona). */
  _followPersona(persona) {
    this._followingHash = true;
    try {
      if (persona != null) this._tryFocus("persona", persona);
      else if (this._focus?.kind === "persona") setFocus(this, "persona", null);
    } finally {
      this._followingHash = false;
    }
  }

  /** A focus a page or link asked for: an unknown id is a warning. */
  _tryFocus(kind, key) {
    try {
      setFocus(this, kind, key);
    } catch (error) {
      console.warn(error.message);
    }
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

  /** The stage the reader is at: the zoomed one, or in a stacked map the
   * section in view (null above the first). */
  get readingStage() {
    if (!this._stacked) return this.stage;
    const { stage } = this._classes;
    const index = sectionInView([...this.svg.querySelectorAll(`.${stage}`)]);
    return index == null ? null : this.info.stages[index].id;
  }

  /** The map's stages, as the core describes them (journeymap.d.ts, StageInfo). */
  get stages() {
    return this.info.stages;
  }

  /** Shows one persona (by id; null: every persona), dimming the others'
   * curves, points, markers and cards; the same for a channel (by id) and
   * an owner (by name). One focus at a time; see focus.js. */
  focusPersona(id) {
    return setFocus(this, "persona", id);
  }

  focusChannel(id) {
    return setFocus(this, "channel", id);
  }

  focusOwner(name) {
    return setFocus(this, "owner", name);
  }

  /** What is focused: `{kind: "persona" | "channel" | "owner", id}`, or null. */
  get focus() {
    return this._focus && { kind: this._focus.kind, id: this._focus.id };
  }

  /** The viewport height: a number (px) or a CSS length; by default the
   * map's own aspect ratio, within min/max heights. */
  setHeight(height) {
    const style = this.viewport.style;
    // A stacked map is as tall as its sections: the page scrolls, not the map.
    if (height != null && height !== "" && !this._stacked) {
      const value =
        typeof height === "number" || /^\d+(\.\d+)?$/.test(height)
          ? `${Math.min(Number(height), MAX_HEIGHT_PX)}px`
          : `min(${height}, ${MAX_HEIGHT_PX}px)`;
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
    buildToolbar(this);
  }

  _updateControls() {
    updateControls(this);
  }

  _stageIndex(idOrIndex) {
    if (typeof idOrIndex === "number") return idOrIndex >= 0 && idOrIndex < this.info.stages.length ? idOrIndex : -1;
    return this.info.stages.findIndex((s) => s.id === idOrIndex);
  }

  /** The stage index an element of the SVG carries, or NaN. */
  _indexOf(el) {
    return Number(el.getAttribute(this._classes.stageIndex));
  }

  /** The stage header of the SVG that `target` is in, or null. */
  _headerAt(target) {
    return target.closest?.(`.${this._classes.stage}`) ?? null;
  }

  // --- geometry ------------------------------------------------------------

  /** The viewport's size: as the ResizeObserver last saw it (measuring
   * after each viewBox change would lay the whole SVG out again, which on
   * a 20,000-item map costs tens of ms a zoom), or measured before that. */
  _size() {
    if (this._measured) return this._measured;
    const r = this.viewport.getBoundingClientRect();
    return { w: r.width, h: r.height };
  }

  _overviewBox() {
    return camera.overviewBox(this.info, this._size());
  }

  _bounds() {
    return camera.bounds(this.info);
  }

  _currentBox() {
    return this._box || this._overviewBox();
  }

  _setViewBox(box) {
    if (this._printing) return; // print.js shows the whole map until afterprint
    this.svg.setAttribute("viewBox", box == null ? this._overviewViewBox : camera.viewBoxText(box));
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
      return (this._moved = Promise.resolve());
    }
    return (this._moved = new Promise((resolve) => {
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
        this._setViewBox(camera.between(from, to, t));
        frame = requestAnimationFrame(step);
      };
      frame = requestAnimationFrame(step);
    }));
  }

  /** Resolves when the view has stopped moving: at once, or when the
   * animation of the last move (a click, a key, the hash) ends. */
  async settled() {
    let last;
    do {
      last = this._moved;
      await last;
    } while (last !== this._moved);
  }

  /** After a resize: the same stage (or the same centre and scale). */
  _refit() {
    if (this._box == null || this._printing) return;
    if (this._stage != null && !this._panned) {
      this._box = camera.stageBox(this.info.stages[this._stage], this._size());
    } else {
      const size = this._size();
      this._box = camera.refit(this._box, this._lastScale || size.w / this._box.w, size, this._bounds());
    }
    this._setViewBox(this._box);
  }

  // --- zooming ---------------------------------------------------------------

  /** Zooms to a stage (by id, or by index when given a number); shows its
   * detail panel. Resolves when the animation ends. */
  zoomToStage(id, { animate = true, focus = false } = {}) {
    const index = this._stageIndex(id);
    if (index < 0) return Promise.reject(new Error(`journeymap: this map has no stage ${JSON.stringify(id)}`));
    const size = this._size();
    if (!size.w || !size.h) {
      // Not laid out yet (hidden, or not in the page): do it when it is.
      this._pendingStage = index;
      return Promise.resolve();
    }
    const changed = this._stage !== index;
    this._stage = index;
    this._panned = false;
    if (this._stacked) {
      // Every section shows its details already: scroll to it.
      scrollToSection(this._stageHeader(index), animate && !reducedMotion());
      this._updateControls();
      if (focus) this._stageHeader(index)?.focus({ preventScroll: true });
      if (changed) this._stageChanged();
      return (this._moved = Promise.resolve());
    }
    this._openPanel(index);
    const done = this._go(camera.stageBox(this.info.stages[index], size), animate);
    this._lastScale = size.w / this._box.w;
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
    this._openPanel(null);
    // Stacked, back to the whole map is back to its top, when the reader
    // asks (not when the view starts).
    if (this._stacked && focus) this.element.scrollIntoView({ block: "start" });
    const done = this._stacked ? Promise.resolve() : this._go(null, animate);
    this._updateControls();
    // From the keyboard or the back button (which is now hidden), focus
    // goes back to the header of the stage the reader was in.
    if (focus) this._stageHeader(wasStage)?.focus({ preventScroll: true });
    if (changed) this._stageChanged();
    return done;
  }

  /** Opens the detail panel of stage `index` (null: none), touching only
   * the panel that closes and the one that opens; the panels are found once
   * (on a map of 20,000 items, a search of the whole SVG on every zoom is
   * what costs). */
  _openPanel(index) {
    const { detail, open } = this._classes;
    this._panels ??= new Map([...this.svg.querySelectorAll(`.${detail}`)].map((p) => [this._indexOf(p), p]));
    const panel = index == null ? null : (this._panels.get(index) ?? null);
    if (panel === this._panel) return;
    this._panel?.classList.remove(open);
    panel?.classList.add(open);
    this._panel = panel;
  }

  _stageHeader(index) {
    const { stage, stageIndex } = this._classes;
    return index == null ? null : this.svg.querySelector(`.${stage}[${stageIndex}="${index}"]`);
  }

  _step(delta) {
    if (this._stage == null) return;
    const next = Math.min(Math.max(this._stage + delta, 0), this.info.stages.length - 1);
    if (next !== this._stage) this.zoomToStage(next, { focus: true });
  }

  /** Zooms by `factor` about a point of the viewport (CSS px from its top
   * left; default its centre). Only the viewBox changes. */
  _zoomBy(factor, px, py, animate = false) {
    const size = this._size();
    if (!size.w || !size.h || this._stacked) return;
    const box = camera.zoomAbout(this._currentBox(), factor, size, this._overviewBox(), this._bounds(), px, py);
    if (box == null) return void (this._box && this._toOverviewFromZoom());
    this._panned = true;
    this._lastScale = size.w / box.w;
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
    this._panned = true;
    this._go(camera.panBy(this._box, dx, dy, this._size(), this._bounds()), false);
  }

  _stageChanged() {
    if (this._destroyed) return;
    const index = this._stage;
    const stage = index == null ? null : this.info.stages[index];
    router.stageChanged(this, stage ? stage.id : null, !this._followingHash);
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
      if (toggleAt(this, event.target)) return;
      const header = this._headerAt(event.target);
      if (header && svg.contains(header)) this.zoomToStage(this._indexOf(header));
    });

    this._on(this.element, "keydown", (event) => this._onKey(event));

    // Ctrl/⌘ + wheel (and a trackpad pinch, which browsers report as
    // ctrl + wheel) zooms; a plain wheel is left to scroll the page.
    this._on(
      vp,
      "wheel",
      (event) => {
        if (!(event.ctrlKey || event.metaKey) || this._stacked) return;
        event.preventDefault();
        const lines = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
        const [x, y] = local(event);
        this._zoomBy(Math.exp(-event.deltaY * lines * 0.002), x, y);
      },
      { passive: false },
    );

    this._on(vp, "dblclick", (event) => {
      if (this._headerAt(event.target)) return; // a double click on a header is two clicks
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
      }
      p.x = event.clientX;
      p.y = event.clientY;
      this._panBy(dx, dy);
    });
    const release = (event) => {
      this._pointers.delete(event.pointerId);
      // The click that ends a drag comes in this same task; a later click
      // (a tap, or one sent by assistive technology) is a real one.
      if (this._dragged) setTimeout(() => (this._dragged = false));
    };
    this._on(vp, "pointerup", release);
    this._on(vp, "pointercancel", release);

    if (typeof ResizeObserver === "function") {
      this._resizeObserver = new ResizeObserver(() => {
        // A target the page took out (it fires then, its size gone to 0)
        // ends its view, as destroy() does.
        if (!this.host.isConnected) return void (this._connected && this.destroy());
        this._connected = true;
        this._measured = null;
        this._measured = this._size();
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
    onKey(this, event);
  }

  // --- export ----------------------------------------------------------------

  /** The map as a standalone SVG document, as rendered (the overview, with
   * no panel open): the same text the core produced. */
  exportSvg() {
    return this._svgText;
  }

  /** The map as a PNG, `scale` pixels per SVG unit (default 2), kept within
   * 16,384 px a side (browsers' canvas limit) and 2^26 px in all (drawing
   * more stalls the page for seconds). A map too large for that at one
   * pixel per unit, where its text would be unreadable, is refused. */
  async exportPng(scale = 2) {
    return pngOf(this._svgText, this.info.width, this.info.height, scale);
  }

  /** Removes the map and every listener the view added. */
  destroy() {
    this._destroyed = true;
    if (this._sheet) dropSheet(this._styleRoot, this._sheet);
    this._sheet = null;
    if (this._animation) this._animation.cancel();
    for (const remove of this._listeners) remove();
    this._listeners = [];
    this._resizeObserver?.disconnect();
    router.remove(this);
    unprintable(this);
    this.element.remove();
  }
}
