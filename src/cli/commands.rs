//! Running a parsed command. Output is collected rather than printed so tests can check it.

use std::path::Path;

use super::{Command, Format, USAGE};
use crate::model::{Assumptions, evaluate};
use crate::profile::{self, Loaded};
use crate::report;

/// What a command printed and how it ended.
#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    pub code: u8,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    fn ok(stdout: String) -> Self {
        Self {
            code: 0,
            stdout,
            stderr: String::new(),
        }
    }

    fn bad_input(message: impl std::fmt::Display) -> Self {
        Self {
            code: 1,
            stdout: String::new(),
            stderr: format!("podvisor: {message}\n"),
        }
    }

    /// A usage error: the message and the usage text.
    pub fn usage(message: &str) -> Self {
        Self {
            code: 2,
            stdout: String::new(),
            stderr: format!("podvisor: {message}\n\n{USAGE}\n"),
        }
    }
}

/// Runs a command.
pub fn execute(command: &Command) -> Outcome {
    match command {
        Command::Help => Outcome::ok(format!("{USAGE}\n")),
        Command::Version => Outcome::ok(format!("podvisor {}\n", env!("CARGO_PKG_VERSION"))),
        Command::Evaluate { file, format } => with_profile(file, |loaded| {
            let evaluation = evaluate(&loaded.profile, Assumptions::builtin());
            let profile = &loaded.profile;
            let mut out = match format {
                Format::Text => report::text::evaluation(profile, &evaluation),
                Format::Markdown => report::markdown::evaluation(profile, &evaluation),
                Format::Json => {
                    let mut value = report::json::evaluation(profile, &evaluation);
                    if let Some(warnings) = value.get_mut("warnings").and_then(|w| w.as_array_mut())
                    {
                        warnings.splice(
                            0..0,
                            loaded
                                .warnings
                                .iter()
                                .map(|w| serde_json::Value::from(w.as_str())),
                        );
                    }
                    serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
                }
            };
            if *format != Format::Json {
                for warning in &loaded.warnings {
                    out.push_str(&format!("warning: {warning}\n"));
                }
            }
            Outcome::ok(out)
        }),
        Command::Normalize { file, out } => with_profile(file, |loaded| {
            let text = profile::to_canonical_string(&loaded.profile);
            let stderr: String = loaded
                .warnings
                .iter()
                .map(|w| format!("warning: {w}\n"))
                .collect();
            match out {
                None => Outcome {
                    code: 0,
                    stdout: text,
                    stderr,
                },
                Some(path) => match profile::save_file(path, &loaded.profile) {
                    Ok(()) => Outcome {
                        code: 0,
                        stdout: String::new(),
                        stderr,
                    },
                    Err(error) => Outcome::bad_input(error),
                },
            }
        }),
        Command::Validate { file } => with_profile(file, |loaded| {
            let mut out: String = loaded
                .warnings
                .iter()
                .map(|w| format!("warning: {w}\n"))
                .collect();
            out.push_str(&format!(
                "{}: valid profile {:?}\n",
                file.display(),
                loaded.profile.name
            ));
            Outcome::ok(out)
        }),
    }
}

fn with_profile(file: &Path, run: impl FnOnce(&Loaded) -> Outcome) -> Outcome {
    match profile::load_file(file) {
        Ok(loaded) => run(&loaded),
        Err(error) => Outcome::bad_input(error),
    }
}
