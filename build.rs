//! Packs the built-in words, `src/i18n/words/<tag>.json`, into one small
//! table for the crate (`$OUT_DIR/words.rs`, included by `src/i18n/mod.rs`):
//! per language one string of its texts in key order, separated by U+001F,
//! the plural forms of a text separated by U+001E in the order zero, one,
//! two, few, many, other. The keys themselves are left out, and so is any
//! text equal to the one the language falls back to (an empty slot means
//! "as the fallback"), so the wasm carries each distinct word once.
//!
//! A missing key packs as empty too: `tests/i18n.rs` is where a language
//! without every key fails, with the key named.

use std::fmt::Write as _;
use std::path::Path;

#[allow(dead_code)]
#[path = "src/i18n/keys.rs"]
mod keys;

#[allow(dead_code)]
#[path = "src/i18n/pack.rs"]
mod pack;

use pack::{TEXT_SEPARATOR, pack};

fn main() {
    let dir = Path::new("src/i18n/words");
    println!("cargo::rerun-if-changed=src/i18n/keys.rs");
    println!("cargo::rerun-if-changed=src/i18n/pack.rs");
    // Without the `all-languages` feature (the browser core), English only:
    // the other languages come from the words companion at run time.
    let all_languages = std::env::var_os("CARGO_FEATURE_ALL_LANGUAGES").is_some();
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut languages: Vec<(String, Vec<String>)> = Vec::new();
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        println!("cargo::rerun-if-changed={}", path.display());
        let tag = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("a UTF-8 file name");
        if !all_languages && tag != "en" {
            continue;
        }
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let object: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not a JSON object of words: {e}", path.display()));
        let texts = keys::Key::ALL
            .iter()
            .map(|key| match object.get(key.as_str()) {
                None => String::new(),
                Some(value) => pack(value)
                    .unwrap_or_else(|why| panic!("{}: {}: {why}", path.display(), key.as_str())),
            })
            .collect();
        languages.push((tag.to_owned(), texts));
    }
    // English first: the last fallback of every language is table 0.
    languages.sort_by(|a, b| {
        (a.0 != "en", a.0.to_ascii_lowercase()).cmp(&(b.0 != "en", b.0.to_ascii_lowercase()))
    });
    assert!(
        languages.first().is_some_and(|(tag, _)| tag == "en"),
        "{}: no en.json",
        dir.display()
    );
    let resolved: Vec<Vec<String>> = (0..languages.len())
        .map(|i| resolve(&languages, i))
        .collect();
    let mut out =
        String::from("/// Each shipped language: its tag and its packed texts (see build.rs).\n");
    writeln!(
        out,
        "static TABLES: [(&str, &str); {}] = [",
        languages.len()
    )
    .expect("a String");
    for (index, (tag, texts)) in languages.iter().enumerate() {
        let fallback = parent(&languages, index).map(|p| &resolved[p]);
        let kept: Vec<&str> = texts
            .iter()
            .enumerate()
            .map(|(k, text)| match fallback {
                Some(fallback) if fallback[k] == *text => "",
                _ => text.as_str(),
            })
            .collect();
        let packed = kept.join(&TEXT_SEPARATOR.to_string());
        writeln!(out, "    ({tag:?}, {packed:?}),").expect("a String");
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("words.rs");
    std::fs::write(&target, out).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
}

/// The table a language falls back to: `pt-BR` → `pt`, else English.
fn parent(languages: &[(String, Vec<String>)], index: usize) -> Option<usize> {
    if index == 0 {
        return None;
    }
    let tag = &languages[index].0;
    let shorter = tag.rsplit_once('-').map(|(head, _)| head);
    let found = shorter.and_then(|s| {
        languages
            .iter()
            .position(|(t, _)| t.eq_ignore_ascii_case(s))
    });
    Some(found.unwrap_or(0))
}

/// A language's texts with the gaps filled from its fallbacks.
fn resolve(languages: &[(String, Vec<String>)], index: usize) -> Vec<String> {
    let own = &languages[index].1;
    match parent(languages, index) {
        None => own.clone(),
        Some(p) => {
            let fallback = resolve(languages, p);
            own.iter()
                .zip(fallback)
                .map(|(text, fallback)| {
                    if text.is_empty() {
                        fallback
                    } else {
                        text.clone()
                    }
                })
                .collect()
        }
    }
}
