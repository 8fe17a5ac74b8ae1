//! Integration tests are grouped into a few binaries (`autotests = false` in Cargo.toml, one
//! `[[test]]` per group, whose root file lists its files as modules). A test file that no group
//! lists would never be compiled, so its tests would pass by not existing: this test finds it.

use std::collections::BTreeSet;
use std::path::Path;

/// The `[[test]]` targets Cargo.toml declares.
fn groups(manifest: &str) -> Vec<String> {
    let mut groups = Vec::new();
    let mut in_test = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_test = line == "[[test]]";
        } else if in_test && let Some(name) = line.strip_prefix("name = ") {
            groups.push(name.trim_matches('"').to_owned());
        }
    }
    groups
}

#[test]
fn every_test_file_is_a_group_or_in_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml");
    assert!(manifest.contains("autotests = false"), "the groups replace Cargo's one binary per file");
    let groups = groups(&manifest);
    assert!(groups.len() >= 4 && groups.iter().any(|group| group == "cli"), "{groups:?}");

    let mut listed: BTreeSet<String> = groups.iter().cloned().collect();
    for group in &groups {
        let text = std::fs::read_to_string(root.join(format!("tests/{group}.rs"))).expect("a group's root file");
        let modules = text.lines().filter_map(|line| line.strip_prefix("mod ")?.strip_suffix(';'));
        listed.extend(modules.map(str::to_owned));
    }
    let files: BTreeSet<String> = std::fs::read_dir(root.join("tests"))
        .expect("tests/")
        .filter_map(|entry| {
            let path = entry.expect("an entry of tests/").path();
            (path.extension()? == "rs").then(|| path.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect();
    let orphans: Vec<&String> = files.difference(&listed).collect();
    assert!(
        orphans.is_empty(),
        "tests/{orphans:?}.rs belong to no group: add `mod <file>;` to a group's root (tests/model.rs, files.rs, cli.rs or ui.rs)"
    );
}
