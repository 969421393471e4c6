// The URL hash: which stage of which map is zoomed, and which persona it
// focuses. One object, `router`, owns the state: the live views, the view
// in each host element, and which view's move last wrote the hash.
//
// One map on the page: `#stage=ID`, `#stage=ID&persona=ID` or
// `#persona=ID`. Several: each part names its map, `#stage=N:ID&persona=N:ID`,
// N the map's 1-based position in document order among the page's maps
// (<journey-map> elements and the targets of JourneyMap.render), leaving
// out those with hash turned off. A hash without N on a page with several
// maps goes to the first map that has such a stage (or, with no stage,
// such a persona). Ids never contain `:` or `&`; whether the text is an id
// at all is the core's rule (`isValidId`).
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
    if (stageId != null || persona(view) != null) {
      const hash = this._hashFor(view, stageId);
      if (this._hash() !== hash) this._write(hash);
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

  /** `{map, stage, persona}` (the ids or null), or null for a hash that
   * is not ours. */
  _read() {
    if (!HAS_DOM) return null;
    const wanted = { map: null, stage: null, persona: null };
    for (const part of this._hash().slice(1).split("&")) {
      const match = /^(stage|persona)=(?:(\d+):)?([^:]*)$/.exec(part);
      if (!match || wanted[match[1]] != null) return null;
      // Before the core starts (pre-rendered maps only), an id is valid
      // when a view has such a stage or persona.
      const valid =
        withStartedCore((wasm) => wasm.isValidId(match[3]), null) ??
        [...this.views].some((view) => view._stageIndex(match[3]) >= 0 || view.info.focus?.personas.includes(match[3]));
      if (!valid) return null;
      wanted[match[1]] = match[3];
      if (match[2]) wanted.map = Number(match[2]);
    }
    return wanted;
  }

  /** Whether the hash (`wanted`, from _read) names `view`'s map. */
  _names(wanted, view) {
    if (!wanted || !view._hash) return false;
    const hosts = this._hosts();
    if (wanted.map != null) return hosts[wanted.map - 1] === view.host;
    // No number: the first map (in document order) with that stage, or
    // with no stage, that persona.
    for (const host of hosts) {
      const other = this.byHost.get(host);
      const has =
        wanted.stage != null ? other?._stageIndex(wanted.stage) >= 0 : other?.info.focus.personas.includes(wanted.persona);
      if (other && other._hash && has) return other === view;
    }
    return false;
  }

  /** The stage id the hash asks `view` to show, or null. */
  _stageFor(view) {
    const wanted = this._read();
    return this._names(wanted, view) ? wanted.stage : null;
  }

  /** The persona id the hash asks `view` to focus, null for none, or
   * undefined when the hash does not name this view. */
  personaFor(view) {
    const wanted = this._read();
    return this._names(wanted, view) ? wanted.persona : undefined;
  }

  _targets(view) {
    return this._names(this._read(), view);
  }

  /** The hash: the one written last, or the URL's. */
  _hash() {
    return this._written ?? location.hash;
  }

  /** Writes the hash to the URL once the task's moves are done: each write
   * costs the browser a walk of the whole page (150 zooms of a map of
   * 20,000 items in one task: 150 writes, most of a second). */
  _write(hash) {
    if (this._written == null) queueMicrotask(() => this._flush());
    this._written = hash;
  }

  _flush() {
    const hash = this._written;
    this._written = null;
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
      const wanted = this.personaFor(view);
      if (wanted !== undefined && wanted !== persona(view)) view._followPersona(wanted);
    }
  }

  /** `#stage=ID&persona=ID` (either part alone when the other is not
   * set), each id as `N:ID` when several maps follow the hash. */
  _hashFor(view, stageId) {
    const hosts = this._hosts();
    const n = hosts.length > 1 ? `${hosts.indexOf(view.host) + 1}:` : "";
    const parts = [];
    if (stageId != null) parts.push(`stage=${n}${stageId}`);
    if (persona(view) != null) parts.push(`persona=${n}${persona(view)}`);
    return `#${parts.join("&")}`;
  }

  /** When a map joins the page, the hash the reader's last move wrote is
   * written again with that map's new number. */
  _renumber() {
    const writer = this.writer;
    if (!writer || !this.views.has(writer) || (writer.stage == null && persona(writer) == null) || this._read() == null) return;
    const hash = this._hashFor(writer, writer.stage);
    if (this._hash() !== hash) this._write(hash);
  }
}

/** The id of the persona `view` focuses, or null. */
const persona = (view) => (view._focus?.kind === "persona" ? view._focus.id : null);

export const router = new HashRouter();
