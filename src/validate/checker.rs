//! Reading JSON values with every problem recorded: fields read by their
//! [`Field`] of the format spec (type, limit, range, keywords, required),
//! unknown-field detection from the [`ObjectSpec`], text cleaning.

use super::rules::{clean_text, suggest};
use crate::diagnostic::{JsonPath, Segment, quote};
use crate::format::Keyword;
use crate::format::spec::{Field, ObjectSpec, Range, Type};
use crate::hash::HashSet;
use serde_json::{Map as Object, Value};

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
    /// What to do about it ("did you mean …?"), printed after the message.
    pub hint: Option<String>,
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

/// "did you mean X?"
pub fn did_you_mean(close: &str) -> String {
    format!("did you mean {}?", quote(close))
}

impl Checker {
    pub fn error(&mut self, here: Here<'_>, message: impl Into<String>) {
        self.error_at(here.path(), message);
    }

    /// A problem with a hint ("did you mean").
    pub fn error_with(&mut self, here: Here<'_>, message: impl Into<String>, hint: String) {
        self.problems.push(Problem {
            path: here.path(),
            message: message.into(),
            hint: Some(hint),
        });
    }

    /// A problem at a path kept from earlier in the reading.
    pub fn error_at(&mut self, path: JsonPath, message: impl Into<String>) {
        self.problems.push(Problem {
            path,
            message: message.into(),
            hint: None,
        });
    }

    pub fn expected(&mut self, here: Here<'_>, expected: &str, value: &Value) {
        self.error(here, format!("expected {expected}, found {}", found(value)));
    }

    /// An object of the kind `spec` describes; keys it does not have are
    /// reported with the closest one it has.
    pub fn object<'v>(
        &mut self,
        value: &'v Value,
        here: Here<'_>,
        spec: &ObjectSpec,
    ) -> Option<&'v Object<String, Value>> {
        let Value::Object(object) = value else {
            self.expected(here, spec.expected, value);
            return None;
        };
        for key in object.keys() {
            if spec.names().any(|name| name == key) {
                continue;
            }
            let message = format!("unknown field {}", quote(key));
            match suggest(key, &mut spec.names()) {
                Some(close) => {
                    if !object.contains_key(close) {
                        self.suggested.insert((address(object), close.to_owned()));
                    }
                    self.error_with(here.key(key), message, did_you_mean(close));
                }
                None => {
                    let names: Vec<&str> = spec.names().collect();
                    self.error(
                        here.key(key),
                        format!("{message}; expected one of: {}", names.join(", ")),
                    );
                }
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
    /// are checked rather than cleaned: links, fonts, language tags).
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
    pub fn text_value(&mut self, value: &Value, here: Here<'_>, limit: usize) -> Option<String> {
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

    /// The value of `field`; a required one that is absent is reported.
    pub fn get<'v>(
        &mut self,
        object: &'v Object<String, Value>,
        here: Here<'_>,
        field: &Field,
    ) -> Option<&'v Value> {
        let value = object.get(field.name);
        if value.is_none() && field.is_required() {
            self.missing(object, here, field.name, field.missing);
        }
        value
    }

    /// A text field, within its type's limit.
    pub fn text(
        &mut self,
        object: &Object<String, Value>,
        here: Here<'_>,
        field: &Field,
    ) -> Option<String> {
        let value = self.get(object, here, field)?;
        self.text_value(value, here.key(field.name), field.ty.text_limit())
    }

    /// A field holding an array of texts, each within its type's limit.
    pub fn text_list(
        &mut self,
        object: &Object<String, Value>,
        here: Here<'_>,
        field: &Field,
    ) -> Vec<String> {
        let Some(value) = self.get(object, here, field) else {
            return Vec::new();
        };
        let limit = match field.ty {
            Type::List(item) => item.text_limit(),
            other => other.text_limit(),
        };
        let here = here.key(field.name);
        let Some(items) = self.array(value, here, "an array of strings") else {
            return Vec::new();
        };
        items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| self.text_value(item, here.index(i), limit))
            .collect()
    }

    /// A number field within its type's range.
    pub fn number(
        &mut self,
        object: &Object<String, Value>,
        here: Here<'_>,
        field: &Field,
    ) -> Option<f64> {
        let value = self.get(object, here, field)?;
        let Type::Number(&Range { min, max, expected }) = field.ty else {
            return None;
        };
        match value.as_f64() {
            Some(number) if number.is_finite() && number >= min && number <= max => Some(number),
            _ => {
                self.expected(here.key(field.name), expected, value);
                None
            }
        }
    }

    /// A keyword field: one of the words its type lists.
    pub fn keyword<T: Keyword>(
        &mut self,
        object: &Object<String, Value>,
        here: Here<'_>,
        field: &Field,
    ) -> Option<T> {
        let word = self.keyword_of_field(object, here, field)?;
        T::from_keyword(word)
    }

    /// A value that must be one of `words`.
    pub fn keyword_value<T: Keyword>(
        &mut self,
        value: &Value,
        here: Here<'_>,
        words: &[&str],
    ) -> Option<T> {
        let word = self.word(value, here, words)?;
        T::from_keyword(word)
    }

    /// The word of a keyword field (not generic, so there is one copy of it
    /// in the program rather than one per keyword type).
    fn keyword_of_field<'v>(
        &mut self,
        object: &'v Object<String, Value>,
        here: Here<'_>,
        field: &Field,
    ) -> Option<&'v str> {
        let value = self.get(object, here, field)?;
        let words = match field.ty {
            Type::Keyword(words) | Type::Either(&Type::Keyword(words), _) => words,
            _ => &[],
        };
        self.word(value, here.key(field.name), words)
    }

    /// `value` when it is one of `words`; else reported, with the closest.
    pub fn word<'v>(
        &mut self,
        value: &'v Value,
        here: Here<'_>,
        words: &[&str],
    ) -> Option<&'v str> {
        let message = format!(
            "expected one of {}, found {}",
            words.join(", "),
            found(value)
        );
        let Some(text) = value.as_str() else {
            self.error(here, message);
            return None;
        };
        if words.contains(&text) {
            return Some(text);
        }
        match suggest(text, &mut words.iter().copied()) {
            Some(close) => self.error_with(here, message, did_you_mean(close)),
            None => self.error(here, message),
        }
        None
    }

    pub fn boolean(
        &mut self,
        object: &Object<String, Value>,
        here: Here<'_>,
        field: &Field,
    ) -> Option<bool> {
        let value = self.get(object, here, field)?;
        match value {
            Value::Bool(b) => Some(*b),
            other => {
                self.expected(here.key(field.name), "true or false", other);
                None
            }
        }
    }
}
