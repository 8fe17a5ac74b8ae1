//! The published JSON schemas and a validator independent of the structs that generate them
//! (boon, draft 2020-12), shared by the schema's tests and those of a synthetic criterion.
#![allow(dead_code, reason = "each test crate uses a different part")]

use std::path::{Path, PathBuf};

use serde_json::Value;

pub const EVALUATION: &str = "docs/evaluation.schema.json";
pub const COMPARISON: &str = "docs/comparison.schema.json";

/// A file of the repository.
pub fn path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// A compiled schema and the validator that holds it.
pub struct Validator {
    schemas: boon::Schemas,
    index: boon::SchemaIndex,
}

impl Validator {
    /// The published file, read from disk: what a consumer of the contract would use.
    pub fn published(relative: &str) -> Self {
        let text = std::fs::read_to_string(path(relative)).expect("the published schema is readable");
        let schema: Value = serde_json::from_str(&text).expect("the published schema is JSON");
        let location = format!("https://podvisor.invalid/{relative}");
        let mut compiler = boon::Compiler::new();
        compiler.add_resource(&location, schema).expect("the schema's location parses");
        let mut schemas = boon::Schemas::new();
        let index = compiler.compile(&location, &mut schemas).expect("the published schema compiles");
        Self { schemas, index }
    }

    pub fn errors(&self, document: &Value) -> Option<String> {
        self.schemas.validate(document, self.index).err().map(|error| format!("{error:#}"))
    }
}
