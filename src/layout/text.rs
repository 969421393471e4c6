//! Text blocks: a text wrapped to a width, with the metrics that place it.
//!
//! Every text the map shows goes through [`TextBlock::new`], so every text
//! is measured with the same ruler (the [`TextMeasure`] layout was given)
//! and laid out with the same line boxes, and the renderer only has to
//! write the lines where the block says.

use crate::text::{self, Direction, TextMeasure, Weight};
use serde::Serialize;

/// How a kind of text looks: size, weight, line height, and the class the
/// renderer gives it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Style {
    pub size: f64,
    pub bold: bool,
    pub italic: bool,
    pub line_height: f64,
    pub class: &'static str,
}

impl Style {
    pub const fn new(size: f64, bold: bool, class: &'static str) -> Style {
        Style {
            size,
            bold,
            italic: false,
            line_height: (size * 1.4).round(),
            class,
        }
    }

    pub const fn italic(self) -> Style {
        Style {
            italic: true,
            ..self
        }
    }
}

pub const TITLE: Style = Style::new(28.0, true, "jm-title");
pub const DESCRIPTION: Style = Style::new(15.0, false, "jm-description");
pub const HEADING: Style = Style::new(14.0, true, "jm-heading");
pub const BODY: Style = Style::new(13.0, false, "jm-body");
/// The size most texts have (cards, bodies, quotes): the SVG's root says it
/// once, and only texts of another size say their own.
pub const COMMON_SIZE: f64 = BODY.size;
pub const SMALL: Style = Style::new(12.0, false, "jm-small");
pub const LABEL: Style = Style::new(11.0, true, "jm-label");
pub const STAGE_NAME: Style = Style::new(16.0, true, "jm-stage-name");
pub const LANE_LABEL: Style = Style::new(13.0, true, "jm-lane-label");
pub const CARD: Style = Style::new(13.0, false, "jm-card-text");
pub const BADGE: Style = Style::new(11.0, false, "jm-badge-text");
/// Badges in the stacked layout, where no text is under 12 px.
pub const STACKED_BADGE: Style = Style::new(12.0, false, "jm-badge-text");
/// Labels in the stacked layout.
pub const STACKED_LABEL: Style = Style::new(12.0, true, "jm-label");
pub const KPI_VALUE: Style = Style::new(16.0, true, "jm-kpi-value");
pub const QUOTE: Style = Style::new(13.0, false, "jm-quote").italic();

/// Which edge of its box a text block's lines stand against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    /// The left edge (and the right edge for a right-to-left text).
    #[default]
    Start,
    /// The right edge, whatever the text's direction: every text of a
    /// mirrored (right-to-left) map.
    Right,
}

impl Align {
    pub fn is_start(&self) -> bool {
        *self == Align::Start
    }
}

/// A text wrapped into lines inside a box whose top-left corner is `x, y`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextBlock {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub lines: Vec<String>,
    pub style: Style,
    /// The text's own paragraph direction (its first strong character):
    /// its lines stay in logical order, the renderer sets `direction`.
    pub rtl: bool,
    /// Written in the layout JSON only when not `start`.
    #[serde(skip_serializing_if = "Align::is_start")]
    pub align: Align,
    /// The measuring font's ascent and descent in em, which place the
    /// baselines (not in the layout JSON: the line boxes are).
    #[serde(skip)]
    pub ascent: f64,
    #[serde(skip)]
    pub descent: f64,
}

fn weight(style: Style) -> Weight {
    if style.bold {
        Weight::Bold
    } else {
        Weight::Regular
    }
}

impl TextBlock {
    /// Wraps `content` to `width` as `measure` measures it; the block is as
    /// tall as its lines need. Its line height is the style's, or the
    /// font's natural line height (rounded up) where that is taller.
    pub fn new(
        measure: &dyn TextMeasure,
        content: &str,
        x: f64,
        y: f64,
        width: f64,
        style: Style,
    ) -> TextBlock {
        let lines = text::wrap(measure, content, width.max(1.0), style.size, weight(style))
            .into_iter()
            .map(str::to_owned)
            .collect();
        let style = Style {
            line_height: style
                .line_height
                .max(measure.line_height(style.size).ceil()),
            ..style
        };
        TextBlock {
            x,
            y,
            width,
            lines,
            style,
            rtl: text::direction(content) == Direction::Rtl,
            align: Align::Start,
            ascent: measure.ascent(),
            descent: measure.descent(),
        }
    }

    pub fn height(&self) -> f64 {
        self.lines.len() as f64 * self.style.line_height
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height()
    }

    /// The width of the widest line, as `measure` measures it.
    pub fn content_width(&self, measure: &dyn TextMeasure) -> f64 {
        self.lines
            .iter()
            .map(|line| measure.width(line, self.style.size, weight(self.style)))
            .fold(0.0, f64::max)
    }

    /// The baseline of line `index`: the font's ascent and descent
    /// (0.905 and 0.212 em for Liberation Sans) centred in the line box.
    pub fn baseline(&self, index: usize) -> f64 {
        let size = self.style.size;
        let line_height = self.style.line_height;
        self.y
            + index as f64 * line_height
            + (line_height - (self.ascent + self.descent) * size) / 2.0
            + self.ascent * size
    }

    /// Whether the lines stand against the right edge of the box.
    pub fn anchored_right(&self) -> bool {
        self.rtl || self.align == Align::Right
    }

    pub fn shift(&mut self, dx: f64, dy: f64) {
        self.x += dx;
        self.y += dy;
    }
}

/// The natural one-line width of a text, used to choose column widths.
pub fn natural_width(measure: &dyn TextMeasure, content: &str, style: Style) -> f64 {
    content
        .split('\n')
        .map(|line| measure.width(line, style.size, weight(style)))
        .fold(0.0, f64::max)
}
