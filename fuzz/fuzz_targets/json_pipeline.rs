//! JSON bytes → check → layout (wide, and stacked at a phone's width) →
//! render → the output oracle.
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
        for layout in [
            journeymap::layout::layout(&map),
            journeymap::layout::stacked(&map, journeymap::layout::STACKED_WIDTH),
        ] {
            let svg = render(&layout, &RenderOptions::default());
            if let Err(problem) = oracle::check(&svg, &map, "jm") {
                panic!("unsafe output: {problem}");
            }
        }
    }
});
