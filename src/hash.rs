//! The core's hash maps and sets.
//!
//! hashbrown's tables (the crate serde_json's ordered map is built on, so
//! the wasm carries one copy of the table code rather than std's beside
//! it) with std's hasher.

pub type HashMap<K, V> = hashbrown::HashMap<K, V, std::hash::RandomState>;
pub type HashSet<T> = hashbrown::HashSet<T, std::hash::RandomState>;
