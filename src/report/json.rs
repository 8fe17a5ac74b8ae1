//! The JSON forms (`--format json`). Their shapes are contracts documented in the README;
//! change them only with a new `version`.
//!
//! Each form is a tree of `#[derive(Serialize, JsonSchema)]` structs (the modules below), so
//! the document and its schema come from one declaration: [`schema`] is published as
//! `docs/evaluation.schema.json` (and [`comparison_schema`] as
//! `docs/comparison.schema.json`), and a test holds every bundled profile's output to it.

mod comparison;
mod document;
mod estate;
mod keyed;
mod option;
mod sensitivity;

use schemars::{JsonSchema, Schema, SchemaGenerator, generate::SchemaSettings};
use serde::Serialize;
use serde_json::Value;

pub use comparison::ComparisonDocument;
pub use document::Single;
pub use estate::Estate;

use super::{Analysis, ComparedPair};
use crate::model::{Evaluation, Profile};

/// Version of the JSON formats. Version 2 keeps every key of version 1; options are the
/// profile's (any registered ids, two to four), listed in `profile.options` and in that order
/// in every option-keyed object. Version 3 keeps every key of version 2 and adds, among others,
/// the verdict's `confidence` (top level and per component), which decides `close_call`, and
/// each option's `feasibility` (top level and per component).
pub const VERSION: u32 = 3;

/// The `format` of the evaluation document.
const FORMAT: &str = "podvisor-evaluation";

/// Rounds away float noise (0.30000000000000004) without losing meaningful digits.
pub fn round(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

/// `podvisor evaluate --format json`: one component's evaluation and its sensitivity, or a
/// mixed estate's components and plan.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(untagged)]
#[schemars(title = "Podvisor evaluation", description = "`podvisor evaluate --format json`, version 3.")]
pub enum Document {
    Single(Box<Single>),
    Estate(Box<Estate>),
}

impl Document {
    pub fn new(analysis: &Analysis) -> Self {
        if let Some(mixed) = &analysis.mixed {
            return Self::Estate(Box::new(Estate::new(&analysis.profile, mixed)));
        }
        let mut single = Single::new(&analysis.profile, &analysis.evaluation);
        single.sensitivity = Some(sensitivity::Sensitivity::new(&analysis.sensitivity));
        Self::Single(Box::new(single))
    }
}

/// `podvisor evaluate --format json` as a JSON value: for one component, the evaluation and its
/// sensitivity; for several, the estate.
pub fn analysis(analysis: &Analysis) -> Value {
    to_value(&Document::new(analysis))
}

/// The evaluation part of the contract (everything but sensitivity).
pub fn evaluation(profile: &Profile, evaluation: &Evaluation) -> Value {
    to_value(&Single::new(profile, evaluation))
}

/// `podvisor compare --format json`.
pub fn comparison(pair: &ComparedPair) -> Value {
    to_value(&ComparisonDocument::new(pair))
}

/// Serializing these structs cannot fail: their keys are strings and their numbers finite or
/// written as null.
fn to_value(document: &impl Serialize) -> Value {
    serde_json::to_value(document).unwrap_or_default()
}

/// The JSON Schema (draft 2020-12) of the evaluation document, as published in
/// `docs/evaluation.schema.json`.
pub fn schema() -> Schema {
    generator().into_root_schema_for::<Document>()
}

/// The JSON Schema of the comparison document, as published in `docs/comparison.schema.json`.
pub fn comparison_schema() -> Schema {
    generator().into_root_schema_for::<ComparisonDocument>()
}

/// Schemas of what is written (not read): a field is required unless the writer may leave it out.
fn generator() -> SchemaGenerator {
    SchemaSettings::draft2020_12().for_serialize().into_generator()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OptionId;
    use crate::report::Analysis;
    use serde_json::json;

    #[test]
    fn option_keyed_objects_follow_the_profile_order() {
        let profile = Profile {
            options: vec![OptionId::MICROVM, OptionId::VM, OptionId::CONTAINERS_ON_VMS],
            ..Profile::default()
        };
        let json = analysis(&Analysis::new(profile));
        let expected = ["microvm", "vm", "containers_on_vms"];
        assert_eq!(json["profile"]["options"], json!(expected));
        let keys = |value: &Value| value.as_object().map(|map| map.keys().cloned().collect::<Vec<_>>());
        assert_eq!(keys(&json["options"]), Some(expected.map(str::to_owned).to_vec()));
        for axis in ["services", "replicas"] {
            let mut listed = keys(&json["curves"][axis]).unwrap_or_default();
            assert_eq!(listed.remove(0), "x");
            assert_eq!(listed, expected, "{axis}");
        }
        assert!(expected.iter().any(|id| json["verdict"]["leader"] == *id));
    }

    #[test]
    fn the_environment_names_the_host_and_the_price_used() {
        let mut profile = Profile::default();
        let owned = evaluation(&profile, &crate::model::evaluate(&profile, crate::builtin::catalogs()));
        assert_eq!(owned["environment"]["host"], "custom");
        assert_eq!(owned["environment"]["price_per_hour"], Value::Null);
        assert_eq!(owned["environment"]["host_cost_per_month"], 1200.0);
        profile.environment.host = "azure/D16s_v5".to_owned();
        profile.environment.kubernetes = crate::model::kubernetes::KubernetesFlavour::Aks;
        let catalog = evaluation(&profile, &crate::model::evaluate(&profile, crate::builtin::catalogs()));
        let environment = &catalog["environment"];
        assert_eq!(environment["host"], "azure/D16s_v5");
        assert_eq!(environment["kubernetes"], "aks");
        assert_eq!((&environment["price_per_hour"], &environment["price_date"]), (&json!(0.768), &json!("2026-06")));
        assert_eq!(environment["price_edited"], false);
        assert_eq!(environment["host_cost_per_month"], Value::Null);
        assert_eq!(catalog["options"]["vm"]["host_type"], "azure/D2s_v5");
        profile.environment.host_price_per_hour = Some(0.5);
        let edited = evaluation(&profile, &crate::model::evaluate(&profile, crate::builtin::catalogs()));
        assert_eq!(edited["environment"]["price_per_hour"], 0.5);
        assert_eq!(edited["environment"]["catalog_price_per_hour"], 0.768);
        assert_eq!(edited["environment"]["price_edited"], true);
    }
}
