//! JSON text to a validated [`Map`], with every problem reported at once.
//!
//! Parsing stops at the first syntax error (there is nothing sound to read
//! past it); after that the whole document is read and every problem found
//! is reported: wrong types, unknown fields, broken references, limits. The
//! paths of the problems are then located in the text by [`crate::locate`].

mod checker;
mod map;
pub mod rules;

use crate::diagnostic::{Diagnostic, Segment, quote};
use crate::model::Map;
use checker::{Checker, Here};

/// The format's limits.
pub mod limits {
    pub const STAGES: usize = 200;
    pub const LANES: usize = 100;
    pub const PERSONAS: usize = 50;
    pub const ITEMS: usize = 20_000;
    /// Titles, names, labels, item texts and other one-line texts.
    pub const SHORT_TEXT: usize = 1_000;
    /// Descriptions, details and quotes.
    pub const LONG_TEXT: usize = 10_000;
}

/// Reads and validates a map. On failure, every problem found, in document
/// order where positions are known.
pub fn validate(text: &str) -> Result<Map, Vec<Diagnostic>> {
    let value = crate::parse::parse_json(text).map_err(|d| vec![d])?;
    let mut checker = Checker::default();
    let map = map::read_map(&mut checker, &value, Here::ROOT);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let located = crate::locate::locate(text, checker.problems.iter().map(|p| &p.path));
    let mut diagnostics: Vec<Diagnostic> = located
        .duplicate_keys
        .iter()
        .map(|duplicate| {
            let key = match duplicate.path.0.last() {
                Some(Segment::Key(key)) => quote(key),
                _ => String::from("key"),
            };
            Diagnostic {
                path: duplicate.path.to_string(),
                line: Some(duplicate.at.0),
                column: Some(duplicate.at.1),
                message: format!(
                    "duplicate key {key}: the object already has it at {}:{}; keep only one",
                    duplicate.first.0, duplicate.first.1
                ),
            }
        })
        .collect();
    for problem in checker.problems {
        let position = located.position(&problem.path);
        diagnostics.push(Diagnostic {
            path: problem.path.to_string(),
            line: position.map(|p| p.0),
            column: position.map(|p| p.1),
            message: problem.message,
        });
    }
    diagnostics.sort_by_key(|d| (d.line.is_none(), d.line, d.column));
    match map {
        Some(map) if diagnostics.is_empty() => Ok(map),
        _ if diagnostics.is_empty() => Err(vec![Diagnostic {
            path: "$".into(),
            line: None,
            column: None,
            message: "the map could not be read".into(),
        }]),
        _ => Err(diagnostics),
    }
}
