//! The top of the map: title, description, and one box per persona.

use super::geometry::Rect;
use super::text::{DESCRIPTION, HEADING, SMALL, Style, TITLE, TextBlock};
use crate::i18n::Key;
use crate::model::{Color, Map};
use crate::text::TextMeasure;
use serde::Serialize;

const PERSONA_WIDTH: f64 = 300.0;
const PERSONA_GAP: f64 = 16.0;
const PERSONA_PADDING: f64 = 14.0;
const DESCRIPTION_MAX_WIDTH: f64 = 960.0;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Header {
    pub title: TextBlock,
    pub description: Option<TextBlock>,
    pub personas: Vec<PersonaBox>,
    pub bottom: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonaBox {
    pub index: usize,
    pub rect: Rect,
    pub color: Color,
    pub name: TextBlock,
    /// Description, then the "Goals" and "Frustrations" headings, each
    /// followed by its entries.
    pub texts: Vec<TextBlock>,
}

/// The header at `x, y`, `width` wide; persona headings in `label`.
pub fn header(
    measure: &dyn TextMeasure,
    map: &Map,
    (x, y): (f64, f64),
    width: f64,
    colors: &[Color],
    label: Style,
) -> Header {
    let title = TextBlock::new(measure, &map.title, x, y, width, TITLE);
    let mut bottom = title.bottom();
    let description = map.description.as_ref().map(|text| {
        let block = TextBlock::new(
            measure,
            text,
            x,
            bottom + 6.0,
            width.min(DESCRIPTION_MAX_WIDTH),
            DESCRIPTION,
        );
        bottom = block.bottom();
        block
    });
    let mut personas: Vec<PersonaBox> = Vec::new();
    let per_row = (((width + PERSONA_GAP) / (PERSONA_WIDTH + PERSONA_GAP)).floor() as usize).max(1);
    let box_width = if width < PERSONA_WIDTH {
        width
    } else {
        PERSONA_WIDTH
    };
    let mut row_top = bottom + 20.0;
    for (row, chunk) in map.personas.chunks(per_row).enumerate() {
        let mut row_boxes: Vec<PersonaBox> = chunk
            .iter()
            .enumerate()
            .map(|(column, persona)| {
                let index = row * per_row + column;
                let left = x + column as f64 * (box_width + PERSONA_GAP);
                let inner_x = left + PERSONA_PADDING + 4.0;
                let inner_width = box_width - 2.0 * PERSONA_PADDING - 4.0;
                let name = TextBlock::new(
                    measure,
                    &persona.name,
                    inner_x,
                    row_top + PERSONA_PADDING,
                    inner_width,
                    HEADING,
                );
                let mut cursor = name.bottom() + 4.0;
                let mut texts = Vec::new();
                let push = |texts: &mut Vec<TextBlock>, block: TextBlock, cursor: &mut f64| {
                    *cursor = block.bottom() + 2.0;
                    texts.push(block);
                };
                if let Some(description) = &persona.description {
                    let block =
                        TextBlock::new(measure, description, inner_x, cursor, inner_width, SMALL);
                    push(&mut texts, block, &mut cursor);
                }
                for (heading, entries) in [
                    (map.words.get(Key::PersonaGoals), &persona.goals),
                    (
                        map.words.get(Key::PersonaFrustrations),
                        &persona.frustrations,
                    ),
                ] {
                    if entries.is_empty() {
                        continue;
                    }
                    cursor += 4.0;
                    let block =
                        TextBlock::new(measure, heading, inner_x, cursor, inner_width, label);
                    push(&mut texts, block, &mut cursor);
                    for entry in entries {
                        let block = TextBlock::new(
                            measure,
                            entry,
                            inner_x + 10.0,
                            cursor,
                            inner_width - 10.0,
                            SMALL,
                        );
                        push(&mut texts, block, &mut cursor);
                    }
                }
                PersonaBox {
                    index,
                    rect: Rect::new(left, row_top, box_width, cursor - row_top + PERSONA_PADDING),
                    color: colors.get(index).copied().unwrap_or(Color {
                        r: 47,
                        g: 111,
                        b: 222,
                    }),
                    name,
                    texts,
                }
            })
            .collect();
        let tallest = row_boxes.iter().map(|b| b.rect.height).fold(0.0, f64::max);
        for b in &mut row_boxes {
            b.rect.height = tallest;
        }
        row_top += tallest + PERSONA_GAP;
        bottom = row_top - PERSONA_GAP;
        personas.extend(row_boxes);
    }
    Header {
        title,
        description,
        personas,
        bottom,
    }
}
