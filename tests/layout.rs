//! Geometry facts asserted on the layout itself, and the promise that every
//! text of a map appears in its SVG.

use journeymap::layout::{Layout, layout};
use journeymap::model::LaneKind;
use journeymap::render::{RenderOptions, render};
use serde_json::Value;
use std::fs;

fn lay_out(text: &str) -> Layout {
    layout(&journeymap::validate(text).unwrap_or_else(|e| panic!("invalid: {e:?}")))
}

fn case(name: &str) -> String {
    fs::read_to_string(format!("tests/golden/cases/{name}.json")).unwrap()
}

#[test]
fn emotion_points_sit_over_their_items_stage_in_reading_order() {
    let layout = lay_out(&case("emotion-personas"));
    let chart = &layout.emotion[0];
    assert_eq!(chart.curves.len(), 2, "one curve per persona");
    for curve in &chart.curves {
        let mut last_x = f64::MIN;
        for point in &curve.points {
            let stage = &layout.stages[point.stage_index];
            assert!(point.x > stage.x && point.x < stage.x + stage.width);
            assert!(point.x > last_x, "points in reading order");
            last_x = point.x;
            let y_for = chart.plot.y + (5.0 - point.score) / 4.0 * chart.plot.height;
            assert!((point.y - y_for).abs() < 1e-9);
        }
        for segment in &curve.segments {
            for control in segment {
                assert!(
                    control.y >= chart.plot.y - 1e-9 && control.y <= chart.plot.bottom() + 1e-9
                );
            }
        }
    }
    // The first persona sees "Reads reviews" and "Pays as guest"; the second does not.
    let first: Vec<&str> = chart.curves[0]
        .points
        .iter()
        .map(|p| p.label.as_str())
        .collect();
    let second: Vec<&str> = chart.curves[1]
        .points
        .iter()
        .map(|p| p.label.as_str())
        .collect();
    assert_eq!(
        first,
        ["Finds the shop", "Reads reviews", "Pays as guest", "Use"]
    );
    assert_eq!(second, ["Finds the shop", "One-click order", "Use"]);
    // The same item sits in the same slot on every curve, each persona's
    // point 12 units right of the one before (so that they never overlap).
    let apart = chart.curves[1].points[0].x - chart.curves[0].points[0].x;
    assert!((apart - 12.0).abs() < 1e-9, "{apart}");
}

#[test]
fn by_channel_lanes_have_a_row_per_channel_and_a_route_in_reading_order() {
    let layout = lay_out(&case("by-channel-route"));
    let lane = &layout.lanes[0];
    assert_eq!(lane.sub_rows.len(), 5, "web, chat, phone, sms, email");
    let route = &layout.routes[0];
    assert_eq!(route.points.len(), 5);
    let xs: Vec<f64> = route.points.iter().map(|p| p.x).collect();
    assert!(
        xs.windows(2).all(|w| w[0] <= w[1]),
        "the route moves left to right"
    );
    for card in &layout.cards {
        let row = lane
            .sub_rows
            .iter()
            .find(|row| card.y >= row.y && card.y + card.height <= row.y + row.height)
            .expect("each card inside a channel row");
        assert_eq!(Some(row.channel), card.icon.as_ref().map(|i| i.channel));
    }
}

#[test]
fn the_funnel_marks_the_largest_drop_off() {
    let layout = lay_out(&case("funnel-and-kpis"));
    let drops: Vec<(f64, bool)> = layout
        .metrics
        .iter()
        .filter_map(|cell| cell.drop_off.as_ref().map(|d| (d.percent, d.largest)))
        .collect();
    assert_eq!(drops.len(), 3);
    assert!((drops[0].0 - 58.0).abs() < 1e-9);
    assert!(
        drops[2].1 && !drops[0].1 && !drops[1].1,
        "Trial → Pay loses 76.9 %"
    );
    let bars: Vec<f64> = layout
        .metrics
        .iter()
        .filter_map(|c| c.funnel.as_ref().map(|f| f.bar.width))
        .collect();
    assert!(bars.windows(2).all(|w| w[0] >= w[1]));
    let kpis: Vec<Option<bool>> = layout
        .metrics
        .iter()
        .flat_map(|c| c.kpis.iter().map(|k| k.met))
        .collect();
    assert_eq!(
        kpis,
        [Some(false), None, None],
        "lower is better for bounce rate; a target without better is not judged"
    );
}

#[test]
fn line_lanes_draw_a_rule_across_the_grid() {
    let layout = lay_out(&case("blueprint-lines"));
    assert_eq!(layout.rules.len(), 2);
    let first_stage = &layout.stages[0];
    let last_stage = layout.stages.last().unwrap();
    for rule in &layout.rules {
        assert_eq!(rule.x1, first_stage.x);
        assert_eq!(rule.x2, last_stage.x + last_stage.width);
        let lane = &layout.lanes[rule.lane_index];
        assert_eq!(lane.kind, LaneKind::Line);
        assert!(rule.y > lane.rect.y && rule.y < lane.rect.bottom());
    }
}

#[test]
fn cards_grow_to_fit_long_texts_and_never_cut_them() {
    let layout = lay_out(&case("long-text-wraps"));
    let card = &layout.cards[0];
    assert!(
        card.text.lines.len() >= 3,
        "a long text wraps onto several lines"
    );
    assert!(card.height >= card.text.lines.len() as f64 * card.text.style.line_height);
    let explicit = &layout.cards[2];
    assert_eq!(
        explicit.text.lines,
        [
            "First line",
            "Second line after an explicit break",
            "",
            "After an empty line"
        ]
    );
}

#[test]
fn zoom_boxes_hold_the_column_and_its_detail_panel() {
    let layout = lay_out(&case("card-details"));
    let stage = &layout.stages[0];
    let panel = &layout.details[0];
    assert!(stage.zoom.contains(&panel.rect));
    assert!(stage.zoom.contains(&stage.header));
    assert!(panel.rect.x >= stage.x + stage.width);
}

/// Every string of a map that is shown as text (not ids, links, colours or
/// keywords), whitespace removed.
fn shown_texts(value: &Value, key: &str, out: &mut Vec<String>) {
    const NOT_SHOWN: &[&str] = &[
        "id",
        "$schema",
        "channel",
        "personas",
        "url",
        "kind",
        "tone",
        "theme",
        "color",
        "icon",
        "base",
        "font",
        "better",
        "lang",
        "dir",
        "accent",
        "positive",
        "negative",
        "neutral",
        "background",
        "text-color",
    ];
    match value {
        Value::String(s) if !NOT_SHOWN.contains(&key) => {
            let known_tag = key == "tags"
                && ["pain", "gain", "moment-of-truth", "drop-off"].contains(&s.as_str());
            if !known_tag {
                out.push(
                    s.chars()
                        .filter(|c| !c.is_whitespace() && (*c >= ' '))
                        .collect(),
                );
            }
        }
        Value::Array(items) => items.iter().for_each(|v| shown_texts(v, key, out)),
        Value::Object(map) => {
            for (k, v) in map {
                if key == "theme" {
                    continue;
                }
                shown_texts(v, k, out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_text_of_every_map_appears_in_its_svg() {
    let mut files: Vec<_> = fs::read_dir("examples")
        .into_iter()
        .chain(fs::read_dir("tests/golden/cases"))
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for path in files {
        let source = fs::read_to_string(&path).unwrap();
        let map = journeymap::validate(&source).unwrap();
        for (which, layout) in [
            ("wide", lay_out(&source)),
            ("stacked 390", journeymap::layout::stacked(&map, 390.0)),
            ("stacked 320", journeymap::layout::stacked(&map, 320.0)),
        ] {
            every_text_appears(
                &path,
                which,
                &source,
                &render(&layout, &RenderOptions::default()),
            );
        }
    }
}

/// With six personas, every persona's point has room of its own: no two
/// points of the emotion lane overlap (a point is a circle of radius 5), so
/// that every curve can be followed and focused.
#[test]
fn six_personas_points_never_overlap() {
    let layout = lay_out(&case("six-personas"));
    let chart = &layout.emotion[0];
    assert_eq!(chart.curves.len(), 6);
    let points: Vec<(usize, f64, f64)> = chart
        .curves
        .iter()
        .flat_map(|curve| {
            let persona = curve.persona.expect("a persona's curve");
            curve.points.iter().map(move |p| (persona, p.x, p.y))
        })
        .collect();
    for (i, a) in points.iter().enumerate() {
        for b in &points[i + 1..] {
            let distance = (a.1 - b.1).hypot(a.2 - b.2);
            assert!(
                distance >= 10.0,
                "points of personas {} and {} overlap at ({}, {}) and ({}, {})",
                a.0,
                b.0,
                a.1,
                a.2,
                b.1,
                b.2
            );
        }
        let stage = layout
            .stages
            .iter()
            .find(|s| a.1 > s.x && a.1 < s.x + s.width)
            .expect("every point inside a stage column");
        assert!(a.1 - 5.0 >= stage.x && a.1 + 5.0 <= stage.x + stage.width);
    }
    let lane = &layout.lanes[chart.lane_index];
    let two = lay_out(&case("emotion-personas"));
    assert!(
        lane.rect.height > two.lanes[two.emotion[0].lane_index].rect.height,
        "the lane grows with the personas"
    );
}

/// Every shown string of `source` is somewhere in the text of `svg`.
fn every_text_appears(path: &std::path::Path, which: &str, source: &str, svg: &str) {
    let document = roxmltree::Document::parse(svg).unwrap();
    let shown: String = document
        .descendants()
        .filter(|n| n.is_text() && n.parent().is_some_and(|p| p.tag_name().name() != "style"))
        .filter_map(|n| n.text())
        .flat_map(|t| t.chars().filter(|c| !c.is_whitespace()))
        .collect();
    let value: Value = serde_json::from_str(source).unwrap();
    let mut texts = Vec::new();
    shown_texts(&value, "", &mut texts);
    for text in texts {
        assert!(
            shown.contains(&text),
            "{} ({which}): {text:?} is not in the SVG",
            path.display()
        );
    }
}
