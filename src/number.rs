//! Numbers as text: at most two decimals, no trailing zeros, never `-0`,
//! `NaN` or `inf`.
//!
//! Written with integer arithmetic, so the digits are the same natively and
//! in the browser, and the wasm carries no float-formatting code.

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

/// Numbers as people read them in a report: two decimals at most, and the
/// thousands grouped from five digits on (`12,400`, `1000`, `3.9`).
pub fn readable(value: f64) -> String {
    let plain = number(value);
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (whole, fraction) = match rest.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (rest, None),
    };
    if whole.len() <= 4 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return plain;
    }
    let mut grouped = String::from(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if let Some(fraction) = fraction {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    grouped
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
        assert_eq!(readable(12400.0), "12,400");
        assert_eq!(readable(1000.0), "1000");
        assert_eq!(readable(3.9), "3.9");
        assert_eq!(readable(0.125), "0.13");
        assert_eq!(readable(-1234567.5), "-1,234,567.5");
    }
}
