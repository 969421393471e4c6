//! `journeymap render --format html`: one self-contained page, the
//! pre-rendered fragment (`journeymap::embed`) with the browser script
//! inline, so that the file opens as an interactive map from anywhere
//! (file://, an attachment, an intranet page) and fetches nothing.
//!
//! The script is `dist/journeymap.js`, read when the page is written (it is
//! not compiled into the binary, so that `cargo build --release` alone
//! still builds the CLI): from `--script PATH`, else `journeymap.js`
//! beside the binary, else this repository's `dist/journeymap.js` seen
//! from `target/<profile>/`.

use std::path::{Path, PathBuf};

/// Where the script is looked for, in order, when `--script` is not given.
fn script_candidates() -> Vec<PathBuf> {
    let Some(dir) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf))
    else {
        return Vec::new();
    };
    let mut candidates = vec![dir.join("journeymap.js")];
    if let Some(repo) = dir.parent().and_then(Path::parent) {
        candidates.push(repo.join("dist").join("journeymap.js"));
    }
    candidates
}

/// The browser script's text, or a message for the user.
pub fn read_script(given: Option<&str>) -> Result<String, String> {
    if let Some(path) = given {
        return std::fs::read_to_string(path)
            .map_err(|error| format!("cannot read the script {path}: {error}"));
    }
    let candidates = script_candidates();
    candidates
        .iter()
        .find_map(|path| std::fs::read_to_string(path).ok())
        .ok_or_else(|| {
            let looked: Vec<String> = candidates.iter().map(|p| p.display().to_string()).collect();
            format!(
                "--format html needs the browser script dist/journeymap.js (build it with scripts/build-web.sh) \
                 and did not find it (looked at {}); give its path with --script PATH",
                looked.join(", ")
            )
        })
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The page's own style: the map on the page's background; printed on one
/// landscape page (the shell's style leaves the toolbar out of print).
const PAGE_STYLE: &str = "body{margin:0;padding:16px;background:Canvas;color:CanvasText;color-scheme:light dark}\
@media print{@page{size:landscape;margin:10mm}body{padding:0}}";

/// The page: `fragment` in the body, `script` inline in the head (the
/// element waits for its children to be parsed). Refuses a script that
/// could end its `<script>` element early.
pub fn page(title: &str, fragment: &str, script: &str) -> Result<String, String> {
    let lower = script.to_ascii_lowercase();
    if lower.contains("</script") || lower.contains("<!--") {
        return Err(
            "the browser script contains \"</script\" or \"<!--\" and cannot be inlined".into(),
        );
    }
    Ok(format!(
        "<!doctype html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{PAGE_STYLE}</style>\n<script>{}</script>\n</head>\n<body>\n{fragment}</body>\n</html>\n",
        escape_text(title),
        script.trim_end()
    ))
}
