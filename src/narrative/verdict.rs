//! The verdict in words: a headline for a banner or a title, and a summary a stakeholder
//! understands.

use super::{capitalise, feasibility, in_sentence, join, join_labels, overall};
use crate::model::format::{Number, Score, Share, distinct};
use crate::model::{AssumptionId, Evaluation, OptionId, OptionResult, Verdict};

/// The verdict in a few words: "Containers win by 12.3 points", "Too close to call: VMs 3.2
/// points ahead" (the shares are in the summary and on the line under the banner's headline,
/// which must keep to one line on a projector's slide). Until
/// the confidence is known the leader only "leads" ("VMs lead by 3.2 points"): the words never
/// say "win" or "too close to call" before the worlds are drawn, so they cannot flip when
/// they are.
pub fn headline(evaluation: &Evaluation) -> String {
    let verdict = &evaluation.verdict;
    let leader = verdict.leader.spec().plural;
    let Some(runner_up) = verdict.runner_up else {
        return if verdict.winner.is_some() {
            format!("{} win", capitalise(leader))
        } else {
            "No option compared is offered on this host".to_owned()
        };
    };
    let points = Score(100.0 * verdict.margin);
    let share = verdict.leader_share();
    let verb = if share.is_some() { "win" } else { "lead" };
    if share.is_some() && verdict.close_call {
        return format!("Too close to call: {leader} {points} points ahead");
    }
    if verdict.by_veto {
        let how = match verdict.veto_of(runner_up) {
            Some(v) if verdict.veto_of(verdict.leader).is_some() => {
                format!(
                    ": both fail a must, {} on {}",
                    runner_up.spec().plural,
                    v.criterion.spec().label.to_lowercase()
                )
            }
            Some(v) => {
                format!(": {} are ruled out on {}", runner_up.spec().plural, v.criterion.spec().label.to_lowercase())
            }
            None => String::new(),
        };
        format!("{} {verb}{how}", capitalise(leader))
    } else {
        format!("{} {verb} by {points} points", capitalise(leader))
    }
}

/// What the window shows where the confidence will be, before the first one is drawn.
pub const CONFIDENCE_PENDING: &str = "Drawing plausible worlds …";

/// How often each option leads across plausible worlds, with what a winner needs: "VMs lead
/// in 94 % of plausible worlds, containers in 6 % (a winner needs 66 % and 2 points; 1000
/// draws of the assumptions, weights, ratings and counts, seed 21)." `None` until the confidence
/// is known; a stale one (drawn for an earlier state of the profile) says it is being
/// drawn again.
pub fn confidence(evaluation: &Evaluation) -> Option<String> {
    let verdict = &evaluation.verdict;
    let drawn = verdict.confidence.as_ref()?;
    let share = drawn.share(verdict.leader);
    let mut others: Vec<(OptionId, f64)> =
        drawn.shares.iter().copied().filter(|(id, share)| *id != verdict.leader && *share > 0.0).collect();
    others.sort_by(|a, b| b.1.total_cmp(&a.1));
    let others: Vec<String> =
        others.iter().map(|(id, share)| format!("{} in {}", id.spec().plural, Share(*share))).collect();
    let mut text = format!(
        "{} lead in {}{} of plausible worlds",
        capitalise(verdict.leader.spec().plural),
        if evaluation.close_by_shares() { "only " } else { "" },
        Share(share)
    );
    if !others.is_empty() {
        text += &format!(", {}", join(&others));
    }
    let threshold = evaluation.values.get(AssumptionId::CloseCallConfidence);
    let floor = evaluation.values.get(AssumptionId::CloseCallMinMargin);
    text += &format!(
        " (a winner needs {} and {} points; {} draws of the assumptions, weights, ratings and counts, seed {}).",
        Share(threshold),
        Number(floor),
        drawn.draws,
        drawn.seed
    );
    if verdict.confidence_stale {
        text += " Drawing again for the changes …";
    }
    Some(text)
}

/// The sentence under a headline. The headline already names the leader and the margin, so
/// this says what decides it and what speaks for the runner-up. A veto is explained by the
/// summary, which names the failed must.
pub fn explanation(evaluation: &Evaluation) -> String {
    let verdict = &evaluation.verdict;
    let leader = evaluation.option(verdict.leader);
    let runner_up = verdict.runner_up.and_then(|id| evaluation.option(id));
    let (false, Some(leader), Some(runner_up)) = (verdict.by_veto, leader, runner_up) else {
        return summary(evaluation);
    };
    let mut sentence = if verdict.decisive.is_empty() {
        format!("{} and {} score alike on every criterion", capitalise(leader.spec.plural), runner_up.spec.plural)
    } else if verdict.decisive.len() == 1 {
        format!("Decided by {}", join_labels(&verdict.decisive))
    } else {
        format!("Decided mostly by {}", join_labels(&verdict.decisive))
    };
    if let (Some(case), Some(index)) = (runner_up.pros.first(), evaluation.position(runner_up.spec.id())) {
        let title = super::point_title(evaluation, index, case);
        sentence += &format!("; the strongest case for {}: {}", runner_up.spec.plural, in_sentence(&title));
    }
    sentence.push('.');
    if evaluation.close_by_shares() {
        sentence += " Your weights and assumptions can tip it either way.";
    } else if verdict.close_call && verdict.confidence.is_some() {
        sentence += &format!(" {}", under_the_floor(evaluation));
    }
    sentence
}

/// Why a lead that holds in most plausible worlds is still too close to call.
fn under_the_floor(evaluation: &Evaluation) -> String {
    format!(
        "A lead under {} points is within the model's own precision.",
        Number(evaluation.values.get(AssumptionId::CloseCallMinMargin))
    )
}

/// The verdict in a sentence, with the scores and the criteria that decide it, followed by
/// the graded-veto discounts of the two leading options, if any, and why each option the
/// host cannot run is out of the race.
pub fn summary(evaluation: &Evaluation) -> String {
    let mut text = verdict_sentence(evaluation);
    let verdict = &evaluation.verdict;
    for id in std::iter::once(verdict.leader).chain(verdict.runner_up) {
        if let Some(result) = evaluation.option(id)
            && let Some(sentence) = discount_sentence(result)
        {
            text.push(' ');
            text.push_str(&sentence);
        }
    }
    for result in evaluation.options.iter().filter(|result| !result.feasibility.is_offered()) {
        text.push(' ');
        text.push_str(&feasibility::reason(result.spec.id(), &result.feasibility, &evaluation.site));
    }
    text
}

/// The summary's discount of an option that is not ruled out: its largest (a veto is
/// explained by the verdict sentence itself).
fn discount_sentence(result: &OptionResult) -> Option<String> {
    let d = result.discounts.first().filter(|d| d.discordance < 1.0)?;
    Some(overall::discount_sentence(result, d))
}

/// Two overall scores as a sentence compares them: to a tenth, or with the decimals it takes
/// when they round alike ("78.94 vs 78.86", never "78.9 vs 78.9").
fn two_scores(a: f64, b: f64) -> (String, String) {
    let (x, y) = (Score(a).to_string(), Score(b).to_string());
    if x == y { distinct(a, b) } else { (x, y) }
}

fn verdict_sentence(evaluation: &Evaluation) -> String {
    let verdict = &evaluation.verdict;
    let result = |id: OptionId| evaluation.option(id);
    let (Some(leader), Some(runner)) = (result(verdict.leader), verdict.runner_up.and_then(result)) else {
        let lead = capitalise(verdict.leader.spec().plural);
        return match (evaluation.options.len(), verdict.winner) {
            (1, _) => format!("{lead} are the only option evaluated."),
            (_, Some(_)) => format!("{lead} win: the only option compared that the host offers."),
            (_, None) => "No option compared is offered on this host.".to_owned(),
        };
    };
    let reasons = join_labels(&verdict.decisive);
    let points = Score(100.0 * verdict.margin);
    let (lead, run) = (leader.spec.plural, runner.spec.plural);
    let share = verdict.leader_share();
    let verb = if share.is_some() { "win" } else { "lead" };
    let mut text = if share.is_some() && verdict.close_call {
        let (a, b) = two_scores(leader.score, runner.score);
        let rests = if evaluation.close_by_shares() {
            "; the decision rests on your weights and assumptions.".to_owned()
        } else {
            format!(". {}", under_the_floor(evaluation))
        };
        format!(
            "Too close to call: {} {a} vs {run} {b} ({points} points). {} lead slightly{}{rests}",
            capitalise(lead),
            capitalise(lead),
            if reasons.is_empty() { String::new() } else { format!(" on {reasons}") },
        )
    } else if verdict.by_veto {
        let why = if verdict.veto_of(verdict.leader).is_some() {
            format!(
                "every option fails a criterion weighted as a must, and {lead} fail least: {} against {}",
                failure(verdict, leader),
                failure(verdict, runner)
            )
        } else {
            format!("{run} are ruled out: they score {}", failure(verdict, runner))
        };
        format!(
            "{} {verb} because {why}. On the weighted sum alone: {lead} {} vs {run} {}.",
            capitalise(lead),
            Score(leader.weighted_sum),
            Score(runner.weighted_sum),
        )
    } else {
        let (a, b) = two_scores(leader.score, runner.score);
        format!(
            "{} {verb} by {points} points ({a} vs {b}){}.",
            capitalise(lead),
            if reasons.is_empty() { String::new() } else { format!(", mainly on {reasons}") },
        )
    };
    if let Some(sentence) = confidence(evaluation) {
        text.push(' ');
        text.push_str(&sentence);
    }
    text
}

/// "9.2 points below VMs on isolation, past the veto threshold of 9 (weighted 5/5)" for an
/// option's veto, or nothing.
fn failure(verdict: &Verdict, result: &OptionResult) -> String {
    verdict.veto_of(result.spec.id()).map_or(String::new(), |v| {
        format!(
            "{} points below {} on {}, at or past the veto threshold of {} (weighted {}/5)",
            Number(v.gap),
            v.rival.spec().plural,
            v.criterion.spec().label.to_lowercase(),
            Number(v.threshold),
            Number(v.weight)
        )
    })
}

#[cfg(test)]
mod tests {
    use super::two_scores;

    #[test]
    fn scores_that_round_alike_get_the_decimals_that_tell_them_apart() {
        assert_eq!(two_scores(78.94, 78.86), ("78.94".to_owned(), "78.86".to_owned()));
        assert_eq!(two_scores(81.14, 75.02), ("81.1".to_owned(), "75.0".to_owned()));
    }
}
