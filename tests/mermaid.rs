//! Importing Mermaid `journey` diagrams: the syntax as Mermaid accepts it,
//! the mapping onto format v1, located errors, and the CLI.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/oracle.rs"]
mod oracle;

use cli::{journeymap, text};
use journeymap::mermaid::{Imported, MermaidOptions, from_mermaid, looks_like_mermaid};
use journeymap::model::Map;
use journeymap::render::{RenderOptions, render};
use journeymap::{Diagnostic, validate};
use proptest::prelude::*;
use serde_json::{Value, json};
use std::path::PathBuf;

const PLAIN: MermaidOptions = MermaidOptions {
    clamp: false,
    lang: None,
};
const CLAMP: MermaidOptions = MermaidOptions {
    clamp: true,
    lang: None,
};

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/mermaid")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(data(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn import_with(text: &str, options: &MermaidOptions) -> Imported {
    match from_mermaid(text, options) {
        Ok(imported) => {
            // Every map the import returns is valid, and is what `json` holds.
            if let Err(problems) = validate(&imported.json) {
                panic!("imported map is invalid: {problems:#?}\n{}", imported.json);
            }
            let reparsed: Value = serde_json::from_str(&imported.json).expect("json");
            assert_eq!(reparsed, imported.map);
            imported
        }
        Err(errors) => panic!("import failed: {errors:#?}"),
    }
}

fn import(text: &str) -> Imported {
    let imported = import_with(text, &PLAIN);
    assert_eq!(imported.warnings, [], "unexpected warnings");
    imported
}

fn model(imported: &Imported) -> Map {
    validate(&imported.json).expect("valid")
}

/// (line, column, path, message) of every error.
fn errors_with(text: &str, options: &MermaidOptions) -> Vec<(usize, usize, String, String)> {
    match from_mermaid(text, options) {
        Ok(imported) => panic!("expected errors, got a map:\n{}", imported.json),
        Err(errors) => errors.into_iter().map(located).collect(),
    }
}

fn errors(text: &str) -> Vec<(usize, usize, String, String)> {
    errors_with(text, &PLAIN)
}

fn located(d: Diagnostic) -> (usize, usize, String, String) {
    (
        d.line().expect("a line"),
        d.column().expect("a column"),
        d.path(),
        d.text(),
    )
}

/// The one error of a text: its line and column, and its message.
fn error(text: &str) -> (usize, usize, String) {
    let all = errors(text);
    assert_eq!(all.len(), 1, "expected one error, found {all:#?}");
    let (line, column, _, message) = all.into_iter().next().expect("one");
    (line, column, message)
}

fn position(text: &str) -> (usize, usize) {
    let (line, column, _) = error(text);
    (line, column)
}

fn stage_names(map: &Value) -> Vec<&str> {
    map["stages"]
        .as_array()
        .expect("stages")
        .iter()
        .map(|s| s["name"].as_str().expect("name"))
        .collect()
}

fn stage_ids(map: &Value) -> Vec<&str> {
    map["stages"]
        .as_array()
        .expect("stages")
        .iter()
        .map(|s| s["id"].as_str().expect("id"))
        .collect()
}

fn items(map: &Value) -> Vec<&Value> {
    map["stages"]
        .as_array()
        .expect("stages")
        .iter()
        .flat_map(|s| s["cells"]["actions"].as_array().into_iter().flatten())
        .collect()
}

fn texts(map: &Value) -> Vec<&str> {
    items(map)
        .into_iter()
        .map(|i| i["text"].as_str().expect("text"))
        .collect()
}

fn persona_names(map: &Value) -> Vec<&str> {
    map["personas"]
        .as_array()
        .map(|p| {
            p.iter()
                .map(|p| p["name"].as_str().expect("name"))
                .collect()
        })
        .unwrap_or_default()
}

/// Every task is an item of the validated model, with its score, and every
/// actor a persona of it, by exact name.
fn assert_survives(imported: &Imported, tasks: &[(&str, f64)], actors: &[&str]) {
    let map = model(imported);
    let model_items: Vec<_> = map
        .stages
        .iter()
        .flat_map(|s| s.cells.iter().flatten())
        .collect();
    for (text, score) in tasks {
        assert!(
            model_items
                .iter()
                .any(|i| i.text == *text && i.score == Some(*score)),
            "task {text:?} ({score}) is not an item of the map"
        );
    }
    assert_eq!(model_items.len(), tasks.len());
    let names: Vec<&str> = map.personas.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, actors);
}

// ---------------------------------------------------------------------------
// The documentation's example and the mapping

#[test]
fn the_documentation_example_converts_and_validates() {
    let imported = import(&read("working_day.mmd"));
    let expected: Value = serde_json::from_str(&read("working_day.json")).expect("json");
    assert_eq!(imported.map, expected);
    assert_eq!(
        imported.json.trim_end(),
        read("working_day.json").trim_end()
    );
    assert_survives(
        &imported,
        &[
            ("Make tea", 5.0),
            ("Go upstairs", 3.0),
            ("Do work", 1.0),
            ("Go downstairs", 5.0),
            ("Sit down", 5.0),
        ],
        &["Me", "Cat"],
    );
    let map = model(&imported);
    assert_eq!(map.title, "My working day");
    let stages: Vec<_> = map.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(stages, ["Go to work", "Go home"]);
    // "Do work: 1: Me, Cat" belongs to both personas.
    let do_work = map.stages[0].cells.iter().flatten().nth(2).expect("item");
    assert_eq!(do_work.personas, [0, 1]);
}

#[test]
fn keys_come_in_the_order_a_person_writes_them() {
    let imported = import("journey\ntitle T\naccDescr: D\nsection S\n  Task: 4: Ann\n");
    let keys: Vec<&String> = imported.map.as_object().expect("object").keys().collect();
    assert_eq!(
        keys,
        ["title", "description", "personas", "lanes", "stages"]
    );
    assert_eq!(
        imported.map["stages"][0],
        json!({
            "id": "s",
            "name": "S",
            "cells": { "actions": [ { "text": "Task", "score": 4, "personas": ["ann"] } ] }
        })
    );
    assert_eq!(
        imported.map["lanes"],
        json!([{ "id": "actions" }, { "id": "emotion" }])
    );
    assert!(imported.json.starts_with("{\n  \"title\": \"T\",\n"));
}

#[test]
fn the_kitchen_sink_uses_every_construct() {
    let imported = import(&read("kitchen_sink.mmd"));
    let expected: Value = serde_json::from_str(&read("kitchen_sink.json")).expect("json");
    assert_eq!(imported.map, expected);
    assert_eq!(imported.map["title"], "Saturday ; errands");
    assert_eq!(
        imported.map["description"],
        "Shopping on a Saturday,\nfrom the list to the fridge."
    );
    assert_eq!(
        stage_names(&imported.map),
        ["Journey", "Shopping", "Shopping", "Empty", "Home #1"]
    );
    assert_eq!(
        stage_ids(&imported.map),
        ["journey", "shopping", "stage-3", "empty", "home-1"]
    );
    assert_survives(
        &imported,
        &[
            ("Wake up", 3.0),
            ("Buy milk & bread", 4.0),
            ("Pay: card only", 2.0),
            ("Carry bags", 1.0),
            ("Carry bags, again", 2.0),
            ("Unpack\nand sort", 5.0),
            ("Rest ♥", 5.0),
        ],
        &["Me", "Partner", "Zoë", "購入者"],
    );
}

// ---------------------------------------------------------------------------
// Header, front matter, comments, whitespace

#[test]
fn the_header_may_follow_front_matter_comments_and_directives() {
    for text in [
        "journey\nsection A\n  T: 3: X",
        "\n\n  journey\nsection A\n  T: 3: X",
        "%% comment\n%%\n\njourney\nsection A\n  T: 3: X",
        "---\nconfig:\n  theme: dark\n---\njourney\nsection A\n  T: 3: X",
        "---\n---\n%% c\n%%{init: {\"theme\": \"dark\"}}%%\njourney\nsection A\n  T: 3: X",
        "%%{\n  init: {\"theme\": \"dark\"}\n}%%\njourney\nsection A\n  T: 3: X",
        "journey   \nsection A\n  T: 3: X",
    ] {
        let imported = import(text);
        assert_eq!(stage_names(&imported.map), ["A"], "{text:?}");
        assert_eq!(texts(&imported.map), ["T"], "{text:?}");
        assert!(looks_like_mermaid(text), "{text:?}");
    }
}

#[test]
fn a_statement_may_follow_the_header_on_its_line() {
    let imported = import("journey title Same line\nsection A\n  T: 3");
    assert_eq!(imported.map["title"], "Same line");
}

#[test]
fn the_front_matter_is_skipped_whole() {
    let front = "---\ntitle: From the front matter\nconfig:\n  journey: {}\n---\njourney\nsection A\n  T: 3";
    let imported = import(front);
    assert_eq!(imported.map["title"], "User journey");
    assert_eq!(imported.warnings, []);
    let with_acc = "---\ntitle: Front\n---\njourney\naccTitle: Accessible\nsection A\n  T: 3";
    assert_eq!(import(with_acc).map["title"], "Accessible");
    let both = "---\ntitle: Front\n---\njourney\ntitle Statement\nsection A\n  T: 3";
    assert_eq!(import(both).map["title"], "Statement");
    let markup =
        "---\ntitle: <script>x</script>\nsection: Not a section\n---\njourney\nsection A\n  T: 3";
    let imported = import(markup);
    assert_eq!(stage_names(&imported.map), ["A"]);
    assert!(!imported.map.to_string().contains("script"));
}

#[test]
fn comments_blank_lines_and_indentation_are_ignored() {
    let text = "journey\n\n\t%% a comment\n    title   Spaced out   \n\n\t\tsection   A   # trailing comment\n# a comment line\n        T:3:X\n\t \n  %% last";
    let imported = import(text);
    assert_eq!(imported.map["title"], "Spaced out");
    assert_eq!(stage_names(&imported.map), ["A"]);
    assert_eq!(texts(&imported.map), ["T"]);
    assert_eq!(persona_names(&imported.map), ["X"]);
}

#[test]
fn crlf_line_ends_and_a_byte_order_mark_are_accepted() {
    let text =
        "\u{feff}journey\r\n  title T\r\n  section A\r\n    Task: 2: Me\r\n    Other: 4: Me\r";
    let imported = import(text);
    assert_eq!(texts(&imported.map), ["Task", "Other"]);
    assert_eq!(persona_names(&imported.map), ["Me"]);
    assert_eq!(
        position("journey\r\n  section A\r\n    Task 2 Me\r\n"),
        (3, 14)
    );
}

#[test]
fn keywords_are_case_insensitive_but_the_header_is_not() {
    let imported = import("journey\nTITLE Loud\nSection A\n  T: 3\nACCDESCR: Quiet");
    assert_eq!(imported.map["title"], "Loud");
    assert_eq!(imported.map["description"], "Quiet");
    assert_eq!(stage_names(&imported.map), ["A"]);
    assert!(!looks_like_mermaid("Journey\nsection A"));
    assert!(!looks_like_mermaid("JOURNEY\nsection A"));
}

// ---------------------------------------------------------------------------
// Title and accessibility

#[test]
fn title_defaults_and_acc_title_stands_in_for_it() {
    assert_eq!(
        import("journey\nsection A\n  T: 3").map["title"],
        "User journey"
    );
    assert_eq!(
        import("journey\naccTitle: Accessible\nsection A\n  T: 3").map["title"],
        "Accessible"
    );
    assert_eq!(
        import("journey\naccTitle : Accessible\ntitle Visible\nsection A\n  T: 3").map["title"],
        "Visible"
    );
    // accTitle takes the whole rest of the line, `#` and `;` included.
    assert_eq!(
        import("journey\naccTitle:   A; B # C  \nsection A\n  T: 3").map["title"],
        "A; B # C"
    );
}

#[test]
fn acc_descr_on_one_line_becomes_the_description() {
    let imported =
        import("journey\naccDescr: A one-line description; with # and ;\nsection A\n  T: 3");
    assert_eq!(
        imported.map["description"],
        "A one-line description; with # and ;"
    );
}

#[test]
fn acc_descr_block_spans_lines_as_in_mermaids_own_test() {
    // The string of Mermaid's journey.spec: the block's `}` is followed by a
    // title statement on the same line.
    let text = "journey\naccDescr {\n        A user journey for\n        family shopping\n      }title Adding journey diagram functionality to mermaid\naccTitle: Adding acc journey diagram functionality to mermaid\nsection Order from website";
    let imported = import(text);
    assert_eq!(
        imported.map["description"],
        "A user journey for\nfamily shopping"
    );
    assert_eq!(
        imported.map["title"],
        "Adding journey diagram functionality to mermaid"
    );
    assert_eq!(stage_names(&imported.map), ["Order from website"]);
    // On one line, and with `#`, `;` and `%%` lines inside.
    let imported = import("journey\naccDescr { Short; #1 }\nsection A\n  T: 3");
    assert_eq!(imported.map["description"], "Short; #1");
    let imported =
        import("journey\naccDescr {\n  first\n  %% dropped\n  second }\nsection A\n  T: 3");
    assert_eq!(imported.map["description"], "first\nsecond");
}

// ---------------------------------------------------------------------------
// Sections and tasks

#[test]
fn sections_become_stages_in_order_with_unique_ids() {
    let text = "journey\nsection Go home\n  A: 1\nsection Go home\n  B: 2\nsection Empty\nsection Go home\nsection !!!\nsection Stage 6\nsection !!!\n  C: 3";
    let imported = import(text);
    assert_eq!(
        stage_names(&imported.map),
        [
            "Go home", "Go home", "Empty", "Go home", "!!!", "Stage 6", "!!!"
        ]
    );
    assert_eq!(
        stage_ids(&imported.map),
        [
            "go-home", "stage-2", "empty", "stage-4", "stage-5", "stage-6", "stage-7"
        ]
    );
    let empty = &imported.map["stages"][2];
    assert_eq!(*empty, json!({ "id": "empty", "name": "Empty" }));
    let map = model(&imported);
    assert!(map.stages[2].cells.iter().all(Vec::is_empty));
}

#[test]
fn fallback_ids_step_around_taken_ones() {
    let imported = import("journey\nsection Stage 2\nsection ...\nsection Stage 2");
    assert_eq!(
        stage_ids(&imported.map),
        ["stage-2", "stage-2-2", "stage-3"]
    );
}

#[test]
fn tasks_before_the_first_section_go_into_a_first_stage() {
    let imported = import("journey\ntitle T\n  Early: 4: Me\nsection Later\n  Late: 2: Me");
    assert_eq!(stage_names(&imported.map), ["Journey", "Later"]);
    assert_eq!(texts(&imported.map), ["Early", "Late"]);
    let only_tasks = import("journey\n  A: 1\n  B: 2");
    assert_eq!(stage_names(&only_tasks.map), ["Journey"]);
}

#[test]
fn an_empty_diagram_gets_one_empty_stage_and_a_warning() {
    let imported = import_with("journey\n%% nothing else\n", &PLAIN);
    assert_eq!(stage_names(&imported.map), ["Journey"]);
    assert_eq!(imported.warnings.len(), 1);
    assert_eq!(
        (imported.warnings[0].line(), imported.warnings[0].column()),
        (Some(1), Some(1))
    );
}

#[test]
fn task_forms_from_mermaids_own_test() {
    let text = "journey\ntitle Adding journey diagram functionality to mermaid\nsection Documentation\nA task: 5: Alice, Bob, Charlie\nB task: 3:Bob, Charlie\nC task: 5\nD task: 5: Charlie, Alice\nE task: 5:\nsection Another section\nP task: 5:\nQ task: 5:\nR task: 5:";
    let imported = import(text);
    assert_eq!(
        texts(&imported.map),
        [
            "A task", "B task", "C task", "D task", "E task", "P task", "Q task", "R task"
        ]
    );
    assert_eq!(persona_names(&imported.map), ["Alice", "Bob", "Charlie"]);
    let all = items(&imported.map);
    assert_eq!(all[0]["personas"], json!(["alice", "bob", "charlie"]));
    assert_eq!(all[1]["personas"], json!(["bob", "charlie"]));
    assert_eq!(all[3]["personas"], json!(["charlie", "alice"]));
    // No actor part, or a trailing colon: no personas (the item is everyone's).
    for i in [2, 4, 5, 6, 7] {
        assert_eq!(*all[i], json!({ "text": all[i]["text"], "score": 5 }));
    }
    assert_eq!(
        stage_names(&imported.map),
        ["Documentation", "Another section"]
    );
}

#[test]
fn line_breaks_in_tasks_and_sections() {
    let imported =
        import("journey\nsection Line1<br>Line2<br/>Line3<BR />Line4\n  One<br>two: 3: A<br>B");
    assert_eq!(stage_names(&imported.map), ["Line1\nLine2\nLine3\nLine4"]);
    assert_eq!(texts(&imported.map), ["One\ntwo"]);
    // Actor names are kept as written.
    assert_eq!(persona_names(&imported.map), ["A<br>B"]);
}

#[test]
fn text_after_a_third_colon_is_ignored_with_a_warning() {
    let imported = import_with("journey\nsection A\n  T: 3: Me: extra: more", &PLAIN);
    assert_eq!(persona_names(&imported.map), ["Me"]);
    assert_eq!(imported.warnings.len(), 1);
    let warning = &imported.warnings[0];
    assert_eq!((warning.line(), warning.column()), (Some(3), Some(11)));
    assert!(
        warning.message.contains("\"extra: more\""),
        "{}",
        warning.message
    );
}

#[test]
fn a_line_starting_with_title_is_a_title_as_in_mermaid() {
    let imported = import_with(
        "journey\ntitle First\nsection A\n  Title page: 3: Me",
        &PLAIN,
    );
    assert_eq!(imported.map["title"], "page: 3: Me");
    assert_eq!(texts(&imported.map), Vec::<&str>::new());
    assert_eq!(imported.warnings.len(), 1);
    assert_eq!(
        (imported.warnings[0].line(), imported.warnings[0].column()),
        (Some(4), Some(3))
    );
    // A word that only starts like a keyword is a task.
    let imported =
        import("journey\nsection A\n  Titles: 3\n  Sectional: 2\n  Journeyman: 4\n  accTitles: 1");
    assert_eq!(
        texts(&imported.map),
        ["Titles", "Sectional", "Journeyman", "accTitles"]
    );
}

// ---------------------------------------------------------------------------
// Character references

#[test]
fn character_references_decode_as_mermaid_shows_them() {
    let text = "journey\ntitle Fish #amp; chips #59; peas\nsection Q#58;A #35;1\n  Pay #36;5#59; done: 4: Me #amp; you, Bob#44; Jr.\n  Love #9829; it: 5";
    let imported = import(text);
    assert_eq!(imported.map["title"], "Fish & chips ; peas");
    assert_eq!(stage_names(&imported.map), ["Q:A #1"]);
    assert_eq!(texts(&imported.map), ["Pay $5; done", "Love ♥ it"]);
    assert_eq!(persona_names(&imported.map), ["Me & you", "Bob, Jr."]);
}

#[test]
fn unknown_references_are_kept_as_the_browser_shows_them() {
    let imported = import_with("journey\nsection A\n  Odd #nosuch; ref: 3", &PLAIN);
    assert_eq!(texts(&imported.map), ["Odd &nosuch; ref"]);
    assert_eq!(imported.warnings.len(), 1);
    assert_eq!(
        (imported.warnings[0].line(), imported.warnings[0].column()),
        (Some(3), Some(7))
    );
}

#[test]
fn a_reference_is_never_syntax() {
    // `#58;` is not the task's colon, `#35;` not a comment, `#44;` not a
    // separator, and a reference is not a score.
    let imported = import("journey\nsection A\n  a#58;b #35;c: 2: x#44;y");
    assert_eq!(texts(&imported.map), ["a:b #c"]);
    assert_eq!(persona_names(&imported.map), ["x,y"]);
    let (line, column, message) = error("journey\nsection A\n  T: #53;: x");
    assert_eq!((line, column), (3, 6));
    assert!(message.contains("found \"5\""), "{message}");
}

// ---------------------------------------------------------------------------
// Actors and personas

#[test]
fn actors_become_personas_with_their_exact_names() {
    let text = "journey\nsection A\n  T: 3:   Dr. Who  , me, Me, Me , ,Ünïcode, 購入者, persona 4\n  U: 4: Me, Dr. Who";
    let imported = import(text);
    assert_eq!(
        persona_names(&imported.map),
        ["Dr. Who", "me", "Me", "Ünïcode", "購入者", "persona 4"]
    );
    let ids: Vec<&str> = imported.map["personas"]
        .as_array()
        .expect("personas")
        .iter()
        .map(|p| p["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        ids,
        [
            "dr-who",
            "me",
            "persona-3",
            "n-code",
            "persona-5",
            "persona-4"
        ]
    );
    let all = items(&imported.map);
    assert_eq!(
        all[0]["personas"],
        json!([
            "dr-who",
            "me",
            "persona-3",
            "n-code",
            "persona-5",
            "persona-4"
        ])
    );
    assert_eq!(all[1]["personas"], json!(["persona-3", "dr-who"]));
    assert_survives(
        &imported,
        &[("T", 3.0), ("U", 4.0)],
        &["Dr. Who", "me", "Me", "Ünïcode", "購入者", "persona 4"],
    );
}

// ---------------------------------------------------------------------------
// Scores

#[test]
fn whole_scores_one_to_five_are_kept() {
    let imported = import("journey\nsection A\n  a: 1\n  b: 2\n  c: +3\n  d: 04\n  e: 5.0\n  f:5");
    let scores: Vec<&Value> = items(&imported.map).iter().map(|i| &i["score"]).collect();
    assert_eq!(
        scores,
        [
            &json!(1),
            &json!(2),
            &json!(3),
            &json!(4),
            &json!(5),
            &json!(5)
        ]
    );
}

#[test]
fn other_scores_are_errors_naming_line_column_and_text() {
    for (score, found) in [
        ("0", "found 0;"),
        ("7", "found 7;"),
        ("-10", "found -10;"),
        ("2.5", "found 2.5;"),
        ("great", "found \"great\""),
        ("5 stars", "found \"5 stars\""),
        ("0x5", "found \"0x5\""),
    ] {
        let text = format!("journey\nsection A\n  Task:  {score} : Me");
        let (line, column, message) = error(&text);
        assert_eq!((line, column), (3, 10), "{score}");
        assert!(message.contains(found), "{score}: {message}");
        assert!(message.starts_with("expected a"), "{message}");
    }
    let (line, column, message) = error("journey\nsection A\n  Task: : Me");
    assert_eq!((line, column), (3, 7));
    assert_eq!(
        message,
        "expected a score from 1 to 5 after \":\", found nothing"
    );
    let (_, _, message) = error("journey\nsection A\n  Task: 7: Me");
    assert_eq!(
        message,
        "expected a score from 1 to 5, found 7; with the clamp option (--clamp) it becomes 5"
    );
}

#[test]
fn clamp_clamps_numbers_with_a_warning_per_task() {
    let text = "journey\nsection A\n  a: 0\n  b: 7: Me\n  c: -10\n  d: 2.5\n  e: 3\n  f: 9.75";
    let imported = import_with(text, &CLAMP);
    let scores: Vec<&Value> = items(&imported.map).iter().map(|i| &i["score"]).collect();
    assert_eq!(
        scores,
        [
            &json!(1),
            &json!(5),
            &json!(1),
            &json!(2.5),
            &json!(3),
            &json!(5)
        ]
    );
    let warned: Vec<(Option<usize>, Option<usize>)> = imported
        .warnings
        .iter()
        .map(|w| (w.line(), w.column()))
        .collect();
    assert_eq!(
        warned,
        [
            (Some(3), Some(6)),
            (Some(4), Some(6)),
            (Some(5), Some(6)),
            (Some(6), Some(6)),
            (Some(8), Some(6))
        ]
    );
    assert_eq!(
        imported.warnings[1].message,
        "score 7 is outside 1–5; clamped to 5"
    );
    assert_eq!(imported.warnings[1].path(), "task \"b\"");
}

#[test]
fn clamp_does_not_make_a_word_a_number() {
    let all = errors_with("journey\nsection A\n  a: many\n  b:\n  c: 9", &CLAMP);
    let places: Vec<(usize, usize)> = all.iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(places, [(3, 6), (4, 4)]);
}

// ---------------------------------------------------------------------------
// Errors: each located exactly

#[test]
fn the_header_is_required() {
    let (line, column, message) = error("");
    assert_eq!((line, column), (1, 1));
    assert!(message.contains("found the end of the text"), "{message}");
    assert_eq!(position("%% only a comment\n\n"), (3, 1));
    let (line, column, message) = error("\n  flowchart TD\n  A --> B");
    assert_eq!((line, column), (2, 3));
    assert_eq!(
        message,
        "expected the header \"journey\", found \"flowchart TD\"; only Mermaid user-journey diagrams can be imported"
    );
    let (_, _, message) = error("Journey\nsection A");
    assert!(message.contains("only lower-case"), "{message}");
    assert_eq!(position("journeys\nsection A"), (1, 1));
    let (line, column, message) = error("%% c\n---\ntitle: x\n---\njourney");
    assert_eq!((line, column), (2, 1));
    assert!(
        message.contains("front matter must come first"),
        "{message}"
    );
}

#[test]
fn unclosed_blocks_are_errors_where_they_open() {
    let (line, column, message) = error("\n---\ntitle: x\njourney\n");
    assert_eq!((line, column), (2, 1));
    assert!(message.contains("not closed"), "{message}");
    let all = errors("journey\nsection A\n  %%{init: {\n  T: 3");
    assert_eq!(all.len(), 1);
    assert_eq!((all[0].0, all[0].1, all[0].2.as_str()), (3, 3, "directive"));
    let (line, column, message) =
        error("journey\nsection A\n  T: 3\n  accDescr {\n  never closed\n");
    assert_eq!((line, column), (4, 3));
    assert_eq!(
        message,
        "this accDescr block is not closed: expected \"}\" before the end of the text"
    );
}

#[test]
fn statement_errors_are_located() {
    // (text, line, column, start of the message)
    let cases = [
        (
            "journey\nsection Arrive: early",
            2,
            15,
            "unexpected \":\" in a section name",
        ),
        ("journey\n  section   ", 2, 3, "expected the section's name"),
        ("journey\nsection A; B", 2, 10, "unexpected \";\""),
        (
            "journey\n title #only a comment",
            2,
            2,
            "expected the title after",
        ),
        ("journey\ntitle A; B", 2, 8, "unexpected \";\""),
        (
            "journey\nsection A\n  Check in",
            3,
            11,
            "expected \":\" and a score after the task text, found the end of the line",
        ),
        (
            "journey\nsection A\n  Task #1: 5: Me",
            3,
            8,
            "expected \":\" and a score after the task text, found \"#\"",
        ),
        (
            "journey\nsection A\n  Wait; go: 3",
            3,
            7,
            "unexpected \";\"",
        ),
        (
            "journey\nsection A\n  Go: 3: Me; You",
            3,
            12,
            "unexpected \";\"",
        ),
        (
            "journey\nsection A\n  : 3: Me",
            3,
            3,
            "expected the task's text before \":\"",
        ),
        (
            "journey\nsection A\n  Journey planning: 3: Me",
            3,
            3,
            "unexpected \"journey\"",
        ),
    ];
    for (text, line, column, start) in cases {
        let (l, c, message) = error(text);
        assert_eq!((l, c), (line, column), "{text:?}: {message}");
        assert!(message.starts_with(start), "{text:?}: {message}");
    }
}

#[test]
fn every_error_is_reported_in_order_with_a_useful_path() {
    let all = errors(&read("errors.mmd"));
    let summary: Vec<(usize, usize, &str)> = all
        .iter()
        .map(|(line, column, path, _)| (*line, *column, path.as_str()))
        .collect();
    assert_eq!(
        summary,
        [
            (3, 17, "section \"Arrive\""),
            (4, 10, "task \"Task\""),
            (5, 15, "task \"Too good\""),
            (6, 9, "task \"Wait\""),
            (7, 10, "task \"Pay\""),
            (8, 11, "task \"Check in\""),
        ]
    );
}

// ---------------------------------------------------------------------------
// The format's limits, located in the Mermaid text

#[test]
fn texts_over_the_limits_are_located_errors() {
    let long = "x".repeat(1001);
    let cases = [
        (
            format!("journey\nsection A\n  {long}: 3"),
            3,
            3,
            "task \"xxx",
        ),
        (format!("journey\nsection {long}"), 2, 1, "section \"xxx"),
        (
            format!("journey\nsection A\n  T: 3: Me, {long}"),
            3,
            13,
            "actor \"xxx",
        ),
        (format!("journey\n  title {long}"), 2, 3, "title"),
        (format!("journey\naccTitle: {long}"), 2, 1, "accTitle"),
        (
            format!("journey\n\naccDescr: {}", "y".repeat(10_001)),
            3,
            1,
            "accDescr",
        ),
    ];
    for (text, line, column, path) in cases {
        let all = errors(&text);
        assert_eq!(all.len(), 1, "{path}: {all:?}");
        let (l, c, p, message) = &all[0];
        assert_eq!((*l, *c), (line, column), "{path}");
        assert!(p.starts_with(path), "{p}");
        assert!(message.contains("characters long"), "{message}");
    }
    // At the limit, all is well.
    let at_limit = "x".repeat(1000);
    import(&format!(
        "journey\nsection {at_limit}\n  {at_limit}: 3: {at_limit}"
    ));
}

#[test]
fn counts_over_the_limits_are_located_errors() {
    let mut sections = String::from("journey\n");
    for i in 1..=201 {
        sections.push_str(&format!("section S{i}\n"));
    }
    let all = errors(&sections);
    assert_eq!(all.len(), 1);
    assert_eq!((all[0].0, all[0].1), (202, 1));
    assert!(all[0].3.contains("at most 200 stages"), "{}", all[0].3);

    let actors: Vec<String> = (1..=51).map(|i| format!("A{i}")).collect();
    let text = format!("journey\nsection S\n  T: 3: {}", actors.join(", "));
    let all = errors(&text);
    assert_eq!(all.len(), 1);
    let column = text.lines().nth(2).expect("line").find("A51").expect("A51") + 1;
    assert_eq!((all[0].0, all[0].1), (3, column));
    assert!(all[0].3.contains("at most 50 personas"), "{}", all[0].3);

    let mut tasks = String::from("journey\nsection S\n");
    for i in 1..=20_001 {
        tasks.push_str(&format!("  T{i}: 3\n"));
    }
    let all = errors(&tasks);
    assert_eq!(all.len(), 1);
    assert_eq!((all[0].0, all[0].1), (20_003, 3));
    assert!(all[0].3.contains("at most 20000 items"), "{}", all[0].3);
}

// ---------------------------------------------------------------------------
// Detection

#[test]
fn looks_like_mermaid_reads_the_header_only() {
    assert!(looks_like_mermaid(&read("working_day.mmd")));
    assert!(looks_like_mermaid(&read("kitchen_sink.mmd")));
    assert!(looks_like_mermaid("journey"));
    assert!(looks_like_mermaid("journey title x"));
    assert!(!looks_like_mermaid(&read("working_day.json")));
    assert!(!looks_like_mermaid(""));
    assert!(!looks_like_mermaid("flowchart TD"));
    assert!(!looks_like_mermaid("# journey"));
    assert!(!looks_like_mermaid("journeys"));
    assert!(!looks_like_mermaid("---\ntitle: unclosed\njourney"));
}

// ---------------------------------------------------------------------------
// Never a panic, never an invalid map

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("journey".to_owned()),
        Just("title ".to_owned()),
        Just("section ".to_owned()),
        Just("accTitle: ".to_owned()),
        Just("accDescr: ".to_owned()),
        Just("accDescr {".to_owned()),
        Just("}".to_owned()),
        Just("%%".to_owned()),
        Just("%%{".to_owned()),
        Just("}%%".to_owned()),
        Just("---".to_owned()),
        Just(":".to_owned()),
        Just(";".to_owned()),
        Just(",".to_owned()),
        Just("#".to_owned()),
        Just("#59;".to_owned()),
        Just("#amp;".to_owned()),
        Just("#zz;".to_owned()),
        Just("<br>".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\t".to_owned()),
        Just(" ".to_owned()),
        Just("style".to_owned()),
        "-?[0-9]{1,3}(\\.[0-9])?",
        "[A-Za-z ]{1,8}",
        "\\PC{1,4}",
    ]
}

fn mermaid_ish() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..60).prop_map(|parts| {
        let mut text = String::from("journey\n");
        text.push_str(&parts.concat());
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_mermaid_never_panics_and_ok_is_valid(text in mermaid_ish(), clamp in any::<bool>()) {
        if let Ok(imported) = from_mermaid(&text, &MermaidOptions { clamp, lang: None }) {
            prop_assert!(validate(&imported.json).is_ok(), "{}", imported.json);
        }
    }

    #[test]
    fn any_text_never_panics(text in "\\PC{0,200}") {
        let _ = from_mermaid(&text, &PLAIN);
        let _ = looks_like_mermaid(&text);
    }

    #[test]
    fn generated_diagrams_survive_the_import(
        sections in prop::collection::vec(
            ("[A-Za-z][A-Za-z ]{0,10}", prop::collection::vec(
                ("[A-Za-z][A-Za-z0-9 ]{0,12}".prop_filter("not a keyword", |task| {
                    let lower = task.to_lowercase();
                    !["title", "section", "journey", "acc"].iter().any(|k| lower.starts_with(k))
                }), 1u8..=5, prop::collection::vec("[A-Z][a-z]{0,5}", 0..3)),
                0..4,
            )),
            1..5,
        )
    ) {
        let mut text = String::from("journey\n  title Generated\n");
        let mut tasks = Vec::new();
        let mut actors: Vec<String> = Vec::new();
        for (name, section_tasks) in &sections {
            text.push_str(&format!("  section {name}\n"));
            for (task, score, task_actors) in section_tasks {
                text.push_str(&format!("    {task}: {score}: {}\n", task_actors.join(", ")));
                tasks.push((task.trim().to_owned(), f64::from(*score)));
                for actor in task_actors {
                    if !actors.contains(actor) {
                        actors.push(actor.clone());
                    }
                }
            }
        }
        let imported = from_mermaid(&text, &PLAIN);
        prop_assert!(imported.is_ok(), "{text}");
        let Ok(imported) = imported else { unreachable!() };
        let task_refs: Vec<(&str, f64)> = tasks.iter().map(|(t, s)| (t.as_str(), *s)).collect();
        let actor_refs: Vec<&str> = actors.iter().map(String::as_str).collect();
        assert_survives(&imported, &task_refs, &actor_refs);
        let (_, cards, all) = rendered(&imported);
        for (task, _) in &tasks {
            prop_assert!(cards.contains(&without_whitespace(task)), "{task:?} not drawn");
        }
        for actor in &actors {
            prop_assert!(all.contains(actor.as_str()), "{actor:?} not drawn");
        }
        prop_assert_eq!(model(&imported).stages.len(), sections.len());
    }
}

// ---------------------------------------------------------------------------
// The round trip: Mermaid → map → SVG

fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The SVG of an imported map (checked by the output oracle), its cards'
/// texts and all its texts, whitespace removed.
fn rendered(imported: &Imported) -> (String, Vec<String>, String) {
    let map = model(imported);
    let svg = render(&journeymap::layout::layout(&map), &RenderOptions::default());
    if let Err(problem) = oracle::check(&svg, &map, "jm") {
        panic!("the SVG fails the output oracle: {problem}");
    }
    let document = roxmltree::Document::parse(&svg).expect("SVG is XML");
    let texts_of = |node: roxmltree::Node<'_, '_>| -> String {
        node.descendants()
            .filter(|n| n.is_text() && n.parent().is_some_and(|p| !p.has_tag_name("style")))
            .filter_map(|n| n.text())
            .map(without_whitespace)
            .collect()
    };
    let cards = document
        .descendants()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.split(' ').any(|c| c == "jm-card"))
        })
        .map(|card| {
            card.descendants()
                .find(|n| n.attribute("class") == Some("jm-card-text"))
                .map(texts_of)
                .unwrap_or_default()
        })
        .collect();
    let all = texts_of(document.root());
    (svg, cards, all)
}

#[test]
fn every_task_and_actor_is_in_the_rendered_svg() {
    let cases: [(&str, &[&str], &[&str]); 2] = [
        (
            "working_day.mmd",
            &[
                "Make tea",
                "Go upstairs",
                "Do work",
                "Go downstairs",
                "Sit down",
            ],
            &["Me", "Cat"],
        ),
        (
            "kitchen_sink.mmd",
            &[
                "Wake up",
                "Buy milk & bread",
                "Pay: card only",
                "Carry bags",
                "Carry bags, again",
                "Unpack\nand sort",
                "Rest ♥",
            ],
            &["Me", "Partner", "Zoë", "購入者"],
        ),
    ];
    for (file, tasks, actors) in cases {
        let (svg, cards, all) = rendered(&import(&read(file)));
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert_eq!(cards.len(), tasks.len(), "{file}");
        for task in tasks {
            let task = without_whitespace(task);
            assert!(
                cards.contains(&task),
                "{file}: no card shows {task:?}: {cards:?}"
            );
        }
        for actor in actors {
            assert!(all.contains(actor), "{file}: {actor:?} is not in the SVG");
        }
    }
}

/// For each persona index: whether its curve is drawn, and how many points.
fn persona_curves(svg: &str) -> Vec<(usize, bool, usize)> {
    let document = roxmltree::Document::parse(svg).expect("SVG is XML");
    let mut curves: Vec<(usize, bool, usize)> = document
        .descendants()
        .filter_map(|group| {
            let index: usize = group.attribute("data-persona-index")?.parse().ok()?;
            if group.attribute("class") != Some("jm-curve-group") {
                return None;
            }
            let own = format!("jm-persona-{index}");
            let has = |n: &roxmltree::Node<'_, '_>, class: &str| {
                n.attribute("class")
                    .is_some_and(|c| c.split(' ').any(|c| c == class))
            };
            let path = group
                .children()
                .any(|n| n.has_tag_name("path") && has(&n, "jm-curve") && has(&n, &own));
            // A card's points are dots (`M x y h0`, then `m dx dy h0`) of
            // one path per score, in the persona's class.
            let points = group
                .children()
                .filter(|n| has(n, "jm-point") && has(n, "jm-dot") && has(n, &own))
                .map(|n| n.attribute("d").unwrap_or_default().matches("h0").count())
                .sum();
            Some((index, path, points))
        })
        .collect();
    curves.sort_unstable();
    curves
}

#[test]
fn every_actor_is_a_persona_with_its_curve() {
    // working_day: Me scores five tasks, Cat one ("Do work", shared with Me):
    // Cat has no curve to draw through one point, but its point is there,
    // ringed in its colour.
    let (svg, _, _) = rendered(&import(&read("working_day.mmd")));
    assert_eq!(persona_curves(&svg), [(0, true, 5), (1, false, 1)]);
    let two = "journey\nsection A\n  T: 3: Me, Cat\n  U: 5: Cat\nsection B\n  V: 1: Me";
    let (svg, _, _) = rendered(&import(two));
    assert_eq!(persona_curves(&svg), [(0, true, 2), (1, true, 2)]);
}

// ---------------------------------------------------------------------------
// The CLI

#[test]
fn cli_import_prints_the_map_pretty() {
    let output = journeymap(&["import-mermaid", "tests/mermaid/working_day.mmd"], None);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stdout), read("working_day.json"));
    assert_eq!(text(&output.stderr), "");
}

#[test]
fn cli_import_reads_stdin() {
    let output = journeymap(&["import-mermaid", "-"], Some(&read("kitchen_sink.mmd")));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stdout), read("kitchen_sink.json"));
}

#[test]
fn cli_import_errors_are_file_line_column_path_message() {
    let output = journeymap(&["import-mermaid", "tests/mermaid/errors.mmd"], None);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(text(&output.stdout), "");
    let stderr = text(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 6, "{stderr}");
    assert_eq!(
        lines[0],
        "tests/mermaid/errors.mmd:3:17: section \"Arrive\": unexpected \":\" in a section name: Mermaid does not accept it there; write #58; for a colon"
    );
    assert_eq!(
        lines[2],
        "tests/mermaid/errors.mmd:5:15: task \"Too good\": expected a score from 1 to 5, found 7; with the clamp option (--clamp) it becomes 5"
    );
    let output = journeymap(&["import-mermaid", "-"], Some("journey\nsection A\n  T: 9"));
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).starts_with("<stdin>:3:6: task \"T\": expected a score"));
}

#[test]
fn cli_import_clamps_with_warnings_on_stderr() {
    let output = journeymap(&["import-mermaid", "tests/mermaid/clamp.mmd"], None);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(text(&output.stderr).lines().count(), 3);
    let output = journeymap(
        &["import-mermaid", "tests/mermaid/clamp.mmd", "--clamp"],
        None,
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        text(&output.stderr),
        "tests/mermaid/clamp.mmd:4:14: task \"Sign up\": warning: score 0 is outside 1–5; clamped to 1\n\
         tests/mermaid/clamp.mmd:5:14: task \"Confirm\": warning: score 2.5 is not a whole number; kept, as the map format allows decimals\n\
         tests/mermaid/clamp.mmd:6:14: task \"Love it\": warning: score 9 is outside 1–5; clamped to 5\n"
    );
    let map: Value = serde_json::from_slice(&output.stdout).expect("JSON on stdout");
    let scores: Vec<&Value> = items(&map).iter().map(|i| &i["score"]).collect();
    assert_eq!(scores, [&json!(1), &json!(2.5), &json!(5)]);
}

#[test]
fn cli_import_of_something_else_fails_cleanly() {
    let output = journeymap(&["import-mermaid", "tests/mermaid/flowchart.mmd"], None);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).starts_with(
            "tests/mermaid/flowchart.mmd:1:1: journey: expected the header \"journey\", found \"flowchart TD\""
        )
    );
    let output = journeymap(&["import-mermaid", "tests/mermaid/no_such_file.mmd"], None);
    assert_eq!(output.status.code(), Some(2));
    let output = journeymap(&["import-mermaid"], None);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn cli_check_accepts_mermaid_files() {
    for file in [
        "tests/mermaid/working_day.mmd",
        "tests/mermaid/kitchen_sink.mmd",
        "tests/mermaid/not_mmd.txt",
        "tests/mermaid/working_day.json",
    ] {
        let output = journeymap(&["check", file], None);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{file}: {}",
            text(&output.stderr)
        );
        assert_eq!(text(&output.stdout), "", "{file}");
        assert_eq!(text(&output.stderr), "", "{file}");
    }
    let output = journeymap(&["check", "-"], Some(&read("working_day.mmd")));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stderr), "");
}

#[test]
fn cli_render_and_layout_accept_mermaid() {
    let from_mermaid = journeymap(&["render", "tests/mermaid/working_day.mmd"], None);
    assert_eq!(
        from_mermaid.status.code(),
        Some(0),
        "{}",
        text(&from_mermaid.stderr)
    );
    assert_eq!(text(&from_mermaid.stderr), "");
    // The imported JSON is working_day.json byte for byte, so is the SVG.
    let from_json = journeymap(&["render", "tests/mermaid/working_day.json"], None);
    assert_eq!(from_json.status.code(), Some(0));
    assert_eq!(from_mermaid.stdout, from_json.stdout);
    assert!(text(&from_mermaid.stdout).starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    let from_stdin = journeymap(&["render", "-"], Some(&read("working_day.mmd")));
    assert_eq!(from_stdin.stdout, from_json.stdout);

    let layout = journeymap(&["layout", "tests/mermaid/working_day.mmd"], None);
    assert_eq!(layout.status.code(), Some(0));
    let layout: Value = serde_json::from_slice(&layout.stdout).expect("layout JSON");
    assert_eq!(layout["cards"].as_array().map(Vec::len), Some(5));

    let errors = journeymap(&["render", "tests/mermaid/errors.mmd"], None);
    assert_eq!(errors.status.code(), Some(1));
    assert_eq!(text(&errors.stdout), "");
    assert!(text(&errors.stderr).starts_with("tests/mermaid/errors.mmd:3:17: "));
}

#[test]
fn cli_check_reports_mermaid_errors_in_the_mermaid_text() {
    let output = journeymap(&["check", "tests/mermaid/errors.mmd"], None);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert_eq!(stderr.lines().count(), 6, "{stderr}");
    assert!(stderr.starts_with("tests/mermaid/errors.mmd:3:17: section \"Arrive\": "));
    // An .mmd file is Mermaid even without its header.
    let output = journeymap(&["check", "tests/mermaid/flowchart.mmd"], None);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).starts_with("tests/mermaid/flowchart.mmd:1:1: journey: "));
    let output = journeymap(&["check", "tests/mermaid/clamp.mmd"], None);
    assert_eq!(output.status.code(), Some(1));
    let output = journeymap(&["check", "tests/mermaid/clamp.mmd", "--clamp"], None);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stderr).lines().count(), 3);
}

#[test]
fn cli_render_and_layout_clamp_mermaid_scores_when_asked() {
    for command in ["render", "layout"] {
        let refused = journeymap(&[command, "tests/mermaid/clamp.mmd"], None);
        assert_eq!(refused.status.code(), Some(1), "{command}");
        assert_eq!(text(&refused.stdout), "", "{command}");
        let clamped = journeymap(&[command, "--clamp", "tests/mermaid/clamp.mmd"], None);
        assert_eq!(
            clamped.status.code(),
            Some(0),
            "{command}: {}",
            text(&clamped.stderr)
        );
        assert_eq!(
            text(&clamped.stderr).lines().count(),
            3,
            "{command}: a warning per task"
        );
        assert!(!clamped.stdout.is_empty(), "{command}");
    }
}
