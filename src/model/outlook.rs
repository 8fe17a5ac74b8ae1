//! The outlook: each option's projection along the number of services and of replicas
//! (curves), and the break-even points where two options swap places on a resource.

use serde::Serialize;

use super::assumptions::Values;
use super::options::{OptionId, OptionSpec};
use super::profile::Profile;
use super::projection::Projector;
use super::resources::{ResourceId, Resources};
use super::site::Site;
use super::traits::TraitId;

/// Resources of every option along one trait's range, the others held at the profile's values.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    /// The trait varied along the x axis.
    pub axis: TraitId,
    pub xs: Vec<f64>,
    /// `series[option][i]` is that option's projection at `xs[i]`.
    pub series: Vec<Vec<Resources>>,
}

impl Curve {
    /// One resource of one option along the curve, as plot points.
    pub fn points(&self, option: usize, resource: ResourceId) -> Vec<[f64; 2]> {
        self.xs.iter().zip(&self.series[option]).map(|(x, r)| [*x, r.get(resource)]).collect()
    }
}

/// Where, along a curve, one option overtakes another on a resource.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BreakEven {
    pub axis: TraitId,
    pub resource: ResourceId,
    /// First whole value of the axis at which the new order holds.
    pub at: f64,
    /// Option ahead below `at`.
    pub ahead_below: OptionId,
    /// Option ahead from `at` on.
    pub ahead_above: OptionId,
}

/// Sample points of the curves: a 1-2-3-4-5-6-8 series, plus the profile's own value so
/// that every curve passes through today's figures.
const SERVICE_STEPS: &[f64] = &[
    1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 60.0, 80.0, 100.0, 120.0, 150.0,
    200.0, 250.0, 300.0, 400.0, 500.0,
];

const REPLICA_STEPS: &[f64] =
    &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 15.0, 20.0, 25.0, 30.0, 40.0, 50.0, 60.0, 80.0, 100.0];

/// The traits the projection is plotted over.
pub const CURVE_AXES: [TraitId; 2] = [TraitId::Services, TraitId::Replicas];

/// Services and replicas at `x` along a curve's axis, the axis's count stored as the profile
/// would store it (clamped to the trait's range, rounded).
fn counts_at(profile: &Profile, axis: TraitId, x: f64) -> (i64, i64) {
    #[expect(clippy::cast_possible_truncation, reason = "clamped to the trait's range first")]
    let count = axis.meta().clamp(x).round() as i64;
    let w = &profile.workload();
    if axis == TraitId::Services { (count, w.replicas) } else { (w.services, count) }
}

/// Projects every option along one axis.
///
/// # Panics
/// When `axis` is not one of [`CURVE_AXES`].
pub fn curve(axis: TraitId, options: &[&'static OptionSpec], profile: &Profile, values: &Values, site: &Site) -> Curve {
    assert!(CURVE_AXES.contains(&axis), "curves run over services or replicas, not {axis:?}");
    let steps = if axis == TraitId::Services { SERVICE_STEPS } else { REPLICA_STEPS };
    let current = profile.get(axis);
    let mut xs: Vec<f64> = steps.to_vec();
    if let Err(at) = xs.binary_search_by(|x| x.total_cmp(&current)) {
        xs.insert(at, current);
    }
    let series = options
        .iter()
        .map(|option| {
            let mut projector = Projector::new(option, profile, values, site);
            xs.iter()
                .map(|x| {
                    let (services, replicas) = counts_at(profile, axis, *x);
                    projector.at(services, replicas)
                })
                .collect()
        })
        .collect();
    Curve { axis, xs, series }
}

/// Every point along a curve where the order of two options on a resource flips, refined
/// to the first whole axis value of the new order. Ties do not count as a flip.
pub fn break_even(
    curve: &Curve,
    options: &[&'static OptionSpec],
    profile: &Profile,
    values: &Values,
    site: &Site,
) -> Vec<BreakEven> {
    let mut found = Vec::new();
    let mut projectors: Vec<Projector<'_>> =
        options.iter().map(|option| Projector::new(option, profile, values, site)).collect();
    let mut at = |option: usize, x: f64| -> Resources {
        let (services, replicas) = counts_at(profile, curve.axis, x);
        projectors[option].at(services, replicas)
    };
    // Each resource of every option along the curve: `columns[(resource × options + option)
    // × points + i]`.
    let points = curve.xs.len();
    let mut columns = vec![0.0; ResourceId::ALL.len() * options.len() * points];
    for (o, series) in curve.series.iter().enumerate() {
        for (i, r) in series.iter().enumerate() {
            for (k, value) in r.all().into_iter().enumerate() {
                columns[(k * options.len() + o) * points + i] = value;
            }
        }
    }
    for (k, resource) in ResourceId::ALL.into_iter().enumerate() {
        let of = |o: usize| {
            let start = (k * options.len() + o) * points;
            &columns[start..start + points]
        };
        for a in 0..options.len() {
            for b in a + 1..options.len() {
                if !each_ahead_somewhere(of(a), of(b)) {
                    continue;
                }
                let sign = |ra: &Resources, rb: &Resources| order(resource, ra.get(resource), rb.get(resource));
                let mut crossings = Vec::new();
                let mut last: Option<(f64, i8)> = None;
                for (i, x) in curve.xs.iter().enumerate() {
                    let s = sign(&curve.series[a][i], &curve.series[b][i]);
                    if s == 0 {
                        continue;
                    }
                    if let Some((x_prev, s_prev)) = last
                        && s_prev != s
                    {
                        // Bisect on whole values: the first x whose order is the new one.
                        let (mut lo, mut hi) = (x_prev, *x);
                        while hi - lo > 1.0 {
                            let mid = f64::midpoint(lo, hi).floor();
                            let m = sign(&at(a, mid), &at(b, mid));
                            if m == s { hi = mid } else { lo = mid }
                        }
                        let (below, above) = if s < 0 { (b, a) } else { (a, b) };
                        crossings.push(BreakEven {
                            axis: curve.axis,
                            resource,
                            at: hi,
                            ahead_below: options[below].id(),
                            ahead_above: options[above].id(),
                        });
                    }
                    last = Some((*x, s));
                }
                // The largest lead either option takes between two crossings, in whole steps.
                let mut lead = |from: f64, to: f64| {
                    let inside = curve.xs.iter().copied().filter(|x| *x > from && *x < to - 1.0);
                    std::iter::once(from)
                        .chain(inside)
                        .chain(std::iter::once(to - 1.0))
                        .map(|x| relative_gap(at(a, x).get(resource), at(b, x).get(resource)))
                        .fold(0.0, f64::max)
                };
                found.extend(without_blips(&crossings, &mut lead));
            }
        }
    }
    found
}

/// Whether each of two series is ahead of the other somewhere, ties (see [`order`]) aside:
/// only then can their order flip. Most pairs keep theirs along the whole curve, and this
/// finds them without walking the curve point by point.
fn each_ahead_somewhere(a: &[f64], b: &[f64]) -> bool {
    // Without a strict lead each way there is no lead beyond the tie tolerance either.
    let strictly = |lead: fn(f64, f64) -> bool| a.iter().zip(b).any(|(x, y)| lead(*x, *y));
    if !(strictly(|x, y| x < y) && strictly(|x, y| x > y)) {
        return false;
    }
    let (mut below, mut above) = (false, false);
    for (x, y) in a.iter().zip(b) {
        let tolerance = x.abs().max(y.abs()).max(1e-12) * 1e-3;
        below |= x - y < -tolerance;
        above |= x - y > tolerance;
    }
    below && above
}

/// Drops pairs of crossings that undo each other within two whole steps or 5% of the axis
/// value: a lead that short comes from rounding (whole vCPUs, one more VM or host), and
/// listing it as a break-even would bury the real crossovers. So is a lead that never grows
/// past [`LEVEL_LEAD`] of the resource between the two (`lead` gives it): the options are
/// level there, and two labels a few services apart would tell the room of a race that is
/// not run.
fn without_blips(crossings: &[BreakEven], lead: &mut impl FnMut(f64, f64) -> f64) -> Vec<BreakEven> {
    let mut kept = Vec::with_capacity(crossings.len());
    let mut i = 0;
    while i < crossings.len() {
        let here = crossings[i].at;
        let undone = crossings.get(i + 1).map(|next| next.at);
        if undone.is_some_and(|next| next - here <= (0.05 * here).max(2.0) || lead(here, next) < LEVEL_LEAD) {
            i += 2;
        } else {
            kept.push(crossings[i].clone());
            i += 1;
        }
    }
    kept
}

/// A lead smaller than this share of the resource is no lead: 5 %, a choice (2–10 %) of the
/// same size as the short-run rule above; below it, which option needs less turns on the
/// projections' rounding (whole vCPUs, VMs and hosts) more than on the workload.
const LEVEL_LEAD: f64 = 0.05;

/// How far apart two amounts are, as a share of the larger.
fn relative_gap(a: f64, b: f64) -> f64 {
    (a - b).abs() / a.abs().max(b.abs()).max(1e-12)
}

/// -1 when the first option is ahead, 1 when the second is, 0 for a tie (within 0.1%).
fn order(resource: ResourceId, a: f64, b: f64) -> i8 {
    let scale = a.abs().max(b.abs()).max(1e-12);
    if (a - b).abs() <= scale * 1e-3 {
        return 0;
    }
    let a_ahead = if resource.lower_is_better() { a < b } else { a > b };
    if a_ahead { -1 } else { 1 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::assumptions::Values;
    use crate::model::catalogs::shipped;
    use crate::model::options::DEFAULT_OPTIONS as OPTIONS;
    use crate::model::profile::Profile;
    // The projection tests' helpers: a curve is the projection along an axis.
    use crate::model::projection::tests::{container, project, values, vm};

    fn curve(axis: TraitId, options: &[&'static OptionSpec], profile: &Profile, values: &Values) -> Curve {
        super::curve(axis, options, profile, values, &Site::resolve(profile, shipped()))
    }

    fn break_even(
        curve: &Curve,
        options: &[&'static OptionSpec],
        profile: &Profile,
        values: &Values,
    ) -> Vec<BreakEven> {
        super::break_even(curve, options, profile, values, &Site::resolve(profile, shipped()))
    }

    /// M-RES-2: one VM holding every service against one container per service. Containers
    /// win while there are few services; each container's own runtime copy then adds up until
    /// the single guest OS is cheaper.
    #[test]
    fn all_in_one_vm_overtakes_containers_on_memory_as_services_grow() {
        let mut p = Profile::default();
        p.environment.services_per_vm = 500;
        p.workload_mut().memory_per_instance_mib = 256.0;
        let v = values(&p);
        let curve = curve(TraitId::Services, OPTIONS, &p, &v);
        let points = break_even(&curve, OPTIONS, &p, &v);
        let memory: Vec<_> = points.iter().filter(|b| b.resource == ResourceId::MemoryGib).collect();
        assert_eq!(memory.len(), 1, "exactly one memory crossover: {memory:?}");
        let crossing = memory[0];
        assert_eq!(crossing.ahead_below, "container");
        assert_eq!(crossing.ahead_above, "vm");
        assert!((20.0..=80.0).contains(&crossing.at), "crossover at {} services", crossing.at);

        // Just below and at the crossing the order really is as reported.
        let mut at = p.clone();
        at.set(TraitId::Services, crossing.at);
        assert!(project(vm(), &at, &v).memory_gib < project(container(), &at, &v).memory_gib);
        at.set(TraitId::Services, crossing.at - 1.0);
        assert!(project(vm(), &at, &v).memory_gib >= project(container(), &at, &v).memory_gib);
    }

    #[test]
    fn rounding_blips_are_not_break_evens() {
        // Four VMs each holding all services: whole vCPUs make CPU flip at every multiple of 4.
        let mut p = Profile::default();
        p.environment.services_per_vm = 500;
        p.workload_mut().cpu_per_instance = 0.25;
        p.workload_mut().memory_per_instance_mib = 256.0;
        let v = values(&p);
        let curve = curve(TraitId::Services, OPTIONS, &p, &v);
        let cpu: Vec<_> =
            break_even(&curve, OPTIONS, &p, &v).into_iter().filter(|b| b.resource == ResourceId::CpuCores).collect();
        assert!(cpu.windows(2).all(|w| w[1].at - w[0].at > 2.0), "{cpu:?}");
    }

    #[test]
    fn one_vm_per_service_never_catches_up() {
        let p = Profile::default();
        let v = values(&p);
        let curve = curve(TraitId::Services, OPTIONS, &p, &v);
        let points = break_even(&curve, OPTIONS, &p, &v);
        assert!(points.iter().all(|b| b.resource != ResourceId::MemoryGib), "{points:?}");
    }

    #[test]
    fn curves_pass_through_the_current_value() {
        let mut p = Profile::default();
        p.workload_mut().services = 37;
        let v = values(&p);
        let curve = curve(TraitId::Services, OPTIONS, &p, &v);
        let i = curve.xs.iter().position(|x| (*x - 37.0).abs() < 1e-9).expect("37 sampled");
        assert_eq!(curve.series[0][i], project(OPTIONS[0], &p, &v));
        assert!(curve.xs.windows(2).all(|w| w[0] < w[1]), "sorted, no duplicates");
    }
}
