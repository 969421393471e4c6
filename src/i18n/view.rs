//! The browser view's words, filled in by the core: the shell (toolbar,
//! live region, error box, playground) shows these texts as they are and
//! keeps no word table of its own.

use super::{Key, Words};
use serde::Serialize;

/// The texts of the browser view in one language, counts filled in.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ViewWords {
    /// The map's language tag, for the view's `lang` attribute.
    pub lang: String,
    pub toolbar: String,
    /// The back button's text, without its arrow.
    pub whole_map: String,
    pub back: String,
    pub previous: String,
    pub next: String,
    pub zoom_in: String,
    pub zoom_out: String,
    /// The live region, zoomed in elsewhere than a stage.
    pub zoomed: String,
    /// The live region, whole map.
    pub overview: String,
    /// The live region, whole map, in the stacked layout (the page scrolls).
    pub overview_stacked: String,
    pub download_svg: String,
    pub download_png: String,
    /// The heading of a problem list.
    pub problems: String,
    /// The error box's heading for `problem_count` problems.
    pub error_heading: String,
    pub problem_count: String,
    pub warning_count: String,
    pub no_problems: String,
    /// Set by the browser core when the language is one it has no words
    /// for (they are English): the shell asks again with the companion's.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub missing_words: bool,
}

impl ViewWords {
    /// The view's words for `lang`, with `problems` and `warnings` counted.
    pub fn new(words: &Words, lang: &str, problems: u64, warnings: u64) -> ViewWords {
        let text = |key| words.get(key).to_owned();
        // The back button's name must hold its visible text (WCAG 2.5.3,
        // label in name): where the language's two words do not, the name
        // starts with the visible one. (Letters compared ignoring ASCII case
        // only: full Unicode lowercasing would cost the wasm 4 KB of tables.)
        let (whole_map, back) = (text(Key::ViewWholeMap), text(Key::ViewBack));
        let back = if contains_text(&back.to_ascii_lowercase(), &whole_map.to_ascii_lowercase()) {
            back
        } else {
            format!("{whole_map}: {back}")
        };
        let problem_count = words.count(Key::ProblemCount, problems, &[]);
        ViewWords {
            lang: lang.to_owned(),
            toolbar: text(Key::ViewToolbar),
            whole_map,
            back,
            previous: text(Key::ViewPrevious),
            next: text(Key::ViewNext),
            zoom_in: text(Key::ViewZoomIn),
            zoom_out: text(Key::ViewZoomOut),
            zoomed: text(Key::ViewZoomed),
            overview: text(Key::ViewOverview),
            overview_stacked: text(Key::ViewOverviewStacked),
            download_svg: text(Key::DownloadSvg),
            download_png: text(Key::DownloadPng),
            problems: text(Key::Problems),
            error_heading: words.fill(Key::ErrorHeading, &[("problems", &problem_count)]),
            problem_count,
            warning_count: words.count(Key::WarningCount, warnings, &[]),
            no_problems: text(Key::NoProblems),
            missing_words: false,
        }
    }

    /// The live region's text when zoomed to stage `index` (0-based) of
    /// `total`: "Stage 2 of 6: Sign up".
    pub fn stage(words: &Words, index: usize, total: usize, name: &str) -> String {
        let n = words.number((index + 1) as f64);
        let total = words.number(total as f64);
        words.fill(
            Key::ViewStage,
            &[("n", &n), ("total", &total), ("name", name)],
        )
    }
}

/// Whether `needle` occurs in `haystack`, compared by bytes (the same answer
/// for UTF-8): `str::contains` would link std's substring search, with its
/// panics, into the wasm.
fn contains_text(haystack: &str, needle: &str) -> bool {
    needle.is_empty()
        || haystack
            .as_bytes()
            .windows(needle.len())
            .any(|window| window == needle.as_bytes())
}

/// The `lang` of a map document, read as well as it can be, for the words
/// around a map that cannot be shown: a well-formed tag at the top level,
/// else none.
pub fn lang_of_document(text: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let tag = value.get("lang")?.as_str()?;
    crate::format::lang::check_lang(tag).ok()
}
