// The <journey-map> custom element: a map from its `src` or its inline
// JSON child, drawn with render() and redrawn when its attributes or its
// inline map change.
//
// <journey-map src="map.json"> or <journey-map><script type="application/json">
// … </script></journey-map>, or a pre-rendered map (hydrate.js) that it
// adopts without the core; attributes theme, links, stage, height, measure
// (canvas, the default, or table), nohash, persona, channel, owner (the
// focus: focus.js), layout (auto by default: stacked when narrower than
// 600 px, redrawn when a resize crosses the thresholds of layouts.js, at the
// reader's stage); events jm-load (detail.view), jm-error (detail.error,
// detail.diagnostics), and from the view jm-stagechange, jm-focuschange and
// jm-personachange.

import { PRERENDERED } from "journeymap:build";
import { core, coreConstants } from "./boot.js";
import { clearTarget, docGet, errorBox } from "./dom.js";
import { layoutMode, layoutOptions } from "./layouts.js";
import { JourneyMapError, diagnostic } from "./maptext.js";
import { hydrate } from "./hydrate.js";
import { render } from "./render.js";
import { pageTheme, watchPageTheme } from "./theme.js";
import { installStyles, styleRoot } from "./styles.js";

/** The body of a response as text, read as it streams in and given up as
 * soon as it passes the core's document limit (a 120 MB file is not read
 * whole to be refused). */
async function readLimited(response, src) {
  const { maxDocumentBytes: limit } = await coreConstants();
  const reader = response.body.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      reader.cancel().catch(() => {});
      throw new JourneyMapError([
        diagnostic(`"${src}" is more than ${limit} bytes; the limit is ${limit} bytes (${limit / 1e6} MB)`, "src"),
      ]);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(await new Blob(chunks).arrayBuffer());
}

const FOCUS = ["persona", "channel", "owner"];

/** Defines <journey-map>, unless the page has one already. */
export function defineElement() {
  if (typeof customElements === "undefined" || customElements.get("journey-map")) return;

  class JourneyMapElement extends HTMLElement {
    static get observedAttributes() {
      return ["src", "theme", "links", "height", "stage", "layout", "measure", ...FOCUS];
    }

    connectedCallback() {
      if (this._started) return;
      this._started = true;
      // A map to render: the core starts now, while the page is still
      // parsed (a pre-rendered one needs no core).
      if (!this.hasAttribute(PRERENDERED)) core();
      // A web font that arrived later: render.js drew a new view in place.
      this.addEventListener("jm-relayout", (event) => {
        if (event.target === this) this.view = event.detail.view;
      });
      // When the script runs in <head>, the parser upgrades this element as
      // soon as it sees the start tag, before its inline JSON child exists:
      // wait until the document is parsed.
      if (docGet("readyState") === "loading") {
        EventTarget.prototype.addEventListener.call(document, "DOMContentLoaded", () => this._start(), { once: true });
      } else {
        queueMicrotask(() => this._start());
      }
    }

    /** A pre-rendered map is painted as it is first: it becomes the view
     * after the first frame (adopting it moves and resizes the SVG, which
     * lays all of it out again), so the page paints as soon as it would
     * without the script. A hidden page has no frames to wait for. */
    _start() {
      if (!this.hasAttribute(PRERENDERED) || docGet("visibilityState") === "hidden") return void this._load();
      requestAnimationFrame(() => setTimeout(() => this.isConnected && this._load()));
    }

    disconnectedCallback() {
      // Moving the element fires disconnect then connect; only a real
      // removal ends the view.
      queueMicrotask(() => {
        if (!this.isConnected) {
          this._ticket = (this._ticket || 0) + 1; // a load in flight is dropped
          this._fetching?.abort();
          this.view?.destroy();
          this.view = null;
          this._started = false;
          this._observer?.disconnect();
          this._observer = null;
          this._resized?.disconnect();
          this._resized = null;
          this._watchedScript = null;
        }
      });
    }

    attributeChangedCallback(name, oldValue, newValue) {
      if (oldValue === newValue || !this._ticket || !this.isConnected) return;
      // During the first load, any change starts it again with the new value.
      if (!this._loaded) return void this._load();
      if (name === "height") this.view?.setHeight(newValue);
      else if (name === "stage") {
        if (newValue) this.view?.zoomToStage(newValue).catch(() => {});
        else this.view?.overview();
      } else if (FOCUS.includes(name)) {
        // The attribute set last wins; removing it shows everything.
        this.view?._tryFocus(name, newValue || null);
      } else this._load();
    }

    async _source() {
      // The text of a fenced block that autorun.js made this element of.
      if (this._mapText != null) return this._mapText;
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
        // Same origin only: a map is data the page vouches for (fetch's
        // same-origin mode alone lets data: URLs through).
        const url = new URL(src, docGet("baseURI"));
        if (url.origin !== location.origin) {
          throw new JourneyMapError([diagnostic(`cannot load "${src}": only same-origin maps can be loaded`, "src")]);
        }
        this._fetching?.abort();
        const fetching = (this._fetching = new AbortController());
        let response;
        try {
          response = await fetch(url, { mode: "same-origin", credentials: "same-origin", signal: fetching.signal });
        } catch (error) {
          throw new JourneyMapError([diagnostic(`cannot load "${src}": ${error.message} (only same-origin maps can be loaded)`, "src")]);
        }
        if (!response.ok) {
          throw new JourneyMapError([diagnostic(`cannot load "${src}": HTTP ${response.status} ${response.statusText}`, "src")]);
        }
        return readLimited(response, src);
      }
      this._fetching?.abort();
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

    /** Redraws the map when its width asks for the other layout, or, when
     * stacked, for the same layout at the new width; the reader stays at
     * the stage they were at. */
    _watchWidth() {
      if (this._resized || typeof ResizeObserver !== "function") return;
      let frame = 0;
      this._resized = new ResizeObserver(() => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => {
          const view = this.view;
          if (!view) return;
          const next = layoutOptions(layoutMode(this.getAttribute("layout")), this, view.layout);
          const drawn = this._drawn;
          if (next.layout !== drawn.layout || next.width !== drawn.width) {
            this._load(view.readingStage);
          }
        });
      });
      this._resized.observe(this);
    }

    /** Draws the map; `stage` (an id), when given, is where the reader is. */
    async _load(stage) {
      this._watch();
      this._watchWidth();
      const ticket = (this._ticket = (this._ticket || 0) + 1);
      let view;
      try {
        installStyles(styleRoot(this)); // before measuring: the element is a block then
        const theme = this.getAttribute("theme") || undefined;
        const options = {
          theme,
          pageTheme: theme ? undefined : pageTheme() ?? undefined,
          links: this.hasAttribute("links") ? this.getAttribute("links").split(/[\s,]+/).filter(Boolean) : undefined,
          stage: (typeof stage === "string" ? stage : this.getAttribute("stage")) || undefined,
          height: this.getAttribute("height") || undefined,
          measure: this.getAttribute("measure") || undefined,
          hash: !this.hasAttribute("nohash"),
          ...layoutOptions(layoutMode(this.getAttribute("layout")), this, this.view?.layout),
        };
        for (const name of FOCUS) options[name] = this.getAttribute(name) || undefined;
        // A pre-rendered map is adopted as it is, the first time only, when
        // it was drawn in the layout chosen here.
        const wanted = (info) => theme || (info.theme === "auto" ? options.pageTheme : null);
        view = this._loaded ? null : hydrate(this, wanted, options);
        if (!view) {
          const text = await this._source();
          // A task later: changes that came meanwhile (200 theme flips
          // queued at once) supersede this load before it reaches the core.
          await new Promise((resolve) => setTimeout(resolve));
          if (ticket !== this._ticket || !this.isConnected) return;
          view = await render(this, text, options);
        }
        this._drawn = { layout: options.layout, width: options.width };
      } catch (error) {
        if (ticket !== this._ticket) return;
        if (!this.querySelector(":scope > .jm-error")) {
          clearTarget(this);
          this.append(errorBox(error.diagnostics || [diagnostic(String(error.message || error))], error.words));
        }
        this.view = null;
        this._loaded = true;
        this.dispatchEvent(
          new CustomEvent("jm-error", { bubbles: true, detail: { error, diagnostics: error.diagnostics || [] } }),
        );
        return;
      }
      if (ticket !== this._ticket || !this.isConnected) return view.destroy();
      // Redrawn in the other layout: the reader's stage wins over the hash,
      // which may name the stage of an earlier move.
      if (typeof stage === "string" && view.stage !== stage) await view.zoomToStage(stage, { animate: false });
      this.view = view;
      this._loaded = true;
      this.dispatchEvent(new CustomEvent("jm-load", { bubbles: true, detail: { view } }));
    }
  }

  customElements.define("journey-map", JourneyMapElement);
  // The page switched its own dark mode: the maps drawn for the old one
  // (auto maps without a theme attribute) are drawn again.
  watchPageTheme(() => {
    for (const el of document.querySelectorAll("journey-map:not([theme])")) {
      if (el._loaded && el.view?.info.theme === "auto") el._load();
    }
  });
}
