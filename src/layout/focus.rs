//! What a reader can focus on — one persona, one channel or one owner — and
//! which cards belong to which: the keys the CLI (`render --persona ID`)
//! and the browser shell (`view.focusPersona(id)`) resolve names against,
//! and the owner index each card carries. Owners are free text, so the SVG
//! never carries their names in class names: it carries their index in
//! [`FocusKeys::owners`].

use super::card::{Card, ChipKind};
use crate::model::Map;
use serde::Serialize;

/// The ids a focus is asked for by, in index order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FocusKeys {
    /// Persona ids, in `personas` order.
    pub personas: Vec<String>,
    /// Channel ids: the built-in channels, then the map's own.
    pub channels: Vec<String>,
    /// The distinct owners, in reading order (stage by stage, lane by lane).
    pub owners: Vec<String>,
}

/// One focus: a persona, a channel or an owner, by index into
/// [`FocusKeys`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Persona(usize),
    Channel(usize),
    Owner(usize),
}

impl FocusKeys {
    /// The focus on the `kind` ("persona", "channel" or "owner") named
    /// `key`, or a message naming the known ones (with a "did you mean").
    pub fn resolve(&self, kind: &str, key: &str) -> Result<Focus, String> {
        let (list, make): (&[String], fn(usize) -> Focus) = match kind {
            "persona" => (&self.personas, Focus::Persona),
            "channel" => (&self.channels, Focus::Channel),
            _ => (&self.owners, Focus::Owner),
        };
        if let Some(index) = list.iter().position(|known| known == key) {
            return Ok(make(index));
        }
        let quote = crate::diagnostic::quote;
        let hint = crate::validate::rules::suggest(key, &mut list.iter().map(String::as_str))
            .map(|close| format!("; did you mean {}?", quote(close)))
            .unwrap_or_default();
        let known = if list.is_empty() {
            format!("the map has no {kind}s")
        } else {
            let names: Vec<String> = list.iter().map(|k| quote(k)).collect();
            format!("expected one of {}", names.join(", "))
        };
        Err(format!("no {kind} {}: {known}{hint}", quote(key)))
    }
}

/// The keys of `map`.
pub fn keys(map: &Map) -> FocusKeys {
    let mut owners: Vec<String> = Vec::new();
    for item in map.stages.iter().flat_map(|s| s.cells.iter().flatten()) {
        if let Some(owner) = &item.owner
            && !owners.contains(owner)
        {
            owners.push(owner.clone());
        }
    }
    FocusKeys {
        personas: map.personas.iter().map(|p| p.id.clone()).collect(),
        channels: map.channels.iter().map(|c| c.id.clone()).collect(),
        owners,
    }
}

/// Gives each card (and its owner chip) the index of its item's owner.
pub fn mark_owners(map: &Map, keys: &FocusKeys, cards: &mut [Card]) {
    for card in cards {
        let owner = map
            .stages
            .get(card.stage_index)
            .and_then(|s| s.cells.get(card.lane_index))
            .and_then(|cell| cell.get(card.item_index))
            .and_then(|item| item.owner.as_ref())
            .and_then(|owner| keys.owners.iter().position(|known| known == owner));
        card.owner = owner;
        for chip in &mut card.chips {
            if chip.kind == ChipKind::Owner {
                chip.owner = owner;
            }
        }
    }
}
