//! The one cluster iterator: text as extended grapheme clusters (UAX #29).
//!
//! Exists because both measuring and wrapping walk text cluster by cluster
//! (a cluster is never split across lines and is measured as a whole), and
//! segmentation costs more than measuring: [`clusters`] skips it wherever a
//! character and the next are both [`is_own_cluster`], which covers ASCII
//! and most Latin, Greek, Cyrillic, Hebrew and CJK text.

use super::grapheme::cluster_end;
use unicode_width::UnicodeWidthChar;

/// One extended grapheme cluster of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cluster<'a> {
    /// Byte offset of the cluster in the text.
    pub start: usize,
    /// The cluster's text.
    pub text: &'a str,
    /// The cluster's only character, when it has one.
    pub single: Option<char>,
}

impl Cluster<'_> {
    /// Byte offset just after the cluster.
    pub fn end(&self) -> usize {
        self.start.saturating_add(self.text.len())
    }

    /// Whether the cluster is whitespace (`char::is_whitespace`): a space
    /// carrying a combining mark is not.
    pub fn is_space(&self) -> bool {
        match self.single {
            Some(c) => c.is_whitespace(),
            None => self.text.chars().all(char::is_whitespace),
        }
    }
}

/// The extended grapheme clusters of `text` in order, as
/// `unicode_segmentation`'s `grapheme_indices(true)` gives them. ASCII
/// text (most card text) is walked byte by byte.
pub(crate) fn clusters(text: &str) -> Clusters<'_> {
    Clusters {
        text,
        walk: if text.is_ascii() {
            Walk::Ascii { at: 0 }
        } else {
            Walk::Chars(text.char_indices().peekable())
        },
    }
}

/// Iterator returned by [`clusters`].
pub(crate) struct Clusters<'a> {
    text: &'a str,
    walk: Walk<'a>,
}

enum Walk<'a> {
    /// ASCII: every byte is a cluster, but "\r\n".
    Ascii {
        at: usize,
    },
    Chars(std::iter::Peekable<std::str::CharIndices<'a>>),
}

impl<'a> Iterator for Clusters<'a> {
    type Item = Cluster<'a>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let chars = match &mut self.walk {
            Walk::Ascii { at } => {
                let start = *at;
                let bytes = self.text.as_bytes();
                let &byte = bytes.get(start)?;
                let crlf = byte == b'\r' && bytes.get(start + 1) == Some(&b'\n');
                let end = start + if crlf { 2 } else { 1 };
                *at = end;
                return Some(Cluster {
                    start,
                    text: self.text.get(start..end)?,
                    single: (!crlf).then_some(char::from(byte)),
                });
            }
            Walk::Chars(chars) => chars,
        };
        let (start, first) = chars.next()?;
        let simple = first != '\r'
            && is_own_cluster(first)
            && chars.peek().is_none_or(|&(_, c)| is_own_cluster(c));
        let (end, single) = if simple {
            (start.saturating_add(first.len_utf8()), Some(first))
        } else {
            // `start` is a cluster boundary.
            let end = cluster_end(self.text, start).max(start.saturating_add(first.len_utf8()));
            let mut count = 1;
            while chars.next_if(|&(at, _)| at < end).is_some() {
                count += 1;
            }
            (end, (count == 1).then_some(first))
        };
        Some(Cluster {
            start,
            text: self.text.get(start..end)?,
            single,
        })
    }
}

/// Whether `c` is certainly a grapheme cluster on its own next to any other
/// such character, so that text made only of them needs no UAX #29
/// segmentation. True for blocks without combining marks, joiners,
/// prepended marks, regional indicators or Hangul jamo: ASCII, Latin,
/// Greek, Cyrillic, Hebrew letters, punctuation, symbols, kana, CJK
/// ideographs, Hangul syllables, most emoji. ("\r\n" is one cluster, which
/// [`clusters`] checks for.) A test checks every such character against
/// `unicode-segmentation`.
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

/// Whether a cluster of several characters draws as one emoji: its base is
/// followed by an emoji presentation selector (VS16), a combining keycap,
/// a skin tone modifier, a tag (subdivision flags), the second regional
/// indicator of a flag, or a wide character (the emoji after a ZWJ).
pub(crate) fn is_emoji_sequence(cluster: &str) -> bool {
    cluster.chars().skip(1).any(|c| {
        matches!(
            c,
            '\u{FE0F}'
                | '\u{20E3}'
                | '\u{1F3FB}'..='\u{1F3FF}'
                | '\u{E0020}'..='\u{E007F}'
                | '\u{1F1E6}'..='\u{1F1FF}'
        ) || c.width() == Some(2)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    #[test]
    fn clusters_keep_crlf_together() {
        let found: Vec<(usize, &str)> = clusters("a\r\nb\r").map(|c| (c.start, c.text)).collect();
        assert_eq!(found, [(0, "a"), (1, "\r\n"), (3, "b"), (4, "\r")]);
    }

    #[test]
    fn single_is_the_only_character() {
        let found: Vec<Option<char>> = clusters("ae\u{301}\u{E01}").map(|c| c.single).collect();
        assert_eq!(found, [Some('a'), None, Some('\u{E01}')]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn clusters_match_unicode_segmentation(
            text in "(.|[a\u{300}-\u{36F}\u{200D}\u{FE0F}\u{1F1E6}-\u{1F1FF}\u{1F466}-\u{1F469}\u{1F3FB}-\u{1F3FF}\u{1100}-\u{1112}\u{1161}-\u{1175}\u{11A8}-\u{11C2}\u{AC00}\u{915}\u{94D}\u{93F}\u{600} \r\n])*"
        ) {
            let expected: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
            let actual: Vec<(usize, &str)> = clusters(&text).map(|c| (c.start, c.text)).collect();
            proptest::prop_assert_eq!(actual, expected);
            for cluster in clusters(&text) {
                proptest::prop_assert_eq!(cluster.single.is_some(), cluster.text.chars().count() == 1);
            }
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
}
