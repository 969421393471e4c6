//! JSON text to a JSON value, with syntax errors people can act on.
//!
//! serde_json does the parsing (and so the nesting limit and the refusal of
//! non-finite numbers); this module adds the size limit, accepts a leading
//! byte-order mark, and rewords serde_json's messages.

use crate::diagnostic::Diagnostic;
use serde_json::Value;

/// The largest document accepted, in bytes of UTF-8 (5 MB).
pub const MAX_DOCUMENT_BYTES: usize = 5_000_000;

/// How deep serde_json lets arrays and objects nest.
pub const MAX_NESTING: usize = 128;

pub fn parse_json(text: &str) -> Result<Value, Diagnostic> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(Diagnostic {
            path: "$".into(),
            line: None,
            column: None,
            message: format!(
                "the document is {} bytes; the limit is {MAX_DOCUMENT_BYTES} bytes (5 MB)",
                text.len()
            ),
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Diagnostic {
            path: "$".into(),
            line: Some(1),
            column: Some(1),
            message: "the document is empty; expected a JSON object with \"title\" and \"stages\""
                .into(),
        });
    }
    serde_json::from_str(text).map_err(|error| Diagnostic {
        path: "$".into(),
        line: Some(error.line()),
        column: Some(error.column().max(1)),
        message: reword(&error),
    })
}

fn reword(error: &serde_json::Error) -> String {
    let raw = error.to_string();
    let bare = raw
        .rsplit_once(" at line ")
        .map_or(raw.as_str(), |(message, _)| message);
    match bare {
        "EOF while parsing an object" | "EOF while parsing a list" => {
            "the document ends too early: an object or array is not closed".into()
        }
        "EOF while parsing a string" => "the document ends inside a string".into(),
        "EOF while parsing a value" => "the document ends too early: expected a value".into(),
        "trailing characters" => {
            "unexpected text after the end of the JSON document; expected nothing more".into()
        }
        "recursion limit exceeded" => {
            format!("arrays and objects nest more than {MAX_NESTING} levels deep")
        }
        "number out of range" => {
            "number out of range: numbers must be finite (no larger than about 1.8e308)".into()
        }
        "key must be a string" => "expected an object key in double quotes".into(),
        "expected `:`" => "expected `:` after the object key".into(),
        "expected `,` or `}`" => "expected `,` or `}` after the object member".into(),
        "expected `,` or `]`" => "expected `,` or `]` after the array element".into(),
        "trailing comma" => "a trailing comma is not allowed in JSON; remove it".into(),
        other => format!("invalid JSON: {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let error = parse_json("{\n  \"title\": \"x\",\n}").unwrap_err();
        assert_eq!((error.line, error.column), (Some(3), Some(1)));
        assert_eq!(
            error.message,
            "a trailing comma is not allowed in JSON; remove it"
        );
    }

    #[test]
    fn byte_order_mark_is_accepted() {
        assert!(parse_json("\u{feff}{}").is_ok());
    }
}
