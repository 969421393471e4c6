//! The metrics lane: the funnel (reach as bars, the drop-off between
//! consecutive stages, the largest one marked) and each stage's KPIs.

use super::geometry::Rect;
use super::text::{BODY, KPI_VALUE, SMALL, Style, TextBlock};
use crate::i18n::{Key, Words};
use crate::model::{Map, Metric, MetricValue};
use crate::text::TextMeasure;
use serde::Serialize;

const BAR_HEIGHT: f64 = 12.0;
const GAP: f64 = 6.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricsCell {
    pub stage_index: usize,
    pub lane_index: usize,
    pub rect: Rect,
    pub funnel: Option<FunnelBar>,
    pub drop_off: Option<DropOff>,
    pub kpis: Vec<Kpi>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FunnelBar {
    pub reach: f64,
    pub track: Rect,
    pub bar: Rect,
    pub label: TextBlock,
    pub value: TextBlock,
}

/// The share of customers lost between the previous stage and this one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DropOff {
    pub percent: f64,
    pub largest: bool,
    pub text: TextBlock,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Kpi {
    pub rect: Rect,
    pub label: TextBlock,
    pub value: TextBlock,
    pub unit: Option<TextBlock>,
    pub target: Option<TextBlock>,
    pub met: Option<bool>,
}

/// Percentages as the map's language writes them: whole numbers from 10
/// up, one decimal below.
pub fn format_percent(value: f64, words: &Words) -> String {
    if value >= 10.0 {
        words.percent(value.round())
    } else {
        words.percent((value * 10.0).round() / 10.0)
    }
}

pub fn value_text(value: &MetricValue, words: &Words) -> String {
    match value {
        MetricValue::Number(n) => words.number(*n),
        MetricValue::Text(text) => text.clone(),
    }
}

/// The drop-off into each stage from the previous one with a reach, and
/// which is the largest.
fn drop_offs(map: &Map) -> Vec<Option<f64>> {
    let mut previous: Option<f64> = None;
    map.stages
        .iter()
        .map(|stage| {
            let drop = match (previous, stage.reach) {
                (Some(before), Some(now)) if before > 0.0 => Some((before - now) / before * 100.0),
                _ => None,
            };
            if stage.reach.is_some() {
                previous = stage.reach;
            }
            drop
        })
        .collect()
}

/// The cells of one metrics lane, laid out at the top of `y`, for the
/// stages `columns` gives a span (x, width) for; returns them with the
/// height the lane needs, `padding` inside each cell, the "Reach" heading in
/// `label`. Drop-offs are always between the map's stages.
pub fn cells(
    measure: &dyn TextMeasure,
    map: &Map,
    lane_index: usize,
    y: f64,
    columns: impl Fn(usize) -> Option<(f64, f64)>,
    (padding, label_style): (f64, Style),
) -> (Vec<MetricsCell>, f64) {
    let max_reach = map
        .stages
        .iter()
        .filter_map(|s| s.reach)
        .fold(0.0, f64::max);
    let drops = drop_offs(map);
    let largest = drops
        .iter()
        .flatten()
        .copied()
        .filter(|d| *d > 0.0)
        .fold(None, |best: Option<f64>, d| {
            Some(best.map_or(d, |b| b.max(d)))
        });
    let mut cells = Vec::new();
    let mut tallest: f64 = 0.0;
    for (stage_index, stage) in map.stages.iter().enumerate() {
        let Some((column_x, column_width)) = columns(stage_index) else {
            continue;
        };
        let x = column_x + padding;
        let width = column_width - 2.0 * padding;
        let mut cursor = y + padding;
        let drop_off = drops.get(stage_index).copied().flatten().map(|percent| {
            let largest = largest == Some(percent);
            let arrow = if percent >= 0.0 { "▼" } else { "▲" };
            let key = if largest {
                Key::DropOffLargest
            } else {
                Key::DropOff
            };
            let value = format_percent(percent.abs(), &map.words);
            let text = TextBlock::new(
                measure,
                &format!("{arrow} {}", map.words.fill(key, &[("value", &value)])),
                x,
                cursor,
                width,
                SMALL,
            );
            cursor = text.bottom() + GAP;
            DropOff {
                percent,
                largest,
                text,
            }
        });
        let funnel = stage.reach.map(|reach| {
            let label = TextBlock::new(
                measure,
                map.words.get(Key::Reach),
                x,
                cursor,
                width,
                label_style,
            );
            let value = TextBlock::new(
                measure,
                &map.words.number(reach),
                x,
                label.bottom(),
                width,
                BODY,
            );
            let track = Rect::new(x, value.bottom() + 2.0, width, BAR_HEIGHT);
            let share = if max_reach > 0.0 {
                reach / max_reach
            } else {
                0.0
            };
            let bar = Rect::new(x, track.y, width * share, BAR_HEIGHT);
            cursor = track.bottom() + GAP * 2.0;
            FunnelBar {
                reach,
                track,
                bar,
                label,
                value,
            }
        });
        let kpis: Vec<Kpi> = stage
            .metrics
            .iter()
            .map(|metric| {
                let kpi = kpi(measure, metric, &map.words, x, cursor, width);
                cursor = kpi.rect.bottom() + GAP;
                kpi
            })
            .collect();
        let height = cursor - y - GAP + padding;
        tallest = tallest.max(height);
        cells.push(MetricsCell {
            stage_index,
            lane_index,
            rect: Rect::new(column_x, y, column_width, 0.0),
            funnel,
            drop_off,
            kpis,
        });
    }
    for cell in &mut cells {
        cell.rect.height = tallest;
    }
    (cells, tallest)
}

fn kpi(
    measure: &dyn TextMeasure,
    metric: &Metric,
    words: &Words,
    x: f64,
    y: f64,
    width: f64,
) -> Kpi {
    let label = TextBlock::new(measure, &metric.label, x, y, width, SMALL);
    let value = TextBlock::new(
        measure,
        &value_text(&metric.value, words),
        x,
        label.bottom(),
        width,
        KPI_VALUE,
    );
    let mut bottom = value.bottom();
    let unit = metric.unit.as_ref().map(|unit| {
        let single_line = value.lines.len() == 1;
        let after = value.content_width(measure) + 4.0;
        let block =
            if single_line && after + super::text::natural_width(measure, unit, SMALL) < width {
                TextBlock::new(
                    measure,
                    unit,
                    x + after,
                    value.y + 3.0,
                    width - after,
                    SMALL,
                )
            } else {
                TextBlock::new(measure, unit, x, value.bottom(), width, SMALL)
            };
        bottom = bottom.max(block.bottom());
        block
    });
    let target = target_text(metric, words).map(|text| {
        let block = TextBlock::new(measure, &text, x, bottom, width, SMALL);
        bottom = block.bottom();
        block
    });
    Kpi {
        rect: Rect::new(x, y, width, bottom - y),
        label,
        value,
        unit,
        target,
        met: metric.target_met(),
    }
}

/// A metric against its target: "target 80 · missed" ("target 80" when
/// nothing says which way is better), or `None` without a target: a
/// stage's KPIs and a channel's metrics say it alike.
pub fn target_text(metric: &Metric, words: &Words) -> Option<String> {
    let value = value_text(metric.target.as_ref()?, words);
    let mut text = words.fill(Key::Target, &[("value", &value)]);
    if let Some(met) = metric.target_met() {
        text.push_str(" · ");
        text.push_str(words.get(if met {
            Key::TargetMet
        } else {
            Key::TargetMissed
        }));
    }
    Some(text)
}
