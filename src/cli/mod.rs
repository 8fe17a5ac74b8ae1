//! The command line: the same `evaluate` as the window, printed as text, JSON or Markdown.
//!
//! Exit codes: 0 success, 1 bad input (message on stderr naming the file and, where it
//! applies, line:column), 2 usage error.

mod commands;

use std::ffi::OsString;
use std::path::PathBuf;

pub use commands::{Outcome, execute};

/// What `main` should do after parsing the arguments.
#[derive(Debug, PartialEq)]
pub enum Action {
    /// Open the window, optionally with a profile.
    Window(Option<PathBuf>),
    /// Run a command without a window.
    Command(Command),
}

/// Output formats of `evaluate`, `compare` and friends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Markdown,
}

/// A windowless command.
#[derive(Debug, PartialEq)]
pub enum Command {
    Evaluate { file: PathBuf, format: Format },
    Normalize { file: PathBuf, out: Option<PathBuf> },
    Validate { file: PathBuf },
    Compare { a: PathBuf, b: PathBuf, format: Format },
    Report { file: PathBuf, out: Option<PathBuf> },
    Help,
    Version,
}

/// Usage text, printed by `--help` and after usage errors.
pub const USAGE: &str = "\
Podvisor — should this workload run on VMs or in containers?

Usage:
  podvisor [FILE.ron]                        open the window (with a profile)
  podvisor evaluate FILE [--format F]        score a profile; F = text (default), json, markdown
  podvisor normalize FILE [-o OUT]           rewrite a profile in canonical form (stdout without -o)
  podvisor validate FILE                     check a profile and print its warnings
  podvisor compare A B [--format F]          what differs between two profiles, and how it moves the answer
  podvisor report FILE [-o OUT.md]           a Markdown report for stakeholders (stdout without -o)
  podvisor --help | --version

Exit codes: 0 ok, 1 bad input, 2 usage error.";

/// Parses the arguments after the program name.
pub fn parse_args(args: &[OsString]) -> Result<Action, String> {
    let mut words = args.iter().map(|a| a.to_string_lossy().into_owned());
    let Some(first) = words.next() else {
        return Ok(Action::Window(None));
    };
    let rest: Vec<String> = words.collect();
    let command = match first.as_str() {
        "-h" | "--help" | "help" => Command::Help,
        "-V" | "--version" => Command::Version,
        "evaluate" => {
            let (file, options) = one_file(&first, &rest)?;
            Command::Evaluate { file, format: format_option(&options)? }
        }
        "normalize" => {
            let (file, options) = one_file(&first, &rest)?;
            Command::Normalize { file, out: path_option(&options, &["-o", "--output"])? }
        }
        "validate" => {
            let (file, options) = one_file(&first, &rest)?;
            no_options(&first, &options)?;
            Command::Validate { file }
        }
        "compare" => {
            let (mut files, options) = files(&rest);
            if files.len() != 2 {
                return Err("compare needs two files, A and B".to_owned());
            }
            let b = files.remove(1);
            let a = files.remove(0);
            Command::Compare { a, b, format: format_option(&options?)? }
        }
        "report" => {
            let (file, options) = one_file(&first, &rest)?;
            Command::Report { file, out: path_option(&options, &["-o", "--output"])? }
        }
        flag if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
        _ if rest.is_empty() => return Ok(Action::Window(Some(PathBuf::from(first)))),
        _ => return Err(format!("unknown command {first:?}")),
    };
    Ok(Action::Command(command))
}

/// `--name value` pairs in the order given.
type Options = Vec<(String, String)>;

/// Splits `rest` into positional files and `--name value` pairs.
fn files(rest: &[String]) -> (Vec<PathBuf>, Result<Options, String>) {
    let mut files = Vec::new();
    let mut options = Vec::new();
    let mut words = rest.iter();
    while let Some(word) = words.next() {
        if word.starts_with('-') && word.len() > 1 {
            match words.next() {
                Some(value) => options.push((word.clone(), value.clone())),
                None => return (files, Err(format!("{word} needs a value"))),
            }
        } else {
            files.push(PathBuf::from(word));
        }
    }
    (files, Ok(options))
}

/// Exactly one positional file and the options around it.
fn one_file(command: &str, rest: &[String]) -> Result<(PathBuf, Options), String> {
    let (mut files, options) = files(rest);
    let options = options?;
    match files.len() {
        0 => Err(format!("{command} needs a FILE")),
        1 => Ok((files.remove(0), options)),
        _ => Err(format!("{command} takes one file")),
    }
}

fn format_option(options: &[(String, String)]) -> Result<Format, String> {
    let mut format = Format::Text;
    for (name, value) in options {
        if name != "--format" && name != "-f" {
            return Err(format!("unknown option {name}"));
        }
        format = match value.as_str() {
            "text" => Format::Text,
            "json" => Format::Json,
            "markdown" | "md" => Format::Markdown,
            other => return Err(format!("unknown format {other:?} (text, json or markdown)")),
        };
    }
    Ok(format)
}

fn path_option(options: &[(String, String)], names: &[&str]) -> Result<Option<PathBuf>, String> {
    let mut path = None;
    for (name, value) in options {
        if !names.contains(&name.as_str()) {
            return Err(format!("unknown option {name}"));
        }
        path = Some(PathBuf::from(value));
    }
    Ok(path)
}

fn no_options(command: &str, options: &[(String, String)]) -> Result<(), String> {
    match options.first() {
        Some((name, _)) => Err(format!("{command} takes no option {name}")),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(words: &[&str]) -> Result<Action, String> {
        parse_args(&words.iter().map(OsString::from).collect::<Vec<_>>())
    }

    #[test]
    fn no_arguments_open_the_window() {
        assert_eq!(parse(&[]), Ok(Action::Window(None)));
        assert_eq!(parse(&["shop.ron"]), Ok(Action::Window(Some("shop.ron".into()))));
    }

    #[test]
    fn evaluate_takes_a_format() {
        assert_eq!(
            parse(&["evaluate", "a.ron", "--format", "json"]),
            Ok(Action::Command(Command::Evaluate { file: "a.ron".into(), format: Format::Json }))
        );
        assert!(parse(&["evaluate", "a.ron", "--format", "xml"]).is_err());
        assert!(parse(&["evaluate"]).is_err());
        assert!(parse(&["evaluate", "a.ron", "b.ron"]).is_err());
        assert!(parse(&["evaluate", "a.ron", "--format"]).is_err());
    }

    #[test]
    fn normalize_and_validate() {
        assert_eq!(
            parse(&["normalize", "a.ron", "-o", "b.ron"]),
            Ok(Action::Command(Command::Normalize { file: "a.ron".into(), out: Some("b.ron".into()) }))
        );
        assert_eq!(parse(&["validate", "a.ron"]), Ok(Action::Command(Command::Validate { file: "a.ron".into() })));
        assert!(parse(&["validate", "a.ron", "-o", "x"]).is_err());
        assert!(parse(&["frobnicate", "a.ron"]).is_err());
        assert_eq!(
            parse(&["compare", "a.ron", "b.ron", "--format", "markdown"]),
            Ok(Action::Command(Command::Compare { a: "a.ron".into(), b: "b.ron".into(), format: Format::Markdown }))
        );
        assert!(parse(&["compare", "a.ron"]).is_err());
        assert_eq!(
            parse(&["report", "a.ron", "-o", "r.md"]),
            Ok(Action::Command(Command::Report { file: "a.ron".into(), out: Some("r.md".into()) }))
        );
        assert!(parse(&["--frob"]).is_err());
    }
}
