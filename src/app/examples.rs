//! The example profiles bundled in `profiles/`, compiled into the binary so that
//! File ▸ Open example works wherever the binary runs, not only from the source tree.

use std::sync::OnceLock;

use crate::profile::{Profile, parse};

/// File name and text of every bundled profile, in menu order.
const FILES: &[(&str, &str)] = &[
    ("greenfield_microservices.ron", include_str!("../../profiles/greenfield_microservices.ron")),
    ("monolith_decomposed_50_services.ron", include_str!("../../profiles/monolith_decomposed_50_services.ron")),
    ("legacy_monolith_lift_and_shift.ron", include_str!("../../profiles/legacy_monolith_lift_and_shift.ron")),
    ("hostile_multi_tenant_hosting.ron", include_str!("../../profiles/hostile_multi_tenant_hosting.ron")),
    ("bursty_event_handlers.ron", include_str!("../../profiles/bursty_event_handlers.ron")),
    ("mixed_windows_linux_estate.ron", include_str!("../../profiles/mixed_windows_linux_estate.ron")),
    ("saas_running_customer_code.ron", include_str!("../../profiles/saas_running_customer_code.ron")),
    ("cloud_web_platform.ron", include_str!("../../profiles/cloud_web_platform.ron")),
    ("three_tier_web_shop.ron", include_str!("../../profiles/three_tier_web_shop.ron")),
    ("phased_modernisation.ron", include_str!("../../profiles/phased_modernisation.ron")),
];

/// A bundled example.
#[derive(Clone, Debug)]
pub struct Example {
    pub file: &'static str,
    pub profile: Profile,
}

/// Every bundled example that parses (all do; a test checks it), parsed once.
pub fn examples() -> &'static [Example] {
    static EXAMPLES: OnceLock<Vec<Example>> = OnceLock::new();
    EXAMPLES.get_or_init(|| {
        FILES
            .iter()
            .filter_map(|(file, text)| {
                parse(text.as_bytes(), file).ok().map(|loaded| Example { file, profile: loaded.profile })
            })
            .collect()
    })
}

/// The examples' scenario names, for the menu.
pub fn names() -> &'static [&'static str] {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| examples().iter().map(|example| example.profile.name.as_str()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_profile_parses_and_is_listed() {
        assert_eq!(examples().len(), FILES.len(), "a bundled profile failed to parse");
        let on_disk = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/profiles"))
            .expect("profiles/ exists")
            .filter(|entry| entry.as_ref().is_ok_and(|e| e.path().extension().is_some_and(|x| x == "ron")))
            .count();
        assert_eq!(on_disk, FILES.len(), "profiles/ and the bundled list differ");
    }
}
