//! The map as a whole: its own fields, and the order in which the parts
//! are read (what items refer to is resolved before the stages).

use super::checker::{Checker, Here, did_you_mean, found};
use super::defaults::add_drawn_lanes;
use super::ids::{Ids, assign_ids, claim, explicit_ids, read_id};
use super::lanes::{lanes_from_cells, read_lanes};
use super::limits::{ItemCount, LANES, SHORT_TEXT, STAGES, at_most};
use super::people::{read_channels, read_personas};
use super::rules::suggest;
use super::stages::read_stage;
use super::theme::read_theme;
use crate::diagnostic::quote;
use crate::format::ids::Registry;
use crate::format::lang::check_lang;
use crate::format::spec::{LINT_RULES, lint, map, source};
use crate::hash::HashMap;
use crate::i18n::{Key, WordTable, Words};
use crate::model::{Dir, Lane, Lint, Map, Source, Stage};
use serde_json::{Map as Object, Value};

/// Everything items refer to, resolved before the stages are read.
pub struct References {
    pub channel_ids: Ids,
    pub persona_ids: Ids,
    /// The ids of the sources written as objects, by index into
    /// [`Map::sources`].
    pub source_ids: Ids,
    pub lanes: Vec<Lane>,
    pub lane_ids: Ids,
    /// Whether the lanes come from `lanes` (then every key of `cells` must
    /// name one) rather than from the keys of `cells`.
    pub lanes_declared: bool,
    /// Keys of `cells` not to report as unknown lanes: the ids of entries
    /// of `lanes` that were rejected, and of lanes past the limit (both
    /// already reported), with the lane's position. (A map rather than a
    /// set: the map type ids use; each hash map type costs the wasm its
    /// code.)
    pub quiet_lanes: HashMap<String, usize>,
    pub items: ItemCount,
    /// The built-in words in the map's language, `labels` over them.
    pub words: Words,
}

pub fn read_map(
    c: &mut Checker,
    value: &Value,
    here: Here<'_>,
    tables: &[WordTable],
) -> Option<Map> {
    // The version comes first: a map of another version is not read any
    // further, so the fields that version may have added are not reported.
    if let Some(version) = value.get(map::VERSION.name)
        && version.as_u64() != Some(1)
    {
        c.error(
            here.key(map::VERSION.name),
            format!(
                "unsupported version: expected 1, found {}; this renderer reads version 1 of the format (leaving out \"version\" means 1)",
                found(version)
            ),
        );
        return None;
    }
    let object = c.object(value, here, &map::SPEC)?;
    if let Some(schema) = object.get(map::SCHEMA.name)
        && !schema.is_string()
    {
        c.expected(
            here.key(map::SCHEMA.name),
            "a string (the JSON Schema's location)",
            schema,
        );
    }
    let title = c.text(object, here, &map::TITLE);
    let description = c.text(object, here, &map::DESCRIPTION);
    let personas = read_personas(c, object, here);
    let lang = read_lang(c, object, here);
    let words = Words::for_lang_with(lang.as_deref().unwrap_or("en"), tables)
        .with_labels(read_labels(c, object, here));
    let channels = read_channels(c, object, here, &words);
    let sources = read_sources(c, object, here);
    let theme = read_theme(c, object, here);
    let dir = c.keyword(object, here, &map::DIR).unwrap_or(Dir::Auto);
    let lint = read_lint(c, object, here);

    let stages_here = here.key(map::STAGES.name);
    let stage_values = c
        .get(object, here, &map::STAGES)
        .and_then(|value| c.array(value, stages_here, "an array of stages"));
    match stage_values {
        Some([]) => c.error(
            stages_here,
            "expected at least one stage, found an empty array",
        ),
        Some(values) => at_most(c, stages_here, values.len(), STAGES, "stages"),
        None => {}
    }
    // Lanes are read even when the stages cannot be, so that their
    // problems are reported too.
    let lanes_here = here.key(map::LANES.name);
    let declared_lanes = object
        .get(map::LANES.name)
        .and_then(|value| c.array(value, lanes_here, "an array of lanes"));
    let mut refs = References {
        channel_ids: Ids::new(channels.iter().map(|ch| ch.id.as_str())),
        persona_ids: Ids::new(personas.iter().map(|p| p.id.as_str())),
        source_ids: Ids::at_positions(
            sources
                .iter()
                .enumerate()
                .filter_map(|(i, s)| Some((i, s.id.as_deref()?))),
        ),
        lanes: Vec::new(),
        lane_ids: Ids::new([]),
        lanes_declared: declared_lanes.is_some(),
        quiet_lanes: HashMap::default(),
        items: ItemCount::default(),
        words,
    };
    match declared_lanes {
        Some(values) => read_lanes(c, values, lanes_here, &mut refs),
        None => {
            refs.lanes = lanes_from_cells(
                c,
                stage_values.unwrap_or_default(),
                stages_here,
                &refs.words,
            );
        }
    }
    // Past the limit (already reported), lanes are left out, so that every
    // stage's cells stay few; their cells are not read.
    if refs.lanes.len() > LANES {
        for (at, lane) in refs.lanes.drain(LANES..).enumerate() {
            refs.quiet_lanes.insert(lane.id, LANES + at);
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
    refs.items.report(c);
    assign_ids(
        c,
        stages_here,
        &mut stages,
        |s| &mut s.id,
        |s| &s.name,
        "stage",
        &explicit_ids(stage_values),
    );
    add_drawn_lanes(&mut refs.lanes, &mut stages, &refs.words);

    Some(Map {
        title: title?,
        description,
        personas,
        channels,
        lanes: refs.lanes,
        stages,
        sources,
        theme,
        lang,
        dir,
        words: refs.words,
        lint,
    })
}

/// `sources`: strings, or Source objects whose ids items cite.
fn read_sources(c: &mut Checker, object: &Object<String, Value>, here: Here<'_>) -> Vec<Source> {
    let Some(value) = c.get(object, here, &map::SOURCES) else {
        return Vec::new();
    };
    let here = here.key(map::SOURCES.name);
    let Some(values) = c.array(value, here, "an array of strings") else {
        return Vec::new();
    };
    let mut ids = Registry::default();
    let mut sources = Vec::with_capacity(values.len());
    for (i, value) in values.iter().enumerate() {
        let at = here.index(i);
        if value.is_string() {
            if let Some(text) = c.text_value(value, at, SHORT_TEXT) {
                sources.push(Source {
                    id: None,
                    text,
                    kind: None,
                });
            }
            continue;
        }
        let Some(entry) = c.object(value, at, &source::SPEC) else {
            continue;
        };
        let id = read_id(c, entry, at, &source::ID);
        let text = c.text(entry, at, &source::TEXT);
        let kind = c.keyword(entry, at, &source::KIND);
        let id = id.filter(|id| claim(c, &mut ids, here, i, id, "source"));
        if let Some(text) = text {
            sources.push(Source { id, text, kind });
        }
    }
    sources
}

/// `lang`: a well-formed BCP 47 tag, in conventional case.
fn read_lang(c: &mut Checker, object: &Object<String, Value>, here: Here<'_>) -> Option<String> {
    let value = c.get(object, here, &map::LANG)?;
    let here = here.key(map::LANG.name);
    let tag = c.raw_text(value, here, SHORT_TEXT)?;
    check_lang(tag)
        .map_err(|message| c.error(here, message))
        .ok()
}

/// `labels`: built-in words the map replaces, by key; an unknown key is
/// reported with the closest one.
fn read_labels(
    c: &mut Checker,
    object: &Object<String, Value>,
    here: Here<'_>,
) -> Vec<(Key, String)> {
    let Some(value) = c.get(object, here, &map::LABELS) else {
        return Vec::new();
    };
    let here = here.key(map::LABELS.name);
    let Some(entries) = value.as_object() else {
        c.expected(
            here,
            "an object of built-in word keys to texts, such as {\"lane-pains\": \"Irritants\"}",
            value,
        );
        return Vec::new();
    };
    let mut labels = Vec::with_capacity(entries.len());
    for (name, text) in entries {
        let at = here.key(name);
        let Some(key) = Key::from_name(name) else {
            let message = format!("unknown built-in word {}", quote(name));
            match suggest(name, &mut Key::ALL.iter().map(|key| key.as_str())) {
                Some(close) => c.error_with(at, message, did_you_mean(close)),
                None => c.error(
                    at,
                    format!("{message}; the keys are listed in docs/languages.md"),
                ),
            }
            continue;
        };
        if let Some(text) = c.text_value(text, at, SHORT_TEXT) {
            labels.push((key, text));
        }
    }
    labels
}

/// `lint`: the rules this map switches off, each one the linter knows.
fn read_lint(c: &mut Checker, object: &Object<String, Value>, here: Here<'_>) -> Lint {
    let Some(value) = c.get(object, here, &map::LINT) else {
        return Lint::default();
    };
    let here = here.key(map::LINT.name);
    let Some(object) = c.object(value, here, &lint::SPEC) else {
        return Lint::default();
    };
    let Some(value) = c.get(object, here, &lint::ALLOW) else {
        return Lint::default();
    };
    let here = here.key(lint::ALLOW.name);
    let Some(values) = c.array(value, here, "an array of lint rule ids") else {
        return Lint::default();
    };
    let allow = values
        .iter()
        .enumerate()
        .filter_map(|(i, value)| c.word(value, here.index(i), &LINT_RULES))
        .map(str::to_owned)
        .collect();
    Lint { allow }
}
