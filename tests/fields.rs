//! The fields of FORMAT.md added after the first release (`lang`, `dir`,
//! `lint`, Source objects, channel `share` and `metrics`, item `sources`
//! and `confidence`) reach the model as written, and the diagnostics
//! carry a severity, a typed location and the "did you mean" as a hint.

use journeymap::model::{Confidence, Dir, Icon, MetricValue, SourceKind};
use journeymap::validate;
use journeymap::{Location, Severity};
use serde_json::{Value, json};

fn valid(document: &Value) -> journeymap::model::Map {
    validate(&document.to_string()).unwrap_or_else(|diagnostics| {
        panic!(
            "expected a valid map, got:\n{}",
            diagnostics
                .iter()
                .map(|d| format!("{d}\n"))
                .collect::<String>()
        )
    })
}

fn stages() -> Value {
    json!([{ "name": "Cart", "cells": { "actions": ["Add item"] } }])
}

#[test]
fn lang_is_kept_in_conventional_case_and_dir_defaults_to_auto() {
    let map = valid(&json!({ "title": "T", "lang": "PT-br", "stages": stages() }));
    assert_eq!(map.lang.as_deref(), Some("pt-BR"));
    assert_eq!(map.dir, Dir::Auto);
    let map =
        valid(&json!({ "title": "T", "lang": "zh-hant-tw", "dir": "ltr", "stages": stages() }));
    assert_eq!(map.lang.as_deref(), Some("zh-Hant-TW"));
    assert_eq!(map.dir, Dir::Ltr);
    let map = valid(&json!({ "title": "مسار", "dir": "rtl", "stages": stages() }));
    assert_eq!((map.lang, map.dir), (None, Dir::Rtl));
}

#[test]
fn lint_allow_keeps_the_rules_named() {
    let map = valid(&json!({
        "title": "T",
        "lint": { "allow": ["funnel-grows", "unused-persona"] },
        "stages": stages()
    }));
    assert_eq!(map.lint.allow, ["funnel-grows", "unused-persona"]);
    let map = valid(&json!({ "title": "T", "stages": stages() }));
    assert!(map.lint.allow.is_empty());
}

#[test]
fn a_built_in_channel_with_only_metrics_keeps_its_name_and_place() {
    let map = valid(&json!({
        "title": "T",
        "channels": [
            { "id": "phone", "share": 38.5, "metrics": [
                { "label": "First-contact resolution", "value": 71, "unit": "%", "target": 80 },
                { "label": "Waiting time", "value": "4 min", "better": "lower" }
            ] },
            { "id": "whatsapp", "name": "WhatsApp", "icon": "chat", "share": 12 }
        ],
        "stages": stages()
    }));
    let phone = &map.channels[Icon::ALL
        .iter()
        .position(|&i| i == Icon::Phone)
        .unwrap_or(0)];
    assert_eq!((phone.id.as_str(), phone.name.as_str()), ("phone", "Phone"));
    assert_eq!(phone.share, Some(38.5));
    assert_eq!(phone.metrics.len(), 2);
    // A target without `better` is shown, not judged (issue 16).
    assert_eq!(phone.metrics[0].target_met(), None);
    assert_eq!(phone.metrics[1].value, MetricValue::Text("4 min".into()));
    let whatsapp = &map.channels[Icon::ALL.len()];
    assert_eq!(
        (whatsapp.name.as_str(), whatsapp.share),
        ("WhatsApp", Some(12.0))
    );
    assert_eq!(map.channels.len(), Icon::ALL.len() + 1);
}

#[test]
fn items_cite_source_objects_by_id_and_say_how_sure_they_are() {
    let map = valid(&json!({
        "title": "T",
        "sources": [
            "Support tickets, March",
            { "id": "nps-q3", "text": "NPS survey Q3, n=1,204", "kind": "survey" },
            { "id": "web", "text": "Web analytics" }
        ],
        "stages": [{ "name": "Cart", "cells": { "pains": [
            { "text": "Shipping cost shows late", "sources": ["web", "nps-q3", "web"], "confidence": "measured" },
            { "text": "Coupon field confuses", "confidence": "assumption" },
            "Slow page"
        ] } }]
    }));
    let texts: Vec<&str> = map.sources.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Support tickets, March",
            "NPS survey Q3, n=1,204",
            "Web analytics"
        ]
    );
    assert_eq!(map.sources[0].id, None);
    assert_eq!(map.sources[1].id.as_deref(), Some("nps-q3"));
    assert_eq!(map.sources[1].kind, Some(SourceKind::Survey));
    let items = &map.stages[0].cells[0];
    assert_eq!(
        items[0].sources,
        [2, 1],
        "indices into map.sources, each once"
    );
    assert_eq!(items[0].confidence, Some(Confidence::Measured));
    assert_eq!(items[1].confidence, Some(Confidence::Assumption));
    assert_eq!((items[2].sources.len(), items[2].confidence), (0, None));
}

#[test]
fn diagnostics_carry_severity_location_and_hint() {
    let text =
        "{\n  \"title\": \"T\",\n  \"dir\": \"rlt\",\n  \"stages\": [{ \"name\": \"A\" }]\n}";
    let diagnostics = validate(text).err().unwrap_or_default();
    assert_eq!(diagnostics.len(), 1);
    let d = &diagnostics[0];
    assert_eq!(d.severity, Severity::Error);
    assert!(matches!(
        &d.location,
        Location::Json {
            at: Some((3, 3)),
            ..
        }
    ));
    assert_eq!(d.message, "expected one of ltr, rtl, auto, found \"rlt\"");
    assert_eq!(d.hint.as_deref(), Some("did you mean \"rtl\"?"));
    assert_eq!(
        d.to_string(),
        "3:3: dir: expected one of ltr, rtl, auto, found \"rlt\"; did you mean \"rtl\"?"
    );
    // The browser shell reads path, line, column and message (with the hint).
    let json: Value = serde_json::to_value(d).unwrap_or_default();
    assert_eq!(
        json,
        json!({
            "severity": "error",
            "path": "dir",
            "line": 3,
            "column": 3,
            "message": "expected one of ltr, rtl, auto, found \"rlt\"; did you mean \"rtl\"?",
            "hint": "did you mean \"rtl\"?"
        })
    );
}
