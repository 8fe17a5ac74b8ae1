//! A Compose file as `docker compose config` resolves it before anything runs: variables
//! interpolated, an override file laid over its base, `include:` files added, and `extends`
//! followed (<https://docs.docker.com/reference/compose-file/>). What comes out is one
//! `services` mapping the reader takes as written.
//!
//! Merging (override files and `extends`) follows the Compose rules for what an import reads:
//! mappings merge key by key, the later file winning; `volumes` lists add up (one entry per
//! target); any other value is replaced.
//!
//! Other files (`include:`, `extends.file`, the base of an override) are read only from a file
//! on disk: an import from text notes that it did not follow them. Each is held to the same
//! size cap and parsing limits, and at most [`MAX_FILES`] are read.

use std::path::{Path, PathBuf};

use super::interpolate::{Variables, dotenv, interpolate};
use super::note::{Ignored, Note, Place};
use super::read::Notes;
use super::yaml::{Node, Value};
use super::{ImportError, MAX_INPUT_BYTES, text, yaml};

/// Most files one import reads (the file, its includes, extended files, an override's base).
pub const MAX_FILES: usize = 32;
/// Deepest chain of `extends`.
const MAX_EXTENDS: usize = 16;

/// Where a Compose file was read from and what it is interpolated with.
pub(crate) struct Project<'a> {
    /// The folder of the file, for relative paths; `None` for text.
    pub folder: Option<&'a Path>,
    /// Variables given to the import (the environment, for the command line).
    pub variables: &'a Variables,
    /// Files read so far, the first included.
    pub files: usize,
}

impl Project<'_> {
    /// The Compose document `document` (the file `name`) resolved.
    pub fn resolve(&mut self, mut document: Node, name: &str, notes: &mut Notes) -> Result<Node, ImportError> {
        let variables = self.variables_for(self.folder);
        interpolate_noted(&mut document, &variables, notes)?;
        if let Some(base) = override_base(name) {
            document = self.over_base(document, name, &base, notes)?;
        }
        self.include(&mut document, notes, 0)?;
        extend_all(&mut document, self, notes)?;
        Ok(document)
    }

    /// The `.env` of a folder, overridden by the variables given.
    fn variables_for(&self, folder: Option<&Path>) -> Variables {
        let mut variables = folder
            .and_then(|folder| std::fs::read(folder.join(".env")).ok())
            .and_then(|bytes| text::decode(bytes).ok())
            .map(|text| dotenv(&text))
            .unwrap_or_default();
        variables.extend(self.variables.iter().map(|(k, v)| (k.clone(), v.clone())));
        variables
    }

    /// Reads, parses and interpolates another Compose file.
    fn load(&mut self, path: &Path, notes: &mut Notes) -> Result<Node, ImportError> {
        self.files += 1;
        if self.files > MAX_FILES {
            return Err(ImportError::Compose {
                message: format!("more than {MAX_FILES} files through include, extends and overrides"),
                line: None,
            });
        }
        let io = |source| ImportError::Io { path: path.to_owned(), source };
        let bytes = std::fs::metadata(path).map_err(io)?.len();
        if bytes > MAX_INPUT_BYTES as u64 {
            return Err(ImportError::TooLarge {
                bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
                limit: MAX_INPUT_BYTES,
            });
        }
        let text = text::decode(std::fs::read(path).map_err(io)?)?;
        let mut document = yaml::documents(&text)?.into_iter().next().unwrap_or(Node {
            value: Value::Map(Vec::new()),
            line: 1,
            column: 1,
        });
        let variables = self.variables_for(path.parent());
        interpolate_noted(&mut document, &variables, notes)?;
        Ok(document)
    }

    /// `document` laid over the base file it overrides, when that file is beside it.
    fn over_base(
        &mut self,
        document: Node,
        name: &str,
        base: &[String],
        notes: &mut Notes,
    ) -> Result<Node, ImportError> {
        let place = Place { object: Some(format!("override file {name}")), ..Place::default() };
        let found = self.folder.and_then(|folder| base.iter().map(|b| folder.join(b)).find(|p| p.is_file()));
        let Some(path) = found else {
            notes.push(place, Note::Ignored { what: Ignored::OverrideAlone { base: base[0].clone() } });
            return Ok(document);
        };
        let base_document = self.load(&path, notes)?;
        notes.push(place, Note::OverrideMerged { base: file_name(&path) });
        Ok(merge(base_document, document))
    }

    /// Adds the services and volumes of the `include:` files, refusing a service defined twice.
    fn include(&mut self, document: &mut Node, notes: &mut Notes, depth: usize) -> Result<(), ImportError> {
        let Some(include) = take(document, "include") else { return Ok(()) };
        let entries: Vec<Node> = match include.value {
            Value::List(items) => items,
            _ => vec![include],
        };
        for entry in entries {
            let paths: Vec<&Node> = match (entry.as_str(), entry.get("path")) {
                (Some(_), _) => vec![&entry],
                (None, Some(path)) => path.as_list().map_or_else(|| vec![path], |list| list.iter().collect()),
                (None, None) => Vec::new(),
            };
            for path in paths {
                let Some(relative) = path.as_str() else { continue };
                let place = Place {
                    field: Some("include".to_owned()),
                    line: Some(path.line),
                    column: Some(path.column),
                    ..Place::default()
                };
                let Some(folder) = self.folder else {
                    notes.push(place, Note::Ignored { what: Ignored::NotFollowed { file: relative.to_owned() } });
                    continue;
                };
                if depth >= MAX_EXTENDS {
                    return Err(ImportError::Compose {
                        message: format!("includes nested deeper than {MAX_EXTENDS} levels"),
                        line: Some(u64::from(path.line)),
                    });
                }
                let full = folder.join(relative);
                let mut included = self.load(&full, notes)?;
                let mut inner = Project { folder: full.parent(), variables: self.variables, files: self.files };
                inner.include(&mut included, notes, depth + 1)?;
                extend_all(&mut included, &mut inner, notes)?;
                self.files = inner.files;
                add_section(document, &included, "services", relative, path.line)?;
                add_section(document, &included, "volumes", relative, path.line)?;
                notes.push(
                    place,
                    Note::Included { file: relative.to_owned(), services: section_len(&included, "services") },
                );
            }
        }
        Ok(())
    }
}

fn interpolate_noted(document: &mut Node, variables: &Variables, notes: &mut Notes) -> Result<(), ImportError> {
    let mut unset = Vec::new();
    interpolate(document, variables, &mut unset)?;
    for (name, line) in unset {
        notes.push(Place { line: Some(line), ..Place::default() }, Note::VariableUnset { name });
    }
    Ok(())
}

/// The base files of an override file, by Compose's naming (`compose.override.yaml` over
/// `compose.yaml`; `docker-compose.override.yml` over `docker-compose.yml`; `x.override.yml`
/// over `x.yml`), both extensions tried; `None` when the name is not an override's.
pub fn override_base(name: &str) -> Option<Vec<String>> {
    let lower = name.to_ascii_lowercase();
    let stem = [".override.yml", ".override.yaml"].iter().find_map(|suffix| lower.strip_suffix(suffix))?;
    let stem = &name[..stem.len()];
    Some(vec![format!("{stem}.yml"), format!("{stem}.yaml")])
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Removes and returns the value under `key` of a mapping.
fn take(node: &mut Node, key: &str) -> Option<Node> {
    let Value::Map(entries) = &mut node.value else { return None };
    let at = entries.iter().position(|(k, _)| k == key)?;
    Some(entries.remove(at).1)
}

fn section_len(document: &Node, key: &str) -> usize {
    document.get(key).and_then(Node::as_map).map_or(0, <[_]>::len)
}

/// Adds the entries of `from`'s `key` mapping to `into`'s; a name in both is refused, as
/// Compose refuses it.
fn add_section(into: &mut Node, from: &Node, key: &str, file: &str, line: u32) -> Result<(), ImportError> {
    let Some(extra) = from.get(key).and_then(Node::as_map) else { return Ok(()) };
    let Value::Map(entries) = &mut into.value else { return Ok(()) };
    if !entries.iter().any(|(k, _)| k == key) {
        entries.push((key.to_owned(), Node { value: Value::Map(Vec::new()), line, column: 1 }));
    }
    let Some((_, section)) = entries.iter_mut().find(|(k, _)| k == key) else { return Ok(()) };
    let Value::Map(section) = &mut section.value else { return Ok(()) };
    for (name, value) in extra {
        if section.iter().any(|(k, _)| k == name) {
            return Err(ImportError::Compose {
                message: format!("{key} `{name}` is defined both here and in the included file {file}"),
                line: Some(u64::from(line)),
            });
        }
        section.push((name.clone(), value.clone()));
    }
    Ok(())
}

/// `over` laid over `base` by the merge rules in the module documentation.
pub fn merge(base: Node, over: Node) -> Node {
    match (base.value, over.value) {
        (Value::Map(mut entries), Value::Map(over_entries)) => {
            for (key, value) in over_entries {
                match entries.iter().position(|(k, _)| *k == key) {
                    Some(at) => {
                        let old = entries.remove(at).1;
                        let merged = if key == "volumes" { volumes(old, value) } else { merge(old, value) };
                        entries.insert(at, (key, merged));
                    }
                    None => entries.push((key, value)),
                }
            }
            Node { value: Value::Map(entries), ..over }
        }
        (_, value) => Node { value, ..over },
    }
}

/// Two `volumes` lists as one, an entry of `over` replacing one of `base` with the same target.
fn volumes(base: Node, over: Node) -> Node {
    let (Value::List(mut items), Value::List(extra)) = (base.value.clone(), over.value.clone()) else {
        return merge(base, over);
    };
    for item in extra {
        let target = volume_target(&item);
        items.retain(|old| target.is_none() || volume_target(old) != target);
        items.push(item);
    }
    Node { value: Value::List(items), ..over }
}

/// Where a volume entry is mounted: short syntax `source:target[:mode]` or long `target:`.
pub fn volume_target(volume: &Node) -> Option<String> {
    match volume.as_str() {
        Some(short) => {
            let mut parts = short.split(':');
            let first = parts.next()?;
            Some(parts.next().unwrap_or(first).to_owned())
        }
        None => volume.get("target").and_then(Node::as_str).map(str::to_owned),
    }
}

/// Follows every service's `extends`, in place.
fn extend_all(document: &mut Node, project: &mut Project<'_>, notes: &mut Notes) -> Result<(), ImportError> {
    let Some(services) = document.get("services").and_then(Node::as_map) else { return Ok(()) };
    let names: Vec<String> =
        services.iter().filter(|(_, s)| s.get("extends").is_some()).map(|(n, _)| n.clone()).collect();
    let snapshot = document.clone();
    for name in names {
        let resolved = extended(&snapshot, &name, project, notes, &mut Vec::new())?;
        if let Some(Value::Map(services)) = document.value_mut("services")
            && let Some((_, slot)) = services.iter_mut().find(|(k, _)| *k == name)
        {
            *slot = resolved;
        }
    }
    Ok(())
}

/// The service `name` of `document` with its `extends` chain followed.
fn extended(
    document: &Node,
    name: &str,
    project: &mut Project<'_>,
    notes: &mut Notes,
    chain: &mut Vec<String>,
) -> Result<Node, ImportError> {
    let Some(service) = document.get("services").and_then(|s| s.get(name)) else {
        return Err(ImportError::Compose {
            message: format!("`extends` names the service `{name}`, which is not defined"),
            line: None,
        });
    };
    let mut service = service.clone();
    let Some(extends) = take(&mut service, "extends") else { return Ok(service) };
    let line = Some(u64::from(extends.line));
    if chain.len() >= MAX_EXTENDS || chain.iter().any(|n| n == name) {
        return Err(ImportError::Compose {
            message: format!("`extends` of `{name}` loops or chains deeper than {MAX_EXTENDS}"),
            line,
        });
    }
    chain.push(name.to_owned());
    let base_name = extends.as_str().or_else(|| extends.get("service").and_then(Node::as_str));
    let Some(base_name) = base_name else {
        return Err(ImportError::Compose { message: format!("`extends` of `{name}` names no service"), line });
    };
    let base = match extends.get("file").and_then(Node::as_str) {
        None => extended(document, base_name, project, notes, chain)?,
        Some(file) => {
            let Some(folder) = project.folder else {
                let place = Place::object(None, format!("service {name}")).field("extends.file", extends.get("file"));
                notes.push(place, Note::Ignored { what: Ignored::NotFollowed { file: file.to_owned() } });
                return Ok(service);
            };
            let path: PathBuf = folder.join(file);
            let other = project.load(&path, notes)?;
            let mut inner = Project { folder: path.parent(), variables: project.variables, files: project.files };
            let base = extended(&other, base_name, &mut inner, notes, &mut Vec::new())?;
            project.files = inner.files;
            base
        }
    };
    chain.pop();
    Ok(merge(base, service))
}

impl Node {
    /// The value under `key` of a mapping, to change it.
    fn value_mut(&mut self, key: &str) -> Option<&mut Value> {
        match &mut self.value {
            Value::Map(entries) => entries.iter_mut().find(|(k, _)| k == key).map(|(_, v)| &mut v.value),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Node {
        yaml::documents(text).expect("parses").remove(0)
    }

    #[test]
    fn override_names() {
        assert_eq!(override_base("compose.override.yaml"), Some(vec!["compose.yml".into(), "compose.yaml".into()]));
        assert_eq!(
            override_base("docker-compose.override.yml"),
            Some(vec!["docker-compose.yml".into(), "docker-compose.yaml".into()])
        );
        assert_eq!(override_base("compose.yaml"), None);
    }

    #[test]
    fn merging_replaces_values_merges_mappings_and_adds_volumes() {
        let base =
            doc("image: a\ndeploy: {replicas: 2, resources: {limits: {memory: 1g}}}\nvolumes: [data:/data, ./x:/x]\n");
        let over = doc("image: b\ndeploy: {resources: {limits: {cpus: '1'}}}\nvolumes: [other:/data]\n");
        let merged = merge(base, over);
        assert_eq!(merged.get("image").and_then(Node::as_str), Some("b"));
        assert_eq!(merged.at("deploy.replicas").map(|n| &n.value), Some(&Value::Number(2.0)));
        assert_eq!(merged.at("deploy.resources.limits.memory").and_then(Node::as_str), Some("1g"));
        assert_eq!(merged.at("deploy.resources.limits.cpus").and_then(Node::as_str), Some("1"));
        let volumes: Vec<&str> =
            merged.get("volumes").and_then(Node::as_list).unwrap().iter().filter_map(Node::as_str).collect();
        assert_eq!(volumes, ["./x:/x", "other:/data"]);
    }

    #[test]
    fn extends_in_the_same_file_follows_the_chain() {
        let mut document = doc(
            "services:\n  base: {image: app, mem_limit: 512m}\n  mid: {extends: base, cpus: 1}\n  top: {extends: {service: mid}, image: app2}\n",
        );
        let variables = Variables::new();
        let mut project = Project { folder: None, variables: &variables, files: 1 };
        let mut notes = Notes::default();
        extend_all(&mut document, &mut project, &mut notes).expect("resolves");
        let top = document.at("services.top").expect("top");
        assert_eq!(top.get("image").and_then(Node::as_str), Some("app2"));
        assert_eq!(top.get("mem_limit").and_then(Node::as_str), Some("512m"));
        assert_eq!(top.get("cpus").map(|n| &n.value), Some(&Value::Number(1.0)));
        assert!(top.get("extends").is_none());

        let mut looping = doc("services:\n  a: {extends: b}\n  b: {extends: a}\n");
        assert!(matches!(extend_all(&mut looping, &mut project, &mut notes), Err(ImportError::Compose { .. })));
    }
}
