//! The render info: what a page's view needs to know of a rendered map
//! besides its SVG (the canvas size, each stage's zoom box, label and
//! smallest text, the resolved palettes, the map's own theme mode), as
//! JSON. One builder for both bindings: the wasm's `render` returns it
//! beside the SVG, and the pre-rendered fragment (`crate::embed`, written
//! by `journeymap render --format fragment|html`) carries it, so that the
//! shell can make a pre-rendered map interactive without the layout.

use super::{classes, stage_label};
use crate::i18n::ViewWords;
use crate::layout::{Direction, Layout, LayoutKind, Rect, Swatch, ThemeMode};
use serde::Serialize;

/// What a page needs to know of each stage to zoom to it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct StageInfo<'a> {
    index: usize,
    id: &'a str,
    name: &'a str,
    /// The header's accessible name, as the SVG has it.
    label: String,
    /// The live region's text when the view is zoomed to this stage.
    announce: String,
    header: Rect,
    zoom: Rect,
    has_detail: bool,
    /// The smallest font size (SVG units) in the stage's detail panel and
    /// cards, badges included: the zoomed view keeps it readable. `None`
    /// when the stage shows no such text.
    min_font_size: Option<f64>,
}

/// The render info of one layout: serialize it (serde) for the page.
#[derive(Serialize)]
pub struct RenderInfo<'a> {
    /// Which layout was drawn: the shell scrolls to a stacked map's
    /// sections instead of zooming.
    layout: LayoutKind,
    /// The map's reading direction (`ltr`, `rtl`): the view's arrow keys
    /// and stage buttons follow it.
    dir: Direction,
    width: f64,
    height: f64,
    stages: Vec<StageInfo<'a>>,
    palette: Palettes,
    /// The map's own theme mode (before a page's override): the shell
    /// re-themes `auto` maps when the page switches to dark.
    theme: ThemeMode,
    /// Persona ids, channel ids and owner names, in index order: what
    /// `view.focusPersona(id)` and the others look names up in.
    focus: &'a crate::layout::FocusKeys,
    /// The view's words in the map's language.
    words: ViewWords,
    /// Whether the map's language is one this build has no words for and
    /// the page did not supply: the shell loads the words companion and
    /// renders again.
    #[serde(rename = "missingWords")]
    missing_words: bool,
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

/// The render info of `layout`.
pub fn render_info(layout: &Layout) -> RenderInfo<'_> {
    RenderInfo {
        layout: layout.kind,
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
                label: stage_label(stage, layout.stages.len(), &layout.words),
                announce: ViewWords::stage(
                    &layout.words,
                    stage.index,
                    layout.stages.len(),
                    &stage.name,
                ),
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
        theme: layout.palette.mode,
        focus: &layout.focus,
        words: ViewWords::new(&layout.words, layout.lang.as_deref().unwrap_or("en"), 0, 0),
        missing_words: !cfg!(feature = "all-languages")
            && layout
                .lang
                .as_deref()
                .is_some_and(|tag| layout.words.language() == "en" && crate::i18n::lacks(tag)),
    }
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

/// The class and attribute names of [`classes`] that the shell relies on,
/// as the shell reads them (camelCase keys).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Classes {
    stage: &'static str,
    detail: &'static str,
    open: &'static str,
    card: &'static str,
    stage_index: &'static str,
    theme_light: &'static str,
    theme_dark: &'static str,
    theme_auto: &'static str,
    stacked: &'static str,
    focusable: &'static str,
    curve_group: &'static str,
    focus: &'static str,
    focus_persona: &'static str,
    focus_channel: &'static str,
    focus_owner: &'static str,
    persona_index: &'static str,
    channel_index: &'static str,
    owner_index: &'static str,
}

/// The names of `src/render/classes.rs`, for the shell.
pub const CLASSES: Classes = Classes {
    stage: classes::STAGE,
    detail: classes::DETAIL,
    open: classes::OPEN,
    card: classes::CARD,
    stage_index: classes::STAGE_INDEX,
    theme_light: classes::THEME_LIGHT,
    theme_dark: classes::THEME_DARK,
    theme_auto: classes::THEME_AUTO,
    stacked: classes::STACKED,
    focusable: classes::FOCUSABLE,
    curve_group: classes::CURVE_GROUP,
    focus: classes::FOCUS,
    focus_persona: classes::FOCUS_PERSONA,
    focus_channel: classes::FOCUS_CHANNEL,
    focus_owner: classes::FOCUS_OWNER,
    persona_index: classes::PERSONA_INDEX,
    channel_index: classes::CHANNEL_INDEX,
    owner_index: classes::OWNER_INDEX,
};
