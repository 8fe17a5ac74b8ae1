//! Starts the window or runs a command; everything else lives in the library.

use std::io::Write as _;
use std::process::ExitCode;

use podvisor::cli::{self, Action, Outcome};

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().skip(1).collect();
    let outcome = match cli::parse_args(&args) {
        Ok(Action::Command(command)) => cli::execute(&command),
        Ok(Action::Window(path)) => match podvisor::app::run(path) {
            Ok(()) => Outcome::default(),
            Err(message) => Outcome { code: 1, stdout: String::new(), stderr: format!("podvisor: {message}\n") },
        },
        Err(message) => Outcome::usage(&message),
    };
    // A closed pipe (`podvisor evaluate x | head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    ExitCode::from(outcome.code)
}
