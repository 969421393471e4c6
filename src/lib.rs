//! journeymap: customer journey maps from JSON to SVG.
//!
//! The pipeline, one module a stage, each with plain data in and out:
//!
//! 1. [`parse`]: JSON text → JSON value (syntax errors with line and column);
//! 2. [`mod@validate`]: JSON value → [`model::Map`] (every problem at once, each
//!    with its JSON path, located in the text by [`locate`]);
//!
//! 3. [`layout`]: map → [`layout::Layout`], pure geometry: every rectangle,
//!    wrapped line and curve point;
//! 4. [`render`]: layout → SVG text, written by one small escaping writer;
//! 5. bindings: the `journeymap` command (`src/cli`) and the wasm exports
//!    (`src/wasm.rs`), both thin.
//!
//! Beside the pipeline, [`mermaid`] turns a Mermaid `journey` diagram into
//! map JSON, which then goes through the same pipeline.
//!
//! Only the first two stages can fail; their errors are [`Diagnostic`]s.

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

pub mod diagnostic;
pub mod layout;
pub mod locate;
#[cfg(feature = "mermaid")]
pub mod mermaid;
pub mod model;
pub mod number;
pub mod parse;
pub mod render;
pub mod text;
pub mod validate;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use diagnostic::Diagnostic;
pub use validate::validate;

/// Text to SVG in one call: validate, lay out, render.
pub fn render_svg(text: &str, options: &render::RenderOptions) -> Result<String, Vec<Diagnostic>> {
    let map = validate(text)?;
    Ok(render::render(&layout::layout(&map), options))
}
