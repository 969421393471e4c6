//! Stages: their fields, their metrics (which channels share), and their
//! cells, lane by lane.

use super::checker::{Checker, Here};
use super::defaults::kind_name;
use super::ids::{Unknown, read_id, resolve};
use super::items::read_item;
use super::limits::{ITEMS, SHORT_TEXT};
use super::map::References;
use crate::diagnostic::quote;
use crate::format::spec::{Field, metric, stage};
use crate::model::{Item, LaneKind, Metric, MetricValue, Stage};
use serde_json::{Map as Object, Value};

pub fn read_stage(c: &mut Checker, value: &Value, here: Here<'_>, refs: &mut References) -> Stage {
    let empty = Object::new();
    let object = c.object(value, here, &stage::SPEC).unwrap_or(&empty);
    let name = if value.is_object() {
        c.text(object, here, &stage::NAME)
    } else {
        None
    };
    Stage {
        id: read_id(c, object, here, &stage::ID).unwrap_or_default(),
        name: name.unwrap_or_default(),
        goal: c.text(object, here, &stage::GOAL),
        description: c.text(object, here, &stage::DESCRIPTION),
        duration: c.text(object, here, &stage::DURATION),
        detail: c.text(object, here, &stage::DETAIL),
        quotes: c.text_list(object, here, &stage::QUOTES),
        score: c.number(object, here, &stage::SCORE),
        reach: c.number(object, here, &stage::REACH),
        metrics: read_metrics(c, object, here, &stage::METRICS),
        cells: read_cells(c, object, here, refs),
    }
}

/// The metrics of a stage or a channel, in `field`.
pub fn read_metrics(
    c: &mut Checker,
    object: &Object<String, Value>,
    here: Here<'_>,
    field: &Field,
) -> Vec<Metric> {
    let Some(value) = c.get(object, here, field) else {
        return Vec::new();
    };
    let here = here.key(field.name);
    let Some(values) = c.array(value, here, "an array of metrics") else {
        return Vec::new();
    };
    let mut metrics = Vec::new();
    for (i, value) in values.iter().enumerate() {
        let here = here.index(i);
        let Some(object) = c.object(value, here, &metric::SPEC) else {
            continue;
        };
        let label = c.text(object, here, &metric::LABEL);
        let value = c
            .get(object, here, &metric::VALUE)
            .and_then(|v| metric_value(c, v, here.key(metric::VALUE.name)));
        let unit = c.text(object, here, &metric::UNIT);
        let target = c
            .get(object, here, &metric::TARGET)
            .and_then(|v| metric_value(c, v, here.key(metric::TARGET.name)));
        let better = c.keyword(object, here, &metric::BETTER);
        if let (Some(label), Some(value)) = (label, value) {
            metrics.push(Metric {
                label,
                value,
                unit,
                target,
                better,
            });
        }
    }
    metrics
}

fn metric_value(c: &mut Checker, value: &Value, here: Here<'_>) -> Option<MetricValue> {
    match value {
        Value::Number(n) => n
            .as_f64()
            .filter(|f| f.is_finite())
            .map(MetricValue::Number),
        Value::String(_) => c.text_value(value, here, SHORT_TEXT).map(MetricValue::Text),
        other => {
            c.expected(here, "a number or a string", other);
            None
        }
    }
}

fn read_cells(
    c: &mut Checker,
    object: &Object<String, Value>,
    here: Here<'_>,
    refs: &mut References,
) -> Vec<Vec<Item>> {
    let mut cells: Vec<Vec<Item>> = vec![Vec::new(); refs.lanes.len()];
    let Some(value) = c.get(object, here, &stage::CELLS) else {
        return cells;
    };
    let here = here.key(stage::CELLS.name);
    let Value::Object(lanes) = value else {
        c.expected(here, "an object of lane id → array of items", value);
        return cells;
    };
    for (key, items) in lanes {
        let here = here.key(key);
        let lane_index = if refs.lanes_declared && !refs.quiet_lanes.contains_key(key.as_str()) {
            let unknown = Unknown {
                kind: "lane",
                none: "expected a lane declared in `lanes`, but it declares none",
                more: ", or add it to `lanes`",
            };
            resolve(c, here, &refs.lane_ids, key, &unknown)
        } else {
            // Without `lanes`, every valid key is a lane and invalid ones
            // were reported when the lanes were gathered; with `lanes`, a
            // key whose lane entry was rejected was reported there.
            refs.lane_ids.find(key)
        };
        let Some(lane) = lane_index.and_then(|i| refs.lanes.get(i)).cloned() else {
            continue;
        };
        let Some(items) = c.array(items, here, "an array of items") else {
            continue;
        };
        if !lane.kind.holds_items() && !items.is_empty() {
            let drawn_from = match lane.kind {
                LaneKind::Emotion => {
                    "is drawn from the `score` of items and stages; put a score on an item of another lane, or on the stage"
                }
                LaneKind::Metrics => {
                    "is drawn from the stages' `reach` and `metrics`; put them on the stage"
                }
                _ => "is a rule drawn across the map",
            };
            c.error(
                here,
                format!(
                    "expected no items in the {} lane {}, found {}: this lane {drawn_from}",
                    kind_name(lane.kind),
                    quote(key),
                    count(items.len(), "item")
                ),
            );
            continue;
        }
        let mut cell: Vec<Item> = Vec::with_capacity(items.len().min(ITEMS));
        for (i, item) in items.iter().enumerate() {
            // Past the limit (reported at the end), items are checked but
            // not kept.
            if let Some(item) = read_item(c, item, here.index(i), &lane, refs) {
                cell.push(item);
            }
        }
        if let Some(slot) = lane_index.and_then(|i| cells.get_mut(i)) {
            *slot = cell;
        }
    }
    cells
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}
