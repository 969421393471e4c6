//! JSON text to a JSON value, with syntax errors people can act on.
//!
//! serde_json does the parsing (and so the nesting limit and the refusal of
//! non-finite numbers); this module adds the size limit, accepts a leading
//! byte-order mark, and rewords serde_json's messages.

use crate::diagnostic::{Diagnostic, JsonPath, Location};
use serde_json::Value;

/// The largest document accepted, in bytes of UTF-8 (5 MB).
pub const MAX_DOCUMENT_BYTES: usize = 5_000_000;

/// How deep arrays and objects may nest: serde_json's recursion limit of
/// 128 refuses the 128th level, so 127 levels are accepted.
pub const MAX_NESTING: usize = 127;

pub fn parse_json(text: &str) -> Result<Value, Diagnostic> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(Diagnostic::error(
            Location::document(),
            format!(
                "the document is {} bytes; the limit is {MAX_DOCUMENT_BYTES} bytes (5 MB)",
                text.len()
            ),
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Diagnostic::at_json(
            JsonPath::default(),
            Some((1, 1)),
            "the document is empty; expected a JSON object with \"title\" and \"stages\"",
        ));
    }
    serde_json::from_str(text).map_err(|error| syntax_error(text, &error))
}

/// What serde_json's messages end with, before the line and column.
const AT_LINE: &str = " at line ";

/// A serde_json error as a diagnostic: the column counted in characters
/// (serde_json counts bytes), the message reworded, with what was found.
fn syntax_error(text: &str, error: &serde_json::Error) -> Diagnostic {
    let line_start = match error.line() {
        0 | 1 => 0,
        line => text
            .match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1),
    };
    let mut offset = (line_start + error.column().saturating_sub(1)).min(text.len());
    let raw = error.to_string();
    // Found by bytes: `rsplit_once` would link std's substring search, and
    // its panics, into the wasm.
    let bare = raw
        .as_bytes()
        .windows(AT_LINE.len())
        .rposition(|window| window == AT_LINE.as_bytes())
        .and_then(|at| raw.get(..at))
        .unwrap_or(&raw);
    if bare == "number out of range" {
        // serde_json points at the number's last digit; point at its first.
        while offset > line_start
            && text.as_bytes().get(offset - 1).is_some_and(|b| {
                b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-')
            })
        {
            offset -= 1;
        }
    }
    let column = text.get(line_start..).map_or(0, |line| {
        line.char_indices()
            .take_while(|(i, _)| line_start + i < offset)
            .count()
    }) + 1;
    Diagnostic::at_json(
        JsonPath::default(),
        Some((error.line().max(1), column)),
        reword(bare, text.get(offset..).unwrap_or("")),
    )
}

/// The token at the start of `rest`, for "found …": a string, word or
/// number whole (up to a few dozen characters), any other character alone.
fn token(rest: &str) -> Option<String> {
    let first = rest.chars().next()?;
    if first == '"' {
        let string: String = rest
            .char_indices()
            .take_while(|&(i, c)| i == 0 || c != '"')
            .map(|(_, c)| c)
            .take(30)
            .map(printable)
            .collect();
        return Some(format!("`{string}\"`"));
    }
    let word: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-' | '_'))
        .take(20)
        .collect();
    Some(if word.is_empty() {
        format!("`{}`", printable(first))
    } else {
        format!("`{word}`")
    })
}

/// A character as a message may print it: controls and bidirectional
/// formatting characters as `\u{…}`.
fn printable(c: char) -> String {
    if crate::diagnostic::is_unsafe_in_messages(c) {
        c.escape_unicode().to_string()
    } else {
        c.to_string()
    }
}

fn reword(bare: &str, rest: &str) -> String {
    let found = token(rest);
    let found_text = found
        .as_deref()
        .map_or(String::from("the end of the document"), str::to_owned);
    if rest.starts_with("//") || rest.starts_with("/*") {
        return "expected JSON, found a comment: JSON has no comments; remove it".into();
    }
    match bare {
        "EOF while parsing an object" | "EOF while parsing a list" => {
            "the document ends too early: an object or array is not closed".into()
        }
        "EOF while parsing a string" => "the document ends inside a string".into(),
        "EOF while parsing a value" => "the document ends too early: expected a value".into(),
        "trailing characters" => {
            format!("expected the end of the document after the JSON value, found {found_text}")
        }
        "recursion limit exceeded" => format!(
            "expected arrays and objects nested at most {MAX_NESTING} levels deep, found deeper nesting"
        ),
        "number out of range" => format!(
            "expected a finite number (at most about 1.8e308), found {found_text}, which is out of range"
        ),
        "expected value" | "expected ident" | "invalid number"
            if ["NaN", "Infinity", "-Infinity", "+Infinity"]
                .iter()
                .any(|word| rest.starts_with(word)) =>
        {
            format!(
                "expected a number, found {found_text}: JSON numbers must be finite, and there is no NaN or Infinity"
            )
        }
        "expected value" | "expected ident" if rest.starts_with('\'') => {
            "expected a value, found `'`: JSON strings are written in double quotes".into()
        }
        "expected value" | "expected ident" => format!(
            "expected a value (a string, number, object, array, true, false or null), found {found_text}"
        ),
        "invalid number" => format!("expected a number, found {found_text}"),
        "key must be a string" if rest.starts_with('\'') => {
            "expected an object key in double quotes, found `'`: JSON strings are written in double quotes".into()
        }
        "key must be a string" => {
            format!("expected an object key in double quotes, found {found_text}")
        }
        "expected `:`" => format!("expected `:` after the object key, found {found_text}"),
        "expected `,` or `}`" => {
            format!("expected `,` or `}}` after the object member, found {found_text}")
        }
        "expected `,` or `]`" => {
            format!("expected `,` or `]` after the array element, found {found_text}")
        }
        "trailing comma" => "a trailing comma is not allowed in JSON; remove it".into(),
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "a string may not hold a raw control character such as a line break or tab; write it as an escape (\\n, \\t)".into()
        }
        "invalid escape" => {
            "expected an escape: one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX".into()
        }
        "unexpected end of hex escape" | "lone leading surrogate in hex escape" => {
            "expected a complete \\u escape; a lone surrogate (\\ud800 to \\udfff without its pair) is not a character"
                .into()
        }
        "invalid unicode code point" => "expected a \\u escape of a valid character".into(),
        other => format!("invalid JSON: {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The error for `text`, or a diagnostic saying there was none.
    fn error_of(text: &str) -> Diagnostic {
        parse_json(text)
            .err()
            .unwrap_or(Diagnostic::error(Location::document(), "no error"))
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let error = error_of("{\n  \"title\": \"x\",\n}");
        assert_eq!((error.line(), error.column()), (Some(3), Some(1)));
        assert_eq!(
            error.message,
            "a trailing comma is not allowed in JSON; remove it"
        );
    }

    #[test]
    fn nesting_stops_at_the_documented_depth() {
        let nested = |depth: usize| "[".repeat(depth) + &"]".repeat(depth);
        assert!(parse_json(&nested(MAX_NESTING)).is_ok());
        let error = error_of(&nested(MAX_NESTING + 1));
        assert!(
            error.message.contains("nested at most"),
            "{}",
            error.message
        );
        // At the first bracket over the limit.
        assert_eq!(error.column(), Some(MAX_NESTING + 1));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let error = error_of("{\"a\": \"é—ü\" ]");
        assert_eq!((error.line(), error.column()), (Some(1), Some(13)));
    }

    #[test]
    fn numbers_out_of_range_are_located_at_their_start() {
        let error = error_of("{\"score\": -1.5e999}");
        assert_eq!(error.column(), Some(11));
        assert!(error.message.contains("`-1.5e999`"), "{}", error.message);
    }

    #[test]
    fn byte_order_mark_is_accepted() {
        assert!(parse_json("\u{feff}{}").is_ok());
    }
}
