//! The `mdbook-journeymap` command, as mdBook runs it: `mdbook-journeymap
//! supports RENDERER` (exit 0 for `html`, the renderer whose pages can hold
//! inline SVG), otherwise `[context, book]` on stdin and the rendered book
//! on stdout. Invalid maps: each error on stderr as `FILE:LINE:COL: PATH:
//! MESSAGE`, exit 1, and the build stops.

use std::io::{Read, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("supports") => {
            return if args.get(1).map(String::as_str) == Some("html") {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            };
        }
        Some(other) => {
            eprintln!(
                "mdbook-journeymap: unknown argument {other:?}; mdBook runs this command itself"
            );
            return ExitCode::from(2);
        }
        None => {}
    }
    let mut input = String::new();
    if let Err(error) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("mdbook-journeymap: cannot read stdin: {error}");
        return ExitCode::FAILURE;
    }
    match mdbook_journeymap::process(&input) {
        Ok(book) => match std::io::stdout().write_all(book.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("mdbook-journeymap: cannot write the book: {error}");
                ExitCode::FAILURE
            }
        },
        Err(errors) => {
            for error in errors {
                eprintln!("{error}");
            }
            ExitCode::FAILURE
        }
    }
}
