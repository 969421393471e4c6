//! The page's own font, measured by the browser (wasm only).
//!
//! Exists so that the embed sizes its cards with the font the SVG is drawn
//! in, not with the Liberation table: the shell hands the core a ruler
//! (`www/src/measure.js`) that measures with canvas `measureText` in the
//! map's font stack and finds word boundaries with `Intl.Segmenter`. The
//! core calls it back only for what it has not measured yet: the 128 ASCII
//! characters once per weight, then each distinct other cluster once per
//! render (the shell caches across renders, per font and string). Chosen
//! over `web-sys` canvas bindings for size: one imported JS type with four
//! methods costs the wasm a few hundred bytes of glue.

use crate::hash::HashMap;
use std::cell::RefCell;

use wasm_bindgen::prelude::wasm_bindgen;

use super::linebreak::LineBreaker;
use super::measure::{TextMeasure, Weight};

#[wasm_bindgen]
extern "C" {
    /// The shell's ruler (`www/src/measure.js`).
    pub type Ruler;

    /// Width in pixels of `text` drawn in `font` (a CSS font shorthand).
    #[wasm_bindgen(method)]
    fn width(this: &Ruler, font: &str, text: &str) -> f64;

    /// Height of `font` above the baseline, in pixels.
    #[wasm_bindgen(method)]
    fn ascent(this: &Ruler, font: &str) -> f64;

    /// Depth of `font` below the baseline, in pixels.
    #[wasm_bindgen(method)]
    fn descent(this: &Ruler, font: &str) -> f64;

    /// UTF-16 offsets of the word boundaries inside `text`.
    #[wasm_bindgen(method)]
    fn breaks(this: &Ruler, text: &str) -> Vec<u32>;
}

/// The size fonts are measured at, in pixels (an integer: written into the
/// CSS font without bringing float formatting into the wasm).
const SIZE_PX: u32 = 100;
const SIZE: f64 = SIZE_PX as f64;
/// Font units per pixel at [`SIZE`]: advances keep 1/100 px.
const UNITS_PER_PX: f64 = 100.0;

/// A [`TextMeasure`] backed by the shell's [`Ruler`].
pub struct CanvasMeasure {
    ruler: Ruler,
    /// CSS font shorthands: regular, bold.
    fonts: [String; 2],
    ascii: [[u32; 128]; 2],
    ascent: f64,
    descent: f64,
    /// The clusters measured so far (their units), in regular and in bold:
    /// one map type for both, and the one ids use (`usize` values), since
    /// each hash map type costs the wasm its own code.
    clusters: [RefCell<HashMap<String, usize>>; 2],
}

impl CanvasMeasure {
    /// Measures with `ruler` in the font stack `family` (as the palette
    /// writes it in the SVG).
    pub fn new(ruler: Ruler, family: &str) -> CanvasMeasure {
        let fonts = [
            format!("{SIZE_PX}px {family}"),
            format!("bold {SIZE_PX}px {family}"),
        ];
        let mut ascii = [[0; 128]; 2];
        let mut buf = [0; 4];
        for (table, font) in ascii.iter_mut().zip(&fonts) {
            for (code, slot) in (b' '..0x7f).zip(table.iter_mut().skip(0x20)) {
                *slot = units(ruler.width(font, char::from(code).encode_utf8(&mut buf)));
            }
        }
        let ascent = ruler.ascent(&fonts[0]) / SIZE;
        let descent = ruler.descent(&fonts[0]) / SIZE;
        CanvasMeasure {
            ruler,
            fonts,
            ascii,
            ascent,
            descent,
            clusters: Default::default(),
        }
    }

    fn measured(&self, text: &str, weight: Weight) -> u32 {
        let clusters = pick(&self.clusters, weight);
        if let Some(&units) = clusters.borrow().get(text) {
            return u32::try_from(units).unwrap_or(u32::MAX);
        }
        let font = pick(&self.fonts, weight);
        let found = units(self.ruler.width(font, text));
        clusters
            .borrow_mut()
            .insert(text.to_owned(), found as usize);
        found
    }
}

/// The regular or the bold one of `pair`.
fn pick<T>(pair: &[T; 2], weight: Weight) -> &T {
    let [regular, bold] = pair;
    match weight {
        Weight::Regular => regular,
        Weight::Bold => bold,
    }
}

/// Pixels at [`SIZE`] to font units, rounded up so that a sum of advances
/// is never narrower than the text.
fn units(px: f64) -> u32 {
    if px.is_finite() && px > 0.0 {
        (px * UNITS_PER_PX).ceil() as u32
    } else {
        0
    }
}

impl TextMeasure for CanvasMeasure {
    fn units_per_em(&self) -> u32 {
        (SIZE * UNITS_PER_PX) as u32
    }

    fn ascii(&self, weight: Weight) -> &[u32; 128] {
        pick(&self.ascii, weight)
    }

    fn char_units(&self, c: char, weight: Weight) -> u32 {
        if c.is_control() {
            return 0;
        }
        let mut buf = [0; 4];
        self.measured(c.encode_utf8(&mut buf), weight)
    }

    fn cluster_units(&self, cluster: &str, weight: Weight) -> u32 {
        self.measured(cluster, weight)
    }

    fn ascent(&self) -> f64 {
        self.ascent
    }

    fn descent(&self) -> f64 {
        self.descent
    }

    fn line_breaker(&self) -> &dyn LineBreaker {
        self
    }
}

impl LineBreaker for CanvasMeasure {
    fn complex_breaks(&self, run: &str, out: &mut Vec<usize>) {
        let mut offsets = self.ruler.breaks(run).into_iter().peekable();
        let mut utf16 = 0;
        for (at, c) in run.char_indices() {
            while offsets.next_if(|&o| (o as usize) < utf16).is_some() {}
            if offsets.next_if(|&o| o as usize == utf16).is_some() && at > 0 {
                out.push(at);
            }
            utf16 += c.len_utf16();
        }
    }
}
