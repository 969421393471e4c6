// The public API, JourneyMap: the default export of journeymap.mjs and the
// one global of journeymap.js (www/build.mjs makes both from this module).
// Importing it starts the core and defines <journey-map>.

import { core } from "./boot.js";
import { defineElement } from "./element.js";
import { JourneyMapError, check, renderToString, words } from "./maptext.js";
import { fromMermaid } from "./mermaid.js";
import { render } from "./render.js";
import { View } from "./view.js";

defineElement();

const JourneyMap = Object.freeze({
  render,
  renderToString,
  check,
  words,
  JourneyMapError,
  View,
  fromMermaid,
  /** Resolves when the wasm core is ready (rendering waits for it anyway). */
  ready: () => core().then(() => undefined),
});

export default JourneyMap;
export { render, renderToString, check, words, fromMermaid, JourneyMapError, View };
