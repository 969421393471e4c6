//! Layout: the validated map as pure geometry — rectangles, wrapped lines,
//! curve points — with no SVG in it.
//!
//! [`layout`] decides everything the picture shows and where; the renderer
//! only draws what it finds here. Keeping the two apart lets the tests check
//! geometry directly (cards inside their cells, no overlaps, every text
//! present) and lets `journeymap layout` print it as JSON.
//!
//! From top to bottom: the header (title, description, personas), the grid
//! (stage headers as columns, lanes as rows, cards stacked in their cells),
//! the legend and the footer with the data's sources. Each stage with
//! details also gets a panel for the zoomed view ([`details`]).

pub mod card;
pub mod details;
pub mod emotion;
pub mod geometry;
pub mod grid;
pub mod header;
pub mod legend;
pub mod metrics;
mod palette;
pub mod text;

use crate::model::{Color, Map, Theme};
use serde::Serialize;

pub use card::Card;
pub use geometry::{Point, Rect};
pub use text::TextBlock;

/// Space around the whole map.
pub const MARGIN: f64 = 32.0;
/// The narrowest canvas, so that a one-stage map still has room for its
/// title.
const MIN_WIDTH: f64 = 640.0;
const SECTION_GAP: f64 = 24.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub header: header::Header,
    pub stages: Vec<grid::StageColumn>,
    pub lanes: Vec<grid::LaneRow>,
    pub cells: Vec<grid::Cell>,
    pub cards: Vec<Card>,
    pub emotion: Vec<emotion::EmotionChart>,
    pub metrics: Vec<metrics::MetricsCell>,
    pub rules: Vec<grid::Rule>,
    pub routes: Vec<grid::Route>,
    pub details: Vec<details::DetailPanel>,
    pub legend: Option<legend::Legend>,
    pub footer: Option<legend::Footer>,
    /// The grid's box: stage headers and lanes, header column included.
    pub grid: Rect,
    pub theme: Theme,
    /// One colour per persona, in the order of the map's personas.
    pub persona_colors: Vec<Color>,
}

pub fn layout(map: &Map) -> Layout {
    let persona_colors: Vec<Color> = map
        .personas
        .iter()
        .enumerate()
        .map(|(i, p)| palette::persona_color(p, i))
        .collect();
    // The columns decide the width; the header wraps to it, and the grid
    // goes under the header.
    let widths = grid::column_widths(map);
    let grid_right = MARGIN + grid::LANE_HEADER_WIDTH + widths.iter().sum::<f64>();
    let content_width = (grid_right - MARGIN).max(MIN_WIDTH - 2.0 * MARGIN);
    let width = (content_width + 2.0 * MARGIN).ceil();
    let header = header::header(map, MARGIN, MARGIN, content_width, &persona_colors);
    let grid_top = header.bottom + SECTION_GAP;
    let mut grid = grid::grid(map, MARGIN, grid_top, &widths, &persona_colors);

    let details: Vec<details::DetailPanel> = map
        .stages
        .iter()
        .enumerate()
        .filter(|(_, stage)| details::has_details(stage))
        .filter_map(|(index, stage)| {
            let column = grid.columns.get(index)?;
            Some(details::panel(
                index,
                stage,
                column.x + column.width + details::PANEL_GAP,
                column.header.y,
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

    let mut bottom = grid.bottom;
    let legend = legend::legend(
        map,
        MARGIN,
        bottom + SECTION_GAP,
        content_width,
        &persona_colors,
    );
    if let Some(legend) = &legend {
        bottom = legend.rect.bottom();
    }
    let footer = legend::footer(map, MARGIN, bottom + SECTION_GAP, content_width);
    if let Some(footer) = &footer {
        bottom = footer.bottom;
    }
    Layout {
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
        legend,
        footer,
        theme: map.theme.clone(),
        persona_colors,
    }
}
