//! The second pass's top level: the profile's fields, `options`, and the `weights` and
//! `assumptions` maps.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::components::Components;
use super::field::Field;
use super::key::{Key, Place};
use super::rules::{OptionKey, Real, Text};
use super::section::SectionBody;
use crate::builtin::Described as _;
use crate::model::criteria::MAX_WEIGHT;
use crate::model::options::REGISTRY;
use crate::model::profile::MIN_OPTIONS;
use crate::model::{AssumptionId, CRITERIA, OptionId};
use crate::profile::schema::TopField;
use crate::profile::{Profile, validate};

/// Second pass: the whole profile, starting from the defaults so that missing fields keep
/// them. Values out of range are clamped with a warning; everything else wrong is refused.
pub struct Body<'w> {
    /// The file's schema version, as the header pass read it: it decides the fields.
    pub version: u32,
    pub warnings: &'w mut Vec<crate::profile::Adjustment>,
}

impl<'de> DeserializeSeed<'de> for Body<'_> {
    type Value = Profile;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Profile, D::Error> {
        deserializer.deserialize_struct("Profile", &[], self)
    }
}

impl<'de> Visitor<'de> for Body<'_> {
    type Value = Profile;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a profile `(format: …, version: …, …)`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Profile, A::Error> {
        let mut profile = Profile::default();
        let known: Vec<_> = TopField::of_version(self.version).iter().map(|field| (field.key(), *field)).collect();
        let mut seen = Vec::new();
        let place = Place::Top { version: self.version };
        while let Some((_, field)) = map.next_key_seed(Key::new(place, &known, &mut seen))? {
            match field {
                // Checked by the header pass.
                TopField::Format | TopField::Version => {
                    map.next_value::<IgnoredAny>()?;
                }
                TopField::Name => profile.name = map.next_value_seed(Field::new("name", Text))?,
                TopField::Notes => profile.notes = map.next_value_seed(Field::new("notes", Text))?,
                TopField::Options => profile.options = map.next_value_seed(OptionList)?,
                TopField::Components => {
                    profile.components = map.next_value_seed(Components { warnings: self.warnings })?;
                }
                TopField::Section(section) => {
                    map.next_value_seed(SectionBody {
                        section,
                        prefix: "",
                        profile: &mut profile,
                        warnings: self.warnings,
                    })?;
                }
                TopField::Weights => {
                    let known = CRITERIA.iter().map(|spec| (spec.key, (spec.key, (0.0, MAX_WEIGHT))));
                    let place = Place::Weights;
                    let seed = Overrides { place, known: known.collect(), warnings: self.warnings };
                    profile.weights = map.next_value_seed(seed)?;
                }
                TopField::Assumptions => {
                    let known = AssumptionId::ALL.iter().map(|id| (id.key(), (*id, (id.spec().min, id.spec().max))));
                    let place = Place::Assumptions;
                    let seed = Overrides { place, known: known.collect(), warnings: self.warnings };
                    profile.assumptions = map.next_value_seed(seed)?;
                }
            }
        }
        Ok(profile)
    }
}

/// `options`: two to four registered option ids, each once, in the order given.
pub(super) struct OptionList;

impl<'de> DeserializeSeed<'de> for OptionList {
    type Value = Vec<OptionId>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        // Any value, so that one id without its list gets a message of its own.
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for OptionList {
    type Value = Vec<OptionId>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of option ids for `options`, such as `[\"vm\", \"container\"]`")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Err(E::custom(format!(
            "options: expected a list of at least {MIN_OPTIONS} option ids, such as `[\"{key}\", …]`, found the text {key:?}"
        )))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut chosen = Vec::new();
        while let Some(id) = seq.next_element_seed(Field::new("options", OptionKey { chosen: &chosen }))? {
            chosen.push(id);
        }
        let keys: Vec<&str> = chosen.iter().map(|id| id.key()).collect();
        let others = REGISTRY.iter().map(|spec| spec.key).filter(|key| !keys.contains(key));
        let others = others.collect::<Vec<_>>().join(", ");
        match keys.as_slice() {
            [] => Err(de::Error::custom(format!(
                "options: the list is empty; at least {MIN_OPTIONS} options are needed to compare, from: {others}"
            ))),
            [only] if chosen.len() < MIN_OPTIONS => Err(de::Error::custom(format!(
                "options: a single option (`{only}`) is refused: at least {MIN_OPTIONS} are needed to compare; add one of: {others}"
            ))),
            _ => Ok(chosen),
        }
    }
}

/// A key a map may hold, with the id it stands for and the range of its value.
pub(super) type Known<K> = (&'static str, (K, (f64, f64)));

/// `weights` or `assumptions`: a map from known ids to numbers within each id's range.
pub(super) struct Overrides<'a, K> {
    place: Place,
    /// Each key the map may hold.
    known: Vec<Known<K>>,
    warnings: &'a mut Vec<crate::profile::Adjustment>,
}

impl<'de, K: Copy + Ord> DeserializeSeed<'de> for Overrides<'_, K> {
    type Value = BTreeMap<K, f64>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, K: Copy + Ord> Visitor<'de> for Overrides<'_, K> {
    type Value = BTreeMap<K, f64>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a map `{{ \"id\": number, … }}` for `{}`", self.place)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut values = BTreeMap::new();
        let mut seen = Vec::new();
        while let Some((key, (id, range))) = map.next_key_seed(Key::new(self.place, &self.known, &mut seen))? {
            let path = format!("{}.{key}", self.place);
            let value = map.next_value_seed(Field::new(&path, Real))?;
            let value = validate::clamp(&path, value, range, crate::profile::canonical::real, self.warnings);
            values.insert(id, value);
        }
        Ok(values)
    }
}
