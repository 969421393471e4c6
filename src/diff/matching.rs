//! Which stage and which item of one map is which of the other, and the
//! changes that follow.

use super::{Change, Kind};
use crate::diagnostic::{JsonPath, Segment};
use crate::format::Keyword;
use crate::model::{Item, Map, Stage};
use serde_json::{Value, json};

/// The least text similarity (normalised Levenshtein, 0–1) at which two
/// items, or two stage names, count as one thing edited.
const SIMILAR: f64 = 0.5;
/// What sitting at the same position in the cell adds to the similarity.
const SAME_PLACE: f64 = 0.2;

/// A pair: the index in BEFORE, the index in AFTER; one side is `None`
/// when the thing was added or removed.
pub type Pair = (Option<usize>, Option<usize>);

/// Both maps and their stage pairs in drawing order: AFTER's order, each
/// removed stage just after the stage that preceded it in BEFORE.
pub struct Matching<'m> {
    pub before: &'m Map,
    pub after: &'m Map,
    pub stages: Vec<Pair>,
}

fn similarity(a: &str, b: &str) -> f64 {
    strsim::normalized_levenshtein(a, b)
}

/// Pairs two lists: equal keys first, then the most similar texts above
/// [`SIMILAR`], in the order of `after` with each unmatched `before`
/// entry placed after the one that preceded it.
fn pair<T>(
    before: &[T],
    after: &[T],
    same: impl Fn(&T, &T) -> bool,
    text: impl Fn(&T) -> &str,
) -> Vec<Pair> {
    let mut of_after: Vec<Option<usize>> = vec![None; after.len()];
    let mut taken = vec![false; before.len()];
    for (item, slot) in after.iter().zip(of_after.iter_mut()) {
        let found = before
            .iter()
            .zip(taken.iter_mut())
            .enumerate()
            .find(|(_, (old, taken))| !**taken && same(old, item));
        if let Some((b, (_, taken))) = found {
            *taken = true;
            *slot = Some(b);
        }
    }
    let mut candidates = Vec::new();
    for (a, (item, slot)) in after.iter().zip(&of_after).enumerate() {
        if slot.is_some() {
            continue;
        }
        for (b, (old, taken)) in before.iter().zip(&taken).enumerate() {
            if !taken {
                let bonus = if a == b { SAME_PLACE } else { 0.0 };
                let score = similarity(text(old), text(item)) + bonus;
                if score >= SIMILAR {
                    candidates.push((score, a, b));
                }
            }
        }
    }
    candidates.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    for (_, a, b) in candidates {
        if let (Some(slot @ None), Some(taken @ false)) = (of_after.get_mut(a), taken.get_mut(b)) {
            *taken = true;
            *slot = Some(b);
        }
    }
    // Drawing order: AFTER's, each removed BEFORE entry just before the
    // first entry matched to a later BEFORE one, the rest at the end.
    let mut pairs: Vec<Pair> = Vec::new();
    let mut next_removed = 0;
    let mut removed_before = |limit: usize, pairs: &mut Vec<Pair>| {
        while next_removed < limit {
            if !taken.get(next_removed).copied().unwrap_or(true) {
                pairs.push((Some(next_removed), None));
            }
            next_removed += 1;
        }
    };
    for (a, b) in of_after.iter().enumerate() {
        if let Some(b) = b {
            removed_before(*b, &mut pairs);
        }
        pairs.push((*b, Some(a)));
    }
    removed_before(before.len(), &mut pairs);
    pairs
}

impl<'m> Matching<'m> {
    pub fn new(before: &'m Map, after: &'m Map) -> Self {
        let stages = pair(
            &before.stages,
            &after.stages,
            |x, y| x.id == y.id,
            |s| s.name.as_str(),
        );
        Matching {
            before,
            after,
            stages,
        }
    }

    /// The item pairs of one cell (lane `lane_id`) of a matched stage pair,
    /// in drawing order; a lane only one map has gives all-added or
    /// all-removed pairs.
    pub fn items(&self, pair: Pair, lane_id: &str) -> Vec<Pair> {
        let cell = |map: &'m Map, s: Option<usize>| -> &'m [Item] {
            let lane = map.lanes.iter().position(|l| l.id == lane_id);
            s.and_then(|s| map.stages.get(s))
                .zip(lane)
                .and_then(|(stage, lane)| stage.cells.get(lane))
                .map_or(&[], Vec::as_slice)
        };
        pair_items(cell(self.before, pair.0), cell(self.after, pair.1))
    }

    /// Every lane id of either map, AFTER's first.
    pub fn lane_ids(&self) -> Vec<&'m str> {
        let mut ids: Vec<&str> = self.after.lanes.iter().map(|l| l.id.as_str()).collect();
        for lane in &self.before.lanes {
            if !ids.contains(&lane.id.as_str()) {
                ids.push(&lane.id);
            }
        }
        ids
    }

    pub fn changes(&self) -> Vec<Change> {
        let mut out = Vec::new();
        if self.before.title != self.after.title {
            out.push(changed(
                "title".into(),
                json!(self.before.title),
                json!(self.after.title),
            ));
        }
        for &(b, a) in &self.stages {
            let old = b.and_then(|b| self.before.stages.get(b));
            let new = a.and_then(|a| self.after.stages.get(a));
            match (old, new, b, a) {
                (Some(stage), None, Some(b), _) => {
                    out.push(whole(
                        Kind::Removed,
                        format!("stages[{b}]"),
                        json!(stage.name),
                    ));
                }
                (None, Some(stage), _, Some(a)) => {
                    out.push(whole(
                        Kind::Added,
                        format!("stages[{a}]"),
                        json!(stage.name),
                    ));
                }
                (Some(old), Some(new), _, Some(a)) => stage_fields(old, new, a, &mut out),
                _ => {}
            }
            if let (Some(_), Some(_)) = (old, new) {
                for lane in self.lane_ids() {
                    for (bi, ai) in self.items((b, a), lane) {
                        self.item_change(b, a, lane, bi, ai, &mut out);
                    }
                }
            }
        }
        out
    }

    fn item_change(
        &self,
        b: Option<usize>,
        a: Option<usize>,
        lane: &str,
        bi: Option<usize>,
        ai: Option<usize>,
        out: &mut Vec<Change>,
    ) {
        let item = |map: &'m Map, s: Option<usize>, i: Option<usize>| -> Option<&'m Item> {
            let l = map.lanes.iter().position(|l| l.id == lane)?;
            map.stages.get(s?)?.cells.get(l)?.get(i?)
        };
        let path = |s: Option<usize>, i: Option<usize>| {
            JsonPath(vec![
                Segment::Key("stages".into()),
                Segment::Index(s.unwrap_or(0)),
                Segment::Key("cells".into()),
                Segment::Key(lane.into()),
                Segment::Index(i.unwrap_or(0)),
            ])
            .to_string()
        };
        match (item(self.before, b, bi), item(self.after, a, ai)) {
            (Some(old), None) => out.push(whole(Kind::Removed, path(b, bi), json!(old.text))),
            (None, Some(new)) => out.push(whole(Kind::Added, path(a, ai), json!(new.text))),
            (Some(old), Some(new)) => {
                let at = path(a, ai);
                for (field, before, after) in item_fields(self.before, old, self.after, new) {
                    out.push(changed(format!("{at}.{field}"), before, after));
                }
            }
            (None, None) => {}
        }
    }
}

/// The item pairs of two cells: equal texts, then similar ones.
pub fn pair_items(before: &[Item], after: &[Item]) -> Vec<Pair> {
    pair(before, after, |x, y| x.text == y.text, |i| i.text.as_str())
}

/// A number as JSON, whole numbers without a fraction (`4`, not `4.0`).
fn number(value: Option<f64>) -> Value {
    match value {
        Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => json!(v as i64),
        Some(v) => json!(v),
        None => Value::Null,
    }
}

fn whole(kind: Kind, path: String, value: Value) -> Change {
    let (before, after) = match kind {
        Kind::Removed => (Some(value), None),
        _ => (None, Some(value)),
    };
    Change {
        kind,
        path,
        before,
        after,
    }
}

fn changed(path: String, before: Value, after: Value) -> Change {
    Change {
        kind: Kind::Changed,
        path,
        before: Some(before),
        after: Some(after),
    }
}

fn stage_fields(old: &Stage, new: &Stage, a: usize, out: &mut Vec<Change>) {
    let fields = [
        ("name", json!(old.name), json!(new.name)),
        ("goal", json!(old.goal), json!(new.goal)),
        (
            "description",
            json!(old.description),
            json!(new.description),
        ),
        ("duration", json!(old.duration), json!(new.duration)),
        ("score", number(old.score), number(new.score)),
        ("reach", number(old.reach), number(new.reach)),
    ];
    for (field, before, after) in fields {
        if before != after {
            out.push(changed(format!("stages[{a}].{field}"), before, after));
        }
    }
}

/// The fields of an item that differ, as JSON values the reader knows
/// (channel, persona and source ids rather than indices).
pub fn item_fields(
    bm: &Map,
    old: &Item,
    am: &Map,
    new: &Item,
) -> Vec<(&'static str, Value, Value)> {
    let channel = |map: &Map, item: &Item| {
        json!(
            item.channel
                .and_then(|c| map.channels.get(c))
                .map(|c| c.id.clone())
        )
    };
    let personas = |map: &Map, item: &Item| {
        json!(
            item.personas
                .iter()
                .filter_map(|&p| map.personas.get(p))
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        )
    };
    let sources = |map: &Map, item: &Item| {
        json!(
            item.sources
                .iter()
                .filter_map(|&s| map.sources.get(s))
                .map(|s| s.id.clone().unwrap_or_else(|| s.text.clone()))
                .collect::<Vec<_>>()
        )
    };
    let tags = |item: &Item| {
        json!(
            item.tags
                .iter()
                .map(|t| t.keyword().to_owned())
                .collect::<Vec<_>>()
        )
    };
    let fields = [
        ("text", json!(old.text), json!(new.text)),
        ("score", number(old.score), number(new.score)),
        ("detail", json!(old.detail), json!(new.detail)),
        ("channel", channel(bm, old), channel(am, new)),
        ("personas", personas(bm, old), personas(am, new)),
        ("tags", tags(old), tags(new)),
        ("owner", json!(old.owner), json!(new.owner)),
        ("url", json!(old.url), json!(new.url)),
        ("sources", sources(bm, old), sources(am, new)),
        (
            "confidence",
            json!(old.confidence.map(|c| c.keyword())),
            json!(new.confidence.map(|c| c.keyword())),
        ),
    ];
    fields.into_iter().filter(|(_, b, a)| b != a).collect()
}
