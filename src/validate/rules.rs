//! The small rules of the format that are not about structure: ids, derived
//! ids, links, fonts, text cleaning, and "did you mean".

/// An id is 1–64 characters of `A–Z a–z 0–9 _ -`.
pub fn is_valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// The id a name gives: its ASCII letters and digits, lower-cased, runs
/// joined by `-`, at most 64 characters. `None` when nothing is left.
pub fn id_from_name(name: &str) -> Option<String> {
    let mut id = String::new();
    for word in name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        if id.len() + usize::from(!id.is_empty()) + word.len() > 64 {
            break;
        }
        if !id.is_empty() {
            id.push('-');
        }
        id.push_str(&word.to_ascii_lowercase());
    }
    (!id.is_empty()).then_some(id)
}

/// Drops the characters XML cannot carry (C0 controls other than tab and
/// newline, U+FFFE, U+FFFF); a carriage return goes too, so `\r\n` is a
/// plain line break.
pub fn clean_text(text: &str) -> String {
    // Most texts have nothing to drop: a byte scan finds that out (0xEF
    // leads U+FFFE and U+FFFF, among others).
    let suspect = |b: u8| (b < b' ' && b != b'\t' && b != b'\n') || b == 0xEF;
    if !text.bytes().any(suspect) {
        return text.to_owned();
    }
    text.chars().filter(|&c| !is_dropped_char(c)).collect()
}

fn is_dropped_char(c: char) -> bool {
    (c < ' ' && c != '\t' && c != '\n') || c == '\u{fffe}' || c == '\u{ffff}'
}

pub const MAX_URL_CHARS: usize = 2048;
pub const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Checks a link the way a browser would read it: leading and trailing C0
/// controls and spaces are stripped, tabs and newlines anywhere are removed,
/// and the scheme is compared in lower case. Returns the cleaned link, or
/// what is wrong with it.
pub fn check_url(url: &str) -> Result<String, String> {
    if url.len() > MAX_URL_CHARS && url.chars().count() > MAX_URL_CHARS {
        return Err(format!(
            "expected a link of at most {MAX_URL_CHARS} characters, found {} characters",
            url.chars().count()
        ));
    }
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|&c| c != '\t' && c != '\n' && c != '\r')
        .collect();
    let scheme = cleaned
        .split_once(':')
        .map(|(scheme, _)| scheme)
        .filter(|scheme| {
            let mut chars = scheme.chars();
            chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        })
        .map(str::to_ascii_lowercase);
    match scheme {
        Some(scheme) if ALLOWED_SCHEMES.contains(&scheme.as_str()) => {
            match cleaned.chars().find(|c| c.is_control()) {
                Some(control) => Err(format!(
                    "expected a link without control characters, found {}",
                    crate::diagnostic::quote(&control.to_string())
                )),
                None => Ok(cleaned),
            }
        }
        Some(scheme) => Err(format!(
            "expected a link starting with http:, https: or mailto:, found a {scheme}: link"
        )),
        None => Err(
            "expected an absolute link starting with http:, https: or mailto:, found a link without a scheme"
                .into(),
        ),
    }
}

/// A font is a list of family names of letters, digits, spaces and hyphens,
/// separated by commas. Returns the list written back tidily.
pub fn check_font(font: &str) -> Result<String, String> {
    if let Some(bad) = font
        .chars()
        .find(|&c| !(c.is_alphanumeric() || c == ' ' || c == '-' || c == ','))
    {
        let hint = if bad == '\'' || bad == '"' {
            "; write family names without quotes: Open Sans, sans-serif"
        } else {
            ""
        };
        return Err(format!(
            "expected family names of letters, digits, spaces and hyphens separated by commas, found {}{hint}",
            crate::diagnostic::quote(&bad.to_string())
        ));
    }
    let families: Vec<&str> = font.split(',').map(str::trim).collect();
    if families.iter().any(|family| family.is_empty()) {
        return Err(
            "expected family names separated by commas, like \"Inter, Arial, sans-serif\", found an empty name"
                .into(),
        );
    }
    Ok(families.join(", "))
}

/// The candidate closest to `word`, if it is close enough to be a likely
/// typo (a third of the word's length, at least one edit, at most three).
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_ascii_lowercase();
    let length = lower.chars().count();
    let allowed = (word.chars().count() / 3).clamp(1, 3);
    candidates
        .into_iter()
        // The distance is at least the difference in length.
        .filter(|candidate| candidate.chars().count().abs_diff(length) <= allowed)
        .map(|candidate| {
            (
                strsim::osa_distance(&lower, &candidate.to_ascii_lowercase()),
                candidate,
            )
        })
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derives_ids_from_names() {
        assert_eq!(
            id_from_name("Sign up & pay!").as_deref(),
            Some("sign-up-pay")
        );
        assert_eq!(id_from_name("Café au lait").as_deref(), Some("caf-au-lait"));
        assert_eq!(id_from_name("購入"), None);
        let long = "word ".repeat(40);
        let id = id_from_name(&long).unwrap_or_default();
        assert!(id.len() <= 64 && is_valid_id(&id) && !id.ends_with('-'));
    }

    #[test]
    fn links_are_read_as_browsers_read_them() {
        assert_eq!(
            check_url(" https://example.com/a ").as_deref(),
            Ok("https://example.com/a")
        );
        assert_eq!(
            check_url("MAILTO:help@example.com").as_deref(),
            Ok("MAILTO:help@example.com")
        );
        for hostile in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "  javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "jav\nascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "/relative/path",
        ] {
            assert!(check_url(hostile).is_err(), "{hostile:?} was accepted");
        }
    }

    #[test]
    fn fonts_are_family_lists_only() {
        assert_eq!(
            check_font("Inter,  Arial ,sans-serif").as_deref(),
            Ok("Inter, Arial, sans-serif")
        );
        assert!(check_font("x;}body{background:red").is_err());
        assert!(check_font("Arial,,serif").is_err());
        assert!(check_font("'Arial'").is_err());
    }

    #[test]
    fn suggests_close_words_only() {
        assert_eq!(suggest("nmae", ["name", "goal"]), Some("name"));
        assert_eq!(suggest("pain", ["pains", "actions"]), Some("pains"));
        assert_eq!(suggest("zzzzzz", ["name", "goal"]), None);
    }
}
