// Loading a companion file that ships beside journeymap.js: the Mermaid
// importer (mermaid.js) and the words of languages other than English
// (words.js). Each is loaded once, the first time it is needed:
//   - the classic script adds a <script src> for the companion's .js beside
//     itself. A classic script loads from file:// as well as over http, and
//     is allowed by `script-src 'self'` (a nonce this script was given is
//     passed on). The file registers its API under a Symbol.for key, the
//     only trace it leaves on the page.
//   - the ES module imports the companion's .mjs by
//     `new URL("./journeymap-….mjs", import.meta.url)` (`importers` of
//     "journeymap:build", which www/build.mjs defines only in the module;
//     null in the classic script).
// A page may also include the companion's .js itself; then nothing more is
// loaded.

import { HAS_DOM } from "./boot.js";
import { docGet, element, trusted } from "./dom.js";
import { VERSION, importers } from "journeymap:build";

/** This script's own element, known only while it first runs: read through
 * Document.prototype and checked to be a <script> (a page's `<img
 * name="currentScript" src=…>` must not choose where a companion comes
 * from). */
function ownScript() {
  if (!HAS_DOM) return null; // Node: no document, and no HTMLScriptElement to check against
  const script = docGet("currentScript");
  return script instanceof HTMLScriptElement ? { src: script.src, nonce: script.nonce } : null;
}
const OWN_SCRIPT = ownScript();

function checked(companion, from, what, isValid) {
  if (!companion || !isValid(companion)) throw new Error(`journeymap: ${from} did not provide ${what}`);
  if (companion.version !== VERSION) {
    throw new Error(
      `journeymap: ${from} is version ${companion.version}, this script is ${VERSION}; serve the files of one build together`,
    );
  }
  return companion;
}

/** The classic script's way: a <script> element for the file beside this one. */
function inject({ name, key, what, isValid }) {
  return new Promise((resolve, reject) => {
    if (!HAS_DOM || !OWN_SCRIPT || !OWN_SCRIPT.src) {
      reject(
        new Error(
          `journeymap: cannot tell where ${name}.js is (journeymap.js was not loaded by a <script src>); ` +
            `include ${name}.js in the page yourself`,
        ),
      );
      return;
    }
    const url = new URL(`${name}.js`, OWN_SCRIPT.src).href;
    const script = element("script");
    if (OWN_SCRIPT.nonce) script.nonce = OWN_SCRIPT.nonce;
    script.src = trusted("createScriptURL", url);
    script.onload = () => {
      script.remove();
      try {
        resolve(checked(globalThis[key], url, what, isValid));
      } catch (error) {
        reject(error);
      }
    };
    script.onerror = () => {
      script.remove();
      reject(new Error(`journeymap: cannot load ${what} from ${url} (it ships beside journeymap.js)`));
    };
    (docGet("head") || docGet("documentElement")).append(script);
  });
}

/** A loader of the companion `name` (journeymap-mermaid, journeymap-words):
 * a function that resolves to its API, loading it once; after a failure
 * (offline, a missing file) the next call tries again. */
export function companionLoader(companion) {
  const { name, key, what, isValid } = companion;
  let promise = null;
  return () => {
    if (globalThis[key]) return Promise.resolve().then(() => checked(globalThis[key], `${name}.js`, what, isValid));
    if (!promise) {
      const importer = importers?.[name];
      promise = importer
        ? importer().then((module) => checked(module.default, `${name}.mjs`, what, isValid))
        : inject(companion);
      promise.catch(() => (promise = null));
    }
    return promise;
  };
}
