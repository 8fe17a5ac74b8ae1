//! Any bytes as a profile: loaded or refused, never a panic; a loaded profile writes its
//! canonical form and that form loads again.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(loaded) = podvisor::profile::parse(data, "fuzz.ron") {
        let text = podvisor::profile::to_canonical_string(&loaded.profile);
        assert!(podvisor::profile::parse(text.as_bytes(), "canonical.ron").is_ok(), "{text}");
    }
});
