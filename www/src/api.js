// The public API, JourneyMap: the default export of journeymap.mjs and the
// one global of journeymap.js (www/build.mjs makes both from this module).
// Importing it defines <journey-map> and starts the autorun of fenced
// blocks (autorun.js); the core starts on first use.

import { run, autorunWanted, startAutorun } from "./autorun.js";
import { core } from "./boot.js";
import { diff, lint } from "./compare.js";
import { defineElement } from "./element.js";
import { JourneyMapError, check, renderFragment, renderToString, words } from "./maptext.js";
import { fromMermaid } from "./mermaid.js";
import { render } from "./render.js";
import { View } from "./view.js";

defineElement();
if (autorunWanted()) startAutorun();

const JourneyMap = Object.freeze({
  render,
  renderToString,
  renderFragment,
  check,
  run,
  words,
  JourneyMapError,
  View,
  fromMermaid,
  lint,
  diff,
  /** Resolves when the wasm core is ready (rendering waits for it anyway). */
  ready: () => core().then(() => undefined),
});

export default JourneyMap;
export { render, renderToString, renderFragment, check, run, words, fromMermaid, lint, diff, JourneyMapError, View };
