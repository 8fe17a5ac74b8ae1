//! `podvisor import`, run as the built binary: the profile on stdout or in a file, every
//! import note on stderr with its place, and bad input refused with exit code 1 and a clear
//! message.

use crate::profile_support;
#[cfg(unix)]
use crate::special_files;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use podvisor::import::import_file;
use podvisor::profile::{load_file, to_canonical_string};

/// How the summary line ends without `--host` (issue 23: costs of an imported estate rest on
/// the default host, and the command says so).
const ON_DEFAULT_HOST: &str = "; costs rest on the default host (--host ID to choose one)";

const FIXTURES: [&str; 4] = ["awesome-compose.yaml", "helm-bundle.yaml", "cronjob.yaml", "windows-compose.yml"];

fn podvisor(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_podvisor")).args(args).output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import").join(name)
}

/// `text` written to `name` in `folder`; its path as an argument.
fn written(folder: &Path, name: &str, text: &str) -> String {
    let path = folder.join(name);
    std::fs::write(&path, text).expect("a temporary file");
    path.display().to_string()
}

/// Runs an import that must fail; its stderr.
fn refused(file: &str) -> String {
    let run = podvisor(&["import", file]);
    assert_eq!(run.status.code(), Some(1), "{file}");
    assert!(run.stdout.is_empty(), "{file}");
    let stderr = text(&run.stderr);
    assert!(stderr.starts_with(&format!("podvisor: {file}: ")), "{stderr}");
    stderr
}

#[test]
fn each_fixture_prints_its_profile_and_every_note() {
    for name in FIXTURES {
        let path = fixture(name);
        let file = path.display().to_string();
        let run = podvisor(&["import", &file]);
        assert_eq!(run.status.code(), Some(0), "{name}: {}", text(&run.stderr));
        let imported = import_file(&path).expect("imports");
        assert_eq!(text(&run.stdout), to_canonical_string(&imported.to_profile()), "{name}");

        let stderr = text(&run.stderr);
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), imported.notes.len() + 1, "{name}: one line per note, then the summary");
        for (line, note) in lines.iter().zip(&imported.notes) {
            assert_eq!(*line, format!("{file}: {note}"));
        }
        let format = imported.format.name();
        assert_eq!(
            lines.last().copied(),
            Some(format!("{file}: {} ({format}){ON_DEFAULT_HOST}", imported.summary()).as_str())
        );
    }
}

#[test]
fn notes_name_their_place() {
    let file = fixture("awesome-compose.yaml").display().to_string();
    let stderr = text(&podvisor(&["import", &file]).stderr);
    assert!(
        stderr.contains(&format!(
            "{file}: line 93:16, service cache, `mem_limit`: no memory request/reservation declared; the limit was used instead\n"
        )),
        "{stderr}"
    );
    assert!(stderr.ends_with(&format!("{file}: 5 services in 5 components (Compose){ON_DEFAULT_HOST}\n")), "{stderr}");
}

#[test]
fn output_goes_to_a_file_that_loads_as_the_same_profile() {
    let folder = tempfile::tempdir().expect("temp dir");
    for name in FIXTURES {
        let file = fixture(name).display().to_string();
        let out = folder.path().join("imported.ron");
        std::fs::write(&out, "old contents").expect("a file to replace");
        let run = podvisor(&["import", &file, "-o", out.to_str().expect("UTF-8 path")]);
        assert_eq!(run.status.code(), Some(0), "{name}: {}", text(&run.stderr));
        assert!(run.stdout.is_empty(), "{name}");
        assert!(!run.stderr.is_empty(), "{name}: the summary, at least");
        let saved = std::fs::read(&out).expect("written");
        assert_eq!(saved, podvisor(&["import", &file]).stdout, "{name}: the same bytes as on stdout");
        let loaded = load_file(&out).expect("loads");
        assert!(loaded.warnings.is_empty(), "{name}: {:?}", loaded.warnings);
        assert_eq!(loaded.profile, import_file(&fixture(name)).expect("imports").to_profile());
    }
    assert!(profile_support::temp_files(folder.path()).is_empty());
}

#[test]
fn an_unwritable_output_fails_and_writes_nothing() {
    let folder = tempfile::tempdir().expect("temp dir");
    let out = folder.path().join("no/such/folder/out.ron");
    let file = fixture("cronjob.yaml").display().to_string();
    let run = podvisor(&["import", &file, "-o", out.to_str().expect("UTF-8 path")]);
    assert_eq!(run.status.code(), Some(1));
    assert!(text(&run.stderr).contains(&format!("{}: cannot save", out.display())));
    assert!(!out.exists());
}

#[test]
fn not_yaml_is_refused_with_line_and_column() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = written(folder.path(), "bad.yaml", "services:\n  web:\n    image: [unclosed\n  db: {");
    let stderr = refused(&file);
    assert!(stderr.contains("not valid YAML at line "), "{stderr}");
    let missing = folder.path().join("missing.yaml").display().to_string();
    let run = podvisor(&["import", &missing]);
    assert_eq!(run.status.code(), Some(1));
    assert!(text(&run.stderr).starts_with(&format!("podvisor: {missing}: ")), "the message names the file");
}

#[test]
fn an_alias_bomb_is_refused_by_the_parsing_limits() {
    let folder = tempfile::tempdir().expect("temp dir");
    let mut bomb = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..=9 {
        let previous = format!("*a{}", level - 1);
        let _ = writeln!(bomb, "a{level}: &a{level} [{}]", [previous.as_str(); 10].join(", "));
    }
    bomb.push_str("services:\n  bomb:\n    image: *a9\n");
    let file = written(folder.path(), "bomb.yaml", &bomb);
    let stderr = refused(&file);
    assert!(stderr.contains("exceeds a parsing limit"), "{stderr}");
}

#[test]
fn a_ten_megabyte_file_is_refused_before_parsing() {
    let folder = tempfile::tempdir().expect("temp dir");
    let line = "# padding padding padding padding padding padding padding padding padding padding\n";
    let file = written(folder.path(), "huge.yaml", &line.repeat(10_000_000 / line.len() + 1));
    let stderr = refused(&file);
    assert!(stderr.contains("imports are limited to 8388608 bytes"), "{stderr}");
}

#[test]
fn unknown_kinds_only_are_refused_with_their_notes() {
    let folder = tempfile::tempdir().expect("temp dir");
    let file = written(
        folder.path(),
        "kinds.yaml",
        "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: b}\n",
    );
    let stderr = refused(&file);
    assert!(stderr.contains("no services or workloads found (2 item(s) ignored)"), "{stderr}");
    assert!(stderr.contains(&format!("\n{file}: line 1:1, document 1: Service `a` ignored")), "{stderr}");
    assert!(stderr.contains(&format!("\n{file}: line 5:1, document 2: Widget `b` ignored")), "{stderr}");

    let neither = written(folder.path(), "neither.yaml", "just: a mapping\n");
    assert!(refused(&neither).contains("neither a Compose file"));
    let empty = written(folder.path(), "empty.yaml", "");
    assert!(refused(&empty).contains("the file is empty"));
}

/// The profile `podvisor import` prints for `text`, and its stderr.
fn imported(folder: &Path, yaml: &str) -> (podvisor::profile::Profile, String) {
    let file = written(folder, "q.yaml", yaml);
    let run = podvisor(&["import", &file]);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let profile = podvisor::profile::parse(&run.stdout, "stdout").expect("a profile").profile;
    (profile, text(&run.stderr))
}

#[test]
fn quantities_are_parsed_or_refused_clearly() {
    let folder = tempfile::tempdir().expect("temp dir");
    // Kubernetes: 512Mi, 500m (cores), 0.5, 1G (10^9 bytes).
    for (memory, cpu, mib, cores) in [("512Mi", "500m", 512.0, 0.5), ("1G", "0.5", 1e9 / 1_048_576.0, 0.5)] {
        let text = format!(
            "apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n  containers:\n    - name: c\n      resources:\n        requests: {{memory: {memory}, cpu: {cpu}}}\n"
        );
        let (profile, _) = imported(folder.path(), &text);
        let workload = profile.workload();
        assert!((workload.memory_per_instance_mib - mib).abs() < 1e-9, "{memory}");
        assert_eq!(workload.cpu_per_instance, cores, "{cpu}");
    }
    // Compose: 512m and 1G are MiB and GiB (powers of 1024), cpus 0.5.
    for (memory, mib) in [("512m", 512.0), ("1G", 1024.0), ("512Mi", 512.0)] {
        let text = format!("services:\n  s:\n    image: x\n    mem_reservation: {memory}\n    cpus: 0.5\n");
        let (profile, _) = imported(folder.path(), &text);
        assert_eq!(profile.workload().memory_per_instance_mib, mib, "{memory}");
        assert_eq!(profile.workload().cpu_per_instance, 0.5);
    }
    // Kubernetes `512m` memory is 0.512 bytes: refused with its place, the default kept.
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      resources:\n        requests: {memory: 512m, cpu: 250m}\n";
    let (profile, stderr) = imported(folder.path(), text);
    let default = podvisor::model::Workload::default();
    assert_eq!(profile.workload().memory_per_instance_mib, default.memory_per_instance_mib);
    assert_eq!(profile.workload().cpu_per_instance, 0.25);
    assert!(
        stderr.contains(
            "line 8:28, document 1, Pod p, `spec.containers[0].resources.requests.memory`: memory `512m` could not be read"
        ),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_device_a_pipe_or_a_folder_as_output_is_refused_and_left_as_it_was() {
    let folder = tempfile::tempdir().expect("temp dir");
    let compose = fixture("cronjob.yaml").display().to_string();
    let profile = written(folder.path(), "shop.ron", &to_canonical_string(&podvisor::profile::Profile::default()));
    for (kind, target) in special_files::targets(folder.path()) {
        let out = target.to_str().expect("UTF-8 path");
        for args in
            [["import", &compose, "-o", out], ["report", &profile, "-o", out], ["normalize", &profile, "-o", out]]
        {
            let run = podvisor(&args);
            assert_eq!(run.status.code(), Some(1), "{args:?}");
            let stderr = text(&run.stderr);
            assert!(stderr.contains(kind.refusal()), "{args:?}: {stderr}");
            special_files::assert_left_as_it_was(kind, &target, folder.path());
        }
    }
}

#[test]
fn profiles_are_left_out_unless_selected() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import/selfhosted/compose.yaml");
    let file = file.to_str().expect("UTF-8 path");
    let default = text(&podvisor(&["import", file]).stderr);
    assert!(default.contains("pgadmin, notebook left out: they belong to the profile(s) debug, ai"), "{default}");
    assert!(default.ends_with(&format!("7 services in 7 components (Compose){ON_DEFAULT_HOST}\n")), "{default}");
    let debug = podvisor(&["import", file, "--profile", "debug"]);
    assert_eq!(debug.status.code(), Some(0));
    assert!(
        text(&debug.stderr).ends_with(&format!("9 services in 8 components (Compose){ON_DEFAULT_HOST}\n")),
        "{}",
        text(&debug.stderr)
    );
}

#[test]
fn an_estate_is_costed_on_the_host_chosen_at_import() {
    let file = fixture("helm-bundle.yaml").display().to_string();
    let run = podvisor(&["import", &file, "--host", "aws/m6i.4xlarge", "--kubernetes", "eks"]);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    assert!(text(&run.stderr).ends_with(" (Kubernetes) on aws/m6i.4xlarge\n"), "{}", text(&run.stderr));
    let profile = podvisor::profile::parse(&run.stdout, "imported.ron").expect("loads").profile;
    assert_eq!(profile.environment.host, "aws/m6i.4xlarge");
    assert_eq!(profile.environment.kubernetes, podvisor::model::kubernetes::KubernetesFlavour::Eks);
    assert!(!profile.notes.contains("Costs rest on the default host"), "{}", profile.notes);

    // Without --host the profile says where its costs come from.
    let run = podvisor(&["import", &file]);
    let profile = podvisor::profile::parse(&run.stdout, "imported.ron").expect("loads").profile;
    assert_eq!(profile.environment.host, "custom");
    assert!(
        profile.notes.contains("Costs rest on the default host (64 cores, 256 GiB, 1200 USD a month)"),
        "{}",
        profile.notes
    );

    // An unknown id is a usage error naming the closest ids; so is an unknown flavour.
    let run = podvisor(&["import", &file, "--host", "aws/m6i.4xlarg"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("did you mean aws/m6i.4xlarge"), "{}", text(&run.stderr));
    let run = podvisor(&["import", &file, "--kubernetes", "ekss"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("did you mean eks?"), "{}", text(&run.stderr));
}
