//! Runtime performance: how close to bare-metal speed does the workload run? Its row, and the rule that scores it.

use super::{CriterionId, CriterionSpec, Record, Wording};
use crate::model::assumptions::{AssumptionId, Values};
use crate::model::format::Number;
use crate::model::rules::{Input, RuleInputs, Terms};
use crate::model::traits::TraitId;

/// The criterion's row in the registry.
pub const SPEC: CriterionSpec = CriterionSpec {
    id: CriterionId::RuntimePerformance,
    key: "runtime_performance",
    label: "Runtime performance",
    question: "How close to bare-metal speed does the workload run?",
    wording: Wording::Figures(reading),
    default_weight: 2.0,
    sources: &["M-OPS-5", "V-RES-5", "M-NET-1"],
    pro: "Runs close to bare metal",
    con: "Slower than bare metal",
    rule,
};

/// The reading, quoting the assumption catalogue.
fn reading(values: &Values) -> String {
    format!(
        "10 × measured throughput relative to bare metal: CPU efficiency × storage efficiency^(data intensity/10) × network efficiency^(chattiness/10 × share of calls that leave the instance), one factor per layer (containers on VMs pay both). Defaults are today's stacks: a tuned virtio/vhost storage path for VMs ({}) and Kubernetes pod networking without NAT for containers ({}); Felter et al.'s untuned 2014 figures remain as the range's bottom.",
        Number(values.get(AssumptionId::VmIoEfficiency)),
        Number(values.get(AssumptionId::ContainerNetworkEfficiency)),
    )
}

fn rule(t: &mut Terms<'_>, inputs: &RuleInputs<'_>, option: usize) -> Record {
    let spec = inputs.options[option];
    let v = inputs.values;
    let product = |layers: &[AssumptionId]| layers.iter().map(|id| v.get(*id)).product::<f64>();
    let cpu = product(spec.cpu_efficiency);
    let io = product(spec.io_efficiency).powf(inputs.rating(TraitId::DataIntensity));
    let leaving = 1.0 - inputs.colocated_share(option);
    let net = product(spec.network_efficiency).powf(inputs.rating(TraitId::Chattiness) * leaving);
    t.base("bare-metal speed", 10.0, &["M-OPS-5"]);
    // One CPU term per layer, each taking its share of what the layers above it left.
    let mut above = 1.0;
    for (layer, id) in spec.cpu_efficiency.iter().enumerate() {
        let own = v.get(*id);
        let label = if layer == 0 { "CPU overhead" } else { "CPU overhead of the layer inside" };
        t.add(label, Input::Assumption(*id), own, 10.0 * above * (own - 1.0), &["M-OPS-5"]);
        above *= own;
    }
    t.add_trait(
        "storage I/O overhead",
        inputs,
        TraitId::DataIntensity,
        10.0 * cpu * (io - 1.0),
        &["M-OPS-5", "V-RES-5"],
    );
    t.add_trait(
        "network overhead on calls between instances",
        inputs,
        TraitId::Chattiness,
        10.0 * cpu * io * (net - 1.0),
        &["M-OPS-5", "M-NET-1"],
    );
    Record::Terms
}
