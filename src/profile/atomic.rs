//! Replacing a file so that it is always either the old contents or the new ones — never
//! half of either — for profiles and for written reports alike.
//!
//! Only a regular file (or nothing) is replaced. A device, a named pipe, a socket or a folder
//! at the target is refused and left as it was: renaming a new file over `/dev/null` would
//! turn it into a regular file for every program on the machine, and a pipe is written only
//! when someone reads it, which a save must not wait for. (`podvisor import … > pipe` still
//! writes to a pipe: standard output is the way to write to one.)

use std::fs::{self, File};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Replaces `path` with `bytes` by write-to-temp-then-rename, which POSIX and Windows both
/// make atomic within one folder. On any error the temp file is removed and `path` is left
/// as it was.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    // Saving through a symlink replaces the file it points to, not the link.
    let target = match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path)?,
        _ => path.to_owned(),
    };
    refuse_special(&target)?;
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    };
    let (temp, file) = create_temp(&folder, &target)?;
    let written = fill(file, bytes, &target).and_then(|()| fs::rename(&temp, &target));
    if let Err(error) = written {
        // Best effort: the error that matters is the one already in hand.
        let _ = fs::remove_file(&temp);
        return Err(error);
    }
    sync_folder(&folder);
    Ok(())
}

/// An error unless `target` is a regular file or does not exist.
fn refuse_special(target: &Path) -> io::Result<()> {
    let meta = match fs::metadata(target) {
        Ok(meta) => meta,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(error),
    };
    let kind = special_kind(meta.file_type());
    match kind {
        None => Ok(()),
        Some(kind) => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("{} is {kind}, not a regular file; nothing was written", target.display()),
        )),
    }
}

/// What a file that is not a regular file is, for the message; `None` for a regular file.
fn special_kind(file_type: fs::FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if file_type.is_char_device() {
            return Some("a character device");
        }
        if file_type.is_block_device() {
            return Some("a block device");
        }
        if file_type.is_fifo() {
            return Some("a named pipe");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
}

/// A new, uniquely named file beside the target: `.shop.ron.<pid>.<n>.tmp`. `create_new`
/// refuses to reuse a name, so two saves (or two processes) never share a temp file.
fn create_temp(folder: &Path, target: &Path) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = target.file_name().map_or_else(|| "profile".into(), |name| name.to_string_lossy());
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = folder.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        match File::options().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(error),
        }
    }
}

/// Writes and syncs the temp file, keeping the old file's permissions (a profile kept
/// private stays private).
fn fill(mut file: File, bytes: &[u8], target: &Path) -> io::Result<()> {
    if let Ok(meta) = fs::metadata(target) {
        file.set_permissions(meta.permissions())?;
    }
    file.write_all(bytes)?;
    file.flush()?;
    file.sync_all()
}

/// Makes the rename itself durable where the platform allows syncing a folder. The new
/// file is complete either way, so a failure here is not reported as a failed save.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(folder: &Path) -> Vec<String> {
        fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| Path::new(name).extension().is_some_and(|e| e == "tmp"))
            .collect()
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temp() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("a.ron");
        fs::write(&path, "old").unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new");
        assert!(leftovers(folder.path()).is_empty());
    }

    #[test]
    fn a_folder_is_refused_and_left_as_it_was() {
        let folder = tempfile::tempdir().unwrap();
        let target = folder.path().join("out.md");
        fs::create_dir(&target).unwrap();
        let error = write_atomically(&target, b"new").unwrap_err();
        assert!(error.to_string().ends_with("is a folder, not a regular file; nothing was written"), "{error}");
        assert!(fs::metadata(&target).unwrap().is_dir());
        assert!(leftovers(folder.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_to_a_device_is_refused() {
        let folder = tempfile::tempdir().unwrap();
        let link = folder.path().join("null.ron");
        std::os::unix::fs::symlink("/dev/null", &link).unwrap();
        let error = write_atomically(&link, b"new").unwrap_err();
        assert!(error.to_string().contains("is a character device"), "{error}");
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_symlink_keeps_the_link() {
        let folder = tempfile::tempdir().unwrap();
        let real = folder.path().join("real.ron");
        let link = folder.path().join("link.ron");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_atomically(&link, b"new").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read(&real).unwrap(), b"new");
    }
}
