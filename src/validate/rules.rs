//! The small rules of the format that are not about structure: links,
//! fonts, text cleaning, and "did you mean". (Ids are in
//! [`crate::format::ids`], language tags in [`crate::format::lang`].)

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

use crate::diagnostic::quote;

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
                    quote(&control.to_string())
                )),
                None if scheme == "mailto" => Ok(cleaned),
                None => check_authority(&cleaned, scheme.len()).map(|()| cleaned),
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

/// The host part of an http: or https: link, read the way a WHATWG URL
/// parser reads it (any number of slashes or backslashes after the scheme,
/// the authority up to the first `/`, `\`, `?` or `#`), held to a strict
/// subset: a host, a port of digits only and at most 65535, and no user
/// name or password.
fn check_authority(link: &str, scheme_len: usize) -> Result<(), String> {
    let rest = link
        .get(scheme_len + 1..)
        .unwrap_or_default()
        .trim_start_matches(['/', '\\']);
    let authority = rest.split(['/', '\\', '?', '#']).next().unwrap_or_default();
    let bytes = authority.as_bytes();
    if bytes.contains(&b'@') {
        return Err(
            "expected a link without a user name or password (\"user:pass@\" before the host), found one"
                .into(),
        );
    }
    // The port follows the last ":" that is not inside an IPv6 address.
    let end = match bytes.iter().rposition(|&b| b == b':') {
        Some(colon) if !bytes.iter().skip(colon).any(|&b| b == b']') => colon,
        _ => bytes.len(),
    };
    let host = authority.get(..end).unwrap_or_default();
    let port = authority.get(end + 1..).unwrap_or_default();
    let bad = match host.strip_prefix('[') {
        Some(address) => address.strip_suffix(']').is_none_or(|address| {
            address.is_empty()
                || !address
                    .bytes()
                    .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        }),
        None => host.is_empty() || host.bytes().any(|b| FORBIDDEN_IN_HOSTS.contains(&b)),
    };
    if bad {
        return Err(format!(
            "expected a host after the scheme (a name like example.com, or an IPv6 address in [ ]), found {}",
            quote(host)
        ));
    }
    if !port.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "expected a port number after the host {}, found {}",
            quote(host),
            quote(port)
        ));
    }
    if port.len() > 5 || port.parse::<u32>().is_ok_and(|p| p > 65_535) {
        return Err(format!(
            "expected a port number of at most 65535, found {}",
            quote(port)
        ));
    }
    Ok(())
}

/// What a WHATWG URL parser refuses in a host, besides controls (already
/// refused), and `%` (refused here rather than percent-decoded).
const FORBIDDEN_IN_HOSTS: &[u8] = b" #%/:<>?@[\\]^|";

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
            quote(&bad.to_string())
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
/// (One copy for every kind of candidate list: it takes them as `dyn`.)
pub fn suggest<'a>(word: &str, candidates: &mut dyn Iterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_ascii_lowercase();
    let length = lower.chars().count();
    let allowed = (word.chars().count() / 3).clamp(1, 3);
    candidates
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
    fn links_are_read_as_browsers_read_them() {
        assert_eq!(
            check_url(" https://example.com/a ").as_deref(),
            Ok("https://example.com/a")
        );
        assert_eq!(
            check_url("MAILTO:help@example.com").as_deref(),
            Ok("MAILTO:help@example.com")
        );
        for fine in [
            "https://example.com:8443/a?b#c",
            "http://example.com:/",
            "http://[::1]:8080/",
            "https://xn--bcher-kva.example/",
            "http://127.0.0.1/",
            "https:\\\\example.com\\a",
            "mailto:someone@example.com",
            "https://example.com/path:with@colons",
        ] {
            assert!(
                check_url(fine).is_ok(),
                "{fine:?} was refused: {:?}",
                check_url(fine)
            );
        }
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
            "https://javascript:example.com/checkout",
            "https://javascript:alert(1)",
            "https://user:pass@example.com/",
            "https://example.com@evil.example/",
            "http://example.com:65536/",
            "http://example.com:99999999999999999999/",
            "https://",
            "http://exa mple.com/",
            "http://[::1/",
            "http://[zz]/",
            "http://ex<a>mple.com/",
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
        assert_eq!(
            suggest("nmae", &mut ["name", "goal"].into_iter()),
            Some("name")
        );
        assert_eq!(
            suggest("pain", &mut ["pains", "actions"].into_iter()),
            Some("pains")
        );
        assert_eq!(suggest("zzzzzz", &mut ["name", "goal"].into_iter()), None);
    }
}
