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

mod diff;
mod fonts;
mod html;
mod import;
mod layout_args;
mod lint;

use layout_args::LayoutArgs;

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
    /// Render a map to one SVG document (or a pre-rendered <journey-map>
    /// element, or one self-contained HTML page).
    Render {
        /// The map (JSON, or a Mermaid journey diagram), or - for standard input.
        file: String,
        /// Write the output here instead of standard output.
        #[arg(short, long, value_name = "OUT.svg")]
        output: Option<String>,
        /// svg: the SVG document; fragment: a <journey-map> element holding
        /// the SVG and what the browser script needs to make it interactive
        /// without laying it out again; html: one page, the fragment with
        /// dist/journeymap.js inline.
        #[arg(long, value_enum, default_value = "svg")]
        format: FormatArg,
        /// The browser script to inline with --format html (by default
        /// journeymap.js beside this binary, or the repository's
        /// dist/journeymap.js).
        #[arg(long, value_name = "PATH")]
        script: Option<String>,
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
        /// Draw the map focused on this persona (by id): the rest dimmed.
        #[arg(long, value_name = "ID", group = "focus")]
        persona: Option<String>,
        /// Draw the map focused on this channel's touchpoints (by id).
        #[arg(long, value_name = "ID", group = "focus")]
        channel: Option<String>,
        /// Draw the map focused on the items of this owner (the name as written).
        #[arg(long, value_name = "NAME", group = "focus")]
        owner: Option<String>,
        #[command(flatten)]
        layout: LayoutArgs,
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
        #[command(flatten)]
        layout: LayoutArgs,
    },
    /// Advice on a valid map: prints each finding as
    /// FILE:LINE:COL: warning[RULE]: PATH: MESSAGE and exits 1 when there is
    /// any, 0 when there is none; an invalid map prints its errors, exit 1.
    Lint {
        /// The map (JSON), or - for standard input.
        file: String,
        /// text (one finding a line, on stdout) or json (an array).
        #[arg(long, value_enum, default_value = "text")]
        format: lint::Format,
        /// Switch a rule off for this run (again for more rules).
        #[arg(long, value_name = "RULE")]
        allow: Vec<String>,
    },
    /// Compare two maps: the AFTER map drawn with what was added, changed
    /// and removed marked (svg), or one change a line (text), or the
    /// changes as JSON. Exit 0 when equal, 1 when different, 2 on trouble.
    Diff {
        /// The map before (JSON), or - for standard input.
        before: String,
        /// The map after (JSON).
        after: String,
        /// Write the output here instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<String>,
        #[arg(long, value_enum, default_value = "svg")]
        format: diff::Format,
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

#[derive(Clone, Copy, PartialEq, clap::ValueEnum)]
enum FormatArg {
    Svg,
    Fragment,
    Html,
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
            format,
            script,
            theme,
            id_prefix,
            mermaid,
            font,
            persona,
            channel,
            owner,
            layout: choice,
        } => {
            let focus = [("persona", persona), ("channel", channel), ("owner", owner)]
                .into_iter()
                .find_map(|(kind, key)| key.map(|key| (kind, key)));
            render(
                &file,
                mermaid.options(),
                (&font, &choice),
                RenderOutput {
                    path: output.as_deref(),
                    format,
                    script: script.as_deref(),
                },
                theme,
                id_prefix,
                focus,
            )
        }
        Command::Layout {
            file,
            mermaid,
            font,
            layout: choice,
        } => layout(&file, mermaid.options(), &font, &choice),
        Command::Lint {
            file,
            format,
            allow,
        } => lint::lint(&file, format, &allow),
        Command::Diff {
            before,
            after,
            output,
            format,
        } => diff::diff(&before, &after, output.as_deref(), format),
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
pub(crate) fn display_name(file: &str) -> &str {
    if file == "-" { "<stdin>" } else { file }
}

pub(crate) fn read_input(file: &str) -> Result<String, ExitCode> {
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

pub(crate) fn report(file: &str, diagnostics: &[Diagnostic]) -> ExitCode {
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

/// The validated map and its JSON text (a Mermaid diagram's converted).
fn read_map(
    file: &str,
    mermaid: MermaidOptions<'_>,
) -> Result<(journeymap::model::Map, String), ExitCode> {
    let text = read_input(file)?;
    let (text, warnings) =
        import::map_text_from_input(file, text, mermaid).map_err(|d| report(file, &d))?;
    import::print_warnings(file, &warnings);
    let map = journeymap::validate(&text).map_err(|diagnostics| report(file, &diagnostics))?;
    Ok((map, text))
}

/// Where and how `render` writes.
struct RenderOutput<'a> {
    path: Option<&'a str>,
    format: FormatArg,
    script: Option<&'a str>,
}

fn render(
    file: &str,
    mermaid: MermaidOptions<'_>,
    (font, choice): (&fonts::FontArgs, &LayoutArgs),
    output: RenderOutput,
    theme: Option<ThemeArg>,
    id_prefix: String,
    focus: Option<(&str, String)>,
) -> ExitCode {
    let RenderOutput {
        path: output,
        format,
        script,
    } = output;
    // The script is read first: a missing one is reported before any work.
    let script = match format {
        FormatArg::Html => match html::read_script(script) {
            Ok(script) => Some(script),
            Err(message) => {
                eprintln!("journeymap: {message}");
                return ExitCode::from(2);
            }
        },
        _ if script.is_some() => {
            eprintln!("journeymap: --script is only for --format html");
            return ExitCode::from(2);
        }
        _ => None,
    };
    let (mut map, text) = match read_map(file, mermaid) {
        Ok(map) => map,
        Err(code) => return code,
    };
    let measure = match fonts::measurer(font, &mut map) {
        Ok(measure) => measure,
        Err(code) => return code,
    };
    let layout = match choice.lay_out(&map, measure.as_ref()) {
        Ok(layout) => layout,
        Err(code) => return code,
    };
    let focus = match focus.map(|(kind, key)| (kind, layout.focus.resolve(kind, &key))) {
        None => None,
        Some((_, Ok(focus))) => Some(focus),
        Some((kind, Err(message))) => {
            eprintln!("journeymap: --{kind}: {message}");
            return ExitCode::from(2);
        }
    };
    let options = journeymap::render::RenderOptions {
        id_prefix,
        theme: theme.map(|theme| match theme {
            ThemeArg::Light => ThemeMode::Light,
            ThemeArg::Dark => ThemeMode::Dark,
            ThemeArg::Auto => ThemeMode::Auto,
        }),
        focus,
        ..Default::default()
    };
    let out = match (format, script) {
        (FormatArg::Svg, _) => journeymap::render::render(&layout, &options),
        (FormatArg::Fragment, _) => journeymap::embed::fragment(&text, &layout, &options),
        (FormatArg::Html, script) => {
            let fragment = journeymap::embed::fragment(&text, &layout, &options);
            match html::page(&map.title, &fragment, script.as_deref().unwrap_or_default()) {
                Ok(page) => page,
                Err(message) => {
                    eprintln!("journeymap: {message}");
                    return ExitCode::from(2);
                }
            }
        }
    };
    write_output(output, &out)
}

fn layout(
    file: &str,
    mermaid: MermaidOptions<'_>,
    font: &fonts::FontArgs,
    choice: &LayoutArgs,
) -> ExitCode {
    let mut map = match read_map(file, mermaid) {
        Ok((map, _)) => map,
        Err(code) => return code,
    };
    let measure = match fonts::measurer(font, &mut map) {
        Ok(measure) => measure,
        Err(code) => return code,
    };
    let layout = match choice.lay_out(&map, measure.as_ref()) {
        Ok(layout) => layout,
        Err(code) => return code,
    };
    match serde_json::to_string_pretty(&layout) {
        Ok(json) => write_output(None, &(json + "\n")),
        Err(error) => {
            eprintln!("journeymap: cannot write the layout: {error}");
            ExitCode::from(2)
        }
    }
}

pub(crate) fn write_output(output: Option<&str>, text: &str) -> ExitCode {
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
