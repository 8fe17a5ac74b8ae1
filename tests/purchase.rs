//! How compute is bought, end to end: a committed steady load with an on-demand peak saves the
//! provider's discount on the steady hosts and nothing else; a database is never put on spot;
//! a version 2 file reads as on demand and saves unchanged; commitments never cost more than on
//! demand, three years never more than one.

use crate::profile_support;

use podvisor::model::assumptions::Values;
use podvisor::model::purchase::{Purchase, Term};
use podvisor::model::site::Site;
use podvisor::model::{OptionId, OptionSpec, Profile, Resources, Warning, evaluate, projection};
use podvisor::profile;
use proptest::prelude::*;

/// One service, 4 replicas steady and twice that at peak for 6 hours a day, 1 core and 2 GiB
/// each, as right-sized VMs on Google Cloud: 4 VMs all day and 4 more at peak.
fn steady_plus_peak(purchase: Purchase) -> Profile {
    let mut profile = Profile::default();
    let w = profile.workload_mut();
    (w.services, w.replicas, w.peak_factor) = (1, 4, 2.0);
    (w.cpu_per_instance, w.memory_per_instance_mib) = (1.0, 2048.0);
    let e = &mut profile.environment;
    e.host = "gcp/n2-standard-8".to_owned();
    (e.runs_hours_per_day, e.peak_hours_per_day) = (24.0, 6.0);
    e.purchase = purchase;
    profile
}

fn vm_result(profile: &Profile) -> Resources {
    let evaluation = evaluate(profile, podvisor::builtin::catalogs());
    evaluation.options.iter().find(|o| o.spec.id() == OptionId::VM).expect("VMs compared").resources
}

#[test]
fn committing_the_steady_load_saves_the_discount_on_the_steady_hosts() {
    let (on_demand, steady) =
        (vm_result(&steady_plus_peak(Purchase::OnDemand)), vm_result(&steady_plus_peak(Purchase::CommittedSteady)));
    // Each VM (1 core and 2 GiB, plus its guest OS) is the family's smallest type: 2 vCPU, 8 GB
    // listed at 0.0971 USD an hour (2 × 0.031611 + 8 × 0.004237 = 0.09712).
    let vm = on_demand.host_type.map(|host| (host.id.as_str(), host.price_per_hour));
    assert_eq!(vm, Some(("gcp/n2-standard-2", 0.0971)));
    assert_eq!((on_demand.hosts, on_demand.footprint.hosts_steady), (8.0, 4.0));
    // The 4 steady VMs run 730 hours a month; committed for a year they cost 37 % less
    // (Google's resource-based commitment for general-purpose types). The peak's 4 stay on
    // demand, as before.
    let saved = 0.37 * 4.0 * 0.0971 * 730.0;
    assert!((on_demand.monthly_cost - steady.monthly_cost - saved).abs() < 1e-6, "{on_demand:?}\n{steady:?}");
    let parts = steady.cost_breakdown();
    assert!((parts.committed - 0.63 * 4.0 * 0.0971 * 730.0).abs() < 1e-6, "{parts:?}");
    assert!((parts.committed + parts.on_demand + parts.spot - parts.compute).abs() < 1e-9);
    let offer = podvisor::builtin::catalogs().purchase.offer(on_demand.host_type.unwrap(), Term::Committed1y);
    assert_eq!(offer.map(|o| (o.discount, o.date.as_str())), Some((0.37, "2026-12")));
}

/// Hosts running 10 hours a day are cheaper on demand than committed for all 24 at −37 %
/// (24 × 0.63 = 15.1 hours): a commitment is declined, the bill stays the on-demand one, and
/// the warning and the cost sentence say why.
#[test]
fn a_part_time_fleet_is_not_committed_and_says_why() {
    let part_time = |purchase| {
        let mut profile = steady_plus_peak(purchase);
        (profile.environment.runs_hours_per_day, profile.environment.peak_hours_per_day) = (10.0, 4.0);
        profile
    };
    let (on_demand, committed) =
        (vm_result(&part_time(Purchase::OnDemand)), vm_result(&part_time(Purchase::Committed1y)));
    assert!((on_demand.monthly_cost - committed.monthly_cost).abs() < 1e-9);
    assert_eq!(committed.bought.committed, 0.0);
    let profile = part_time(Purchase::Committed1y);
    let evaluation = evaluate(&profile, podvisor::builtin::catalogs());
    let declined = evaluation.warnings.iter().find_map(|w| match w {
        Warning::CommitmentDeclined { hours, break_even } => Some((*hours, *break_even)),
        _ => None,
    });
    let (hours, break_even) = declined.expect("the declined commitment is said");
    assert_eq!(hours, 10.0);
    assert!((break_even - 15.12).abs() < 1e-9);
    let vm = evaluation.options.iter().position(|o| o.spec.id() == OptionId::VM).unwrap_or_default();
    let text = podvisor::narrative::why(&evaluation, &profile, vm, podvisor::model::CriterionId::COST);
    assert!(text.contains("bought on demand: a commitment (−37 %"), "{text}");
}

#[test]
fn the_cost_sentence_says_how_it_is_bought() {
    let profile = steady_plus_peak(Purchase::CommittedSteady);
    let evaluation = evaluate(&profile, podvisor::builtin::catalogs());
    let line = podvisor::narrative::host_line(&profile, &evaluation);
    assert!(line.contains("bought with the steady load committed 1 year (−37 %, GCP resource-based committed use discount, 1 year, 2026-12), the peak on demand"), "{line}");
}

/// A stateless web tier that tolerates lost instances, and its database.
fn shop(purchase: Purchase, database_purchase: Option<Purchase>) -> Profile {
    let mut profile = Profile::default();
    profile.environment.host = "aws/m6i.xlarge".to_owned();
    profile.environment.purchase = purchase;
    let web = profile.workload_mut();
    (web.failure_tolerance, web.data_intensity) = (9, 1);
    let mut database = profile.components[0].clone();
    database.name = "Orders database".to_owned();
    database.purchase = database_purchase;
    (database.workload.failure_tolerance, database.workload.data_intensity) = (2, 9);
    profile.components.push(database);
    profile
}

#[test]
fn a_database_is_never_put_on_spot() {
    for (purchase, own) in [(Purchase::Spot, None), (Purchase::OnDemand, Some(Purchase::Spot))] {
        let profile = shop(purchase, own);
        let web = evaluate(&profile.focus(0), podvisor::builtin::catalogs());
        let database = evaluate(&profile.focus(1), podvisor::builtin::catalogs());
        if purchase == Purchase::Spot {
            assert!(web.options.iter().all(|o| o.resources.bought.spot > 0.0), "the web tier runs on spot");
        }
        for option in &database.options {
            let parts = option.resources.cost_breakdown();
            assert_eq!(parts.spot, 0.0, "{} put the database on spot", option.spec.key);
            assert!((parts.on_demand - parts.compute).abs() < 1e-9);
        }
        let refused = database.warnings.iter().find_map(|w| match w {
            Warning::SpotRefused(refusal) => Some(*refusal),
            _ => None,
        });
        let refusal = refused.expect("the refusal is said");
        assert_eq!((refusal.failure_tolerance, refusal.data_intensity), (2.0, 9.0));
        let said = podvisor::narrative::warning(&Warning::SpotRefused(refusal));
        assert!(said.starts_with("Spot is refused for this component: failure tolerance 2/10"), "{said}");
    }
}

/// JSON v3 splits compute where a profile says how it is bought, and only there.
#[test]
fn json_splits_compute_only_where_a_purchase_is_stated() {
    let json = |p: &Profile| podvisor::report::json::evaluation(p, &evaluate(p, podvisor::builtin::catalogs()));
    let stated = json(&steady_plus_peak(Purchase::CommittedSteady));
    assert_eq!(stated["environment"]["purchase"], "committed_steady");
    let resources = &stated["options"]["vm"]["resources"];
    let parts = &resources["cost_breakdown"];
    for key in ["compute", "control_plane", "node_overhead", "people", "compute_committed", "compute_on_demand"] {
        assert!(parts[key].is_number(), "{key}: {parts}");
    }
    assert_eq!(parts["compute_spot"], 0.0);
    assert_eq!(resources["purchase"]["discount"], 0.37);
    assert_eq!(resources["purchase"]["plan"], "GCP resource-based committed use discount, 1 year");
    let plain = json(&steady_plus_peak(Purchase::OnDemand));
    assert!(plain["environment"].get("purchase").is_none());
    assert!(plain["options"]["vm"]["resources"].get("purchase").is_none());
    assert!(plain["options"]["vm"]["resources"]["cost_breakdown"].get("compute_spot").is_none());
}

#[test]
fn a_version_2_file_is_bought_on_demand_and_saves_unchanged() {
    let text = include_str!("../profiles/three_tier_web_shop.ron");
    assert!(text.contains("\n    version: 3,\n") && !text.contains("purchase"));
    let v2 = text.replace("\n    version: 3,\n", "\n    version: 2,\n");
    let (old, new) = (
        profile::parse(v2.as_bytes(), "v2.ron").unwrap_or_else(|e| panic!("{e}")),
        profile::parse(text.as_bytes(), "v3.ron").unwrap_or_else(|e| panic!("{e}")),
    );
    assert!(old.warnings.is_empty(), "{:?}", old.warnings);
    assert_eq!(old.profile.environment.purchase, Purchase::OnDemand);
    assert!(old.profile.components.iter().all(|c| c.purchase.is_none()));
    assert_eq!(profile::to_canonical_string(&old.profile), text, "saved as the v3 text, byte for byte");
    let json = |p: &Profile| podvisor::report::json::evaluation(p, &evaluate(p, podvisor::builtin::catalogs()));
    assert_eq!(json(&old.profile), json(&new.profile));
}

#[test]
fn a_stated_purchase_round_trips_and_a_wrong_word_is_refused() {
    let profile = shop(Purchase::Committed3y, Some(Purchase::OnDemand));
    let text = profile::to_canonical_string(&profile);
    assert!(text.contains("\n        purchase: \"committed_3y\","), "{text}");
    assert!(text.contains("\n            purchase: Some(\"on_demand\"),\n            workload: ("), "{text}");
    let back = profile::parse(text.as_bytes(), "shop.ron").unwrap_or_else(|e| panic!("{e}")).profile;
    assert_eq!(back, profile);
    let wrong = text.replace("\"committed_3y\"", "\"reserved\"");
    let error = profile::parse(wrong.as_bytes(), "shop.ron").expect_err("an unknown way of buying").to_string();
    assert!(error.contains("environment.purchase") && error.contains("\"committed_steady\""), "{error}");
}

/// The projection of `option` on the profile's own site, in the shipped catalogs.
fn project(option: &OptionSpec, profile: &Profile, values: &Values) -> Resources {
    projection::project(option, profile, values, &Site::resolve(profile, podvisor::builtin::catalogs()))
}

/// Every catalog type of every family, for the property below.
fn cloud_host() -> impl Strategy<Value = String> {
    let ids: Vec<String> = podvisor::builtin::catalogs().hosts.types().iter().map(|h| h.id.clone()).collect();
    proptest::sample::select(ids)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Bought on spot, a component's failure tolerance and data intensity decide its bill:
    /// the sensitivity probes reproject where they move, and no other trait outside the
    /// projection's inputs moves any resource.
    #[test]
    fn on_spot_only_the_projection_inputs_and_the_spot_traits_move_resources(
        mut profile in profile_support::any_profile(),
        host in cloud_host(),
    ) {
        profile.environment.host = host;
        profile.environment.purchase = Purchase::Spot;
        let values = podvisor::builtin::catalogs().assumptions.resolve(&profile.assumptions);
        for meta in podvisor::model::TRAITS.iter().filter(|meta| !projection::reads(&profile, meta.id)) {
            for value in [meta.min, meta.max] {
                let mut moved = profile.clone();
                moved.set(meta.id, value);
                for option in podvisor::model::options::REGISTRY {
                    prop_assert_eq!(project(option, &moved, &values), project(option, &profile, &values), "{}", meta.key);
                }
            }
        }
        prop_assert!(projection::reads(&profile, podvisor::model::TraitId::FailureTolerance));
    }

    /// For any profile on a cloud host, every option's monthly compute (and its whole bill) is
    /// no dearer committed for three years than for one, nor for one than on demand.
    #[test]
    fn longer_commitments_never_cost_more(mut profile in profile_support::any_profile(), host in cloud_host()) {
        profile.environment.host = host;
        let bills = [Purchase::Committed3y, Purchase::Committed1y, Purchase::OnDemand].map(|purchase| {
            profile.environment.purchase = purchase;
            let values = podvisor::builtin::catalogs().assumptions.resolve(&profile.assumptions);
            profile.option_specs().iter().map(|spec| project(spec, &profile, &values)).collect::<Vec<_>>()
        });
        let [three, one, none] = &bills;
        for ((three, one), none) in three.iter().zip(one).zip(none) {
            let compute = |r: &Resources| r.cost_breakdown().compute;
            prop_assert!(compute(three) <= compute(one) + 1e-6, "{} > {}", compute(three), compute(one));
            prop_assert!(compute(one) <= compute(none) + 1e-6, "{} > {}", compute(one), compute(none));
            prop_assert!(three.monthly_cost <= one.monthly_cost + 1e-6 && one.monthly_cost <= none.monthly_cost + 1e-6);
        }
    }
}
