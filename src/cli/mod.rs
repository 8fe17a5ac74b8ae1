//! The command line: the same `evaluate` as the window, printed as text, JSON or Markdown.
//!
//! Parsing is clap's (derive): each command is one variant of [`Command`] whose doc comments
//! are its `--help`, and one arm in [`execute`]. Paths are kept as [`PathBuf`], never
//! converted to text, so a file name that is not UTF-8 still opens.
//!
//! Exit codes: 0 success, 1 bad input (message on stderr naming the file and, where it
//! applies, line:column), 2 usage error (clap's message and usage on stderr).

mod commands;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::model::kubernetes::KubernetesFlavour;
use crate::model::suggest;

pub use commands::{Error, Outcome, execute};

/// What the exit codes mean, shown at the end of `--help`.
const EXIT_CODES: &str = "Exit codes: 0 ok, 1 bad input, 2 usage error.";

/// Podvisor — should this workload run on VMs or in containers?
///
/// Without a command, opens the window (with FILE.ron, if given).
#[derive(Debug, PartialEq, Parser)]
#[command(
    name = "podvisor",
    version,
    after_help = EXIT_CODES,
    // `podvisor FILE.ron` opens the window: a first word that is not a command is the file.
    args_conflicts_with_subcommands = true,
    // `--format json --format text` means text, as a repeated option did before clap.
    args_override_self = true
)]
pub struct Cli {
    /// A profile to open in the window.
    #[arg(value_name = "FILE.ron")]
    pub file: Option<PathBuf>,
    /// A command to run without a window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// A windowless command. Adding one is a variant here and an arm in [`execute`].
#[derive(Debug, PartialEq, Subcommand)]
pub enum Command {
    /// Score a profile: verdict, criteria, resources, break-evens and sensitivity.
    Evaluate {
        /// The profile to score.
        file: PathBuf,
        /// How to print the result.
        #[arg(short, long, value_enum, default_value_t)]
        format: Format,
    },
    /// Rewrite a profile in canonical form (to stdout without -o).
    Normalize {
        /// The profile to rewrite.
        file: PathBuf,
        /// Write the canonical profile to this file (atomically) instead of stdout.
        #[arg(short, long = "output", value_name = "OUT")]
        out: Option<PathBuf>,
    },
    /// Make a profile of a Docker Compose file or Kubernetes manifests (to stdout without -o);
    /// every import note goes to stderr.
    Import {
        /// The Compose file or manifests (YAML).
        #[arg(value_name = "FILE.yaml")]
        file: PathBuf,
        /// Write the profile to this file (atomically) instead of stdout.
        #[arg(short, long = "output", value_name = "OUT.ron")]
        out: Option<PathBuf>,
        /// Include the Compose services of this profile (repeatable; `*` for all), as
        /// `docker compose --profile` does; without it they are left out, with a note.
        #[arg(long = "profile", value_name = "NAME")]
        profiles: Vec<String>,
        /// Cost the estate on this catalog host (`podvisor hosts` lists the ids); without it,
        /// costs rest on the profile's default custom host, and the profile says so.
        #[arg(long, value_name = "ID", value_parser = host_id)]
        host: Option<String>,
        /// Who runs the Kubernetes cluster: `self_managed`, `eks`, `gke` or `aks`.
        #[arg(long, value_name = "FLAVOUR", value_parser = flavour)]
        kubernetes: Option<KubernetesFlavour>,
    },
    /// Check a profile and print its warnings.
    Validate {
        /// The profile to check.
        file: PathBuf,
    },
    /// What differs between two profiles, and how it moves the answer.
    Compare {
        /// The profile compared from.
        a: PathBuf,
        /// The profile compared to (deltas are B − A).
        b: PathBuf,
        /// How to print the result.
        #[arg(short, long, value_enum, default_value_t)]
        format: Format,
    },
    /// A Markdown report for stakeholders (to stdout without -o).
    Report {
        /// The profile to report on.
        file: PathBuf,
        /// Write the report to this file (atomically) instead of stdout.
        #[arg(short, long = "output", value_name = "OUT.md")]
        out: Option<PathBuf>,
    },
    /// The deck to hand out, as PDF: every slide as presenter mode shows it, one page each,
    /// with its notes under it. Draws through the graphics adapter (or Mesa's software one).
    Deck {
        /// A folder of profiles (*.ron), presented in file-name order; without it, the
        /// bundled examples.
        folder: Option<PathBuf>,
        /// Write the PDF to this file (atomically).
        #[arg(short, long = "output", value_name = "OUT.pdf")]
        out: PathBuf,
        /// Light pages for paper, or dark as on most projectors.
        #[arg(long, value_enum, default_value_t)]
        theme: DeckTheme,
    },
    /// List the cloud host catalog: shape, price and, per Kubernetes flavour, allocatable
    /// memory, CPU and max pods.
    Hosts {
        /// How to print the catalog.
        #[arg(short, long, value_enum, default_value_t)]
        format: ListFormat,
    },
    /// Print a shell completion script to stdout.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// `--host`: `custom` or a catalog id; an unknown one is a usage error naming the closest ids.
fn host_id(id: &str) -> Result<String, String> {
    let catalogs = crate::builtin::load().map_err(ToString::to_string)?;
    catalogs.hosts.choose(id).map(|_| id.to_owned()).map_err(|error| error.to_string())
}

/// `--kubernetes`: a flavour's id; an unknown one is a usage error naming the closest.
fn flavour(key: &str) -> Result<KubernetesFlavour, String> {
    KubernetesFlavour::from_key(key).ok_or_else(|| {
        let keys = KubernetesFlavour::ALL.map(KubernetesFlavour::key);
        match suggest::closest(key, keys) {
            Some(close) => format!("no Kubernetes flavour {key:?} (did you mean {close}?)"),
            None => format!("no Kubernetes flavour {key:?} (one of {})", keys.join(", ")),
        }
    })
}

/// Output formats of `evaluate` and `compare`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Plain text for a terminal.
    #[default]
    Text,
    /// The stable JSON contract described in the README.
    Json,
    /// A Markdown document.
    #[value(alias = "md")]
    Markdown,
}

/// The look of a handout deck.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum DeckTheme {
    #[default]
    Light,
    Dark,
}

/// Output formats of listings that have no Markdown form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// An aligned table for a terminal.
    #[default]
    Text,
    /// JSON, as described in the README.
    Json,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;
    use clap::error::ErrorKind;

    use super::*;

    fn parse(words: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("podvisor").chain(words.iter().copied()))
    }

    fn command(words: &[&str]) -> Command {
        parse(words).expect("parses").command.expect("a command")
    }

    fn usage_error(words: &[&str]) -> bool {
        parse(words).is_err_and(|error| error.exit_code() == 2)
    }

    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn no_command_opens_the_window() {
        assert_eq!(parse(&[]).expect("parses"), Cli { file: None, command: None });
        assert_eq!(parse(&["shop.ron"]).expect("parses"), Cli { file: Some("shop.ron".into()), command: None });
        assert!(usage_error(&["shop.ron", "other.ron"]));
    }

    #[test]
    fn evaluate_takes_a_format() {
        assert_eq!(
            command(&["evaluate", "a.ron", "--format", "json"]),
            Command::Evaluate { file: "a.ron".into(), format: Format::Json }
        );
        assert_eq!(
            command(&["evaluate", "-f", "md", "a.ron"]),
            Command::Evaluate { file: "a.ron".into(), format: Format::Markdown }
        );
        assert_eq!(command(&["evaluate", "a.ron"]), Command::Evaluate { file: "a.ron".into(), format: Format::Text });
        assert_eq!(
            command(&["evaluate", "a.ron", "--format", "json", "--format", "text"]),
            Command::Evaluate { file: "a.ron".into(), format: Format::Text },
            "the last repeated option wins"
        );
        for words in [
            &["evaluate", "a.ron", "--format", "xml"][..],
            &["evaluate"],
            &["evaluate", "a.ron", "b.ron"],
            &["evaluate", "a.ron", "--format"],
        ] {
            assert!(usage_error(words), "{words:?}");
        }
    }

    #[test]
    fn normalize_validate_compare_report() {
        assert_eq!(
            command(&["normalize", "a.ron", "-o", "b.ron"]),
            Command::Normalize { file: "a.ron".into(), out: Some("b.ron".into()) }
        );
        assert_eq!(command(&["validate", "a.ron"]), Command::Validate { file: "a.ron".into() });
        assert_eq!(
            command(&["import", "compose.yaml", "-o", "shop.ron"]),
            Command::Import {
                file: "compose.yaml".into(),
                out: Some("shop.ron".into()),
                profiles: Vec::new(),
                host: None,
                kubernetes: None
            }
        );
        assert_eq!(
            command(&["import", "k8s.yml", "--profile", "debug", "--profile", "ai"]),
            Command::Import {
                file: "k8s.yml".into(),
                out: None,
                profiles: vec!["debug".into(), "ai".into()],
                host: None,
                kubernetes: None
            }
        );
        assert_eq!(
            command(&["import", "k8s.yml", "--host", "aws/m6i.4xlarge", "--kubernetes", "eks"]),
            Command::Import {
                file: "k8s.yml".into(),
                out: None,
                profiles: Vec::new(),
                host: Some("aws/m6i.4xlarge".into()),
                kubernetes: Some(KubernetesFlavour::Eks)
            }
        );
        assert_eq!(
            command(&["compare", "a.ron", "b.ron", "--format", "markdown"]),
            Command::Compare { a: "a.ron".into(), b: "b.ron".into(), format: Format::Markdown }
        );
        assert_eq!(
            command(&["report", "a.ron", "--output", "r.md"]),
            Command::Report { file: "a.ron".into(), out: Some("r.md".into()) }
        );
        assert_eq!(
            command(&["deck", "talk", "-o", "talk.pdf"]),
            Command::Deck { folder: Some("talk".into()), out: "talk.pdf".into(), theme: DeckTheme::Light }
        );
        assert_eq!(
            command(&["deck", "--output", "examples.pdf", "--theme", "dark"]),
            Command::Deck { folder: None, out: "examples.pdf".into(), theme: DeckTheme::Dark }
        );
        assert_eq!(command(&["hosts"]), Command::Hosts { format: ListFormat::Text });
        assert_eq!(command(&["hosts", "--format", "json"]), Command::Hosts { format: ListFormat::Json });
        for words in [
            &["validate", "a.ron", "-o", "x"][..],
            &["import"],
            &["import", "a.yaml", "b.yaml"],
            &["import", "a.yaml", "--host", "aws/m6i.4xlarg"],
            &["import", "a.yaml", "--kubernetes", "ekss"],
            &["hosts", "--format", "markdown"],
            &["deck", "talk"],
            &["deck", "-o", "a.pdf", "--theme", "blue"],
            &["frobnicate", "a.ron"],
            &["compare", "a.ron"],
            &["--frob"],
        ] {
            assert!(usage_error(words), "{words:?}");
        }
    }

    #[test]
    fn help_and_version_are_not_errors() {
        for words in [&["--help"][..], &["help"], &["evaluate", "--help"], &["help", "compare"]] {
            assert_eq!(parse(words).expect_err("prints help").kind(), ErrorKind::DisplayHelp, "{words:?}");
        }
        assert_eq!(parse(&["--version"]).expect_err("prints the version").kind(), ErrorKind::DisplayVersion);
    }
}
