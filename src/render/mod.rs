//! Render: a [`Layout`] as one SVG document, as a string.
//!
//! Rendering cannot fail and decides nothing about geometry or colour: it
//! writes what the layout says (its palette included) through its own small
//! writer (`svg::Svg`), which owns escaping, and reads nothing but the
//! layout and its [`RenderOptions`]. Ids in the output are generated from
//! the `id_prefix` option, never taken from the map, so several maps can
//! share a page; stage headers, panels and cards carry their stage's index
//! (`data-stage-index`), lane rows and charts their lane's
//! (`data-lane-index`).

mod cards;
mod charts;
pub mod classes;
mod dots;
mod icons;
pub mod info;
mod marks;
mod panels;
pub use panels::stage_label;
mod scorecard;
mod style;
mod svg;

use crate::i18n::Key;
use crate::layout::{
    COMMON_SIZE, Direction, Focus, LINK_SCHEMES, Layout, LayoutKind, TextBlock, ThemeMode,
};
use svg::{Svg, Value};

/// What a page (or the command line) may choose about the output.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderOptions {
    /// Prefix of every id in the SVG; must be a valid XML name made of
    /// ASCII letters, digits, `-` and `_`, starting with a letter.
    pub id_prefix: String,
    /// Overrides the map's theme mode.
    pub theme: Option<ThemeMode>,
    /// The link schemes the page allows (without the colon): a subset of
    /// the format's `http`, `https` and `mailto`. A card whose link has
    /// another scheme is drawn without the link.
    pub link_schemes: Vec<String>,
    /// The persona, channel or owner drawn in focus (the rest dimmed), as
    /// the browser shows it after a click: the same classes, no script.
    pub focus: Option<Focus>,
}

impl RenderOptions {
    pub fn allows_link(&self, url: &str) -> bool {
        url.split_once(':').is_some_and(|(scheme, _)| {
            let scheme = scheme.to_ascii_lowercase();
            LINK_SCHEMES.contains(&scheme.as_str()) && self.link_schemes.contains(&scheme)
        })
    }
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            id_prefix: "jm".into(),
            theme: None,
            link_schemes: LINK_SCHEMES.iter().map(|s| (*s).to_owned()).collect(),
            focus: None,
        }
    }
}

/// Whether `prefix` can start the SVG's ids.
pub fn is_valid_id_prefix(prefix: &str) -> bool {
    let mut chars = prefix.chars();
    prefix.len() <= 64
        && chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Draws `layout` as one SVG document, as `options` ask.
pub fn render(layout: &Layout, options: &RenderOptions) -> String {
    let prefix = if is_valid_id_prefix(&options.id_prefix) {
        options.id_prefix.as_str()
    } else {
        "jm"
    };
    let mode = options.theme.unwrap_or(layout.palette.mode);
    let mut mode_class = format!(
        "jm {}",
        match mode {
            ThemeMode::Light => classes::THEME_LIGHT,
            ThemeMode::Dark => classes::THEME_DARK,
            ThemeMode::Auto => classes::THEME_AUTO,
        }
    );
    if let Some(focus) = options.focus {
        mode_class.push_str(&format!(
            " {} {}",
            classes::FOCUS,
            classes::focus_class(focus)
        ));
    }
    // The stacked layout's class: the shell and pages can tell the layouts
    // apart by it.
    let root_class = match layout.kind {
        LayoutKind::Wide => mode_class,
        LayoutKind::Stacked => format!("{mode_class} {}", classes::STACKED),
    };
    let title_id = format!("{prefix}-title");
    let desc_id = format!("{prefix}-desc");
    let view_box = format!(
        "0 0 {} {}",
        svg::number(layout.width),
        svg::number(layout.height)
    );
    let mut root: Vec<(&'static str, Value<'_>)> = vec![
        ("xmlns", "http://www.w3.org/2000/svg".into()),
        ("id", prefix.into()),
        ("class", root_class.into()),
        ("viewBox", view_box.into()),
        ("width", layout.width.into()),
        ("height", layout.height.into()),
        ("role", "group".into()),
        ("aria-labelledby", format!("{title_id} {desc_id}").into()),
        ("font-family", layout.palette.font_family.as_str().into()),
        ("font-size", COMMON_SIZE.into()),
    ];
    if layout.dir == Direction::Rtl {
        root.push(("direction", "rtl".into()));
    }
    let mut out = Svg::default();
    // The language tells browsers which glyph shapes to use (Japanese, not
    // Chinese, forms of shared characters) and screen readers which voice.
    if let Some(lang) = &layout.lang {
        root.push(("lang", lang.as_str().into()));
        root.push(("xml:lang", lang.as_str().into()));
    }
    out.open("svg", &root);
    out.text_element(
        "title",
        &[("id", title_id.as_str().into())],
        &layout.header.title.lines.join(" "),
    );
    let summary = summary(layout);
    out.text_element("desc", &[("id", desc_id.as_str().into())], &summary);
    out.open("style", &[]);
    out.raw(&style::style_sheet(prefix, layout, mode));
    out.raw(&marks::style(layout, prefix));
    out.close();
    out.empty(
        "rect",
        &[
            ("class", "jm-bg".into()),
            ("width", layout.width.into()),
            ("height", layout.height.into()),
        ],
    );
    panels::header(&mut out, layout);
    panels::grid(&mut out, layout);
    charts::routes(&mut out, layout);
    cards::cards(&mut out, layout, options);
    charts::emotion(&mut out, layout, options.focus);
    charts::metrics(&mut out, layout);
    charts::rules(&mut out, layout);
    scorecard::scorecard(&mut out, layout);
    panels::legend(&mut out, layout);
    marks::overlay(&mut out, layout);
    panels::details(&mut out, layout, prefix);
    out.finish()
}

/// The text of `<desc>`: the map's description, or what the map shows.
fn summary(layout: &Layout) -> String {
    if let Some(description) = &layout.header.description {
        return description.lines.join(" ");
    }
    let names: Vec<&str> = layout.stages.iter().map(|s| s.name.as_str()).collect();
    let words = &layout.words;
    let stages = words.count(Key::StageCount, names.len() as u64, &[]);
    words.fill(
        Key::MapSummary,
        &[("stages", &stages), ("names", &names.join(", "))],
    )
}

/// Writes a text block: one `<text>` (its size only when it is not the
/// root's), one `<tspan>` per line, lines in logical order (a single line
/// placed by the `<text>` itself, without a `<tspan>`); right-to-left text is anchored at the right edge
/// (`direction="rtl"`), and so is every text the layout aligns right
/// (`text-anchor="end"`, with its own direction set, since a mirrored map's
/// root says `rtl`).
pub(crate) fn text_block(out: &mut Svg, block: &TextBlock, extra_class: Option<&str>) {
    let class = match extra_class {
        Some(extra) => format!("{} {extra}", block.style.class),
        None => block.style.class.to_owned(),
    };
    let x = if block.anchored_right() {
        block.x + block.width
    } else {
        block.x
    };
    let mut attributes: Vec<(&'static str, Value<'_>)> = vec![("class", class.into())];
    if block.style.size != COMMON_SIZE {
        attributes.push(("font-size", block.style.size.into()));
    }
    if block.style.bold {
        attributes.push(("font-weight", "700".into()));
    }
    if block.style.italic {
        attributes.push(("font-style", "italic".into()));
    }
    if block.rtl {
        attributes.push(("direction", "rtl".into()));
    } else if block.anchored_right() {
        attributes.push(("direction", "ltr".into()));
        attributes.push(("text-anchor", "end".into()));
    }
    // A single line is placed by the <text> itself.
    let single = block.lines.len() == 1;
    if single {
        attributes.push(("x", x.into()));
        attributes.push(("y", block.baseline(0).into()));
    }
    out.open("text", &attributes);
    for (index, line) in block.lines.iter().enumerate() {
        if single {
            out.text(line);
        } else {
            out.text_element(
                "tspan",
                &[("x", x.into()), ("y", block.baseline(index).into())],
                line,
            );
        }
    }
    out.close();
}
