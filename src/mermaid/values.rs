//! Values in statements as Mermaid reads them: numbers as JavaScript's
//! `Number()` reads decimals, and the text of an `accDescr { … }` block.

use super::source;

/// The text of an `accDescr { … }` block as Mermaid keeps it: trimmed, and
/// the indentation (and blank lines) after each line break removed.
pub(super) fn block_text(text: &str) -> String {
    let mut out = String::new();
    let mut after_break = false;
    for c in text.trim_matches(source::is_js_space).chars() {
        if after_break && source::is_js_space(c) {
            continue;
        }
        after_break = c == '\n';
        out.push(c);
    }
    out
}

/// A number as JavaScript's `Number()` reads a decimal one; `None` for
/// anything else (words, hexadecimal, `Infinity`).
pub(super) fn parse_number(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let digits = |from: usize| {
        bytes
            .iter()
            .skip(from)
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut i = usize::from(matches!(bytes.first(), Some(b'+' | b'-')));
    let whole = digits(i);
    i += whole;
    let mut fraction = 0;
    if bytes.get(i) == Some(&b'.') {
        fraction = digits(i + 1);
        i += 1 + fraction;
    }
    if whole + fraction == 0 {
        return None;
    }
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(bytes.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exponent = digits(i);
        if exponent == 0 {
            return None;
        }
        i += exponent;
    }
    if i != bytes.len() {
        return None;
    }
    text.parse().ok()
}

pub(super) fn show_number(number: f64) -> String {
    crate::number::number(number)
}
