//! Text width measurement without a DOM.
//!
//! Exists because layout must size cards before any SVG is rendered, in
//! environments (native, WebAssembly) where no browser can measure text. The
//! SVG names [`FONT_FAMILY`], whose first choice is Liberation Sans: its
//! advance widths are compiled in (see `font_metrics.rs`), and Arial and
//! Helvetica share those metrics.
//!
//! Widths are summed per extended grapheme cluster, in integer font units, and
//! converted to pixels once:
//!
//! * a cluster is measured by its first (base) character: combining marks add
//!   nothing;
//! * East Asian wide/fullwidth characters (unicode-width 2) and emoji clusters
//!   (presentation, modifier and ZWJ sequences, flags, keycaps) are 1 em;
//! * characters the font maps use its advance width;
//! * other visible characters get a fallback: 0.6 em, or 0.75 em for
//!   Brahmic scripts (Devanagari to Sinhala, Tibetan, Myanmar, Khmer), whose
//!   clusters also carry spacing vowel signs;
//! * a tab is 4 spaces; control, zero-width and default-ignorable characters
//!   (including the soft hyphen) are 0.
//!
//! All-ASCII strings skip grapheme segmentation and use a 128-entry table;
//! text whose characters are all clusters of their own (most Latin, Greek,
//! Cyrillic, Hebrew, CJK text) skips it too, and elsewhere segmentation runs
//! only around the characters that need it.

use unicode_segmentation::GraphemeCursor;
use unicode_width::UnicodeWidthChar;

use super::font_metrics::{BOLD, REGULAR, RUNS, UNITS_PER_EM};

/// The `font-family` the SVG output must name so that the measured widths
/// match what is drawn.
pub const FONT_FAMILY: &str = "Liberation Sans, Arial, Helvetica, sans-serif";

/// Font weight of measured text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Weight {
    /// Liberation Sans Regular (`font-weight: normal`).
    #[default]
    Regular,
    /// Liberation Sans Bold (`font-weight: bold`).
    Bold,
}

/// One em in font units.
const EM: u32 = UNITS_PER_EM;
/// Fallback advance for characters the font lacks: 0.6 em.
const FALLBACK: u32 = EM * 3 / 5;
/// Fallback advance for one Brahmic-script cluster: 0.75 em.
const FALLBACK_BRAHMIC: u32 = EM * 3 / 4;
/// A tab advances this many spaces.
const TAB_SPACES: u16 = 4;

const ASCII_REGULAR: [u16; 128] = ascii_table(&REGULAR);
const ASCII_BOLD: [u16; 128] = ascii_table(&BOLD);

/// Builds the ASCII lookup table at compile time: font advances for printable
/// characters, 4 spaces for a tab, 0 for other control characters. Being
/// evaluated by the compiler, its indexing cannot fail at run time.
#[allow(clippy::indexing_slicing)]
const fn ascii_table(widths: &[u16]) -> [u16; 128] {
    let mut table = [0u16; 128];
    let mut run = 0;
    while run < RUNS.len() {
        let (first, count, offset) = RUNS[run];
        let mut i = 0;
        while i < count as u32 {
            let cp = first + i;
            let index = offset as usize + i as usize;
            if cp >= 0x20 && cp < 0x7F && index < widths.len() {
                table[cp as usize] = widths[index];
            }
            i += 1;
        }
        run += 1;
    }
    table[b'\t' as usize] = TAB_SPACES * table[b' ' as usize];
    table
}

/// Width in pixels of `text` set in Liberation Sans at `font_size` pixels.
///
/// Newlines measure 0: for multi-line text, measure each line (see
/// [`wrap_lines`](super::wrap_lines)). `font_size` should be finite and
/// positive; other values never panic but give meaningless results.
#[must_use]
pub fn text_width(text: &str, font_size: f64, weight: Weight) -> f64 {
    units_to_px(text_units(text, weight), font_size)
}

/// Width of `text` in font units (1/2048 em).
pub(crate) fn text_units(text: &str, weight: Weight) -> u64 {
    if text.is_ascii() {
        let widths = ascii_widths(weight);
        text.bytes()
            .map(|b| widths.get(usize::from(b)).map_or(0, |&w| u64::from(w)))
            .sum()
    } else {
        // One pass while every character is a cluster of its own; start
        // again with grapheme segmentation otherwise.
        let mut units: u64 = 0;
        for c in text.chars() {
            if !is_own_cluster(c) {
                return grapheme_indices(text)
                    .map(|(_, g)| u64::from(grapheme_units(g, weight)))
                    .sum();
            }
            units = units.saturating_add(u64::from(char_units(c, weight)));
        }
        units
    }
}

/// The extended grapheme clusters (UAX #29) of `text` with their byte
/// offsets, as `unicode_segmentation`'s `grapheme_indices(true)` gives
/// them, but faster on most text: where a character and the next are both
/// [`is_own_cluster`], the boundary between them needs no segmentation.
pub(crate) fn grapheme_indices(text: &str) -> GraphemeIndices<'_> {
    GraphemeIndices {
        text,
        chars: text.char_indices().peekable(),
    }
}

/// Iterator returned by [`grapheme_indices`].
pub(crate) struct GraphemeIndices<'a> {
    text: &'a str,
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
}

impl<'a> Iterator for GraphemeIndices<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let (start, first) = self.chars.next()?;
        let simple = first != '\r'
            && is_own_cluster(first)
            && self.chars.peek().is_none_or(|&(_, c)| is_own_cluster(c));
        let end = if simple {
            start.saturating_add(first.len_utf8())
        } else {
            // `start` is a cluster boundary and the cursor sees all of `text`.
            let mut cursor = GraphemeCursor::new(start, self.text.len(), true);
            let end = match cursor.next_boundary(self.text, 0) {
                Ok(Some(end)) if end > start => end,
                _ => start.saturating_add(first.len_utf8()),
            };
            while self.chars.next_if(|&(at, _)| at < end).is_some() {}
            end
        };
        Some((start, self.text.get(start..end)?))
    }
}

/// Whether `c` is certainly a grapheme cluster on its own next to any other
/// such character, so that text made only of them needs no UAX #29
/// segmentation (which costs more than measuring). True for blocks without
/// combining marks, joiners, prepended marks, regional indicators or Hangul
/// jamo: ASCII, Latin, Greek, Cyrillic, Hebrew letters, punctuation,
/// symbols, kana, CJK ideographs, Hangul syllables, most emoji. ("\r\n" is
/// one cluster, but both characters measure 0 and are never split.) A test
/// checks every such character against `unicode-segmentation`.
#[inline]
pub(crate) fn is_own_cluster(c: char) -> bool {
    matches!(
        u32::from(c),
        0x0000..=0x02FF // ASCII, Latin-1, Latin Extended-A/B, IPA, modifiers
            | 0x0370..=0x0482 // Greek, Cyrillic
            | 0x048A..=0x052F // Cyrillic, Cyrillic Supplement
            | 0x05D0..=0x05EA // Hebrew letters
            | 0x1E00..=0x1FFF // Latin Extended Additional, Greek Extended
            | 0x2010..=0x2027 // dashes, quotes, bullets
            | 0x2030..=0x205E // per mille, primes, punctuation
            | 0x20A0..=0x20C0 // currency
            | 0x2100..=0x2BFF // letterlike, arrows, maths, shapes, symbols
            | 0x3000..=0x3029 // CJK punctuation
            | 0x3030..=0x303F
            | 0x3041..=0x3096 // hiragana
            | 0x309B..=0x30FF // katakana
            | 0x4E00..=0x9FFF // CJK ideographs
            | 0xAC00..=0xD7A3 // Hangul syllables
            | 0xFF01..=0xFF9D // fullwidth and halfwidth forms
            | 0x1F300..=0x1F3FA // emoji (skin tone modifiers excluded)
            | 0x1F400..=0x1FAFF
    )
}

/// Converts font units to pixels at `font_size`. The single place where this
/// happens, so wrapping and [`text_width`] agree exactly.
pub(crate) fn units_to_px(units: u64, font_size: f64) -> f64 {
    // u64 -> f64 is exact below 2^53 units, i.e. for any text that fits in memory.
    units as f64 * font_size / f64::from(EM)
}

/// Advances of the ASCII characters in font units, indexed by byte.
#[inline]
pub(crate) fn ascii_widths(weight: Weight) -> &'static [u16; 128] {
    match weight {
        Weight::Regular => &ASCII_REGULAR,
        Weight::Bold => &ASCII_BOLD,
    }
}

/// Advance of one ASCII byte in font units (0 for bytes >= 0x80).
#[inline]
pub(crate) fn ascii_units(byte: u8, weight: Weight) -> u32 {
    ascii_widths(weight)
        .get(usize::from(byte))
        .map_or(0, |&w| u32::from(w))
}

/// Advance of one extended grapheme cluster in font units.
pub(crate) fn grapheme_units(grapheme: &str, weight: Weight) -> u32 {
    let mut chars = grapheme.chars();
    let Some(base) = chars.next() else {
        return 0;
    };
    if chars.any(is_emoji_component) {
        return EM;
    }
    char_units(base, weight)
}

/// Whether `c`, following the base of a cluster, makes the cluster an emoji:
/// emoji presentation selector (VS16), combining keycap, skin tone modifier,
/// tag (subdivision flags), second regional indicator of a flag, or a wide
/// character (the emoji after a ZWJ).
fn is_emoji_component(c: char) -> bool {
    matches!(
        c,
        '\u{FE0F}'
            | '\u{20E3}'
            | '\u{1F3FB}'..='\u{1F3FF}'
            | '\u{E0020}'..='\u{E007F}'
            | '\u{1F1E6}'..='\u{1F1FF}'
    ) || c.width() == Some(2)
}

/// Advance of one character (as a cluster of its own) in font units.
#[inline]
pub(crate) fn char_units(c: char, weight: Weight) -> u32 {
    common_char_units(c, weight).unwrap_or_else(|| general_char_units(c, weight))
}

/// [`general_char_units`] for the most frequent characters, skipping the
/// Unicode width lookup: ASCII, the Latin-1 and Latin Extended letters,
/// Greek and Cyrillic letters (from the font), kana, CJK ideographs and
/// Hangul syllables (1 em). `None` for other characters. A test checks that
/// it agrees with [`general_char_units`] on every character.
#[inline]
fn common_char_units(c: char, weight: Weight) -> Option<u32> {
    match u32::from(c) {
        0x00..=0x7F => u8::try_from(c).ok().map(|byte| ascii_units(byte, weight)),
        0xC0..=0x2AF | 0x391..=0x3C9 | 0x410..=0x44F => font_units(c, weight),
        0x3041..=0x3096 | 0x309B..=0x30FF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 => Some(EM),
        _ => None,
    }
}

/// Advance of one character (as a cluster of its own) in font units, by
/// the rules in the module documentation.
fn general_char_units(c: char, weight: Weight) -> u32 {
    if let Ok(byte) = u8::try_from(c)
        && byte.is_ascii()
    {
        return ascii_units(byte, weight);
    }
    match c.width() {
        // Control, zero-width, combining and default-ignorable characters.
        None | Some(0) => 0,
        Some(1) => font_units(c, weight).unwrap_or_else(|| fallback_units(c)),
        // East Asian wide and fullwidth characters, emoji presentation.
        Some(_) => EM,
    }
}

/// Advance from the font tables, if the font maps `c`.
fn font_units(c: char, weight: Weight) -> Option<u32> {
    let cp = u32::from(c);
    let run = RUNS
        .partition_point(|&(first, _, _)| first <= cp)
        .checked_sub(1)?;
    let &(first, count, offset) = RUNS.get(run)?;
    let delta = cp.checked_sub(first)?;
    if delta >= u32::from(count) {
        return None;
    }
    let index = usize::from(offset).checked_add(usize::try_from(delta).ok()?)?;
    let widths: &[u16] = match weight {
        Weight::Regular => &REGULAR,
        Weight::Bold => &BOLD,
    };
    widths.get(index).map(|&w| u32::from(w))
}

/// Advance for a visible character the font lacks.
fn fallback_units(c: char) -> u32 {
    match u32::from(c) {
        0x0900..=0x0DFF | 0x0F00..=0x109F | 0x1780..=0x17FF => FALLBACK_BRAHMIC,
        _ => FALLBACK,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    const FAMILY: &str = "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}";

    #[test]
    fn hello_regular_16px_matches_liberation_sans() {
        // H=1479, e=1139, l=455, l=455, o=1139 units at 2048 units per em.
        let expected = f64::from(1479 + 1139 + 455 + 455 + 1139) * 16.0 / 2048.0;
        assert_eq!(expected, 36.4609375);
        assert_eq!(text_width("Hello", 16.0, Weight::Regular), expected);
    }

    #[test]
    fn hello_bold_is_wider() {
        // Bold: H=1479, e=1139, l=569, o=1251.
        let expected = f64::from(1479 + 1139 + 569 + 569 + 1251) * 16.0 / 2048.0;
        assert_eq!(text_width("Hello", 16.0, Weight::Bold), expected);
        assert!(expected > text_width("Hello", 16.0, Weight::Regular));
    }

    #[test]
    fn empty_is_zero() {
        assert_eq!(text_width("", 16.0, Weight::Regular), 0.0);
    }

    #[test]
    fn scales_linearly_with_font_size() {
        let a = text_width("Journey map", 10.0, Weight::Regular);
        let b = text_width("Journey map", 20.0, Weight::Regular);
        assert_eq!(b, 2.0 * a);
    }

    #[test]
    fn ascii_fast_path_agrees_with_grapheme_path() {
        let ascii: String = (0u8..128).map(char::from).collect();
        let units = text_units(&ascii, Weight::Regular);
        let by_grapheme: u64 = ascii
            .graphemes(true)
            .map(|g| u64::from(grapheme_units(g, Weight::Regular)))
            .sum();
        assert_eq!(units, by_grapheme);
        // The same text with one non-ASCII zero-width character forces the
        // grapheme path.
        let mixed = format!("{ascii}\u{200B}");
        assert_eq!(text_units(&mixed, Weight::Regular), units);
    }

    #[test]
    fn tab_is_four_spaces_and_controls_are_zero() {
        let space = text_width(" ", 16.0, Weight::Regular);
        assert_eq!(text_width("\t", 16.0, Weight::Regular), 4.0 * space);
        assert_eq!(
            text_width("\n\r\u{0}\u{7F}\u{85}", 16.0, Weight::Regular),
            0.0
        );
        assert_eq!(
            text_width("\t\u{E9}", 16.0, Weight::Regular),
            4.0 * space + text_width("\u{E9}", 16.0, Weight::Regular)
        );
    }

    #[test]
    fn zero_width_characters_are_zero() {
        for s in [
            "\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}", "\u{2060}", "\u{FEFF}",
            "\u{AD}", "\u{FE0F}", "\u{202E}", "\u{2066}",
        ] {
            assert_eq!(text_width(s, 16.0, Weight::Regular), 0.0, "{s:?}");
        }
    }

    #[test]
    fn combining_marks_add_nothing() {
        let e = text_width("e", 16.0, Weight::Regular);
        assert_eq!(text_width("e\u{301}", 16.0, Weight::Regular), e);
        assert_eq!(
            text_width("e\u{301}\u{323}\u{308}", 16.0, Weight::Regular),
            e
        );
        // Precomposed é has the same advance as e in Liberation Sans.
        assert_eq!(text_width("\u{E9}", 16.0, Weight::Regular), e);
    }

    #[test]
    fn emoji_are_one_em() {
        for s in [
            "\u{1F600}",                                                       // grinning face
            FAMILY,                                                            // ZWJ sequence
            "\u{1F1EB}\u{1F1F7}",                                              // flag FR
            "\u{1F44D}\u{1F3FD}",                 // thumbs up, skin tone
            "1\u{FE0F}\u{20E3}",                  // keycap 1
            "\u{2764}\u{FE0F}",                   // red heart, VS16
            "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}", // rainbow flag
            "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}", // Scotland
            "\u{261D}\u{1F3FB}",                  // index pointing up (text default), skin tone
            "\u{2764}\u{200D}\u{1F525}",          // heart on fire, not fully qualified
        ] {
            assert_eq!(text_width(s, 16.0, Weight::Regular), 16.0, "{s:?}");
            assert_eq!(text_width(s, 16.0, Weight::Bold), 16.0, "{s:?}");
        }
        assert_eq!(text_width(&FAMILY.repeat(3), 10.0, Weight::Regular), 30.0);
    }

    #[test]
    fn wide_characters_are_one_em() {
        assert_eq!(text_width("日本語", 16.0, Weight::Regular), 3.0 * 16.0);
        assert_eq!(text_width("한국어", 16.0, Weight::Regular), 3.0 * 16.0);
        assert_eq!(text_width("ＡＢ", 16.0, Weight::Regular), 2.0 * 16.0);
        // Conjoining jamo form one cluster, one em.
        assert_eq!(
            text_width("\u{1100}\u{1161}\u{11A8}", 16.0, Weight::Regular),
            16.0
        );
    }

    #[test]
    fn font_covers_greek_cyrillic_hebrew() {
        // Values read with fontTools: alpha 1184, Zhe 1891, alef 1286 (Regular).
        assert_eq!(font_units('\u{3B1}', Weight::Regular), Some(1184));
        assert_eq!(font_units('\u{416}', Weight::Regular), Some(1891));
        assert_eq!(font_units('\u{5D0}', Weight::Regular), Some(1286));
        for c in [
            '\u{3B1}', '\u{416}', '\u{5D0}', '\u{20AC}', '\u{2013}', '\u{201C}',
        ] {
            assert!(font_units(c, Weight::Regular).is_some(), "{c:?}");
            assert!(font_units(c, Weight::Bold).is_some(), "{c:?}");
        }
        assert_eq!(font_units('\u{4E00}', Weight::Regular), None);
        assert_eq!(font_units('\u{10FFFF}', Weight::Regular), None);
    }

    #[test]
    fn common_char_fast_path_agrees_with_general_rules() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for weight in [Weight::Regular, Weight::Bold] {
                if let Some(units) = common_char_units(c, weight) {
                    assert_eq!(units, general_char_units(c, weight), "{c:?}");
                }
            }
        }
    }

    #[test]
    fn grapheme_indices_keep_crlf_together() {
        let clusters: Vec<(usize, &str)> = grapheme_indices("a\r\nb\r").collect();
        assert_eq!(clusters, [(0, "a"), (1, "\r\n"), (3, "b"), (4, "\r")]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn grapheme_indices_match_unicode_segmentation(
            text in "(.|[a\u{300}-\u{36F}\u{200D}\u{FE0F}\u{1F1E6}-\u{1F1FF}\u{1F466}-\u{1F469}\u{1F3FB}-\u{1F3FF}\u{1100}-\u{1112}\u{1161}-\u{1175}\u{11A8}-\u{11C2}\u{AC00}\u{915}\u{94D}\u{93F}\u{600} \r\n])*"
        ) {
            let expected: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
            let actual: Vec<(usize, &str)> = grapheme_indices(&text).collect();
            proptest::prop_assert_eq!(actual, expected);
        }
    }

    #[test]
    fn own_cluster_characters_are_grapheme_clusters() {
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_own_cluster(c))
        {
            for text in [format!("a{c}"), format!("{c}a"), format!("{c}{c}")] {
                assert_eq!(text.graphemes(true).count(), 2, "{c:?} in {text:?}");
            }
        }
    }

    #[test]
    fn missing_characters_fall_back() {
        let fallback = 0.6 * 2048.0;
        let px = |s: &str| text_width(s, 2048.0, Weight::Regular);
        assert_eq!(px("\u{627}"), f64::from(FALLBACK)); // Arabic alef
        assert_eq!(px("\u{E01}"), f64::from(FALLBACK)); // Thai ko kai
        assert_eq!(px("\u{915}"), f64::from(FALLBACK_BRAHMIC)); // Devanagari ka
        assert_eq!(px("\u{915}\u{93F}"), f64::from(FALLBACK_BRAHMIC)); // ki: one cluster
        assert!((f64::from(FALLBACK) - fallback).abs() < 1.0);
    }
}
