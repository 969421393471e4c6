//! Comparing two maps (as-is and to-be, last quarter's and this one's):
//! what was added, removed and changed, each at its JSON path.
//!
//! Stages are matched by id, then by name similarity; items of a matched
//! stage's cell by exact text, then by text similarity (strsim) with their
//! position as tie-break, so an edited card is "changed", not "removed and
//! added". [`diff`] gives the changes as data (`journeymap diff --format
//! text|json`); [`mark`] lays out the AFTER map with every mark
//! (`--format svg`, `JourneyMap.diff` in the browser).

mod mark;
mod matching;

pub use mark::{mark, mark_with};

use crate::diagnostic::quote;
use crate::model::Map;
use serde::Serialize;

/// What happened to a thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Added,
    Removed,
    Changed,
}

impl Kind {
    /// The sign of a change in the text form: `+`, `-`, `~`.
    pub fn sign(self) -> char {
        match self {
            Kind::Added => '+',
            Kind::Removed => '-',
            Kind::Changed => '~',
        }
    }
}

/// One change. Paths are the AFTER map's, except for removed things, whose
/// path is in the BEFORE map.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub kind: Kind,
    pub path: String,
    /// The value before (removed and changed), as JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<serde_json::Value>,
    /// The value after (added and changed), as JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<serde_json::Value>,
}

impl std::fmt::Display for Change {
    /// `+ PATH: VALUE`, `- PATH: VALUE`, `~ PATH: BEFORE → AFTER`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let show = |value: &Option<serde_json::Value>| match value {
            Some(serde_json::Value::String(text)) => quote(text),
            Some(value) => value.to_string(),
            None => String::from("null"),
        };
        match self.kind {
            Kind::Added => write!(f, "+ {}: {}", self.path, show(&self.after)),
            Kind::Removed => write!(f, "- {}: {}", self.path, show(&self.before)),
            Kind::Changed => write!(
                f,
                "~ {}: {} → {}",
                self.path,
                show(&self.before),
                show(&self.after)
            ),
        }
    }
}

/// Every change from `before` to `after`, in the AFTER map's order.
pub fn diff(before: &Map, after: &Map) -> Vec<Change> {
    matching::Matching::new(before, after).changes()
}
