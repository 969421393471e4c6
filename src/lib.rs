//! journeymap: customer journey maps from JSON to SVG.
//!
//! The pipeline, one module a stage, each with plain data in and out:
//!
//! 1. [`parse`]: JSON text → JSON value (syntax errors with line and column);
//! 2. [`validate()`]: JSON text → [`model::Map`] (every problem at once, each
//!    with its JSON path and, where known, its line and column);
//! 3. [`layout::layout`]: map → [`Layout`], pure geometry: every rectangle,
//!    wrapped line and curve point, and the resolved [`layout::Palette`];
//! 4. [`render::render`]: layout → SVG text; it reads nothing but the layout and
//!    its [`RenderOptions`];
//! 5. bindings: the `journeymap` command (`src/cli`) and the wasm exports
//!    (`src/wasm.rs`), both thin. What both hand to a page besides the SVG
//!    is built once: the render info ([`render::info`]) and the
//!    pre-rendered `<journey-map>` fragment ([`embed`]).
//!
//! Beside the pipeline, `mermaid` (feature `mermaid`, on by default) turns a
//! Mermaid `journey` diagram into map JSON, which then goes through the same
//! pipeline.
//!
//! Only the first two stages can fail; their errors are [`Diagnostic`]s.
//!
//! # The public API
//!
//! [`render_svg`] does it all in one call. The stages one by one are
//! [`validate()`], [`layout::layout`] and [`render::render`]; their data
//! are the types of [`model`] (the validated map) and [`layout`] (the
//! geometry, which `journeymap layout` prints as JSON). [`parse`] exports
//! the document size limit and the JSON reader, [`text`] the text measurer,
//! [`limits`] the format's limits, [`mod@format`] the format itself (fields,
//! keywords, ids, language tags), `mermaid` the importer, [`i18n`] the
//! built-in words and number formats of each language. Everything else
//! is internal to the crate.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented
    )
)]

mod diagnostic;
#[cfg(feature = "diff")]
pub mod diff;
pub mod embed;
pub mod format;
mod hash;
pub mod i18n;
pub mod layout;
#[cfg(feature = "lint")]
pub mod lint;
mod locate;
#[cfg(feature = "mermaid")]
pub mod mermaid;
pub mod model;
mod number;
pub mod parse;
pub mod render;
mod sort;
pub mod text;
mod validate;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use diagnostic::{Diagnostic, Location, Severity};
pub use layout::Layout;
pub use render::RenderOptions;
pub use validate::{limits, validate, validate_with_words};

/// Text to SVG in one call: validate, lay out, render.
pub fn render_svg(text: &str, options: &RenderOptions) -> Result<String, Vec<Diagnostic>> {
    let map = validate(text)?;
    Ok(render::render(&layout::layout(&map), options))
}
