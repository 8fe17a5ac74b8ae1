//! The command line's own surface, run as the built binary: help for every command, usage
//! errors (exit code 2), shell completions, and file names that are not UTF-8.

use crate::profile_support;

use std::ffi::OsStr;
use std::process::{Command, Output};

use clap::CommandFactory as _;
use podvisor::cli::Cli;

fn podvisor<S: AsRef<OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podvisor")).args(args).output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// Every command's name, from the parser's own definition so a new command is covered.
fn commands() -> Vec<String> {
    Cli::command().get_subcommands().map(|command| command.get_name().to_owned()).collect()
}

#[test]
fn every_command_has_help_that_names_it() {
    let commands = commands();
    assert!(commands.len() >= 6, "{commands:?}");
    let top = podvisor(&["--help"]);
    assert_eq!(top.status.code(), Some(0));
    for command in &commands {
        assert!(text(&top.stdout).contains(&format!("\n  {command} ")), "--help lacks {command}");
        for args in [[command.as_str(), "--help"], [command.as_str(), "-h"], ["help", command.as_str()]] {
            let run = podvisor(&args);
            assert_eq!(run.status.code(), Some(0), "{args:?}");
            assert!(text(&run.stdout).contains(&format!("Usage: podvisor {command}")), "{args:?}");
            assert!(run.stderr.is_empty(), "{args:?}");
        }
    }
}

#[test]
fn version_prints_the_package_version() {
    for flag in ["--version", "-V"] {
        let run = podvisor(&[flag]);
        assert_eq!(run.status.code(), Some(0));
        assert_eq!(text(&run.stdout), format!("podvisor {}\n", env!("CARGO_PKG_VERSION")));
    }
}

#[test]
fn usage_errors_exit_2_and_print_nothing_on_stdout() {
    for args in [
        &["evaluate"][..],
        &["evaluate", "a.ron", "b.ron"],
        &["evaluate", "a.ron", "--format", "yaml"],
        &["evaluate", "a.ron", "--format"],
        &["compare", "a.ron"],
        &["compare", "a.ron", "b.ron", "c.ron"],
        &["validate"],
        &["validate", "a.ron", "b.ron"],
        &["validate", "a.ron", "-o", "b.ron"],
        &["normalize"],
        &["normalize", "a.ron", "-o"],
        &["normalize", "a.ron", "--frob", "x"],
        &["import"],
        &["import", "a.yaml", "b.yaml"],
        &["import", "a.yaml", "-o"],
        &["report", "a.ron", "--format", "json"],
        &["completions"],
        &["completions", "tcsh"],
        &["frobnicate", "a.ron"],
        &["shop.ron", "evaluate", "a.ron"],
        &["--nope"],
        &["evaluate", "--nope", "a.ron"],
    ] {
        let run = podvisor(args);
        assert_eq!(run.status.code(), Some(2), "{args:?}");
        assert!(run.stdout.is_empty(), "{args:?}");
        let stderr = text(&run.stderr);
        assert!(stderr.starts_with("error: ") && stderr.contains("--help"), "{args:?}: {stderr}");
    }
}

#[test]
fn completions_for_every_shell_name_the_program_and_its_commands() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let run = podvisor(&["completions", shell]);
        assert_eq!(run.status.code(), Some(0), "{shell}");
        let script = text(&run.stdout);
        assert!(script.contains("podvisor"), "{shell}");
        for command in commands() {
            assert!(script.contains(&command), "{shell} script lacks {command}");
        }
    }
}

/// A file name that is not UTF-8 is a path like any other: it opens, is named in messages
/// and can be written to.
#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_work() {
    use std::os::unix::ffi::OsStrExt as _;

    let folder = tempfile::tempdir().expect("temp dir");
    let original = profile_support::bundled()[0].clone();
    let odd = folder.path().join(OsStr::from_bytes(b"caf\xe9.ron"));
    std::fs::copy(&original, &odd).expect("copy to a non-UTF-8 name");

    let expected =
        podvisor(&[OsStr::new("evaluate"), original.as_os_str(), OsStr::new("--format"), OsStr::new("json")]);
    let run = podvisor(&[OsStr::new("evaluate"), odd.as_os_str(), OsStr::new("--format"), OsStr::new("json")]);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(run.stdout, expected.stdout);

    let out = folder.path().join(OsStr::from_bytes(b"r\xe9sum\xe9.md"));
    let report = podvisor(&[OsStr::new("report"), odd.as_os_str(), OsStr::new("-o"), out.as_os_str()]);
    assert_eq!(report.status.code(), Some(0), "{}", String::from_utf8_lossy(&report.stderr));
    assert!(std::fs::read_to_string(&out).expect("report written").starts_with("# "));

    let missing = folder.path().join(OsStr::from_bytes(b"gon\xe9.ron"));
    let run = podvisor(&[OsStr::new("validate"), missing.as_os_str()]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("gon\u{FFFD}.ron"), "the message names the file");
}

#[test]
fn hosts_lists_the_catalog_as_text_and_json() {
    let table = podvisor(&["hosts"]);
    assert_eq!(table.status.code(), Some(0));
    let table = text(&table.stdout);
    for id in ["aws/m6i.large", "azure/D16s_v5", "gcp/n2-standard-64"] {
        assert!(table.contains(id), "the table lacks {id}");
    }
    let json = podvisor(&["hosts", "--format", "json"]);
    assert_eq!(json.status.code(), Some(0));
    let hosts: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let large = hosts
        .as_array()
        .and_then(|hosts| hosts.iter().find(|host| host["id"] == "aws/m6i.large"))
        .expect("m6i.large is listed");
    // EKS on m6i.large: 29 pods (ENI formula), 2000 − 70 = 1930 millicores.
    assert_eq!(large["kubernetes"]["eks"]["max_pods"], 29);
    assert_eq!(large["kubernetes"]["eks"]["allocatable_cpu_millicores"], 1930);
    // Of which EKS's own DaemonSets request aws-node 25m + kube-proxy 100m.
    assert_eq!(large["kubernetes"]["eks"]["daemonsets_cpu_millicores"], 125);
    for flavour in ["eks", "gke", "aks", "self_managed"] {
        assert!(large["kubernetes"][flavour].is_object(), "{flavour} missing");
    }
}
