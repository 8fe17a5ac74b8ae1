//! The Markdown report for stakeholders (`podvisor evaluate --format markdown`).

use std::fmt::Write as _;

use super::{break_even_sentences, resource_header, resource_value};
use crate::model::format::{number, signed};
use crate::model::{CRITERIA, Evaluation, ResourceId};
use crate::profile::Profile;

/// A Markdown report of an evaluation.
pub fn evaluation(profile: &Profile, evaluation: &Evaluation) -> String {
    let mut out = String::new();
    let options = &evaluation.options;
    let _ = writeln!(out, "# {}\n", profile.name);
    if !profile.notes.trim().is_empty() {
        let _ = writeln!(out, "{}\n", profile.notes.trim());
    }
    let _ = writeln!(out, "## Verdict\n\n**{}**\n", evaluation.verdict.summary);

    let _ = writeln!(out, "## Scorecard\n");
    let header: String = options
        .iter()
        .map(|o| format!(" {} |", o.spec.label))
        .collect();
    let rule: String = options.iter().map(|_| " ---: |").collect();
    let _ = writeln!(out, "| Criterion | Weight |{header} Sources |");
    let _ = writeln!(out, "| --- | ---: |{rule} --- |");
    for (c, criterion) in CRITERIA.iter().enumerate() {
        let cells: String = options
            .iter()
            .map(|o| format!(" {} |", number(o.criteria[c].score)))
            .collect();
        let weight = options.first().map_or(0.0, |o| o.criteria[c].weight);
        let _ = writeln!(
            out,
            "| {} | {} |{cells} {} |",
            criterion.label,
            number(weight),
            criterion.sources.join(", ")
        );
    }
    let totals: String = options
        .iter()
        .map(|o| format!(" **{}** |", number(o.score)))
        .collect();
    let _ = writeln!(out, "| **Overall (0–100)** | |{totals} |\n");

    for option in options {
        let _ = writeln!(
            out,
            "## {}: pros and cons for this workload\n",
            option.spec.label
        );
        for (mark, points) in [("Pro", &option.pros), ("Con", &option.cons)] {
            for point in points {
                let impact = if mark == "Pro" {
                    point.impact
                } else {
                    -point.impact
                };
                let _ = writeln!(
                    out,
                    "- **{mark} — {}** ({} pts): {} _[{}]_",
                    point.title,
                    signed(impact),
                    point.text,
                    point.sources.join(", ")
                );
            }
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## Resources at peak\n");
    let _ = writeln!(out, "| Resource |{header}");
    let _ = writeln!(out, "| --- |{rule}");
    for resource in ResourceId::ALL {
        let cells: String = options
            .iter()
            .map(|o| {
                format!(
                    " {} |",
                    resource_value(profile, resource, o.resources.get(resource))
                )
            })
            .collect();
        let _ = writeln!(out, "| {} |{cells}", resource_header(profile, resource));
    }
    for sentence in break_even_sentences(evaluation) {
        let _ = writeln!(out, "\n- {sentence}");
    }
    if !evaluation.warnings.is_empty() {
        let _ = writeln!(out, "\n## Warnings\n");
        for warning in &evaluation.warnings {
            let _ = writeln!(out, "- {warning}");
        }
    }
    out
}
