//! Paragraph direction: whether a text runs right to left.
//!
//! Exists because the renderer must set `direction` and anchor the lines of
//! a right-to-left text at the right edge of its box, while wrapping keeps
//! lines in logical order; the first strong character decides (UAX #9, P2
//! and P3, approximated).

/// Base direction of a paragraph (and of a whole map: `"ltr"`, `"rtl"` in
/// the layout JSON).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right.
    #[default]
    Ltr,
    /// Right to left.
    Rtl,
}

/// Direction of `text` from its first strong character (UAX #9 rules P2–P3,
/// approximated): letters of right-to-left scripts (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko, Samaritan, Mandaic, Adlam, historic RTL scripts) and RLM/ALM
/// give [`Direction::Rtl`]; other letters (Latin, Greek, Cyrillic, CJK, ...)
/// and LRM give [`Direction::Ltr`]. Digits, punctuation, symbols, emoji and
/// text inside directional isolates are neutral; text without a strong
/// character is [`Direction::Ltr`].
#[must_use]
pub fn direction(text: &str) -> Direction {
    let mut isolates: u32 = 0;
    for c in text.chars() {
        match c {
            '\u{2066}'..='\u{2068}' => isolates = isolates.saturating_add(1),
            '\u{2069}' => isolates = isolates.saturating_sub(1),
            _ if isolates > 0 => {}
            '\u{200E}' => return Direction::Ltr,
            '\u{200F}' | '\u{061C}' => return Direction::Rtl,
            _ if c.is_alphabetic() => {
                return if is_rtl_letter(c) {
                    Direction::Rtl
                } else {
                    Direction::Ltr
                };
            }
            _ => {}
        }
    }
    Direction::Ltr
}

/// Whether an alphabetic character belongs to a right-to-left script block.
fn is_rtl_letter(c: char) -> bool {
    matches!(
        u32::from(c),
        // Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic
        // supplements and extensions.
        0x0590..=0x08FF
            // Hebrew and Arabic presentation forms.
            | 0xFB1D..=0xFDFF
            | 0xFE70..=0xFEFF
            // Historic RTL scripts, Hanifi Rohingya, Yezidi, Sogdian, ...
            | 0x10800..=0x10FFF
            // Mende Kikakui, Adlam, Arabic mathematical symbols.
            | 0x1E800..=0x1EFFF
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_uses_first_strong_character() {
        assert_eq!(direction(""), Direction::Ltr);
        assert_eq!(direction("123 !?"), Direction::Ltr);
        assert_eq!(direction("Hello שלום"), Direction::Ltr);
        assert_eq!(direction("123 שלום Hello"), Direction::Rtl);
        assert_eq!(direction("«مرحبا»"), Direction::Rtl);
        assert_eq!(direction("١٢٣ abc"), Direction::Ltr); // Arabic-Indic digits are weak
        assert_eq!(direction("ܫܠܡܐ"), Direction::Rtl); // Syriac
        assert_eq!(direction("ދިވެހި"), Direction::Rtl); // Thaana
        assert_eq!(direction("ߒߞߏ"), Direction::Rtl); // NKo
        assert_eq!(direction("日本語 שלום"), Direction::Ltr);
        assert_eq!(direction("\u{1F600} Ελληνικά"), Direction::Ltr);
        assert_eq!(direction("\u{200F}abc"), Direction::Rtl);
        assert_eq!(direction("\u{2067}abc\u{2069}שלום"), Direction::Rtl); // isolate skipped
    }
}
