//! The decision model: pure functions from a [`Profile`] to an
//! [`Evaluation`]. No egui, no files, no clocks — the window, the reports and the command
//! line all call the same [`evaluate`].

mod asset;
pub mod assumptions;
pub mod buying;
pub mod catalogs;
pub mod compare;
pub mod confidence;
pub mod criteria;
mod evaluation;
pub mod facts;
pub mod feasibility;
pub mod format;
pub mod hosts;
pub mod hypervisors;
mod interpolate;
pub mod kubernetes;
pub mod options;
pub mod outlook;
pub mod packing;
pub mod plan;
pub mod profile;
pub mod projection;
pub mod purchase;
pub mod resources;
pub mod rules;
pub mod sandbox;
pub mod sensitivity;
pub mod shares;
pub mod site;
pub mod sourced;
pub mod suggest;
pub mod traits;

pub use assumptions::{AssumptionId, Assumptions};
pub use catalogs::Catalogs;
pub use confidence::{confidence, confidence_options, estate_confidence};
pub use criteria::{CRITERIA, CriterionId};
pub use evaluation::{
    CLOSE_CALL_MARGIN, CriterionScore, DISCORDANCE_FROM_WEIGHT, Discount, Evaluation, OptionResult, Point, VETO_WEIGHT,
    Verdict, Veto, VetoThresholds, Warning, evaluate, evaluate_options, too_close, weight, within_close_call_margin,
};
pub use options::{DEFAULT_OPTIONS, OptionId, OptionSpec};
pub use profile::{Environment, Profile, Workload};
pub use resources::{ResourceId, Resources};
pub use shares::{Confidence, EstateConfidence};
pub use traits::{TRAITS, TraitGroup, TraitId, TraitKind, TraitMeta};
