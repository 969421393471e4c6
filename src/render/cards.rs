//! Cards: the box (dashed for an assumption), the channel icon, the text (a
//! link when the item has one), and the chips under it.

use super::RenderOptions;
use super::marks;
use super::panels::icon;
use super::svg::Svg;
use super::{classes, text_block};
use crate::i18n::Key;
use crate::layout::{Card, Chip, ChipKind, Layout, Tone};

pub fn chip_class(kind: ChipKind) -> &'static str {
    match kind {
        ChipKind::Pain => "jm-badge jm-chip-pain",
        ChipKind::Gain => "jm-badge jm-chip-gain",
        ChipKind::MomentOfTruth => "jm-badge jm-chip-moment-of-truth",
        ChipKind::DropOff => "jm-badge jm-chip-drop-off",
        ChipKind::Tag => "jm-badge jm-chip-tag",
        ChipKind::Channel => "jm-badge jm-chip-channel",
        ChipKind::Owner => "jm-owner jm-chip-owner",
        ChipKind::Persona => "jm-persona-marker",
        ChipKind::Detail => "jm-detail-hint",
        ChipKind::Link => "jm-link-hint",
        ChipKind::Assumption => "jm-badge jm-chip-assumption",
        ChipKind::Sources => "jm-badge jm-chip-sources",
        ChipKind::LookHere => "jm-badge jm-chip-look-here",
    }
}

pub fn cards(out: &mut Svg, layout: &Layout, options: &RenderOptions) {
    out.open("g", &[("class", "jm-cards".into())]);
    for (index, card) in layout.cards.iter().enumerate() {
        draw(out, layout, index, card, options);
    }
    out.close();
}

fn draw(out: &mut Svg, layout: &Layout, index: usize, card: &Card, options: &RenderOptions) {
    // A neutral card is drawn as any card: only the other tones are named.
    let tone = match card.tone {
        Tone::Neutral => None,
        Tone::Positive => Some("jm-tone-positive"),
        Tone::Negative => Some("jm-tone-negative"),
        Tone::Idea => Some("jm-tone-idea"),
    };
    let mark = marks::card_mark(layout, index);
    let mut class = classes::CARD.to_owned();
    let mut add = |name: &str| {
        class.push(' ');
        class.push_str(name);
    };
    if let Some(tone) = tone {
        add(tone);
    }
    if let Some(channel) = &card.icon {
        add(&classes::channel(channel.channel));
    }
    if let Some(owner) = card.owner {
        add(&classes::owner(owner));
    }
    if card.assumption {
        add(classes::ASSUMPTION);
    }
    if !card.personas.is_empty() {
        add(classes::FOR_PERSONAS);
        for &persona in &card.personas {
            add(&classes::for_persona(persona));
        }
    }
    if let Some(mark) = mark {
        add(marks::class(mark.mark));
    }
    // The stage index only: which lane and item a card is, nothing outside
    // the renderer asks.
    let attributes = [
        ("class", class.into()),
        ("role", "group".into()),
        ("aria-label", card.label.as_str().into()),
        (classes::STAGE_INDEX, card.stage_index.into()),
    ];
    out.open("g", &attributes);
    out.rect("jm-card-box", card.rect(), 6.0);
    if let Some(channel) = &card.icon {
        icon(
            out,
            channel.icon,
            channel.rect.x,
            channel.rect.y,
            channel.rect.width / 16.0,
        );
    }
    let link = card.url.as_ref().filter(|url| options.allows_link(url));
    match link {
        Some(url) => {
            out.open(
                "a",
                &[
                    ("class", "jm-link".into()),
                    ("href", url.as_str().into()),
                    ("target", "_blank".into()),
                    ("rel", "noopener noreferrer".into()),
                ],
            );
            text_block(out, &card.text, None);
            out.close();
        }
        None => text_block(out, &card.text, None),
    }
    for chip in &card.chips {
        // A link the page does not allow is not drawn, nor is its hint.
        if matches!(chip.kind, ChipKind::Link) && link.is_none() {
            continue;
        }
        draw_chip(out, layout, chip);
    }
    if let Some(mark) = mark {
        marks::card_extras(out, mark);
    }
    out.close();
}

pub fn draw_chip(out: &mut Svg, layout: &Layout, chip: &Chip) {
    let r = chip.rect;
    match chip.kind {
        ChipKind::Persona => {
            let Some((index, name)) = &chip.persona else {
                return;
            };
            out.open(
                "circle",
                &[
                    (
                        "class",
                        format!("jm-persona-marker {}", classes::persona(*index)).into(),
                    ),
                    ("cx", (r.x + r.width / 2.0).into()),
                    ("cy", (r.y + r.height / 2.0).into()),
                    ("r", (r.width.min(r.height) / 2.0).into()),
                ],
            );
            out.text_element("title", &[], name);
            out.close();
        }
        ChipKind::Detail => {
            let path = format!(
                "M{x} {y}m-6 0a6 6 0 1 0 12 0a6 6 0 1 0-12 0M{x} {y}v3.2M{x} {top}h.01",
                x = super::svg::number(r.x + 7.0),
                y = super::svg::number(r.y + 7.0),
                top = super::svg::number(r.y + 4.2)
            );
            out.open(
                "path",
                &[("class", "jm-detail-hint".into()), ("d", path.into())],
            );
            out.text_element("title", &[], layout.words.get(Key::HasDetails));
            out.close();
        }
        ChipKind::Link => {
            let path = format!(
                "M{a} {b}h-4v8h8v-4M{c} {d}h5v5M{e} {f}l-6 6",
                a = super::svg::number(r.x + 6.0),
                b = super::svg::number(r.y + 3.0),
                c = super::svg::number(r.x + 8.0),
                d = super::svg::number(r.y + 1.0),
                e = super::svg::number(r.x + 13.0),
                f = super::svg::number(r.y + 1.0)
            );
            out.open(
                "path",
                &[("class", "jm-link-hint".into()), ("d", path.into())],
            );
            out.text_element("title", &[], layout.words.get(Key::HasLink));
            out.close();
        }
        kind => {
            match (kind, chip.owner, &chip.text) {
                (ChipKind::Owner, Some(owner), Some(text)) => {
                    let label = layout
                        .words
                        .fill(Key::FocusOwner, &[("name", &text.lines.join(" "))]);
                    let class = format!("{} {}", chip_class(kind), classes::FOCUSABLE);
                    out.open(
                        "g",
                        &[
                            ("class", class.into()),
                            (classes::OWNER_INDEX, owner.into()),
                            ("role", "button".into()),
                            ("tabindex", "0".into()),
                            ("aria-label", label.into()),
                        ],
                    );
                }
                _ => out.open("g", &[("class", chip_class(kind).into())]),
            }
            out.empty(
                "rect",
                &[
                    ("class", "jm-chip".into()),
                    ("x", r.x.into()),
                    ("y", r.y.into()),
                    ("width", r.width.into()),
                    ("height", r.height.into()),
                    (
                        "rx",
                        if kind == ChipKind::Owner {
                            r.height / 2.0
                        } else {
                            3.0
                        }
                        .into(),
                    ),
                ],
            );
            if kind == ChipKind::Owner {
                let path = format!(
                    "M{x} {y}m-2.5 0a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0-5 0M{l} {b}a4 4 0 0 1 8 0",
                    x = super::svg::number(r.x + 10.0),
                    y = super::svg::number(r.y + 6.5),
                    l = super::svg::number(r.x + 6.0),
                    b = super::svg::number(r.y + 14.0)
                );
                out.empty(
                    "path",
                    &[("class", "jm-detail-hint".into()), ("d", path.into())],
                );
            }
            if let Some(text) = &chip.text {
                text_block(out, text, None);
            }
            out.close();
        }
    }
}
