//! Cards: the box (dashed for an assumption), the channel icon, the text (a
//! link when the item has one), and the chips under it. A card's persona
//! markers are dots (see [`super::dots`]), one path per persona and card
//! look; the card's accessible name says its score and personas, which its
//! markers and its emotion points show without words.

use super::RenderOptions;
use super::dots::Dots;
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
    let mut markers = Dots::default();
    for (index, card) in layout.cards.iter().enumerate() {
        draw(out, layout, index, card, options, &mut markers);
    }
    markers.draw(out);
    out.close();
}

/// The card's accessible name: its text, with the score its emotion points
/// plot (`emotion-point`) and the personas its markers show
/// (`card-personas`).
fn accessible_name(layout: &Layout, card: &Card) -> String {
    let words = &layout.words;
    let mut name = card.label.clone();
    if let (Some(score), false) = (card.score, layout.emotion.is_empty()) {
        let value = words.number(score);
        name = words.fill(Key::EmotionPoint, &[("label", &name), ("value", &value)]);
    }
    let mut names = String::new();
    for (_, persona) in card.chips.iter().filter_map(|chip| chip.persona.as_ref()) {
        if !names.is_empty() {
            names.push_str(", ");
        }
        names.push_str(persona);
    }
    if !names.is_empty() {
        name = words.fill(Key::CardPersonas, &[("label", &name), ("names", &names)]);
    }
    name
}

fn draw(
    out: &mut Svg,
    layout: &Layout,
    index: usize,
    card: &Card,
    options: &RenderOptions,
    markers: &mut Dots,
) {
    // A neutral card is drawn as any card: only the other tones are named.
    let tone = match card.tone {
        Tone::Neutral => None,
        Tone::Positive => Some("jm-tone-positive"),
        Tone::Negative => Some("jm-tone-negative"),
        Tone::Idea => Some("jm-tone-idea"),
    };
    let mark = marks::card_mark(layout, index);
    // What a card's look adds to `jm-card`, which its markers share, so
    // that they are dimmed and marked with it.
    let mut look = String::new();
    let mut add = |name: &str| {
        look.push(' ');
        look.push_str(name);
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
    if let Some(mark) = mark {
        add(marks::class(mark.mark));
    }
    let mut class = format!("{}{look}", classes::CARD);
    if !card.personas.is_empty() {
        class.push(' ');
        class.push_str(classes::FOR_PERSONAS);
        for &persona in &card.personas {
            class.push(' ');
            class.push_str(&classes::for_persona(persona));
        }
    }
    // The stage index only: which lane and item a card is, nothing outside
    // the renderer asks.
    // A group with a name is a group to assistive technology (SVG-AAM):
    // no `role` needed.
    let attributes = [
        ("class", class.into()),
        ("aria-label", accessible_name(layout, card).into()),
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
        if let (ChipKind::Persona, Some((persona, name))) = (chip.kind, &chip.persona) {
            let class = format!(
                "jm-persona-marker jm-dots {}{look}",
                classes::persona(*persona)
            );
            let r = chip.rect;
            // The marker and its 1-wide stroke.
            let at = (r.x + r.width / 2.0, r.y + r.height / 2.0);
            markers.add(&class, r.width.min(r.height) + 1.0, Some(name), at);
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
        // A card's markers are dots, drawn all together by `cards`.
        ChipKind::Persona => {}
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
