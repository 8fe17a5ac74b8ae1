//! Hostile input up to the 8 MiB cap: refused (or imported) within 2 s and 256 MiB resident.
//!
//! One test in this binary, so the process's peak resident memory (`VmHWM`, Linux) is the
//! imports' own and not a neighbouring test's.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use podvisor::import::{ImportError, MAX_INPUT_BYTES, MAX_SERVICES, import_str};

/// The bound on resident memory for any input up to the cap.
const MAX_RESIDENT_KIB: u64 = 256 * 1024;
/// The bound on time for any input up to the cap (these cases are refused early), for
/// the release build; the tests' debug build runs the tree builder unoptimised, about four
/// times slower (the parser underneath is optimised in both).
const MAX_SECONDS: u64 = if cfg!(debug_assertions) { 8 } else { 2 };

/// A Compose file whose `x-big` fragment is one anchored string of `string_bytes` bytes,
/// aliased `aliases` times in a list.
fn anchored_string(string_bytes: usize, aliases: usize) -> String {
    let mut text = format!("x-big: &big \"{}\"\nx-copies: [", "a".repeat(string_bytes));
    text.push_str(&vec!["*big"; aliases].join(", "));
    text.push_str("]\nservices:\n  web:\n    image: nginx\n");
    text
}

/// The peak resident memory of this process so far, in KiB (Linux only).
fn peak_resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn refused_by_a_limit(name: &str, text: &str) -> String {
    assert!(text.len() <= MAX_INPUT_BYTES, "{name} is {} bytes, above the cap", text.len());
    let start = Instant::now();
    let result = import_str(text, name);
    let elapsed = start.elapsed();
    assert!(elapsed < Duration::from_secs(MAX_SECONDS), "{name} took {elapsed:?}");
    match result {
        Err(error @ ImportError::Limit { .. }) => error.to_string(),
        Err(other) => panic!("{name}: refused, but not by a limit: {other}"),
        Ok(imported) => panic!("{name}: accepted: {}", imported.summary()),
    }
}

#[test]
fn hostile_files_up_to_the_cap_are_refused_fast_and_small() {
    // The two files: 2.2 MB with a 2 MiB string aliased 20,000 times (aborted the
    // process), and about 1 MB with a 900 KiB string aliased 3,500 times (3 GB resident).
    let crash = anchored_string(2 * 1024 * 1024, 20_000);
    assert!((2_200_000..2_400_000).contains(&crash.len()), "{}", crash.len());
    let message = refused_by_a_limit("crash.yaml", &crash);
    assert!(message.contains("more than 128 MiB (aliases expanded"), "{message}");
    let slow = anchored_string(900 * 1024, 3_500);
    assert!((900_000..1_100_000).contains(&slow.len()), "{}", slow.len());
    refused_by_a_limit("slow.yaml", &slow);

    // Doubling aliases of a 1 KiB string: each level twice the last.
    let mut doubling = format!("x-0: &x0 \"{}\"\n", "b".repeat(1024));
    for level in 1..40 {
        let _ = writeln!(doubling, "x-{level}: &x{level} [*x{}, *x{}]", level - 1, level - 1);
    }
    doubling.push_str("services:\n  web:\n    image: nginx\n");
    refused_by_a_limit("doubling.yaml", &doubling);

    // Just under the cap, nothing but tiny scalars: stopped by the node count.
    let mut flat = String::from("services:\n  web:\n    image: nginx\nx-list: [");
    while flat.len() < MAX_INPUT_BYTES - 16 {
        flat.push_str("1,");
    }
    flat.push_str("1]\n");
    let message = refused_by_a_limit("flat.yaml", &flat);
    assert!(message.contains("nodes"), "{message}");

    // Many services, each with a named volume of its own (so each is stateful and apart):
    // merged down to 64 components within the time bound at the service limit (20,000 took
    // 75 s unoptimised before it), refused one past it.
    let many = |services: usize| {
        let mut text = String::from("services:\n");
        for i in 0..services {
            let _ = writeln!(text, "  s{i}: {{image: app, volumes: ['v{i}:/data']}}");
        }
        text.push_str("volumes:\n");
        for i in 0..services {
            let _ = writeln!(text, "  v{i}:");
        }
        text
    };
    let start = Instant::now();
    let imported = import_str(&many(MAX_SERVICES), "many.yaml").expect("imports at the limit");
    let elapsed = start.elapsed();
    assert!(elapsed < Duration::from_secs(MAX_SECONDS), "{MAX_SERVICES} services took {elapsed:?}");
    assert_eq!(imported.components.len(), 64);
    let message = refused_by_a_limit("too-many.yaml", &many(MAX_SERVICES + 1));
    assert!(message.contains("5001 services or workloads; an import reads at most 5000"), "{message}");

    if let Some(peak) = peak_resident_kib() {
        assert!(peak < MAX_RESIDENT_KIB, "peak resident {peak} KiB");
    }
}
