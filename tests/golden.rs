//! Golden files at two levels, as d2 keeps them: the layout as JSON (a
//! change of numbers shows there) and the SVG (a change of drawing shows
//! there), for every bundled example and every focused case in
//! `tests/golden/cases/`.
//!
//! `BLESS=1 cargo test --test golden` rewrites the goldens; a mismatch
//! writes the actual output beside the golden (`*.actual.*`, ignored by
//! git) so that `diff` shows what changed. Review a golden before you
//! commit it.

use journeymap::render::RenderOptions;
use std::fs;
use std::path::{Path, PathBuf};

fn inputs() -> Vec<(String, PathBuf)> {
    let mut inputs = Vec::new();
    for (prefix, dir) in [("", "examples"), ("case-", "tests/golden/cases")] {
        let Ok(entries) = fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "json") {
                let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
                inputs.push((format!("{prefix}{stem}"), path));
            }
        }
    }
    inputs.sort();
    inputs
}

/// Compares `actual` with the golden at `path`; returns a complaint.
fn compare(path: &Path, actual: &str) -> Option<String> {
    let bless = std::env::var_os("BLESS").is_some();
    let expected = fs::read_to_string(path).ok();
    let actual_path = path.with_extension(format!(
        "actual.{}",
        path.extension().unwrap().to_string_lossy()
    ));
    if expected.as_deref() == Some(actual) {
        let _ = fs::remove_file(&actual_path);
        return None;
    }
    if bless {
        fs::write(path, actual).unwrap();
        let _ = fs::remove_file(&actual_path);
        return None;
    }
    fs::write(&actual_path, actual).unwrap();
    Some(match expected {
        None => format!(
            "{} is missing (run with BLESS=1 to create it)",
            path.display()
        ),
        Some(_) => format!(
            "{} differs: see diff {} {}",
            path.display(),
            path.display(),
            actual_path.display()
        ),
    })
}

#[test]
fn layouts_and_svgs_match_their_goldens() {
    let inputs = inputs();
    assert!(
        inputs.len() >= 6,
        "expected the examples and the focused cases"
    );
    let mut complaints = Vec::new();
    for (name, path) in inputs {
        let text = fs::read_to_string(&path).unwrap();
        let map = journeymap::validate(&text)
            .unwrap_or_else(|errors| panic!("{} is invalid: {errors:?}", path.display()));
        let layout = journeymap::layout::layout(&map);
        let json = serde_json::to_string_pretty(&layout).unwrap() + "\n";
        let svg = journeymap::render::render(&layout, &RenderOptions::default());
        let dir = Path::new("tests/golden");
        complaints.extend(compare(&dir.join(format!("{name}.layout.json")), &json));
        complaints.extend(compare(&dir.join(format!("{name}.svg")), &svg));
    }
    assert!(complaints.is_empty(), "{}", complaints.join("\n"));
}
