//! What the user can ask the app to do, as plain data: the views, menus and shortcuts only
//! ask for a [`Command`]; the app runs it after the frame. A leaf module (it imports nothing
//! of the crate), so that `ui` and `app` both use it and neither imports the other.
//!
//! [`UiCommand`] is the one table of what the menus, the keyboard and Help ▸ Keyboard
//! shortcuts offer: each entry's label, hover text and keys are written here once (as rerun's
//! viewer does with its `UICommand`).

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};
use serde::{Deserialize, Serialize};

/// Something the user asked for that touches files, dialogs or the window.
#[derive(Clone, Debug, PartialEq)]
#[must_use]
pub enum Command {
    /// A fresh scenario with default values.
    New,
    /// Ask for a path (system dialog, or the in-app browser where there is none), then act on it.
    Choose(PathPurpose),
    Open(PathBuf),
    /// Make a new, unsaved scenario of a Docker Compose file or Kubernetes manifests.
    Import(PathBuf),
    /// Open a bundled example, by its index in the bundled list.
    OpenExample(usize),
    /// Save to the current file, or ask where if there is none.
    Save,
    SaveAs(PathBuf),
    Undo,
    Redo,
    /// Every trait, weight and assumption back to its default (one undo step).
    ResetAll,
    ClearRecent,
    Quit,
    /// The answer to "save your changes first?".
    Answer(UnsavedChoice),
    /// The answer to the in-app path browser.
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
    /// Jump to a slide, counted from 0; past the end means the last.
    GoToSlide(usize),
    /// Blank the presenter's screen, or bring the slide back.
    ToggleBlank,
    /// Show the slide's what-if levers, or put them away with the slide as it was.
    ToggleLevers,
    /// Open the presenter console in a window of its own, or close it.
    ToggleConsole,
    /// Show the next resource on this slide's chart (`false`), or plot it over the next
    /// setting (`true`); remembered per slide with the deck.
    CycleSlideChart {
        axis: bool,
    },
    UseDeck(DeckSource),
    /// Show or hide the list of keyboard shortcuts.
    ToggleShortcuts,
    /// Show (true) or hide the welcome panel.
    Welcome(bool),
}

impl Command {
    /// Whether running this command would drop the current scenario.
    pub fn replaces_scenario(&self) -> bool {
        matches!(
            self,
            Self::New
                | Self::Choose(PathPurpose::Open | PathPurpose::Import)
                | Self::Open(_)
                | Self::Import(_)
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
            Self::Choose(PathPurpose::Import) | Self::Import(_) => "importing a file",
            Self::OpenExample(_) => "opening the example",
            Self::SwapCompared => "swapping A and B",
            Self::Quit => "quitting",
            _ => "going on",
        }
    }
}

/// What can be exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// The Markdown report, as `podvisor report` writes it.
    Report,
    /// The chart on screen, as PNG.
    Chart,
    /// The whole window, as PNG.
    Window,
    /// Presenter mode's deck, every slide a page, as PDF.
    Deck,
}

impl Export {
    pub fn extension(self) -> &'static str {
        match self {
            Self::Report => "md",
            Self::Chart | Self::Window => "png",
            Self::Deck => "pdf",
        }
    }

    /// The dialog's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::Report => "Export report",
            Self::Chart => "Export chart as PNG",
            Self::Window => "Export window as PNG",
            Self::Deck => "Export deck as PDF",
        }
    }

    /// The file name offered for a scenario's name ("Greenfield web shop" →
    /// "`greenfield_web_shop.md`", "`greenfield_web_shop_chart.png`").
    pub fn file_name(self, scenario: &str) -> String {
        let stem = file_stem(scenario);
        match self {
            Self::Chart => format!("{stem}_chart.png"),
            Self::Deck => format!("{stem}_deck.pdf"),
            Self::Report | Self::Window => format!("{stem}.{}", self.extension()),
        }
    }
}

/// A file name stem from a scenario's name: lower case, words joined by `_`.
pub fn file_stem(name: &str) -> String {
    let stem: String = name.chars().map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { '_' }).collect();
    let stem = stem.trim_matches('_');
    if stem.is_empty() { "scenario".to_owned() } else { stem.to_owned() }
}

/// What a path is asked for, by a system dialog or the in-app browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    /// A Compose file or Kubernetes manifests to import.
    Import,
    SaveAs,
    /// A profile to compare the open scenario with (B in the compare view).
    CompareWith,
    Export(Export),
    /// A folder of profiles for presenter mode's deck.
    DeckFolder,
}

impl PathPurpose {
    /// The dialog's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::Open => "Open profile",
            Self::Import => "Import a Compose file or Kubernetes manifests",
            Self::SaveAs => "Save profile as",
            Self::CompareWith => "Compare with profile",
            Self::Export(what) => what.title(),
            Self::DeckFolder => "Choose the presenter deck's folder",
        }
    }

    /// Whether the path is written to (a new file may be named) rather than read.
    pub fn saves(self) -> bool {
        matches!(self, Self::SaveAs | Self::Export(_))
    }

    /// The extensions of the files it lists (none for a folder).
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Open | Self::SaveAs | Self::CompareWith => &["ron"],
            Self::Import => &IMPORTED_EXTENSIONS,
            Self::Export(Export::Report) => &["md"],
            Self::Export(Export::Chart | Export::Window) => &["png"],
            Self::Export(Export::Deck) => &["pdf"],
            Self::DeckFolder => &[],
        }
    }
}

/// The extensions of files File ▸ Import lists and dropped files are imported by.
pub const IMPORTED_EXTENSIONS: [&str; 2] = ["yml", "yaml"];

/// Whether a path names a file to import (by its extension, in any case).
pub fn is_importable(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| IMPORTED_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Where presenter mode's deck comes from; persisted with the session.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeckSource {
    /// The example profiles bundled in the binary.
    #[default]
    Examples,
    /// Every `*.ron` file of a folder.
    Folder(PathBuf),
}

impl DeckSource {
    /// For menus and messages: "bundled examples", or the folder.
    pub fn describe(&self) -> String {
        match self {
            Self::Examples => "bundled examples".to_owned(),
            Self::Folder(folder) => folder.display().to_string(),
        }
    }
}

/// The answer to "save your changes first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

/// The outcome of the in-app path browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathAnswer {
    Confirm(PathBuf),
    Cancel,
}

/// When a keyboard shortcut applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// While exploring (not presenting).
    Editing,
    /// While presenting.
    Presenting,
    /// Always.
    Both,
}

/// What the keyboard may do this frame: edit the scenario, or step through a presentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keys {
    /// `undo`: whether Ctrl+Z is the app's (not a focused text field's).
    Editing {
        undo: bool,
    },
    Presenting,
}

const fn shortcut(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
const CTRL_ALT: Modifiers = Modifiers::COMMAND.plus(Modifiers::ALT);
const NONE: Modifiers = Modifiers::NONE;

/// Number keys 1–9: jump to that slide.
const NUMBER_KEYS: [KeyboardShortcut; 9] = [
    shortcut(NONE, Key::Num1),
    shortcut(NONE, Key::Num2),
    shortcut(NONE, Key::Num3),
    shortcut(NONE, Key::Num4),
    shortcut(NONE, Key::Num5),
    shortcut(NONE, Key::Num6),
    shortcut(NONE, Key::Num7),
    shortcut(NONE, Key::Num8),
    shortcut(NONE, Key::Num9),
];

/// Every command the menus and the keyboard offer, with its label, hover text and keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::VariantArray)]
pub enum UiCommand {
    New,
    Open,
    Import,
    Save,
    SaveAs,
    ExportReport,
    ExportChart,
    ExportWindow,
    ExportDeck,
    Quit,
    Undo,
    Redo,
    ResetAll,
    PinBaseline,
    ClearBaseline,
    CompareWith,
    Present,
    Shortcuts,
    NextSlide,
    PreviousSlide,
    FirstSlide,
    LastSlide,
    GoToSlide,
    Blank,
    Levers,
    Console,
    SlideResource,
    SlideAxis,
    StopPresenting,
}

/// What a [`UiCommand`] is: its menu label, hover text, keys (the first shown in menus) and
/// when they apply, and the command it runs (`nth`: which of its keys was pressed, the slide
/// number for 1–9). Written once per command, in [`UiCommand::spec`]'s exhaustive match: a
/// new variant cannot be left without keys or an F1 entry.
#[derive(Clone, Copy)]
pub struct Spec {
    pub text: &'static str,
    pub tooltip: &'static str,
    pub keys: &'static [KeyboardShortcut],
    pub scope: Scope,
    pub run: fn(usize) -> Command,
}

impl UiCommand {
    /// Every command, in the order Help ▸ Keyboard shortcuts lists them (the declaration's).
    pub const ALL: &[Self] = <Self as strum::VariantArray>::VARIANTS;

    /// The command's one description.
    #[expect(clippy::too_many_lines, reason = "one line per command: the table itself")]
    pub fn spec(self) -> Spec {
        match self {
            Self::New => Spec {
                text: "New",
                tooltip: "A fresh scenario with default values",
                keys: &const { [shortcut(CTRL, Key::N)] },
                scope: Scope::Editing,
                run: |_| Command::New,
            },
            Self::Open => Spec {
                text: "Open…",
                tooltip: "Open a profile (.ron)",
                keys: &const { [shortcut(CTRL, Key::O)] },
                scope: Scope::Editing,
                run: |_| Command::Choose(PathPurpose::Open),
            },
            Self::Import => Spec {
                text: "Import…",
                tooltip: "A new scenario from a Docker Compose file or Kubernetes manifests (.yml, .yaml)",
                keys: &[],
                scope: Scope::Editing,
                run: |_| Command::Choose(PathPurpose::Import),
            },
            Self::Save => Spec {
                text: "Save",
                tooltip: "Save the scenario to its file",
                keys: &const { [shortcut(CTRL, Key::S)] },
                scope: Scope::Editing,
                run: |_| Command::Save,
            },
            Self::SaveAs => Spec {
                text: "Save as…",
                tooltip: "Save the scenario to a new file",
                keys: &const { [shortcut(CTRL_SHIFT, Key::S)] },
                scope: Scope::Editing,
                run: |_| Command::Choose(PathPurpose::SaveAs),
            },
            Self::ExportReport => Spec {
                text: "Export report…",
                tooltip: "The Markdown report of the scenario on screen",
                keys: &const { [shortcut(CTRL, Key::E)] },
                scope: Scope::Both,
                run: |_| Command::Choose(PathPurpose::Export(Export::Report)),
            },
            Self::ExportChart => Spec {
                text: "Export chart as PNG…",
                tooltip: "The projection chart on screen, with its title",
                keys: &const { [shortcut(CTRL_ALT, Key::E)] },
                scope: Scope::Both,
                run: |_| Command::Choose(PathPurpose::Export(Export::Chart)),
            },
            Self::ExportWindow => Spec {
                text: "Export window as PNG…",
                tooltip: "A picture of the whole window",
                keys: &const { [shortcut(CTRL_SHIFT, Key::E)] },
                scope: Scope::Both,
                run: |_| Command::Choose(PathPurpose::Export(Export::Window)),
            },
            Self::ExportDeck => Spec {
                text: "Export deck as PDF…",
                tooltip: "Every slide presenter mode shows (the scenario on screen, then the deck), one page each as the room sees it, with its notes: a handout",
                keys: &const { [shortcut(CTRL_SHIFT, Key::D)] },
                scope: Scope::Both,
                run: |_| Command::Choose(PathPurpose::Export(Export::Deck)),
            },
            Self::Quit => Spec {
                text: "Quit",
                tooltip: "Close Podvisor (asks first if changes are unsaved)",
                keys: &const { [shortcut(CTRL, Key::Q)] },
                scope: Scope::Both,
                run: |_| Command::Quit,
            },
            Self::Undo => Spec {
                text: "Undo",
                tooltip: "Undo the last change",
                keys: &const { [shortcut(CTRL, Key::Z)] },
                scope: Scope::Editing,
                run: |_| Command::Undo,
            },
            Self::Redo => Spec {
                text: "Redo",
                tooltip: "Redo what was undone",
                keys: &const { [shortcut(CTRL_SHIFT, Key::Z), shortcut(CTRL, Key::Y)] },
                scope: Scope::Editing,
                run: |_| Command::Redo,
            },
            Self::ResetAll => Spec {
                text: "Reset all sliders",
                tooltip: "Every trait, weight and assumption back to its default; Undo brings them back",
                keys: &[],
                scope: Scope::Editing,
                run: |_| Command::ResetAll,
            },
            Self::PinBaseline => Spec {
                text: "Pin as baseline",
                tooltip: "Hold the scenario as it is now, to see what changes since",
                keys: &const { [shortcut(CTRL, Key::B)] },
                scope: Scope::Editing,
                run: |_| Command::PinBaseline,
            },
            Self::ClearBaseline => Spec {
                text: "Clear baseline",
                tooltip: "Stop comparing with the pinned baseline",
                keys: &const { [shortcut(CTRL_SHIFT, Key::B)] },
                scope: Scope::Editing,
                run: |_| Command::ClearBaseline,
            },
            Self::CompareWith => Spec {
                text: "Compare with…",
                tooltip: "Choose a profile to set beside the open scenario",
                keys: &[],
                scope: Scope::Editing,
                run: |_| Command::Choose(PathPurpose::CompareWith),
            },
            Self::Present => Spec {
                text: "Presenter mode",
                tooltip: "Show the scenario and the deck large, for a room",
                keys: &const { [shortcut(NONE, Key::F5)] },
                scope: Scope::Editing,
                run: |_| Command::Present,
            },
            Self::Shortcuts => Spec {
                text: "Keyboard shortcuts",
                tooltip: "Every keyboard shortcut",
                keys: &const { [shortcut(NONE, Key::F1)] },
                scope: Scope::Editing,
                run: |_| Command::ToggleShortcuts,
            },
            Self::NextSlide => Spec {
                text: "Next slide",
                tooltip: "In presenter mode",
                keys: &const { [shortcut(NONE, Key::ArrowRight), shortcut(NONE, Key::PageDown), shortcut(NONE, Key::Space)] },
                scope: Scope::Presenting,
                run: |_| Command::StepSlides(1),
            },
            Self::PreviousSlide => Spec {
                text: "Previous slide",
                tooltip: "In presenter mode",
                keys: &const { [shortcut(NONE, Key::ArrowLeft), shortcut(NONE, Key::PageUp)] },
                scope: Scope::Presenting,
                run: |_| Command::StepSlides(-1),
            },
            Self::FirstSlide => Spec {
                text: "First slide",
                tooltip: "In presenter mode",
                keys: &const { [shortcut(NONE, Key::Home)] },
                scope: Scope::Presenting,
                run: |_| Command::GoToSlide(0),
            },
            Self::LastSlide => Spec {
                text: "Last slide",
                tooltip: "In presenter mode",
                keys: &const { [shortcut(NONE, Key::End)] },
                scope: Scope::Presenting,
                run: |_| Command::GoToSlide(usize::MAX),
            },
            Self::GoToSlide => Spec {
                text: "Go to slide 1–9",
                tooltip: "In presenter mode: the slide of that number",
                keys: &NUMBER_KEYS,
                scope: Scope::Presenting,
                run: |nth| Command::GoToSlide(nth),
            },
            Self::Blank => Spec {
                text: "Blank the screen (again to return)",
                tooltip: "In presenter mode: a black screen while the room talks; any key returns",
                keys: &const { [shortcut(NONE, Key::B)] },
                scope: Scope::Presenting,
                run: |_| Command::ToggleBlank,
            },
            Self::Levers => Spec {
                text: "What-if levers on this slide (again to put them away)",
                tooltip: "In presenter mode, on a verdict's slide (a scenario's, or one component's of an estate): sliders for the three settings nearest to flipping its verdict; the slide answers live, the slide as it was drawn as a ghost",
                keys: &const { [shortcut(NONE, Key::L)] },
                scope: Scope::Presenting,
                run: |_| Command::ToggleLevers,
            },
            Self::Console => Spec {
                text: "Presenter console (again to close)",
                tooltip: "In presenter mode: the notes, the next slide, the clock and the time elapsed in a window of its own, for the presenter's screen; its keys drive the deck too",
                keys: &const { [shortcut(NONE, Key::P)] },
                scope: Scope::Presenting,
                run: |_| Command::ToggleConsole,
            },
            Self::SlideResource => Spec {
                text: "Chart the next resource on this slide",
                tooltip: "In presenter mode; each slide keeps its chart, also next time",
                keys: &const { [shortcut(NONE, Key::C)] },
                scope: Scope::Presenting,
                run: |_| Command::CycleSlideChart { axis: false },
            },
            Self::SlideAxis => Spec {
                text: "Chart over the next setting on this slide",
                tooltip: "In presenter mode; each slide keeps its chart, also next time",
                keys: &const { [shortcut(NONE, Key::A)] },
                scope: Scope::Presenting,
                run: |_| Command::CycleSlideChart { axis: true },
            },
            Self::StopPresenting => Spec {
                text: "Leave presenter mode",
                tooltip: "Back to the explorer, the scenario as it was",
                keys: &const { [shortcut(NONE, Key::Escape)] },
                scope: Scope::Presenting,
                run: |_| Command::StopPresenting,
            },
        }
    }

    /// The menu entry's label.
    pub fn text(self) -> &'static str {
        self.spec().text
    }

    /// What the entry does, for its hover text.
    pub fn tooltip(self) -> &'static str {
        self.spec().tooltip
    }

    /// The keys, the first one shown in menus. Shortcuts with Shift or Alt are checked
    /// before those without (see [`shortcut_order`]).
    pub fn kbd_shortcuts(self) -> &'static [KeyboardShortcut] {
        self.spec().keys
    }

    /// When its keys apply.
    pub fn scope(self) -> Scope {
        self.spec().scope
    }

    /// Whether its keys apply now.
    fn applies(self, keys: Keys) -> bool {
        match (self.scope(), keys) {
            (Scope::Both, _) | (Scope::Presenting, Keys::Presenting) => true,
            // While a text field has focus, Ctrl+Z belongs to the text field.
            (Scope::Editing, Keys::Editing { undo }) => undo || !matches!(self, Self::Undo | Self::Redo),
            _ => false,
        }
    }

    /// The command it runs; `nth` is which of its keys was pressed (the slide number).
    pub fn command(self, nth: usize) -> Command {
        (self.spec().run)(nth)
    }
}

/// Every (entry, key index, shortcut), those with more modifiers first: egui matches
/// modifiers logically, so Ctrl+S would also take Ctrl+Shift+S if it were asked first.
pub fn shortcut_order() -> Vec<(UiCommand, usize, KeyboardShortcut)> {
    let mut all: Vec<_> = UiCommand::ALL
        .iter()
        .flat_map(|&entry| entry.kbd_shortcuts().iter().enumerate().map(move |(nth, key)| (entry, nth, *key)))
        .collect();
    let modifiers = |key: &KeyboardShortcut| {
        u8::from(key.modifiers.shift) + u8::from(key.modifiers.alt) + u8::from(key.modifiers.command)
    };
    all.sort_by_key(|(_, _, key)| std::cmp::Reverse(modifiers(key)));
    all
}

/// Commands asked for by keyboard shortcuts this frame.
pub fn shortcut_commands(ctx: &egui::Context, keys: Keys) -> Vec<Command> {
    let order = shortcut_order();
    ctx.input_mut(|input| {
        order
            .iter()
            .filter(|(entry, _, _)| entry.applies(keys))
            .filter(|(_, _, key)| input.consume_shortcut(key))
            .map(|(entry, nth, _)| entry.command(*nth))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_entries_share_a_key_in_the_same_scope() {
        let order = shortcut_order();
        for (i, (a, _, key_a)) in order.iter().enumerate() {
            for (b, _, key_b) in &order[i + 1..] {
                let overlap = a.scope() == Scope::Both || b.scope() == Scope::Both || a.scope() == b.scope();
                assert!(!(overlap && key_a == key_b), "{a:?} and {b:?} share a key");
            }
        }
    }

    #[test]
    fn file_names_follow_the_scenario() {
        assert_eq!(Export::Report.file_name("Greenfield web shop"), "greenfield_web_shop.md");
        assert_eq!(Export::Chart.file_name("Greenfield web shop"), "greenfield_web_shop_chart.png");
        assert_eq!(Export::Window.file_name(" ? "), "scenario.png");
    }
}
