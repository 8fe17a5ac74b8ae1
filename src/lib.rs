//! Podvisor: decide whether a workload should run on virtual machines or in containers,
//! and show why.

pub mod app;
pub mod builtin;
pub mod cli;
pub mod command;
pub mod import;
pub mod model;
pub mod narrative;
pub mod profile;
pub mod report;
pub mod ui;
