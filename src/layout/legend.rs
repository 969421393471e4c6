//! The legend (channels used, personas, tags used, the assumption mark) and
//! the footer with the data's sources, under the grid; the sources are
//! numbered when cards cite them, and the cards show those numbers.

use super::card::ChipKind;
use super::geometry::Rect;
use super::text::{SMALL, Style, TextBlock, natural_width};
use crate::i18n::{Key, Words};
use crate::model::{Color, Confidence, Icon, Map, Source, Tag};
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
    Channel {
        icon: Icon,
        channel: usize,
    },
    Persona {
        color: Color,
        persona: usize,
    },
    Tag {
        kind: ChipKind,
    },
    /// A card drawn as an assumption.
    Assumption,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Footer {
    pub heading: TextBlock,
    pub sources: Vec<TextBlock>,
    /// Each source's number ("1."), when cards cite sources; else empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub numbers: Vec<TextBlock>,
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
    let mut assumption = false;
    for item in map.stages.iter().flat_map(|s| s.cells.iter().flatten()) {
        assumption |= item.confidence == Some(Confidence::Assumption);
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
    if assumption {
        let words = map.words.get(Key::Assumption);
        marks.push((LegendMark::Assumption, words.to_owned()));
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
    let cited = map
        .stages
        .iter()
        .flat_map(|s| s.cells.iter().flatten())
        .any(|item| !item.sources.is_empty());
    let top = heading.bottom() + 2.0;
    let (numbers, sources, bottom) = if cited {
        let all = 0..map.sources.len();
        numbered(measure, &map.sources, &map.words, all, (x, top), width)
    } else {
        let mut cursor = top;
        let sources: Vec<TextBlock> = map
            .sources
            .iter()
            .map(|source| {
                let block = TextBlock::new(measure, &source.text, x, cursor, width, SMALL);
                cursor = block.bottom();
                block
            })
            .collect();
        (Vec::new(), sources, cursor)
    };
    Some(Footer {
        heading,
        sources,
        numbers,
        bottom,
    })
}

/// The sources `which` (indices into `sources`) one under another from
/// `x, y`, each after its number in the Sources list ("3."): the numbers,
/// the texts, and the bottom.
pub fn numbered(
    measure: &dyn TextMeasure,
    sources: &[Source],
    words: &Words,
    which: impl Iterator<Item = usize> + Clone,
    (x, y): (f64, f64),
    width: f64,
) -> (Vec<TextBlock>, Vec<TextBlock>, f64) {
    let number = |i: usize| format!("{}.", words.number((i + 1) as f64));
    let indent = which
        .clone()
        .map(|i| natural_width(measure, &number(i), SMALL) + 1.0)
        .fold(0.0, f64::max);
    let text_x = x + indent + 6.0;
    let mut cursor = y;
    let (mut numbers, mut texts) = (Vec::new(), Vec::new());
    for i in which {
        let Some(source) = sources.get(i) else {
            continue;
        };
        let text = TextBlock::new(
            measure,
            &source.text,
            text_x,
            cursor,
            x + width - text_x,
            SMALL,
        );
        numbers.push(TextBlock::new(
            measure,
            &number(i),
            x,
            cursor,
            indent,
            SMALL,
        ));
        cursor = text.bottom();
        texts.push(text);
    }
    (numbers, texts, cursor)
}
