//! What a map gets without saying it: the well-known lanes, the built-in
//! channels, and the emotion and metrics lanes its data needs.

use crate::format::Keyword;
use crate::i18n::{Key, Words};
use crate::model::{Channel, Icon, Lane, LaneKind, Stage, Tone};

/// The lanes every map may use by id alone: kind, label and tone.
/// The lanes every map may use by id alone: kind, label (a built-in word)
/// and tone.
const WELL_KNOWN_LANES: [(&str, LaneKind, Key, Tone); 10] = [
    ("actions", LaneKind::Text, Key::LaneActions, Tone::Neutral),
    ("goals", LaneKind::Text, Key::LaneGoals, Tone::Neutral),
    (
        "touchpoints",
        LaneKind::Touchpoints,
        Key::LaneTouchpoints,
        Tone::Neutral,
    ),
    ("thoughts", LaneKind::Text, Key::LaneThoughts, Tone::Neutral),
    (
        "emotion",
        LaneKind::Emotion,
        Key::LaneEmotion,
        Tone::Neutral,
    ),
    ("pains", LaneKind::Text, Key::LanePains, Tone::Negative),
    (
        "opportunities",
        LaneKind::Text,
        Key::LaneOpportunities,
        Tone::Idea,
    ),
    (
        "backstage",
        LaneKind::Text,
        Key::LaneBackstage,
        Tone::Neutral,
    ),
    ("owners", LaneKind::Text, Key::LaneOwners, Tone::Neutral),
    (
        "metrics",
        LaneKind::Metrics,
        Key::LaneMetrics,
        Tone::Neutral,
    ),
];

/// A lane of id `id` as the map gets it when it says nothing more: the
/// well-known lane's kind, label (in the map's language) and tone, else a
/// text lane labelled with its id.
pub fn lane_with_defaults(id: String, words: &Words) -> Lane {
    let known = WELL_KNOWN_LANES.iter().find(|(known, ..)| *known == id);
    let (kind, tone) = known.map_or((LaneKind::Text, Tone::Neutral), |&(_, kind, _, tone)| {
        (kind, tone)
    });
    Lane {
        label: known.map_or_else(|| id.clone(), |&(_, _, key, _)| words.get(key).to_owned()),
        id,
        kind,
        tone,
        by_channel: false,
    }
}

/// The built-in channel of `icon`, with its default name in the map's
/// language.
pub fn built_in_channel(icon: Icon, words: &Words) -> Channel {
    Channel {
        id: icon.id().to_owned(),
        name: words.get(icon.name_key()).to_owned(),
        icon,
        color: None,
        share: None,
        metrics: Vec::new(),
    }
}

pub fn kind_name(kind: LaneKind) -> &'static str {
    kind.keyword()
}

/// Adds the emotion and metrics lanes a map needs but does not declare:
/// an emotion lane when any item or stage has a score, a metrics lane when
/// any stage has metrics or reach.
pub fn add_drawn_lanes(lanes: &mut Vec<Lane>, stages: &mut [Stage], words: &Words) {
    let scored = stages.iter().any(|stage| {
        stage.score.is_some()
            || stage
                .cells
                .iter()
                .flatten()
                .any(|item| item.score.is_some())
    });
    let measured = stages
        .iter()
        .any(|stage| stage.reach.is_some() || !stage.metrics.is_empty());
    for (needed, kind, id) in [
        (scored, LaneKind::Emotion, "emotion"),
        (measured, LaneKind::Metrics, "metrics"),
    ] {
        if !needed || lanes.iter().any(|lane| lane.kind == kind) {
            continue;
        }
        let mut unique = id.to_owned();
        let mut n = 2;
        while lanes.iter().any(|lane| lane.id == unique) {
            unique = format!("{id}-{n}");
            n += 1;
        }
        let mut lane = lane_with_defaults(id.to_owned(), words);
        lane.id = unique;
        lanes.push(lane);
        for stage in stages.iter_mut() {
            stage.cells.push(Vec::new());
        }
    }
}
