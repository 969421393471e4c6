//! `journeymap diff BEFORE AFTER`: exit codes as diff(1) (0 equal, 1
//! different, 2 trouble), the text and JSON forms on a before/after pair,
//! the SVG's marks, and items matched so that an edit is a change.

#[path = "support/cli.rs"]
mod cli;

use cli::{journeymap, text};

const BEFORE: &str = "tests/diff/trip.before.json";
const AFTER: &str = "tests/diff/trip.after.json";

#[test]
fn equal_maps_exit_0_with_nothing_to_say() {
    let output = journeymap(&["diff", BEFORE, BEFORE, "--format", "text"], None);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stdout), "");
}

#[test]
fn different_maps_exit_1_with_one_line_per_change() {
    let output = journeymap(&["diff", BEFORE, AFTER, "--format", "text"], None);
    assert_eq!(output.status.code(), Some(1));
    let stdout = text(&output.stdout);
    for line in [
        r#"~ stages[0].cells.actions[0].text: "Searches for hotels near the sea" → "Searches for hotels near the beach""#,
        r#"- stages[0].cells.actions[1]: "Compares prices on three sites""#,
        "~ stages[1].cells.actions[0].score: 2 → 4",
        r#"~ stages[1].cells.actions[0].sources: [] → ["s1"]"#,
        r#"~ stages[1].cells.actions[1].confidence: null → "assumption""#,
        r#"+ stages[1].cells.pains[1]: "Slow confirmation email""#,
        r#"+ stages[2]: "Stay""#,
    ] {
        assert!(
            stdout.lines().any(|l| l == line),
            "{line:?} not in\n{stdout}"
        );
    }
    assert_eq!(stdout.lines().count(), 7, "{stdout}");
}

#[test]
fn json_gives_the_same_changes_as_data() {
    let output = journeymap(&["diff", BEFORE, AFTER, "--format", "json"], None);
    assert_eq!(output.status.code(), Some(1));
    let changes: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let score = changes
        .as_array()
        .and_then(|all| {
            all.iter()
                .find(|c| c["path"] == "stages[1].cells.actions[0].score")
        })
        .expect("the score change");
    assert_eq!(score["kind"], "changed");
    assert_eq!(
        (score["before"].as_i64(), score["after"].as_i64()),
        (Some(2), Some(4))
    );
    assert_eq!(changes.as_array().map(Vec::len), Some(7));
}

#[test]
fn the_svg_marks_added_changed_and_removed_cards_and_stages() {
    let output = journeymap(&["diff", BEFORE, AFTER], None);
    assert_eq!(output.status.code(), Some(1));
    let svg = text(&output.stdout);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains(r#"class="jm-stage jm-added""#));
    assert_eq!(
        svg.matches(" jm-added\"").count(),
        3,
        "the stage, its card, the pain"
    );
    assert_eq!(svg.matches(" jm-removed\"").count(), 1);
    assert_eq!(svg.matches(" jm-changed\"").count(), 3);
    assert!(svg.contains("jm-was"), "the old text struck through");
    assert!(svg.contains("score 2 → 4"));
    assert!(svg.contains("jm-ghost-point"));
}

#[test]
fn an_output_file_gets_the_same_bytes() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("diff");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let out = dir.join("trip.svg");
    let out = out.to_string_lossy();
    let written = journeymap(&["diff", BEFORE, AFTER, "-o", &out], None);
    assert_eq!(written.status.code(), Some(1));
    assert_eq!(text(&written.stdout), "");
    let printed = journeymap(&["diff", BEFORE, AFTER], None);
    assert_eq!(std::fs::read(&*out).expect("written"), printed.stdout);
}

#[test]
fn an_invalid_map_is_trouble_exit_2_with_its_errors() {
    let invalid = "{\n  \"title\": \"T\",\n  \"stages\": [{ \"name\": \"A\", \"score\": 9 }]\n}\n";
    let output = journeymap(&["diff", BEFORE, "-"], Some(invalid));
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(text(&output.stdout), "");
    let check = journeymap(&["check", "-"], Some(invalid));
    assert_eq!(text(&output.stderr), text(&check.stderr));
    let missing = journeymap(&["diff", BEFORE, "tests/diff/no-such-map.json"], None);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn an_edited_card_is_changed_not_removed_and_added() {
    let before = journeymap::validate(
        r#"{"title":"T","stages":[{"name":"A","cells":{"actions":["Opens the returns page","Prints the label"]}}]}"#,
    )
    .expect("valid");
    let after = journeymap::validate(
        r#"{"title":"T","stages":[{"name":"A","cells":{"actions":["Prints the label at home","Opens the return page"]}}]}"#,
    )
    .expect("valid");
    let lines: Vec<String> = journeymap::diff::diff(&before, &after)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        lines,
        [
            r#"~ stages[0].cells.actions[0].text: "Prints the label" → "Prints the label at home""#,
            r#"~ stages[0].cells.actions[1].text: "Opens the returns page" → "Opens the return page""#,
        ]
    );
}
