//! Starts the window or runs a command; everything else lives in the library.

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser as _;
use podvisor::cli::{self, Cli, Outcome};

fn main() -> ExitCode {
    // Usage errors end here: clap prints them with the usage and exits with code 2.
    let Cli { file, command } = Cli::parse();
    // The shipped data files, checked once before anything reads them.
    if let Err(error) = podvisor::builtin::load() {
        let _ = writeln!(std::io::stderr(), "podvisor: {error}");
        return ExitCode::from(1);
    }
    let outcome = match command {
        Some(command) => cli::execute(&command),
        None => match podvisor::app::run(file) {
            Ok(()) => Outcome::default(),
            Err(message) => Outcome { code: 1, stdout: String::new(), stderr: format!("podvisor: {message}\n") },
        },
    };
    // A closed pipe (`podvisor evaluate x | head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    ExitCode::from(outcome.code)
}
