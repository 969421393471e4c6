//! The default measurer: Liberation Sans advances compiled in.
//!
//! Exists because layout must size cards before any SVG is rendered, in
//! environments (native, WebAssembly) where no font file or browser is at
//! hand, and identically everywhere (goldens, tests). The SVG then names
//! [`FONT_FAMILY`], whose first choice is Liberation Sans: its advance widths
//! are compiled in (see `font_metrics.rs`), and Arial and Helvetica share
//! those metrics.
//!
//! A cluster is measured by its first (base) character:
//!
//! * combining marks, viramas and zero-width characters after it add
//!   nothing;
//! * East Asian wide/fullwidth characters (unicode-width 2) and emoji
//!   clusters (presentation, modifier and ZWJ sequences, flags, keycaps)
//!   are 1 em;
//! * characters the font maps use its advance width;
//! * other visible characters get a fallback: 0.6 em, or 0.75 em for
//!   Brahmic scripts (Devanagari to Sinhala, Tibetan, Myanmar, Khmer), whose
//!   clusters also carry spacing vowel signs;
//! * a tab is 4 spaces; control, zero-width and default-ignorable characters
//!   (including the soft hyphen) are 0.

use unicode_width::UnicodeWidthChar;

use super::cluster::is_emoji_sequence;
use super::font_metrics::{ADVANCES, RUNS, UNITS_PER_EM};
use super::measure::{TextMeasure, Weight};

/// The `font-family` the SVG output names after any family of the map's own,
/// so that the table's widths match what is drawn.
pub const FONT_FAMILY: &str = "Liberation Sans, Arial, Helvetica, sans-serif";

/// The CSS generic font families (written unquoted in the SVG; never looked
/// up as fonts).
pub const GENERIC_FAMILIES: [&str; 6] = [
    "serif",
    "sans-serif",
    "monospace",
    "cursive",
    "fantasy",
    "system-ui",
];

/// Liberation Sans Regular and Bold from compiled-in tables: the default,
/// deterministic [`TextMeasure`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LiberationTable;

impl TextMeasure for LiberationTable {
    fn units_per_em(&self) -> u32 {
        EM
    }

    fn ascii(&self, weight: Weight) -> &[u32; 128] {
        match weight {
            Weight::Regular => &ASCII_REGULAR,
            Weight::Bold => &ASCII_BOLD,
        }
    }

    #[inline]
    fn char_units(&self, c: char, weight: Weight) -> u32 {
        char_units(c, weight)
    }

    fn cluster_units(&self, cluster: &str, weight: Weight) -> u32 {
        if is_emoji_sequence(cluster) {
            return EM;
        }
        cluster
            .chars()
            .next()
            .map_or(0, |base| char_units(base, weight))
    }

    /// 0.905 em (1854 units), as the font's `hhea` table says.
    fn ascent(&self) -> f64 {
        0.905
    }

    /// 0.212 em (434 units), as the font's `hhea` table says.
    fn descent(&self) -> f64 {
        0.212
    }
}

/// One em in font units.
const EM: u32 = UNITS_PER_EM;
/// Fallback advance for characters the font lacks: 0.6 em.
pub(crate) const FALLBACK: u32 = EM * 3 / 5;
/// Fallback advance for one Brahmic-script cluster: 0.75 em.
const FALLBACK_BRAHMIC: u32 = EM * 3 / 4;
/// A tab advances this many spaces.
const TAB_SPACES: u32 = 4;

const ASCII_REGULAR: [u32; 128] = ascii_table(0);
const ASCII_BOLD: [u32; 128] = ascii_table(1);

/// Builds the ASCII lookup table of one weight (0 regular, 1 bold: its
/// place in [`ADVANCES`]' pairs) at compile time: font advances for
/// printable characters, 4 spaces for a tab, 0 for other control
/// characters. Being evaluated by the compiler, its indexing cannot fail at
/// run time.
#[allow(clippy::indexing_slicing)]
const fn ascii_table(weight: usize) -> [u32; 128] {
    let mut table = [0u32; 128];
    let mut run = 0;
    let mut offset = 0;
    while run < RUNS.len() {
        let (first, count) = RUNS[run];
        let mut i = 0;
        while i < count as u32 {
            let cp = first + i;
            let index = offset + i as usize;
            if cp >= 0x20 && cp < 0x7F && index < ADVANCES.len() {
                table[cp as usize] = ADVANCES[index][weight] as u32;
            }
            i += 1;
        }
        offset += count as usize;
        run += 1;
    }
    table[b'\t' as usize] = TAB_SPACES * table[b' ' as usize];
    table
}

/// Advance of one ASCII byte in font units (0 for bytes >= 0x80).
#[inline]
fn ascii_units(byte: u8, weight: Weight) -> u32 {
    let table = match weight {
        Weight::Regular => &ASCII_REGULAR,
        Weight::Bold => &ASCII_BOLD,
    };
    table.get(usize::from(byte)).copied().unwrap_or(0)
}

/// Advance of one character (as a cluster of its own) in font units.
#[inline]
fn char_units(c: char, weight: Weight) -> u32 {
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
        .partition_point(|&(first, _)| first <= cp)
        .checked_sub(1)?;
    let &(first, count) = RUNS.get(run)?;
    let delta = cp.checked_sub(first)?;
    if delta >= u32::from(count) {
        return None;
    }
    let offset: usize = RUNS
        .iter()
        .take(run)
        .map(|&(_, count)| usize::from(count))
        .sum();
    let index = offset.checked_add(usize::try_from(delta).ok()?)?;
    let &[regular, bold] = ADVANCES.get(index)?;
    Some(u32::from(match weight {
        Weight::Regular => regular,
        Weight::Bold => bold,
    }))
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
    const TABLE: &dyn TextMeasure = &LiberationTable;

    fn text_width(text: &str, font_size: f64, weight: Weight) -> f64 {
        TABLE.width(text, font_size, weight)
    }

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
    fn ascii_agrees_with_grapheme_by_grapheme() {
        let ascii: String = (0u8..128).map(char::from).collect();
        let units = TABLE.units(&ascii, Weight::Regular);
        let by_grapheme: u64 = ascii
            .graphemes(true)
            .map(|g| TABLE.units(g, Weight::Regular))
            .sum();
        assert_eq!(units, by_grapheme);
        let mixed = format!("{ascii}\u{200B}");
        assert_eq!(TABLE.units(&mixed, Weight::Regular), units);
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
    fn thai_and_devanagari_marks_and_viramas_add_nothing() {
        let px = |s: &str| text_width(s, 2048.0, Weight::Regular);
        // Thai: ko kai with a tone mark, with sara i, then sara aa (spacing).
        assert_eq!(px("\u{E01}\u{E48}"), px("\u{E01}"));
        assert_eq!(px("\u{E01}\u{E34}\u{E48}"), px("\u{E01}"));
        assert_eq!(px("\u{E01}\u{E32}"), 2.0 * px("\u{E01}"));
        // Devanagari: the conjunct ksha (ka, virama, ssa) is one cluster,
        // measured as one; a zero-width joiner or non-joiner adds nothing.
        assert_eq!("\u{915}\u{94D}\u{937}".graphemes(true).count(), 1);
        assert_eq!(px("\u{915}\u{94D}\u{937}"), px("\u{915}"));
        assert_eq!(px("\u{915}\u{94D}\u{200D}"), px("\u{915}"));
        assert_eq!(px("\u{915}\u{200C}\u{937}"), 2.0 * px("\u{915}"));
        // Khmer coeng and Myanmar asat.
        assert_eq!(px("\u{1780}\u{17D2}\u{1780}"), px("\u{1780}"));
        assert_eq!(px("\u{1000}\u{103A}"), px("\u{1000}"));
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
