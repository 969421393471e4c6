//! The JSON Schema says what the format spec (`journeymap::format::spec`)
//! says: for every kind of object the same fields, in both directions, the
//! same required fields, and for every field a schema of the same type
//! (text limits, number ranges, keyword lists, nested objects). A field
//! added to the spec and not to the schema, or the other way round, fails
//! here.

use journeymap::format::limits::{LANES, LONG_TEXT, PERSONAS, SHORT_TEXT, STAGES};
use journeymap::format::spec::{OBJECTS, ObjectSpec, Type};
use journeymap::i18n::Key;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::path::PathBuf;

fn schema() -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("schema/journeymap.schema.json");
    let text = std::fs::read_to_string(&path).expect("the schema is readable");
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// The schema of an object kind: the root for the map, else its `$defs` entry.
fn object_schema<'a>(schema: &'a Value, spec: &ObjectSpec) -> &'a Value {
    if spec.def.is_empty() {
        schema
    } else {
        &schema["$defs"][spec.def]
    }
}

/// A property with its `$ref` followed: the referenced definition's keys,
/// overridden by the property's own.
fn resolved(schema: &Value, property: &Value) -> Value {
    let mut merged = serde_json::Map::new();
    if let Some(reference) = property["$ref"].as_str() {
        let name = reference.trim_start_matches("#/$defs/");
        if let Some(definition) = schema["$defs"][name].as_object() {
            merged.extend(definition.clone());
        }
    }
    if let Some(own) = property.as_object() {
        merged.extend(own.clone());
    }
    Value::Object(merged)
}

/// What is wrong with `property` as the schema of a field of type `ty`.
fn type_problems(schema: &Value, ty: &Type, property: &Value) -> Vec<String> {
    let full = resolved(schema, property);
    let reference = |name: &str| {
        let expected = format!("#/$defs/{name}");
        if property["$ref"] == json!(expected) {
            Vec::new()
        } else {
            vec![format!(
                "expected \"$ref\": {expected:?}, found {}",
                property["$ref"]
            )]
        }
    };
    let has = |key: &str, value: Value| {
        if full[key] == value {
            Vec::new()
        } else {
            vec![format!("expected {key:?}: {value}, found {}", full[key])]
        }
    };
    match ty {
        Type::ShortText => [
            has("type", json!("string")),
            has("maxLength", json!(SHORT_TEXT)),
        ]
        .concat(),
        Type::LongText => [
            has("type", json!("string")),
            has("maxLength", json!(LONG_TEXT)),
        ]
        .concat(),
        Type::String | Type::Font => has("type", json!("string")),
        Type::Version => has("const", json!(1)),
        Type::Id => reference("id"),
        Type::Color => reference("color"),
        Type::Url => reference("url"),
        Type::Lang => reference("lang"),
        Type::Bool => has("type", json!("boolean")),
        Type::Number(range) => {
            let (min, max) = (&range.min, &range.max);
            let maximum = if *max == f64::MAX {
                Value::Null
            } else {
                json!(max)
            };
            let as_number = |v: &Value| v.as_f64().map_or(Value::Null, |f| json!(f));
            let mut problems = has("type", json!("number"));
            if as_number(&full["minimum"]) != json!(min) {
                problems.push(format!(
                    "expected \"minimum\": {min}, found {}",
                    full["minimum"]
                ));
            }
            if as_number(&full["maximum"]) != maximum {
                problems.push(format!(
                    "expected \"maximum\": {maximum}, found {}",
                    full["maximum"]
                ));
            }
            problems
        }
        Type::Keyword(words) => has("enum", json!(words)),
        Type::MetricValue => reference("metricValue"),
        Type::Cells => has("type", json!("object")),
        Type::Labels => reference("labels"),
        Type::List(item) => {
            let mut problems = has("type", json!("array"));
            problems.extend(
                type_problems(schema, item, &full["items"])
                    .into_iter()
                    .map(|p| format!("items: {p}")),
            );
            problems
        }
        Type::Object(name) => reference(name),
        Type::Either(first, second) => match full["oneOf"].as_array().map(Vec::as_slice) {
            Some([a, b]) => [
                type_problems(schema, first, a)
                    .into_iter()
                    .map(|p| format!("oneOf[0]: {p}"))
                    .collect::<Vec<_>>(),
                type_problems(schema, second, b)
                    .into_iter()
                    .map(|p| format!("oneOf[1]: {p}"))
                    .collect(),
            ]
            .concat(),
            _ => vec![format!(
                "expected \"oneOf\" of two schemas, found {}",
                full["oneOf"]
            )],
        },
    }
}

fn names(value: &Value) -> BTreeSet<String> {
    match value {
        Value::Object(object) => object.keys().cloned().collect(),
        Value::Array(items) => items
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => BTreeSet::new(),
    }
}

#[test]
fn every_object_of_the_spec_has_the_same_fields_in_the_schema() {
    let schema = schema();
    let mut problems = Vec::new();
    for spec in OBJECTS {
        let kind = if spec.def.is_empty() { "map" } else { spec.def };
        let object = object_schema(&schema, spec);
        if object.is_null() {
            problems.push(format!("{kind}: no \"$defs\" entry in the schema"));
            continue;
        }
        if object["additionalProperties"] != json!(false) {
            problems.push(format!("{kind}: the schema allows unknown fields"));
        }
        let in_spec: BTreeSet<String> = spec.names().map(str::to_owned).collect();
        let in_schema = names(&object["properties"]);
        for name in in_spec.difference(&in_schema) {
            problems.push(format!(
                "{kind}.{name}: in the format spec, not in the schema"
            ));
        }
        for name in in_schema.difference(&in_spec) {
            problems.push(format!(
                "{kind}.{name}: in the schema, not in the format spec"
            ));
        }
        let required: BTreeSet<String> = spec
            .fields
            .iter()
            .filter(|f| f.is_required())
            .map(|f| f.name.to_owned())
            .collect();
        let schema_required = names(&object["required"]);
        if required != schema_required {
            problems.push(format!(
                "{kind}: required fields differ: the spec has {required:?}, the schema {schema_required:?}"
            ));
        }
        for field in spec.fields {
            let property = &object["properties"][field.name];
            if property.is_null() {
                continue;
            }
            for problem in type_problems(&schema, &field.ty, property) {
                problems.push(format!("{kind}.{}: {problem}", field.name));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn the_schema_states_the_count_limits() {
    let schema = schema();
    let properties = &schema["properties"];
    assert_eq!(properties["stages"]["maxItems"], json!(STAGES));
    assert_eq!(properties["lanes"]["maxItems"], json!(LANES));
    assert_eq!(properties["personas"]["maxItems"], json!(PERSONAS));
}

#[test]
fn every_object_of_the_schema_is_in_the_spec() {
    let schema = schema();
    let objects: BTreeSet<&str> = OBJECTS.iter().map(|spec| spec.def).collect();
    let unlisted: Vec<&String> = schema["$defs"]
        .as_object()
        .expect("$defs")
        .iter()
        .filter(|(_, definition)| definition["type"] == json!("object"))
        .map(|(name, _)| name)
        .filter(|name| !objects.contains(name.as_str()))
        // Its properties are the built-in words, not fields: see
        // `labels_in_the_schema_are_the_built_in_words`.
        .filter(|name| name.as_str() != "labels")
        .collect();
    assert!(
        unlisted.is_empty(),
        "objects of the schema missing from the format spec: {unlisted:?}"
    );
}

#[test]
fn labels_in_the_schema_are_the_built_in_words() {
    let schema = schema();
    let labels = &schema["$defs"]["labels"];
    assert_eq!(labels["additionalProperties"], json!(false));
    let in_schema = names(&labels["properties"]);
    let keys: BTreeSet<String> = Key::ALL.iter().map(|k| k.as_str().to_owned()).collect();
    assert_eq!(in_schema, keys);
    for key in &keys {
        let property = &labels["properties"][key.as_str()];
        assert_eq!(property["type"], json!("string"), "{key}");
        assert_eq!(property["maxLength"], json!(SHORT_TEXT), "{key}");
    }
}
