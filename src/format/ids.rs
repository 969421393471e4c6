//! Ids: what one may be, the id a name gives, and the registry that keeps
//! the ids of one kind unique (personas, stages, lanes, channels, sources,
//! and the ids the Mermaid converter writes).

use super::limits::ID_CHARS;
use crate::hash::HashMap;

/// What an id is, for messages.
pub const ID_EXPECTED: &str = "an id: 1 to 64 characters of A-Z, a-z, 0-9, _ and -";

/// An id is 1–64 characters of `A–Z a–z 0–9 _ -`.
pub fn is_valid_id(id: &str) -> bool {
    (1..=ID_CHARS).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// The id a name gives: its ASCII letters and digits, lower-cased, runs
/// joined by `-`, at most 64 characters. `None` when nothing is left.
pub fn id_from_name(name: &str) -> Option<String> {
    let mut id = String::new();
    for word in name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        if id.len() + usize::from(!id.is_empty()) + word.len() > ID_CHARS {
            break;
        }
        if !id.is_empty() {
            id.push('-');
        }
        id.push_str(&word.to_ascii_lowercase());
    }
    (!id.is_empty()).then_some(id)
}

/// The ids of one kind taken so far, each with the position (0-based) of
/// the entry that has it.
#[derive(Debug, Default)]
pub struct Registry {
    taken: HashMap<String, usize>,
}

/// The id an entry without one would get.
pub struct Derived {
    /// The id its name gives, if any (it may be taken).
    pub from_name: Option<String>,
    /// The id from its name when free, else `PREFIX-N`.
    pub id: String,
}

impl Registry {
    /// Takes `id` for the entry at `index`; when another entry has it
    /// already, its index.
    pub fn claim(&mut self, id: &str, index: usize) -> Result<(), usize> {
        match self.taken.get(id) {
            Some(&first) => Err(first),
            None => {
                self.taken.insert(id.to_owned(), index);
                Ok(())
            }
        }
    }

    /// The entry that has `id`.
    pub fn holder(&self, id: &str) -> Option<usize> {
        self.taken.get(id).copied()
    }

    /// The id of an entry without one, at 1-based `position`: derived from
    /// its name unless taken, else `PREFIX-N`. Not claimed.
    pub fn derive(&self, name: &str, prefix: &str, position: usize) -> Derived {
        let from_name = id_from_name(name);
        let id = match &from_name {
            Some(candidate) if !self.taken.contains_key(candidate) => candidate.clone(),
            _ => format!("{prefix}-{position}"),
        };
        Derived { from_name, id }
    }

    /// Like [`Registry::derive`], but never failing: a taken `PREFIX-N`
    /// gets `-2`, `-3`, … The id is claimed. For writers of maps (the
    /// Mermaid converter), which must produce unique ids.
    pub fn unique(&mut self, name: &str, prefix: &str, position: usize) -> String {
        let base = self.derive(name, prefix, position).id;
        let mut id = base.clone();
        let mut n = 2;
        while self.taken.contains_key(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.taken.insert(id.clone(), position.saturating_sub(1));
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derives_ids_from_names() {
        assert_eq!(
            id_from_name("Sign up & pay!").as_deref(),
            Some("sign-up-pay")
        );
        assert_eq!(id_from_name("Café au lait").as_deref(), Some("caf-au-lait"));
        assert_eq!(id_from_name("購入"), None);
        let long = "word ".repeat(40);
        let id = id_from_name(&long).unwrap_or_default();
        assert!(id.len() <= 64 && is_valid_id(&id) && !id.ends_with('-'));
    }

    #[test]
    fn the_registry_falls_back_to_numbered_ids() {
        let mut ids = Registry::default();
        assert_eq!(ids.claim("pay", 0), Ok(()));
        assert_eq!(ids.claim("pay", 3), Err(0));
        assert_eq!(ids.derive("Pay", "stage", 2).id, "stage-2");
        assert_eq!(ids.derive("購入", "stage", 2).id, "stage-2");
        assert_eq!(ids.unique("Pay", "stage", 2), "stage-2");
        assert_eq!(ids.unique("Pay", "stage", 2), "stage-2-2");
        assert_eq!(ids.holder("stage-2"), Some(1));
    }
}
