//! The validated map: what layout works from.
//!
//! Everything here is resolved: ids are unique, references are indices,
//! defaults are filled in, colours are parsed, texts are cleaned of the
//! characters XML cannot carry. A `Map` can only be made by
//! [`crate::validate()`], so layout and rendering never check anything again.

use crate::format::{Keyword, keywords};
use crate::i18n::{Key, Words};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Map {
    pub title: String,
    pub description: Option<String>,
    pub personas: Vec<Persona>,
    /// The twelve built-in channels (renamed or recoloured where the map says
    /// so) followed by the map's own, in document order.
    pub channels: Vec<Channel>,
    pub lanes: Vec<Lane>,
    pub stages: Vec<Stage>,
    pub sources: Vec<Source>,
    pub theme: Theme,
    /// The map's language tag, well formed and in conventional case
    /// (`pt-BR`); `None` when the map does not say (English is assumed).
    pub lang: Option<String>,
    pub dir: Dir,
    /// The built-in words in the map's language with its `labels` over
    /// them: what layout writes wherever the map says nothing itself.
    #[serde(skip)]
    pub words: Words,
    pub lint: Lint,
}

keywords! {
    /// The reading direction of the whole map.
    pub enum Dir {
        Ltr = "ltr",
        Rtl = "rtl",
        /// From `lang`, or without it from the title's first strong character.
        Auto = "auto",
    }
}

/// What the map says about the linter.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Lint {
    /// Rule ids switched off for this map, each one of
    /// [`crate::format::spec::LINT_RULES`].
    pub allow: Vec<String>,
}

/// Where some of the map's data came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// Set when the source is an object; items cite it by this id.
    pub id: Option<String>,
    pub text: String,
    pub kind: Option<SourceKind>,
}

keywords! {
    /// What kind of research a source is.
    pub enum SourceKind {
        Survey = "survey",
        Analytics = "analytics",
        Support = "support",
        Interview = "interview",
        Social = "social",
        Observation = "observation",
        Other = "other",
    }
}

keywords! {
    /// How sure the team is of an item.
    pub enum Confidence {
        Assumption = "assumption",
        Observed = "observed",
        Measured = "measured",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Persona {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub goals: Vec<String>,
    pub frustrations: Vec<String>,
    pub color: Option<Color>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Channel {
    pub id: String,
    pub name: String,
    pub icon: Icon,
    pub color: Option<Color>,
    /// Percent of all contacts that use this channel.
    pub share: Option<f64>,
    /// How the channel performs, as its team measures it.
    pub metrics: Vec<Metric>,
}

keywords! {
    /// The built-in channels; each has an icon of its own, which custom
    /// channels borrow.
    #[derive(PartialOrd, Ord)]
    pub enum Icon {
        Web = "web",
        Mobile = "mobile",
        Chat = "chat",
        Phone = "phone",
        Email = "email",
        Sms = "sms",
        Social = "social",
        Store = "store",
        Mail = "mail",
        Video = "video",
        Kiosk = "kiosk",
        Other = "other",
    }
}

impl Icon {
    pub fn id(self) -> &'static str {
        self.keyword()
    }

    /// The built-in word that names a built-in channel unless the map
    /// renames it.
    pub fn name_key(self) -> Key {
        match self {
            Icon::Web => Key::ChannelWeb,
            Icon::Mobile => Key::ChannelMobile,
            Icon::Chat => Key::ChannelChat,
            Icon::Phone => Key::ChannelPhone,
            Icon::Email => Key::ChannelEmail,
            Icon::Sms => Key::ChannelSms,
            Icon::Social => Key::ChannelSocial,
            Icon::Store => Key::ChannelStore,
            Icon::Mail => Key::ChannelMail,
            Icon::Video => Key::ChannelVideo,
            Icon::Kiosk => Key::ChannelKiosk,
            Icon::Other => Key::ChannelOther,
        }
    }

    pub fn from_id(id: &str) -> Option<Icon> {
        Icon::from_keyword(id)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lane {
    pub id: String,
    pub kind: LaneKind,
    pub label: String,
    pub tone: Tone,
    pub by_channel: bool,
}

keywords! {
    pub enum LaneKind {
        Text = "text",
        Touchpoints = "touchpoints",
        Emotion = "emotion",
        Metrics = "metrics",
        Line = "line",
    }
}

impl LaneKind {
    /// Emotion, metrics and line lanes are drawn from other data and hold no
    /// items of their own.
    pub fn holds_items(self) -> bool {
        matches!(self, LaneKind::Text | LaneKind::Touchpoints)
    }
}

keywords! {
    pub enum Tone {
        Neutral = "neutral",
        Positive = "positive",
        Negative = "negative",
        Idea = "idea",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stage {
    pub id: String,
    pub name: String,
    pub goal: Option<String>,
    pub description: Option<String>,
    pub duration: Option<String>,
    pub detail: Option<String>,
    pub quotes: Vec<String>,
    pub score: Option<f64>,
    pub reach: Option<f64>,
    pub metrics: Vec<Metric>,
    /// One list of items per lane, in the order of [`Map::lanes`].
    pub cells: Vec<Vec<Item>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metric {
    pub label: String,
    pub value: MetricValue,
    pub unit: Option<String>,
    pub target: Option<MetricValue>,
    /// Whether a value above the target meets it or misses it; without it
    /// the target is shown and nothing is judged.
    pub better: Option<Better>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum MetricValue {
    Number(f64),
    Text(String),
}

keywords! {
    pub enum Better {
        Higher = "higher",
        Lower = "lower",
    }
}

impl Metric {
    /// `Some(true)` when the value meets its target, `None` when there is no
    /// numeric target to compare with.
    pub fn target_met(&self) -> Option<bool> {
        match (&self.value, &self.target) {
            (MetricValue::Number(value), Some(MetricValue::Number(target))) => {
                Some(match self.better? {
                    Better::Higher => value >= target,
                    Better::Lower => value <= target,
                })
            }
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub text: String,
    pub detail: Option<String>,
    /// Index into [`Map::channels`].
    pub channel: Option<usize>,
    pub score: Option<f64>,
    /// Indices into [`Map::personas`]; empty means every persona.
    pub personas: Vec<usize>,
    pub tags: Vec<Tag>,
    pub owner: Option<String>,
    /// Already checked against the link policy and cleaned the way a
    /// browser would clean it.
    pub url: Option<String>,
    /// Indices into [`Map::sources`].
    pub sources: Vec<usize>,
    pub confidence: Option<Confidence>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tag {
    Pain,
    Gain,
    MomentOfTruth,
    DropOff,
    Custom(String),
}

impl Tag {
    pub fn from_text(text: &str) -> Tag {
        [Tag::Pain, Tag::Gain, Tag::MomentOfTruth, Tag::DropOff]
            .into_iter()
            .find(|tag| tag.keyword() == text)
            .unwrap_or_else(|| Tag::Custom(text.to_owned()))
    }

    /// The tag as the format writes it (`moment-of-truth`), whatever the
    /// map's language.
    pub fn keyword(&self) -> &str {
        match self {
            Tag::Pain => "pain",
            Tag::Gain => "gain",
            Tag::MomentOfTruth => "moment-of-truth",
            Tag::DropOff => "drop-off",
            Tag::Custom(text) => text,
        }
    }

    /// The text shown on the badge: a built-in tag's word in the map's
    /// language, a custom tag as written.
    pub fn label<'a>(&'a self, words: &'a Words) -> &'a str {
        match self {
            Tag::Pain => words.get(Key::TagPain),
            Tag::Gain => words.get(Key::TagGain),
            Tag::MomentOfTruth => words.get(Key::TagMomentOfTruth),
            Tag::DropOff => words.get(Key::TagDropOff),
            Tag::Custom(text) => text,
        }
    }
}

/// A colour parsed from `#rgb` or `#rrggbb`; it is written back as
/// `#rrggbb`, never as the input text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Color {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Color {
    pub fn parse(text: &str) -> Option<Color> {
        let hex = text.strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| {
            hex.get(i..i + 1)
                .and_then(|d| u8::from_str_radix(d, 16).ok())
        };
        let pair = |i: usize| {
            hex.get(i..i + 2)
                .and_then(|d| u8::from_str_radix(d, 16).ok())
        };
        match hex.len() {
            3 => Some(Color {
                r: digit(0)? * 17,
                g: digit(1)? * 17,
                b: digit(2)? * 17,
            }),
            6 => Some(Color {
                r: pair(0)?,
                g: pair(2)?,
                b: pair(4)?,
            }),
            _ => None,
        }
    }

    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

keywords! {
    pub enum ThemeMode {
        Light = "light",
        Dark = "dark",
        /// Follows the viewer's `prefers-color-scheme`.
        Auto = "auto",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Theme {
    pub mode: ThemeMode,
    pub accent: Option<Color>,
    pub positive: Option<Color>,
    pub negative: Option<Color>,
    pub neutral: Option<Color>,
    pub background: Option<Color>,
    pub text: Option<Color>,
    /// Family names, already checked to be letters, digits, spaces and
    /// hyphens, separated by commas.
    pub font: Option<String>,
}

impl Theme {
    pub fn of_mode(mode: ThemeMode) -> Theme {
        Theme {
            mode,
            accent: None,
            positive: None,
            negative: None,
            neutral: None,
            background: None,
            text: None,
            font: None,
        }
    }
}
