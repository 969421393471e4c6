// Types for journeymap/sync: the core's calls, synchronous (Node only).

import { JourneyMapError } from "./dist/journeymap.js";
import type { Diagnostic, MermaidMap, MermaidOptions, RenderOptions } from "./dist/journeymap.js";

export type { Diagnostic, MermaidMap, MermaidOptions, RenderOptions };
export { JourneyMapError };

/** The SVG document of a map (JSON text or a plain object). Throws a JourneyMapError when it is invalid. */
export function renderToString(map: string | object, options?: RenderOptions): string;
/** The problems of a map; empty when it is valid. */
export function check(map: string | object): Diagnostic[];
/** A Mermaid `journey` diagram as a map. Throws a JourneyMapError located in the Mermaid text. */
export function fromMermaid(text: string, options?: MermaidOptions): MermaidMap;

declare const JourneyMapSync: {
  renderToString: typeof renderToString;
  check: typeof check;
  fromMermaid: typeof fromMermaid;
  JourneyMapError: typeof JourneyMapError;
};
export default JourneyMapSync;
