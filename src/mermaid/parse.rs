//! Mermaid `journey` text to a [`Journey`]: the statements Mermaid's grammar
//! (`journey.jison` and the pre-processing in front of it) accepts, read
//! line by line so that every error has a line and a column and every bad
//! line is reported, not just the first.
//!
//! What Mermaid does, and so what this does:
//! - a `---` front-matter block may come first, and is skipped (its
//!   content is configuration, or a title the importer leaves out); `%%`
//!   lines are comments, `%%{ … }%%` directives are skipped; then comes
//!   `journey`;
//! - `title TEXT`, `section NAME` and `TEXT: SCORE: ACTOR, ACTOR` end at a
//!   `#`, which starts a comment; a `;` is an error; keywords are
//!   case-insensitive and the statement wins over a task that starts with
//!   one (a task "Title page: 3" sets the title — with a warning);
//! - `accTitle: …` and `accDescr: …` take the rest of the line, `accDescr {
//!   … }` everything up to the `}` (lines starting with `%%` aside);
//! - a task's data is split at `:`: the score, then the actors (comma
//!   separated, trimmed, empty ones dropped); more is ignored (a warning);
//! - `#NAME;` references stand for characters ([`super::source`]), and
//!   `<br>` in a section or task text is a line break.
//!
//! Reading stops once the diagram has more sections or tasks than a map may
//! have stages or items: the conversion refuses it at that line, and the
//! rest (300,000 sections, say) is not read to be thrown away.

use super::preamble::{
    Header, diagnostic, directive_end, indent, preamble, shown, starts_with, trimmed, warning,
};
use super::source::{self, Atom};
use super::values::{block_text, parse_number, show_number};
use crate::diagnostic::Diagnostic;
use crate::format::limits::{ITEMS, STAGES};

/// A place in the Mermaid text, 1-based, columns in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loc {
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub at: Loc,
}

/// What a journey diagram says, with where it says it.
#[derive(Debug, Clone, PartialEq)]
pub struct Journey {
    pub header: Loc,
    pub title: Option<Located<String>>,
    pub acc_title: Option<Located<String>>,
    pub acc_descr: Option<Located<String>>,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub name: String,
    pub at: Loc,
    /// Holds the tasks written before the first `section`.
    pub implicit: bool,
    pub tasks: Vec<Task>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Task {
    pub text: String,
    pub at: Loc,
    /// From 1 to 5 (checked, or clamped).
    pub score: f64,
    pub actors: Vec<Located<String>>,
}

/// The name of the stage that holds tasks written before any `section`.
pub const FIRST_STAGE_NAME: &str = "Journey";

/// Reads a journey diagram: the journey and its warnings, or every error.
pub fn parse(text: &str, clamp: bool) -> Result<(Journey, Vec<Diagnostic>), Vec<Diagnostic>> {
    let lines = source::lines(text);
    let header = preamble(&lines).map_err(|d| vec![d])?;
    let mut parser = Parser {
        clamp,
        journey: Journey {
            header: Loc {
                line: header.index + 1,
                column: header.column,
            },
            title: None,
            acc_title: None,
            acc_descr: None,
            sections: Vec::new(),
        },
        errors: Vec::new(),
        warnings: Vec::new(),
        block: None,
        tasks: 0,
    };
    parser.body(&lines, &header);
    if let Some(block) = parser.block.take() {
        parser.errors.push(diagnostic(
            "accDescr",
            block.at,
            "this accDescr block is not closed: expected \"}\" before the end of the text",
        ));
    }
    parser.errors.sort_by_key(|e| e.location.at());
    if parser.errors.is_empty() {
        Ok((parser.journey, parser.warnings))
    } else {
        Err(parser.errors)
    }
}

/// An open `accDescr { … }` block.
struct Block {
    at: Loc,
    text: String,
}

struct Parser {
    clamp: bool,
    journey: Journey,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    block: Option<Block>,
    /// Tasks read so far, in all sections.
    tasks: usize,
}

/// A keyword at the start of `atoms`, in any case.
fn keyword(atoms: &[Atom], word: &str) -> bool {
    let mut atoms = atoms.iter();
    word.chars().all(|w| {
        atoms
            .next()
            .and_then(Atom::char)
            .is_some_and(|c| c.eq_ignore_ascii_case(&w))
    })
}

fn at(line: usize, atom: &Atom) -> Loc {
    Loc {
        line,
        column: atom.column,
    }
}

/// The column just after the atoms (or `fallback` when there are none).
fn end_of(atoms: &[Atom], fallback: usize) -> usize {
    atoms.last().map_or(fallback, Atom::end)
}

fn label(kind: &str, text: &str) -> String {
    format!("{kind} {}", shown(text))
}

const SEMICOLON: &str =
    "unexpected \";\": Mermaid does not accept \";\" here; write #59; for a semicolon";

impl Parser {
    fn body(&mut self, lines: &[Vec<char>], header: &Header) {
        let mut index = header.index;
        while let Some(line) = lines.get(index) {
            let text = trimmed(line);
            if index != header.index && starts_with(text, "%%") {
                if self.block.is_none() && starts_with(text, "%%{") {
                    match directive_end(lines, index) {
                        Some(end) => index = end,
                        None => {
                            self.errors.push(diagnostic(
                                "directive",
                                Loc {
                                    line: index + 1,
                                    column: indent(line) + 1,
                                },
                                "this directive is not closed: expected \"}%%\"",
                            ));
                            return;
                        }
                    }
                }
                index += 1;
                continue;
            }
            let mut atoms = source::atoms(line);
            if index == header.index {
                atoms.retain(|a| a.column >= header.column + "journey".len());
            }
            self.line(index + 1, &atoms);
            if self.journey.sections.len() > STAGES || self.tasks > ITEMS {
                return; // over a limit: the conversion says so at this line
            }
            index += 1;
        }
    }

    /// One line: statements, and the inside of an `accDescr` block.
    fn line(&mut self, line: usize, atoms: &[Atom]) {
        let mut rest = atoms;
        loop {
            if let Some(block) = &mut self.block {
                let close = rest.iter().position(|a| a.is('}'));
                let inside = close.map_or(rest, |i| rest.get(..i).unwrap_or_default());
                block.text.push_str(&source::text(inside, false));
                self.warn_unknown(line, inside, "accDescr");
                match close {
                    Some(i) => {
                        self.close_block();
                        rest = rest.get(i + 1..).unwrap_or_default();
                    }
                    None => {
                        if let Some(block) = &mut self.block {
                            block.text.push('\n');
                        }
                        return;
                    }
                }
            } else {
                match self.statement(line, rest) {
                    Some(next) => rest = rest.get(next..).unwrap_or_default(),
                    None => return,
                }
            }
        }
    }

    fn close_block(&mut self) {
        if let Some(block) = self.block.take() {
            let text = block_text(&block.text);
            self.set_acc_descr(text, block.at);
        }
    }

    /// One statement. Returns where an `accDescr {` block's text starts.
    fn statement(&mut self, line: usize, atoms: &[Atom]) -> Option<usize> {
        let start = atoms.iter().position(|a| !a.is_space())?;
        let s = atoms.get(start..).unwrap_or_default();
        let first = s.first()?;
        let second_and_third_are_percent =
            s.get(1).is_some_and(|a| a.is('%')) && s.get(2).is_some_and(|a| a.is('%'));
        // `%%…` and `x%%…` are comments to Mermaid's lexer; so is `#…`.
        if (first.is('%') && s.get(1).is_some_and(|a| a.is('%')))
            || (first.char().is_some_and(|c| c != '}') && second_and_third_are_percent)
            || first.is('#')
        {
            return None;
        }
        let here = at(line, first);
        let space_or_end = |n: usize| s.get(n).is_none_or(Atom::is_space);
        if keyword(s, "title") && space_or_end(5) {
            self.title(line, here, s.get(6..).unwrap_or_default());
        } else if keyword(s, "section") && space_or_end(7) {
            self.section(line, here, s.get(8..).unwrap_or_default());
        } else if keyword(s, "journey")
            && s.get(7)
                .is_none_or(|a| a.char().is_none_or(|c| !source::is_word(c)))
        {
            self.errors.push(diagnostic(
                "journey",
                here,
                "unexpected \"journey\": it is the diagram's header and may appear only once; Mermaid reads any line starting with the word \"journey\" as the header, so reword this line",
            ));
        } else if let Some(value) = acc_value(s, "acctitle", ':') {
            let value = source::trim(value);
            self.warn_unknown(line, value, "accTitle");
            let text = source::text(value, false);
            if !text.is_empty() {
                let previous = self.journey.acc_title.as_ref().map(|p| p.at);
                self.replace_warning("accTitle", here, previous);
                self.journey.acc_title = Some(Located {
                    value: text,
                    at: here,
                });
            }
        } else if let Some(value) = acc_value(s, "accdescr", ':') {
            let value = source::trim(value);
            self.warn_unknown(line, value, "accDescr");
            let text = source::text(value, false);
            self.set_acc_descr(text, here);
        } else if let Some(value) = acc_value(s, "accdescr", '{') {
            self.block = Some(Block {
                at: here,
                text: String::new(),
            });
            return Some(atoms.len() - value.len());
        } else {
            self.task(line, s);
        }
        None
    }

    fn replace_warning(&mut self, what: &str, here: Loc, previous: Option<Loc>) {
        if let Some(previous) = previous {
            self.warnings.push(warning(
                what,
                here,
                format!(
                    "this {what} replaces the one on line {}: Mermaid keeps the last",
                    previous.line
                ),
            ));
        }
    }

    fn set_acc_descr(&mut self, text: String, here: Loc) {
        if text.is_empty() {
            return;
        }
        let previous = self.journey.acc_descr.as_ref().map(|p| p.at);
        self.replace_warning("accDescr", here, previous);
        self.journey.acc_descr = Some(Located {
            value: text,
            at: here,
        });
    }

    fn warn_unknown(&mut self, line: usize, atoms: &[Atom], path: &str) {
        for (atom, name) in source::unknown_entities(atoms) {
            self.warnings.push(warning(
                path,
                at(line, atom),
                format!(
                    "#{name}; is not a character reference HTML knows; kept as \"&{name};\", as Mermaid shows it"
                ),
            ));
        }
    }

    fn title(&mut self, line: usize, here: Loc, value: &[Atom]) {
        let (body, stop) = source::until(value, &['#', ';']);
        if let Some(stop) = stop.filter(|a| a.is(';')) {
            self.errors
                .push(diagnostic("title", at(line, stop), SEMICOLON));
            return;
        }
        let body = source::trim(body);
        if body.is_empty() {
            self.errors.push(diagnostic(
                "title",
                here,
                "expected the title after \"title\", found nothing",
            ));
            return;
        }
        self.warn_unknown(line, body, "title");
        let text = source::text(body, false);
        if let Some(previous) = &self.journey.title {
            self.warnings.push(warning(
                "title",
                here,
                format!(
                    "this line sets the title again, replacing the one on line {}: Mermaid reads a line starting with \"title \" as the title, even when it was meant as a task",
                    previous.at.line
                ),
            ));
        }
        self.journey.title = Some(Located {
            value: text,
            at: here,
        });
    }

    fn section(&mut self, line: usize, here: Loc, value: &[Atom]) {
        let (body, stop) = source::until(value, &['#', ':', ';']);
        let name = source::text(source::trim(body), true);
        let path = label("section", &name);
        match stop {
            Some(stop) if stop.is(';') => {
                self.errors
                    .push(diagnostic(path, at(line, stop), SEMICOLON));
                return;
            }
            Some(stop) if stop.is(':') => {
                self.errors.push(diagnostic(
                    path,
                    at(line, stop),
                    "unexpected \":\" in a section name: Mermaid does not accept it there; write #58; for a colon",
                ));
                return;
            }
            _ => {}
        }
        let body = source::trim(body);
        if body.is_empty() {
            self.errors.push(diagnostic(
                "section",
                here,
                "expected the section's name after \"section\", found nothing",
            ));
            return;
        }
        self.warn_unknown(line, body, &path);
        self.journey.sections.push(Section {
            name,
            at: here,
            implicit: false,
            tasks: Vec::new(),
        });
    }

    fn task(&mut self, line: usize, s: &[Atom]) {
        let here = s.first().map_or(Loc { line, column: 1 }, |a| at(line, a));
        let (name, stop) = source::until(s, &['#', ':', ';']);
        let name = source::trim(name);
        let text = source::text(name, true);
        let path = if text.is_empty() {
            "task".to_owned()
        } else {
            label("task", &text)
        };
        let colon = match stop {
            None => {
                self.errors.push(diagnostic(
                    path,
                    Loc {
                        line,
                        column: end_of(s, here.column),
                    },
                    "expected \":\" and a score after the task text, found the end of the line (a task is TEXT: SCORE: ACTORS)",
                ));
                return;
            }
            Some(stop) if stop.is('#') => {
                self.errors.push(diagnostic(
                    path,
                    at(line, stop),
                    "expected \":\" and a score after the task text, found \"#\", which starts a comment in Mermaid; write #35; for a literal \"#\"",
                ));
                return;
            }
            Some(stop) if stop.is(';') => {
                self.errors
                    .push(diagnostic(path, at(line, stop), SEMICOLON));
                return;
            }
            Some(colon) => colon,
        };
        if name.is_empty() {
            self.errors.push(diagnostic(
                path,
                at(line, colon),
                "expected the task's text before \":\", found nothing",
            ));
            return;
        }
        let after_colon = s
            .iter()
            .position(|a| a.column == colon.column)
            .and_then(|i| s.get(i + 1..))
            .unwrap_or_default();
        let (data, stop) = source::until(after_colon, &['#', ';']);
        if let Some(stop) = stop.filter(|a| a.is(';')) {
            self.errors
                .push(diagnostic(path, at(line, stop), SEMICOLON));
            return;
        }
        let pieces = source::split(data, ':');
        let score_atoms = pieces.first().copied().unwrap_or_default();
        let Some(score) = self.score(line, &path, colon, score_atoms) else {
            return;
        };
        self.warn_unknown(line, name, &path);
        let mut actors = Vec::new();
        if let Some(list) = pieces.get(1) {
            for actor in source::split(list, ',') {
                let actor = source::trim(actor);
                if let Some(first) = actor.first() {
                    self.warn_unknown(line, actor, &path);
                    actors.push(Located {
                        value: source::text(actor, false),
                        at: at(line, first),
                    });
                }
            }
        }
        let second_colon = data.iter().enumerate().filter(|(_, a)| a.is(':')).nth(1);
        if let Some((i, second)) = second_colon {
            let dropped = source::trim(data.get(i + 1..).unwrap_or_default());
            if !dropped.is_empty() {
                self.warnings.push(warning(
                    path.clone(),
                    at(line, second),
                    format!(
                        "ignored {}: Mermaid reads TEXT: SCORE: ACTORS and drops what follows a third \":\"",
                        shown(&source::text(dropped, false))
                    ),
                ));
            }
        }
        if self.journey.sections.is_empty() {
            self.journey.sections.push(Section {
                name: FIRST_STAGE_NAME.to_owned(),
                at: here,
                implicit: true,
                tasks: Vec::new(),
            });
        }
        self.tasks += 1;
        if let Some(section) = self.journey.sections.last_mut() {
            section.tasks.push(Task {
                text,
                at: here,
                score,
                actors,
            });
        }
    }

    /// The score, checked against 1–5 (clamped into it with `clamp`).
    fn score(&mut self, line: usize, path: &str, colon: &Atom, atoms: &[Atom]) -> Option<f64> {
        let atoms = source::trim(atoms);
        let Some(first) = atoms.first() else {
            self.errors.push(diagnostic(
                path,
                at(line, colon),
                "expected a score from 1 to 5 after \":\", found nothing",
            ));
            return None;
        };
        let here = at(line, first);
        let raw = source::text(atoms, false);
        let number = if atoms.iter().all(|a| a.char().is_some()) {
            parse_number(&raw)
        } else {
            None
        };
        let Some(number) = number else {
            self.errors.push(diagnostic(
                path,
                here,
                format!(
                    "expected a score, a whole number from 1 to 5, found {}",
                    shown(&raw)
                ),
            ));
            return None;
        };
        let whole = number.fract() == 0.0;
        if whole && (1.0..=5.0).contains(&number) {
            return Some(number);
        }
        let clamped = number.clamp(1.0, 5.0);
        if !self.clamp {
            let message = if clamped == number {
                format!(
                    "expected a whole-number score from 1 to 5, found {raw}; with the clamp option (--clamp) it is kept, as the map format allows decimals"
                )
            } else {
                format!(
                    "expected a score from 1 to 5, found {raw}; with the clamp option (--clamp) it becomes {}",
                    show_number(clamped)
                )
            };
            self.errors.push(diagnostic(path, here, message));
            return None;
        }
        let message = if clamped == number {
            format!("score {raw} is not a whole number; kept, as the map format allows decimals")
        } else {
            format!(
                "score {raw} is outside 1–5; clamped to {}",
                show_number(clamped)
            )
        };
        self.warnings.push(warning(path, here, message));
        Some(clamped)
    }
}

/// `accTitle`/`accDescr`, spaces, then `mark`: the text after the mark.
fn acc_value<'a>(s: &'a [Atom], word: &str, mark: char) -> Option<&'a [Atom]> {
    if !keyword(s, word) {
        return None;
    }
    let rest = s.get(word.len()..).unwrap_or_default();
    let mark_at = rest.iter().position(|a| !a.is_space())?;
    rest.get(mark_at)
        .filter(|a| a.is(mark))
        .map(|_| rest.get(mark_at + 1..).unwrap_or_default())
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
