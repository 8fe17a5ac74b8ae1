//! An option the host cannot run never leads, is never the runner-up and never makes a close
//! call: checked over every bundled and panel profile, as written and moved onto a type of
//! each cloud family with every option compared.

use std::path::{Path, PathBuf};

use podvisor::model::feasibility::Feasibility;
use podvisor::model::kubernetes::KubernetesFlavour;
use podvisor::model::options::REGISTRY;
use podvisor::model::{Evaluation, OptionId, evaluate};
use podvisor::narrative;
use podvisor::profile::{Profile, load_file};

/// Every profile of a folder of the repository, sorted (the panel's `expected.ron` holds its
/// answers, not a profile).
fn profiles_in(folder: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "ron"))
        .filter(|path| path.file_name().is_none_or(|name| name != "expected.ron"))
        .collect();
    paths.sort();
    paths
}

fn offered(evaluation: &Evaluation, id: OptionId) -> bool {
    evaluation.option(id).is_some_and(|result| result.feasibility.is_offered())
}

/// The standings' promise for one evaluation.
fn check(name: &str, evaluation: &Evaluation) {
    let verdict = &evaluation.verdict;
    let summary = narrative::summary(evaluation);
    let any_offered = evaluation.options.iter().any(|result| result.feasibility.is_offered());
    if any_offered {
        assert!(offered(evaluation, verdict.leader), "{name}: {} leads, not offered: {summary}", verdict.leader.key());
    } else {
        assert_eq!(verdict.winner, None, "{name}: nothing offered, nothing wins");
    }
    if let Some(runner_up) = verdict.runner_up {
        assert!(offered(evaluation, runner_up), "{name}: runner-up {} not offered: {summary}", runner_up.key());
    }
    if verdict.close_call {
        assert!(verdict.runner_up.is_some(), "{name}: a close call needs an offered runner-up");
    }
    for result in evaluation.options.iter().filter(|result| !result.feasibility.is_offered()) {
        assert!(result.score.is_finite(), "{name}: {} keeps its scores", result.spec.key);
        assert!(summary.contains("not offered"), "{name}: the summary says why {} is out", result.spec.key);
    }
}

/// Each component of a profile, as written and on a type of each family with all options.
fn variants(profile: &Profile) -> Vec<(String, Profile)> {
    let mut out = Vec::new();
    for index in 0..profile.components.len() {
        let focus = profile.focus(index);
        out.push((format!("component {index}"), focus.clone()));
        for host in ["aws/m6i.4xlarge", "aws/m6i.metal", "gcp/n2-standard-16", "azure/D16s_v5", "aws/m7g.4xlarge"] {
            for needs_kvm in [false, true] {
                let mut moved = focus.clone();
                host.clone_into(&mut moved.environment.host);
                moved.options = REGISTRY.iter().map(|spec| spec.id()).collect();
                moved.workload_mut().nested_virtualization |= needs_kvm;
                out.push((format!("component {index} on {host}, needs KVM {needs_kvm}"), moved));
            }
        }
    }
    out
}

#[test]
fn no_option_the_host_cannot_run_leads_or_comes_second_in_any_bundled_or_panel_profile() {
    let paths: Vec<PathBuf> = profiles_in("profiles").into_iter().chain(profiles_in("tests/scenarios")).collect();
    assert!(paths.len() >= 20, "{paths:?}");
    let mut refused = 0;
    for path in &paths {
        let profile = load_file(path).unwrap_or_else(|e| panic!("{e}")).profile;
        for (variant, moved) in variants(&profile) {
            let evaluation = evaluate(&moved, podvisor::builtin::catalogs());
            refused += evaluation.options.iter().filter(|result| !result.feasibility.is_offered()).count();
            check(&format!("{} ({variant})", path.display()), &evaluation);
        }
    }
    // The moves refuse something (containers without a metal type, sandboxes asked to nest),
    // so the check above is not vacuous.
    assert!(refused > 100, "{refused} refusals");
}

#[test]
fn the_json_names_the_status_the_form_and_the_reason() {
    let mut profile = Profile::default();
    "aws/m6i.4xlarge".clone_into(&mut profile.environment.host);
    profile.options = REGISTRY.iter().map(|spec| spec.id()).collect();
    profile.workload_mut().nested_virtualization = true;
    let evaluation = evaluate(&profile, podvisor::builtin::catalogs());
    let json = podvisor::report::json::evaluation(&profile, &evaluation);
    assert_eq!(json["version"], 3);
    let container = &json["options"]["container"]["feasibility"];
    assert_eq!(container["status"], "offered_as");
    assert_eq!(container["as"], "aws/m6i.metal");
    let microvm = &json["options"]["microvm"]["feasibility"];
    assert_eq!(microvm["status"], "not_offered");
    assert!(microvm["as"].is_null());
    assert!(microvm["reason"].as_str().is_some_and(|reason| reason.contains("firecracker") || reason.contains("KVM")));
    // m6i VMs cannot nest, so the VM runner-up is not offered either; containers on the metal
    // type keep /dev/kvm and lead alone.
    assert_eq!(json["options"]["vm"]["feasibility"]["status"], "not_offered");
    assert_eq!(json["verdict"]["leader"], "container");
    assert!(matches!(evaluation.option(OptionId::CONTAINER).map(|r| &r.feasibility), Some(Feasibility::OfferedAs(_))));
}

/// `microvm` on EKS, AKS and GKE take the provider's managed sandbox, shown in JSON v3 as
/// `feasibility.as`; Fargate's adds the size each pod is billed as and its price.
#[test]
fn the_json_names_each_managed_sandbox() {
    let on = |host: &str, flavour: KubernetesFlavour| {
        let mut profile = Profile::default();
        host.clone_into(&mut profile.environment.host);
        profile.environment.kubernetes = flavour;
        profile.options = REGISTRY.iter().map(|spec| spec.id()).collect();
        let w = profile.workload_mut();
        (w.cpu_per_instance, w.memory_per_instance_mib) = (1.0, 8192.0);
        let evaluation = evaluate(&profile, podvisor::builtin::catalogs());
        podvisor::report::json::evaluation(&profile, &evaluation)["options"]["microvm"]["feasibility"].clone()
    };
    let fargate = on("aws/m6i.large", KubernetesFlavour::Eks);
    assert_eq!(fargate["status"], "offered_as");
    assert_eq!(fargate["as"], "fargate");
    // The guide's example: 1 vCPU / 8 GB billed as 2 vCPU / 9 GB, 2 × 0.04048 + 9 × 0.004445 an hour.
    assert_eq!((fargate["pod"]["vcpu"].as_f64(), fargate["pod"]["memory_gb"].as_f64()), (Some(2.0), Some(9.0)));
    assert!((fargate["pod"]["price_per_hour"].as_f64().unwrap_or_default() - 0.120_965).abs() < 1e-9);
    assert_eq!(on("azure/D8s_v5", KubernetesFlavour::Aks)["as"], "aks_pod_sandboxing");
    let gke = on("gcp/n2-standard-8", KubernetesFlavour::Gke);
    assert_eq!(gke["as"], "gke_sandbox");
    assert!(gke.get("pod").is_none(), "on the cluster's own nodes: no per-pod bill");
}

/// The cost sentence names the form and what each pod is billed as: ten services of two
/// 0.5 vCPU / 512 MiB pods on EKS are 20 Fargate pods of 0.5 vCPU / 1 GB (512 + 256 MiB
/// rounded up), 0.5 × 0.04048 + 1 × 0.004445 = 0.024685 USD an hour each.
#[test]
fn the_cost_sentence_bills_fargate_pods() {
    let mut profile = Profile::default();
    "aws/m6i.large".clone_into(&mut profile.environment.host);
    profile.environment.kubernetes = KubernetesFlavour::Eks;
    profile.options = vec![OptionId::VM, OptionId::MICROVM];
    let w = profile.workload_mut();
    (w.services, w.replicas, w.peak_factor) = (10, 2, 1.0);
    (w.cpu_per_instance, w.memory_per_instance_mib) = (0.5, 512.0);
    let evaluation = evaluate(&profile, podvisor::builtin::catalogs());
    let json = podvisor::report::json::evaluation(&profile, &evaluation).to_string();
    let sentence = "as AWS Fargate pods: 20 × 0.5 vCPU / 1 GB at 0.0247 USD an hour each (us-east-1, prices of 2026-03, on demand), plus 73 USD for the managed control plane";
    assert!(json.contains(sentence), "{json}");
    assert!(json.contains("\"as\":\"fargate\""), "{json}");
    // The breakdown: 20 × 0.024685 × 730 = 360.4 of compute, EKS's 73, nothing per node.
    let microvm = evaluation.option(OptionId::MICROVM).expect("compared");
    let breakdown = narrative::figures::cost_breakdown(&profile, &microvm.resources);
    assert!(
        breakdown.starts_with("compute 360, control plane 73 USD a month (AWS Fargate prices of 2026-03)"),
        "{breakdown}"
    );
}

#[test]
fn on_an_arm_host_images_not_built_for_arm64_run_nowhere() {
    let mut profile = Profile::default();
    "aws/m7g.4xlarge".clone_into(&mut profile.environment.host);
    profile.options = REGISTRY.iter().map(|spec| spec.id()).collect();
    let evaluation = evaluate(&profile, podvisor::builtin::catalogs());
    check("x86 images on m7g", &evaluation);
    assert_eq!(evaluation.verdict.winner, None);
    let json = podvisor::report::json::evaluation(&profile, &evaluation);
    for spec in REGISTRY {
        let feasibility = &json["options"][spec.key]["feasibility"];
        assert_eq!(feasibility["status"], "not_offered", "{}", spec.key);
        let reason = feasibility["reason"].as_str().unwrap_or_default();
        assert!(reason.contains("arm64") && reason.contains("aws/m6i.4xlarge"), "{reason}");
    }
    // The same workload with arm64 images: VMs and nodes run on Graviton as they would on x86.
    profile.workload_mut().arm64_ready = true;
    let evaluation = evaluate(&profile, podvisor::builtin::catalogs());
    check("arm64 images on m7g", &evaluation);
    assert!(offered(&evaluation, OptionId::VM) && offered(&evaluation, OptionId::CONTAINERS_ON_VMS));
    assert!(offered(&evaluation, evaluation.verdict.leader));
}

/// Fargate runs no privileged containers (the EKS user guide's Fargate considerations): a
/// privileged workload's microVMs on EKS go back to the family's metal type where it sells
/// one (m6i.metal), and are not offered where it sells none (t3), with the reason and the
/// metal families that would do. The flag is written only when set and reads back.
#[test]
fn fargate_refuses_privileged_containers() {
    let microvm_on = |host: &str| {
        let mut profile = Profile::default();
        host.clone_into(&mut profile.environment.host);
        profile.environment.kubernetes = KubernetesFlavour::Eks;
        profile.options = vec![OptionId::VM, OptionId::MICROVM];
        profile.workload_mut().privileged = true;
        let evaluation = evaluate(&profile, podvisor::builtin::catalogs());
        check(host, &evaluation);
        evaluation.option(OptionId::MICROVM).expect("compared").feasibility.clone()
    };
    let on_m6i = microvm_on("aws/m6i.large");
    assert!(
        matches!(&on_m6i, Feasibility::OfferedAs(podvisor::model::feasibility::Form::Metal(host)) if host.id == "aws/m6i.metal"),
        "{on_m6i:?}"
    );
    let Feasibility::NotOffered(obstacle) = microvm_on("aws/t3.large") else { panic!("t3 sells no metal type") };
    assert_eq!(obstacle.kind, podvisor::model::feasibility::ObstacleKind::PrivilegedOnFargate);
    assert!(obstacle.sources[0].contains("privileged containers are not supported"), "{:?}", obstacle.sources);

    let mut profile = Profile::default();
    let text = podvisor::profile::to_canonical_string(&profile);
    assert!(!text.contains("privileged"), "unset: not written");
    profile.workload_mut().privileged = true;
    let text = podvisor::profile::to_canonical_string(&profile);
    assert!(text.contains("privileged: true"), "{text}");
    let read = podvisor::profile::parse(text.as_bytes(), "privileged.ron").expect("reads back").profile;
    assert_eq!(read, profile);
}
