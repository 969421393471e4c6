//! journeymap: customer journey maps from JSON to SVG.
