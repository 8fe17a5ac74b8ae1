//! Plain-text output for a terminal (`podvisor evaluate`, `podvisor compare`).

use std::fmt::Write as _;

use super::{Analysis, ComparedPair, PlanLines, component_analyses};
use crate::model::ResourceId;
use crate::model::format::{Number, Score, score_change, signed};
use crate::narrative::{self, break_even_sentences, resource_header, resource_value, sensitivity_sentences};

const LABEL: usize = 28;
/// Narrowest option column; a longer option name ("Containers on VMs") widens every column.
const MIN_COLUMN: usize = 13;

/// A readable summary of an analysis; for a mixed estate, the plan and then each component.
pub fn analysis(analysis: &Analysis) -> String {
    let Some(mixed) = &analysis.mixed else { return component(analysis) };
    let profile = &analysis.profile;
    let mut out = String::new();
    let _ = writeln!(out, "{}\n{}\n", profile.name, "=".repeat(profile.name.chars().count().max(8)));
    let lines = PlanLines::new(profile, &mixed.plan);
    let _ = writeln!(out, "Plan: {}", lines.summary);
    section(&mut out, "Where each component goes", &lines.placements);
    section(&mut out, "Against one platform for everything", &lines.versus);
    section(&mut out, "The phased path", &lines.path);
    for part in component_analyses(analysis) {
        let _ = writeln!(out, "\n");
        out.push_str(&component(&part));
    }
    out
}

/// One component's scores, pros and cons, resources and robustness.
fn component(analysis: &Analysis) -> String {
    let (profile, evaluation) = (&analysis.profile, &analysis.evaluation);
    let options = &evaluation.options;
    let mut out = String::new();
    let _ = writeln!(out, "{}\n{}\n", profile.name, "=".repeat(profile.name.chars().count().max(8)));
    let _ = writeln!(out, "Verdict: {}\n{}\n", narrative::headline(evaluation), narrative::summary(evaluation));
    let on_host = narrative::feasibility::lines(evaluation);
    if !on_host.is_empty() {
        let _ = writeln!(out, "On this host");
        for line in &on_host {
            let _ = writeln!(out, "  {line}");
        }
        out.push('\n');
    }

    let column = options.iter().map(|o| o.spec.label.chars().count() + 2).fold(MIN_COLUMN, usize::max);
    let header: String = options.iter().map(|o| format!("{:>column$}", o.spec.label)).collect();
    let _ = writeln!(out, "{:<LABEL$}{header}  weight", "Scores (0–10)");
    for (c, criterion) in evaluation.criteria.iter().enumerate() {
        let cells: String = options.iter().map(|o| format!("{:>column$}", Score(o.criteria[c].score))).collect();
        let weight = options.first().map_or(0.0, |o| o.criteria[c].weight);
        let _ = writeln!(out, "{:<LABEL$}{cells}  {}", criterion.spec().label, Number(weight));
    }
    if let Some(label) = narrative::overall::discount_label(evaluation) {
        let cells: String = options
            .iter()
            .map(|o| format!("{:>column$}", narrative::overall::discount_points(o).unwrap_or_default()))
            .collect();
        let _ = writeln!(out, "{}", format!("{label:<LABEL$}{cells}").trim_end());
    }
    let totals: String = options.iter().map(|o| format!("{:>column$}", Score(o.score))).collect();
    let _ = writeln!(out, "{:<LABEL$}{totals}\n", "Overall (0–100)");

    for (o, option) in options.iter().enumerate() {
        let _ = writeln!(out, "{} — pros and cons for this workload", option.spec.label);
        for (mark, points, sign) in [("+", &option.pros, 1.0), ("−", &option.cons, -1.0)] {
            for point in points {
                let _ = writeln!(
                    out,
                    "  {mark} {} ({} pts): {} [{}]",
                    narrative::point_title(evaluation, o, point),
                    signed(sign * point.impact),
                    narrative::point_text(evaluation, profile, o, point),
                    point.sources.join(", ")
                );
            }
        }
        if option.pros.is_empty() && option.cons.is_empty() {
            let _ = writeln!(out, "  (no notable differences)");
        }
        out.push('\n');
    }

    let _ = writeln!(out, "{:<LABEL$}{header}", "Resources at peak");
    for resource in ResourceId::ALL {
        let cells: String = options
            .iter()
            .map(|o| format!("{:>column$}", resource_value(profile, resource, o.resources.get(resource))))
            .collect();
        let _ = writeln!(out, "{:<LABEL$}{cells}", resource_header(profile, resource));
    }
    let _ = writeln!(out, "{}", narrative::host_line(profile, evaluation));
    section(&mut out, "Break-even points", &break_even_sentences(evaluation));
    section(
        &mut out,
        "How robust is this?",
        &sensitivity_sentences(&analysis.sensitivity, analysis.profile.currency()),
    );
    let warnings: Vec<String> = evaluation.warnings.iter().map(narrative::warning).collect();
    section(&mut out, "Warnings", &warnings);
    out
}

fn section(out: &mut String, title: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title}");
    for line in lines {
        let _ = writeln!(out, "  {line}");
    }
}

/// A readable side-by-side of two analyses.
pub fn comparison(pair: &ComparedPair) -> String {
    let c = &pair.comparison;
    let mut out = String::new();
    let _ = writeln!(out, "A: {}\nB: {}\n", pair.a.profile.name, pair.b.profile.name);
    let _ = writeln!(out, "Verdict A: {}", super::answer(&pair.a));
    let _ = writeln!(out, "Verdict B: {}", super::answer(&pair.b));
    let _ = writeln!(out, "Costs A: {}", narrative::cost_basis(&pair.a.profile, &pair.a.evaluation));
    let _ = writeln!(out, "Costs B: {}", narrative::cost_basis(&pair.b.profile, &pair.b.evaluation));
    if let Some(note) = narrative::currencies_note(c) {
        let _ = writeln!(out, "{note}");
    }
    let _ = writeln!(out, "{}", narrative::verdict_change(c));
    let _ = writeln!(out, "\nSettings that differ ({})", c.differences.len());
    for d in &c.differences {
        let _ = writeln!(out, "  {:<44}{:>16} → {}", d.field, d.a, d.b);
    }
    for option in &c.options {
        let label = option.option.spec().label;
        let _ = writeln!(
            out,
            "\n{label}: overall {} → {} ({})",
            Score(option.score.a),
            Score(option.score.b),
            score_change(option.score.a, option.score.b)
        );
        for (criterion, d) in c.criteria.iter().zip(&option.criteria) {
            if d.delta().abs() > 1e-9 {
                let _ = writeln!(
                    out,
                    "  {:<LABEL$}{:>8} → {:<8} ({})",
                    criterion.spec().label,
                    Score(d.a),
                    Score(d.b),
                    score_change(d.a, d.b)
                );
            }
        }
        for (resource, d) in ResourceId::ALL.iter().zip(&option.resources) {
            // Money in two currencies is never subtracted, so it is always listed.
            if d.change.is_none_or(|change| change.abs() > 1e-9) {
                let (a, b) = narrative::compared_values(c, *resource, d);
                let _ = writeln!(
                    out,
                    "  {:<LABEL$}{a:>8} → {b:<8} ({})",
                    narrative::compared_header(c, &pair.b.profile, *resource),
                    narrative::compared_change(d)
                );
            }
        }
    }
    out
}
