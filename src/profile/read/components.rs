//! `components`: the parts of the estate, each with its own workload.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::field::Field;
use super::key::{Key, Place};
use super::rules::{OptionKey, Text, Word};
use super::section::SectionBody;
use crate::model::OptionId;
use crate::model::profile::fields::PURCHASE;
use crate::model::profile::{Component, MAX_COMPONENTS};
use crate::model::purchase::Purchase;
use crate::profile::Profile;
use crate::profile::schema::{ComponentField, Section};

/// `components`: the parts of the estate, one to [`MAX_COMPONENTS`].
pub(super) struct Components<'a> {
    pub(super) warnings: &'a mut Vec<crate::profile::Adjustment>,
}

impl<'de> DeserializeSeed<'de> for Components<'_> {
    type Value = Vec<Component>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Components<'_> {
    type Value = Vec<Component>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list `[(name: …, workload: (…)), …]` for `components`")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut components = Vec::new();
        loop {
            let index = components.len();
            if index == MAX_COMPONENTS {
                // Refused where the one too many starts, before reading it.
                if seq.next_element_seed(TooMany)?.is_none() {
                    break;
                }
            }
            let seed = ComponentBody { index, warnings: &mut *self.warnings };
            let Some(component) = seq.next_element_seed(seed)? else { break };
            components.push(component);
        }
        if components.is_empty() {
            return Err(de::Error::custom(
                "components: the list is empty; a profile holds at least one component, such as `[(name: \"Shop\", workload: (…))]`",
            ));
        }
        Ok(components)
    }
}

/// An entry of `components` past [`MAX_COMPONENTS`], refused as it starts.
pub(super) struct TooMany;

impl<'de> DeserializeSeed<'de> for TooMany {
    type Value = Component;

    fn deserialize<D: Deserializer<'de>>(self, _: D) -> Result<Component, D::Error> {
        Err(de::Error::custom(format!(
            "components: at most {MAX_COMPONENTS} components are scored; group similar services into one component"
        )))
    }
}

/// One component: its name, placement, current option and workload. The first component's
/// messages name its fields as version 1 did (`workload.services`); later ones say which
/// component (`components[2].workload.services`).
pub(super) struct ComponentBody<'a> {
    index: usize,
    warnings: &'a mut Vec<crate::profile::Adjustment>,
}

impl ComponentBody<'_> {
    fn prefix(&self) -> String {
        if self.index == 0 { String::new() } else { format!("components[{}].", self.index) }
    }
}

impl<'de> DeserializeSeed<'de> for ComponentBody<'_> {
    type Value = Component;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Component, D::Error> {
        deserializer.deserialize_struct("Component", &[], self)
    }
}

impl<'de> Visitor<'de> for ComponentBody<'_> {
    type Value = Component;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a component `(name: …, workload: (…))`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Component, A::Error> {
        let known: Vec<_> = ComponentField::ALL.iter().map(|field| (field.key(), *field)).collect();
        let mut seen = Vec::new();
        let prefix = self.prefix();
        // Read through a one-component profile, so that the workload's traits and choices
        // are set exactly as the top-level sections are.
        let mut scratch = Profile::default();
        if self.index > 0 {
            scratch.components[0].name = format!("Component {}", self.index + 1);
        }
        while let Some((_, field)) = map.next_key_seed(Key::new(Place::Component, &known, &mut seen))? {
            let path = if prefix.is_empty() {
                format!("component.{}", field.key())
            } else {
                format!("{prefix}{}", field.key())
            };
            match field {
                ComponentField::Name => scratch.components[0].name = map.next_value_seed(Field::new(&path, Text))?,
                ComponentField::Placement => {
                    scratch.components[0].placement = map.next_value_seed(Pin { path: &path })?;
                }
                ComponentField::Current => {
                    scratch.components[0].current =
                        map.next_value_seed(Field::new(&path, OptionKey { chosen: &[] }))?;
                }
                ComponentField::Purchase => {
                    scratch.components[0].purchase = map.next_value_seed(OwnPurchase { path: &path })?;
                }
                ComponentField::Workload => {
                    let section = Section::Workload;
                    let body = SectionBody { section, prefix: &prefix, profile: &mut scratch, warnings: self.warnings };
                    map.next_value_seed(body)?;
                }
            }
        }
        Ok(scratch.components.swap_remove(0))
    }
}

/// `placement`: `None`, or `Some("<option>")` (a bare `"<option>"` is read as `Some`).
pub(super) struct Pin<'a> {
    path: &'a str,
}

impl<'de> DeserializeSeed<'de> for Pin<'_> {
    type Value = Option<OptionId>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for Pin<'_> {
    type Value = Option<OptionId>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`None` or `Some(\"vm\")` for `{}`", self.path)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        Field::new(self.path, OptionKey { chosen: &[] }).deserialize(deserializer).map(Some)
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Field::new(self.path, OptionKey { chosen: &[] }).visit_str(key).map(Some)
    }
}

/// A component's `purchase`: `None`, or `Some("spot")` (a bare `"spot"` is read as `Some`).
pub(super) struct OwnPurchase<'a> {
    path: &'a str,
}

impl<'de> DeserializeSeed<'de> for OwnPurchase<'_> {
    type Value = Option<Purchase>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for OwnPurchase<'_> {
    type Value = Option<Purchase>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`None` or `Some(\"spot\")` for `{}`", self.path)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        Field::new(self.path, Word(PURCHASE)).deserialize(deserializer).map(Purchase::from_key)
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Field::new(self.path, Word(PURCHASE)).visit_str(key).map(Purchase::from_key)
    }
}
