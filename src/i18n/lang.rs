//! What a language tag says beyond the words: which shipped table serves
//! it, its plural rule, its reading direction and how it writes numbers.
//!
//! Tags are BCP 47, matched case-insensitively, `_` taken as `-`; only the
//! language, script and region subtags count. A tag this crate knows
//! nothing about reads as English, left to right.

use crate::number::{NumberFormat, Percent};

/// The language, script and region subtags of a tag, as written.
pub(super) struct Tag<'a> {
    pub language: &'a str,
    pub script: Option<&'a str>,
    pub region: Option<&'a str>,
}

impl<'a> Tag<'a> {
    pub fn parse(tag: &'a str) -> Tag<'a> {
        let mut subtags = tag.trim().split(['-', '_']);
        let mut language = subtags.next().unwrap_or_default();
        // Codes withdrawn from ISO 639 that old systems still send.
        if language.eq_ignore_ascii_case("iw") {
            language = "he";
        } else if language.eq_ignore_ascii_case("in") {
            language = "id";
        }
        let mut next = subtags.next();
        let script = next.filter(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic()));
        if script.is_some() {
            next = subtags.next();
        }
        let region = next.filter(|s| {
            (s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()))
                || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
        });
        Tag {
            language,
            script: script.or_else(|| implied_script(language, region)),
            region,
        }
    }

    /// Whether a table's tag (`"pt-BR"`, `"zh-Hant"`, `"de"`) is this
    /// language, with this subtag when `second` is given.
    pub fn names(&self, table: &str, second: Option<&str>) -> bool {
        match (table.split_once('-'), second) {
            (Some((language, rest)), Some(second)) => {
                language.eq_ignore_ascii_case(self.language) && rest.eq_ignore_ascii_case(second)
            }
            (None, None) => table.eq_ignore_ascii_case(self.language),
            _ => false,
        }
    }

    pub(super) fn is(&self, language: &str) -> bool {
        self.language.eq_ignore_ascii_case(language)
    }
}

/// Chinese without a script subtag: Traditional in Taiwan, Hong Kong and
/// Macao, Simplified elsewhere.
fn implied_script(language: &str, region: Option<&str>) -> Option<&'static str> {
    if !language.eq_ignore_ascii_case("zh") {
        return None;
    }
    let traditional =
        region.is_some_and(|r| ["tw", "hk", "mo"].iter().any(|t| r.eq_ignore_ascii_case(t)));
    Some(if traditional { "Hant" } else { "Hans" })
}

/// Scripts written right to left.
const RTL_SCRIPTS: [&str; 8] = [
    "arab", "hebr", "syrc", "thaa", "nkoo", "adlm", "rohg", "mand",
];

/// Languages written right to left when the tag names no script.
const RTL_LANGUAGES: [&str; 13] = [
    "ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "syr", "prs", "arc",
];

/// Whether text in this language reads right to left: by the script
/// subtag when there is one (`az-Arab` yes, `ku-Latn` no), else by the
/// language (`ar`, `he`, `fa`, `ur` …).
pub fn is_rtl_lang(tag: &str) -> bool {
    let tag = Tag::parse(tag);
    match tag.script {
        Some(script) if !tag.is("zh") => RTL_SCRIPTS.iter().any(|s| s.eq_ignore_ascii_case(script)),
        _ => RTL_LANGUAGES.iter().any(|l| tag.is(l)),
    }
}

pub(super) use super::pack::CATEGORIES;

/// The plural category (an index into [`CATEGORIES`]) of the whole number
/// `n` in a shipped table's language: CLDR's rules, for integers only.
pub(super) fn plural(table: &str, n: u64) -> usize {
    let (one, few, many, other) = (1, 3, 4, 5);
    let (last, last_two) = (n % 10, n % 100);
    match table {
        "ja" | "ko" | "th" | "vi" | "id" | "zh-Hans" | "zh-Hant" => other,
        "fr" | "pt-BR" | "hi" | "fa" => {
            if n <= 1 {
                one
            } else {
                other
            }
        }
        "ru" | "uk" => {
            if last == 1 && last_two != 11 {
                one
            } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
                few
            } else {
                many
            }
        }
        "pl" => {
            if n == 1 {
                one
            } else if (2..=4).contains(&last) && !(12..=14).contains(&last_two) {
                few
            } else {
                many
            }
        }
        "ar" => match n {
            0 => 0,
            1 => one,
            2 => 2,
            _ if (3..=10).contains(&last_two) => few,
            _ if last_two >= 11 => many,
            _ => other,
        },
        "he" => match n {
            1 => one,
            2 => 2,
            _ => other,
        },
        _ => {
            if n == 1 {
                one
            } else {
                other
            }
        }
    }
}

const fn style(
    group: &'static str,
    decimal: char,
    min_grouping: usize,
    percent: Percent,
) -> NumberFormat {
    NumberFormat {
        group,
        decimal,
        min_grouping,
        indian: false,
        percent,
    }
}

const NBSP: &str = "\u{a0}";
const NNBSP: &str = "\u{202f}";
const COMMA_POINT: NumberFormat = style(",", '.', 1, Percent::After);
const POINT_COMMA: NumberFormat = style(".", ',', 1, Percent::After);
const SWISS: NumberFormat = style("'", '.', 1, Percent::After);
const INDIAN: NumberFormat = NumberFormat {
    indian: true,
    ..COMMA_POINT
};

/// Languages (and regions, `""` for any) that write numbers unlike
/// English, after CLDR with Latin digits; the first match counts.
const NUMBER_FORMATS: [(&str, &str, NumberFormat); 30] = [
    ("de", "ch", SWISS),
    ("de", "li", SWISS),
    (
        "it",
        "ch",
        NumberFormat {
            min_grouping: 2,
            ..SWISS
        },
    ),
    ("fr", "ch", style(NNBSP, ',', 1, Percent::After)),
    ("de", "at", style(NBSP, ',', 1, Percent::AfterSpace)),
    ("es", "419", COMMA_POINT),
    ("es", "mx", COMMA_POINT),
    ("es", "us", COMMA_POINT),
    ("pt", "br", POINT_COMMA),
    ("en", "in", INDIAN),
    ("hi", "", INDIAN),
    ("de", "", style(".", ',', 1, Percent::AfterSpace)),
    ("fr", "", style(NNBSP, ',', 1, Percent::AfterSpace)),
    ("es", "", style(".", ',', 2, Percent::AfterSpace)),
    ("it", "", style(".", ',', 2, Percent::After)),
    ("pt", "", style(NBSP, ',', 2, Percent::After)),
    ("pl", "", style(NBSP, ',', 2, Percent::After)),
    ("ru", "", style(NBSP, ',', 1, Percent::AfterSpace)),
    ("uk", "", style(NBSP, ',', 1, Percent::After)),
    ("tr", "", style(".", ',', 1, Percent::Before)),
    ("nl", "", POINT_COMMA),
    ("id", "", POINT_COMMA),
    ("vi", "", POINT_COMMA),
    ("ar", "", COMMA_POINT),
    ("he", "", COMMA_POINT),
    ("fa", "", COMMA_POINT),
    ("th", "", COMMA_POINT),
    ("ja", "", COMMA_POINT),
    ("ko", "", COMMA_POINT),
    ("zh", "", COMMA_POINT),
];

/// How numbers are written in a language and region: the region's own way
/// where it differs from the language's, else the language's, else
/// English.
pub fn number_format(tag: &str) -> NumberFormat {
    let tag = Tag::parse(tag);
    let region = tag.region.unwrap_or_default();
    NUMBER_FORMATS
        .iter()
        .find(|(language, r, _)| {
            tag.is(language) && (r.is_empty() || r.eq_ignore_ascii_case(region))
        })
        .map_or(NumberFormat::ENGLISH, |(_, _, style)| *style)
}
