//! What is drawn from data rather than stacked as cards: the emotion
//! curves, the funnel and KPIs, the line lanes' rules and the channel
//! routes.

use super::dots::Dots;
use super::svg::{Svg, number};
use super::{classes, text_block};
use crate::i18n::Key;
use crate::layout::{Curve, CurvePoint, Focus, Layout, POINT_DIAMETER, Point};
use crate::number::{hundredths, write_hundredths};

/// The curves, each in a group with its points and, on a persona's, a
/// `<title>` naming the persona once; a focused persona's curve is drawn
/// last, so that it lies on top.
pub fn emotion(out: &mut Svg, layout: &Layout, focus: Option<Focus>) {
    for chart in &layout.emotion {
        out.open(
            "g",
            &[
                ("class", "jm-emotion".into()),
                ("data-lane-index", chart.lane_index.into()),
            ],
        );
        let p = chart.plot;
        for score in [1.0, 5.0] {
            let y = p.y + (5.0 - score) / 4.0 * p.height;
            out.empty(
                "line",
                &[
                    ("class", "jm-scale".into()),
                    ("x1", p.x.into()),
                    ("y1", y.into()),
                    ("x2", p.right().into()),
                    ("y2", y.into()),
                ],
            );
        }
        out.empty(
            "line",
            &[
                ("class", "jm-baseline".into()),
                ("x1", p.x.into()),
                ("y1", chart.baseline.into()),
                ("x2", p.right().into()),
                ("y2", chart.baseline.into()),
            ],
        );
        let focused = |curve: &&Curve| matches!((focus, curve.persona), (Some(Focus::Persona(f)), Some(p)) if f == p);
        let (last, first): (Vec<&Curve>, Vec<&Curve>) = chart.curves.iter().partition(focused);
        for curve in first.into_iter().chain(last) {
            let mut attributes = vec![("class", classes::CURVE_GROUP.into())];
            if let Some(persona) = curve.persona {
                attributes.push((classes::PERSONA_INDEX, persona.into()));
            }
            out.open("g", &attributes);
            // The persona is named once, for its curve and all its points.
            if let Some(name) = &curve.name {
                out.text_element("title", &[], name);
            }
            if let (Some(first), false) = (curve.points.first(), curve.segments.is_empty()) {
                let d = curve_path(first, &curve.segments);
                let class = match curve.persona {
                    Some(persona) => format!("jm-curve {}", classes::persona(persona)),
                    None => "jm-curve".to_owned(),
                };
                out.empty("path", &[("class", class.into()), ("d", d.into())]);
            }
            // A card's point is a dot, its card's name saying its text and
            // score: a ring in the persona's colour (or the background's),
            // under a dot of the score's colour. A stage's score, which no
            // card stands for, is a circle titled with the stage and score.
            let persona = match curve.persona {
                Some(persona) => format!(" {}", classes::persona(persona)),
                None => String::new(),
            };
            // The ring is the point and its 1.5-wide stroke; the point's
            // colour shows inside it.
            let ring = format!("jm-point jm-dots jm-ring{persona}");
            let mut dots = Dots::default();
            for point in curve.points.iter().filter(|point| point.item.is_some()) {
                let at = (point.x, point.y);
                dots.add(&ring, POINT_DIAMETER + 1.5, None, at);
                let class = format!(
                    "jm-point jm-dots jm-dot {}{persona}",
                    score_class(point.score)
                );
                dots.add(&class, POINT_DIAMETER - 1.5, None, at);
            }
            dots.draw(out);
            for point in curve.points.iter().filter(|point| point.item.is_none()) {
                let class = format!("jm-point {}{persona}", score_class(point.score));
                out.open(
                    "circle",
                    &[
                        ("class", class.into()),
                        ("cx", point.x.into()),
                        ("cy", point.y.into()),
                        ("r", (POINT_DIAMETER / 2.0).into()),
                    ],
                );
                let words = &layout.words;
                let score = words.number(point.score);
                // A persona's point has its own word, which a map may
                // make name the persona (`{name}`); the built-in words
                // do not, since the group's title does.
                let key = match curve.name {
                    Some(_) => Key::EmotionPointPersona,
                    None => Key::EmotionPoint,
                };
                let label = words.fill(
                    key,
                    &[
                        ("label", point.label.as_str()),
                        ("value", score.as_str()),
                        ("name", curve.name.as_deref().unwrap_or_default()),
                    ],
                );
                out.text_element("title", &[], &label);
                out.close();
            }
            out.close();
        }
        out.close();
    }
}

/// The class that colours a score on the emotion scale: `jm-score-1` (very
/// negative) to `jm-score-5`, the score rounded.
pub fn score_class(score: f64) -> String {
    format!("jm-score-{}", score.round().clamp(1.0, 5.0) as usize)
}

/// The class of a value against its target, if it has one to meet.
pub fn verdict_class(met: Option<bool>) -> Option<&'static str> {
    match met {
        Some(true) => Some("jm-kpi-met"),
        Some(false) => Some("jm-kpi-missed"),
        None => None,
    }
}

pub fn metrics(out: &mut Svg, layout: &Layout) {
    for cell in &layout.metrics {
        out.open(
            "g",
            &[
                ("class", "jm-metrics".into()),
                (classes::STAGE_INDEX, cell.stage_index.into()),
            ],
        );
        if let Some(drop) = &cell.drop_off {
            let class = if drop.largest {
                "jm-dropoff jm-dropoff-max"
            } else {
                "jm-dropoff"
            };
            out.open("g", &[("class", class.into())]);
            text_block(out, &drop.text, None);
            out.close();
        }
        if let Some(funnel) = &cell.funnel {
            out.open("g", &[("class", "jm-funnel".into())]);
            text_block(out, &funnel.label, None);
            text_block(out, &funnel.value, None);
            for (class, r) in [
                ("jm-funnel-track", funnel.track),
                ("jm-funnel-bar", funnel.bar),
            ] {
                out.empty(
                    "rect",
                    &[
                        ("class", class.into()),
                        ("x", r.x.into()),
                        ("y", r.y.into()),
                        ("width", r.width.into()),
                        ("height", r.height.into()),
                        ("rx", 3.0.into()),
                    ],
                );
            }
            out.close();
        }
        for kpi in &cell.kpis {
            out.open("g", &[("class", "jm-kpi".into())]);
            text_block(out, &kpi.label, None);
            text_block(out, &kpi.value, None);
            if let Some(unit) = &kpi.unit {
                text_block(out, unit, None);
            }
            if let Some(target) = &kpi.target {
                text_block(out, target, verdict_class(kpi.met));
            }
            out.close();
        }
        out.close();
    }
}

pub fn rules(out: &mut Svg, layout: &Layout) {
    for rule in &layout.rules {
        out.empty(
            "line",
            &[
                ("class", "jm-rule".into()),
                ("data-lane-index", rule.lane_index.into()),
                ("x1", rule.x1.into()),
                ("y1", rule.y.into()),
                ("x2", rule.x2.into()),
                ("y2", rule.y.into()),
            ],
        );
    }
}

pub fn routes(out: &mut Svg, layout: &Layout) {
    for route in &layout.routes {
        if route.points.len() < 2 {
            continue;
        }
        let points: Vec<String> = route
            .points
            .iter()
            .map(|p| format!("{},{}", number(p.x), number(p.y)))
            .collect();
        out.empty(
            "polyline",
            &[
                ("class", "jm-route".into()),
                ("data-lane-index", route.lane_index.into()),
                ("points", points.join(" ").into()),
            ],
        );
    }
}

/// A curve's path: a move to `first`, then one relative cubic (`c`) per
/// segment, its points written from where the one before ended: on a map
/// thousands of pixels wide, shorter numbers than absolute ones.
fn curve_path(first: &CurvePoint, segments: &[[Point; 3]]) -> String {
    let at_point = |p: &Point| (hundredths(p.x), hundredths(p.y));
    let mut at = (hundredths(first.x), hundredths(first.y));
    let mut d = String::from("M");
    write_hundredths(&mut d, at.0, false);
    write_hundredths(&mut d, at.1, true);
    for segment in segments {
        d.push('c');
        for (index, point) in segment.iter().enumerate() {
            let (x, y) = at_point(point);
            write_hundredths(&mut d, x - at.0, index > 0);
            write_hundredths(&mut d, y - at.1, true);
        }
        at = at_point(&segment[2]);
    }
    d
}
