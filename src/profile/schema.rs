//! Schema v1's layout: the top-level fields and the order files list them in. The trait
//! fields of each section, and their order, come from the trait table
//! ([`TRAITS`](crate::model::TRAITS): each row names its section and its place in it), so
//! the layout is written down once. The order is part of the contract with users' files,
//! which people diff; the bundled profiles are checked to be in this canonical form.

pub use crate::model::traits::Section;

/// A top-level field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopField {
    Format,
    Version,
    Name,
    Notes,
    Section(Section),
    Weights,
    Assumptions,
}

impl TopField {
    /// Every top-level field, in file order.
    pub const ALL: [Self; 8] = [
        Self::Format,
        Self::Version,
        Self::Name,
        Self::Notes,
        Self::Section(Section::Workload),
        Self::Section(Section::Environment),
        Self::Weights,
        Self::Assumptions,
    ];

    /// The field's name in the file.
    pub fn key(self) -> &'static str {
        match self {
            Self::Format => "format",
            Self::Version => "version",
            Self::Name => "name",
            Self::Notes => "notes",
            Self::Section(section) => section.key(),
            Self::Weights => "weights",
            Self::Assumptions => "assumptions",
        }
    }
}

/// The text field of `environment`, written after its traits.
pub const CURRENCY: &str = "currency";

/// The host field of `environment`: `custom` or a catalog id.
pub const HOST: &str = "host";

/// The Kubernetes flavour field of `environment`, written last.
pub const KUBERNETES: &str = "kubernetes";

/// The file's view of a section: its trait fields in [`Section::traits`] order, which each
/// trait's row in the table sets, and `currency`, `host` and `kubernetes` after them in `environment`.
impl Section {
    /// Every field name it accepts, in file order.
    pub fn field_names(self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = self.traits().iter().map(|id| id.meta().key).collect();
        if self == Self::Environment {
            names.extend([CURRENCY, HOST, KUBERNETES]);
        }
        names
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
    fn top_level_fields_match_the_profile_struct() {
        let profile = serde_json::to_value(crate::profile::Profile::default()).unwrap();
        assert_eq!(sorted(TopField::ALL.iter().map(|f| f.key()).collect()), struct_keys(&profile));
    }
}
