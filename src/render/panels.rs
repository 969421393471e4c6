//! The map's frame: header with personas, the grid of stage headers and lane
//! rows, the legend and footer, and the detail panels for the zoomed view
//! (the channel scorecard beside the legend is `scorecard.rs`).

use super::svg::Svg;
use super::{classes, icons, text_block};
use crate::i18n::{Key, Words};
use crate::layout::{Direction, LaneKind, Layout, LayoutKind, LegendMark, StageColumn};

/// The width of a persona card's colour bar, at the card's leading edge.
const PERSONA_BAR: f64 = 5.0;
/// How far a channel row's top line starts from the lane's leading edge.
const CHANNEL_INDENT: f64 = 12.0;

pub fn header(out: &mut Svg, layout: &Layout) {
    let rtl = layout.dir == Direction::Rtl;
    out.open("g", &[("class", "jm-header".into())]);
    text_block(out, &layout.header.title, None);
    if let Some(description) = &layout.header.description {
        text_block(out, description, None);
    }
    for persona in &layout.header.personas {
        // Every visible text, then what a press does (label in name).
        let visible: Vec<String> = std::iter::once(&persona.name)
            .chain(&persona.texts)
            .map(|t| t.lines.join(" "))
            .collect();
        let label = layout
            .words
            .fill(Key::FocusPersona, &[("name", &visible.join(", "))]);
        let class = format!(
            "jm-persona {} {}",
            classes::FOR_PERSONAS,
            classes::for_persona(persona.index)
        );
        focusable(out, &class, (classes::PERSONA_INDEX, persona.index), label);
        let r = persona.rect;
        out.rect("jm-persona-box", r, 8.0);
        out.empty(
            "rect",
            &[
                ("class", "jm-persona-color".into()),
                ("x", if rtl { r.right() - PERSONA_BAR } else { r.x }.into()),
                ("y", r.y.into()),
                ("width", PERSONA_BAR.into()),
                ("height", r.height.into()),
                ("rx", 2.0.into()),
                ("fill", persona.color.hex().into()),
            ],
        );
        text_block(out, &persona.name, None);
        for text in &persona.texts {
            text_block(out, text, None);
        }
        out.close();
    }
    out.close();
}

pub fn grid(out: &mut Svg, layout: &Layout) {
    let grid = layout.grid;
    let stage_count = layout.stages.len();
    let rtl = layout.dir == Direction::Rtl;
    // Indented from the leading edge, which is the right one when mirrored.
    let (indent_left, indent_right) = if rtl {
        (0.0, CHANNEL_INDENT)
    } else {
        (CHANNEL_INDENT, 0.0)
    };
    out.open("g", &[("class", "jm-grid".into())]);
    for (i, lane) in layout.lanes.iter().enumerate() {
        let kind = match lane.kind {
            LaneKind::Text => "jm-lane jm-lane-text",
            LaneKind::Touchpoints => "jm-lane jm-lane-touchpoints",
            LaneKind::Emotion => "jm-lane jm-lane-emotion",
            LaneKind::Metrics => "jm-lane jm-lane-metrics",
            LaneKind::Line => "jm-lane jm-lane-line",
        };
        out.open(
            "g",
            &[
                ("class", kind.into()),
                ("data-lane-index", lane.index.into()),
            ],
        );
        let r = lane.rect;
        if i % 2 == 1 {
            out.rect("jm-lane-band", r, 0.0);
        }
        out.empty(
            "line",
            &[
                ("class", "jm-gridline".into()),
                ("x1", r.x.into()),
                ("y1", r.y.into()),
                ("x2", r.right().into()),
                ("y2", r.y.into()),
            ],
        );
        text_block(out, &lane.label, None);
        for row in &lane.sub_rows {
            let label = channel_label(layout, &row.label.lines.join(" "));
            let class = format!(
                "{} {} {}",
                classes::SWIMLANE,
                classes::FOR_CHANNEL,
                classes::channel(row.channel)
            );
            focusable(out, &class, (classes::CHANNEL_INDEX, row.channel), label);
            icon(
                out,
                row.icon,
                row.icon_rect.x,
                row.icon_rect.y,
                row.icon_rect.width / 16.0,
            );
            text_block(out, &row.label, None);
            out.close();
            if row.y > r.y + 1.0 {
                out.empty(
                    "line",
                    &[
                        ("class", "jm-gridline".into()),
                        ("x1", (r.x + indent_left).into()),
                        ("y1", row.y.into()),
                        ("x2", (r.right() - indent_right).into()),
                        ("y2", row.y.into()),
                    ],
                );
            }
        }
        out.close();
    }
    // Wide, a line between columns; stacked, the sections need none.
    let columns = match layout.kind {
        LayoutKind::Wide => &layout.stages[..],
        LayoutKind::Stacked => &[],
    };
    for column in columns {
        // Each column's line stands at its leading edge.
        let x = if rtl {
            column.x + column.width
        } else {
            column.x
        };
        out.empty(
            "line",
            &[
                ("class", "jm-gridline".into()),
                ("x1", x.into()),
                ("y1", column.header.bottom().into()),
                ("x2", x.into()),
                ("y2", grid.bottom().into()),
            ],
        );
    }
    for column in &layout.stages {
        let label = stage_label(column, stage_count, &layout.words);
        let class = match super::marks::stage_mark(layout, column.index) {
            Some(mark) => format!("{} {}", classes::STAGE, super::marks::class(mark)),
            None => classes::STAGE.to_owned(),
        };
        out.open(
            "g",
            &[
                ("class", class.into()),
                ("role", "button".into()),
                ("tabindex", "0".into()),
                ("aria-label", label.into()),
                (classes::STAGE_INDEX, column.index.into()),
            ],
        );
        let h = column.header;
        out.empty(
            "rect",
            &[
                ("class", "jm-stage-box".into()),
                ("x", (h.x + 3.0).into()),
                ("y", h.y.into()),
                ("width", (h.width - 6.0).into()),
                ("height", (h.height - 6.0).into()),
                ("rx", 8.0.into()),
            ],
        );
        for text in &column.texts {
            text_block(out, text, None);
        }
        out.close();
    }
    out.close();
}

/// A stage header's accessible name. It starts with the visible text (WCAG
/// 2.5.3 "label in name": a speech user says what they see), lines joined
/// by spaces, then says where the stage is: "Sign up, 5 minutes, Goal,
/// Create an account quickly (stage 2 of 5)". The browser shell gets it in
/// the render info (`src/wasm.rs`).
pub fn stage_label(column: &StageColumn, stage_count: usize, words: &Words) -> String {
    let visible: Vec<String> = column.texts.iter().map(|t| t.lines.join(" ")).collect();
    let n = words.number((column.index + 1) as f64);
    let total = words.number(stage_count as f64);
    words.fill(
        Key::StageName,
        &[("name", &visible.join(", ")), ("n", &n), ("total", &total)],
    )
}

/// The accessible name of a button that focuses a channel: what it shows,
/// then what a press does.
pub fn channel_label(layout: &Layout, visible: &str) -> String {
    layout.words.fill(Key::FocusChannel, &[("name", visible)])
}

/// Opens the group of something a reader clicks to focus on the persona,
/// channel or owner `key` names: a button, with `label` as its name.
pub fn focusable(out: &mut Svg, class: &str, key: (&'static str, usize), label: String) {
    out.open(
        "g",
        &[
            ("class", format!("{class} {}", classes::FOCUSABLE).into()),
            (key.0, key.1.into()),
            ("role", "button".into()),
            ("tabindex", "0".into()),
            ("aria-label", label.into()),
        ],
    );
}

/// A channel icon scaled from its 16 × 16 grid, placed at `x, y`.
pub fn icon(out: &mut Svg, icon: crate::layout::Icon, x: f64, y: f64, scale: f64) {
    let transform = format!(
        "translate({} {}) scale({})",
        super::svg::number(x),
        super::svg::number(y),
        super::svg::number(scale)
    );
    out.open(
        "g",
        &[("class", "jm-icon".into()), ("transform", transform.into())],
    );
    out.empty("path", &[("d", icons::path(icon).into())]);
    out.close();
}

pub fn legend(out: &mut Svg, layout: &Layout) {
    if let Some(legend) = &layout.legend {
        out.open("g", &[("class", "jm-legend".into())]);
        text_block(out, &legend.heading, None);
        for entry in &legend.entries {
            let s = entry.swatch;
            let key = match entry.mark {
                LegendMark::Channel { channel, .. } => Some((
                    (classes::CHANNEL_INDEX, channel),
                    format!("{} {}", classes::FOR_CHANNEL, classes::channel(channel)),
                )),
                LegendMark::Persona { persona, .. } => Some((
                    (classes::PERSONA_INDEX, persona),
                    format!(
                        "{} {}",
                        classes::FOR_PERSONAS,
                        classes::for_persona(persona)
                    ),
                )),
                LegendMark::Tag { .. } | LegendMark::Assumption => None,
            };
            if let Some((key, class)) = &key {
                let label = layout
                    .words
                    .fill(Key::FocusLegend, &[("name", &entry.text.lines.join(" "))]);
                focusable(out, &format!("jm-legend-entry {class}"), *key, label);
            }
            match &entry.mark {
                LegendMark::Channel { icon: kind, .. } => {
                    icon(out, *kind, s.x, s.y, s.width / 16.0)
                }
                LegendMark::Persona { persona, .. } => out.empty(
                    "circle",
                    &[
                        (
                            "class",
                            format!("jm-persona-marker {}", classes::persona(*persona)).into(),
                        ),
                        ("cx", (s.x + s.width / 2.0).into()),
                        ("cy", (s.y + s.height / 2.0).into()),
                        ("r", (s.width / 2.0 - 1.0).into()),
                    ],
                ),
                LegendMark::Assumption => {
                    out.open("g", &[("class", classes::ASSUMPTION.into())]);
                    out.rect("jm-card-box", s, 3.0);
                    out.close();
                }
                LegendMark::Tag { kind } => {
                    out.open("g", &[("class", super::cards::chip_class(*kind).into())]);
                    out.empty(
                        "rect",
                        &[
                            ("class", "jm-chip".into()),
                            ("x", s.x.into()),
                            ("y", (s.y + 2.0).into()),
                            ("width", s.width.into()),
                            ("height", (s.height - 4.0).into()),
                            ("rx", 3.0.into()),
                        ],
                    );
                    out.close();
                }
            }
            text_block(out, &entry.text, None);
            if key.is_some() {
                out.close();
            }
        }
        out.close();
    }
    if let Some(footer) = &layout.footer {
        out.open("g", &[("class", "jm-footer".into())]);
        text_block(out, &footer.heading, None);
        for text in footer.numbers.iter().chain(&footer.sources) {
            text_block(out, text, None);
        }
        out.close();
    }
}

pub fn details(out: &mut Svg, layout: &Layout, prefix: &str) {
    if layout.details.is_empty() {
        return;
    }
    out.open("g", &[("class", "jm-details".into())]);
    for panel in &layout.details {
        let id = format!("{prefix}-detail-{}", panel.stage_index);
        out.open(
            "g",
            &[
                ("class", classes::DETAIL.into()),
                ("id", id.into()),
                (classes::STAGE_INDEX, panel.stage_index.into()),
            ],
        );
        let r = panel.rect;
        out.rect("jm-detail-box", r, 10.0);
        for bar in &panel.quote_bars {
            out.rect("jm-quote-bar", *bar, 0.0);
        }
        for text in &panel.texts {
            text_block(out, text, None);
        }
        out.close();
    }
    out.close();
}
