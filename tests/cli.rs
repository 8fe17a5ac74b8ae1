//! The command line, the golden outputs and the README's own claims.
//!
//! One test binary for the group (integration tests link egui and wgpu: a binary per file
//! made ~30 links on every change). Each file below is one module of the group.

mod profile_support;
mod schema_support;
mod special_files;

mod cli_evaluate;
mod cli_import;
mod cli_profile;
mod cli_usage;
mod golden;
mod groups;
mod json_schema;
mod readme;
