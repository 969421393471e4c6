//! Where a line may break: UAX #14, and word boundaries for the scripts
//! written without spaces.
//!
//! Exists to give the line filler one sorted list of break opportunities
//! whatever the text: the ASCII pair table for ASCII text
//! (`ascii_breaks.rs`), `unicode-linebreak` otherwise, and inside runs of
//! Thai, Lao, Khmer and Burmese (line breaking class SA, which UAX #14
//! leaves to a dictionary) the word boundaries a [`LineBreaker`] finds.
//! Natively that is ICU4X's dictionary segmenter (`dictionary.rs`); the
//! wasm build has none yet, so such runs break only between clusters when
//! too long for a line, as before.

use unicode_linebreak::{BreakClass, BreakOpportunity, break_property, linebreaks};

use super::ascii_breaks::ascii_linebreaks;
use super::cluster::is_own_cluster;

/// Finds word boundaries inside runs of complex-context scripts.
pub trait LineBreaker {
    /// Appends to `out` the byte offsets strictly inside `run` (text whose
    /// characters all have line breaking class SA: Thai, Lao, Khmer,
    /// Burmese, Tai scripts) where a line may break, in increasing order.
    fn complex_breaks(&self, run: &str, out: &mut Vec<usize>);
}

/// UAX #14 alone: no breaks inside complex-context runs.
#[cfg(target_arch = "wasm32")]
struct Uax14Only;

#[cfg(target_arch = "wasm32")]
impl LineBreaker for Uax14Only {
    fn complex_breaks(&self, _run: &str, _out: &mut Vec<usize>) {}
}

/// The build's line breaker: ICU4X's dictionaries natively, UAX #14 alone
/// in the wasm (where the dictionaries would cost too many bytes).
pub(crate) fn default_line_breaker() -> &'static dyn LineBreaker {
    #[cfg(not(target_arch = "wasm32"))]
    {
        &super::dictionary::Dictionary
    }
    #[cfg(target_arch = "wasm32")]
    {
        &Uax14Only
    }
}

/// The break opportunities of `text` in increasing order, with the
/// mandatory break at the end of a non-empty text (LB3).
pub(crate) fn line_breaks<'a>(text: &'a str, breaker: &dyn LineBreaker) -> Breaks<'a> {
    if text.is_ascii() {
        return Breaks::Ascii(ascii_linebreaks(text));
    }
    let runs = complex_runs(text);
    if runs.is_empty() {
        return Breaks::Unicode(Box::new(linebreaks(text)));
    }
    let mut inside = Vec::new();
    for (start, end) in runs {
        let mut found = Vec::new();
        breaker.complex_breaks(text.get(start..end).unwrap_or_default(), &mut found);
        inside.extend(
            found
                .into_iter()
                .filter(|&at| at > 0 && at < end - start)
                .map(|at| (start + at, BreakOpportunity::Allowed)),
        );
    }
    let mut all: Vec<(usize, BreakOpportunity)> = linebreaks(text).collect();
    all.extend(inside);
    // Sorted by position; where both give one, UAX #14's (maybe mandatory)
    // comes first and the duplicate goes.
    crate::sort::sort_by_key(&mut all, |&(at, kind)| {
        (at, kind != BreakOpportunity::Mandatory)
    });
    all.dedup_by_key(|&mut (at, _)| at);
    Breaks::Merged(all.into_iter())
}

/// Iterator returned by [`line_breaks`].
pub(crate) enum Breaks<'a> {
    Ascii(super::ascii_breaks::AsciiBreaks<'a>),
    Unicode(Box<dyn Iterator<Item = (usize, BreakOpportunity)> + 'a>),
    Merged(std::vec::IntoIter<(usize, BreakOpportunity)>),
}

impl Iterator for Breaks<'_> {
    type Item = (usize, BreakOpportunity);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Breaks::Ascii(breaks) => breaks.next(),
            Breaks::Unicode(breaks) => breaks.next(),
            Breaks::Merged(breaks) => breaks.next(),
        }
    }
}

/// Byte ranges of the maximal runs of class SA characters in `text`.
fn complex_runs(text: &str) -> Vec<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut current: Option<(usize, usize)> = None;
    for (at, c) in text.char_indices() {
        let end = at + c.len_utf8();
        if !is_own_cluster(c) && break_property(u32::from(c)) == BreakClass::ComplexContext {
            current = Some(current.map_or((at, end), |(start, _)| (start, end)));
        } else if let Some(run) = current.take() {
            runs.push(run);
        }
    }
    runs.extend(current);
    runs
}

/// Characters after which UAX #14 requires a break (classes BK, CR, LF, NL).
pub(crate) fn is_line_terminator(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Breaks after every character of a run: shows where the runs are.
    struct EveryChar;

    impl LineBreaker for EveryChar {
        fn complex_breaks(&self, run: &str, out: &mut Vec<usize>) {
            out.extend(run.char_indices().map(|(at, _)| at).skip(1));
        }
    }

    #[test]
    fn complex_runs_are_the_sa_characters() {
        let text = "ab \u{E01}\u{E32} cd \u{1780}\u{17D2}\u{1780}";
        let runs: Vec<&str> = complex_runs(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect();
        assert_eq!(runs, ["\u{E01}\u{E32}", "\u{1780}\u{17D2}\u{1780}"]);
    }

    #[test]
    fn breaks_inside_runs_join_uax14() {
        let text = "a \u{E01}\u{E32}\u{E01}\nb";
        let breaks: Vec<(usize, BreakOpportunity)> = line_breaks(text, &EveryChar).collect();
        let allowed = BreakOpportunity::Allowed;
        let mandatory = BreakOpportunity::Mandatory;
        assert_eq!(
            breaks,
            [
                (2, allowed),
                (5, allowed),
                (8, allowed),
                (12, mandatory),
                (13, mandatory)
            ]
        );
        // Without complex-context runs, exactly UAX #14.
        let text = "caf\u{E9} au lait\n";
        let ours: Vec<_> = line_breaks(text, &EveryChar).collect();
        assert_eq!(ours, linebreaks(text).collect::<Vec<_>>());
    }
}
