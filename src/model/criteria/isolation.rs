//! Isolation: how well are neighbours kept apart when isolation matters? Its row, and the rule that scores it.

use super::{CriterionId, CriterionSpec, Record, Wording};
use crate::model::assumptions::{AssumptionId, Values};
use crate::model::format::Number;
use crate::model::options::{Boundary, OptionSpec};
use crate::model::profile::Profile;
use crate::model::rules::{RuleInputs, Terms};
use crate::model::traits::TraitId;

/// The criterion's row in the registry.
pub const SPEC: CriterionSpec = CriterionSpec {
    id: CriterionId::Isolation,
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
    let need = crate::model::traits::fraction(profile, TraitId::IsolationNeed);
    let untrusted = crate::model::traits::fraction(profile, TraitId::UntrustedCode);
    let own = values.get(AssumptionId::FirstPartyThreatShare);
    need * (own + (1.0 - own) * untrusted)
}

/// The boundary exposure of an option, 0–10. A shared kernel is narrowed by runtime hardening
/// (seccomp, user namespaces; `runtime_hardening_reduction`). Services sharing an instance
/// raise it (V-SEC-6) as far as one breach then reaches ([`blast_radius`]),
/// up to a hardened shared kernel's once no boundary is left: co-located services are no
/// worse off than containers. Pods on node VMs are exposed like containers to the share of
/// hostile pods that can land on their node, and like VMs to the rest. Returns the boundary's
/// own exposure and the exposure with co-located services.
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
