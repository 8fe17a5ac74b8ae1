//! What survives a restart (eframe persistence): the scenario as it was, saved or not, and
//! the component being edited; the pinned baseline (a presenter pins it while preparing and
//! needs it in the meeting); and the user's preferences, with the presenter deck and the
//! chart chosen for each of its slides.
//! Everything derived (evaluations, comparisons) is recomputed on start.
//! B in the compare tab and presenter mode are not kept: both are a moment's view.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::SlideChart;
use crate::command::DeckSource;
use crate::ui::Tab;
use crate::ui::theme::Appearance;

/// How many recent files the File menu lists.
pub const RECENT_LIMIT: usize = 10;

/// The persisted state. `#[serde(default)]` keeps sessions saved by older builds loadable.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Session {
    /// The scenario in canonical profile text, including unsaved edits.
    pub profile_text: String,
    pub path: Option<PathBuf>,
    /// Whether `profile_text` had changes not written to `path`.
    pub unsaved: bool,
    /// The component the sliders edit (0 for a one-component profile).
    pub selected_component: usize,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    pub appearance: Appearance,
    pub tab: Tab,
    /// The pinned baseline in canonical profile text; empty when none is pinned.
    pub baseline: String,
    pub deck: DeckSource,
    /// The chart chosen for each presenter slide, by the slide's file name.
    pub slide_charts: BTreeMap<String, SlideChart>,
}

/// Puts `path` first in the recent list, without duplicates, keeping the list short.
pub fn remember(recent: &mut Vec<PathBuf>, path: &std::path::Path) {
    recent.retain(|known| known != path);
    recent.insert(0, path.to_owned());
    recent.truncate(RECENT_LIMIT);
}
