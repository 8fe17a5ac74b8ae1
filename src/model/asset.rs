//! Helpers shared by the typed data files under `assets/`.

use std::sync::OnceLock;

use serde::{Deserialize, Deserializer};

/// Reads an `Option` field that must be written out (`None` or `Some(…)`). Serde otherwise
/// takes a missing `Option` field for `None`, and a forgotten field must fail the asset's
/// test instead of passing silently.
pub(crate) fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(deserializer: D) -> Result<Option<T>, D::Error> {
    Option::deserialize(deserializer)
}

/// An embedded asset parsed once into `cell`. A defect is an error the caller reports at
/// startup; each asset's unit tests keep one from shipping.
pub(crate) fn parsed_once<T, E: Clone>(
    cell: &'static OnceLock<Result<T, E>>,
    text: &str,
    parse: fn(&str) -> Result<T, E>,
) -> Result<&'static T, E> {
    cell.get_or_init(|| parse(text)).as_ref().map_err(Clone::clone)
}
