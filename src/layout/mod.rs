//! Layout: the validated map as pure geometry — rectangles, wrapped lines,
//! curve points — with no SVG in it.
//!
//! [`layout`] decides everything the picture shows and where; the renderer
//! only draws what it finds here. Keeping the two apart lets the tests check
//! geometry directly (cards inside their cells, no overlaps, every text
//! present) and lets `journeymap layout` print it as JSON.
//!
//! Two layouts share these types: [`layout`] (wide) and [`stacked`] (for
//! phones; see its module). Wide, from top to bottom: the header (title, description, personas), the grid
//! (stage headers as columns, lanes as rows, cards stacked in their cells),
//! the channel scorecard with the legend and the footer (the data's
//! sources) beside it. Each stage with
//! details also gets a panel for the zoomed view ([`DetailPanel`]). The
//! [`Palette`] holds every colour and the font stack, resolved here so that
//! the renderer never reads the map.
//!
//! A right-to-left map is laid out left to right, then mirrored as a whole
//! (`mirror`).
//!
//! Every type of the layout is exported from this module; its submodules
//! are private, so what they make `pub` is for the crate only.

mod card;
mod channel_use;
mod details;
mod emotion;
mod focus;
mod geometry;
mod grid;
mod header;
mod legend;
mod marks;
mod metrics;
mod mirror;
mod palette;
mod scorecard;
mod stacked;
mod text;

use crate::i18n::Words;
use crate::model::Map;
use crate::text::{LiberationTable, TextMeasure};
use serde::Serialize;

/// The model's values the layout carries as they are.
pub use crate::model::{Color, Icon, LaneKind, ThemeMode, Tone};
pub use crate::text::Direction;
pub use card::{Card, ChannelIcon, Chip, ChipKind, LINK_SCHEMES};
pub use details::DetailPanel;
pub use emotion::{Curve, CurvePoint, EmotionChart, POINT_DIAMETER};
pub use focus::{Focus, FocusKeys};
pub use geometry::{Point, Rect};
pub use grid::{Cell, LaneRow, Route, Rule, StageColumn, SubRow};
pub use header::{Header, PersonaBox};
pub use legend::{Footer, Legend, LegendEntry, LegendMark};
pub use marks::{
    CardMark, DiffMarks, GhostPoint, LEGEND_SPACE as MARKS_LEGEND_SPACE, Mark, MarksLegend,
    legend as marks_legend,
};
pub use metrics::{DropOff, FunnelBar, Kpi, MetricsCell};
pub use palette::{Palette, Swatch};
pub use scorecard::{ChannelMetric, ScoreMark, Scorecard, ScorecardRow};
pub use stacked::{STACKED_MAX_WIDTH, STACKED_MIN_WIDTH, STACKED_WIDTH, stacked, stacked_with};
pub use text::{Align, COMMON_SIZE, Style, TextBlock};

/// Space around the whole map.
const MARGIN: f64 = 32.0;
/// The narrowest canvas, so that a one-stage map still has room for its
/// title.
const MIN_WIDTH: f64 = 640.0;
const SECTION_GAP: f64 = 24.0;
/// The narrowest the legend and the sources stand beside the channel
/// scorecard; with less room they go under it.
const BESIDE_MIN: f64 = 240.0;

/// Which of the two layouts a [`Layout`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LayoutKind {
    /// Stages as columns, lanes as rows ([`layout`]).
    Wide,
    /// Stages one under another, for narrow screens ([`stacked`]).
    Stacked,
}

/// A map laid out: everything the renderer draws, in SVG user units.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Layout {
    pub kind: LayoutKind,
    /// The map's reading direction, resolved (`dir`, `lang`, the title):
    /// a right-to-left layout is the mirror image of the left-to-right one.
    /// Written in the layout JSON only when `rtl`.
    #[serde(skip_serializing_if = "is_ltr")]
    pub dir: Direction,
    pub width: f64,
    pub height: f64,
    pub header: Header,
    pub stages: Vec<StageColumn>,
    pub lanes: Vec<LaneRow>,
    pub cells: Vec<Cell>,
    pub cards: Vec<Card>,
    pub emotion: Vec<EmotionChart>,
    pub metrics: Vec<MetricsCell>,
    pub rules: Vec<Rule>,
    pub routes: Vec<Route>,
    pub details: Vec<DetailPanel>,
    /// The channel scorecard, beside the legend (in the stacked layout a
    /// section above it), on a map whose items use channels.
    pub scorecard: Option<Scorecard>,
    pub legend: Option<Legend>,
    pub footer: Option<Footer>,
    /// The grid's box: stage headers and lanes, header column included.
    pub grid: Rect,
    /// Colours and fonts, resolved for every theme mode.
    pub palette: Palette,
    /// The marks of a diff, on a map drawn by `journeymap diff` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marks: Option<DiffMarks>,
    /// What a reader can focus on, by id (owners by name).
    pub focus: FocusKeys,
    /// The map's language tag, written on the SVG root.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The built-in words in the map's language (its `labels` over them),
    /// for the texts the renderer writes around the layout's own: tooltips,
    /// accessible names, the summary, the browser view's words.
    #[serde(skip)]
    pub words: Words,
}

/// Lays out a validated map wide (stages as columns), measuring text with
/// the Liberation Sans table: the deterministic default.
pub fn layout(map: &Map) -> Layout {
    layout_with(map, &LiberationTable)
}

/// The font stack the SVG of `map` is drawn in (its palette's): what a
/// measurer of the page's real font must measure with.
#[must_use]
pub fn font_stack(map: &Map) -> String {
    palette::font_family(map.theme.font.as_deref().unwrap_or(""))
}

/// Lays out a validated map, measuring text with `measure`.
pub fn layout_with(map: &Map, measure: &dyn TextMeasure) -> Layout {
    let palette = palette::palette(&map.theme, &map.personas);
    let persona_colors = &palette.personas;
    // The columns decide the width; the header wraps to it, and the grid
    // goes under the header.
    let widths = grid::column_widths(measure, map);
    let grid_right = MARGIN + grid::LANE_HEADER_WIDTH + widths.iter().sum::<f64>();
    let content_width = (grid_right - MARGIN).max(MIN_WIDTH - 2.0 * MARGIN);
    let width = (content_width + 2.0 * MARGIN).ceil();
    let header = header::header(
        measure,
        map,
        (MARGIN, MARGIN),
        content_width,
        persona_colors,
        text::LABEL,
    );
    let grid_top = header.bottom + SECTION_GAP;
    let mut grid = grid::grid(measure, map, MARGIN, grid_top, &widths, persona_colors);
    let focus = focus::keys(map);
    focus::mark_owners(map, &focus, &mut grid.cards);

    let details: Vec<DetailPanel> = map
        .stages
        .iter()
        .enumerate()
        .filter(|(_, stage)| details::has_details(stage))
        .filter_map(|(index, stage)| {
            let column = grid.columns.get(index)?;
            Some(details::panel(
                measure,
                index,
                stage,
                map,
                (
                    column.x + column.width + details::PANEL_GAP,
                    column.header.y,
                ),
                details::PANEL_WIDTH,
                text::LABEL,
            ))
        })
        .collect();
    for column in &mut grid.columns {
        let panel = details.iter().find(|p| p.stage_index == column.index);
        let right = panel.map_or(column.x + column.width, |p| p.rect.right());
        let bottom = panel.map_or(grid.bottom, |p| p.rect.bottom().max(grid.bottom));
        column.zoom = Rect::new(
            column.x - details::PANEL_GAP,
            column.header.y - details::PANEL_GAP,
            right - column.x + 2.0 * details::PANEL_GAP,
            bottom - column.header.y + 2.0 * details::PANEL_GAP,
        );
    }

    // Under the grid: the scorecard, with the legend and then the sources
    // beside it when there is room (a column of their own), else under it.
    let top = grid.bottom + SECTION_GAP;
    let scorecard = scorecard::scorecard(
        measure,
        map,
        (MARGIN, top),
        content_width,
        (text::LABEL, text::BADGE),
    );
    let (column_x, mut cursor) = match &scorecard {
        Some(card) if MARGIN + content_width - card.rect.right() - SECTION_GAP >= BESIDE_MIN => {
            (card.rect.right() + SECTION_GAP, top)
        }
        Some(card) => (MARGIN, card.rect.bottom() + SECTION_GAP),
        None => (MARGIN, top),
    };
    let column_width = MARGIN + content_width - column_x;
    let legend = legend::legend(
        measure,
        map,
        (column_x, cursor),
        column_width,
        persona_colors,
        text::LABEL,
    );
    if let Some(legend) = &legend {
        cursor = legend.rect.bottom() + SECTION_GAP;
    }
    let footer = legend::footer(measure, map, (column_x, cursor), column_width, text::LABEL);
    let bottom = [
        Some(grid.bottom),
        scorecard.as_ref().map(|c| c.rect.bottom()),
        legend.as_ref().map(|l| l.rect.bottom()),
        footer.as_ref().map(|f| f.bottom),
    ]
    .into_iter()
    .flatten()
    .fold(0.0, f64::max);
    let mut layout = Layout {
        kind: LayoutKind::Wide,
        dir: Direction::Ltr,
        width,
        height: (bottom + MARGIN).ceil(),
        grid: Rect::new(
            MARGIN,
            grid_top,
            grid.right - MARGIN,
            grid.bottom - grid_top,
        ),
        header,
        stages: grid.columns,
        lanes: grid.lanes,
        cells: grid.cells,
        cards: grid.cards,
        emotion: grid.emotion,
        metrics: grid.metrics,
        rules: grid.rules,
        routes: grid.routes,
        details,
        scorecard,
        legend,
        footer,
        palette,
        marks: None,
        focus,
        lang: map.lang.clone(),
        words: map.words.clone(),
    };
    mirror::apply(map, &mut layout);
    layout
}

fn is_ltr(dir: &Direction) -> bool {
    *dir == Direction::Ltr
}
