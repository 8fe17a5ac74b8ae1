//! Loading profiles: checks on the bytes, then the two reading passes of [`super::read`].
//!
//! Loading is a pure function of the bytes: it returns a new profile or an error and
//! touches nothing else, so a file that fails to load cannot disturb the profile on screen.

use std::io::Read as _;
use std::path::Path;

use ron::error::{Error as RonError, SpannedError};

use super::read::{Body, Header};
use super::{LoadError, Profile};

/// Largest profile accepted. Real profiles are a few KiB; the cap keeps a wrong file (a
/// log, a disk image) from being read whole into memory and parsed.
pub const MAX_BYTES: u64 = 1024 * 1024;

/// Deepest nesting ron may follow. A valid profile reaches six as ron counts (profile,
/// `components`, component, section, value, with keys counted on the way); anything near
/// the limit is garbage, and stopping early means no input can exhaust the stack.
const RECURSION_LIMIT: usize = 16;

/// A profile that loaded, and what had to be adjusted on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub profile: Profile,
    /// What had to be changed for the file to load (values clamped into range, a field that
    /// does not apply dropped), each naming the field, the value given and what it became.
    pub warnings: Vec<super::Adjustment>,
}

/// Reads and validates a profile file. The size is checked before the file is read, and
/// at most [`MAX_BYTES`] + 1 bytes are ever read (a pipe or special file reports no size).
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let origin = path.display().to_string();
    let io = |source| LoadError::Io { origin: origin.clone(), source };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_BYTES {
        return Err(too_large(&origin, size));
    }
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    parse(&bytes, &origin)
}

/// Parses and validates profile text; `origin` names it in messages (usually the path).
/// Pure — it returns a new profile or an error and changes nothing else — and never
/// panics, whatever the bytes.
pub fn parse(bytes: &[u8], origin: &str) -> Result<Loaded, LoadError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_BYTES {
        return Err(too_large(origin, size));
    }
    // Some Windows editors start UTF-8 files with a byte-order mark; it carries nothing.
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| not_utf8(origin, bytes, &error))?;
    if text.trim().is_empty() {
        let message = if text.is_empty() { "the file is empty" } else { "the file holds only whitespace" };
        return Err(LoadError::Invalid {
            origin: origin.to_owned(),
            message: format!("{message}; a profile starts with `(` and `format: \"podvisor-profile\"`"),
        });
    }
    let options = ron::Options::default().with_recursion_limit(RECURSION_LIMIT);
    let located = |error| located(origin, error);
    let version = options.from_str_seed(text, Header).map_err(located)?;
    let mut warnings = Vec::new();
    let mut profile = options.from_str_seed(text, Body { version, warnings: &mut warnings }).map_err(located)?;
    if version == 1 {
        // Version 1 had one slider for both threats: its isolation need ran from "one trusted
        // team" to "hostile multi-tenant", so it also said how untrusted the neighbours' code
        // is. Reading it into both keeps a version-1 file's isolation arithmetic exactly.
        profile.workload_mut().untrusted_code = profile.workload().isolation_need;
    }
    Ok(Loaded { profile, warnings })
}

fn too_large(origin: &str, size: u64) -> LoadError {
    LoadError::Invalid {
        origin: origin.to_owned(),
        message: format!("the file is {size} bytes; a profile may be at most {MAX_BYTES} bytes (1 MiB)"),
    }
}

/// Points at the first byte that is not UTF-8, as line:column like every other error.
fn not_utf8(origin: &str, bytes: &[u8], error: &std::str::Utf8Error) -> LoadError {
    let offset = error.valid_up_to();
    let valid = String::from_utf8_lossy(&bytes[..offset]);
    let (line, column) = end_position(&valid);
    let byte = bytes.get(offset).copied().unwrap_or_default();
    LoadError::Syntax {
        origin: origin.to_owned(),
        line,
        column,
        message: format!("not UTF-8 text: byte {byte:#04x} at offset {offset}; save the file as UTF-8"),
    }
}

/// The line and column just after `text`, counted as ron counts them (columns in chars).
fn end_position(text: &str) -> (usize, usize) {
    let line = 1 + text.matches('\n').count();
    let column = 1 + text.rsplit('\n').next().map_or(0, |last| last.chars().count());
    (line, column)
}

/// A ron error with its place. Messages raised by the readers are schema errors and already
/// worded for people; ron's own are syntax errors, reworded where ron speaks to programmers.
fn located(origin: &str, error: SpannedError) -> LoadError {
    let origin = origin.to_owned();
    // ron's span starts where the profile ended; the stray text starts where it ends.
    let at = if error.code == RonError::TrailingCharacters { error.span.end } else { error.span.start };
    let (line, column) = (at.line, at.col);
    match error.code {
        RonError::Message(message) => LoadError::Schema { origin, line, column, message },
        code => LoadError::Syntax { origin, line, column, message: syntax_message(&code) },
    }
}

fn syntax_message(code: &RonError) -> String {
    match code {
        RonError::Eof => "unexpected end of file; is a closing bracket or quote missing?".to_owned(),
        RonError::ExceededRecursionLimit => {
            "nested too deeply; a profile nests only sections inside the outer `( … )`".to_owned()
        }
        RonError::TrailingCharacters => "unexpected text after the profile's closing `)`".to_owned(),
        RonError::ExpectedNamedStructLike(name) => {
            format!("expected `(` to open `{}`", name.to_lowercase())
        }
        RonError::ExpectedIdentifier => "expected a field name".to_owned(),
        RonError::ExpectedMap => "expected `{` to open a map such as `{ \"id\": 1.0 }`".to_owned(),
        other => {
            // ron capitalises its messages; ours continue after "file:line:column: ".
            let text = other.to_string();
            let mut chars = text.chars();
            chars.next().map_or_else(String::new, |first| first.to_lowercase().chain(chars).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::profile::{MAX_COMPONENTS, VERSION};
    use crate::model::{AssumptionId, CriterionId, OptionId};

    const HEAD: &str = "(format: \"podvisor-profile\", version: 1, ";

    fn load(fields: &str) -> Result<Loaded, LoadError> {
        parse(format!("{HEAD}{fields})").as_bytes(), "t.ron")
    }

    #[test]
    fn choice_fields_accept_their_words_only() {
        let loaded = load("environment: (vm_patching: \"golden_images\")").unwrap();
        assert_eq!(loaded.profile.choice("vm_patching"), "golden_images");
        let error = load("environment: (vm_patching: \"sometimes\")").unwrap_err().to_string();
        assert!(error.contains("environment.vm_patching") && error.contains("\"golden_images\""), "{error}");
    }

    #[test]
    fn missing_fields_keep_their_defaults() {
        let loaded = load("workload: (services: 7)").unwrap();
        let mut expected = Profile::default();
        expected.workload_mut().services = 7;
        // A version-1 file: its isolation need also says how untrusted the code is.
        expected.workload_mut().untrusted_code = expected.workload().isolation_need;
        assert_eq!(loaded.profile, expected);
        assert!(loaded.warnings.is_empty());
    }

    #[test]
    fn integers_out_of_range_clamp_even_when_negative() {
        let loaded =
            load("workload: (services: -4, isolation_need: 14), environment: (host_cores: 99999999999)").unwrap();
        assert_eq!(loaded.profile.workload().services, 1);
        assert_eq!(loaded.profile.workload().isolation_need, 10);
        assert_eq!(loaded.profile.environment.host_cores, 1024);
        let first = &loaded.warnings[0];
        assert_eq!(
            (first.path.as_str(), first.from.as_str(), first.to.as_deref()),
            ("workload.services", "-4", Some("1"))
        );
        assert_eq!(first.why, crate::profile::Why::BelowMinimum);
        assert_eq!(
            loaded.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
            [
                "workload.services: -4 is below the minimum 1; using 1",
                "workload.isolation_need: 14 is above the maximum 10; using 10",
                "environment.host_cores: 99999999999 is above the maximum 1024; using 1024",
            ]
        );
    }

    #[test]
    fn weights_and_assumptions_clamp_to_their_own_ranges() {
        let loaded = load("weights: {\"isolation\": 9, \"nesting\": 2.5}, assumptions: {\"vm_boot_seconds\": -5, \"vm_io_efficiency\": 1.5}").unwrap();
        assert_eq!(loaded.profile.weights[CriterionId::ISOLATION.key()], 5.0);
        assert_eq!(loaded.profile.weights[CriterionId::NESTING.key()], 2.5);
        assert_eq!(loaded.profile.assumptions[&AssumptionId::VmBootSeconds], 5.0);
        assert_eq!(loaded.profile.assumptions[&AssumptionId::VmIoEfficiency], 1.0);
        assert_eq!(
            loaded.warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
            [
                "weights.isolation: 9.0 is above the maximum 5.0; using 5.0",
                "assumptions.vm_boot_seconds: -5.0 is below the minimum 5.0; using 5.0",
                "assumptions.vm_io_efficiency: 1.5 is above the maximum 1.0; using 1.0",
            ]
        );
    }

    #[test]
    fn reals_accept_integers_but_integers_refuse_reals() {
        assert_eq!(load("workload: (peak_factor: 4)").unwrap().profile.workload().peak_factor, 4.0);
        let error = load("workload: (replicas: 3.0)").unwrap_err();
        assert!(error.to_string().contains("workload.replicas: expected a whole number, found 3.0"), "{error}");
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let text = format!("\u{feff}{HEAD})");
        assert!(parse(text.as_bytes(), "t.ron").is_ok());
    }

    #[test]
    fn size_is_checked_before_parsing() {
        let mut text = format!("{HEAD}notes: \"");
        text.push_str(&"x".repeat(usize::try_from(MAX_BYTES).unwrap()));
        text.push_str("\")");
        let error = parse(text.as_bytes(), "big.ron").unwrap_err();
        assert!(error.to_string().starts_with("big.ron: the file is 1048"), "{error}");
        assert_eq!(error.position(), None);
    }

    #[test]
    fn positions_count_lines_and_chars() {
        assert_eq!(end_position(""), (1, 1));
        assert_eq!(end_position("ab"), (1, 3));
        assert_eq!(end_position("ab\nü"), (2, 2));
        assert_eq!(end_position("ab\n"), (2, 1));
    }

    const V2: &str = "(format: \"podvisor-profile\", version: 2, ";

    /// The refusal of a one-line version 2 profile: its column and message.
    fn refused(fields: &str) -> (usize, String) {
        let error = parse(format!("{V2}{fields})").as_bytes(), "t.ron").unwrap_err();
        let (line, column) = error.position().unwrap_or_else(|| panic!("no place: {error}"));
        assert_eq!(line, 1, "{error}");
        (column, error.message())
    }

    /// The 1-based column of `token` within the version 2 profile holding `fields` (ron
    /// places a string at its first character, inside the quote).
    fn column_of(fields: &str, token: &str) -> usize {
        V2.chars().count() + fields[..fields.find(token).expect("token")].chars().count() + 1
    }

    #[test]
    fn a_version_2_profile_reads_its_options_and_component() {
        let fields = "options: [\"container\", \"vm\"], components: [(name: \"Shop\", workload: (services: 7))]";
        let loaded = parse(format!("{V2}{fields})").as_bytes(), "t.ron").unwrap();
        assert_eq!(loaded.profile.options, [OptionId::CONTAINER, OptionId::VM]);
        assert_eq!(loaded.profile.components[0].name, "Shop");
        assert_eq!(loaded.profile.workload().services, 7);
        let sparse = parse(format!("{V2})").as_bytes(), "t.ron").unwrap().profile;
        assert_eq!(sparse, Profile::default(), "every field may be missing");
    }

    #[test]
    fn a_version_1_profile_compares_vms_and_containers() {
        let loaded = load("name: \"Old\", workload: (services: 7)").unwrap();
        assert_eq!(loaded.profile.options, [OptionId::VM, OptionId::CONTAINER]);
        assert_eq!(loaded.profile.components[0].name, crate::model::profile::DEFAULT_COMPONENT);
        assert_eq!(loaded.profile.version, VERSION);
        assert_eq!(loaded.profile.workload().services, 7);
    }

    #[test]
    fn unknown_options_are_refused_with_the_closest_ids() {
        let fields = "options: [\"vm\", \"containr\"]";
        let (column, message) = refused(fields);
        assert_eq!(column, column_of(fields, "containr\""), "{message}");
        assert_eq!(message, "options: unknown option `containr`; did you mean `container`?");
        let (_, message) = refused("options: [\"vm\", \"lxc\"]");
        assert!(message.starts_with("options: unknown option `lxc`; expected one of: vm, container"), "{message}");
    }

    #[test]
    fn an_option_that_is_not_quoted_text_is_refused() {
        let fields = "options: [\"vm\", 2]";
        let (column, message) = refused(fields);
        assert_eq!(column, column_of(fields, "2]"), "{message}");
        assert_eq!(message, "options: expected a quoted option id such as \"vm\", found 2");
    }

    #[test]
    fn a_repeated_option_is_refused_where_it_repeats() {
        let fields = "options: [\"vm\", \"container\", \"vm\"]";
        let (column, message) = refused(fields);
        assert_eq!(column, column_of(fields, "vm\"]"), "{message}");
        assert_eq!(message, "options: `vm` is listed twice; each option may appear once");
    }

    #[test]
    fn fewer_than_two_options_are_refused() {
        let (column, message) = refused("options: [\"vm\"]");
        assert!(column > V2.len(), "{message}");
        assert!(
            message.starts_with(
                "options: a single option (`vm`) is refused: at least 2 are needed to compare; add one of: container"
            ),
            "{message}"
        );
        let (_, message) = refused("options: []");
        assert!(
            message.starts_with("options: the list is empty; at least 2 options are needed to compare"),
            "{message}"
        );
        let fields = "options: \"vm\"";
        let (column, message) = refused(fields);
        assert_eq!(column, column_of(fields, "vm\""), "{message}");
        assert!(message.starts_with("options: expected a list of at least 2 option ids"), "{message}");
    }

    #[test]
    fn more_than_four_options_are_refused_at_the_fifth() {
        let fields = "options: [\"vm\", \"container\", \"containers_on_vms\", \"microvm\", \"vm\"]";
        let (column, message) = refused(fields);
        assert_eq!(column, column_of(fields, "vm\"]"), "{message}");
        assert_eq!(message, "options: at most 4 options are compared at once; `vm` would be the 5th");
    }

    #[test]
    fn a_profile_holds_one_to_sixty_four_components() {
        let (_, message) = refused("components: []");
        assert!(
            message.starts_with("components: the list is empty; a profile holds at least one component"),
            "{message}"
        );
        let fields = "components: [(name: \"Web\"), (name: \"Database\", placement: Some(\"vm\"), current: \"container\", workload: (replicas: 3))]";
        let loaded = parse(format!("{V2}{fields})").as_bytes(), "t.ron").unwrap();
        let [web, database] = loaded.profile.components.as_slice() else { panic!("two components") };
        assert_eq!((web.name.as_str(), web.placement, web.current), ("Web", None, OptionId::VM));
        assert_eq!((database.placement, database.current), (Some(OptionId::VM), OptionId::CONTAINER));
        assert_eq!(database.workload.replicas, 3);
        let many = vec!["(name: \"x\")"; MAX_COMPONENTS + 1].join(", ");
        let fields = format!("components: [{many}]");
        let (column, message) = refused(&fields);
        assert_eq!(column, V2.chars().count() + fields.rfind("(name").unwrap() + 1, "{message}");
        assert!(message.starts_with("components: at most 64 components are scored"), "{message}");
        let fields = "components: [(nme: \"Web\")]";
        let (column, message) = refused(fields);
        assert_eq!(column, column_of(fields, "nme"), "{message}");
        assert_eq!(message, "unknown field `nme` in a component; did you mean `name`?");
    }

    #[test]
    fn fields_of_the_other_version_are_refused_naming_both() {
        let fields = "name: \"x\", workload: (services: 3)";
        let (column, message) = refused(fields);
        assert_eq!(column, column_of(fields, "workload"), "{message}");
        assert!(
            message.starts_with("`workload` is a version 1 field; a version 2 profile holds it inside `components`"),
            "{message}"
        );
        for field in ["options: [\"vm\", \"container\"]", "components: []"] {
            let error = load(field).unwrap_err();
            let name = field.split(':').next().unwrap_or_default();
            assert_eq!(error.position(), Some((1, HEAD.len() + 1)), "{error}");
            let expected = format!(
                "`{name}` is a field of version 2 and later, but this file declares `version: 1`; write `version: 3`"
            );
            assert!(error.message().starts_with(&expected), "{error}");
        }
    }

    #[test]
    fn a_newer_version_is_refused_naming_both_versions() {
        let error = parse(b"(format: \"podvisor-profile\", version: 4)", "t.ron").unwrap_err();
        assert_eq!(
            error.message(),
            "version: 4 is newer than this build of Podvisor reads (it reads versions 1 to 3); open the file with a newer Podvisor"
        );
        assert!(error.position().is_some());
    }
}
