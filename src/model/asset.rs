//! Helpers shared by the typed data files under `assets/`.

use serde::{Deserialize, Deserializer};

/// Reads an `Option` field that must be written out (`None` or `Some(…)`). Serde otherwise
/// takes a missing `Option` field for `None`, and a forgotten field must fail the asset's
/// test instead of passing silently.
pub(crate) fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    Option::deserialize(deserializer)
}
