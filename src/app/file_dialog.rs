//! The system's file dialogs (rfd), and telling a cancelled dialog from one that never
//! appeared. On Linux rfd 0.17 asks the xdg-desktop-portal over D-Bus, falls back to
//! `zenity`, and when both fail it only logs and returns `None`, exactly as if the user had
//! cancelled. On a headless machine, under Xvfb or on CI there is usually neither, so the
//! app offers its own file browser (`egui_file`) instead and says why.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What came of asking for a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    Path(PathBuf),
    Cancelled,
    /// No dialog could be shown; the text says why.
    Unavailable(String),
}

/// A person needs longer than this to cancel a dialog; a `None` sooner than this means the
/// dialog never appeared.
const FASTEST_HUMAN_CANCEL: Duration = Duration::from_millis(300);

/// Why no system dialog can be shown here, if that is known before trying.
pub fn known_unavailable() -> Option<String> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let has_session_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        || std::env::var_os("XDG_RUNTIME_DIR").is_some_and(|dir| Path::new(&dir).join("bus").exists());
    let has_zenity = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()));
    (!has_session_bus && !has_zenity).then(|| {
        "No system file dialog is available here (no D-Bus session for the xdg-desktop-portal, and no zenity). \
         Choose the file in the app's own browser instead."
            .to_owned()
    })
}

fn outcome(started: Instant, path: Option<PathBuf>) -> Picked {
    match path {
        Some(path) => Picked::Path(path),
        None if started.elapsed() < FASTEST_HUMAN_CANCEL => Picked::Unavailable(
            "The system file dialog did not open (is xdg-desktop-portal or zenity installed?). Choose the file in the app's own browser instead."
                .to_owned(),
        ),
        None => Picked::Cancelled,
    }
}

/// The kind of file a dialog lists: its filter's name and extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Profile,
    /// A Docker Compose file or Kubernetes manifests, to import.
    Manifests,
    Markdown,
    Png,
    Pdf,
}

impl FileKind {
    fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Self::Profile => ("Podvisor profile", &["ron"]),
            Self::Manifests => ("Compose file or Kubernetes manifests", &crate::command::IMPORTED_EXTENSIONS),
            Self::Markdown => ("Markdown", &["md"]),
            Self::Png => ("PNG image", &["png"]),
            Self::Pdf => ("PDF document", &["pdf"]),
        }
    }
}

fn dialog(directory: Option<&Path>, title: &str) -> rfd::FileDialog {
    let dialog = rfd::FileDialog::new().set_title(title);
    match directory {
        Some(directory) => dialog.set_directory(directory),
        None => dialog,
    }
}

/// Asks for a file of `kind` to read. Blocks until the dialog closes.
pub fn pick_open(directory: Option<&Path>, title: &str, kind: FileKind) -> Picked {
    let started = Instant::now();
    let (name, extensions) = kind.filter();
    outcome(started, dialog(directory, title).add_filter(name, extensions).pick_file())
}

/// Asks where to write a file of `kind`. Blocks until the dialog closes.
pub fn pick_save(directory: Option<&Path>, title: &str, kind: FileKind, file_name: &str) -> Picked {
    let started = Instant::now();
    let (name, extensions) = kind.filter();
    outcome(started, dialog(directory, title).add_filter(name, extensions).set_file_name(file_name).save_file())
}

/// Asks for a folder. Blocks until the dialog closes.
pub fn pick_folder(directory: Option<&Path>, title: &str) -> Picked {
    let started = Instant::now();
    outcome(started, dialog(directory, title).pick_folder())
}
