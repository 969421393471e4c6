//! Extended grapheme cluster boundaries (UAX #29) from a packed table.
//!
//! Exists for the size of the browser script: the tables of
//! `unicode-segmentation` take about 25 KB of the wasm (some 7 KB of the
//! gzipped `dist/journeymap.js`). `tools/gen_grapheme_table.py` packs the
//! same categories, from that crate's own tables, into 2.6 KB
//! (`grapheme_table.rs`), unpacked on first use, and [`cluster_end`]
//! applies the rules as that crate applies them. The crate stays the reference: the tests compare the
//! two on every code point and on random text.
//!
//! The walk starts at a known boundary and goes forward, carrying what
//! rules GB9c, GB11 and GB12/13 look back for. A boundary can only be
//! crossed by that look-back after a control character, where it finds no
//! consonant, pictograph or regional indicator, so carrying it from the
//! cluster's start gives the same answers (the generator checks the
//! property this needs: Indic_Conjunct_Break Extend and Linker characters
//! are all Grapheme_Cluster_Break Extend or ZWJ).

use super::grapheme_table::{
    CATEGORIES, Category, HANGUL, INCB_EXTEND, INCB_LINKERS, RANGE_BYTES, RANGE_GAPS, RANGE_LENGTHS,
};

/// A code point's category, and whether it is Indic_Conjunct_Break=Extend.
fn class(c: char) -> (Category, bool) {
    let cp = u32::from(c);
    let (hangul_first, hangul_last, t_count) = HANGUL;
    if (hangul_first..=hangul_last).contains(&cp) {
        let lv = (cp - hangul_first).is_multiple_of(t_count);
        return (if lv { Category::Lv } else { Category::Lvt }, false);
    }
    let byte = UNPACKED.with(|ranges| {
        match ranges.get(ranges.partition_point(|&(_, last, _)| last < cp)) {
            Some(&(first, _, byte)) if first <= cp => Some(byte),
            _ => None,
        }
    });
    match byte {
        Some(byte) => {
            let category = CATEGORIES
                .get(usize::from(byte & 0x0f))
                .copied()
                .unwrap_or(Category::Any);
            (category, byte & INCB_EXTEND != 0)
        }
        None => (Category::Any, false),
    }
}

thread_local! {
    /// The ranges unpacked (once per thread; a thread-local rather than a
    /// `OnceLock`, whose `Once` costs the wasm a few hundred bytes more):
    /// first and last code point, category byte.
    static UNPACKED: Vec<(u32, u32, u8)> = unpack();
}

fn unpack() -> Vec<(u32, u32, u8)> {
    let mut gaps = RANGE_GAPS.iter().copied();
    let mut lengths = RANGE_LENGTHS.iter().copied();
    let mut bytes = RANGE_BYTES.iter().copied();
    let mut ranges = Vec::with_capacity(RANGE_BYTES.len());
    let mut next = 0_u32;
    while let (Some(gap), Some(length), Some(byte)) =
        (leb128(&mut gaps), leb128(&mut lengths), bytes.next())
    {
        let first = next.saturating_add(gap);
        let last = first.saturating_add(length);
        ranges.push((first, last, byte));
        next = last.saturating_add(1);
    }
    ranges
}

fn leb128(bytes: &mut impl Iterator<Item = u8>) -> Option<u32> {
    let mut value = 0;
    for shift in [0, 7, 14, 21] {
        let byte = bytes.next()?;
        value |= u32::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            break;
        }
    }
    Some(value)
}

/// What the rules that look back (GB9c, GB11, GB12/13) need to know of the
/// text so far.
#[derive(Default)]
struct Context {
    /// An odd number of regional indicators ends the text.
    odd_indicators: bool,
    /// The text ends with an Extended_Pictographic and Extend characters.
    pictograph: bool,
    /// The text ends with that and a ZWJ.
    pictograph_zwj: bool,
    /// Since the last Indic_Conjunct_Break=Consonant only Extend and Linker
    /// characters came: whether a Linker was among them.
    conjunct: Option<bool>,
}

impl Context {
    fn push(&mut self, c: char, (category, incb_extend): (Category, bool)) {
        self.odd_indicators = category == Category::RegionalIndicator && !self.odd_indicators;
        self.pictograph_zwj = category == Category::Zwj && self.pictograph;
        self.pictograph = match category {
            Category::ExtendedPictographic => true,
            Category::Extend => self.pictograph,
            _ => false,
        };
        self.conjunct = if INCB_LINKERS.contains(&c) {
            self.conjunct.map(|_| true)
        } else if incb_extend {
            self.conjunct
        } else if category == Category::InCbConsonant {
            Some(false)
        } else {
            None
        };
    }

    /// Whether there is a boundary between a character of category
    /// `before` (the last pushed) and one of category `after`.
    fn breaks(&self, before: Category, after: Category) -> bool {
        use Category::*;
        match (before, after) {
            (Cr, Lf) => false,                                               // GB3
            (Control | Cr | Lf, _) | (_, Control | Cr | Lf) => true,         // GB4, GB5
            (L, L | V | Lv | Lvt) | (Lv | V, V | T) | (Lvt | T, T) => false, // GB6-8
            (_, Extend | Zwj | SpacingMark) | (Prepend, _) => false,         // GB9, GB9a, GB9b
            (_, InCbConsonant) => self.conjunct != Some(true),               // GB9c
            (Zwj, ExtendedPictographic) => !self.pictograph_zwj,             // GB11
            (RegionalIndicator, RegionalIndicator) => !self.odd_indicators,  // GB12, GB13
            _ => true,                                                       // GB999
        }
    }
}

/// The end (a byte offset) of the extended grapheme cluster of `text` that
/// starts at `start`, a cluster boundary; `start` itself at the end of
/// `text`.
pub(crate) fn cluster_end(text: &str, start: usize) -> usize {
    let mut chars = text.get(start..).unwrap_or_default().char_indices();
    let Some((_, first)) = chars.next() else {
        return start;
    };
    let mut context = Context::default();
    let mut before = class(first);
    context.push(first, before);
    for (at, c) in chars {
        let after = class(c);
        if context.breaks(before.0, after.0) {
            return start.saturating_add(at);
        }
        context.push(c, after);
        before = after;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn ours(text: &str) -> Vec<usize> {
        let mut ends = Vec::new();
        let mut at = 0;
        while at < text.len() {
            at = cluster_end(text, at);
            ends.push(at);
        }
        ends
    }

    fn reference(text: &str) -> Vec<usize> {
        text.grapheme_indices(true)
            .map(|(at, cluster)| at + cluster.len())
            .collect()
    }

    #[test]
    fn the_data_is_the_crates_unicode_version() {
        let (major, minor, update) = unicode_segmentation::UNICODE_VERSION;
        assert_eq!(
            crate::text::grapheme_table::UNICODE_VERSION,
            (major as u8, minor as u8, update as u8),
            "regenerate src/text/grapheme_table.rs: python3 tools/gen_grapheme_table.py"
        );
    }

    /// Texts around `c` whose clusters tell its category, Indic_Conjunct_Break
    /// and Linker status apart, one after another: the line feeds between
    /// them break on both sides (GB4, GB5), and no rule looks back across
    /// one.
    const PROBES: [(&str, &str); 16] = [
        ("a", "a"),
        ("", "\u{300}"),
        ("", "\u{1100}"),
        ("", "\u{1161}"),
        ("", "\u{11A8}"),
        ("", "\u{200D}\u{1F600}"),
        ("\u{1F600}", "\u{200D}\u{1F600}"),
        ("", "\u{1F1E6}"),
        ("\u{1F1E6}", "\u{1F1E6}"),
        ("", "\u{94D}\u{915}"),
        ("\u{915}", "\u{94D}\u{915}"),
        ("\u{915}", "\u{915}"),
        ("\r", ""),
        ("", "\r"),
        ("\u{1F600}", "\u{1F600}"),
        ("", ""),
    ];

    fn probe(text: &mut String, c: char) {
        text.clear();
        for (before, after) in PROBES {
            text.push_str(before);
            text.push(c);
            text.push(c);
            text.push_str(after);
            text.push('\n');
        }
    }

    /// The lengths of the clusters in characters (which, unlike byte
    /// offsets, do not depend on the probed code point's UTF-8 length).
    fn shape<'a>(clusters: impl Iterator<Item = &'a str>) -> Vec<usize> {
        clusters.map(|cluster| cluster.chars().count()).collect()
    }

    /// Every code point of planes 0 and 1 and of the first block of plane
    /// 14 (the only places the tables hold anything but `Any`), and every
    /// 257th elsewhere: the reference's clusters of its probe are ours.
    /// Ours depend on the code point only through its [`class`] and whether
    /// it is a Linker (all [`cluster_end`] looks at), so they are computed
    /// once for each of those and compared with the reference's for every
    /// code point. (The reference is the slow part: about a microsecond a
    /// character in a test build.)
    #[test]
    fn every_code_point_clusters_as_unicode_segmentation_has_it() {
        let mut ours_by_class: Vec<((Category, bool, bool), Vec<usize>)> = Vec::new();
        let mut text = String::new();
        let code_points = (0..=0x1FFFF)
            .chain(0xE0000..=0xE0FFF)
            .chain((0x20000..=0x10FFFF).step_by(257))
            .chain([0x10FFFF]);
        for c in code_points.filter_map(char::from_u32) {
            let (category, incb_extend) = class(c);
            let key = (category, incb_extend, INCB_LINKERS.contains(&c));
            probe(&mut text, c);
            let expected = shape(text.graphemes(true));
            match ours_by_class.iter().find(|(k, _)| *k == key) {
                Some((_, ours)) => assert_eq!(*ours, expected, "{c:?}: {text:?}"),
                None => {
                    let mut at = 0;
                    let clusters = std::iter::from_fn(|| {
                        let end = cluster_end(&text, at);
                        let cluster = text.get(at..end).filter(|_| end > at);
                        at = end;
                        cluster
                    });
                    let ours = shape(clusters);
                    assert_eq!(ours, expected, "{c:?}: {text:?}");
                    ours_by_class.push((key, ours));
                }
            }
        }
    }

    /// One character of each class the rules tell apart.
    const SAMPLES: [char; 26] = [
        'a',
        '\r',
        '\n',
        '\u{1}',
        '\u{300}',
        '\u{200D}',
        '\u{1F600}',
        '\u{2764}',
        '\u{915}',
        '\u{937}',
        '\u{94D}',
        '\u{93F}',
        '\u{903}',
        '\u{600}',
        '\u{1100}',
        '\u{1161}',
        '\u{11A8}',
        '\u{AC00}',
        '\u{AC01}',
        '\u{1F1E6}',
        '\u{1F1E7}',
        '\u{FE0F}',
        '\u{1F3FB}',
        '\u{E0020}',
        '\u{9CD}',
        '\u{995}',
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

        #[test]
        fn random_text_clusters_as_unicode_segmentation_has_it(
            picks in proptest::collection::vec((0..SAMPLES.len() + 3, proptest::char::any()), 0..12)
        ) {
            let text: String = picks
                .iter()
                .map(|&(i, any)| SAMPLES.get(i).copied().unwrap_or(any))
                .collect();
            proptest::prop_assert_eq!(ours(&text), reference(&text), "{:?}", text);
        }
    }
}
