//! Grouping services of one shape into components (the rule is stated in the module
//! documentation of `import`).

use super::imported::{ImportedComponent, RuntimeHint, WorkloadKind};
use super::quantity::tidy;
use super::service::Service;

/// Services whose memory (and CPU) per instance differ by at most this factor may share a
/// component: every pair of members is within 25 % of each other.
///
/// A choice, not a measured figure: wide enough that services sized with the usual request
/// steps (256/320 MiB, 0.2/0.25 cores) fall together, narrow enough that a member's own size is
/// never more than 25 % off the component's mean. Reasonable values lie between 1.1 and 1.5.
pub const SIMILAR_SHAPE_FACTOR: f64 = 1.25;

/// Services whose replica counts differ by at most this factor may share a component (every
/// pair within ×1.5: 2 and 3 may, 1 and 2 may not).
///
/// A choice, not a measured figure (issue 23: grouping bounded by replica similarity): the
/// component's replicas is the members' rounded mean, so a single instance grouped with a
/// highly available pair would be counted as two, or twenty as ten. Within ×1.5 the mean is
/// never more than 25 % off a member's count, as with [`SIMILAR_SHAPE_FACTOR`]; a single
/// instance groups only with single instances. Reasonable values lie between 1.25 and 2.
pub const SIMILAR_REPLICAS_FACTOR: f64 = 1.5;

/// What members of one component must share exactly.
#[derive(PartialEq)]
struct Key<'a> {
    kind: WorkloadKind,
    windows: bool,
    arm64: bool,
    privileged: bool,
    runtime_hint: Option<&'a RuntimeHint>,
    gpu: Option<&'a str>,
    peak_factor: Option<f64>,
    lifespan_days: Option<f64>,
}

fn key(service: &Service) -> Key<'_> {
    Key {
        kind: service.kind,
        windows: service.windows,
        arm64: service.arm64,
        privileged: service.privileged,
        runtime_hint: service.runtime_hint.as_ref(),
        gpu: service.gpu.as_deref(),
        peak_factor: service.peak_factor,
        lifespan_days: service.lifespan_days,
    }
}

/// Whether `value` can join members whose values are `values` (all declared within
/// `factor`, or all undeclared).
fn fits(values: impl Iterator<Item = Option<f64>>, value: Option<f64>, factor: f64) -> bool {
    let mut low = value;
    let mut high = value;
    for v in values {
        match (v, value) {
            (Some(v), Some(_)) => {
                low = low.map(|l| l.min(v));
                high = high.map(|h| h.max(v));
            }
            (None, None) => {}
            _ => return false,
        }
    }
    match (low, high) {
        (Some(low), Some(high)) => high <= low * factor,
        _ => true,
    }
}

/// Group services in file order: each stateless service joins the first group it fits,
/// each stateful one gets its own.
pub(crate) fn group(services: Vec<Service>) -> Vec<ImportedComponent> {
    let mut groups: Vec<Vec<Service>> = Vec::new();
    for service in services {
        let home = (!service.stateful).then(|| {
            groups.iter().position(|members| {
                let first = &members[0];
                !first.stateful
                    && key(first) == key(&service)
                    && fits(members.iter().map(|m| m.memory_mib), service.memory_mib, SIMILAR_SHAPE_FACTOR)
                    && fits(members.iter().map(|m| m.cpu), service.cpu, SIMILAR_SHAPE_FACTOR)
                    && fits(
                        members.iter().map(|m| Some(f64::from(m.replicas))),
                        Some(f64::from(service.replicas)),
                        SIMILAR_REPLICAS_FACTOR,
                    )
            })
        });
        match home.flatten() {
            Some(index) => groups[index].push(service),
            None => groups.push(vec![service]),
        }
    }
    let mut names: Vec<String> = Vec::new();
    groups
        .into_iter()
        .map(|members| {
            let component = component(&members, &names);
            names.push(component.name.clone());
            component
        })
        .collect()
}

fn component(members: &[Service], taken: &[String]) -> ImportedComponent {
    let first = &members[0];
    let count = u32::try_from(members.len()).unwrap_or(u32::MAX);
    let instances: u64 = members.iter().map(|m| u64::from(m.replicas)).sum();
    // Mean replicas, rounded half up: integer arithmetic, no float casts.
    let mean = (instances + u64::from(count) / 2) / u64::from(count);
    let replicas = u32::try_from(mean).unwrap_or(u32::MAX).max(u32::from(instances > 0));
    let mut images: Vec<String> = Vec::new();
    for image in members.iter().flat_map(|m| &m.images) {
        if !images.contains(image) {
            images.push(image.clone());
        }
    }
    ImportedComponent {
        name: unique_name(&base_name(&members.iter().map(|m| m.name.clone()).collect::<Vec<_>>()), taken),
        kind: first.kind,
        services: count,
        replicas,
        memory_per_instance_mib: weighted_mean(members, |m| m.memory_mib),
        cpu_per_instance: weighted_mean(members, |m| m.cpu),
        images,
        windows: first.windows,
        arm64: first.arm64,
        privileged: first.privileged,
        runtime_hint: first.runtime_hint.clone(),
        stateful: first.stateful,
        gpu: first.gpu.clone(),
        peak_factor: first.peak_factor,
        lifespan_days: first.lifespan_days,
        members: members.iter().map(|m| m.name.clone()).collect(),
    }
}

/// The members' mean weighted by their replicas (so the component's total equals the sum of
/// the members' totals), or the plain mean when no member runs an instance.
fn weighted_mean(members: &[Service], value: impl Fn(&Service) -> Option<f64>) -> Option<f64> {
    let values: Vec<(f64, f64)> =
        members.iter().map(|m| value(m).map(|v| (v, f64::from(m.replicas)))).collect::<Option<_>>()?;
    let weight: f64 = values.iter().map(|(_, w)| w).sum();
    if weight > 0.0 {
        Some(tidy(values.iter().map(|(v, w)| v * w).sum::<f64>() / weight))
    } else {
        Some(tidy(values.iter().map(|(v, _)| v).sum::<f64>() / values.len() as f64))
    }
}

/// The member's name, or "first and N similar" for a group.
pub(crate) fn base_name(members: &[String]) -> String {
    match members {
        [only] => only.clone(),
        [first, rest @ ..] => format!("{first} and {} similar", rest.len()),
        [] => String::new(),
    }
}

/// `base`, suffixed " (2)", " (3)", … when a previous component already has the name (a
/// Deployment and a `StatefulSet` both named `web`).
pub(crate) fn unique_name(base: &str, taken: &[String]) -> String {
    let mut name = base.to_owned();
    let mut suffix = 2;
    while taken.contains(&name) {
        name = format!("{base} ({suffix})");
        suffix += 1;
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service(name: &str, replicas: u32, memory: Option<f64>, cpu: Option<f64>) -> Service {
        Service { replicas, memory_mib: memory, cpu, ..Service::new(name.to_owned(), WorkloadKind::Deployment) }
    }

    #[test]
    fn similar_services_share_a_component_with_instance_weighted_means() {
        let components = group(vec![
            service("cart", 2, Some(256.0), Some(0.25)),
            service("catalog", 3, Some(300.0), Some(0.3)),
            service("big", 2, Some(2048.0), Some(0.25)),
        ]);
        assert_eq!(components.len(), 2);
        let small = &components[0];
        assert_eq!(small.name, "cart and 1 similar");
        assert_eq!(small.members, ["cart", "catalog"]);
        assert_eq!(small.services, 2);
        assert_eq!(small.replicas, 3, "mean of 2 and 3, rounded half up");
        // (2×256 + 3×300) / 5 = 282.4 MiB; (2×0.25 + 3×0.3) / 5 = 0.28 cores
        assert!((small.memory_per_instance_mib.expect("memory") - 282.4).abs() < 1e-9);
        assert!((small.cpu_per_instance.expect("cpu") - 0.28).abs() < 1e-12);
        assert_eq!(components[1].members, ["big"]);
    }

    #[test]
    fn replica_counts_stay_within_their_factor() {
        // 2 and 3 (×1.5) share; 1 and 2 (×2) do not; 4 fits 3 but not 2 (×2).
        let components = group(vec![
            service("a", 2, None, None),
            service("b", 3, None, None),
            service("single", 1, None, None),
            service("c", 4, None, None),
        ]);
        let members: Vec<Vec<&str>> =
            components.iter().map(|c| c.members.iter().map(String::as_str).collect()).collect();
        assert_eq!(members, [vec!["a", "b"], vec!["single"], vec!["c"]]);
    }

    #[test]
    fn every_pair_stays_within_the_factor() {
        // 100 fits 120 (×1.2); 140 fits 120 but not 100 (×1.4), so it starts a new group.
        let components = group(vec![
            service("a", 1, Some(100.0), None),
            service("b", 1, Some(120.0), None),
            service("c", 1, Some(140.0), None),
        ]);
        let members: Vec<&[String]> = components.iter().map(|c| c.members.as_slice()).collect();
        assert_eq!(members, [&["a".to_owned(), "b".to_owned()][..], &["c".to_owned()][..]]);
    }

    #[test]
    fn undeclared_groups_only_with_undeclared() {
        let components =
            group(vec![service("a", 1, None, None), service("b", 1, Some(100.0), None), service("c", 1, None, None)]);
        assert_eq!(components.len(), 2);
        assert_eq!(components[0].members, ["a", "c"]);
        assert_eq!(components[0].memory_per_instance_mib, None);
    }

    #[test]
    fn stateful_and_different_kinds_stand_alone() {
        let mut db = service("db", 1, Some(100.0), None);
        db.stateful = true;
        let mut db2 = service("db2", 1, Some(100.0), None);
        db2.stateful = true;
        let job = Service { kind: WorkloadKind::Job, ..service("job", 1, Some(100.0), None) };
        let mut win = service("win", 1, Some(100.0), None);
        win.windows = true;
        let components = group(vec![service("web", 1, Some(100.0), None), db, db2, job, win]);
        assert_eq!(components.len(), 5);
        assert!(components[1].stateful && components[2].stateful);
    }

    #[test]
    fn names_are_unique() {
        let mut web_db = service("web", 1, None, None);
        web_db.stateful = true;
        let components = group(vec![service("web", 1, None, None), web_db]);
        assert_eq!(components[0].name, "web");
        assert_eq!(components[1].name, "web (2)");
    }

    #[test]
    fn zero_replicas_keep_zero_and_plain_means() {
        let components = group(vec![service("idle", 0, Some(100.0), None), service("idle2", 0, Some(110.0), None)]);
        assert_eq!(components[0].replicas, 0);
        assert_eq!(components[0].memory_per_instance_mib, Some(105.0));
    }
}
