//! The linter: advice on a valid map, for the things a CX lead would ask
//! about in a review (a target nobody says how to read, a funnel that grows,
//! a low score with no pain point, a score nobody can trace to research…).
//!
//! It runs on the validated model, so it never sees a broken map; each rule
//! is a plain function from the map to findings at JSON paths, which are
//! then located in the text (line and column) by the crate's `locate` module, the way
//! the validator's errors are. The rule ids are the format's
//! ([`crate::format::spec::LINT_RULES`]); docs/lint.md says what each checks
//! and why it matters.

mod rules;

use crate::diagnostic::{Diagnostic, Location};
use crate::format::spec::LINT_RULES;
use serde::Serialize;

/// One piece of advice: the rule that gave it and where it applies.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// One of [`LINT_RULES`].
    pub rule: &'static str,
    /// A warning at a JSON path, with its line and column.
    pub diagnostic: Diagnostic,
}

impl Finding {
    /// The form the CLI prints: `FILE:LINE:COL: warning[RULE]: PATH: MESSAGE`.
    pub fn display_in(&self, file: &str) -> String {
        let at = match self.diagnostic.location.at() {
            Some((line, column)) => format!("{file}:{line}:{column}:"),
            None => format!("{file}:"),
        };
        format!(
            "{at} warning[{}]: {}: {}",
            self.rule,
            self.diagnostic.path(),
            self.diagnostic.text()
        )
    }
}

/// The JSON form (`journeymap lint --format json`, the wasm export): the
/// diagnostic's fields and the rule.
impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let d = &self.diagnostic;
        let mut out = serializer.serialize_struct("Finding", 6)?;
        out.serialize_field("rule", self.rule)?;
        out.serialize_field("severity", &d.severity)?;
        out.serialize_field("path", &d.path())?;
        out.serialize_field("line", &d.line())?;
        out.serialize_field("column", &d.column())?;
        out.serialize_field("message", &d.text())?;
        out.end()
    }
}

/// The rule id closest to `rule` when it is not one (for "did you mean").
pub fn unknown_rule(rule: &str) -> Option<Option<&'static str>> {
    if LINT_RULES.contains(&rule) {
        return None;
    }
    Some(
        crate::validate::rules::suggest(rule, &mut LINT_RULES.iter().copied())
            .and_then(|near| LINT_RULES.iter().copied().find(|r| *r == near)),
    )
}

/// Validates `text` and lints the map: `Err` with the validator's errors
/// for an invalid map, else the findings of every rule neither the map's
/// `lint.allow` nor `allow` switches off, in document order.
pub fn lint(text: &str, allow: &[&str]) -> Result<Vec<Finding>, Vec<Diagnostic>> {
    let map = crate::validate(text)?;
    let value = crate::parse::parse_json(text).map_err(|d| vec![d])?;
    let raw = rules::lint_map(&map, &value);
    let raw: Vec<rules::Raw> = raw
        .into_iter()
        .filter(|r| !allow.contains(&r.rule) && !map.lint.allow.iter().any(|a| a == r.rule))
        .collect();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let located = crate::locate::locate(text, raw.iter().map(|r| &r.path));
    let mut findings: Vec<Finding> = raw
        .into_iter()
        .map(|r| {
            let at = located.position(&r.path);
            Finding {
                rule: r.rule,
                diagnostic: Diagnostic::warning(Location::Json { path: r.path, at }, r.message),
            }
        })
        .collect();
    findings.sort_by_key(|f| f.diagnostic.location.at());
    Ok(findings)
}
