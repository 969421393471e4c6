//! The JSON Schema in `schema/` against the maps in `examples/` and the
//! invalid documents in `tests/schema-invalid/`.
//!
//! Every `examples/*.json` must validate. Every `tests/schema-invalid/*.json`
//! must be rejected, and for the right reason: its `.expect` file holds the
//! JSON pointer of the problem, and every error the schema reports must be
//! at that pointer or at one of its ancestors (an `additionalProperties` or
//! `oneOf` error is reported on the enclosing object). Both folders are
//! walked, so a new file is a new case.

use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> Value {
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

fn validator() -> jsonschema::Validator {
    let schema = read_json(&root().join("schema/journeymap.schema.json"));
    // Building also checks the schema against the draft 2020-12 meta-schema.
    jsonschema::draft202012::new(&schema)
        .unwrap_or_else(|e| panic!("the schema does not compile: {e} at {}", e.instance_path))
}

/// The `.json` files of a folder, sorted.
fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

/// Each error of `instance` as `(instance path, message)`.
fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<(String, String)> {
    validator
        .iter_errors(instance)
        .map(|e| (e.instance_path.to_string(), e.to_string()))
        .collect()
}

#[test]
fn every_example_validates() {
    let validator = validator();
    let files = json_files(&root().join("examples"));
    assert!(!files.is_empty(), "no examples found");
    let mut failures = Vec::new();
    for path in &files {
        let map = read_json(path);
        for (at, message) in errors(&validator, &map) {
            failures.push(format!("{}: {at}: {message}", path.display()));
        }
        if map.get("$schema").and_then(Value::as_str) != Some("../schema/journeymap.schema.json") {
            failures.push(format!(
                "{}: \"$schema\" should be \"../schema/journeymap.schema.json\"",
                path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn invalid_documents_are_rejected_where_expected() {
    let validator = validator();
    let dir = root().join("tests/schema-invalid");
    let files = json_files(&dir);
    assert!(!files.is_empty(), "no invalid documents found");
    let mut failures = Vec::new();
    for path in &files {
        let document = read_json(path);
        let expect_path = path.with_extension("expect");
        let expected = fs::read_to_string(&expect_path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", expect_path.display()));
        let expected = expected.trim();
        let found = errors(&validator, &document);
        if found.is_empty() {
            failures.push(format!(
                "{}: accepted, expected an error at {expected:?}",
                path.display()
            ));
        }
        for (at, message) in found {
            let at_or_above = expected == at
                || (expected.starts_with(&at) && expected[at.len()..].starts_with('/'));
            if !at_or_above {
                failures.push(format!(
                    "{}: error at {at:?} ({message}), expected one at or above {expected:?}",
                    path.display()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn smallest_map_of_the_format_validates() {
    let map: Value = serde_json::from_str(
        r#"{ "title": "Checkout", "stages": [ { "name": "Cart", "cells": { "actions": ["Add item"] } } ] }"#,
    )
    .expect("JSON");
    assert_eq!(errors(&validator(), &map), Vec::<(String, String)>::new());
}

/// The schema and the validator agree: on every example (both accept), on
/// every schema-invalid document (both refuse), and on the hostile corpus
/// wherever the document is JSON the schema can judge (a refusal by one is
/// a refusal by the other, except for rules the schema cannot express:
/// references, duplicate ids and keys, derived ids, the item count).
#[test]
fn schema_and_validator_agree() {
    let validator = validator();
    for path in json_files(&root().join("examples")) {
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            journeymap::validate(&text).is_ok(),
            "{} refused by the validator",
            path.display()
        );
    }
    for path in json_files(&root().join("tests/schema-invalid")) {
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            journeymap::validate(&text).is_err(),
            "{} accepted by the validator",
            path.display()
        );
    }
    let beyond_the_schema = ["duplicate-keys"];
    for path in json_files(&root().join("tests/hostile")) {
        let text = fs::read_to_string(&path).unwrap();
        let Ok(instance) = serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}'))
        else {
            continue;
        };
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        if beyond_the_schema.contains(&stem.as_str()) {
            continue;
        }
        let schema_accepts = validator.is_valid(&instance);
        let validator_accepts = journeymap::validate(&text).is_ok();
        assert_eq!(
            schema_accepts,
            validator_accepts,
            "{} judged differently",
            path.display()
        );
    }
}
