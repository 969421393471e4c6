//! The pre-rendered fragment: a map as a `<journey-map>` element that holds
//! its rendered `<svg>` and what the browser shell needs to make it
//! interactive without laying it out again (`journeymap render --format
//! fragment`, the wasm's `fragment`, and through it a Node build's
//! `JourneyMap.renderFragment`). One builder, so that the CLI, a static
//! site's build and the shell agree on the format:
//!
//! ```html
//! <journey-map data-jm-prerendered>
//!   <style>journey-map>svg{…}</style>
//!   <script type="application/json">the map's JSON</script>
//!   <script type="application/vnd.journeymap.view+json">{"prefix", "classes", "info"}</script>
//!   <svg …>…</svg>
//! </journey-map>
//! ```
//!
//! With scripting off the SVG shows (the two scripts never do); with
//! `dist/journeymap.js` on the page the element adopts the SVG as its view
//! (`www/src/hydrate.js`). The map's JSON is there for what needs the core
//! again: a re-theme or a change of the element's attributes. A `theme`
//! given at render time is kept as the element's `theme` attribute.

use crate::layout::{Layout, ThemeMode};
use crate::render::{self, RenderOptions, info};
use serde::Serialize;

/// What the shell's view needs besides the SVG: the SVG's id prefix, the
/// class names it finds things by, and the render info.
#[derive(Serialize)]
struct ViewData<'a> {
    prefix: &'a str,
    classes: info::Classes,
    info: info::RenderInfo<'a>,
}

/// The `type` of the script holding the view data.
pub const VIEW_DATA_TYPE: &str = "application/vnd.journeymap.view+json";

/// The attribute that marks the element as pre-rendered: the shell starts
/// the core early for every other `<journey-map>`, never for these.
pub const PRERENDERED: &str = "data-jm-prerendered";

/// The style the fragment brings for itself: the SVG scales down to the
/// page's width before (and without) the script.
const FRAGMENT_STYLE: &str =
    "journey-map{display:block}journey-map>svg{display:block;max-width:100%;height:auto}";

/// JSON inside `<script>`: in valid JSON `<` occurs only inside strings,
/// where `\u003c` means the same, so `</script>` and `<!--` cannot occur.
fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

/// The map's JSON without its whitespace (the page needs no line numbers:
/// the map is valid). Written by `serde_json::to_string`, not `Value`'s
/// `Display`, which would bring serde_json's pretty printer into the wasm
/// (2 KB of the gzipped browser script).
fn compact(map_json: &str) -> String {
    serde_json::from_str::<serde_json::Value>(map_json)
        .and_then(|value| serde_json::to_string(&value))
        .unwrap_or_else(|_| map_json.trim().to_owned())
}

/// The fragment of a map: `map_json` is the map's JSON text (the one the
/// layout was made from).
pub fn fragment(map_json: &str, layout: &Layout, options: &RenderOptions) -> String {
    let svg = render::render(layout, options);
    let prefix = if render::is_valid_id_prefix(&options.id_prefix) {
        options.id_prefix.as_str()
    } else {
        "jm"
    };
    let view = ViewData {
        prefix,
        classes: info::CLASSES,
        info: info::render_info(layout),
    };
    let view = serde_json::to_string(&view).unwrap_or_else(|_| "{}".into());
    let theme = match options.theme {
        None => "",
        Some(ThemeMode::Light) => " theme=\"light\"",
        Some(ThemeMode::Dark) => " theme=\"dark\"",
        Some(ThemeMode::Auto) => " theme=\"auto\"",
    };
    format!(
        "<journey-map {PRERENDERED}{theme}>\n<style>{FRAGMENT_STYLE}</style>\n\
         <script type=\"application/json\">{}</script>\n\
         <script type=\"{VIEW_DATA_TYPE}\">{}</script>\n{svg}\n</journey-map>\n",
        script_json(&compact(map_json)),
        script_json(&view),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_map_text_cannot_end_the_script() {
        let map = r#"{"title":"</script><script>alert(1)</script><!--","stages":[{"name":"A"}]}"#;
        let model = crate::validate(map).unwrap();
        let out = fragment(
            map,
            &crate::layout::layout(&model),
            &RenderOptions::default(),
        );
        assert_eq!(out.matches("</script>").count(), 2);
        assert!(!out.contains("<!--"));
        let view_start = out.find(VIEW_DATA_TYPE).unwrap() + VIEW_DATA_TYPE.len() + 2;
        let view_end = view_start + out[view_start..].find("</script>").unwrap();
        let view: serde_json::Value = serde_json::from_str(&out[view_start..view_end]).unwrap();
        assert_eq!(view["prefix"], "jm");
        assert_eq!(view["classes"]["stage"], "jm-stage");
        assert_eq!(view["info"]["stages"][0]["name"], "A");
    }
}
