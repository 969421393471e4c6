//! Error cases as data: every `tests/errors/<case>.json` is validated and
//! its diagnostics, one per line as `Diagnostic`'s `Display` prints them,
//! are compared with `tests/errors/<case>.txt`.
//!
//! On a mismatch the actual output is written to `<case>.actual.txt` beside
//! the golden and the test fails with a line-by-line diff. Run
//! `BLESS=1 cargo test --test errors` to rewrite the goldens, then read
//! every changed one: each message must say where, what was expected and
//! what was found. See `tests/errors/README.md`.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/errors")
}

/// The inputs, sorted by name so the report is stable.
fn cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = fs::read_dir(cases_dir())
        .expect("tests/errors exists")
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    cases.sort();
    cases
}

fn bless() -> bool {
    std::env::var_os("BLESS").is_some_and(|v| v != "0" && !v.is_empty())
}

/// What `validate` reports for `text`, in the golden files' form.
fn diagnostics(text: &str) -> Result<String, String> {
    match journeymap::validate(text) {
        Ok(_) => {
            Err("the map was accepted, but an error case must produce at least one error".into())
        }
        Err(diagnostics) if diagnostics.is_empty() => {
            Err("validate failed without a single diagnostic".into())
        }
        Err(diagnostics) => Ok(diagnostics.iter().fold(String::new(), |mut out, d| {
            let _ = writeln!(out, "{d}");
            out
        })),
    }
}

/// A minimal line diff: the lines only in the golden (`-`) and only in the
/// actual output (`+`), in order.
fn diff(expected: &str, actual: &str) -> String {
    let expected: Vec<&str> = expected.lines().collect();
    let actual: Vec<&str> = actual.lines().collect();
    // Longest common subsequence, small inputs only.
    let (n, m) = (expected.len(), actual.len());
    let mut lcs = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if expected[i] == actual[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = String::new();
    while i < n || j < m {
        if i < n && j < m && expected[i] == actual[j] {
            let _ = writeln!(out, "   {}", expected[i]);
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            let _ = writeln!(out, "  +{}", actual[j]);
            j += 1;
        } else {
            let _ = writeln!(out, "  -{}", expected[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn error_cases_match_their_goldens() {
    let bless = bless();
    let cases = cases();
    assert!(!cases.is_empty(), "no cases found in tests/errors");
    let mut failures = Vec::new();
    for input in &cases {
        let name = input
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("?")
            .to_owned();
        let golden = input.with_extension("txt");
        let actual_path = input.with_extension("actual.txt");
        let bytes = fs::read(input).expect("readable case");
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => {
                failures.push(format!("{name}: the input is not UTF-8"));
                continue;
            }
        };
        let actual = match diagnostics(&text) {
            Ok(actual) => actual,
            Err(problem) => {
                failures.push(format!("{name}: {problem}"));
                continue;
            }
        };
        if bless {
            fs::write(&golden, &actual).expect("writable golden");
            let _ = fs::remove_file(&actual_path);
            continue;
        }
        let expected = fs::read_to_string(&golden).unwrap_or_default();
        if expected == actual {
            let _ = fs::remove_file(&actual_path);
        } else {
            fs::write(&actual_path, &actual).expect("writable actual output");
            failures.push(format!(
                "{name}: the diagnostics differ from {} (actual output in {}):\n{}",
                golden.display(),
                actual_path.display(),
                diff(&expected, &actual)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} error cases failed (BLESS=1 cargo test --test errors rewrites the goldens):\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Every input has its golden, and every golden its input, so a case can
/// neither be forgotten nor left behind.
#[test]
fn every_case_has_a_golden_and_every_golden_a_case() {
    if bless() {
        return; // the goldens are being written by the other test
    }
    for entry in fs::read_dir(cases_dir()).expect("tests/errors exists") {
        let path = entry.expect("readable directory entry").path();
        let name = path.file_name().and_then(|s| s.to_str()).unwrap_or("");
        if name.ends_with(".actual.txt") {
            continue;
        }
        match path.extension().and_then(|e| e.to_str()) {
            Some("json") => assert!(
                path.with_extension("txt").exists(),
                "{name} has no golden; run BLESS=1 cargo test --test errors"
            ),
            Some("txt") => assert!(
                path.with_extension("json").exists(),
                "{name} has no input {}",
                path.with_extension("json").display()
            ),
            _ => {}
        }
    }
}
