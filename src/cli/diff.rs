//! `journeymap diff BEFORE AFTER`: the changes between two maps, drawn on
//! the AFTER map (svg), one a line (text) or as JSON. Exit codes as
//! diff(1): 0 equal, 1 different, 2 trouble (an unreadable file, an
//! invalid map: its errors on stderr).

use super::{display_name, read_input, write_output};
use std::process::ExitCode;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Svg,
    Text,
    Json,
}

pub fn diff(before: &str, after: &str, output: Option<&str>, format: Format) -> ExitCode {
    let (Ok(old), Ok(new)) = (read_input(before), read_input(after)) else {
        return ExitCode::from(2);
    };
    let (old, new) = match (journeymap::validate(&old), journeymap::validate(&new)) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            for (file, result) in [(before, old), (after, new)] {
                for diagnostic in result.err().into_iter().flatten() {
                    eprintln!("{}", diagnostic.display_in(display_name(file)));
                }
            }
            return ExitCode::from(2);
        }
    };
    let changes = journeymap::diff::diff(&old, &new);
    let out = match format {
        Format::Svg => journeymap::render::render(
            &journeymap::diff::mark(&old, &new),
            &journeymap::RenderOptions::default(),
        ),
        Format::Text => changes.iter().map(|c| format!("{c}\n")).collect(),
        Format::Json => match serde_json::to_string_pretty(&changes) {
            Ok(json) => json + "\n",
            Err(error) => {
                eprintln!("journeymap: cannot write the changes: {error}");
                return ExitCode::from(2);
            }
        },
    };
    match write_output(output, &out) {
        code if code != ExitCode::SUCCESS => ExitCode::from(2),
        _ if changes.is_empty() => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    }
}
