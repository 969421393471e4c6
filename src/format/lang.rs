//! Language tags (BCP 47, RFC 5646): checked to be well formed, and
//! written back in the conventional case (`pt-BR`, `zh-Hant`, `sr-Latn-RS`).
//!
//! Only the syntax is checked, not the IANA registry: a well-formed tag
//! for a language the renderer does not know falls back to English there.

use crate::diagnostic::quote;

/// What comes next in a tag, in the order RFC 5646 allows the parts.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Part {
    Extlang,
    Script,
    Region,
    Variant,
    Extension,
}

/// The parts that may stand at a place, for messages.
fn allowed_from(part: Part) -> &'static str {
    match part {
        Part::Extlang => {
            "an extended language (3 letters), a script (4 letters), a region, a variant, an extension or private use"
        }
        Part::Script => "a script (4 letters), a region, a variant, an extension or private use",
        Part::Region => "a region (2 letters or 3 digits), a variant, an extension or private use",
        Part::Variant => {
            "a variant (5 to 8 letters or digits, or a digit and 3 more), an extension (a letter or digit other than x, then subtags) or private use (x, then subtags)"
        }
        Part::Extension => {
            "an extension (a letter or digit other than x, then subtags) or private use (x, then subtags)"
        }
    }
}

/// Checks `tag`; returns it in conventional case, or what is wrong.
pub fn check_lang(tag: &str) -> Result<String, String> {
    let wrong = |what: String| {
        format!(
            "expected a BCP 47 language tag like \"en\", \"pt-BR\" or \"zh-Hant\", found {}: {what}",
            quote(tag)
        )
    };
    let subtags: Vec<&str> = tag.split('-').collect();
    if subtags.iter().any(|s| s.is_empty()) {
        return Err(wrong(
            "it has an empty subtag; subtags are separated by a single \"-\"".into(),
        ));
    }
    if let Some(bad) = subtags
        .iter()
        .find(|s| s.len() > 8 || !s.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        return Err(wrong(format!(
            "the subtag {} is not 1 to 8 ASCII letters or digits",
            quote(bad)
        )));
    }
    let alpha = |s: &str| s.bytes().all(|b| b.is_ascii_alphabetic());
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    // Everything is lower case but scripts (title case) and regions (upper).
    let mut out = tag.to_ascii_lowercase();
    let mut rest = subtags.iter().copied();
    let mut at = 0;
    let mut next = Part::Extlang;
    let mut extlangs = 0;
    let mut private = false;
    let mut extension: Option<&str> = None;
    while let Some(subtag) = rest.next() {
        let len = subtag.len();
        let start = at;
        at += len + 1;
        if private {
            continue;
        }
        if start == 0 && !subtag.eq_ignore_ascii_case("x") {
            if !alpha(subtag) || len < 2 {
                return Err(wrong(format!(
                    "the language {} must be 2 to 3 or 4 to 8 letters",
                    quote(subtag)
                )));
            }
            if len > 3 {
                next = Part::Script;
            }
            continue;
        }
        if let Some(singleton) = extension {
            if len >= 2 {
                next = Part::Extension;
                extension = None;
                continue;
            }
            return Err(wrong(format!(
                "the extension {} needs at least one subtag of 2 to 8 letters or digits after it",
                quote(singleton)
            )));
        }
        let first_digit = subtag.as_bytes().first().is_some_and(u8::is_ascii_digit);
        if next == Part::Extension && len >= 2 {
            continue;
        }
        if next == Part::Extlang && len == 3 && alpha(subtag) && extlangs < 3 {
            extlangs += 1;
        } else if next <= Part::Script && len == 4 && alpha(subtag) {
            next = Part::Region;
            if let Some(first) = out.get_mut(start..=start) {
                first.make_ascii_uppercase();
            }
        } else if next <= Part::Region
            && ((len == 2 && alpha(subtag)) || (len == 3 && digits(subtag)))
        {
            next = Part::Variant;
            if let Some(region) = out.get_mut(start..start + len) {
                region.make_ascii_uppercase();
            }
        } else if next <= Part::Variant && ((5..=8).contains(&len) || (len == 4 && first_digit)) {
            next = Part::Variant;
        } else if subtag.eq_ignore_ascii_case("x") {
            if rest.clone().next().is_none() {
                return Err(wrong(
                    "private use \"x\" needs at least one subtag after it".into(),
                ));
            }
            private = true;
        } else if len == 1 {
            extension = Some(subtag);
        } else {
            return Err(wrong(format!(
                "{} is not what may stand there: expected {}",
                quote(subtag),
                allowed_from(next)
            )));
        }
    }
    if let Some(singleton) = extension {
        return Err(wrong(format!(
            "the extension {} needs at least one subtag of 2 to 8 letters or digits after it",
            quote(singleton)
        )));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_tags_are_written_in_conventional_case() {
        for (tag, written) in [
            ("en", "en"),
            ("PT-br", "pt-BR"),
            ("zh-hant", "zh-Hant"),
            ("zh-HANT-tw", "zh-Hant-TW"),
            ("sr-latn-rs", "sr-Latn-RS"),
            ("es-419", "es-419"),
            ("de-CH-1996", "de-CH-1996"),
            ("sl-rozaj-biske", "sl-rozaj-biske"),
            ("zh-yue-HK", "zh-yue-HK"),
            ("en-US-u-ca-gregory", "en-US-u-ca-gregory"),
            ("en-x-Twain", "en-x-twain"),
            ("x-whatever", "x-whatever"),
            ("ar", "ar"),
        ] {
            assert_eq!(check_lang(tag).as_deref(), Ok(written), "{tag}");
        }
    }

    #[test]
    fn malformed_tags_say_which_part_is_wrong() {
        for (tag, says) in [
            ("e", "the language \"e\" must be"),
            ("en_US", "the subtag \"en_US\" is not"),
            ("en--US", "empty subtag"),
            ("en-", "empty subtag"),
            (
                "en-US-abc",
                "\"abc\" is not what may stand there: expected a variant",
            ),
            ("en-US-a", "the extension \"a\" needs"),
            ("en-x", "private use"),
            ("en-12", "\"12\" is not what may stand there"),
            (
                "en-US-US",
                "\"US\" is not what may stand there: expected a variant",
            ),
            ("123", "the language \"123\""),
            ("abcdefghi", "not 1 to 8"),
        ] {
            let message = check_lang(tag).err().unwrap_or_default();
            assert!(message.contains(says), "{tag}: {message}");
        }
    }
}
