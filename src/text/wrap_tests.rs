//! Tests of the line filler: the rules of `wrap.rs`, on examples and as
//! properties of random text in many scripts.

use super::super::{Direction, LiberationTable, direction};
use super::*;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

const FAMILY: &str = "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}";

fn is_space(cluster: &str) -> bool {
    cluster.chars().all(char::is_whitespace)
}

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

const TABLE: &dyn TextMeasure = &LiberationTable;

fn regular(text: &str, max_width: f64) -> Vec<&str> {
    wrap(TABLE, text, max_width, 16.0, Weight::Regular)
}

fn text_width(text: &str, font_size: f64, weight: Weight) -> f64 {
    TABLE.width(text, font_size, weight)
}

#[test]
fn short_text_is_one_line() {
    assert_eq!(regular("Hello world", 500.0), ["Hello world"]);
}

#[test]
fn greedy_fill_breaks_at_spaces() {
    // "aaa" is 3 * 1139 units; at 2048 px per em, one unit is one pixel.
    let lines = wrap(
        TABLE,
        "aaa aaa aaa",
        3.0 * 1139.0 + 569.0 + 3.0 * 1139.0,
        2048.0,
        Weight::Regular,
    );
    assert_eq!(lines, ["aaa aaa", "aaa"]);
    let lines = wrap(
        TABLE,
        "aaa aaa aaa",
        3.0 * 1139.0 + 569.0 + 3.0 * 1139.0 - 1.0,
        2048.0,
        Weight::Regular,
    );
    assert_eq!(lines, ["aaa", "aaa", "aaa"]);
}

#[test]
fn line_widths_are_reported() {
    let lines = wrap_lines(
        TABLE,
        "Hello world, how are you today?",
        80.0,
        16.0,
        Weight::Bold,
    );
    assert!(lines.len() > 1);
    for line in &lines {
        assert_eq!(line.width, text_width(line.text, 16.0, Weight::Bold));
        assert!(line.width <= 80.0);
    }
    let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
    assert_eq!(
        texts,
        wrap(
            TABLE,
            "Hello world, how are you today?",
            80.0,
            16.0,
            Weight::Bold
        )
    );
}

#[test]
fn empty_text_is_one_empty_line() {
    assert_eq!(regular("", 100.0), [""]);
    assert_eq!(
        wrap_lines(TABLE, "", 100.0, 16.0, Weight::Regular),
        [Line {
            text: "",
            width: 0.0
        }]
    );
    assert_eq!(regular("   ", 100.0), [""]);
}

#[test]
fn newlines_are_mandatory_breaks() {
    assert_eq!(regular("a\nb", 500.0), ["a", "b"]);
    assert_eq!(regular("a\n\nb", 500.0), ["a", "", "b"]);
    assert_eq!(regular("a\n", 500.0), ["a", ""]);
    assert_eq!(regular("\n", 500.0), ["", ""]);
    assert_eq!(regular("a\r\nb\rc\u{2028}d", 500.0), ["a", "b", "c", "d"]);
    assert_eq!(
        regular("caf\u{E9}\n\nna\u{EF}ve", 500.0),
        ["caf\u{E9}", "", "na\u{EF}ve"]
    );
}

#[test]
fn leading_and_trailing_spaces_are_dropped() {
    assert_eq!(regular("  hello  ", 500.0), ["hello"]);
    assert_eq!(regular("\t hello \n  world \t", 500.0), ["hello", "world"]);
    // Inner whitespace is kept.
    assert_eq!(regular("a   b", 500.0), ["a   b"]);
    // Whitespace at a break is dropped from both lines.
    assert_eq!(regular("aaaa    bbbb", 40.0), ["aaaa", "bbbb"]);
}

#[test]
fn long_token_breaks_between_graphemes() {
    let token = "x".repeat(10_000);
    let lines = wrap_lines(TABLE, &token, 100.0, 16.0, Weight::Regular);
    assert!(lines.len() > 10);
    assert_eq!(lines.concat_text(), token);
    for line in &lines {
        assert!(line.width <= 100.0);
    }
    // Every line but the last is full: one more x would not fit.
    let x = text_width("x", 16.0, Weight::Regular);
    for line in lines.iter().take(lines.len() - 1) {
        assert!(line.width + x > 100.0);
    }
}

#[test]
fn long_token_after_words() {
    let text = format!("short {} end", "y".repeat(50));
    let lines = regular(&text, 100.0);
    assert_eq!(lines.first(), Some(&"short"));
    assert_eq!(lines.last().map(|l| l.ends_with("end")), Some(true));
    assert_eq!(no_space(&lines.concat()), no_space(&text));
    for line in &lines {
        assert!(text_width(line, 16.0, Weight::Regular) <= 100.0, "{line:?}");
    }
}

#[test]
fn japanese_breaks_between_characters() {
    let text = "吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。";
    let lines = regular(text, 100.0);
    assert!(lines.len() > 3, "{lines:?}");
    assert_eq!(lines.concat(), text);
    for line in &lines {
        assert!(text_width(line, 16.0, Weight::Regular) <= 100.0);
    }
    // 100px at 16px per ideograph: 6 characters per line.
    assert_eq!(lines.first().map(|l| l.chars().count()), Some(6));
    // UAX #14: no line starts with the closing punctuation "。".
    assert!(lines.iter().all(|l| !l.starts_with('。')));
}

#[test]
fn emoji_zwj_sequences_are_never_split() {
    let text = FAMILY.repeat(5);
    let lines = wrap_lines(TABLE, &text, 16.0, 16.0, Weight::Regular);
    assert_eq!(lines.len(), 5);
    for line in &lines {
        assert_eq!(line.text, FAMILY);
        assert_eq!(line.width, 16.0);
    }
    // Narrower than one emoji: still one per line, never lost.
    assert_eq!(regular(&text, 5.0), [FAMILY; 5]);
    assert_eq!(
        regular(&text, 40.0),
        [FAMILY.repeat(2).as_str(), &FAMILY.repeat(2), FAMILY]
    );
}

#[test]
fn flags_are_never_split() {
    let flags = "\u{1F1EB}\u{1F1F7}\u{1F1E9}\u{1F1EA}\u{1F1EF}\u{1F1F5}";
    let lines = regular(flags, 20.0);
    assert_eq!(
        lines,
        [
            "\u{1F1EB}\u{1F1F7}",
            "\u{1F1E9}\u{1F1EA}",
            "\u{1F1EF}\u{1F1F5}"
        ]
    );
}

#[test]
fn combining_marks_are_never_split() {
    let text = "e\u{301}".repeat(20);
    for line in regular(&text, 20.0) {
        assert!(line.starts_with('e'), "{line:?}");
        assert!(line.ends_with('\u{301}'), "{line:?}");
    }
    // A one-pixel width puts each cluster on its own line.
    assert_eq!(regular("e\u{301}e\u{301}", 1.0), ["e\u{301}", "e\u{301}"]);
}

#[test]
fn opportunities_inside_a_cluster_are_ignored() {
    // UAX #14 allows a break between U+0600 (class AL) and an ideograph,
    // but U+0600 is a grapheme Prepend character: one cluster.
    let text = "\u{600}\u{65E5}\u{600}\u{672C}";
    assert!(unicode_linebreak::linebreaks(text).any(|(at, _)| at == 2));
    assert_eq!(regular(text, 1.0), ["\u{600}\u{65E5}", "\u{600}\u{672C}"]);
}

#[test]
fn single_wide_grapheme_gets_its_own_line() {
    assert_eq!(regular("W", 1.0), ["W"]);
    assert_eq!(regular("ab", 0.0), ["a", "b"]);
    assert_eq!(regular("ab", -5.0), ["a", "b"]);
}

#[test]
fn nan_width_means_no_limit() {
    assert_eq!(regular("a b c\nd", f64::NAN), ["a b c", "d"]);
    assert_eq!(regular("a b c", f64::INFINITY), ["a b c"]);
}

#[test]
fn nothing_is_inserted_at_soft_hyphens() {
    let text = "extra\u{AD}ordinary\u{AD}ly";
    let lines = regular(text, 60.0);
    assert!(lines.len() > 1);
    assert_eq!(lines.concat(), text);
}

#[test]
fn hebrew_wraps_in_logical_order() {
    let text = "שלום עולם זה טקסט בעברית";
    assert_eq!(direction(text), Direction::Rtl);
    let lines = regular(text, 60.0);
    assert!(lines.len() > 1);
    assert_eq!(lines.first(), Some(&"שלום"));
    assert_eq!(lines.join(" "), text);
}

#[test]
fn arabic_wraps_in_logical_order() {
    let text = "مرحبا بالعالم هذا نص عربي";
    assert_eq!(direction(text), Direction::Rtl);
    // Arabic letters use the 0.6 em fallback: the longest word is 67.2px.
    let lines = regular(text, 100.0);
    assert!(lines.len() > 1);
    assert_eq!(lines.first(), Some(&"مرحبا"));
    assert_eq!(lines.join(" "), text);
}

trait ConcatText {
    fn concat_text(&self) -> String;
}

impl ConcatText for Vec<Line<'_>> {
    fn concat_text(&self) -> String {
        self.iter().map(|l| l.text).collect()
    }
}

/// Pieces mixing scripts and the awkward cases.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z]{1,12}",
        2 => "[ ]{1,3}",
        1 => Just("\n".to_string()),
        1 => Just("\t".to_string()),
        2 => "[\u{3040}-\u{309F}\u{4E00}-\u{4E80}]{1,8}",
        1 => "[\u{5D0}-\u{5EA}]{1,6}",
        1 => "[\u{627}-\u{64A}]{1,6}",
        1 => Just(FAMILY.to_string()),
        1 => Just("\u{1F1EB}\u{1F1F7}".to_string()),
        1 => Just("1\u{FE0F}\u{20E3}".to_string()),
        1 => Just("\u{1F44D}\u{1F3FD}".to_string()),
        1 => "[a-z]\u{301}\u{323}?",
        1 => "[-,.;:!?()/\u{A0}\u{AD}\u{200B}\u{3000}\u{3002}]",
        1 => any::<char>().prop_map(String::from),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..40).prop_map(|pieces| pieces.concat())
}

fn check(text: &str, max_width: f64, font_size: f64, weight: Weight) -> Result<(), TestCaseError> {
    let lines = wrap_lines(TABLE, text, max_width, font_size, weight);
    prop_assert!(!lines.is_empty());
    let joined = lines.concat_text();
    prop_assert_eq!(no_space(&joined), no_space(text));
    for line in &lines {
        prop_assert_eq!(line.width, text_width(line.text, font_size, weight));
        let single = line.text.graphemes(true).count() <= 1;
        prop_assert!(
            single || line.width <= max_width,
            "{:?} {} > {}",
            line.text,
            line.width,
            max_width
        );
        let mut clusters = line.text.graphemes(true);
        prop_assert!(!clusters.next().is_some_and(is_space), "{:?}", line.text);
        prop_assert!(
            !clusters.next_back().is_some_and(is_space),
            "{:?}",
            line.text
        );
    }
    // Lines never split a grapheme cluster: the clusters of the lines are
    // the non-whitespace clusters of the text.
    let clusters: Vec<&str> = text.graphemes(true).filter(|g| !is_space(g)).collect();
    let line_clusters: Vec<&str> = lines
        .iter()
        .flat_map(|l| l.text.graphemes(true))
        .filter(|g| !is_space(g))
        .collect();
    prop_assert_eq!(line_clusters, clusters);
    // Mandatory breaks decompose: wrapping each paragraph on its own
    // gives the same lines ("\r\n" is one terminator, so skip it).
    if !text.contains("\r\n") {
        let by_paragraph: Vec<&str> = text
            .split(is_line_terminator)
            .flat_map(|p| wrap(TABLE, p, max_width, font_size, weight))
            .collect();
        let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
        prop_assert_eq!(texts, by_paragraph);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn wrapping_invariants(text in text(), max_width in 0.0f64..300.0, bold in any::<bool>()) {
        let weight = if bold { Weight::Bold } else { Weight::Regular };
        check(&text, max_width, 16.0, weight)?;
    }

    #[test]
    fn wrapping_invariants_any_unicode(text in any::<String>(), max_width in 0.0f64..200.0) {
        check(&text, max_width, 16.0, Weight::Regular)?;
    }

    #[test]
    fn own_cluster_text_wraps_by_the_rules(
        text in "[ -~\n\u{A0}-\u{2FF}\u{391}-\u{3C9}\u{410}-\u{44F}\u{5D0}-\u{5EA}\u{2010}-\u{2027}\u{3000}-\u{3029}\u{3041}-\u{3096}\u{4E00}-\u{4E40}\u{AC00}-\u{AC40}\u{FF01}-\u{FF5E}\u{1F600}-\u{1F64F}]{0,80}",
        max_width in 0.0f64..300.0,
    ) {
        check(&text, max_width, 16.0, Weight::Regular)?;
    }

    #[test]
    fn arbitrary_input_never_panics(text in any::<String>(), max_width in any::<f64>(), font_size in any::<f64>()) {
        let lines = wrap_lines(TABLE, &text, max_width, font_size, Weight::Regular);
        prop_assert!(!lines.is_empty());
        let _ = text_width(&text, font_size, Weight::Bold);
        let _ = direction(&text);
    }
}

/// Mean fill of the lines but the last, as a fraction of `max_width`.
fn fill(text: &str, max_width: f64) -> f64 {
    let lines = wrap_lines(TABLE, text, max_width, 13.0, Weight::Regular);
    let full = &lines[..lines.len() - 1];
    assert!(full.len() >= 2, "{lines:?}");
    full.iter().map(|l| l.width / max_width).sum::<f64>() / full.len() as f64
}

#[test]
fn thai_and_devanagari_lines_fill_like_latin_ones() {
    let latin = "The customer receives a welcome email within one week and pays over the internet";
    let thai = "ลูกค้าได้รับอีเมลต้อนรับภายในหนึ่งสัปดาห์และชำระเงินผ่านอินเทอร์เน็ต";
    let hindi = "ग्राहक को एक सप्ताह के भीतर स्वागत ईमेल मिलता है और वह इंटरनेट से भुगतान करता है";
    let latin_fill = fill(latin, 120.0);
    for text in [thai, hindi] {
        let ratio = fill(text, 120.0);
        assert!(
            ratio > 0.75 && ratio > latin_fill - 0.15,
            "{ratio} vs {latin_fill}: {text}"
        );
    }
}
