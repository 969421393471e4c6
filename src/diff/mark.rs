//! The AFTER map laid out with the diff's marks: removed stages and items
//! are put back where they were (so the layout makes room for them, and
//! draws them ghosted), and a changed card's old text and score change are
//! laid out as extra cards under it, then folded into it.

use super::matching::{Matching, Pair, item_fields};
use crate::layout::{CardMark, DiffMarks, GhostPoint, Layout, Mark, Point, TextBlock};
use crate::model::{Item, Map, Stage};
use crate::text::TextMeasure;
use std::collections::HashMap;

/// What a card of the merged map is.
#[derive(Clone)]
enum Role {
    Marked(Mark, Option<f64>),
    /// The old text of the card above it.
    WasText,
    /// The score change of the card above it.
    Note,
}

/// Lays out `after` with every change from `before` marked.
pub fn mark(before: &Map, after: &Map) -> Layout {
    mark_with(before, after, &crate::text::LiberationTable)
}

/// [`mark`], measuring text with `measure` (the CLI's font options).
pub fn mark_with(before: &Map, after: &Map, measure: &dyn TextMeasure) -> Layout {
    let matching = Matching::new(before, after);
    let mut merged = after.clone();
    merged.stages.clear();
    let mut roles: HashMap<(usize, usize, usize), Role> = HashMap::new();
    let mut stage_marks = Vec::new();
    for &(b, a) in &matching.stages {
        let s = merged.stages.len();
        let old = b.and_then(|b| before.stages.get(b));
        let new = a.and_then(|a| after.stages.get(a));
        let mut stage = match (old, new) {
            (_, Some(new)) => new.clone(),
            (Some(old), None) => ghost_stage(before, old, after),
            (None, None) => continue,
        };
        match (old, new) {
            (None, Some(_)) => stage_marks.push((s, Mark::Added)),
            (Some(_), None) => stage_marks.push((s, Mark::Removed)),
            (Some(o), Some(n)) if o.name != n.name => stage_marks.push((s, Mark::Changed)),
            _ => {}
        }
        for (l, lane) in after.lanes.iter().enumerate() {
            let pairs: Vec<Pair> = matching.items((b, a), &lane.id);
            let mut cell: Vec<Item> = Vec::new();
            for (bi, ai) in pairs {
                let old_item = b
                    .zip(bi)
                    .and_then(|(b, bi)| cell_item(before, b, &lane.id, bi));
                let new_item = a
                    .zip(ai)
                    .and_then(|(a, ai)| cell_item(after, a, &lane.id, ai));
                let here = (s, l, cell.len());
                match (old_item, new_item) {
                    (Some(old), None) => {
                        roles.insert(here, Role::Marked(Mark::Removed, None));
                        cell.push(ghost_item(before, old, after));
                    }
                    (None, Some(new_item)) => {
                        roles.insert(here, Role::Marked(Mark::Added, None));
                        cell.push(new_item.clone());
                    }
                    (Some(old), Some(new_item)) => {
                        let fields = item_fields(before, old, after, new_item);
                        cell.push(new_item.clone());
                        if fields.is_empty() {
                            continue;
                        }
                        let old_score = old.score.filter(|_| old.score != new_item.score);
                        roles.insert(here, Role::Marked(Mark::Changed, old_score));
                        if old.text != new_item.text {
                            roles.insert((s, l, cell.len()), Role::WasText);
                            cell.push(plain(&old.text, new_item));
                        }
                        if old.score != new_item.score {
                            let show =
                                |s: Option<f64>| s.map_or("–".to_owned(), crate::number::number);
                            roles.insert((s, l, cell.len()), Role::Note);
                            let note =
                                format!("score {} → {}", show(old.score), show(new_item.score));
                            cell.push(plain(&note, new_item));
                        }
                    }
                    (None, None) => {}
                }
            }
            if let Some(slot) = stage.cells.get_mut(l) {
                *slot = cell;
            }
        }
        merged.stages.push(stage);
    }
    let mut layout = crate::layout::layout_with(&merged, measure);
    fold(&mut layout, &roles, stage_marks, measure);
    layout
}

fn cell_item<'m>(map: &'m Map, s: usize, lane: &str, i: usize) -> Option<&'m Item> {
    let l = map.lanes.iter().position(|x| x.id == lane)?;
    map.stages.get(s)?.cells.get(l)?.get(i)
}

/// An item of BEFORE re-expressed in AFTER's indices (channel and personas
/// by id), without a score: a ghost is not plotted.
fn ghost_item(before: &Map, item: &Item, after: &Map) -> Item {
    let channel = item
        .channel
        .and_then(|c| before.channels.get(c))
        .and_then(|c| after.channels.iter().position(|x| x.id == c.id));
    let personas = item
        .personas
        .iter()
        .filter_map(|&p| before.personas.get(p))
        .filter_map(|p| after.personas.iter().position(|x| x.id == p.id))
        .collect();
    Item {
        channel,
        personas,
        score: None,
        sources: Vec::new(),
        ..item.clone()
    }
}

/// A removed stage with its cells in AFTER's lanes.
fn ghost_stage(before: &Map, stage: &Stage, after: &Map) -> Stage {
    let cells = after
        .lanes
        .iter()
        .map(|lane| {
            let l = before.lanes.iter().position(|x| x.id == lane.id);
            l.and_then(|l| stage.cells.get(l))
                .map(|cell| cell.iter().map(|i| ghost_item(before, i, after)).collect())
                .unwrap_or_default()
        })
        .collect();
    Stage {
        score: None,
        cells,
        ..stage.clone()
    }
}

/// A text-only card in the same cell (and channel row) as `beside`.
fn plain(text: &str, beside: &Item) -> Item {
    Item {
        text: text.to_owned(),
        detail: None,
        channel: beside.channel,
        score: None,
        personas: Vec::new(),
        tags: Vec::new(),
        owner: None,
        url: None,
        sources: Vec::new(),
        confidence: None,
    }
}

/// Folds each old-text and note card into the changed card above it (the
/// card grows over them), marks the rest, and adds the legend.
fn fold(
    layout: &mut Layout,
    roles: &HashMap<(usize, usize, usize), Role>,
    stages: Vec<(usize, Mark)>,
    measure: &dyn TextMeasure,
) {
    let cards = std::mem::take(&mut layout.cards);
    let mut kept = Vec::with_capacity(cards.len());
    let mut marks: Vec<CardMark> = Vec::new();
    let mut ghost_points = Vec::new();
    for card in cards {
        let role = roles.get(&(card.stage_index, card.lane_index, card.item_index));
        match role {
            Some(Role::WasText) | Some(Role::Note) => {
                let Some(mark) = marks.last_mut() else {
                    continue;
                };
                let Some(owner) = kept.get_mut(mark.card) else {
                    continue;
                };
                let owner: &mut crate::layout::Card = owner;
                owner.height = card.y + card.height - owner.y;
                let block: TextBlock = card.text.clone();
                if matches!(role, Some(Role::WasText)) {
                    mark.old_text = Some(block);
                } else {
                    mark.note = Some(block);
                }
            }
            Some(Role::Marked(mark, old_score)) => {
                if let Some(score) = old_score {
                    ghost_points.extend(ghost_point(layout, &card, *score));
                }
                marks.push(CardMark {
                    card: kept.len(),
                    mark: *mark,
                    old_text: None,
                    note: None,
                });
                kept.push(card);
            }
            None => kept.push(card),
        }
    }
    layout.cards = kept;
    let legend = crate::layout::marks_legend(measure, layout.grid.x, layout.height - 16.0);
    layout.height += crate::layout::MARKS_LEGEND_SPACE;
    layout.marks = Some(DiffMarks {
        cards: marks,
        stages,
        ghost_points,
        legend,
    });
}

/// Where the card's old score sat on the emotion curve.
fn ghost_point(layout: &Layout, card: &crate::layout::Card, score: f64) -> Option<GhostPoint> {
    layout.emotion.iter().find_map(|chart| {
        let point = chart.curves.iter().flat_map(|c| &c.points).find(|p| {
            p.stage_index == card.stage_index && p.item == Some((card.lane_index, card.item_index))
        })?;
        let y = chart.plot.y + (5.0 - score) / 4.0 * chart.plot.height;
        Some(GhostPoint {
            at: Point { x: point.x, y },
            score,
        })
    })
}
