//! Import of a Docker Compose file or Kubernetes manifests into typed components.
//!
//! The format is told from the content: a document with `apiVersion` and `kind` makes the
//! file Kubernetes manifests (every document is read); otherwise a first document whose
//! `services` is a mapping makes it a Compose file. What each format contributes is stated in
//! the `compose` and `kubernetes` modules and in `docs/import.md`; quantities are parsed by
//! [`quantity`].
//!
//! # Grouping rule
//! Each Compose service or Kubernetes workload object is a *service*. In file order, a
//! service joins the first component whose members
//! - are of the same [`WorkloadKind`], need the same OS (Windows or not), are equally
//!   privileged and name the same runtime hint,
//! - hold no state,
//! - together with it have memory per instance within [`SIMILAR_SHAPE_FACTOR`] (×1.25) of
//!   each other (largest ≤ 1.25 × smallest), and CPU likewise; a service that declares no
//!   memory (or CPU) groups only with services that declare none, and
//! - together with it have replicas within [`SIMILAR_REPLICAS_FACTOR`] (×1.5);
//!
//! otherwise it starts a component of its own. Stateful services — `StatefulSets`, database
//! and broker images (`postgres`, `mysql`, `mariadb`, `mongo`, `redis`, `elasticsearch`,
//! `cassandra`, `kafka`, `redpanda`, …), Compose services owning a named volume or a bind onto a
//! data path (see `state`), pods with a persistent volume claim — always get a component of
//! their own.
//!
//! A component's `replicas` is the members' mean, rounded; its memory and CPU per instance
//! are the members' means *weighted by replicas*. The mean, not the maximum: host sizing
//! adds up instances, and the weighted mean keeps the component's total
//! (services × replicas × size) equal to the members' sum whenever the mean replica count is
//! whole; the factor bounds how far any member is from that mean.
//!
//! # Notes, never silent guesses
//! A value present but unreadable is left out and noted; an undeclared resource stays
//! `None` and is noted (the profile's default then applies, by name); a format default
//! (replicas 1) is noted with its rule; a limit used for want of a request is noted; a fact
//! concluded from an image or volume name is noted with the evidence; every document, kind or
//! service not imported is noted (one note per kind). Notes are listed by [`Rank`]:
//! inferences first, routine defaults last, file order within a rank.
//!
//! # Into a profile
//! `fit` merges components beyond [`MAX_COMPONENTS`](crate::model::profile::MAX_COMPONENTS)
//! and brings figures into the traits' ranges (each noted); [`Imported::to_profile`] makes the
//! profile.
//!
//! # Limits
//! Input above [`MAX_INPUT_BYTES`] is refused before parsing; the parser runs under a budget
//! (aliases, alias replays, anchors, nesting depth, documents, nodes) so an alias bomb or a
//! deeply nested file fails fast with [`ImportError::Limit`]; so does a file of more than
//! [`MAX_SERVICES`] services.

mod compose;
mod fit;
mod group;
mod imported;
mod interpolate;
mod kubernetes;
mod note;
mod profile;
mod project;
pub mod quantity;
mod read;
mod service;
mod state;
mod template;
mod text;
mod yaml;

use std::path::{Path, PathBuf};

use thiserror::Error;

pub use group::{SIMILAR_REPLICAS_FACTOR, SIMILAR_SHAPE_FACTOR};
pub use imported::{Format, Imported, ImportedComponent, RuntimeHint, WorkloadKind};
pub use note::{Field, Ignored, ImportNote, Inference, Note, Place, Rank};
pub use profile::{
    CURRENT, FENCED_ISOLATION_NEED, Hosting, MAX_LISTED_NOTES, SANDBOXED_UNTRUSTED_CODE, STATEFUL_DATA_INTENSITY,
};
pub use project::MAX_FILES;
pub use yaml::MAX_INPUT_BYTES;

/// Most services (Compose) or workload objects (Kubernetes) an import reads: five times the
/// 1,000-Deployment estate of the benchmark, and far beyond the 64 components a profile holds.
/// Merging down to those is quadratic in the count, so a bound keeps any file up to the size
/// cap within the time bound (20,000 stateful services took 75 s unoptimised before it). A
/// choice: 2,000–10,000 are defensible.
pub const MAX_SERVICES: usize = 5_000;

/// Why a file could not be imported at all.
#[derive(Debug, Error)]
pub enum ImportError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("the file is {bytes} bytes; imports are limited to {limit} bytes")]
    TooLarge { bytes: usize, limit: usize },
    #[error("not valid YAML{}: {message}", at(*.line, *.column))]
    Yaml { message: String, line: Option<u64>, column: Option<u64> },
    /// The parser's budget stopped the parse (alias bomb, deep nesting, too many nodes).
    #[error("the file exceeds a parsing limit{}: {message}", at(*.line, *.column))]
    Limit { message: String, line: Option<u64>, column: Option<u64> },
    #[error("the file is empty")]
    Empty,
    /// Compose itself refuses the file (`docker compose config` fails the same way).
    #[error("Compose refuses this file{}: {message}", at(*.line, None))]
    Compose { message: String, line: Option<u64> },
    /// Not UTF-8 (nor UTF-16 with a byte order mark, which is decoded).
    #[error(
        "not UTF-8 text (at byte {at}{}): save the file as UTF-8 and import it again",
        if *.utf16 { "; it looks like UTF-16 without a byte order mark" } else { "" }
    )]
    Encoding { at: usize, utf16: bool },
    /// A Helm chart's template, not its output: Go template actions (`{{ … }}`) are not YAML.
    #[error(
        "an unrendered Helm template (`{{{{ … }}}}` at line {line}): render it first with \
         `helm template RELEASE CHART > manifests.yaml` and import the output"
    )]
    HelmTemplate { line: u64 },
    #[error("neither a Compose file (no `services:` mapping) nor Kubernetes manifests (no `apiVersion` and `kind`)")]
    UnknownFormat,
    /// The file was understood but holds no service or workload; the notes say what it held.
    #[error("no services or workloads found ({} item(s) ignored)", notes.len())]
    NoWorkloads { format: Format, notes: Vec<ImportNote> },
}

impl ImportError {
    /// The message for people, naming the file `path` (an I/O error names it already); a
    /// file without workloads is followed by the notes that say what it held, one a line.
    pub fn message(&self, path: &Path) -> String {
        match self {
            Self::Io { .. } => self.to_string(),
            Self::NoWorkloads { notes, .. } => {
                format!("{}: {self}\n{}", path.display(), note_lines(path, notes).trim_end())
            }
            _ => format!("{}: {self}", path.display()),
        }
    }
}

/// One line per note, each ended by a newline: the file, then the note's place and what it
/// says.
pub fn note_lines(file: &Path, notes: &[ImportNote]) -> String {
    notes.iter().map(|note| format!("{}: {note}\n", file.display())).collect()
}

fn at(line: Option<u64>, column: Option<u64>) -> String {
    match (line, column) {
        (Some(line), Some(column)) => format!(" at line {line}:{column}"),
        (Some(line), None) => format!(" at line {line}"),
        _ => String::new(),
    }
}

/// Choices an import takes besides the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Compose profiles to include (`--profile`); `*` includes every one.
    pub profiles: Vec<String>,
    /// Variables for Compose interpolation, over those of the `.env` file beside the file (the
    /// command line passes its environment, as `docker compose` reads it).
    pub variables: std::collections::BTreeMap<String, String>,
}

/// Import the text of a Compose file or of Kubernetes manifests; `file_name` is recorded as
/// the source. Other files a Compose file names are not read (each is noted).
pub fn import_str(text: &str, file_name: &str) -> Result<Imported, ImportError> {
    import_text(text, file_name, None, &Options::default())
}

/// [`import_str`] with options, the file's folder (for `.env`, `include:`, `extends.file` and
/// an override's base) when it came from disk.
fn import_text(text: &str, file_name: &str, folder: Option<&Path>, options: &Options) -> Result<Imported, ImportError> {
    let documents = yaml::documents(text).map_err(|error| match error {
        ImportError::Yaml { .. } => {
            template::action_line(text).map_or(error, |line| ImportError::HelmTemplate { line })
        }
        _ => error,
    })?;
    let Some(first) = documents.first() else {
        return Err(ImportError::Empty);
    };
    let mut notes = read::Notes::default();
    let (format, services) = if documents.iter().any(kubernetes::is_object) {
        (Format::Kubernetes, kubernetes::read(&documents, &mut notes))
    } else if compose::is_compose(first) {
        let mut project = project::Project { folder, variables: &options.variables, files: 1 };
        let resolved = project.resolve(first.clone(), file_name, &mut notes)?;
        (Format::Compose, compose::read(&resolved, &options.profiles, &mut notes)?)
    } else {
        return Err(ImportError::UnknownFormat);
    };
    if services.is_empty() {
        return Err(ImportError::NoWorkloads { format, notes: notes.0 });
    }
    if services.len() > MAX_SERVICES {
        let message = format!(
            "{} services or workloads; an import reads at most {MAX_SERVICES} (a profile holds {} components): split the file",
            services.len(),
            crate::model::profile::MAX_COMPONENTS
        );
        return Err(ImportError::Limit { message, line: None, column: None });
    }
    let components = fit::fit(group::group(services), &mut notes);
    let mut notes = notes.0;
    notes.sort_by_key(|note| note.note.rank());
    Ok(Imported { source: file_name.to_owned(), format, components, notes })
}

/// Read and import a file; the file's name (without directories) is recorded as the source.
/// The size is checked from the file's metadata before it is read; UTF-16 with a byte order
/// mark (what Windows PowerShell's `>` writes) is decoded, other text must be UTF-8.
pub fn import_file(path: &Path) -> Result<Imported, ImportError> {
    import_file_with(path, &Options::default())
}

/// [`import_file`] with options.
pub fn import_file_with(path: &Path, options: &Options) -> Result<Imported, ImportError> {
    let io = |source| ImportError::Io { path: path.to_owned(), source };
    let bytes = usize::try_from(std::fs::metadata(path).map_err(io)?.len()).unwrap_or(usize::MAX);
    if bytes > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge { bytes, limit: MAX_INPUT_BYTES });
    }
    let text = text::decode(std::fs::read(path).map_err(io)?)?;
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let folder = path.parent().map(|p| if p.as_os_str().is_empty() { Path::new(".") } else { p });
    import_text(&text, &name, folder, options)
}
