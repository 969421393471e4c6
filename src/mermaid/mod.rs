//! Import of Mermaid `journey` diagrams.
//!
//! Many teams already keep their journeys as Mermaid user-journey diagrams
//! in Markdown. This module turns one into a map of format v1 so that it can
//! be checked and rendered like any other, without retyping it: it reads the
//! syntax as Mermaid accepts it (`parse`, with `source` and
//! `entities` doing what Mermaid's pre-processing does) and maps it onto
//! the format (`convert`).
//!
//! The mapping:
//! - `title` → `title`; without one, `accTitle`, else the `mermaid-title` word ("User journey"), in the `--lang` language.
//!   `accDescr` → `description`. An `accTitle` next to a title has no place
//!   in the map and is left out. The front matter (`---` … `---`) is
//!   skipped whole, its `title:` too: only the diagram's own statements
//!   are imported.
//! - each `section` → a stage, in order (a repeated name is a stage of its
//!   own, with its own id; an empty section an empty stage). Tasks written
//!   before the first section go into a first stage named "Journey"; a
//!   diagram with no section and no task gets one empty "Journey" stage.
//! - each task → an item of the `actions` lane with its `score`; the map
//!   declares the lanes `actions` and `emotion`, so the scores draw the
//!   emotion curve. A task without actors belongs to every persona (the
//!   format's default).
//! - each actor → a persona whose `name` is the actor's name exactly
//!   (trimmed, references decoded), in order of first appearance, with an
//!   id derived the format's way (`persona-N` when the name leaves none or
//!   it is taken); an item's `personas` are its actors' ids.
//! - scores: whole numbers 1–5 are kept; anything else is an error naming
//!   the line and the text found, unless [`MermaidOptions::clamp`] is set:
//!   then numbers outside 1–5 are clamped into it and decimals inside it are
//!   kept (the format allows them), each with a warning. A score that is not
//!   a number is an error either way.
//!
//! Diagnostics carry the line and column in the Mermaid text; their `path`
//! names the statement (`title`, `section "Go home"`, `task "Make tea"`,
//! `actor "Cat"`, `journey` for the diagram as a whole). An `Ok` result is
//! always a valid map: the JSON is validated before it is returned, and any
//! problem is reported against the Mermaid line it came from.

mod convert;
mod entities;
mod parse;
mod preamble;
mod source;
mod values;

pub use parse::FIRST_STAGE_NAME;

use crate::diagnostic::{Diagnostic, Location};
use crate::format::lang::check_lang;
use crate::parse::MAX_DOCUMENT_BYTES;
use serde_json::Value;

/// How to import.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MermaidOptions<'a> {
    /// Clamp scores outside 1–5 into that range (and keep decimal scores)
    /// with a warning, instead of failing.
    pub clamp: bool,
    /// The map's language (a BCP 47 tag, checked): the map carries it as
    /// `lang`, and a diagram without a title gets that language's word.
    pub lang: Option<&'a str>,
}

/// A map made from a Mermaid diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The map, keys in the order a person would write them: `title`,
    /// `description`, `personas`, `lanes`, `stages`.
    pub map: Value,
    /// The map as JSON text, pretty-printed with two-space indentation:
    /// exactly the text that was validated.
    pub json: String,
    /// What was read but changed or dropped (clamped scores, ignored text,
    /// unknown character references, a title set twice…), located.
    pub warnings: Vec<Diagnostic>,
}

/// Converts a Mermaid `journey` diagram to a map of format v1. On failure,
/// every error found, each with the line and column of the Mermaid text.
pub fn from_mermaid(text: &str, options: &MermaidOptions) -> Result<Imported, Vec<Diagnostic>> {
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(vec![Diagnostic::error(
            whole_diagram(),
            format!(
                "the diagram is {} bytes; the limit is {MAX_DOCUMENT_BYTES} bytes (5 MB)",
                text.len()
            ),
        )]);
    }
    let lang = options
        .lang
        .map(check_lang)
        .transpose()
        .map_err(|message| {
            vec![Diagnostic::error(
                whole_diagram(),
                format!("--lang: {message}"),
            )]
        })?;
    let (journey, mut warnings) = parse::parse(text, options.clamp)?;
    let built = convert::build(&journey, lang.as_deref(), &mut warnings)?;
    warnings.sort_by_key(|w| w.location.at());
    let json = serde_json::to_string_pretty(&built.map).map_err(|error| {
        vec![Diagnostic::error(
            whole_diagram(),
            format!("the map could not be written as JSON: {error}"),
        )]
    })?;
    if let Err(problems) = crate::validate(&json) {
        return Err(problems
            .into_iter()
            .map(|problem| locate(problem, &built.origins))
            .collect());
    }
    Ok(Imported {
        map: built.map,
        json,
        warnings,
    })
}

/// True when the text is a Mermaid journey diagram: after an optional
/// `---` front-matter block, blank lines and `%%` comments, its first line
/// starts with the word `journey`. A JSON map never does.
pub fn looks_like_mermaid(text: &str) -> bool {
    preamble::looks_like_journey(text)
}

/// A problem of the built map, reported at the Mermaid statement it came
/// from (the one whose JSON path is the longest prefix of the problem's).
fn locate(problem: Diagnostic, origins: &[convert::Origin]) -> Diagnostic {
    let path = problem.path();
    let within = |origin: &str| {
        path == origin
            || path
                .strip_prefix(origin)
                .is_some_and(|rest| rest.starts_with(['.', '[']))
    };
    let origin = origins
        .iter()
        .filter(|o| within(&o.path))
        .max_by_key(|o| o.path.len());
    let location = match origin {
        Some(origin) => Location::Mermaid {
            statement: origin.label.clone(),
            at: Some((origin.at.line, origin.at.column)),
        },
        None => whole_diagram(),
    };
    Diagnostic {
        location,
        message: format!(
            "the map made from this breaks a rule of the format at {path}: {}",
            problem.message
        ),
        ..problem
    }
}

/// The diagram as a whole, with no position.
fn whole_diagram() -> Location {
    Location::Mermaid {
        statement: "journey".into(),
        at: None,
    }
}
