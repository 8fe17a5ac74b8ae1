//! Saving: the canonical text, checked to load back, written so that the file on disk is
//! always either the old profile or the new one — never half of one.

use std::io;
use std::path::Path;

use super::atomic::write_atomically;
use super::{Profile, SaveError, canonical, load};

/// Writes a profile atomically. The text is first checked to load back (so a NaN or an
/// unknown weight id cannot produce a file Podvisor would refuse), then written to a new
/// temp file beside the target, flushed and synced, and renamed over the target. On any
/// error the temp file is removed and the old file is left as it was.
pub fn save_file(path: &Path, profile: &Profile) -> Result<(), SaveError> {
    let fail = |source| SaveError { path: path.to_owned(), source };
    let text = canonical::to_canonical_string(profile);
    if let Err(error) = load::parse(text.as_bytes(), "profile") {
        let message = format!("the profile would not load back: {}", error.message());
        return Err(fail(io::Error::new(io::ErrorKind::InvalidData, message)));
    }
    write_atomically(path, text.as_bytes()).map_err(fail)
}
