//! Commands: everything with a side effect, run in one place after the frame. Views and
//! shortcuts only ask for them; tests send them directly (`Command::Open(path)`), so no
//! dialog is ever needed to exercise the app.

use std::path::{Path, PathBuf};

use super::deck::DeckSource;
use super::export::{Export, file_stem};
use super::file_dialog::{self, FileKind, Picked};
use super::session::remember;
use super::{Alert, App, Document, examples};
use crate::profile::{Profile, load_file, save_file};
use crate::ui::dialogs::{PathAnswer, PathPrompt, PathPurpose, UnsavedChoice};

/// Something the user asked for that touches files, dialogs or the window.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    /// A fresh scenario with default values.
    New,
    /// Ask for a path (system dialog, or typed path where there is none), then act on it.
    Choose(PathPurpose),
    Open(PathBuf),
    /// Open a bundled example, by its index in [`examples::examples`].
    OpenExample(usize),
    /// Save to the current file, or ask where if there is none.
    Save,
    SaveAs(PathBuf),
    Undo,
    Redo,
    ClearRecent,
    Quit,
    /// The answer to "save your changes first?".
    Answer(UnsavedChoice),
    /// The answer to the typed-path prompt.
    PathAnswer(PathAnswer),
    /// Hold the open scenario as it is now as the baseline (replacing any before).
    PinBaseline,
    ClearBaseline,
    /// Set a profile beside the open scenario in the compare tab (as B).
    CompareWith(PathBuf),
    /// Set a bundled example beside the open scenario, by its index.
    CompareWithExample(usize),
    /// Open B as the scenario to edit; the open scenario becomes B.
    SwapCompared,
    StopComparing,
    /// Write the scenario on screen, or a picture of the window or its chart, to a file.
    Export(Export, PathBuf),
    /// Enter presenter mode.
    Present,
    StopPresenting,
    /// Step through the presenter deck (+1 next, −1 previous).
    StepSlides(isize),
    UseDeck(DeckSource),
}

impl Command {
    /// Whether running this command would drop the current scenario.
    fn replaces_scenario(&self) -> bool {
        matches!(
            self,
            Self::New
                | Self::Choose(PathPurpose::Open)
                | Self::Open(_)
                | Self::OpenExample(_)
                | Self::SwapCompared
                | Self::Quit
        )
    }

    /// What the command does, for the question about unsaved changes ("… before {this}?").
    pub fn describe(&self) -> &'static str {
        match self {
            Self::New => "starting a new scenario",
            Self::Choose(PathPurpose::Open) | Self::Open(_) => "opening another profile",
            Self::OpenExample(_) => "opening the example",
            Self::SwapCompared => "swapping A and B",
            Self::Quit => "quitting",
            _ => "going on",
        }
    }
}

impl App {
    /// Runs a command, first asking about unsaved changes if it would drop them.
    pub(crate) fn run_cmd(&mut self, ctx: &egui::Context, command: Command) {
        if command.replaces_scenario() && self.document.is_dirty() {
            self.pending = Some(command);
        } else {
            self.execute(ctx, command);
        }
    }

    fn execute(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => {
                self.document = Document::new(Profile::default(), None, true);
                self.status = "New scenario".to_owned();
            }
            Command::Choose(purpose) => match self.pick(purpose) {
                Some(path) => self.chosen(ctx, purpose, path),
                // A prompt is open, or the user cancelled; only a cancel drops the follow-up.
                None if self.path_prompt.is_none() => self.after_save = None,
                None => {}
            },
            Command::Open(path) => self.open(&path),
            Command::OpenExample(index) => match examples::examples().get(index) {
                Some(example) => {
                    self.document = Document::new(example.profile.clone(), None, true);
                    self.alert = None;
                    self.status = format!("Opened the example {}", example.file);
                }
                None => {
                    self.alert = Some(Alert { title: "No such example".to_owned(), detail: format!("index {index}") });
                }
            },
            Command::Save => match self.document.path().map(Path::to_owned) {
                Some(path) => self.save(ctx, &path),
                None => self.execute(ctx, Command::Choose(PathPurpose::SaveAs)),
            },
            Command::SaveAs(path) => self.save(ctx, &path),
            Command::Undo => {
                if self.document.undo() {
                    self.status = "Undone".to_owned();
                }
            }
            Command::Redo => {
                if self.document.redo() {
                    self.status = "Redone".to_owned();
                }
            }
            Command::ClearRecent => self.recent.clear(),
            Command::Quit => {
                self.closing = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::Answer(choice) => self.answer(ctx, choice),
            Command::PathAnswer(answer) => self.path_answer(ctx, answer),
            Command::PinBaseline => self.pin_baseline(),
            Command::ClearBaseline => {
                self.baseline = None;
                self.status = "Baseline cleared".to_owned();
            }
            Command::CompareWith(path) => self.compare_with_file(&path),
            Command::CompareWithExample(index) => self.compare_with_example(index),
            Command::SwapCompared => self.swap_compared(),
            Command::StopComparing => self.compared = None,
            Command::Export(what, path) => self.export(ctx, what, &path),
            Command::Present => self.present(ctx),
            Command::StopPresenting => self.stop_presenting(ctx),
            Command::StepSlides(by) => self.step_slides(ctx, by),
            Command::UseDeck(source) => self.use_deck(source),
        }
    }

    /// Acts on a path chosen for `purpose`, in a dialog or typed.
    fn chosen(&mut self, ctx: &egui::Context, purpose: PathPurpose, path: PathBuf) {
        match purpose {
            PathPurpose::Open => self.open(&path),
            PathPurpose::SaveAs => self.save(ctx, &with_extension(path, "ron")),
            PathPurpose::CompareWith => self.compare_with_file(&path),
            PathPurpose::Export(what) => self.export(ctx, what, &with_extension(path, what.extension())),
            PathPurpose::DeckFolder => self.use_deck(DeckSource::Folder(path)),
        }
    }

    fn answer(&mut self, ctx: &egui::Context, choice: UnsavedChoice) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Save => {
                self.after_save = Some(pending);
                self.execute(ctx, Command::Save);
            }
            UnsavedChoice::Discard => {
                if pending == Command::Quit {
                    // The session is stored on exit; what was discarded must not come back.
                    self.document.discard_changes();
                }
                self.execute(ctx, pending);
            }
            UnsavedChoice::Cancel => {}
        }
    }

    fn path_answer(&mut self, ctx: &egui::Context, answer: PathAnswer) {
        let Some(prompt) = self.path_prompt.take() else {
            return;
        };
        match answer {
            PathAnswer::Confirm(text) => self.chosen(ctx, prompt.purpose, PathBuf::from(text)),
            PathAnswer::Cancel => self.after_save = None,
        }
    }

    /// A path from the system dialog; `None` if cancelled, or if a typed-path prompt was
    /// opened instead (its answer arrives as [`Command::PathAnswer`]).
    fn pick(&mut self, purpose: PathPurpose) -> Option<PathBuf> {
        if self.dialogs_unavailable.is_none() {
            let directory = self.document.path().and_then(Path::parent).map(Path::to_owned);
            let directory = directory.as_deref();
            let title = purpose.title();
            let picked = match purpose {
                PathPurpose::Open | PathPurpose::CompareWith => file_dialog::pick_open(directory, title),
                PathPurpose::SaveAs => {
                    file_dialog::pick_save(directory, title, FileKind::Profile, &self.suggested_file_name(purpose))
                }
                PathPurpose::Export(what) => {
                    let kind = if what == Export::Report { FileKind::Markdown } else { FileKind::Png };
                    file_dialog::pick_save(directory, title, kind, &self.suggested_file_name(purpose))
                }
                PathPurpose::DeckFolder => file_dialog::pick_folder(directory, title),
            };
            match picked {
                Picked::Path(path) => return Some(path),
                Picked::Cancelled => return None,
                Picked::Unavailable(reason) => self.dialogs_unavailable = Some(reason),
            }
        }
        let note = self.dialogs_unavailable.clone().unwrap_or_default();
        let text = match purpose {
            PathPurpose::Open | PathPurpose::CompareWith | PathPurpose::DeckFolder => String::new(),
            PathPurpose::SaveAs => self
                .document
                .path()
                .map_or_else(|| self.suggested_file_name(purpose), |path| path.display().to_string()),
            PathPurpose::Export(_) => self.suggested_file_name(purpose),
        };
        self.path_prompt = Some(PathPrompt { purpose, text, note });
        None
    }

    /// A file name from the scenario's name ("Greenfield web shop" → "`greenfield_web_shop.ron`");
    /// exports are named after the scenario on screen (in presenter mode, the slide's).
    fn suggested_file_name(&self, purpose: PathPurpose) -> String {
        match purpose {
            PathPurpose::Export(what) => {
                what.file_name(self.profile_on_screen().map_or("", |profile| profile.name.as_str()))
            }
            _ => format!("{}.ron", file_stem(&self.document.profile().name)),
        }
    }

    /// Opens a profile; on failure the scenario stays exactly as it was.
    fn open(&mut self, path: &Path) {
        match load_file(path) {
            Ok(loaded) => {
                self.document = Document::new(loaded.profile, Some(path.to_owned()), true);
                remember(&mut self.recent, path);
                self.status = format!("Opened {}", path.display());
                self.alert = (!loaded.warnings.is_empty()).then(|| Alert {
                    title: "Opened, with values adjusted to fit their ranges".to_owned(),
                    detail: loaded.warnings.join("\n"),
                });
            }
            Err(error) => {
                self.alert = Some(Alert {
                    title: "Could not open the profile; your scenario is unchanged".to_owned(),
                    detail: error.to_string(),
                });
            }
        }
    }

    /// Saves to `path`, then runs whatever was waiting for the save.
    fn save(&mut self, ctx: &egui::Context, path: &Path) {
        match save_file(path, self.document.profile()) {
            Ok(()) => {
                self.document.mark_saved(path.to_owned());
                remember(&mut self.recent, path);
                self.status = format!("Saved {}", path.display());
                if let Some(next) = self.after_save.take() {
                    self.execute(ctx, next);
                }
            }
            Err(error) => {
                self.after_save = None;
                self.alert = Some(Alert {
                    title: "Could not save; nothing was overwritten".to_owned(),
                    detail: error.to_string(),
                });
            }
        }
    }
}

/// Paths without an extension get the file kind's, as the dialogs' filter would.
fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_some() { path } else { path.with_extension(extension) }
}
