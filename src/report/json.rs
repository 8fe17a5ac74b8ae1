//! The JSON forms (`--format json`). Their shapes are contracts documented in the README;
//! change them only with a new `version`.

use serde_json::{Map, Value, json};

use super::{Analysis, ComparedPair, Mixed};
use crate::model::compare::Delta;
use crate::model::feasibility::{Feasibility, Form};
use crate::model::plan::{AllInVerdict, Plan, Reason, Worth};
use crate::model::rules::{Input, MigrationPath};
use crate::model::sensitivity::Sensitivity;
use crate::model::{CRITERIA, Confidence, Evaluation, OptionId, OptionResult, Point, Profile, ResourceId, Resources};
use crate::narrative;

/// Version of the JSON formats. Version 2 keeps every key of version 1; options are the
/// profile's (any registered ids, two to four), listed in `profile.options` and in that order
/// in every option-keyed object. Version 3 keeps every key of version 2 and adds, among others,
/// the verdict's `confidence` (top level and per component), which decides `close_call`, and
/// each option's `feasibility` (top level and per component).
pub const VERSION: u32 = 3;

/// Rounds away float noise (0.30000000000000004) without losing meaningful digits.
pub fn round(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

/// `podvisor evaluate --format json`: for one component, the evaluation and its
/// sensitivity; for several, the estate.
pub fn analysis(analysis: &Analysis) -> Value {
    if let Some(mixed) = &analysis.mixed {
        return estate(&analysis.profile, mixed);
    }
    let mut value = evaluation(&analysis.profile, &analysis.evaluation);
    if let Value::Object(map) = &mut value {
        map.insert("sensitivity".to_owned(), sensitivity(&analysis.sensitivity));
    }
    value
}

/// One platform for everything is offered when every component's host offers it: the least
/// offered component's evaluation and result for `option`.
fn least_offered(mixed: &Mixed, option: OptionId) -> Option<(&Evaluation, &OptionResult)> {
    let of_each = mixed.evaluations.iter().filter_map(|evaluation| Some((evaluation, evaluation.option(option)?)));
    let mut found = None;
    for (evaluation, result) in of_each {
        let rank = match result.feasibility {
            Feasibility::NotOffered(_) => 2,
            Feasibility::OfferedAs(_) => 1,
            Feasibility::Offered => 0,
        };
        if found.is_none_or(|(known, _, _)| rank > known) {
            found = Some((rank, evaluation, result));
        }
    }
    found.map(|(_, evaluation, result)| (evaluation, result))
}

/// A mixed estate. The top level keeps every key of the one-component form and answers "one
/// platform for everything": each option's score is the all-in score (the components'
/// scores weighted by their steady instances) and its resources the all-in estate's, hosts
/// shared. Curves, break-evens and sensitivity belong to components, so the top level holds
/// them empty; `components` and `plan` are added.
fn estate(profile: &Profile, mixed: &Mixed) -> Value {
    let plan = &mixed.plan;
    let all_in = |option: OptionId| plan.versus.iter().find(|all_in| all_in.option == option);
    let estate_feasibility = |option: OptionId| least_offered(mixed, option);
    let AllInVerdict { leader, runner_up, margin, close_call, winner } = plan.all_in_verdict();
    let first = &mixed.evaluations[0];
    let options: Map<String, Value> = profile
        .options
        .iter()
        .filter_map(|&option| {
            let all_in = all_in(option)?;
            let feasibility = estate_feasibility(option).map_or(Value::Null, |(evaluation, result)| {
                feasibility(result.spec.id(), &result.feasibility, evaluation)
            });
            Some((
                option.key().to_owned(),
                json!({
                    "score": round(all_in.score),
                    "resources": resources(&all_in.resources),
                    "feasibility": feasibility,
                }),
            ))
        })
        .collect();
    let components: Vec<Value> = mixed
        .evaluations
        .iter()
        .zip(&profile.components)
        .zip(&mixed.sensitivity)
        .enumerate()
        .map(|(index, ((evaluation, component), s))| {
            let focus = profile.focus(index);
            let options: Map<String, Value> = (0..evaluation.options.len())
                .map(|o| (evaluation.options[o].spec.key.to_owned(), option(&focus, evaluation, o)))
                .collect();
            json!({
                "name": component.name,
                "placement": component.placement,
                "current": component.current,
                "verdict": verdict(evaluation),
                "options": options,
                "sensitivity": sensitivity(s),
                "warnings": evaluation.warnings.iter().map(narrative::warning).collect::<Vec<_>>(),
            })
        })
        .collect();
    let warnings: Vec<String> = mixed
        .evaluations
        .iter()
        .zip(&profile.components)
        .flat_map(|(evaluation, component)| {
            evaluation.warnings.iter().map(move |w| format!("{}: {}", component.name, narrative::warning(w)))
        })
        .collect();
    let versus: Map<String, Value> = plan
        .versus
        .iter()
        .map(|all_in| {
            (
                all_in.option.key().to_owned(),
                json!({
                    "score": round(all_in.score),
                    "monthly_cost": round(all_in.resources.monthly_cost),
                    "hosts": round(all_in.resources.hosts),
                    "mix_saves_monthly": plan.mix_saves_against(all_in.option).map(round),
                    "resources": resources(&all_in.resources),
                }),
            )
        })
        .collect();
    json!({
        "format": "podvisor-evaluation",
        "version": VERSION,
        "profile": { "name": profile.name, "options": profile.options },
        "environment": environment(profile, first),
        "verdict": {
            "winner": winner,
            "leader": leader,
            "runner_up": runner_up,
            "margin": round(margin),
            "close_call": close_call,
            "confidence": leader.and_then(|leader| plan.confidence.as_ref().map(|drawn| confidence(drawn, leader))),
            "decisive": [],
            "ruled_out": [],
            "summary": narrative::plan::summary(profile, plan),
        },
        "options": options,
        "curves": {},
        "break_even": [],
        "sensitivity": null,
        "warnings": warnings,
        "components": components,
        "plan": {
            "placement": plan.components.iter().zip(&profile.components).map(|(placed, component)| json!({
                "component": component.name,
                "option": placed.option,
                "pinned": placed.pinned,
                "margin": round(placed.margin),
            })).collect::<Vec<_>>(),
            "platforms": plan.platforms.iter().map(|platform| json!({
                "option": platform.option,
                "components": platform.components.iter().map(|&c| profile.components[c].name.as_str()).collect::<Vec<_>>(),
                "resources": resources(&platform.resources),
            })).collect::<Vec<_>>(),
            "resources": resources(&plan.resources),
            "versus": versus,
            "path": path(profile, plan),
            "stay": plan.stay(),
            "stays": stays(profile, plan),
            "summary": narrative::plan::summary(profile, plan),
        },
    })
}

/// The phased path, a step each: today first, then each move worth its effort.
fn path(profile: &Profile, plan: &Plan) -> Vec<Value> {
    plan.path
        .iter()
        .enumerate()
        .map(|(index, step)| {
            json!({
                "component": step.component.map(|c| profile.components[c].name.as_str()),
                "from": step.from,
                "to": step.to,
                "monthly_cost": round(step.resources.monthly_cost),
                "monthly_cost_after": round(step.resources.monthly_cost),
                "saves_monthly": round(step.saves_monthly),
                "migration_effort": round(step.effort),
                "gain_points": step.gain.map(round),
                "buys": step.buys.iter().map(|bought| bought.criterion.spec().key).collect::<Vec<_>>(),
                "worth": match step.worth {
                    Worth::Today => "today",
                    Worth::Saves => "saves",
                    Worth::Gains => "gains",
                    Worth::Pinned => "pinned",
                },
                "text": narrative::plan::step(profile, plan, index),
            })
        })
        .collect()
}

/// The components the path keeps where they run, each with its reason.
fn stays(profile: &Profile, plan: &Plan) -> Vec<Value> {
    plan.stays
        .iter()
        .map(|kept| {
            let (reason, gain) = match kept.reason {
                Reason::CloseCall { gain } => ("close_call", Some(gain)),
                Reason::SmallGain { gain } => ("small_gain", Some(gain)),
                Reason::NothingBought { gain } => ("nothing_bought", Some(gain)),
                Reason::NotCompared => ("not_compared", None),
            };
            json!({
                "component": profile.components[kept.component].name,
                "on": kept.on,
                "instead_of": kept.instead_of,
                "reason": reason,
                "gain_points": gain.map(round),
                "saves_if_moved": round(kept.saves_if_moved),
                "text": narrative::plan::stay(profile, kept),
            })
        })
        .collect()
}

/// A verdict with its summary, as every evaluation reports it.
fn verdict(evaluation: &Evaluation) -> Value {
    let verdict = &evaluation.verdict;
    json!({
        "winner": verdict.winner,
        "leader": verdict.leader,
        "margin": round(verdict.margin),
        "close_call": verdict.close_call,
        "confidence": verdict.confidence.as_ref().map(|drawn| confidence(drawn, verdict.leader)),
        "decisive": verdict.decisive.iter().map(|c| c.spec().key).collect::<Vec<_>>(),
        "ruled_out": verdict.ruled_out.iter().map(|v| json!({
            "option": v.option,
            "criterion": v.criterion.spec().key,
            "score": round(v.score),
            "gap": round(v.gap),
            "veto_threshold": round(v.threshold),
            "rival": v.rival,
            "weight": round(v.weight),
        })).collect::<Vec<_>>(),
        "summary": narrative::summary(evaluation),
    })
}

/// How often each option leads across plausible worlds: `leader_share` is the verdict's
/// leader's; `shares` add up to 1, in the options' order.
fn confidence(drawn: &Confidence, leader: OptionId) -> Value {
    let shares: Map<String, Value> =
        drawn.shares.iter().map(|(id, share)| (id.key().to_owned(), json!(round(*share)))).collect();
    json!({ "leader_share": round(drawn.share(leader)), "shares": shares, "draws": drawn.draws, "seed": drawn.seed })
}

/// The evaluation part of the contract (everything but sensitivity).
pub fn evaluation(profile: &Profile, evaluation: &Evaluation) -> Value {
    let options: Map<String, Value> = (0..evaluation.options.len())
        .map(|o| (evaluation.options[o].spec.key.to_owned(), option(profile, evaluation, o)))
        .collect();
    json!({
        "format": "podvisor-evaluation",
        "version": VERSION,
        "profile": { "name": profile.name, "options": profile.options },
        "environment": environment(profile, evaluation),
        "verdict": verdict(evaluation),
        "options": options,
        "curves": curves(evaluation),
        "break_even": evaluation.break_even().iter().map(|b| json!({
            "axis": b.axis.meta().key,
            "resource": b.resource.key(),
            "at": b.at,
            "ahead_below": b.ahead_below,
            "ahead_above": b.ahead_above,
        })).collect::<Vec<_>>(),
        "warnings": evaluation.warnings.iter().map(narrative::warning).collect::<Vec<_>>(),
    })
}

/// The hosts the costs are for: the host id, the Kubernetes flavour and the price used, with
/// its date, or whether the profile edited it.
fn environment(profile: &Profile, evaluation: &Evaluation) -> Value {
    let e = &profile.environment;
    let site = &evaluation.site;
    let host = site.host;
    let mut environment = json!({
        "host": host.map_or(crate::model::hosts::CUSTOM, |host| host.id.as_str()),
        "kubernetes": e.kubernetes.key(),
        "currency": profile.currency(),
        "price_per_hour": host.map(|host| round(site.price_per_hour(host))),
        "price_date": host.map(|host| host.price_date.as_str()),
        "price_edited": site.edited_price_per_hour.is_some(),
        "catalog_price_per_hour": host.map(|host| host.price_per_hour),
        "host_cost_per_month": if host.is_none() { Some(round(e.host_cost_per_month)) } else { None },
        "team": e.team.as_ref().map(|team| json!({
            "engineers": round(team.engineers),
            "engineer_cost_per_month": round(team.engineer_cost_per_month),
        })),
        "node_agents": e.node_agents.as_ref().map(|agents| json!({
            "cpu": round(agents.cpu),
            "memory_mib": round(agents.memory_mib),
        })),
    });
    // How compute is bought, where a profile says (files that do not keep their bytes).
    if crate::model::buying::stated(profile) {
        environment["purchase"] = json!(e.purchase.key());
    }
    environment
}

fn option(profile: &Profile, evaluation: &Evaluation, o: usize) -> Value {
    let result = &evaluation.options[o];
    let criteria: Map<String, Value> = result
        .criteria
        .iter()
        .map(|c| {
            let terms: Vec<Value> = c
                .terms
                .iter()
                .map(|t| {
                    json!({
                        "label": t.label,
                        "input": input_key(t.input),
                        "value": round(t.value),
                        "effect": round(t.effect),
                        "sources": t.sources,
                    })
                })
                .collect();
            (
                c.criterion.spec().key.to_owned(),
                json!({
                    "score": round(c.score),
                    "weight": round(c.weight),
                    "sources": c.sources(),
                    "why": narrative::why(evaluation, profile, o, c.criterion),
                    "terms": terms,
                }),
            )
        })
        .collect();
    debug_assert_eq!(criteria.len(), CRITERIA.len());
    let discounts: Vec<Value> = result
        .discounts
        .iter()
        .map(|d| {
            json!({
                "criterion": d.criterion.spec().key,
                "rival": d.rival,
                "gap": round(d.gap),
                "discordance": round(d.discordance),
                "preference_threshold": round(d.thresholds.preference),
                // Null for the bill's discount, which never rules an option out.
                "veto_threshold": d.thresholds.veto.is_finite().then(|| round(d.thresholds.veto)),
                "bill_ratio": d.bill_ratio.map(round),
            })
        })
        .collect();
    json!({
        "feasibility": feasibility(result.spec.id(), &result.feasibility, evaluation),
        "score": round(result.score),
        "weighted_sum": round(result.weighted_sum),
        "discounts": discounts,
        "migration_path": match result.path {
            MigrationPath::AsIs => "as_is",
            MigrationPath::Decomposed => "decomposed",
        },
        "criteria": criteria,
        "pros": points(profile, evaluation, o, &result.pros),
        "cons": points(profile, evaluation, o, &result.cons),
        "resources": resources(&result.resources),
        "host_type": result.resources.host_type.map(|host| host.id.as_str()),
    })
}

/// Whether the host runs an option: `status`, the form it takes (`as`: a catalog id or a
/// form such as `nested_virtualization`, else null), the `reason` in words and its `sources`.
/// A Fargate form adds `pod`: the size each pod is billed as and its hourly price.
fn feasibility(option: OptionId, feasibility: &Feasibility, evaluation: &Evaluation) -> Value {
    let mut value = json!({
        "status": feasibility.key(),
        "as": match feasibility {
            Feasibility::OfferedAs(form) => Some(form.key()),
            Feasibility::Offered | Feasibility::NotOffered(_) => None,
        },
        "reason": narrative::feasibility::reason(option, feasibility, &evaluation.site),
        "sources": feasibility.sources(evaluation.site.catalogs),
    });
    let pods = evaluation.option(option).and_then(|result| result.resources.sandbox);
    if let (Feasibility::OfferedAs(Form::Fargate(_)), Some(pods)) = (feasibility, pods) {
        value["pod"] = json!({
            "vcpu": pods.size.vcpu,
            "memory_gb": pods.size.memory_gb,
            "price_per_hour": round(pods.price_per_hour),
        });
    }
    value
}

/// What a term depends on, as `"trait:isolation_need"`, `"resource:memory_gib"`, ….
fn input_key(input: Input) -> String {
    match input {
        Input::Baseline => "baseline".to_owned(),
        Input::Trait(id) => format!("trait:{}", id.meta().key),
        Input::Resource(id) => format!("resource:{}", id.key()),
        Input::Assumption(id) => format!("assumption:{}", id.key()),
        Input::Endpoints => "endpoints".to_owned(),
        Input::Clamp => "clamp".to_owned(),
    }
}

fn points(profile: &Profile, evaluation: &Evaluation, o: usize, points: &[Point]) -> Vec<Value> {
    points
        .iter()
        .map(|p| {
            json!({
                "criterion": p.criterion.spec().key,
                "title": narrative::point_title(evaluation, o, p),
                "text": narrative::point_text(evaluation, profile, o, p),
                "impact": round(p.impact),
                "sources": p.sources,
            })
        })
        .collect()
}

/// Resource figures keyed as in the README.
pub fn resources(resources: &Resources) -> Value {
    let mut keys: Map<String, Value> =
        ResourceId::ALL.iter().map(|r| (r.key().to_owned(), json!(round(resources.get(*r))))).collect();
    let breakdown = resources.cost_breakdown();
    let mut parts = json!({
        "compute": round(breakdown.compute),
        "control_plane": round(breakdown.control_plane),
        "node_overhead": round(breakdown.node_overhead),
        "people": round(breakdown.people),
    });
    // Compute by how it is bought, where the profile asks for anything but on demand (a file
    // that does not keeps its answer byte for byte).
    let bought = &resources.bought;
    if bought.stated {
        parts["compute_committed"] = json!(round(breakdown.committed));
        parts["compute_on_demand"] = json!(round(breakdown.on_demand));
        parts["compute_spot"] = json!(round(breakdown.spot));
        keys.insert(
            "purchase".to_owned(),
            json!({
                "asked": bought.asked.key(),
                "discount": bought.offer.map(|offer| offer.discount),
                "plan": bought.offer.map(|offer| offer.plan.as_str()),
                "date": bought.offer.map(|offer| offer.date.as_str()),
                "source": bought.offer.map(|offer| offer.source.as_str()),
            }),
        );
    }
    keys.insert("cost_breakdown".to_owned(), parts);
    keys.insert("engineers".to_owned(), json!(round(resources.engineers)));
    keys.insert("system_pool_nodes".to_owned(), json!(round(resources.system_pool_nodes)));
    keys.insert(
        "daemonsets_per_node".to_owned(),
        json!({
            "cpu_millicores": round(resources.daemonset_cpu_millicores),
            "memory_mib": round(resources.daemonset_memory_mib),
        }),
    );
    keys.into()
}

fn curves(evaluation: &Evaluation) -> Value {
    let mut curves = Map::new();
    for curve in evaluation.curves() {
        let mut entry = Map::new();
        entry.insert("x".to_owned(), json!(curve.xs));
        for (o, result) in evaluation.options.iter().enumerate() {
            let series: Map<String, Value> = ResourceId::ALL
                .iter()
                .map(|r| {
                    (r.key().to_owned(), json!(curve.series[o].iter().map(|p| round(p.get(*r))).collect::<Vec<_>>()))
                })
                .collect();
            entry.insert(result.spec.key.to_owned(), Value::Object(series));
        }
        curves.insert(curve.axis.meta().key.to_owned(), Value::Object(entry));
    }
    Value::Object(curves)
}

fn sensitivity(s: &Sensitivity) -> Value {
    json!({
        "leader": s.leader,
        "runner_up": s.runner_up,
        "traits": s.traits.iter().map(|t| json!({
            "trait": t.id.meta().key,
            "value": round(t.value),
            "flip_at": t.flip_at.map(round),
            "flips_to": t.flips_to,
            "ruled_out_on": t.ruled_out_on.map(|c| c.spec().key),
            "distance": t.distance.map(round),
            "low": round(t.low),
            "high": round(t.high),
            "margin_low": round(t.margin_low),
            "margin_high": round(t.margin_high),
        })).collect::<Vec<_>>(),
        "critical_weight": s.critical_weight.map(|c| json!({
            "criterion": c.criterion.spec().key,
            "from": round(c.from),
            "to": round(c.to),
            "change": round(c.change()),
            "relative": c.relative().map(round),
            "new_leader": c.new_leader,
        })),
    })
}

/// `podvisor compare --format json`.
pub fn comparison(pair: &ComparedPair) -> Value {
    let c = &pair.comparison;
    let delta = |d: &Delta| json!({ "a": round(d.a), "b": round(d.b), "delta": round(d.delta()) });
    let options: Map<String, Value> = c
        .options
        .iter()
        .map(|o| {
            let criteria: Map<String, Value> =
                CRITERIA.iter().zip(&o.criteria).map(|(spec, d)| (spec.key.to_owned(), delta(d))).collect();
            let resources: Map<String, Value> = ResourceId::ALL
                .iter()
                .zip(&o.resources)
                .map(|(r, d)| {
                    // `delta` is null for money in two currencies: never subtracted.
                    (r.key().to_owned(), json!({ "a": round(d.a), "b": round(d.b), "delta": d.change.map(round) }))
                })
                .collect();
            (
                o.option.key().to_owned(),
                json!({ "score": delta(&o.score), "criteria": criteria, "resources": resources }),
            )
        })
        .collect();
    let verdict = |a: &Analysis| {
        let v = &a.evaluation.verdict;
        let summary = narrative::summary(&a.evaluation);
        let drawn = v.confidence.as_ref().map(|drawn| confidence(drawn, v.leader));
        json!({ "winner": v.winner, "leader": v.leader, "margin": round(v.margin), "close_call": v.close_call, "confidence": drawn, "summary": summary })
    };
    json!({
        "format": "podvisor-comparison",
        "version": VERSION,
        "a": { "name": pair.a.profile.name, "options": pair.a.profile.options, "verdict": verdict(&pair.a) },
        "b": { "name": pair.b.profile.name, "options": pair.b.profile.options, "verdict": verdict(&pair.b) },
        "verdict_changed": c.verdict_changed,
        "verdict_change": { "kind": c.verdict.key(), "summary": narrative::verdict_change(c) },
        "currencies": { "a": c.currency_a, "b": c.currency_b },
        "differences": c.differences.iter().map(|d| json!({ "field": d.field, "a": d.a, "b": d.b })).collect::<Vec<_>>(),
        "options": options,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OptionId;
    use crate::report::Analysis;

    #[test]
    fn option_keyed_objects_follow_the_profile_order() {
        let profile = Profile {
            options: vec![OptionId::MICROVM, OptionId::VM, OptionId::CONTAINERS_ON_VMS],
            ..Profile::default()
        };
        let json = analysis(&Analysis::new(profile));
        let expected = ["microvm", "vm", "containers_on_vms"];
        assert_eq!(json["profile"]["options"], json!(expected));
        let keys = |value: &Value| value.as_object().map(|map| map.keys().cloned().collect::<Vec<_>>());
        assert_eq!(keys(&json["options"]), Some(expected.map(str::to_owned).to_vec()));
        for axis in ["services", "replicas"] {
            let mut listed = keys(&json["curves"][axis]).unwrap_or_default();
            assert_eq!(listed.remove(0), "x");
            assert_eq!(listed, expected, "{axis}");
        }
        assert!(expected.iter().any(|id| json["verdict"]["leader"] == *id));
    }

    #[test]
    fn the_environment_names_the_host_and_the_price_used() {
        let mut profile = Profile::default();
        let owned = evaluation(&profile, &crate::model::evaluate(&profile, crate::builtin::catalogs()));
        assert_eq!(owned["environment"]["host"], "custom");
        assert_eq!(owned["environment"]["price_per_hour"], Value::Null);
        assert_eq!(owned["environment"]["host_cost_per_month"], 1200.0);
        profile.environment.host = "azure/D16s_v5".to_owned();
        profile.environment.kubernetes = crate::model::kubernetes::KubernetesFlavour::Aks;
        let catalog = evaluation(&profile, &crate::model::evaluate(&profile, crate::builtin::catalogs()));
        let environment = &catalog["environment"];
        assert_eq!(environment["host"], "azure/D16s_v5");
        assert_eq!(environment["kubernetes"], "aks");
        assert_eq!((&environment["price_per_hour"], &environment["price_date"]), (&json!(0.768), &json!("2026-06")));
        assert_eq!(environment["price_edited"], false);
        assert_eq!(environment["host_cost_per_month"], Value::Null);
        assert_eq!(catalog["options"]["vm"]["host_type"], "azure/D2s_v5");
        profile.environment.host_price_per_hour = Some(0.5);
        let edited = evaluation(&profile, &crate::model::evaluate(&profile, crate::builtin::catalogs()));
        assert_eq!(edited["environment"]["price_per_hour"], 0.5);
        assert_eq!(edited["environment"]["catalog_price_per_hour"], 0.768);
        assert_eq!(edited["environment"]["price_edited"], true);
    }
}
