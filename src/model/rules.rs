//! What every criterion's rule works with. A rule (in its criterion's module under
//! [`criteria`](super::criteria)) appends the terms that add up to an option's 0–10 score,
//! each naming the input that moved it and the claims it rests on, so every score can say
//! why it is what it is; this module holds the inputs the rules read, the terms they write
//! and the readings of the workload several rules share.

use super::assumptions::{AssumptionId, Values};
use super::options::{OptionSpec, Reading};
use super::profile::Profile;
use super::resources::{ResourceId, Resources};
use super::traits::{TraitId, VmPatching};

/// What a term of a score depends on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Input {
    /// The rule's starting point.
    Baseline,
    Trait(TraitId),
    Resource(ResourceId),
    Assumption(AssumptionId),
    /// Separately networked instances at steady load.
    Endpoints,
    /// The correction that keeps the sum on the 0–10 scale.
    Clamp,
}

/// One contribution to a criterion score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Term {
    /// What the term stands for, in a few words.
    pub label: &'static str,
    pub input: Input,
    /// The input's value (a trait's value, a resource figure, an assumption).
    pub value: f64,
    /// Points added to (or taken from) the score.
    pub effect: f64,
    pub sources: &'static [&'static str],
}

/// What the rules may look at.
pub struct RuleInputs<'a> {
    pub profile: &'a Profile,
    pub values: &'a Values,
    pub options: &'a [&'static OptionSpec],
    pub resources: &'a [Resources],
    /// The migration path each option is scored on (see [`MigrationPath`]).
    pub paths: &'a [MigrationPath],
    /// Whether the host can run each option ([`super::feasibility::Feasibility::is_offered`]):
    /// one it cannot sets no bar for the others. Only that, so the rules stay below the
    /// host catalogs that feasibility reads.
    pub offered: &'a [bool],
    pub(crate) shared: Shared,
}

/// Readings of the workload that every option's rules share, worked out once per scoring:
/// each is a logarithm, and sensitivity sweeps score hundreds of times.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Shared {
    pub(crate) churn: f64,
    pub(crate) cadence: f64,
    /// Staleness of images that live as long as the instances.
    pub(crate) staleness: f64,
    /// Staleness of VM guests (see [`guest_age_days`]).
    pub(crate) guest_staleness: f64,
    pub(crate) burstiness: f64,
    pub(crate) heaviness: f64,
    pub(crate) split: f64,
    pub(crate) threat: f64,
    pub(crate) startup: f64,
}

/// How the application gets onto an image-built option. Containerising it as it is (one
/// image around the app, as AWS `App2Container` does) is moderate work with fewer benefits;
/// decomposing it into independent services costs more and buys independent releases and
/// scaling (M-APP-2, M-DEC-3). Options that are not image-built take the app as it is (lift
/// and shift, M-DEC-1). The evaluation scores both paths and keeps the better one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MigrationPath {
    AsIs,
    Decomposed,
}

impl MigrationPath {
    /// The paths an option offers: image-built options both, others lift and shift only.
    pub fn offered(spec: &OptionSpec) -> &'static [Self] {
        if spec.image_pipeline { &[Self::AsIs, Self::Decomposed] } else { &[Self::AsIs] }
    }
}

impl RuleInputs<'_> {
    /// A 0–10 rating as a fraction.
    pub fn rating(&self, id: TraitId) -> f64 {
        super::traits::fraction(self.profile, id)
    }

    /// The best figure among the options the host offers (among all, when it offers none): a
    /// bill or a boot the host cannot deliver is no yardstick.
    pub(crate) fn best(&self, resource: ResourceId) -> f64 {
        let any = self.offered.iter().any(|offered| *offered);
        self.resources
            .iter()
            .zip(self.offered)
            .filter(|(_, offered)| !any || **offered)
            .map(|(r, _)| r.get(resource))
            .fold(f64::INFINITY, f64::min)
    }

    /// Share of a service's peers that sit in the same instance (0 for one service each).
    pub fn colocated_share(&self, option: usize) -> f64 {
        colocated_share(self.profile, &self.resources[option])
    }

    /// How far one breach reaches without crossing a hypervisor (see [`blast_radius`]).
    pub fn blast_radius(&self, option: usize) -> f64 {
        blast_radius(self.profile, &self.resources[option])
    }
}

/// How far services share instances, 0 (one service each) to 1 (all in one), on a log scale
/// so that every doubling of the services in one instance counts the same: the share of a
/// service's calls that stay inside its instance (M-NET-1). It is read from the packing
/// setting (`services_per_vm`), not from the whole instances the projection rounds to, so
/// that one more service per VM never moves it by a jump.
pub fn colocated_share(profile: &Profile, resources: &Resources) -> f64 {
    let services = profile.workload().services.max(1) as f64;
    if services <= 1.0 || resources.services_per_instance <= 1.0 {
        return 0.0;
    }
    let packed = (profile.environment.services_per_vm.max(1) as f64).min(services);
    (packed.ln() / services.ln()).clamp(0.0, 1.0)
}

/// How far one breach reaches without crossing a hypervisor, 0 (a VM per service instance)
/// to 1 (every instance in one VM): the k services packed into a VM against the N service
/// instances of the estate at steady load, on a log scale (ln k / ln N), so that every
/// doubling of the neighbours one breach reaches counts the same (Podvisor's reading of
/// V-SEC-6). Measured against the whole estate, not the number of services, one more
/// service per VM takes away boundaries in proportion to the estate: two hostile sandboxes
/// per VM out of four reach half of it, out of four hundred an eighth. It is read from the
/// settings (services, replicas, `services_per_vm`), not the instances the projection
/// rounds to, so that it never moves by a jump.
pub fn blast_radius(profile: &Profile, resources: &Resources) -> f64 {
    if resources.services_per_instance <= 1.0 {
        return 0.0;
    }
    let services = profile.workload().services.max(1) as f64;
    let instances = services * profile.workload().replicas.max(1) as f64;
    let packed = (profile.environment.services_per_vm.max(1) as f64).min(services);
    if instances <= 1.0 { 0.0 } else { (packed.ln() / instances.ln()).clamp(0.0, 1.0) }
}

// ── Readings shared by several rules ────────────────────────────────────────────────────

/// 1 for instances living an hour or less, 0 for a month or more, log-interpolated: M-OPS-1
/// says slow boots do not matter for instances that run for weeks or longer.
pub fn churn(lifespan_days: f64) -> f64 {
    ((30.0 / lifespan_days.max(1e-6)).log10() / (30.0_f64 * 24.0).log10()).clamp(0.0, 1.0)
}

/// Release cadence: 0 for no deploys, 1 from 100 deploys a week, logarithmic.
pub fn cadence(deploys_per_week: f64) -> f64 {
    ((1.0 + deploys_per_week.max(0.0)).log10() / 101.0_f64.log10()).clamp(0.0, 1.0)
}

/// How stale long-lived images get: 0 for a week or less, 1 for a year or more (V-SEC-3).
pub fn staleness(lifespan_days: f64) -> f64 {
    ((lifespan_days.max(1e-6) / 7.0).log10() / (365.0_f64 / 7.0).log10()).clamp(0.0, 1.0)
}

/// How old a VM's guest gets before it is replaced or patched: its lifespan, capped by the
/// golden-image rebuild cadence when VMs are replaced from rebuilt images.
pub fn guest_age_days(profile: &Profile, values: &Values) -> f64 {
    let lifespan = profile.workload().lifespan_days;
    match profile.environment.vm_patching {
        VmPatching::InPlace => lifespan,
        VmPatching::GoldenImages => lifespan.min(values.get(AssumptionId::GoldenImageRebuildDays)),
    }
}

/// Burstiness: 0 for flat load, 1 for a 20× peak.
pub fn burstiness(peak_factor: f64) -> f64 {
    (peak_factor.max(1.0).ln() / 20.0_f64.ln()).clamp(0.0, 1.0)
}

/// Points lost per tenfold gap in a time-like figure at full relevance.
pub(crate) const POINTS_PER_DECADE: f64 = 4.0;

pub(crate) fn decades_behind(own: f64, best: f64) -> f64 {
    ((own.max(1e-9)) / best.max(1e-9)).log10().max(0.0)
}

// ── The rules ───────────────────────────────────────────────────────────────────────────

/// The score a list of terms adds up to, on the 0–10 scale.
pub fn total(terms: &[Term]) -> f64 {
    terms.iter().map(|term| term.effect).sum::<f64>().clamp(0.0, 10.0)
}

/// The terms a rule appends to (see [`CriterionSpec::rule`](super::criteria::CriterionSpec::rule)).
pub struct Terms<'a>(pub(super) &'a mut Vec<Term>);

impl Terms<'_> {
    /// A starting point: its value is its effect.
    pub fn base(&mut self, label: &'static str, value: f64, sources: &'static [&'static str]) {
        self.0.push(Term { label, input: Input::Baseline, value, effect: value, sources });
    }

    /// The starting point an option's row gives.
    pub fn reading(&mut self, reading: Reading) {
        self.base(reading.label, reading.value, reading.sources);
    }

    /// A term moved by any input.
    pub fn add(
        &mut self,
        label: &'static str,
        input: Input,
        value: f64,
        effect: f64,
        sources: &'static [&'static str],
    ) {
        self.0.push(Term { label, input, value, effect, sources });
    }

    /// A term moved by a trait of the profile, whose value it records.
    pub fn add_trait(
        &mut self,
        label: &'static str,
        inputs: &RuleInputs<'_>,
        id: TraitId,
        effect: f64,
        sources: &'static [&'static str],
    ) {
        self.add(label, Input::Trait(id), inputs.profile.get(id), effect, sources);
    }
}

/// How far the workload is split into services: 0 for one, 1 from a hundred, logarithmic.
pub fn split(profile: &Profile) -> f64 {
    ((profile.workload().services.max(1) as f64).log10() / 2.0).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    //! The shared readings at their ends; each rule is tested by hand in its criterion's module.

    use super::*;
    use crate::model::criteria::by_hand::close;

    #[test]
    fn readings_map_their_inputs_onto_zero_to_one() {
        close(churn(1.0 / 24.0), 1.0);
        close(churn(30.0), 0.0);
        close(cadence(0.0), 0.0);
        close(cadence(100.0), 1.0);
        close(staleness(7.0), 0.0);
        close(staleness(365.0), 1.0);
        close(burstiness(1.0), 0.0);
        close(burstiness(20.0), 1.0);
    }
}
