//! The format's limits, shared by the validator, the Mermaid converter and
//! the JSON Schema test.

pub const STAGES: usize = 200;
pub const LANES: usize = 100;
pub const PERSONAS: usize = 50;
pub const ITEMS: usize = 20_000;
/// Titles, names, labels, item texts and other one-line texts.
pub const SHORT_TEXT: usize = 1_000;
/// Descriptions, details and quotes.
pub const LONG_TEXT: usize = 10_000;
/// The longest id.
pub const ID_CHARS: usize = 64;
