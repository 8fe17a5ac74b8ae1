//! The layout of profile files: the top-level fields of each schema version and the order
//! files list them in. The fields of each section, and their order, come from the trait
//! table ([`TRAITS`](crate::model::TRAITS): each row names its section and its place in it)
//! and the field table ([`FIELDS`](crate::model::profile::fields::FIELDS)), so the layout is written
//! down once. The order is part of the contract with
//! users' files, which people diff; the bundled profiles are checked to be in this
//! canonical form.

pub use crate::model::traits::Section;

/// A top-level field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopField {
    Format,
    Version,
    Name,
    Notes,
    /// The options compared (version 2 on).
    Options,
    /// The parts of the estate, each with its workload (version 2 on).
    Components,
    /// `workload` (version 1 only: later versions hold it in a component) or `environment`.
    Section(Section),
    Weights,
    Assumptions,
}

impl TopField {
    /// Every top-level field of version 1, in file order. Version 1 is only read.
    pub const V1: [Self; 8] = [
        Self::Format,
        Self::Version,
        Self::Name,
        Self::Notes,
        Self::Section(Section::Workload),
        Self::Section(Section::Environment),
        Self::Weights,
        Self::Assumptions,
    ];

    /// Every top-level field of the version this build writes, in file order.
    pub const ALL: [Self; 9] = [
        Self::Format,
        Self::Version,
        Self::Name,
        Self::Notes,
        Self::Options,
        Self::Components,
        Self::Section(Section::Environment),
        Self::Weights,
        Self::Assumptions,
    ];

    /// The top-level fields of schema `version` (one this build reads).
    pub fn of_version(version: u32) -> &'static [Self] {
        if version == 1 { &Self::V1 } else { &Self::ALL }
    }

    /// The field's name in the file.
    pub fn key(self) -> &'static str {
        match self {
            Self::Format => "format",
            Self::Version => "version",
            Self::Name => "name",
            Self::Notes => "notes",
            Self::Options => "options",
            Self::Components => "components",
            Self::Section(section) => section.key(),
            Self::Weights => "weights",
            Self::Assumptions => "assumptions",
        }
    }
}

/// A field of one entry of `components`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ComponentField {
    Name,
    Placement,
    Current,
    /// Its own way of buying compute (schema v3).
    Purchase,
    Workload,
}

impl ComponentField {
    /// Every field of a component, in file order.
    pub const ALL: [Self; 5] = [Self::Name, Self::Placement, Self::Current, Self::Purchase, Self::Workload];

    /// The field's name in the file.
    pub fn key(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Placement => "placement",
            Self::Current => "current",
            Self::Purchase => "purchase",
            Self::Workload => Section::Workload.key(),
        }
    }
}

/// The file's view of a section: its fields, traits and others, in file order
/// ([`Section::fields`]).
impl Section {
    /// Every field name it accepts, in file order.
    pub fn field_names(self) -> Vec<&'static str> {
        self.fields().map(crate::model::profile::fields::Field::key).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TRAITS;
    use crate::model::traits::{Environment, Workload};

    /// The field names serde sees on a struct, so the schema can be checked against the
    /// structs the trait table generates.
    fn struct_keys(value: &serde_json::Value) -> Vec<String> {
        let mut keys: Vec<String> =
            value.as_object().expect("a struct serialises to an object").keys().cloned().collect();
        keys.sort();
        keys
    }

    fn sorted(names: Vec<&str>) -> Vec<String> {
        let mut names: Vec<String> = names.into_iter().map(str::to_owned).collect();
        names.sort();
        names
    }

    #[test]
    fn sections_name_every_struct_field_exactly_once() {
        let workload = serde_json::to_value(Workload::default()).unwrap();
        let environment = serde_json::to_value(Environment::default()).unwrap();
        assert_eq!(sorted(Section::Workload.field_names()), struct_keys(&workload));
        assert_eq!(sorted(Section::Environment.field_names()), struct_keys(&environment));
        let mut all: Vec<_> = Section::ALL.iter().flat_map(|section| section.traits().iter().copied()).collect();
        all.sort();
        assert_eq!(all, TRAITS.iter().map(|meta| meta.id).collect::<Vec<_>>());
    }

    #[test]
    fn versions_differ_only_where_the_workload_lives() {
        let only = |a: &[TopField], b: &[TopField]| -> Vec<&str> {
            a.iter().filter(|f| !b.contains(f)).map(|f| f.key()).collect()
        };
        let (v1, v2) = (TopField::of_version(1), TopField::of_version(2));
        assert_eq!(only(v1, v2), vec!["workload"]);
        assert_eq!(only(v2, v1), vec!["options", "components"]);
        assert_eq!(TopField::of_version(crate::profile::VERSION), TopField::ALL);
    }
}
