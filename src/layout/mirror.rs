//! Right to left: the finished layout turned into its mirror image.
//!
//! A right-to-left map is the left-to-right one seen in a mirror: the first
//! stage at the right, the lane headers at the right, curves and routes
//! running left, persona colour bars and card icons at the right, every text
//! standing against the right edge of its box. Doing it as one pass over the
//! finished [`Layout`] (x' = width − x − w for every box, point and line)
//! keeps every other part of the layout direction-free, and so keeps every
//! geometric promise (cards in their cells, no overlaps, lines that fit):
//! a reflection moves no box relative to another. Text is not reflected:
//! each block keeps its lines in logical order and only changes the edge it
//! stands against ([`Align::Right`]); the bidi algorithm orders the
//! characters of each line as before.

use super::geometry::{Point, Rect};
use super::text::{Align, TextBlock};
use super::{Card, Chip, Layout};
use crate::i18n::is_rtl_lang;
use crate::model::{Dir, Map};
use crate::text::{self, Direction};

/// The map's reading direction: `dir` when it says `ltr` or `rtl`; for
/// `auto`, the direction of `lang`, or without `lang` that of the title's
/// first strong character.
pub fn reading_direction(map: &Map) -> Direction {
    match (map.dir, &map.lang) {
        (Dir::Ltr, _) => Direction::Ltr,
        (Dir::Rtl, _) => Direction::Rtl,
        (Dir::Auto, Some(lang)) if is_rtl_lang(lang) => Direction::Rtl,
        (Dir::Auto, Some(_)) => Direction::Ltr,
        (Dir::Auto, None) => text::direction(&map.title),
    }
}

/// Mirrors a finished layout of `map` when the map reads right to left:
/// the last step of every layout.
pub fn apply(map: &Map, layout: &mut Layout) {
    if reading_direction(map) == Direction::Rtl {
        mirror(layout);
    }
}

/// Mirrors `layout` about the vertical axis of its canvas.
fn mirror(layout: &mut Layout) {
    let m = Mirror(layout.width);
    let header = &mut layout.header;
    m.text(&mut header.title);
    if let Some(description) = &mut header.description {
        m.text(description);
    }
    for persona in &mut header.personas {
        m.rect(&mut persona.rect);
        m.text(&mut persona.name);
        persona.texts.iter_mut().for_each(|t| m.text(t));
    }
    for column in &mut layout.stages {
        column.x = m.x(column.x, column.width);
        m.rect(&mut column.header);
        m.rect(&mut column.zoom);
        column.texts.iter_mut().for_each(|t| m.text(t));
    }
    for lane in &mut layout.lanes {
        m.rect(&mut lane.rect);
        m.text(&mut lane.label);
        for row in &mut lane.sub_rows {
            m.rect(&mut row.icon_rect);
            m.text(&mut row.label);
        }
    }
    layout.cells.iter_mut().for_each(|c| m.rect(&mut c.rect));
    layout.cards.iter_mut().for_each(|c| m.card(c));
    for chart in &mut layout.emotion {
        m.rect(&mut chart.plot);
        for curve in &mut chart.curves {
            curve.points.iter_mut().for_each(|p| p.x = m.x(p.x, 0.0));
            curve.segments.iter_mut().flatten().for_each(|p| m.point(p));
        }
    }
    for cell in &mut layout.metrics {
        m.rect(&mut cell.rect);
        if let Some(funnel) = &mut cell.funnel {
            m.rect(&mut funnel.track);
            m.rect(&mut funnel.bar);
            m.text(&mut funnel.label);
            m.text(&mut funnel.value);
        }
        if let Some(drop) = &mut cell.drop_off {
            m.text(&mut drop.text);
        }
        for kpi in &mut cell.kpis {
            m.rect(&mut kpi.rect);
            m.text(&mut kpi.label);
            m.text(&mut kpi.value);
            kpi.unit.iter_mut().for_each(|t| m.text(t));
            kpi.target.iter_mut().for_each(|t| m.text(t));
        }
    }
    for rule in &mut layout.rules {
        (rule.x1, rule.x2) = (m.x(rule.x2, 0.0), m.x(rule.x1, 0.0));
    }
    for route in &mut layout.routes {
        route.points.iter_mut().for_each(|p| m.point(p));
    }
    for panel in &mut layout.details {
        m.rect(&mut panel.rect);
        panel.texts.iter_mut().for_each(|t| m.text(t));
        panel.quote_bars.iter_mut().for_each(|r| m.rect(r));
    }
    if let Some(card) = &mut layout.scorecard {
        m.rect(&mut card.rect);
        m.text(&mut card.heading);
        for row in &mut card.rows {
            m.rect(&mut row.rect);
            m.rect(&mut row.icon_rect);
            m.text(&mut row.name);
            m.text(&mut row.usage);
            row.share.iter_mut().for_each(|t| m.text(t));
            if let Some(score) = &mut row.score {
                m.rect(&mut score.track);
                m.point(&mut score.dot);
                m.text(&mut score.text);
            }
            for metric in &mut row.metrics {
                m.text(&mut metric.label);
                m.text(&mut metric.value);
            }
            row.look_here.iter_mut().for_each(|c| m.chip(c));
        }
    }
    if let Some(legend) = &mut layout.legend {
        m.rect(&mut legend.rect);
        m.text(&mut legend.heading);
        for entry in &mut legend.entries {
            m.rect(&mut entry.swatch);
            m.text(&mut entry.text);
        }
    }
    if let Some(footer) = &mut layout.footer {
        m.text(&mut footer.heading);
        footer.sources.iter_mut().for_each(|t| m.text(t));
        footer.numbers.iter_mut().for_each(|t| m.text(t));
    }
    m.rect(&mut layout.grid);
    layout.dir = Direction::Rtl;
}

/// The reflection about the vertical line through the middle of a canvas
/// this wide.
struct Mirror(f64);

impl Mirror {
    /// Where a span starting at `x`, `width` wide, starts once mirrored.
    fn x(&self, x: f64, width: f64) -> f64 {
        self.0 - x - width
    }

    fn rect(&self, rect: &mut Rect) {
        rect.x = self.x(rect.x, rect.width);
    }

    fn point(&self, point: &mut Point) {
        point.x = self.x(point.x, 0.0);
    }

    /// The box is mirrored and the lines stand against its right edge,
    /// which is where the left edge was.
    fn text(&self, block: &mut TextBlock) {
        block.x = self.x(block.x, block.width);
        block.align = Align::Right;
    }

    fn card(&self, card: &mut Card) {
        card.x = self.x(card.x, card.width);
        self.text(&mut card.text);
        if let Some(icon) = &mut card.icon {
            self.rect(&mut icon.rect);
        }
        card.chips.iter_mut().for_each(|c| self.chip(c));
    }

    fn chip(&self, chip: &mut Chip) {
        self.rect(&mut chip.rect);
        chip.text.iter_mut().for_each(|t| self.text(t));
    }
}
