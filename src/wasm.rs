//! The WebAssembly boundary: map text in, SVG text and a little JSON out.
//!
//! Kept boring on purpose: strings cross the boundary (the JS shell turns a
//! JS object into JSON text first, so NaN, Infinity and prototype tricks
//! never reach the core), and errors come back as data, not exceptions.
//!
//! The shell re-derives nothing the core knows: each stage's zoom box,
//! label and smallest text, and the map's resolved palettes, come in the
//! render info; the document limit and the class names from [`constants`];
//! the id rule from [`is_valid_id`].

use crate::diagnostic::quote;
use crate::i18n::{WordTable, Words, lang_of_document};
use crate::layout::{Layout, STACKED_WIDTH};
use crate::model::ThemeMode;
use crate::parse::MAX_DOCUMENT_BYTES;
use crate::render::info::{self, render_info};
use crate::render::{RenderOptions, is_valid_id_prefix};
use crate::text::{CanvasMeasure, LiberationTable, Ruler, TextMeasure};
use crate::validate::rules::ALLOWED_SCHEMES;
use crate::{Diagnostic, embed, layout, render, validate, validate_with_words};
use serde::Serialize;
use serde_json::{Map, Value};
use wasm_bindgen::prelude::wasm_bindgen;

/// The allocator of the wasm: talc rather than std's dlmalloc, for its size
/// (about 3 KB less in the gzipped browser script) and speed.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The options a page passes, as a JSON object whose keys are all among
/// `allowed`. Read by hand rather than through serde's derive, which would
/// bring float formatting into the wasm for its error messages.
fn page_options(options_json: &str, allowed: &[&str]) -> Result<Map<String, Value>, Output> {
    if options_json.trim().is_empty() {
        return Ok(Map::new());
    }
    let Ok(Value::Object(object)) = serde_json::from_str::<Value>(options_json) else {
        return Err(option_error("expected the options as a JSON object".into()));
    };
    if let Some(key) = object.keys().find(|key| !allowed.contains(&key.as_str())) {
        return Err(option_error(format!(
            "unknown option {}; expected one of: {}",
            quote(key),
            allowed.join(", ")
        )));
    }
    Ok(object)
}

fn text_option<'a>(options: &'a Map<String, Value>, key: &str) -> Result<Option<&'a str>, Output> {
    match options.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(option_error(format!("{key}: expected a string"))),
    }
}

/// The result of a render: `ok`, then either `svg` and `info` (the canvas
/// size and each stage's zoom box, as JSON) or `info` holding the
/// diagnostics as a JSON array.
#[wasm_bindgen]
pub struct Output {
    ok: bool,
    svg: String,
    info: String,
}

#[wasm_bindgen]
impl Output {
    #[wasm_bindgen(getter)]
    pub fn ok(&self) -> bool {
        self.ok
    }

    #[wasm_bindgen(getter)]
    pub fn svg(&self) -> String {
        self.svg.clone()
    }

    #[wasm_bindgen(getter)]
    pub fn info(&self) -> String {
        self.info.clone()
    }
}

fn failure(diagnostics: &[Diagnostic]) -> Output {
    Output {
        ok: false,
        svg: String::new(),
        info: serde_json::to_string(diagnostics).unwrap_or_else(|_| "[]".into()),
    }
}

fn option_error(message: String) -> Output {
    failure(&[Diagnostic::option("options", message)])
}

fn theme_option(page: &Map<String, Value>, key: &str) -> Result<Option<ThemeMode>, Output> {
    Ok(match text_option(page, key)? {
        None => None,
        Some("light") => Some(ThemeMode::Light),
        Some("dark") => Some(ThemeMode::Dark),
        Some("auto") => Some(ThemeMode::Auto),
        Some(other) => {
            return Err(option_error(format!(
                "{key}: expected \"light\", \"dark\" or \"auto\", found {}",
                quote(other)
            )));
        }
    })
}

/// The layout a page asks for: `"layout": "wide"` (the default) or
/// `"stacked"`, with `"width"` (CSS px, stacked only; 390 by default,
/// clamped by the layout to its range). `None` is wide, `Some(width)`
/// stacked.
fn layout_choice(page: &Map<String, Value>) -> Result<Option<f64>, Output> {
    let width = match page.get("width") {
        None | Some(Value::Null) => None,
        Some(value) => match value.as_f64().filter(|w| *w > 0.0) {
            Some(width) => Some(width),
            None => {
                return Err(option_error(
                    "width: expected a positive number of CSS px".into(),
                ));
            }
        },
    };
    match (text_option(page, "layout")?, width) {
        (None | Some("wide"), None) => Ok(None),
        (None | Some("wide"), Some(_)) => Err(option_error(
            "width: only with \"layout\": \"stacked\" (the wide layout is as wide as its stages)"
                .into(),
        )),
        (Some("stacked"), width) => Ok(Some(width.unwrap_or(STACKED_WIDTH))),
        (Some(other), _) => Err(option_error(format!(
            "layout: expected \"wide\" or \"stacked\", found {}",
            quote(other)
        ))),
    }
}

/// The options a page may pass to `render` and `fragment`.
const RENDER_OPTIONS: &[&str] = &[
    "idPrefix",
    "theme",
    "links",
    "pageTheme",
    "layout",
    "width",
    "words",
];

/// `{"idPrefix": "jm1", "theme": "dark", "links": ["https"], "pageTheme":
/// "dark", "layout": "stacked", "width": 390, "words": {…}}`; `words` holds
/// the words of languages this build lacks (see [`word_tables`]); `pageTheme` (the page's own
/// light or dark mode) is drawn where the map would otherwise follow
/// `prefers-color-scheme` (auto), and is returned beside the options.
fn render_options(page: &Map<String, Value>) -> Result<(RenderOptions, Option<ThemeMode>), Output> {
    let mut options = RenderOptions::default();
    if let Some(prefix) = text_option(page, "idPrefix")? {
        if !is_valid_id_prefix(prefix) {
            return Err(option_error(
                "idPrefix: expected a letter followed by letters, digits, - or _".into(),
            ));
        }
        options.id_prefix = prefix.to_owned();
    }
    options.theme = theme_option(page, "theme")?;
    let page_theme = theme_option(page, "pageTheme")?;
    if let Some(links) = page.get("links").filter(|v| !v.is_null()) {
        let Some(links) = links.as_array() else {
            return Err(option_error("links: expected an array of schemes".into()));
        };
        let mut schemes = Vec::new();
        for link in links {
            let scheme = link
                .as_str()
                .map(|s| s.trim_end_matches(':').to_ascii_lowercase())
                .filter(|s| ALLOWED_SCHEMES.contains(&s.as_str()));
            match scheme {
                Some(scheme) => schemes.push(scheme),
                None => {
                    return Err(option_error(
                        "links: a page may only narrow the link schemes to some of http, https and mailto"
                            .into(),
                    ));
                }
            }
        }
        options.link_schemes = schemes;
    }
    Ok((options, page_theme))
}

/// `words`: languages' words as the words companion carries them, tag →
/// the object of that language's data file (`src/i18n/words/<tag>.json`).
fn word_tables(page: &Map<String, Value>) -> Result<Vec<WordTable>, Output> {
    let Some(words) = page.get("words").filter(|v| !v.is_null()) else {
        return Ok(Vec::new());
    };
    let Some(words) = words.as_object() else {
        return Err(option_error(
            "words: expected an object of languages' words (journeymap-words.js)".into(),
        ));
    };
    words
        .iter()
        .map(|(tag, table)| {
            WordTable::from_json(tag, table).map_err(|why| option_error(format!("words: {why}")))
        })
        .collect()
}

fn info(layout: &Layout) -> String {
    serde_json::to_string(&render_info(layout)).unwrap_or_else(|_| "{}".into())
}

/// What the shell must know of the core's rules.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Constants {
    max_document_bytes: usize,
    classes: info::Classes,
}

/// What the shell must know of the core's rules, as JSON: the document
/// size limit and the class and attribute names it relies on
/// (`src/render/classes.rs`).
#[wasm_bindgen]
pub fn constants() -> String {
    let constants = Constants {
        max_document_bytes: MAX_DOCUMENT_BYTES,
        classes: info::CLASSES,
    };
    serde_json::to_string(&constants).unwrap_or_else(|_| "{}".into())
}

/// The browser view's words (JSON, [`ViewWords`]) for a map document, even
/// one that cannot be shown (its `lang` read as well as it can be), with
/// `problems` and `warnings` counted: the error box and the playground
/// speak the map's language. `options_json` may hold `words`, as for
/// [`render`]; the answer's `missingWords` says the language needs them.
#[wasm_bindgen]
pub fn words(map_text: &str, problems: u32, warnings: u32, options_json: &str) -> String {
    let tables = page_options(options_json, &["words"])
        .ok()
        .and_then(|page| word_tables(&page).ok())
        .unwrap_or_default();
    let lang = lang_of_document(map_text).unwrap_or_else(|| "en".into());
    let words = Words::for_lang_with(&lang, &tables);
    let missing =
        !cfg!(feature = "all-languages") && words.language() == "en" && crate::i18n::lacks(&lang);
    let mut view = crate::i18n::ViewWords::new(&words, &lang, problems.into(), warnings.into());
    view.missing_words = missing;
    serde_json::to_string(&view).unwrap_or_else(|_| "{}".into())
}

/// Whether `id` is a valid id of the format (a stage id in the URL hash).
#[wasm_bindgen(js_name = isValidId)]
pub fn is_valid_id(id: &str) -> bool {
    crate::format::ids::is_valid_id(id)
}

/// Validates, lays out and renders a map given as JSON text, measuring text
/// with the shell's `ruler` (the page's fonts) or, without one, with the
/// deterministic Liberation table.
#[wasm_bindgen]
pub fn render(map_json: &str, options_json: &str, ruler: Option<Ruler>) -> Output {
    rendered(map_json, options_json, ruler, &|_, layout, options| {
        render::render(layout, options)
    })
}

/// As [`render`], with the pre-rendered `<journey-map>` element
/// ([`crate::embed`]) in place of the bare SVG.
#[wasm_bindgen]
pub fn fragment(map_json: &str, options_json: &str, ruler: Option<Ruler>) -> Output {
    rendered(map_json, options_json, ruler, &embed::fragment)
}

fn rendered(
    map_json: &str,
    options_json: &str,
    ruler: Option<Ruler>,
    // A `dyn`: one compiled copy of the rest for both exports.
    draw: &dyn Fn(&str, &Layout, &RenderOptions) -> String,
) -> Output {
    #[cfg(feature = "trap-test")]
    forced_trap::trap_if_asked(map_json);
    let page = match page_options(options_json, RENDER_OPTIONS) {
        Ok(page) => page,
        Err(output) => return output,
    };
    let chosen = render_options(&page)
        .and_then(|options| Ok((options, layout_choice(&page)?, word_tables(&page)?)));
    let ((mut options, page_theme), stacked, words) = match chosen {
        Ok(chosen) => chosen,
        Err(output) => return output,
    };
    match validate_with_words(map_json, &words) {
        Ok(map) => {
            let canvas = ruler.map(|ruler| CanvasMeasure::new(ruler, &layout::font_stack(&map)));
            let measure: &dyn TextMeasure = match &canvas {
                Some(canvas) => canvas,
                None => &LiberationTable,
            };
            let layout = match stacked {
                None => layout::layout_with(&map, measure),
                Some(width) => layout::stacked_with(&map, width, measure),
            };
            if options.theme.unwrap_or(layout.palette.mode) == ThemeMode::Auto {
                options.theme = page_theme.or(options.theme);
            }
            Output {
                ok: true,
                svg: draw(map_json, &layout, &options),
                info: info(&layout),
            }
        }
        Err(diagnostics) => failure(&diagnostics),
    }
}

/// Checks a map; the diagnostics as a JSON array (empty when valid).
#[wasm_bindgen]
pub fn check(map_json: &str) -> String {
    #[cfg(feature = "trap-test")]
    forced_trap::trap_if_asked(map_json);
    match validate(map_json) {
        Ok(_) => "[]".into(),
        Err(diagnostics) => serde_json::to_string(&diagnostics).unwrap_or_else(|_| "[]".into()),
    }
}

/// Converts a Mermaid `journey` diagram to a map: `ok`, then `svg` empty and
/// `info` holding `{"map": …, "warnings": […]}`, or the diagnostics.
/// Options JSON: `{"clamp": true}` clamps out-of-range scores into 1–5.
///
/// Only with the `mermaid` feature: the browser's core script is built
/// without it, and the importer ships as a second script that the core
/// loads on first use (`scripts/build-web.sh`, docs/browser.md).
#[cfg(feature = "mermaid")]
#[wasm_bindgen(js_name = fromMermaid)]
pub fn from_mermaid(text: &str, options_json: &str) -> Output {
    let page = match page_options(options_json, &["clamp", "lang"]) {
        Ok(page) => page,
        Err(output) => return output,
    };
    let clamp = match page.get("clamp") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(clamp)) => *clamp,
        Some(_) => return option_error("clamp: expected true or false".into()),
    };
    let lang = match page.get("lang") {
        None | Some(Value::Null) => None,
        Some(Value::String(lang)) => Some(lang.as_str()),
        Some(_) => return option_error("lang: expected a BCP 47 language tag".into()),
    };
    let options = crate::mermaid::MermaidOptions { clamp, lang };
    match crate::mermaid::from_mermaid(text, &options) {
        Ok(imported) => Output {
            ok: true,
            svg: String::new(),
            info: serde_json::json!({ "map": imported.map, "warnings": imported.warnings })
                .to_string(),
        },
        Err(diagnostics) => failure(&diagnostics),
    }
}

/// Lints a map: `ok` with `info` the findings as a JSON array (empty when
/// there is nothing to say), or the map's errors. Only with the `lint`
/// feature, so only in the companion script (like `fromMermaid`).
#[cfg(feature = "lint")]
#[wasm_bindgen]
pub fn lint(map_json: &str) -> Output {
    match crate::lint::lint(map_json, &[]) {
        Ok(findings) => Output {
            ok: true,
            svg: String::new(),
            info: serde_json::to_string(&findings).unwrap_or_else(|_| "[]".into()),
        },
        Err(diagnostics) => failure(&diagnostics),
    }
}

/// Compares two maps: `ok` with the AFTER map drawn with the diff's marks
/// and `info` the changes as a JSON array, or the errors of the first
/// invalid map. Only with the `diff` feature (the companion script).
#[cfg(feature = "diff")]
#[wasm_bindgen]
pub fn diff(before_json: &str, after_json: &str) -> Output {
    let maps = validate(before_json).and_then(|before| Ok((before, validate(after_json)?)));
    match maps {
        Ok((before, after)) => Output {
            ok: true,
            svg: render::render(
                &crate::diff::mark(&before, &after),
                &RenderOptions::default(),
            ),
            info: serde_json::to_string(&crate::diff::diff(&before, &after))
                .unwrap_or_else(|_| "[]".into()),
        },
        Err(diagnostics) => failure(&diagnostics),
    }
}

/// A trap on demand, in test builds only (the `trap-test` feature): the
/// core never traps on its own, so the shell's recovery (drop the instance,
/// start a fresh one) needs a way to be tested. Once it has trapped, the
/// instance keeps trapping, as one left in a broken state would: only a
/// fresh instance renders again.
#[cfg(feature = "trap-test")]
mod forced_trap {
    use std::sync::atomic::{AtomicBool, Ordering};

    const MARKER: &str = "journeymap:force-trap";
    static BROKEN: AtomicBool = AtomicBool::new(false);

    pub fn trap_if_asked(map_json: &str) {
        if BROKEN.load(Ordering::Relaxed) || map_json.contains(MARKER) {
            BROKEN.store(true, Ordering::Relaxed);
            core::arch::wasm32::unreachable();
        }
    }
}
