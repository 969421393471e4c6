//! Mermaid text → import → render → the output oracle.
#![no_main]

#[path = "../../tests/support/oracle.rs"]
mod oracle;

use journeymap::mermaid::{MermaidOptions, from_mermaid};
use journeymap::render::{RenderOptions, render};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for clamp in [false, true] {
        let Ok(imported) = from_mermaid(text, &MermaidOptions { clamp, lang: None }) else {
            continue;
        };
        let map = match journeymap::validate(&imported.json) {
            Ok(map) => map,
            Err(errors) => panic!("an imported map does not validate: {errors:?}"),
        };
        let svg = render(&journeymap::layout::layout(&map), &RenderOptions::default());
        if let Err(problem) = oracle::check(&svg, &map, "jm") {
            panic!("unsafe output: {problem}");
        }
    }
});
