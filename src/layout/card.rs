//! One item as a card: its text, channel icon, tags, owner and persona
//! markers, the numbered references to its sources and the mark of an
//! assumption, sized so that nothing is cut: the card grows to fit.

use super::geometry::Rect;
use super::text::{Align, BADGE, CARD, STACKED_BADGE, Style, TextBlock};
use crate::i18n::Key;
use crate::model::{Confidence, Icon, Item, Map, Tag, Tone};
use crate::text::TextMeasure;
use serde::{Serialize, Serializer};

/// The schemes a card's link can have (the format's rule): the renderer
/// draws a link only for these, and a page may narrow them further.
pub use crate::validate::rules::ALLOWED_SCHEMES as LINK_SCHEMES;

pub const PADDING: f64 = 10.0;
const ICON_SIZE: f64 = 16.0;
const ICON_GAP: f64 = 6.0;
const CHIP_GAP: f64 = 4.0;
const CHIP_PAD_X: f64 = 6.0;
const CHIP_PAD_Y: f64 = 2.0;
const MARKER_SIZE: f64 = 10.0;

/// A card; its text's lines are kept once, in [`Card::text`] (the layout's
/// JSON shows them as the card's `lines`).
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// The stage's id.
    pub stage: String,
    /// The lane's id.
    pub lane: String,
    pub stage_index: usize,
    pub lane_index: usize,
    pub item_index: usize,
    /// The item's text as written, for the card's accessible name (lines
    /// joined by spaces would split words in scripts without spaces).
    pub label: String,
    /// The card's text, wrapped into lines.
    pub text: TextBlock,
    pub tone: Tone,
    pub icon: Option<ChannelIcon>,
    pub chips: Vec<Chip>,
    pub score: Option<f64>,
    pub url: Option<String>,
    pub has_detail: bool,
    /// The personas the item is for (indices); empty means every persona.
    pub personas: Vec<usize>,
    /// The item's owner, as an index into the layout's `focus.owners`.
    pub owner: Option<usize>,
    /// Whether the item is an assumption (`confidence: "assumption"`): drawn
    /// so that no one takes it for a finding.
    pub assumption: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChannelIcon {
    pub rect: Rect,
    pub icon: Icon,
    pub channel: usize,
    pub name: String,
}

/// Something small in the row under a card's text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chip {
    pub rect: Rect,
    pub kind: ChipKind,
    /// The chip's text; persona markers, detail and link hints have none.
    pub text: Option<TextBlock>,
    /// For persona markers: the persona's index and name.
    pub persona: Option<(usize, String)>,
    /// For owner chips: the owner's index in the layout's `focus.owners`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChipKind {
    Pain,
    Gain,
    MomentOfTruth,
    DropOff,
    Tag,
    Channel,
    Owner,
    Persona,
    Detail,
    Link,
    /// The mark of an assumption.
    Assumption,
    /// The numbers of the sources the item rests on, as in the Sources list.
    Sources,
    /// The scorecard's mark on the channel to look at first.
    LookHere,
}

/// Where a card sits: its stage and lane, and the item's position in the
/// cell.
pub struct Slot<'a> {
    pub stage_index: usize,
    pub lane_index: usize,
    pub item_index: usize,
    pub stage_id: &'a str,
    pub lane_id: &'a str,
    pub tone: Tone,
    pub look: ChipLook,
}

/// How a card's chips are made in each layout.
#[derive(Debug, Clone, Copy)]
pub struct ChipLook {
    /// Whether the card names its channel in a chip (the stacked layout's
    /// `byChannel` lanes, which have no channel rows to say it).
    pub channel: bool,
    /// The chips' text.
    pub badge: Style,
}

impl ChipLook {
    pub const WIDE: ChipLook = ChipLook {
        channel: false,
        badge: BADGE,
    };
    /// Stacked, on a phone, the badges are as large as the smallest text
    /// the layout allows there.
    pub const STACKED: ChipLook = ChipLook {
        channel: false,
        badge: STACKED_BADGE,
    };
}

impl ChipKind {
    pub fn of_tag(tag: &Tag) -> ChipKind {
        match tag {
            Tag::Pain => ChipKind::Pain,
            Tag::Gain => ChipKind::Gain,
            Tag::MomentOfTruth => ChipKind::MomentOfTruth,
            Tag::DropOff => ChipKind::DropOff,
            Tag::Custom(_) => ChipKind::Tag,
        }
    }
}

/// A card as the layout's JSON shows it: the wrapped `lines` on the card
/// (a name other tools rely on), its text block without them.
#[derive(Serialize)]
struct CardJson<'a> {
    x: f64,
    y: f64,
    width: f64,
    height: f64,
    stage: &'a str,
    lane: &'a str,
    stage_index: usize,
    lane_index: usize,
    item_index: usize,
    lines: &'a [String],
    label: &'a str,
    text: PlacedText<'a>,
    tone: Tone,
    icon: &'a Option<ChannelIcon>,
    chips: &'a [Chip],
    score: Option<f64>,
    url: &'a Option<String>,
    has_detail: bool,
    #[serde(skip_serializing_if = "<[usize]>::is_empty")]
    personas: &'a [usize],
    #[serde(skip_serializing_if = "Option::is_none")]
    owner: Option<usize>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    assumption: bool,
}

/// A text block's place and look, without its lines.
#[derive(Serialize)]
struct PlacedText<'a> {
    x: f64,
    y: f64,
    width: f64,
    style: &'a Style,
    rtl: bool,
    #[serde(skip_serializing_if = "Align::is_start")]
    align: Align,
}

impl Serialize for Card {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        CardJson {
            x: self.x,
            y: self.y,
            width: self.width,
            height: self.height,
            stage: &self.stage,
            lane: &self.lane,
            stage_index: self.stage_index,
            lane_index: self.lane_index,
            item_index: self.item_index,
            lines: &self.text.lines,
            label: &self.label,
            text: PlacedText {
                x: self.text.x,
                y: self.text.y,
                width: self.text.width,
                style: &self.text.style,
                rtl: self.text.rtl,
                align: self.text.align,
            },
            tone: self.tone,
            icon: &self.icon,
            chips: &self.chips,
            score: self.score,
            url: &self.url,
            has_detail: self.has_detail,
            personas: &self.personas,
            owner: self.owner,
            assumption: self.assumption,
        }
        .serialize(serializer)
    }
}

impl Card {
    pub fn rect(&self) -> Rect {
        Rect::new(self.x, self.y, self.width, self.height)
    }

    /// Moves the card and everything in it.
    pub fn shift(&mut self, dx: f64, dy: f64) {
        self.x += dx;
        self.y += dy;
        self.text.shift(dx, dy);
        if let Some(icon) = &mut self.icon {
            icon.rect.x += dx;
            icon.rect.y += dy;
        }
        for chip in &mut self.chips {
            chip.rect.x += dx;
            chip.rect.y += dy;
            if let Some(text) = &mut chip.text {
                text.shift(dx, dy);
            }
        }
    }
}

/// Lays out an item as a card of `width` with its top-left corner at the
/// origin; the caller moves it into place.
pub fn build(
    measure: &dyn TextMeasure,
    map: &Map,
    item: &Item,
    slot: Slot<'_>,
    width: f64,
) -> Card {
    let inner = width - 2.0 * PADDING;
    let channel = item
        .channel
        .and_then(|i| map.channels.get(i).map(|ch| (i, ch)));
    let text_x = if channel.is_some() {
        PADDING + ICON_SIZE + ICON_GAP
    } else {
        PADDING
    };
    let text = TextBlock::new(
        measure,
        &item.text,
        text_x,
        PADDING,
        width - PADDING - text_x,
        CARD,
    );
    let icon = channel.map(|(index, ch)| ChannelIcon {
        rect: Rect::new(
            PADDING,
            PADDING + (CARD.line_height - ICON_SIZE) / 2.0,
            ICON_SIZE,
            ICON_SIZE,
        ),
        icon: ch.icon,
        channel: index,
        name: ch.name.clone(),
    });
    let content_bottom = text
        .bottom()
        .max(icon.as_ref().map_or(0.0, |i| i.rect.bottom()));
    let channel_name = channel
        .filter(|_| slot.look.channel)
        .map(|(_, ch)| ch.name.as_str());
    let chips = chips(
        measure,
        map,
        item,
        slot.look.badge,
        channel_name,
        (PADDING, content_bottom + 6.0),
        inner,
    );
    let bottom = chips
        .iter()
        .map(|chip| chip.rect.bottom())
        .fold(content_bottom, f64::max);
    Card {
        x: 0.0,
        y: 0.0,
        width,
        height: bottom + PADDING,
        stage: slot.stage_id.to_owned(),
        lane: slot.lane_id.to_owned(),
        stage_index: slot.stage_index,
        lane_index: slot.lane_index,
        item_index: slot.item_index,
        label: item.text.clone(),
        text,
        tone: slot.tone,
        icon,
        chips,
        score: item.score,
        url: item.url.clone(),
        has_detail: item.detail.is_some(),
        personas: item.personas.clone(),
        owner: None,
        assumption: item.confidence == Some(Confidence::Assumption),
    }
}

/// The row (or rows) under the text, from `left, top`: the assumption mark,
/// the channel's name when given, persona markers, tags, owner, the
/// references to the item's sources (their numbers in the Sources list,
/// which are their positions in `sources`), and hints that the card has
/// details or a link. Chips flow left to right and wrap.
fn chips(
    measure: &dyn TextMeasure,
    map: &Map,
    item: &Item,
    badge: Style,
    channel_name: Option<&str>,
    (left, top): (f64, f64),
    width: f64,
) -> Vec<Chip> {
    let mut flow = Flow {
        left,
        right: left + width,
        x: left,
        y: top,
        row_height: 0.0,
        badge,
        chips: Vec::new(),
    };
    if item.confidence == Some(Confidence::Assumption) {
        flow.labelled(
            measure,
            map.words.get(Key::Assumption),
            ChipKind::Assumption,
        );
    }
    if map.personas.len() > 1 {
        for &index in &item.personas {
            let name = map
                .personas
                .get(index)
                .map(|p| p.name.clone())
                .unwrap_or_default();
            flow.place(
                MARKER_SIZE,
                MARKER_SIZE,
                ChipKind::Persona,
                None,
                Some((index, name)),
            );
        }
    }
    if let Some(name) = channel_name {
        flow.labelled(measure, name, ChipKind::Channel);
    }
    for tag in &item.tags {
        flow.labelled(measure, tag.label(&map.words), ChipKind::of_tag(tag));
    }
    if let Some(owner) = &item.owner {
        flow.labelled(measure, owner, ChipKind::Owner);
    }
    if !item.sources.is_empty() {
        let numbers: Vec<String> = item
            .sources
            .iter()
            .map(|&s| map.words.number((s + 1) as f64))
            .collect();
        flow.labelled(
            measure,
            &format!("[{}]", numbers.join(", ")),
            ChipKind::Sources,
        );
    }
    if item.detail.is_some() {
        flow.place(14.0, 14.0, ChipKind::Detail, None, None);
    }
    if item.url.is_some() {
        flow.place(14.0, 14.0, ChipKind::Link, None, None);
    }
    flow.chips
}

struct Flow {
    left: f64,
    right: f64,
    x: f64,
    y: f64,
    row_height: f64,
    badge: Style,
    chips: Vec<Chip>,
}

impl Flow {
    fn place(
        &mut self,
        width: f64,
        height: f64,
        kind: ChipKind,
        text: Option<TextBlock>,
        persona: Option<(usize, String)>,
    ) {
        if self.x > self.left && self.x + width > self.right {
            self.x = self.left;
            self.y += self.row_height + CHIP_GAP;
            self.row_height = 0.0;
        }
        let rect = Rect::new(self.x, self.y, width, height);
        let text = text.map(|mut block| {
            block.shift(rect.x, rect.y);
            block
        });
        self.chips.push(Chip {
            rect,
            kind,
            text,
            persona,
            owner: None,
        });
        self.x += width + CHIP_GAP;
        self.row_height = self.row_height.max(height);
    }

    /// A chip with a label, wrapped if it is wider than the card.
    fn labelled(&mut self, measure: &dyn TextMeasure, label: &str, kind: ChipKind) {
        let room = self.right - self.left;
        let (text, width, height) = badge_box(measure, label, kind, self.badge, room);
        self.place(width, height, kind, Some(text), None);
    }
}

/// A badge's text in `style` (placed from the badge's top-left corner),
/// width and height, at most `max_width` wide: the text wraps if it is
/// wider.
fn badge_box(
    measure: &dyn TextMeasure,
    label: &str,
    kind: ChipKind,
    style: Style,
    max_width: f64,
) -> (TextBlock, f64, f64) {
    let extra = if kind == ChipKind::Owner { 14.0 } else { 0.0 };
    let max_text = (max_width - 2.0 * CHIP_PAD_X - extra).max(1.0);
    let natural = super::text::natural_width(measure, label, style);
    let mut text = TextBlock::new(
        measure,
        label,
        CHIP_PAD_X + extra,
        CHIP_PAD_Y,
        natural.min(max_text),
        style,
    );
    // A wrapped label's box shrinks to its longest line, so that it stays
    // inside the chip (a mirrored map anchors the lines at its right edge).
    text.width = text.width.min(text.content_width(measure));
    let width = text.width + 2.0 * CHIP_PAD_X + extra;
    let height = text.height() + 2.0 * CHIP_PAD_Y;
    (text, width, height)
}

/// A badge in `style` standing alone (not on a card), its top-left corner
/// at `x, y`.
pub fn badge(
    measure: &dyn TextMeasure,
    label: &str,
    kind: ChipKind,
    style: Style,
    (x, y): (f64, f64),
    max_width: f64,
) -> Chip {
    let (mut text, width, height) = badge_box(measure, label, kind, style, max_width);
    text.shift(x, y);
    Chip {
        rect: Rect::new(x, y, width, height),
        kind,
        text: Some(text),
        persona: None,
        owner: None,
    }
}
