//! The desktop window (built in the explorer issue).

use std::path::PathBuf;

/// Opens the window, optionally with a profile.
pub fn run(_profile: Option<PathBuf>) -> Result<(), String> {
    Err("the window is not built yet; use `podvisor evaluate FILE`".to_owned())
}
