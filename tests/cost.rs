//! Money in the verdict: the expert's overcommit case from issue 10, on the bundled greenfield
//! profile.

use podvisor::model::kubernetes::KubernetesFlavour;
use podvisor::model::{CriterionId, Evaluation, Warning, evaluate};
use podvisor::narrative;
use podvisor::profile::{self, Profile};

fn greenfield() -> Profile {
    let text = include_str!("../profiles/greenfield_microservices.ron");
    profile::parse(text.as_bytes(), "greenfield_microservices.ron").unwrap_or_else(|error| panic!("{error}")).profile
}

fn score(evaluation: &Evaluation, option: &str, criterion: CriterionId) -> f64 {
    let result = evaluation.options.iter().find(|o| o.spec.key == option).expect("option evaluated");
    result.criterion(criterion).expect("scored").score
}

/// With CPU overcommit 4, VMs fit on two hosts while containers stop at 110 pods per host and
/// need three: the VMs' bill is lower, so they win on cost, and nothing calls them heavy on
/// resources beside that lower bill.
#[test]
fn overcommitted_vms_win_on_cost_and_no_con_contradicts_their_bill() {
    let mut profile = greenfield();
    profile.environment.cpu_overcommit = 4.0;
    let evaluation = evaluate(&profile, podvisor::builtin::catalogs());
    let (vm, container) = (&evaluation.options[0], &evaluation.options[1]);
    assert_eq!((vm.spec.key, container.spec.key), ("vm", "container"));
    assert!(vm.resources.monthly_cost < container.resources.monthly_cost);
    assert!(score(&evaluation, "vm", CriterionId::COST) > score(&evaluation, "container", CriterionId::COST));
    assert!(vm.cons.iter().all(|con| con.criterion != CriterionId::RESOURCE_EFFICIENCY), "{:?}", vm.cons);
    assert!(container.pros.iter().all(|pro| pro.criterion != CriterionId::RESOURCE_EFFICIENCY));
    assert!(!evaluation.verdict.decisive.contains(&CriterionId::RESOURCE_EFFICIENCY));
    // The cost sentence quotes the projection's bill and says why the leaner option pays more.
    let cost = vm.pros.iter().find(|pro| pro.criterion == CriterionId::COST).expect("a cost pro");
    let text = narrative::point_text(&evaluation, &profile, 0, cost);
    assert!(
        text.starts_with("VMs cost 2400 USD a month: 2 hosts at 1200 USD each; containers cost 3600 USD."),
        "{text}"
    );
    assert!(text.contains("Containers need less memory and CPU, but VMs pack 144 instances per host"), "{text}");
}

/// Without overcommit the containers' bill is the lower one and both criteria agree.
#[test]
fn cost_and_resource_efficiency_agree_when_the_bill_does() {
    let profile = greenfield();
    let evaluation = evaluate(&profile, podvisor::builtin::catalogs());
    assert!(evaluation.options[1].resources.monthly_cost <= evaluation.options[0].resources.monthly_cost);
    assert!(evaluation.options[0].cons.iter().any(|con| con.criterion == CriterionId::RESOURCE_EFFICIENCY));
}

/// A host cost of 0 makes every option equally cheap; the price of one host scales every bill.
#[test]
fn the_bill_follows_the_host_price() {
    let mut profile = greenfield();
    profile.environment.host_cost_per_month = 0.0;
    let free = evaluate(&profile, podvisor::builtin::catalogs());
    assert!(free.options.iter().all(|o| (o.criterion(CriterionId::COST).expect("scored").score - 10.0).abs() < 1e-9));
    profile.environment.host_cost_per_month = 1_000_000.0;
    let dear = evaluate(&profile, podvisor::builtin::catalogs());
    let hosts = dear.options[0].resources.hosts;
    assert!((dear.options[0].resources.monthly_cost - hosts * 1_000_000.0).abs() < 1e-6);
}

/// On a type whose family has no bare metal, containers on the hardware are not offered (a
/// fact of the option, with its reason, no longer a warning), and a managed flavour of another
/// cloud is named as such; two replicas on one host are flagged.
#[test]
fn catalog_hosts_say_what_they_cannot_run() {
    let mut profile = greenfield();
    profile.environment.host = "gcp/n2-standard-8".to_owned();
    profile.environment.kubernetes = KubernetesFlavour::Eks;
    let w = profile.workload_mut();
    w.services = 1;
    w.replicas = 2;
    w.peak_factor = 1.0;
    let evaluation = evaluate(&profile, podvisor::builtin::catalogs());
    let warnings: Vec<String> = evaluation.warnings.iter().map(narrative::warning).collect();
    let container = evaluation.option(podvisor::model::OptionId::CONTAINER).expect("compared");
    assert!(!container.feasibility.is_offered());
    assert_eq!(
        narrative::feasibility::reason(container.spec.id(), &container.feasibility, &evaluation.site),
        "Containers need the hardware itself, and the gcp/n2-standard family sells no metal type: not offered on gcp/n2-standard-8. Possible with a family with a metal type: aws/m6i, aws/m7i, aws/c6i and aws/r6i."
    );
    assert_ne!(evaluation.verdict.leader, podvisor::model::OptionId::CONTAINER, "a not-offered option never leads");
    let expected = [
        "With containers, both replicas of each service sit on one host: losing it takes the service down; add a zone or a host.",
        "The Kubernetes flavour eks does not run on gcp/n2-standard-8; its rules are applied anyway.",
    ];
    for sentence in expected {
        assert!(warnings.iter().any(|w| w == sentence), "{sentence:?} not in {warnings:#?}");
    }
    profile.environment.zones = 2;
    let spread = evaluate(&profile, podvisor::builtin::catalogs());
    assert!(spread.warnings.iter().all(|w| !matches!(w, Warning::ReplicasShareOneHost { .. })));
}

/// The bundled 50-service monolith: containers need less memory than VMs only from 44 to 50
/// services, and by under 5 %; VMs need less on either side. The chart marked two
/// break-evens there (44 and 51 services), a race that is not run; it marks none now.
#[test]
fn level_memory_lines_have_no_break_even_between_them() {
    let text = include_str!("../profiles/monolith_decomposed_50_services.ron");
    let profile = profile::parse(text.as_bytes(), "monolith").unwrap_or_else(|error| panic!("{error}")).profile;
    let memory_at = |services: f64| {
        let mut there = profile.clone();
        there.set(podvisor::model::TraitId::Services, services);
        let evaluation = evaluate(&there, podvisor::builtin::catalogs());
        let [vm, container] = [0, 1].map(|i| evaluation.options[i].resources.memory_gib);
        (vm - container).abs() / vm.max(container)
    };
    for services in [44.0, 47.0, 50.0] {
        assert!(memory_at(services) < 0.05, "level at {services} services: {:.3}", memory_at(services));
    }
    let evaluation = evaluate(&profile, podvisor::builtin::catalogs());
    let memory: Vec<f64> = evaluation
        .break_even()
        .iter()
        .filter(|b| {
            b.resource == podvisor::model::ResourceId::MemoryGib && b.axis == podvisor::model::TraitId::Services
        })
        .map(|b| b.at)
        .collect();
    assert!(memory.iter().all(|at| !(40.0..=60.0).contains(at)), "break-evens at {memory:?} services");
}
