//! Items, the cards of the map, and their references to channels,
//! personas and sources.

use super::checker::{Checker, Here, found};
use super::ids::{Ids, Unknown, resolve};
use super::limits::SHORT_TEXT;
use super::map::References;
use super::rules::check_url;
use crate::format::spec::{Field, item};
use crate::hash::HashMap;
use crate::model::{Item, Lane, LaneKind, Tag};
use serde_json::{Map as Object, Value};

/// An item; `None` when it cannot be read, or is past the item limit
/// (then it is still checked).
pub fn read_item(
    c: &mut Checker,
    value: &Value,
    here: Here<'_>,
    lane: &Lane,
    refs: &mut References,
) -> Option<Item> {
    let within_limit = refs.items.count(here);
    let touchpoints = lane.kind == LaneKind::Touchpoints;
    if let Value::String(_) = value {
        if touchpoints {
            c.error(
                here,
                format!(
                    "expected a touchpoint with a channel, like {{\"text\": {}, \"channel\": \"web\"}}, found a text alone",
                    found(value)
                ),
            );
            return None;
        }
        let text = c.text_value(value, here, SHORT_TEXT)?;
        return within_limit.then(|| Item {
            text,
            detail: None,
            channel: None,
            score: None,
            personas: Vec::new(),
            tags: Vec::new(),
            owner: None,
            url: None,
            sources: Vec::new(),
            confidence: None,
        });
    }
    let object = c.object(value, here, &item::SPEC)?;
    let text = c.text(object, here, &item::TEXT);
    let channel = read_channel_ref(c, object, here, &refs.channel_ids);
    if touchpoints && !object.contains_key(item::CHANNEL.name) {
        c.missing(
            object,
            here,
            item::CHANNEL.name,
            "a channel id in a touchpoints lane, such as \"web\", \"phone\" or \"store\"",
        );
    }
    let item = Item {
        text: text.unwrap_or_default(),
        detail: c.text(object, here, &item::DETAIL),
        channel,
        score: c.number(object, here, &item::SCORE),
        personas: read_refs(
            c,
            (object, here, &item::PERSONAS),
            &refs.persona_ids,
            &Unknown {
                kind: "persona",
                none: "expected a persona declared in `personas`, but the map declares none",
                more: "",
            },
        ),
        tags: c
            .text_list(object, here, &item::TAGS)
            .iter()
            .map(|t| Tag::from_text(t))
            .collect(),
        owner: c.text(object, here, &item::OWNER),
        url: c.get(object, here, &item::URL).and_then(|value| {
            // Checked as written: dropping control characters first could
            // turn a rejected link into an accepted one.
            let here = here.key(item::URL.name);
            let url = c.raw_text(value, here, usize::MAX)?;
            check_url(url)
                .map_err(|message| c.error(here, message))
                .ok()
        }),
        sources: read_refs(
            c,
            (object, here, &item::SOURCES),
            &refs.source_ids,
            &Unknown {
                kind: "source",
                none: "expected the id of a source written in `sources` as an object with \"id\" and \"text\", but the map has none",
                more: "",
            },
        ),
        confidence: c.keyword(object, here, &item::CONFIDENCE),
    };
    within_limit.then_some(item)
}

fn read_channel_ref(
    c: &mut Checker,
    object: &Object<String, Value>,
    here: Here<'_>,
    channels: &Ids,
) -> Option<usize> {
    let value = c.get(object, here, &item::CHANNEL)?;
    let here = here.key(item::CHANNEL.name);
    let Some(id) = value.as_str() else {
        c.expected(here, "a channel id such as \"web\"", value);
        return None;
    };
    let unknown = Unknown {
        kind: "channel",
        none: "expected a channel declared in `channels`",
        more: ", or a channel declared in `channels`",
    };
    resolve(c, here, channels, id, &unknown)
}

/// An array of ids of personas or sources, as indices; each at most once.
fn read_refs(
    c: &mut Checker,
    (object, here, field): (&Object<String, Value>, Here<'_>, &Field),
    ids: &Ids,
    unknown: &Unknown<'_>,
) -> Vec<usize> {
    let kind = unknown.kind;
    let Some(value) = c.get(object, here, field) else {
        return Vec::new();
    };
    let here = here.key(field.name);
    let Some(values) = c.array(value, here, &format!("an array of {kind} ids")) else {
        return Vec::new();
    };
    let mut indices = Vec::new();
    // Where each index is first referred to: a map rather than a set, the
    // map type `locate` uses (each hash map type costs the wasm its code).
    let mut first_at: HashMap<usize, usize> = HashMap::default();
    for (i, value) in values.iter().enumerate() {
        let here = here.index(i);
        let Some(id) = value.as_str() else {
            c.expected(here, &format!("a {kind} id"), value);
            continue;
        };
        let found = resolve(c, here, ids, id, unknown);
        if let Some(index) = found
            && !first_at.contains_key(&index)
        {
            first_at.insert(index, i);
            indices.push(index);
        }
    }
    indices
}
