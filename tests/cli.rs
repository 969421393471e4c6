//! The `journeymap` command on JSON maps, as scripts use it: exit codes,
//! where output goes, the error format, and output bytes that depend only
//! on the map and the options (docs: README.md, ../shared/CONTRACTS.md).
//! Mermaid input through the CLI is tested in tests/mermaid.rs.

#[path = "support/cli.rs"]
mod cli;

use cli::{journeymap, text};
use serde_json::Value;

const INVALID: &str = "{\n  \"title\": \"T\",\n  \"stages\": [\n    { \"name\": \"A\", \"score\": 9, \"cels\": {} }\n  ]\n}\n";

fn scratch(name: &str, contents: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("scratch file");
    path.to_string_lossy().into_owned()
}

#[test]
fn check_is_silent_on_every_example() {
    for entry in std::fs::read_dir("examples").expect("examples") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let file = path.to_string_lossy();
            let output = journeymap(&["check", &file], None);
            assert_eq!(output.status.code(), Some(0), "{file}");
            assert_eq!(text(&output.stdout), "", "{file}");
            assert_eq!(text(&output.stderr), "", "{file}");
        }
    }
}

#[test]
fn check_prints_every_error_located_and_exits_1() {
    let file = scratch("invalid.json", INVALID);
    let output = journeymap(&["check", &file], None);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(text(&output.stdout), "");
    let stderr = text(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "{file}:4:20: stages[0].score: expected a number from 1 (very negative) to 5 (very positive), found 9"
            ),
            format!("{file}:4:32: stages[0].cels: unknown field \"cels\"; did you mean \"cells\"?"),
        ]
    );
    // From stdin, the file is called <stdin>.
    let output = journeymap(&["check", "-"], Some(INVALID));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).starts_with("<stdin>:4:20: stages[0].score: "),
        "{}",
        text(&output.stderr)
    );
    // A syntax error stops at its place.
    let output = journeymap(
        &["check", "-"],
        Some("{\"title\": \"T\",\n  \"stages\": [}"),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stderr).starts_with("<stdin>:2:14: "),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn usage_errors_and_unreadable_files_exit_2() {
    for args in [
        &["check"][..],
        &["check", "a.json", "b.json"],
        &["frobnicate", "x.json"],
        &["render", "examples/minimal.json", "--theme", "purple"],
        &["render", "examples/minimal.json", "--id-prefix", "1bad"],
        &["layout"],
        &["check", "does/not/exist.json"],
    ] {
        let output = journeymap(args, None);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(text(&output.stdout), "", "{args:?}");
        assert!(!output.stderr.is_empty(), "{args:?}: says why");
    }
}

#[test]
fn every_command_has_help() {
    for command in ["check", "render", "layout", "schema", "import-mermaid"] {
        let output = journeymap(&[command, "--help"], None);
        assert_eq!(output.status.code(), Some(0), "{command}");
        assert!(
            text(&output.stdout).contains("Usage: journeymap"),
            "{command}"
        );
    }
    let help = text(&journeymap(&["render", "--help"], None).stdout);
    for flag in ["--output", "--theme", "--id-prefix", "--clamp"] {
        assert!(help.contains(flag), "render --help names {flag}");
    }
}

#[test]
fn schema_prints_the_shipped_schema() {
    let output = journeymap(&["schema"], None);
    assert_eq!(output.status.code(), Some(0));
    let shipped = std::fs::read_to_string("schema/journeymap.schema.json").expect("schema");
    assert_eq!(text(&output.stdout), shipped);
}

#[test]
fn render_gives_the_same_bytes_from_a_file_stdin_and_to_a_file() {
    let map = std::fs::read_to_string("examples/online-purchase.json").expect("example");
    let from_file = journeymap(&["render", "examples/online-purchase.json"], None);
    assert_eq!(from_file.status.code(), Some(0));
    assert_eq!(text(&from_file.stderr), "");
    let svg = text(&from_file.stdout);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    let from_stdin = journeymap(&["render", "-"], Some(&map));
    assert_eq!(from_stdin.stdout, from_file.stdout);
    let out = scratch("out.svg", "");
    let to_file = journeymap(
        &["render", "examples/online-purchase.json", "-o", &out],
        None,
    );
    assert_eq!(to_file.status.code(), Some(0));
    assert_eq!(text(&to_file.stdout), "");
    assert_eq!(std::fs::read(&out).expect("written"), from_file.stdout);
}

#[test]
fn render_options_change_the_svg() {
    let render = |args: &[&str]| {
        let mut all = vec!["render", "examples/minimal.json"];
        all.extend_from_slice(args);
        let output = journeymap(&all, None);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        text(&output.stdout)
    };
    let plain = render(&[]);
    let dark = render(&["--theme", "dark"]);
    let auto = render(&["--theme", "auto"]);
    assert!(dark.contains("jm-theme-dark"));
    assert!(auto.contains("prefers-color-scheme"));
    assert_ne!(plain, dark);
    let prefixed = render(&["--id-prefix", "checkout"]);
    assert!(prefixed.contains("id=\"checkout\""));
    assert!(!prefixed.contains("id=\"jm"));
    // An invalid map renders nothing and says why.
    let output = journeymap(&["render", "-"], Some(INVALID));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(text(&output.stdout), "");
    assert!(text(&output.stderr).starts_with("<stdin>:4:20: "));
}

#[test]
fn layout_prints_cards_in_canvas_coordinates() {
    let output = journeymap(&["layout", "examples/online-purchase.json"], None);
    assert_eq!(output.status.code(), Some(0));
    let layout: Value = serde_json::from_slice(&output.stdout).expect("layout JSON");
    let width = layout["width"].as_f64().expect("width");
    let height = layout["height"].as_f64().expect("height");
    let cards = layout["cards"].as_array().expect("cards");
    assert!(!cards.is_empty());
    for card in cards {
        let x = card["x"].as_f64().expect("x");
        let y = card["y"].as_f64().expect("y");
        let w = card["width"].as_f64().expect("width");
        let h = card["height"].as_f64().expect("height");
        assert!(
            x >= 0.0 && y >= 0.0 && x + w <= width && y + h <= height,
            "{card}"
        );
        assert!(
            card["stage"].is_string() && card["lane"].is_string(),
            "{card}"
        );
        assert!(
            card["lines"]
                .as_array()
                .is_some_and(|l| l.iter().all(Value::is_string))
        );
    }
}

#[test]
fn mermaid_input_takes_a_language() {
    let diagram = "journey\n  section 朝\n    起きる: 3: 私\n";
    let file = scratch("lang.mmd", diagram);
    let output = journeymap(&["import-mermaid", &file, "--lang", "JA"], None);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let map: Value = serde_json::from_str(&text(&output.stdout)).expect("JSON");
    assert_eq!(map["lang"], "ja", "the tag in conventional case");
    // No title in the diagram: the language's word for one.
    let japanese = journeymap::i18n::Words::for_lang("ja");
    assert_eq!(
        map["title"],
        japanese.get(journeymap::i18n::Key::MermaidTitle)
    );

    let svg = journeymap(&["render", &file, "--lang", "ja"], None);
    assert_eq!(svg.status.code(), Some(0));
    assert!(text(&svg.stdout).contains(" xml:lang=\"ja\""));
    assert_eq!(
        journeymap(&["check", &file, "--lang", "ja"], None)
            .status
            .code(),
        Some(0)
    );
    let layout = journeymap(&["layout", &file, "--lang", "ja"], None);
    assert!(text(&layout.stdout).contains("\"lang\": \"ja\""));

    let bad = journeymap(&["import-mermaid", &file, "--lang", "ja_JP!"], None);
    assert_eq!(bad.status.code(), Some(1));
    let stderr = text(&bad.stderr);
    assert!(
        stderr.contains("--lang: expected a BCP 47 language tag"),
        "{stderr}"
    );
}
