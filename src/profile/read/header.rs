//! The first pass: `format` and `version` only.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::field::Field;
use super::rules::{Format, Version};
use crate::profile::schema::TopField;
use crate::profile::{FORMAT, VERSION};

/// First pass: only `format` and `version`, everything else skipped unread, so that a file
/// of another kind or from a newer Podvisor is refused for that reason — not for the first
/// field this build happens not to know.
pub struct Header;

impl<'de> DeserializeSeed<'de> for Header {
    /// The file's schema version.
    type Value = u32;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<u32, D::Error> {
        deserializer.deserialize_struct("Profile", &[], self)
    }
}

impl<'de> Visitor<'de> for Header {
    type Value = u32;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a profile `(format: \"podvisor-profile\", version: 1, …)`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<u32, A::Error> {
        let (mut format, mut version) = (false, None);
        while let Some(Name(name)) = map.next_key()? {
            if name == TopField::Format.key() {
                map.next_value_seed(Field::new("format", Format))?;
                format = true;
            } else if name == TopField::Version.key() {
                version = Some(map.next_value_seed(Field::new("version", Version))?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        if !format {
            return Err(de::Error::custom(format!(
                "no `format` field: a profile declares `format: \"{FORMAT}\"`; is this a Podvisor profile?"
            )));
        }
        version.ok_or_else(|| de::Error::custom(format!("no `version` field: this build reads `version: {VERSION}`")))
    }
}

/// Any field name or string key, unchecked (the header pass skips what it does not need).
pub(super) struct Name(String);

impl<'de> de::Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NameVisitor;
        impl Visitor<'_> for NameVisitor {
            type Value = Name;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, name: &str) -> Result<Name, E> {
                Ok(Name(name.to_owned()))
            }
        }
        deserializer.deserialize_str(NameVisitor)
    }
}
