//! What a language tag says beyond the words: which shipped table serves
//! it, its plural rule, its reading direction and how it writes numbers.
//!
//! Tags are BCP 47, matched case-insensitively, `_` taken as `-`; only the
//! language, script and region subtags count. A tag this crate knows
//! nothing about reads as English, left to right.

use crate::number::{NumberFormat, Percent};

/// The language, script and region of a tag, lowercased.
pub(super) struct Tag {
    pub language: String,
    pub script: Option<String>,
    pub region: Option<String>,
}

impl Tag {
    pub fn parse(tag: &str) -> Tag {
        let mut subtags = tag
            .split(['-', '_'])
            .map(|s| s.trim().to_ascii_lowercase())
            .peekable();
        let language = match subtags.next().unwrap_or_default().as_str() {
            // Codes withdrawn from ISO 639 that old systems still send.
            "iw" => "he".to_owned(),
            "in" => "id".to_owned(),
            other => other.to_owned(),
        };
        let script = subtags
            .next_if(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic()))
            .map(|s| s.to_owned());
        let region = subtags
            .next_if(|s| {
                (s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()))
                    || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))
            })
            .map(|s| s.to_owned());
        let script = script.or_else(|| implied_script(&language, region.as_deref()));
        Tag {
            language,
            script,
            region,
        }
    }

    /// The tags a table may have for this language, best first.
    pub fn candidates(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(script) = &self.script {
            out.push(format!("{}-{script}", self.language));
        }
        if let Some(region) = &self.region {
            out.push(format!("{}-{region}", self.language));
        }
        out.push(self.language.clone());
        out
    }
}

/// Chinese without a script subtag: Traditional in Taiwan, Hong Kong and
/// Macao, Simplified elsewhere.
fn implied_script(language: &str, region: Option<&str>) -> Option<String> {
    (language == "zh").then(|| match region {
        Some("tw" | "hk" | "mo") => "hant".to_owned(),
        _ => "hans".to_owned(),
    })
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
    match &tag.script {
        Some(script) if tag.language != "zh" => RTL_SCRIPTS.contains(&script.as_str()),
        _ => RTL_LANGUAGES.contains(&tag.language.as_str()),
    }
}

/// CLDR's plural categories, in the order of the packed forms.
pub(super) const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

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

/// How numbers are written in a language and region, after CLDR (with
/// Latin digits): the region's own way where it differs from the
/// language's, else the language's, else English.
pub fn number_format(tag: &str) -> NumberFormat {
    let tag = Tag::parse(tag);
    let region = tag.region.as_deref().unwrap_or_default();
    match (tag.language.as_str(), region) {
        ("de", "ch" | "li") => SWISS,
        ("it", "ch") => NumberFormat {
            min_grouping: 2,
            ..SWISS
        },
        ("fr", "ch") => style(NNBSP, ',', 1, Percent::After),
        ("de", "at") => style(NBSP, ',', 1, Percent::AfterSpace),
        ("es", "419" | "mx" | "us") => COMMA_POINT,
        ("pt", "br") => POINT_COMMA,
        ("en", "in") | ("hi", _) => NumberFormat {
            indian: true,
            ..COMMA_POINT
        },
        ("de", _) => style(".", ',', 1, Percent::AfterSpace),
        ("fr", _) => style(NNBSP, ',', 1, Percent::AfterSpace),
        ("es", _) => style(".", ',', 2, Percent::AfterSpace),
        ("it", _) => style(".", ',', 2, Percent::After),
        ("pt", _) => style(NBSP, ',', 2, Percent::After),
        ("pl", _) => style(NBSP, ',', 2, Percent::After),
        ("ru", _) => style(NBSP, ',', 1, Percent::AfterSpace),
        ("uk", _) => style(NBSP, ',', 1, Percent::After),
        ("tr", _) => style(".", ',', 1, Percent::Before),
        ("nl" | "id" | "vi", _) => POINT_COMMA,
        ("ar" | "he" | "fa" | "th" | "ja" | "ko" | "zh", _) => COMMA_POINT,
        _ => NumberFormat::ENGLISH,
    }
}
