//! Errors at the profile-file boundary, worded for the person who has to fix the file.

use std::path::PathBuf;

/// Why a profile could not be loaded. The display form starts with the file, then
/// `line:column` where the problem has a place, then what is wrong, e.g.
/// `shop.ron:4:5: unknown field `replica` in `workload`; did you mean `replicas`?`.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be opened or read.
    #[error("{origin}: cannot read the file: {source}")]
    Io {
        origin: String,
        #[source]
        source: std::io::Error,
    },
    /// The text is not readable as RON at this place: bad syntax, not UTF-8, nested too deeply.
    #[error("{origin}:{line}:{column}: {message}")]
    Syntax { origin: String, line: usize, column: usize, message: String },
    /// The text is RON but breaks schema v1 at this place: a wrong type, an unknown or
    /// repeated name, a refused value (NaN, infinity, another format, a newer version).
    #[error("{origin}:{line}:{column}: {message}")]
    Schema { origin: String, line: usize, column: usize, message: String },
    /// The file as a whole is refused (empty, too large); there is no place to point at.
    #[error("{origin}: {message}")]
    Invalid { origin: String, message: String },
}

impl LoadError {
    /// The file (or other origin) the error is about.
    pub fn origin(&self) -> &str {
        match self {
            Self::Io { origin, .. }
            | Self::Syntax { origin, .. }
            | Self::Schema { origin, .. }
            | Self::Invalid { origin, .. } => origin,
        }
    }

    /// Line and column (both 1-based, columns counted in characters) of the problem, if it
    /// has a place in the text; for an error panel that highlights the line.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::Syntax { line, column, .. } | Self::Schema { line, column, .. } => Some((*line, *column)),
            Self::Io { .. } | Self::Invalid { .. } => None,
        }
    }

    /// What is wrong, without the origin and position (which [`Self::origin`] and
    /// [`Self::position`] give separately).
    pub fn message(&self) -> String {
        match self {
            Self::Io { source, .. } => format!("cannot read the file: {source}"),
            Self::Syntax { message, .. } | Self::Schema { message, .. } | Self::Invalid { message, .. } => {
                message.clone()
            }
        }
    }
}

/// Why a profile could not be saved; the previous file, if any, is untouched.
#[derive(Debug, thiserror::Error)]
#[error("{}: cannot save: {source}", path.display())]
pub struct SaveError {
    pub path: PathBuf,
    #[source]
    pub source: std::io::Error,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_leads_with_file_and_place() {
        let error = LoadError::Schema {
            origin: "shop.ron".into(),
            line: 4,
            column: 5,
            message: "unknown field `replica`".into(),
        };
        assert_eq!(error.to_string(), "shop.ron:4:5: unknown field `replica`");
        assert_eq!(error.position(), Some((4, 5)));
        assert_eq!(error.origin(), "shop.ron");
        assert_eq!(error.message(), "unknown field `replica`");
        let whole = LoadError::Invalid { origin: "a.ron".into(), message: "the file is empty".into() };
        assert_eq!(whole.position(), None);
        assert_eq!(whole.to_string(), "a.ron: the file is empty");
    }
}
