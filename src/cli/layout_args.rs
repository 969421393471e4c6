//! The `--layout` and `--width` options that `render` and `layout` share,
//! and the choice of layout they make.

use journeymap::Layout;
use journeymap::layout::{STACKED_MAX_WIDTH, STACKED_MIN_WIDTH, STACKED_WIDTH};
use journeymap::model::Map;
use journeymap::text::TextMeasure;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct LayoutArgs {
    /// wide: stages as columns; stacked: stages one under another, for
    /// phones.
    #[arg(long, value_enum, default_value = "wide")]
    layout: LayoutArg,
    /// The stacked layout's width in px (390 by default); only with
    /// --layout stacked.
    #[arg(long, value_name = "PX", value_parser = parse_width)]
    width: Option<f64>,
}

#[derive(Clone, Copy, PartialEq, clap::ValueEnum)]
enum LayoutArg {
    Wide,
    Stacked,
}

fn parse_width(text: &str) -> Result<f64, String> {
    let range = STACKED_MIN_WIDTH..=STACKED_MAX_WIDTH;
    match text.parse::<f64>() {
        Ok(width) if range.contains(&width) => Ok(width),
        _ => Err(format!(
            "expected a number of px from {STACKED_MIN_WIDTH} to {STACKED_MAX_WIDTH}"
        )),
    }
}

impl LayoutArgs {
    /// The map laid out as asked, text measured with `measure`; `--width`
    /// with the wide layout is a usage error (exit 2), as the wide layout's
    /// width is its content's.
    pub fn lay_out(&self, map: &Map, measure: &dyn TextMeasure) -> Result<Layout, ExitCode> {
        match (self.layout, self.width) {
            (LayoutArg::Wide, None) => Ok(journeymap::layout::layout_with(map, measure)),
            (LayoutArg::Wide, Some(_)) => {
                eprintln!(
                    "error: --width is only for --layout stacked (the wide layout is as wide as its stages)"
                );
                Err(ExitCode::from(2))
            }
            (LayoutArg::Stacked, width) => Ok(journeymap::layout::stacked_with(
                map,
                width.unwrap_or(STACKED_WIDTH),
                measure,
            )),
        }
    }
}
