//! Reading profiles.

use std::path::Path;

use super::{FORMAT, LoadError, Profile, VERSION};

/// A profile that loaded, and what had to be adjusted on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub profile: Profile,
    /// Values that were out of range and clamped, naming the field and both values.
    pub warnings: Vec<String>,
}

/// Reads and validates a profile file.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let origin = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io { origin: origin.clone(), source })?;
    parse(&bytes, &origin)
}

/// Parses and validates profile text; `origin` names it in messages (usually the path).
pub fn parse(bytes: &[u8], origin: &str) -> Result<Loaded, LoadError> {
    let invalid = |message: String| LoadError::Invalid { origin: origin.to_owned(), message };
    let text = std::str::from_utf8(bytes).map_err(|e| invalid(format!("not UTF-8 text: {e}")))?;
    let profile: Profile = ron::from_str(text).map_err(|e| LoadError::Syntax {
        origin: origin.to_owned(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })?;
    if profile.format != FORMAT {
        return Err(invalid(format!("format is {:?}, expected {FORMAT:?}", profile.format)));
    }
    if profile.version > VERSION {
        return Err(invalid(format!("version {} is newer than this build reads ({VERSION})", profile.version)));
    }
    Ok(Loaded { profile, warnings: Vec::new() })
}
