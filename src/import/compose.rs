//! Docker Compose files (the Compose Specification, <https://docs.docker.com/reference/compose-file/>):
//! one service per entry of `services`.
//!
//! Read per service: `image`; `deploy.replicas` (legacy `scale`; default 1 as the
//! specification states); `deploy.mode: global` (one per node: noted); memory and CPUs from
//! `deploy.resources.reservations`, else the legacy `mem_reservation`, else
//! `deploy.resources.limits`, else the legacy `mem_limit`/`cpus` (a limit is used only when no
//! reservation is declared, and a note says so); `privileged`; `platform` (`windows/…`) and
//! Windows images; `platform: linux/arm64` for arm64-ready images; `runtime` (`runsc`,
//! `kata…`) and `isolation: hyperv` as runtime hints; state
//! from database images, the programs health checks and commands run, named volumes and binds
//! onto data paths, a store written by several services counted once (see `state`).
//!
//! As `docker compose config` reads the file (the project is resolved first, see `project`):
//! a service with `profiles:` is left out unless one of its profiles is selected (`*` selects
//! all), with one note naming them; `0` for a memory or CPU figure means "no limit" and is read
//! as not declared; a limit or reservation written both in `deploy.resources` and in its legacy
//! key with different values is refused, as Compose refuses it.

use std::collections::HashSet;

use super::ImportError;
use super::imported::{RuntimeHint, WorkloadKind};
use super::note::{Field, Ignored, Inference, Note, Place};
use super::quantity::{compose_cpus, compose_memory_mib};
use super::read::{At, Notes};
use super::service::{Service, is_stateful_image, is_windows_path, runtime_hint};
use super::state::{self, Store};
use super::yaml::Node;

/// Whether a document is a Compose file: a mapping whose `services` is a mapping.
pub fn is_compose(document: &Node) -> bool {
    document.get("services").and_then(Node::as_map).is_some()
}

/// The services of a Compose file, in file order, without those of profiles not selected.
pub fn read(document: &Node, selected: &[String], notes: &mut Notes) -> Result<Vec<Service>, ImportError> {
    let named_volumes: HashSet<&str> = document
        .get("volumes")
        .and_then(Node::as_map)
        .map(|volumes| volumes.iter().map(|(name, _)| name.as_str()).collect())
        .unwrap_or_default();
    let Some(services) = document.get("services").and_then(Node::as_map) else {
        return Ok(Vec::new());
    };
    let (mut read, mut on_services) = (Vec::new(), Vec::new());
    let (mut left_out, mut off) = (Vec::new(), Vec::new());
    for (name, definition) in services {
        let place = Place::object(None, format!("service {name}"));
        if definition.as_map().is_none() {
            notes.push(place.at_node(definition), Note::Ignored { what: Ignored::NotAService });
            continue;
        }
        let profiles: Vec<&str> = definition
            .get("profiles")
            .and_then(Node::as_list)
            .unwrap_or_default()
            .iter()
            .filter_map(Node::as_str)
            .collect();
        let on = profiles.is_empty() || selected.iter().any(|s| s == "*" || profiles.contains(&s.as_str()));
        if !on {
            left_out.push(name.clone());
            for profile in profiles {
                if !off.iter().any(|p| p == profile) {
                    off.push(profile.to_owned());
                }
            }
            continue;
        }
        refuse_conflicts(name, definition)?;
        on_services.push((name.as_str(), definition, place));
    }
    let stores: Vec<Vec<Store>> = on_services.iter().map(|(_, d, _)| state::stores(d, &named_volumes)).collect();
    let stateful: Vec<bool> = on_services.iter().map(|(_, d, _)| stateful_by_image_or_program(d)).collect();
    let owned = state::owners(&stores, &stateful);
    let names: Vec<&str> = on_services.iter().map(|(name, _, _)| *name).collect();
    for ((name, definition, place), owned) in on_services.iter().zip(owned) {
        let mut service = service(name, definition, place, notes);
        state::own(&mut service, place, owned, &names, notes);
        read.push(service);
    }
    if !left_out.is_empty() {
        let place = Place { field: Some("profiles".to_owned()), ..Place::default() };
        notes.push(place, Note::Ignored { what: Ignored::Profiles { services: left_out, profiles: off } });
    }
    Ok(read)
}

type Parse = fn(&str) -> Result<f64, super::quantity::QuantityError>;

/// A figure both in `deploy.resources` and in its legacy key, with different values.
fn refuse_conflicts(name: &str, definition: &Node) -> Result<(), ImportError> {
    const PAIRS: [(&str, &str, Parse); 3] = [
        ("mem_limit", "deploy.resources.limits.memory", compose_memory_mib),
        ("mem_reservation", "deploy.resources.reservations.memory", compose_memory_mib),
        ("cpus", "deploy.resources.limits.cpus", compose_cpus),
    ];
    for (legacy, deploy, parse) in PAIRS {
        let value = |path: &str| definition.at(path).and_then(Node::scalar_text).and_then(|t| parse(&t).ok());
        if let (Some(a), Some(b)) = (value(legacy), value(deploy))
            && a != b
        {
            let line = definition.at(deploy).map(|n| u64::from(n.line));
            return Err(ImportError::Compose {
                message: format!("service {name}: can't set distinct values on '{legacy}' and '{deploy}'"),
                line,
            });
        }
    }
    Ok(())
}

fn service(name: &str, definition: &Node, place: &Place, notes: &mut Notes) -> Service {
    let mut service = Service::new(name.to_owned(), WorkloadKind::ComposeService);
    let field = |path: &'static str| At::new(place, path, definition.at(path));

    if let Some(image) = notes.text(&field("image"), Field::Image) {
        service.images.push(image.to_owned());
    }
    service.replicas = replicas(definition, place, notes);
    service.memory_mib = resource(definition, place, notes, Field::Memory, &MEMORY_KEYS, compose_memory_mib);
    service.cpu = resource(definition, place, notes, Field::Cpu, &CPU_KEYS, compose_cpus);
    service.privileged = notes.flag(&field("privileged"), Field::Privileged).unwrap_or(false);
    if let Some(platform) = notes.text(&field("platform"), Field::Platform) {
        let platform = platform.to_ascii_lowercase();
        service.windows = platform.starts_with("windows");
        // `linux/arm64`, `linux/arm64/v8`: the image is built for arm64.
        service.arm64 = platform.split('/').nth(1) == Some("arm64");
    }
    if let Some(runtime) = notes.text(&field("runtime"), Field::RuntimeClass) {
        service.runtime_hint = Some(runtime_hint(runtime));
    }
    if let Some(isolation) = notes.text(&field("isolation"), Field::RuntimeClass)
        && isolation.eq_ignore_ascii_case("hyperv")
    {
        service.runtime_hint = Some(RuntimeHint::HyperV);
    }
    service.infer_from_images(place, notes);
    if !service.windows
        && let Some(path) = windows_volume(definition)
    {
        service.windows = true;
        notes.push(place.clone(), Note::Inferred { fact: Inference::WindowsPath { path } });
    }
    if gpu_device(definition) {
        service.gpu = Some("gpu".to_owned());
        let resource = "deploy.resources.reservations.devices (capabilities: gpu)".to_owned();
        notes.push(place.clone(), Note::Inferred { fact: Inference::Gpu { resource } });
    }
    if !service.stateful
        && let Some((program, from)) = state::program(definition)
    {
        service.stateful = true;
        notes.push(place.clone(), Note::Inferred { fact: Inference::StatefulProgram { program, from } });
    }
    service
}

/// What `service` will read as stateful before the stores are shared out: its image or the
/// program it runs.
fn stateful_by_image_or_program(definition: &Node) -> bool {
    definition.get("image").and_then(Node::as_str).is_some_and(is_stateful_image)
        || state::program(definition).is_some()
}

fn replicas(definition: &Node, place: &Place, notes: &mut Notes) -> u32 {
    if definition.at("deploy.mode").and_then(Node::as_str) == Some("global") {
        notes.push(place.field("deploy.mode", definition.at("deploy.mode")), Note::Ignored { what: Ignored::PerNode });
        return 1;
    }
    for path in ["deploy.replicas", "scale"] {
        if let Some(count) = notes.count(&At::new(place, path, definition.at(path)), Field::Replicas) {
            return count;
        }
    }
    notes.push(
        place.field("deploy.replicas", None),
        Note::FormatDefault {
            field: Field::Replicas,
            value: "1".to_owned(),
            rule: "the Compose Specification's default for deploy.replicas",
        },
    );
    1
}

/// Where a resource may be declared, in order of preference, and whether the key is a limit.
const MEMORY_KEYS: [(&str, bool); 4] = [
    ("deploy.resources.reservations.memory", false),
    ("mem_reservation", false),
    ("deploy.resources.limits.memory", true),
    ("mem_limit", true),
];
const CPU_KEYS: [(&str, bool); 3] =
    [("deploy.resources.reservations.cpus", false), ("deploy.resources.limits.cpus", true), ("cpus", true)];

/// The first readable value among `keys`; notes an unreadable one, a fallback to a limit,
/// or that nothing was declared.
fn resource(
    definition: &Node,
    place: &Place,
    notes: &mut Notes,
    field: Field,
    keys: &[(&str, bool)],
    parse: Parse,
) -> Option<f64> {
    for &(path, is_limit) in keys {
        // 0 is "no limit" (and no reservation) to Compose.
        if let Some(value) =
            notes.quantity(&At::new(place, path, definition.at(path)), field, parse).filter(|v| *v > 0.0)
        {
            if is_limit {
                notes.push(place.field(path, definition.at(path)), Note::LimitUsed { field });
            }
            return Some(value);
        }
    }
    notes.push(place.clone(), Note::NotDeclared { field });
    None
}

/// The first volume whose source or target is a Windows path or named pipe (short syntax
/// `C:\data:C:\app\data`, `\\.\pipe\docker_engine:\\.\pipe\docker_engine`; long syntax
/// `source:`/`target:`, `type: npipe`).
fn windows_volume(definition: &Node) -> Option<String> {
    definition.get("volumes")?.as_list()?.iter().find_map(|volume| {
        if let Some(short) = volume.as_str() {
            // The source is a drive path or a pipe, or the target is (`./x:C:\\app`).
            let windows = is_windows_path(short)
                || short.contains("\\\\.\\pipe\\")
                || short.contains("//./pipe/")
                || short.split_once(':').is_some_and(|(_, target)| is_windows_path(target));
            return windows.then(|| short.to_owned());
        }
        let npipe = volume.get("type").and_then(Node::as_str) == Some("npipe");
        ["source", "target"]
            .iter()
            .filter_map(|key| volume.get(key).and_then(Node::as_str))
            .find(|path| npipe || is_windows_path(path))
            .map(str::to_owned)
    })
}

/// Whether the service reserves a device with the `gpu` capability (the Compose way to ask
/// for GPUs).
fn gpu_device(definition: &Node) -> bool {
    definition.at("deploy.resources.reservations.devices").and_then(Node::as_list).unwrap_or_default().iter().any(
        |device| {
            device
                .get("capabilities")
                .and_then(Node::as_list)
                .unwrap_or_default()
                .iter()
                .any(|c| c.as_str() == Some("gpu"))
        },
    )
}
