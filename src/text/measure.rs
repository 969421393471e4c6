//! The measuring seam: what layout asks of a font.
//!
//! Exists so that layout sizes its boxes with whichever ruler fits where it
//! runs: the compiled-in Liberation Sans table ([`LiberationTable`](super::LiberationTable),
//! the deterministic default for goldens, tests and the CLI without fonts),
//! a real font file natively (`font_file.rs`), and later the browser's own
//! canvas. A measurer gives integer advances in its own font units per
//! extended grapheme cluster; widths are summed in those units and turned
//! into pixels once ([`units_to_px`]), so a line's width does not depend on
//! how it was cut.

use super::cluster::{Cluster, clusters};
use super::linebreak::{LineBreaker, default_line_breaker};

/// Font weight of measured text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Weight {
    /// `font-weight: normal`.
    #[default]
    Regular,
    /// `font-weight: bold`.
    Bold,
}

/// A font as layout sees it: advances of clusters and vertical metrics.
pub trait TextMeasure {
    /// Font units per em of the advances given.
    fn units_per_em(&self) -> u32;

    /// Advances of the 128 ASCII characters (as [`char_units`](Self::char_units)
    /// gives them), read once per text by the fast paths.
    fn ascii(&self, weight: Weight) -> &[u32; 128];

    /// Advance in font units of `c` standing as a grapheme cluster of its
    /// own. Control, zero-width and combining characters give 0.
    fn char_units(&self, c: char, weight: Weight) -> u32;

    /// Advance in font units of an extended grapheme cluster of two or more
    /// characters. Combining marks, viramas and zero-width characters in it
    /// take no advance.
    fn cluster_units(&self, cluster: &str, weight: Weight) -> u32;

    /// Height above the baseline, in em.
    fn ascent(&self) -> f64;

    /// Depth below the baseline (positive), in em.
    fn descent(&self) -> f64;

    /// Extra space the font asks for between lines, in em.
    fn line_gap(&self) -> f64 {
        0.0
    }

    /// Where lines of text in this font may break. By default UAX #14, with
    /// the platform's word dictionaries for Thai, Lao, Khmer and Burmese
    /// where the build has them (natively; not in the wasm).
    fn line_breaker(&self) -> &dyn LineBreaker {
        default_line_breaker()
    }
}

impl dyn TextMeasure + '_ {
    /// Width of `text` in font units.
    pub(crate) fn units(&self, text: &str, weight: Weight) -> u64 {
        let ascii = self.ascii(weight);
        if text.is_ascii() {
            return text
                .bytes()
                .map(|b| ascii.get(usize::from(b)).map_or(0, |&w| u64::from(w)))
                .sum();
        }
        clusters(text)
            .map(|cluster| u64::from(self.cluster_advance(ascii, &cluster, weight)))
            .sum()
    }

    /// Advance of one cluster in font units; `ascii` is
    /// [`ascii(weight)`](TextMeasure::ascii).
    #[inline]
    pub(crate) fn cluster_advance(
        &self,
        ascii: &[u32; 128],
        cluster: &Cluster<'_>,
        weight: Weight,
    ) -> u32 {
        match cluster.single {
            Some(c) if c.is_ascii() => ascii.get(c as usize).copied().unwrap_or(0),
            Some(c) => self.char_units(c, weight),
            None => self.cluster_units(cluster.text, weight),
        }
    }

    /// Converts font units to pixels at `font_size`: the single place where
    /// this happens, so wrapping and [`width`](Self::width) agree exactly.
    pub(crate) fn px(&self, units: u64, font_size: f64) -> f64 {
        // u64 -> f64 is exact below 2^53 units, i.e. for any text that fits
        // in memory.
        units as f64 * font_size / f64::from(self.units_per_em().max(1))
    }

    /// Width in pixels of `text` at `font_size` pixels.
    ///
    /// Newlines measure 0: for multi-line text, measure each line (see
    /// [`wrap_lines`](super::wrap_lines)). `font_size` should be finite and
    /// positive; other values never panic but give meaningless results.
    #[must_use]
    pub fn width(&self, text: &str, font_size: f64, weight: Weight) -> f64 {
        self.px(self.units(text, weight), font_size)
    }

    /// The natural height of a line at `font_size`: ascent, descent and
    /// line gap.
    #[must_use]
    pub fn line_height(&self, font_size: f64) -> f64 {
        (self.ascent() + self.descent() + self.line_gap()) * font_size
    }
}
