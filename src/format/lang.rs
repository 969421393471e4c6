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
fn allowed_from(part: Part) -> String {
    let all = [
        (Part::Extlang, "an extended language (3 letters)"),
        (Part::Script, "a script (4 letters)"),
        (Part::Region, "a region (2 letters or 3 digits)"),
        (
            Part::Variant,
            "a variant (5 to 8 letters or digits, or a digit and 3 more)",
        ),
        (
            Part::Extension,
            "an extension (a letter or digit other than x, then subtags)",
        ),
    ];
    let mut names: Vec<&str> = all
        .iter()
        .filter(|(p, _)| *p >= part)
        .map(|(_, name)| *name)
        .collect();
    format!("{} or private use (x, then subtags)", names.join(", "))
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
    let mut out: Vec<String> = Vec::with_capacity(subtags.len());
    let mut rest = subtags.iter().copied();
    let Some(language) = rest.next() else {
        return Err(wrong("it is empty".into()));
    };
    if language.eq_ignore_ascii_case("x") {
        return private_use(language, rest, &mut out)
            .map(|()| out.join("-"))
            .map_err(wrong);
    }
    if !alpha(language) || language.len() < 2 {
        return Err(wrong(format!(
            "the language {} must be 2 to 3 or 4 to 8 letters",
            quote(language)
        )));
    }
    out.push(language.to_ascii_lowercase());
    let mut next = if language.len() <= 3 {
        Part::Extlang
    } else {
        Part::Script
    };
    let mut extlangs = 0;
    while let Some(subtag) = rest.next() {
        let len = subtag.len();
        let first_digit = subtag.as_bytes().first().is_some_and(u8::is_ascii_digit);
        if next == Part::Extlang && len == 3 && alpha(subtag) && extlangs < 3 {
            extlangs += 1;
            out.push(subtag.to_ascii_lowercase());
        } else if next <= Part::Script && len == 4 && alpha(subtag) {
            next = Part::Region;
            out.push(title_case(subtag));
        } else if next <= Part::Region
            && ((len == 2 && alpha(subtag)) || (len == 3 && digits(subtag)))
        {
            next = Part::Variant;
            out.push(subtag.to_ascii_uppercase());
        } else if next <= Part::Variant && ((5..=8).contains(&len) || (len == 4 && first_digit)) {
            next = Part::Variant;
            out.push(subtag.to_ascii_lowercase());
        } else if subtag.eq_ignore_ascii_case("x") {
            return private_use(subtag, rest, &mut out)
                .map(|()| out.join("-"))
                .map_err(wrong);
        } else if len == 1 {
            out.push(subtag.to_ascii_lowercase());
            let mut any = false;
            while let Some(more) = rest.clone().next().filter(|s| s.len() >= 2) {
                rest.next();
                any = true;
                out.push(more.to_ascii_lowercase());
            }
            if !any {
                return Err(wrong(format!(
                    "the extension {} needs at least one subtag of 2 to 8 letters or digits after it",
                    quote(subtag)
                )));
            }
            next = Part::Extension;
        } else {
            return Err(wrong(format!(
                "{} is not what may stand there: expected {}",
                quote(subtag),
                allowed_from(next)
            )));
        }
    }
    Ok(out.join("-"))
}

/// `x` and its subtags, each 1 to 8 letters or digits (already checked).
fn private_use<'a>(
    x: &str,
    rest: impl Iterator<Item = &'a str>,
    out: &mut Vec<String>,
) -> Result<(), String> {
    out.push(x.to_ascii_lowercase());
    let before = out.len();
    out.extend(rest.map(str::to_ascii_lowercase));
    if out.len() == before {
        return Err("private use \"x\" needs at least one subtag after it".into());
    }
    Ok(())
}

fn title_case(subtag: &str) -> String {
    let lower = subtag.to_ascii_lowercase();
    let mut chars = lower.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_ascii_uppercase().to_string() + chars.as_str()
    })
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
