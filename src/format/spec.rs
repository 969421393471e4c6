//! Every object of the format, field by field: name, type, whether it is
//! required. The validator's readers take their fields from here (unknown
//! fields, "did you mean", limits, number ranges and keyword lists all
//! follow), and `tests/schema.rs` holds the JSON Schema to it.

use super::Keyword;
use super::limits::{LONG_TEXT, SHORT_TEXT};
use crate::model::{Better, Confidence, Dir, Icon, LaneKind, SourceKind, ThemeMode, Tone};

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Type {
    /// A one-line text of at most [`SHORT_TEXT`] characters.
    ShortText,
    /// A text of at most [`LONG_TEXT`] characters.
    LongText,
    /// Any string, not shown (`$schema`).
    String,
    /// The format version: 1.
    Version,
    Id,
    Color,
    Url,
    Font,
    /// A BCP 47 language tag.
    Lang,
    Bool,
    /// A number within a range.
    Number(&'static Range),
    /// One of a list of words.
    Keyword(&'static [&'static str]),
    /// A metric's value or target: a number or a text.
    MetricValue,
    /// A stage's cells: lane id → array of items.
    Cells,
    /// Built-in words replaced: key ([`crate::i18n::Key`]) → text.
    Labels,
    /// An array of values of one type.
    List(&'static Type),
    /// An object of the kind named (its schema definition).
    Object(&'static str),
    /// A value of either type (an item is a string or an object).
    Either(&'static Type, &'static Type),
}

impl Type {
    /// The most characters a text of this type may have.
    pub fn text_limit(&self) -> usize {
        match self {
            Type::LongText => LONG_TEXT,
            _ => SHORT_TEXT,
        }
    }
}

/// The numbers a field accepts; `expected` says it in messages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub min: f64,
    pub max: f64,
    pub expected: &'static str,
}

/// One field of an object.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Field {
    pub name: &'static str,
    pub ty: Type,
    /// For a required field, what is expected, said when it is missing;
    /// empty for an optional one.
    pub missing: &'static str,
}

impl Field {
    pub const fn optional(name: &'static str, ty: Type) -> Field {
        Field {
            name,
            ty,
            missing: "",
        }
    }

    pub const fn required(name: &'static str, ty: Type, missing: &'static str) -> Field {
        Field { name, ty, missing }
    }

    pub fn is_required(&self) -> bool {
        !self.missing.is_empty()
    }
}

/// One kind of object.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ObjectSpec {
    /// Its definition in the JSON Schema (`$defs`); empty for the map.
    pub def: &'static str,
    /// What it is, for "expected …, found …".
    pub expected: &'static str,
    pub fields: &'static [&'static Field],
}

impl ObjectSpec {
    pub fn names(&self) -> impl Iterator<Item = &'static str> + Clone {
        self.fields.iter().map(|field| field.name)
    }
}

/// The rules `journeymap lint` knows, by id: what `lint.allow` may name.
pub const LINT_RULES: [&str; 8] = [
    "target-without-better",
    "funnel-grows",
    "low-score-without-pain",
    "pain-without-opportunity",
    "unused-persona",
    "stage-without-touchpoint",
    "score-without-evidence",
    "assumption-at-moment-of-truth",
];

/// The themes a theme object may start from.
pub const THEME_BASES: [&str; 2] = ["light", "dark"];

const SCORE: Type = Type::Number(&Range {
    min: 1.0,
    max: 5.0,
    expected: "a number from 1 (very negative) to 5 (very positive)",
});
const STRING: &str = "a string";

pub mod map {
    use super::*;
    pub static VERSION: Field = Field::optional("version", Type::Version);
    pub static SCHEMA: Field = Field::optional("$schema", Type::String);
    pub static TITLE: Field = Field::required("title", Type::ShortText, STRING);
    pub static DESCRIPTION: Field = Field::optional("description", Type::LongText);
    pub static PERSONAS: Field = Field::optional("personas", Type::List(&Type::Object("persona")));
    pub static CHANNELS: Field = Field::optional("channels", Type::List(&Type::Object("channel")));
    pub static LANES: Field = Field::optional("lanes", Type::List(&Type::Object("lane")));
    pub static STAGES: Field = Field::required(
        "stages",
        Type::List(&Type::Object("stage")),
        "an array of at least one stage",
    );
    pub static SOURCES: Field = Field::optional(
        "sources",
        Type::List(&Type::Either(&Type::ShortText, &Type::Object("source"))),
    );
    pub static THEME: Field = Field::optional(
        "theme",
        Type::Either(
            &Type::Keyword(ThemeMode::KEYWORDS),
            &Type::Object("themeObject"),
        ),
    );
    pub static LANG: Field = Field::optional("lang", Type::Lang);
    pub static DIR: Field = Field::optional("dir", Type::Keyword(Dir::KEYWORDS));
    pub static LABELS: Field = Field::optional("labels", Type::Labels);
    pub static LINT: Field = Field::optional("lint", Type::Object("lint"));
    pub static SPEC: ObjectSpec = ObjectSpec {
        def: "",
        expected: "a JSON object (a journey map)",
        fields: &[
            &VERSION,
            &SCHEMA,
            &TITLE,
            &DESCRIPTION,
            &PERSONAS,
            &CHANNELS,
            &LANES,
            &STAGES,
            &SOURCES,
            &THEME,
            &LANG,
            &DIR,
            &LABELS,
            &LINT,
        ],
    };
}

pub mod persona {
    use super::*;
    pub static ID: Field = Field::optional("id", Type::Id);
    pub static NAME: Field = Field::required("name", Type::ShortText, STRING);
    pub static DESCRIPTION: Field = Field::optional("description", Type::LongText);
    pub static GOALS: Field = Field::optional("goals", Type::List(&Type::ShortText));
    pub static FRUSTRATIONS: Field = Field::optional("frustrations", Type::List(&Type::ShortText));
    pub static COLOR: Field = Field::optional("color", Type::Color);
    pub static SPEC: ObjectSpec = ObjectSpec {
        def: "persona",
        expected: "a persona object with a \"name\"",
        fields: &[&ID, &NAME, &DESCRIPTION, &GOALS, &FRUSTRATIONS, &COLOR],
    };
}

pub mod channel {
    use super::*;
    pub static ID: Field = Field::required("id", Type::Id, "an id, such as \"whatsapp\"");
    /// Required unless the id is a built-in channel's.
    pub static NAME: Field = Field::optional("name", Type::ShortText);
    pub static ICON: Field = Field::optional("icon", Type::Keyword(Icon::KEYWORDS));
    pub static COLOR: Field = Field::optional("color", Type::Color);
    pub static SHARE: Field = Field::optional(
        "share",
        Type::Number(&Range {
            min: 0.0,
            max: 100.0,
            expected: "a percentage of all contacts, from 0 to 100",
        }),
    );
    pub static METRICS: Field = Field::optional("metrics", Type::List(&Type::Object("metric")));
    pub static SPEC: ObjectSpec = ObjectSpec {
        def: "channel",
        expected: "a channel object with \"id\" and \"name\"",
        fields: &[&ID, &NAME, &ICON, &COLOR, &SHARE, &METRICS],
    };
}

pub mod lane {
    use super::*;
    pub static ID: Field =
        Field::required("id", Type::Id, "an id, the key used in the stages' cells");
    pub static KIND: Field = Field::optional("kind", Type::Keyword(LaneKind::KEYWORDS));
    pub static LABEL: Field = Field::optional("label", Type::ShortText);
    pub static TONE: Field = Field::optional("tone", Type::Keyword(Tone::KEYWORDS));
    pub static BY_CHANNEL: Field = Field::optional("byChannel", Type::Bool);
    pub static SPEC: ObjectSpec = ObjectSpec {
        def: "lane",
        expected: "a lane object with an \"id\"",
        fields: &[&ID, &KIND, &LABEL, &TONE, &BY_CHANNEL],
    };
}

pub mod stage {
    use super::*;
    pub static ID: Field = Field::optional("id", Type::Id);
    pub static NAME: Field = Field::required("name", Type::ShortText, STRING);
    pub static GOAL: Field = Field::optional("goal", Type::ShortText);
    pub static DESCRIPTION: Field = Field::optional("description", Type::LongText);
    pub static DURATION: Field = Field::optional("duration", Type::ShortText);
    pub static DETAIL: Field = Field::optional("detail", Type::LongText);
    pub static QUOTES: Field = Field::optional("quotes", Type::List(&Type::LongText));
    pub static SCORE: Field = Field::optional("score", super::SCORE);
    pub static REACH: Field = Field::optional(
        "reach",
        Type::Number(&Range {
            min: 0.0,
            max: f64::MAX,
            expected: "a number of customers (or a percentage), 0 or more",
        }),
    );
    pub static METRICS: Field = Field::optional("metrics", Type::List(&Type::Object("metric")));
    pub static CELLS: Field = Field::optional("cells", Type::Cells);
    pub static SPEC: ObjectSpec = ObjectSpec {
        def: "stage",
        expected: "a stage object with a \"name\"",
        fields: &[
            &ID,
            &NAME,
            &GOAL,
            &DESCRIPTION,
            &DURATION,
            &DETAIL,
            &QUOTES,
            &SCORE,
            &REACH,
            &METRICS,
            &CELLS,
        ],
    };
}

pub mod metric {
    use super::*;
    pub static LABEL: Field = Field::required("label", Type::ShortText, STRING);
    pub static VALUE: Field = Field::required("value", Type::MetricValue, "a number or a string");
    pub static UNIT: Field = Field::optional("unit", Type::ShortText);
    pub static TARGET: Field = Field::optional("target", Type::MetricValue);
    pub static BETTER: Field = Field::optional("better", Type::Keyword(Better::KEYWORDS));
    pub static SPEC: ObjectSpec = ObjectSpec {
        def: "metric",
        expected: "a metric object with \"label\" and \"value\"",
        fields: &[&LABEL, &VALUE, &UNIT, &TARGET, &BETTER],
    };
}

pub mod item {
    use super::*;
    pub static TEXT: Field = Field::required("text", Type::ShortText, STRING);
    pub static DETAIL: Field = Field::optional("detail", Type::LongText);
    /// Required in touchpoints lanes.
    pub static CHANNEL: Field = Field::optional("channel", Type::Id);
    pub static SCORE: Field = Field::optional("score", super::SCORE);
    pub static PERSONAS: Field = Field::optional("personas", Type::List(&Type::Id));
    pub static TAGS: Field = Field::optional("tags", Type::List(&Type::ShortText));
    pub static OWNER: Field = Field::optional("owner", Type::ShortText);
    pub static URL: Field = Field::optional("url", Type::Url);
    pub static SOURCES: Field = Field::optional("sources", Type::List(&Type::Id));
    pub static CONFIDENCE: Field =
        Field::optional("confidence", Type::Keyword(Confidence::KEYWORDS));
    pub static SPEC: ObjectSpec = ObjectSpec {
        def: "itemObject",
        expected: "an item: a string or an object with \"text\"",
        fields: &[
            &TEXT,
            &DETAIL,
            &CHANNEL,
            &SCORE,
            &PERSONAS,
            &TAGS,
            &OWNER,
            &URL,
            &SOURCES,
            &CONFIDENCE,
        ],
    };
}

pub mod source {
    use super::*;
    pub static ID: Field = Field::required(
        "id",
        Type::Id,
        "an id, which items cite in their \"sources\"",
    );
    pub static TEXT: Field = Field::required("text", Type::ShortText, STRING);
    pub static KIND: Field = Field::optional("kind", Type::Keyword(SourceKind::KEYWORDS));
    pub static SPEC: ObjectSpec = ObjectSpec {
        def: "source",
        expected: "a source: a string or an object with \"id\" and \"text\"",
        fields: &[&ID, &TEXT, &KIND],
    };
}

pub mod theme {
    use super::*;
    pub static BASE: Field = Field::optional("base", Type::Keyword(&THEME_BASES));
    pub static ACCENT: Field = Field::optional("accent", Type::Color);
    pub static POSITIVE: Field = Field::optional("positive", Type::Color);
    pub static NEGATIVE: Field = Field::optional("negative", Type::Color);
    pub static NEUTRAL: Field = Field::optional("neutral", Type::Color);
    pub static BACKGROUND: Field = Field::optional("background", Type::Color);
    pub static TEXT: Field = Field::optional("text", Type::Color);
    pub static FONT: Field = Field::optional("font", Type::Font);
    pub static SPEC: ObjectSpec = ObjectSpec {
        def: "themeObject",
        expected: "\"light\", \"dark\", \"auto\" or a theme object",
        fields: &[
            &BASE,
            &ACCENT,
            &POSITIVE,
            &NEGATIVE,
            &NEUTRAL,
            &BACKGROUND,
            &TEXT,
            &FONT,
        ],
    };
}

pub mod lint {
    use super::*;
    pub static ALLOW: Field = Field::optional("allow", Type::List(&Type::Keyword(&LINT_RULES)));
    pub static SPEC: ObjectSpec = ObjectSpec {
        def: "lint",
        expected: "a lint object, such as {\"allow\": [\"funnel-grows\"]}",
        fields: &[&ALLOW],
    };
}

/// Every kind of object, the map first.
pub static OBJECTS: [&ObjectSpec; 10] = [
    &map::SPEC,
    &persona::SPEC,
    &channel::SPEC,
    &lane::SPEC,
    &stage::SPEC,
    &metric::SPEC,
    &item::SPEC,
    &source::SPEC,
    &theme::SPEC,
    &lint::SPEC,
];
