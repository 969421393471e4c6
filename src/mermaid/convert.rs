//! A parsed [`Journey`] to a map of format v1, as a person would write it.
//!
//! Sections become stages, tasks the items of an `actions` lane (with their
//! score, so the emotion curve shows what Mermaid's faces showed), actors
//! personas. Ids are written out, derived from names the format's way and
//! made unique, so repeated section names and actors whose names leave no
//! id still give a valid map. The format's limits are checked here, where a
//! breach can still be pinned to a line of the Mermaid text. A count over
//! its limit (personas, stages, items) ends the conversion there, with the
//! errors found so far: a diagram of 300,000 sections is not converted whole
//! to be refused.

use super::parse::{Journey, Loc, Section};
use crate::diagnostic::{Diagnostic, Location, quote};
use crate::format::ids::Registry;
use crate::format::limits::{ITEMS, LONG_TEXT, PERSONAS, SHORT_TEXT, STAGES};
use crate::i18n::{Key, Words};
use serde_json::{Map as Object, Value, json};
use std::collections::HashMap;

/// A part of the built map and the Mermaid text it came from.
pub struct Origin {
    /// The JSON path, as validation diagnostics print it.
    pub path: String,
    pub at: Loc,
    pub label: String,
}

pub struct Built {
    pub map: Value,
    pub origins: Vec<Origin>,
}

fn statement(path: &str, at: Loc) -> Location {
    Location::Mermaid {
        statement: path.to_owned(),
        at: Some((at.line, at.column)),
    }
}

fn located(path: &str, at: Loc, message: String) -> Diagnostic {
    Diagnostic::error(statement(path, at), message)
}

fn label(kind: &str, text: &str) -> String {
    if text.chars().count() > 40 {
        let start: String = text.chars().take(37).collect();
        format!("{kind} {}…", quote(&start))
    } else {
        format!("{kind} {}", quote(text))
    }
}

fn check_length(
    errors: &mut Vec<Diagnostic>,
    path: &str,
    at: Loc,
    what: &str,
    text: &str,
    limit: usize,
) {
    let length = text.chars().count();
    if length > limit {
        errors.push(located(
            path,
            at,
            format!("the {what} is {length} characters long; a map allows at most {limit}"),
        ));
    }
}

/// The map of `journey`, in the language `lang` (already checked) when
/// given: the map carries it, and a diagram without a title gets the
/// language's word for one.
pub fn build(
    journey: &Journey,
    lang: Option<&str>,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Built, Vec<Diagnostic>> {
    let words = Words::for_lang(lang.unwrap_or("en"));
    let mut errors = Vec::new();
    let mut origins = Vec::new();

    let (title, title_at, title_path) = match (&journey.title, &journey.acc_title) {
        (Some(t), _) => (t.value.as_str(), t.at, "title"),
        (None, Some(t)) => (t.value.as_str(), t.at, "accTitle"),
        (None, None) => (words.get(Key::MermaidTitle), journey.header, "journey"),
    };
    check_length(
        &mut errors,
        title_path,
        title_at,
        "title",
        title,
        SHORT_TEXT,
    );
    origins.push(Origin {
        path: "title".into(),
        at: title_at,
        label: title_path.into(),
    });
    if let Some(description) = &journey.acc_descr {
        check_length(
            &mut errors,
            "accDescr",
            description.at,
            "description",
            &description.value,
            LONG_TEXT,
        );
        origins.push(Origin {
            path: "description".into(),
            at: description.at,
            label: "accDescr".into(),
        });
    }

    let implicit;
    let sections: &[Section] = if journey.sections.is_empty() {
        warnings.push(Diagnostic::warning(
            statement("journey", journey.header),
            format!(
                "the diagram has no sections and no tasks; the map has one empty stage, {}",
                quote(super::parse::FIRST_STAGE_NAME)
            ),
        ));
        implicit = [Section {
            name: super::parse::FIRST_STAGE_NAME.to_owned(),
            at: journey.header,
            implicit: true,
            tasks: Vec::new(),
        }];
        &implicit
    } else {
        &journey.sections
    };

    // Personas, in the order their actors first appear.
    let mut persona_ids: HashMap<&str, String> = HashMap::new();
    let mut personas = Vec::new();
    let mut taken = Registry::default();
    for actor in sections
        .iter()
        .flat_map(|s| &s.tasks)
        .flat_map(|t| &t.actors)
    {
        if persona_ids.contains_key(actor.value.as_str()) {
            continue;
        }
        let path = label("actor", &actor.value);
        if personas.len() == PERSONAS {
            errors.push(located(
                &path,
                actor.at,
                format!(
                    "this is actor {}; a map holds at most {PERSONAS} personas",
                    PERSONAS + 1
                ),
            ));
            return Err(errors);
        }
        check_length(
            &mut errors,
            &path,
            actor.at,
            "actor's name",
            &actor.value,
            SHORT_TEXT,
        );
        let id = taken.unique(&actor.value, "persona", personas.len() + 1);
        origins.push(Origin {
            path: format!("personas[{}]", personas.len()),
            at: actor.at,
            label: path,
        });
        personas.push(json!({ "id": id, "name": actor.value }));
        persona_ids.insert(&actor.value, id);
    }

    let mut stages = Vec::new();
    let mut taken = Registry::default();
    let mut items_seen = 0;
    for (s, section) in sections.iter().enumerate() {
        let path = if section.implicit {
            "journey".to_owned()
        } else {
            label("section", &section.name)
        };
        if s == STAGES {
            errors.push(located(
                &path,
                section.at,
                format!(
                    "this is section {}; a map holds at most {STAGES} stages",
                    STAGES + 1
                ),
            ));
            return Err(errors);
        }
        check_length(
            &mut errors,
            &path,
            section.at,
            "section's name",
            &section.name,
            SHORT_TEXT,
        );
        origins.push(Origin {
            path: format!("stages[{s}]"),
            at: section.at,
            label: path,
        });
        let mut stage = Object::new();
        stage.insert(
            "id".into(),
            taken.unique(&section.name, "stage", s + 1).into(),
        );
        stage.insert("name".into(), section.name.clone().into());
        let mut items = Vec::new();
        for (t, task) in section.tasks.iter().enumerate() {
            let path = label("task", &task.text);
            items_seen += 1;
            if items_seen == ITEMS + 1 {
                errors.push(located(
                    &path,
                    task.at,
                    format!("this is task {items_seen}; a map holds at most {ITEMS} items"),
                ));
                return Err(errors);
            }
            check_length(
                &mut errors,
                &path,
                task.at,
                "task's text",
                &task.text,
                SHORT_TEXT,
            );
            origins.push(Origin {
                path: format!("stages[{s}].cells.actions[{t}]"),
                at: task.at,
                label: path,
            });
            let mut item = Object::new();
            item.insert("text".into(), task.text.clone().into());
            item.insert("score".into(), score_value(task.score));
            let mut ids: Vec<&str> = Vec::new();
            for actor in &task.actors {
                if let Some(id) = persona_ids.get(actor.value.as_str())
                    && !ids.contains(&id.as_str())
                {
                    ids.push(id);
                }
            }
            if !ids.is_empty() {
                item.insert("personas".into(), json!(ids));
            }
            items.push(Value::Object(item));
        }
        if !items.is_empty() {
            stage.insert("cells".into(), json!({ "actions": items }));
        }
        stages.push(Value::Object(stage));
    }

    if !errors.is_empty() {
        return Err(errors);
    }
    let mut map = Object::new();
    map.insert("title".into(), title.into());
    if let Some(lang) = lang {
        map.insert("lang".into(), lang.into());
    }
    if let Some(description) = &journey.acc_descr {
        map.insert("description".into(), description.value.clone().into());
    }
    if !personas.is_empty() {
        map.insert("personas".into(), personas.into());
    }
    map.insert(
        "lanes".into(),
        json!([{ "id": "actions" }, { "id": "emotion" }]),
    );
    map.insert("stages".into(), stages.into());
    Ok(Built {
        map: Value::Object(map),
        origins,
    })
}

/// Whole scores as JSON integers (`5`, not `5.0`).
fn score_value(score: f64) -> Value {
    if score.fract() == 0.0 {
        // In 1–5 by construction, so the conversion is exact.
        json!(score as i64)
    } else {
        json!(score)
    }
}
