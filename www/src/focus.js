// Focus: one persona, channel or owner shown at full strength and the rest
// dimmed, one at a time. The core draws all of it (src/render/style.rs: one
// rule per persona, channel and owner under the root's class
// `jm-focus-persona-N` …; the names come from src/render/classes.rs as
// `constants().classes`); this module only sets that class on the root,
// moves the focused persona's curve last (SVG paints in document order, so
// it lies on top), keeps `aria-pressed` on the buttons that focus, and tells
// the page: `jm-focuschange` on every change, `jm-personachange` when the
// focused persona changes. Ids are looked up in the render info's `focus`
// lists (persona ids, channel ids, owner names, in index order).

import { router } from "./hash.js";

const KINDS = ["persona", "channel", "owner"];
const same = (a, b) => a?.kind === b?.kind && a?.index === b?.index;

/** Focuses `view` on the `kind` named `key` (null: nothing). An unknown
 * key throws a RangeError naming the known ones. Returns whether the focus
 * changed. */
export function setFocus(view, kind, key) {
  const list = view.info.focus[`${kind}s`];
  const index = key == null ? -1 : list.indexOf(String(key));
  if (key != null && index < 0) {
    const known = list.length ? `expected one of ${list.map((k) => JSON.stringify(k)).join(", ")}` : `it has no ${kind}s`;
    throw new RangeError(`journeymap: this map has no ${kind} ${JSON.stringify(key)}; ${known}`);
  }
  const next = index < 0 ? null : { kind, index, id: list[index] };
  const was = view._focus;
  if (same(was, next)) return false;
  const c = view._classes;
  const name = (f) => c[`focus${f.kind[0].toUpperCase()}${f.kind.slice(1)}`] + f.index;
  const root = view.svg.classList;
  if (was) root.remove(c.focus, name(was));
  if (next) root.add(c.focus, name(next));
  view._focus = next;
  markButtons(view);
  const emit = (type, detail) => view.host.dispatchEvent(new CustomEvent(type, { bubbles: true, detail: { view, ...detail } }));
  emit("jm-focuschange", { kind: next?.kind ?? null, id: next?.id ?? null, index: next?.index ?? null });
  const top = personaOf(next);
  if (personaOf(was) === top) return true;
  stackCurves(view);
  emit("jm-personachange", { id: top < 0 ? null : next.id, index: top < 0 ? null : top });
  router.stageChanged(view, view.stage, !view._followingHash);
  return true;
}

/** The index of the persona a focus is on, or -1. */
const personaOf = (focus) => (focus?.kind === "persona" ? focus.index : -1);

/** The curves in persona order, the focused persona's last (on top). */
export function stackCurves(view) {
  const c = view._classes;
  const top = personaOf(view._focus);
  const rank = (g) => {
    const p = Number(g.getAttribute(c.personaIndex));
    return p === top ? 1e6 : p;
  };
  const curves = [...view.svg.querySelectorAll(`.${c.curveGroup}`)];
  for (const g of curves.sort((a, b) => rank(a) - rank(b))) g.parentNode.append(g);
}

/** `aria-pressed` on every button that focuses: true on the focused one. */
export function markButtons(view) {
  const c = view._classes;
  const f = view._focus;
  for (const button of view.svg.querySelectorAll(`.${c.focusable}`)) {
    const pressed = !!f && button.getAttribute(c[`${f.kind}Index`]) === String(f.index);
    button.setAttribute("aria-pressed", String(pressed));
  }
}

/** A click or Enter/Space on `target`: if it is in a focus button, toggles
 * its focus and returns true. */
export function toggleAt(view, target) {
  const c = view._classes;
  const button = target.closest?.(`.${c.focusable}`);
  if (!button) return false;
  for (const kind of KINDS) {
    const value = button.getAttribute(c[`${kind}Index`]);
    if (value == null) continue;
    const index = Number(value);
    const focused = view._focus?.kind === kind && view._focus.index === index;
    setFocus(view, kind, focused ? null : view.info.focus[`${kind}s`][index]);
    return true;
  }
  return false;
}
