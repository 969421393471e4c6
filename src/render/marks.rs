//! The marks of a diff (`Layout::marks`, from `journeymap diff`): classes
//! on marked cards and stage headers, a changed card's old text struck
//! through and its score change, old emotion points ghosted, and the
//! legend of the marks. Nothing is drawn for a map without marks.

use super::svg::Svg;
use super::text_block;
use crate::layout::{CardMark, Layout, Mark};

/// The class of a mark, on `jm-card` and `jm-stage` groups.
pub fn class(mark: Mark) -> &'static str {
    match mark {
        Mark::Added => "jm-added",
        Mark::Changed => "jm-changed",
        Mark::Removed => "jm-removed",
    }
}

/// The mark of card `index`, if any.
pub fn card_mark(layout: &Layout, index: usize) -> Option<&CardMark> {
    layout
        .marks
        .as_ref()?
        .cards
        .iter()
        .find(|m| m.card == index)
}

/// The mark of stage `index`, if any.
pub fn stage_mark(layout: &Layout, index: usize) -> Option<Mark> {
    let marks = layout.marks.as_ref()?;
    marks
        .stages
        .iter()
        .find(|(s, _)| *s == index)
        .map(|(_, m)| *m)
}

/// The marks' style rules, scoped to the map's root.
pub fn style(layout: &Layout, root_id: &str) -> String {
    if layout.marks.is_none() {
        return String::new();
    }
    let r = format!("#{root_id}");
    format!(
        "{r} .jm-added .jm-card-box,{r} .jm-added .jm-stage-box,{r} .jm-mark-added{{stroke:#2f9e44;stroke-width:3}}\
{r} .jm-changed .jm-card-box,{r} .jm-changed .jm-stage-box,{r} .jm-mark-changed{{stroke:#f08c00;stroke-width:3}}\
{r} .jm-removed{{opacity:.45}}{r} .jm-removed .jm-card-box,{r} .jm-removed .jm-stage-box,{r} .jm-mark-removed{{stroke:#868e96;stroke-width:2;stroke-dasharray:5 3}}\
{r} .jm-was{{text-decoration:line-through;opacity:.7}}{r} .jm-ghost-point{{fill:none;stroke:var(--jm-text);stroke-dasharray:2 2;opacity:.6}}\
{r} .jm-mark-added,{r} .jm-mark-changed,{r} .jm-mark-removed{{fill:var(--jm-card)}}"
    )
}

/// Inside a marked card's group: its old text and its score change.
pub fn card_extras(out: &mut Svg, mark: &CardMark) {
    if let Some(old) = &mark.old_text {
        text_block(out, old, Some("jm-was"));
    }
    if let Some(note) = &mark.note {
        text_block(out, note, Some("jm-score-change"));
    }
}

/// The ghosted old points and the legend of the marks.
pub fn overlay(out: &mut Svg, layout: &Layout) {
    let Some(marks) = &layout.marks else { return };
    for ghost in &marks.ghost_points {
        out.empty(
            "circle",
            &[
                ("class", "jm-ghost-point".into()),
                ("cx", ghost.at.x.into()),
                ("cy", ghost.at.y.into()),
                ("r", 5.0.into()),
            ],
        );
    }
    out.open("g", &[("class", "jm-diff-legend".into())]);
    for (mark, swatch, text) in &marks.legend.entries {
        let class = match mark {
            Mark::Added => "jm-mark-added",
            Mark::Changed => "jm-mark-changed",
            Mark::Removed => "jm-mark-removed",
        };
        out.rect(class, *swatch, 3.0);
        text_block(out, text, None);
    }
    out.close();
}
