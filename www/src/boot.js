// Starting the WebAssembly core, and recovering from a trap. Shared by both
// bundles of the browser embed: journeymap.js (the core: render, check) and
// journeymap-mermaid.js (the Mermaid importer, loaded only when a page
// converts Mermaid).
//
// "journeymap:wasm" is a module www/build.mjs makes for each bundle:
// wasm-bindgen's `no-modules` glue, made the factory `newWasmBindgen` (each
// call gives a glue for one new instance), and `WASM_BASE64` (the wasm,
// deflate-raw compressed, then base64: gzip cannot shrink base64 of raw wasm
// well, while base64 of compressed bytes stays close to the compressed size
// once the page is served gzipped). No fetch: it works from file:// and
// under `script-src 'self' 'wasm-unsafe-eval'`.

import { newWasmBindgen, WASM_BASE64 } from "journeymap:wasm";

export const HAS_DOM = typeof document !== "undefined";

function decodeBase64(text) {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Inflates deflate-raw bytes with the browser's own DecompressionStream.
 * Writing and reading the stream directly is several times faster than
 * going through Blob.stream() and Response (fewer tasks between chunks). */
async function inflate(bytes) {
  if (typeof DecompressionStream !== "function") {
    throw new Error("journeymap needs a browser with DecompressionStream (2023 or later)");
  }
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  writer.write(bytes).catch(() => {}); // errors surface on the read side
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

let compiled = null;
let corePromise = null;
/** The exports of the instance that started last and has not trapped. */
let started = null;
/** The core's constants (`constants()` of src/wasm.rs), read once. */
let known = null;

/** The wasm exports of the current instance; the first call starts it. The
 * core starts on first use, not when the script loads: a page of
 * pre-rendered maps (hydrate.js) never needs it until a re-render. */
export function core() {
  if (!corePromise) {
    corePromise = (async () => {
      // Compiled once; a fresh instance after a trap reuses the module.
      compiled ??= WebAssembly.compile(await inflate(decodeBase64(WASM_BASE64)));
      const glue = newWasmBindgen();
      // Passing a module (not a URL) keeps wasm-bindgen's init from fetching.
      await glue({ module_or_path: await compiled });
      known ??= JSON.parse(glue.constants());
      started = glue;
      return glue;
    })();
    // A failed start is reported by the call that awaits it, not as an
    // unhandled rejection at load; the next call tries again.
    const starting = corePromise;
    starting.catch(() => {
      compiled = null;
      if (corePromise === starting) corePromise = null;
    });
  }
  return corePromise;
}

/** The core's constants: `{maxDocumentBytes, classes, palette}`. */
export async function coreConstants() {
  await core();
  return known;
}

/** The constants once the core has started (every view exists after a
 * render, so after that); null before. */
export const startedConstants = () => known;

function trapped(error) {
  started = null;
  return new Error(
    `journeymap's core stopped on this map (${error?.name || "Error"}: ${error?.message || error}); ` +
      "it has been restarted, so other maps still render. Please report this map as a bug.",
    { cause: error },
  );
}

/** Calls the core: `use(exports)`. The core reports bad input as data and
 * never throws, so an exception here is a trap (a bug in the core) that may
 * have left the instance in any state: the instance is dropped, the next
 * call starts a fresh one, and this call fails with a readable error. */
export async function withCore(use) {
  const current = core();
  const exports = await current;
  try {
    return use(exports);
  } catch (error) {
    if (corePromise === current) corePromise = null;
    throw trapped(error);
  }
}

/** As withCore, at once, for code that runs only once the core has started
 * (a view's event handlers); `fallback` when no instance is running. */
export function withStartedCore(use, fallback) {
  const exports = started;
  if (!exports) return fallback;
  try {
    return use(exports);
  } catch (error) {
    corePromise = null;
    throw trapped(error);
  }
}

/** Calls a core export that returns an `Output` (render, fromMermaid) and
 * copies it into a plain `{ok, svg, info}`, freeing the wasm side. */
export function coreOutput(call) {
  return withCore((exports) => {
    const output = call(exports);
    try {
      return { ok: output.ok, svg: output.svg, info: output.info };
    } finally {
      output.free();
    }
  });
}
