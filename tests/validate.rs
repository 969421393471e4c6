//! What `validate` makes of valid maps (the defaults of the format, resolved
//! into the model), the limits that are too large for `tests/errors`, and
//! properties: no input makes it panic.

use journeymap::Diagnostic;
use journeymap::limits;
use journeymap::model::{Better, Color, Icon, LaneKind, Map, MetricValue, Tag, ThemeMode, Tone};
use journeymap::validate;
use proptest::prelude::*;
use serde_json::{Value, json};

fn valid(document: &Value) -> Map {
    valid_text(&document.to_string())
}

fn valid_text(text: &str) -> Map {
    match validate(text) {
        Ok(map) => map,
        Err(diagnostics) => panic!("expected a valid map, got:\n{}", lines(&diagnostics)),
    }
}

fn invalid(document: &Value) -> Vec<Diagnostic> {
    match validate(&document.to_string()) {
        Ok(_) => panic!("expected errors, the map was accepted"),
        Err(diagnostics) => diagnostics,
    }
}

fn lines(diagnostics: &[Diagnostic]) -> String {
    diagnostics.iter().map(|d| format!("{d}\n")).collect()
}

fn lane_ids(map: &Map) -> Vec<&str> {
    map.lanes.iter().map(|lane| lane.id.as_str()).collect()
}

fn stage_ids(map: &Map) -> Vec<&str> {
    map.stages.iter().map(|stage| stage.id.as_str()).collect()
}

// ---------------------------------------------------------------- defaults

#[test]
fn the_smallest_map_of_the_format_is_valid() {
    let map = valid_text(
        r#"{ "title": "Checkout", "stages": [ { "name": "Cart", "cells": { "actions": ["Add item"] } } ] }"#,
    );
    assert_eq!(map.title, "Checkout");
    assert_eq!(stage_ids(&map), ["cart"]);
    assert_eq!(lane_ids(&map), ["actions"]);
    assert_eq!(map.stages[0].cells[0][0].text, "Add item");
    assert_eq!(map.theme.mode, ThemeMode::Auto);
    assert_eq!(map.channels.len(), Icon::ALL.len());
}

#[test]
fn lanes_come_from_cells_keys_in_first_seen_order_with_well_known_defaults() {
    let map = valid(&json!({
        "title": "Checkout",
        "stages": [
            { "name": "Cart", "cells": { "thoughts": ["Is it in stock?"], "actions": ["Add item"] } },
            { "name": "Pay", "cells": {
                "actions": ["Enter card"],
                "pains": ["Card declined"],
                "touchpoints": [{ "text": "Pay page", "channel": "web" }],
                "support_notes": ["Refund script"],
                "opportunities": ["Offer PayPal"],
                "goals": ["Finish quickly"],
                "backstage": ["Fraud check"],
                "owners": ["Payments team"],
                "emotion": [],
                "metrics": []
            } }
        ]
    }));
    assert_eq!(
        lane_ids(&map),
        [
            "thoughts",
            "actions",
            "pains",
            "touchpoints",
            "support_notes",
            "opportunities",
            "goals",
            "backstage",
            "owners",
            "emotion",
            "metrics"
        ]
    );
    let expected = [
        ("thoughts", LaneKind::Text, "Thoughts", Tone::Neutral),
        ("actions", LaneKind::Text, "Actions", Tone::Neutral),
        ("pains", LaneKind::Text, "Pain points", Tone::Negative),
        (
            "touchpoints",
            LaneKind::Touchpoints,
            "Touchpoints",
            Tone::Neutral,
        ),
        (
            "support_notes",
            LaneKind::Text,
            "support_notes",
            Tone::Neutral,
        ),
        ("opportunities", LaneKind::Text, "Opportunities", Tone::Idea),
        ("goals", LaneKind::Text, "Goals", Tone::Neutral),
        ("backstage", LaneKind::Text, "Backstage", Tone::Neutral),
        ("owners", LaneKind::Text, "Owners", Tone::Neutral),
        ("emotion", LaneKind::Emotion, "Experience", Tone::Neutral),
        ("metrics", LaneKind::Metrics, "Metrics", Tone::Neutral),
    ];
    for (lane, (id, kind, label, tone)) in map.lanes.iter().zip(expected) {
        assert_eq!(
            (
                lane.id.as_str(),
                lane.kind,
                lane.label.as_str(),
                lane.tone,
                lane.by_channel
            ),
            (id, kind, label, tone, false)
        );
    }
    // Every stage has one cell per lane, in the order of the lanes.
    for stage in &map.stages {
        assert_eq!(stage.cells.len(), map.lanes.len());
    }
    assert_eq!(map.stages[0].cells[0][0].text, "Is it in stock?");
    assert!(map.stages[0].cells[2].is_empty());
    assert_eq!(map.stages[1].cells[2][0].text, "Card declined");
}

#[test]
fn declared_lanes_keep_their_order_and_override_the_defaults() {
    let map = valid(&json!({
        "title": "Checkout",
        "lanes": [
            { "id": "touchpoints", "byChannel": true },
            { "id": "pains", "label": "Frictions", "tone": "neutral" },
            { "id": "visibility", "kind": "line", "label": "Line of visibility" },
            { "id": "notes" },
            { "id": "feel", "kind": "emotion" }
        ],
        "stages": [ { "name": "Cart", "cells": {
            "pains": ["Slow"],
            "touchpoints": [{ "text": "Shop", "channel": "web" }],
            "visibility": []
        } } ]
    }));
    assert_eq!(
        lane_ids(&map),
        ["touchpoints", "pains", "visibility", "notes", "feel"]
    );
    let lane = |i: usize| &map.lanes[i];
    assert!(lane(0).by_channel);
    assert_eq!(lane(0).kind, LaneKind::Touchpoints);
    assert_eq!(
        (lane(1).label.as_str(), lane(1).tone),
        ("Frictions", Tone::Neutral)
    );
    assert_eq!(
        (lane(2).kind, lane(2).label.as_str()),
        (LaneKind::Line, "Line of visibility")
    );
    assert_eq!(
        (lane(3).kind, lane(3).label.as_str()),
        (LaneKind::Text, "notes")
    );
    assert_eq!(lane(4).kind, LaneKind::Emotion);
    assert_eq!(map.stages[0].cells[0][0].text, "Shop");
    assert_eq!(map.stages[0].cells[1][0].text, "Slow");
}

#[test]
fn ids_are_derived_from_names() {
    let map = valid(&json!({
        "title": "Checkout",
        "personas": [
            { "name": "Maya, first-time buyer" },
            { "name": "Maya, first-time buyer" },
            { "name": "山田" },
            { "id": "tom", "name": "Tom" }
        ],
        "stages": [
            { "name": "Sign up & pay!" },
            { "name": "購入" },
            { "name": "  Café   au LAIT 2 " },
            { "name": "Review" },
            { "id": "review", "name": "Explicit review" }
        ]
    }));
    assert_eq!(
        stage_ids(&map),
        // "review" is written by the fifth stage, so the fourth, whose name
        // gives the same id, falls back to its position.
        [
            "sign-up-pay",
            "stage-2",
            "caf-au-lait-2",
            "stage-4",
            "review"
        ]
    );
    let persona_ids: Vec<&str> = map.personas.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        persona_ids,
        ["maya-first-time-buyer", "persona-2", "persona-3", "tom"]
    );
}

#[test]
fn a_derived_id_never_takes_an_explicit_one() {
    let map = valid(&json!({
        "title": "Checkout",
        "stages": [
            { "name": "Cart" },
            { "id": "cart", "name": "Basket" }
        ]
    }));
    assert_eq!(stage_ids(&map), ["stage-1", "cart"]);
}

#[test]
fn derived_ids_are_at_most_64_characters_and_valid() {
    let name = "Word ".repeat(30);
    let map = valid(&json!({ "title": "T", "stages": [ { "name": name } ] }));
    let id = &map.stages[0].id;
    assert!(id.len() <= 64, "{id}");
    assert!(
        id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
        "{id}"
    );
    assert!(!id.ends_with('-'));
}

#[test]
fn an_emotion_lane_is_added_when_an_item_has_a_score() {
    let map = valid(&json!({
        "title": "Checkout",
        "stages": [ { "name": "Cart", "cells": {
            "actions": [ { "text": "Add item", "score": 4.5 } ]
        } } ]
    }));
    assert_eq!(lane_ids(&map), ["actions", "emotion"]);
    assert_eq!(map.lanes[1].kind, LaneKind::Emotion);
    assert_eq!(map.lanes[1].label, "Experience");
    assert_eq!(map.stages[0].cells.len(), 2);
    assert_eq!(map.stages[0].cells[0][0].score, Some(4.5));
}

#[test]
fn an_emotion_lane_is_added_when_only_a_stage_has_a_score() {
    let map = valid(&json!({
        "title": "Checkout",
        "stages": [ { "name": "Cart", "score": 2, "cells": { "actions": ["Add item"] } } ]
    }));
    assert_eq!(lane_ids(&map), ["actions", "emotion"]);
    assert_eq!(map.stages[0].score, Some(2.0));
}

#[test]
fn a_metrics_lane_is_added_for_reach_or_metrics() {
    for stage in [
        json!({ "name": "Cart", "reach": 1200 }),
        json!({ "name": "Cart", "metrics": [ { "label": "CSAT", "value": 3.9 } ] }),
    ] {
        let map = valid(&json!({ "title": "Checkout", "stages": [stage] }));
        assert_eq!(lane_ids(&map), ["metrics"]);
        assert_eq!(map.lanes[0].kind, LaneKind::Metrics);
        assert_eq!(map.stages[0].cells.len(), 1);
    }
}

#[test]
fn no_lane_is_added_when_one_of_that_kind_is_declared_and_ids_stay_unique() {
    let map = valid(&json!({
        "title": "Checkout",
        "lanes": [ { "id": "feel", "kind": "emotion" }, { "id": "metrics", "label": "Notes", "kind": "text" } ],
        "stages": [ { "name": "Cart", "score": 3, "reach": 10 } ]
    }));
    // The emotion lane is declared; the metrics kind is not, and its usual
    // id is taken by a text lane.
    assert_eq!(lane_ids(&map), ["feel", "metrics", "metrics-2"]);
    assert_eq!(map.lanes[2].kind, LaneKind::Metrics);
    assert_eq!(map.stages[0].cells.len(), 3);
}

#[test]
fn no_drawn_lane_is_added_without_scores_or_numbers() {
    let map = valid(&json!({
        "title": "Checkout",
        "stages": [ { "name": "Cart", "cells": { "actions": ["Add item"] } } ]
    }));
    assert_eq!(lane_ids(&map), ["actions"]);
}

#[test]
fn a_channel_object_renames_a_built_in_channel_and_adds_custom_ones() {
    let map = valid(&json!({
        "title": "Checkout",
        "channels": [
            { "id": "store", "name": "Branch", "color": "#ABC" },
            { "id": "whatsapp", "name": "WhatsApp", "icon": "chat", "color": "#25d366" },
            { "id": "fax", "name": "Fax" }
        ],
        "stages": [ { "name": "Cart", "cells": { "touchpoints": [
            { "text": "Counter", "channel": "store" },
            { "text": "Ask", "channel": "whatsapp" },
            { "text": "Form", "channel": "fax" },
            { "text": "Site", "channel": "web" }
        ] } } ]
    }));
    assert_eq!(map.channels.len(), Icon::ALL.len() + 2);
    let store = map
        .channels
        .iter()
        .position(|c| c.id == "store")
        .expect("store is built in");
    assert_eq!(map.channels[store].name, "Branch");
    assert_eq!(map.channels[store].icon, Icon::Store);
    assert_eq!(map.channels[store].color, Color::parse("#aabbcc"));
    let whatsapp = &map.channels[Icon::ALL.len()];
    assert_eq!(
        (whatsapp.id.as_str(), whatsapp.name.as_str(), whatsapp.icon),
        ("whatsapp", "WhatsApp", Icon::Chat)
    );
    assert_eq!(whatsapp.color.map(Color::hex).as_deref(), Some("#25d366"));
    let fax = &map.channels[Icon::ALL.len() + 1];
    assert_eq!((fax.id.as_str(), fax.icon), ("fax", Icon::Other));
    // Items refer to channels by index.
    let channel_ids: Vec<&str> = map.stages[0].cells[0]
        .iter()
        .map(|item| map.channels[item.channel.expect("a channel")].id.as_str())
        .collect();
    assert_eq!(channel_ids, ["store", "whatsapp", "fax", "web"]);
    // Built-ins not renamed keep their names.
    let web = map.channels.iter().find(|c| c.id == "web").expect("web");
    assert_eq!(web.name, "Web");
}

#[test]
fn the_theme_is_a_mode_or_an_object() {
    for (theme, mode) in [
        (json!("light"), ThemeMode::Light),
        (json!("dark"), ThemeMode::Dark),
        (json!("auto"), ThemeMode::Auto),
    ] {
        let map = valid(&json!({ "title": "T", "theme": theme, "stages": [{ "name": "A" }] }));
        assert_eq!(map.theme.mode, mode);
        assert_eq!(map.theme.accent, None);
    }
    let map = valid(&json!({
        "title": "T",
        "theme": {
            "base": "dark",
            "accent": "#16b",
            "positive": "#2DA44E",
            "negative": "#cf222e",
            "neutral": "#888",
            "background": "#0d1117",
            "text": "#e6edf3",
            "font": "Inter,  Arial ,sans-serif"
        },
        "stages": [{ "name": "A" }]
    }));
    let theme = &map.theme;
    assert_eq!(theme.mode, ThemeMode::Dark);
    assert_eq!(
        theme.accent,
        Some(Color {
            r: 0x11,
            g: 0x66,
            b: 0xbb
        })
    );
    assert_eq!(theme.positive.map(Color::hex).as_deref(), Some("#2da44e"));
    assert_eq!(theme.neutral.map(Color::hex).as_deref(), Some("#888888"));
    assert_eq!(theme.font.as_deref(), Some("Inter, Arial, sans-serif"));
    // An object without `base` is light: its colours are fixed ones.
    let map =
        valid(&json!({ "title": "T", "theme": { "accent": "#000" }, "stages": [{ "name": "A" }] }));
    assert_eq!(map.theme.mode, ThemeMode::Light);
}

#[test]
fn control_characters_are_dropped_from_texts() {
    let map = valid(&json!({
        "title": "Check\u{0}out\u{1b}",
        "description": "Line one\r\nLine\ttwo\u{7}",
        "personas": [ { "name": "Ma\u{8}ya", "goals": ["Pay\u{c} fast"] } ],
        "stages": [ {
            "name": "Cart\u{1f}",
            "quotes": ["Why\u{b}?"],
            "cells": { "actions": [ "Add\u{1} item", { "text": "Pay\u{2}", "detail": "a\u{3}b\nc", "tags": ["x\u{4}"] } ] }
        } ]
    }));
    assert_eq!(map.title, "Checkout");
    assert_eq!(map.description.as_deref(), Some("Line one\nLine\ttwo"));
    assert_eq!(map.personas[0].name, "Maya");
    assert_eq!(map.personas[0].goals, ["Pay fast"]);
    let stage = &map.stages[0];
    assert_eq!(stage.name, "Cart");
    assert_eq!(stage.quotes, ["Why?"]);
    assert_eq!(stage.cells[0][0].text, "Add item");
    assert_eq!(stage.cells[0][1].text, "Pay");
    assert_eq!(stage.cells[0][1].detail.as_deref(), Some("ab\nc"));
    assert_eq!(stage.cells[0][1].tags, [Tag::Custom("x".into())]);
    // The id comes from the cleaned name.
    assert_eq!(stage.id, "cart");
}

#[test]
fn links_are_cleaned_the_way_browsers_read_them() {
    let map = valid(&json!({
        "title": "T",
        "stages": [ { "name": "A", "cells": { "actions": [
            { "text": "a", "url": "   https://example.com/a  " },
            { "text": "b", "url": "https://exa\tmple.com/\nb" },
            { "text": "c", "url": "MAILTO:help@example.com" },
            { "text": "d", "url": "HtTp://example.com" }
        ] } } ]
    }));
    let urls: Vec<&str> = map.stages[0].cells[0]
        .iter()
        .filter_map(|item| item.url.as_deref())
        .collect();
    assert_eq!(
        urls,
        [
            "https://example.com/a",
            "https://example.com/b",
            "MAILTO:help@example.com",
            "HtTp://example.com"
        ]
    );
}

#[test]
fn items_resolve_personas_tags_and_other_fields() {
    let map = valid(&json!({
        "title": "T",
        "personas": [ { "name": "Maya" }, { "id": "tom", "name": "Tom", "color": "#f00" } ],
        "stages": [ { "name": "A", "cells": { "actions": [ {
            "text": "Add item",
            "detail": "More",
            "score": 1,
            "personas": ["tom", "maya", "tom"],
            "tags": ["pain", "gain", "moment-of-truth", "drop-off", "Q3"],
            "owner": "Shop team"
        } ] } } ]
    }));
    let item = &map.stages[0].cells[0][0];
    assert_eq!(item.personas, [1, 0]);
    assert_eq!(
        item.tags,
        [
            Tag::Pain,
            Tag::Gain,
            Tag::MomentOfTruth,
            Tag::DropOff,
            Tag::Custom("Q3".into())
        ]
    );
    assert_eq!(item.owner.as_deref(), Some("Shop team"));
    assert_eq!(item.detail.as_deref(), Some("More"));
    assert_eq!(item.score, Some(1.0));
    assert_eq!(
        map.personas[1].color.map(Color::hex).as_deref(),
        Some("#ff0000")
    );
}

#[test]
fn metrics_take_numbers_or_texts_and_a_direction() {
    let map = valid(&json!({
        "title": "T",
        "stages": [ { "name": "A", "reach": 0, "metrics": [
            { "label": "CSAT", "value": 3.9, "unit": "/ 5", "target": 4 },
            { "label": "Wait", "value": 3, "unit": "min", "target": 5, "better": "lower" },
            { "label": "Grade", "value": "B+", "target": "A" }
        ] } ]
    }));
    let metrics = &map.stages[0].metrics;
    assert_eq!(metrics[0].value, MetricValue::Number(3.9));
    // Without `better`, a target is shown and not judged (issue 16).
    assert_eq!(metrics[0].better, None);
    assert_eq!(metrics[0].target_met(), None);
    assert_eq!(metrics[1].better, Some(Better::Lower));
    assert_eq!(metrics[1].target_met(), Some(true));
    assert_eq!(metrics[2].value, MetricValue::Text("B+".into()));
    assert_eq!(metrics[2].target_met(), None);
    assert_eq!(map.stages[0].reach, Some(0.0));
}

#[test]
fn version_1_schema_and_sources_are_accepted() {
    let map = valid(&json!({
        "$schema": "https://example.com/journeymap.schema.json",
        "version": 1,
        "title": "T",
        "sources": ["NPS survey Q3, n=1,204"],
        "stages": [{ "name": "A" }]
    }));
    assert_eq!(
        map.sources
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>(),
        ["NPS survey Q3, n=1,204"]
    );
}

#[test]
fn a_version_other_than_1_stops_validation() {
    let diagnostics = invalid(&json!({
        "version": 2,
        "title": 5,
        "extra": true,
        "stages": []
    }));
    assert_eq!(diagnostics.len(), 1, "{}", lines(&diagnostics));
    assert_eq!(diagnostics[0].path(), "version");
}

#[test]
fn a_leading_byte_order_mark_is_accepted_and_positions_ignore_it() {
    valid_text("\u{feff}{ \"title\": \"T\", \"stages\": [ { \"name\": \"A\" } ] }");
    let Err(diagnostics) =
        validate("\u{feff}{ \"title\": 5, \"stages\": [ { \"name\": \"A\" } ] }")
    else {
        panic!("a number is not a title");
    };
    assert_eq!(
        diagnostics[0].to_string(),
        "1:3: title: expected a string, found 5"
    );
}

#[test]
fn ids_and_texts_at_their_limits_are_accepted() {
    let id = "a".repeat(64);
    let short = "é".repeat(limits::SHORT_TEXT);
    let long = "ü".repeat(limits::LONG_TEXT);
    let url = format!("https://example.com/{}", "x".repeat(2048 - 20));
    let map = valid(&json!({
        "title": short,
        "description": long,
        "stages": [ {
            "id": id,
            "name": short,
            "detail": long,
            "quotes": [long],
            "cells": { "actions": [ { "text": short, "detail": long, "url": url } ] }
        } ]
    }));
    assert_eq!(map.title.chars().count(), limits::SHORT_TEXT);
    assert_eq!(
        map.stages[0].cells[0][0].url.as_deref().map(str::len),
        Some(2048)
    );
}

#[test]
fn counts_at_their_limits_are_accepted() {
    let lanes: Vec<Value> = (0..limits::LANES)
        .map(|i| json!({ "id": format!("lane-{i}") }))
        .collect();
    let personas: Vec<Value> = (0..limits::PERSONAS)
        .map(|i| json!({ "name": format!("Persona {i}") }))
        .collect();
    let stages: Vec<Value> = (0..limits::STAGES)
        .map(|i| json!({ "name": format!("Stage {i}") }))
        .collect();
    let map = valid(&json!({
        "title": "T",
        "lanes": lanes,
        "personas": personas,
        "stages": stages
    }));
    assert_eq!(map.lanes.len(), limits::LANES);
    assert_eq!(map.personas.len(), limits::PERSONAS);
    assert_eq!(map.stages.len(), limits::STAGES);
}

/// A map with `stages × lanes × per_cell` items.
fn many_items(stages: usize, lanes: usize, per_cell: usize) -> Value {
    let stages: Vec<Value> = (0..stages)
        .map(|s| {
            let cells: serde_json::Map<String, Value> = (0..lanes)
                .map(|l| {
                    let items: Vec<Value> = (0..per_cell)
                        .map(|i| json!(format!("Item {s}.{l}.{i}")))
                        .collect();
                    (format!("lane-{l}"), Value::Array(items))
                })
                .collect();
            json!({ "name": format!("Stage {s}"), "cells": cells })
        })
        .collect();
    json!({ "title": "Many items", "stages": stages })
}

#[test]
fn twenty_thousand_items_are_accepted() {
    let map = valid(&many_items(100, 5, 40));
    let items: usize = map.stages.iter().flat_map(|s| &s.cells).map(Vec::len).sum();
    assert_eq!(items, limits::ITEMS);
}

#[test]
fn more_than_twenty_thousand_items_is_one_clear_error() {
    let mut document = many_items(100, 5, 40);
    document["stages"][99]["cells"]["lane-4"]
        .as_array_mut()
        .expect("an array")
        .push(json!("One too many"));
    document["stages"][99]["cells"]["lane-4"]
        .as_array_mut()
        .expect("an array")
        .push(json!("Two too many"));
    let diagnostics = invalid(&document);
    assert_eq!(diagnostics.len(), 1, "{}", lines(&diagnostics));
    let diagnostic = &diagnostics[0];
    assert_eq!(diagnostic.path(), "stages[99].cells.lane-4[40]");
    assert_eq!(
        diagnostic.message,
        "expected at most 20000 items in all, found 20002; this is the first one over the limit"
    );
    assert!(diagnostic.line().is_some() && diagnostic.column().is_some());
}

#[test]
fn a_document_over_five_megabytes_is_refused_before_parsing() {
    let limit = journeymap::parse::MAX_DOCUMENT_BYTES;
    let head = r#"{ "title": "T", "stages": [ { "name": "A" } ] }"#;
    // Exactly at the limit: accepted (whitespace is JSON too).
    let at_limit = format!("{head}{}", " ".repeat(limit - head.len()));
    assert_eq!(at_limit.len(), limit);
    valid_text(&at_limit);
    // One byte over, even of valid JSON: one error naming the sizes, with no
    // position (the whole document is at fault).
    let over = format!("{at_limit} ");
    let Err(diagnostics) = validate(&over) else {
        panic!("an oversized document was accepted");
    };
    assert_eq!(
        lines(&diagnostics),
        "$: the document is 5000001 bytes; the limit is 5000000 bytes (5 MB)\n"
    );
    // Far over, and not even JSON: the same single error, quickly.
    let huge = "[".repeat(3 * limit);
    let Err(diagnostics) = validate(&huge) else {
        panic!("an oversized document was accepted");
    };
    assert_eq!(diagnostics.len(), 1);
    assert!(
        diagnostics[0]
            .message
            .starts_with("the document is 15000000 bytes")
    );
}

#[test]
fn diagnostics_come_in_document_order_with_positions_in_the_text() {
    let text = "{\n  \"stages\": [\n    { \"name\": 1, \"score\": 0 }\n  ],\n  \"title\": [],\n  \"x\": 1\n}";
    let Err(diagnostics) = validate(text) else {
        panic!("invalid map accepted");
    };
    assert_eq!(
        lines(&diagnostics),
        "3:7: stages[0].name: expected a string, found 1\n\
         3:18: stages[0].score: expected a number from 1 (very negative) to 5 (very positive), found 0\n\
         5:3: title: expected a string, found an array\n\
         6:3: x: unknown field \"x\"; expected one of: version, $schema, title, description, personas, channels, lanes, stages, sources, theme, lang, dir, labels, lint\n"
    );
}

// -------------------------------------------------------------- properties

/// Checks what must hold of any answer `validate` gives.
fn check_answer(text: &str) {
    match validate(text) {
        Ok(map) => {
            assert!(!map.stages.is_empty());
            for stage in &map.stages {
                assert_eq!(stage.cells.len(), map.lanes.len());
                for item in stage.cells.iter().flatten() {
                    assert!(item.channel.is_none_or(|c| c < map.channels.len()));
                    assert!(item.personas.iter().all(|&p| p < map.personas.len()));
                    assert!(item.score.is_none_or(|s| (1.0..=5.0).contains(&s)));
                }
            }
            let mut ids: Vec<&str> = stage_ids(&map);
            ids.sort_unstable();
            let count = ids.len();
            ids.dedup();
            assert_eq!(ids.len(), count, "stage ids are unique");
        }
        Err(diagnostics) => {
            assert!(!diagnostics.is_empty());
            let lines_in_text = text.lines().count().max(1) + 1;
            for d in &diagnostics {
                assert!(!d.message.is_empty() && !d.path().is_empty());
                if let Some(line) = d.line() {
                    assert!(line >= 1 && line <= lines_in_text, "{d} in {text:?}");
                    assert!(d.column().is_some_and(|c| c >= 1));
                }
            }
        }
    }
}

const KEYS: &[&str] = &[
    "version",
    "$schema",
    "title",
    "description",
    "personas",
    "channels",
    "lanes",
    "stages",
    "sources",
    "theme",
    "id",
    "name",
    "goals",
    "frustrations",
    "color",
    "icon",
    "kind",
    "label",
    "tone",
    "byChannel",
    "goal",
    "duration",
    "detail",
    "quotes",
    "score",
    "reach",
    "metrics",
    "cells",
    "value",
    "unit",
    "target",
    "better",
    "text",
    "channel",
    "tags",
    "owner",
    "url",
    "base",
    "accent",
    "font",
    "actions",
    "touchpoints",
    "emotion",
    "pains",
    "line",
    "maya",
];

const WORDS: &[&str] = &[
    "web",
    "phone",
    "chat",
    "whatsapp",
    "text",
    "touchpoints",
    "emotion",
    "metrics",
    "line",
    "dark",
    "light",
    "auto",
    "#fff",
    "#12345g",
    "javascript:alert(1)",
    "https://example.com",
    "maya",
    "tom",
    "actions",
    "pains",
    "Inter, sans-serif",
    "a;b",
    "pain",
    "higher",
    "lower",
    "positive",
    "idea",
    "",
    " ",
    "\u{1}",
    "é",
    "stage-1",
    "persona-1",
];

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(KEYS).prop_map(String::from),
        1 => "[a-zA-Z_ -]{0,6}",
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..9).prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        prop::sample::select(WORDS).prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::String),
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(6, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..8)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// Documents shaped like maps, with random values in the fields, so that
/// validation gets deep into stages, cells and items.
fn map_like() -> impl Strategy<Value = Value> {
    let item = prop_oneof![
        leaf(),
        prop::collection::vec((key(), json_value()), 0..4).prop_map(|members| {
            let mut object: serde_json::Map<String, Value> = members.into_iter().collect();
            object.entry("text").or_insert(json!("Item"));
            Value::Object(object)
        }),
    ];
    let cells = prop::collection::vec(
        (
            key(),
            prop::collection::vec(item, 0..4).prop_map(Value::Array),
        ),
        0..4,
    )
    .prop_map(|cells| Value::Object(cells.into_iter().collect()));
    let stage = (
        prop::option::of("[A-Za-z ]{0,8}"),
        cells,
        prop::collection::vec((key(), json_value()), 0..2),
    )
        .prop_map(|(name, cells, extra)| {
            let mut object: serde_json::Map<String, Value> = extra.into_iter().collect();
            if let Some(name) = name {
                object.insert("name".into(), json!(name));
            }
            object.insert("cells".into(), cells);
            Value::Object(object)
        });
    (
        prop::collection::vec(stage, 0..4),
        prop::collection::vec((key(), json_value()), 0..4),
    )
        .prop_map(|(stages, extra)| {
            let mut object: serde_json::Map<String, Value> = extra.into_iter().collect();
            object.insert("title".into(), json!("Map"));
            object.insert("stages".into(), Value::Array(stages));
            Value::Object(object)
        })
}

/// Valid maps of random shape: stages with cells of well-formed items.
fn plausible_map() -> impl Strategy<Value = Value> {
    let lane = prop::sample::select(&["actions", "touchpoints", "pains", "notes", "owners"][..]);
    let channel = prop::sample::select(Icon::ALL.map(Icon::id).to_vec());
    let item = (
        "[A-Za-z][A-Za-z ,.!?]{0,30}",
        prop::option::of(1.0f64..=5.0),
        channel,
        any::<bool>(),
    );
    let cells = prop::collection::vec((lane, prop::collection::vec(item, 0..5)), 0..5);
    let stage = ("[A-Za-z0-9 &!]{0,12}", cells).prop_map(|(name, cells)| {
        let mut object = serde_json::Map::new();
        for (lane, items) in cells {
            let items: Vec<Value> = items
                .into_iter()
                .map(|(text, score, channel, plain)| {
                    if plain && score.is_none() && lane != "touchpoints" {
                        json!(text)
                    } else {
                        let mut item = json!({ "text": text, "channel": channel });
                        if let Some(score) = score {
                            item["score"] = json!(score);
                        }
                        item
                    }
                })
                .collect();
            object.insert(lane.to_owned(), Value::Array(items));
        }
        json!({ "name": name, "cells": object })
    });
    prop::collection::vec(stage, 1..6)
        .prop_map(|stages| json!({ "title": "Map", "stages": stages }))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn plausible_maps_are_accepted_with_lanes_in_first_seen_order(document in plausible_map()) {
        let map = valid(&document);
        let mut expected: Vec<String> = Vec::new();
        let mut items = 0;
        let mut scored = false;
        for stage in document["stages"].as_array().into_iter().flatten() {
            for (lane, cell) in stage["cells"].as_object().into_iter().flatten() {
                if !expected.contains(lane) {
                    expected.push(lane.clone());
                }
                for item in cell.as_array().into_iter().flatten() {
                    items += 1;
                    scored |= item.get("score").is_some();
                }
            }
        }
        if scored {
            expected.push("emotion".into());
        }
        prop_assert_eq!(lane_ids(&map), expected.iter().map(String::as_str).collect::<Vec<_>>());
        let found: usize = map.stages.iter().flat_map(|s| &s.cells).map(Vec::len).sum();
        prop_assert_eq!(found, items);
        check_answer(&document.to_string());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check_answer(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_strings_never_panic(text in "\\PC*") {
        check_answer(&text);
    }

    #[test]
    fn json_ish_text_never_panics(text in "[\\[\\]{}\":,0-9a-z \\n\\\\.eE+-]{0,200}") {
        check_answer(&text);
    }

    #[test]
    fn random_json_documents_never_panic(value in json_value(), pretty in any::<bool>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&value).unwrap_or_default()
        } else {
            value.to_string()
        };
        check_answer(&text);
    }

    #[test]
    fn random_map_like_documents_never_panic(value in map_like(), cut in any::<prop::sample::Index>()) {
        let text = serde_json::to_string_pretty(&value).unwrap_or_default();
        check_answer(&text);
        // The same document truncated anywhere (on a character boundary).
        let mut end = cut.index(text.len() + 1);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        check_answer(&text[..end]);
        // And with every member written twice, so that keys are duplicated.
        let doubled = text.replacen("\"title\": \"Map\"", "\"title\": \"Map\", \"title\": \"Map\"", 1);
        check_answer(&doubled);
    }
}

// ------------------------------------------------------- hostile documents

/// Documents built to make the validator slow: many lanes, personas,
/// channels or references, each far past the limits. Every one must be
/// answered in time linear in its size, within bounded memory, with its
/// limits reported. (Before lookups were hashed and the excess past a limit
/// dropped, the first of these needed gigabytes and the third took 27 s in
/// a release build at 100,000 personas.)
#[test]
fn documents_made_to_be_slow_are_answered_quickly() {
    let n = 30_000;
    let list = |f: &dyn Fn(usize) -> String| (0..n).map(f).collect::<Vec<_>>().join(",");
    let cases = [
        (
            "lanes from the keys of one stage's cells, many stages",
            format!(
                r#"{{"title":"T","stages":[{{"name":"A","cells":{{{}}}}},{}]}}"#,
                list(&|i| format!(r#""k{i}":["x"]"#)),
                list(&|_| r#"{"name":"B"}"#.to_owned())
            ),
            "expected at most 100 lanes, found 30000",
        ),
        (
            "declared lanes, all used",
            format!(
                r#"{{"title":"T","lanes":[{}],"stages":[{{"name":"A","cells":{{{}}}}}]}}"#,
                list(&|i| format!(r#"{{"id":"l{i}"}}"#)),
                list(&|i| format!(r#""l{i}":["x"]"#))
            ),
            "expected at most 100 lanes, found 30000",
        ),
        (
            "personas, all referenced by one item",
            format!(
                r#"{{"title":"T","personas":[{}],"stages":[{{"name":"A","cells":{{"a":[{{"text":"t","personas":[{}]}}]}}}}]}}"#,
                list(&|i| format!(r#"{{"id":"p{i}","name":"P"}}"#)),
                list(&|i| format!(r#""p{i}""#))
            ),
            "expected at most 50 personas, found 30000",
        ),
        (
            "channels, and items referring to unknown ones",
            format!(
                r#"{{"title":"T","channels":[{}],"stages":[{{"name":"A","cells":{{"a":[{}]}}}}]}}"#,
                list(&|i| format!(r#"{{"id":"c{i}","name":"C"}}"#)),
                list(&|i| format!(r#"{{"text":"t","channel":"zz{i}"}}"#))
            ),
            "(30012 in all)",
        ),
        (
            "stages with the same name",
            format!(
                r#"{{"title":"T","stages":[{}]}}"#,
                list(&|_| r#"{"name":"Same"}"#.to_owned())
            ),
            "expected at most 200 stages, found 30000",
        ),
    ];
    for (what, text, expected) in cases {
        let start = std::time::Instant::now();
        let diagnostics = validate(&text).err().unwrap_or_default();
        let elapsed = start.elapsed();
        assert!(
            diagnostics.iter().any(|d| d.message.contains(expected)),
            "{what}: no diagnostic says {expected:?}; got\n{}",
            lines(&diagnostics[..diagnostics.len().min(5)])
        );
        // Generous, for slow machines and debug builds.
        assert!(elapsed.as_secs() < 20, "{what}: took {elapsed:?}");
        // Messages stay short however long the lists they could quote.
        assert!(
            diagnostics.iter().all(|d| d.message.len() < 1_000),
            "{what}"
        );
    }
}

#[test]
fn a_huge_key_is_quoted_short() {
    let key = "k".repeat(100_000);
    let text = format!(r#"{{"title":"T","stages":[{{"name":"A"}}],"{key}":1}}"#);
    let diagnostics = validate(&text).err().unwrap_or_default();
    assert_eq!(diagnostics.len(), 1);
    assert!(diagnostics[0].to_string().len() < 400, "{}", diagnostics[0]);
}
