//! Text measurement and line wrapping for card layout.
//!
//! Exists so that layout can size cards from their text without a browser:
//! [`text_width`] measures a string in Liberation Sans (metric-compatible with
//! Arial and Helvetica; the SVG must name [`FONT_FAMILY`]), and [`wrap()`] /
//! [`wrap_lines`] split text into lines that fit a width. Nothing is ever cut
//! or ellipsised: cards grow to fit the lines. [`direction`] tells the
//! renderer whether a text runs right to left.

mod font_metrics;
mod measure;
mod wrap;

pub use measure::{FONT_FAMILY, Weight, text_width};
pub use wrap::{Direction, Line, direction, wrap, wrap_lines};
