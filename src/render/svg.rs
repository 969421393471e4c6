//! A small SVG writer that owns escaping and number formatting.
//!
//! Element and attribute names are `&'static str`: they can only come from
//! the code, never from a map. Attribute values and text are escaped here
//! and nowhere else, and every number goes through [`number`], so the same
//! layout always gives the same bytes.

use crate::layout::Rect;

/// An attribute value: text (escaped when written) or a number.
pub enum Value<'a> {
    Text(&'a str),
    Owned(String),
    Number(f64),
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(text: &'a str) -> Self {
        Value::Text(text)
    }
}

impl From<String> for Value<'_> {
    fn from(text: String) -> Self {
        Value::Owned(text)
    }
}

impl From<f64> for Value<'_> {
    fn from(number: f64) -> Self {
        Value::Number(number)
    }
}

impl From<usize> for Value<'_> {
    fn from(number: usize) -> Self {
        Value::Number(number as f64)
    }
}

pub type Attributes<'a> = [(&'static str, Value<'a>)];

pub use crate::number::number;

#[derive(Default)]
pub struct Svg {
    out: String,
    open: Vec<&'static str>,
}

impl Svg {
    fn start_tag(&mut self, name: &'static str, attributes: &Attributes<'_>) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            match value {
                Value::Text(text) => escape_into(&mut self.out, text, true),
                Value::Owned(text) => escape_into(&mut self.out, text, true),
                Value::Number(n) => crate::number::write_number(&mut self.out, *n),
            }
            self.out.push('"');
        }
    }

    /// Opens an element; [`Svg::close`] closes it.
    pub fn open(&mut self, name: &'static str, attributes: &Attributes<'_>) {
        self.start_tag(name, attributes);
        self.out.push('>');
        if is_container(name) {
            self.out.push('\n');
        }
        self.open.push(name);
    }

    /// An element with no content.
    pub fn empty(&mut self, name: &'static str, attributes: &Attributes<'_>) {
        self.start_tag(name, attributes);
        self.out.push_str("/>\n");
    }

    /// A `<rect>` of a class; corners rounded by `rx` when it is not 0.
    pub fn rect(&mut self, class: &'static str, rect: Rect, rx: f64) {
        let mut attributes: Vec<(&'static str, Value<'_>)> = vec![
            ("class", class.into()),
            ("x", rect.x.into()),
            ("y", rect.y.into()),
            ("width", rect.width.into()),
            ("height", rect.height.into()),
        ];
        if rx != 0.0 {
            attributes.push(("rx", rx.into()));
        }
        self.empty("rect", &attributes);
    }

    /// An element holding only text.
    pub fn text_element(&mut self, name: &'static str, attributes: &Attributes<'_>, text: &str) {
        self.open(name, attributes);
        self.text(text);
        self.close();
    }

    pub fn text(&mut self, text: &str) {
        escape_into(&mut self.out, text, false);
    }

    /// Raw markup written by the code itself (the style sheet); never input.
    pub fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    pub fn close(&mut self) {
        if let Some(name) = self.open.pop() {
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push('>');
            // One element a line among a container's children; inside
            // anything else (a `<title>` in a `<circle>`, a `<tspan>` in a
            // `<text>`) the closing tag follows at once.
            if self.open.last().is_none_or(|parent| is_container(parent)) {
                self.out.push('\n');
            }
        }
    }

    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out
    }
}

/// Elements whose children go on lines of their own, so that the output
/// reads (and diffs) one element a line; text stays on one line, since
/// white space there is content.
fn is_container(name: &str) -> bool {
    matches!(name, "svg" | "g" | "a")
}

/// Escapes markup characters, and drops the characters XML cannot carry.
///
/// Runs of ordinary characters are copied whole; only the characters that
/// need work are looked at one by one.
fn escape_into(out: &mut String, text: &str, attribute: bool) {
    let needs_work =
        |c: char| matches!(c, '&' | '<' | '>' | '"' | '\'' | '\u{fffe}' | '\u{ffff}') || c < ' ';
    let mut rest = text;
    while let Some((plain, tail)) = rest
        .find(needs_work)
        .and_then(|at| rest.split_at_checked(at))
    {
        out.push_str(plain);
        let mut chars = tail.chars();
        match chars.next() {
            Some('&') => out.push_str("&amp;"),
            Some('<') => out.push_str("&lt;"),
            Some('>') => out.push_str("&gt;"),
            Some('"') if attribute => out.push_str("&quot;"),
            Some('\'') if attribute => out.push_str("&apos;"),
            Some('\n' | '\t') if attribute => out.push(' '),
            Some(c @ ('"' | '\'' | '\n' | '\t')) => out.push(c),
            _ => {}
        }
        rest = chars.as_str();
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attributes() {
        let mut svg = Svg::default();
        svg.text_element(
            "text",
            &[("aria-label", "a\"b'<c>&".into())],
            "</text><script>&\u{1}",
        );
        assert_eq!(
            svg.finish(),
            "<text aria-label=\"a&quot;b&apos;&lt;c&gt;&amp;\">&lt;/text&gt;&lt;script&gt;&amp;</text>\n"
        );
    }
}
