//! Ids while validating: reading an `id`, giving entries without one the
//! id their name gives (through [`Registry`]), duplicates, and looking
//! references up with a "did you mean".

use super::checker::{Checker, Here};
use super::rules::suggest;
use crate::diagnostic::quote;
use crate::format::ids::{ID_EXPECTED, Registry, is_valid_id};
use crate::format::spec::Field;
use crate::hash::HashMap;
use serde_json::{Map as Object, Value};

/// "Did you mean" looks among at most this many ids.
const SUGGEST_AMONG: usize = 200;
/// "Expected one of" lists at most this many ids.
const LIST_AT_MOST: usize = 20;

/// Ids that the document refers to, looked up by hash; suggestions and
/// lists of them stay within bounds however many the document declares.
pub struct Ids {
    order: Vec<String>,
    index: HashMap<String, usize>,
}

impl Ids {
    /// The ids in order; of two equal ids, the first is found.
    pub fn new<'a>(ids: impl IntoIterator<Item = &'a str>) -> Ids {
        Ids::at_positions(ids.into_iter().enumerate())
    }

    /// Ids of some entries only, each found at its entry's position.
    pub fn at_positions<'a>(ids: impl IntoIterator<Item = (usize, &'a str)>) -> Ids {
        let mut order = Vec::new();
        let mut index = HashMap::default();
        for (i, id) in ids {
            index.entry(id.to_owned()).or_insert(i);
            order.push(id.to_owned());
        }
        Ids { order, index }
    }

    pub fn find(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    pub fn closest(&self, word: &str) -> Option<&str> {
        if self.order.len() > SUGGEST_AMONG {
            return None;
        }
        suggest(word, &mut self.order.iter().map(String::as_str))
    }

    /// `a, b, c`, or the first ones and how many there are in all.
    pub fn listing(&self) -> String {
        let shown: Vec<&str> = self
            .order
            .iter()
            .take(LIST_AT_MOST)
            .map(String::as_str)
            .collect();
        if self.order.len() > LIST_AT_MOST {
            format!("{}, … ({} in all)", shown.join(", "), self.order.len())
        } else {
            shown.join(", ")
        }
    }
}

/// The `id` field of an object, when present and valid (a required one
/// that is absent is reported).
pub fn read_id(
    c: &mut Checker,
    object: &Object<String, Value>,
    here: Here<'_>,
    field: &Field,
) -> Option<String> {
    let value = c.get(object, here, field)?;
    match value.as_str() {
        Some(id) if is_valid_id(id) => Some(id.to_owned()),
        _ => {
            c.expected(here.key(field.name), ID_EXPECTED, value);
            None
        }
    }
}

/// Takes `id` for entry `index` of the array at `here`, or reports that
/// an earlier entry has it.
pub fn claim(
    c: &mut Checker,
    ids: &mut Registry,
    here: Here<'_>,
    index: usize,
    id: &str,
    kind: &str,
) -> bool {
    match ids.claim(id, index) {
        Ok(()) => true,
        Err(first) => {
            c.error(
                here.index(index).key("id"),
                format!(
                    "duplicate {kind} id {}: {} has it already; ids must be unique",
                    quote(id),
                    here.index(first).path()
                ),
            );
            false
        }
    }
}

/// Which entries of an array of objects carry their own `id`.
pub fn explicit_ids(values: &[Value]) -> Vec<bool> {
    values
        .iter()
        .map(|v| v.get("id").is_some_and(Value::is_string))
        .collect()
}

/// Gives every entry without an id one derived from its name; reports
/// duplicate ids. Explicit ids are taken first, so a derived id never
/// takes one written in the document: it falls back to `PREFIX-N`.
pub fn assign_ids<T>(
    c: &mut Checker,
    here: Here<'_>,
    entries: &mut [T],
    id: impl Fn(&mut T) -> &mut String,
    name: impl Fn(&T) -> &String,
    prefix: &str,
    explicit: &[bool],
) {
    let mut ids = Registry::default();
    for (i, entry) in entries.iter_mut().enumerate() {
        let own = id(entry).clone();
        // An invalid id is already reported.
        if explicit.get(i) == Some(&true) && !own.is_empty() {
            claim(c, &mut ids, here, i, &own, prefix);
        }
    }
    for (i, entry) in entries.iter_mut().enumerate() {
        if explicit.get(i) == Some(&true) {
            continue;
        }
        let derived = ids.derive(name(entry), prefix, i + 1);
        if let Some(other) = ids.holder(&derived.id) {
            let why = match derived.from_name {
                Some(candidate) => format!(
                    "the id derived from its name, {}, is taken by {}, and so is the fallback {} (by {})",
                    quote(&candidate),
                    here.index(ids.holder(&candidate).unwrap_or(other)).path(),
                    quote(&derived.id),
                    here.index(other).path()
                ),
                None => format!(
                    "its name gives no id (it has no ASCII letters or digits), and the fallback {} is taken by {}",
                    quote(&derived.id),
                    here.index(other).path()
                ),
            };
            c.error(
                here.index(i),
                format!("this {prefix} needs an `id` of its own: {why}"),
            );
        } else {
            // Free, so the claim succeeds.
            let _ = ids.claim(&derived.id, i);
        }
        *id(entry) = derived.id;
    }
}

/// What is said of an unknown reference when no id is close: `none`
/// when there are no ids to refer to, else the ids listed, then `more`.
pub struct Unknown<'a> {
    pub kind: &'a str,
    pub none: &'a str,
    pub more: &'a str,
}

/// Looks a reference up; an unknown one is reported with a "did you mean",
/// else as `unknown` says.
pub fn resolve(
    c: &mut Checker,
    here: Here<'_>,
    ids: &Ids,
    id: &str,
    unknown: &Unknown<'_>,
) -> Option<usize> {
    let index = ids.find(id);
    if index.is_none() {
        let message = format!("unknown {} {}", unknown.kind, quote(id));
        match ids.closest(id) {
            Some(close) => c.error_with(here, message, super::checker::did_you_mean(close)),
            None if ids.is_empty() => c.error(here, format!("{message}; {}", unknown.none)),
            None => c.error(
                here,
                format!(
                    "{message}; expected one of: {}{}",
                    ids.listing(),
                    unknown.more
                ),
            ),
        }
    }
    index
}
