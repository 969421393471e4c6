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
  /** The view's live region when zoomed to this stage ("Stage 2 of 6: Sign up"), in the map's language. */
  announce: string;
}

/** The browser view's words in a map's language, from the core (no word table in the shell). */
export interface ViewWords {
  /** The map's language tag (en without one). */
  lang: string;
  toolbar: string;
  wholeMap: string;
  back: string;
  previous: string;
  next: string;
  zoomIn: string;
  zoomOut: string;
  zoomed: string;
  overview: string;
  downloadSvg: string;
  downloadPng: string;
  problems: string;
  /** The error box's heading, the problems counted. */
  errorHeading: string;
  problemCount: string;
  warningCount: string;
  noProblems: string;
}

export interface RenderInfo {
  /** The map's reading direction: on "rtl" the first stage is at the right, and → goes to the previous stage. */
  dir: "ltr" | "rtl";
  /** The layout drawn: stages as columns, or one under another (phones). */
  layout: "wide" | "stacked";
  width: number;
  height: number;
  stages: StageInfo[];
  /** The map's colours, resolved (its theme's over the built-in ones): `[name, "#rrggbb"]` pairs, names as in its CSS custom properties `--jm-NAME`. */
  palette: { light: [string, string][]; dark: [string, string][] };
  /** What a view can focus on, in index order: persona ids, channel ids, owner names. */
  focus: { personas: string[]; channels: string[]; owners: string[] };
  /** The view's words in the map's language. */
  words: ViewWords;
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
  /** "wide" (default): stages as columns; "stacked": one under another, for phones. */
  layout?: "wide" | "stacked";
  /** The stacked layout's width in CSS px (390 by default; only with layout "stacked"). */
  width?: number;
  /** How text is measured: "canvas" (default in a page: the font the SVG is
   * drawn in, through canvas measureText) or "table" (the core's
   * deterministic Liberation Sans table: the same output everywhere). */
  measure?: "canvas" | "table";
}

export interface ViewOptions extends Omit<RenderOptions, "layout"> {
  /** As in RenderOptions, or "auto": stacked when the target is narrower
   * than 600 CSS px (chosen once; <journey-map> also switches on resize).
   * Stacked, the width is the target's unless `width` is given. */
  layout?: "auto" | "wide" | "stacked";
  /** Start zoomed to this stage (the URL hash, when it names one, wins). */
  stage?: string;
  /** Viewport height: px, or a CSS length. Default: the map's aspect ratio. */
  height?: number | string;
  /** false: never read or write the URL hash for this map. Default true. */
  hash?: boolean;
  /** Start focused on this persona (by id), channel (by id) or owner (by name). */
  persona?: string;
  channel?: string;
  owner?: string;
}

/** What a view focuses on. */
export interface Focus {
  kind: "persona" | "channel" | "owner";
  id: string;
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
  /** The layout drawn. Stacked, zooming to a stage scrolls to its section. */
  readonly layout: "wide" | "stacked";
  /** The zoomed stage's id (stacked: the one last gone to), or null in the overview. */
  readonly stage: string | null;
  /** The stage the reader is at: `stage`, or stacked the section in view. */
  readonly readingStage: string | null;
  /** Zooms to a stage (by id; a number is taken as its index). Resolves when the animation ends. */
  zoomToStage(id: string | number, options?: { animate?: boolean; focus?: boolean }): Promise<void>;
  /** Back to the whole map; the viewBox is exactly the starting one. */
  overview(options?: { animate?: boolean; focus?: boolean }): Promise<void>;
  /** Resolves when the view has stopped moving (the animation of its last move has ended). */
  settled(): Promise<void>;
  /** Shows one persona (by id) at full strength and dims the rest; null: every persona. Returns whether the focus changed; an unknown id throws a RangeError. */
  focusPersona(id: string | null): boolean;
  /** The same for a channel, by id. */
  focusChannel(id: string | null): boolean;
  /** The same for an owner, by name as the map writes it. */
  focusOwner(name: string | null): boolean;
  /** What is focused, or null. */
  readonly focus: Focus | null;
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
/**
 * Renders a map to the pre-rendered `<journey-map>` element, as HTML text
 * (the same as `journeymap render --format fragment`): the page shows the
 * SVG, and journeymap.js makes it interactive without the core. Works in
 * Node (journeymap.mjs), for a site's build. Give each map of a page its own
 * `idPrefix` (default "jm").
 */
export function renderFragment(map: string | object, options?: RenderOptions): Promise<string>;

export interface RunOptions {
  /** Where to look (default the document); `root` itself counts. */
  root?: Element | Document;
  /** Which blocks (default `pre > code.language-journeymap, pre.journeymap, div.journeymap`). */
  selector?: string;
}

/**
 * Renders in place the fenced blocks (a map's JSON or a Mermaid `journey`
 * diagram) not rendered yet. Resolves, once each shows its map or its
 * errors, to the elements that took their places (<journey-map>, or the
 * error box of a diagram that could not be converted). journeymap.js does
 * this by itself when it loads (unless its script has data-auto="off") and
 * for blocks the page adds later.
 */
export function run(options?: RunOptions): Promise<Element[]>;

/** The problems of a map; empty when it is valid. */
export function check(map: string | object): Promise<Diagnostic[]>;
/** The view's words in the language of `map` (valid or not), with problems and warnings counted. */
export function words(map: string | object, counts?: { problems?: number; warnings?: number }): Promise<ViewWords>;

export interface MermaidOptions {
  /** true: scores outside 1–5 are clamped into it (and decimal scores kept), each with a warning, instead of failing. */
  clamp?: boolean;
  /** The map's language, a BCP 47 tag ("ja", "pt-BR"): the map carries it as `lang`, and a diagram without a title gets that language's word for one. */
  lang?: string;
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

/** A linter finding: a diagnostic (severity "warning") with its rule. */
export interface LintFinding extends Diagnostic {
  rule: string;
}

/**
 * Lints a map (docs/lint.md). Resolves to the findings (empty when there is
 * nothing to say); an invalid map rejects with a JourneyMapError. Loads the
 * companion script (journeymap-mermaid.js) on first use.
 */
export function lint(map: string | object): Promise<LintFinding[]>;

/**
 * Compares two maps: resolves to the SVG of the AFTER map with every added,
 * changed and removed card and stage marked (jm-added, jm-changed,
 * jm-removed). Loads the companion script on first use.
 */
export function diff(before: string | object, after: string | object): Promise<string>;

declare const JourneyMap: {
  render: typeof render;
  renderToString: typeof renderToString;
  renderFragment: typeof renderFragment;
  run: typeof run;
  check: typeof check;
  words: typeof words;
  fromMermaid: typeof fromMermaid;
  lint: typeof lint;
  diff: typeof diff;
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
  "jm-focuschange": CustomEvent<{ view: View; kind: Focus["kind"] | null; id: string | null; index: number | null }>;
  "jm-personachange": CustomEvent<{ view: View; id: string | null; index: number | null }>;
}

declare global {
  interface HTMLElementTagNameMap {
    "journey-map": HTMLElement & { view: View | null };
  }
}
