//! Line wrapping of card text: one greedy line filler over one cluster
//! iterator.
//!
//! Exists because SVG has no automatic line breaking: layout must split text
//! into lines itself, and cards grow to fit them (nothing is cut or
//! ellipsised). Rules:
//!
//! * break opportunities come from the Unicode line breaking algorithm
//!   (UAX #14), and inside Thai, Lao, Khmer and Burmese from the measurer's
//!   [`LineBreaker`](super::LineBreaker) (see `linebreak.rs`), filled
//!   greedily; CJK text may break between ideographs;
//! * mandatory breaks (`\n`, `\r\n`, `\r`, VT, FF, NEL, U+2028, U+2029) end a
//!   line; each one starts a new line, so `"a\n\nb"` gives `["a", "", "b"]`,
//!   `"a\n"` gives `["a", ""]` and `""` gives one empty line `[""]`;
//! * whitespace (`char::is_whitespace`) never starts or ends a line: leading,
//!   trailing and break-point whitespace is dropped, inner whitespace kept
//!   (the exception: a space carrying a combining mark, such as
//!   `" \u{301}"`, is one visible cluster and is kept whole);
//! * a token wider than the line is broken between grapheme clusters, never
//!   inside one, and nothing is ever inserted (no hyphen);
//! * every line fits in `max_width`, except a line holding a single grapheme
//!   cluster wider than `max_width` on its own.
//!
//! So the lines, concatenated, equal the input with whitespace removed.
//! Lines are borrowed slices of the input, in logical order (RTL text is
//! wrapped in logical order too; the renderer sets `direction`, see
//! [`direction`](super::direction)). Widths come from a [`TextMeasure`].

use unicode_linebreak::BreakOpportunity;

use super::cluster::{Cluster, clusters};
use super::linebreak::{is_line_terminator, line_breaks};
use super::measure::{TextMeasure, Weight};

/// One wrapped line: a slice of the input and its width in pixels (equal to
/// `width(text)` of the measurer that wrapped it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line<'a> {
    /// The line's text, without leading or trailing whitespace.
    pub text: &'a str,
    /// Width of `text` in pixels.
    pub width: f64,
}

/// Wraps `text` into lines no wider than `max_width` pixels at `font_size`,
/// measured with `measure`.
///
/// See the module documentation for the rules. A NaN `max_width` means no
/// limit (only mandatory breaks); a `max_width` of 0 or less puts each
/// grapheme cluster on its own line. Never panics.
#[must_use]
pub fn wrap<'a>(
    measure: &dyn TextMeasure,
    text: &'a str,
    max_width: f64,
    font_size: f64,
    weight: Weight,
) -> Vec<&'a str> {
    wrap_lines(measure, text, max_width, font_size, weight)
        .into_iter()
        .map(|line| line.text)
        .collect()
}

/// Like [`wrap`], also giving each line's width in pixels.
#[must_use]
pub fn wrap_lines<'a>(
    measure: &dyn TextMeasure,
    text: &'a str,
    max_width: f64,
    font_size: f64,
    weight: Weight,
) -> Vec<Line<'a>> {
    let limit = if max_width.is_nan() {
        f64::INFINITY
    } else {
        max_width
    };
    let mut filler = Filler {
        text,
        measure,
        weight,
        font_size,
        limit,
        line: None,
        lines: Vec::new(),
    };
    filler.fill(line_breaks(text, measure.line_breaker()));
    filler.lines
}

/// A byte offset with the cumulative width (font units) of the text before it.
#[derive(Clone, Copy)]
struct Mark {
    at: usize,
    units: u64,
}

/// Start of the first and end of the last non-whitespace cluster of a run
/// of text. Its width is the difference of the two marks' cumulative widths.
#[derive(Clone, Copy)]
struct Span {
    start: Mark,
    end: Mark,
    /// Whether the span holds a single cluster (which cannot be split).
    single: bool,
}

impl Span {
    fn units(self) -> u64 {
        self.end.units.saturating_sub(self.start.units)
    }

    /// Extends `span` (if any) with a non-whitespace cluster from `start`
    /// to `end`.
    fn extend(span: Option<Span>, start: Mark, end: Mark) -> Span {
        match span {
            Some(span) => Span {
                start: span.start,
                end,
                single: false,
            },
            None => Span {
                start,
                end,
                single: true,
            },
        }
    }
}

/// Greedy line filler. The text between two break opportunities (a
/// segment) is placed whole when it fits; only a segment wider than a line
/// is split, each of its clusters then being a segment of its own.
struct Filler<'a, 'm> {
    text: &'a str,
    measure: &'m dyn TextMeasure,
    weight: Weight,
    font_size: f64,
    limit: f64,
    /// Content of the current line (`None`: no content yet).
    line: Option<Span>,
    lines: Vec<Line<'a>>,
}

/// The clusters of `text` from byte `from` (a cluster boundary where the
/// cumulative width is `units`), each with the marks before and after it.
fn measured<'a>(
    text: &'a str,
    measure: &'a dyn TextMeasure,
    weight: Weight,
    from: usize,
    units: u64,
) -> impl Iterator<Item = (Cluster<'a>, Mark, Mark)> + 'a {
    let rest = text.get(from..).unwrap_or_default();
    let ascii = measure.ascii(weight);
    clusters(rest).scan(units, move |units, mut cluster| {
        cluster.start = cluster.start.saturating_add(from);
        let start = Mark {
            at: cluster.start,
            units: *units,
        };
        *units = units.saturating_add(u64::from(measure.cluster_advance(ascii, &cluster, weight)));
        let end = Mark {
            at: cluster.end(),
            units: *units,
        };
        Some((cluster, start, end))
    })
}

impl<'a> Filler<'a, '_> {
    /// Walks clusters and break opportunities in step, collecting the
    /// content of each segment; opportunities inside a cluster (possible
    /// where UAX #14 and UAX #29 disagree) are ignored.
    fn fill(&mut self, breaks: impl Iterator<Item = (usize, BreakOpportunity)>) {
        let mut breaks = breaks.peekable();
        let mut segment: Option<Span> = None;
        for (cluster, start, end) in measured(self.text, self.measure, self.weight, 0, 0) {
            while let Some((at, kind)) = breaks.next_if(|&(at, _)| at <= cluster.start) {
                if at == cluster.start {
                    self.end_segment(segment.take(), at, kind);
                }
            }
            if !cluster.is_space() {
                segment = Some(Span::extend(segment, start, end));
            }
        }
        // What is left: the opportunity at the end of the text.
        for (at, kind) in breaks {
            self.end_segment(segment.take(), at, kind);
        }
        if let Some(segment) = segment {
            self.place(segment);
        }
        self.flush();
    }

    /// Places the segment ending at break opportunity `at`, then ends the
    /// line if the break is mandatory. The opportunity at the end of the
    /// text is mandatory too, but ends a line only after a line terminator
    /// (then an empty last line follows).
    #[inline]
    fn end_segment(&mut self, segment: Option<Span>, at: usize, kind: BreakOpportunity) {
        if let Some(segment) = segment {
            self.place(segment);
        }
        if kind == BreakOpportunity::Mandatory
            && self
                .text
                .get(..at)
                .and_then(|before| before.chars().next_back())
                .is_some_and(is_line_terminator)
        {
            self.flush();
        }
    }

    fn fits(&self, units: u64) -> bool {
        self.measure.px(units, self.font_size) <= self.limit
    }

    /// Appends a segment's content to the current line, or starts a new line.
    #[inline]
    fn place(&mut self, segment: Span) {
        match self.line {
            Some(line) => {
                let joined = Span {
                    start: line.start,
                    end: segment.end,
                    single: false,
                };
                if self.fits(joined.units()) {
                    self.line = Some(joined);
                } else {
                    self.emit(line);
                    self.line = None;
                    self.start_line(segment);
                }
            }
            None => self.start_line(segment),
        }
    }

    /// Starts a line with a segment. A segment too wide for a line is split
    /// between its clusters, each placed as a segment of its own; its last
    /// part stays the current line.
    fn start_line(&mut self, segment: Span) {
        if segment.single || self.fits(segment.units()) {
            self.line = Some(segment);
            return;
        }
        let from = segment.start;
        for (cluster, start, end) in
            measured(self.text, self.measure, self.weight, from.at, from.units)
        {
            if cluster.start >= segment.end.at {
                break;
            }
            if !cluster.is_space() {
                self.place(Span::extend(None, start, end));
            }
        }
    }

    /// Ends the current line (an empty one if it has no content).
    fn flush(&mut self) {
        match self.line.take() {
            Some(line) => self.emit(line),
            None => self.lines.push(Line {
                text: "",
                width: 0.0,
            }),
        }
    }

    fn emit(&mut self, line: Span) {
        let text = self
            .text
            .get(line.start.at..line.end.at)
            .unwrap_or_default();
        let width = self.measure.px(line.units(), self.font_size);
        self.lines.push(Line { text, width });
    }
}

#[cfg(test)]
#[path = "wrap_tests.rs"]
mod tests;
