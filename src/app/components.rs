//! Edits of the component list: what the list in the side panel asks for, applied to the
//! profile as one change each (so each is one undo step), with the selection following the
//! component it was on.

use crate::model::profile::{Component, MAX_COMPONENTS};
use crate::profile::Profile;
pub use crate::ui::components::ComponentEdit;

/// Applies `edit` to `profile`, whose component `selected` is selected; returns the selection
/// after it. Edits that cannot apply (an index past the end, a move past either end, removing
/// the only component, adding past [`MAX_COMPONENTS`]) change nothing.
pub fn apply(profile: &mut Profile, selected: usize, edit: ComponentEdit) -> usize {
    let components = &mut profile.components;
    let count = components.len();
    let exists = |index: usize| index < count;
    match edit {
        ComponentEdit::Select(index) if exists(index) => index,
        ComponentEdit::Add if count < MAX_COMPONENTS => {
            let name = unused_name(components, "Component", count + 1);
            components.push(Component { name, ..Component::default() });
            count
        }
        ComponentEdit::Duplicate(index) if exists(index) && count < MAX_COMPONENTS => {
            let mut copy = components[index].clone();
            copy.name = unused_name(components, &format!("{} copy", copy.name), 1);
            components.insert(index + 1, copy);
            index + 1
        }
        ComponentEdit::Rename(index, name) if exists(index) => {
            components[index].name = name;
            selected
        }
        ComponentEdit::MoveUp(index) if exists(index) && index > 0 => swap(components, index - 1, selected),
        ComponentEdit::MoveDown(index) if index + 1 < count => swap(components, index, selected),
        ComponentEdit::Remove(index) if exists(index) && count > 1 => {
            components.remove(index);
            if selected > index { selected - 1 } else { selected.min(count - 2) }
        }
        ComponentEdit::Pin(index, option) if exists(index) => {
            components[index].placement = option;
            selected
        }
        ComponentEdit::Current(index, option) if exists(index) => {
            components[index].current = option;
            selected
        }
        ComponentEdit::Purchase(index, purchase) if exists(index) => {
            components[index].purchase = purchase;
            selected
        }
        _ => selected,
    }
}

/// Swaps components `first` and `first + 1`; the selection moves with the component it is on.
fn swap(components: &mut [Component], first: usize, selected: usize) -> usize {
    components.swap(first, first + 1);
    match selected {
        at if at == first => first + 1,
        at if at == first + 1 => first,
        at => at,
    }
}

/// `stem`, or `stem N` from `from` on, whichever no component is called yet: names tell
/// components apart in the plan's sentences.
fn unused_name(components: &[Component], stem: &str, from: usize) -> String {
    let taken = |name: &str| components.iter().any(|component| component.name == name);
    if from <= 1 && !taken(stem) {
        return stem.to_owned();
    }
    // One more number than there are components always holds one not taken.
    (from.max(2)..=from.max(2) + components.len())
        .map(|n| format!("{stem} {n}"))
        .find(|name| !taken(name))
        .unwrap_or_else(|| stem.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{OptionId, TraitId};

    fn names(profile: &Profile) -> Vec<&str> {
        profile.components.iter().map(|component| component.name.as_str()).collect()
    }

    #[test]
    fn add_duplicate_and_remove_keep_the_selection_on_its_component() {
        let mut profile = Profile::default();
        let mut selected = apply(&mut profile, 0, ComponentEdit::Add);
        assert_eq!((names(&profile), selected), (vec!["Workload", "Component 2"], 1), "a new one is selected");
        profile.components[1].workload.services = 7;
        selected = apply(&mut profile, selected, ComponentEdit::Duplicate(1));
        assert_eq!((names(&profile), selected), (vec!["Workload", "Component 2", "Component 2 copy"], 2));
        assert_eq!(profile.components[2].workload.services, 7, "a copy keeps the workload");
        selected = apply(&mut profile, selected, ComponentEdit::Duplicate(1));
        assert_eq!(profile.components[2].name, "Component 2 copy 2", "names stay apart");
        assert_eq!(selected, 2);

        // Removing one before the selection keeps the selection on its component.
        selected = apply(&mut profile, 3, ComponentEdit::Remove(0));
        assert_eq!((names(&profile), selected), (vec!["Component 2", "Component 2 copy 2", "Component 2 copy"], 2));
        // Removing the selected last one selects the new last one.
        selected = apply(&mut profile, selected, ComponentEdit::Remove(2));
        assert_eq!(selected, 1);
        selected = apply(&mut profile, selected, ComponentEdit::Remove(1));
        assert_eq!((profile.components.len(), selected), (1, 0));
        assert_eq!(apply(&mut profile, 0, ComponentEdit::Remove(0)), 0);
        assert_eq!(profile.components.len(), 1, "the last one stays");
    }

    #[test]
    fn moves_carry_the_selection_and_stop_at_the_ends() {
        let mut profile = Profile::default();
        for _ in 0..2 {
            apply(&mut profile, 0, ComponentEdit::Add);
        }
        let mut selected = apply(&mut profile, 0, ComponentEdit::MoveDown(0));
        assert_eq!((names(&profile), selected), (vec!["Component 2", "Workload", "Component 3"], 1));
        selected = apply(&mut profile, selected, ComponentEdit::MoveUp(2));
        assert_eq!((names(&profile), selected), (vec!["Component 2", "Component 3", "Workload"], 2));
        let before = profile.clone();
        assert_eq!(apply(&mut profile, selected, ComponentEdit::MoveDown(2)), 2);
        assert_eq!(apply(&mut profile, selected, ComponentEdit::MoveUp(0)), 2);
        assert_eq!(apply(&mut profile, selected, ComponentEdit::Select(3)), 2, "no such component");
        assert_eq!(profile, before);
    }

    #[test]
    fn pins_current_options_and_names_change_one_component() {
        let mut profile = Profile::default();
        apply(&mut profile, 0, ComponentEdit::Add);
        profile.set(TraitId::Services, 12.0);
        apply(&mut profile, 0, ComponentEdit::Pin(1, Some(OptionId::VM)));
        apply(&mut profile, 0, ComponentEdit::Current(1, OptionId::CONTAINER));
        apply(&mut profile, 0, ComponentEdit::Rename(1, "Orders database".to_owned()));
        let second = &profile.components[1];
        assert_eq!(
            (second.placement, second.current, second.name.as_str()),
            (Some(OptionId::VM), OptionId::CONTAINER, "Orders database")
        );
        assert_eq!(profile.components[0], Component { workload: profile.workload().clone(), ..Component::default() });
    }

    #[test]
    fn no_more_than_the_most_components() {
        let mut profile = Profile::default();
        for _ in 0..MAX_COMPONENTS + 3 {
            apply(&mut profile, 0, ComponentEdit::Add);
        }
        assert_eq!(profile.components.len(), MAX_COMPONENTS);
        assert_eq!(apply(&mut profile, 5, ComponentEdit::Duplicate(0)), 5);
        assert_eq!(profile.components.len(), MAX_COMPONENTS);
    }
}
