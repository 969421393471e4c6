//! What a map gets without saying it: the well-known lanes, the built-in
//! channels, and the emotion and metrics lanes its data needs.

use crate::format::Keyword;
use crate::model::{Channel, Icon, Lane, LaneKind, Stage, Tone};

/// The lanes every map may use by id alone: kind, label and tone.
const WELL_KNOWN_LANES: [(&str, LaneKind, &str, Tone); 10] = [
    ("actions", LaneKind::Text, "Actions", Tone::Neutral),
    ("goals", LaneKind::Text, "Goals", Tone::Neutral),
    (
        "touchpoints",
        LaneKind::Touchpoints,
        "Touchpoints",
        Tone::Neutral,
    ),
    ("thoughts", LaneKind::Text, "Thoughts", Tone::Neutral),
    ("emotion", LaneKind::Emotion, "Experience", Tone::Neutral),
    ("pains", LaneKind::Text, "Pain points", Tone::Negative),
    ("opportunities", LaneKind::Text, "Opportunities", Tone::Idea),
    ("backstage", LaneKind::Text, "Backstage", Tone::Neutral),
    ("owners", LaneKind::Text, "Owners", Tone::Neutral),
    ("metrics", LaneKind::Metrics, "Metrics", Tone::Neutral),
];

/// A lane of id `id` as the map gets it when it says nothing more: the
/// well-known lane's kind, label and tone, else a text lane labelled with
/// its id.
pub fn lane_with_defaults(id: String) -> Lane {
    let (kind, label, tone) = WELL_KNOWN_LANES
        .iter()
        .find(|(known, ..)| *known == id)
        .map_or(
            (LaneKind::Text, "", Tone::Neutral),
            |&(_, kind, label, tone)| (kind, label, tone),
        );
    Lane {
        label: if label.is_empty() {
            id.clone()
        } else {
            label.to_owned()
        },
        id,
        kind,
        tone,
        by_channel: false,
    }
}

/// The built-in channel of `icon`, with its default name.
pub fn built_in_channel(icon: Icon) -> Channel {
    Channel {
        id: icon.id().to_owned(),
        name: icon.default_name().to_owned(),
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
pub fn add_drawn_lanes(lanes: &mut Vec<Lane>, stages: &mut [Stage]) {
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
        let mut lane = lane_with_defaults(id.to_owned());
        lane.id = unique;
        lanes.push(lane);
        for stage in stages.iter_mut() {
            stage.cells.push(Vec::new());
        }
    }
}
