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

/// The text between `start` (its end) and the next `end`.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).expect(start) + start.len();
    let to = from + text[from..].find(end).expect(end);
    &text[from..to]
}

#[test]
fn render_format_fragment_holds_the_svg_the_map_and_the_view_data() {
    let svg = text(&journeymap(&["render", "examples/grocery-delivery.json"], None).stdout);
    let output = journeymap(
        &[
            "render",
            "examples/grocery-delivery.json",
            "--format",
            "fragment",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0));
    let fragment = text(&output.stdout);
    assert!(fragment.starts_with("<journey-map data-jm-prerendered>\n"));
    assert!(fragment.ends_with("</journey-map>\n"));
    // The very SVG of --format svg, so that the page shows what `render` draws.
    assert!(fragment.contains(&format!("\n{svg}\n</journey-map>")));
    let map: Value = serde_json::from_str(between(
        &fragment,
        "<script type=\"application/json\">",
        "</script>",
    ))
    .expect("the map's JSON");
    let file: Value = serde_json::from_str(
        &std::fs::read_to_string("examples/grocery-delivery.json").expect("example"),
    )
    .expect("example JSON");
    assert_eq!(map, file);
    let view: Value = serde_json::from_str(between(
        &fragment,
        "<script type=\"application/vnd.journeymap.view+json\">",
        "</script>",
    ))
    .expect("the view data");
    assert_eq!(view["prefix"], "jm");
    assert_eq!(view["classes"]["stage"], "jm-stage");
    assert_eq!(view["info"]["theme"], "auto");
    let ids: Vec<&Value> = view["info"]["stages"]
        .as_array()
        .expect("stages")
        .iter()
        .map(|s| &s["id"])
        .collect();
    let file_ids: Vec<&Value> = file["stages"]
        .as_array()
        .expect("stages")
        .iter()
        .map(|s| &s["id"])
        .collect();
    assert_eq!(ids, file_ids);
    // Options are kept: the theme as the element's attribute, the prefix.
    let dark = text(
        &journeymap(
            &[
                "render",
                "examples/minimal.json",
                "--format",
                "fragment",
                "--theme",
                "dark",
                "--id-prefix",
                "m2",
            ],
            None,
        )
        .stdout,
    );
    assert!(dark.starts_with("<journey-map data-jm-prerendered theme=\"dark\">"));
    assert!(dark.contains("\"prefix\":\"m2\""));
    assert!(dark.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"m2\""));
    // A Mermaid diagram's fragment carries the converted map.
    let mermaid = text(
        &journeymap(
            &[
                "render",
                "tests/mermaid/working_day.mmd",
                "--format",
                "fragment",
            ],
            None,
        )
        .stdout,
    );
    let converted: Value = serde_json::from_str(between(
        &mermaid,
        "<script type=\"application/json\">",
        "</script>",
    ))
    .expect("the converted map");
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/mermaid/working_day.json").expect("expected map"),
    )
    .expect("JSON");
    assert_eq!(converted, expected);
}

#[test]
fn render_format_html_is_one_page_with_the_script_inline() {
    let script = scratch("journeymap.js", "globalThis.JourneyMapTest = 1;\n");
    let map = scratch(
        "title.json",
        r#"{"title":"Q&A <beta>","stages":[{"name":"A","cells":{"actions":["x"]}}]}"#,
    );
    let out = scratch("map.html", "");
    let output = journeymap(
        &[
            "render", &map, "--format", "html", "--script", &script, "-o", &out,
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let page = std::fs::read_to_string(&out).expect("written");
    assert!(page.starts_with("<!doctype html>\n<html>\n<head>\n<meta charset=\"utf-8\">"));
    assert!(page.contains("<title>Q&amp;A &lt;beta&gt;</title>"));
    assert!(page.contains("<script>globalThis.JourneyMapTest = 1;</script>\n</head>"));
    let fragment = text(&journeymap(&["render", &map, "--format", "fragment"], None).stdout);
    assert!(page.contains(&format!("<body>\n{fragment}</body>\n</html>\n")));
    assert!(page.contains("@media print"));
    // Nothing to fetch: no src or href anywhere.
    assert!(!page.contains(" src=") && !page.contains(" href="));

    // A script that would end its element early is refused.
    let bad = scratch("bad.js", "var s = '</script><b>';\n");
    let output = journeymap(
        &["render", &map, "--format", "html", "--script", &bad],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(text(&output.stdout), "");
    assert!(text(&output.stderr).contains("cannot be inlined"));
    // --script belongs to --format html only.
    let output = journeymap(&["render", &map, "--script", &script], None);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        text(&output.stderr),
        "journeymap: --script is only for --format html\n"
    );
    // A missing script is a usage problem, said before any work.
    let output = journeymap(
        &[
            "render",
            "examples/minimal.json",
            "--format",
            "html",
            "--script",
            "no/such.js",
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).starts_with("journeymap: cannot read the script no/such.js: "));
}

#[test]
fn render_format_html_finds_the_built_script_of_the_repository() {
    if !std::path::Path::new("dist/journeymap.js").exists() {
        return; // scripts/build-web.sh has not run: nothing to find
    }
    let output = journeymap(
        &["render", "examples/minimal.json", "--format", "html"],
        None,
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let script = std::fs::read_to_string("dist/journeymap.js").expect("dist");
    assert!(text(&output.stdout).contains(script.trim_end()));
}

/// `render --persona/--channel/--owner` draw the focused view with the
/// classes the browser sets: the root's focus class, and the focused
/// persona's curve drawn last.
#[test]
fn render_draws_a_focus_by_persona_channel_or_owner() {
    let map = "examples/grocery-delivery.json";
    for (flag, key, class) in [
        ("--persona", "tom", "jm-focus-persona-1"),
        ("--channel", "web", "jm-focus-channel-0"),
        ("--owner", "Store operations", "jm-focus-owner-2"),
    ] {
        let output = journeymap(&["render", map, flag, key], None);
        assert_eq!(output.status.code(), Some(0), "{flag} {key}");
        let svg = text(&output.stdout);
        let root = svg.lines().next().unwrap_or_default();
        assert!(
            root.contains(&format!(" jm-focus {class}\"")),
            "{flag}: {root}"
        );
        if flag == "--persona" {
            let last = svg.rfind("class=\"jm-curve-group").unwrap_or(0);
            assert!(
                svg[last..].starts_with("class=\"jm-curve-group\" data-persona-index=\"1\""),
                "the focused curve is drawn last"
            );
        }
    }
    let plain = text(&journeymap(&["render", map], None).stdout);
    assert!(!plain.contains(" jm-focus "));
}

#[test]
fn an_unknown_focus_is_a_usage_error_naming_the_known_ones() {
    let map = "examples/grocery-delivery.json";
    for (args, message) in [
        (
            vec!["--persona", "thom"],
            "journeymap: --persona: no persona \"thom\": expected one of \"maya\", \"tom\"; did you mean \"tom\"?\n",
        ),
        (
            vec!["--owner", "Logistic"],
            "journeymap: --owner: no owner \"Logistic\": expected one of \"Marketing\", \"Logistics\", \"Store operations\"; did you mean \"Logistics\"?\n",
        ),
    ] {
        let mut all = vec!["render", map];
        all.extend(&args);
        let output = journeymap(&all, None);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(text(&output.stdout), "");
        assert_eq!(text(&output.stderr), message);
    }
    let channel = journeymap(&["render", map, "--channel", "fax"], None);
    assert_eq!(channel.status.code(), Some(2));
    assert!(
        text(&channel.stderr)
            .starts_with("journeymap: --channel: no channel \"fax\": expected one of \"web\", ")
    );
    let both = journeymap(
        &["render", map, "--persona", "tom", "--owner", "Logistics"],
        None,
    );
    assert_eq!(both.status.code(), Some(2), "one focus at a time");
}

#[test]
fn render_and_layout_stack_the_map_at_the_width_asked() {
    let file = "examples/hotel-booking.json";
    // The default stacked width is a phone's 390 px.
    let output = journeymap(&["layout", file, "--layout", "stacked"], None);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let layout: Value = serde_json::from_slice(&output.stdout).expect("layout JSON");
    assert_eq!(layout["kind"], "stacked");
    assert_eq!(layout["width"], 390.0);
    let cards = layout["cards"].as_array().expect("cards");
    assert!(!cards.is_empty());
    for card in cards {
        for key in ["x", "y", "width", "height"] {
            assert!(card[key].is_f64(), "{key}");
        }
        assert!(card["stage"].is_string() && card["lane"].is_string());
        assert!(card["lines"].as_array().is_some_and(|l| !l.is_empty()));
        let right = card["x"].as_f64().unwrap() + card["width"].as_f64().unwrap();
        assert!(right <= 390.0);
    }
    let output = journeymap(
        &["layout", file, "--layout", "stacked", "--width", "320"],
        None,
    );
    let layout: Value = serde_json::from_slice(&output.stdout).expect("layout JSON");
    assert_eq!(layout["width"], 320.0);
    // The SVG is as wide as asked, the same from a file and from stdin.
    let output = journeymap(
        &["render", file, "--layout", "stacked", "--width", "360"],
        None,
    );
    assert_eq!(output.status.code(), Some(0));
    let svg = text(&output.stdout);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains(r#"viewBox="0 0 360 "#), "{}", &svg[..300]);
    assert!(svg.contains("jm-stacked"));
    let source = std::fs::read_to_string(file).unwrap();
    let piped = journeymap(
        &["render", "-", "--layout", "stacked", "--width", "360"],
        Some(&source),
    );
    assert_eq!(text(&piped.stdout), svg);
    // --layout wide is the default.
    let wide = journeymap(&["render", file, "--layout", "wide"], None);
    assert_eq!(wide.stdout, journeymap(&["render", file], None).stdout);
}

#[test]
fn a_width_without_the_stacked_layout_or_out_of_range_is_a_usage_error() {
    let file = "examples/minimal.json";
    for args in [
        &["render", file, "--width", "390"][..],
        &["render", file, "--layout", "wide", "--width", "390"],
        &["layout", file, "--width", "390"],
        &["render", file, "--layout", "stacked", "--width", "100"],
        &["render", file, "--layout", "stacked", "--width", "wide"],
        &["layout", file, "--layout", "tall"],
    ] {
        let output = journeymap(args, None);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(text(&output.stdout), "", "{args:?}");
        assert!(!text(&output.stderr).is_empty(), "{args:?}");
    }
    let output = journeymap(&["render", file, "--width", "390"], None);
    assert!(
        text(&output.stderr).contains("--width is only for --layout stacked"),
        "{}",
        text(&output.stderr)
    );
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
