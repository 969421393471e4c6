//! The format's count limits while reading: too many stages, lanes,
//! personas or items is one clear error, and memory stays bounded
//! (entries past a limit are checked but not kept).

use super::checker::{Checker, Here};
use crate::diagnostic::JsonPath;
pub use crate::format::limits::*;

/// Reports an array of `found` entries when the limit is `limit`.
pub fn at_most(c: &mut Checker, here: Here<'_>, found: usize, limit: usize, what: &str) {
    if found > limit {
        c.error(
            here,
            format!("expected at most {limit} {what}, found {found}"),
        );
    }
}

/// The items seen so far, across stages and lanes.
#[derive(Default)]
pub struct ItemCount {
    pub seen: usize,
    /// The first item over the limit, reported once the total is known.
    first_over_limit: Option<JsonPath>,
}

impl ItemCount {
    /// Counts the item at `here`; whether it is within the limit (and so
    /// kept).
    pub fn count(&mut self, here: Here<'_>) -> bool {
        self.seen += 1;
        if self.seen == ITEMS + 1 {
            self.first_over_limit = Some(here.path());
        }
        self.seen <= ITEMS
    }

    /// Reports the total, at the first item over the limit.
    pub fn report(&mut self, c: &mut Checker) {
        if let Some(path) = self.first_over_limit.take() {
            c.error_at(
                path,
                format!(
                    "expected at most {ITEMS} items in all, found {}; this is the first one over the limit",
                    self.seen
                ),
            );
        }
    }
}
