// The words of languages other than English. The browser core carries
// English only (it is built without the crate's `all-languages` feature, to
// stay within journeymap.js's size budget); the other languages ship beside
// it in journeymap-words.js (and .mjs), made by www/build.mjs from the same
// data files as the native build's (src/i18n/words/*.json). When the core
// says a map's language is one it lacks (`missingWords` in the render info),
// the shell loads the companion (beside.js) and renders again with its
// words as the `words` option; the core checks and uses them. Without the
// companion the map shows in English, with a warning on the console.

import { companionLoader } from "./beside.js";

export const loadWords = companionLoader({
  name: "journeymap-words",
  key: Symbol.for("journeymap.words"),
  what: "the words of other languages",
  isValid: (companion) => companion.tables !== null && typeof companion.tables === "object",
});

/** The companion's words, or null (and a console warning) when it cannot
 * be loaded. */
export async function otherLanguages() {
  try {
    return (await loadWords()).tables;
  } catch (error) {
    console.warn(`${error?.message || error}; the map is shown with English words`);
    return null;
  }
}
