//! The map's look, resolved: every colour of the light and the dark palette
//! (the built-in ones with the theme object's own colours in their base),
//! the persona colours, and the font stack. The renderer writes these as
//! CSS custom properties, so a page can still restyle a map, but it never
//! reads the map's theme itself.

use crate::model::{Color, Persona, Theme, ThemeMode};
use crate::text::{FONT_FAMILY, GENERIC_FAMILIES};
use serde::{Serialize, Serializer};

/// One CSS custom property: `--jm-NAME`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Swatch {
    pub name: &'static str,
    pub color: Color,
}

/// Everything the renderer needs to colour and set the map.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Palette {
    /// The map's own mode: the one drawn when the page asks for none.
    pub mode: ThemeMode,
    /// The light palette, used in light mode, in auto mode and in print.
    #[serde(serialize_with = "as_css")]
    pub light: Vec<Swatch>,
    /// The dark palette, used in dark mode and auto mode.
    #[serde(serialize_with = "as_css")]
    pub dark: Vec<Swatch>,
    /// One colour per persona, in the order of the map's personas.
    pub personas: Vec<Color>,
    /// The font stack: the theme's families first, then the one the text is
    /// measured with; names with spaces quoted, no duplicates.
    pub font_family: String,
}

/// A palette as the layout's JSON shows it: `{"bg": "#ffffff", …}`.
fn as_css<S: Serializer>(swatches: &[Swatch], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_map(swatches.iter().map(|s| (s.name, s.color.hex())))
}

const fn rgb(hex: u32) -> Color {
    Color {
        r: (hex >> 16) as u8,
        g: (hex >> 8) as u8,
        b: hex as u8,
    }
}

const LIGHT: [(&str, Color); 18] = [
    ("bg", rgb(0xffffff)),
    ("surface", rgb(0xf6f8fa)),
    ("band", rgb(0xfafbfc)),
    ("text", rgb(0x1f2328)),
    ("muted", rgb(0x59636e)),
    ("border", rgb(0xd0d7de)),
    ("grid", rgb(0xe4e8ec)),
    ("card", rgb(0xffffff)),
    ("accent", rgb(0x2f6fde)),
    ("positive", rgb(0x1f8a4c)),
    ("negative", rgb(0xc4412b)),
    ("neutral", rgb(0x8c959f)),
    ("idea", rgb(0x7b4fd6)),
    ("warning", rgb(0xb56a00)),
    ("positive-bg", rgb(0xeaf6ee)),
    ("negative-bg", rgb(0xfcefec)),
    ("idea-bg", rgb(0xf3effc)),
    ("warning-bg", rgb(0xfdf4e3)),
];

const DARK: [(&str, Color); 18] = [
    ("bg", rgb(0x0f1419)),
    ("surface", rgb(0x161c23)),
    ("band", rgb(0x12181e)),
    ("text", rgb(0xe6edf3)),
    ("muted", rgb(0x9aa5b1)),
    ("border", rgb(0x3a434d)),
    ("grid", rgb(0x262e37)),
    ("card", rgb(0x1b222a)),
    ("accent", rgb(0x6ea3ff)),
    ("positive", rgb(0x4cc27a)),
    ("negative", rgb(0xff7b69)),
    ("neutral", rgb(0x8b949e)),
    ("idea", rgb(0xb69cff)),
    ("warning", rgb(0xe3a23b)),
    ("positive-bg", rgb(0x15291e)),
    ("negative-bg", rgb(0x33191a)),
    ("idea-bg", rgb(0x231d36)),
    ("warning-bg", rgb(0x2e2412)),
];

/// Distinct, calm colours for persona curves and markers, readable on both
/// light and dark backgrounds.
const PERSONA_PALETTE: [Color; 8] = [
    rgb(0x2f6fde),
    rgb(0xc0398a),
    rgb(0x1f8a4c),
    rgb(0xb56a00),
    rgb(0x7b4fd6),
    rgb(0x0e8fa8),
    rgb(0xc4412b),
    rgb(0x5e6b7a),
];

/// The palette of a map with `theme` and `personas`.
pub(crate) fn palette(theme: &Theme, personas: &[Persona]) -> Palette {
    Palette {
        mode: theme.mode,
        light: swatches(&LIGHT, theme, ThemeMode::Light),
        dark: swatches(&DARK, theme, ThemeMode::Dark),
        personas: personas
            .iter()
            .enumerate()
            .map(|(i, p)| persona_color(p, i))
            .collect(),
        font_family: font_family(theme.font.as_deref().unwrap_or("")),
    }
}

/// The built-in palette of `base`, with the theme's own colours if the
/// theme is for that base: when the page or the command line asks for the
/// other base, a theme's colours are left out rather than mixed with a
/// palette they were not chosen for.
fn swatches(built_in: &[(&'static str, Color)], theme: &Theme, base: ThemeMode) -> Vec<Swatch> {
    built_in
        .iter()
        .map(|&(name, color)| {
            let own = match name {
                "bg" => theme.background,
                "text" => theme.text,
                "accent" => theme.accent,
                "positive" => theme.positive,
                "negative" => theme.negative,
                "neutral" => theme.neutral,
                _ => None,
            };
            Swatch {
                name,
                color: own.filter(|_| theme.mode == base).unwrap_or(color),
            }
        })
        .collect()
}

/// The persona's own colour, or the next palette colour.
fn persona_color(persona: &Persona, index: usize) -> Color {
    persona.color.unwrap_or_else(|| {
        PERSONA_PALETTE
            .get(index % PERSONA_PALETTE.len())
            .copied()
            .unwrap_or(rgb(0x2f6fde))
    })
}

pub(super) fn font_family(own: &str) -> String {
    let mut families: Vec<String> = Vec::new();
    for family in own.split(',').chain(FONT_FAMILY.split(',')) {
        let family = family.trim();
        if family.is_empty() {
            continue;
        }
        let written = if GENERIC_FAMILIES.contains(&family) || !family.as_bytes().contains(&b' ') {
            family.to_owned()
        } else {
            format!("'{family}'")
        };
        if !families.contains(&written) {
            families.push(written);
        }
    }
    families.join(", ")
}
