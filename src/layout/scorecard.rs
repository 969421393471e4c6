//! The channel scorecard: how customers reach the organisation and how each
//! channel performs, beside the legend (docs/format.md, "The channel
//! scorecard").
//!
//! One row per channel the map's items use, ordered by use: its icon and
//! name, how many touchpoints (items on the channel) and stages use it, its
//! `share` when the map gives one, the average score of its touchpoints on
//! the emotion scale, and its `metrics` against their targets. The channel
//! used much that scores low is marked as the place to look first (which
//! channels, in what order, and which one: `channel_use`).
//!
//! The columns take the width their content wants, within bounds; when the
//! panel is given less room than that (a narrow map, the stacked layout)
//! each row puts its parts one under another instead.

use super::card::{self, Chip, ChipKind};
use super::channel_use::{Use, channels_used, look_here};
use super::geometry::{Point, Rect};
use super::metrics::{format_percent, target_text, value_text};
use super::text::{LANE_LABEL, SMALL, Style, TextBlock, natural_width};
use crate::i18n::{Key, Words};
use crate::model::{Icon, Map, Metric};
use crate::text::TextMeasure;
use serde::Serialize;

const PADDING: f64 = 12.0;
const COLUMN_GAP: f64 = 16.0;
const ROW_GAP: f64 = 8.0;
const ICON: f64 = 16.0;
const ICON_GAP: f64 = 6.0;
/// The emotion scale's track, 1 at its leading end, 5 at the other.
const TRACK_WIDTH: f64 = 56.0;
const TRACK_HEIGHT: f64 = 6.0;
/// The widest each column may be (name, use, share, metrics); the score
/// column is as wide as its track and number.
const CAPS: [f64; 4] = [180.0, 160.0, 130.0, 280.0];
/// The narrowest a column is squeezed to before the rows stack their parts.
const SQUEEZED: f64 = 90.0;

/// The scorecard panel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecard {
    pub rect: Rect,
    pub heading: TextBlock,
    /// In the drawn order: by use.
    pub rows: Vec<ScorecardRow>,
}

/// One channel's row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScorecardRow {
    /// Index into the map's channels (the built-in ones, then the map's own).
    pub channel: usize,
    pub rect: Rect,
    pub icon: Icon,
    pub icon_rect: Rect,
    pub name: TextBlock,
    pub touchpoints: usize,
    pub stages: usize,
    /// "6 touchpoints · 4 stages".
    pub usage: TextBlock,
    pub share: Option<TextBlock>,
    pub score: Option<ScoreMark>,
    pub metrics: Vec<ChannelMetric>,
    /// The mark of the channel to look at first.
    pub look_here: Option<Chip>,
}

/// The average score of a channel's touchpoints, on the emotion scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreMark {
    pub average: f64,
    pub track: Rect,
    /// Where the average lies on the track.
    pub dot: Point,
    pub text: TextBlock,
}

/// One of a channel's metrics: its label, and its value against its target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChannelMetric {
    pub label: TextBlock,
    pub value: TextBlock,
    /// Whether the value meets its target; `None` when nothing says.
    pub met: Option<bool>,
}

/// The scorecard at `x, y`, at most `width` wide (narrower when its
/// columns want less), or `None` when no item carries a channel. The
/// heading is set in `label`, the mark in `badge`.
pub fn scorecard(
    measure: &dyn TextMeasure,
    map: &Map,
    (x, y): (f64, f64),
    width: f64,
    (label, badge): (Style, Style),
) -> Option<Scorecard> {
    let used = channels_used(map);
    if used.is_empty() {
        return None;
    }
    let marked = look_here(&used);
    let rows: Vec<Content<'_>> = used
        .iter()
        .enumerate()
        .filter_map(|(at, u)| Content::of(map, u, marked == Some(at)))
        .collect();
    let inner = width - 2.0 * PADDING;
    let columns = Columns::fit(measure, &rows, inner, badge);
    let words = map.words.get(Key::Channels);
    let inner = columns.as_ref().map_or(inner, |c| {
        c.total()
            .max(natural_width(measure, words, label) + 1.0)
            .min(inner)
    });
    let heading = TextBlock::new(measure, words, x + PADDING, y + PADDING, inner, label);
    let mut cursor = heading.bottom() + ROW_GAP;
    let mut laid = Vec::with_capacity(rows.len());
    for content in &rows {
        let row = match &columns {
            Some(columns) => content.in_columns(measure, columns, (x + PADDING, cursor), badge),
            None => content.stacked(measure, (x + PADDING, cursor), inner, badge),
        };
        cursor = row.rect.bottom() + ROW_GAP;
        laid.push(row);
    }
    Some(Scorecard {
        rect: Rect::new(x, y, inner + 2.0 * PADDING, cursor - ROW_GAP + PADDING - y),
        heading,
        rows: laid,
    })
}

/// A row's first part: icon, name and mark.
struct Head {
    icon_rect: Rect,
    name: TextBlock,
    look_here: Option<Chip>,
}

/// The rest of a row.
struct Parts {
    usage: TextBlock,
    share: Option<TextBlock>,
    score: Option<ScoreMark>,
    metrics: Vec<ChannelMetric>,
}

/// A row's texts before they are placed.
struct Content<'m> {
    channel: usize,
    words: &'m Words,
    icon: Icon,
    name: &'m str,
    touchpoints: usize,
    stages: usize,
    usage: String,
    share: Option<String>,
    average: Option<f64>,
    metrics: Vec<(&'m Metric, String)>,
    look_here: bool,
}

impl<'m> Content<'m> {
    fn of(map: &'m Map, used: &Use, look_here: bool) -> Option<Content<'m>> {
        let channel = map.channels.get(used.channel)?;
        let words = &map.words;
        let count = |key: Key, n: usize| words.count(key, n as u64, &[]);
        Some(Content {
            channel: used.channel,
            words,
            icon: channel.icon,
            name: &channel.name,
            touchpoints: used.touchpoints,
            stages: used.stages,
            usage: words.fill(
                Key::ChannelUse,
                &[
                    (
                        "touchpoints",
                        &count(Key::TouchpointCount, used.touchpoints),
                    ),
                    ("stages", &count(Key::StageCount, used.stages)),
                ],
            ),
            share: channel.share.map(|share| {
                let value = format_percent(share, words);
                words.fill(Key::ShareOfContacts, &[("value", &value)])
            }),
            average: used.average(),
            metrics: channel
                .metrics
                .iter()
                .map(|metric| {
                    let mut value = value_text(&metric.value, words);
                    if let Some(unit) = &metric.unit {
                        value = format!("{value} {unit}");
                    }
                    if let Some(target) = target_text(metric, words) {
                        value = format!("{value} · {target}");
                    }
                    (metric, value)
                })
                .collect(),
            look_here,
        })
    }

    /// The row with its parts side by side, in `columns`.
    fn in_columns(
        &self,
        measure: &dyn TextMeasure,
        columns: &Columns,
        (x, y): (f64, f64),
        badge: Style,
    ) -> ScorecardRow {
        let mut places = Vec::with_capacity(columns.widths.len());
        let mut left = x;
        for &width in &columns.widths {
            places.push((left, width));
            left += width + COLUMN_GAP;
        }
        let mut places = places.into_iter();
        let mut next = || places.next().unwrap_or((x, 0.0));
        let (_, name_width) = next();
        let head = self.head(measure, (x, y), name_width, badge);
        let (ux, uw) = next();
        let usage = TextBlock::new(measure, &self.usage, ux, y, uw, SMALL);
        let mut parts = Parts {
            usage,
            share: None,
            score: None,
            metrics: Vec::new(),
        };
        if columns.share {
            let (sx, sw) = next();
            parts.share = self
                .share
                .as_ref()
                .map(|s| TextBlock::new(measure, s, sx, y, sw, SMALL));
        }
        if columns.score {
            let (sx, _) = next();
            parts.score = self
                .average
                .map(|a| score_mark(measure, self.words, a, (sx, y)));
        }
        if columns.metrics {
            let (mx, mw) = next();
            parts.metrics = self.metric_parts(measure, mx, y, mw);
        }
        self.row(head, parts, Rect::new(x, y, columns.total(), 0.0))
    }

    /// The row with its parts one under another, `width` wide.
    fn stacked(
        &self,
        measure: &dyn TextMeasure,
        (x, y): (f64, f64),
        width: f64,
        badge: Style,
    ) -> ScorecardRow {
        let head = self.head(measure, (x, y), width, badge);
        let indent = x + ICON + ICON_GAP;
        let inner = (width - ICON - ICON_GAP).max(1.0);
        let top = head
            .look_here
            .as_ref()
            .map_or(head.name.bottom(), |chip| chip.rect.bottom());
        let usage = TextBlock::new(measure, &self.usage, indent, top + 2.0, inner, SMALL);
        let mut cursor = usage.bottom();
        let share = self.share.as_ref().map(|share| {
            let block = TextBlock::new(measure, share, indent, cursor, inner, SMALL);
            cursor = block.bottom();
            block
        });
        let score = self.average.map(|average| {
            let mark = score_mark(measure, self.words, average, (indent, cursor));
            cursor = mark.text.bottom();
            mark
        });
        let metrics = self.metric_parts(measure, indent, cursor + 2.0, inner);
        let parts = Parts {
            usage,
            share,
            score,
            metrics,
        };
        self.row(head, parts, Rect::new(x, y, width, 0.0))
    }

    /// The icon, the name and the mark (in `badge`), `width` wide at `x, y`.
    fn head(
        &self,
        measure: &dyn TextMeasure,
        (x, y): (f64, f64),
        width: f64,
        badge: Style,
    ) -> Head {
        let text_x = x + ICON + ICON_GAP;
        let text_width = (width - ICON - ICON_GAP).max(1.0);
        let name = TextBlock::new(measure, self.name, text_x, y, text_width, LANE_LABEL);
        let look_here = self.look_here.then(|| {
            card::badge(
                measure,
                self.words.get(Key::LookHereFirst),
                ChipKind::LookHere,
                badge,
                (text_x, name.bottom() + 4.0),
                text_width,
            )
        });
        Head {
            icon_rect: Rect::new(x, y + (LANE_LABEL.line_height - ICON) / 2.0, ICON, ICON),
            name,
            look_here,
        }
    }

    /// The row of `head` and `parts`, in `rect` (whose height is found
    /// here: down to the lowest part).
    fn row(&self, head: Head, parts: Parts, mut rect: Rect) -> ScorecardRow {
        let mut bottom = head.name.bottom().max(head.icon_rect.bottom());
        bottom = bottom.max(parts.usage.bottom());
        bottom = head
            .look_here
            .iter()
            .map(|c| c.rect.bottom())
            .fold(bottom, f64::max);
        bottom = parts
            .share
            .iter()
            .map(TextBlock::bottom)
            .fold(bottom, f64::max);
        if let Some(score) = &parts.score {
            bottom = bottom.max(score.text.bottom()).max(score.track.bottom());
        }
        bottom = parts
            .metrics
            .iter()
            .map(|m| m.value.bottom())
            .fold(bottom, f64::max);
        rect.height = bottom - rect.y;
        ScorecardRow {
            channel: self.channel,
            rect,
            icon: self.icon,
            icon_rect: head.icon_rect,
            name: head.name,
            touchpoints: self.touchpoints,
            stages: self.stages,
            usage: parts.usage,
            share: parts.share,
            score: parts.score,
            metrics: parts.metrics,
            look_here: head.look_here,
        }
    }

    fn metric_parts(
        &self,
        measure: &dyn TextMeasure,
        x: f64,
        y: f64,
        width: f64,
    ) -> Vec<ChannelMetric> {
        let mut cursor = y;
        self.metrics
            .iter()
            .map(|(metric, value)| {
                let label = TextBlock::new(measure, &metric.label, x, cursor, width, SMALL);
                let value = TextBlock::new(measure, value, x, label.bottom(), width, SMALL);
                cursor = value.bottom() + 4.0;
                ChannelMetric {
                    label,
                    value,
                    met: metric.target_met(),
                }
            })
            .collect()
    }
}

/// The average's track, dot and number at `x, y`.
fn score_mark(
    measure: &dyn TextMeasure,
    words: &Words,
    average: f64,
    (x, y): (f64, f64),
) -> ScoreMark {
    let middle = y + SMALL.line_height / 2.0;
    let track = Rect::new(
        x + TRACK_HEIGHT / 2.0,
        middle - TRACK_HEIGHT / 2.0,
        TRACK_WIDTH - TRACK_HEIGHT,
        TRACK_HEIGHT,
    );
    let dot = Point {
        x: track.x + (average.clamp(1.0, 5.0) - 1.0) / 4.0 * track.width,
        y: middle,
    };
    let written = one_decimal(words, average);
    let text_x = x + TRACK_WIDTH + ICON_GAP;
    let width = natural_width(measure, &written, SMALL) + 1.0;
    ScoreMark {
        average,
        track,
        dot,
        text: TextBlock::new(measure, &written, text_x, y, width, SMALL),
    }
}

/// The columns' widths, and which of the optional columns any row needs.
struct Columns {
    widths: Vec<f64>,
    share: bool,
    score: bool,
    metrics: bool,
}

impl Columns {
    /// The columns the rows want, squeezed into `room` if need be; `None`
    /// when even squeezed they do not fit (the rows then stack).
    fn fit(
        measure: &dyn TextMeasure,
        rows: &[Content<'_>],
        room: f64,
        badge: Style,
    ) -> Option<Columns> {
        let widest = |texts: &mut dyn Iterator<Item = (&str, Style)>| {
            texts
                .map(|(text, style)| natural_width(measure, text, style) + 1.0)
                .fold(0.0, f64::max)
        };
        let mark = rows.iter().find(|r| r.look_here).map(|r| {
            let words = r.words.get(Key::LookHereFirst);
            card::badge(
                measure,
                words,
                ChipKind::LookHere,
                badge,
                (0.0, 0.0),
                f64::MAX,
            )
            .rect
            .width
        });
        let name = widest(&mut rows.iter().map(|r| (r.name, LANE_LABEL))).max(mark.unwrap_or(0.0))
            + ICON
            + ICON_GAP;
        let usage = widest(&mut rows.iter().map(|r| (r.usage.as_str(), SMALL)));
        let share = widest(
            &mut rows
                .iter()
                .filter_map(|r| Some((r.share.as_deref()?, SMALL))),
        );
        let metrics = widest(&mut rows.iter().flat_map(|r| {
            r.metrics
                .iter()
                .flat_map(|(m, v)| [(m.label.as_str(), SMALL), (v.as_str(), SMALL)])
        }));
        let averages = rows.iter().filter_map(|r| Some((r.words, r.average?)));
        let score = averages.fold(0.0_f64, |w, (words, average)| {
            let written = one_decimal(words, average);
            w.max(TRACK_WIDTH + ICON_GAP + natural_width(measure, &written, SMALL) + 1.0)
        });
        let [name_cap, usage_cap, share_cap, metrics_cap] = CAPS;
        let mut columns = Columns {
            widths: vec![name.min(name_cap), usage.min(usage_cap)],
            share: share > 0.0,
            score: score > 0.0,
            metrics: metrics > 0.0,
        };
        // Which columns give way when room is short: all but the score's.
        let mut squeezable = vec![0, 1];
        if columns.share {
            squeezable.push(columns.widths.len());
            columns.widths.push(share.min(share_cap));
        }
        if columns.score {
            columns.widths.push(score);
        }
        if columns.metrics {
            squeezable.push(columns.widths.len());
            columns.widths.push(metrics.min(metrics_cap));
        }
        let over = columns.total() - room;
        if over > 0.0 {
            let spare: f64 = squeezable
                .iter()
                .filter_map(|&i| columns.widths.get(i))
                .map(|w| (w - SQUEEZED).max(0.0))
                .sum();
            if spare < over {
                return None;
            }
            for &i in &squeezable {
                if let Some(w) = columns.widths.get_mut(i) {
                    let give = (*w - SQUEEZED).max(0.0);
                    *w -= give / spare * over;
                }
            }
        }
        Some(columns)
    }

    fn total(&self) -> f64 {
        self.widths.iter().sum::<f64>() + COLUMN_GAP * self.widths.len().saturating_sub(1) as f64
    }
}

/// An average as the language writes it, to one decimal.
fn one_decimal(words: &Words, value: f64) -> String {
    words.number((value * 10.0).round() / 10.0)
}
