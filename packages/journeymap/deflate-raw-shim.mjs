// DecompressionStream("deflate-raw") for Node < 20.12 (see node.mjs).

import { inflateRawSync } from "node:zlib";

function hasDeflateRaw() {
  try {
    new DecompressionStream("deflate-raw");
    return true;
  } catch {
    return false;
  }
}

if (typeof DecompressionStream === "function" && !hasDeflateRaw()) {
  const Native = DecompressionStream;
  globalThis.DecompressionStream = class DecompressionStream extends TransformStream {
    constructor(format) {
      if (format !== "deflate-raw") return new Native(format);
      const chunks = [];
      super({
        transform: (chunk) => void chunks.push(chunk),
        flush: (controller) => controller.enqueue(new Uint8Array(inflateRawSync(Buffer.concat(chunks)))),
      });
    }
  };
}
