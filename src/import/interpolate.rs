//! Compose interpolation, as `docker compose config` does it
//! (<https://docs.docker.com/reference/compose-file/interpolation/>): `$NAME`, `${NAME}`,
//! `${NAME:-default}` (unset or empty), `${NAME-default}` (unset), `${NAME:?error}` and
//! `${NAME?error}` (refused when unset), `${NAME:+other}` and `${NAME+other}`, and `$$` for a
//! literal `$`. Defaults may themselves hold variables. Values come from the `.env` file beside
//! the Compose file, then the environment the import is given (which wins, as in Compose).
//! An unset variable without a default becomes a blank string, with a note, as Compose warns.

use std::collections::BTreeMap;

use super::ImportError;
use super::yaml::{Node, Value};

/// Variables by name.
pub type Variables = BTreeMap<String, String>;

/// Deepest nesting of `${…}` inside defaults.
const MAX_NESTING: usize = 8;

/// Interpolates every string value of `node` (keys are left as written, as in Compose); the
/// names of unset variables used without a default are added to `unset` (each once).
pub fn interpolate(node: &mut Node, variables: &Variables, unset: &mut Vec<(String, u32)>) -> Result<(), ImportError> {
    match &mut node.value {
        Value::Text(text) if text.contains('$') => {
            let line = node.line;
            let expanded = expand(text, variables, 0, &mut |name| {
                if !unset.iter().any(|(n, _)| n == name) {
                    unset.push((name.to_owned(), line));
                }
            })
            .map_err(|message| ImportError::Compose { message, line: Some(u64::from(line)) })?;
            *text = expanded;
        }
        Value::List(items) => {
            for item in items {
                interpolate(item, variables, unset)?;
            }
        }
        Value::Map(entries) => {
            for (_, value) in entries {
                interpolate(value, variables, unset)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// `text` with its variables replaced, or the refusal of a `?` form or of bad syntax.
fn expand(text: &str, variables: &Variables, depth: usize, unset: &mut dyn FnMut(&str)) -> Result<String, String> {
    if depth > MAX_NESTING {
        return Err(format!("variables nested deeper than {MAX_NESTING} levels"));
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(dollar) = rest.find('$') {
        out.push_str(&rest[..dollar]);
        let after = &rest[dollar + 1..];
        if let Some(tail) = after.strip_prefix('$') {
            out.push('$');
            rest = tail;
        } else if let Some(braced) = after.strip_prefix('{') {
            let close = closing_brace(braced).ok_or_else(|| format!("`${{` without its `}}` in `{text}`"))?;
            out.push_str(&substitute(&braced[..close], variables, depth, unset)?);
            rest = &braced[close + 1..];
        } else {
            let end = name_length(after);
            if end == 0 {
                out.push('$');
            } else {
                out.push_str(&value(&after[..end], variables, unset));
            }
            rest = &after[end..];
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// The byte index of the `}` that closes a `${`, counting nested `${…}`.
fn closing_brace(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let bytes = text.as_bytes();
    for (at, &byte) in bytes.iter().enumerate() {
        match byte {
            b'{' if at > 0 && bytes[at - 1] == b'$' => depth += 1,
            b'}' if depth == 0 => return Some(at),
            b'}' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Length of the variable name at the start of `text` (`[A-Za-z_][A-Za-z0-9_]*`).
fn name_length(text: &str) -> usize {
    let bytes = text.as_bytes();
    if !bytes.first().is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_') {
        return 0;
    }
    bytes.iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_').count()
}

fn value(name: &str, variables: &Variables, unset: &mut dyn FnMut(&str)) -> String {
    variables.get(name).cloned().unwrap_or_else(|| {
        unset(name);
        String::new()
    })
}

/// The inside of `${…}`: a name and an optional operator with its word.
fn substitute(
    inside: &str,
    variables: &Variables,
    depth: usize,
    unset: &mut dyn FnMut(&str),
) -> Result<String, String> {
    let end = name_length(inside);
    let (name, operation) = inside.split_at(end);
    if name.is_empty() {
        return Err(format!("`${{{inside}}}` is not a variable"));
    }
    let set = variables.get(name);
    let non_empty = set.filter(|v| !v.is_empty());
    let word = |word: &str, unset: &mut dyn FnMut(&str)| expand(word, variables, depth + 1, unset);
    let operators = [":-", "-", ":?", "?", ":+", "+"];
    let Some(operator) = operators.iter().find(|op| operation.starts_with(**op)) else {
        if operation.is_empty() {
            return Ok(value(name, variables, unset));
        }
        return Err(format!("`${{{inside}}}` is not a variable"));
    };
    let argument = &operation[operator.len()..];
    let present = if operator.starts_with(':') { non_empty } else { set };
    let replacing = operator.ends_with('+');
    match (present, replacing) {
        // `-` and `?` keep a value that is there; `+` replaces it with its word.
        (Some(v), false) => Ok(v.clone()),
        (Some(_), true) => word(argument, unset),
        (None, true) => Ok(String::new()),
        (None, false) if operator.ends_with('-') => word(argument, unset),
        (None, false) => {
            let why = if argument.is_empty() { "required".to_owned() } else { word(argument, unset)? };
            Err(format!("required variable {name} is missing a value: {why}"))
        }
    }
}

/// The variables of a `.env` file: `NAME=value` lines (an `export ` before the name is
/// allowed), `#` comments, values in single quotes (literal) or double quotes (with `\n`), and
/// unquoted values ending at ` #`.
pub fn dotenv(text: &str) -> Variables {
    let mut variables = Variables::new();
    for line in text.lines() {
        let line = line.trim();
        let line = line.strip_prefix("export ").unwrap_or(line);
        if line.starts_with('#') {
            continue;
        }
        let Some((name, raw)) = line.split_once('=') else { continue };
        let name = name.trim();
        if name.is_empty() || name_length(name) != name.len() {
            continue;
        }
        let raw = raw.trim();
        let value = if let Some(quoted) = raw.strip_prefix('\'') {
            quoted.split_once('\'').map_or(quoted, |(v, _)| v).to_owned()
        } else if let Some(quoted) = raw.strip_prefix('"') {
            quoted.split_once('"').map_or(quoted, |(v, _)| v).replace("\\n", "\n")
        } else {
            raw.split_once(" #").map_or(raw, |(v, _)| v).trim_end().to_owned()
        };
        variables.insert(name.to_owned(), value);
    }
    variables
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars(pairs: &[(&str, &str)]) -> Variables {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    fn run(text: &str, variables: &Variables) -> (Result<String, String>, Vec<String>) {
        let mut unset = Vec::new();
        let result = expand(text, variables, 0, &mut |name| unset.push(name.to_owned()));
        (result, unset)
    }

    #[test]
    fn every_form_as_compose_reads_it() {
        let v = vars(&[("IMAGE", "postgres"), ("TAG", "16"), ("EMPTY", "")]);
        let ok = |text: &str| run(text, &v).0.expect("expands");
        assert_eq!(ok("${IMAGE}:${TAG}"), "postgres:16");
        assert_eq!(ok("$IMAGE:$TAG-alpine"), "postgres:16-alpine");
        assert_eq!(ok("${MISSING:-redis}"), "redis");
        assert_eq!(ok("${EMPTY:-redis}"), "redis");
        assert_eq!(ok("${EMPTY-redis}"), "");
        assert_eq!(ok("${MISSING-redis}"), "redis");
        assert_eq!(ok("${MISSING:-${IMAGE}:${TAG}}"), "postgres:16");
        assert_eq!(ok("${TAG:+set}${MISSING:+set}"), "set");
        assert_eq!(ok("$$HOME costs $5"), "$HOME costs $5");
        assert_eq!(ok("${IMAGE:?needed}"), "postgres");
    }

    #[test]
    fn unset_variables_are_blank_and_reported() {
        let (result, unset) = run("${DB_IMAGE}:latest", &Variables::new());
        assert_eq!(result.expect("expands"), ":latest");
        assert_eq!(unset, ["DB_IMAGE"]);
    }

    #[test]
    fn required_variables_and_bad_syntax_are_refused() {
        let none = Variables::new();
        assert_eq!(
            run("${PASSWORD:?set it in .env}", &none).0.unwrap_err(),
            "required variable PASSWORD is missing a value: set it in .env"
        );
        assert!(run("${UNCLOSED", &none).0.is_err());
        assert!(run("${1BAD}", &none).0.is_err());
    }

    #[test]
    fn dotenv_files() {
        let text = "# comment\nIMAGE=postgres\nexport TAG=16 # inline\nQUOTED='a # b'\nDOUBLE=\"x\\ny\"\nnot a line\n";
        assert_eq!(
            dotenv(text),
            vars(&[("IMAGE", "postgres"), ("TAG", "16"), ("QUOTED", "a # b"), ("DOUBLE", "x\ny")])
        );
    }
}
