//! Reading profiles out of RON: schema v3, and v1 as a profile comparing `vm` and
//! `container` (what a v1 file always meant). The visitors are written by hand so that every
//! refusal is raised while ron's parser still stands on the offending key or value — ron
//! then attaches its line:column — and so that each message names the field
//! (`workload.services`), which a derived `Deserialize` can do neither of.
//!
//! One visitor per shape of the file: [`header`] (the first pass), [`body`] (the top level,
//! `options` and the override maps), [`components`], [`section`] (`workload`,
//! `environment` and its nested sections, driven by the field table); [`key`] checks field
//! names, [`field`] one value against its [`rules`].

mod body;
mod components;
mod field;
mod header;
mod key;
mod rules;
mod section;

pub use body::Body;
pub use header::Header;
