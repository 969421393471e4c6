//! The native pipeline's cost at growing sizes: parse (JSON only), validate
//! (parse included), layout and render separately, on generated maps of 1,000, 5,000 and 20,000 items, so that
//! linear growth (or its absence) shows in the figures. The stacked (phone)
//! layout is measured beside the wide one: it should cost no more than
//! twice as much.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use journeymap::render::RenderOptions;
use serde_json::{Value, json};
use std::hint::black_box;

const PHRASES: &[&str] = &[
    "Compares delivery options on the product page",
    "Asks the chatbot about returns",
    "Waits for the confirmation email",
    "Calls support because the tracking link fails",
    "Reads reviews on a comparison site",
    "Enters card details again after a timeout",
];

/// A map with `items` items: stages of 100 items over five lanes, realistic
/// texts, every fifth item scored, touchpoints on several channels.
pub fn generated_map(items: usize) -> String {
    let stages = items.div_ceil(100);
    let lanes = [
        "actions",
        "touchpoints",
        "thoughts",
        "pains",
        "opportunities",
    ];
    let channels = ["web", "mobile", "chat", "phone", "email"];
    let mut n = 0;
    let stage_values: Vec<Value> = (0..stages)
        .map(|s| {
            let mut cells = serde_json::Map::new();
            for (l, lane) in lanes.iter().enumerate() {
                let items: Vec<Value> = (0..20)
                    .filter_map(|i| {
                        if n >= items {
                            return None;
                        }
                        n += 1;
                        let text = format!("{} ({s}.{l}.{i})", PHRASES[n % PHRASES.len()]);
                        let mut item = json!({ "text": text });
                        if *lane == "touchpoints" {
                            item["channel"] = json!(channels[n % channels.len()]);
                        }
                        if n % 5 == 0 {
                            item["score"] = json!(1 + n % 5);
                        }
                        Some(item)
                    })
                    .collect();
                cells.insert((*lane).into(), Value::Array(items));
            }
            json!({ "name": format!("Stage {s}"), "reach": 100000 - s * 300, "cells": cells })
        })
        .collect();
    json!({ "title": "Generated journey", "stages": stage_values }).to_string()
}

fn pipeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(20);
    for items in [1_000, 5_000, 20_000] {
        let text = generated_map(items);
        let map = journeymap::validate(&text).expect("valid generated map");
        let layout = journeymap::layout::layout(&map);
        group.throughput(Throughput::Elements(items as u64));
        group.bench_with_input(BenchmarkId::new("parse", items), &text, |b, text| {
            b.iter(|| journeymap::parse::parse_json(black_box(text)))
        });
        group.bench_with_input(BenchmarkId::new("validate", items), &text, |b, text| {
            b.iter(|| journeymap::validate(black_box(text)))
        });
        group.bench_with_input(BenchmarkId::new("layout", items), &map, |b, map| {
            b.iter(|| journeymap::layout::layout(black_box(map)))
        });
        group.bench_with_input(BenchmarkId::new("layout-stacked", items), &map, |b, map| {
            b.iter(|| {
                journeymap::layout::stacked(black_box(map), journeymap::layout::STACKED_WIDTH)
            })
        });
        group.bench_with_input(BenchmarkId::new("render", items), &layout, |b, layout| {
            b.iter(|| journeymap::render::render(black_box(layout), &RenderOptions::default()))
        });
        group.bench_with_input(BenchmarkId::new("layout+render", items), &map, |b, map| {
            b.iter(|| {
                journeymap::render::render(
                    &journeymap::layout::layout(black_box(map)),
                    &RenderOptions::default(),
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
