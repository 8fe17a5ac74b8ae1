//! Running a parsed command. Output is collected rather than printed so tests can check it.

use std::path::{Path, PathBuf};

use clap::CommandFactory as _;

use super::{Cli, Command, DeckTheme, Format, ListFormat};
use crate::app::handout;
use crate::command::DeckSource;
use crate::import::{self, ImportError};
use crate::profile::{self, Adjustment, LoadError, SaveError};
use crate::report::{self, Analysis, ComparedPair};
use crate::ui::theme::ThemeChoice;

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
}

/// Why a command failed on its input (exit code 1). Usage errors never get this far: clap
/// reports them while parsing (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A profile could not be read or is not a valid profile.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// A Compose file or manifests could not be imported.
    #[error("{}", source.message(path))]
    Import { path: PathBuf, source: ImportError },
    /// A normalised or imported profile could not be saved.
    #[error(transparent)]
    Save(#[from] SaveError),
    /// A built-in data file did not load (a defect in the build).
    #[error(transparent)]
    Catalogs(#[from] &'static crate::model::catalogs::CatalogsError),
    /// The handout deck could not be drawn.
    #[error("cannot draw the deck: {0}")]
    Deck(String),
    /// A report could not be written.
    #[error("{}: cannot write: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Runs a command; a failure is reported on stderr with exit code 1.
pub fn execute(command: &Command) -> Outcome {
    run(command).unwrap_or_else(|error| Outcome {
        code: 1,
        stdout: String::new(),
        stderr: format!("podvisor: {error}\n"),
    })
}

fn run(command: &Command) -> Result<Outcome, Error> {
    Ok(match command {
        Command::Evaluate { file, format } => {
            let loaded = profile::load_file(file)?;
            let analysis = Analysis::new(loaded.profile);
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
        }
        Command::Compare { a, b, format } => {
            let (a, b) = (profile::load_file(a)?, profile::load_file(b)?);
            let warnings: Vec<Adjustment> = a.warnings.into_iter().chain(b.warnings).collect();
            let pair = ComparedPair::new(a.profile, b.profile);
            let body = match format {
                Format::Text => report::text::comparison(&pair),
                Format::Markdown => report::markdown::comparison(&pair),
                Format::Json => json_text(&report::json::comparison(&pair)),
            };
            with_warnings(body, *format, &warnings)
        }
        Command::Report { file, out } => {
            let loaded = profile::load_file(file)?;
            let text = report::markdown::analysis(&Analysis::new(loaded.profile));
            to_stdout_or_file(text, out.as_deref(), warning_lines(&loaded.warnings), |path, text| {
                profile::write_atomically(path, text.as_bytes())
                    .map_err(|source| Error::Write { path: path.to_owned(), source })
            })?
        }
        Command::Normalize { file, out } => {
            let loaded = profile::load_file(file)?;
            let text = profile::to_canonical_string(&loaded.profile);
            to_stdout_or_file(text, out.as_deref(), warning_lines(&loaded.warnings), |path, _| {
                Ok(profile::save_file(path, &loaded.profile)?)
            })?
        }
        Command::Import { file, out, profiles, host, kubernetes } => {
            // Compose reads variables from the environment over `.env`; so does the import.
            let options = import::Options { profiles: profiles.clone(), variables: std::env::vars().collect() };
            let imported = import::import_file_with(file, &options)
                .map_err(|source| Error::Import { path: file.clone(), source })?;
            let hosting = import::Hosting { host: host.clone(), kubernetes: *kubernetes };
            let profile = imported.to_profile_on(&hosting);
            let mut stderr = import::note_lines(file, &imported.notes);
            let on = if hosting.default_host() {
                "; costs rest on the default host (--host ID to choose one)".to_owned()
            } else {
                format!(" on {}", profile.environment.host)
            };
            stderr.push_str(&format!("{}: {} ({}){on}\n", file.display(), imported.summary(), imported.format.name()));
            to_stdout_or_file(profile::to_canonical_string(&profile), out.as_deref(), stderr, |path, _| {
                Ok(profile::save_file(path, &profile)?)
            })?
        }
        Command::Validate { file } => {
            let loaded = profile::load_file(file)?;
            let mut out = warning_lines(&loaded.warnings);
            out.push_str(&format!("{}: valid profile {:?}\n", file.display(), loaded.profile.name));
            Outcome::ok(out)
        }
        Command::Deck { folder, out, theme } => {
            let source = folder.clone().map_or(DeckSource::Examples, DeckSource::Folder);
            let theme = match theme {
                DeckTheme::Light => ThemeChoice::Light,
                DeckTheme::Dark => ThemeChoice::Dark,
            };
            let look = handout::Look { theme, ..handout::Look::default() };
            let mut pages = 0;
            let catalogs = crate::builtin::load()?;
            let bytes = handout::deck_pdf(&source, catalogs, &look, |_, of| pages = of).map_err(Error::Deck)?;
            profile::write_atomically(out, &bytes).map_err(|source| Error::Write { path: out.clone(), source })?;
            Outcome::ok(format!(
                "{}: {pages} pages, {} from {}\n",
                out.display(),
                kilobytes(bytes.len()),
                source.describe()
            ))
        }
        Command::Hosts { format } => {
            let catalogs = crate::builtin::load()?;
            Outcome::ok(match format {
                ListFormat::Text => report::hosts::hosts_text(catalogs),
                ListFormat::Json => report::hosts::hosts_json(catalogs),
            })
        }
        Command::Completions { shell } => {
            let mut script = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), env!("CARGO_PKG_NAME"), &mut script);
            // clap builds the script from Rust strings, so it is UTF-8.
            Outcome::ok(String::from_utf8_lossy(&script).into_owned())
        }
    })
}

/// `text` on stdout, or handed to `write` for the file `out`; `stderr` (load warnings,
/// import notes) on stderr either way (nothing but the error if writing fails).
fn to_stdout_or_file(
    text: String,
    out: Option<&Path>,
    stderr: String,
    write: impl FnOnce(&Path, &str) -> Result<(), Error>,
) -> Result<Outcome, Error> {
    let stdout = match out {
        None => text,
        Some(path) => {
            write(path, &text)?;
            String::new()
        }
    };
    Ok(Outcome { code: 0, stdout, stderr })
}

/// Load warnings go to stdout after a text body (they belong to the report) and are left to
/// the JSON's own `warnings` list otherwise.
fn with_warnings(mut body: String, format: Format, warnings: &[Adjustment]) -> Outcome {
    if format != Format::Json {
        body.push_str(&warning_lines(warnings));
    }
    Outcome::ok(body)
}

fn warning_lines(warnings: &[Adjustment]) -> String {
    warnings.iter().map(|w| format!("warning: {w}\n")).collect()
}

fn prepend_warnings(value: &mut serde_json::Value, warnings: &[Adjustment]) {
    if let Some(list) = value.get_mut("warnings").and_then(|w| w.as_array_mut()) {
        list.splice(0..0, warnings.iter().map(|w| serde_json::Value::from(w.to_string())));
    }
}

fn json_text(value: &serde_json::Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

/// A file's size for a person: "412 kB", "3.1 MB".
fn kilobytes(bytes: usize) -> String {
    if bytes < 1_000_000 { format!("{} kB", bytes.div_ceil(1000)) } else { format!("{:.1} MB", bytes as f64 / 1e6) }
}
