//! The stacked layout, for phones and other narrow screens: the stages one
//! under another, each a section as wide as the screen.
//!
//! The wide layout draws a 6-stage map 1,400 px wide; shrunk to a 390 px
//! phone its card text is 4 px tall. Stacked, the canvas is as wide as the
//! screen and the text keeps its size. Each section has the stage's header
//! (the `jm-stage` the reader taps and links to), then its lanes in the
//! map's order, each a labelled group at full width:
//!
//! - text and touchpoint lanes: the cards, one under another; in a
//!   `byChannel` lane each card also names its channel, and the route joins
//!   the cards in reading order;
//! - the emotion lane: a short strip with the stage's scored items, one
//!   curve per persona, as in the wide chart;
//! - the metrics lane: the stage's funnel bar (its share of the largest
//!   reach), the drop-off into it and its KPIs;
//! - a line lane: its label over a rule across the section.
//!
//! A lane with nothing in a stage is left out of that section (a line lane
//! never is; a lane empty everywhere is shown once, in the first section,
//! so that its label is not lost). The stage's details and quotes follow in
//! place, in the section, as wide as it. After the sections come the channel
//! scorecard, the legend and the sources. The same types as the wide layout
//! carry it all, with [`LayoutKind::Stacked`] so that the renderer knows.

use super::card::{Card, ChipLook};
use super::details::{self, DetailPanel};
use super::geometry::Rect;
use super::grid::{
    self, CARD_GAP, CELL_PADDING, HEADER_PADDING, LaneRow, Route, Rule, StageColumn,
};
use super::text::{LANE_LABEL, STACKED_BADGE, STACKED_LABEL, TextBlock};
use super::{
    Direction, Layout, LayoutKind, emotion, focus, header, legend, metrics, mirror, palette,
    scorecard,
};
use crate::model::{Color, LaneKind, Map, Stage};
use crate::text::{LiberationTable, TextMeasure};

/// The width when none is asked for: a common phone's CSS width.
pub const STACKED_WIDTH: f64 = 390.0;
/// The narrowest stacked canvas: a small phone.
pub const STACKED_MIN_WIDTH: f64 = 280.0;
/// The widest stacked canvas; wider screens read the wide layout.
pub const STACKED_MAX_WIDTH: f64 = 1200.0;

/// Space around the map; less than the wide layout's, a phone has little.
const MARGIN: f64 = 12.0;
const SECTION_GAP: f64 = 20.0;
const LANE_GAP: f64 = 4.0;
/// The height of a stage's emotion strip.
const STRIP_HEIGHT: f64 = 96.0;
const RULE_SPACE: f64 = 16.0;

/// Lays out a validated map stacked, `width` wide (clamped to
/// [`STACKED_MIN_WIDTH`]–[`STACKED_MAX_WIDTH`]), measuring text with the
/// Liberation Sans table, as [`super::layout`] does.
pub fn stacked(map: &Map, width: f64) -> Layout {
    stacked_with(map, width, &LiberationTable)
}

/// Lays out a validated map stacked, `width` wide, measuring text with
/// `measure`.
pub fn stacked_with(map: &Map, width: f64, measure: &dyn TextMeasure) -> Layout {
    let palette = palette::palette(&map.theme, &map.personas);
    let persona_colors = &palette.personas;
    let width = if width.is_finite() {
        width.clamp(STACKED_MIN_WIDTH, STACKED_MAX_WIDTH).ceil()
    } else {
        STACKED_WIDTH
    };
    let content_width = width - 2.0 * MARGIN;
    let header = header::header(
        measure,
        map,
        (MARGIN, MARGIN),
        content_width,
        persona_colors,
        STACKED_LABEL,
    );
    let top = header.bottom + SECTION_GAP;
    let mut sections = Sections {
        measure,
        map,
        x: MARGIN,
        width: content_width,
        persona_colors,
        out: Layout {
            kind: LayoutKind::Stacked,
            dir: Direction::Ltr,
            width,
            height: 0.0,
            grid: Rect::new(MARGIN, top, content_width, 0.0),
            header,
            stages: Vec::with_capacity(map.stages.len()),
            lanes: Vec::new(),
            cells: Vec::new(),
            cards: Vec::new(),
            emotion: Vec::new(),
            metrics: Vec::new(),
            rules: Vec::new(),
            routes: Vec::new(),
            details: Vec::new(),
            scorecard: None,
            legend: None,
            footer: None,
            palette: palette.clone(),
            marks: None,
            focus: focus::keys(map),
            lang: map.lang.clone(),
            words: map.words.clone(),
        },
    };
    let mut cursor = top;
    for (index, stage) in map.stages.iter().enumerate() {
        cursor = sections.section(index, stage, cursor) + SECTION_GAP;
    }
    let mut out = sections.out;
    let mut bottom = (cursor - SECTION_GAP).max(top);
    out.grid.height = bottom - top;
    out.scorecard = scorecard::scorecard(
        measure,
        map,
        (MARGIN, bottom + SECTION_GAP),
        content_width,
        (STACKED_LABEL, STACKED_BADGE),
    );
    if let Some(card) = &out.scorecard {
        bottom = card.rect.bottom();
    }
    out.legend = legend::legend(
        measure,
        map,
        (MARGIN, bottom + SECTION_GAP),
        content_width,
        &palette.personas,
        STACKED_LABEL,
    );
    if let Some(legend) = &out.legend {
        bottom = legend.rect.bottom();
    }
    out.footer = legend::footer(
        measure,
        map,
        (MARGIN, bottom + SECTION_GAP),
        content_width,
        STACKED_LABEL,
    );
    if let Some(footer) = &out.footer {
        bottom = footer.bottom;
    }
    out.height = (bottom + MARGIN).ceil();
    focus::mark_owners(map, &out.focus, &mut out.cards);
    mirror::apply(map, &mut out);
    out
}

/// The sections under construction.
struct Sections<'a> {
    measure: &'a dyn TextMeasure,
    map: &'a Map,
    x: f64,
    width: f64,
    persona_colors: &'a [Color],
    out: Layout,
}

impl Sections<'_> {
    /// Lays out stage `index`'s section from `top`; returns its bottom.
    fn section(&mut self, index: usize, stage: &Stage, top: f64) -> f64 {
        let texts = grid::stage_texts(
            self.measure,
            stage,
            &self.map.words,
            self.x + HEADER_PADDING,
            top + HEADER_PADDING,
            self.width - 2.0 * HEADER_PADDING,
            STACKED_LABEL,
        );
        let header_bottom = texts.last().map_or(top, TextBlock::bottom) + HEADER_PADDING;
        let header = Rect::new(self.x, top, self.width, header_bottom - top);
        let mut cursor = header_bottom;
        for lane_index in 0..self.map.lanes.len() {
            if self.shows(index, stage, lane_index) {
                cursor = self.lane(index, lane_index, cursor) + LANE_GAP;
            }
        }
        if details::has_details(stage) {
            let panel: DetailPanel = details::panel(
                self.measure,
                index,
                stage,
                self.map,
                (self.x, cursor + CARD_GAP),
                self.width,
                STACKED_LABEL,
            );
            cursor = panel.rect.bottom();
            self.out.details.push(panel);
        }
        let gap = details::PANEL_GAP / 2.0;
        self.out.stages.push(StageColumn {
            index,
            id: stage.id.clone(),
            name: stage.name.clone(),
            x: self.x,
            width: self.width,
            header,
            texts,
            zoom: Rect::new(
                self.x - gap,
                top - gap,
                self.width + 2.0 * gap,
                cursor - top + 2.0 * gap,
            ),
        });
        cursor
    }

    /// Whether stage `index`'s section has a group for lane `lane_index`.
    fn shows(&self, index: usize, stage: &Stage, lane_index: usize) -> bool {
        let Some(lane) = self.map.lanes.get(lane_index) else {
            return false;
        };
        let has = |stage: &Stage| match lane.kind {
            LaneKind::Line => true,
            LaneKind::Emotion => {
                stage.score.is_some() || stage.cells.iter().flatten().any(|i| i.score.is_some())
            }
            LaneKind::Metrics => stage.reach.is_some() || !stage.metrics.is_empty(),
            LaneKind::Text | LaneKind::Touchpoints => {
                stage.cells.get(lane_index).is_some_and(|c| !c.is_empty())
            }
        };
        has(stage) || (index == 0 && !self.map.stages.iter().any(has))
    }

    /// Lays out lane `lane_index`'s group in stage `index`'s section from
    /// `top`; returns its bottom.
    fn lane(&mut self, index: usize, lane_index: usize, top: f64) -> f64 {
        let Some(lane) = self.map.lanes.get(lane_index) else {
            return top;
        };
        let (x, width) = (self.x, self.width);
        let inner = (x + CELL_PADDING, width - 2.0 * CELL_PADDING);
        let label = TextBlock::new(
            self.measure,
            &lane.label,
            inner.0,
            top + CELL_PADDING,
            inner.1,
            LANE_LABEL,
        );
        let body = label.bottom() + CARD_GAP;
        let only = |i: usize| (i == index).then_some(inner);
        let bottom = match lane.kind {
            LaneKind::Emotion => {
                let strip = Rect::new(inner.0, body, inner.1, STRIP_HEIGHT);
                self.out.emotion.push(emotion::chart(
                    self.map,
                    lane_index,
                    strip,
                    only,
                    self.persona_colors,
                ));
                strip.bottom()
            }
            LaneKind::Metrics => {
                let cell_top = label.bottom();
                let (cells, height) = metrics::cells(
                    self.measure,
                    self.map,
                    lane_index,
                    cell_top,
                    |i| (i == index).then_some((x, width)),
                    (CELL_PADDING, STACKED_LABEL),
                );
                self.out.metrics.extend(cells);
                cell_top + height - CELL_PADDING
            }
            LaneKind::Line => {
                let y = body + RULE_SPACE / 2.0;
                self.out.rules.push(Rule {
                    lane_index,
                    y,
                    x1: inner.0,
                    x2: inner.0 + inner.1,
                });
                body + RULE_SPACE
            }
            LaneKind::Text | LaneKind::Touchpoints => {
                let mut cards: Vec<Card> = grid::cell_cards(
                    self.measure,
                    self.map,
                    index,
                    lane_index,
                    width,
                    |_| true,
                    ChipLook {
                        channel: lane.by_channel,
                        ..ChipLook::STACKED
                    },
                );
                let bottom = grid::stack(&mut cards, inner.0, body);
                if lane.by_channel {
                    self.out.routes.push(Route::through(lane_index, &cards));
                }
                self.out.cells.push(grid::Cell {
                    stage_index: index,
                    lane_index,
                    sub_row: None,
                    rect: Rect::new(x, top, width, bottom + CELL_PADDING - top),
                });
                self.out.cards.extend(cards);
                bottom
            }
        };
        let height = bottom + CELL_PADDING - top;
        self.out.lanes.push(LaneRow {
            index: lane_index,
            id: lane.id.clone(),
            kind: lane.kind,
            tone: lane.tone,
            rect: Rect::new(x, top, width, height),
            label,
            sub_rows: Vec::new(),
        });
        top + height
    }
}
