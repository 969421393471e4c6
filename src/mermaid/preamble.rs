//! The diagram's preamble: what may stand before the `journey` header
//! (front matter, blank lines, `%%` comments and `%%{ … }%%` directives),
//! and the small character helpers and diagnostic builders the statement
//! reader shares with it. Kept apart from [`super::parse`], which reads the
//! statements after the header.

use super::parse::Loc;
use super::source;
use crate::diagnostic::{Diagnostic, Location, quote};

/// True when the text is a Mermaid journey diagram by its header: after an
/// optional front-matter block, blank lines, `%%` comments and directives,
/// the first line starts with the word `journey`.
pub fn looks_like_journey(text: &str) -> bool {
    preamble(&source::lines(text)).is_ok()
}

/// Where the `journey` header is.
pub(super) struct Header {
    pub(super) index: usize,
    pub(super) column: usize,
}

pub(super) fn trimmed(line: &[char]) -> &[char] {
    let start = line.iter().position(|&c| !source::is_js_space(c));
    let end = line.iter().rposition(|&c| !source::is_js_space(c));
    match (start, end) {
        (Some(start), Some(end)) => line.get(start..=end).unwrap_or_default(),
        _ => &[],
    }
}

pub(super) fn indent(line: &[char]) -> usize {
    line.iter().take_while(|&&c| source::is_js_space(c)).count()
}

pub(super) fn starts_with(chars: &[char], prefix: &str) -> bool {
    let mut chars = chars.iter();
    prefix.chars().all(|p| chars.next() == Some(&p))
}

pub(super) fn contains(chars: &[char], needle: &str) -> bool {
    let needle: Vec<char> = needle.chars().collect();
    chars.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// A text for messages: quoted, cut at 40 characters.
pub(super) fn shown(text: &str) -> String {
    if text.chars().count() > 40 {
        let start: String = text.chars().take(37).collect();
        format!("{}…", quote(&start))
    } else {
        quote(text)
    }
}

/// A statement's location.
pub(super) fn statement(path: impl Into<String>, at: Loc) -> Location {
    Location::Mermaid {
        statement: path.into(),
        at: Some((at.line, at.column)),
    }
}

pub(super) fn warning(path: impl Into<String>, at: Loc, message: impl Into<String>) -> Diagnostic {
    Diagnostic::warning(statement(path, at), message)
}

pub(super) fn diagnostic(
    path: impl Into<String>,
    at: Loc,
    message: impl Into<String>,
) -> Diagnostic {
    Diagnostic::error(statement(path, at), message)
}

/// Which directive line closes the one opened on line `index`, if any.
pub(super) fn directive_end(lines: &[Vec<char>], index: usize) -> Option<usize> {
    let line = lines.get(index)?;
    let start = indent(line) + 3;
    if contains(line.get(start..).unwrap_or_default(), "}%%") {
        return Some(index);
    }
    (index + 1..lines.len()).find(|&i| lines.get(i).is_some_and(|l| contains(l, "}%%")))
}

pub(super) fn preamble(lines: &[Vec<char>]) -> Result<Header, Diagnostic> {
    let blank = |i: usize| lines.get(i).is_some_and(|l| trimmed(l).is_empty());
    let mut i = 0;
    while blank(i) {
        i += 1;
    }
    if let Some(line) = lines.get(i)
        && trimmed(line) == ['-', '-', '-']
    {
        let close = (i + 1..lines.len())
            .find(|&j| lines.get(j).is_some_and(|l| trimmed(l) == ['-', '-', '-']));
        let Some(close) = close else {
            return Err(diagnostic(
                "front matter",
                Loc {
                    line: i + 1,
                    column: indent(line) + 1,
                },
                "the front matter opened here is not closed: expected a line \"---\" after it",
            ));
        };
        i = close + 1;
    }
    loop {
        let Some(line) = lines.get(i) else {
            let last = lines.len().max(1);
            let column = lines.last().map_or(0, Vec::len) + 1;
            return Err(diagnostic(
                "journey",
                Loc { line: last, column },
                "expected a Mermaid journey diagram starting with \"journey\", found the end of the text",
            ));
        };
        let text = trimmed(line);
        let at = Loc {
            line: i + 1,
            column: indent(line) + 1,
        };
        if text.is_empty() {
            i += 1;
        } else if starts_with(text, "%%{") {
            match directive_end(lines, i) {
                Some(end) => i = end + 1,
                None => {
                    return Err(diagnostic(
                        "directive",
                        at,
                        "this directive is not closed: expected \"}%%\"",
                    ));
                }
            }
        } else if starts_with(text, "%%") {
            i += 1;
        } else if starts_with(text, "journey") && text.get(7).is_none_or(|&c| !source::is_word(c)) {
            return Ok(Header {
                index: i,
                column: at.column,
            });
        } else {
            let found: String = text.iter().collect();
            let hint = if found.to_ascii_lowercase().starts_with("journey") {
                "; Mermaid recognises only lower-case \"journey\""
            } else if found == "---" {
                "; front matter must come first, before any comment"
            } else {
                "; only Mermaid user-journey diagrams can be imported"
            };
            return Err(diagnostic(
                "journey",
                at,
                format!(
                    "expected the header \"journey\", found {}{hint}",
                    shown(&found)
                ),
            ));
        }
    }
}
