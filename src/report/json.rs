//! The JSON form of an evaluation (`podvisor evaluate --format json`). Its shape is a
//! contract documented in the README; change it only with a new `version`.

use serde_json::{Map, Value, json};

use crate::model::rules::Input;
use crate::model::{CRITERIA, Evaluation, Point, ResourceId, Resources};
use crate::profile::Profile;

/// Version of the evaluation JSON format.
pub const VERSION: u32 = 1;

/// Rounds away float noise (0.30000000000000004) without losing meaningful digits.
pub fn round(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

/// The whole evaluation as JSON.
pub fn evaluation(profile: &Profile, evaluation: &Evaluation) -> Value {
    let verdict = &evaluation.verdict;
    let options: Map<String, Value> = evaluation
        .options
        .iter()
        .map(|o| (o.spec.id.to_owned(), option(o)))
        .collect();
    json!({
        "format": "podvisor-evaluation",
        "version": VERSION,
        "profile": { "name": profile.name },
        "verdict": {
            "winner": verdict.winner,
            "leader": verdict.leader,
            "margin": round(verdict.margin),
            "close_call": verdict.close_call,
            "decisive": verdict.decisive.iter().map(|c| c.spec().key).collect::<Vec<_>>(),
            "summary": verdict.summary,
        },
        "options": options,
        "curves": curves(evaluation),
        "break_even": evaluation.break_even.iter().map(|b| json!({
            "axis": b.axis.meta().key,
            "resource": b.resource.key(),
            "at": b.at,
            "ahead_below": b.ahead_below,
            "ahead_above": b.ahead_above,
        })).collect::<Vec<_>>(),
        "warnings": evaluation.warnings,
    })
}

fn option(result: &crate::model::OptionResult) -> Value {
    let criteria: Map<String, Value> = result
        .criteria
        .iter()
        .map(|c| {
            let terms: Vec<Value> = c
                .terms
                .iter()
                .map(|t| {
                    json!({ "label": t.label, "input": input_key(t.input), "value": round(t.value), "effect": round(t.effect), "sources": t.sources })
                })
                .collect();
            (
                c.criterion.spec().key.to_owned(),
                json!({ "score": round(c.score), "weight": round(c.weight), "sources": c.sources(), "why": c.why, "terms": terms }),
            )
        })
        .collect();
    debug_assert_eq!(criteria.len(), CRITERIA.len());
    json!({
        "score": round(result.score),
        "criteria": criteria,
        "pros": points(&result.pros),
        "cons": points(&result.cons),
        "resources": resources(&result.resources),
    })
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

fn points(points: &[Point]) -> Vec<Value> {
    points
        .iter()
        .map(|p| {
            json!({ "criterion": p.criterion.spec().key, "title": p.title, "text": p.text, "impact": round(p.impact), "sources": p.sources })
        })
        .collect()
}

/// Resource figures keyed as in the README.
pub fn resources(resources: &Resources) -> Value {
    ResourceId::ALL
        .iter()
        .map(|r| (r.key().to_owned(), json!(round(resources.get(*r)))))
        .collect::<Map<_, _>>()
        .into()
}

fn curves(evaluation: &Evaluation) -> Value {
    let mut curves = Map::new();
    for curve in &evaluation.curves {
        let mut entry = Map::new();
        entry.insert("x".to_owned(), json!(curve.xs));
        for (o, result) in evaluation.options.iter().enumerate() {
            let series: Map<String, Value> = ResourceId::ALL
                .iter()
                .map(|r| {
                    (
                        r.key().to_owned(),
                        json!(
                            curve.series[o]
                                .iter()
                                .map(|p| round(p.get(*r)))
                                .collect::<Vec<_>>()
                        ),
                    )
                })
                .collect();
            entry.insert(result.spec.id.to_owned(), Value::Object(series));
        }
        curves.insert(curve.axis.meta().key.to_owned(), Value::Object(entry));
    }
    Value::Object(curves)
}
