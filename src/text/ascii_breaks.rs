//! UAX #14 for ASCII text from a small pair table.
//!
//! Exists because most card text is ASCII, and this table finds its break
//! opportunities about twice as fast as the general Unicode tables of
//! `unicode-linebreak`, with exactly the same answers (tests compare the
//! two on every string of up to 4 characters, one per class, and on random
//! ASCII strings).

use unicode_linebreak::BreakOpportunity;

/// The break opportunities of ASCII `text`, listed as
/// `unicode_linebreak::linebreaks` lists them: the position before each
/// character where a break may or must happen, then the mandatory break at
/// the end of a non-empty text (LB3).
pub(crate) fn ascii_linebreaks(text: &str) -> AsciiBreaks<'_> {
    AsciiBreaks {
        bytes: text.as_bytes().iter().enumerate(),
        len: text.len(),
        breaker: AsciiBreaker::new(),
        done: text.is_empty(),
    }
}

/// Iterator returned by [`ascii_linebreaks`].
pub(crate) struct AsciiBreaks<'a> {
    bytes: std::iter::Enumerate<std::slice::Iter<'a, u8>>,
    len: usize,
    breaker: AsciiBreaker,
    done: bool,
}

impl Iterator for AsciiBreaks<'_> {
    type Item = (usize, BreakOpportunity);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        for (at, &byte) in self.bytes.by_ref() {
            if let Some(kind) = self.breaker.step(ascii_class(byte)) {
                return Some((at, kind));
            }
        }
        if self.done {
            return None;
        }
        self.done = true;
        Some((self.len, BreakOpportunity::Mandatory))
    }
}

/// UAX #14 line breaking classes of the ASCII characters (as given by
/// `unicode_linebreak::break_property`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Letters, `# & * < = > @ ^ _ ~` and the backtick (AL).
    Al,
    /// Digits (NU).
    Nu,
    /// `. , : ;` (IS).
    Is,
    /// `' "` (QU).
    Qu,
    /// `! ?` (EX).
    Ex,
    /// Space (SP).
    Sp,
    /// Tab and `|` (BA).
    Ba,
    /// Line feed (LF).
    Lf,
    /// Carriage return (CR).
    Cr,
    /// Vertical tab and form feed (BK).
    Bk,
    /// Other control characters (CM).
    Cm,
    /// `-` (HY).
    Hy,
    /// `/` (SY).
    Sy,
    /// `( [ {` (OP).
    Op,
    /// `) ]` (CP).
    Cp,
    /// `}` (CL).
    Cl,
    /// `$ + \` (PR).
    Pr,
    /// `%` (PO).
    Po,
}

/// [`class_of`] for each ASCII byte. (Built by the compiler: its indexing
/// cannot fail at run time.)
#[allow(clippy::indexing_slicing)]
const ASCII_CLASSES: [Class; 128] = {
    let mut table = [Class::Cm; 128];
    let mut byte = 0;
    while byte < 128 {
        table[byte as usize] = class_of(byte);
        byte += 1;
    }
    table
};

const fn class_of(byte: u8) -> Class {
    match byte {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Al,
        b'#' | b'&' | b'*' | b'<' | b'=' | b'>' | b'@' | b'^' | b'_' | b'`' | b'~' => Class::Al,
        b'0'..=b'9' => Class::Nu,
        b'.' | b',' | b':' | b';' => Class::Is,
        b'\'' | b'"' => Class::Qu,
        b'!' | b'?' => Class::Ex,
        b' ' => Class::Sp,
        b'\t' | b'|' => Class::Ba,
        b'\n' => Class::Lf,
        b'\r' => Class::Cr,
        0x0B | 0x0C => Class::Bk,
        b'-' => Class::Hy,
        b'/' => Class::Sy,
        b'(' | b'[' | b'{' => Class::Op,
        b')' | b']' => Class::Cp,
        b'}' => Class::Cl,
        b'$' | b'+' | b'\\' => Class::Pr,
        b'%' => Class::Po,
        _ => Class::Cm,
    }
}

/// Class of an ASCII byte (bytes >= 0x80 never occur: ASCII text only).
#[inline]
fn ascii_class(byte: u8) -> Class {
    ASCII_CLASSES
        .get(usize::from(byte))
        .copied()
        .unwrap_or(Class::Al)
}

/// UAX #14 (Unicode 15.0, as in `unicode-linebreak`) for ASCII text: fed
/// the classes of a text's characters in order, gives the opportunity
/// before each one exactly as `unicode_linebreak::linebreaks` does.
struct AsciiBreaker {
    /// Row of [`PAIR_TABLE`]: the state after the previous character.
    row: usize,
}

/// Number of [`Class`]es.
const CLASSES: usize = 18;
/// Every [`Class`], indexed by its discriminant.
const ALL_CLASSES: [Class; CLASSES] = [
    Class::Al,
    Class::Nu,
    Class::Is,
    Class::Qu,
    Class::Ex,
    Class::Sp,
    Class::Ba,
    Class::Lf,
    Class::Cr,
    Class::Bk,
    Class::Cm,
    Class::Hy,
    Class::Sy,
    Class::Op,
    Class::Cp,
    Class::Cl,
    Class::Pr,
    Class::Po,
];
/// Rows `0..CLASSES`: after a non-space character of that class. Rows
/// `CLASSES..2 * CLASSES`: after spaces that follow a character of class
/// `row - CLASSES`. Then: after spaces at the start of the text, and the
/// start of the text.
const ROWS: usize = 2 * CLASSES + 2;
const ROW_LEADING_SPACES: usize = 2 * CLASSES;
const ROW_START: usize = 2 * CLASSES + 1;

/// [`PAIR_TABLE`] entries.
const NO_BREAK: u8 = 0;
const ALLOWED: u8 = 1;
const MANDATORY: u8 = 2;
/// A combining mark attached to the previous character (LB9): no break and
/// no change of state.
const ATTACH: u8 = 3;

/// Opportunity code for each state (row) and next class (column). (Built
/// by the compiler: its indexing cannot fail at run time.)
#[allow(clippy::indexing_slicing)]
const PAIR_TABLE: [[u8; CLASSES]; ROWS] = {
    let mut table = [[NO_BREAK; CLASSES]; ROWS];
    let mut row = 0;
    while row < ROWS {
        let (prev, before_spaces) = if row < CLASSES {
            (Some(ALL_CLASSES[row]), Some(ALL_CLASSES[row]))
        } else if row < ROW_LEADING_SPACES {
            (Some(Class::Sp), Some(ALL_CLASSES[row - CLASSES]))
        } else if row == ROW_LEADING_SPACES {
            (Some(Class::Sp), None)
        } else {
            (None, None)
        };
        let mut column = 0;
        while column < CLASSES {
            let next = ALL_CLASSES[column];
            table[row][column] = match prev {
                // LB2: never break at the start of the text.
                None => NO_BREAK,
                // LB9: a combining mark continues the previous character
                // (unless that is a line break or a space), without a break.
                Some(prev)
                    if matches!(next, Class::Cm)
                        && !matches!(prev, Class::Bk | Class::Cr | Class::Lf | Class::Sp) =>
                {
                    ATTACH
                }
                // LB10: any other combining mark is a letter.
                Some(prev) if matches!(next, Class::Cm) => {
                    pair_break(prev, before_spaces, Class::Al)
                }
                Some(prev) => pair_break(prev, before_spaces, next),
            };
            column += 1;
        }
        row += 1;
    }
    table
};

impl AsciiBreaker {
    fn new() -> Self {
        AsciiBreaker { row: ROW_START }
    }

    /// The opportunity before a character of class `next`, which then
    /// becomes the previous one. The opportunity at the end of a non-empty
    /// text, not asked for here, is always mandatory (LB3).
    #[inline]
    fn step(&mut self, next: Class) -> Option<BreakOpportunity> {
        let code = PAIR_TABLE
            .get(self.row)
            .and_then(|row| row.get(next as usize))
            .copied()
            .unwrap_or(NO_BREAK);
        self.row = match next {
            _ if code == ATTACH => self.row,
            Class::Sp if self.row < CLASSES => self.row.saturating_add(CLASSES),
            Class::Sp if self.row == ROW_START => ROW_LEADING_SPACES,
            Class::Sp => self.row,
            Class::Cm => Class::Al as usize,
            _ => next as usize,
        };
        match code {
            ALLOWED => Some(BreakOpportunity::Allowed),
            MANDATORY => Some(BreakOpportunity::Mandatory),
            _ => None,
        }
    }
}

/// [`PAIR_TABLE`] code for a character of class `prev` followed by one of
/// class `next` (not a combining mark); `before_spaces` is the class of the
/// last non-space character before them, if any.
const fn pair_break(prev: Class, before_spaces: Option<Class>, next: Class) -> u8 {
    use Class::{Al, Ba, Bk, Cl, Cp, Cr, Ex, Hy, Is, Lf, Nu, Op, Po, Pr, Qu, Sp, Sy};
    match (prev, next) {
        // LB4, LB5: break after line breaks, but not inside CR LF.
        (Cr, Lf) => NO_BREAK,
        (Bk | Cr | Lf, _) => MANDATORY,
        // LB6, LB7: not before line breaks or spaces. LB13: not before
        // closing punctuation, `!`, `?`, infix separators or `/`, even
        // after spaces.
        (_, Bk | Cr | Lf | Sp | Cl | Cp | Ex | Is | Sy) => NO_BREAK,
        // LB14: not after an opening bracket, even after spaces.
        (Op, _) => NO_BREAK,
        (Sp, _) => match (before_spaces, next) {
            (Some(Op), _) | (Some(Qu), Op) => NO_BREAK, // LB14, LB15
            _ => ALLOWED,                               // LB18
        },
        // LB19: not around quotes. LB21: not before tab, `|` or `-`.
        (Qu, _) | (_, Qu | Ba | Hy) => NO_BREAK,
        // LB23, LB28, LB30: letters, digits and following opening brackets.
        (Al | Nu, Al | Nu | Op) => NO_BREAK,
        // LB24, LB25: numbers with prefixes, postfixes and separators.
        (Hy | Is | Sy | Pr | Po, Nu) | (Pr | Po, Al | Op) | (Al | Nu | Cp | Cl, Pr | Po) => {
            NO_BREAK
        }
        // LB29: `.` before letters. LB30: closing parenthesis before letters
        // and digits.
        (Is, Al) | (Cp, Al | Nu) => NO_BREAK,
        // LB31: break everywhere else.
        _ => ALLOWED,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_linebreak::linebreaks;

    fn ascii_breaks(text: &str) -> Vec<(usize, BreakOpportunity)> {
        ascii_linebreaks(text).collect()
    }

    #[test]
    fn ascii_classes_match_unicode_linebreak() {
        use unicode_linebreak::{BreakClass, break_property};
        for byte in 0u8..128 {
            let expected = match ascii_class(byte) {
                Class::Al => BreakClass::Alphabetic,
                Class::Nu => BreakClass::Numeric,
                Class::Is => BreakClass::InfixSeparator,
                Class::Qu => BreakClass::Quotation,
                Class::Ex => BreakClass::Exclamation,
                Class::Sp => BreakClass::Space,
                Class::Ba => BreakClass::After,
                Class::Lf => BreakClass::LineFeed,
                Class::Cr => BreakClass::CarriageReturn,
                Class::Bk => BreakClass::Mandatory,
                Class::Cm => BreakClass::CombiningMark,
                Class::Hy => BreakClass::Hyphen,
                Class::Sy => BreakClass::Symbol,
                Class::Op => BreakClass::OpenPunctuation,
                Class::Cp => BreakClass::CloseParenthesis,
                Class::Cl => BreakClass::ClosePunctuation,
                Class::Pr => BreakClass::Prefix,
                Class::Po => BreakClass::Postfix,
            };
            assert_eq!(break_property(u32::from(byte)), expected, "{byte:#x}");
        }
        for (index, class) in ALL_CLASSES.iter().enumerate() {
            assert_eq!(*class as usize, index);
        }
    }

    #[test]
    fn ascii_breaker_matches_unicode_linebreak_exhaustively() {
        // One character per class; every string of up to 4 of them.
        const REPRESENTATIVES: &[u8] = b"a1.'! \t\n\r\x0b\x01-/()}$%";
        assert_eq!(REPRESENTATIVES.len(), CLASSES);
        let mut strings: Vec<Vec<u8>> = vec![Vec::new()];
        let mut previous = strings.clone();
        for _ in 0..4 {
            let longer: Vec<Vec<u8>> = previous
                .iter()
                .flat_map(|s| {
                    REPRESENTATIVES.iter().map(move |&b| {
                        let mut s = s.clone();
                        s.push(b);
                        s
                    })
                })
                .collect();
            strings.extend(longer.iter().cloned());
            previous = longer;
        }
        assert_eq!(
            strings.len(),
            1 + 18 + 18 * 18 + 18 * 18 * 18 + 18 * 18 * 18 * 18
        );
        for bytes in &strings {
            let text = std::str::from_utf8(bytes).unwrap_or_default();
            let expected: Vec<_> = linebreaks(text).collect();
            assert_eq!(ascii_breaks(text), expected, "{text:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn ascii_breaker_matches_unicode_linebreak(bytes in prop::collection::vec(0u8..128, 0..60)) {
            let text = String::from_utf8(bytes).unwrap_or_default();
            prop_assert_eq!(ascii_breaks(&text), linebreaks(&text).collect::<Vec<_>>());
        }

        #[test]
        fn ascii_breaker_matches_on_text_like_input(text in "[ -~\t\n]{0,80}") {
            prop_assert_eq!(ascii_breaks(&text), linebreaks(&text).collect::<Vec<_>>());
        }
    }
}
