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
        "confidence",
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
                // An item's sources are ids: the card shows their numbers.
                if key == "theme" || (k == "sources" && map.contains_key("text")) {
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

fn example(name: &str) -> String {
    fs::read_to_string(format!("examples/{name}.json")).unwrap()
}

#[test]
fn the_scorecard_has_a_row_per_channel_by_use_with_counts_averages_and_metrics() {
    let layout = lay_out(&example("contact-centre"));
    let card = layout.scorecard.as_ref().expect("a scorecard");
    let ids: Vec<&str> = card
        .rows
        .iter()
        .map(|r| layout.focus.channels[r.channel].as_str())
        .collect();
    assert_eq!(
        ids,
        ["phone", "chat", "web", "email"],
        "by share: 46, 22, 20, 12"
    );
    let facts: Vec<(usize, usize, String, Option<String>)> = card
        .rows
        .iter()
        .map(|r| {
            (
                r.touchpoints,
                r.stages,
                r.usage.lines.join(" "),
                r.share.as_ref().map(|s| s.lines.join(" ")),
            )
        })
        .collect();
    assert_eq!(
        facts,
        [
            (
                3,
                2,
                "3 touchpoints · 2 stages".into(),
                Some("46% of contacts".into())
            ),
            (
                1,
                1,
                "1 touchpoint · 1 stage".into(),
                Some("22% of contacts".into())
            ),
            (
                3,
                2,
                "3 touchpoints · 2 stages".into(),
                Some("20% of contacts".into())
            ),
            (
                3,
                3,
                "3 touchpoints · 3 stages".into(),
                Some("12% of contacts".into())
            ),
        ]
    );
    // Averages of the scored touchpoints: (1.6 + 1.4 + 3.8) / 3, 2.4,
    // (2.6 + 3.4) / 2 (the refund status page is not scored), (2 + 3.2 + 2.2) / 3.
    let averages: Vec<(f64, String)> = card
        .rows
        .iter()
        .map(|r| {
            let s = r.score.as_ref().expect("scored touchpoints");
            ((s.average * 1000.0).round() / 1000.0, s.text.lines.join(""))
        })
        .collect();
    assert_eq!(
        averages,
        [
            (2.267, "2.3".into()),
            (2.4, "2.4".into()),
            (3.0, "3".into()),
            (2.467, "2.5".into())
        ]
    );
    for row in &card.rows {
        let s = row.score.as_ref().unwrap();
        let at = s.track.x + (s.average - 1.0) / 4.0 * s.track.width;
        assert!((s.dot.x - at).abs() < 1e-9, "the dot on the 1-5 track");
    }
    let marked: Vec<usize> = card
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.look_here.is_some())
        .map(|(i, _)| i)
        .collect();
    assert_eq!(marked, [0], "phone: the most contacts, the lowest score");
    let phone: Vec<(String, String, Option<bool>)> = card.rows[0]
        .metrics
        .iter()
        .map(|m| (m.label.lines.join(" "), m.value.lines.join(" "), m.met))
        .collect();
    assert_eq!(
        phone,
        [
            (
                "First-contact resolution".into(),
                "64 % · target 75 · missed".into(),
                Some(false)
            ),
            (
                "Average wait".into(),
                "11 min · target 3 · missed".into(),
                Some(false)
            ),
        ]
    );
    // The legend, then the sources, stand beside the scorecard, clear of
    // it, under the grid.
    let legend = layout.legend.as_ref().expect("a legend");
    assert_eq!(legend.rect.y, card.rect.y);
    assert!(legend.rect.x >= card.rect.right());
    assert!(legend.rect.right() <= layout.width);
    assert!(card.rect.y >= layout.grid.bottom());
    let footer = layout.footer.as_ref().unwrap();
    assert_eq!(footer.heading.x, legend.rect.x);
    assert!(footer.heading.y >= legend.rect.bottom());
    assert!(layout.height >= card.rect.bottom().max(footer.bottom));
}

/// How one channel is used: its id, the scores of its touchpoints
/// (`None`: not scored), and its share.
type ChannelUse<'a> = (&'a str, &'a [Option<f64>], Option<f64>);

/// A map whose channels are used and scored as `uses` says.
fn channels_map(uses: &[ChannelUse<'_>]) -> String {
    let mut touchpoints = Vec::new();
    let mut channels = Vec::new();
    for (channel, scores, share) in uses {
        for (i, score) in scores.iter().enumerate() {
            let mut item =
                serde_json::json!({ "text": format!("{channel} {i}"), "channel": channel });
            if let Some(score) = score {
                item["score"] = serde_json::json!(score);
            }
            touchpoints.push(item);
        }
        if let Some(share) = share {
            channels.push(serde_json::json!({ "id": channel, "share": share }));
        }
    }
    serde_json::json!({
        "title": "t",
        "channels": channels,
        "stages": [{ "name": "A", "cells": { "touchpoints": touchpoints } }]
    })
    .to_string()
}

/// The channels in the scorecard's order, and the one marked.
fn look_here(uses: &[ChannelUse<'_>]) -> (Vec<String>, Option<String>) {
    let layout = lay_out(&channels_map(uses));
    let card = layout.scorecard.expect("a scorecard");
    let id = |r: &journeymap::layout::ScorecardRow| layout.focus.channels[r.channel].clone();
    (
        card.rows.iter().map(id).collect(),
        card.rows.iter().find(|r| r.look_here.is_some()).map(id),
    )
}

#[test]
fn look_here_first_is_the_channel_used_much_that_scores_low() {
    // Without shares, use is touchpoints: chat scores lowest but is used
    // least, so phone (used most, below neutral) is the one.
    let (order, marked) = look_here(&[
        ("chat", &[Some(1.0)], None),
        ("phone", &[Some(2.5), Some(2.5), Some(2.5)], None),
        ("web", &[Some(4.0), Some(4.0)], None),
    ]);
    assert_eq!(order, ["phone", "web", "chat"]);
    assert_eq!(marked.as_deref(), Some("phone"));
    // With a share for every channel, use is the share: chat carries most.
    let (order, marked) = look_here(&[
        ("chat", &[Some(1.0)], Some(60.0)),
        ("phone", &[Some(2.5), Some(2.5), Some(2.5)], Some(30.0)),
        ("web", &[Some(4.0), Some(4.0)], Some(10.0)),
    ]);
    assert_eq!(order, ["chat", "phone", "web"]);
    assert_eq!(marked.as_deref(), Some("chat"));
    // A share for some channels only: use falls back to touchpoints.
    let (order, _) = look_here(&[
        ("chat", &[Some(1.0)], Some(60.0)),
        ("phone", &[Some(2.5), Some(2.5), Some(2.5)], None),
    ]);
    assert_eq!(order, ["phone", "chat"]);
    // Nothing below neutral, or nothing scored: no mark.
    assert_eq!(
        look_here(&[("web", &[Some(3.0)], None), ("chat", &[Some(4.5)], None)]).1,
        None
    );
    assert_eq!(look_here(&[("web", &[None, None], None)]).1, None);
    // Equal use and equal pain: the first in the drawn order (first use).
    let (order, marked) = look_here(&[("email", &[Some(2.0)], None), ("sms", &[Some(2.0)], None)]);
    assert_eq!(order, ["email", "sms"]);
    assert_eq!(marked.as_deref(), Some("email"));
}

#[test]
fn cards_cite_their_sources_by_number_and_assumptions_are_marked() {
    use journeymap::layout::ChipKind;
    let layout = lay_out(&example("contact-centre"));
    let chip = |label: &str, kind: ChipKind| {
        let card = layout.cards.iter().find(|c| c.label == label).expect(label);
        card.chips
            .iter()
            .find(|c| c.kind == kind)
            .and_then(|c| c.text.as_ref())
            .map(|t| t.lines.join(" "))
    };
    assert_eq!(
        chip("Agent re-bills on the actual reading", ChipKind::Sources).as_deref(),
        Some("[1, 3]")
    );
    assert_eq!(
        chip("Bill email with a PDF attached", ChipKind::Sources).as_deref(),
        Some("[6]")
    );
    assert_eq!(
        chip(
            "Sees £412 instead of the usual £130 in the banking app",
            ChipKind::Sources
        ),
        None
    );
    let assumptions: Vec<&str> = layout
        .cards
        .iter()
        .filter(|c| c.assumption)
        .map(|c| c.label.as_str())
        .collect();
    assert_eq!(
        assumptions,
        [
            "Refund status in the account pages",
            "Would send a photo of the meter if the app let her"
        ]
    );
    assert_eq!(
        chip("Refund status in the account pages", ChipKind::Assumption).as_deref(),
        Some("assumption")
    );
    // The Sources list is numbered; the zoomed-in stage names its sources.
    let footer = layout.footer.as_ref().unwrap();
    let numbers: Vec<String> = footer.numbers.iter().map(|n| n.lines.join("")).collect();
    assert_eq!(numbers, ["1.", "2.", "3.", "4.", "5.", "6.", "7."]);
    let panel = layout
        .details
        .iter()
        .find(|p| layout.stages[p.stage_index].id == "talk-it-through")
        .expect("a panel");
    let texts: Vec<String> = panel.texts.iter().map(|t| t.lines.join(" ")).collect();
    let at = texts
        .iter()
        .position(|t| t == "Sources")
        .expect("a Sources heading");
    assert_eq!(
        texts[at + 1..],
        [
            "1.",
            "3.",
            "5.",
            "6.",
            "Post-contact CSAT survey, Q2, n=3,412",
            "Speech analytics of 2,000 billing calls",
            "Complaint tickets tagged billing, 1,180 cases",
            "Interviews with 14 households after a bill query, May"
        ]
    );
}
