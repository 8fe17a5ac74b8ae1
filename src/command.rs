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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

impl UiCommand {
    /// In the order Help ▸ Keyboard shortcuts lists them.
    pub const ALL: [Self; 29] = [
        Self::New,
        Self::Open,
        Self::Import,
        Self::Save,
        Self::SaveAs,
        Self::ExportReport,
        Self::ExportChart,
        Self::ExportWindow,
        Self::ExportDeck,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::ResetAll,
        Self::PinBaseline,
        Self::ClearBaseline,
        Self::CompareWith,
        Self::Present,
        Self::Shortcuts,
        Self::NextSlide,
        Self::PreviousSlide,
        Self::FirstSlide,
        Self::LastSlide,
        Self::GoToSlide,
        Self::Blank,
        Self::Levers,
        Self::Console,
        Self::SlideResource,
        Self::SlideAxis,
        Self::StopPresenting,
    ];

    /// The menu entry's label.
    pub fn text(self) -> &'static str {
        match self {
            Self::New => "New",
            Self::Open => "Open…",
            Self::Import => "Import…",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::ExportReport => "Export report…",
            Self::ExportChart => "Export chart as PNG…",
            Self::ExportWindow => "Export window as PNG…",
            Self::ExportDeck => "Export deck as PDF…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::ResetAll => "Reset all sliders",
            Self::PinBaseline => "Pin as baseline",
            Self::ClearBaseline => "Clear baseline",
            Self::CompareWith => "Compare with…",
            Self::Present => "Presenter mode",
            Self::Shortcuts => "Keyboard shortcuts",
            Self::NextSlide => "Next slide",
            Self::PreviousSlide => "Previous slide",
            Self::FirstSlide => "First slide",
            Self::LastSlide => "Last slide",
            Self::GoToSlide => "Go to slide 1–9",
            Self::Blank => "Blank the screen (again to return)",
            Self::Levers => "What-if levers on this slide (again to put them away)",
            Self::Console => "Presenter console (again to close)",
            Self::SlideResource => "Chart the next resource on this slide",
            Self::SlideAxis => "Chart over the next setting on this slide",
            Self::StopPresenting => "Leave presenter mode",
        }
    }

    /// What the entry does, for its hover text.
    pub fn tooltip(self) -> &'static str {
        match self {
            Self::New => "A fresh scenario with default values",
            Self::Open => "Open a profile (.ron)",
            Self::Import => "A new scenario from a Docker Compose file or Kubernetes manifests (.yml, .yaml)",
            Self::Save => "Save the scenario to its file",
            Self::SaveAs => "Save the scenario to a new file",
            Self::ExportReport => "The Markdown report of the scenario on screen",
            Self::ExportChart => "The projection chart on screen, with its title",
            Self::ExportWindow => "A picture of the whole window",
            Self::ExportDeck => {
                "Every slide presenter mode shows (the scenario on screen, then the deck), one page each as the \
                 room sees it, with its notes: a handout"
            }
            Self::Quit => "Close Podvisor (asks first if changes are unsaved)",
            Self::Undo => "Undo the last change",
            Self::Redo => "Redo what was undone",
            Self::ResetAll => "Every trait, weight and assumption back to its default; Undo brings them back",
            Self::PinBaseline => "Hold the scenario as it is now, to see what changes since",
            Self::ClearBaseline => "Stop comparing with the pinned baseline",
            Self::CompareWith => "Choose a profile to set beside the open scenario",
            Self::Present => "Show the scenario and the deck large, for a room",
            Self::Shortcuts => "Every keyboard shortcut",
            Self::NextSlide | Self::PreviousSlide | Self::FirstSlide | Self::LastSlide => "In presenter mode",
            Self::GoToSlide => "In presenter mode: the slide of that number",
            Self::Blank => "In presenter mode: a black screen while the room talks; any key returns",
            Self::Console => {
                "In presenter mode: the notes, the next slide, the clock and the time elapsed in a window of its \
                 own, for the presenter's screen; its keys drive the deck too"
            }
            Self::Levers => {
                "In presenter mode, on a verdict's slide (a scenario's, or one component's of an estate): sliders \
                 for the three settings nearest to flipping its verdict; the slide answers live, the slide as it \
                 was drawn as a ghost"
            }
            Self::SlideResource | Self::SlideAxis => "In presenter mode; each slide keeps its chart, also next time",
            Self::StopPresenting => "Back to the explorer, the scenario as it was",
        }
    }

    /// The keys, the first one shown in menus. Shortcuts with Shift or Alt are checked
    /// before those without (see [`shortcut_order`]).
    pub fn kbd_shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Self::New => &const { [shortcut(CTRL, Key::N)] },
            Self::Open => &const { [shortcut(CTRL, Key::O)] },
            Self::Save => &const { [shortcut(CTRL, Key::S)] },
            Self::SaveAs => &const { [shortcut(CTRL_SHIFT, Key::S)] },
            Self::ExportReport => &const { [shortcut(CTRL, Key::E)] },
            Self::ExportChart => &const { [shortcut(CTRL_ALT, Key::E)] },
            Self::ExportWindow => &const { [shortcut(CTRL_SHIFT, Key::E)] },
            Self::ExportDeck => &const { [shortcut(CTRL_SHIFT, Key::D)] },
            Self::Quit => &const { [shortcut(CTRL, Key::Q)] },
            Self::Undo => &const { [shortcut(CTRL, Key::Z)] },
            Self::Redo => &const { [shortcut(CTRL_SHIFT, Key::Z), shortcut(CTRL, Key::Y)] },
            Self::PinBaseline => &const { [shortcut(CTRL, Key::B)] },
            Self::ClearBaseline => &const { [shortcut(CTRL_SHIFT, Key::B)] },
            Self::Present => &const { [shortcut(NONE, Key::F5)] },
            Self::Shortcuts => &const { [shortcut(NONE, Key::F1)] },
            Self::NextSlide => {
                &const { [shortcut(NONE, Key::ArrowRight), shortcut(NONE, Key::PageDown), shortcut(NONE, Key::Space)] }
            }
            Self::PreviousSlide => &const { [shortcut(NONE, Key::ArrowLeft), shortcut(NONE, Key::PageUp)] },
            Self::FirstSlide => &const { [shortcut(NONE, Key::Home)] },
            Self::LastSlide => &const { [shortcut(NONE, Key::End)] },
            Self::GoToSlide => &NUMBER_KEYS,
            Self::Blank => &const { [shortcut(NONE, Key::B)] },
            Self::Levers => &const { [shortcut(NONE, Key::L)] },
            Self::Console => &const { [shortcut(NONE, Key::P)] },
            Self::SlideResource => &const { [shortcut(NONE, Key::C)] },
            Self::SlideAxis => &const { [shortcut(NONE, Key::A)] },
            Self::StopPresenting => &const { [shortcut(NONE, Key::Escape)] },
            Self::ResetAll | Self::CompareWith | Self::Import => &[],
        }
    }

    /// When its keys apply.
    pub fn scope(self) -> Scope {
        match self {
            Self::ExportReport | Self::ExportChart | Self::ExportWindow | Self::ExportDeck | Self::Quit => Scope::Both,
            Self::NextSlide
            | Self::PreviousSlide
            | Self::FirstSlide
            | Self::LastSlide
            | Self::GoToSlide
            | Self::Blank
            | Self::Levers
            | Self::Console
            | Self::SlideResource
            | Self::SlideAxis
            | Self::StopPresenting => Scope::Presenting,
            _ => Scope::Editing,
        }
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
        match self {
            Self::New => Command::New,
            Self::Open => Command::Choose(PathPurpose::Open),
            Self::Import => Command::Choose(PathPurpose::Import),
            Self::Save => Command::Save,
            Self::SaveAs => Command::Choose(PathPurpose::SaveAs),
            Self::ExportReport => Command::Choose(PathPurpose::Export(Export::Report)),
            Self::ExportChart => Command::Choose(PathPurpose::Export(Export::Chart)),
            Self::ExportWindow => Command::Choose(PathPurpose::Export(Export::Window)),
            Self::ExportDeck => Command::Choose(PathPurpose::Export(Export::Deck)),
            Self::Quit => Command::Quit,
            Self::Undo => Command::Undo,
            Self::Redo => Command::Redo,
            Self::ResetAll => Command::ResetAll,
            Self::PinBaseline => Command::PinBaseline,
            Self::ClearBaseline => Command::ClearBaseline,
            Self::CompareWith => Command::Choose(PathPurpose::CompareWith),
            Self::Present => Command::Present,
            Self::Shortcuts => Command::ToggleShortcuts,
            Self::NextSlide => Command::StepSlides(1),
            Self::PreviousSlide => Command::StepSlides(-1),
            Self::FirstSlide => Command::GoToSlide(0),
            Self::LastSlide => Command::GoToSlide(usize::MAX),
            Self::GoToSlide => Command::GoToSlide(nth),
            Self::Blank => Command::ToggleBlank,
            Self::Levers => Command::ToggleLevers,
            Self::Console => Command::ToggleConsole,
            Self::SlideResource => Command::CycleSlideChart { axis: false },
            Self::SlideAxis => Command::CycleSlideChart { axis: true },
            Self::StopPresenting => Command::StopPresenting,
        }
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
