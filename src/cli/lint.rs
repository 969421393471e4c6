//! `journeymap lint`: the linter's findings in the form `check` prints its
//! errors, with the rule: `FILE:LINE:COL: warning[RULE]: PATH: MESSAGE`.

use super::{display_name, read_input, report, write_output};
use std::process::ExitCode;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn lint(file: &str, format: Format, allow: &[String]) -> ExitCode {
    for rule in allow {
        if let Some(near) = journeymap::lint::unknown_rule(rule) {
            let hint = near.map_or_else(String::new, |near| format!("; did you mean \"{near}\"?"));
            eprintln!(
                "journeymap: --allow: unknown rule {}{hint} (the rules: {})",
                serde_json::Value::from(rule.as_str()),
                journeymap::format::spec::LINT_RULES.join(", ")
            );
            return ExitCode::from(2);
        }
    }
    let text = match read_input(file) {
        Ok(text) => text,
        Err(code) => return code,
    };
    let allow: Vec<&str> = allow.iter().map(String::as_str).collect();
    let findings = match journeymap::lint::lint(&text, &allow) {
        Ok(findings) => findings,
        Err(diagnostics) => return report(file, &diagnostics),
    };
    let out = match format {
        Format::Text => findings
            .iter()
            .map(|f| f.display_in(display_name(file)) + "\n")
            .collect::<String>(),
        Format::Json => match serde_json::to_string_pretty(&findings) {
            Ok(json) => json + "\n",
            Err(error) => {
                eprintln!("journeymap: cannot write the findings: {error}");
                return ExitCode::from(2);
            }
        },
    };
    match write_output(None, &out) {
        code if code != ExitCode::SUCCESS => code,
        _ if findings.is_empty() => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    }
}
