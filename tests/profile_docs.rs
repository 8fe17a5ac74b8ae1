//! The README's "Profile files" section documents the profile schema field by field. Its tables are
//! generated from the model's metadata (options, traits, criteria, assumptions) by this test, which fails when they
//! drift; run with `UPDATE_DOCS=1` to rewrite them in place.

use std::path::Path;

use podvisor::builtin::Described as _;
use podvisor::model::options::REGISTRY;
use podvisor::model::profile::fields::{FIELDS, Field, FieldKind, FieldMeta};
use podvisor::model::{AssumptionId, CRITERIA, TRAITS, TraitId, TraitKind, TraitMeta};
use podvisor::profile::{self, Profile, schema::Section};

const DOC: &str = "README.md";

/// A number as a profile file writes it.
fn written(meta: &TraitMeta, value: f64) -> String {
    match meta.kind {
        TraitKind::Integer => format!("{value:.0}"),
        TraitKind::Real => format!("{value:?}"),
        TraitKind::Flag => (value >= 0.5).to_string(),
    }
}

fn trait_row(id: TraitId) -> String {
    let meta = id.meta();
    let (kind, range) = match meta.kind {
        TraitKind::Integer => ("whole number", format!("{}–{}", meta.min, meta.max)),
        TraitKind::Real => ("number", format!("{}–{}", meta.min, meta.max)),
        TraitKind::Flag => ("`true`/`false`", "—".to_owned()),
    };
    let unit = if meta.unit.is_empty() { "—" } else { meta.unit };
    format!("| `{}` | {kind} | {range} | {unit} | `{}` | {} |\n", meta.key, written(meta, meta.default), meta.help)
}

/// The row of a field of the field table: its words or stated range, and its default as a
/// file writes it unless the row says what its absence means.
fn field_row(meta: &FieldMeta) -> String {
    let doc = &meta.doc;
    let words: Vec<String> = meta.words().iter().map(|word| format!("`{word:?}`")).collect();
    let range =
        doc.range.map_or_else(|| if words.is_empty() { "—".to_owned() } else { words.join(", ") }, str::to_owned);
    let fresh = Profile::default();
    let default = doc.default.map_or_else(
        || match meta.kind {
            FieldKind::Word(words) => format!("`{:?}`", (words.get)(&fresh)),
            FieldKind::Text { get, .. } | FieldKind::Host { get, .. } => format!("`{:?}`", get(&fresh)),
            FieldKind::Flag { get, .. } => format!("`{}`", get(&fresh)),
            FieldKind::Price { .. } | FieldKind::Section(_) => panic!("{} says what its absence means", meta.key),
        },
        str::to_owned,
    );
    format!("| `{}` | {} | {range} | {} | {default} | {} |\n", meta.key, doc.kind, doc.unit, doc.meaning)
}

fn section_table(section: Section) -> String {
    let mut out = String::from("| field | type | range | unit | default | meaning |\n|---|---|---|---|---|---|\n");
    for field in section.fields() {
        out.push_str(&match field {
            Field::Trait(id) => trait_row(id),
            Field::Other(meta) => field_row(meta),
        });
    }
    out
}

fn options_table() -> String {
    let mut out = String::from("| option id | name | what it is |\n|---|---|---|\n");
    for spec in REGISTRY {
        out.push_str(&format!("| `{}` | {} | {} |\n", spec.key, spec.label, spec.description));
    }
    out
}

fn weights_table() -> String {
    let mut out = String::from("| criterion id | default weight | the question it answers |\n|---|---|---|\n");
    for spec in CRITERIA {
        out.push_str(&format!("| `{}` | {:?} | {} |\n", spec.key, spec.default_weight, spec.question));
    }
    out
}

fn assumptions_table() -> String {
    let mut out = String::from("| assumption id | what it is | unit | range | default |\n|---|---|---|---|---|\n");
    for id in AssumptionId::ALL {
        let spec = id.spec();
        out.push_str(&format!(
            "| `{}` | {} | {} | {}–{} | {:?} |\n",
            spec.id, spec.label, spec.unit, spec.min, spec.max, spec.value
        ));
    }
    out
}

/// The generated blocks, by marker name.
fn blocks() -> [(&'static str, String); 7] {
    [
        ("options", options_table()),
        ("workload", section_table(Section::Workload)),
        ("environment", section_table(Section::Environment)),
        ("team", section_table(Section::Team)),
        ("node_agents", section_table(Section::NodeAgents)),
        ("weights", weights_table()),
        ("assumptions", assumptions_table()),
    ]
}

/// The document with every generated block replaced by its current contents.
fn regenerate(doc: &str) -> String {
    let mut doc = doc.to_owned();
    for (name, table) in blocks() {
        let begin = format!("<!-- BEGIN generated: {name} -->\n");
        let end = format!("<!-- END generated: {name} -->");
        let start = doc.find(&begin).unwrap_or_else(|| panic!("{DOC} lacks {begin:?}")) + begin.len();
        let stop = doc[start..].find(&end).unwrap_or_else(|| panic!("{DOC} lacks {end:?}")) + start;
        doc.replace_range(start..stop, &table);
    }
    doc
}

fn read_doc() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(DOC)).expect("the document exists")
}

#[test]
fn field_tables_match_the_model() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(DOC);
    let doc = read_doc();
    let expected = regenerate(&doc);
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    assert!(
        doc == expected,
        "{DOC} is out of date with the model: run `UPDATE_DOCS=1 cargo test --test files profile_docs`"
    );
}

#[test]
fn every_field_and_id_is_documented() {
    let doc = read_doc();
    let keys = TRAITS
        .iter()
        .map(|meta| meta.key)
        .chain(CRITERIA.iter().map(|spec| spec.key))
        .chain(AssumptionId::ALL.iter().map(|id| id.key()))
        .chain(REGISTRY.iter().map(|spec| spec.key))
        .chain(FIELDS.iter().map(|meta| meta.key))
        .chain(["format", "version", "name", "notes", "options", "components", "workload", "environment"])
        .chain(["weights", "assumptions"]);
    for key in keys {
        assert!(doc.contains(&format!("`{key}`")), "{DOC} does not mention `{key}`");
    }
}

#[test]
fn examples_load_and_the_full_one_is_canonical() {
    let doc = read_doc();
    let examples: Vec<&str> = doc.split("```ron\n").skip(1).map(|rest| rest.split("```").next().unwrap()).collect();
    assert_eq!(examples.len(), 2);
    for example in &examples {
        let loaded = profile::parse(example.as_bytes(), "example.ron").unwrap_or_else(|e| panic!("{e}"));
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    }
    let full = profile::parse(examples[0].as_bytes(), "example.ron").unwrap().profile;
    assert_eq!(profile::to_canonical_string(&full), examples[0]);
}

#[test]
fn quoted_messages_are_what_podvisor_says() {
    let doc = read_doc();
    for file in [
        "syntax_missing_comma.ron",
        "wrong_type_real_for_integer.ron",
        "unknown_field.ron",
        "field_in_wrong_section.ron",
        "duplicate_field.ron",
        "nan.ron",
        "newer_version.ron",
        "unknown_option.ron",
    ] {
        let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_profiles").join(file)).unwrap();
        let message = profile::parse(&bytes, "shop.ron").unwrap_err().to_string();
        assert!(doc.contains(&message), "{DOC} should quote {message:?}");
    }
}
