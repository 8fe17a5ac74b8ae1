//! The `normalize` and `validate` commands, run as the built binary: exit codes, where the
//! output goes, and that normalising changes neither the evaluation nor a normalised file.

use crate::profile_support;

use std::path::Path;
use std::process::{Command, Output};

fn podvisor(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podvisor")).args(args).output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

fn bad_profile(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_profiles").join(name).display().to_string()
}

/// A bundled profile, or the fully non-default one written to `folder` if none are bundled.
fn sample(folder: &Path) -> String {
    profile_support::bundled().first().map_or_else(
        || {
            let path = folder.join("sample.ron");
            podvisor::profile::save_file(&path, &profile_support::fully_non_default()).expect("sample saved");
            path.display().to_string()
        },
        |path| path.display().to_string(),
    )
}

#[test]
fn normalize_prints_the_canonical_form_and_is_idempotent() {
    let folder = tempfile::tempdir().unwrap();
    let input = sample(folder.path());
    let first = podvisor(&["normalize", &input]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let expected =
        podvisor::profile::to_canonical_string(&podvisor::profile::load_file(Path::new(&input)).unwrap().profile);
    assert_eq!(text(&first.stdout), expected);

    let normalized = folder.path().join("normalized.ron");
    std::fs::write(&normalized, &first.stdout).unwrap();
    let second = podvisor(&["normalize", normalized.to_str().unwrap()]);
    assert_eq!(second.stdout, first.stdout, "normalize is not idempotent");
}

#[test]
fn normalize_keeps_the_evaluation() {
    let folder = tempfile::tempdir().unwrap();
    let mut inputs = profile_support::bundled().iter().map(|p| p.display().to_string()).collect::<Vec<_>>();
    inputs.push(sample(folder.path()));
    for input in inputs {
        let out = folder.path().join("out.ron");
        let normalize = podvisor(&["normalize", &input, "-o", out.to_str().unwrap()]);
        assert_eq!(normalize.status.code(), Some(0), "{}", text(&normalize.stderr));
        let before = podvisor(&["evaluate", &input, "--format", "json"]);
        let after = podvisor(&["evaluate", out.to_str().unwrap(), "--format", "json"]);
        assert_eq!(before.status.code(), Some(0));
        let before: serde_json::Value = serde_json::from_slice(&before.stdout).unwrap();
        let after: serde_json::Value = serde_json::from_slice(&after.stdout).unwrap();
        assert_eq!(before, after, "{input}");
    }
}

#[test]
fn normalize_with_output_writes_the_file_atomically() {
    let folder = tempfile::tempdir().unwrap();
    let input = sample(folder.path());
    let out = folder.path().join("out.ron");
    std::fs::write(&out, "old contents").unwrap();
    let run = podvisor(&["normalize", &input, "-o", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert!(run.stdout.is_empty());
    assert_eq!(std::fs::read(&out).unwrap(), podvisor(&["normalize", &input]).stdout);
    let leftovers = profile_support::temp_files(folder.path());
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn normalize_into_a_missing_folder_fails_cleanly() {
    let folder = tempfile::tempdir().unwrap();
    let input = sample(folder.path());
    let out = folder.path().join("no/such/folder/out.ron");
    let run = podvisor(&["normalize", &input, "-o", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    assert!(stderr.contains(&format!("{}: cannot save", out.display())), "{stderr}");
    assert!(!out.exists());
}

#[test]
fn validate_accepts_a_good_file() {
    let folder = tempfile::tempdir().unwrap();
    let input = sample(folder.path());
    let run = podvisor(&["validate", &input]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let stdout = text(&run.stdout);
    assert!(stdout.contains(&format!("{input}: valid profile")), "{stdout}");
    assert!(!stdout.contains("warning"), "{stdout}");
}

#[test]
fn validate_reports_clamped_values_as_warnings() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("clamped.ron");
    std::fs::write(
        &path,
        "(format: \"podvisor-profile\", version: 1, workload: (replicas: 0, isolation_need: 14), weights: {\"isolation\": 9})",
    )
    .unwrap();
    let run = podvisor(&["validate", path.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let stdout = text(&run.stdout);
    for warning in [
        "warning: workload.replicas: 0 is below the minimum 1; using 1",
        "warning: workload.isolation_need: 14 is above the maximum 10; using 10",
        "warning: weights.isolation: 9.0 is above the maximum 5.0; using 5.0",
    ] {
        assert!(stdout.contains(warning), "{warning:?} missing from {stdout}");
    }
    // normalize writes the clamped values and repeats the warnings on stderr.
    let normalize = podvisor(&["normalize", path.to_str().unwrap()]);
    assert!(text(&normalize.stdout).contains("        replicas: 1,"));
    assert!(text(&normalize.stderr).contains("warning: workload.replicas"));
}

#[test]
fn bad_files_exit_1_naming_file_line_and_column() {
    for (name, place) in
        [("unknown_field.ron", ":5:9: unknown field `replica`"), ("nan.ron", ":5:22: workload.peak_factor")]
    {
        let file = bad_profile(name);
        for command in ["validate", "normalize", "evaluate"] {
            let run = podvisor(&[command, &file]);
            assert_eq!(run.status.code(), Some(1), "{command} {name}");
            assert!(run.stdout.is_empty(), "{command} {name}");
            let stderr = text(&run.stderr);
            assert!(stderr.contains(&format!("{file}{place}")), "{command} {name}: {stderr}");
        }
    }
    let run = podvisor(&["validate", &bad_profile("empty.ron")]);
    assert_eq!(run.status.code(), Some(1));
    assert!(text(&run.stderr).contains("empty.ron: the file is empty"));
}
