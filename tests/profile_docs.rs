//! The README's "Profile files" section documents the profile schema field by field. Its tables are
//! generated from the model's metadata (options, traits, criteria, assumptions) by this test, which fails when they
//! drift; run with `UPDATE_DOCS=1` to rewrite them in place.

use std::path::Path;

use podvisor::builtin::Described as _;
use podvisor::model::options::REGISTRY;
use podvisor::model::purchase::Purchase;
use podvisor::model::traits::{CHOICES, Environment};
use podvisor::model::{AssumptionId, CRITERIA, TRAITS, TraitId, TraitKind, TraitMeta};
use podvisor::profile::{
    self,
    schema::{ARM64_READY, CURRENCY, HOST, HOST_PRICE, KUBERNETES, PRIVILEGED, PURCHASE, Section},
};

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

fn section_table(section: Section) -> String {
    let mut out = String::from("| field | type | range | unit | default | meaning |\n|---|---|---|---|---|---|\n");
    for id in section.traits() {
        out.push_str(&trait_row(*id));
    }
    if section == Section::Environment {
        let currency = Environment::default().currency;
        out.push_str(&format!(
            "| `{CURRENCY}` | text | — | — | `{currency:?}` | Currency of `host_cost_per_month` (a label only; no conversion). |\n"
        ));
        out.push_str(&format!(
            "| `{HOST}` | text | `\"custom\"` or a catalog id | — | `\"custom\"` | `custom`: the host fields above apply. A catalog id (`aws/m6i.4xlarge`, `azure/D16s_v5`, `gcp/n2-standard-16`; `podvisor hosts` lists them) prices every option as a cloud user would buy it. |\n"
        ));
        out.push_str(&format!(
            "| `{HOST_PRICE}` | number (optional) | above 0 | USD/h | absent: the catalog's price | The chosen catalog type's hourly price, replacing the catalog's (a discount, a committed-use rate, a newer price list); the other types of its family an option buys are priced in the same proportion. Written only when set; 0, negative, NaN or infinite prices are refused. Ignored, with a warning, on `custom` hosts, whose `host_cost_per_month` applies. |\n"
        ));
        out.push_str(&format!(
            "| `{KUBERNETES}` | text | `\"self_managed\"`, `\"eks\"`, `\"gke\"`, `\"aks\"` | — | `\"self_managed\"` | Whose node reservations, pod limits and control-plane fee the Kubernetes options follow. |\n"
        ));
        let words: Vec<String> = Purchase::ALL.iter().map(|p| format!("`{:?}`", p.key())).collect();
        out.push_str(&format!(
            "| `{PURCHASE}` | text (schema v3) | {} | — | `\"on_demand\"` | How cloud compute is bought: on demand, committed for 1 or 3 years, on spot, or `committed_steady` (the steady load committed for a year, the peak hours on demand); see [How compute is bought](#how-compute-is-bought). A component's own `purchase` replaces it. Written only when not on demand; ignored, with a warning, on `custom` hosts. |\n",
            words.join(", ")
        ));
    }
    for choice in CHOICES.iter().filter(|choice| choice.section == section) {
        let words: Vec<String> = choice.choices.iter().map(|word| format!("`{word:?}`")).collect();
        out.push_str(&format!(
            "| `{}` | text | {} | — | `{:?}` | {} |\n",
            choice.key,
            words.join(", "),
            choice.choices[0],
            choice.help
        ));
    }
    if section == Section::Workload {
        out.push_str(&format!(
            "| `{ARM64_READY}` | `true`/`false` (schema v3) | — | — | `false` | Whether the workload's images run on arm64 hosts (a multi-arch or arm64 build of each). On an Arm64 catalog type (`aws/m7g.*`, `aws/t4g.*`, `azure/D*ps_v5`, `gcp/t2a-standard-*`) an option whose images are not arm64-ready is not offered. Written only when true, so older files keep their meaning: x86_64 images. |\n"
        ));
        out.push_str(&format!(
            "| `{PRIVILEGED}` | `true`/`false` (schema v3) | — | — | `false` | Whether it runs privileged containers (Compose's `privileged`, a container's `securityContext.privileged`; import sets it). AWS Fargate runs none: a microVM per pod then takes the family's metal type, or is not offered where there is none. Written only when true, so older files keep their meaning. |\n"
        ));
    }
    if section == Section::Environment {
        out.push_str(
            "| `team` | section (optional, schema v3) | see [`team`](#team) | — | absent: people not priced | Who would run the platform and what an engineer costs; each option's operating effort is priced into its monthly cost. Written only when set. |\n",
        );
        out.push_str(
            "| `node_agents` | section (optional, schema v3) | see [`node_agents`](#node_agents) | — | absent: no agents of the team's | The team's own DaemonSets (logging, monitoring, security) on every Kubernetes node, beside the flavour's own; their CPU and memory come off every node's allocatable. Written only when set. |\n",
        );
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
        .chain([
            CURRENCY,
            HOST,
            HOST_PRICE,
            KUBERNETES,
            "format",
            "version",
            "name",
            "notes",
            "options",
            "components",
            "workload",
            "environment",
        ])
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
