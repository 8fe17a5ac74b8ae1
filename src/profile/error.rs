//! Errors at the profile-file boundary, worded for the person who has to fix the file.

use std::path::PathBuf;

/// Why a profile could not be loaded. The display form names the file, the line and column
/// where known, and what was expected.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{origin}: cannot read the file: {source}")]
    Io {
        origin: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{origin}:{line}:{column}: {message}")]
    Syntax { origin: String, line: usize, column: usize, message: String },
    #[error("{origin}: {message}")]
    Invalid { origin: String, message: String },
}

/// Why a profile could not be saved; the previous file, if any, is untouched.
#[derive(Debug, thiserror::Error)]
#[error("{}: cannot save: {source}", path.display())]
pub struct SaveError {
    pub path: PathBuf,
    #[source]
    pub source: std::io::Error,
}
