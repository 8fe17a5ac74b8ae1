//! Objects keyed by ids: options, criteria and axes (whose set a profile or a registry
//! decides, so a map) and resources (a fixed set, so a struct that the schema lists field by
//! field).

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Serialize, Serializer};

use crate::model::ResourceId;

/// An object keyed by ids, in the order given (`serde_json`'s `preserve_order` keeps it): the
/// profile's options in its order, the criteria in the catalogue's.
#[derive(Debug)]
pub struct Keyed<T>(pub Vec<(&'static str, T)>);

impl<T> FromIterator<(&'static str, T)> for Keyed<T> {
    fn from_iter<I: IntoIterator<Item = (&'static str, T)>>(entries: I) -> Self {
        Self(entries.into_iter().collect())
    }
}

impl<T: Serialize> Serialize for Keyed<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, value)| (key, value)))
    }
}

impl<T: JsonSchema> JsonSchema for Keyed<T> {
    fn schema_name() -> Cow<'static, str> {
        format!("Keyed_{}", T::schema_name()).into()
    }

    fn inline_schema() -> bool {
        true
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "object", "additionalProperties": generator.subschema_for::<T>() })
    }
}

/// One figure per resource, keyed as `ResourceId::key` says and in `ResourceId::ALL`'s order
/// (a test holds the two together).
#[derive(Debug, Serialize, JsonSchema)]
pub struct PerResource<T> {
    pub memory_gib: T,
    pub cpu_cores: T,
    pub disk_gib: T,
    pub hosts: T,
    pub monthly_cost: T,
    pub start_seconds: T,
    pub scale_to_peak_seconds: T,
    pub os_instances_to_patch: T,
    pub instances_per_host: T,
}

impl<T> PerResource<T> {
    /// Each resource's figure, as `figure` gives it.
    pub fn new(mut figure: impl FnMut(ResourceId) -> T) -> Self {
        Self {
            memory_gib: figure(ResourceId::MemoryGib),
            cpu_cores: figure(ResourceId::CpuCores),
            disk_gib: figure(ResourceId::DiskGib),
            hosts: figure(ResourceId::Hosts),
            monthly_cost: figure(ResourceId::MonthlyCost),
            start_seconds: figure(ResourceId::StartSeconds),
            scale_to_peak_seconds: figure(ResourceId::ScaleToPeakSeconds),
            os_instances_to_patch: figure(ResourceId::OsInstancesToPatch),
            instances_per_host: figure(ResourceId::InstancesPerHost),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resource_fields_are_the_resource_keys_in_report_order() {
        let keys = |value: serde_json::Value| value.as_object().map(|map| map.keys().cloned().collect::<Vec<_>>());
        let figures = serde_json::to_value(PerResource::new(|_| 0.0)).ok();
        let expected: Vec<String> = ResourceId::ALL.iter().map(|r| r.key().to_owned()).collect();
        assert_eq!(figures.and_then(keys), Some(expected));
    }

    #[test]
    fn each_field_holds_its_own_resource() {
        let figures = PerResource::new(ResourceId::key);
        let value = serde_json::to_value(&figures).unwrap_or_default();
        for r in ResourceId::ALL {
            assert_eq!(value[r.key()], r.key());
        }
    }

    #[test]
    fn keyed_objects_keep_the_given_order() {
        let keyed: Keyed<u8> = [("b", 1), ("a", 2)].into_iter().collect();
        assert_eq!(serde_json::to_string(&keyed).ok().as_deref(), Some(r#"{"b":1,"a":2}"#));
    }
}
