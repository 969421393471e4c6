//! The theme, and colours wherever they appear.

use super::checker::{Checker, Here};
use super::limits::SHORT_TEXT;
use super::rules::check_font;
use crate::format::Keyword;
use crate::format::spec::{Field, map, theme};
use crate::model::{Color, Theme, ThemeMode};
use serde_json::{Map as Object, Value};

pub fn read_color(
    c: &mut Checker,
    object: &Object<String, Value>,
    here: Here<'_>,
    field: &Field,
) -> Option<Color> {
    let value = c.get(object, here, field)?;
    let color = value.as_str().and_then(Color::parse);
    if color.is_none() {
        c.expected(
            here.key(field.name),
            "a hex colour like \"#1f6feb\" or \"#16b\"",
            value,
        );
    }
    color
}

pub fn read_theme(c: &mut Checker, object: &Object<String, Value>, here: Here<'_>) -> Theme {
    let Some(value) = c.get(object, here, &map::THEME) else {
        return Theme::of_mode(ThemeMode::Auto);
    };
    let here = here.key(map::THEME.name);
    if value.is_string() {
        let mode = c.keyword_value(value, here, ThemeMode::KEYWORDS);
        return Theme::of_mode(mode.unwrap_or(ThemeMode::Auto));
    }
    let Some(object) = c.object(value, here, &theme::SPEC) else {
        return Theme::of_mode(ThemeMode::Auto);
    };
    let base: Option<ThemeMode> = c.keyword(object, here, &theme::BASE);
    Theme {
        mode: base.unwrap_or(ThemeMode::Light),
        accent: read_color(c, object, here, &theme::ACCENT),
        positive: read_color(c, object, here, &theme::POSITIVE),
        negative: read_color(c, object, here, &theme::NEGATIVE),
        neutral: read_color(c, object, here, &theme::NEUTRAL),
        background: read_color(c, object, here, &theme::BACKGROUND),
        text: read_color(c, object, here, &theme::TEXT),
        font: c.get(object, here, &theme::FONT).and_then(|value| {
            let here = here.key(theme::FONT.name);
            let font = c.raw_text(value, here, SHORT_TEXT)?;
            check_font(font)
                .map_err(|message| c.error(here, message))
                .ok()
        }),
    }
}
