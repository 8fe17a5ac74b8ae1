//! Targets a save or an export must refuse and leave as they were: a character device, a
//! named pipe and a folder (each write path is tested against all three).
#![cfg(unix)]
#![allow(dead_code, reason = "each test crate uses a different part")]

use std::fs;
use std::path::{Path, PathBuf};

/// A kind of target that is not a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Special {
    CharDevice,
    Fifo,
    Folder,
}

impl Special {
    /// The words of the writer's refusal.
    pub fn refusal(self) -> &'static str {
        match self {
            Self::CharDevice => "is a character device, not a regular file; nothing was written",
            Self::Fifo => "is a named pipe, not a regular file; nothing was written",
            Self::Folder => "is a folder, not a regular file; nothing was written",
        }
    }

    fn holds(self, path: &Path) -> bool {
        use std::os::unix::fs::FileTypeExt as _;
        let Ok(meta) = fs::symlink_metadata(path) else { return false };
        match self {
            Self::CharDevice => meta.file_type().is_char_device(),
            Self::Fifo => meta.file_type().is_fifo(),
            Self::Folder => meta.is_dir() && path.join("keep.txt").is_file(),
        }
    }
}

/// `/dev/null` (shared, never created), a FIFO and a folder (holding `keep.txt`) in `folder`.
pub fn targets(folder: &Path) -> Vec<(Special, PathBuf)> {
    let fifo = folder.join("pipe.out");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success(), "mkfifo {}", fifo.display());
    let dir = folder.join("folder.out");
    fs::create_dir(&dir).expect("a folder");
    fs::write(dir.join("keep.txt"), "kept").expect("a file in the folder");
    vec![(Special::CharDevice, PathBuf::from("/dev/null")), (Special::Fifo, fifo), (Special::Folder, dir)]
}

/// Panics unless `path` is still the special file it was, and `folder` holds no temp file.
pub fn assert_left_as_it_was(kind: Special, path: &Path, folder: &Path) {
    assert!(kind.holds(path), "{kind:?} at {} was replaced", path.display());
    let temps: Vec<_> = fs::read_dir(folder)
        .expect("readable folder")
        .filter_map(|entry| entry.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|name| Path::new(name).extension().is_some_and(|e| e == "tmp"))
        .collect();
    assert!(temps.is_empty(), "{temps:?}");
}
