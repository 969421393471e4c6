//! Every golden file, one test per case, through the one harness in
//! `tests/support/golden.rs` (how to add a case and bless: tests/README.md).
//!
//! - `render/NAME`: every bundled example (`examples/NAME.json`) and every
//!   focused case (`tests/golden/cases/NAME.json`, named `case-NAME`), laid
//!   out as JSON (`tests/golden/NAME.layout.json`: a change of numbers shows
//!   there) and drawn as SVG (`tests/golden/NAME.svg`: a change of drawing
//!   shows there), as d2 keeps them;
//! - `focus/NAME`: `tests/golden/focus/NAME.focus` (one line: `MAP KIND
//!   KEY`, a map of the repository, `persona`, `channel` or `owner`, and
//!   the id or owner name) drawn in that focus, as `render --persona` …
//!   draws it, as `tests/golden/focus/NAME.svg`;
//! - `errors/NAME`: `tests/errors/NAME.json` must be refused with the
//!   diagnostics of `tests/errors/NAME.txt`, one per line;
//! - `hostile/NAME`: `tests/hostile/NAME.json` either renders an SVG that
//!   passes the output oracle (`renders`) or fails with exactly the located
//!   errors of `tests/hostile/NAME.expect`; unsafe output is never blessed;
//! - `mermaid/NAME`: `tests/mermaid/NAME.mmd` imports to the map of
//!   `NAME.json`, or fails with the diagnostics of `NAME.errors.txt`;
//! - `fonts/NAME`: the CLI's `layout` and `render` with the arguments of
//!   `tests/golden/fonts/NAME.args` (a map and a real font file), as
//!   `NAME.layout.json` and `NAME.svg`.
//!
//! - `diff/NAME`: `tests/diff/NAME.before.json` and `NAME.after.json`
//!   compared: the changes one a line (`NAME.diff.txt`, as `journeymap diff
//!   --format text` prints them) and the AFTER map drawn with the marks
//!   (`NAME.diff.svg`).
//! - `stacked/NAME`: the examples and focused cases of [`STACKED`], laid
//!   out stacked at the default width, as JSON and SVG in
//!   `tests/golden/stacked/` (the phone layout's geometry and drawing).
//!
//! Each family also has a `FAMILY/stale-goldens` test.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/golden.rs"]
mod harness;
#[path = "support/oracle.rs"]
mod oracle;

use harness::{check, inputs, root, stale};
use journeymap::Diagnostic;
use journeymap::render::{RenderOptions, render};
use libtest_mimic::{Arguments, Failed, Trial};
use std::fs;
use std::path::Path;

fn main() {
    let mut trials = Vec::new();
    trials.extend(render_cases());
    trials.extend(focus_cases());
    trials.extend(stacked_cases());
    trials.extend(error_cases());
    trials.extend(hostile_cases());
    #[cfg(feature = "mermaid")]
    trials.extend(mermaid_cases());
    trials.extend(font_cases());
    #[cfg(feature = "diff")]
    trials.extend(diff_cases());
    libtest_mimic::run(&Arguments::from_args(), trials).exit();
}

fn read(path: &Path) -> Result<String, Failed> {
    let bytes = fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|_| format!("{} is not UTF-8", path.display()).into())
}

/// Diagnostics one per line, as `Diagnostic`'s `Display` prints them.
fn lines(diagnostics: &[Diagnostic]) -> String {
    diagnostics.iter().map(|d| format!("{d}\n")).collect()
}

fn render_cases() -> Vec<Trial> {
    let goldens = root().join("tests/golden");
    let mut cases = inputs(&root().join("examples"), ".json");
    cases.extend(
        inputs(&goldens.join("cases"), ".json")
            .into_iter()
            .map(|(name, path)| (format!("case-{name}"), path)),
    );
    assert!(
        cases.len() >= 6,
        "expected the examples and the focused cases"
    );
    let mut expected = Vec::new();
    let mut trials = Vec::new();
    for (name, input) in cases {
        trials.push(layout_trial(
            ("render", &name),
            input,
            &goldens,
            journeymap::layout::layout,
            &mut expected,
        ));
    }
    trials.push(stale(
        "render",
        &goldens,
        &[".layout.json", ".svg"],
        expected,
    ));
    trials
}

fn focus_cases() -> Vec<Trial> {
    let dir = root().join("tests/golden/focus");
    let cases = inputs(&dir, ".focus");
    assert!(
        cases.len() >= 3,
        "expected a persona, a channel and an owner case"
    );
    let mut expected = Vec::new();
    let mut trials = Vec::new();
    for (name, input) in cases {
        let golden = input.with_extension("svg");
        expected.push(golden.clone());
        trials.push(Trial::test(format!("focus/{name}"), move || {
            let line = read(&input)?;
            let mut words = line.trim().splitn(3, ' ');
            let (Some(map), Some(kind), Some(key)) = (words.next(), words.next(), words.next())
            else {
                return Err(format!("{}: expected MAP KIND KEY", input.display()).into());
            };
            let map = journeymap::validate(&read(&root().join(map))?)
                .map_err(|errors| format!("{map} is invalid:\n{}", lines(&errors)))?;
            let layout = journeymap::layout::layout(&map);
            let options = RenderOptions {
                focus: Some(layout.focus.resolve(kind, key)?),
                ..RenderOptions::default()
            };
            check(&golden, &render(&layout, &options))
        }));
    }
    trials.push(stale("focus", &dir, &[".svg"], expected));
    trials
}

/// The maps whose stacked layout has goldens: `byChannel` routes, line
/// lanes, details and quotes, personas' curves, the funnel, scripts and
/// directions, the channel scorecard, and whole examples.
const STACKED: &[&str] = &[
    "examples/hotel-booking",
    "examples/bank-account-blueprint",
    "examples/ja-train-pass",
    "examples/saas-trial",
    "examples/contact-centre",
    "tests/golden/cases/by-channel-route",
    "tests/golden/cases/blueprint-lines",
    "tests/golden/cases/card-details",
    "tests/golden/cases/emotion-personas",
    "tests/golden/cases/funnel-and-kpis",
    "tests/golden/cases/scripts-and-directions",
];

fn stacked_cases() -> Vec<Trial> {
    let goldens = root().join("tests/golden/stacked");
    let mut expected = Vec::new();
    let mut trials = Vec::new();
    for case in STACKED {
        let input = root().join(format!("{case}.json"));
        let name = case.rsplit('/').next().unwrap_or(case);
        let name = if case.starts_with("examples/") {
            name.to_owned()
        } else {
            format!("case-{name}")
        };
        trials.push(layout_trial(
            ("stacked", &name),
            input,
            &goldens,
            |map| journeymap::layout::stacked(map, journeymap::layout::STACKED_WIDTH),
            &mut expected,
        ));
    }
    trials.push(stale(
        "stacked",
        &goldens,
        &[".layout.json", ".svg"],
        expected,
    ));
    trials
}

/// The test `FAMILY/NAME` of a map's layout and SVG: `input` laid out by
/// `lay_out`, against `NAME.layout.json` and `NAME.svg` in `goldens` (both
/// added to `expected`, for the family's stale check).
fn layout_trial(
    (family, name): (&str, &str),
    input: std::path::PathBuf,
    goldens: &Path,
    lay_out: fn(&journeymap::model::Map) -> journeymap::Layout,
    expected: &mut Vec<std::path::PathBuf>,
) -> Trial {
    let layout_golden = goldens.join(format!("{name}.layout.json"));
    let svg_golden = goldens.join(format!("{name}.svg"));
    expected.extend([layout_golden.clone(), svg_golden.clone()]);
    Trial::test(format!("{family}/{name}"), move || {
        let text = read(&input)?;
        let map = journeymap::validate(&text)
            .map_err(|errors| format!("{} is invalid:\n{}", input.display(), lines(&errors)))?;
        let layout = lay_out(&map);
        let json = serde_json::to_string_pretty(&layout).map_err(|e| e.to_string())? + "\n";
        let svg = render(&layout, &RenderOptions::default());
        // Both files are checked (and blessed) even when the first differs.
        let layout_result = check(&layout_golden, &json);
        check(&svg_golden, &svg)?;
        layout_result
    })
}

fn error_cases() -> Vec<Trial> {
    let dir = root().join("tests/errors");
    let cases = inputs(&dir, ".json");
    assert!(!cases.is_empty(), "no cases found in tests/errors");
    let mut expected = Vec::new();
    let mut trials = Vec::new();
    for (name, input) in cases {
        let golden = input.with_extension("txt");
        expected.push(golden.clone());
        trials.push(Trial::test(
            format!("errors/{name}"),
            move || match journeymap::validate(&read(&input)?) {
                Ok(_) => Err("the map was accepted, but an error case must be refused".into()),
                Err(diagnostics) if diagnostics.is_empty() => {
                    Err("validate failed without a single diagnostic".into())
                }
                Err(diagnostics) => check(&golden, &lines(&diagnostics)),
            },
        ));
    }
    trials.push(stale("errors", &dir, &[".txt"], expected));
    trials
}

/// A hostile case's outcome: `renders` (the SVG passed the oracle), or
/// `error` and the diagnostics, or `UNSAFE OUTPUT` and why.
fn hostile_outcome(text: &str) -> String {
    match journeymap::validate(text) {
        Ok(map) => {
            let options = RenderOptions {
                id_prefix: "jm7".into(),
                ..RenderOptions::default()
            };
            let svg = render(&journeymap::layout::layout(&map), &options);
            match oracle::check(&svg, &map, "jm7") {
                Ok(()) => "renders\n".into(),
                Err(problem) => format!("UNSAFE OUTPUT: {problem}\n"),
            }
        }
        Err(diagnostics) => format!("error\n{}", lines(&diagnostics)),
    }
}

fn hostile_cases() -> Vec<Trial> {
    let dir = root().join("tests/hostile");
    let cases = inputs(&dir, ".json");
    assert!(cases.len() >= 25, "the hostile corpus is incomplete");
    let mut expected = Vec::new();
    let mut trials = Vec::new();
    for (name, input) in cases {
        let golden = input.with_extension("expect");
        expected.push(golden.clone());
        trials.push(Trial::test(format!("hostile/{name}"), move || {
            let outcome = hostile_outcome(&read(&input)?);
            if outcome.starts_with("UNSAFE") {
                return Err(outcome.into());
            }
            check(&golden, &outcome)
        }));
    }
    trials.push(stale("hostile", &dir, &[".expect"], expected));
    trials
}

#[cfg(feature = "mermaid")]
fn mermaid_cases() -> Vec<Trial> {
    use journeymap::mermaid::{MermaidOptions, from_mermaid};
    let dir = root().join("tests/mermaid");
    let mut expected = Vec::new();
    let mut trials = Vec::new();
    for (name, input) in inputs(&dir, ".mmd") {
        let map_golden = dir.join(format!("{name}.json"));
        let errors_golden = dir.join(format!("{name}.errors.txt"));
        expected.extend([map_golden.clone(), errors_golden.clone()]);
        trials.push(Trial::test(format!("mermaid/{name}"), move || {
            let (golden, other, actual) = match from_mermaid(
                &read(&input)?,
                &MermaidOptions {
                    clamp: false,
                    lang: None,
                },
            ) {
                Ok(imported) => (
                    &map_golden,
                    &errors_golden,
                    format!("{}\n", imported.json.trim_end()),
                ),
                Err(errors) => (&errors_golden, &map_golden, lines(&errors)),
            };
            if other.exists() {
                return Err(format!(
                    "{} is stale: the import's outcome changed (remove it)",
                    other.display()
                )
                .into());
            }
            check(golden, &actual)
        }));
    }
    trials.push(stale("mermaid", &dir, &[".json", ".errors.txt"], expected));
    trials
}

/// The CLI measuring with real font files (Debian's fonts-dejavu-core and
/// fonts-liberation2, which scripts/setup.sh installs).
fn font_cases() -> Vec<Trial> {
    let dir = root().join("tests/golden/fonts");
    let cases = inputs(&dir, ".args");
    assert!(cases.len() >= 3, "expected a case per font");
    let mut expected = Vec::new();
    let mut trials = Vec::new();
    for (name, input) in cases {
        let goldens = [
            ("layout", dir.join(format!("{name}.layout.json"))),
            ("render", dir.join(format!("{name}.svg"))),
        ];
        expected.extend(goldens.iter().map(|(_, golden)| golden.clone()));
        trials.push(Trial::test(format!("fonts/{name}"), move || {
            let args = read(&input)?;
            let args: Vec<&str> = args.split_whitespace().collect();
            let mut results = Vec::new();
            for (command, golden) in &goldens {
                let output = cli::journeymap(&[&[*command], &args[..]].concat(), None);
                if output.status.code() != Some(0) {
                    return Err(format!(
                        "{command} failed: {} (scripts/setup.sh installs the fonts)",
                        cli::text(&output.stderr)
                    )
                    .into());
                }
                results.push(check(golden, &cli::text(&output.stdout)));
            }
            results.into_iter().collect()
        }));
    }
    trials.push(stale("fonts", &dir, &[".layout.json", ".svg"], expected));
    trials
}

#[cfg(feature = "diff")]
fn diff_cases() -> Vec<Trial> {
    let dir = root().join("tests/diff");
    let cases = inputs(&dir, ".before.json");
    assert!(!cases.is_empty(), "no cases found in tests/diff");
    let mut expected = Vec::new();
    let mut trials = Vec::new();
    for (name, before) in cases {
        let after = dir.join(format!("{name}.after.json"));
        let text_golden = dir.join(format!("{name}.diff.txt"));
        let svg_golden = dir.join(format!("{name}.diff.svg"));
        expected.extend([text_golden.clone(), svg_golden.clone()]);
        trials.push(Trial::test(format!("diff/{name}"), move || {
            let valid = |path: &Path| -> Result<journeymap::model::Map, Failed> {
                journeymap::validate(&read(path)?).map_err(|errors| {
                    format!("{} is invalid:\n{}", path.display(), lines(&errors)).into()
                })
            };
            let (old, new) = (valid(&before)?, valid(&after)?);
            let changes: String = journeymap::diff::diff(&old, &new)
                .iter()
                .map(|change| format!("{change}\n"))
                .collect();
            let svg = render(
                &journeymap::diff::mark(&old, &new),
                &RenderOptions::default(),
            );
            let text_result = check(&text_golden, &changes);
            check(&svg_golden, &svg)?;
            text_result
        }));
    }
    trials.push(stale("diff", &dir, &[".diff.txt", ".diff.svg"], expected));
    trials
}
