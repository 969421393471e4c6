//! Word boundaries for Thai, Lao, Khmer and Burmese from ICU4X's
//! dictionaries (native builds only).
//!
//! Exists because these scripts put no spaces between words: UAX #14 leaves
//! their line breaks to a dictionary, and without one a long line breaks
//! inside a word (`สัปดาห์แ|ละ`). `icu_segmenter`'s compiled data carries
//! the word lists Chromium's `Intl.Segmenter` uses too; it is large, which
//! is why the wasm build does without it.

use std::sync::LazyLock;

use icu_segmenter::options::LineBreakOptions;
use icu_segmenter::{LineSegmenter, LineSegmenterBorrowed};

use super::linebreak::LineBreaker;

/// ICU4X's line segmenter with its dictionaries for complex scripts.
pub(crate) struct Dictionary;

/// The segmenter, made once (loading the dictionaries takes a moment).
static SEGMENTER: LazyLock<LineSegmenterBorrowed<'static>> =
    LazyLock::new(|| LineSegmenter::new_dictionary(LineBreakOptions::default()));

impl LineBreaker for Dictionary {
    fn complex_breaks(&self, run: &str, out: &mut Vec<usize>) {
        out.extend(
            SEGMENTER
                .segment_str(run)
                .filter(|&at| at > 0 && at < run.len()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(run: &str) -> Vec<&str> {
        let mut breaks = Vec::new();
        Dictionary.complex_breaks(run, &mut breaks);
        let mut pieces = Vec::new();
        let mut from = 0;
        for at in breaks.into_iter().chain([run.len()]) {
            pieces.push(&run[from..at]);
            from = at;
        }
        pieces
    }

    #[test]
    fn thai_breaks_between_words() {
        // "week and" from the issue: never "สัปดาห์แ|ละ".
        assert_eq!(words("สัปดาห์และ"), ["สัปดาห์", "และ"]);
        assert_eq!(words("อินเทอร์เน็ต"), ["อินเทอร์เน็ต"]);
    }

    #[test]
    fn lao_khmer_and_burmese_break_too() {
        for run in ["ສະບາຍດີທຸກຄົນ", "សួស្តីពិភពលោក", "မင်္ဂလာပါကမ္ဘာ"]
        {
            assert!(words(run).len() > 1, "{run}: {:?}", words(run));
        }
    }
}
