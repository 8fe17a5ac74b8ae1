//! `workload`, `environment` and the sections nested in it.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::field::Field;
use super::key::{Key, Place};
use super::rules::{Flag, HostId, Price, Real, Text, Whole, Word};
use crate::model::profile::fields::{Field as ProfileField, FieldKind, FieldMeta};
use crate::model::{TraitId, TraitKind};
use crate::profile::adjustment::{Adjustment, Why};
use crate::profile::schema::Section;
use crate::profile::{Profile, validate};

/// The fields of one section, read into `profile`.
pub(super) struct SectionBody<'a> {
    pub(super) section: Section,
    /// Before the section's name in messages: which component, past the first.
    pub(super) prefix: &'a str,
    pub(super) profile: &'a mut Profile,
    pub(super) warnings: &'a mut Vec<Adjustment>,
}

impl<'de> DeserializeSeed<'de> for SectionBody<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        // ron accepts the struct's name before the `(`, as its own serializer may write it.
        let name = match self.section {
            Section::Workload => "Workload",
            Section::Environment => "Environment",
            Section::Team => "Team",
            Section::NodeAgents => "NodeAgents",
        };
        deserializer.deserialize_struct(name, &[], self)
    }
}

impl<'de> Visitor<'de> for SectionBody<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the `{}` section `(name: value, …)`", self.section.key())
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<(), A::Error> {
        let known: Vec<_> = self.section.fields().map(|field| (field.key(), field)).collect();
        let place = Place::Section(self.section);
        let mut seen = Vec::new();
        while let Some((_, field)) = map.next_key_seed(Key::new(place, &known, &mut seen))? {
            let path = format!("{}{}.{}", self.prefix, self.section.key(), field.key());
            match field {
                ProfileField::Trait(id) => self.read_trait(&mut map, &path, id)?,
                ProfileField::Other(meta) => self.read_other(&mut map, &path, meta)?,
            }
        }
        if self.section == Section::Environment {
            self.drop_custom_host_price();
        }
        Ok(())
    }
}

impl SectionBody<'_> {
    /// A numeric trait, clamped into its range with an adjustment when it is outside.
    fn read_trait<'de, A: MapAccess<'de>>(&mut self, map: &mut A, path: &str, id: TraitId) -> Result<(), A::Error> {
        let meta = id.meta();
        let value = match meta.kind {
            TraitKind::Integer => map.next_value_seed(Field::new(path, Whole))?,
            TraitKind::Real => map.next_value_seed(Field::new(path, Real))?,
            TraitKind::Flag => f64::from(u8::from(map.next_value_seed(Field::new(path, Flag))?)),
        };
        let value = validate::trait_value(path, meta, value, self.warnings);
        self.profile.set(id, value);
        Ok(())
    }

    /// A row of the field table, by the rule of its kind.
    fn read_other<'de, A: MapAccess<'de>>(
        &mut self,
        map: &mut A,
        path: &str,
        meta: &FieldMeta,
    ) -> Result<(), A::Error> {
        let profile = &mut *self.profile;
        match meta.kind {
            FieldKind::Word(words) => (words.set)(profile, map.next_value_seed(Field::new(path, Word(words)))?),
            FieldKind::Text { set, .. } => set(profile, map.next_value_seed(Field::new(path, Text))?),
            FieldKind::Host { set, .. } => set(profile, map.next_value_seed(Field::new(path, HostId))?),
            FieldKind::Price { set, .. } => set(profile, Some(map.next_value_seed(Field::new(path, Price))?)),
            FieldKind::Flag { set, .. } => set(profile, map.next_value_seed(Field::new(path, Flag))?),
            FieldKind::Section(section) => {
                let prefix = format!("{}{}.", self.prefix, self.section.key());
                map.next_value_seed(SectionBody { section, prefix: &prefix, profile, warnings: self.warnings })?;
            }
        }
        Ok(())
    }

    /// A catalog type's price means nothing on custom hosts, whose `host_cost_per_month`
    /// applies: dropped, with an adjustment that says so.
    fn drop_custom_host_price(&mut self) {
        let environment = &mut self.profile.environment;
        if environment.host == crate::model::hosts::CUSTOM
            && let Some(price) = environment.host_price_per_hour.take()
        {
            self.warnings.push(Adjustment {
                path: format!("{}.host_price_per_hour", Section::Environment.key()),
                from: crate::profile::canonical::real(price),
                to: None,
                why: Why::PricesOnlyCatalogHosts,
            });
        }
    }
}
