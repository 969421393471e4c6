//! The one golden harness: every golden file of the repository is checked
//! here, the same way (see tests/README.md).
//!
//! - Cases are found by walking folders; each is one test
//!   (libtest-mimic), so `cargo test --test golden -- NAME` runs one alone.
//! - `BLESS=1` (and only `1`) writes the goldens that differ or are missing.
//! - Otherwise a mismatch writes `<golden>.actual` beside the golden (ignored
//!   by git) and fails with a diff; a missing golden fails the same way.
//! - A golden with no case is stale: each family has a `stale-goldens` test
//!   that fails, blessing or not, until the file is removed.

use libtest_mimic::{Failed, Trial};
use similar::TextDiff;
use std::fs;
use std::path::{Path, PathBuf};

/// At most this many lines of diff are printed for one golden, each cut
/// to this many characters (an SVG's style sheet is one long line).
const DIFF_LINES: usize = 60;
const DIFF_LINE_CHARS: usize = 200;

/// The repository's root: goldens are found relative to it.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Whether this run writes the goldens: `BLESS=1`, nothing else.
pub fn blessing() -> bool {
    std::env::var_os("BLESS").is_some_and(|v| v == "1")
}

/// The files of `dir` whose names end with `suffix`, sorted, as
/// (case name, path): the name is the file name without the suffix.
pub fn inputs(dir: &Path, suffix: &str) -> Vec<(String, PathBuf)> {
    let mut inputs: Vec<(String, PathBuf)> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("readable directory entry").path())
        .filter_map(|path| {
            let name = path.file_name()?.to_str()?.strip_suffix(suffix)?.to_owned();
            Some((name, path))
        })
        .collect();
    inputs.sort();
    inputs
}

/// `<golden>.actual`: where a mismatching output is written.
fn actual_path(golden: &Path) -> PathBuf {
    let mut name = golden.as_os_str().to_owned();
    name.push(".actual");
    PathBuf::from(name)
}

fn shown(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Compares `actual` with the golden at `golden`; blesses with `BLESS=1`.
pub fn check(golden: &Path, actual: &str) -> Result<(), Failed> {
    let actual_path = actual_path(golden);
    let expected = fs::read_to_string(golden).ok();
    if expected.as_deref() == Some(actual) || blessing() {
        if expected.as_deref() != Some(actual) {
            fs::write(golden, actual).map_err(|e| format!("{}: {e}", shown(golden)))?;
        }
        let _ = fs::remove_file(&actual_path);
        return Ok(());
    }
    fs::write(&actual_path, actual).map_err(|e| format!("{}: {e}", shown(&actual_path)))?;
    let Some(expected) = expected else {
        return Err(format!(
            "{} is missing; the output is in {} (BLESS=1 writes the golden)",
            shown(golden),
            shown(&actual_path)
        )
        .into());
    };
    Err(format!(
        "{} differs; the output is in {} (BLESS=1 rewrites the golden: review it \
         before committing):\n{}",
        shown(golden),
        shown(&actual_path),
        diff(&expected, actual)
    )
    .into())
}

/// A unified diff of two outputs, the first lines of it.
fn diff(expected: &str, actual: &str) -> String {
    let diff = TextDiff::from_lines(expected, actual)
        .unified_diff()
        .context_radius(2)
        .header("golden", "actual")
        .to_string();
    let total = diff.lines().count();
    let mut shown: Vec<String> = diff
        .lines()
        .take(DIFF_LINES)
        .map(|line| match line.char_indices().nth(DIFF_LINE_CHARS) {
            Some((cut, _)) => format!("{}…", &line[..cut]),
            None => line.to_owned(),
        })
        .collect();
    if total > DIFF_LINES {
        shown.push(format!("… {} more lines of diff", total - DIFF_LINES));
    }
    shown.join("\n")
}

/// The test `FAMILY/stale-goldens`: fails when `dir` holds a file ending
/// with one of `suffixes` that is not in `goldens` (the goldens of the
/// family's cases).
pub fn stale(family: &str, dir: &Path, suffixes: &[&str], goldens: Vec<PathBuf>) -> Trial {
    let dir = dir.to_owned();
    let suffixes: Vec<String> = suffixes.iter().map(|s| (*s).to_owned()).collect();
    Trial::test(format!("{family}/stale-goldens"), move || {
        let mut stale: Vec<String> = Vec::new();
        for suffix in &suffixes {
            for (_, path) in inputs(&dir, suffix) {
                let old_actual = shown(&path).contains(".actual.");
                if !old_actual && !goldens.contains(&path) {
                    stale.push(shown(&path));
                }
            }
        }
        stale.sort();
        stale.dedup();
        if stale.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "goldens with no case (remove them, or restore their case):\n  {}",
                stale.join("\n  ")
            )
            .into())
        }
    })
}
