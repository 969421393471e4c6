//! The map format in one place: what each object may hold, the keyword
//! tables, the limits, the id rules and the language tags.
//!
//! The validator reads maps through [`spec`] (unknown fields, types,
//! limits and "did you mean" all come from it), the Mermaid converter uses
//! the same [`ids`] and [`limits`], and `tests/schema.rs` checks that the
//! JSON Schema in `schema/` says exactly what [`spec`] says, so a field
//! added in one place only fails a test.

pub mod ids;
mod keywords;
pub mod lang;
pub mod limits;
pub mod spec;

pub use keywords::Keyword;
pub(crate) use keywords::keywords;
