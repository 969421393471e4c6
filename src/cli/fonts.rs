//! `--font` and `--font-file`: which measurer `render` and `layout` use.
//!
//! Without either, the map's own `theme.font` is looked up among the
//! system's fonts (the first installed family of the list is measured and
//! named first in the SVG); a map without `theme.font` is measured with the
//! built-in Liberation Sans table, so its output depends on nothing but the
//! map and the options. Families not found are warnings naming them and
//! the fallback; a font file that cannot be used is an error (exit 2: a bad
//! input of the command, like an unreadable file).

use journeymap::model::Map;
use journeymap::text::{
    FontFileMeasure, LiberationTable, SystemFonts, TextMeasure, choose_family, name_first,
};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct FontArgs {
    /// Measure text with this font family, looked up among the system's
    /// fonts, and name it first in the SVG (instead of the map's theme.font).
    #[arg(long, value_name = "FAMILY", conflicts_with = "font_file")]
    font: Option<String>,
    /// Measure text with this font file (TTF, OTF or TTC; its first face
    /// for every weight) and name its family first in the SVG.
    #[arg(long, value_name = "PATH")]
    font_file: Option<PathBuf>,
}

/// The measurer the options ask for; names the measured family first in
/// the map's `theme.font`, so that the SVG draws what was measured.
pub fn measurer(args: &FontArgs, map: &mut Map) -> Result<Box<dyn TextMeasure>, ExitCode> {
    let (measure, missing, asked) = if let Some(path) = &args.font_file {
        match FontFileMeasure::from_file(path) {
            Ok(measure) => (Some(measure), Vec::new(), "--font-file"),
            Err(error) => {
                eprintln!("journeymap: {error}");
                return Err(ExitCode::from(2));
            }
        }
    } else {
        let (list, asked) = match (&args.font, &map.theme.font) {
            (Some(family), _) => {
                if let Err(problem) = name_first(None, family) {
                    eprintln!("journeymap: --font {family:?}: {problem}");
                    return Err(ExitCode::from(2));
                }
                (family.clone(), "--font")
            }
            (None, Some(list)) => (list.clone(), "theme.font"),
            (None, None) => return Ok(Box::new(LiberationTable)),
        };
        let choice = choose_family(&list, &SystemFonts::default());
        (choice.measure, choice.missing, asked)
    };
    let fallback = measure.as_ref().map_or_else(
        || "the built-in Liberation Sans metrics".to_owned(),
        |m| format!("{:?}", m.family()),
    );
    for family in &missing {
        eprintln!(
            "journeymap: warning: font {family:?} ({asked}) is not installed; measuring with {fallback}"
        );
    }
    let Some(measure) = measure else {
        if let Some(family) = &args.font
            && missing.is_empty()
        {
            map.theme.font = name_first(map.theme.font.as_deref(), family).ok();
        }
        return Ok(Box::new(LiberationTable));
    };
    match name_first(map.theme.font.as_deref(), measure.family()) {
        Ok(list) => map.theme.font = Some(list),
        Err(problem) => eprintln!(
            "journeymap: warning: the font's family name {:?} cannot be written in the SVG ({problem}); the SVG names the map's fonts only",
            measure.family()
        ),
    }
    Ok(Box::new(measure))
}
