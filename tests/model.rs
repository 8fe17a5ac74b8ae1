//! The model's tests: rules by hand, costs, plans, feasibility, the scenario panel, properties
//! and the steps of the verdict.
//!
//! One test binary for the group (integration tests link egui and wgpu: a binary per file
//! made ~30 links on every change). Each file below is one module of the group.

mod expert;
mod profile_support;
mod schema_support;
mod synthetic;

mod allocatable;
mod bundled_profiles;
mod compare;
mod cost;
mod explanations;
mod feasibility;
mod fifth_option;
mod model_properties;
mod plan;
mod purchase;
mod rules_by_hand;
mod scenarios;
mod synthetic_criterion;
mod verdict_steps;
