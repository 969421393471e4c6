// The package's entry in Node: the browser module, dist/journeymap.mjs, as
// it is, after one shim where Node lacks what it starts the core with.
//
// The module inflates its inlined wasm with DecompressionStream("deflate-raw"),
// which Node has only since 20.12 / 21.2. On an older Node (18, early 20)
// this adds that one format to the global DecompressionStream, through
// node:zlib, before the module runs; other formats, and newer Nodes, are
// left untouched. ES modules run their imports in order, so the shim
// module below is evaluated first.

import "./deflate-raw-shim.mjs";

export * from "./dist/journeymap.mjs";
export { default } from "./dist/journeymap.mjs";
