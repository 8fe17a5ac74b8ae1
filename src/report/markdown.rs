//! The Markdown report for stakeholders (`podvisor report`, File ▸ Export report…), and the
//! Markdown form of a comparison.

use std::fmt::Write as _;

use super::{Analysis, ComparedPair, PlanLines, component_analyses};
use crate::builtin::Described as _;
use crate::model::compare::differences;
use crate::model::facts::fact;
use crate::model::format::{Number, Score, score_change, signed};
use crate::model::plan::Plan;
use crate::model::{AssumptionId, Catalogs, Evaluation, Profile, ResourceId};
use crate::narrative::{self, break_even_sentences, resource_header, resource_value, sensitivity_sentences};

/// The full report of an analysis; for a mixed estate, the plan and then each component's
/// report, one heading level down.
pub fn analysis(analysis: &Analysis) -> String {
    let Some(mixed) = &analysis.mixed else { return component(analysis) };
    let profile = &analysis.profile;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&profile.name));
    if !profile.notes.trim().is_empty() {
        let _ = writeln!(out, "{}\n", profile.notes.trim());
    }
    let lines = PlanLines::new(profile, &mixed.plan);
    let _ = writeln!(out, "## Plan\n\n**{}**\n", escape(&lines.summary));
    for (title, items) in [
        ("Where each component goes", &lines.placements),
        ("Against one platform for everything", &lines.versus),
        ("The phased path", &lines.path),
    ] {
        let _ = writeln!(out, "### {title}\n");
        for item in items {
            let _ = writeln!(out, "- {}", escape(item));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "Monthly cost along the path:\n\n```text\n{}```\n", path_chart(profile, &mixed.plan));
    for (index, part) in component_analyses(analysis).iter().enumerate() {
        let report = component(part);
        let body = report.split_once('\n').map_or("", |(_, body)| body.trim_start());
        let _ = writeln!(out, "## Component {}: {}\n", index + 1, escape(&profile.components[index].name));
        for line in body.lines() {
            // One heading level down, under the component's heading.
            let _ = writeln!(out, "{}{line}", if line.starts_with('#') { "#" } else { "" });
        }
    }
    out
}

/// What the host offers of each option, where it is not every option as it is.
fn on_host(out: &mut String, evaluation: &Evaluation) {
    let lines = narrative::feasibility::lines(evaluation);
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "### On this host\n");
    for line in &lines {
        let _ = writeln!(out, "- {}", escape(line));
    }
    out.push('\n');
}

/// One component's report: verdict, settings, scorecard, pros and cons, resources.
/// The resources table's rows, the host line and where each option's money goes.
fn resources_table(out: &mut String, profile: &Profile, evaluation: &Evaluation) {
    let options = &evaluation.options;
    for resource in ResourceId::ALL {
        let cells: String = options
            .iter()
            .map(|o| format!(" {} |", resource_value(profile, resource, o.resources.get(resource))))
            .collect();
        let _ = writeln!(out, "| {} |{cells}", resource_header(profile, resource));
    }
    let _ = writeln!(out, "\n{}", narrative::host_line(profile, evaluation));
    out.push('\n');
    for option in options {
        let breakdown = narrative::cost_breakdown(profile, &option.resources);
        let _ = writeln!(out, "- Monthly cost of {}: {breakdown}", option.spec.plural);
    }
}

fn component(analysis: &Analysis) -> String {
    let (profile, evaluation) = (&analysis.profile, &analysis.evaluation);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&profile.name));
    if !profile.notes.trim().is_empty() {
        let _ = writeln!(out, "{}\n", profile.notes.trim());
    }
    verdict_section(&mut out, evaluation);
    settings_section(&mut out, profile, evaluation.site.catalogs);
    scorecard_section(&mut out, profile, evaluation);
    pros_cons_sections(&mut out, profile, evaluation);
    let options = &evaluation.options;
    let header: String = options.iter().map(|o| format!(" {} |", o.spec.label)).collect();
    let rule: String = options.iter().map(|_| " ---: |").collect();
    let _ = writeln!(out, "## Resources at peak\n\n| Resource |{header}\n| --- |{rule}");
    resources_table(&mut out, profile, evaluation);
    for sentence in break_even_sentences(evaluation) {
        let _ = writeln!(out, "- Break-even — {sentence}");
    }
    robustness_section(&mut out, analysis);
    assumptions_section(&mut out, profile, evaluation.site.catalogs);
    let _ = writeln!(out, "\n## Source claims\n");
    let mut cited: Vec<&str> = evaluation.criteria.iter().flat_map(|c| c.spec().sources.iter().copied()).collect();
    cited.sort_unstable();
    cited.dedup();
    for id in cited {
        if let Some(f) = fact(id) {
            let _ = writeln!(out, "- **{id}** — {} ({})", f.claim, f.article.title());
        }
    }
    out
}

/// The verdict, its summary, the host it is costed on and the overall scores.
fn verdict_section(out: &mut String, evaluation: &Evaluation) {
    let _ =
        writeln!(out, "## Verdict: {}\n\n**{}**\n", narrative::headline(evaluation), narrative::summary(evaluation));
    on_host(out, evaluation);
    let scores: Vec<String> =
        evaluation.options.iter().map(|o| format!("{} {}/100", o.spec.label, Score(o.score))).collect();
    let _ = writeln!(
        out,
        "Overall: {}. Margin: {} points{}.\n",
        scores.join(", "),
        Score(100.0 * evaluation.verdict.margin),
        if evaluation.verdict.close_call { " — too close to call" } else { "" }
    );
}

/// Every setting the scenario moved from its default.
fn settings_section(out: &mut String, profile: &Profile, catalogs: &Catalogs) {
    let changed: Vec<_> = differences(&Profile::default(), profile, catalogs)
        .into_iter()
        .filter(|d| !["name", "notes", "component.name"].contains(&d.field.as_str()))
        .collect();
    let _ = writeln!(out, "## Settings that differ from the defaults\n");
    if changed.is_empty() {
        let _ = writeln!(out, "None: every setting is at its default.\n");
    } else {
        let _ = writeln!(out, "| Setting | Default | This scenario |\n| --- | ---: | ---: |");
        for d in &changed {
            let _ = writeln!(out, "| `{}` | {} | {} |", d.field, d.a, d.b);
        }
        out.push('\n');
    }
}

/// The scores per criterion with their weights and sources, the discount where a must or the
/// bill takes one, the overall, and why each criterion scores as it does.
fn scorecard_section(out: &mut String, profile: &Profile, evaluation: &Evaluation) {
    let options = &evaluation.options;
    let _ = writeln!(out, "## Scorecard\n");
    let header: String = options.iter().map(|o| format!(" {} |", o.spec.label)).collect();
    let rule: String = options.iter().map(|_| " ---: |").collect();
    let _ = writeln!(out, "| Criterion | Weight |{header} Sources |\n| --- | ---: |{rule} --- |");
    for (c, criterion) in evaluation.criteria.iter().map(|id| id.spec()).enumerate() {
        let cells: String = options.iter().map(|o| format!(" {} |", Score(o.criteria[c].score))).collect();
        let weight = options.first().map_or(0.0, |o| o.criteria[c].weight);
        let _ = writeln!(out, "| {} | {} |{cells} {} |", criterion.label, Number(weight), criterion.sources.join(", "));
    }
    if let Some(label) = narrative::overall::discount_label(evaluation) {
        let cells: String = options
            .iter()
            .map(|o| format!(" {} |", narrative::overall::discount_points(o).unwrap_or_default()))
            .collect();
        let _ = writeln!(out, "| {label} | |{cells} |");
    }
    let totals: String = options.iter().map(|o| format!(" **{}** |", Score(o.score))).collect();
    let _ = writeln!(out, "| **Overall (0–100)** | |{totals} |\n");
    let _ = writeln!(out, "### Why each criterion scores as it does\n");
    for (c, criterion) in evaluation.criteria.iter().map(|id| id.spec()).enumerate() {
        let _ = writeln!(out, "- **{}** — {}", criterion.label, criterion.reading(&evaluation.values));
        for (o, option) in options.iter().enumerate() {
            let score = &option.criteria[c];
            let _ = writeln!(
                out,
                "  - {} {}: {} _[{}]_",
                option.spec.label,
                Score(score.score),
                narrative::why(evaluation, profile, o, score.criterion),
                score.sources().join(", ")
            );
        }
    }
    out.push('\n');
}

/// Each option's pros and cons for this workload, with their points and sources.
fn pros_cons_sections(out: &mut String, profile: &Profile, evaluation: &Evaluation) {
    for (o, option) in evaluation.options.iter().enumerate() {
        let _ = writeln!(out, "## {}: pros and cons for this workload\n", option.spec.label);
        for (mark, points, sign) in [("Pro", &option.pros, 1.0), ("Con", &option.cons, -1.0)] {
            for point in points {
                let _ = writeln!(
                    out,
                    "- **{mark} — {}** ({} pts): {} _[{}]_",
                    narrative::point_title(evaluation, o, point),
                    signed(sign * point.impact),
                    narrative::point_text(evaluation, profile, o, point),
                    point.sources.join(", ")
                );
            }
        }
        out.push('\n');
    }
}

/// Flip points, the critical weight, and the traits that move the margin most as a tornado.
fn robustness_section(out: &mut String, analysis: &Analysis) {
    let currency = analysis.profile.currency();
    let _ = writeln!(out, "\n## How robust is the answer?\n");
    for sentence in sensitivity_sentences(&analysis.sensitivity, currency) {
        let _ = writeln!(out, "- {sentence}");
    }
    let _ = writeln!(
        out,
        "\nTraits that move the margin most (leader minus runner-up, in points, as each trait moves one step or a fifth of its range). \
         In the tornado, `│` is a margin of zero, where the leader changes; bars right of it keep the leader ahead:\n"
    );
    let shown = &analysis.sensitivity.traits[..analysis.sensitivity.traits.len().min(8)];
    let limit = shown.iter().flat_map(|t| [t.margin_low.abs(), t.margin_high.abs()]).fold(0.0, f64::max);
    let _ =
        writeln!(out, "| Trait | Now | Low → margin | High → margin | Tornado |\n| --- | ---: | ---: | ---: | --- |");
    for t in shown {
        let meta = t.id.meta();
        let _ = writeln!(
            out,
            "| {} | {} | {} → {} | {} → {} | `{}` |",
            meta.label,
            meta.format_in(t.value, currency),
            meta.format_in(t.low, currency),
            signed(t.margin_low),
            meta.format_in(t.high, currency),
            signed(t.margin_high),
            text_tornado_bar(t.margin_low, t.margin_high, limit)
        );
    }
}

/// Every assumption in force, overridden ones marked, with grade and source (spot's only where
/// the profile asks for spot).
fn assumptions_section(out: &mut String, profile: &Profile, catalogs: &Catalogs) {
    let _ = writeln!(
        out,
        "\n## Assumptions\n\n| Assumption | Value | Default | Grade | Source |\n| --- | ---: | ---: | --- | --- |"
    );
    let values = catalogs.assumptions.resolve(&profile.assumptions);
    let spot = crate::model::buying::asks_spot(profile);
    for id in AssumptionId::ALL.iter().filter(|id| spot || !crate::model::buying::SPOT_ASSUMPTIONS.contains(id)) {
        let spec = id.spec();
        let value = values.get(*id);
        let marker = if (value - spec.value).abs() > 1e-12 { " (overridden)" } else { "" };
        let _ = writeln!(
            out,
            "| {} | {} {}{marker} | {} | {} | {} |",
            spec.label,
            Number(value),
            spec.unit_of(value),
            Number(spec.value),
            spec.grade.label(),
            escape(&spec.source)
        );
    }
}

/// Markdown of a comparison.
pub fn comparison(pair: &ComparedPair) -> String {
    let c = &pair.comparison;
    let mut out = String::new();
    let _ = writeln!(out, "# {} vs {}\n", escape(&pair.a.profile.name), escape(&pair.b.profile.name));
    let _ =
        writeln!(out, "- **A:** {}\n- **B:** {}\n", escape(&super::answer(&pair.a)), escape(&super::answer(&pair.b)));
    let _ = writeln!(
        out,
        "Costs of A: {}. Costs of B: {}.\n",
        narrative::cost_basis(&pair.a.profile, &pair.a.evaluation),
        narrative::cost_basis(&pair.b.profile, &pair.b.evaluation)
    );
    if let Some(note) = narrative::currencies_note(c) {
        let _ = writeln!(out, "{note}\n");
    }
    let _ = writeln!(out, "{}\n", narrative::verdict_change(c));
    let _ = writeln!(out, "## Settings that differ\n\n| Setting | A | B |\n| --- | ---: | ---: |");
    for d in &c.differences {
        let _ = writeln!(out, "| `{}` | {} | {} |", d.field, escape(&d.a), escape(&d.b));
    }
    for option in &c.options {
        let label = option.option.spec().label;
        let _ = writeln!(out, "\n## {label}\n\n| Figure | A | B | Δ |\n| --- | ---: | ---: | ---: |");
        let _ = writeln!(
            out,
            "| **Overall** | {} | {} | {} |",
            Score(option.score.a),
            Score(option.score.b),
            score_change(option.score.a, option.score.b)
        );
        for (criterion, d) in c.criteria.iter().zip(&option.criteria) {
            let label = criterion.spec().label;
            let _ = writeln!(out, "| {label} | {} | {} | {} |", Score(d.a), Score(d.b), score_change(d.a, d.b));
        }
        for (resource, d) in ResourceId::ALL.iter().zip(&option.resources) {
            let (a, b) = narrative::compared_values(c, *resource, d);
            let header = narrative::compared_header(c, &pair.b.profile, *resource);
            let _ = writeln!(out, "| {header} | {a} | {b} | {} |", narrative::compared_change(d));
        }
    }
    out
}

/// Characters of the longest bar in the path chart.
const PATH_BAR: usize = 40;

/// The monthly cost after each step of the phased path as text bars, today first.
fn path_chart(profile: &Profile, plan: &Plan) -> String {
    let costs: Vec<f64> = plan.path.iter().map(|step| step.resources.monthly_cost).collect();
    let most = costs.iter().copied().fold(0.0_f64, f64::max);
    let mut out = String::new();
    for (index, cost) in costs.iter().enumerate() {
        let label = if index == 0 { "Today".to_owned() } else { format!("Step {index}") };
        #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a share of 40 characters")]
        let bar = if most > 0.0 { (cost / most * PATH_BAR as f64).round() as usize } else { 0 };
        let _ = writeln!(
            out,
            "{label:<8} {:<PATH_BAR$} {}",
            "█".repeat(bar),
            resource_value(profile, ResourceId::MonthlyCost, *cost)
        );
    }
    out
}

/// Keeps user text from breaking a table row.
/// Characters on each side of a text tornado's zero line.
const TORNADO_HALF: usize = 10;

/// One bar of a text tornado: `█` from margin `a` to margin `b` on a scale of ±`limit`
/// points, `·` elsewhere, and `│` at zero.
fn text_tornado_bar(a: f64, b: f64, limit: f64) -> String {
    let (from, to) = (a.min(b), a.max(b));
    let cell = limit.max(1e-9) / TORNADO_HALF as f64;
    (0..=2 * TORNADO_HALF)
        .map(|i| {
            if i == TORNADO_HALF {
                return '│';
            }
            // The cell's middle, in points: cells left of zero are negative.
            let middle = (i as f64 - TORNADO_HALF as f64) * cell;
            let covered = middle + cell / 2.0 > from && middle - cell / 2.0 < to;
            if covered { '█' } else { '·' }
        })
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::text_tornado_bar;

    /// On a ±10-point scale each character is one point: a bar from +2 to +5 covers the
    /// 3rd to 6th characters right of zero, one from −3 to +1 crosses the zero line.
    #[test]
    fn text_tornado_bars_cover_their_margins() {
        assert_eq!(text_tornado_bar(2.0, 5.0, 10.0), "··········│·████·····");
        assert_eq!(text_tornado_bar(1.0, -3.0, 10.0), "·······███│█·········");
        assert_eq!(text_tornado_bar(0.0, 0.0, 0.0).chars().filter(|c| *c == '█').count(), 0);
    }
}
