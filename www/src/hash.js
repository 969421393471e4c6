// The URL hash: which stage of which map is zoomed. One object, `router`,
// owns the state: the live views, the view in each host element, and which
// view's move last wrote the hash.
//
// One map on the page: `#stage=ID`. Several: `#stage=N:ID`, N the map's
// 1-based position in document order among the page's maps (<journey-map>
// elements and the targets of JourneyMap.render), leaving out those with
// hash turned off. A plain `#stage=ID` on a page with several maps zooms the
// first map that has such a stage. Stage ids never contain `:`; whether the
// text is an id at all is the core's rule (`isValidId`).
//
// A view tells the router when it starts (`add`), when its stage changes
// (`stageChanged`) and when it ends (`remove`); the router calls back the
// view's `_followHash(stage, animate)` and `_stageIndex(id)`, and reads its
// `host`, `stage`, `_hash` (whether it follows the hash), `_untouched` and
// `_zoomedByHash`.

import { HAS_DOM, withStartedCore } from "./boot.js";
import { docCall, onWindow } from "./dom.js";

class HashRouter {
  constructor() {
    /** Live views, and the view in each host element. */
    this.views = new Set();
    this.byHost = new WeakMap();
    /** The view whose move last wrote the hash (not one that followed it). */
    this.writer = null;
    if (HAS_DOM) onWindow("hashchange", () => this._onHashChange());
  }

  /** The view shown in `host`, if any. */
  viewIn(host) {
    return this.byHost.get(host);
  }

  /** A view joins the page: the stage the hash asks it for, or null. */
  add(view) {
    this.views.add(view);
    this.byHost.set(view.host, view);
    this._renumber();
    return this._stageFor(view);
  }

  /** After a new view took its starting view: the maps the reader has not
   * moved yet follow the hash again, since the new map may change the
   * numbering of `#stage=N:ID` (a map that `JourneyMap.render` draws after
   * load may come first in the document), so a shared link opens the map
   * it names, and only that one. */
  added(added) {
    for (const view of this.views) {
      if (view === added || !view._untouched) continue;
      const stage = this._stageFor(view);
      if (stage != null && stage !== view.stage) view._followHash(stage, false);
      else if (stage == null && view._zoomedByHash) view._followHash(null, false);
    }
  }

  remove(view) {
    this.views.delete(view);
    if (this.byHost.get(view.host) === view) this.byHost.delete(view.host);
  }

  /** The view's stage changed (stage id or null); `byReader`: a move of
   * the reader's or the page's, not one following the hash. */
  stageChanged(view, stageId, byReader) {
    if (!view._hash) return;
    if (stageId != null) {
      const hash = this._hashFor(view, stageId);
      if (location.hash !== hash) this._write(hash);
      if (byReader) this.writer = view;
    } else if (this._targets(view)) {
      this._write("");
      if (this.writer === view) this.writer = null;
    }
  }

  _hosts() {
    const hosts = new Set();
    if (HAS_DOM) {
      // A live collection, which the browser keeps: a selector query would
      // walk the whole page (20,000 cards of a big map) on every hash change.
      this._elements ??= docCall("getElementsByTagName", "journey-map");
      for (const el of this._elements) if (!el.hasAttribute("nohash")) hosts.add(el);
    }
    for (const view of this.views) if (view._hash) hosts.add(view.host);
    return [...hosts]
      .filter((host) => host.isConnected)
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  _read() {
    if (!HAS_DOM) return null;
    const match = /^#stage=(?:(\d+):)?([^:]*)$/.exec(location.hash);
    if (!match) return null;
    // Before the core starts (pre-rendered maps only), an id is valid when
    // a view has such a stage.
    const valid =
      withStartedCore((wasm) => wasm.isValidId(match[2]), null) ??
      [...this.views].some((view) => view._stageIndex(match[2]) >= 0);
    if (!valid) return null;
    return { map: match[1] ? Number(match[1]) : null, stage: match[2] };
  }

  /** The stage id the hash asks `view` to show, or null. */
  _stageFor(view) {
    const wanted = this._read();
    if (!wanted || !view._hash) return null;
    const hosts = this._hosts();
    if (wanted.map != null) return hosts[wanted.map - 1] === view.host ? wanted.stage : null;
    // A plain `#stage=ID`: the first map (in document order) with that stage.
    for (const host of hosts) {
      const other = this.byHost.get(host);
      if (other && other._hash && other._stageIndex(wanted.stage) >= 0) return other === view ? wanted.stage : null;
    }
    return null;
  }

  _targets(view) {
    const wanted = this._read();
    return wanted != null && this._stageFor(view) === wanted.stage;
  }

  _write(hash) {
    // The whole URL: a path alone that starts with // would be read as
    // another host's.
    const url = new URL(location.href);
    url.hash = hash;
    try {
      // replaceState: moving between stages should not fill the history, and
      // it does not fire hashchange (which would loop back here).
      history.replaceState(history.state, "", hash ? url.href : url.href.replace(/#$/, ""));
    } catch {
      // Some browsers refuse replaceState on file:// pages.
      if (hash) location.replace(hash);
    }
  }

  _onHashChange() {
    for (const view of this.views) {
      const stage = this._stageFor(view);
      if (stage != null && stage !== view.stage) view._followHash(stage, true);
    }
  }

  /** `#stage=ID`, or `#stage=N:ID` when several maps follow the hash. */
  _hashFor(view, stageId) {
    const hosts = this._hosts();
    return hosts.length > 1 ? `#stage=${hosts.indexOf(view.host) + 1}:${stageId}` : `#stage=${stageId}`;
  }

  /** When a map joins the page, the hash the reader's last move wrote is
   * written again with that map's new number. */
  _renumber() {
    const writer = this.writer;
    if (!writer || !this.views.has(writer) || writer.stage == null || this._read() == null) return;
    const hash = this._hashFor(writer, writer.stage);
    if (location.hash !== hash) this._write(hash);
  }
}

export const router = new HashRouter();
