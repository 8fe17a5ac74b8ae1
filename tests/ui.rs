//! The window driven through `egui_kittest`: layout, interaction, guidance, import, compare, the
//! Scorecard and presenter mode.
//!
//! One test binary for the group (integration tests link egui and wgpu: a binary per file
//! made ~30 links on every change). Each file below is one module of the group.

mod common;
mod special_files;
mod synthetic;

mod ui_compare;
mod ui_components;
mod ui_culling;
mod ui_fields;
mod ui_guidance;
mod ui_import;
mod ui_interaction;
mod ui_layout;
mod ui_present;
mod ui_scorecard;
mod ui_synthetic;
