//! Property tests on random valid maps: the layout's promises hold for any
//! content — no two cards overlap, every card lies in its cell and on the
//! canvas, every text survives wrapping, the SVG is well-formed XML and
//! passes the output oracle, and the same input always gives the same bytes;
//! left to right and mirrored (`dir: "rtl"`) alike. The stacked layout, at
//! a phone's 390 px and a small phone's 320 px, also keeps every card in its
//! stage's section, the sections apart, every line within its box, no text
//! under 12 px, and every text of the wide layout.

#[path = "support/oracle.rs"]
mod oracle;

use journeymap::layout::{Layout, LayoutKind, Rect, TextBlock, layout, stacked};
use journeymap::render::{RenderOptions, render};
use journeymap::text::{LiberationTable, TextMeasure, Weight};
use proptest::prelude::*;
use serde_json::{Value, json};

/// Words that stress measuring and wrapping: markup, CJK, emoji sequences,
/// right-to-left scripts, combining marks, a token too long for any card,
/// explicit newlines.
const WORDS: &[&str] = &[
    "customer",
    "checks",
    "the",
    "delivery",
    "date",
    "<script>",
    "&amp;",
    "\"quoted\"",
    "購入手続き",
    "中文字",
    "👩‍👩‍👧‍👦",
    "🇯🇵",
    "שלום",
    "مرحبا",
    "cafe\u{301}",
    "\n",
    "averyveryverylongtokenwithoutanybreakopportunityatallxxxxxxxxxxxxxxxxxxxxxxxxxx",
    "a",
    "—",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..14).prop_map(|words| words.join(" "))
}

fn item(touchpoint: bool, personas: usize) -> impl Strategy<Value = Value> {
    (
        text(),
        prop::option::of(1.0f64..=5.0),
        prop::sample::select(&["web", "mobile", "chat", "phone", "email", "store"][..]),
        prop::collection::vec(
            prop::sample::select(
                &[
                    "pain",
                    "gain",
                    "moment-of-truth",
                    "drop-off",
                    "tag with words",
                ][..],
            ),
            0..3,
        ),
        prop::option::of(text()),
        prop::collection::vec(0..personas.max(1), 0..personas.min(2) + 1),
        any::<bool>(),
        (
            prop::collection::vec(prop::sample::select(&["s0", "s1", "s2"][..]), 0..3),
            prop::option::of(prop::sample::select(
                &["assumption", "observed", "measured"][..],
            )),
        ),
    )
        .prop_map(
            move |(
                text,
                score,
                channel,
                tags,
                owner,
                persona_picks,
                plain,
                (mut sources, confidence),
            )| {
                if plain && !touchpoint {
                    return Value::String(text);
                }
                let mut item = json!({ "text": text, "tags": tags });
                if let Some(score) = score {
                    item["score"] = json!((score * 10.0).round() / 10.0);
                }
                if touchpoint {
                    item["channel"] = json!(channel);
                }
                if let Some(owner) = owner {
                    item["owner"] = json!(owner);
                }
                if personas > 0 {
                    let ids: Vec<String> = persona_picks.iter().map(|p| format!("p{p}")).collect();
                    item["personas"] = json!(ids);
                }
                sources.sort_unstable();
                sources.dedup();
                item["sources"] = json!(sources);
                if let Some(confidence) = confidence {
                    item["confidence"] = json!(confidence);
                }
                item
            },
        )
}

fn map() -> impl Strategy<Value = Value> {
    (0usize..3, 1usize..5, any::<bool>(), any::<bool>()).prop_flat_map(
        |(personas, stages, by_channel, rtl)| {
            let stage = (
                text(),
                prop::collection::vec(item(false, personas), 0..3),
                prop::collection::vec(item(true, personas), 0..3),
                prop::collection::vec(item(false, personas), 0..2),
                prop::option::of(0.0f64..10000.0),
            )
                .prop_map(|(name, actions, touchpoints, pains, reach)| {
                    let mut stage = json!({
                        "name": name,
                        "cells": { "actions": actions, "touchpoints": touchpoints, "pains": pains }
                    });
                    if let Some(reach) = reach {
                        stage["reach"] = json!(reach.round());
                    }
                    stage
                });
            let channel = (
                prop::sample::select(&["web", "mobile", "chat", "phone", "email", "store"][..]),
                prop::option::of(0.0f64..=100.0),
                prop::collection::vec(
                    (text(), 0.0f64..100.0, prop::option::of(0.0f64..100.0)),
                    0..3,
                ),
            )
                .prop_map(|(id, share, metrics)| {
                    let metrics: Vec<Value> = metrics
                        .into_iter()
                        .map(|(label, value, target)| {
                            let mut metric =
                                json!({ "label": label, "value": value.round(), "unit": "%" });
                            if let Some(target) = target {
                                metric["target"] = json!(target.round());
                                metric["better"] = json!("higher");
                            }
                            metric
                        })
                        .collect();
                    let mut channel = json!({ "id": id, "metrics": metrics });
                    if let Some(share) = share {
                        channel["share"] = json!(share.round());
                    }
                    channel
                });
            let channels = prop::collection::vec(channel, 0..3).prop_map(|mut channels| {
                let mut seen = Vec::new();
                channels.retain(|c| {
                    let id = c["id"].clone();
                    let new = !seen.contains(&id);
                    seen.push(id);
                    new
                });
                channels
            });
            let sources = prop::collection::vec(text(), 3);
            (
                prop::collection::vec(stage, stages),
                text(),
                channels,
                sources,
            )
                .prop_map(move |(stages, title, channels, sources)| {
                    let personas: Vec<Value> = (0..personas)
                        .map(|p| json!({ "id": format!("p{p}"), "name": format!("Persona {p}") }))
                        .collect();
                    let sources: Vec<Value> = sources
                        .into_iter()
                        .enumerate()
                        .map(|(i, text)| json!({ "id": format!("s{i}"), "text": text }))
                        .collect();
                    json!({
                        "title": title,
                        "dir": if rtl { "rtl" } else { "ltr" },
                        "personas": personas,
                        "channels": channels,
                        "sources": sources,
                        "lanes": [
                            { "id": "actions" },
                            { "id": "touchpoints", "byChannel": by_channel },
                            { "id": "emotion" },
                            { "id": "pains" },
                            { "id": "seen", "kind": "line", "label": "Line of visibility" },
                            { "id": "metrics" }
                        ],
                        "stages": stages
                    })
                })
        },
    )
}

fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn check_geometry(layout: &Layout, source: &Value) {
    let canvas = journeymap::layout::Rect::new(0.0, 0.0, layout.width, layout.height);
    for (i, card) in layout.cards.iter().enumerate() {
        let rect = card.rect();
        assert!(canvas.contains(&rect), "card {i} leaves the canvas");
        assert!(
            layout
                .cells
                .iter()
                .any(|cell| cell.stage_index == card.stage_index
                    && cell.lane_index == card.lane_index
                    && cell.rect.contains(&rect)),
            "card {i} is not inside its cell"
        );
        for other in layout.cards.iter().skip(i + 1) {
            assert!(
                !rect.overlaps(&other.rect()),
                "cards overlap: {rect:?} {:?}",
                other.rect()
            );
        }
        let lane = ["actions", "touchpoints", "emotion", "pains"]
            .iter()
            .position(|l| *l == card.lane)
            .expect("a lane of the generated map");
        let item = &source["stages"][card.stage_index]["cells"]
            [["actions", "touchpoints", "emotion", "pains"][lane]][card.item_index];
        let text = item
            .as_str()
            .or_else(|| item["text"].as_str())
            .expect("item text");
        assert_eq!(
            without_whitespace(&card.text.lines.concat()),
            without_whitespace(text)
        );
        let block = &card.text;
        let box_ = journeymap::layout::Rect::new(block.x, block.y, block.width, block.height());
        assert!(rect.contains(&box_), "card {i}'s text leaves the card");
        for line in &block.lines {
            let table: &dyn TextMeasure = &LiberationTable;
            let width = table.width(line, block.style.size, Weight::Regular);
            assert!(width <= block.width + 1e-6, "line {line:?} does not fit");
        }
    }
    let items: usize = source["stages"]
        .as_array()
        .map(|stages| {
            stages
                .iter()
                .map(|s| {
                    s["cells"].as_object().map_or(0, |c| {
                        c.values().map(|v| v.as_array().map_or(0, Vec::len)).sum()
                    })
                })
                .sum()
        })
        .unwrap_or(0);
    assert_eq!(layout.cards.len(), items, "one card per item");
    // Stages in reading order: to the right, or to the left when mirrored
    // (stacked, one under another: check_stacked).
    let rtl = source["dir"] == "rtl";
    assert_eq!(layout.dir == journeymap::layout::Direction::Rtl, rtl);
    let columns = if layout.kind == LayoutKind::Wide {
        &layout.stages[..]
    } else {
        &[]
    };
    for pair in columns.windows(2) {
        let (first, second) = (&pair[0], &pair[1]);
        if rtl {
            assert!(second.x + second.width <= first.x + 1e-6, "stages run left");
        } else {
            assert!(first.x + first.width <= second.x + 1e-6, "stages run right");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn random_maps_lay_out_and_render_soundly(source in map()) {
        let text = serde_json::to_string(&source).unwrap();
        let map = journeymap::validate(&text).unwrap_or_else(|errors| panic!("generated map invalid: {errors:?}"));
        let layout = layout(&map);
        check_geometry(&layout, &source);
        check_scorecard(&layout);
        let svg = render(&layout, &RenderOptions::default());
        let document = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
        prop_assert_eq!(document.root_element().tag_name().name(), "svg");
        if let Err(problem) = oracle::check(&svg, &map, "jm") {
            prop_assert!(false, "the output oracle: {}", problem);
        }
        let again = journeymap::render_svg(&text, &RenderOptions::default()).unwrap();
        prop_assert_eq!(svg, again);
    }
}

/// Every text block of a layout.
fn text_blocks(layout: &Layout) -> Vec<&TextBlock> {
    let mut blocks: Vec<&TextBlock> = vec![&layout.header.title];
    blocks.extend(&layout.header.description);
    for persona in &layout.header.personas {
        blocks.push(&persona.name);
        blocks.extend(&persona.texts);
    }
    for stage in &layout.stages {
        blocks.extend(&stage.texts);
    }
    for lane in &layout.lanes {
        blocks.push(&lane.label);
        blocks.extend(lane.sub_rows.iter().map(|row| &row.label));
    }
    for card in &layout.cards {
        blocks.push(&card.text);
        blocks.extend(card.chips.iter().filter_map(|chip| chip.text.as_ref()));
    }
    for cell in &layout.metrics {
        blocks.extend(cell.drop_off.iter().map(|d| &d.text));
        if let Some(funnel) = &cell.funnel {
            blocks.extend([&funnel.label, &funnel.value]);
        }
        for kpi in &cell.kpis {
            blocks.extend([&kpi.label, &kpi.value]);
            blocks.extend(kpi.unit.iter().chain(&kpi.target));
        }
    }
    for panel in &layout.details {
        blocks.extend(&panel.texts);
    }
    if let Some(card) = &layout.scorecard {
        blocks.push(&card.heading);
        for row in &card.rows {
            blocks.extend([&row.name, &row.usage]);
            blocks.extend(&row.share);
            blocks.extend(row.score.iter().map(|s| &s.text));
            blocks.extend(row.metrics.iter().flat_map(|m| [&m.label, &m.value]));
            blocks.extend(row.look_here.iter().filter_map(|c| c.text.as_ref()));
        }
    }
    if let Some(legend) = &layout.legend {
        blocks.push(&legend.heading);
        blocks.extend(legend.entries.iter().map(|e| &e.text));
    }
    if let Some(footer) = &layout.footer {
        blocks.push(&footer.heading);
        blocks.extend(&footer.sources);
        blocks.extend(&footer.numbers);
    }
    blocks
}

/// The channel scorecard: on the canvas, its rows inside it and one under
/// another, every part of a row inside the row, every line of it fitting
/// its box; the legend and the footer clear of it.
fn check_scorecard(layout: &Layout) {
    let Some(card) = &layout.scorecard else {
        let touchpoints = layout.cards.iter().any(|c| c.icon.is_some());
        assert!(!touchpoints, "a map with touchpoints has a scorecard");
        return;
    };
    let canvas = Rect::new(0.0, 0.0, layout.width, layout.height);
    assert!(
        canvas.contains(&card.rect),
        "the scorecard leaves the canvas"
    );
    assert!(
        card.rect.y >= layout.grid.bottom(),
        "the scorecard is under the grid"
    );
    assert!(!card.rows.is_empty());
    let mut used: Vec<usize> = layout
        .cards
        .iter()
        .filter_map(|c| c.icon.as_ref().map(|i| i.channel))
        .collect();
    used.sort_unstable();
    used.dedup();
    let mut rows: Vec<usize> = card.rows.iter().map(|r| r.channel).collect();
    rows.sort_unstable();
    assert_eq!(rows, used, "one row per channel used");
    let marked = card.rows.iter().filter(|r| r.look_here.is_some()).count();
    assert!(marked <= 1, "at most one channel to look at first");
    let fits = |block: &TextBlock, within: &Rect, what: &str| {
        let box_ = Rect::new(block.x, block.y, block.width, block.height());
        assert!(
            within.contains(&box_),
            "{what} {:?} leaves {within:?}",
            block.lines
        );
        for (line, measured) in line_widths(block) {
            assert!(
                measured <= block.width + 1e-6,
                "{line:?} does not fit its box"
            );
        }
    };
    fits(&card.heading, &card.rect, "the heading");
    for (i, row) in card.rows.iter().enumerate() {
        assert!(card.rect.contains(&row.rect), "row {i} leaves the panel");
        assert!(
            row.rect.y >= card.heading.bottom() - 1e-6,
            "row {i} covers the heading"
        );
        for other in card.rows.iter().skip(i + 1) {
            assert!(!row.rect.overlaps(&other.rect), "rows overlap");
        }
        assert!(row.rect.contains(&row.icon_rect));
        let mut blocks = vec![&row.name, &row.usage];
        blocks.extend(&row.share);
        blocks.extend(row.metrics.iter().flat_map(|m| [&m.label, &m.value]));
        if let Some(score) = &row.score {
            blocks.push(&score.text);
            assert!(row.rect.contains(&score.track), "row {i}'s track leaves it");
            assert!(
                score.dot.x >= score.track.x - 1e-6 && score.dot.x <= score.track.right() + 1e-6
            );
        }
        if let Some(chip) = &row.look_here {
            assert!(row.rect.contains(&chip.rect), "row {i}'s mark leaves it");
            blocks.extend(&chip.text);
        }
        for (a, block) in blocks.iter().enumerate() {
            fits(block, &row.rect, "a row's text");
            let r = Rect::new(block.x, block.y, block.width, block.height());
            for other in blocks.iter().skip(a + 1) {
                let o = Rect::new(other.x, other.y, other.width, other.height());
                assert!(
                    !r.overlaps(&o),
                    "{:?} overlaps {:?}",
                    block.lines,
                    other.lines
                );
            }
        }
    }
    if let Some(legend) = &layout.legend {
        assert!(
            !legend.rect.overlaps(&card.rect),
            "the legend overlaps the scorecard"
        );
    }
    if let Some(footer) = &layout.footer {
        let h = &footer.heading;
        let sources = Rect::new(h.x, h.y, h.width, footer.bottom - h.y);
        assert!(canvas.contains(&sources), "the sources leave the canvas");
        assert!(
            !sources.overlaps(&card.rect),
            "the sources overlap the scorecard"
        );
        if let Some(legend) = &layout.legend {
            assert!(
                !sources.overlaps(&legend.rect),
                "the sources overlap the legend"
            );
        }
    }
}

/// A block's text as written, whitespace aside (wrapping only adds breaks).
/// Each line of `block` with its width in the Liberation table.
fn line_widths(block: &TextBlock) -> Vec<(&String, f64)> {
    let weight = if block.style.bold {
        Weight::Bold
    } else {
        Weight::Regular
    };
    block
        .lines
        .iter()
        .map(|line| {
            let width =
                (&LiberationTable as &dyn TextMeasure).width(line, block.style.size, weight);
            (line, width)
        })
        .collect()
}

fn joined(block: &TextBlock) -> String {
    without_whitespace(&block.lines.concat())
}

fn check_stacked(stacked: &Layout, wide: &Layout, width: f64) {
    assert_eq!(stacked.kind, LayoutKind::Stacked);
    assert_eq!(stacked.width, width);
    for (i, card) in stacked.cards.iter().enumerate() {
        let section = stacked.stages[card.stage_index].zoom;
        assert!(
            section.contains(&card.rect()),
            "card {i} is outside its stage's section"
        );
        assert!(
            card.text.style.size >= 12.0
                && card
                    .chips
                    .iter()
                    .filter_map(|chip| chip.text.as_ref())
                    .all(|t| t.style.size >= 12.0),
            "card {i} has text under 12 px"
        );
    }
    for pair in stacked.stages.windows(2) {
        assert!(
            pair[0].zoom.bottom() <= pair[1].zoom.y && pair[0].header.bottom() <= pair[1].header.y,
            "sections {} and {} overlap",
            pair[0].index,
            pair[1].index
        );
    }
    let blocks = text_blocks(stacked);
    for block in &blocks {
        assert!(
            block.style.size >= 12.0,
            "{:?} is {} px",
            block.lines,
            block.style.size
        );
        assert!(
            block.x >= 0.0 && block.x + block.width <= stacked.width + 1e-9,
            "{:?} leaves the canvas",
            block.lines
        );
        for (line, measured) in line_widths(block) {
            assert!(
                measured <= block.width + 1e-6,
                "{line:?} is {measured} wide in a box of {}",
                block.width
            );
        }
    }
    let shown: std::collections::HashSet<String> = blocks.iter().map(|b| joined(b)).collect();
    for block in text_blocks(wide) {
        assert!(
            shown.contains(&joined(block)),
            "{:?} of the wide layout is not in the stacked one",
            block.lines
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_maps_stack_soundly_on_phones(
        source in map(),
        width in prop::sample::select(&[390.0, 320.0][..]),
    ) {
        let text = serde_json::to_string(&source).unwrap();
        let map = journeymap::validate(&text).unwrap_or_else(|errors| panic!("generated map invalid: {errors:?}"));
        let phone = stacked(&map, width);
        check_geometry(&phone, &source);
        check_stacked(&phone, &layout(&map), width);
        check_scorecard(&phone);
        let svg = render(&phone, &RenderOptions::default());
        roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
        if let Err(problem) = oracle::check(&svg, &map, "jm") {
            prop_assert!(false, "the output oracle: {}", problem);
        }
    }
}
