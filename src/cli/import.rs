//! Mermaid input on the command line: `import-mermaid`, and the step every
//! command that reads a map shares, so that `check` (and `render`) accept a
//! Mermaid `journey` diagram wherever they accept a map.

use super::{display_name, read_input, report};
use journeymap::Diagnostic;
use journeymap::mermaid::{MermaidOptions, from_mermaid, looks_like_mermaid};
use std::path::Path;
use std::process::ExitCode;

/// Whether an input is Mermaid: by its extension (`.mmd`, `.mermaid`) or,
/// whatever its name (stdin too), by its `journey` header.
pub fn is_mermaid(name: &str, text: &str) -> bool {
    let by_extension = name != "-"
        && Path::new(name).extension().is_some_and(|extension| {
            extension.eq_ignore_ascii_case("mmd") || extension.eq_ignore_ascii_case("mermaid")
        });
    by_extension || looks_like_mermaid(text)
}

/// Input text to map JSON text: a map is returned as it is; a Mermaid
/// diagram is imported with `options`. The warnings are the
/// import's; the errors are located in the input.
pub fn map_text_from_input(
    name: &str,
    text: String,
    options: MermaidOptions<'_>,
) -> Result<(String, Vec<Diagnostic>), Vec<Diagnostic>> {
    if !is_mermaid(name, &text) {
        return Ok((text, Vec::new()));
    }
    let imported = from_mermaid(&text, &options)?;
    Ok((imported.json, imported.warnings))
}

/// Prints warnings on stderr as `FILE:LINE:COL: PATH: warning: MESSAGE`.
pub fn print_warnings(file: &str, warnings: &[Diagnostic]) {
    let file = display_name(file);
    for warning in warnings {
        let place = match warning.location.at() {
            Some((line, column)) => format!("{file}:{line}:{column}"),
            None => file.to_owned(),
        };
        eprintln!("{place}: {}: warning: {}", warning.path(), warning.text());
    }
}

/// `journeymap import-mermaid FILE [--clamp] [--lang TAG]`: the map JSON on stdout,
/// warnings on stderr; exit 1 with the errors when the diagram has any.
pub fn import_mermaid(file: &str, options: MermaidOptions<'_>) -> ExitCode {
    let text = match read_input(file) {
        Ok(text) => text,
        Err(code) => return code,
    };
    match from_mermaid(&text, &options) {
        Ok(imported) => {
            print_warnings(file, &imported.warnings);
            println!("{}", imported.json);
            ExitCode::SUCCESS
        }
        Err(errors) => report(file, &errors),
    }
}
