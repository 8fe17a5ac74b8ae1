//! Properties of the file format over generated input: every profile the model accepts
//! survives save → load unchanged, and no input whatsoever makes the loader panic.

use crate::profile_support;

use std::collections::BTreeMap;

use podvisor::builtin::Described as _;
use podvisor::model::criteria::MAX_WEIGHT;
use podvisor::model::options::REGISTRY;
use podvisor::model::profile::{MAX_OPTIONS, MIN_OPTIONS};
use podvisor::model::{AssumptionId, CRITERIA, OptionId, TRAITS, TraitKind};
use podvisor::profile::{self, Profile};
use proptest::prelude::*;
use proptest::sample::select;

/// Text that stresses every quoting path: arbitrary unicode (control characters included)
/// mixed with the pieces that end or escape RON strings.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = select(vec![
        "\"", "\"#", "\"##", "#", "\\", "\\n", "\n", "\r\n", "\t", "r#\"", "//", "/*", "é", "💾", "\u{feff}", "\0",
    ]);
    prop::collection::vec(prop_oneof![any::<String>(), pieces.prop_map(str::to_owned), "[a-z ]{0,12}"], 0..8)
        .prop_map(|parts| parts.concat())
}

/// A value within `min..=max`, often exactly on a bound.
fn within(min: f64, max: f64) -> impl Strategy<Value = f64> {
    prop_oneof![Just(min), Just(max), min..=max]
}

fn overrides<K: Copy + Ord + std::fmt::Debug + 'static>(
    keys: Vec<K>,
    range: impl Fn(K) -> (f64, f64),
) -> BoxedStrategy<BTreeMap<K, f64>> {
    let entries: Vec<BoxedStrategy<Option<(K, f64)>>> = keys
        .into_iter()
        .map(|key| {
            let (min, max) = range(key);
            prop::option::of(within(min, max).prop_map(move |v| (key, v))).boxed()
        })
        .collect();
    entries.prop_map(|entries| entries.into_iter().flatten().collect()).boxed()
}

/// Any choice of options a file may hold: 2–4 distinct registered ids, in any order.
fn any_options() -> impl Strategy<Value = Vec<OptionId>> {
    let ids: Vec<OptionId> = REGISTRY.iter().map(|spec| spec.id()).collect();
    let most = MAX_OPTIONS.min(ids.len());
    prop::sample::subsequence(ids, MIN_OPTIONS..=most).prop_shuffle()
}

/// Any profile the model accepts: every trait in range, known option, weight and
/// assumption ids.
fn any_valid_profile() -> impl Strategy<Value = Profile> {
    let traits: Vec<BoxedStrategy<f64>> = TRAITS
        .iter()
        .map(|meta| match meta.kind {
            TraitKind::Flag => prop_oneof![Just(0.0), Just(1.0)].boxed(),
            #[expect(clippy::cast_possible_truncation, reason = "trait bounds are small whole numbers")]
            TraitKind::Integer => ((meta.min as i64)..=(meta.max as i64)).prop_map(|v| v as f64).boxed(),
            TraitKind::Real => within(meta.min, meta.max).boxed(),
        })
        .collect();
    let weights = overrides(CRITERIA.iter().map(|c| c.key).collect(), |_| (0.0, MAX_WEIGHT));
    let assumptions = overrides(AssumptionId::ALL.to_vec(), |id| (id.spec().min, id.spec().max));
    let texts = (tricky_text(), tricky_text(), tricky_text(), tricky_text());
    // Further components: a name, a service count, a pin and a current option (by index).
    let more = prop::collection::vec((tricky_text(), 1..=500_i64, 0..=REGISTRY.len(), 0..REGISTRY.len()), 0..3);
    (traits, texts, any_options(), weights, assumptions, more).prop_map(
        |(values, (name, notes, component, currency), options, weights, assumptions, more)| {
            let mut profile = Profile { name, notes, options, weights, assumptions, ..Profile::default() };
            profile.components[0].name = component;
            for (meta, value) in TRAITS.iter().zip(values) {
                profile.set(meta.id, value);
            }
            profile.environment.currency = currency;
            for (name, services, pin, current) in more {
                let mut next = profile.components[0].clone();
                next.name = name;
                next.workload.services = services;
                next.placement = REGISTRY.get(pin).map(|spec| spec.id());
                next.current = REGISTRY[current].id();
                profile.components.push(next);
            }
            profile
        },
    )
}

/// A valid profile's text with random edits: bytes replaced, inserted or deleted, RON tokens
/// spliced in, slices duplicated.
fn mutated_profile() -> impl Strategy<Value = Vec<u8>> {
    let token = select(vec![
        "(",
        ")",
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "r#\"",
        "NaN",
        "inf",
        "-",
        "1e999",
        "//",
        "/*",
        "\\",
        "#![enable(implicit_some)]",
        "Some(",
        "true",
    ]);
    let edit = prop_oneof![
        (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(at, byte)| (at, vec![byte], 1)),
        (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(at, byte)| (at, vec![byte], 0)),
        (any::<prop::sample::Index>(), 1..40_usize).prop_map(|(at, len)| (at, Vec::new(), len)),
        (any::<prop::sample::Index>(), token).prop_map(|(at, token)| (at, token.as_bytes().to_vec(), 0)),
    ];
    let seeds: Vec<Vec<u8>> = std::iter::once(profile::to_canonical_string(&profile_support::fully_non_default()))
        .chain(profile_support::bundled().iter().map(|path| std::fs::read_to_string(path).expect("bundled profile")))
        .map(String::into_bytes)
        .collect();
    (select(seeds), prop::collection::vec(edit, 1..6)).prop_map(|(mut bytes, edits)| {
        for (at, insert, remove) in edits {
            let start = at.index(bytes.len() + 1);
            let end = (start + remove).min(bytes.len());
            bytes.splice(start..end, insert);
        }
        bytes
    })
}

/// Whatever the loader accepts, it must be able to save and load again unchanged.
fn accepted_input_normalises_cleanly(bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Ok(loaded) = profile::parse(bytes, "fuzz.ron") {
        let text = profile::to_canonical_string(&loaded.profile);
        let again = match profile::parse(text.as_bytes(), "normalized.ron") {
            Ok(again) => again,
            Err(error) => return Err(TestCaseError::fail(format!("{error}\n{text}"))),
        };
        prop_assert!(again.warnings.is_empty(), "{:?}", again.warnings);
        prop_assert_eq!(again.profile, loaded.profile);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn every_valid_profile_survives_save_and_load(profile in any_valid_profile()) {
        let text = profile::to_canonical_string(&profile);
        let loaded = profile::parse(text.as_bytes(), "generated.ron");
        prop_assert!(loaded.is_ok(), "{}\n{}", loaded.unwrap_err(), text);
        let loaded = loaded.unwrap();
        prop_assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        prop_assert_eq!(&loaded.profile, &profile);
        prop_assert_eq!(profile::to_canonical_string(&loaded.profile), text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        accepted_input_normalises_cleanly(&bytes)?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        accepted_input_normalises_cleanly(text.as_bytes())?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn mutated_profiles_never_panic(bytes in mutated_profile()) {
        accepted_input_normalises_cleanly(&bytes)?;
    }
}
