//! The README's tables are generated from the model's own metadata, so they cannot drift:
//! this test fails when a generated section differs from what the code says, and rewrites the
//! sections when run with `UPDATE_README=1`.

use std::fmt::Write as _;
use std::path::Path;

use podvisor::model::format::Number;
use podvisor::model::{AssumptionId, CRITERIA, TRAITS, TraitKind};

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
            spec.unit,
            Number(spec.min),
            Number(spec.max),
            spec.grade.label(),
            spec.source.replace('|', "\\|")
        );
    }
    out
}

fn profile() -> String {
    let mut out = String::from(
        "| Field | Type | Range | Default | Meaning |\n| --- | --- | --- | ---: | --- |\n\
         | `format` | string | `\"podvisor-profile\"` | required | Marks the file as a Podvisor profile. |\n\
         | `version` | integer | `1` | required | Schema version; newer versions are refused with a message. |\n\
         | `name` | string | | `\"Untitled scenario\"` | Shown as the title. |\n\
         | `notes` | string | | `\"\"` | Free text shown to the audience. |\n",
    );
    for meta in TRAITS {
        let section = if meta.group == podvisor::model::TraitGroup::Environment { "environment" } else { "workload" };
        let kind = match meta.kind {
            TraitKind::Integer => "integer",
            TraitKind::Real => "real",
            TraitKind::Flag => "bool",
        };
        let range = if meta.kind == TraitKind::Flag {
            "`true` / `false`".to_owned()
        } else {
            format!(
                "{}–{}{}",
                Number(meta.min),
                Number(meta.max),
                if meta.unit.is_empty() { String::new() } else { format!(" {}", meta.unit) }
            )
        };
        let default = if meta.kind == TraitKind::Flag {
            if meta.default > 0.5 { "`true`".to_owned() } else { "`false`".to_owned() }
        } else {
            Number(meta.default).to_string()
        };
        let _ = writeln!(out, "| `{section}.{}` | {kind} | {range} | {default} | {} |", meta.key, meta.help);
    }
    out.push_str(
        "| `environment.currency` | string | | `\"USD\"` | Currency label of `host_cost_per_month` (no conversion). |\n\
         | `weights` | map | criterion id → 0–5 | see the criteria table | Overrides of criterion weights; missing ids keep their default. |\n\
         | `assumptions` | map | assumption id → its range | see the assumptions table | Overrides of `assets/assumptions.ron`. |\n",
    );
    out
}

#[test]
fn readme_generated_sections_are_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let mut readme = std::fs::read_to_string(&path).expect("README.md");
    let update = std::env::var("UPDATE_README").is_ok_and(|v| v == "1");
    let mut stale = Vec::new();
    for (name, body) in [("criteria", criteria()), ("assumptions", assumptions()), ("profile", profile())] {
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
