//! Range checks. A value outside its field's range is a recoverable mistake (a hand edit, a
//! file from a build with wider ranges), so it is clamped rather than refused — but always
//! with a warning naming the field and both values, never silently.

use super::adjustment::{Adjustment, Why};
use super::canonical::real;
use crate::model::{TraitKind, TraitMeta};

/// A trait's value kept within the trait's range.
pub fn trait_value(path: &str, meta: &TraitMeta, value: f64, warnings: &mut Vec<Adjustment>) -> f64 {
    let show = match meta.kind {
        TraitKind::Integer => whole,
        TraitKind::Real | TraitKind::Flag => real,
    };
    clamp(path, value, (meta.min, meta.max), show, warnings)
}

/// `value` kept within `min..=max`; `show` writes numbers as the file does.
pub fn clamp(
    path: &str,
    value: f64,
    (min, max): (f64, f64),
    show: fn(f64) -> String,
    warnings: &mut Vec<Adjustment>,
) -> f64 {
    let (bound, why) = if value < min {
        (min, Why::BelowMinimum)
    } else if value > max {
        (max, Why::AboveMaximum)
    } else {
        return value;
    };
    warnings.push(Adjustment { path: path.to_owned(), from: show(value), to: Some(show(bound)), why });
    bound
}

/// An integer field's value as the file writes it.
fn whole(value: f64) -> String {
    format!("{value:.0}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TraitId;

    #[test]
    fn in_range_values_pass_without_a_word() {
        let mut warnings = Vec::new();
        assert_eq!(trait_value("workload.replicas", TraitId::Replicas.meta(), 3.0, &mut warnings), 3.0);
        assert_eq!(clamp("weights.isolation", 5.0, (0.0, 5.0), real, &mut warnings), 5.0);
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn out_of_range_values_are_clamped_and_reported() {
        let mut warnings = Vec::new();
        assert_eq!(trait_value("workload.replicas", TraitId::Replicas.meta(), 0.0, &mut warnings), 1.0);
        assert_eq!(trait_value("workload.peak_factor", TraitId::PeakFactor.meta(), 25.5, &mut warnings), 20.0);
        assert_eq!(clamp("weights.isolation", 9.0, (0.0, 5.0), real, &mut warnings), 5.0);
        assert_eq!(
            warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
            [
                "workload.replicas: 0 is below the minimum 1; using 1",
                "workload.peak_factor: 25.5 is above the maximum 20.0; using 20.0",
                "weights.isolation: 9.0 is above the maximum 5.0; using 5.0",
            ]
        );
    }
}
