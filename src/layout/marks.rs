//! The marks of a diff drawn on a map (`journeymap diff`): which cards and
//! stage headers were added, changed or removed, what a changed card was,
//! where a changed score's old point sat, and the legend of the marks.
//! Made by `crate::diff::mark`; pure data like the rest of the layout.

use super::geometry::{Point, Rect};
use super::text::{SMALL, TextBlock};
use crate::text::TextMeasure;
use serde::Serialize;

/// What happened to a card or a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mark {
    Added,
    Changed,
    Removed,
}

impl Mark {
    pub const ALL: [Mark; 3] = [Mark::Added, Mark::Changed, Mark::Removed];

    pub fn word(self) -> &'static str {
        match self {
            Mark::Added => "added",
            Mark::Changed => "changed",
            Mark::Removed => "removed",
        }
    }
}

/// A marked card (index into [`super::Layout::cards`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CardMark {
    pub card: usize,
    pub mark: Mark,
    /// A changed card's old text, drawn struck through under the new one.
    pub old_text: Option<TextBlock>,
    /// A changed score, "2 → 4".
    pub note: Option<TextBlock>,
}

/// A changed score's old point on the emotion curve.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GhostPoint {
    pub at: Point,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MarksLegend {
    pub rect: Rect,
    /// A swatch and its word per mark, in [`Mark::ALL`]'s order.
    pub entries: Vec<(Mark, Rect, TextBlock)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffMarks {
    pub cards: Vec<CardMark>,
    /// Marked stage headers: the stage index and its mark.
    pub stages: Vec<(usize, Mark)>,
    pub ghost_points: Vec<GhostPoint>,
    pub legend: MarksLegend,
}

const SWATCH: f64 = 14.0;
const ROW: f64 = 22.0;
const ENTRY_WIDTH: f64 = 110.0;

/// The legend of the marks, one row from `(x, y)`.
pub fn legend(measure: &dyn TextMeasure, x: f64, y: f64) -> MarksLegend {
    let entries: Vec<(Mark, Rect, TextBlock)> = Mark::ALL
        .iter()
        .enumerate()
        .map(|(i, &mark)| {
            let left = x + i as f64 * ENTRY_WIDTH;
            (
                mark,
                Rect::new(left, y + (ROW - SWATCH) / 2.0, SWATCH, SWATCH),
                TextBlock::new(
                    measure,
                    mark.word(),
                    left + SWATCH + 6.0,
                    y + 3.0,
                    ENTRY_WIDTH - SWATCH - 12.0,
                    SMALL,
                ),
            )
        })
        .collect();
    MarksLegend {
        rect: Rect::new(x, y, ENTRY_WIDTH * Mark::ALL.len() as f64, ROW),
        entries,
    }
}

/// The legend's height with the gap above it, which the canvas grows by.
pub const LEGEND_SPACE: f64 = ROW + 16.0;
