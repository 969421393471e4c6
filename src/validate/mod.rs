//! JSON text to a validated [`Map`], with every problem reported at once.
//!
//! Parsing stops at the first syntax error (there is nothing sound to read
//! past it); after that the whole document is read and every problem found
//! is reported: wrong types, unknown fields, broken references, limits. The
//! paths of the problems are then located in the text by [`crate::locate`].
//!
//! The readers follow the format spec ([`crate::format::spec`]), one file
//! per part of the map: `map` (the top level, sources, lang, lint),
//! `people` (personas, channels), `lanes`, `stages` (with metrics and
//! cells), `items`, `theme`; beside them `ids` (reading, deriving and
//! resolving ids), `defaults` (well-known lanes, built-in channels, the
//! lanes the data needs), `limits` (the count limits) and `rules` (links,
//! fonts, text cleaning, "did you mean").

mod checker;
mod defaults;
mod ids;
mod items;
mod lanes;
pub mod limits;
mod map;
mod people;
pub mod rules;
mod stages;
mod theme;

use crate::diagnostic::{Diagnostic, Segment, quote};
use crate::i18n::WordTable;
use crate::model::Map;
use checker::{Checker, Here};

/// Reads and validates a map. On failure, every problem found, in document
/// order where positions are known.
pub fn validate(text: &str) -> Result<Map, Vec<Diagnostic>> {
    validate_with_words(text, &[])
}

/// [`validate`], the map's words looked up in `words` too (a language the
/// build does not carry, supplied by the page).
pub fn validate_with_words(text: &str, words: &[WordTable]) -> Result<Map, Vec<Diagnostic>> {
    let value = crate::parse::parse_json(text).map_err(|d| vec![d])?;
    let mut checker = Checker::default();
    let map = map::read_map(&mut checker, &value, Here::ROOT, words);
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
            Diagnostic::at_json(
                duplicate.path.clone(),
                Some(duplicate.at),
                format!(
                    "duplicate key {key}: the object already has it at {}:{}; keep only one",
                    duplicate.first.0, duplicate.first.1
                ),
            )
        })
        .collect();
    for problem in checker.problems {
        let position = located.position(&problem.path);
        diagnostics.push(
            Diagnostic::at_json(problem.path, position, problem.message).with_hint(problem.hint),
        );
    }
    crate::sort::sort_by_key(&mut diagnostics, |d| {
        (d.location.at().is_none(), d.location.at())
    });
    match map {
        Some(map) if diagnostics.is_empty() => Ok(map),
        _ if diagnostics.is_empty() => Err(vec![Diagnostic::error(
            crate::diagnostic::Location::document(),
            "the map could not be read",
        )]),
        _ => Err(diagnostics),
    }
}
