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
            format!(r#"class="{CARD} "#),
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
