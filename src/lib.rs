//! journeymap: customer journey maps from JSON to SVG.
//!
//! The pipeline, one module a stage, each with plain data in and out:
//!
//! 1. [`parse`]: JSON text → JSON value (syntax errors with line and column);
//! 2. [`validate`]: JSON value → [`model::Map`] (every problem at once, each
//!    with its JSON path, located in the text by [`locate`]);
//!
//! Only these stages can fail; their errors are [`Diagnostic`]s.

pub mod diagnostic;
pub mod locate;
pub mod mermaid;
pub mod model;
pub mod parse;
pub mod validate;

pub use diagnostic::Diagnostic;
pub use validate::validate;
