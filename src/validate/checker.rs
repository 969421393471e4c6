//! Reading JSON values with every problem recorded: typed field access,
//! unknown-field detection, text limits and cleaning.

use super::rules::{clean_text, suggest};
use crate::diagnostic::{JsonPath, Segment, quote};
use serde_json::{Map as Object, Value};
use std::collections::HashSet;

/// Where in the document a value is: a chain of borrowed segments, so that
/// reading a large map allocates no paths until a problem is found.
#[derive(Clone, Copy)]
pub struct Here<'a> {
    parent: Option<&'a Here<'a>>,
    segment: Step<'a>,
}

#[derive(Clone, Copy)]
enum Step<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> Here<'a> {
    pub const ROOT: Here<'static> = Here {
        parent: None,
        segment: Step::Root,
    };

    pub fn key<'b>(&'b self, key: &'b str) -> Here<'b> {
        Here {
            parent: Some(self),
            segment: Step::Key(key),
        }
    }

    pub fn index(&self, index: usize) -> Here<'_> {
        Here {
            parent: Some(self),
            segment: Step::Index(index),
        }
    }

    pub fn path(&self) -> JsonPath {
        let mut segments = Vec::new();
        let mut here = Some(self);
        while let Some(h) = here {
            match h.segment {
                Step::Root => {}
                Step::Key(key) => segments.push(Segment::Key(key.to_owned())),
                Step::Index(index) => segments.push(Segment::Index(index)),
            }
            here = h.parent;
        }
        segments.reverse();
        JsonPath(segments)
    }
}

pub struct Problem {
    pub path: JsonPath,
    pub message: String,
}

#[derive(Default)]
pub struct Checker {
    pub problems: Vec<Problem>,
    /// Fields an unknown key was taken to be a misspelling of ("did you
    /// mean"), by the address of their object (the document outlives the
    /// checking, so addresses are stable) and name: when such a field is
    /// required, its absence is the same problem and is not reported again.
    suggested: HashSet<(usize, String)>,
}

/// An object's identity while the document is borrowed.
fn address(object: &Object<String, Value>) -> usize {
    std::ptr::from_ref(object) as usize
}

/// How a value looks, for "found …" in messages.
pub fn found(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) if s.chars().count() > 40 => {
            let start: String = s.chars().take(37).collect();
            format!("{}…", quote(&start))
        }
        Value::String(s) => quote(s),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

impl Checker {
    pub fn error(&mut self, here: Here<'_>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: here.path(),
            message: message.into(),
        });
    }

    /// A problem at a path kept from earlier in the reading.
    pub fn error_at(&mut self, path: JsonPath, message: impl Into<String>) {
        self.problems.push(Problem {
            path,
            message: message.into(),
        });
    }

    pub fn expected(&mut self, here: Here<'_>, expected: &str, value: &Value) {
        self.error(here, format!("expected {expected}, found {}", found(value)));
    }

    /// An object whose keys are all among `fields`; unknown keys are reported
    /// with the closest known one.
    pub fn object<'v>(
        &mut self,
        value: &'v Value,
        here: Here<'_>,
        what: &str,
        fields: &[&str],
    ) -> Option<&'v Object<String, Value>> {
        let Value::Object(object) = value else {
            self.expected(here, what, value);
            return None;
        };
        for key in object.keys() {
            if !fields.contains(&key.as_str()) {
                let hint = match suggest(key, fields.iter().copied()) {
                    Some(close) => {
                        if !object.contains_key(close) {
                            self.suggested.insert((address(object), close.to_owned()));
                        }
                        format!("; did you mean {}?", quote(close))
                    }
                    None => format!("; expected one of: {}", fields.join(", ")),
                };
                self.error(here.key(key), format!("unknown field {}{hint}", quote(key)));
            }
        }
        Some(object)
    }

    pub fn array<'v>(
        &mut self,
        value: &'v Value,
        here: Here<'_>,
        what: &str,
    ) -> Option<&'v [Value]> {
        match value {
            Value::Array(items) => Some(items),
            other => {
                self.expected(here, what, other);
                None
            }
        }
    }

    /// A string of at most `limit` characters, as written (for values that
    /// are checked rather than cleaned: links, fonts).
    pub fn raw_text<'v>(
        &mut self,
        value: &'v Value,
        here: Here<'_>,
        limit: usize,
    ) -> Option<&'v str> {
        let Value::String(text) = value else {
            self.expected(here, "a string", value);
            return None;
        };
        // Counting stops early: a text far over the limit costs no more.
        if text.len() > limit {
            let length = text.chars().count();
            if length > limit {
                self.error(
                    here,
                    format!(
                        "expected a text of at most {limit} characters, found {length} characters"
                    ),
                );
                return None;
            }
        }
        Some(text)
    }

    /// A string of at most `limit` characters, cleaned of characters XML
    /// cannot carry.
    pub fn text(&mut self, value: &Value, here: Here<'_>, limit: usize) -> Option<String> {
        self.raw_text(value, here, limit).map(clean_text)
    }

    /// Reports a required field missing from `object`, unless an unknown
    /// field of it was already reported as its likely misspelling.
    pub fn missing(
        &mut self,
        object: &Object<String, Value>,
        here: Here<'_>,
        key: &str,
        expected: &str,
    ) {
        if self.suggested.contains(&(address(object), key.to_owned())) {
            return;
        }
        self.error(
            here.key(key),
            format!("missing required field {}: expected {expected}", quote(key)),
        );
    }

    pub fn optional_text(
        &mut self,
        object: &Object<String, Value>,
        here: Here<'_>,
        key: &str,
        limit: usize,
    ) -> Option<String> {
        let value = object.get(key)?;
        self.text(value, here.key(key), limit)
    }

    pub fn required_text(
        &mut self,
        object: &Object<String, Value>,
        here: Here<'_>,
        key: &str,
        limit: usize,
    ) -> Option<String> {
        match object.get(key) {
            Some(value) => self.text(value, here.key(key), limit),
            None => {
                self.missing(object, here, key, "a string");
                None
            }
        }
    }

    /// An optional array of strings, each at most `limit` characters.
    pub fn text_list(
        &mut self,
        object: &Object<String, Value>,
        here: Here<'_>,
        key: &str,
        limit: usize,
    ) -> Vec<String> {
        let Some(value) = object.get(key) else {
            return Vec::new();
        };
        let here = here.key(key);
        let Some(items) = self.array(value, here, "an array of strings") else {
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.text(item, here.index(i), limit))
            .collect()
    }

    /// An optional number within `range`, described as `what` in errors.
    pub fn number(
        &mut self,
        object: &Object<String, Value>,
        here: Here<'_>,
        key: &str,
        range: (f64, f64),
        what: &str,
    ) -> Option<f64> {
        let value = object.get(key)?;
        let here = here.key(key);
        match value.as_f64() {
            Some(number) if number.is_finite() && number >= range.0 && number <= range.1 => {
                Some(number)
            }
            _ => {
                self.expected(here, what, value);
                None
            }
        }
    }

    /// An optional string that must be one of `choices`.
    pub fn choice<T: Copy>(
        &mut self,
        object: &Object<String, Value>,
        here: Here<'_>,
        key: &str,
        choices: &[(&str, T)],
    ) -> Option<T> {
        let value = object.get(key)?;
        let here = here.key(key);
        let names: Vec<&str> = choices.iter().map(|(name, _)| *name).collect();
        if let Some(text) = value.as_str() {
            if let Some((_, choice)) = choices.iter().find(|(name, _)| *name == text) {
                return Some(*choice);
            }
            if let Some(close) = suggest(text, names.iter().copied()) {
                self.error(
                    here,
                    format!(
                        "expected one of {}, found {}; did you mean {}?",
                        names.join(", "),
                        found(value),
                        quote(close)
                    ),
                );
                return None;
            }
        }
        self.error(
            here,
            format!(
                "expected one of {}, found {}",
                names.join(", "),
                found(value)
            ),
        );
        None
    }

    pub fn boolean(
        &mut self,
        object: &Object<String, Value>,
        here: Here<'_>,
        key: &str,
    ) -> Option<bool> {
        let value = object.get(key)?;
        match value {
            Value::Bool(b) => Some(*b),
            other => {
                self.expected(here.key(key), "true or false", other);
                None
            }
        }
    }
}
