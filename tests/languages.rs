//! Maps in their language (issue 13): the rendered SVG carries `lang`,
//! every word the renderer adds is the map's language's (no English left in
//! a non-English map, for every shipped language), `labels` replaces any
//! of them, numbers are written as the language writes them, and a target
//! without `better` is shown but not judged.

use journeymap::i18n::{self, Key, Words};
use journeymap::layout::layout;
use journeymap::render::{RenderOptions, render};
use serde_json::{Value, json};

/// A map that makes the renderer write every built-in word that shows in
/// the SVG: all well-known lanes, every built-in channel, every built-in
/// tag, personas with goals and frustrations, a stage goal, quotes and
/// details, a link, reach with drop-offs, targets met and missed, sources
/// cited by a card, an assumption, and the channel scorecard (a share,
/// metrics, a channel to look at first).
/// Its own texts are neutral ("s1", "x1") so that only the built-in words
/// can be English.
fn everything(lang: &str) -> Value {
    let channels = [
        "web", "mobile", "chat", "phone", "email", "sms", "social", "store", "mail", "video",
        "kiosk", "other",
    ];
    let touchpoints: Vec<Value> = channels
        .iter()
        .enumerate()
        .map(|(i, c)| json!({ "text": format!("t{i}"), "channel": c }))
        .collect();
    let mut touchpoints = touchpoints;
    touchpoints[0]["score"] = json!(2);
    touchpoints.push(json!({ "text": "t12", "channel": "web" }));
    json!({
        "title": "m",
        "lang": lang,
        "personas": [
            { "id": "p1", "name": "p1", "goals": ["g1"], "frustrations": ["f1"] },
            { "id": "p2", "name": "p2" }
        ],
        "sources": ["src1", { "id": "src2", "text": "src2" }],
        "channels": [
            { "id": "web", "share": 40, "metrics": [{ "label": "k3", "value": 5, "target": 4, "better": "higher" }] }
        ],
        "lanes": [
            { "id": "actions" }, { "id": "goals" }, { "id": "touchpoints" },
            { "id": "thoughts" }, { "id": "emotion" }, { "id": "pains" },
            { "id": "opportunities" }, { "id": "backstage" }, { "id": "owners" },
            { "id": "metrics" }
        ],
        "stages": [
            {
                "name": "s1", "goal": "g", "reach": 12000, "quotes": ["q1"], "detail": "d1",
                "metrics": [
                    { "label": "k1", "value": 12.5, "target": 10, "better": "higher" },
                    { "label": "k2", "value": 3, "target": 2, "better": "lower" }
                ],
                "cells": {
                    "actions": [
                        { "text": "a1", "score": 4.5, "personas": ["p1"], "tags": ["pain", "gain", "moment-of-truth", "drop-off"], "detail": "d2", "url": "https://example.com/" },
                        { "text": "a2", "score": 2, "personas": ["p2"], "sources": ["src2"], "confidence": "assumption" }
                    ],
                    "touchpoints": touchpoints,
                    "goals": ["x1"], "thoughts": ["x2"], "pains": ["x3"], "opportunities": ["x4"],
                    "backstage": ["x5"], "owners": ["x6"]
                }
            },
            { "name": "s2", "reach": 9000, "score": 3 },
            { "name": "s3", "reach": 1000, "score": 2 }
        ]
    })
}

fn svg_of(map: &Value) -> String {
    let map = journeymap::validate(&map.to_string()).expect("a valid map");
    render(&layout(&map), &RenderOptions::default())
}

/// Every text of the SVG a reader meets: text nodes and the attributes
/// that name things.
fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("well-formed SVG");
    let mut out = Vec::new();
    for node in doc.descendants() {
        if node.is_text()
            && let Some(text) = node.text()
        {
            out.push(text.to_owned());
        }
        for attribute in node.attributes() {
            if attribute.name() == "aria-label" {
                out.push(attribute.value().to_owned());
            }
        }
    }
    // <style> holds CSS, not words.
    out.retain(|t| !t.contains('{') || !t.contains(':'));
    out
}

/// The keys whose words the SVG shows (the view's, the error box's and the
/// importer's are elsewhere).
fn svg_keys() -> impl Iterator<Item = Key> {
    Key::ALL.into_iter().filter(|key| {
        let name = key.as_str();
        !(name.starts_with("view-")
            || name.starts_with("download-")
            || matches!(
                name,
                "error-heading"
                    | "problems"
                    | "problem-count"
                    | "warning-count"
                    | "no-problems"
                    | "mermaid-title"
            ))
    })
}

/// The fixed parts of an English text (placeholders and plural forms cut
/// out), those long enough to be a word.
fn fragments(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in text.split(['{', '}']) {
        let part = part.trim_matches(|c: char| !c.is_alphanumeric());
        if part.chars().count() >= 3 && !part.chars().all(|c| c.is_ascii_lowercase())
            || part.chars().count() >= 4
        {
            out.push(part.to_owned());
        }
    }
    out
}

#[test]
fn the_svg_root_carries_the_maps_language() {
    let svg = svg_of(&everything("ja"));
    let root = &svg[..svg.find('>').expect("a root tag")];
    assert!(root.contains(" lang=\"ja\""), "{root}");
    assert!(root.contains(" xml:lang=\"ja\""), "{root}");
    let english = svg_of(&json!({ "title": "T", "stages": [{ "name": "A" }] }));
    let root = &english[..english.find('>').expect("a root tag")];
    assert!(
        !root.contains("lang="),
        "no lang when the map has none: {root}"
    );
}

#[test]
fn english_maps_show_the_english_words() {
    let texts = texts(&svg_of(&everything("en"))).join("\n");
    for word in [
        "Legend",
        "Sources",
        "Reach",
        "Goal",
        "Frustrations",
        "Pain points",
        "In person",
        "moment of truth",
        "target 10 · met",
        "target 2 · missed",
        "What customers say",
        "In detail",
        "Channels",
        "2 touchpoints · 1 stage",
        "1 touchpoint · 1 stage",
        "40% of contacts",
        "look here first",
        "assumption",
        "[2]",
    ] {
        assert!(texts.contains(word), "{word} missing");
    }
}

#[test]
fn no_english_built_in_word_in_a_map_of_another_language() {
    let english = Words::for_lang("en");
    let mut failures = Vec::new();
    for tag in i18n::languages().filter(|tag| *tag != "en") {
        let words = Words::for_lang(tag);
        // Words this language writes as English does ("SMS", "Web", a
        // loanword) may show; so may any English fragment the language's
        // own words contain.
        let own: Vec<&str> = Key::ALL.iter().map(|&key| words.get(key)).collect();
        let svg_texts = texts(&svg_of(&everything(tag)));
        for key in svg_keys() {
            if words.get(key) == english.get(key) {
                continue;
            }
            for fragment in fragments(english.get(key)) {
                if own.iter().any(|text| text.contains(&fragment)) {
                    continue;
                }
                if let Some(text) = svg_texts.iter().find(|t| t.contains(&fragment)) {
                    failures.push(format!(
                        "{tag}: {} ({fragment:?}) in {text:?}",
                        key.as_str()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn labels_replace_built_in_words_in_any_language() {
    let mut map = everything("de");
    map["labels"] = json!({
        "legend": "Zeichenerklärung",
        "lane-pains": "Ärgernisse",
        "channel-store": "Filiale",
        "tag-moment-of-truth": "Wahrheitsmoment",
        "target": "Ziel: {value}",
        "stage-count": "{n} Abschnitte"
    });
    let svg = svg_of(&map);
    let texts = texts(&svg).join("\n");
    for word in [
        "Zeichenerklärung",
        "Ärgernisse",
        "Filiale",
        "Wahrheitsmoment",
        "Ziel: 10",
    ] {
        assert!(texts.contains(word), "{word} missing");
    }
    let german = Words::for_lang("de");
    assert!(
        !texts.contains(german.get(Key::Legend)),
        "the built-in Legend word is replaced"
    );
    assert!(!texts.contains(german.get(Key::LanePains)));
}

#[test]
fn an_unknown_label_key_is_an_error_with_did_you_mean() {
    let Err(problems) = journeymap::validate(
        "{\"title\": \"T\", \"labels\": {\"legnd\": \"Key\", \"lane-pains\": 3}, \"stages\": [{\"name\": \"A\"}]}",
    ) else {
        panic!("accepted an unknown labels key");
    };
    let lines: Vec<String> = problems
        .iter()
        .map(|p| format!("{}: {}", p.path(), p.text()))
        .collect();
    assert_eq!(
        lines,
        [
            "labels.legnd: unknown built-in word \"legnd\"; did you mean \"legend\"?",
            "labels.lane-pains: expected a string, found 3",
        ],
        "{lines:#?}"
    );
}

/// The texts of the metrics lane, in document order.
fn metric_texts(map: &Value) -> Vec<String> {
    let map = journeymap::validate(&map.to_string()).expect("a valid map");
    let layout = layout(&map);
    let mut out = Vec::new();
    for cell in &layout.metrics {
        if let Some(drop) = &cell.drop_off {
            out.push(drop.text.lines.join(" "));
        }
        if let Some(funnel) = &cell.funnel {
            out.push(funnel.value.lines.join(" "));
        }
        for kpi in &cell.kpis {
            out.push(kpi.value.lines.join(" "));
            if let Some(target) = &kpi.target {
                out.push(target.lines.join(" "));
            }
        }
    }
    out
}

fn funnel(lang: &str) -> Value {
    json!({
        "title": "T", "lang": lang,
        "stages": [
            { "name": "A", "reach": 12000, "metrics": [{ "label": "NPS", "value": 1234.5, "target": 1000, "better": "higher" }] },
            { "name": "B", "reach": 9000, "metrics": [{ "label": "Wait", "value": 2.25, "target": 3 }] }
        ]
    })
}

#[test]
fn numbers_in_metrics_are_written_as_the_language_writes_them() {
    let nbsp = '\u{a0}';
    let nnbsp = '\u{202f}';
    assert_eq!(
        metric_texts(&funnel("en")),
        [
            "12,000",
            "1234.5",
            "target 1000 · met",
            "▼ 25% drop-off, the largest",
            "9000",
            "2.25",
            "target 3"
        ]
    );
    let de = metric_texts(&funnel("de"));
    assert_eq!(de[0], "12.000");
    assert_eq!(de[1], "1.234,5");
    assert!(de[3].contains(&format!("25{nbsp}%")), "{de:?}");
    assert_eq!(de[5], "2,25");
    let fr = metric_texts(&funnel("fr"));
    assert_eq!(fr[0], format!("12{nnbsp}000"));
    assert_eq!(fr[1], format!("1{nnbsp}234,5"));
    assert!(fr[3].contains(&format!("25{nbsp}%")), "{fr:?}");
    let tr = metric_texts(&funnel("tr"));
    assert!(tr[3].contains("%25"), "{tr:?}");
    let hi = metric_texts(
        &json!({ "title": "T", "lang": "hi", "stages": [{ "name": "A", "reach": 120000 }] }),
    );
    assert_eq!(hi, ["1,20,000"]);
}

#[test]
fn a_target_without_better_is_shown_and_not_judged() {
    let texts = metric_texts(&funnel("en"));
    assert!(texts.contains(&"target 3".to_owned()), "{texts:?}");
    let map = journeymap::validate(&funnel("en").to_string()).expect("a valid map");
    let layout = layout(&map);
    let kpis: Vec<Option<bool>> = layout
        .metrics
        .iter()
        .flat_map(|c| c.kpis.iter().map(|k| k.met))
        .collect();
    assert_eq!(kpis, [Some(true), None]);
}
