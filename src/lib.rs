//! Podvisor: decide whether a workload should run on virtual machines or in containers,
//! and show why.
//!
//! The core — [`model`], [`profile`], [`import`], [`narrative`], [`report`] — builds without egui
//! (`--no-default-features`); the `app` feature (on by default) adds the window, the presenter,
//! the handout deck and the command line.

#[cfg(feature = "app")]
pub mod app;
pub mod builtin;
#[cfg(feature = "app")]
pub mod cli;
#[cfg(feature = "app")]
pub mod command;
pub mod import;
pub mod model;
pub mod narrative;
pub mod profile;
pub mod report;
#[cfg(feature = "app")]
pub mod ui;
