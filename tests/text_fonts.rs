//! Text fits its box in every font: for each measurer (the Liberation
//! table, DejaVu Sans and Liberation Mono font files, DejaVu Sans looked up
//! among the system's fonts), every laid-out line measures no wider than
//! its box's inner width, and card text stays inside its card. Also the
//! overflow counts the CLI had before it measured with the map's font
//! (`cargo test --test text_fonts -- --nocapture` prints them).
//!
//! The font files come from Debian's fonts-dejavu-core and
//! fonts-liberation2 (scripts/setup.sh installs them).

use journeymap::layout::{Layout, layout, layout_with};
use journeymap::text::{FontFileMeasure, LiberationTable, SystemFonts, TextMeasure, Weight, wrap};
use proptest::prelude::*;
use serde_json::{Value, json};
use std::path::Path;
use std::sync::LazyLock;
use unicode_segmentation::UnicodeSegmentation;

const DEJAVU_SANS: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const LIBERATION_MONO: &str = "/usr/share/fonts/truetype/liberation2/LiberationMono-Regular.ttf";

fn font_file(path: &str) -> FontFileMeasure {
    FontFileMeasure::from_file(Path::new(path))
        .unwrap_or_else(|e| panic!("{e} (run scripts/setup.sh to install the fonts)"))
}

static DEJAVU: LazyLock<FontFileMeasure> = LazyLock::new(|| font_file(DEJAVU_SANS));
static MONO: LazyLock<FontFileMeasure> = LazyLock::new(|| font_file(LIBERATION_MONO));
static DEJAVU_SYSTEM: LazyLock<FontFileMeasure> = LazyLock::new(|| {
    FontFileMeasure::from_system(&SystemFonts::default(), "dejavu sans")
        .expect("DejaVu Sans is installed (scripts/setup.sh)")
});

fn measurers() -> [(&'static str, &'static (dyn TextMeasure + Sync)); 4] {
    [
        ("Liberation table", &LiberationTable),
        ("DejaVu Sans file", &*DEJAVU),
        ("Liberation Mono file", &*MONO),
        ("DejaVu Sans (system)", &*DEJAVU_SYSTEM),
    ]
}

/// Every text block of a layout, found in its JSON (an object with
/// `lines`, `width` and a `style`), with the card it belongs to, if any.
fn blocks<'a>(
    value: &'a Value,
    card: Option<&'a Value>,
    out: &mut Vec<(&'a Value, Option<&'a Value>)>,
) {
    match value {
        Value::Object(fields) => {
            if fields.contains_key("lines") && fields.contains_key("style") {
                out.push((value, card));
            }
            let is_card = fields.contains_key("label") && fields.contains_key("text");
            for child in fields.values() {
                blocks(child, if is_card { Some(value) } else { card }, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| blocks(v, card, out)),
        _ => {}
    }
}

fn number(value: &Value, key: &str) -> f64 {
    value[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} in {value}"))
}

/// Lines wider than their box as `measure` measures them, as
/// `(line, width, box width, whether a card's)`. A line of one cluster may overflow (nothing
/// is ever cut), and is not counted.
fn overflows(layout: &Layout, measure: &dyn TextMeasure) -> Vec<(String, f64, f64, bool)> {
    let json = serde_json::to_value(layout).expect("layout JSON");
    let mut found = Vec::new();
    blocks(&json, None, &mut found);
    assert!(!found.is_empty());
    let mut overflowing = Vec::new();
    for (block, card) in found {
        let style = &block["style"];
        let weight = if style["bold"].as_bool() == Some(true) {
            Weight::Bold
        } else {
            Weight::Regular
        };
        let size = number(style, "size");
        let width = number(block, "width").max(1.0);
        for line in block["lines"].as_array().expect("lines") {
            let line = line.as_str().expect("a line");
            let measured = measure.width(line, size, weight);
            if measured > width + 1e-9 && line.graphemes(true).count() > 1 {
                overflowing.push((line.to_owned(), measured, width, card.is_some()));
            }
        }
        if let Some(card) = card {
            let right = number(block, "x") + number(block, "width");
            assert!(
                right <= number(card, "x") + number(card, "width") + 1e-9,
                "text box outside its card: {block}"
            );
        }
    }
    overflowing
}

const WORDS: &[&str] = &[
    "customer",
    "WWWWWW",
    "iiiiii",
    "checks",
    "the",
    "delivery",
    "購入手続き",
    "👩‍👩‍👧‍👦",
    "שלום",
    "مرحبا",
    "cafe\u{301}",
    "สัปดาห์และ",
    "อินเทอร์เน็ต",
    "ການຈອງ",
    "ការកក់",
    "ဘွတ်ကင်",
    "क्षमा",
    "হিসাব",
    "\n",
    "averyveryverylongtokenwithoutanybreakopportunityatallxxxxxxxxxxxx",
    "—",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..12).prop_map(|words| words.join(" "))
}

fn map() -> impl Strategy<Value = Value> {
    (
        text(),
        prop::collection::vec((text(), prop::collection::vec(text(), 0..3)), 1..4),
        prop::collection::vec(text(), 0..3),
    )
        .prop_map(|(title, stages, tags)| {
            json!({
                "title": title,
                "lanes": [{ "id": "doing", "label": "Doing", "kind": "text" }],
                "stages": stages.iter().enumerate().map(|(i, (name, items))| json!({
                    "name": format!("{name} {i}"),
                    "cells": { "doing": items.iter().map(|t| json!({
                        "text": t,
                        "tags": tags,
                    })).collect::<Vec<_>>() },
                })).collect::<Vec<_>>(),
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_line_fits_its_box_in_every_font(source in map()) {
        let map = journeymap::validate(&source.to_string())
            .unwrap_or_else(|e| panic!("generated map is invalid: {e:?}"));
        for (name, measure) in measurers() {
            let layout = layout_with(&map, measure);
            let overflowing = overflows(&layout, measure);
            prop_assert!(overflowing.is_empty(), "{name}: {overflowing:?}");
        }
    }
}

/// The Liberation Sans Regular font file measures as the table does (the
/// table was generated from it): every regular line of every example.
#[test]
fn liberation_sans_file_agrees_with_the_table() {
    let file = font_file("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf");
    let file: &dyn TextMeasure = &file;
    let table: &dyn TextMeasure = &LiberationTable;
    let mut lines = 0;
    for entry in std::fs::read_dir("examples").expect("examples") {
        let path = entry.expect("entry").path();
        let map = journeymap::validate(&std::fs::read_to_string(&path).expect("read"))
            .expect("valid example");
        let json = serde_json::to_value(layout(&map)).expect("layout JSON");
        let mut found = Vec::new();
        blocks(&json, None, &mut found);
        for (block, _) in found.iter().filter(|(b, _)| b["style"]["bold"] == false) {
            let size = number(&block["style"], "size");
            for line in block["lines"].as_array().expect("lines") {
                let line = line.as_str().expect("a line");
                let (a, b) = (
                    table.width(line, size, Weight::Regular),
                    file.width(line, size, Weight::Regular),
                );
                assert_eq!(a, b, "{line:?} in {}", path.display());
                lines += 1;
            }
        }
    }
    assert!(lines > 100);
}

#[test]
fn the_table_is_the_default_measurer() {
    let text = std::fs::read_to_string("examples/online-purchase.json").expect("example");
    let map = journeymap::validate(&text).expect("valid");
    assert_eq!(layout(&map), layout_with(&map, &LiberationTable));
    // A real font gives other line breaks and widths.
    assert_ne!(layout(&map), layout_with(&map, &*MONO));
}

/// Thai text with words no line may split (the examples among
/// them), wrapped at many widths.
#[test]
fn thai_lines_break_at_word_boundaries() {
    let words = [
        "ลูกค้า",
        "ได้",
        "รับ",
        "อีเมล",
        "ต้อนรับ",
        "ภายใน",
        "หนึ่ง",
        "สัปดาห์",
        "และ",
        "ชำระ",
        "เงิน",
        "ผ่าน",
        "อินเทอร์เน็ต",
    ];
    let text = words.concat();
    // Byte ranges of the words; a break strictly inside one splits it
    // (allowed only for a word wider than the line).
    let table: &dyn TextMeasure = &LiberationTable;
    let spans_under = |width: f64| {
        let mut spans = Vec::new();
        let mut at = 0;
        for word in words {
            if table.width(word, 13.0, Weight::Regular) <= width {
                spans.push((at, at + word.len()));
            }
            at += word.len();
        }
        spans
    };
    for width in (40..400).step_by(3) {
        let spans = spans_under(f64::from(width));
        let lines = wrap(table, &text, f64::from(width), 13.0, Weight::Regular);
        assert!(lines.len() > 1 || width > 300, "{width}: {lines:?}");
        let mut offset = 0;
        for line in &lines[..lines.len() - 1] {
            offset += line.len();
            assert!(
                !spans.iter().any(|&(s, e)| s < offset && offset < e),
                "{width} px: a word split in {lines:?}"
            );
        }
    }
    // And through layout: a card of Thai text.
    let source = json!({
        "title": "Thai",
        "lanes": [{ "id": "doing", "label": "Doing", "kind": "text" }],
        "stages": [{ "name": "A", "cells": { "doing": [{ "text": text }] } }],
    });
    let map = journeymap::validate(&source.to_string()).expect("valid");
    let layout = layout(&map);
    let lines = &layout.cards[0].text.lines;
    assert!(lines.len() > 1, "{lines:?}");
    let spans = spans_under(layout.cards[0].text.width);
    let mut offset = 0;
    for line in &lines[..lines.len() - 1] {
        offset += line.len();
        assert!(
            !spans.iter().any(|&(s, e)| s < offset && offset < e),
            "{lines:?}"
        );
    }
}

/// The count, on the bundled examples with `theme.font` set to
/// DejaVu Sans and Liberation Mono: lines overflowing their box in the real
/// font when measured with the table (the CLI before) and with the font
/// (the CLI now, which measures with an installed `theme.font`).
#[test]
fn overflow_counts_before_and_after() {
    let mut report = Vec::new();
    for (name, measure) in [("DejaVu Sans", &*DEJAVU), ("Liberation Mono", &*MONO)] {
        let (mut before, mut cards, mut after, mut worst) = (0, 0, 0, 0.0f64);
        for entry in std::fs::read_dir("examples").expect("examples") {
            let path = entry.expect("entry").path();
            let map = journeymap::validate(&std::fs::read_to_string(&path).expect("read"))
                .expect("valid example");
            let old = overflows(&layout(&map), measure);
            worst = old.iter().map(|(_, w, b, _)| w - b).fold(worst, f64::max);
            before += old.len();
            cards += old.iter().filter(|o| o.3).count();
            after += overflows(&layout_with(&map, measure), measure).len();
        }
        report.push(format!(
            "{name}: {before} lines overflow before ({cards} in cards; by up to {worst:.1} px), {after} after"
        ));
        assert_eq!(after, 0, "{name}");
    }
    println!("{}", report.join("\n"));
}
