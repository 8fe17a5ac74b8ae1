//! Cost: what will the bill for hosts and managed services be each month? Its row, and the rule
//! that scores it.

use super::{CriterionSpec, Record, Wording};
use crate::model::assumptions::{AssumptionId, Values};
use crate::model::format::Number;
use crate::model::resources::ResourceId;
use crate::model::rules::{Input, RuleInputs, Terms, decades_behind};

/// The criterion's row in the registry.
pub static SPEC: CriterionSpec = CriterionSpec {
    key: "cost",
    label: "Cost",
    question: "What will the bill for hosts and managed services be each month?",
    wording: Wording::Figures(reading),
    default_weight: 3.0,
    sources: &["M-RES-1", "V-RES-5", "V-DEC-1"],
    pro: "Cheaper to run",
    con: "Costs more to run",
    rule,
};

/// The reading, quoting the points a decade of the bill costs.
fn reading(values: &Values) -> String {
    let per_decade = values.get(AssumptionId::CostPointsPerDecade);
    format!(
        "10 − {} × log10(this option's monthly cost ÷ the cheapest option's), at least 0 (cost_points_per_decade): every doubling of the bill costs {} points, and {} times the cheapest bill scores 0. The bill is the projection's: whole hosts (or cloud instances) at their price for the hours they run, plus a managed control plane's fee (a self-managed control plane takes its share of the hosts instead) and, where the profile names a team, the engineers it takes to run. When every option costs nothing, all score 10. Denser packing means fewer hosts to pay for (M-RES-1); heavy work weighs on the bill (V-RES-5, V-DEC-1).",
        Number(per_decade),
        Number(per_decade * 2f64.log10()),
        Number(10f64.powf(10.0 / per_decade.max(1e-9))),
    )
}

/// The bill relative to the cheapest option's, on a log scale: 10 for the cheapest, 5.7 for
/// twice its cost at the default 14.3 points a decade.
fn rule(t: &mut Terms<'_>, inputs: &RuleInputs<'_>, option: usize) -> Record {
    let own = inputs.resources[option].monthly_cost;
    let behind = decades_behind(own, inputs.best(ResourceId::MonthlyCost));
    let per_decade = inputs.values.get(AssumptionId::CostPointsPerDecade);
    t.base("as cheap as the cheapest option", 10.0, &["M-RES-1"]);
    t.add(
        "monthly cost vs the cheapest option, by the bill's ratio (each doubling alike)",
        Input::Resource(ResourceId::MonthlyCost),
        own,
        -(per_decade * behind).min(10.0),
        &["M-RES-1", "V-RES-5", "V-DEC-1"],
    );
    Record::Terms
}

#[cfg(test)]
mod tests {
    //! The rule against figures worked out by hand from its documented reading.

    use crate::model::criteria::by_hand::{close, scores};
    use crate::model::{CriterionId, Profile};

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
        let (vm, ct) = scores(&p, CriterionId::COST);
        close(vm, 10.0 - 14.3 * 2f64.log10());
        close(ct, 10.0);
        // On 8 GiB hosts both double (4 hosts against 2): the same ratio, the same score.
        p.environment.host_memory_gib = 8.0;
        close(scores(&p, CriterionId::COST).0, 10.0 - 14.3 * 2f64.log10());
    }
}
