//! Placeholder until the text module lands.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Weight {
    Regular,
    Bold,
}
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Direction {
    Ltr,
    Rtl,
}
pub fn text_width(text: &str, size: f64, _w: Weight) -> f64 {
    text.chars().count() as f64 * size * 0.55
}
pub fn direction(_t: &str) -> Direction {
    Direction::Ltr
}
pub fn wrap(text: &str, max: f64, size: f64, w: Weight) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let cand = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if text_width(&cand, size, w) > max && !line.is_empty() {
                out.push(std::mem::take(&mut line));
                line = word.to_string();
            } else {
                line = cand;
            }
        }
        out.push(line);
    }
    out
}
pub const FONT_FAMILY: &str = "Liberation Sans, Arial, Helvetica, sans-serif";
