// Types for journeymap/blocks: what the static-site plugins share (Node only).

import { JourneyMapError } from "./dist/journeymap.js";
import type { Diagnostic, RenderOptions } from "./dist/journeymap.js";

export { JourneyMapError };

export const LANGUAGE: "journeymap";
export const OUTPUTS: readonly ["svg", "fragment"];
export const ON_ERROR: readonly ["fail", "render"];

export interface BlockOptions extends Pick<RenderOptions, "theme" | "links"> {
  /** "svg" (default) or "fragment": a <journey-map> holding the SVG and the map's JSON. */
  output?: "svg" | "fragment";
  /** "fail" (default) or "render": the located problems shown in place. */
  onError?: "fail" | "render";
  /** Clamp Mermaid scores outside 1–5 instead of failing. */
  clamp?: boolean;
}

/** A diagnostic placed in the Markdown file. */
export interface LocatedDiagnostic extends Diagnostic {
  file: string;
  /** `FILE:LINE:COL` (or `FILE:LINE`, the fence's line, when the map has no place for it). */
  place: string;
  /** `PLACE: PATH: MESSAGE`. */
  text: string;
}

export function isMermaid(text: string): boolean;
export function blockOptions(options?: BlockOptions, plugin?: string): Required<Pick<BlockOptions, "output" | "onError">> & BlockOptions;
export function renderBlock(text: string, idPrefix: string, options?: BlockOptions): string;
export function locate(
  diagnostics: Diagnostic[],
  where: { source: string; fenceLine: number | null; text: string; file: string },
): LocatedDiagnostic[];
export function errorHtml(located: LocatedDiagnostic[]): string;
