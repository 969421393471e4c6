// Starting the WebAssembly core, shared by both scripts of the browser embed:
// journeymap.js (the core: render, check) and journeymap-mermaid.js (the
// Mermaid importer, loaded only when a page converts Mermaid).
//
// www/build.mjs concatenates, in one function scope per script: wasm-bindgen's
// `no-modules` glue (which defines `wasm_bindgen`), the constant
// `WASM_BASE64` (the wasm, deflate-raw compressed, then base64: gzip cannot
// shrink base64 of raw wasm well, while base64 of compressed bytes stays close
// to the compressed size once the page is served gzipped), this file, then
// that script's own shell (shell.js or mermaid.js). Nothing here is global.

/* global wasm_bindgen, WASM_BASE64 */

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

let corePromise = null;

/** The wasm exports, once; started as soon as the script runs. */
function core() {
  if (!corePromise) {
    corePromise = (async () => {
      const bytes = await inflate(decodeBase64(WASM_BASE64));
      // Passing bytes (not a URL) keeps wasm-bindgen's init from fetching.
      await wasm_bindgen({ module_or_path: bytes });
      return wasm_bindgen;
    })();
    // A failed start is reported by the render that awaits it, not as an
    // unhandled rejection at load.
    corePromise.catch(() => {});
  }
  return corePromise;
}
core();
