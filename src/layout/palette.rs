//! Colours the layout decides: persona colours. Everything else is themed by
//! the renderer's CSS custom properties, so a page can restyle a map.

use crate::model::{Color, Persona};

/// Distinct, calm colours for persona curves and markers, readable on both
/// light and dark backgrounds.
const PERSONA_PALETTE: [&str; 8] = [
    "#2f6fde", "#c0398a", "#1f8a4c", "#b56a00", "#7b4fd6", "#0e8fa8", "#c4412b", "#5e6b7a",
];

/// The persona's own colour, or the next palette colour.
pub fn persona_color(persona: &Persona, index: usize) -> Color {
    persona.color.unwrap_or_else(|| {
        let hex = PERSONA_PALETTE
            .get(index % PERSONA_PALETTE.len())
            .copied()
            .unwrap_or("#2f6fde");
        Color::parse(hex).unwrap_or(Color {
            r: 47,
            g: 111,
            b: 222,
        })
    })
}
