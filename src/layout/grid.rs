//! The grid: stages as columns, lanes as rows, items as cards stacked in
//! their cells. Columns take the width their content wants within bounds;
//! each row is as tall as its tallest cell.

use super::card::{self, Card, ChipLook, Slot};
use super::emotion::{self, EmotionChart};
use super::geometry::{Point, Rect};
use super::metrics::{self, MetricsCell};
use super::text::{CARD, LABEL, LANE_LABEL, SMALL, STAGE_NAME, Style, TextBlock, natural_width};
use crate::i18n::{Key, Words};
use crate::model::{Color, Icon, LaneKind, Map, Stage, Tone};
use crate::text::TextMeasure;
use serde::Serialize;

pub const LANE_HEADER_WIDTH: f64 = 168.0;
pub const COLUMN_MIN: f64 = 200.0;
pub const COLUMN_MAX: f64 = 300.0;
pub const CELL_PADDING: f64 = 10.0;
pub const CARD_GAP: f64 = 8.0;
pub const HEADER_PADDING: f64 = 12.0;
const ROW_MIN: f64 = 52.0;
const LINE_LANE_HEIGHT: f64 = 36.0;
const SUB_ROW_INDENT: f64 = 12.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageColumn {
    pub index: usize,
    pub id: String,
    pub name: String,
    pub x: f64,
    pub width: f64,
    /// The stage's header box, the part a reader clicks to zoom in.
    pub header: Rect,
    /// Name, then duration, goal and description when the stage has them.
    pub texts: Vec<TextBlock>,
    /// What the view frames when zoomed to this stage: the column and its
    /// detail panel, from the top of the header.
    pub zoom: Rect,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LaneRow {
    pub index: usize,
    pub id: String,
    pub kind: LaneKind,
    pub tone: Tone,
    /// The whole row, header column included.
    pub rect: Rect,
    pub label: TextBlock,
    pub sub_rows: Vec<SubRow>,
}

/// One channel's row inside a `byChannel` touchpoints lane.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubRow {
    pub channel: usize,
    pub icon: Icon,
    pub y: f64,
    pub height: f64,
    pub icon_rect: Rect,
    pub label: TextBlock,
}

/// Where a stage meets a lane (or a channel row of one).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    pub stage_index: usize,
    pub lane_index: usize,
    pub sub_row: Option<usize>,
    pub rect: Rect,
}

/// A `line` lane: a labelled dashed rule across the map.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rule {
    pub lane_index: usize,
    pub y: f64,
    pub x1: f64,
    pub x2: f64,
}

/// The customer's path through a `byChannel` lane, card to card.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Route {
    pub lane_index: usize,
    pub points: Vec<Point>,
}

impl Route {
    /// The route of lane `lane_index` through the centres of `cards`, in
    /// their order.
    pub fn through(lane_index: usize, cards: &[Card]) -> Route {
        Route {
            lane_index,
            points: cards
                .iter()
                .map(|card| Point {
                    x: card.x + card.width / 2.0,
                    y: card.y + card.height / 2.0,
                })
                .collect(),
        }
    }
}

pub struct Grid {
    pub columns: Vec<StageColumn>,
    pub lanes: Vec<LaneRow>,
    pub cells: Vec<Cell>,
    pub cards: Vec<Card>,
    pub emotion: Vec<EmotionChart>,
    pub metrics: Vec<MetricsCell>,
    pub rules: Vec<Rule>,
    pub routes: Vec<Route>,
    pub right: f64,
    pub bottom: f64,
}

/// The width of each stage's column.
pub fn column_widths(measure: &dyn TextMeasure, map: &Map) -> Vec<f64> {
    map.stages
        .iter()
        .map(|stage| column_width(measure, stage).max(emotion::min_column_width(map, stage)))
        .collect()
}

/// How wide a stage's column wants to be: wide enough for its longest item
/// on one line, within [`COLUMN_MIN`] and [`COLUMN_MAX`].
fn column_width(measure: &dyn TextMeasure, stage: &Stage) -> f64 {
    let chrome = 2.0 * CELL_PADDING + 2.0 * card::PADDING + 24.0;
    let items = stage
        .cells
        .iter()
        .flatten()
        .map(|item| natural_width(measure, &item.text, CARD) + chrome)
        .fold(0.0, f64::max);
    let name = natural_width(measure, &stage.name, STAGE_NAME) + 2.0 * HEADER_PADDING;
    items.max(name).clamp(COLUMN_MIN, COLUMN_MAX)
}

/// A stage header's texts, its "Goal" heading in `label`.
pub fn stage_texts(
    measure: &dyn TextMeasure,
    stage: &Stage,
    words: &Words,
    x: f64,
    y: f64,
    width: f64,
    label: Style,
) -> Vec<TextBlock> {
    let mut texts = vec![TextBlock::new(
        measure,
        &stage.name,
        x,
        y,
        width,
        STAGE_NAME,
    )];
    let mut cursor = texts.last().map_or(y, TextBlock::bottom);
    let mut add = |content: &str, style: Style, gap: f64, texts: &mut Vec<TextBlock>| {
        let block = TextBlock::new(measure, content, x, cursor + gap, width, style);
        cursor = block.bottom();
        texts.push(block);
    };
    if let Some(duration) = &stage.duration {
        add(duration, SMALL, 0.0, &mut texts);
    }
    if let Some(goal) = &stage.goal {
        add(words.get(Key::Goal), label, 6.0, &mut texts);
        add(goal, SMALL, 0.0, &mut texts);
    }
    if let Some(description) = &stage.description {
        add(description, SMALL, 6.0, &mut texts);
    }
    texts
}

/// Stacks cards top-down from `y`; returns the bottom of the stack.
pub fn stack(cards: &mut [Card], x: f64, y: f64) -> f64 {
    let mut cursor = y;
    for card in cards.iter_mut() {
        card.shift(x, cursor);
        cursor += card.height + CARD_GAP;
    }
    if cards.is_empty() {
        y
    } else {
        cursor - CARD_GAP
    }
}

pub fn grid(
    measure: &dyn TextMeasure,
    map: &Map,
    x: f64,
    y: f64,
    widths: &[f64],
    persona_colors: &[Color],
) -> Grid {
    let grid_left = x + LANE_HEADER_WIDTH;
    let mut columns: Vec<StageColumn> = Vec::with_capacity(map.stages.len());
    let mut cursor_x = grid_left;
    for ((index, stage), &width) in map.stages.iter().enumerate().zip(widths) {
        let texts = stage_texts(
            measure,
            stage,
            &map.words,
            cursor_x + HEADER_PADDING,
            y + HEADER_PADDING,
            width - 2.0 * HEADER_PADDING,
            LABEL,
        );
        columns.push(StageColumn {
            index,
            id: stage.id.clone(),
            name: stage.name.clone(),
            x: cursor_x,
            width,
            header: Rect::new(cursor_x, y, width, 0.0),
            texts,
            zoom: Rect::new(cursor_x, y, width, 0.0),
        });
        cursor_x += width;
    }
    let header_height = columns
        .iter()
        .filter_map(|c| c.texts.last().map(|t| t.bottom() - y))
        .fold(0.0, f64::max)
        + HEADER_PADDING;
    for column in &mut columns {
        column.header.height = header_height;
    }
    let spans: Vec<(f64, f64)> = columns.iter().map(|c| (c.x, c.width)).collect();
    let right = cursor_x;

    let mut grid = Grid {
        columns,
        lanes: Vec::new(),
        cells: Vec::new(),
        cards: Vec::new(),
        emotion: Vec::new(),
        metrics: Vec::new(),
        rules: Vec::new(),
        routes: Vec::new(),
        right,
        bottom: y + header_height,
    };
    let mut row_y = y + header_height;
    for (lane_index, lane) in map.lanes.iter().enumerate() {
        let label = TextBlock::new(
            measure,
            &lane.label,
            x + HEADER_PADDING,
            row_y + CELL_PADDING,
            LANE_HEADER_WIDTH - 2.0 * HEADER_PADDING,
            LANE_LABEL,
        );
        let label_height = label.height() + 2.0 * CELL_PADDING;
        let mut sub_rows = Vec::new();
        let height = match lane.kind {
            LaneKind::Emotion => {
                let height = emotion::lane_height(map).max(label_height);
                let rect = Rect::new(grid_left, row_y, right - grid_left, height);
                grid.emotion.push(emotion::chart(
                    map,
                    lane_index,
                    rect,
                    |i| spans.get(i).copied(),
                    persona_colors,
                ));
                height
            }
            LaneKind::Metrics => {
                let (mut cells, height) = metrics::cells(
                    measure,
                    map,
                    lane_index,
                    row_y,
                    |i| spans.get(i).copied(),
                    (CELL_PADDING, LABEL),
                );
                let height = height.max(ROW_MIN).max(label_height);
                for cell in &mut cells {
                    cell.rect.height = height;
                }
                grid.metrics.extend(cells);
                height
            }
            LaneKind::Line => {
                let height = LINE_LANE_HEIGHT.max(label_height);
                grid.rules.push(Rule {
                    lane_index,
                    y: row_y + height / 2.0,
                    x1: grid_left,
                    x2: right,
                });
                height
            }
            LaneKind::Text | LaneKind::Touchpoints if lane.by_channel => {
                let (rows, height) = channel_rows(
                    measure,
                    map,
                    lane_index,
                    Point { x, y: row_y },
                    &spans,
                    label_height,
                    &mut grid,
                );
                sub_rows = rows;
                height
            }
            LaneKind::Text | LaneKind::Touchpoints => {
                let row = CellRow {
                    lane_index,
                    sub_row: None,
                    top: row_y,
                    min_height: ROW_MIN.max(label_height),
                };
                let (cards, height) = row.lay_out(measure, map, &spans, &mut grid.cells, |_| true);
                grid.cards.extend(cards);
                height
            }
        };
        grid.lanes.push(LaneRow {
            index: lane_index,
            id: lane.id.clone(),
            kind: lane.kind,
            tone: lane.tone,
            rect: Rect::new(x, row_y, right - x, height),
            label,
            sub_rows,
        });
        row_y += height;
    }
    grid.bottom = row_y;
    grid
}

/// One row of cells across the stages: a lane, or one channel's row of a
/// `byChannel` lane.
struct CellRow {
    lane_index: usize,
    sub_row: Option<usize>,
    top: f64,
    min_height: f64,
}

impl CellRow {
    /// Stacks the kept items of each cell; every cell of the row gets the
    /// height of the tallest. Returns the cards and that height.
    fn lay_out(
        &self,
        measure: &dyn TextMeasure,
        map: &Map,
        spans: &[(f64, f64)],
        cells: &mut Vec<Cell>,
        keep: impl Fn(Option<usize>) -> bool + Copy,
    ) -> (Vec<Card>, f64) {
        let mut height = self.min_height;
        let mut row_cards = Vec::new();
        for (stage_index, &(column_x, column_width)) in spans.iter().enumerate() {
            let mut cards = cell_cards(
                measure,
                map,
                stage_index,
                self.lane_index,
                column_width,
                keep,
                ChipLook::WIDE,
            );
            let bottom = stack(&mut cards, column_x + CELL_PADDING, self.top + CELL_PADDING);
            height = height.max(bottom - self.top + CELL_PADDING);
            row_cards.extend(cards);
        }
        for (stage_index, &(column_x, column_width)) in spans.iter().enumerate() {
            cells.push(Cell {
                stage_index,
                lane_index: self.lane_index,
                sub_row: self.sub_row,
                rect: Rect::new(column_x, self.top, column_width, height),
            });
        }
        (row_cards, height)
    }
}

/// The cards of one cell, laid out at the origin, in item order, their
/// chips made as `look` says.
pub fn cell_cards(
    measure: &dyn TextMeasure,
    map: &Map,
    stage_index: usize,
    lane_index: usize,
    column_width: f64,
    keep: impl Fn(Option<usize>) -> bool,
    look: ChipLook,
) -> Vec<Card> {
    let (Some(stage), Some(lane)) = (map.stages.get(stage_index), map.lanes.get(lane_index)) else {
        return Vec::new();
    };
    let items = stage.cells.get(lane_index).map_or(&[][..], Vec::as_slice);
    items
        .iter()
        .enumerate()
        .filter(|(_, item)| keep(item.channel))
        .map(|(item_index, item)| {
            card::build(
                measure,
                map,
                item,
                Slot {
                    stage_index,
                    lane_index,
                    item_index,
                    stage_id: &stage.id,
                    lane_id: &lane.id,
                    tone: lane.tone,
                    look,
                },
                column_width - 2.0 * CELL_PADDING,
            )
        })
        .collect()
}

/// A `byChannel` lane: one row per channel used, in order of first use, and
/// the route through the cards in reading order. `origin` is the lane's
/// top-left corner.
fn channel_rows(
    measure: &dyn TextMeasure,
    map: &Map,
    lane_index: usize,
    origin: Point,
    spans: &[(f64, f64)],
    label_height: f64,
    grid: &mut Grid,
) -> (Vec<SubRow>, f64) {
    let mut channels: Vec<usize> = Vec::new();
    for stage in &map.stages {
        for item in stage.cells.get(lane_index).into_iter().flatten() {
            if let Some(channel) = item.channel
                && !channels.contains(&channel)
            {
                channels.push(channel);
            }
        }
    }
    let mut rows = Vec::new();
    let mut lane_cards: Vec<Card> = Vec::new();
    let (x, top) = (origin.x, origin.y);
    let mut row_y = top + (label_height - CELL_PADDING).max(0.0);
    for (sub_row, &channel) in channels.iter().enumerate() {
        let Some(ch) = map.channels.get(channel) else {
            continue;
        };
        let icon_rect = Rect::new(
            x + HEADER_PADDING + SUB_ROW_INDENT,
            row_y + CELL_PADDING + 1.0,
            14.0,
            14.0,
        );
        let label = TextBlock::new(
            measure,
            &ch.name,
            icon_rect.right() + 6.0,
            row_y + CELL_PADDING,
            LANE_HEADER_WIDTH - 2.0 * HEADER_PADDING - SUB_ROW_INDENT - 20.0,
            SMALL,
        );
        let row = CellRow {
            lane_index,
            sub_row: Some(sub_row),
            top: row_y,
            min_height: (label.height() + 2.0 * CELL_PADDING).max(ROW_MIN - 8.0),
        };
        let (cards, height) =
            row.lay_out(measure, map, spans, &mut grid.cells, |c| c == Some(channel));
        lane_cards.extend(cards);
        rows.push(SubRow {
            channel,
            icon: ch.icon,
            y: row_y,
            height,
            icon_rect,
            label,
        });
        row_y += height;
    }
    crate::sort::sort_by_key(&mut lane_cards, |card| (card.stage_index, card.item_index));
    grid.routes.push(Route::through(lane_index, &lane_cards));
    grid.cards.extend(lane_cards);
    let height = (row_y - top).max(ROW_MIN).max(label_height);
    (rows, height)
}
