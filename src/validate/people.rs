//! Personas and channels: the parts of a map that items refer to by id.

use super::checker::{Checker, Here};
use super::defaults::built_in_channel;
use super::ids::{assign_ids, claim, explicit_ids, read_id};
use super::limits::{PERSONAS, at_most};
use super::stages::read_metrics;
use super::theme::read_color;
use crate::format::ids::Registry;
use crate::format::spec::{channel, map, persona};
use crate::i18n::Words;
use crate::model::{Channel, Icon, Persona};
use serde_json::{Map as Object, Value};

pub fn read_personas(
    c: &mut Checker,
    object: &Object<String, Value>,
    here: Here<'_>,
) -> Vec<Persona> {
    let Some(value) = c.get(object, here, &map::PERSONAS) else {
        return Vec::new();
    };
    let here = here.key(map::PERSONAS.name);
    let Some(values) = c.array(value, here, "an array of personas") else {
        return Vec::new();
    };
    at_most(c, here, values.len(), PERSONAS, "personas");
    let mut personas: Vec<Persona> = values
        .iter()
        .enumerate()
        .map(|(i, value)| {
            let here = here.index(i);
            let empty = Object::new();
            let object = c.object(value, here, &persona::SPEC).unwrap_or(&empty);
            Persona {
                id: read_id(c, object, here, &persona::ID).unwrap_or_default(),
                name: if !value.is_object() {
                    String::new() // already reported
                } else {
                    c.text(object, here, &persona::NAME).unwrap_or_default()
                },
                description: c.text(object, here, &persona::DESCRIPTION),
                goals: c.text_list(object, here, &persona::GOALS),
                frustrations: c.text_list(object, here, &persona::FRUSTRATIONS),
                color: read_color(c, object, here, &persona::COLOR),
            }
        })
        .collect();
    assign_ids(
        c,
        here,
        &mut personas,
        |p| &mut p.id,
        |p| &p.name,
        "persona",
        &explicit_ids(values),
    );
    personas
}

/// The built-in channels, renamed, recoloured or measured where the map
/// says so, then the map's own.
pub fn read_channels(
    c: &mut Checker,
    object: &Object<String, Value>,
    here: Here<'_>,
    words: &Words,
) -> Vec<Channel> {
    let mut channels: Vec<Channel> = Icon::ALL
        .into_iter()
        .map(|icon| built_in_channel(icon, words))
        .collect();
    let Some(value) = c.get(object, here, &map::CHANNELS) else {
        return channels;
    };
    let here = here.key(map::CHANNELS.name);
    let Some(values) = c.array(value, here, "an array of channels") else {
        return channels;
    };
    let mut declared = Registry::default();
    for (i, value) in values.iter().enumerate() {
        let at = here.index(i);
        let Some(object) = c.object(value, at, &channel::SPEC) else {
            continue;
        };
        let id = read_id(c, object, at, &channel::ID);
        let builtin = id.as_deref().and_then(Icon::from_id);
        // A built-in channel keeps its name unless the map gives one.
        let name = match builtin {
            Some(icon) if !object.contains_key(channel::NAME.name) => {
                Some(words.get(icon.name_key()).to_owned())
            }
            _ if !object.contains_key(channel::NAME.name) => {
                c.missing(
                    object,
                    at,
                    channel::NAME.name,
                    "a string, the channel's name (only a built-in channel, such as \"phone\", may leave it out)",
                );
                None
            }
            _ => c.text(object, at, &channel::NAME),
        };
        let icon = c.keyword(object, at, &channel::ICON);
        let color = read_color(c, object, at, &channel::COLOR);
        let share = c.number(object, at, &channel::SHARE);
        let metrics = read_metrics(c, object, at, &channel::METRICS);
        let (Some(id), Some(name)) = (id, name) else {
            continue;
        };
        if !claim(c, &mut declared, here, i, &id, "channel") {
            continue;
        }
        let channel = Channel {
            icon: icon.or(builtin).unwrap_or(Icon::Other),
            id,
            name,
            color,
            share,
            metrics,
        };
        // Declared ids are unique, so only a built-in can be replaced; the
        // built-ins come first, in the order of `Icon::ALL`.
        match builtin
            .and_then(|b| Icon::ALL.iter().position(|&icon| icon == b))
            .and_then(|i| channels.get_mut(i))
        {
            Some(existing) => *existing = channel,
            None => channels.push(channel),
        }
    }
    channels
}
