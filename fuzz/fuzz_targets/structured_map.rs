//! Structured random maps (valid by construction, hostile in content) →
//! render → the output oracle, plus: no two cards overlap.
#![no_main]

#[path = "../../tests/support/oracle.rs"]
mod oracle;

use arbitrary::Arbitrary;
use journeymap::render::{RenderOptions, render};
use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};

#[derive(Arbitrary, Debug)]
struct Map {
    title: String,
    personas: Vec<String>,
    stages: Vec<Stage>,
    by_channel: bool,
}

#[derive(Arbitrary, Debug)]
struct Stage {
    name: String,
    detail: Option<String>,
    score: Option<u8>,
    reach: Option<u16>,
    actions: Vec<Item>,
    touchpoints: Vec<Item>,
}

#[derive(Arbitrary, Debug)]
struct Item {
    text: String,
    score: Option<u8>,
    channel: u8,
    tags: Vec<String>,
    owner: Option<String>,
    persona: Option<u8>,
}

const CHANNELS: [&str; 12] = [
    "web", "mobile", "chat", "phone", "email", "sms", "social", "store", "mail", "video", "kiosk", "other",
];

fn short(text: &str) -> String {
    text.chars().take(200).collect()
}

fn item(item: &Item, personas: usize, touchpoint: bool) -> Value {
    let mut value = json!({ "text": short(&item.text), "tags": item.tags.iter().take(4).map(|t| short(t)).collect::<Vec<_>>() });
    if let Some(score) = item.score {
        value["score"] = json!(1 + score % 5);
    }
    if touchpoint {
        value["channel"] = json!(CHANNELS[usize::from(item.channel) % CHANNELS.len()]);
    }
    if let Some(owner) = &item.owner {
        value["owner"] = json!(short(owner));
    }
    if let (Some(p), true) = (item.persona, personas > 0) {
        value["personas"] = json!([format!("p{}", usize::from(p) % personas)]);
    }
    value
}

fuzz_target!(|input: Map| {
    let personas = input.personas.len().min(5);
    let stages: Vec<Value> = input
        .stages
        .iter()
        .take(12)
        .map(|s| {
            let mut stage = json!({
                "name": short(&s.name),
                "cells": {
                    "actions": s.actions.iter().take(6).map(|i| item(i, personas, false)).collect::<Vec<_>>(),
                    "touchpoints": s.touchpoints.iter().take(6).map(|i| item(i, personas, true)).collect::<Vec<_>>(),
                }
            });
            if let Some(detail) = &s.detail {
                stage["detail"] = json!(short(detail));
            }
            if let Some(score) = s.score {
                stage["score"] = json!(1 + score % 5);
            }
            if let Some(reach) = s.reach {
                stage["reach"] = json!(reach);
            }
            stage
        })
        .collect();
    if stages.is_empty() {
        return;
    }
    let document = json!({
        "title": short(&input.title),
        "personas": input.personas.iter().take(personas).enumerate().map(|(i, n)| json!({"id": format!("p{i}"), "name": short(n)})).collect::<Vec<_>>(),
        "lanes": [{"id": "actions"}, {"id": "touchpoints", "byChannel": input.by_channel}],
        "stages": stages,
    });
    let text = document.to_string();
    let map = match journeymap::validate(&text) {
        Ok(map) => map,
        Err(errors) => panic!("a map valid by construction was refused: {errors:?}"),
    };
    let layout = journeymap::layout::layout(&map);
    for (i, a) in layout.cards.iter().enumerate() {
        for b in layout.cards.iter().skip(i + 1) {
            assert!(!a.rect().overlaps(&b.rect()), "cards overlap");
        }
    }
    let svg = render(&layout, &RenderOptions::default());
    if let Err(problem) = oracle::check(&svg, &map, "jm") {
        panic!("unsafe output: {problem}");
    }
});
