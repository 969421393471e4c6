//! Stage details for zooming in: each stage's `detail`, `quotes`, its
//! items' `detail` and the names of the sources its items cite, laid out in
//! a panel beside the stage's column.
//!
//! The overview does not show them (there is no room to read them there).
//! When the viewer zooms to a stage, the view frames the stage's column and
//! its panel (`StageColumn::zoom` in [`super::grid::StageColumn`]), and the page shows
//! the panel. The panel lies over the next columns, which are then out of
//! view or dimmed; it may reach past the overview's canvas, which only the
//! zoomed view shows.

use super::geometry::Rect;
use super::legend::numbered;
use super::text::{BODY, QUOTE, SMALL, STAGE_NAME, Style, TextBlock};
use crate::i18n::Key;
use crate::model::{Map, Stage};
use crate::text::TextMeasure;
use serde::Serialize;

pub const PANEL_WIDTH: f64 = 380.0;
pub const PANEL_GAP: f64 = 16.0;
const PADDING: f64 = 18.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DetailPanel {
    pub stage_index: usize,
    pub rect: Rect,
    /// Every text of the panel, top to bottom.
    pub texts: Vec<TextBlock>,
    /// The accent bars beside quotes.
    pub quote_bars: Vec<Rect>,
}

/// Whether a stage has anything to show when zoomed in.
pub fn has_details(stage: &Stage) -> bool {
    stage.detail.is_some()
        || !stage.quotes.is_empty()
        || stage
            .cells
            .iter()
            .flatten()
            .any(|item| item.detail.is_some() || !item.sources.is_empty())
}

/// The panel of a stage's details, `panel_width` wide, at `x, y`, its
/// headings in `label`.
pub fn panel(
    measure: &dyn TextMeasure,
    stage_index: usize,
    stage: &Stage,
    map: &Map,
    (x, y): (f64, f64),
    panel_width: f64,
    label: Style,
) -> DetailPanel {
    let words = &map.words;
    let inner_x = x + PADDING;
    let width = panel_width - 2.0 * PADDING;
    let mut texts = Vec::new();
    let mut quote_bars = Vec::new();
    let mut cursor = y + PADDING;
    let add = |texts: &mut Vec<TextBlock>, block: TextBlock, gap: f64, cursor: &mut f64| {
        *cursor = block.bottom() + gap;
        texts.push(block);
    };
    add(
        &mut texts,
        TextBlock::new(measure, &stage.name, inner_x, cursor, width, STAGE_NAME),
        10.0,
        &mut cursor,
    );
    if let Some(detail) = &stage.detail {
        add(
            &mut texts,
            TextBlock::new(measure, detail, inner_x, cursor, width, BODY),
            12.0,
            &mut cursor,
        );
    }
    if !stage.quotes.is_empty() {
        add(
            &mut texts,
            TextBlock::new(
                measure,
                words.get(Key::WhatCustomersSay),
                inner_x,
                cursor,
                width,
                label,
            ),
            6.0,
            &mut cursor,
        );
        for quote in &stage.quotes {
            let block = TextBlock::new(measure, quote, inner_x + 12.0, cursor, width - 12.0, QUOTE);
            quote_bars.push(Rect::new(inner_x, block.y, 3.0, block.height()));
            add(&mut texts, block, 10.0, &mut cursor);
        }
    }
    let item_details: Vec<(&str, &str)> = stage
        .cells
        .iter()
        .flatten()
        .filter_map(|item| item.detail.as_deref().map(|d| (item.text.as_str(), d)))
        .collect();
    if !item_details.is_empty() {
        add(
            &mut texts,
            TextBlock::new(
                measure,
                words.get(Key::InDetail),
                inner_x,
                cursor,
                width,
                label,
            ),
            6.0,
            &mut cursor,
        );
        for (text, detail) in item_details {
            add(
                &mut texts,
                TextBlock::new(measure, text, inner_x, cursor, width, SMALL),
                2.0,
                &mut cursor,
            );
            add(
                &mut texts,
                TextBlock::new(measure, detail, inner_x, cursor, width, BODY),
                10.0,
                &mut cursor,
            );
        }
    }
    let items = || stage.cells.iter().flatten();
    let cited: Vec<usize> = (0..map.sources.len())
        .filter(|s| items().any(|item| item.sources.contains(s)))
        .collect();
    if !cited.is_empty() {
        let heading = words.get(Key::Sources);
        add(
            &mut texts,
            TextBlock::new(measure, heading, inner_x, cursor, width, label),
            6.0,
            &mut cursor,
        );
        let at = (inner_x, cursor);
        let (numbers, sources, bottom) =
            numbered(measure, &map.sources, words, cited.into_iter(), at, width);
        texts.extend(numbers.into_iter().chain(sources));
        cursor = bottom + 10.0;
    }
    DetailPanel {
        stage_index,
        rect: Rect::new(x, y, panel_width, cursor - y + PADDING - 10.0),
        texts,
        quote_bars,
    }
}
