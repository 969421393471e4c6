//! `render` and `layout` with real fonts: `--font FAMILY`, `--font-file
//! PATH` and the map's own `theme.font` (docs: README.md, docs/cli.md). A
//! measured family is named first in the SVG; a family that is not
//! installed is a warning naming it and the fallback; a file that is not a
//! font is an error (exit 2). Needs the Debian packages fonts-dejavu-core
//! and fonts-liberation2 (scripts/setup.sh).

#[path = "support/cli.rs"]
mod cli;

use cli::{journeymap, text};
use serde_json::Value;

const DEJAVU_SANS: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

/// A map with one long card, and `theme.font` when given.
fn map(font: Option<&str>) -> String {
    let theme = font.map_or(String::new(), |f| {
        format!(", \"theme\": {{ \"font\": \"{f}\" }}")
    });
    format!(
        "{{ \"title\": \"Fonts\", \"stages\": [{{ \"name\": \"A\", \"cells\": {{ \"actions\": [\"Reads the whole twelve-page terms and conditions document before agreeing to anything, because the previous provider changed the cancellation terms without notice and charged a fee\"] }} }}]{theme} }}"
    )
}

fn font_family(svg: &str) -> &str {
    let start = svg.find("font-family=\"").expect("a font-family") + 13;
    let end = svg[start..].find('"').expect("closing quote") + start;
    &svg[start..end]
}

fn card_lines(layout: &[u8]) -> Vec<Value> {
    let layout: Value = serde_json::from_slice(layout).expect("layout JSON");
    layout["cards"][0]["lines"]
        .as_array()
        .expect("lines")
        .clone()
}

#[test]
fn font_file_is_measured_and_named_first() {
    let plain = journeymap(&["render", "-"], Some(&map(None)));
    let output = journeymap(
        &["render", "-", "--font-file", DEJAVU_SANS],
        Some(&map(None)),
    );
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stderr), "");
    let svg = text(&output.stdout);
    assert_eq!(
        font_family(&svg),
        "&apos;DejaVu Sans&apos;, &apos;Liberation Sans&apos;, Arial, Helvetica, sans-serif"
    );
    assert_ne!(svg, text(&plain.stdout));
    // DejaVu Sans is wider than Liberation Sans: the card needs more lines.
    let table = journeymap(&["layout", "-"], Some(&map(None)));
    let dejavu = journeymap(
        &["layout", "-", "--font-file", DEJAVU_SANS],
        Some(&map(None)),
    );
    assert!(card_lines(&dejavu.stdout).len() > card_lines(&table.stdout).len());
}

#[test]
fn font_family_is_looked_up_among_the_system_fonts() {
    let by_file = journeymap(
        &["layout", "-", "--font-file", DEJAVU_SANS],
        Some(&map(None)),
    );
    let by_name = journeymap(&["layout", "-", "--font", "dejavu sans"], Some(&map(None)));
    assert_eq!(by_name.status.code(), Some(0));
    assert_eq!(text(&by_name.stderr), "");
    assert_eq!(card_lines(&by_name.stdout), card_lines(&by_file.stdout));
}

#[test]
fn theme_font_installed_is_measured() {
    let themed = map(Some("DejaVu Sans, sans-serif"));
    let output = journeymap(&["render", "-"], Some(&themed));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stderr), "");
    assert!(font_family(&text(&output.stdout)).starts_with("&apos;DejaVu Sans&apos;, sans-serif"));
    let layout = journeymap(&["layout", "-"], Some(&themed));
    let by_flag = journeymap(&["layout", "-", "--font", "DejaVu Sans"], Some(&map(None)));
    assert_eq!(card_lines(&layout.stdout), card_lines(&by_flag.stdout));
    // A later family of the list is measured, and named first.
    let later = map(Some("No Such Font, DejaVu Sans, sans-serif"));
    let output = journeymap(&["render", "-"], Some(&later));
    assert_eq!(
        text(&output.stderr),
        "journeymap: warning: font \"No Such Font\" (theme.font) is not installed; measuring with \"DejaVu Sans\"\n"
    );
    assert!(
        font_family(&text(&output.stdout))
            .starts_with("&apos;DejaVu Sans&apos;, &apos;No Such Font&apos;")
    );
}

#[test]
fn missing_families_are_warnings_naming_the_fallback() {
    let plain = journeymap(&["layout", "-"], Some(&map(None)));
    let output = journeymap(&["layout", "-", "--font", "No Such Font"], Some(&map(None)));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        text(&output.stderr),
        "journeymap: warning: font \"No Such Font\" (--font) is not installed; measuring with the built-in Liberation Sans metrics\n"
    );
    assert_eq!(output.stdout, plain.stdout);
    let themed = map(Some("No Such Font, Other Missing, sans-serif"));
    let output = journeymap(&["render", "-"], Some(&themed));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        text(&output.stderr),
        "journeymap: warning: font \"No Such Font\" (theme.font) is not installed; measuring with the built-in Liberation Sans metrics\n\
         journeymap: warning: font \"Other Missing\" (theme.font) is not installed; measuring with the built-in Liberation Sans metrics\n"
    );
    // The table's own families and generic families need no font: silent.
    for font in ["Arial, sans-serif", "sans-serif", "Liberation Sans"] {
        let output = journeymap(&["render", "-"], Some(&map(Some(font))));
        assert_eq!(text(&output.stderr), "", "{font}");
    }
}

#[test]
fn without_fonts_the_output_depends_only_on_the_map() {
    let output = journeymap(&["render", "-"], Some(&map(None)));
    let map = journeymap::validate(&map(None)).expect("valid");
    let svg = journeymap::render::render(
        &journeymap::layout::layout(&map),
        &journeymap::render::RenderOptions::default(),
    );
    assert_eq!(text(&output.stdout), svg);
}

#[test]
fn unusable_font_files_and_names_exit_2() {
    let cases: [(&[&str], &str); 4] = [
        (
            &["--font-file", "Cargo.toml"],
            "journeymap: Cargo.toml: not a TrueType or OpenType font (unknown magic)\n",
        ),
        (
            &["--font-file", "does/not/exist.ttf"],
            "journeymap: does/not/exist.ttf: cannot read the font file: No such file or directory (os error 2)\n",
        ),
        (
            &["--font", "Bad'Name"],
            "journeymap: --font \"Bad'Name\": expected family names of letters, digits, spaces and hyphens separated by commas, found \"'\"; write family names without quotes: Open Sans, sans-serif\n",
        ),
        (
            &["--font", "A, B"],
            "journeymap: --font \"A, B\": expected one family name, found the list \"A, B\"\n",
        ),
    ];
    for command in ["render", "layout"] {
        for (args, message) in &cases {
            let output = journeymap(&[&[command, "-"], *args].concat(), Some(&map(None)));
            assert_eq!(output.status.code(), Some(2), "{command} {args:?}");
            assert_eq!(text(&output.stdout), "", "{command} {args:?}");
            assert_eq!(text(&output.stderr), *message, "{command} {args:?}");
        }
    }
    let both = journeymap(
        &[
            "render",
            "-",
            "--font",
            "DejaVu Sans",
            "--font-file",
            DEJAVU_SANS,
        ],
        Some(&map(None)),
    );
    assert_eq!(both.status.code(), Some(2));
}
