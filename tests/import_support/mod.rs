//! What the import tests share.

use podvisor::import::{Imported, ImportedComponent};

/// The component an imported service went into.
pub fn component<'a>(imported: &'a Imported, member: &str) -> &'a ImportedComponent {
    imported
        .components
        .iter()
        .find(|c| c.members.iter().any(|m| m == member))
        .unwrap_or_else(|| panic!("no component holds {member}: {:#?}", imported.components))
}
