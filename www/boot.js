// Starting the WebAssembly core, shared by both scripts of the browser embed:
// journeymap.js (the core: render, check) and journeymap-mermaid.js (the
// Mermaid importer, loaded only when a page converts Mermaid).
//
// www/build.mjs concatenates, in one function scope per script: wasm-bindgen's
// `no-modules` glue, made the factory `newWasmBindgen` (each call gives a
// glue for one new instance); the constant `WASM_BASE64` (the wasm,
// deflate-raw compressed, then base64: gzip cannot shrink base64 of raw wasm
// well, while base64 of compressed bytes stays close to the compressed size
// once the page is served gzipped); this file; then that script's own shell
// (shell.js or mermaid.js). Nothing here is global.

/* global newWasmBindgen, WASM_BASE64 */

// ---------------------------------------------------------------------------
// Starting the wasm
// ---------------------------------------------------------------------------

const HAS_DOM = typeof document !== "undefined";

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

/** The wasm exports of the current instance; the first call starts it (the
 * script calls this as soon as it runs). */
function core() {
  if (!corePromise) {
    corePromise = (async () => {
      // Compiled once; a fresh instance after a trap reuses the module.
      compiled ??= WebAssembly.compile(await inflate(decodeBase64(WASM_BASE64)));
      const glue = newWasmBindgen();
      // Passing a module (not a URL) keeps wasm-bindgen's init from fetching.
      await glue({ module_or_path: await compiled });
      return glue;
    })();
    // A failed start is reported by the call that awaits it, not as an
    // unhandled rejection at load; the next call tries again.
    const started = corePromise;
    started.catch(() => {
      compiled = null;
      if (corePromise === started) corePromise = null;
    });
  }
  return corePromise;
}

/** Calls the core: `use(exports)`. The core reports bad input as data and
 * never throws, so an exception here is a trap (a bug in the core) that may
 * have left the instance in any state: the instance is dropped, the next
 * call starts a fresh one, and this call fails with a readable error. */
async function withCore(use) {
  const current = core();
  const exports = await current;
  try {
    return use(exports);
  } catch (error) {
    if (corePromise === current) corePromise = null;
    throw new Error(
      `journeymap's core stopped on this map (${error?.name || "Error"}: ${error?.message || error}); ` +
        "it has been restarted, so other maps still render. Please report this map as a bug.",
      { cause: error },
    );
  }
}
/** Calls a core export that returns an `Output` (render, fromMermaid) and
 * copies it into a plain `{ok, svg, info}`, freeing the wasm side. */
function coreOutput(call) {
  return withCore((exports) => {
    const output = call(exports);
    try {
      return { ok: output.ok, svg: output.svg, info: output.info };
    } finally {
      output.free();
    }
  });
}
core();
