//! Field names and map keys: known here, given once, and where a misplaced one belongs.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

use crate::model::{AssumptionId, CriterionId};
use crate::profile::schema::{ComponentField, Section, TopField};
use crate::profile::{VERSION, suggest};

/// Where a key stands, for messages.
#[derive(Clone, Copy)]
pub(super) enum Place {
    /// The top level of a file of this schema version.
    Top {
        version: u32,
    },
    /// An entry of `components`.
    Component,
    Section(Section),
    Weights,
    Assumptions,
}

impl Place {
    /// What a key names here.
    fn noun(self) -> &'static str {
        match self {
            Self::Top { .. } | Self::Component | Self::Section(_) => "field",
            Self::Weights => "criterion",
            Self::Assumptions => "assumption",
        }
    }

    /// The place a known name belongs to, if any: for "`host_cores` belongs in `environment`".
    fn home_of(name: &str) -> Option<Self> {
        if TopField::ALL.iter().any(|field| field.key() == name) {
            Some(Self::Top { version: VERSION })
        } else if ComponentField::ALL.iter().any(|field| field.key() == name) {
            Some(Self::Component)
        } else if let Some(section) = Section::ALL.into_iter().find(|s| s.field_names().contains(&name)) {
            Some(Self::Section(section))
        } else if CriterionId::from_key(name).is_some() {
            Some(Self::Weights)
        } else {
            AssumptionId::from_key(name).map(|_| Self::Assumptions)
        }
    }

    /// "in `workload`", "at the top level".
    fn phrase(self) -> String {
        match self {
            Self::Top { .. } => "at the top level".to_owned(),
            Self::Component => "in a component".to_owned(),
            _ => format!("in `{self}`"),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Top { .. } => "profile",
            Self::Component => "component",
            Self::Section(section) => section.key(),
            Self::Weights => "weights",
            Self::Assumptions => "assumptions",
        })
    }
}

/// A field name or map key: it must be one of `known` and not seen before in this place.
pub(super) struct Key<'a, T> {
    place: Place,
    known: &'a [(&'static str, T)],
    seen: &'a mut Vec<&'static str>,
}

impl<'a, T> Key<'a, T> {
    pub(super) fn new(place: Place, known: &'a [(&'static str, T)], seen: &'a mut Vec<&'static str>) -> Self {
        Self { place, known, seen }
    }

    fn unknown(&self, name: &str) -> String {
        let noun = self.place.noun();
        let place = self.place.phrase();
        if let Place::Top { version } = self.place
            && let Some(message) = of_another_version(name, version)
        {
            return message;
        }
        if let Some(home) = Place::home_of(name) {
            return format!("`{name}` belongs {}, not {place}", home.phrase());
        }
        let names = self.known.iter().map(|(known, _)| *known);
        if let Some(close) = suggest::closest(name, names.clone()) {
            format!("unknown {noun} `{name}` {place}; did you mean `{close}`?")
        } else {
            let list: Vec<&str> = names.collect();
            format!("unknown {noun} `{name}` {place}; expected one of: {}", list.join(", "))
        }
    }
}

impl<'de, T: Copy> DeserializeSeed<'de> for Key<'_, T> {
    type Value = (&'static str, T);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        // A struct's field names arrive as identifiers, a map's keys as quoted strings; ron
        // hands both to `visit_str`.
        deserializer.deserialize_str(self)
    }
}

impl<T: Copy> Visitor<'_> for Key<'_, T> {
    type Value = (&'static str, T);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.place {
            Place::Top { .. } | Place::Component | Place::Section(_) => {
                write!(f, "a field name {}", self.place.phrase())
            }
            Place::Weights | Place::Assumptions => {
                write!(f, "a quoted {} id {}", self.place.noun(), self.place.phrase())
            }
        }
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Self::Value, E> {
        let Some(&(known, value)) = self.known.iter().find(|(known, _)| *known == name) else {
            return Err(E::custom(self.unknown(name)));
        };
        if self.seen.contains(&known) {
            let path = match self.place {
                Place::Top { .. } => known.to_owned(),
                place => format!("{place}.{known}"),
            };
            return Err(E::custom(format!("`{path}` is given twice")));
        }
        self.seen.push(known);
        Ok((known, value))
    }
}

/// Why a top-level `name` is refused in a file of `version` when it is a field of another
/// version: the workload moved into `components` in version 2.
pub(super) fn of_another_version(name: &str, version: u32) -> Option<String> {
    let known = |version| TopField::of_version(version).iter().any(|field| field.key() == name);
    if known(version) {
        return None;
    }
    if version == 1 && known(VERSION) {
        Some(format!(
            "`{name}` is a field of version 2 and later, but this file declares `version: 1`; write `version: {VERSION}` \
             with the workload inside `components` (`podvisor normalize` upgrades a version 1 file)"
        ))
    } else if version > 1 && known(1) {
        Some(format!(
            "`{name}` is a version 1 field; a version {version} profile holds it inside `components`, \
             as in `components: [(name: \"…\", {name}: (…))]`"
        ))
    } else {
        None
    }
}
