//! Human words for what the files and the model name by key: a setting's dotted path
//! (`workload.memory_per_instance_mib`) becomes its label from the field, criterion or
//! assumption table ("Memory per instance"). The command line keeps the keys, which are
//! what a user types into a profile; the window shows the labels.

use crate::builtin::Described as _;
use crate::model::traits::Section;
use crate::model::{AssumptionId, CriterionId, TRAITS};
use crate::narrative::in_sentence;
use crate::profile::Adjustment;

/// The label of the setting at `path` (as a profile file spells it), or the path itself
/// for one no table knows.
pub fn setting_label(path: &str) -> String {
    // A component's setting, by its name: `components["Cache"].workload.replicas` reads
    // "Cache: Replicas"; the component itself (only one side has it), "Component “Cache”".
    if let Some((name, rest)) = path.strip_prefix("components[\"").and_then(|tail| tail.split_once("\"]")) {
        return match rest.strip_prefix('.') {
            Some(setting) => format!("{name}: {}", setting_label(setting)),
            None => format!("Component “{name}”"),
        };
    }
    // A section's field by the section it sits in: `environment.team.engineers` is the team's.
    let (place, key) = path.rsplit_once('.').unwrap_or(("", path));
    let section = place.rsplit('.').next().unwrap_or_default();
    let found = match section {
        // Files weigh registered criteria only.
        "weights" => CriterionId::from_key(key).map(|id| format!("Weight of {}", id.spec().label)),
        "assumptions" => AssumptionId::from_key(key).map(|id| id.spec().label.clone()),
        _ => Section::ALL
            .into_iter()
            .find(|candidate| candidate.key() == section)
            .and_then(|section| section.field(key))
            .map(|field| field.label().to_owned()),
    };
    found.unwrap_or_else(|| match path {
        "notes" => "Notes".to_owned(),
        "options" => "Options compared".to_owned(),
        "component.name" | "name" => "Name".to_owned(),
        "component.placement" | "placement" => "Placement (pinned to)".to_owned(),
        "component.current" | "current" => "Runs on today".to_owned(),
        _ => path.to_owned(),
    })
}

/// What loading changed in a field, the field written as its label ("Memory per instance:
/// 99999 is above the maximum 65536; using 65536").
pub fn adjustment_note(adjustment: &Adjustment) -> String {
    format!("{}: {}", setting_label(&adjustment.path), adjustment.message())
}

/// A message with every multi-word setting key it quotes (`services_per_vm`) written as the
/// setting's label, as the window shows it ("Services per VM (50) exceeds services (1)").
/// Keys of one word (`services`) read as English already and are left alone.
pub fn with_labels(message: &str) -> String {
    let mut text = message.to_owned();
    for meta in TRAITS.iter().filter(|meta| meta.key.contains('_')) {
        if text.contains(meta.key) {
            let at_start = text.starts_with(meta.key);
            let label = if at_start { meta.label.to_owned() } else { in_sentence(meta.label) };
            text = text.replace(meta.key, &label);
        }
    }
    text
}

/// `count` and the noun, singular or plural: "1 service", "3 services".
pub fn count(count: u64, singular: &str, plural: &str) -> String {
    if count == 1 { format!("1 {singular}") } else { format!("{count} {plural}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_labels_from_the_tables() {
        assert_eq!(setting_label("workload.memory_per_instance_mib"), "Memory per instance");
        assert_eq!(setting_label("weights.isolation"), "Weight of Isolation");
        assert_eq!(setting_label("environment.currency"), "Currency");
        assert_eq!(setting_label("environment.kubernetes"), "Kubernetes");
        assert_eq!(setting_label("environment.team.engineer_cost_per_month"), "Engineer cost");
        assert_eq!(setting_label("components[2].workload.primary_os"), "Primary OS");
        assert_eq!(setting_label("workload.host_cores"), "workload.host_cores", "a field of another section");
        assert_eq!(setting_label("mystery.key"), "mystery.key");
        let adjustment = Adjustment {
            path: "workload.memory_per_instance_mib".to_owned(),
            from: "99999".to_owned(),
            to: Some("65536".to_owned()),
            why: crate::profile::Why::AboveMaximum,
        };
        assert_eq!(adjustment_note(&adjustment), "Memory per instance: 99999 is above the maximum 65536; using 65536");
    }

    #[test]
    fn keys_in_a_message_become_labels() {
        assert_eq!(
            with_labels("services_per_vm (50) exceeds services (1); all services share one VM."),
            "Services per VM (50) exceeds services (1); all services share one VM."
        );
    }

    #[test]
    fn labels_in_a_sentence_keep_initialisms() {
        assert_eq!(in_sentence("OS flexibility"), "OS flexibility");
        assert_eq!(in_sentence("Resource efficiency"), "resource efficiency");
        assert_eq!(in_sentence("CPU per instance"), "CPU per instance");
    }

    #[test]
    fn counts_agree_with_their_noun() {
        assert_eq!(count(1, "service", "services"), "1 service");
        assert_eq!(count(0, "service", "services"), "0 services");
    }
}
