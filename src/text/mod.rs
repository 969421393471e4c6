//! Text measurement and line wrapping for card layout.
//!
//! Exists so that layout can size cards from their text without a browser.
//! Layout measures through the [`TextMeasure`] seam: [`LiberationTable`]
//! (Liberation Sans advances compiled in; the SVG must then name
//! [`FONT_FAMILY`]) is the deterministic default, and natively a real font
//! file can stand in ([`FontFileMeasure`]), and in the browser the page's
//! font through the shell's canvas (`canvas.rs`). [`wrap()`] / [`wrap_lines`] split
//! text into lines that fit a width, breaking where UAX #14 (and, for Thai,
//! Lao, Khmer and Burmese, a [`LineBreaker`]'s word boundaries) allow.
//! Nothing is ever cut or ellipsised: cards grow to fit the lines.
//! [`direction`] tells the renderer whether a text runs right to left.
//!
//! Files: `measure.rs` (the seam), `table.rs` and `font_metrics.rs` (the
//! default measurer), `font_file.rs` (real fonts, native),
//! `canvas.rs` (the browser's fonts, wasm), `cluster.rs`
//! (the grapheme cluster iterator) over `grapheme.rs` and
//! `grapheme_table.rs` (UAX #29's boundaries), `linebreak.rs`, `ascii_breaks.rs` and
//! `dictionary.rs` (break opportunities), `wrap.rs` (the line filler),
//! `bidi.rs` (direction).

mod ascii_breaks;
mod bidi;
#[cfg(target_arch = "wasm32")]
mod canvas;
mod cluster;
#[cfg(not(target_arch = "wasm32"))]
mod dictionary;
#[cfg(not(target_arch = "wasm32"))]
mod font_file;
mod font_metrics;
mod grapheme;
mod grapheme_table;
mod linebreak;
mod measure;
mod table;
mod wrap;

pub use bidi::{Direction, direction};
#[cfg(target_arch = "wasm32")]
pub use canvas::{CanvasMeasure, Ruler};
#[cfg(not(target_arch = "wasm32"))]
pub use font_file::{
    FontChoice, FontError, FontFileMeasure, SystemFonts, choose_family, name_first,
};
pub use linebreak::LineBreaker;
pub use measure::{TextMeasure, Weight};
pub use table::{FONT_FAMILY, GENERIC_FAMILIES, LiberationTable};
pub use wrap::{Line, wrap, wrap_lines};
