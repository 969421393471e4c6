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
use crate::layout::Swatch;
use crate::layout::{Direction, Layout, Rect};
use crate::model::ThemeMode;
use crate::parse::MAX_DOCUMENT_BYTES;
use crate::render::{RenderOptions, classes, is_valid_id_prefix, stage_label};
use crate::text::{CanvasMeasure, Ruler};
use crate::validate::rules::ALLOWED_SCHEMES;
use crate::{Diagnostic, layout, render, validate};
use serde::Serialize;
use serde_json::{Map, Value};
use wasm_bindgen::prelude::wasm_bindgen;

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

/// What a page needs to know of each stage to zoom to it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StageInfo<'a> {
    index: usize,
    id: &'a str,
    name: &'a str,
    /// The header's accessible name, as the SVG has it.
    label: String,
    header: Rect,
    zoom: Rect,
    has_detail: bool,
    /// The smallest font size (SVG units) in the stage's detail panel and
    /// cards, badges included: the zoomed view keeps it readable. `None`
    /// when the stage shows no such text.
    min_font_size: Option<f64>,
}

#[derive(Serialize)]
struct RenderInfo<'a> {
    /// The map's reading direction (`ltr`, `rtl`): the view's arrow keys
    /// and stage buttons follow it.
    dir: Direction,
    width: f64,
    height: f64,
    stages: Vec<StageInfo<'a>>,
    palette: Palettes,
}

/// The map's resolved palettes (the layout's), each as `[name, colour]`
/// pairs: the shell's toolbar takes its colours from them.
#[derive(Serialize)]
struct Palettes {
    light: Vec<(&'static str, String)>,
    dark: Vec<(&'static str, String)>,
}

fn swatches(palette: &[Swatch]) -> Vec<(&'static str, String)> {
    palette.iter().map(|s| (s.name, s.color.hex())).collect()
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

/// `{"idPrefix": "jm1", "theme": "dark", "links": ["https"]}`
fn render_options(options_json: &str) -> Result<RenderOptions, Output> {
    let page = page_options(options_json, &["idPrefix", "theme", "links"])?;
    let mut options = RenderOptions::default();
    if let Some(prefix) = text_option(&page, "idPrefix")? {
        if !is_valid_id_prefix(prefix) {
            return Err(option_error(
                "idPrefix: expected a letter followed by letters, digits, - or _".into(),
            ));
        }
        options.id_prefix = prefix.to_owned();
    }
    options.theme = match text_option(&page, "theme")? {
        None => None,
        Some("light") => Some(ThemeMode::Light),
        Some("dark") => Some(ThemeMode::Dark),
        Some("auto") => Some(ThemeMode::Auto),
        Some(other) => {
            return Err(option_error(format!(
                "theme: expected \"light\", \"dark\" or \"auto\", found {}",
                quote(other)
            )));
        }
    };
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
    Ok(options)
}

fn info(layout: &Layout) -> String {
    let info = RenderInfo {
        dir: layout.dir,
        width: layout.width,
        height: layout.height,
        stages: layout
            .stages
            .iter()
            .map(|stage| StageInfo {
                index: stage.index,
                id: &stage.id,
                name: &stage.name,
                label: stage_label(stage, layout.stages.len()),
                header: stage.header,
                zoom: stage.zoom,
                has_detail: layout.details.iter().any(|d| d.stage_index == stage.index),
                min_font_size: smallest_text(layout, stage.index),
            })
            .collect(),
        palette: Palettes {
            light: swatches(&layout.palette.light),
            dark: swatches(&layout.palette.dark),
        },
    };
    serde_json::to_string(&info).unwrap_or_else(|_| "{}".into())
}

/// The smallest font size of the texts drawn in a stage's detail panel and
/// cards (their chips included).
fn smallest_text(layout: &Layout, stage_index: usize) -> Option<f64> {
    let panels = layout
        .details
        .iter()
        .filter(|panel| panel.stage_index == stage_index)
        .flat_map(|panel| panel.texts.iter());
    let cards = layout
        .cards
        .iter()
        .filter(|card| card.stage_index == stage_index)
        .flat_map(|card| {
            std::iter::once(&card.text).chain(card.chips.iter().filter_map(|c| c.text.as_ref()))
        });
    panels
        .chain(cards)
        .map(|text| text.style.size)
        .filter(|size| *size > 0.0)
        .reduce(f64::min)
}

/// What the shell must know of the core's rules.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Constants {
    max_document_bytes: usize,
    classes: Classes,
}

/// The names of `src/render/classes.rs`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Classes {
    stage: &'static str,
    detail: &'static str,
    open: &'static str,
    card: &'static str,
    stage_index: &'static str,
    theme_light: &'static str,
    theme_dark: &'static str,
    theme_auto: &'static str,
}

/// What the shell must know of the core's rules, as JSON: the document
/// size limit and the class and attribute names it relies on
/// (`src/render/classes.rs`).
#[wasm_bindgen]
pub fn constants() -> String {
    let constants = Constants {
        max_document_bytes: MAX_DOCUMENT_BYTES,
        classes: Classes {
            stage: classes::STAGE,
            detail: classes::DETAIL,
            open: classes::OPEN,
            card: classes::CARD,
            stage_index: classes::STAGE_INDEX,
            theme_light: classes::THEME_LIGHT,
            theme_dark: classes::THEME_DARK,
            theme_auto: classes::THEME_AUTO,
        },
    };
    serde_json::to_string(&constants).unwrap_or_else(|_| "{}".into())
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
    #[cfg(feature = "trap-test")]
    forced_trap::trap_if_asked(map_json);
    let options = match render_options(options_json) {
        Ok(options) => options,
        Err(output) => return output,
    };
    match validate(map_json) {
        Ok(map) => {
            let layout = match ruler {
                Some(ruler) => {
                    layout::layout_with(&map, &CanvasMeasure::new(ruler, &layout::font_stack(&map)))
                }
                None => layout::layout(&map),
            };
            Output {
                ok: true,
                svg: render::render(&layout, &options),
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
    let page = match page_options(options_json, &["clamp"]) {
        Ok(page) => page,
        Err(output) => return output,
    };
    let clamp = match page.get("clamp") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(clamp)) => *clamp,
        Some(_) => return option_error("clamp: expected true or false".into()),
    };
    let options = crate::mermaid::MermaidOptions { clamp };
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
