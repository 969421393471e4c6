//! `journeymap lint`: each rule's finding with its exact line
//! (`FILE:LINE:COL: warning[RULE]: PATH: MESSAGE`), exit codes, the JSON
//! form, and rules switched off by `lint.allow` and `--allow`. The maps are
//! in tests/lint/, one per rule, each with exactly that rule's finding.

#[path = "support/cli.rs"]
mod cli;

use cli::{journeymap, text};

const RULES: [(&str, &str); 8] = [
    (
        "target-without-better",
        r#"6:75: warning[target-without-better]: stages[0].metrics[0].target: the stage's KPI "Abandoned calls" has a target but no "better": say whether higher or lower values meet it ("better": "higher" or "lower")"#,
    ),
    (
        "funnel-grows",
        r#"5:23: warning[funnel-grows]: stages[1].reach: reach rises from 100 in "Visit" to 120 here: a funnel only narrows; check the numbers or say where the new customers come from"#,
    ),
    (
        "low-score-without-pain",
        r#"4:5: warning[low-score-without-pain]: stages[0]: the stage "Pay" scores as low as 1 but names no pain point: say what hurts, in a negative lane"#,
    ),
    (
        "pain-without-opportunity",
        r#"4:5: warning[pain-without-opportunity]: stages[0]: the stage "Pay" has pain points and no opportunity: a map is read for what to do next"#,
    ),
    (
        "unused-persona",
        r#"5:5: warning[unused-persona]: personas[1]: no item refers to the persona "Returning buyer" while other personas are referred to: add its items or remove it"#,
    ),
    (
        "stage-without-touchpoint",
        r#"5:5: warning[stage-without-touchpoint]: stages[1]: the stage "Think" has no touchpoint: where does the customer meet you here?"#,
    ),
    (
        "score-without-evidence",
        r#"10:44: warning[score-without-evidence]: stages[0].cells.actions[1].score: "Searches for shirts" is scored but cites no source: add "sources" so readers can tell a finding from a guess"#,
    ),
    (
        "assumption-at-moment-of-truth",
        r#"8:76: warning[assumption-at-moment-of-truth]: stages[0].cells.actions[0].confidence: "Sees the delivery date" is a moment of truth resting on an assumption: research it before deciding on it"#,
    ),
];

#[test]
fn each_rule_prints_its_finding_located_and_exits_1() {
    for (rule, line) in RULES {
        let file = format!("tests/lint/{rule}.json");
        let output = journeymap(&["lint", &file], None);
        assert_eq!(text(&output.stdout), format!("{file}:{line}\n"), "{rule}");
        assert_eq!(text(&output.stderr), "", "{rule}");
        assert_eq!(output.status.code(), Some(1), "{rule}");
    }
}

#[test]
fn every_rule_of_the_format_is_tested_here() {
    let tested: Vec<&str> = RULES.iter().map(|(rule, _)| *rule).collect();
    assert_eq!(tested, journeymap::format::spec::LINT_RULES);
}

#[test]
fn allow_switches_a_rule_off_per_run() {
    for (rule, _) in RULES {
        let file = format!("tests/lint/{rule}.json");
        let output = journeymap(&["lint", &file, "--allow", rule], None);
        assert_eq!(text(&output.stdout), "", "{rule}");
        assert_eq!(output.status.code(), Some(0), "{rule}");
    }
}

#[test]
fn lint_allow_in_the_map_switches_a_rule_off() {
    let output = journeymap(&["lint", "tests/lint/clean.json"], None);
    assert_eq!(text(&output.stdout), "");
    assert_eq!(text(&output.stderr), "");
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn an_unknown_rule_is_a_usage_error_with_did_you_mean() {
    let output = journeymap(
        &["lint", "tests/lint/clean.json", "--allow", "funnel-grow"],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with(
            r#"journeymap: --allow: unknown rule "funnel-grow"; did you mean "funnel-grows"?"#
        ),
        "{stderr}"
    );
}

#[test]
fn an_invalid_map_prints_checks_errors_and_exits_1() {
    let map = "{\n  \"title\": \"T\",\n  \"stages\": [{ \"name\": \"A\", \"score\": 9 }]\n}\n";
    let output = journeymap(&["lint", "-"], Some(map));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(text(&output.stdout), "");
    let check = journeymap(&["check", "-"], Some(map));
    assert_eq!(text(&output.stderr), text(&check.stderr));
}

#[test]
fn json_gives_each_finding_with_its_rule_and_position() {
    let output = journeymap(
        &["lint", "tests/lint/funnel-grows.json", "--format", "json"],
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let finding = &findings[0];
    assert_eq!(finding["rule"], "funnel-grows");
    assert_eq!(finding["severity"], "warning");
    assert_eq!(finding["path"], "stages[1].reach");
    assert_eq!(
        (finding["line"].as_u64(), finding["column"].as_u64()),
        (Some(5), Some(23))
    );
    assert_eq!(findings.as_array().map(Vec::len), Some(1));
}
