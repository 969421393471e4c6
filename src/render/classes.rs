//! The class and attribute names of the SVG that code outside the renderer
//! relies on: the browser shell finds stage headers and detail panels by
//! them, opens a panel by adding [`OPEN`], and picks its toolbar's theme
//! from the root's theme class; page scripts and tests select cards by
//! them. Declared here once: the renderer writes them from these constants,
//! and the shell receives them from the core (`constants()` in
//! `src/wasm.rs`, as `classes`) instead of spelling them itself. The list
//! is documented in docs/browser.md; renaming one is a breaking change.

/// A stage header (`role="button"`): clicked or pressed to zoom in.
pub const STAGE: &str = "jm-stage";
/// A stage's detail panel, hidden until it carries [`OPEN`].
pub const DETAIL: &str = "jm-detail";
/// Added by the shell to the open detail panel; the map's style sheet
/// shows only panels that have it.
pub const OPEN: &str = "jm-open";
/// A card: one item of a lane in a stage.
pub const CARD: &str = "jm-card";
/// The attribute holding the 0-based stage index on stage headers, detail
/// panels, cards and metric cells.
pub const STAGE_INDEX: &str = "data-stage-index";
/// Something a reader clicks (or presses Enter or Space on) to focus on a
/// persona, a channel or an owner: a persona's header box, its legend
/// entry, a channel's legend entry, swimlane header and scorecard row, an
/// owner chip. It
/// carries one of [`PERSONA_INDEX`], [`CHANNEL_INDEX`], [`OWNER_INDEX`],
/// for the shell.
pub const FOCUSABLE: &str = "jm-focusable";
/// The 0-based persona index, on persona header boxes, legend entries and
/// curve groups.
pub const PERSONA_INDEX: &str = "data-persona-index";
/// The channel index (into the built-in channels, then the map's own), on
/// channel legend entries, swimlane headers and scorecard rows.
pub const CHANNEL_INDEX: &str = "data-channel";
/// The owner index (into the layout's owners, in reading order), on owner
/// chips.
pub const OWNER_INDEX: &str = "data-owner";
/// A persona's curve and its points; the shell moves the focused one last,
/// so that it is drawn on top.
pub const CURVE_GROUP: &str = "jm-curve-group";
/// On what belongs to some personas only (with [`for_persona`] for each):
/// cards for some personas, persona boxes and legend entries.
pub const FOR_PERSONAS: &str = "jm-for-personas";
/// On what a channel focuses or shows, besides cards: its legend entry,
/// swimlane header and scorecard row (with [`channel`]).
pub const FOR_CHANNEL: &str = "jm-for-channel";
/// The channel scorecard's panel.
pub const CHANNELS: &str = "jm-channels";
/// One row of the scorecard (with [`channel`], [`FOR_CHANNEL`] and
/// [`CHANNEL_INDEX`]), in the drawn order: a focus button.
pub const CHANNEL_ROW: &str = "jm-channel-row";
/// A channel's row header in a `byChannel` touchpoints lane (a swimlane),
/// with [`channel`], [`FOR_CHANNEL`] and [`CHANNEL_INDEX`]: a focus button.
pub const SWIMLANE: &str = "jm-swimlane";
/// A card that rests on an assumption (`confidence: "assumption"`).
pub const ASSUMPTION: &str = "jm-assumption";
/// On the root while one thing is focused, with [`focus_class`].
pub const FOCUS: &str = "jm-focus";
/// How the root's focus class starts, for each kind of focus; the shell
/// gets them as `focusPersona`, `focusChannel`, `focusOwner`.
pub const FOCUS_PERSONA: &str = "jm-focus-persona-";
/// See [`FOCUS_PERSONA`].
pub const FOCUS_CHANNEL: &str = "jm-focus-channel-";
/// See [`FOCUS_PERSONA`].
pub const FOCUS_OWNER: &str = "jm-focus-owner-";

/// The class of every curve, point and card marker of persona `index`
/// (the style sheet strokes them in its colour).
pub fn persona(index: usize) -> String {
    format!("jm-persona-{index}")
}

/// What belongs to persona `index` (see [`FOR_PERSONAS`]).
pub fn for_persona(index: usize) -> String {
    format!("jm-for-persona-{index}")
}

/// A card of channel `index`, and its legend entry, swimlane header and
/// scorecard row.
pub fn channel(index: usize) -> String {
    format!("jm-channel-{index}")
}

/// A card of owner `index` (an index, never the owner's text).
pub fn owner(index: usize) -> String {
    format!("jm-owner-{index}")
}

/// The root's class while `focus` is shown: `jm-focus-persona-2`, ….
pub fn focus_class(focus: crate::layout::Focus) -> String {
    use crate::layout::Focus;
    match focus {
        Focus::Persona(i) => format!("{FOCUS_PERSONA}{i}"),
        Focus::Channel(i) => format!("{FOCUS_CHANNEL}{i}"),
        Focus::Owner(i) => format!("{FOCUS_OWNER}{i}"),
    }
}

/// On the root of a stacked layout (stages one under another, for narrow
/// screens); a wide layout's root does not have it.
pub const STACKED: &str = "jm-stacked";
/// The root's theme class, one of three.
pub const THEME_LIGHT: &str = "jm-theme-light";
/// See [`THEME_LIGHT`].
pub const THEME_DARK: &str = "jm-theme-dark";
/// See [`THEME_LIGHT`].
pub const THEME_AUTO: &str = "jm-theme-auto";

#[cfg(test)]
mod tests {
    use super::*;

    /// The map's style sheet (`style.rs`) writes its rules for these names
    /// as text: they must be the names the renderer writes.
    #[test]
    fn the_style_sheet_uses_these_names() {
        let map = r#"{"title":"t","stages":[{"name":"A","detail":"d","cells":{"actions":["x"]}}]}"#;
        let svg = crate::render_svg(map, &crate::render::RenderOptions::default()).unwrap();
        for rule in [
            format!(" .{STAGE}{{"),
            format!(" .{DETAIL}{{display:none}}"),
            format!(" .{DETAIL}.{OPEN}{{display:inline}}"),
        ] {
            assert!(svg.contains(&rule), "no rule {rule:?} in the style sheet");
        }
        for written in [
            format!(r#"class="{STAGE}""#),
            format!(r#"class="{DETAIL}""#),
            format!(r#"class="{CARD}""#),
            format!(r#"{STAGE_INDEX}="0""#),
        ] {
            assert!(svg.contains(&written), "{written:?} not in the SVG");
        }
        let themes = [THEME_LIGHT, THEME_DARK, THEME_AUTO];
        assert!(
            themes
                .iter()
                .any(|theme| svg.contains(&format!(r#"class="jm {theme}""#)))
        );
    }
}
