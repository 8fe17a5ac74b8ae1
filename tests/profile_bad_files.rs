//! The corpus of refused files in `tests/bad_profiles/`: each is refused with a message that
//! names the file, the place (line:column) where there is one, and what is wrong.

use std::path::{Path, PathBuf};

use podvisor::profile::{self, LoadError};

/// A bad file, the `line:column` its message must give (None for whole-file problems), and
/// words the message must hold.
type Case = (&'static str, Option<(usize, usize)>, &'static [&'static str]);

const CASES: &[Case] = &[
    ("syntax_missing_comma.ron", Some((5, 5)), &["expected comma"]),
    ("unclosed_string.ron", Some((4, 11)), &["expected end of string"]),
    ("unexpected_end.ron", Some((6, 22)), &["unexpected end of file"]),
    ("trailing_text.ron", Some((6, 1)), &["unexpected text after", "closing `)`"]),
    ("not_a_profile.ron", Some((1, 1)), &["expected `(`", "profile"]),
    ("wrong_type_text_for_integer.ron", Some((5, 20)), &["workload.services", "expected a whole number", "\"ten\""]),
    ("wrong_type_real_for_integer.ron", Some((5, 19)), &["workload.services", "expected a whole number", "2.5"]),
    (
        "wrong_type_number_for_flag.ron",
        Some((5, 32)),
        &["workload.nested_virtualization", "`true` or `false`", "found 1"],
    ),
    ("wrong_type_section.ron", Some((4, 14)), &["expected `(`", "`workload`"]),
    ("unknown_field.ron", Some((5, 9)), &["unknown field `replica`", "`workload`", "did you mean `replicas`?"]),
    ("unknown_top_level_field.ron", Some((4, 5)), &["unknown field `wieghts`", "top level", "did you mean `weights`?"]),
    ("field_in_wrong_section.ron", Some((6, 9)), &["`host_cores` belongs in `environment`", "not in `workload`"]),
    ("duplicate_field.ron", Some((6, 9)), &["`environment.host_cores`", "given twice"]),
    (
        "unknown_criterion.ron",
        Some((5, 10)),
        &["unknown criterion `isolatoin`", "`weights`", "did you mean `isolation`?"],
    ),
    ("unknown_assumption.ron", Some((5, 10)), &["unknown assumption `vm_boot`", "did you mean `vm_boot_seconds`?"]),
    (
        "unknown_host.ron",
        Some((5, 16)),
        &["environment.host", "\"aws/m6i.4xlarg\" is not custom or a catalog id", "did you mean aws/m6i.4xlarge"],
    ),
    (
        "unknown_flavour.ron",
        Some((5, 22)),
        &["environment.kubernetes", "unknown flavour \"ekss\"", "did you mean \"eks\"?"],
    ),
    ("nan_hours.ron", Some((5, 29)), &["environment.runs_hours_per_day", "NaN is not a number"]),
    (
        "zero_host_price.ron",
        Some((6, 30)),
        &["environment.host_price_per_hour", "a price of 0.0 per hour is refused", "positive number"],
    ),
    ("wrong_format.ron", Some((2, 14)), &["format", "\"podvisor-evaluation\"", "not a Podvisor profile"]),
    ("missing_format.ron", Some((4, 1)), &["no `format` field"]),
    ("missing_version.ron", Some((4, 1)), &["no `version` field", "version: 3"]),
    ("newer_version.ron", Some((5, 14)), &["version: 4 is newer", "reads versions 1 to 3"]),
    ("version_zero.ron", Some((3, 14)), &["version: 0 is not a valid version", "reads versions 1 to 3"]),
    ("unknown_option.ron", Some((5, 22)), &["options: unknown option `containers`", "did you mean `container`"]),
    ("repeated_option.ron", Some((5, 35)), &["options: `vm` is listed twice"]),
    (
        "single_option.ron",
        Some((5, 26)),
        &["a single option (`container`) is refused", "at least 2 are needed to compare"],
    ),
    ("unknown_placement.ron", Some((6, 52)), &["components[1].placement: unknown option `vms`", "did you mean `vm`"]),
    ("version_2_with_workload.ron", Some((5, 5)), &["`workload` is a version 1 field", "inside `components`"]),
    (
        "version_1_with_options.ron",
        Some((5, 5)),
        &["`options` is a field of version 2 and later", "declares `version: 1`"],
    ),
    ("nan.ron", Some((5, 22)), &["workload.peak_factor", "NaN is not a number"]),
    ("infinite.ron", Some((5, 22)), &["weights.isolation", "inf is not allowed"]),
    ("not_utf8.ron", Some((4, 16)), &["not UTF-8", "0xe9", "offset 65"]),
    ("empty.ron", None, &["the file is empty"]),
    ("whitespace_only.ron", None, &["only whitespace"]),
];

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_profiles")
}

fn refusal(path: &Path) -> LoadError {
    match profile::load_file(path) {
        Ok(loaded) => panic!("{} was accepted: {:?}", path.display(), loaded.warnings),
        Err(error) => error,
    }
}

#[test]
fn every_bad_file_is_refused_with_file_place_and_reason() {
    for (name, position, words) in CASES {
        let path = corpus().join(name);
        let error = refusal(&path);
        let message = error.to_string();
        let place = position.map_or(String::new(), |(line, column)| format!(":{line}:{column}"));
        let head = format!("{}{place}: ", path.display());
        assert!(message.starts_with(&head), "{name}: expected to start with {head:?}: {message}");
        assert_eq!(error.position(), *position, "{name}: {message}");
        for word in *words {
            assert!(message.contains(word), "{name}: {word:?} missing from {message}");
        }
    }
}

#[test]
fn the_corpus_and_the_table_agree() {
    let mut on_disk: Vec<String> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CASES.iter().map(|(name, ..)| (*name).to_owned()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
    for path in std::fs::read_dir(corpus()).unwrap() {
        let size = path.unwrap().metadata().unwrap().len();
        assert!(size < 1024, "keep the corpus small");
    }
}

#[test]
fn a_host_price_must_be_a_positive_finite_number() {
    let file = |price: &str| {
        format!(
            "(format: \"podvisor-profile\", version: 2,\n environment: (host: \"aws/m6i.large\",\n host_price_per_hour: {price}))"
        )
    };
    for (price, words) in [
        ("-0.5", "a price of -0.5 per hour is refused"),
        ("-1", "a price of -1.0 per hour is refused"),
        ("NaN", "NaN is not a number"),
        ("inf", "inf is not allowed"),
        ("\"cheap\"", "expected a price per hour in US dollars"),
    ] {
        let error = profile::parse(file(price).as_bytes(), "shop.ron").expect_err(price).to_string();
        assert!(error.starts_with("shop.ron:3:"), "{price}: {error}");
        assert!(error.contains("environment.host_price_per_hour") && error.contains(words), "{price}: {error}");
    }
    let loaded = profile::parse(file("0.05").as_bytes(), "shop.ron").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.profile.environment.host_price_per_hour, Some(0.05));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    // On owned hardware the price has nothing to replace: dropped, with a word.
    let owned = file("0.05").replace("aws/m6i.large", "custom");
    let loaded = profile::parse(owned.as_bytes(), "shop.ron").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.profile.environment.host_price_per_hour, None);
    let dropped = loaded.warnings.iter().find(|w| w.why == profile::Why::PricesOnlyCatalogHosts);
    let dropped = dropped.unwrap_or_else(|| panic!("{:?}", loaded.warnings));
    assert_eq!(
        (dropped.path.as_str(), dropped.from.as_str(), dropped.to.as_deref()),
        ("environment.host_price_per_hour", "0.05", None)
    );
    assert!(dropped.to_string().contains("ignored"), "{dropped}");
}

#[test]
fn a_file_over_one_mib_is_refused_before_it_is_read() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    // Sparse: the size check must not need the contents.
    file.set_len(profile::MAX_BYTES + 1).unwrap();
    let error = refusal(&path);
    assert_eq!(error.position(), None);
    let message = error.to_string();
    assert!(message.contains("1048577 bytes") && message.contains("at most 1048576"), "{message}");
    // At exactly the limit the size passes and the content decides: a MiB of NUL bytes is
    // refused as text that is not a profile, not for its size.
    std::fs::File::options().write(true).open(&path).unwrap().set_len(profile::MAX_BYTES).unwrap();
    assert!(!refusal(&path).to_string().contains("at most"));
}

#[test]
fn deep_nesting_is_refused_without_exhausting_the_stack() {
    const DEPTH: usize = 200_000;
    let head = "(format: \"podvisor-profile\", version: 1, ";
    let cases = [
        "(".repeat(DEPTH),
        "[".repeat(DEPTH),
        format!("{head}notes: {}", "(".repeat(DEPTH)),
        format!("{head}notes: {}", "[".repeat(DEPTH)),
        format!("{head}weights: {{ \"isolation\": {} }})", "[".repeat(DEPTH)),
        format!("{head}workload: (services: {}", "Some(".repeat(DEPTH)),
        format!("{head}future_section: {}{})", "(a: ".repeat(DEPTH), ")".repeat(DEPTH)),
    ];
    for text in cases {
        let error = profile::parse(text.as_bytes(), "deep.ron").expect_err("deep nesting accepted");
        assert!(error.position().is_some(), "{error}");
    }
    // The header pass skips unknown fields; it is where ron's recursion limit matters.
    let skipped = format!("(format: \"podvisor-profile\", version: 1, notes: {})", "[".repeat(DEPTH));
    let message = profile::parse(skipped.as_bytes(), "deep.ron").unwrap_err().to_string();
    assert!(message.contains("nested too deeply"), "{message}");
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let error = refusal(Path::new("/nonexistent/shop.ron"));
    assert!(error.to_string().starts_with("/nonexistent/shop.ron: cannot read the file"), "{error}");
}
