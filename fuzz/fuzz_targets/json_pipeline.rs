//! JSON bytes → check → layout → render → the output oracle.
#![no_main]

#[path = "../../tests/support/oracle.rs"]
mod oracle;

use journeymap::render::{RenderOptions, render};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(map) = journeymap::validate(text) {
        let svg = render(&journeymap::layout::layout(&map), &RenderOptions::default());
        if let Err(problem) = oracle::check(&svg, &map, "jm") {
            panic!("unsafe output: {problem}");
        }
    }
});
