//! How far each trait may move, and how far one weight, before the verdict changes.

use schemars::JsonSchema;
use serde::Serialize;

use super::round;
use crate::model::OptionId;
use crate::model::sensitivity::Sensitivity as Model;

/// The sensitivity of one evaluation's verdict.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Sensitivity {
    pub leader: &'static str,
    pub runner_up: Option<&'static str>,
    pub traits: Vec<TraitSensitivity>,
    /// The smallest change of one weight that changes the leader, if any does.
    pub critical_weight: Option<CriticalWeight>,
}

/// One trait: where it stands, where the verdict flips and the margin at either end of its range.
#[derive(Debug, Serialize, JsonSchema)]
pub struct TraitSensitivity {
    #[serde(rename = "trait")]
    pub id: &'static str,
    pub value: f64,
    pub flip_at: Option<f64>,
    pub flips_to: Option<&'static str>,
    pub ruled_out_on: Option<&'static str>,
    pub distance: Option<f64>,
    pub low: f64,
    pub high: f64,
    pub margin_low: f64,
    pub margin_high: f64,
}

/// A weight whose change makes another option lead.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CriticalWeight {
    pub criterion: &'static str,
    pub from: f64,
    pub to: f64,
    pub change: f64,
    pub relative: Option<f64>,
    pub new_leader: &'static str,
}

impl Sensitivity {
    pub fn new(s: &Model) -> Self {
        Self {
            leader: s.leader.key(),
            runner_up: s.runner_up.map(OptionId::key),
            traits: s
                .traits
                .iter()
                .map(|t| TraitSensitivity {
                    id: t.id.meta().key,
                    value: round(t.value),
                    flip_at: t.flip_at.map(round),
                    flips_to: t.flips_to.map(OptionId::key),
                    ruled_out_on: t.ruled_out_on.map(|c| c.spec().key),
                    distance: t.distance.map(round),
                    low: round(t.low),
                    high: round(t.high),
                    margin_low: round(t.margin_low),
                    margin_high: round(t.margin_high),
                })
                .collect(),
            critical_weight: s.critical_weight.as_ref().map(|c| CriticalWeight {
                criterion: c.criterion.spec().key,
                from: round(c.from),
                to: round(c.to),
                change: round(c.change()),
                relative: c.relative().map(round),
                new_leader: c.new_leader.key(),
            }),
        }
    }
}
