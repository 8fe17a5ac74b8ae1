//! Running a parsed command. Output is collected rather than printed so tests can check it.

use std::path::Path;

use super::{Command, Format, USAGE};
use crate::profile::{self, Loaded};
use crate::report::{self, Analysis, ComparedPair};

/// What a command printed and how it ended.
#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    pub code: u8,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    fn ok(stdout: String) -> Self {
        Self { code: 0, stdout, stderr: String::new() }
    }

    fn bad_input(message: impl std::fmt::Display) -> Self {
        Self { code: 1, stdout: String::new(), stderr: format!("podvisor: {message}\n") }
    }

    /// A usage error: the message and the usage text.
    pub fn usage(message: &str) -> Self {
        Self { code: 2, stdout: String::new(), stderr: format!("podvisor: {message}\n\n{USAGE}\n") }
    }
}

/// Runs a command.
pub fn execute(command: &Command) -> Outcome {
    match command {
        Command::Help => Outcome::ok(format!("{USAGE}\n")),
        Command::Version => Outcome::ok(format!("podvisor {}\n", env!("CARGO_PKG_VERSION"))),
        Command::Evaluate { file, format } => with_profile(file, |loaded| {
            let analysis = Analysis::new(loaded.profile.clone());
            let body = match format {
                Format::Text => report::text::analysis(&analysis),
                Format::Markdown => report::markdown::analysis(&analysis),
                Format::Json => {
                    let mut value = report::json::analysis(&analysis);
                    prepend_warnings(&mut value, &loaded.warnings);
                    json_text(&value)
                }
            };
            with_warnings(body, *format, &loaded.warnings)
        }),
        Command::Compare { a, b, format } => with_profile(a, |a| {
            with_profile(b, |b| {
                let pair = ComparedPair::new(a.profile.clone(), b.profile.clone());
                let warnings: Vec<String> = a.warnings.iter().chain(&b.warnings).cloned().collect();
                let body = match format {
                    Format::Text => report::text::comparison(&pair),
                    Format::Markdown => report::markdown::comparison(&pair),
                    Format::Json => json_text(&report::json::comparison(&pair)),
                };
                with_warnings(body, *format, &warnings)
            })
        }),
        Command::Report { file, out } => with_profile(file, |loaded| {
            let text = report::markdown::analysis(&Analysis::new(loaded.profile.clone()));
            let stderr: String = loaded.warnings.iter().map(|w| format!("warning: {w}\n")).collect();
            match out {
                None => Outcome { code: 0, stdout: text, stderr },
                Some(path) => match profile::write_atomically(path, text.as_bytes()) {
                    Ok(()) => Outcome { code: 0, stdout: String::new(), stderr },
                    Err(error) => Outcome::bad_input(format!("{}: cannot write: {error}", path.display())),
                },
            }
        }),
        Command::Normalize { file, out } => with_profile(file, |loaded| {
            let text = profile::to_canonical_string(&loaded.profile);
            let stderr: String = loaded.warnings.iter().map(|w| format!("warning: {w}\n")).collect();
            match out {
                None => Outcome { code: 0, stdout: text, stderr },
                Some(path) => match profile::save_file(path, &loaded.profile) {
                    Ok(()) => Outcome { code: 0, stdout: String::new(), stderr },
                    Err(error) => Outcome::bad_input(error),
                },
            }
        }),
        Command::Validate { file } => with_profile(file, |loaded| {
            let mut out: String = loaded.warnings.iter().map(|w| format!("warning: {w}\n")).collect();
            out.push_str(&format!("{}: valid profile {:?}\n", file.display(), loaded.profile.name));
            Outcome::ok(out)
        }),
    }
}

/// Load warnings go to stdout after a text body (they belong to the report) and are left to
/// the JSON's own `warnings` list otherwise.
fn with_warnings(mut body: String, format: Format, warnings: &[String]) -> Outcome {
    if format != Format::Json {
        for warning in warnings {
            body.push_str(&format!("warning: {warning}\n"));
        }
    }
    Outcome::ok(body)
}

fn prepend_warnings(value: &mut serde_json::Value, warnings: &[String]) {
    if let Some(list) = value.get_mut("warnings").and_then(|w| w.as_array_mut()) {
        list.splice(0..0, warnings.iter().map(|w| serde_json::Value::from(w.as_str())));
    }
}

fn json_text(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

fn with_profile(file: &Path, run: impl FnOnce(&Loaded) -> Outcome) -> Outcome {
    match profile::load_file(file) {
        Ok(loaded) => run(&loaded),
        Err(error) => Outcome::bad_input(error),
    }
}
