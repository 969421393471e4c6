//! Command-line interface: argument parsing, reading files or stdin, exit
//! codes. Everything else is the library's.
//!
//! Exit codes: 0 success, 1 an invalid map (errors on stderr), 2 a usage
//! error or a file that cannot be read or written.

use clap::{Parser, Subcommand};
use journeymap::Diagnostic;
use std::io::Read;
use std::process::ExitCode;

mod import;

#[derive(Parser)]
#[command(
    name = "journeymap",
    version,
    about = "Customer journey maps from JSON to SVG",
    long_about = "Checks, lays out and renders customer journey maps written in the journeymap format (JSON).\nFILE may be - to read standard input."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a map: prints nothing and exits 0 when it is valid; prints every
    /// problem as FILE:LINE:COL: PATH: MESSAGE and exits 1 when it is not.
    Check {
        /// The map (JSON, or a Mermaid journey diagram), or - for standard input.
        file: String,
        /// Mermaid input: clamp scores outside 1-5 into that range.
        #[arg(long)]
        clamp: bool,
    },
    /// Print the JSON Schema of the map format (for editors: "$schema").
    Schema,
    /// Convert a Mermaid journey diagram to a map: the JSON on stdout,
    /// warnings on stderr; errors as FILE:LINE:COL: PATH: MESSAGE, exit 1.
    ImportMermaid {
        /// The diagram (Mermaid `journey`), or - for standard input.
        file: String,
        /// Clamp scores outside 1-5 into that range (with a warning) instead
        /// of failing; decimal scores are kept.
        #[arg(long)]
        clamp: bool,
    },
}

/// The JSON Schema, shipped inside the binary.
const SCHEMA: &str = include_str!("../../schema/journeymap.schema.json");

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Check { file, clamp } => check(&file, clamp),
        Command::Schema => {
            print!("{SCHEMA}");
            ExitCode::SUCCESS
        }
        Command::ImportMermaid { file, clamp } => import::import_mermaid(&file, clamp),
    }
}

/// The name errors are reported under: the path as given, `<stdin>` for `-`.
fn display_name(file: &str) -> &str {
    if file == "-" { "<stdin>" } else { file }
}

fn read_input(file: &str) -> Result<String, ExitCode> {
    let mut bytes = Vec::new();
    let result = if file == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(file).and_then(|mut f| {
            f.by_ref()
                .take(journeymap::parse::MAX_DOCUMENT_BYTES as u64 + 1)
                .read_to_end(&mut bytes)
                .map(|_| ())
        })
    };
    if let Err(error) = result {
        eprintln!("journeymap: cannot read {}: {error}", display_name(file));
        return Err(ExitCode::from(2));
    }
    String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        eprintln!(
            "{}: $: the file is not valid UTF-8 (invalid byte at offset {offset}); save it as UTF-8",
            display_name(file)
        );
        ExitCode::from(1)
    })
}

fn report(file: &str, diagnostics: &[Diagnostic]) -> ExitCode {
    for diagnostic in diagnostics {
        eprintln!("{}", diagnostic.display_in(display_name(file)));
    }
    ExitCode::from(1)
}

fn check(file: &str, clamp: bool) -> ExitCode {
    let text = match read_input(file) {
        Ok(text) => text,
        Err(code) => return code,
    };
    let text = match import::map_text_from_input(file, text, clamp) {
        Ok((text, warnings)) => {
            import::print_warnings(file, &warnings);
            text
        }
        Err(diagnostics) => return report(file, &diagnostics),
    };
    match journeymap::validate(&text) {
        Ok(_) => ExitCode::SUCCESS,
        Err(diagnostics) => report(file, &diagnostics),
    }
}
