//! Which channels a map uses and how much, the order of the channel
//! scorecard's rows, and the channel it marks "look here first": the
//! numbers behind the scorecard, apart from its geometry (`scorecard`), as
//! docs/format.md states the rule.

use crate::model::Map;

/// The neutral score: a channel is scoring low below it.
const NEUTRAL: f64 = 3.0;

/// What the map says about one channel it uses.
pub struct Use {
    pub channel: usize,
    pub touchpoints: usize,
    pub stages: usize,
    scores: Vec<f64>,
    /// The channel's `share` when every channel used has one, else its
    /// touchpoints: what "used much" and the order compare.
    weight: f64,
}

impl Use {
    pub fn average(&self) -> Option<f64> {
        (!self.scores.is_empty())
            .then(|| self.scores.iter().sum::<f64>() / self.scores.len() as f64)
    }
}

/// The channels the map's items use, in the drawn order: by use (share when
/// every one has a share, else touchpoints), most first; then by
/// touchpoints, by stages, and by first use in reading order.
pub fn channels_used(map: &Map) -> Vec<Use> {
    let mut used: Vec<Use> = Vec::new();
    for stage in &map.stages {
        let mut seen: Vec<usize> = Vec::new();
        for item in stage.cells.iter().flatten() {
            let Some(channel) = item.channel else {
                continue;
            };
            let at = match used.iter().position(|u| u.channel == channel) {
                Some(at) => at,
                None => {
                    used.push(Use {
                        channel,
                        touchpoints: 0,
                        stages: 0,
                        scores: Vec::new(),
                        weight: 0.0,
                    });
                    used.len() - 1
                }
            };
            let Some(entry) = used.get_mut(at) else {
                continue;
            };
            entry.touchpoints += 1;
            entry.scores.extend(item.score);
            if !seen.contains(&channel) {
                seen.push(channel);
                entry.stages += 1;
            }
        }
    }
    let share = |u: &Use| map.channels.get(u.channel).and_then(|c| c.share);
    let by_share = used.iter().all(|u| share(u).is_some());
    for entry in &mut used {
        entry.weight = match (by_share, share(entry)) {
            (true, Some(share)) => share,
            _ => entry.touchpoints as f64,
        };
    }
    // Inserting each after every one it does not outrank keeps first use as
    // the last tie-break (a map uses a handful of channels; no sort's code
    // in the wasm).
    let key = |u: &Use| (u.weight, u.touchpoints, u.stages);
    let mut ordered: Vec<Use> = Vec::with_capacity(used.len());
    for entry in used {
        let at = ordered
            .iter()
            .position(|o| key(&entry) > key(o))
            .unwrap_or(ordered.len());
        ordered.insert(at, entry);
    }
    ordered
}

/// The channel to look at first, as a position in `used`: of the channels
/// whose touchpoints score below neutral (3) on average and that carry at
/// least the average use, the one where use × (3 − average) is largest,
/// the first in the drawn order on a tie. `None` when no channel is both.
pub fn look_here(used: &[Use]) -> Option<usize> {
    let mean = used.iter().map(|u| u.weight).sum::<f64>() / used.len().max(1) as f64;
    let mut best: Option<(usize, f64)> = None;
    for (at, entry) in used.iter().enumerate() {
        let Some(average) = entry.average() else {
            continue;
        };
        let gap = entry.weight * (NEUTRAL - average);
        if average < NEUTRAL && entry.weight >= mean && best.is_none_or(|(_, b)| gap > b) {
            best = Some((at, gap));
        }
    }
    best.map(|(at, _)| at)
}
