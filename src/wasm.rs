//! The WebAssembly boundary: map text in, SVG text and a little JSON out.
//!
//! Kept boring on purpose: strings cross the boundary (the JS shell turns a
//! JS object into JSON text first, so NaN, Infinity and prototype tricks
//! never reach the core), and errors come back as data, not exceptions.

use crate::layout::{Layout, Rect};
use crate::model::ThemeMode;
use crate::render::{RenderOptions, is_valid_id_prefix};
use crate::validate::rules::ALLOWED_SCHEMES;
use crate::{Diagnostic, layout, render, validate};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::wasm_bindgen;

/// The options a page passes as JSON:
/// `{"idPrefix": "jm1", "theme": "dark", "links": ["https"]}`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PageOptions {
    id_prefix: Option<String>,
    theme: Option<String>,
    links: Option<Vec<String>>,
}

/// What a page needs to know of each stage to zoom to it.
#[derive(Serialize)]
struct StageInfo<'a> {
    index: usize,
    id: &'a str,
    name: &'a str,
    header: Rect,
    zoom: Rect,
    #[serde(rename = "hasDetail")]
    has_detail: bool,
}

#[derive(Serialize)]
struct RenderInfo<'a> {
    width: f64,
    height: f64,
    stages: Vec<StageInfo<'a>>,
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
    failure(&[Diagnostic {
        path: "options".into(),
        line: None,
        column: None,
        message,
    }])
}

fn render_options(options_json: &str) -> Result<RenderOptions, Output> {
    let page: PageOptions = if options_json.trim().is_empty() {
        PageOptions::default()
    } else {
        serde_json::from_str(options_json)
            .map_err(|error| option_error(format!("invalid options: {error}")))?
    };
    let mut options = RenderOptions::default();
    if let Some(prefix) = page.id_prefix {
        if !is_valid_id_prefix(&prefix) {
            return Err(option_error(
                "idPrefix: expected a letter followed by letters, digits, - or _".into(),
            ));
        }
        options.id_prefix = prefix;
    }
    options.theme = match page.theme.as_deref() {
        None => None,
        Some("light") => Some(ThemeMode::Light),
        Some("dark") => Some(ThemeMode::Dark),
        Some("auto") => Some(ThemeMode::Auto),
        Some(other) => {
            return Err(option_error(format!(
                "theme: expected \"light\", \"dark\" or \"auto\", found {}",
                crate::diagnostic::quote(other)
            )));
        }
    };
    if let Some(links) = page.links {
        let schemes: Vec<String> = links
            .iter()
            .map(|s| s.trim_end_matches(':').to_ascii_lowercase())
            .collect();
        if let Some(other) = schemes
            .iter()
            .find(|s| !ALLOWED_SCHEMES.contains(&s.as_str()))
        {
            return Err(option_error(format!(
                "links: a page may only narrow the link schemes to some of http, https and mailto, found {}",
                crate::diagnostic::quote(other)
            )));
        }
        options.link_schemes = schemes;
    }
    Ok(options)
}

fn info(layout: &Layout) -> String {
    let info = RenderInfo {
        width: layout.width,
        height: layout.height,
        stages: layout
            .stages
            .iter()
            .map(|stage| StageInfo {
                index: stage.index,
                id: &stage.id,
                name: &stage.name,
                header: stage.header,
                zoom: stage.zoom,
                has_detail: layout.details.iter().any(|d| d.stage_index == stage.index),
            })
            .collect(),
    };
    serde_json::to_string(&info).unwrap_or_else(|_| "{}".into())
}

/// Validates, lays out and renders a map given as JSON text.
#[wasm_bindgen]
pub fn render(map_json: &str, options_json: &str) -> Output {
    let options = match render_options(options_json) {
        Ok(options) => options,
        Err(output) => return output,
    };
    match validate(map_json) {
        Ok(map) => {
            let layout = layout::layout(&map);
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
    match validate(map_json) {
        Ok(_) => "[]".into(),
        Err(diagnostics) => serde_json::to_string(&diagnostics).unwrap_or_else(|_| "[]".into()),
    }
}

/// Converts a Mermaid `journey` diagram to a map: `ok`, then `svg` empty and
/// `info` holding `{"map": …, "warnings": […]}`, or the diagnostics.
/// Options JSON: `{"clamp": true}` clamps out-of-range scores into 1–5.
#[wasm_bindgen(js_name = fromMermaid)]
pub fn from_mermaid(text: &str, options_json: &str) -> Output {
    #[derive(Deserialize, Default)]
    #[serde(deny_unknown_fields)]
    struct MermaidPageOptions {
        clamp: Option<bool>,
    }
    let page: MermaidPageOptions = if options_json.trim().is_empty() {
        MermaidPageOptions::default()
    } else {
        match serde_json::from_str(options_json) {
            Ok(page) => page,
            Err(error) => return option_error(format!("invalid options: {error}")),
        }
    };
    let options = crate::mermaid::MermaidOptions {
        clamp: page.clamp.unwrap_or(false),
    };
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
