//! The format's rules, field by field: what each object may hold, the
//! defaults, how ids are derived and references resolved.

use super::checker::{Checker, Here, found};
use super::limits::{ITEMS, LANES, LONG_TEXT, PERSONAS, SHORT_TEXT, STAGES};
use super::rules::{check_font, check_url, id_from_name, is_valid_id, suggest};
use crate::diagnostic::{JsonPath, quote};
use crate::model::{
    Better, Channel, Color, Icon, Item, Lane, LaneKind, Map, Metric, MetricValue, Persona, Stage,
    Tag, Theme, ThemeMode, Tone,
};
use serde_json::{Map as Object, Value};
use std::collections::{HashMap, HashSet};

const MAP_FIELDS: &[&str] = &[
    "version",
    "$schema",
    "title",
    "description",
    "personas",
    "channels",
    "lanes",
    "stages",
    "sources",
    "theme",
];
const PERSONA_FIELDS: &[&str] = &[
    "id",
    "name",
    "description",
    "goals",
    "frustrations",
    "color",
];
const CHANNEL_FIELDS: &[&str] = &["id", "name", "icon", "color"];
const LANE_FIELDS: &[&str] = &["id", "kind", "label", "tone", "byChannel"];
const STAGE_FIELDS: &[&str] = &[
    "id",
    "name",
    "goal",
    "description",
    "duration",
    "detail",
    "quotes",
    "score",
    "reach",
    "metrics",
    "cells",
];
const METRIC_FIELDS: &[&str] = &["label", "value", "unit", "target", "better"];
const ITEM_FIELDS: &[&str] = &[
    "text", "detail", "channel", "score", "personas", "tags", "owner", "url",
];
const THEME_FIELDS: &[&str] = &[
    "base",
    "accent",
    "positive",
    "negative",
    "neutral",
    "background",
    "text",
    "font",
];
const SCORE_RANGE: (f64, f64) = (1.0, 5.0);
const SCORE_EXPECTED: &str = "a number from 1 (very negative) to 5 (very positive)";

/// The lanes every map may use by id alone: kind, label and tone.
const WELL_KNOWN_LANES: [(&str, LaneKind, &str, Tone); 10] = [
    ("actions", LaneKind::Text, "Actions", Tone::Neutral),
    ("goals", LaneKind::Text, "Goals", Tone::Neutral),
    (
        "touchpoints",
        LaneKind::Touchpoints,
        "Touchpoints",
        Tone::Neutral,
    ),
    ("thoughts", LaneKind::Text, "Thoughts", Tone::Neutral),
    ("emotion", LaneKind::Emotion, "Experience", Tone::Neutral),
    ("pains", LaneKind::Text, "Pain points", Tone::Negative),
    ("opportunities", LaneKind::Text, "Opportunities", Tone::Idea),
    ("backstage", LaneKind::Text, "Backstage", Tone::Neutral),
    ("owners", LaneKind::Text, "Owners", Tone::Neutral),
    ("metrics", LaneKind::Metrics, "Metrics", Tone::Neutral),
];

fn well_known(id: &str) -> Option<(LaneKind, &'static str, Tone)> {
    WELL_KNOWN_LANES
        .iter()
        .find(|(known, ..)| *known == id)
        .map(|&(_, kind, label, tone)| (kind, label, tone))
}

/// Everything items refer to, resolved before the stages are read.
struct References {
    channels: Vec<Channel>,
    channel_ids: Ids,
    persona_ids: Ids,
    lanes: Vec<Lane>,
    lane_ids: Ids,
    /// Whether the lanes come from `lanes` (then every key of `cells` must
    /// name one) rather than from the keys of `cells`.
    lanes_declared: bool,
    /// Keys of `cells` not to report as unknown lanes: the ids of entries
    /// of `lanes` that were rejected, and of lanes past the limit (both
    /// already reported).
    quiet_lanes: HashSet<String>,
    items_seen: usize,
    /// The first item over the limit, reported once the total is known.
    first_item_over_limit: Option<JsonPath>,
}

/// Ids that the document refers to, looked up by hash; suggestions and
/// lists of them stay within bounds however many the document declares.
struct Ids {
    order: Vec<String>,
    index: HashMap<String, usize>,
}

/// "Did you mean" looks among at most this many ids.
const SUGGEST_AMONG: usize = 200;
/// "Expected one of" lists at most this many ids.
const LIST_AT_MOST: usize = 20;

impl Ids {
    /// The ids in order; of two equal ids, the first is found.
    fn new<'a>(ids: impl IntoIterator<Item = &'a str>) -> Ids {
        let order: Vec<String> = ids.into_iter().map(str::to_owned).collect();
        let mut index = HashMap::with_capacity(order.len());
        for (i, id) in order.iter().enumerate() {
            index.entry(id.clone()).or_insert(i);
        }
        Ids { order, index }
    }

    fn find(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    fn closest(&self, word: &str) -> Option<&str> {
        if self.order.len() > SUGGEST_AMONG {
            return None;
        }
        suggest(word, self.order.iter().map(String::as_str))
    }

    /// `a, b, c`, or the first ones and how many there are in all.
    fn listing(&self) -> String {
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

pub fn read_map(c: &mut Checker, value: &Value, here: Here<'_>) -> Option<Map> {
    // The version comes first: a map of another version is not read any
    // further, so the fields that version may have added are not reported.
    if let Some(version) = value.get("version")
        && version.as_u64() != Some(1)
    {
        c.error(
            here.key("version"),
            format!(
                "unsupported version: expected 1, found {}; this renderer reads version 1 of the format (leaving out \"version\" means 1)",
                found(version)
            ),
        );
        return None;
    }
    let object = c.object(value, here, "a JSON object (a journey map)", MAP_FIELDS)?;
    if let Some(schema) = object.get("$schema")
        && !schema.is_string()
    {
        c.expected(
            here.key("$schema"),
            "a string (the JSON Schema's location)",
            schema,
        );
    }
    let title = c.required_text(object, here, "title", SHORT_TEXT);
    let description = c.optional_text(object, here, "description", LONG_TEXT);
    let personas = read_personas(c, object, here);
    let channels = read_channels(c, object, here);
    let sources = c.text_list(object, here, "sources", SHORT_TEXT);
    let theme = read_theme(c, object, here);

    let stages_here = here.key("stages");
    let stage_values = match object.get("stages") {
        None => {
            c.missing(object, here, "stages", "an array of at least one stage");
            None
        }
        Some(value) => c.array(value, stages_here, "an array of stages"),
    };
    match stage_values {
        Some([]) => c.error(
            stages_here,
            "expected at least one stage, found an empty array",
        ),
        Some(values) if values.len() > STAGES => c.error(
            stages_here,
            format!("expected at most {STAGES} stages, found {}", values.len()),
        ),
        _ => {}
    }
    // Lanes are read even when the stages cannot be, so that their
    // problems are reported too.
    let declared_lanes = object
        .get("lanes")
        .and_then(|value| c.array(value, here.key("lanes"), "an array of lanes"));
    let mut refs = References {
        channel_ids: Ids::new(channels.iter().map(|ch| ch.id.as_str())),
        channels,
        persona_ids: Ids::new(personas.iter().map(|p| p.id.as_str())),
        lanes: Vec::new(),
        lane_ids: Ids::new([]),
        lanes_declared: declared_lanes.is_some(),
        quiet_lanes: HashSet::new(),
        items_seen: 0,
        first_item_over_limit: None,
    };
    match declared_lanes {
        Some(values) => read_lanes(c, values, here.key("lanes"), &mut refs),
        None => refs.lanes = lanes_from_cells(c, stage_values.unwrap_or_default(), stages_here),
    }
    // Past the limit (already reported), lanes are left out, so that every
    // stage's cells stay few; their cells are not read.
    if refs.lanes.len() > LANES {
        for lane in refs.lanes.drain(LANES..) {
            refs.quiet_lanes.insert(lane.id);
        }
    }
    refs.lane_ids = Ids::new(refs.lanes.iter().map(|lane| lane.id.as_str()));
    let stage_values = stage_values?;
    let mut stages: Vec<Stage> = Vec::with_capacity(stage_values.len().min(STAGES));
    for (i, value) in stage_values.iter().enumerate() {
        let stage = read_stage(c, value, stages_here.index(i), &mut refs);
        // Past the limit (already reported), stages are checked but not
        // kept: memory stays bounded whatever the document holds.
        if i < STAGES {
            stages.push(stage);
        }
    }
    if let Some(path) = refs.first_item_over_limit.take() {
        c.error_at(
            path,
            format!(
                "expected at most {ITEMS} items in all, found {}; this is the first one over the limit",
                refs.items_seen
            ),
        );
    }
    assign_ids(
        c,
        stages_here,
        &mut stages,
        |s| &mut s.id,
        |s| &s.name,
        "stage",
        explicit_ids(stage_values),
    );
    add_drawn_lanes(&mut refs.lanes, &mut stages);

    Some(Map {
        title: title?,
        description,
        personas,
        channels: refs.channels,
        lanes: refs.lanes,
        stages,
        sources,
        theme,
    })
}

/// Which entries of an array of objects carry their own `id`.
fn explicit_ids(values: &[Value]) -> Vec<bool> {
    values
        .iter()
        .map(|v| v.get("id").is_some_and(Value::is_string))
        .collect()
}

/// Gives every entry without an id one derived from its name; reports
/// duplicate ids. Explicit ids are taken first, so a derived id never
/// takes one written in the document: it falls back to `PREFIX-N`.
fn assign_ids<T>(
    c: &mut Checker,
    here: Here<'_>,
    entries: &mut [T],
    id: impl Fn(&mut T) -> &mut String,
    name: impl Fn(&T) -> &String,
    prefix: &str,
    explicit: Vec<bool>,
) {
    // Each id taken, with the index of the entry that has it.
    let mut taken: HashMap<String, usize> = HashMap::new();
    for (i, entry) in entries.iter_mut().enumerate() {
        if explicit.get(i) != Some(&true) {
            continue;
        }
        let own = id(entry).clone();
        if own.is_empty() {
            continue; // an invalid id, already reported
        }
        if let Some(&first) = taken.get(&own) {
            c.error(
                here.index(i).key("id"),
                format!(
                    "duplicate {prefix} id {}: {} has it already; ids must be unique",
                    quote(&own),
                    here.index(first).path()
                ),
            );
        } else {
            taken.insert(own, i);
        }
    }
    for (i, entry) in entries.iter_mut().enumerate() {
        if explicit.get(i) == Some(&true) {
            continue;
        }
        let from_name = id_from_name(name(entry));
        let fallback = format!("{prefix}-{}", i + 1);
        let derived = match &from_name {
            Some(candidate) if !taken.contains_key(candidate) => candidate.clone(),
            _ => fallback,
        };
        if let Some(&other) = taken.get(&derived) {
            let why = match from_name {
                Some(candidate) => format!(
                    "the id derived from its name, {}, is taken by {}, and so is the fallback {} (by {})",
                    quote(&candidate),
                    here.index(taken.get(&candidate).copied().unwrap_or(other))
                        .path(),
                    quote(&derived),
                    here.index(other).path()
                ),
                None => format!(
                    "its name gives no id (it has no ASCII letters or digits), and the fallback {} is taken by {}",
                    quote(&derived),
                    here.index(other).path()
                ),
            };
            c.error(
                here.index(i),
                format!("this {prefix} needs an `id` of its own: {why}"),
            );
        } else {
            taken.insert(derived.clone(), i);
        }
        *id(entry) = derived;
    }
}

fn read_id(c: &mut Checker, object: &Object<String, Value>, here: Here<'_>) -> Option<String> {
    let value = object.get("id")?;
    match value.as_str() {
        Some(id) if is_valid_id(id) => Some(id.to_owned()),
        _ => {
            c.expected(
                here.key("id"),
                "an id: 1 to 64 characters of A-Z, a-z, 0-9, _ and -",
                value,
            );
            None
        }
    }
}

fn read_color(
    c: &mut Checker,
    object: &Object<String, Value>,
    here: Here<'_>,
    key: &str,
) -> Option<Color> {
    let value = object.get(key)?;
    let color = value.as_str().and_then(Color::parse);
    if color.is_none() {
        c.expected(
            here.key(key),
            "a hex colour like \"#1f6feb\" or \"#16b\"",
            value,
        );
    }
    color
}

fn read_personas(c: &mut Checker, object: &Object<String, Value>, here: Here<'_>) -> Vec<Persona> {
    let Some(value) = object.get("personas") else {
        return Vec::new();
    };
    let here = here.key("personas");
    let Some(values) = c.array(value, here, "an array of personas") else {
        return Vec::new();
    };
    if values.len() > PERSONAS {
        c.error(
            here,
            format!(
                "expected at most {PERSONAS} personas, found {}",
                values.len()
            ),
        );
    }
    let mut personas: Vec<Persona> = values
        .iter()
        .enumerate()
        .map(|(i, value)| {
            let here = here.index(i);
            let empty = Object::new();
            let object = c
                .object(
                    value,
                    here,
                    "a persona object with a \"name\"",
                    PERSONA_FIELDS,
                )
                .unwrap_or(&empty);
            Persona {
                id: read_id(c, object, here).unwrap_or_default(),
                name: if !value.is_object() {
                    String::new() // already reported
                } else {
                    c.required_text(object, here, "name", SHORT_TEXT)
                        .unwrap_or_default()
                },
                description: c.optional_text(object, here, "description", LONG_TEXT),
                goals: c.text_list(object, here, "goals", SHORT_TEXT),
                frustrations: c.text_list(object, here, "frustrations", SHORT_TEXT),
                color: read_color(c, object, here, "color"),
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
        explicit_ids(values),
    );
    personas
}

fn read_channels(c: &mut Checker, object: &Object<String, Value>, here: Here<'_>) -> Vec<Channel> {
    let mut channels: Vec<Channel> = Icon::ALL
        .into_iter()
        .map(|icon| Channel {
            id: icon.id().to_owned(),
            name: icon.default_name().to_owned(),
            icon,
            color: None,
        })
        .collect();
    let Some(value) = object.get("channels") else {
        return channels;
    };
    let channels_here = here.key("channels");
    let here = channels_here;
    let Some(values) = c.array(value, here, "an array of channels") else {
        return channels;
    };
    let icon_choices: Vec<(&str, Icon)> = Icon::ALL.into_iter().map(|i| (i.id(), i)).collect();
    // Each channel id declared, with the index of its entry.
    let mut declared: HashMap<String, usize> = HashMap::new();
    for (i, value) in values.iter().enumerate() {
        let here = here.index(i);
        let Some(object) = c.object(
            value,
            here,
            "a channel object with \"id\" and \"name\"",
            CHANNEL_FIELDS,
        ) else {
            continue;
        };
        let id = read_id(c, object, here);
        if !object.contains_key("id") {
            c.missing(object, here, "id", "an id, such as \"whatsapp\"");
        }
        let name = c.required_text(object, here, "name", SHORT_TEXT);
        let icon = c.choice(object, here, "icon", &icon_choices);
        let color = read_color(c, object, here, "color");
        let (Some(id), Some(name)) = (id, name) else {
            continue;
        };
        if let Some(&first) = declared.get(&id) {
            c.error(
                here.key("id"),
                format!(
                    "duplicate channel id {}: {} has it already; ids must be unique",
                    quote(&id),
                    channels_here.index(first).path()
                ),
            );
            continue;
        }
        declared.insert(id.clone(), i);
        let builtin = Icon::from_id(&id);
        let channel = Channel {
            icon: icon.or(builtin).unwrap_or(Icon::Other),
            id,
            name,
            color,
        };
        // Declared ids are unique, so only a built-in can be replaced; the
        // built-ins come first, in the order of `Icon::ALL`.
        let built_in = Icon::ALL.iter().position(|icon| icon.id() == channel.id);
        match built_in.and_then(|i| channels.get_mut(i)) {
            Some(existing) => *existing = channel,
            None => channels.push(channel),
        }
    }
    channels
}

fn lane_with_defaults(id: String) -> Lane {
    let (kind, label, tone) = well_known(&id).unwrap_or((LaneKind::Text, "", Tone::Neutral));
    Lane {
        label: if label.is_empty() {
            id.clone()
        } else {
            label.to_owned()
        },
        id,
        kind,
        tone,
        by_channel: false,
    }
}

fn read_lanes(c: &mut Checker, values: &[Value], here: Here<'_>, refs: &mut References) {
    if values.len() > LANES {
        c.error(
            here,
            format!("expected at most {LANES} lanes, found {}", values.len()),
        );
    }
    // Each lane id declared, with the index of its entry.
    let mut declared: HashMap<String, usize> = HashMap::new();
    for (i, value) in values.iter().enumerate() {
        let lanes_here = here;
        let here = here.index(i);
        let Some(object) = c.object(value, here, "a lane object with an \"id\"", LANE_FIELDS)
        else {
            continue;
        };
        if !object.contains_key("id") {
            c.missing(
                object,
                here,
                "id",
                "an id, the key used in the stages' cells",
            );
        }
        let id = read_id(c, object, here);
        let kind = c.choice(object, here, "kind", &LaneKind::ALL);
        let label = c.optional_text(object, here, "label", SHORT_TEXT);
        let tone = c.choice(object, here, "tone", &Tone::ALL);
        let by_channel = c.boolean(object, here, "byChannel");
        let Some(id) = id else {
            if let Some(raw) = object.get("id").and_then(Value::as_str) {
                refs.quiet_lanes.insert(raw.to_owned());
            }
            continue;
        };
        if let Some(&first) = declared.get(&id) {
            c.error(
                here.key("id"),
                format!(
                    "duplicate lane id {}: {} has it already; ids must be unique",
                    quote(&id),
                    lanes_here.index(first).path()
                ),
            );
            continue;
        }
        declared.insert(id.clone(), i);
        let mut lane = lane_with_defaults(id);
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
                    here.key("byChannel"),
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
fn lanes_from_cells(c: &mut Checker, stages: &[Value], here: Here<'_>) -> Vec<Lane> {
    let mut lanes: Vec<Lane> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut first_over_limit = None;
    for (i, stage) in stages.iter().enumerate() {
        let Some(Value::Object(cells)) = stage.get("cells") else {
            continue;
        };
        for key in cells.keys() {
            if !seen.insert(key) {
                continue;
            }
            if is_valid_id(key) {
                lanes.push(lane_with_defaults(key.clone()));
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

fn read_stage(c: &mut Checker, value: &Value, here: Here<'_>, refs: &mut References) -> Stage {
    let empty = Object::new();
    let object = c
        .object(value, here, "a stage object with a \"name\"", STAGE_FIELDS)
        .unwrap_or(&empty);
    let name = if value.is_object() {
        c.required_text(object, here, "name", SHORT_TEXT)
    } else {
        None
    };
    Stage {
        id: read_id(c, object, here).unwrap_or_default(),
        name: name.unwrap_or_default(),
        goal: c.optional_text(object, here, "goal", SHORT_TEXT),
        description: c.optional_text(object, here, "description", LONG_TEXT),
        duration: c.optional_text(object, here, "duration", SHORT_TEXT),
        detail: c.optional_text(object, here, "detail", LONG_TEXT),
        quotes: c.text_list(object, here, "quotes", LONG_TEXT),
        score: c.number(object, here, "score", SCORE_RANGE, SCORE_EXPECTED),
        reach: c.number(
            object,
            here,
            "reach",
            (0.0, f64::MAX),
            "a number of customers (or a percentage), 0 or more",
        ),
        metrics: read_metrics(c, object, here),
        cells: read_cells(c, object, here, refs),
    }
}

fn read_metrics(c: &mut Checker, object: &Object<String, Value>, here: Here<'_>) -> Vec<Metric> {
    let Some(value) = object.get("metrics") else {
        return Vec::new();
    };
    let here = here.key("metrics");
    let Some(values) = c.array(value, here, "an array of metrics") else {
        return Vec::new();
    };
    let better_choices = [("higher", Better::Higher), ("lower", Better::Lower)];
    let mut metrics = Vec::new();
    for (i, value) in values.iter().enumerate() {
        let here = here.index(i);
        let Some(object) = c.object(
            value,
            here,
            "a metric object with \"label\" and \"value\"",
            METRIC_FIELDS,
        ) else {
            continue;
        };
        let label = c.required_text(object, here, "label", SHORT_TEXT);
        let value = match object.get("value") {
            Some(v) => metric_value(c, v, here.key("value")),
            None => {
                c.missing(object, here, "value", "a number or a string");
                None
            }
        };
        let unit = c.optional_text(object, here, "unit", SHORT_TEXT);
        let target = object
            .get("target")
            .and_then(|v| metric_value(c, v, here.key("target")));
        let better = c.choice(object, here, "better", &better_choices);
        if let (Some(label), Some(value)) = (label, value) {
            metrics.push(Metric {
                label,
                value,
                unit,
                target,
                better: better.unwrap_or(Better::Higher),
            });
        }
    }
    metrics
}

fn metric_value(c: &mut Checker, value: &Value, here: Here<'_>) -> Option<MetricValue> {
    match value {
        Value::Number(n) => n
            .as_f64()
            .filter(|f| f.is_finite())
            .map(MetricValue::Number),
        Value::String(_) => c.text(value, here, SHORT_TEXT).map(MetricValue::Text),
        other => {
            c.expected(here, "a number or a string", other);
            None
        }
    }
}

fn read_cells(
    c: &mut Checker,
    object: &Object<String, Value>,
    here: Here<'_>,
    refs: &mut References,
) -> Vec<Vec<Item>> {
    let mut cells: Vec<Vec<Item>> = vec![Vec::new(); refs.lanes.len()];
    let Some(value) = object.get("cells") else {
        return cells;
    };
    let here = here.key("cells");
    let Value::Object(lanes) = value else {
        c.expected(here, "an object of lane id → array of items", value);
        return cells;
    };
    for (key, items) in lanes {
        let here = here.key(key);
        let Some(lane_index) = refs.lane_ids.find(key) else {
            // Without `lanes`, every valid key is a lane and invalid ones
            // were reported when the lanes were gathered; with `lanes`, a
            // key whose lane entry was rejected was reported there.
            if refs.lanes_declared && !refs.quiet_lanes.contains(key.as_str()) {
                let hint = match refs.lane_ids.closest(key) {
                    Some(close) => format!("; did you mean {}?", quote(close)),
                    None if refs.lane_ids.is_empty() => {
                        "; expected a lane declared in `lanes`, but it declares none".to_owned()
                    }
                    None => format!(
                        "; expected one of: {}, or add it to `lanes`",
                        refs.lane_ids.listing()
                    ),
                };
                c.error(here, format!("unknown lane {}{hint}", quote(key)));
            }
            continue;
        };
        let Some(lane) = refs.lanes.get(lane_index).cloned() else {
            continue;
        };
        let Some(items) = c.array(items, here, "an array of items") else {
            continue;
        };
        if !lane.kind.holds_items() && !items.is_empty() {
            let drawn_from = match lane.kind {
                LaneKind::Emotion => {
                    "is drawn from the `score` of items and stages; put a score on an item of another lane, or on the stage"
                }
                LaneKind::Metrics => {
                    "is drawn from the stages' `reach` and `metrics`; put them on the stage"
                }
                _ => "is a rule drawn across the map",
            };
            c.error(
                here,
                format!(
                    "expected no items in the {} lane {}, found {}: this lane {drawn_from}",
                    kind_name(lane.kind),
                    quote(key),
                    count(items.len(), "item")
                ),
            );
            continue;
        }
        let mut cell: Vec<Item> = Vec::with_capacity(items.len().min(ITEMS));
        for (i, item) in items.iter().enumerate() {
            let item = read_item(c, item, here.index(i), &lane, refs);
            // Past the limit (reported at the end), items are checked but
            // not kept.
            if let Some(item) = item
                && refs.items_seen <= ITEMS
            {
                cell.push(item);
            }
        }
        if let Some(slot) = cells.get_mut(lane_index) {
            *slot = cell;
        }
    }
    cells
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

fn kind_name(kind: LaneKind) -> &'static str {
    LaneKind::ALL
        .iter()
        .find(|(_, k)| *k == kind)
        .map_or("", |(name, _)| name)
}

fn read_item(
    c: &mut Checker,
    value: &Value,
    here: Here<'_>,
    lane: &Lane,
    refs: &mut References,
) -> Option<Item> {
    refs.items_seen += 1;
    if refs.items_seen == ITEMS + 1 {
        refs.first_item_over_limit = Some(here.path());
    }
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
        let text = c.text(value, here, SHORT_TEXT)?;
        return Some(Item {
            text,
            detail: None,
            channel: None,
            score: None,
            personas: Vec::new(),
            tags: Vec::new(),
            owner: None,
            url: None,
        });
    }
    let object = c.object(
        value,
        here,
        "an item: a string or an object with \"text\"",
        ITEM_FIELDS,
    )?;
    let text = c.required_text(object, here, "text", SHORT_TEXT);
    let channel = read_channel_ref(c, object, here, &refs.channel_ids);
    if touchpoints && !object.contains_key("channel") {
        c.missing(
            object,
            here,
            "channel",
            "a channel id in a touchpoints lane, such as \"web\", \"phone\" or \"store\"",
        );
    }
    let item = Item {
        text: text.unwrap_or_default(),
        detail: c.optional_text(object, here, "detail", LONG_TEXT),
        channel,
        score: c.number(object, here, "score", SCORE_RANGE, SCORE_EXPECTED),
        personas: read_persona_refs(c, object, here, &refs.persona_ids),
        tags: c
            .text_list(object, here, "tags", SHORT_TEXT)
            .iter()
            .map(|t| Tag::from_text(t))
            .collect(),
        owner: c.optional_text(object, here, "owner", SHORT_TEXT),
        url: object.get("url").and_then(|value| {
            // Checked as written: dropping control characters first could
            // turn a rejected link into an accepted one.
            let here = here.key("url");
            let url = c.raw_text(value, here, usize::MAX)?;
            check_url(url)
                .map_err(|message| c.error(here, message))
                .ok()
        }),
    };
    Some(item)
}

fn read_channel_ref(
    c: &mut Checker,
    object: &Object<String, Value>,
    here: Here<'_>,
    channels: &Ids,
) -> Option<usize> {
    let value = object.get("channel")?;
    let here = here.key("channel");
    let Some(id) = value.as_str() else {
        c.expected(here, "a channel id such as \"web\"", value);
        return None;
    };
    let index = channels.find(id);
    if index.is_none() {
        let hint = match channels.closest(id) {
            Some(close) => format!("did you mean {}?", quote(close)),
            None => format!(
                "expected one of: {}, or a channel declared in `channels`",
                channels.listing()
            ),
        };
        c.error(here, format!("unknown channel {}; {hint}", quote(id)));
    }
    index
}

fn read_persona_refs(
    c: &mut Checker,
    object: &Object<String, Value>,
    here: Here<'_>,
    persona_ids: &Ids,
) -> Vec<usize> {
    let Some(value) = object.get("personas") else {
        return Vec::new();
    };
    let here = here.key("personas");
    let Some(values) = c.array(value, here, "an array of persona ids") else {
        return Vec::new();
    };
    let mut indices = Vec::new();
    let mut seen: HashSet<usize> = HashSet::new();
    for (i, value) in values.iter().enumerate() {
        let here = here.index(i);
        let Some(id) = value.as_str() else {
            c.expected(here, "a persona id", value);
            continue;
        };
        match persona_ids.find(id) {
            Some(index) => {
                if seen.insert(index) {
                    indices.push(index);
                }
            }
            None if persona_ids.is_empty() => c.error(
                here,
                format!(
                    "unknown persona {}; expected a persona declared in `personas`, but the map declares none",
                    quote(id)
                ),
            ),
            None => {
                let hint = match persona_ids.closest(id) {
                    Some(close) => format!("did you mean {}?", quote(close)),
                    None => format!("expected one of: {}", persona_ids.listing()),
                };
                c.error(here, format!("unknown persona {}; {hint}", quote(id)));
            }
        }
    }
    indices
}

fn read_theme(c: &mut Checker, object: &Object<String, Value>, here: Here<'_>) -> Theme {
    let modes = [
        ("light", ThemeMode::Light),
        ("dark", ThemeMode::Dark),
        ("auto", ThemeMode::Auto),
    ];
    let Some(value) = object.get("theme") else {
        return Theme::of_mode(ThemeMode::Auto);
    };
    if value.is_string() {
        let mode = c.choice(object, here, "theme", &modes);
        return Theme::of_mode(mode.unwrap_or(ThemeMode::Auto));
    }
    let here = here.key("theme");
    let Some(theme) = c.object(
        value,
        here,
        "\"light\", \"dark\", \"auto\" or a theme object",
        THEME_FIELDS,
    ) else {
        return Theme::of_mode(ThemeMode::Auto);
    };
    let base = c.choice(theme, here, "base", &modes[..2]);
    Theme {
        mode: base.unwrap_or(ThemeMode::Light),
        accent: read_color(c, theme, here, "accent"),
        positive: read_color(c, theme, here, "positive"),
        negative: read_color(c, theme, here, "negative"),
        neutral: read_color(c, theme, here, "neutral"),
        background: read_color(c, theme, here, "background"),
        text: read_color(c, theme, here, "text"),
        font: theme.get("font").and_then(|value| {
            let here = here.key("font");
            let font = c.raw_text(value, here, SHORT_TEXT)?;
            check_font(font)
                .map_err(|message| c.error(here, message))
                .ok()
        }),
    }
}

/// Adds the emotion and metrics lanes a map needs but does not declare:
/// an emotion lane when any item or stage has a score, a metrics lane when
/// any stage has metrics or reach.
fn add_drawn_lanes(lanes: &mut Vec<Lane>, stages: &mut [Stage]) {
    let scored = stages.iter().any(|stage| {
        stage.score.is_some()
            || stage
                .cells
                .iter()
                .flatten()
                .any(|item| item.score.is_some())
    });
    let measured = stages
        .iter()
        .any(|stage| stage.reach.is_some() || !stage.metrics.is_empty());
    for (needed, kind, id) in [
        (scored, LaneKind::Emotion, "emotion"),
        (measured, LaneKind::Metrics, "metrics"),
    ] {
        if !needed || lanes.iter().any(|lane| lane.kind == kind) {
            continue;
        }
        let mut unique = id.to_owned();
        let mut n = 2;
        while lanes.iter().any(|lane| lane.id == unique) {
            unique = format!("{id}-{n}");
            n += 1;
        }
        let mut lane = lane_with_defaults(id.to_owned());
        lane.id = unique;
        lanes.push(lane);
        for stage in stages.iter_mut() {
            stage.cells.push(Vec::new());
        }
    }
}
