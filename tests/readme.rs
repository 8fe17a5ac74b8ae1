//! The README's tables are generated from the model's own metadata, so they cannot drift:
//! this test fails when a generated section differs from what the code says, and rewrites the
//! sections when run with `UPDATE_README=1`.

use std::fmt::Write as _;
use std::path::Path;

use podvisor::model::format::Number;
use podvisor::model::{AssumptionId, CRITERIA};

fn criteria() -> String {
    let mut out = String::from("| Criterion | Default weight | Reading | Sources |\n| --- | ---: | --- | --- |\n");
    for c in CRITERIA {
        let _ = writeln!(
            out,
            "| {} (`{}`) | {} | {} | {} |",
            c.label,
            c.key,
            Number(c.default_weight),
            c.reading,
            c.sources.join(", ")
        );
    }
    out
}

fn assumptions() -> String {
    let mut out = String::from("| Assumption | Default | Range | Grade | Source |\n| --- | ---: | --- | --- | --- |\n");
    for id in AssumptionId::ALL {
        let spec = id.spec();
        let _ = writeln!(
            out,
            "| {} (`{}`) | {} {} | {}–{} | {} | {} |",
            spec.label,
            spec.id,
            Number(spec.value),
            spec.unit_of(spec.value),
            Number(spec.min),
            Number(spec.max),
            spec.grade.label(),
            spec.source.replace('|', "\\|")
        );
    }
    out
}

#[test]
fn readme_generated_sections_are_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let mut readme = std::fs::read_to_string(&path).expect("README.md");
    let update = std::env::var("UPDATE_README").is_ok_and(|v| v == "1");
    let mut stale = Vec::new();
    for (name, body) in [("criteria", criteria()), ("assumptions", assumptions())] {
        let (open, close) = (format!("<!-- generated:{name} -->\n"), format!("<!-- /generated:{name} -->"));
        let start = readme.find(&open).unwrap_or_else(|| panic!("README lacks {open}")) + open.len();
        let end = start + readme[start..].find(&close).unwrap_or_else(|| panic!("README lacks {close}"));
        if readme[start..end] != body {
            stale.push(name);
            readme.replace_range(start..end, &body);
        }
    }
    if update {
        std::fs::write(&path, readme).expect("README.md written");
    } else {
        assert!(
            stale.is_empty(),
            "README sections {stale:?} are stale: run `UPDATE_README=1 cargo test --test readme`"
        );
    }
}

#[test]
fn readme_shows_the_two_commands() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).expect("README.md");
    assert!(readme.contains("cargo run --release"));
    assert!(readme.contains("cargo test"));
}
