//! The map's style sheet: colours as CSS custom properties (so a page can
//! restyle a map), light and dark palettes, and rules scoped to this one
//! map's root id, so that several maps on a page never restyle each other.
//!
//! The colours come resolved in the layout's [`Palette`]; the only values
//! that come from a map are colours, already parsed and written back as
//! `#rrggbb`.

use super::classes::{
    self, CARD, FOCUS_CHANNEL, FOCUS_OWNER, FOCUS_PERSONA, FOCUSABLE, FOR_CHANNEL, FOR_PERSONAS,
};
use crate::layout::{Layout, LayoutKind, Swatch, ThemeMode};

/// How strongly what is out of focus is drawn (the issue asks for at most
/// 0.35, nested dimming only lowers it).
const DIMMED: &str = "opacity:.3";

/// Rules that use the variables; `S` stands for the root selector.
const RULES: &str = "\
S{background:var(--jm-bg)}\
S .jm-bg{fill:var(--jm-bg)}\
S text{fill:var(--jm-text)}\
S .jm-muted,S .jm-small,S .jm-label,S .jm-description{fill:var(--jm-muted)}\
S .jm-label{letter-spacing:.04em}\
S .jm-persona-box{fill:var(--jm-surface);stroke:var(--jm-border)}\
S .jm-stage-box{fill:var(--jm-surface);stroke:var(--jm-border)}\
S .jm-stage{cursor:pointer;outline:none}\
S .jm-stage:hover .jm-stage-box,S .jm-stage:focus .jm-stage-box{stroke:var(--jm-accent);stroke-width:2}\
S .jm-lane-band{fill:var(--jm-band)}\
S .jm-lane-header{fill:var(--jm-surface)}\
S .jm-gridline{stroke:var(--jm-grid)}\
S .jm-card-box{fill:var(--jm-card);stroke:var(--jm-border)}\
S .jm-tone-negative .jm-card-box{fill:var(--jm-negative-bg);stroke:var(--jm-negative)}\
S .jm-tone-positive .jm-card-box{fill:var(--jm-positive-bg);stroke:var(--jm-positive)}\
S .jm-tone-idea .jm-card-box{fill:var(--jm-idea-bg);stroke:var(--jm-idea)}\
S .jm-icon{fill:none;stroke:var(--jm-muted);stroke-width:1.4;stroke-linecap:round;stroke-linejoin:round}\
S .jm-chip{fill:var(--jm-surface);stroke:var(--jm-border)}\
S .jm-chip-pain .jm-chip{fill:var(--jm-negative-bg);stroke:var(--jm-negative)}\
S .jm-chip-gain .jm-chip{fill:var(--jm-positive-bg);stroke:var(--jm-positive)}\
S .jm-chip-moment-of-truth .jm-chip{fill:var(--jm-warning-bg);stroke:var(--jm-warning)}\
S .jm-chip-drop-off .jm-chip{fill:var(--jm-negative-bg);stroke:var(--jm-warning)}\
S .jm-chip-owner .jm-chip{fill:var(--jm-bg)}\
S .jm-link text{fill:var(--jm-accent);text-decoration:underline}\
S .jm-baseline{stroke:var(--jm-neutral);stroke-dasharray:4 4}\
S .jm-scale{stroke:var(--jm-grid)}\
S .jm-curve{fill:none;stroke:var(--jm-accent);stroke-width:2.5;stroke-linecap:round}\
S .jm-point{stroke:var(--jm-bg)}\
S circle.jm-point{stroke-width:1.5}\
S .jm-dots{fill:none;stroke-linecap:round}\
S .jm-dots.jm-dot{stroke:currentColor}\
S .jm-score-1{fill:var(--jm-negative);color:var(--jm-negative)}\
S .jm-score-2{fill:var(--jm-warning);color:var(--jm-warning)}\
S .jm-score-3{fill:var(--jm-neutral);color:var(--jm-neutral)}\
S .jm-score-4{fill:#5fa86f;color:#5fa86f}\
S .jm-score-5{fill:var(--jm-positive);color:var(--jm-positive)}\
S .jm-funnel-track{fill:var(--jm-grid)}\
S .jm-funnel-bar{fill:var(--jm-accent)}\
S .jm-dropoff text{fill:var(--jm-warning)}\
S .jm-dropoff-max text{fill:var(--jm-negative);font-weight:700}\
S .jm-kpi-met{fill:var(--jm-positive)}\
S .jm-kpi-missed{fill:var(--jm-negative)}\
S .jm-rule{stroke:var(--jm-muted);stroke-dasharray:8 5;stroke-width:1.5}\
S .jm-route{fill:none;stroke:var(--jm-accent);stroke-width:2;stroke-opacity:.55;stroke-dasharray:1 5;stroke-linecap:round}\
S .jm-route-stop{fill:var(--jm-accent)}\
S .jm-detail{display:none}\
S .jm-detail.jm-open{display:inline}\
S .jm-detail-box{fill:var(--jm-card);stroke:var(--jm-accent);stroke-width:1.5}\
S .jm-quote-bar{fill:var(--jm-accent)}\
S .jm-assumption .jm-card-box{stroke:var(--jm-muted);stroke-width:1.5;stroke-dasharray:6 4}\
S .jm-chip-assumption .jm-chip{fill:var(--jm-bg);stroke:var(--jm-muted);stroke-dasharray:3 2}\
S .jm-chip-assumption text{font-style:italic}\
S .jm-chip-sources .jm-chip{fill:var(--jm-bg)}\
S .jm-chip-look-here .jm-chip{fill:var(--jm-negative-bg);stroke:var(--jm-negative)}\
S .jm-channels-box{fill:var(--jm-surface);stroke:var(--jm-border)}\
S .jm-channel-hit{fill:var(--jm-surface)}\
S .jm-channel-row:hover .jm-channel-hit,S .jm-channel-row:focus .jm-channel-hit{stroke:var(--jm-accent);stroke-width:1.5}\
S .jm-channel-row{outline:none}\
S .jm-score-track{fill:var(--jm-grid)}\
S .jm-detail-hint,S .jm-link-hint{fill:none;stroke:var(--jm-muted);stroke-width:1.3;stroke-linecap:round}\
@media print{S .jm-stage-box,S .jm-card-box{stroke-width:1.2}}";

fn variables(out: &mut String, selector: &str, swatches: &[Swatch]) {
    out.push_str(selector);
    out.push('{');
    for swatch in swatches {
        out.push_str("--jm-");
        out.push_str(swatch.name);
        out.push(':');
        out.push_str(&swatch.color.hex());
        out.push(';');
    }
    out.push('}');
}

/// The stacked layout's own rule: its details are shown in place, in
/// their stage's section, not only when a stage is zoomed.
const STACKED_RULES: &str = "S .jm-detail{display:inline}";

/// The style sheet for the map whose root has id `root_id`, in `mode`.
pub(super) fn style_sheet(root_id: &str, layout: &Layout, mode: ThemeMode) -> String {
    let palette = &layout.palette;
    let root = format!("#{root_id}");
    let mut out = String::new();
    match mode {
        ThemeMode::Light => variables(&mut out, &root, &palette.light),
        ThemeMode::Dark => variables(&mut out, &root, &palette.dark),
        ThemeMode::Auto => {
            variables(&mut out, &root, &palette.light);
            out.push_str("@media (prefers-color-scheme:dark){");
            variables(&mut out, &root, &palette.dark);
            out.push('}');
        }
    }
    if mode != ThemeMode::Light {
        // Paper is white: a dark map prints with the light palette.
        out.push_str("@media print{");
        variables(&mut out, &root, &palette.light);
        out.push('}');
    }
    out.push_str(&RULES.replace('S', &root));
    if layout.kind == LayoutKind::Stacked {
        out.push_str(&STACKED_RULES.replace('S', &root));
    }
    // A persona's colour: the stroke of its curve, points and markers,
    // and the fill of its markers (not of its points, filled by score).
    for (index, color) in palette.personas.iter().enumerate() {
        let (class, color) = (classes::persona(index), color.hex());
        out.push_str(&format!(
            "{root} .{class}{{stroke:{color}}}{root} .jm-persona-marker.{class}{{fill:{color}}}"
        ));
    }
    focus_rules(&mut out, &root, layout);
    out
}

/// One rule per persona, channel used and owner: under the root's focus
/// class, what does not belong to the focused one is dimmed (persona
/// markers, drawn apart from their cards, by the card classes they carry). Keyed by
/// index, so that focusing is one class on the root and no walk of the
/// drawing.
fn focus_rules(out: &mut String, root: &str, layout: &Layout) {
    out.push_str(&format!("{root} .{FOCUSABLE}{{cursor:pointer}}"));
    for index in 0..layout.focus.personas.len() {
        let on = format!("{root}.{FOCUS_PERSONA}{index}");
        let (mark, mine) = (classes::persona(index), classes::for_persona(index));
        out.push_str(&format!(
            "{on} .{FOR_PERSONAS}:not(.{mine}),{on} .jm-curve:not(.{mark}),\
             {on} .jm-point:not(.{mark}),{on} .jm-persona-marker:not(.{mark}){{{DIMMED}}}\
             {on} .jm-curve.{mark}{{stroke-width:4}}"
        ));
    }
    let mut channels: Vec<usize> = layout
        .cards
        .iter()
        .filter_map(|card| card.icon.as_ref().map(|icon| icon.channel))
        .collect();
    crate::sort::sort_by_key(&mut channels, |&channel| channel);
    channels.dedup();
    for index in channels {
        let (on, mine) = (
            format!("{root}.{FOCUS_CHANNEL}{index}"),
            classes::channel(index),
        );
        out.push_str(&format!(
            "{on} .{CARD}:not(.{mine}),{on} .{FOR_CHANNEL}:not(.{mine}),\
             {on} .jm-persona-marker:not(.{mine}){{{DIMMED}}}"
        ));
    }
    for index in 0..layout.focus.owners.len() {
        let (on, mine) = (
            format!("{root}.{FOCUS_OWNER}{index}"),
            classes::owner(index),
        );
        out.push_str(&format!(
            "{on} .{CARD}:not(.{mine}),{on} .jm-persona-marker:not(.{mine}){{{DIMMED}}}"
        ));
    }
}
