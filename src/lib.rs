//! journeymap: customer journey maps from JSON to SVG.

pub mod text;
