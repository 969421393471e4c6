//! Diagnostics: what went wrong, where, and what to do about it.
//!
//! Every stage that can fail (parsing and validation) reports through
//! [`Diagnostic`], so the CLI, the wasm boundary and the tests print errors
//! the same way: `FILE:LINE:COL: PATH: MESSAGE`.

use serde::Serialize;
use std::fmt;

/// One step of a JSON path: an object member or an array element.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// A location in the JSON document, from the root down.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JsonPath(pub Vec<Segment>);

/// Path builders for the tests; the validator builds its paths as it goes.
#[cfg(test)]
impl JsonPath {
    pub fn root() -> Self {
        JsonPath(Vec::new())
    }

    pub fn key(&self, key: &str) -> Self {
        let mut segments = self.0.clone();
        segments.push(Segment::Key(key.to_owned()));
        JsonPath(segments)
    }

    pub fn index(&self, index: usize) -> Self {
        let mut segments = self.0.clone();
        segments.push(Segment::Index(index));
        JsonPath(segments)
    }
}

impl fmt::Display for JsonPath {
    /// `stages[2].cells.pains[0].score`; `$` for the document itself; keys
    /// that are not plain identifiers are quoted: `cells["my lane"]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("$");
        }
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Index(index) => write!(f, "[{index}]")?,
                Segment::Key(key) if is_plain_key(key) && key.len() <= QUOTE_AT_MOST => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(key)?;
                }
                Segment::Key(key) => write!(f, "[{}]", quote(key))?,
            }
        }
        Ok(())
    }
}

fn is_plain_key(key: &str) -> bool {
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '$')
}

/// The most characters of a document's text a message quotes.
pub const QUOTE_AT_MOST: usize = 60;

/// A string as JSON would write it, for messages; besides the C0 controls
/// JSON escapes, DEL, the C1 controls and the bidirectional formatting
/// characters are written as `\uXXXX` too, so that a message printed to a
/// terminal can neither carry escape sequences nor reorder itself. A text
/// longer than [`QUOTE_AT_MOST`] characters is cut, with `…` after the
/// closing quote: `"a very long name th"…`.
pub fn quote(text: &str) -> String {
    if text.len() > QUOTE_AT_MOST && text.chars().nth(QUOTE_AT_MOST).is_some() {
        let start: String = text.chars().take(QUOTE_AT_MOST - 3).collect();
        return format!("{}…", quote(&start));
    }
    let quoted = serde_json::to_string(text).unwrap_or_else(|_| String::from("\"?\""));
    if !quoted.chars().any(is_unsafe_in_messages) {
        return quoted;
    }
    let mut out = String::with_capacity(quoted.len() + 8);
    for c in quoted.chars() {
        if is_unsafe_in_messages(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Characters a message must not print raw: controls (JSON already
/// escapes C0) and the bidirectional embeddings, overrides and isolates.
pub fn is_unsafe_in_messages(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// How bad a problem is: an error refuses the map, a warning (the
/// importer's, a linter's) only tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A 1-based line and column (columns count characters).
pub type LineColumn = (usize, usize);

/// Where a problem is.
#[derive(Debug, Clone, PartialEq)]
pub enum Location {
    /// In a JSON map: the path, and its line and column where known.
    Json {
        path: JsonPath,
        at: Option<LineColumn>,
    },
    /// In a Mermaid diagram: the statement (`section "Pay"`, `journey`) and
    /// its line and column where known.
    Mermaid {
        statement: String,
        at: Option<LineColumn>,
    },
    /// An option given beside the map (render options, a CLI flag).
    Option { name: String },
}

impl Location {
    /// The document as a whole, with no position.
    pub fn document() -> Location {
        Location::Json {
            path: JsonPath::default(),
            at: None,
        }
    }

    /// What is printed before the message: the JSON path, the Mermaid
    /// statement or the option's name.
    pub fn path(&self) -> String {
        match self {
            Location::Json { path, .. } => path.to_string(),
            Location::Mermaid { statement, .. } => statement.clone(),
            Location::Option { name } => name.clone(),
        }
    }

    pub fn at(&self) -> Option<LineColumn> {
        match self {
            Location::Json { at, .. } | Location::Mermaid { at, .. } => *at,
            Location::Option { .. } => None,
        }
    }
}

/// A problem found in a map or beside it: how bad, where, what, and
/// optionally what to do (the "did you mean").
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub location: Location,
    pub message: String,
    /// Printed after the message as `; HINT`.
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(location: Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            location,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(location: Location, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(location, message)
        }
    }

    /// An error at a JSON path, at a known position or none.
    pub fn at_json(path: JsonPath, at: Option<LineColumn>, message: impl Into<String>) -> Self {
        Diagnostic::error(Location::Json { path, at }, message)
    }

    /// An error about an option given beside the map.
    pub fn option(name: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(
            Location::Option {
                name: name.to_owned(),
            },
            message,
        )
    }

    pub fn with_hint(self, hint: Option<String>) -> Diagnostic {
        Diagnostic { hint, ..self }
    }

    /// The path (or statement, or option) the problem is printed at.
    pub fn path(&self) -> String {
        self.location.path()
    }

    pub fn line(&self) -> Option<usize> {
        self.location.at().map(|at| at.0)
    }

    pub fn column(&self) -> Option<usize> {
        self.location.at().map(|at| at.1)
    }

    /// The message with its hint, as printed.
    pub fn text(&self) -> String {
        match &self.hint {
            Some(hint) => format!("{}; {hint}", self.message),
            None => self.message.clone(),
        }
    }

    /// The form the CLI prints: `FILE:LINE:COL: PATH: MESSAGE`, with
    /// `LINE:COL` left out when unknown.
    pub fn display_in(&self, file: &str) -> String {
        match self.location.at() {
            Some(_) => format!("{file}:{self}"),
            None => format!("{file}: {self}"),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((line, column)) = self.location.at() {
            write!(f, "{line}:{column}: ")?;
        }
        write!(f, "{}: {}", self.path(), self.text())
    }
}

/// The form the wasm boundary hands to the browser shell: `path`, `line`,
/// `column`, `message` (with its hint, as printed), and `severity` and
/// `hint` on their own.
impl Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Diagnostic", 6)?;
        out.serialize_field("severity", &self.severity)?;
        out.serialize_field("path", &self.path())?;
        out.serialize_field("line", &self.line())?;
        out.serialize_field("column", &self.column())?;
        out.serialize_field("message", &self.text())?;
        out.serialize_field("hint", &self.hint)?;
        out.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_escapes_what_a_terminal_could_act_on() {
        assert_eq!(quote("a\u{1}b"), r#""a\u0001b""#);
        assert_eq!(quote("a\u{9b}31m\u{7f}"), r#""a\u009b31m\u007f""#);
        assert_eq!(quote("x\u{202e}y"), r#""x\u202ey""#);
        assert_eq!(quote("Café \"é\""), r#""Café \"é\"""#);
        let long = "é".repeat(QUOTE_AT_MOST + 1);
        assert_eq!(
            quote(&long),
            format!("\"{}\"…", "é".repeat(QUOTE_AT_MOST - 3))
        );
        assert_eq!(
            quote(&"é".repeat(QUOTE_AT_MOST)).chars().count(),
            QUOTE_AT_MOST + 2
        );
    }

    #[test]
    fn paths_quote_keys_that_are_not_plain() {
        let path = JsonPath::root()
            .key("stages")
            .index(2)
            .key("cells")
            .key("my lane")
            .index(0);
        assert_eq!(path.to_string(), r#"stages[2].cells["my lane"][0]"#);
        assert_eq!(JsonPath::root().to_string(), "$");
    }
}
