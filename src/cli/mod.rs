//! Command-line interface: argument parsing, reading files or stdin, exit
//! codes. Everything else is the library's.
//!
//! Exit codes: 0 success, 1 an invalid map (errors on stderr), 2 a usage
//! error or a file that cannot be read or written (a font file that is not
//! a font included: like a missing file, it is trouble with the command's
//! inputs, not with the map).

use clap::{Parser, Subcommand};
use journeymap::Diagnostic;
use journeymap::mermaid::MermaidOptions;
use journeymap::model::ThemeMode;
use std::io::{Read, Write};
use std::process::ExitCode;

mod fonts;
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
        #[command(flatten)]
        mermaid: MermaidArgs,
    },
    /// Render a map to one SVG document.
    Render {
        /// The map (JSON, or a Mermaid journey diagram), or - for standard input.
        file: String,
        /// Write the SVG here instead of standard output.
        #[arg(short, long, value_name = "OUT.svg")]
        output: Option<String>,
        /// Colour theme; overrides the map's own.
        #[arg(long, value_enum)]
        theme: Option<ThemeArg>,
        /// Prefix for every id in the SVG, so several maps can share a page.
        #[arg(long, default_value = "jm", value_parser = parse_id_prefix)]
        id_prefix: String,
        #[command(flatten)]
        mermaid: MermaidArgs,
        #[command(flatten)]
        font: fonts::FontArgs,
    },
    /// Print the layout as JSON: canvas width and height, stages, lanes, and
    /// cards with x, y, width, height, stage id, lane id and wrapped lines.
    Layout {
        /// The map (JSON, or a Mermaid journey diagram), or - for standard input.
        file: String,
        #[command(flatten)]
        mermaid: MermaidArgs,
        #[command(flatten)]
        font: fonts::FontArgs,
    },
    /// Print the JSON Schema of the map format (for editors: "$schema").
    Schema,
    /// Convert a Mermaid journey diagram to a map: the JSON on stdout,
    /// warnings on stderr; errors as FILE:LINE:COL: PATH: MESSAGE, exit 1.
    ImportMermaid {
        /// The diagram (Mermaid `journey`), or - for standard input.
        file: String,
        #[command(flatten)]
        mermaid: MermaidArgs,
    },
}

/// How Mermaid input is imported, for every command that reads a map.
#[derive(clap::Args)]
struct MermaidArgs {
    /// Mermaid input: clamp scores outside 1-5 into that range (with a
    /// warning) instead of failing; decimal scores are kept.
    #[arg(long)]
    clamp: bool,
    /// Mermaid input: the map's language, a BCP 47 tag such as ja or pt-BR
    /// (the map gets it as "lang").
    #[arg(long, value_name = "TAG")]
    lang: Option<String>,
}

impl MermaidArgs {
    fn options(&self) -> MermaidOptions<'_> {
        MermaidOptions {
            clamp: self.clamp,
            lang: self.lang.as_deref(),
        }
    }
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ThemeArg {
    Light,
    Dark,
    Auto,
}

fn parse_id_prefix(prefix: &str) -> Result<String, String> {
    if journeymap::render::is_valid_id_prefix(prefix) {
        Ok(prefix.to_owned())
    } else {
        Err("expected a letter followed by letters, digits, - or _ (at most 64)".into())
    }
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
        Command::Check { file, mermaid } => check(&file, mermaid.options()),
        Command::Render {
            file,
            output,
            theme,
            id_prefix,
            mermaid,
            font,
        } => render(
            &file,
            mermaid.options(),
            &font,
            output.as_deref(),
            theme,
            id_prefix,
        ),
        Command::Layout {
            file,
            mermaid,
            font,
        } => layout(&file, mermaid.options(), &font),
        Command::Schema => {
            print!("{SCHEMA}");
            ExitCode::SUCCESS
        }
        Command::ImportMermaid { file, mermaid } => {
            import::import_mermaid(&file, mermaid.options())
        }
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
        std::fs::File::open(file).and_then(|f| {
            f.take(journeymap::parse::MAX_DOCUMENT_BYTES as u64 + 1)
                .read_to_end(&mut bytes)
                .map(|_| ())
        })
    };
    if let Err(error) = result {
        eprintln!("journeymap: cannot read {}: {error}", display_name(file));
        return Err(ExitCode::from(2));
    }
    if bytes.len() > journeymap::parse::MAX_DOCUMENT_BYTES {
        eprintln!(
            "{}: $: the document is over 5 MB ({} bytes at most); split the map or shorten its texts",
            display_name(file),
            journeymap::parse::MAX_DOCUMENT_BYTES
        );
        return Err(ExitCode::from(1));
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

fn check(file: &str, mermaid: MermaidOptions<'_>) -> ExitCode {
    let text = match read_input(file) {
        Ok(text) => text,
        Err(code) => return code,
    };
    let text = match import::map_text_from_input(file, text, mermaid) {
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

fn read_map(file: &str, mermaid: MermaidOptions<'_>) -> Result<journeymap::model::Map, ExitCode> {
    let text = read_input(file)?;
    let (text, warnings) =
        import::map_text_from_input(file, text, mermaid).map_err(|d| report(file, &d))?;
    import::print_warnings(file, &warnings);
    journeymap::validate(&text).map_err(|diagnostics| report(file, &diagnostics))
}

fn render(
    file: &str,
    mermaid: MermaidOptions<'_>,
    font: &fonts::FontArgs,
    output: Option<&str>,
    theme: Option<ThemeArg>,
    id_prefix: String,
) -> ExitCode {
    let mut map = match read_map(file, mermaid) {
        Ok(map) => map,
        Err(code) => return code,
    };
    let measure = match fonts::measurer(font, &mut map) {
        Ok(measure) => measure,
        Err(code) => return code,
    };
    let options = journeymap::render::RenderOptions {
        id_prefix,
        theme: theme.map(|theme| match theme {
            ThemeArg::Light => ThemeMode::Light,
            ThemeArg::Dark => ThemeMode::Dark,
            ThemeArg::Auto => ThemeMode::Auto,
        }),
        ..Default::default()
    };
    let layout = journeymap::layout::layout_with(&map, measure.as_ref());
    let svg = journeymap::render::render(&layout, &options);
    write_output(output, &svg)
}

fn layout(file: &str, mermaid: MermaidOptions<'_>, font: &fonts::FontArgs) -> ExitCode {
    let mut map = match read_map(file, mermaid) {
        Ok(map) => map,
        Err(code) => return code,
    };
    let measure = match fonts::measurer(font, &mut map) {
        Ok(measure) => measure,
        Err(code) => return code,
    };
    let layout = journeymap::layout::layout_with(&map, measure.as_ref());
    match serde_json::to_string_pretty(&layout) {
        Ok(json) => write_output(None, &(json + "\n")),
        Err(error) => {
            eprintln!("journeymap: cannot write the layout: {error}");
            ExitCode::from(2)
        }
    }
}

fn write_output(output: Option<&str>, text: &str) -> ExitCode {
    let result = match output {
        Some(path) if path != "-" => std::fs::write(path, text),
        _ => std::io::stdout().write_all(text.as_bytes()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!(
                "journeymap: cannot write {}: {error}",
                output.unwrap_or("<stdout>")
            );
            ExitCode::from(2)
        }
    }
}
