//! What every criterion's rule works with. A rule (in its criterion's module under
//! [`criteria`](super::criteria)) appends the terms that add up to an option's 0–10 score,
//! each naming the input that moved it and the claims it rests on, so every score can say
//! why it is what it is; this module holds the inputs the rules read, the terms they write
//! and the readings of the workload several rules share.

use super::assumptions::{AssumptionId, Values};
use super::criteria::{CriterionId, Record, heavy_workloads, isolation, startup_speed};
use super::feasibility::Feasibility;
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
    /// Whether the host can run each option: one it cannot sets no bar for the others.
    pub feasibility: &'a [Feasibility],
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

impl Shared {
    pub fn of(profile: &Profile, values: &Values) -> Self {
        let w = &profile.workload();
        Self {
            churn: churn(w.lifespan_days),
            cadence: cadence(w.deploys_per_week),
            staleness: staleness(w.lifespan_days),
            guest_staleness: staleness(guest_age_days(profile, values)),
            burstiness: burstiness(w.peak_factor),
            heaviness: heavy_workloads::heaviness(profile),
            split: split(profile),
            threat: isolation::threat(profile, values),
            startup: startup_speed::relevance(profile),
        }
    }
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
    /// The criteria whose scores depend on the path.
    pub const CRITERIA: [CriterionId; 3] =
        [CriterionId::MigrationEffort, CriterionId::DeliverySpeed, CriterionId::Scalability];

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
        let any = self.feasibility.iter().any(Feasibility::is_offered);
        self.resources
            .iter()
            .zip(self.feasibility)
            .filter(|(_, feasibility)| !any || feasibility.is_offered())
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

/// Appends the terms of one option's score on one criterion to `out`; they sum to the
/// unclamped score. Callers reuse one buffer: sensitivity sweeps score thousands of times.
/// Returns what the criterion's rule recorded besides its terms.
pub(crate) fn terms(criterion: CriterionId, inputs: &RuleInputs<'_>, option: usize, out: &mut Vec<Term>) -> Record {
    (criterion.spec().rule)(&mut Terms(out), inputs, option)
}

/// The score a list of terms adds up to, on the 0–10 scale.
pub fn total(terms: &[Term]) -> f64 {
    terms.iter().map(|term| term.effect).sum::<f64>().clamp(0.0, 10.0)
}

/// The terms a rule appends to (see [`CriterionSpec::rule`](super::criteria::CriterionSpec::rule)).
pub struct Terms<'a>(&'a mut Vec<Term>);

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
    //! Each rule against figures worked out by hand from its documented reading.

    use super::*;
    use crate::model::options::{OptionId, REGISTRY};
    use crate::model::{Assumptions, evaluate, evaluate_options};

    /// (VM score, container score) of one criterion.
    fn scores(profile: &Profile, criterion: CriterionId) -> (f64, f64) {
        let evaluation = evaluate(profile, Assumptions::builtin());
        let score = |id: &str| {
            let option = evaluation.options.iter().find(|o| o.spec.key == id).expect("option evaluated");
            option.criteria[criterion as usize].score
        };
        (score("vm"), score("container"))
    }

    fn close(actual: f64, expected: f64) {
        assert!((actual - expected).abs() < 1e-6, "{actual} ≠ {expected}");
    }

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

    #[test]
    fn resource_efficiency_gives_the_leanest_option_ten() {
        let p = Profile::default();
        let evaluation = evaluate(&p, Assumptions::builtin());
        let (vm, ct) = (&evaluation.options[0].resources, &evaluation.options[1].resources);
        let expected_vm = 5.0 * ct.memory_gib / vm.memory_gib + 5.0 * ct.cpu_cores / vm.cpu_cores;
        let (vm_score, ct_score) = scores(&p, CriterionId::ResourceEfficiency);
        close(ct_score, 10.0);
        close(vm_score, expected_vm);
    }

    #[test]
    fn startup_speed_costs_four_points_per_decade_when_it_matters() {
        let mut p = Profile::default();
        p.workload_mut().lifespan_days = 365.0;
        p.workload_mut().start_latency_sensitivity = 10;
        let (vm, ct) = scores(&p, CriterionId::StartupSpeed);
        close(ct, 10.0);
        // A container's start: 0.56 s and half a pull of the default 150 MiB app at 60 MiB/s.
        close(vm, 10.0 - 4.0 * (40.0_f64 / (0.56 + 1.25)).log10());
        p.workload_mut().start_latency_sensitivity = 0;
        assert_eq!(scores(&p, CriterionId::StartupSpeed), (10.0, 10.0), "irrelevant start-up");
        // Short lifetimes pay their boots in warm spares (the projection), not in this score.
        p.workload_mut().lifespan_days = 1.0 / 24.0;
        assert_eq!(scores(&p, CriterionId::StartupSpeed), (10.0, 10.0), "boots paid in capacity");
    }

    #[test]
    fn runtime_performance_follows_the_measured_ratios() {
        let mut p = Profile::default();
        p.workload_mut().data_intensity = 10;
        p.workload_mut().chattiness = 0;
        let (vm, ct) = scores(&p, CriterionId::RuntimePerformance);
        close(vm, 10.0 * 0.977 * 0.9);
        close(ct, 10.0);
        p.workload_mut().data_intensity = 0;
        p.workload_mut().chattiness = 10;
        let (vm, ct) = scores(&p, CriterionId::RuntimePerformance);
        close(vm, 10.0 * 0.977 * 0.87);
        close(ct, 10.0 * 0.95);
    }

    #[test]
    fn containers_on_vms_pay_both_layers() {
        let mut p = Profile::default();
        p.workload_mut().data_intensity = 0;
        p.workload_mut().chattiness = 10;
        let evaluation = evaluate_options(&p, Assumptions::builtin(), REGISTRY);
        let criterion = |option: OptionId| {
            &evaluation.option(option).expect("evaluated").criteria[CriterionId::RuntimePerformance as usize]
        };
        let layered = criterion(OptionId::CONTAINERS_ON_VMS);
        close(layered.score, 10.0 * 0.977 * 1.0 * (0.87 * 0.95));
        // One CPU term per layer: the VM's, then the container runtime's inside it.
        let cpu_terms = layered.terms.iter().filter(|t| matches!(t.input, Input::Assumption(_))).count();
        assert_eq!(cpu_terms, 2);
        close(criterion(OptionId::MICROVM).score, 10.0 * 0.97 * 0.57);
    }

    #[test]
    fn isolation_scales_boundary_exposure_by_the_threat() {
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.isolation_need = 10;
        w.untrusted_code = 10;
        w.compliance_strictness = 10;
        // Threat 1: a hypervisor exposes 2/10, a hardened shared kernel 9 × (1 − 0.25).
        let (vm, ct) = scores(&p, CriterionId::Isolation);
        close(vm, 8.0);
        close(ct, 10.0 - 6.75);
        // Own reviewed code keeps 35% of the threat; compliance does not enter.
        p.workload_mut().untrusted_code = 0;
        p.workload_mut().compliance_strictness = 0;
        let (vm, ct) = scores(&p, CriterionId::Isolation);
        close(vm, 10.0 - 0.35 * 2.0);
        close(ct, 10.0 - 0.35 * 6.75);
        // All services in one VM: processes side by side, no boundary and no hardening
        // between them, as exposed as an unhardened shared kernel (9/10): below the hardened
        // containers' 6.75.
        let w = p.workload_mut();
        w.untrusted_code = 10;
        w.services = 4;
        w.replicas = 1;
        p.environment.services_per_vm = 500;
        close(scores(&p, CriterionId::Isolation).0, 10.0 - 9.0);
        // Two of four services per VM: a breach reaches half the estate (ln 2 / ln 4).
        p.environment.services_per_vm = 2;
        close(scores(&p, CriterionId::Isolation).0, 10.0 - 2.0 - (9.0 - 2.0) / 2.0);
        // Two replicas of each, all four services per VM: four of eight (ln 4 / ln 8).
        p.workload_mut().replicas = 2;
        p.environment.services_per_vm = 4;
        close(scores(&p, CriterionId::Isolation).0, 10.0 - 2.0 - (9.0 - 2.0) * 2.0 / 3.0);
        p.workload_mut().isolation_need = 0;
        assert_eq!(scores(&p, CriterionId::Isolation), (10.0, 10.0), "no need, no threat");
    }

    #[test]
    fn patching_counts_operating_systems_and_freshness() {
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.services = 1;
        w.replicas = 1;
        w.peak_factor = 1.0;
        w.lifespan_days = 7.0;
        w.deploys_per_week = 0.0;
        w.compliance_strictness = 0;
        // One VM + its host = 2 OS instances; one container host = 1 (its image is rebuilt,
        // not patched in place). Half-relevant without compliance: 0.5 × 4 × log10(2) behind.
        // Week-old instances are not stale; replacing them weekly counts as freshness.
        let behind = 0.5 * 4.0 * 2f64.log10();
        let (vm, ct) = scores(&p, CriterionId::Patching);
        close(vm, 8.0 - behind);
        close(ct, 8.0 + 2.0 * churn(7.0));
        p.workload_mut().deploys_per_week = 100.0;
        close(scores(&p, CriterionId::Patching).1, 10.0);
        p.workload_mut().lifespan_days = 365.0;
        close(scores(&p, CriterionId::Patching).0, 6.0 - behind);
        // Strict compliance makes the count fully relevant and adds controls and audit
        // evidence to both, by their control loads.
        p.workload_mut().compliance_strictness = 10;
        let (vm, ct) = scores(&p, CriterionId::Patching);
        close(vm, 6.0 - 2.0 * behind - 2.0 * 1.0);
        close(ct, 10.0 - 2.0 * 1.2);
    }

    #[test]
    fn patching_is_counted_at_steady_load() {
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.services = 10;
        w.replicas = 2;
        w.peak_factor = 5.0;
        let evaluation = evaluate(&p, Assumptions::builtin());
        // 20 VMs at steady load (100 at peak) and the one host they need.
        close(evaluation.options[0].resources.os_instances_to_patch, 21.0);
    }

    #[test]
    fn supply_chain_rewards_trusted_images_and_punishes_stale_ones() {
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.image_trust = 10;
        w.team_container_maturity = 10;
        w.lifespan_days = 7.0;
        assert_eq!(scores(&p, CriterionId::SupplyChain), (6.0, 10.0));
        let w = p.workload_mut();
        w.image_trust = 0;
        w.team_container_maturity = 0;
        w.lifespan_days = 365.0;
        assert_eq!(scores(&p, CriterionId::SupplyChain), (4.0, 2.0));
    }

    #[test]
    fn os_flexibility_and_portability_follow_os_diversity() {
        let mut p = Profile::default();
        p.workload_mut().os_diversity = 10;
        p.workload_mut().legacy_coupling = 0;
        let (vm, ct) = scores(&p, CriterionId::OsFlexibility);
        close(vm, 10.0);
        close(ct, 1.0);
        close(scores(&p, CriterionId::Portability).1, 5.0);
        p.workload_mut().os_diversity = 0;
        assert_eq!(scores(&p, CriterionId::Portability), (5.0, 9.0));
        p.workload_mut().legacy_coupling = 10;
        close(scores(&p, CriterionId::Portability).1, 6.0);
    }

    #[test]
    fn scalability_matters_only_for_bursts() {
        let mut p = Profile::default();
        p.workload_mut().legacy_coupling = 0;
        p.workload_mut().peak_factor = 1.0;
        assert_eq!(scores(&p, CriterionId::Scalability), (10.0, 10.0));
        p.workload_mut().peak_factor = 20.0;
        let (vm, ct) = scores(&p, CriterionId::Scalability);
        close(ct, 10.0);
        // 2 replicas grow to 40 pods in four HPA periods (2 → 6 → 12 → 24 → 48): 60 s and a
        // start of 0.56 s plus half a pull of 150 MiB at 60 MiB/s.
        close(vm, 10.0 - 4.0 * (100.0_f64 / (60.0 + 0.56 + 1.25)).log10());
    }

    #[test]
    fn delivery_speed_depends_on_cadence_and_team() {
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.services = 1;
        w.deploys_per_week = 100.0;
        w.team_container_maturity = 10;
        assert_eq!(scores(&p, CriterionId::DeliverySpeed), (3.0, 8.0));
        p.workload_mut().team_container_maturity = 0;
        close(scores(&p, CriterionId::DeliverySpeed).1, 3.0);
        // A hundred greenfield services, each in its own instance: both options gain 2.
        p.workload_mut().services = 100;
        p.workload_mut().legacy_coupling = 0;
        assert_eq!(scores(&p, CriterionId::DeliverySpeed), (5.0, 5.0));
    }

    #[test]
    fn networking_grows_with_chatty_endpoints() {
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.services = 50;
        w.replicas = 2;
        w.chattiness = 10;
        w.team_container_maturity = 0;
        // 100 endpoints each: 10 − 2.5 × 2.
        assert_eq!(scores(&p, CriterionId::NetworkingSimplicity), (5.0, 5.0));
        p.workload_mut().team_container_maturity = 10;
        close(scores(&p, CriterionId::NetworkingSimplicity).1, 6.5);
        p.environment.services_per_vm = 50;
        close(scores(&p, CriterionId::NetworkingSimplicity).0, 10.0 - 2.5 * 2.0_f64.log10());
    }

    #[test]
    fn migration_effort_follows_legacy_coupling() {
        let mut p = Profile::default();
        p.workload_mut().legacy_coupling = 10;
        p.workload_mut().team_container_maturity = 0;
        // Containerised as it is: 10 − 4 − 2; lifted and shifted onto VMs: 10 − 1.
        assert_eq!(scores(&p, CriterionId::MigrationEffort), (9.0, 4.0));
        let evaluation = evaluate(&p, Assumptions::builtin());
        assert_eq!(evaluation.options[1].path, MigrationPath::AsIs);
        p.workload_mut().legacy_coupling = 0;
        p.workload_mut().team_container_maturity = 10;
        assert_eq!(scores(&p, CriterionId::MigrationEffort), (10.0, 10.0));
    }

    /// A hundred half-coupled services, thirty deploys a week (cadence c = log 31/log 101) and
    /// 20× bursts: decomposing costs 3 × 0.5 = 1.5 points of migration effort (weight 4, −6),
    /// and buys 1 + c points of delivery speed (weight 3: independent releases 1 → 2, no
    /// images waiting for each other, c) and 1 of scalability (weight 3, +3: no coupled
    /// scaling), so it is the better path. Migration effort is weighted 3 here: as a must
    /// (its default 4) the 3-point gap to the VMs' lift and shift would also be discounted.
    #[test]
    fn decomposition_is_chosen_where_it_pays() {
        let mut p = Profile::default();
        p.weights.insert(CriterionId::MigrationEffort, 3.0);
        let w = p.workload_mut();
        w.services = 100;
        w.legacy_coupling = 5;
        w.deploys_per_week = 30.0;
        w.team_container_maturity = 10;
        w.peak_factor = 20.0;
        let pace = cadence(30.0);
        let evaluation = evaluate(&p, Assumptions::builtin());
        let container = &evaluation.options[1];
        assert_eq!(container.path, MigrationPath::Decomposed);
        close(container.criteria[CriterionId::MigrationEffort as usize].score, 6.5);
        close(container.criteria[CriterionId::DeliverySpeed as usize].score, 5.0 + 3.0 * pace + 2.0);
        assert_eq!(evaluation.options[0].path, MigrationPath::AsIs, "VMs lift and shift");
        // With one service there is nothing to decompose into: as-is.
        p.workload_mut().services = 1;
        assert_eq!(evaluate(&p, Assumptions::builtin()).options[1].path, MigrationPath::AsIs);
    }

    #[test]
    fn resilience_fit_follows_failure_tolerance() {
        let mut p = Profile::default();
        p.workload_mut().failure_tolerance = 10;
        assert_eq!(scores(&p, CriterionId::ResilienceFit), (7.0, 10.0));
        // Live migration keeps an app that cannot die running through host maintenance,
        // if its instances live long enough to meet it.
        p.workload_mut().lifespan_days = 30.0;
        p.workload_mut().failure_tolerance = 0;
        assert_eq!(scores(&p, CriterionId::ResilienceFit), (10.0, 2.0));
        p.workload_mut().failure_tolerance = 5;
        assert_eq!(scores(&p, CriterionId::ResilienceFit), (8.5, 6.0));
        // VMs living an hour are replaced from their image all the time, as pods are: they
        // fit the app as the orchestrated options do (2 + 8 × 0.5).
        p.workload_mut().lifespan_days = 1.0 / 24.0;
        assert_eq!(scores(&p, CriterionId::ResilienceFit), (6.0, 6.0));
    }

    #[test]
    fn heavy_workloads_favour_vms_and_leave_bare_metal_containers_neutral() {
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.data_intensity = 10;
        w.memory_per_instance_mib = 65536.0;
        w.lifespan_days = 1095.0;
        close(heavy_workloads::heaviness(&p), 1.0);
        let (vm, ct) = scores(&p, CriterionId::HeavyWorkloads);
        close(vm, 9.0);
        close(ct, 5.0);
    }

    #[test]
    fn cost_falls_with_the_bills_ratio_on_a_log_scale() {
        // Ten 1 GiB services on 16 GiB hosts: VMs need 2 hosts (2,400 a month), containers 1
        // (1,200). Twice the bill: 10 − 14.3 × log10(2) = 5.695.
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.services = 10;
        w.replicas = 1;
        w.peak_factor = 1.0;
        w.memory_per_instance_mib = 1024.0;
        w.cpu_per_instance = 0.25;
        p.environment.host_memory_gib = 16.0;
        let (vm, ct) = scores(&p, CriterionId::Cost);
        close(vm, 10.0 - 14.3 * 2f64.log10());
        close(ct, 10.0);
        // On 8 GiB hosts both double (4 hosts against 2): the same ratio, the same score.
        p.environment.host_memory_gib = 8.0;
        close(scores(&p, CriterionId::Cost).0, 10.0 - 14.3 * 2f64.log10());
    }

    #[test]
    fn nesting_penalises_hardware_virtualization() {
        let mut p = Profile::default();
        assert_eq!(scores(&p, CriterionId::Nesting), (10.0, 10.0));
        p.workload_mut().nested_virtualization = true;
        assert_eq!(scores(&p, CriterionId::Nesting), (3.0, 9.0));
    }
}
