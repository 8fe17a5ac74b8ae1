//! The sentences of a mixed estate's plan: the one-line summary, each step of the phased
//! path and what it buys, the components it keeps where they run, and what the mix saves or
//! costs against an all-in alternative.

use super::{capitalise, in_sentence, join, join_labels};
use crate::model::format::{Number, Share, number, number_direction, score};
use crate::model::plan::{Plan, Reason, Stay, Step, Worth};
use crate::model::{OptionId, Profile};

/// "Run the orders database on VMs and the storefront services (24 services) on containers on
/// VMs: 5962 USD a month, 4982 USD less than all on VMs."
pub fn summary(profile: &Profile, plan: &Plan) -> String {
    let money = |value: f64| format!("{} {}", number(value), profile.currency());
    let groups: Vec<String> = plan
        .platforms
        .iter()
        .map(|platform| {
            let names: Vec<String> = platform.components.iter().map(|&index| component(profile, index)).collect();
            format!("{} on {}", join(&names), platform.option.spec().plural)
        })
        .collect();
    let mut text = format!("Run {}: {} a month", join(&groups), money(plan.resources.monthly_cost));
    let against: Vec<String> = baselines(plan)
        .into_iter()
        .filter_map(|option| Some((option, plan.mix_saves_against(option)?)))
        .map(|(option, saves)| versus(&money, saves, option))
        .collect();
    if plan.platforms.len() > 1 && !against.is_empty() {
        text.push_str(", ");
        text.push_str(&join(&against));
    }
    text.push('.');
    // The placement is what the scores say; the path may keep a close call where it runs.
    let kept: Vec<String> = plan
        .stays
        .iter()
        .map(|stay| format!("{} on {}", component(profile, stay.component), stay.on.spec().plural))
        .collect();
    if !kept.is_empty() {
        let why =
            if kept.len() == 1 { "the move is not worth its effort" } else { "those moves are not worth their effort" };
        text.push_str(&format!(" The phased path keeps {} for now: {why}.", join(&kept)));
    }
    text
}

/// The all-in alternatives the summary weighs the mix against: all on VMs (where most
/// estates start) when compared, and the cheapest all-in alternative; only those the hosts
/// can run (a bill for bare-metal containers on a family without a metal type cannot be
/// bought).
fn baselines(plan: &Plan) -> Vec<OptionId> {
    let buyable = || plan.versus.iter().filter(|all_in| all_in.offered);
    let mut options: Vec<OptionId> =
        buyable().filter(|all_in| all_in.option == OptionId::VM).map(|all_in| all_in.option).collect();
    let cheapest = buyable().min_by(|a, b| a.resources.monthly_cost.total_cmp(&b.resources.monthly_cost));
    if let Some(cheapest) = cheapest.filter(|all_in| !options.contains(&all_in.option)) {
        options.push(cheapest.option);
    }
    options
}

/// "4982 USD less than all on VMs", "1682 USD more than all on containers on VMs", "the same
/// as all on VMs".
pub fn versus(money: &dyn Fn(f64) -> String, saves: f64, option: OptionId) -> String {
    let all = format!("all on {}", option.spec().plural);
    match number_direction(saves) {
        None => format!("the same as {all}"),
        Some(true) => format!("{} less than {all}", money(saves)),
        Some(false) => format!("{} more than {all}", money(-saves)),
    }
}

/// A component as a list names it: its name, and its service count when it holds more than
/// one ("Storefront services (24 services)").
pub fn label(profile: &Profile, index: usize) -> String {
    let Some(component) = profile.components.get(index) else { return String::new() };
    let services = component.workload.services;
    if services > 1 { format!("{} ({services} services)", component.name) } else { component.name.clone() }
}

/// A component as it reads in a sentence: "the", then its [`label`] ("the storefront
/// services (24 services)").
pub fn component(profile: &Profile, index: usize) -> String {
    let name = in_sentence(&label(profile, index));
    if name.to_lowercase().starts_with("the ") { name } else { format!("the {name}") }
}

/// Every line of the phased path: each step, then "Stay as you are" when no move is worth
/// its effort, then each component kept where it runs and why.
pub fn path(profile: &Profile, plan: &Plan) -> Vec<String> {
    let mut lines: Vec<String> = (0..plan.path.len()).map(|index| step(profile, plan, index)).collect();
    if plan.stay() && !plan.stays.is_empty() {
        lines.push(STAY.to_owned());
    }
    lines.extend(plan.stays.iter().map(|kept| stay(profile, kept)));
    lines
}

/// Said when the plan would move components but no move is worth its effort.
pub const STAY: &str = "Stay as you are: no move is worth its effort.";

/// One step of the phased path: "Today: 10944 USD a month, everything where it runs now." or
/// "Step 1: move the storefront services (24 services) from VMs to containers on VMs: saves
/// 4982 USD a month (5962 USD a month from then on) and gains on scalability and delivery
/// speed; migration effort 9.2/10." A step that does not save says why it is still worth it.
pub fn step(profile: &Profile, plan: &Plan, index: usize) -> String {
    let money = |value: f64| format!("{} {}", number(value), profile.currency());
    let Some(step) = plan.path.get(index) else { return String::new() };
    let Step { component: moved, from, to, resources, saves_monthly, effort, gain, buys, worth } = step;
    let Some(moved) = moved else {
        return format!("Today: {} a month, every component where it runs now.", money(resources.monthly_cost));
    };
    // The saving as the two printed totals differ ("17240 … saves 8897 … 8343 from then on"),
    // so the path's figures add up in the room.
    let before = index.checked_sub(1).and_then(|at| plan.path.get(at)).map(|step| step.resources.monthly_cost);
    let saves = before.map_or(*saves_monthly, |before| Number(before).shown() - Number(resources.monthly_cost).shown());
    let change = match number_direction(saves) {
        None => "the monthly cost stays as it was".to_owned(),
        Some(true) => format!("saves {} a month", money(saves)),
        Some(false) => format!("costs {} more a month", money(-saves)),
    };
    let criteria: Vec<_> = buys.iter().map(|bought| bought.criterion).collect();
    let gains = format!("gains on {}", join_labels(&criteria));
    let value = match (worth, gain) {
        (Worth::Saves, _) if !criteria.is_empty() => format!(" and {gains}"),
        (Worth::Gains, Some(gain)) => {
            // Ahead of where it runs today: its close call, if any, is against another option.
            format!(
                ", worth it for its {gains}: {} points ahead of {} on its own scores",
                score(*gain),
                from.spec().plural
            )
        }
        (Worth::Pinned, _) => ", as its pin requires".to_owned(),
        _ => String::new(),
    };
    format!(
        "Step {index}: move {} from {} to {}: {change} ({} a month from then on){value}; migration effort {}/10.",
        component(profile, *moved),
        from.spec().plural,
        to.spec().plural,
        money(resources.monthly_cost),
        score(*effort),
    )
}

/// A component the path keeps where it runs: "Keep the nightly batch jobs (4 services) on
/// VMs: a close call, containers ahead by only 1.2 points, and the move would cost 1300 EUR
/// more a month."
pub fn stay(profile: &Profile, kept: &Stay) -> String {
    let money = |value: f64| format!("{} {}", number(value), profile.currency());
    let Stay { component: index, on, instead_of, reason, saves_if_moved } = kept;
    let (to, from) = (instead_of.spec().plural, on.spec().plural);
    let why = match reason {
        Reason::CloseCall { gain } => format!("a close call, {to} ahead by only {} points", score(*gain)),
        Reason::SmallGain { gain } => {
            format!("{to} ahead by only {} points, too close to move for", score(*gain))
        }
        Reason::NothingBought { gain } => {
            format!("{to} ahead by {} points on cost and migration effort alone", score(*gain))
        }
        Reason::NotCompared => format!("{from} are not among the options compared, so the scores cannot weigh it"),
    };
    let money = match number_direction(*saves_if_moved) {
        None => "would leave the monthly cost as it was".to_owned(),
        Some(true) => format!("would save only {} a month", money(*saves_if_moved)),
        Some(false) => format!("would cost {} more a month", money(-saves_if_moved)),
    };
    format!("Keep {} on {from}: {why}, and the move {money}.", component(profile, *index))
}

/// The placement of one component: "Orders database: VMs (pinned)" or "… VMs, by 3.6 points".
pub fn placement(profile: &Profile, plan: &Plan, index: usize) -> String {
    let (Some(placed), Some(named)) = (plan.components.get(index), profile.components.get(index)) else {
        return String::new();
    };
    let points = score(placed.margin * 100.0);
    let leading = placed.confidence.as_ref().map_or(String::new(), |drawn| {
        format!(", leading in {} of plausible worlds", Share(drawn.share(placed.leader)))
    });
    let how = if placed.pinned {
        "pinned".to_owned()
    } else if placed.close_call {
        format!("a close call, ahead by {points} points{leading}")
    } else {
        format!("ahead by {points} points{leading}")
    };
    format!("{}: {} ({how})", named.name, capitalise(placed.option.spec().plural))
}

/// The plan's verdict in one line, as an estate's banner and first slide lead with it:
/// "The plan for 5 components: 3 on VMs, 2 on containers on VMs" or "The plan for 2
/// components: both on VMs".
pub fn headline(plan: &Plan) -> String {
    let components = plan.components.len();
    let lead = format!("The plan for {components} components");
    match plan.platforms.as_slice() {
        [one] => {
            let all = if components == 2 { "both" } else { "all" };
            format!("{lead}: {all} on {}", one.option.spec().plural)
        }
        platforms => {
            let parts: Vec<String> = platforms
                .iter()
                .map(|platform| format!("{} on {}", platform.components.len(), platform.option.spec().plural))
                .collect();
            format!("{lead}: {}", join(&parts))
        }
    }
}

/// How sure the plan is, once drawn: which placements are clear, which are close calls (by
/// how much and how often their leader leads), and how often the best all-in option leads.
/// "3 of 4 placements are clear; a close call: search cluster (containers ahead by 1.3
/// points, in 90 % of plausible worlds) (1 pinned). All on one platform, VMs would lead in
/// 71 % of plausible worlds."
pub fn confidence(profile: &Profile, plan: &Plan) -> Option<String> {
    let all_in = plan.confidence.as_ref()?;
    let scored: Vec<usize> = (0..plan.components.len()).filter(|&index| !plan.components[index].pinned).collect();
    let close: Vec<String> = scored
        .iter()
        .filter(|&&index| plan.components[index].close_call)
        .map(|&index| {
            let placed = &plan.components[index];
            let share = placed.confidence.as_ref().map_or(0.0, |drawn| drawn.share(placed.leader));
            let name = profile.components.get(index).map_or_else(String::new, |c| in_sentence(&c.name));
            format!(
                "{name} ({} ahead by {} points, in {} of plausible worlds)",
                placed.leader.spec().plural,
                score(placed.margin * 100.0),
                Share(share)
            )
        })
        .collect();
    let clear = scored.len() - close.len();
    let mut text = match (clear, close.len()) {
        (0, 0) => "Every component is placed by its pin".to_owned(),
        (2, 0) => "Both placements are clear".to_owned(),
        (_, 0) => format!("All {} placements are clear", scored.len()),
        (0, _) => format!("Every placement is a close call: {}", join(&close)),
        (_, 1) => format!("{clear} of {} placements are clear; a close call: {}", scored.len(), join(&close)),
        _ => format!("{clear} of {} placements are clear; close calls: {}", scored.len(), join(&close)),
    };
    let pinned = plan.components.len() - scored.len();
    if pinned > 0 && !scored.is_empty() {
        text += &format!(" ({pinned} pinned)");
    }
    if let Some(best) = plan.all_in_verdict().leader {
        text += &format!(
            ". All on one platform, {} would lead in {} of plausible worlds.",
            best.spec().plural,
            Share(all_in.share(best))
        );
    } else {
        text.push('.');
    }
    Some(text)
}
