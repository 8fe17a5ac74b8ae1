//! Saving never loses the old file: a save either replaces it completely or leaves it
//! byte-identical, and never leaves a temp file behind.

use crate::profile_support;
#[cfg(unix)]
use crate::special_files;

use std::fs;

use podvisor::model::CriterionId;
use podvisor::profile::{self, Profile};

const OLD: &[u8] = b"(format: \"podvisor-profile\", version: 1, name: \"the old file\")\n";

#[test]
fn a_save_replaces_the_old_file_completely() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("shop.ron");
    fs::write(&path, OLD).unwrap();
    let profile = profile_support::fully_non_default();
    profile::save_file(&path, &profile).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), profile::to_canonical_string(&profile));
    assert!(profile_support::temp_files(folder.path()).is_empty());
}

#[test]
fn saving_into_a_missing_folder_fails_and_creates_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("missing/shop.ron");
    let error = profile::save_file(&path, &Profile::default()).unwrap_err();
    assert!(error.to_string().starts_with(&format!("{}: cannot save: ", path.display())), "{error}");
    assert!(!folder.path().join("missing").exists());
    assert!(profile_support::temp_files(folder.path()).is_empty());
}

#[test]
fn a_rename_that_fails_after_writing_removes_the_temp_file() {
    // A folder cannot be replaced by a file: the temp file is written, then the rename fails.
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("shop.ron");
    fs::create_dir(&path).unwrap();
    fs::write(path.join("keep.txt"), OLD).unwrap();
    assert!(profile::save_file(&path, &Profile::default()).is_err());
    assert!(profile_support::temp_files(folder.path()).is_empty(), "{:?}", profile_support::temp_files(folder.path()));
    assert_eq!(fs::read(path.join("keep.txt")).unwrap(), OLD);
}

#[test]
fn a_profile_that_would_not_load_back_is_not_written() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("shop.ron");
    fs::write(&path, OLD).unwrap();
    // (Unknown criteria and assumptions cannot be set: the maps are keyed by typed ids.)
    let mut nan = Profile::default();
    nan.weights.insert(CriterionId::ISOLATION.key(), f64::NAN);
    let error = profile::save_file(&path, &nan).unwrap_err().to_string();
    assert!(error.contains("would not load back") && error.contains("weights.isolation: NaN"), "{error}");
    assert_eq!(fs::read(&path).unwrap(), OLD);
    assert!(profile_support::temp_files(folder.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_leaves_the_old_file_intact() {
    use std::os::unix::fs::PermissionsExt as _;
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("shop.ron");
    fs::write(&path, OLD).unwrap();
    fs::set_permissions(folder.path(), fs::Permissions::from_mode(0o555)).unwrap();
    let probe = folder.path().join("probe");
    if fs::write(&probe, b"").is_ok() {
        // Root ignores folder permissions; the rename-failure test above covers cleanup there.
        eprintln!("skipped: folder permissions are not enforced for this user");
        fs::remove_file(&probe).unwrap();
    } else {
        assert!(profile::save_file(&path, &Profile::default()).is_err());
        assert_eq!(fs::read(&path).unwrap(), OLD);
        assert!(profile_support::temp_files(folder.path()).is_empty());
    }
    fs::set_permissions(folder.path(), fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_save_keeps_the_old_file_permissions() {
    use std::os::unix::fs::PermissionsExt as _;
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("private.ron");
    fs::write(&path, OLD).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    profile::save_file(&path, &Profile::default()).unwrap();
    assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
}

#[cfg(unix)]
#[test]
fn a_device_a_pipe_or_a_folder_is_refused_and_left_as_it_was() {
    let folder = tempfile::tempdir().unwrap();
    for (kind, target) in special_files::targets(folder.path()) {
        let error = profile::save_file(&target, &Profile::default()).unwrap_err().to_string();
        assert!(error.ends_with(kind.refusal()), "{kind:?}: {error}");
        special_files::assert_left_as_it_was(kind, &target, folder.path());
    }
}
