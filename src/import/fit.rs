//! Fitting an import into what a profile holds: at most [`MAX_COMPONENTS`] components, and
//! every figure within the range of the trait it becomes. Each change is noted.
//!
//! # Merging
//! While there are more components than a profile holds, the smallest (by memory of all its
//! instances) that has a compatible partner is merged into its most similar one. Compatible:
//! the same OS, both stateful or both not, both needing a GPU or neither, and the same resources
//! declared. Most similar:
//! the smallest sum of |ln ratio| of memory and of CPU per instance, plus 1 for each of kind,
//! privilege and runtime hint that differs (so a partner of the same kind wins unless its
//! size is e times further off). With more than 64 components and 32 compatibility classes
//! some class always holds two, so merging always ends.

use super::group::{base_name, unique_name};
use super::imported::ImportedComponent;
use super::note::{Field, Note, Place};
use super::quantity::tidy;
use super::read::Notes;
use crate::model::TraitId;
use crate::model::profile::MAX_COMPONENTS;

/// The components, merged down to [`MAX_COMPONENTS`] and with figures in range; notes each
/// merge and each figure moved.
pub(crate) fn fit(components: Vec<ImportedComponent>, notes: &mut Notes) -> Vec<ImportedComponent> {
    let mut components = limit(components, MAX_COMPONENTS, notes);
    for component in &mut components {
        ranges(component, notes);
    }
    components
}

/// Where notes about a whole component go.
fn place(component: &ImportedComponent) -> Place {
    Place::object(None, format!("component {}", component.name))
}

fn instances(c: &ImportedComponent) -> u64 {
    u64::from(c.services) * u64::from(c.replicas)
}

fn size(c: &ImportedComponent) -> f64 {
    instances(c) as f64 * c.memory_per_instance_mib.unwrap_or(1.0)
}

fn compatible(a: &ImportedComponent, b: &ImportedComponent) -> bool {
    a.windows == b.windows
        && a.stateful == b.stateful
        && a.gpu.is_some() == b.gpu.is_some()
        && a.memory_per_instance_mib.is_some() == b.memory_per_instance_mib.is_some()
        && a.cpu_per_instance.is_some() == b.cpu_per_instance.is_some()
}

fn distance(a: &ImportedComponent, b: &ImportedComponent) -> f64 {
    let ratio = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) if x > 0.0 && y > 0.0 => (x / y).ln().abs(),
        _ => 0.0,
    };
    let differs = |different: bool| if different { 1.0 } else { 0.0 };
    ratio(a.memory_per_instance_mib, b.memory_per_instance_mib)
        + ratio(a.cpu_per_instance, b.cpu_per_instance)
        + differs(a.kind != b.kind)
        + differs(a.privileged != b.privileged)
        + differs(a.runtime_hint != b.runtime_hint)
}

/// The smallest component with a compatible partner (the first of equal ones), and its most
/// similar partner. Linear: partners exist in a class of two or more, counted once.
fn next_merge(components: &[ImportedComponent]) -> Option<(usize, usize)> {
    let class = |c: &ImportedComponent| {
        usize::from(c.windows)
            | usize::from(c.stateful) << 1
            | usize::from(c.gpu.is_some()) << 2
            | usize::from(c.memory_per_instance_mib.is_some()) << 3
            | usize::from(c.cpu_per_instance.is_some()) << 4
    };
    let mut members = [0_usize; 32];
    for c in components {
        members[class(c)] += 1;
    }
    let from = (0..components.len())
        .filter(|&i| members[class(&components[i])] >= 2)
        .min_by(|&a, &b| size(&components[a]).total_cmp(&size(&components[b])))?;
    let to = (0..components.len())
        .filter(|&to| to != from && compatible(&components[from], &components[to]))
        .map(|to| (to, distance(&components[from], &components[to])))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(to, _)| to)?;
    Some((from, to))
}

/// `from`'s services join `into`: counts add up, sizes are instance-weighted means (service-
/// weighted when neither runs an instance), as in grouping.
fn merge(into: &mut ImportedComponent, from: ImportedComponent) {
    let (a, b) = (instances(into), instances(&from));
    let (weight_a, weight_b) =
        if a + b > 0 { (a as f64, b as f64) } else { (f64::from(into.services), f64::from(from.services)) };
    let mean = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => Some(tidy((x * weight_a + y * weight_b) / (weight_a + weight_b))),
        (x, y) => x.or(y),
    };
    into.memory_per_instance_mib = mean(into.memory_per_instance_mib, from.memory_per_instance_mib);
    into.cpu_per_instance = mean(into.cpu_per_instance, from.cpu_per_instance);
    into.services = into.services.saturating_add(from.services);
    let services = u64::from(into.services);
    let replicas = (a + b + services / 2) / services;
    into.replicas = u32::try_from(replicas).unwrap_or(u32::MAX).max(u32::from(a + b > 0));
    for image in from.images {
        if !into.images.contains(&image) {
            into.images.push(image);
        }
    }
    into.privileged |= from.privileged;
    into.gpu = into.gpu.take().or(from.gpu);
    if into.runtime_hint != from.runtime_hint {
        into.runtime_hint = None;
    }
    into.members.extend(from.members);
}

/// Merges components until at most `limit` remain; one note on each component that took
/// others in, naming the services it took.
fn limit(mut components: Vec<ImportedComponent>, limit: usize, notes: &mut Notes) -> Vec<ImportedComponent> {
    let total = components.len();
    if total <= limit {
        return components;
    }
    let mut taken_in: Vec<Vec<String>> = vec![Vec::new(); total];
    while components.len() > limit {
        let Some((from, to)) = next_merge(&components) else { break };
        let moved = components.remove(from);
        // Its members already hold every service it took in before: each is named once.
        taken_in.remove(from);
        let to = if to > from { to - 1 } else { to };
        taken_in[to].extend(moved.members.iter().cloned());
        merge(&mut components[to], moved);
    }
    let mut names: Vec<String> = Vec::new();
    for (component, services) in components.iter_mut().zip(taken_in) {
        let base = if services.is_empty() { component.name.clone() } else { base_name(&component.members) };
        component.name = unique_name(&base, &names);
        names.push(component.name.clone());
        if !services.is_empty() {
            notes.push(place(component), Note::Merged { services, components: total, limit });
        }
    }
    components
}

/// Moves each figure into the range of the trait it becomes, noting the change.
fn ranges(component: &mut ImportedComponent, notes: &mut Notes) {
    let place = place(component);
    let mut fit = |field: Field, id: TraitId, value: f64| {
        let meta = id.meta();
        let used = meta.clamp(value);
        if used != value {
            notes.push(place.clone(), Note::OutOfRange { field, value: meta.format(value), used: meta.format(used) });
        }
        used
    };
    component.services = whole(fit(Field::Services, TraitId::Services, f64::from(component.services)));
    component.replicas = whole(fit(Field::Replicas, TraitId::Replicas, f64::from(component.replicas)));
    component.memory_per_instance_mib =
        component.memory_per_instance_mib.map(|v| fit(Field::Memory, TraitId::MemoryPerInstanceMib, v));
    component.cpu_per_instance = component.cpu_per_instance.map(|v| fit(Field::Cpu, TraitId::CpuPerInstance, v));
}

/// A clamped count back as a whole number (the traits' ranges lie within `u32`).
#[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "clamped to a count trait's range")]
fn whole(value: f64) -> u32 {
    value as u32
}
