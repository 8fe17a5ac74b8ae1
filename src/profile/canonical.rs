//! The canonical text of a profile, written by hand rather than by ron's pretty printer so
//! that the layout is ours to keep stable: every field, in schema order, one per line, with
//! numbers written one way only. Saving twice gives the same bytes, and moving one slider
//! changes one line, which keeps profiles in git diffable.

use super::schema::{ComponentField, Section, TopField};
use super::{FORMAT, Profile, VERSION};
use crate::builtin::Described as _;
use crate::model::criteria::MAX_WEIGHT;
use crate::model::profile::fields::{Field, FieldKind, FieldMeta};
use crate::model::profile::{MAX_OPTIONS, MIN_OPTIONS};
use crate::model::{AssumptionId, CRITERIA, TraitKind};

/// Room left for a value before the trailing comment, so comments line up within a block
/// whatever the value; a longer value pushes only its own comment.
const VALUE_ROOM: usize = 12;

/// One level of indentation.
const INDENT: &str = "    ";

/// The canonical text of a profile, in the schema this build writes (version 1 files are
/// read, never written). It always declares this build's format and version: that is the
/// layout it writes, whatever `profile.format`/`version` hold.
pub fn to_canonical_string(profile: &Profile) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str("(\n");
    for field in TopField::ALL {
        write_top_field(&mut out, profile, field);
    }
    out.push_str(")\n");
    out
}

fn write_top_field(out: &mut String, profile: &Profile, field: TopField) {
    let key = field.key();
    match field {
        TopField::Format => plain(out, key, &text(FORMAT)),
        TopField::Version => plain(out, key, &VERSION.to_string()),
        TopField::Name => plain(out, key, &text(&profile.name)),
        TopField::Notes => plain(out, key, &text(&profile.notes)),
        TopField::Options => {
            let ids: Vec<String> = profile.options.iter().map(|id| text(id.key())).collect();
            let entry = format!("{INDENT}{key}: [{}],", ids.join(", "));
            let note = format!("{MIN_OPTIONS}–{MAX_OPTIONS} option ids, no repeats, in display order");
            out.push_str(&format!("{entry} // {note}\n"));
        }
        TopField::Components => write_components(out, profile),
        TopField::Section(section) => write_section(out, profile, section, 1),
        TopField::Weights => {
            let criteria = CRITERIA.iter().map(|spec| spec.key);
            let weights = profile.weights.iter().map(|(key, value)| (*key, *value, range_note(0.0, MAX_WEIGHT, "")));
            write_map(out, key, weights.collect(), criteria);
        }
        TopField::Assumptions => {
            let assumptions = AssumptionId::ALL.iter().map(|id| id.key());
            let overrides = profile.assumptions.iter().map(|(id, value)| {
                let spec = id.spec();
                (id.key(), *value, range_note(spec.min, spec.max, &spec.unit))
            });
            write_map(out, key, overrides.collect(), assumptions);
        }
    }
}

/// `components`: each component's name, placement, current option and workload.
fn write_components(out: &mut String, profile: &Profile) {
    let (inner, fields) = (INDENT.repeat(2), INDENT.repeat(3));
    out.push_str(&format!("{INDENT}{}: [\n", TopField::Components.key()));
    for (index, component) in profile.components.iter().enumerate() {
        out.push_str(&format!("{inner}(\n"));
        for field in ComponentField::ALL {
            let key = field.key();
            match field {
                ComponentField::Name => out.push_str(&format!("{fields}{key}: {},\n", text(&component.name))),
                ComponentField::Placement => {
                    let pin =
                        component.placement.map_or_else(|| "None".to_owned(), |id| format!("Some({})", text(id.key())));
                    out.push_str(&format!("{fields}{key}: {pin},\n"));
                }
                ComponentField::Current => {
                    out.push_str(&format!("{fields}{key}: {},\n", text(component.current.key())));
                }
                ComponentField::Purchase => {
                    if let Some(purchase) = component.purchase {
                        out.push_str(&format!("{fields}{key}: Some({}),\n", text(purchase.key())));
                    }
                }
                ComponentField::Workload => write_section(out, &profile.focus(index), Section::Workload, 3),
            }
        }
        out.push_str(&format!("{inner}),\n"));
    }
    out.push_str(&format!("{INDENT}],\n"));
}

/// A top-level `key: value,` line.
fn plain(out: &mut String, key: &str, value: &str) {
    out.push_str(&format!("{INDENT}{key}: {value},\n"));
}

/// A section opened at `depth` levels of indentation, its fields one level deeper: every
/// field of the section in file order, an optional one only when it is not its default.
fn write_section(out: &mut String, profile: &Profile, section: Section, depth: usize) {
    let (outer, inner) = (INDENT.repeat(depth), INDENT.repeat(depth + 1));
    out.push_str(&format!("{outer}{}: (\n", section.key()));
    let column = comment_column(&inner, section.field_names().into_iter().map(str::len));
    for field in section.fields() {
        match field {
            Field::Trait(id) => {
                let meta = id.meta();
                let value = profile.get(id);
                let (value, note) = match meta.kind {
                    TraitKind::Integer => (format!("{value:.0}"), range_note(meta.min, meta.max, meta.unit)),
                    TraitKind::Real => (real(value), range_note(meta.min, meta.max, meta.unit)),
                    TraitKind::Flag => ((value >= 0.5).to_string(), "true or false".to_owned()),
                };
                commented(out, &inner, meta.key, &value, &note, column);
            }
            Field::Other(meta) if meta.optional && meta.is_default(profile) => {}
            Field::Other(meta) => match meta.kind {
                FieldKind::Section(nested) => write_section(out, profile, nested, depth + 1),
                _ => commented(out, &inner, meta.key, &value_of(profile, meta), &meta.note(), column),
            },
        }
    }
    out.push_str(&format!("{outer}),\n"));
}

/// A non-numeric field's value as a file writes it (a nested section has none of its own).
fn value_of(profile: &Profile, meta: &FieldMeta) -> String {
    match meta.kind {
        FieldKind::Word(words) => text((words.get)(profile)),
        FieldKind::Text { get, .. } | FieldKind::Host { get, .. } => text(get(profile)),
        FieldKind::Price { get, .. } => get(profile).map_or_else(String::new, real),
        FieldKind::Flag { get, .. } => get(profile).to_string(),
        FieldKind::Section(_) => String::new(),
    }
}

/// A map of overrides, one entry per line in key order; `note` describes a key's range (keys
/// the model does not know get no comment, though a loaded profile never holds any). The
/// comment column comes from every key the map `may_hold`, not the ones present, so adding
/// an entry does not re-indent the others.
/// A map of overrides: `(key, value, note)` entries, written in key order. `may_hold` lists
/// every key the map may hold, so comments line up the same whichever are set.
fn write_map<'a>(
    out: &mut String,
    key: &str,
    mut entries: Vec<(&str, f64, String)>,
    may_hold: impl Iterator<Item = &'a str>,
) {
    if entries.is_empty() {
        out.push_str(&format!("{INDENT}{key}: {{}},\n"));
        return;
    }
    out.push_str(&format!("{INDENT}{key}: {{\n"));
    let inner = INDENT.repeat(2);
    let column = comment_column(&inner, may_hold.map(|k| text(k).len()));
    entries.sort_by(|a, b| a.0.cmp(b.0));
    for (name, value, note) in entries {
        commented(out, &inner, &text(name), &real(value), &note, column);
    }
    out.push_str(&format!("{INDENT}}},\n"));
}

/// The column where a block's comments start, from its indentation and longest key.
fn comment_column(indent: &str, key_lengths: impl Iterator<Item = usize>) -> usize {
    indent.len() + key_lengths.max().unwrap_or(0) + ": ".len() + VALUE_ROOM
}

/// A `key: value,` line at `indent` with a trailing `// note` at `column`.
fn commented(out: &mut String, indent: &str, key: &str, value: &str, note: &str, column: usize) {
    let entry = format!("{indent}{key}: {value},");
    let pad = column.saturating_sub(entry.chars().count()).max(1);
    out.push_str(&format!("{entry}{:pad$}// {note}\n", ""));
}

/// `min–max unit`, for the comment after a value; `/week` and `×` attach to the number, as
/// the app shows them.
fn range_note(min: f64, max: f64, unit: &str) -> String {
    let space = if unit.is_empty() || unit.starts_with(['/', '×']) { "" } else { " " };
    format!("{min}–{max}{space}{unit}")
}

/// A real number: the shortest text that reads back to the same `f64`, always with a
/// decimal point (`2.0`, `0.5`, `1.0e-7`) so it is visibly not an integer field.
pub(super) fn real(value: f64) -> String {
    // Negative zero would read back equal but print as `-0.0`.
    let value = if value == 0.0 { 0.0 } else { value };
    let text = format!("{value:?}");
    match text.split_once('e') {
        Some((mantissa, exponent)) if !mantissa.contains('.') => format!("{mantissa}.0e{exponent}"),
        _ => text,
    }
}

/// A string literal that reads back to exactly `value`. Multi-line text becomes a raw string
/// (`r#"…"#`) so that notes stay readable and diff line by line; text with other control
/// characters (a carriage return, say) is escaped instead, so no editor or git setting can
/// silently change it.
fn text(value: &str) -> String {
    let raw_safe = value.chars().all(|c| c == '\n' || c == '\t' || !c.is_control());
    if value.contains('\n') && raw_safe {
        let hashes = "#".repeat(raw_hashes(value));
        return format!("r{hashes}\"{value}\"{hashes}");
    }
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// How many `#` a raw string needs: one more than the longest run of `#` after a quote in
/// the text, since the string ends at the first quote followed by that many.
fn raw_hashes(value: &str) -> usize {
    value
        .match_indices('"')
        .map(|(at, _)| value[at + 1..].chars().take_while(|&c| c == '#').count() + 1)
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reals_always_have_a_decimal_point_and_round_trip() {
        assert_eq!(real(2.0), "2.0");
        assert_eq!(real(0.5), "0.5");
        assert_eq!(real(-0.0), "0.0");
        assert_eq!(real(1e-7), "1.0e-7");
        assert_eq!(real(1.5e300), "1.5e300");
        assert_eq!(real(0.1 + 0.2), "0.30000000000000004");
        for value in [1e-7, 1.5e300, 0.1 + 0.2, 65536.0, 123_456.789] {
            let back: f64 = ron::from_str(&real(value)).unwrap();
            assert_eq!(back.to_bits(), value.to_bits(), "{value}");
        }
    }

    #[test]
    fn text_escapes_or_goes_raw() {
        assert_eq!(text("USD"), "\"USD\"");
        assert_eq!(text("say \"hi\" \\ bye"), r#""say \"hi\" \\ bye""#);
        assert_eq!(text("a\r\nb"), r#""a\r\nb""#);
        assert_eq!(text("bell\u{7}"), r#""bell\u{7}""#);
        assert_eq!(text("two\nlines"), "r\"two\nlines\"");
        assert_eq!(text("a \"quote\"\nand \"# too"), "r##\"a \"quote\"\nand \"# too\"##");
        for value in ["two\nlines", "a \"quote\"\nand \"# too\"##", "x\"#\n", "\\n\n\t", "bell\u{7}\r\n", "ünï\u{2028}"]
        {
            let back: String = ron::from_str(&text(value)).unwrap();
            assert_eq!(back, value);
        }
    }

    #[test]
    fn notes_comment_ranges_and_units() {
        assert_eq!(range_note(1.0, 500.0, ""), "1–500");
        assert_eq!(range_note(16.0, 65536.0, "MiB"), "16–65536 MiB");
        assert_eq!(range_note(0.0, 1000.0, "/week"), "0–1000/week");
        assert_eq!(range_note(1.0, 20.0, "×"), "1–20×");
        assert_eq!(range_note(0.001, 3650.0, "days"), "0.001–3650 days");
    }

    #[test]
    fn layout_of_a_default_profile() {
        let text = to_canonical_string(&Profile::default());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[..5],
            [
                "(",
                "    format: \"podvisor-profile\",",
                "    version: 3,",
                "    name: \"Untitled scenario\",",
                "    notes: \"\","
            ]
        );
        assert_eq!(lines[5], "    options: [\"vm\", \"container\"], // 2–4 option ids, no repeats, in display order");
        assert_eq!(lines[6..9], ["    components: [", "        (", "            name: \"Workload\","]);
        assert_eq!(lines[9..11], ["            placement: None,", "            current: \"vm\","]);
        assert_eq!(lines[11], "            workload: (");
        assert_eq!(lines[12], "                services: 10,                          // 1–500");
        assert!(text.contains("\n                peak_factor: 2.0,                      // 1–20×\n"), "{text}");
        assert!(text.contains("\n                nested_virtualization: false,          // true or false\n"), "{text}");
        assert!(
            text.contains("\n            ),\n        ),\n    ],\n    environment: (\n        services_per_vm: 1,"),
            "{text}"
        );
        assert!(!text.contains("team:"), "a profile states its team or leaves people unpriced: {text}");
        let mut staffed = Profile::default();
        staffed.set(crate::model::TraitId::Engineers, 2.0);
        let text = to_canonical_string(&staffed);
        assert!(text.contains("\n        team: (\n            engineers: 2.0, "), "{text}");
        assert!(text.ends_with("    weights: {},\n    assumptions: {},\n)\n"), "{text}");
    }

    #[test]
    fn arm64_ready_is_written_only_when_true_and_reads_back() {
        let mut profile = Profile::default();
        assert!(!to_canonical_string(&profile).contains("arm64_ready"));
        profile.workload_mut().arm64_ready = true;
        let text = to_canonical_string(&profile);
        assert!(text.contains("\n                arm64_ready: true,                     // its images run on arm64 hosts\n            ),"), "{text}");
        let loaded = crate::profile::parse(text.as_bytes(), "arm.ron").unwrap_or_else(|error| panic!("{error}"));
        assert!(loaded.profile.workload().arm64_ready);
        assert_eq!(loaded.profile, profile);
        // A v1 file, which has no such field, keeps its meaning: x86 images only.
        let v1 = std::fs::read("tests/profiles_v1/bursty_event_handlers.ron").unwrap_or_else(|error| panic!("{error}"));
        let old = crate::profile::parse(&v1, "v1.ron").unwrap_or_else(|error| panic!("{error}"));
        assert!(!old.profile.workload().arm64_ready);
        let wrong = text.replace("arm64_ready: true", "arm64_ready: 1");
        assert!(crate::profile::parse(wrong.as_bytes(), "bad.ron").is_err());
    }
}
