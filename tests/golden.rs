//! Golden files: what the command line prints for every bundled profile, byte for byte.
//!
//! Refactors must not change a single byte of it. When a change of output is deliberate,
//! regenerate the files and review the diff before committing it:
//!
//! ```sh
//! UPDATE_GOLDEN=1 cargo test --test cli golden
//! git diff tests/golden/
//! ```

use crate::profile_support;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The two profiles compared with each other.
const COMPARED: [&str; 2] = ["legacy_monolith_lift_and_shift", "greenfield_microservices"];

/// The profile whose stakeholder report is kept.
const REPORTED: &str = "hostile_multi_tenant_hosting";

/// One golden file: the arguments after `podvisor` and the file its output is kept in.
struct Case {
    args: Vec<String>,
    file: String,
}

fn cases() -> Vec<Case> {
    let path = |stem: &str| format!("profiles/{stem}.ron");
    let mut cases = Vec::new();
    for bundled in profile_support::bundled() {
        let stem = bundled.file_stem().and_then(|s| s.to_str()).expect("UTF-8 profile name").to_owned();
        for (format, ext) in [("text", "txt"), ("json", "json"), ("markdown", "md")] {
            cases.push(Case {
                args: vec!["evaluate".into(), path(&stem), "--format".into(), format.into()],
                file: format!("evaluate_{stem}.{ext}"),
            });
        }
    }
    let [a, b] = COMPARED;
    for (format, ext) in [("text", "txt"), ("json", "json"), ("markdown", "md")] {
        cases.push(Case {
            args: vec!["compare".into(), path(a), path(b), "--format".into(), format.into()],
            file: format!("compare_{a}_vs_{b}.{ext}"),
        });
    }
    cases.push(Case { args: vec!["report".into(), path(REPORTED)], file: format!("report_{REPORTED}.md") });
    cases
}

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("golden")
}

/// Runs the built binary from the crate root, so paths in the output are the same everywhere.
fn run(args: &[String]) -> Vec<u8> {
    let output = Command::new(env!("CARGO_BIN_EXE_podvisor"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("podvisor runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "podvisor {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

#[test]
fn command_line_output_matches_the_golden_files() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1");
    let dir = golden_dir();
    let mut differing = Vec::new();
    let cases = cases();
    assert!(cases.len() > 10, "the bundled profiles were not found");
    for case in &cases {
        let actual = run(&case.args);
        let path = dir.join(&case.file);
        if update {
            std::fs::create_dir_all(&dir).expect("golden folder can be created");
            std::fs::write(&path, &actual).expect("golden file can be written");
            continue;
        }
        let expected = std::fs::read(&path).unwrap_or_default();
        if expected != actual {
            differing.push(format!("  podvisor {}  ≠  tests/golden/{}", case.args.join(" "), case.file));
        }
    }
    assert!(
        differing.is_empty(),
        "output differs from the golden files:\n{}\n\
         If the change is deliberate, regenerate them with `UPDATE_GOLDEN=1 cargo test --test cli golden` \
         and review `git diff tests/golden/`.",
        differing.join("\n")
    );
}
