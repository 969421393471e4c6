//! Numbers as text: at most two decimals, no trailing zeros, never `-0`,
//! `NaN` or `inf`; for readers, grouped and punctuated the way a language
//! writes them ([`fn@format`], [`percent`] with a [`NumberFormat`]).
//!
//! Written with integer arithmetic, so the digits are the same natively and
//! in the browser, whatever the host's locale, and the wasm carries no
//! float-formatting code. Digits are always the Latin 0–9 and the minus sign
//! the ASCII `-`, in every language (see `docs/languages.md`).

/// Appends `value` rounded to two decimals (`12`, `12.5`, `-0.25`); a
/// non-finite value is written `0`.
pub fn write_number(out: &mut String, value: f64) {
    if !value.is_finite() {
        out.push('0');
        return;
    }
    let scaled = (value.abs() * 100.0).round();
    if scaled >= 1e17 {
        // Beyond exact integers: the shortest form that reads back the same.
        let shortest = serde_json::Number::from_f64(value).map(|n| n.to_string());
        out.push_str(shortest.as_deref().unwrap_or("0"));
        return;
    }
    let hundredths = scaled as u64;
    if hundredths == 0 {
        out.push('0');
        return;
    }
    if value < 0.0 {
        out.push('-');
    }
    push_digits(out, hundredths / 100);
    let fraction = hundredths % 100;
    if fraction != 0 {
        out.push('.');
        out.push(digit(fraction / 10));
        if !fraction.is_multiple_of(10) {
            out.push(digit(fraction % 10));
        }
    }
}

/// `value` in hundredths, rounded as [`write_number`] rounds it (0 when it is
/// not finite): paths written relative to their last point keep their
/// points in hundredths, so that no rounding error builds up.
pub fn hundredths(value: f64) -> i64 {
    if value.is_finite() {
        (value * 100.0).round() as i64
    } else {
        0
    }
}

/// Appends a number given in hundredths, as [`write_number`] writes it;
/// after another number of a path (`after_number`), parted from it by a
/// space, or by its own minus sign.
pub fn write_hundredths(out: &mut String, value: i64, after_number: bool) {
    if after_number && value >= 0 {
        out.push(' ');
    }
    write_number(out, value as f64 / 100.0);
}

fn digit(value: u64) -> char {
    char::from(b'0' + (value % 10) as u8)
}

/// The decimal digits of `value`, without the formatting machinery.
fn push_digits(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        if let Some(slot) = digits.get_mut(start) {
            *slot = b'0' + (value % 10) as u8;
        }
        value /= 10;
        if value == 0 || start == 0 {
            break;
        }
    }
    for &d in digits.iter().skip(start) {
        out.push(char::from(d));
    }
}

pub fn number(value: f64) -> String {
    let mut out = String::new();
    write_number(&mut out, value);
    out
}

/// How a language writes numbers for readers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberFormat {
    /// Between groups of digits: `","`, `"."`, `"'"`, U+00A0 or U+202F.
    pub group: &'static str,
    /// Before the fraction: `'.'` or `','`.
    pub decimal: char,
    /// CLDR's `minimumGroupingDigits`: the integer part is grouped only when
    /// it has at least this many digits beyond the first group (1: `1,234`;
    /// 2: `1234` but `12,345`).
    pub min_grouping: usize,
    /// Indian grouping: the first group of three, then groups of two
    /// (`1,20,000`).
    pub indian: bool,
    pub percent: Percent,
}

/// Where the percent sign goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Percent {
    /// `27%`
    After,
    /// `27 %`, with a no-break space (U+00A0) between.
    AfterSpace,
    /// `%27`
    Before,
}

impl NumberFormat {
    /// English as the renderer has always written it: grouped from five
    /// digits on.
    pub const ENGLISH: NumberFormat = NumberFormat {
        group: ",",
        decimal: '.',
        min_grouping: 2,
        indian: false,
        percent: Percent::After,
    };
}

/// `value` rounded to two decimals, its integer part grouped and its
/// fraction set off as `style` says (`12,000.5`, `12.000,5`, `1,20,000`).
pub fn format(value: f64, style: &NumberFormat) -> String {
    let plain = number(value);
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    if !rest.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        // The exponent form of huge numbers stays as it is.
        return plain;
    }
    let (whole, fraction) = match rest.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (rest, None),
    };
    let mut out = String::from(sign);
    if whole.len() < 3 + style.min_grouping {
        out.push_str(whole);
    } else {
        for (i, digit) in whole.chars().enumerate() {
            let left = whole.len() - i;
            let boundary = if style.indian && left > 3 {
                left % 2 == 1
            } else {
                left % 3 == 0
            };
            if i > 0 && boundary {
                out.push_str(style.group);
            }
            out.push(digit);
        }
    }
    if let Some(fraction) = fraction {
        out.push(style.decimal);
        out.push_str(fraction);
    }
    out
}

/// `value` (already in percent: `27.0` for 27 %) with the percent sign
/// where the language puts it: `27%`, `27 %`, `%27`.
pub fn percent(value: f64, style: &NumberFormat) -> String {
    let digits = format(value, style);
    match style.percent {
        Percent::After => digits + "%",
        Percent::AfterSpace => digits + "\u{a0}%",
        Percent::Before => match digits.strip_prefix('-') {
            Some(rest) => format!("-%{rest}"),
            None => format!("%{digits}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(number(12.0), "12");
        assert_eq!(number(12.345), "12.35");
        assert_eq!(number(12.5), "12.5");
        assert_eq!(number(-0.001), "0");
        assert_eq!(number(-0.25), "-0.25");
        assert_eq!(number(f64::NAN), "0");
        assert_eq!(number(f64::INFINITY), "0");
        assert_eq!(number(1e300), "1e+300");
    }

    #[test]
    fn readable_numbers_group_thousands() {
        assert_eq!(format(12400.0, &NumberFormat::ENGLISH), "12,400");
        assert_eq!(format(1000.0, &NumberFormat::ENGLISH), "1000");
        assert_eq!(format(3.9, &NumberFormat::ENGLISH), "3.9");
        assert_eq!(format(0.125, &NumberFormat::ENGLISH), "0.13");
        assert_eq!(format(-1234567.5, &NumberFormat::ENGLISH), "-1,234,567.5");
    }

    #[test]
    fn grouping_follows_the_style() {
        let mut style = NumberFormat {
            group: ".",
            decimal: ',',
            min_grouping: 1,
            indian: false,
            percent: Percent::Before,
        };
        assert_eq!(format(1234.5, &style), "1.234,5");
        assert_eq!(format(123.0, &style), "123");
        assert_eq!(format(-1234567.0, &style), "-1.234.567");
        assert_eq!(percent(-27.0, &style), "-%27");
        assert_eq!(format(1e300, &style), "1e+300");
        style.indian = true;
        assert_eq!(format(120000.0, &style), "1.20.000");
        assert_eq!(format(12345678.0, &style), "1.23.45.678");
        assert_eq!(format(1234.0, &style), "1.234");
    }
}
