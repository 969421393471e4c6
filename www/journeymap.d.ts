// Types for journeymap.mjs (and the global JourneyMap of journeymap.js).

/** A problem in a map: where (JSON path; line and column when known) and what. */
export interface Diagnostic {
  path: string;
  line: number | null;
  column: number | null;
  message: string;
}

/** A rectangle in SVG units. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface StageInfo {
  index: number;
  /** The stage's id (from the map, or derived from its name). */
  id: string;
  name: string;
  /** The stage header, the part a reader clicks. */
  header: Rect;
  /** The stage header's accessible name: its shown text and its position. */
  label: string;
  /** What the view frames when zoomed to the stage: its column and detail panel. */
  zoom: Rect;
  hasDetail: boolean;
  /** The smallest font size (SVG units) in the stage's detail panel and cards; null when they have no text. */
  minFontSize: number | null;
}

export interface RenderInfo {
  /** The map's reading direction: on "rtl" the first stage is at the right, and → goes to the previous stage. */
  dir: "ltr" | "rtl";
  width: number;
  height: number;
  stages: StageInfo[];
  /** The map's colours, resolved (its theme's over the built-in ones): `[name, "#rrggbb"]` pairs, names as in its CSS custom properties `--jm-NAME`. */
  palette: { light: [string, string][]; dark: [string, string][] };
}

export interface RenderOptions {
  /** Overrides the map's theme. */
  theme?: "light" | "dark" | "auto";
  /** Prefix of every id in the SVG (a letter, then letters, digits, - or _). Default: jm1, jm2 … */
  idPrefix?: string;
  /** The link schemes kept as links (a page can narrow the format's policy,
   * never widen it); a link with another scheme shows as plain text.
   * Default: all of them. */
  links?: ("http" | "https" | "mailto")[];
  /** How text is measured: "canvas" (default in a page: the font the SVG is
   * drawn in, through canvas measureText) or "table" (the core's
   * deterministic Liberation Sans table: the same output everywhere). */
  measure?: "canvas" | "table";
}

export interface ViewOptions extends RenderOptions {
  /** Start zoomed to this stage (the URL hash, when it names one, wins). */
  stage?: string;
  /** Viewport height: px, or a CSS length. Default: the map's aspect ratio. */
  height?: number | string;
  /** false: never read or write the URL hash for this map. Default true. */
  hash?: boolean;
}

/** The error an invalid map rejects with. */
export class JourneyMapError extends Error {
  readonly diagnostics: Diagnostic[];
}

/** A map on the page. */
export class View {
  /** The element the map was rendered into. */
  readonly host: Element;
  /** The element the view added to the host (toolbar and viewport). */
  readonly element: HTMLElement;
  readonly svg: SVGSVGElement;
  readonly info: RenderInfo;
  readonly stages: StageInfo[];
  readonly idPrefix: string;
  /** The zoomed stage's id, or null in the overview. */
  readonly stage: string | null;
  /** Zooms to a stage (by id; a number is taken as its index). Resolves when the animation ends. */
  zoomToStage(id: string | number, options?: { animate?: boolean; focus?: boolean }): Promise<void>;
  /** Back to the whole map; the viewBox is exactly the starting one. */
  overview(options?: { animate?: boolean; focus?: boolean }): Promise<void>;
  /** Resolves when the view has stopped moving (the animation of its last move has ended). */
  settled(): Promise<void>;
  /** Sets the viewport height (px or a CSS length; empty for the default). */
  setHeight(height?: number | string | null): void;
  /** The standalone SVG document, as rendered. */
  exportSvg(): string;
  /** The map as a PNG, `scale` pixels per SVG unit (default 2). */
  exportPng(scale?: number): Promise<Blob>;
  /** Removes the map and its listeners. */
  destroy(): void;
}

/** Renders a map (JSON text or a plain object) into `target`. */
export function render(target: Element | string, map: string | object, options?: ViewOptions): Promise<View>;
/** Renders a map to SVG text. */
export function renderToString(map: string | object, options?: RenderOptions): Promise<string>;
/** The problems of a map; empty when it is valid. */
export function check(map: string | object): Promise<Diagnostic[]>;

export interface MermaidOptions {
  /** true: scores outside 1–5 are clamped into it (and decimal scores kept), each with a warning, instead of failing. */
  clamp?: boolean;
}

/** A map made from a Mermaid diagram: a plain object (map format v1). */
export type MermaidMap = Record<string, unknown> & {
  /** What was read but changed or left out (clamped scores, ignored lines …),
   * located in the Mermaid text. Non-enumerable: JSON.stringify leaves it out. */
  readonly warnings: Diagnostic[];
};

/**
 * Converts a Mermaid `journey` diagram to a map. The first call loads the
 * importer, journeymap-mermaid.js (.mjs for the module), from beside this
 * script. Rejects with a JourneyMapError whose diagnostics have lines and
 * columns in the Mermaid text; when the importer cannot be loaded, with an
 * Error that has `diagnostics` too.
 */
export function fromMermaid(text: string, options?: MermaidOptions): Promise<MermaidMap>;

declare const JourneyMap: {
  render: typeof render;
  renderToString: typeof renderToString;
  check: typeof check;
  fromMermaid: typeof fromMermaid;
  JourneyMapError: typeof JourneyMapError;
  View: typeof View;
  /** Resolves when the WebAssembly core has started. */
  ready(): Promise<void>;
};
export default JourneyMap;

/** Events of <journey-map> (and, for jm-stagechange, of any render target). */
export interface JourneyMapEventMap {
  "jm-load": CustomEvent<{ view: View }>;
  "jm-error": CustomEvent<{ error: Error; diagnostics: Diagnostic[] }>;
  "jm-stagechange": CustomEvent<{ view: View; index: number | null; id: string | null; name: string | null }>;
}

declare global {
  interface HTMLElementTagNameMap {
    "journey-map": HTMLElement & { view: View | null };
  }
}
