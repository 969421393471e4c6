//! Right to left: which maps are mirrored (`dir`, `lang`, the title), and
//! what a mirrored map looks like — the first stage at the right, the
//! journey running left, every card inside its column, every box the mirror
//! image of the left-to-right one, every text anchored at the right edge,
//! lines still in logical order, and the SVG passing the output oracle.

#[path = "support/oracle.rs"]
mod oracle;

use journeymap::layout::{Align, Direction, Layout, Rect, layout};
use journeymap::render::{RenderOptions, render};
use serde_json::{Value, json};
use std::fs;

fn lay_out(map: &Value) -> Layout {
    let text = map.to_string();
    layout(&journeymap::validate(&text).unwrap_or_else(|e| panic!("invalid: {e:?}")))
}

fn case(name: &str) -> Value {
    let text = fs::read_to_string(format!("tests/golden/cases/{name}.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A small map with `fields` added at its top level.
fn small(title: &str, fields: Value) -> Value {
    let mut map = json!({
        "title": title,
        "stages": [
            { "name": "One", "cells": { "actions": ["First"] } },
            { "name": "Two", "cells": { "actions": ["Second"] } }
        ]
    });
    if let (Some(map), Some(fields)) = (map.as_object_mut(), fields.as_object()) {
        map.extend(fields.clone());
    }
    map
}

fn dir_of(map: &Value) -> Direction {
    lay_out(map).dir
}

#[test]
fn dir_and_lang_and_the_title_decide_the_direction() {
    use Direction::{Ltr, Rtl};
    let cases = [
        ("Journey", json!({}), Ltr),
        ("Journey", json!({ "dir": "rtl" }), Rtl),
        ("Journey", json!({ "dir": "auto", "lang": "ar" }), Rtl),
        ("Journey", json!({ "lang": "he-IL" }), Rtl),
        ("Journey", json!({ "lang": "fa" }), Rtl),
        ("Journey", json!({ "lang": "ur" }), Rtl),
        ("Journey", json!({ "lang": "pa-Arab" }), Rtl),
        ("Journey", json!({ "lang": "iw" }), Rtl),
        ("Journey", json!({ "lang": "de" }), Ltr),
        ("رحلة", json!({ "dir": "ltr", "lang": "ar" }), Ltr),
        // Without `lang`, the title's first strong character decides.
        ("123 רכבת", json!({}), Rtl),
        ("«رحلة» Journey", json!({}), Rtl),
        ("Journey רכבת", json!({}), Ltr),
        // With `lang`, the language decides, not the title.
        ("רכבת", json!({ "lang": "en" }), Ltr),
    ];
    for (title, fields, expected) in cases {
        let map = small(title, fields.clone());
        assert_eq!(dir_of(&map), expected, "{title:?} {fields}");
    }
}

#[test]
fn the_layout_json_says_rtl() {
    let rtl = serde_json::to_value(lay_out(&small("Journey", json!({ "dir": "rtl" })))).unwrap();
    assert_eq!(rtl["dir"], "rtl");
    assert_eq!(rtl["header"]["title"]["align"], "right");
    assert_eq!(rtl["cards"][0]["text"]["align"], "right");
    let ltr = serde_json::to_value(lay_out(&small("Journey", json!({})))).unwrap();
    assert!(ltr.get("dir").is_none(), "left to right is the default");
}

#[test]
fn stages_run_right_to_left_and_cards_stay_in_their_columns() {
    for name in ["rtl-arabic", "rtl-hebrew"] {
        let layout = lay_out(&case(name));
        assert_eq!(layout.dir, Direction::Rtl, "{name}");
        for pair in layout.stages.windows(2) {
            assert!(
                pair[1].x + pair[1].width <= pair[0].x + 1e-9,
                "{name}: stage {} stands left of stage {}",
                pair[1].index,
                pair[0].index
            );
        }
        let first = &layout.stages[0];
        for lane in &layout.lanes {
            assert!(
                lane.label.x >= first.x + first.width - 1e-9,
                "{name}: lane headers at the right of the first stage"
            );
        }
        for card in &layout.cards {
            let column = &layout.stages[card.stage_index];
            let rect = card.rect();
            assert!(
                rect.x >= column.x - 1e-9 && rect.right() <= column.x + column.width + 1e-9,
                "{name}: card {:?} leaves its column",
                card.label
            );
            assert!(
                layout
                    .cells
                    .iter()
                    .any(|cell| cell.stage_index == card.stage_index
                        && cell.lane_index == card.lane_index
                        && cell.rect.contains(&rect))
            );
            for chip in &card.chips {
                assert!(rect.contains(&chip.rect), "{name}: chip inside its card");
            }
            if let Some(icon) = &card.icon {
                assert!(
                    icon.rect.x > rect.x + rect.width / 2.0,
                    "{name}: the channel icon at the card's right"
                );
            }
        }
        for route in &layout.routes {
            for pair in route.points.windows(2) {
                assert!(pair[1].x <= pair[0].x + 1e-9, "{name}: routes run left");
            }
        }
        for curve in layout.emotion.iter().flat_map(|chart| &chart.curves) {
            for pair in curve.points.windows(2) {
                assert!(pair[1].x < pair[0].x, "{name}: curves run left");
            }
        }
    }
}

/// Every box of a layout, in a fixed order, for comparing two layouts.
fn boxes(layout: &Layout) -> Vec<Rect> {
    let mut out = vec![layout.grid];
    out.extend(layout.header.personas.iter().map(|p| p.rect));
    out.extend(layout.stages.iter().flat_map(|s| [s.header, s.zoom]));
    out.extend(layout.lanes.iter().map(|l| l.rect));
    out.extend(layout.cells.iter().map(|c| c.rect));
    for card in &layout.cards {
        out.push(card.rect());
        out.extend(card.icon.iter().map(|i| i.rect));
        out.extend(card.chips.iter().map(|c| c.rect));
    }
    for cell in &layout.metrics {
        out.push(cell.rect);
        out.extend(cell.funnel.iter().flat_map(|f| [f.track, f.bar]));
        out.extend(cell.kpis.iter().map(|k| k.rect));
    }
    out.extend(layout.details.iter().map(|d| d.rect));
    out.extend(layout.legend.iter().map(|l| l.rect));
    if let Some(card) = &layout.scorecard {
        out.push(card.rect);
        for row in &card.rows {
            out.extend([row.rect, row.icon_rect]);
            out.extend(row.score.iter().map(|s| s.track));
            out.extend(row.look_here.iter().map(|c| c.rect));
        }
    }
    out
}

#[test]
fn a_mirrored_layout_is_the_mirror_image_of_the_left_to_right_one() {
    let mut source = case("rtl-arabic");
    let rtl = lay_out(&source);
    source["dir"] = json!("ltr");
    let ltr = lay_out(&source);
    assert_eq!(ltr.dir, Direction::Ltr);
    assert_eq!((rtl.width, rtl.height), (ltr.width, ltr.height));
    assert!(
        rtl.scorecard.is_some(),
        "the channel scorecard is mirrored too"
    );
    let (a, b) = (boxes(&rtl), boxes(&ltr));
    assert_eq!(a.len(), b.len());
    for (r, l) in a.iter().zip(&b) {
        assert!(
            (r.x - (ltr.width - l.right())).abs() < 1e-9,
            "{r:?} mirrors {l:?}"
        );
        assert_eq!((r.y, r.width, r.height), (l.y, l.width, l.height));
    }
    // Text is not reflected: same lines, anchored at the mirrored left edge.
    assert_eq!(rtl.cards.len(), ltr.cards.len());
    for (r, l) in rtl.cards.iter().zip(&ltr.cards) {
        assert_eq!(r.text.lines, l.text.lines, "lines in logical order");
        assert_eq!(r.text.align, Align::Right);
        assert!((r.text.x + r.text.width - (ltr.width - l.text.x)).abs() < 1e-9);
    }
}

#[test]
fn the_svg_anchors_every_text_at_the_right_and_passes_the_oracle() {
    for name in ["rtl-arabic", "rtl-hebrew"] {
        let source = case(name);
        let text = source.to_string();
        let map = journeymap::validate(&text).unwrap();
        let svg = render(&layout(&map), &RenderOptions::default());
        oracle::check(&svg, &map, "jm").unwrap_or_else(|p| panic!("{name}: the oracle: {p}"));
        let document = roxmltree::Document::parse(&svg).unwrap();
        let root = document.root_element();
        assert_eq!(root.attribute("direction"), Some("rtl"), "{name}");
        for text in document.descendants().filter(|n| n.has_tag_name("text")) {
            let direction = text.attribute("direction");
            let anchored = direction == Some("rtl")
                || (direction == Some("ltr") && text.attribute("text-anchor") == Some("end"));
            assert!(anchored, "{name}: a text anchored at its left: {text:?}");
        }
        // A card's lines joined give its text back, in logical order.
        let layout = layout(&map);
        let card = layout
            .cards
            .iter()
            .find(|c| c.label.contains("Bank Mobile 2.0") || c.label.contains("Apple Pay"))
            .expect("a card mixing directions");
        let group = document
            .descendants()
            // Its accessible name: its text, then its score and personas.
            .find(|n| {
                n.attribute("aria-label")
                    .is_some_and(|name| name.starts_with(card.label.as_str()))
            })
            .expect("the card's group");
        let shown: String = group
            .descendants()
            .find(|n| n.attribute("class") == Some("jm-card-text"))
            .expect("the card's text")
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(shown, card.label, "{name}");
    }
}

#[test]
fn a_left_to_right_map_is_drawn_as_before() {
    let map = small("Journey", json!({}));
    let text = map.to_string();
    let svg = journeymap::render_svg(&text, &RenderOptions::default()).unwrap();
    assert!(!svg.contains("text-anchor"));
    let root = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(root.root_element().attribute("direction"), None);
}
