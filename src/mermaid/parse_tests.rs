//! Unit tests of the statement reader (`parse.rs`).

use super::*;

#[test]
fn numbers_read_as_javascript_reads_decimals() {
    for (text, number) in [
        ("5", 5.0),
        ("+3", 3.0),
        ("2.5", 2.5),
        (".5", 0.5),
        ("5.", 5.0),
        ("1e0", 1.0),
        ("-10", -10.0),
    ] {
        assert_eq!(parse_number(text), Some(number), "{text}");
    }
    for text in [
        "", "+", ".", "e5", "1e", "0x5", "Infinity", "NaN", "five", "5 5",
    ] {
        assert_eq!(parse_number(text), None, "{text}");
    }
}

#[test]
fn block_text_drops_indentation_after_breaks() {
    assert_eq!(
        block_text("\n  A user journey for\n    family\n\n  shopping\n  "),
        "A user journey for\nfamily\nshopping"
    );
}
