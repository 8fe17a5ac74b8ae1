//! `workload`, `environment` and the sections nested in it.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::field::Field;
use super::key::{Key, Place};
use super::rules::{Choice, Flag, Flavour, HostId, Price, PurchaseWord, Real, Text, Whole};
use crate::model::TraitId;
use crate::model::TraitKind;
use crate::model::traits::{CHOICES, ChoiceMeta};
use crate::profile::adjustment::{Adjustment, Why};
use crate::profile::schema::{
    ARM64_READY, CURRENCY, HOST, HOST_PRICE, KUBERNETES, NODE_AGENTS, PRIVILEGED, PURCHASE, Section, TEAM,
};
use crate::profile::{Profile, validate};

/// A field of `workload` or `environment`.
#[derive(Clone, Copy)]
pub(super) enum SectionField {
    Trait(TraitId),
    Currency,
    Choice(&'static ChoiceMeta),
    Host,
    HostPrice,
    Kubernetes,
    /// How cloud compute is bought (schema v3).
    Purchase,
    /// A nested section: `team` or `node_agents` (schema v3).
    Nested(Section),
    /// Whether the workload's images run on arm64 (schema v3).
    Arm64Ready,
    /// Whether the workload runs privileged containers (schema v3).
    Privileged,
}

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

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut known: Vec<_> =
            self.section.traits().iter().map(|id| (id.meta().key, SectionField::Trait(*id))).collect();
        if self.section == Section::Environment {
            known.extend([
                (CURRENCY, SectionField::Currency),
                (HOST, SectionField::Host),
                (HOST_PRICE, SectionField::HostPrice),
                (KUBERNETES, SectionField::Kubernetes),
                (PURCHASE, SectionField::Purchase),
                (TEAM, SectionField::Nested(Section::Team)),
                (NODE_AGENTS, SectionField::Nested(Section::NodeAgents)),
            ]);
        }
        known.extend(CHOICES.iter().filter(|c| c.section == self.section).map(|c| (c.key, SectionField::Choice(c))));
        if self.section == Section::Workload {
            known.push((ARM64_READY, SectionField::Arm64Ready));
            known.push((PRIVILEGED, SectionField::Privileged));
        }
        let place = Place::Section(self.section);
        let mut seen = Vec::new();
        while let Some((_, field)) = map.next_key_seed(Key::new(place, &known, &mut seen))? {
            match field {
                SectionField::Trait(id) => {
                    let meta = id.meta();
                    let path = format!("{}{}.{}", self.prefix, self.section.key(), meta.key);
                    let path = path.as_str();
                    let value = match meta.kind {
                        TraitKind::Integer => map.next_value_seed(Field::new(path, Whole))?,
                        TraitKind::Real => map.next_value_seed(Field::new(path, Real))?,
                        TraitKind::Flag => f64::from(u8::from(map.next_value_seed(Field::new(path, Flag))?)),
                    };
                    let value = validate::trait_value(path, meta, value, self.warnings);
                    self.profile.set(id, value);
                }
                SectionField::Currency => {
                    self.profile.environment.currency =
                        map.next_value_seed(Field::new("environment.currency", Text))?;
                }
                SectionField::Choice(meta) => {
                    let path = format!("{}{}.{}", self.prefix, self.section.key(), meta.key);
                    let word = map.next_value_seed(Field::new(&path, Choice(meta)))?;
                    self.profile.set_choice(meta.key, word);
                }
                SectionField::Host => {
                    self.profile.environment.host = map.next_value_seed(Field::new("environment.host", HostId))?;
                }
                SectionField::HostPrice => {
                    let path = format!("environment.{HOST_PRICE}");
                    self.profile.environment.host_price_per_hour = Some(map.next_value_seed(Field::new(&path, Price))?);
                }
                SectionField::Kubernetes => {
                    self.profile.environment.kubernetes =
                        map.next_value_seed(Field::new("environment.kubernetes", Flavour))?;
                }
                SectionField::Purchase => {
                    self.profile.environment.purchase =
                        map.next_value_seed(Field::new("environment.purchase", PurchaseWord))?;
                }
                SectionField::Arm64Ready => {
                    let path = format!("{}{}.{ARM64_READY}", self.prefix, self.section.key());
                    self.profile.workload_mut().arm64_ready = map.next_value_seed(Field::new(&path, Flag))?;
                }
                SectionField::Privileged => {
                    let path = format!("{}{}.{PRIVILEGED}", self.prefix, self.section.key());
                    self.profile.workload_mut().privileged = map.next_value_seed(Field::new(&path, Flag))?;
                }
                SectionField::Nested(section) => {
                    let prefix = format!("{}{}.", self.prefix, self.section.key());
                    let body = SectionBody { section, prefix: &prefix, profile: self.profile, warnings: self.warnings };
                    map.next_value_seed(body)?;
                }
            }
        }
        let environment = &mut self.profile.environment;
        if environment.host == crate::model::hosts::CUSTOM
            && let Some(price) = environment.host_price_per_hour.take()
        {
            self.warnings.push(Adjustment {
                path: format!("environment.{HOST_PRICE}"),
                from: crate::profile::canonical::real(price),
                to: None,
                why: Why::PricesOnlyCatalogHosts,
            });
        }
        Ok(())
    }
}
