//! The emotion curve: every scored item plotted over its stage, in reading
//! order, one curve per persona, drawn as a monotone cubic so that the curve
//! never swings beyond its points (and so never past 1 or 5).
//!
//! With several personas, each persona's point of a scored item sits at its
//! own offset within the item's slot ([`PERSONA_PITCH`] apart, the first
//! persona leftmost), the columns are made wide enough for every slot to
//! hold them all ([`min_column_width`]), and the lane grows with the
//! number of personas ([`lane_height`]): no two curves' points overlap, and
//! a reader can follow one curve by its place as well as its colour.

use super::geometry::{Point, Rect};
use crate::model::{Color, LaneKind, Map, Stage};
use serde::Serialize;

/// Space above score 5 and below score 1 inside the lane.
const PLOT_PADDING: f64 = 18.0;
const LANE_HEIGHT: f64 = 170.0;
/// The lane grows by this much for each persona beyond three.
const HEIGHT_PER_PERSONA: f64 = 20.0;
/// A point's diameter, inside its ring.
pub const POINT_DIAMETER: f64 = 10.0;
/// The distance between two personas' points on one item: a point's
/// diameter and a gap.
pub const PERSONA_PITCH: f64 = POINT_DIAMETER + 2.0;

/// The emotion lane's height for `map`.
pub fn lane_height(map: &Map) -> f64 {
    LANE_HEIGHT + HEIGHT_PER_PERSONA * map.personas.len().saturating_sub(3) as f64
}

/// The narrowest column that gives each of `stage`'s scored items a slot
/// wide enough for every persona's point; 0 on a map with no emotion lane.
pub fn min_column_width(map: &Map, stage: &Stage) -> f64 {
    if !map.lanes.iter().any(|lane| lane.kind == LaneKind::Emotion) {
        return 0.0;
    }
    let scored = stage
        .cells
        .iter()
        .flatten()
        .filter(|item| item.score.is_some())
        .count();
    (scored * map.personas.len().max(1)) as f64 * PERSONA_PITCH
}

/// Where persona `persona`'s point sits relative to its slot's centre.
fn offset(persona: Option<usize>, personas: usize) -> f64 {
    match persona {
        Some(p) if personas > 1 => (p as f64 - (personas - 1) as f64 / 2.0) * PERSONA_PITCH,
        _ => 0.0,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EmotionChart {
    pub lane_index: usize,
    /// Where scores are plotted: 5 at the top edge, 1 at the bottom.
    pub plot: Rect,
    /// The y of the neutral score, 3.
    pub baseline: f64,
    pub curves: Vec<Curve>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Curve {
    /// The persona this curve belongs to; `None` when the map has none.
    pub persona: Option<usize>,
    pub name: Option<String>,
    pub color: Option<Color>,
    pub points: Vec<CurvePoint>,
    /// Cubic Bézier segments from point to point: two control points and
    /// the end point each.
    pub segments: Vec<[Point; 3]>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CurvePoint {
    pub x: f64,
    pub y: f64,
    pub score: f64,
    pub stage_index: usize,
    /// The scored item (lane index, item index); `None` for a stage score.
    pub item: Option<(usize, usize)>,
    /// The text of the item, or the stage's name, for the point's label.
    pub label: String,
}

/// A scored thing of one stage, before it is given an x.
struct Scored<'a> {
    item: Option<(usize, usize)>,
    score: f64,
    personas: &'a [usize],
    label: &'a str,
}

/// The chart of one emotion lane over the stages `columns` gives a span
/// (x, width) for; the others are left out.
pub fn chart(
    map: &Map,
    lane_index: usize,
    lane_rect: Rect,
    columns: impl Fn(usize) -> Option<(f64, f64)>,
    persona_colors: &[Color],
) -> EmotionChart {
    let plot = Rect::new(
        lane_rect.x,
        lane_rect.y + PLOT_PADDING,
        lane_rect.width,
        lane_rect.height - 2.0 * PLOT_PADDING,
    );
    let y_of = |score: f64| plot.y + (5.0 - score) / 4.0 * plot.height;
    let audiences: Vec<Option<usize>> = if map.personas.is_empty() {
        vec![None]
    } else {
        (0..map.personas.len()).map(Some).collect()
    };
    let mut curves: Vec<Curve> = audiences
        .iter()
        .map(|&persona| Curve {
            persona,
            name: persona.and_then(|p| map.personas.get(p).map(|p| p.name.clone())),
            color: persona.and_then(|p| persona_colors.get(p).copied()),
            points: Vec::new(),
            segments: Vec::new(),
        })
        .collect();
    for (stage_index, stage) in map.stages.iter().enumerate() {
        let Some((column_x, column_width)) = columns(stage_index) else {
            continue;
        };
        let scored: Vec<Scored<'_>> = stage
            .cells
            .iter()
            .enumerate()
            .flat_map(|(lane, items)| {
                items.iter().enumerate().filter_map(move |(index, item)| {
                    item.score.map(|score| Scored {
                        item: Some((lane, index)),
                        score,
                        personas: &item.personas,
                        label: &item.text,
                    })
                })
            })
            .collect();
        let slots = scored.len().max(1) as f64;
        let x_of = |slot: usize| column_x + column_width * (slot as f64 + 0.5) / slots;
        for curve in &mut curves {
            let shift = offset(curve.persona, map.personas.len());
            let mut any = false;
            for (slot, s) in scored.iter().enumerate() {
                let belongs = match curve.persona {
                    None => true,
                    Some(p) => s.personas.is_empty() || s.personas.contains(&p),
                };
                if belongs {
                    any = true;
                    curve.points.push(CurvePoint {
                        x: x_of(slot) + shift,
                        y: y_of(s.score),
                        score: s.score,
                        stage_index,
                        item: s.item,
                        label: s.label.to_owned(),
                    });
                }
            }
            if let (false, Some(score)) = (any, stage.score) {
                // In the middle slot, where the other personas' points
                // leave this persona's offset free.
                curve.points.push(CurvePoint {
                    x: x_of(scored.len().saturating_sub(1) / 2) + shift,
                    y: y_of(score),
                    score,
                    stage_index,
                    item: None,
                    label: stage.name.clone(),
                });
            }
        }
    }
    for curve in &mut curves {
        let points: Vec<Point> = curve
            .points
            .iter()
            .map(|p| Point { x: p.x, y: p.y })
            .collect();
        curve.segments = monotone_segments(&points);
    }
    curves.retain(|curve| !curve.points.is_empty());
    EmotionChart {
        lane_index,
        plot,
        baseline: y_of(3.0),
        curves,
    }
}

/// Fritsch–Carlson monotone cubic interpolation through points whose x
/// increases, as Bézier segments. Between two points the curve stays within
/// their y range, so it never overshoots.
pub fn monotone_segments(points: &[Point]) -> Vec<[Point; 3]> {
    let n = points.len();
    if n < 2 {
        return Vec::new();
    }
    let deltas: Vec<f64> = points
        .windows(2)
        .map(|w| match w {
            [a, b] if b.x > a.x => (b.y - a.y) / (b.x - a.x),
            _ => 0.0,
        })
        .collect();
    let mut tangents = vec![0.0; n];
    for (i, tangent) in tangents.iter_mut().enumerate() {
        let before = i.checked_sub(1).and_then(|j| deltas.get(j)).copied();
        let after = deltas.get(i).copied();
        *tangent = match (before, after) {
            (Some(b), Some(a)) if b * a > 0.0 => {
                // Harmonic mean keeps the tangent within both slopes.
                2.0 * a * b / (a + b)
            }
            (Some(_), Some(_)) => 0.0,
            (None, Some(a)) => a,
            (Some(b), None) => b,
            (None, None) => 0.0,
        };
    }
    points
        .windows(2)
        .zip(tangents.windows(2))
        .map(|(pair, slopes)| match (pair, slopes) {
            ([a, b], [ta, tb]) => {
                let h = (b.x - a.x) / 3.0;
                [
                    Point {
                        x: a.x + h,
                        y: a.y + ta * h,
                    },
                    Point {
                        x: b.x - h,
                        y: b.y - tb * h,
                    },
                    *b,
                ]
            }
            _ => [Point { x: 0.0, y: 0.0 }; 3],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monotone_curve_stays_within_each_segment() {
        let ys = [1.0, 5.0, 4.9, 1.0, 1.0, 3.0, 5.0];
        let points: Vec<Point> = ys
            .iter()
            .enumerate()
            .map(|(i, &y)| Point {
                x: i as f64 * 10.0,
                y,
            })
            .collect();
        for (segment, pair) in monotone_segments(&points).iter().zip(points.windows(2)) {
            let [a, b] = pair else { unreachable!() };
            let (low, high) = (a.y.min(b.y), a.y.max(b.y));
            for control in &segment[..2] {
                assert!(control.y >= low - 1e-9 && control.y <= high + 1e-9);
            }
        }
    }
}
