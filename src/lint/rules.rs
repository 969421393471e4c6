//! The rules, one function each, from the validated map to findings at
//! JSON paths (located afterwards).

use crate::diagnostic::quote;
use crate::diagnostic::{JsonPath, Segment};
use crate::model::{Confidence, Item, LaneKind, Map, Tag, Tone};
use serde_json::Value;

/// A finding before it is located.
pub struct Raw {
    pub rule: &'static str,
    pub path: JsonPath,
    pub message: String,
}

/// The lowest score at which a stage is expected to name a pain.
const LOW_SCORE: f64 = 2.0;

/// A rule about one item: the field of the item a finding points at and
/// its message, or `None` when the item keeps the rule.
type ItemRule = fn(&Map, &Item) -> Option<(&'static str, String)>;

/// The rules about one item, by id.
const ITEM_RULES: [(&str, ItemRule); 2] = [
    ("score-without-evidence", score_without_evidence),
    (
        "assumption-at-moment-of-truth",
        assumption_at_moment_of_truth,
    ),
];

/// Every rule's findings, unfiltered. `value` is the map's JSON, read only
/// for what the model resolves away: whether a metric says `better` (the
/// model fills in the default).
pub fn lint_map(map: &Map, value: &Value) -> Vec<Raw> {
    let mut out = Vec::new();
    target_without_better(value, &mut out);
    funnel_grows(map, &mut out);
    for s in 0..map.stages.len() {
        let items = || stage_items(map, s);
        low_score_without_pain(map, s, &mut out, items());
        pain_without_opportunity(map, s, &mut out);
        stage_without_touchpoint(map, s, &mut out);
        for (lane, i, item) in items() {
            for (rule, check) in ITEM_RULES {
                if let Some((field, message)) = check(map, item) {
                    let mut path = item_path(map, s, lane, i);
                    path.0.push(key(field));
                    out.push(Raw {
                        rule,
                        path,
                        message,
                    });
                }
            }
        }
    }
    unused_persona(map, &mut out);
    out
}

fn key(k: &str) -> Segment {
    Segment::Key(k.to_owned())
}

fn stage_path(s: usize) -> Vec<Segment> {
    vec![key("stages"), Segment::Index(s)]
}

fn item_path(map: &Map, s: usize, lane: usize, i: usize) -> JsonPath {
    let mut path = stage_path(s);
    let lane_id = map.lanes.get(lane).map_or("", |l| l.id.as_str());
    path.extend([key("cells"), key(lane_id), Segment::Index(i)]);
    JsonPath(path)
}

/// The items of stage `s`: lane index, index in the cell, item.
fn stage_items(map: &Map, s: usize) -> impl Iterator<Item = (usize, usize, &Item)> {
    map.stages.get(s).into_iter().flat_map(|stage| {
        stage.cells.iter().enumerate().flat_map(|(lane, cell)| {
            cell.iter()
                .enumerate()
                .map(move |(i, item)| (lane, i, item))
        })
    })
}

fn lane_tone(map: &Map, lane: usize) -> Option<Tone> {
    map.lanes.get(lane).map(|l| l.tone)
}

fn stage_name(map: &Map, s: usize) -> String {
    map.stages
        .get(s)
        .map_or_else(String::new, |stage| quote(&stage.name))
}

fn target_without_better(value: &Value, out: &mut Vec<Raw>) {
    let mut check = |owner: &str, list: &Value, base: Vec<Segment>| {
        for (m, metric) in list.as_array().into_iter().flatten().enumerate() {
            if metric.get("target").is_some() && metric.get("better").is_none() {
                let mut path = base.clone();
                path.extend([key("metrics"), Segment::Index(m), key("target")]);
                let label = metric.get("label").and_then(Value::as_str).unwrap_or("");
                out.push(Raw {
                    rule: "target-without-better",
                    path: JsonPath(path),
                    message: format!(
                        "{owner} KPI {} has a target but no \"better\": say whether higher or lower values meet it (\"better\": \"higher\" or \"lower\")",
                        quote(label)
                    ),
                });
            }
        }
    };
    for (s, stage) in value
        .get("stages")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        if let Some(metrics) = stage.get("metrics") {
            check("the stage's", metrics, stage_path(s));
        }
    }
    for (c, channel) in value
        .get("channels")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        if let Some(metrics) = channel.get("metrics") {
            check(
                "the channel's",
                metrics,
                vec![key("channels"), Segment::Index(c)],
            );
        }
    }
}

fn funnel_grows(map: &Map, out: &mut Vec<Raw>) {
    let mut previous: Option<(usize, f64)> = None;
    for (s, stage) in map.stages.iter().enumerate() {
        let Some(reach) = stage.reach else { continue };
        if let Some((p, before)) = previous
            && reach > before
        {
            let mut path = stage_path(s);
            path.push(key("reach"));
            out.push(Raw {
                rule: "funnel-grows",
                path: JsonPath(path),
                message: format!(
                    "reach rises from {} in {} to {} here: a funnel only narrows; check the numbers or say where the new customers come from",
                    crate::number::number(before),
                    stage_name(map, p),
                    crate::number::number(reach)
                ),
            });
        }
        previous = Some((s, reach));
    }
}

fn low_score_without_pain<'m>(
    map: &Map,
    s: usize,
    out: &mut Vec<Raw>,
    items: impl Iterator<Item = (usize, usize, &'m Item)>,
) {
    let mut lowest: Option<f64> = None;
    let mut has_pain = false;
    for (lane, _, item) in items {
        if let Some(score) = item.score {
            lowest = Some(lowest.map_or(score, |l: f64| l.min(score)));
        }
        has_pain |= lane_tone(map, lane) == Some(Tone::Negative);
    }
    if let Some(lowest) = lowest
        && lowest <= LOW_SCORE
        && !has_pain
    {
        out.push(Raw {
            rule: "low-score-without-pain",
            path: JsonPath(stage_path(s)),
            message: format!(
                "the stage {} scores as low as {} but names no pain point: say what hurts, in a negative lane",
                stage_name(map, s),
                crate::number::number(lowest)
            ),
        });
    }
}

fn cell_filled(map: &Map, s: usize, wanted: impl Fn(usize) -> bool) -> bool {
    map.stages.get(s).is_some_and(|stage| {
        stage
            .cells
            .iter()
            .enumerate()
            .any(|(lane, cell)| wanted(lane) && !cell.is_empty())
    })
}

fn pain_without_opportunity(map: &Map, s: usize, out: &mut Vec<Raw>) {
    let tone = |t: Tone| move |lane: usize| lane_tone(map, lane) == Some(t);
    if cell_filled(map, s, tone(Tone::Negative)) && !cell_filled(map, s, tone(Tone::Idea)) {
        out.push(Raw {
            rule: "pain-without-opportunity",
            path: JsonPath(stage_path(s)),
            message: format!(
                "the stage {} has pain points and no opportunity: a map is read for what to do next",
                stage_name(map, s)
            ),
        });
    }
}

fn stage_without_touchpoint(map: &Map, s: usize, out: &mut Vec<Raw>) {
    let touchpoints = |lane: usize| {
        map.lanes
            .get(lane)
            .is_some_and(|l| l.kind == LaneKind::Touchpoints)
    };
    if (0..map.lanes.len()).any(touchpoints) && !cell_filled(map, s, touchpoints) {
        out.push(Raw {
            rule: "stage-without-touchpoint",
            path: JsonPath(stage_path(s)),
            message: format!(
                "the stage {} has no touchpoint: where does the customer meet you here?",
                stage_name(map, s)
            ),
        });
    }
}

/// A scored item that cites nothing, on a map whose sources can be cited.
fn score_without_evidence(map: &Map, item: &Item) -> Option<(&'static str, String)> {
    let citable = map.sources.iter().any(|source| source.id.is_some());
    (item.score.is_some() && item.sources.is_empty() && citable).then(|| {
        let message = format!(
            "{} is scored but cites no source: add \"sources\" so readers can tell a finding from a guess",
            quote(&item.text)
        );
        ("score", message)
    })
}

/// A moment of truth that rests on an assumption.
fn assumption_at_moment_of_truth(_: &Map, item: &Item) -> Option<(&'static str, String)> {
    let guessed = item.confidence == Some(Confidence::Assumption);
    (guessed && item.tags.contains(&Tag::MomentOfTruth)).then(|| {
        let message = format!(
            "{} is a moment of truth resting on an assumption: research it before deciding on it",
            quote(&item.text)
        );
        ("confidence", message)
    })
}

fn unused_persona(map: &Map, out: &mut Vec<Raw>) {
    let mut used = vec![false; map.personas.len()];
    for stage in &map.stages {
        for item in stage.cells.iter().flatten() {
            for &p in &item.personas {
                if let Some(flag) = used.get_mut(p) {
                    *flag = true;
                }
            }
        }
    }
    if !used.contains(&true) {
        return;
    }
    for (p, persona) in map.personas.iter().enumerate() {
        if !used.get(p).copied().unwrap_or(true) {
            out.push(Raw {
                rule: "unused-persona",
                path: JsonPath(vec![key("personas"), Segment::Index(p)]),
                message: format!(
                    "no item refers to the persona {} while other personas are referred to: add its items or remove it",
                    quote(&persona.name)
                ),
            });
        }
    }
}
