// The <journey-map> custom element: a map from its `src` or its inline
// JSON child, drawn with render() and redrawn when its attributes or its
// inline map change.
//
// <journey-map src="map.json"> or <journey-map><script type="application/json">
// … </script></journey-map>; attributes theme, links, stage, height, nohash,
// layout (auto by default: stacked when narrower than 600 px, redrawn when
// a resize crosses the thresholds of layouts.js, at the reader's stage); events
// jm-load (detail.view), jm-error (detail.error, detail.diagnostics) and
// jm-stagechange (from the view).

import { clearTarget, errorBox } from "./dom.js";
import { layoutMode, layoutOptions } from "./layouts.js";
import { JourneyMapError, diagnostic } from "./maptext.js";
import { render } from "./render.js";
import { installStyles } from "./styles.js";

/** Defines <journey-map>, unless the page has one already. */
export function defineElement() {
  if (typeof customElements === "undefined" || customElements.get("journey-map")) return;

  class JourneyMapElement extends HTMLElement {
    static get observedAttributes() {
      return ["src", "theme", "links", "height", "stage", "layout"];
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
          this._resized?.disconnect();
          this._resized = null;
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
        const text = await this._source();
        if (ticket !== this._ticket || !this.isConnected) return;
        installStyles(); // before measuring: the element is a block then
        const options = {
          theme: this.getAttribute("theme") || undefined,
          links: this.hasAttribute("links") ? this.getAttribute("links").split(/[\s,]+/).filter(Boolean) : undefined,
          stage: (typeof stage === "string" ? stage : this.getAttribute("stage")) || undefined,
          height: this.getAttribute("height") || undefined,
          hash: !this.hasAttribute("nohash"),
          ...layoutOptions(layoutMode(this.getAttribute("layout")), this, this.view?.layout),
        };
        this._drawn = { layout: options.layout, width: options.width };
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
      // Redrawn in the other layout: the reader's stage wins over the hash,
      // which may name the stage of an earlier move.
      if (typeof stage === "string" && view.stage !== stage) await view.zoomToStage(stage, { animate: false });
      this.view = view;
      this._loaded = true;
      this.dispatchEvent(new CustomEvent("jm-load", { bubbles: true, detail: { view } }));
    }
  }

  customElements.define("journey-map", JourneyMapElement);
}
