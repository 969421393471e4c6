//! The legend (channels used, personas, tags used) and the footer with the
//! data's sources, under the grid.

use super::card::ChipKind;
use super::geometry::Rect;
use super::text::{SMALL, Style, TextBlock, natural_width};
use crate::i18n::Key;
use crate::model::{Color, Icon, Map, Tag};
use crate::text::TextMeasure;
use serde::Serialize;

const SWATCH: f64 = 14.0;
const ENTRY_GAP: f64 = 20.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Legend {
    pub rect: Rect,
    pub heading: TextBlock,
    pub entries: Vec<LegendEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegendEntry {
    pub swatch: Rect,
    pub mark: LegendMark,
    pub text: TextBlock,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LegendMark {
    Channel { icon: Icon, channel: usize },
    Persona { color: Color, persona: usize },
    Tag { kind: ChipKind },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Footer {
    pub heading: TextBlock,
    pub sources: Vec<TextBlock>,
    pub bottom: f64,
}

/// The legend, or `None` when there is nothing to explain; its heading in
/// `label`.
pub fn legend(
    measure: &dyn TextMeasure,
    map: &Map,
    (x, y): (f64, f64),
    width: f64,
    persona_colors: &[Color],
    label: Style,
) -> Option<Legend> {
    let mut marks: Vec<(LegendMark, String)> = Vec::new();
    let mut channels_used: Vec<usize> = Vec::new();
    let mut tags_used: Vec<&Tag> = Vec::new();
    for item in map.stages.iter().flat_map(|s| s.cells.iter().flatten()) {
        if let Some(channel) = item.channel
            && !channels_used.contains(&channel)
        {
            channels_used.push(channel);
        }
        for tag in &item.tags {
            if !tags_used.contains(&tag) {
                tags_used.push(tag);
            }
        }
    }
    crate::sort::sort_by_key(&mut channels_used, |&channel| channel);
    for channel in channels_used {
        if let Some(ch) = map.channels.get(channel) {
            marks.push((
                LegendMark::Channel {
                    icon: ch.icon,
                    channel,
                },
                ch.name.clone(),
            ));
        }
    }
    for (persona, p) in map.personas.iter().enumerate() {
        let color = persona_colors
            .get(persona)
            .copied()
            .unwrap_or(Color { r: 0, g: 0, b: 0 });
        marks.push((LegendMark::Persona { color, persona }, p.name.clone()));
    }
    for tag in tags_used {
        let kind = ChipKind::of_tag(tag);
        marks.push((LegendMark::Tag { kind }, tag.label(&map.words).to_owned()));
    }
    if marks.is_empty() {
        return None;
    }
    let heading = TextBlock::new(measure, map.words.get(Key::Legend), x, y, width, label);
    let top = heading.bottom() + 6.0;
    let (mut cx, mut cy, mut row_height) = (x, top, 0.0_f64);
    let mut entries = Vec::new();
    for (mark, label) in marks {
        let text_width = (natural_width(measure, &label, SMALL) + 1.0).min(width - SWATCH - 6.0);
        let entry_width = SWATCH + 6.0 + text_width;
        if cx > x && cx + entry_width > x + width {
            cx = x;
            cy += row_height + 8.0;
            row_height = 0.0;
        }
        let text = TextBlock::new(measure, &label, cx + SWATCH + 6.0, cy, text_width, SMALL);
        let swatch = Rect::new(cx, cy + (SMALL.line_height - SWATCH) / 2.0, SWATCH, SWATCH);
        row_height = row_height.max(text.height());
        cx += entry_width + ENTRY_GAP;
        entries.push(LegendEntry { swatch, mark, text });
    }
    Some(Legend {
        rect: Rect::new(x, y, width, cy + row_height - y),
        heading,
        entries,
    })
}

/// The sources, or `None` when there are none; the heading in `label`.
pub fn footer(
    measure: &dyn TextMeasure,
    map: &Map,
    (x, y): (f64, f64),
    width: f64,
    label: Style,
) -> Option<Footer> {
    if map.sources.is_empty() {
        return None;
    }
    let heading = TextBlock::new(measure, map.words.get(Key::Sources), x, y, width, label);
    let mut cursor = heading.bottom() + 2.0;
    let sources: Vec<TextBlock> = map
        .sources
        .iter()
        .map(|source| {
            let block = TextBlock::new(measure, &source.text, x, cursor, width, SMALL);
            cursor = block.bottom();
            block
        })
        .collect();
    Some(Footer {
        heading,
        sources,
        bottom: cursor,
    })
}
