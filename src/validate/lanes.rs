//! The lanes: declared in `lanes`, or gathered from the keys of the
//! stages' cells.

use super::checker::{Checker, Here};
use super::defaults::{kind_name, lane_with_defaults};
use super::ids::{claim, read_id};
use super::limits::{LANES, at_most};
use super::map::References;
use crate::diagnostic::quote;
use crate::format::ids::{Registry, is_valid_id};
use crate::format::spec::lane;
use crate::hash::HashMap;
use crate::i18n::Words;
use crate::model::{Lane, LaneKind};
use serde_json::Value;

pub fn read_lanes(c: &mut Checker, values: &[Value], here: Here<'_>, refs: &mut References) {
    at_most(c, here, values.len(), LANES, "lanes");
    let mut declared = Registry::default();
    for (i, value) in values.iter().enumerate() {
        let at = here.index(i);
        let Some(object) = c.object(value, at, &lane::SPEC) else {
            continue;
        };
        let id = read_id(c, object, at, &lane::ID);
        let kind = c.keyword(object, at, &lane::KIND);
        let label = c.text(object, at, &lane::LABEL);
        let tone = c.keyword(object, at, &lane::TONE);
        let by_channel = c.boolean(object, at, &lane::BY_CHANNEL);
        let Some(id) = id else {
            if let Some(raw) = object.get(lane::ID.name).and_then(Value::as_str) {
                refs.quiet_lanes.insert(raw.to_owned(), i);
            }
            continue;
        };
        if !claim(c, &mut declared, here, i, &id, "lane") {
            continue;
        }
        let mut lane = lane_with_defaults(id, &refs.words);
        if let Some(kind) = kind {
            lane.kind = kind;
        }
        if let Some(label) = label {
            lane.label = label;
        }
        if let Some(tone) = tone {
            lane.tone = tone;
        }
        if by_channel == Some(true) {
            if lane.kind == LaneKind::Touchpoints {
                lane.by_channel = true;
            } else {
                c.error(
                    at.key(lane::BY_CHANNEL.name),
                    format!(
                        "byChannel applies only to lanes of kind \"touchpoints\", found a lane of kind {}",
                        quote(kind_name(lane.kind))
                    ),
                );
            }
        }
        refs.lanes.push(lane);
    }
}

/// Without `lanes`, the lanes are the keys of the stages' `cells`, in the
/// order they are first seen.
pub fn lanes_from_cells(
    c: &mut Checker,
    stages: &[Value],
    here: Here<'_>,
    words: &Words,
) -> Vec<Lane> {
    let mut lanes: Vec<Lane> = Vec::new();
    // Each key seen, with the stage where it first is (a map rather than a
    // set: the map type ids use; each hash map type costs the wasm its code).
    let mut seen: HashMap<String, usize> = HashMap::default();
    let mut first_over_limit = None;
    for (i, stage) in stages.iter().enumerate() {
        let Some(Value::Object(cells)) = stage.get("cells") else {
            continue;
        };
        for key in cells.keys() {
            if seen.contains_key(key) {
                continue;
            }
            seen.insert(key.clone(), i);
            if is_valid_id(key) {
                lanes.push(lane_with_defaults(key.clone(), words));
                if lanes.len() == LANES + 1 {
                    first_over_limit = Some(here.index(i).key("cells").key(key).path());
                }
            } else {
                c.error(
                    here.index(i).key("cells").key(key),
                    format!(
                        "expected a lane id: 1 to 64 characters of A-Z, a-z, 0-9, _ and -, found {}",
                        quote(key)
                    ),
                );
            }
        }
    }
    if let Some(path) = first_over_limit {
        c.error_at(
            path,
            format!(
                "expected at most {LANES} lanes, found {} (the keys used in the stages' cells); this is the first one over the limit",
                lanes.len()
            ),
        );
    }
    lanes
}
