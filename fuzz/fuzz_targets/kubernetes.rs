//! Any text after a Kubernetes object, so the stream is read as manifests: imported or
//! refused, never a panic; an import makes a profile whose canonical form loads.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let stream = format!("apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: fuzz}}\n---\n{text}");
    if let Ok(imported) = podvisor::import::import_str(&stream, "manifests.yaml") {
        let text = podvisor::profile::to_canonical_string(&imported.to_profile());
        assert!(podvisor::profile::parse(text.as_bytes(), "imported.ron").is_ok(), "{text}");
    }
});
