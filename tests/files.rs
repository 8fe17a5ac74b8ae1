//! Profiles and imports: reading, writing, bad files, limits, round trips and the generated docs.
//!
//! One test binary for the group (integration tests link egui and wgpu: a binary per file
//! made ~30 links on every change). Each file below is one module of the group.

mod import_support;
mod profile_support;
mod special_files;

mod import;
mod import_compose;
mod import_profile;
mod profile_bad_files;
mod profile_docs;
mod profile_properties;
mod profile_round_trip;
mod profile_save;
