//! Writing profiles.

use std::io::Write as _;
use std::path::Path;

use super::{Profile, SaveError};

/// The canonical text of a profile.
pub fn to_canonical_string(profile: &Profile) -> String {
    ron::ser::to_string_pretty(profile, ron::ser::PrettyConfig::default()).unwrap_or_default()
}

/// Writes a profile: temp file in the same folder, synced, then renamed over the target.
pub fn save_file(path: &Path, profile: &Profile) -> Result<(), SaveError> {
    let fail = |source| SaveError { path: path.to_owned(), source };
    let temp = path.with_extension("ron.tmp");
    let mut file = std::fs::File::create(&temp).map_err(fail)?;
    file.write_all(to_canonical_string(profile).as_bytes()).map_err(fail)?;
    file.sync_all().map_err(fail)?;
    std::fs::rename(&temp, path).map_err(fail)
}
