//! The plain-text summary printed by `podvisor evaluate`.

use std::fmt::Write as _;

use super::{break_even_sentences, resource_header, resource_value};
use crate::model::format::{number, signed};
use crate::model::{Evaluation, ResourceId};
use crate::profile::Profile;

/// A readable summary of an evaluation for a terminal.
pub fn evaluation(profile: &Profile, evaluation: &Evaluation) -> String {
    let mut out = String::new();
    let options = &evaluation.options;
    let _ = writeln!(out, "{}", profile.name);
    let _ = writeln!(out, "{}\n", "=".repeat(profile.name.chars().count().max(8)));
    let _ = writeln!(out, "Verdict: {}\n", evaluation.verdict.summary);

    let label_width = 26;
    let column = 12;
    let header: String = options
        .iter()
        .map(|o| format!("{:>column$}", o.spec.label))
        .collect();
    let _ = writeln!(out, "{:<label_width$}{header}  weight", "Scores (0–10)");
    for (c, criterion) in crate::model::CRITERIA.iter().enumerate() {
        let cells: String = options
            .iter()
            .map(|o| format!("{:>column$}", number(o.criteria[c].score)))
            .collect();
        let weight = options.first().map_or(0.0, |o| o.criteria[c].weight);
        let _ = writeln!(
            out,
            "{:<label_width$}{cells}  {}",
            criterion.label,
            number(weight)
        );
    }
    let totals: String = options
        .iter()
        .map(|o| format!("{:>column$}", number(o.score)))
        .collect();
    let _ = writeln!(out, "{:<label_width$}{totals}\n", "Overall (0–100)");

    for option in options {
        let _ = writeln!(
            out,
            "{} — pros and cons for this workload",
            option.spec.label
        );
        for (mark, points) in [("+", &option.pros), ("−", &option.cons)] {
            for point in points {
                let _ = writeln!(
                    out,
                    "  {mark} {} ({} pts): {} [{}]",
                    point.title,
                    signed(if mark == "+" {
                        point.impact
                    } else {
                        -point.impact
                    }),
                    point.text,
                    point.sources.join(", ")
                );
            }
        }
        if option.pros.is_empty() && option.cons.is_empty() {
            let _ = writeln!(out, "  (no notable differences)");
        }
        out.push('\n');
    }

    let _ = writeln!(out, "{:<label_width$}{header}", "Resources at peak");
    for resource in ResourceId::ALL {
        let cells: String = options
            .iter()
            .map(|o| {
                format!(
                    "{:>column$}",
                    resource_value(profile, resource, o.resources.get(resource))
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "{:<label_width$}{cells}",
            resource_header(profile, resource)
        );
    }
    let sentences = break_even_sentences(evaluation);
    if !sentences.is_empty() {
        let _ = writeln!(out, "\nBreak-even points");
        for sentence in sentences {
            let _ = writeln!(out, "  {sentence}");
        }
    }
    if !evaluation.warnings.is_empty() {
        let _ = writeln!(out, "\nWarnings");
        for warning in &evaluation.warnings {
            let _ = writeln!(out, "  ! {warning}");
        }
    }
    out
}
