//! The canonical text of a profile, written by hand rather than by ron's pretty printer so
//! that the layout is ours to keep stable: every field, in schema order, one per line, with
//! numbers written one way only. Saving twice gives the same bytes, and moving one slider
//! changes one line, which keeps profiles in git diffable.

use super::schema::{CURRENCY, HOST, KUBERNETES, Section};
use super::{FORMAT, Profile, VERSION};
use crate::model::criteria::MAX_WEIGHT;
use crate::model::{AssumptionId, CRITERIA, TraitKind};

/// Room left for a value before the trailing comment, so comments line up within a block
/// whatever the value; a longer value pushes only its own comment.
const VALUE_ROOM: usize = 12;

const INDENT: &str = "    ";
const INNER: &str = "        ";

/// The canonical text of a profile (schema v1). It always declares this build's format and
/// version: that is the layout it writes, whatever `profile.format`/`version` hold.
pub fn to_canonical_string(profile: &Profile) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str("(\n");
    plain(&mut out, "format", &text(FORMAT));
    plain(&mut out, "version", &VERSION.to_string());
    plain(&mut out, "name", &text(&profile.name));
    plain(&mut out, "notes", &text(&profile.notes));
    for section in Section::ALL {
        write_section(&mut out, profile, section);
    }
    let criteria = CRITERIA.iter().map(|spec| spec.key);
    let weights = profile.weights.iter().map(|(id, value)| (id.spec().key, *value, range_note(0.0, MAX_WEIGHT, "")));
    write_map(&mut out, "weights", weights.collect(), criteria);
    let assumptions = AssumptionId::ALL.iter().map(|id| id.key());
    let overrides = profile.assumptions.iter().map(|(id, value)| {
        let spec = id.spec();
        (id.key(), *value, range_note(spec.min, spec.max, &spec.unit))
    });
    write_map(&mut out, "assumptions", overrides.collect(), assumptions);
    out.push_str(")\n");
    out
}

/// A top-level `key: value,` line.
fn plain(out: &mut String, key: &str, value: &str) {
    out.push_str(&format!("{INDENT}{key}: {value},\n"));
}

fn write_section(out: &mut String, profile: &Profile, section: Section) {
    out.push_str(&format!("{INDENT}{}: (\n", section.key()));
    let column = comment_column(section.field_names().into_iter().map(str::len));
    for id in section.traits() {
        let meta = id.meta();
        let value = profile.get(*id);
        let (value, note) = match meta.kind {
            TraitKind::Integer => (format!("{value:.0}"), range_note(meta.min, meta.max, meta.unit)),
            TraitKind::Real => (real(value), range_note(meta.min, meta.max, meta.unit)),
            TraitKind::Flag => ((value >= 0.5).to_string(), "true or false".to_owned()),
        };
        commented(out, meta.key, &value, &note, column);
    }
    if section == Section::Environment {
        let environment = &profile.environment;
        commented(out, CURRENCY, &text(&environment.currency), "label only; no conversion", column);
        commented(out, HOST, &text(&environment.host), "\"custom\" or a catalog id (podvisor hosts)", column);
        let flavour = text(environment.kubernetes.key());
        commented(out, KUBERNETES, &flavour, "self_managed, eks, gke or aks", column);
    }
    out.push_str(&format!("{INDENT}),\n"));
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
    let column = comment_column(may_hold.map(|k| text(k).len()));
    entries.sort_by(|a, b| a.0.cmp(b.0));
    for (name, value, note) in entries {
        commented(out, &text(name), &real(value), &note, column);
    }
    out.push_str(&format!("{INDENT}}},\n"));
}

/// The column where a block's comments start, from its longest key.
fn comment_column(key_lengths: impl Iterator<Item = usize>) -> usize {
    INNER.len() + key_lengths.max().unwrap_or(0) + ": ".len() + VALUE_ROOM
}

/// An indented `key: value,` line with a trailing `// note` at `column`.
fn commented(out: &mut String, key: &str, value: &str, note: &str, column: usize) {
    let entry = format!("{INNER}{key}: {value},");
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
                "    version: 1,",
                "    name: \"Untitled scenario\",",
                "    notes: \"\","
            ]
        );
        assert_eq!(lines[5], "    workload: (");
        assert_eq!(lines[6], "        services: 10,                          // 1–500");
        assert!(text.contains("\n        peak_factor: 2.0,                      // 1–20×\n"), "{text}");
        assert!(text.contains("\n        nested_virtualization: false,          // true or false\n"), "{text}");
        assert!(text.ends_with("    weights: {},\n    assumptions: {},\n)\n"), "{text}");
    }
}
