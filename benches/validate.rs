//! How long `journeymap::validate` takes on a map at the item limit.
//!
//! `cargo bench --bench validate`. The map is 100 stages × 5 lanes × 40
//! items = 20,000 items (the format's limit), pretty-printed as people write
//! maps: item objects with a text of about eight words, every third one
//! scored, tags on some, touchpoints with channels. The target is well
//! under 100 ms.

use criterion::{Criterion, black_box, criterion_group, criterion_main};
use serde_json::{Value, json};

const WORDS: [&str; 16] = [
    "customer", "opens", "the", "checkout", "page", "and", "compares", "delivery", "options",
    "before", "paying", "with", "a", "saved", "card", "again",
];
const LANES: [&str; 5] = ["actions", "touchpoints", "thoughts", "pains", "backstage"];
const CHANNELS: [&str; 6] = ["web", "mobile", "chat", "phone", "email", "store"];

fn text(seed: usize) -> String {
    (0..8)
        .map(|i| WORDS[(seed * 7 + i * 5) % WORDS.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

fn item(stage: usize, lane: &str, i: usize) -> Value {
    let seed = stage * 1000 + i;
    let mut item = json!({ "text": text(seed) });
    if lane == "touchpoints" || i.is_multiple_of(4) {
        item["channel"] = json!(CHANNELS[seed % CHANNELS.len()]);
    }
    if i.is_multiple_of(3) {
        item["score"] = json!(1.0 + (seed % 9) as f64 / 2.0);
    }
    if i.is_multiple_of(5) {
        item["tags"] = json!(["pain", "moment-of-truth"]);
    }
    if i.is_multiple_of(7) {
        item["personas"] = json!(["maya"]);
        item["owner"] = json!("Payments team");
    }
    if i.is_multiple_of(11) {
        item["url"] = json!(format!("https://example.com/research/{seed}"));
    }
    item
}

fn map(stages: usize, per_cell: usize) -> String {
    let stages: Vec<Value> = (0..stages)
        .map(|s| {
            let cells: serde_json::Map<String, Value> = LANES
                .iter()
                .map(|lane| {
                    let items = (0..per_cell).map(|i| item(s, lane, i)).collect();
                    ((*lane).to_owned(), Value::Array(items))
                })
                .collect();
            json!({
                "name": format!("Stage {s}: {}", text(s)),
                "description": text(s + 1),
                "reach": 10_000 - s * 50,
                "metrics": [{ "label": "CSAT", "value": 3.9, "unit": "/ 5", "target": 4 }],
                "cells": cells,
            })
        })
        .collect();
    let document = json!({
        "title": "Checkout, 20,000 items",
        "personas": [
            { "id": "maya", "name": "Maya, first-time buyer", "color": "#1f6feb" },
            { "name": "Tom, returning" }
        ],
        "channels": [{ "id": "store", "name": "Branch" }],
        "stages": stages,
        "theme": { "base": "light", "accent": "#16b", "font": "Inter, sans-serif" },
    });
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

fn bench_validate(c: &mut Criterion) {
    let text = map(100, 40);
    assert!(
        journeymap::validate(&text).is_ok(),
        "the benchmark map is valid"
    );
    let mut group = c.benchmark_group("validate");
    group.sample_size(20);
    group.bench_function("20000 items, valid", |b| {
        b.iter(|| journeymap::validate(black_box(&text)))
    });
    // The same map with one error in every item: the error path (paths
    // built, every problem located in the text) at its largest.
    let broken = text.replace("\"text\":", "\"txt\":");
    group.bench_function("20000 items, 20000 errors", |b| {
        b.iter(|| journeymap::validate(black_box(&broken)))
    });
    group.finish();
}

criterion_group!(benches, bench_validate);
criterion_main!(benches);
