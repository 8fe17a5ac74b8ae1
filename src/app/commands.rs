//! Commands: everything with a side effect, run in one place after the frame. Views and
//! shortcuts only ask for them; tests send them directly (`Command::Open(path)`), so no
//! dialog is ever needed to exercise the app.

use std::path::{Path, PathBuf};

use super::file_dialog::{self, FileKind, Picked};
use super::session::remember;
use super::{Alert, App, Document, examples};
use crate::command::file_stem;
use crate::command::{Command, DeckSource, Export, PathAnswer, PathPurpose, UnsavedChoice};
use crate::import::{Hosting, import_file};
use crate::profile::{Profile, load_file, save_file};
use crate::ui::dialogs::FileBrowser;
use crate::ui::words::{adjustment_note, setting_label};

impl App {
    /// Runs a command, first asking about unsaved changes if it would drop them.
    pub(crate) fn run_cmd(&mut self, ctx: &egui::Context, command: Command) {
        if command.replaces_scenario() && self.workspace.document.is_dirty() {
            self.dialogs.pending = Some(command);
        } else {
            self.execute(ctx, command);
        }
    }

    fn execute(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::New => {
                let cleared = self.replace_document(Document::new(
                    Profile::default(),
                    None,
                    true,
                    self.workspace.document.catalogs(),
                ));
                self.status = format!("New scenario{cleared}");
            }
            Command::Choose(purpose) => match self.pick(purpose) {
                Some(path) => self.chosen(ctx, purpose, path),
                // The browser is open, or the user cancelled; only a cancel drops the follow-up.
                None if self.dialogs.browser.is_none() => self.dialogs.after_save = None,
                None => {}
            },
            Command::Open(path) => self.open(&path),
            Command::Import(path) => self.import(&path),
            Command::OpenExample(index) => match examples::examples().get(index) {
                Some(example) => {
                    let cleared = self.replace_document(Document::new(
                        example.profile.clone(),
                        None,
                        true,
                        self.workspace.document.catalogs(),
                    ));
                    self.alert = None;
                    self.notice = None;
                    self.status = format!("Opened the example {}{cleared}", example.file);
                }
                None => {
                    self.alert = Some(Alert { title: "No such example".to_owned(), detail: format!("index {index}") });
                }
            },
            Command::Save => match self.workspace.document.path().map(Path::to_owned) {
                Some(path) => self.save(ctx, &path),
                None => self.execute(ctx, Command::Choose(PathPurpose::SaveAs)),
            },
            Command::SaveAs(path) => self.save(ctx, &path),
            Command::Undo | Command::Redo => {
                let before = self.workspace.document.profile().clone();
                let document = &mut self.workspace.document;
                let (done, verb) =
                    if command == Command::Undo { (document.undo(), "Undone") } else { (document.redo(), "Redone") };
                if done {
                    self.status = history_status(verb, &before, &self.workspace.document);
                }
            }
            Command::ResetAll => {
                self.workspace.document.reset_all();
                self.status =
                    "Every slider, weight and assumption is back to its default (Undo brings them back)".to_owned();
            }
            Command::ClearRecent => self.workspace.recent.clear(),
            Command::Quit => {
                self.dialogs.closing = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Command::Answer(choice) => self.answer(ctx, choice),
            Command::PathAnswer(answer) => self.path_answer(ctx, answer),
            Command::PinBaseline => self.pin_baseline(),
            Command::ClearBaseline => {
                self.workspace.baseline = None;
                self.status = "Baseline cleared".to_owned();
            }
            Command::CompareWith(path) => self.compare_with_file(&path),
            Command::CompareWithExample(index) => self.compare_with_example(index),
            Command::SwapCompared => self.swap_compared(),
            Command::StopComparing => self.workspace.compared = None,
            Command::Export(what, path) => self.export(ctx, what, &path),
            Command::Present => self.present(ctx),
            Command::StopPresenting => self.stop_presenting(ctx),
            Command::StepSlides(by) => self.step_slides(ctx, by),
            Command::GoToSlide(index) => self.go_to_slide(ctx, index),
            Command::ToggleBlank => self.presenter.blank = !self.presenter.blank,
            Command::ToggleLevers => self.toggle_levers(),
            Command::ToggleConsole => self.presenter.console = !self.presenter.console,
            Command::CycleSlideChart { axis } => self.cycle_slide_chart(axis),
            Command::ToggleShortcuts => self.dialogs.shortcuts = !self.dialogs.shortcuts,
            Command::Welcome(shown) => self.dialogs.welcome = shown,
            Command::UseDeck(source) => self.use_deck(source),
        }
    }

    /// Acts on a path chosen for `purpose`, in a dialog or typed.
    fn chosen(&mut self, ctx: &egui::Context, purpose: PathPurpose, path: PathBuf) {
        match purpose {
            PathPurpose::Open => self.open(&path),
            PathPurpose::Import => self.import(&path),
            PathPurpose::SaveAs => self.save(ctx, &with_extension(path, "ron")),
            PathPurpose::CompareWith => self.compare_with_file(&path),
            PathPurpose::Export(what) => self.export(ctx, what, &with_extension(path, what.extension())),
            PathPurpose::DeckFolder => self.use_deck(DeckSource::Folder(path)),
        }
    }

    fn answer(&mut self, ctx: &egui::Context, choice: UnsavedChoice) {
        let Some(pending) = self.dialogs.pending.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Save => {
                self.dialogs.after_save = Some(pending);
                self.execute(ctx, Command::Save);
            }
            UnsavedChoice::Discard => {
                if pending == Command::Quit {
                    // The session is stored on exit; what was discarded must not come back.
                    self.workspace.document.discard_changes();
                }
                self.execute(ctx, pending);
            }
            UnsavedChoice::Cancel => {}
        }
    }

    fn path_answer(&mut self, ctx: &egui::Context, answer: PathAnswer) {
        let Some(browser) = self.dialogs.browser.take() else {
            return;
        };
        match answer {
            PathAnswer::Confirm(path) => self.chosen(ctx, browser.purpose, path),
            PathAnswer::Cancel => self.dialogs.after_save = None,
        }
    }

    /// A path from the system dialog; `None` if cancelled, or if the in-app browser was
    /// opened instead (its answer arrives as [`Command::PathAnswer`]).
    fn pick(&mut self, purpose: PathPurpose) -> Option<PathBuf> {
        if self.dialogs.system_unavailable.is_none() {
            let directory = self.workspace.document.path().and_then(Path::parent).map(Path::to_owned);
            let directory = directory.as_deref();
            let title = purpose.title();
            let picked = match purpose {
                PathPurpose::Open | PathPurpose::CompareWith => {
                    file_dialog::pick_open(directory, title, FileKind::Profile)
                }
                PathPurpose::Import => file_dialog::pick_open(directory, title, FileKind::Manifests),
                PathPurpose::SaveAs => {
                    file_dialog::pick_save(directory, title, FileKind::Profile, &self.suggested_file_name(purpose))
                }
                PathPurpose::Export(what) => {
                    let kind = match what {
                        Export::Report => FileKind::Markdown,
                        Export::Chart | Export::Window => FileKind::Png,
                        Export::Deck => FileKind::Pdf,
                    };
                    file_dialog::pick_save(directory, title, kind, &self.suggested_file_name(purpose))
                }
                PathPurpose::DeckFolder => file_dialog::pick_folder(directory, title),
            };
            match picked {
                Picked::Path(path) => return Some(path),
                Picked::Cancelled => return None,
                Picked::Unavailable(reason) => self.dialogs.system_unavailable = Some(reason),
            }
        }
        // The browser opens where the scenario's file is, else in the working directory.
        let directory = self.workspace.document.path().and_then(Path::parent).map(Path::to_owned);
        let file_name = self.suggested_file_name(purpose);
        self.dialogs.browser = Some(FileBrowser::new(purpose, directory.as_deref(), &file_name));
        if let Some(reason) = &self.dialogs.system_unavailable {
            self.status.clone_from(reason);
        }
        None
    }

    /// A file name from the scenario's name ("Greenfield web shop" → "`greenfield_web_shop.ron`");
    /// exports are named after the scenario on screen (in presenter mode, the slide's).
    fn suggested_file_name(&self, purpose: PathPurpose) -> String {
        match purpose {
            PathPurpose::Export(what) => {
                what.file_name(self.profile_on_screen().map_or("", |profile| profile.name.as_str()))
            }
            _ => format!("{}.ron", file_stem(&self.workspace.document.profile().name)),
        }
    }

    /// Opens a profile; on failure the scenario stays exactly as it was.
    fn open(&mut self, path: &Path) {
        match load_file(path) {
            Ok(loaded) => {
                let cleared = self.replace_document(Document::new(
                    loaded.profile,
                    Some(path.to_owned()),
                    true,
                    self.workspace.document.catalogs(),
                ));
                remember(&mut self.workspace.recent, path);
                self.status = format!("Opened {}{cleared}", path.display());
                self.alert = None;
                // Adjusted values are not an error: the file opened, and says what changed.
                self.notice = (!loaded.warnings.is_empty()).then(|| Alert {
                    title: "Opened, with values adjusted to fit their ranges".to_owned(),
                    detail: loaded.warnings.iter().map(adjustment_note).collect::<Vec<_>>().join("\n"),
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

    /// Makes a new, unsaved scenario of a Compose file or Kubernetes manifests, as Open
    /// replaces the scenario; the import notes are shown. The new scenario keeps the host and
    /// Kubernetes flavour of the one it replaces, so an estate imported after choosing a
    /// catalog host (Environment) is costed on it, as `podvisor import --host` does; on the
    /// default host its notes say that costs rest on it. On failure the scenario stays exactly
    /// as it was.
    fn import(&mut self, path: &Path) {
        match import_file(path) {
            Ok(imported) => {
                let environment = &self.workspace.document.profile().environment;
                let hosting =
                    Hosting { host: Some(environment.host.clone()), kubernetes: Some(environment.kubernetes) };
                let cleared = self.replace_document(Document::new(
                    imported.to_profile_on(&hosting),
                    None,
                    false,
                    self.workspace.document.catalogs(),
                ));
                self.status =
                    format!("Imported {}: {}, as a new unsaved scenario{cleared}", path.display(), imported.summary());
                self.alert = None;
                self.notice = (!imported.notes.is_empty()).then(|| Alert {
                    title: format!(
                        "Imported {} ({}), with {} notes: what was not read, defaulted or inferred",
                        imported.source,
                        imported.format.name(),
                        imported.notes.len()
                    ),
                    detail: imported.notes.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"),
                });
            }
            Err(error) => {
                self.alert = Some(Alert {
                    title: "Could not import the file; your scenario is unchanged".to_owned(),
                    detail: error.message(path),
                });
            }
        }
    }

    /// Makes `document` the open scenario. The baseline was pinned on the scenario that
    /// goes, so it goes with it: its deltas and its chart lines would describe another
    /// workload. The welcome panel has done its job once a scenario is chosen. Returns what
    /// to add to the status line.
    pub(super) fn replace_document(&mut self, document: Document) -> &'static str {
        self.workspace.document = document;
        self.workspace.opened += 1;
        // A name being typed belonged to the scenario that was open.
        self.workspace.components = crate::ui::components::ComponentList::default();
        self.dialogs.welcome = false;
        if self.workspace.baseline.take().is_some() { BASELINE_CLEARED } else { "" }
    }

    /// Saves to `path`, then runs whatever was waiting for the save.
    fn save(&mut self, ctx: &egui::Context, path: &Path) {
        match save_file(path, self.workspace.document.profile()) {
            Ok(()) => {
                self.workspace.document.mark_saved(path.to_owned());
                remember(&mut self.workspace.recent, path);
                self.status = format!("Saved {}", path.display());
                if let Some(next) = self.dialogs.after_save.take() {
                    self.execute(ctx, next);
                }
            }
            Err(error) => {
                self.dialogs.after_save = None;
                self.alert = Some(Alert {
                    title: "Could not save; nothing was overwritten".to_owned(),
                    detail: error.to_string(),
                });
            }
        }
    }
}

/// Said in the status line when opening another scenario drops the baseline.
pub(super) const BASELINE_CLEARED: &str = "; the baseline was cleared, as it was pinned on the previous scenario";

/// Paths without an extension get the file kind's, as the dialogs' filter would.
fn with_extension(path: PathBuf, extension: &str) -> PathBuf {
    if path.extension().is_some() { path } else { path.with_extension(extension) }
}

/// What an undo or redo changed, for the status line: "Undone: Replicas 7 → 3", or "Undone:
/// 4 settings (Replicas, Weight of Isolation, Services, …)".
fn history_status(verb: &str, before: &Profile, after: &Document) -> String {
    const NAMED: usize = 3;
    let changed = crate::model::compare::differences(before, after.profile(), after.catalogs());
    match changed.as_slice() {
        [] => verb.to_owned(),
        [one] => format!("{verb}: {} {} → {}", setting_label(&one.field), one.a, one.b),
        many => {
            let names: Vec<String> = many.iter().take(NAMED).map(|d| setting_label(&d.field)).collect();
            let more = if many.len() > NAMED { ", …" } else { "" };
            format!("{verb}: {} settings ({}{more})", many.len(), names.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CriterionId, TraitId};

    #[test]
    fn the_status_line_names_what_an_undo_changed() {
        let edited = {
            let mut profile = Profile::default();
            profile.set(TraitId::Replicas, 7.0);
            profile
        };
        let replicas = setting_label("workload.replicas");
        let before = Profile::default().get(TraitId::Replicas);
        let open = |profile: &Profile| Document::new(profile.clone(), None, true, crate::builtin::catalogs());
        let default = open(&Profile::default());
        assert_eq!(history_status("Undone", &edited, &default), format!("Undone: {replicas} 7 → {before}"));
        assert_eq!(history_status("Redone", &edited, &open(&edited)), "Redone");

        let mut many = edited.clone();
        for (id, value) in [(TraitId::Services, 9.0), (TraitId::IsolationNeed, 9.0)] {
            many.set(id, value);
        }
        many.weights.insert(CriterionId::ISOLATION.key(), 3.0);
        let status = history_status("Undone", &many, &default);
        assert!(status.starts_with("Undone: 4 settings (") && status.ends_with(", …)"), "{status}");
    }
}
