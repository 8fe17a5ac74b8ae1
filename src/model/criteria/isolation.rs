//! Isolation: how well are neighbours kept apart when isolation matters? Its row, and the rule
//! that scores it.

use super::{CriterionSpec, Record, Wording};
use crate::model::assumptions::{AssumptionId, Values};
use crate::model::format::Number;
use crate::model::options::{Boundary, OptionSpec};
use crate::model::profile::Profile;
use crate::model::rules::{RuleInputs, Terms};
use crate::model::traits::{TraitId, fraction};

/// The criterion's row in the registry.
pub static SPEC: CriterionSpec = CriterionSpec {
    key: "isolation",
    label: "Isolation",
    question: "How well are neighbours kept apart when isolation matters?",
    wording: Wording::Figures(reading),
    default_weight: 4.0,
    sources: &[
        "M-ARCH-1", "M-SEC-1", "M-SEC-2", "M-SEC-3", "M-SEC-4", "M-OPS-7", "V-SEC-1", "V-SEC-2", "V-SEC-4", "V-SEC-6",
        "V-SEC-7",
    ],
    pro: "Strong isolation",
    con: "Weaker isolation",
    rule,
};

/// The reading, quoting the assumption catalogue.
fn reading(values: &Values) -> String {
    let own = values.get(AssumptionId::FirstPartyThreatShare);
    format!(
        "10 − threat × the boundary's exposure. Threat = isolation need/10 × ({} + {} × untrusted code/10): own reviewed code keeps {}% of the threat (first_party_threat_share), arbitrary tenant code all of it. Exposure: hypervisor {}/10, shared kernel {}/10 narrowed by runtime hardening (seccomp, user namespaces: −{}%, never below a hypervisor); pods on node VMs as a shared kernel for the share of hostile pods that can land on their node. Services packed into one VM lose their boundaries as far as one breach then reaches: ln(services per VM)/ln(service instances), up to the hardened shared kernel when every instance shares one VM. Compliance no longer enters here: it costs every option controls and audit work (patching burden).",
        Number(own),
        Number(1.0 - own),
        Number(100.0 * own),
        Number(values.get(AssumptionId::HypervisorExposure)),
        Number(values.get(AssumptionId::SharedKernelExposure)),
        Number(100.0 * values.get(AssumptionId::RuntimeHardeningReduction)),
    )
}

/// The threat neighbours pose, 0–1: how much a breach would matter (isolation need) times
/// how likely the code is to attack. Own reviewed code still carries a share of the threat
/// (an exploited first-party service; `first_party_threat_share`); arbitrary tenant code all
/// of it. The two traits stay separate inputs, so strict compliance for first-party code is
/// not read as hostile tenants.
pub fn threat(profile: &Profile, values: &Values) -> f64 {
    let need = fraction(profile, TraitId::IsolationNeed);
    let untrusted = fraction(profile, TraitId::UntrustedCode);
    let own = values.get(AssumptionId::FirstPartyThreatShare);
    need * (own + (1.0 - own) * untrusted)
}

/// The boundary exposure of an option, 0–10. A shared kernel is narrowed by runtime hardening
/// (seccomp, user namespaces; `runtime_hardening_reduction`). Services sharing an instance
/// raise it (V-SEC-6) as far as one breach then reaches
/// ([`blast_radius`](crate::model::rules::blast_radius)), up to a hardened shared kernel's once
/// no boundary is left: co-located services are no worse off than containers. Pods on node
/// VMs are exposed like containers to the share of hostile pods that can land on their node,
/// and like VMs to the rest. Returns the boundary's own exposure and the exposure with
/// co-located services.
pub fn exposure(values: &Values, spec: &OptionSpec, blast_radius: f64) -> (f64, f64) {
    let hypervisor = values.get(AssumptionId::HypervisorExposure);
    // Hardening narrows the kernel's surface but never makes it a better boundary than a
    // hypervisor.
    let kernel = (values.get(AssumptionId::SharedKernelExposure)
        * (1.0 - values.get(AssumptionId::RuntimeHardeningReduction)))
    .max(hypervisor);
    let own = match spec.boundary {
        Boundary::Hypervisor => hypervisor,
        Boundary::SharedKernel => kernel,
        Boundary::NodeKernel => {
            hypervisor + (kernel - hypervisor).max(0.0) * values.get(AssumptionId::TenantsShareNodes)
        }
    };
    // Services packed in one instance run as processes side by side: no namespaces, seccomp
    // or cgroups between them, so a breach meets the kernel unhardened (500 tenants packed in
    // one VM no longer rate above hardened containers).
    let shared = values.get(AssumptionId::SharedKernelExposure).max(own);
    (own, own + (shared - own) * blast_radius)
}

fn rule(t: &mut Terms<'_>, inputs: &RuleInputs<'_>, option: usize) -> Record {
    let spec = inputs.options[option];
    let threat = inputs.shared.threat;
    let (own, packed) = exposure(inputs.values, spec, inputs.blast_radius(option));
    t.base("no threat between neighbours", 10.0, &[]);
    let boundary_sources: &'static [&'static str] = match spec.boundary {
        Boundary::Hypervisor => &["M-ARCH-1", "M-SEC-3", "M-SEC-4", "M-OPS-7", "V-SEC-1"],
        Boundary::SharedKernel => &["M-SEC-1", "M-SEC-2", "M-SEC-3", "V-SEC-4", "V-SEC-7"],
        Boundary::NodeKernel => &["M-SEC-1", "M-SEC-2", "M-SEC-3", "V-SEC-4", "M-ARCH-1", "V-SEC-1"],
    };
    // The term names whichever trait drives the threat more: the need or untrusted code.
    let driver = if inputs.rating(TraitId::UntrustedCode) > inputs.rating(TraitId::IsolationNeed) {
        TraitId::UntrustedCode
    } else {
        TraitId::IsolationNeed
    };
    t.add_trait(
        "threat (isolation need × untrusted code) × boundary exposure",
        inputs,
        driver,
        -threat * own,
        boundary_sources,
    );
    if packed > own {
        t.add_trait(
            "services sharing an instance without a boundary",
            inputs,
            TraitId::ServicesPerVm,
            -threat * (packed - own),
            &["V-SEC-6"],
        );
    }
    Record::Isolation { threat, exposure: packed }
}

#[cfg(test)]
mod tests {
    //! The rule against figures worked out by hand from its documented reading.

    use crate::model::criteria::by_hand::{close, scores};
    use crate::model::{CriterionId, Profile};

    #[test]
    fn isolation_scales_boundary_exposure_by_the_threat() {
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.isolation_need = 10;
        w.untrusted_code = 10;
        w.compliance_strictness = 10;
        // Threat 1: a hypervisor exposes 2/10, a hardened shared kernel 9 × (1 − 0.25).
        let (vm, ct) = scores(&p, CriterionId::ISOLATION);
        close(vm, 8.0);
        close(ct, 10.0 - 6.75);
        // Own reviewed code keeps 35% of the threat; compliance does not enter.
        p.workload_mut().untrusted_code = 0;
        p.workload_mut().compliance_strictness = 0;
        let (vm, ct) = scores(&p, CriterionId::ISOLATION);
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
        close(scores(&p, CriterionId::ISOLATION).0, 10.0 - 9.0);
        // Two of four services per VM: a breach reaches half the estate (ln 2 / ln 4).
        p.environment.services_per_vm = 2;
        close(scores(&p, CriterionId::ISOLATION).0, 10.0 - 2.0 - (9.0 - 2.0) / 2.0);
        // Two replicas of each, all four services per VM: four of eight (ln 4 / ln 8).
        p.workload_mut().replicas = 2;
        p.environment.services_per_vm = 4;
        close(scores(&p, CriterionId::ISOLATION).0, 10.0 - 2.0 - (9.0 - 2.0) * 2.0 / 3.0);
        p.workload_mut().isolation_need = 0;
        assert_eq!(scores(&p, CriterionId::ISOLATION), (10.0, 10.0), "no need, no threat");
    }
}
