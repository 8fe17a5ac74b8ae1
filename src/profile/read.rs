//! Reading profiles out of RON: schema v2, and v1 as a v2 profile comparing `vm` and
//! `container` (what a v1 file always meant). The visitors are written by hand so that every
//! refusal is raised while ron's parser still stands on the offending key or value — ron
//! then attaches its line:column — and so that each message names the field
//! (`workload.services`), which a derived `Deserialize` can do neither of.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::schema::{
    ARM64_READY, CURRENCY, ComponentField, HOST, HOST_PRICE, KUBERNETES, NODE_AGENTS, PRIVILEGED, PURCHASE, Section,
    TEAM, TopField,
};
use super::{FORMAT, Profile, VERSION, suggest, validate};
use crate::builtin::Described as _;
use crate::model::criteria::MAX_WEIGHT;
use crate::model::kubernetes::KubernetesFlavour;
use crate::model::options::REGISTRY;
use crate::model::profile::{Component, MAX_COMPONENTS, MAX_OPTIONS, MIN_OPTIONS};
use crate::model::purchase::Purchase;
use crate::model::traits::{CHOICES, ChoiceMeta};
use crate::model::{AssumptionId, CRITERIA, CriterionId, OptionId, TraitId, TraitKind};

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
struct Name(String);

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

/// Second pass: the whole profile, starting from the defaults so that missing fields keep
/// them. Values out of range are clamped with a warning; everything else wrong is refused.
pub struct Body<'w> {
    /// The file's schema version, as the header pass read it: it decides the fields.
    pub version: u32,
    pub warnings: &'w mut Vec<String>,
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
                    let known = CRITERIA.iter().map(|spec| (spec.key, (spec.id, (0.0, MAX_WEIGHT))));
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

/// A field of `workload` or `environment`.
#[derive(Clone, Copy)]
enum SectionField {
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
struct SectionBody<'a> {
    section: Section,
    /// Before the section's name in messages: which component, past the first.
    prefix: &'a str,
    profile: &'a mut Profile,
    warnings: &'a mut Vec<String>,
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
        if environment.host == crate::model::hosts::CUSTOM && environment.host_price_per_hour.take().is_some() {
            self.warnings.push(format!(
                "environment.{HOST_PRICE}: prices a catalog host; on custom hosts host_cost_per_month applies, so it is ignored"
            ));
        }
        Ok(())
    }
}

/// `options`: two to four registered option ids, each once, in the order given.
struct OptionList;

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

/// `components`: the parts of the estate, one to [`MAX_COMPONENTS`].
struct Components<'a> {
    warnings: &'a mut Vec<String>,
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
struct TooMany;

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
struct ComponentBody<'a> {
    index: usize,
    warnings: &'a mut Vec<String>,
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
struct Pin<'a> {
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
struct OwnPurchase<'a> {
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
        Field::new(self.path, PurchaseWord).deserialize(deserializer).map(Some)
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Field::new(self.path, PurchaseWord).visit_str(key).map(Some)
    }
}

/// A key a map may hold, with the id it stands for and the range of its value.
type Known<K> = (&'static str, (K, (f64, f64)));

/// `weights` or `assumptions`: a map from known ids to numbers within each id's range.
struct Overrides<'a, K> {
    place: Place,
    /// Each key the map may hold.
    known: Vec<Known<K>>,
    warnings: &'a mut Vec<String>,
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
            let value = validate::clamp(&path, value, range, super::canonical::real, self.warnings);
            values.insert(id, value);
        }
        Ok(values)
    }
}

/// Where a key stands, for messages.
#[derive(Clone, Copy)]
enum Place {
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
struct Key<'a, T> {
    place: Place,
    known: &'a [(&'static str, T)],
    seen: &'a mut Vec<&'static str>,
}

impl<'a, T> Key<'a, T> {
    fn new(place: Place, known: &'a [(&'static str, T)], seen: &'a mut Vec<&'static str>) -> Self {
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
fn of_another_version(name: &str, version: u32) -> Option<String> {
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

/// One value as the file wrote it, before the field's rule looks at it.
enum Scalar<'a> {
    Flag(bool),
    Whole(i128),
    Real(f64),
    Text(&'a str),
}

impl fmt::Display for Scalar<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Flag(flag) => write!(f, "`{flag}`"),
            Self::Whole(whole) => write!(f, "{whole}"),
            Self::Real(real) => write!(f, "{real:?}"),
            Self::Text(text) => write!(f, "the text {text:?}"),
        }
    }
}

/// Why a value of the right type is still refused (the message follows the field's name).
#[derive(Debug, thiserror::Error)]
enum Refusal {
    #[error("NaN is not a number; write a number such as 2.0")]
    NotANumber,
    #[error("{0} is not allowed; write a finite number such as 2.0")]
    Infinite(f64),
    #[error("this is a {0:?} file, not a Podvisor profile (\"{FORMAT}\")")]
    OtherFormat(String),
    #[error(
        "{0} is newer than this build of Podvisor reads (it reads versions 1 to {VERSION}); open the file with a newer Podvisor"
    )]
    NewerVersion(i128),
    #[error("{0} is not a valid version (versions start at 1; this build reads versions 1 to {VERSION})")]
    InvalidVersion(i128),
    #[error("{0}")]
    UnknownHost(String),
    #[error("a price of {0:?} per hour is refused; write a positive number of US dollars such as 0.768")]
    NotAPrice(f64),
    #[error("unknown flavour {0:?}; expected one of: {1}")]
    UnknownFlavour(String, String),
    #[error("at most {MAX_OPTIONS} options are compared at once; `{0}` would be the {next}th", next = MAX_OPTIONS + 1)]
    TooManyOptions(String),
    /// An option id not in the registry, and the hint: the closest ids, or all of them.
    #[error("unknown option `{0}`; {1}")]
    UnknownOption(String, String),
    #[error("`{0}` is listed twice; each option may appear once")]
    RepeatedOption(String),
    #[error("\"{0}\" is not accepted here; write {1}")]
    UnknownChoice(String, String),
}

/// What a field accepts, and what its value becomes.
trait Rule {
    type Value;
    /// Said after "expected" in messages.
    const EXPECTED: &'static str;
    /// The value, or what is wrong with it (the caller adds the field's name). `None`
    /// means "not this type" and gets the standard "expected …, found …".
    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<Self::Value, Refusal>>;
}

struct Whole;
struct Real;
struct Flag;
struct Text;
struct Format;
struct Version;

impl Rule for Whole {
    type Value = f64;
    const EXPECTED: &'static str = "a whole number";

    #[expect(clippy::cast_precision_loss, reason = "huge values are clamped to the field's range anyway")]
    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<f64, Refusal>> {
        match scalar {
            Scalar::Whole(whole) => Some(Ok(*whole as f64)),
            _ => None,
        }
    }
}

impl Rule for Real {
    type Value = f64;
    const EXPECTED: &'static str = "a number";

    #[expect(clippy::cast_precision_loss, reason = "huge values are clamped to the field's range anyway")]
    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<f64, Refusal>> {
        match scalar {
            Scalar::Whole(whole) => Some(Ok(*whole as f64)),
            Scalar::Real(real) if real.is_nan() => Some(Err(Refusal::NotANumber)),
            Scalar::Real(real) if real.is_infinite() => Some(Err(Refusal::Infinite(*real))),
            Scalar::Real(real) => Some(Ok(*real)),
            _ => None,
        }
    }
}

impl Rule for Flag {
    type Value = bool;
    const EXPECTED: &'static str = "`true` or `false`";

    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<bool, Refusal>> {
        match scalar {
            Scalar::Flag(flag) => Some(Ok(*flag)),
            _ => None,
        }
    }
}

impl Rule for Text {
    type Value = String;
    const EXPECTED: &'static str = "text in quotes";

    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<String, Refusal>> {
        match scalar {
            Scalar::Text(text) => Some(Ok((*text).to_owned())),
            _ => None,
        }
    }
}

/// One of a choice field's words.
struct Choice(&'static ChoiceMeta);

impl Rule for Choice {
    type Value = &'static str;
    const EXPECTED: &'static str = "one of the field's words in quotes";

    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<&'static str, Refusal>> {
        match scalar {
            Scalar::Text(text) => Some(self.0.choices.iter().find(|word| **word == *text).copied().ok_or_else(|| {
                let words: Vec<String> = self.0.choices.iter().map(|w| format!("\"{w}\"")).collect();
                Refusal::UnknownChoice((*text).to_owned(), words.join(" or "))
            })),
            _ => None,
        }
    }
}

impl Rule for Format {
    type Value = ();
    const EXPECTED: &'static str = "the text \"podvisor-profile\"";

    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<(), Refusal>> {
        match scalar {
            Scalar::Text(text) if *text == FORMAT => Some(Ok(())),
            Scalar::Text(text) => Some(Err(Refusal::OtherFormat((*text).to_owned()))),
            _ => None,
        }
    }
}

impl Rule for Version {
    type Value = u32;
    const EXPECTED: &'static str = "a whole number";

    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<u32, Refusal>> {
        match scalar {
            Scalar::Whole(version) if (1..=i128::from(VERSION)).contains(version) => {
                Some(Ok(u32::try_from(*version).unwrap_or(VERSION)))
            }
            Scalar::Whole(version) if *version > i128::from(VERSION) => Some(Err(Refusal::NewerVersion(*version))),
            Scalar::Whole(version) => Some(Err(Refusal::InvalidVersion(*version))),
            _ => None,
        }
    }
}

/// `environment.host`: `custom` or an id of the host catalog.
struct HostId;

impl Rule for HostId {
    type Value = String;
    const EXPECTED: &'static str = "\"custom\" or a host id in quotes, such as \"aws/m6i.4xlarge\"";

    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<String, Refusal>> {
        let Scalar::Text(id) = scalar else { return None };
        let chosen = crate::builtin::catalogs().hosts.choose(id).map(|_| (*id).to_owned());
        Some(chosen.map_err(|error| Refusal::UnknownHost(error.to_string())))
    }
}

/// `environment.host_price_per_hour`: a positive, finite number of US dollars.
struct Price;

impl Rule for Price {
    type Value = f64;
    const EXPECTED: &'static str = "a price per hour in US dollars, such as 0.768";

    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<f64, Refusal>> {
        Some(
            Real.accept(scalar)?.and_then(|price| if price > 0.0 { Ok(price) } else { Err(Refusal::NotAPrice(price)) }),
        )
    }
}

/// `environment.kubernetes`: one of the flavours' ids.
struct Flavour;

impl Rule for Flavour {
    type Value = KubernetesFlavour;
    const EXPECTED: &'static str = "a Kubernetes flavour in quotes (\"self_managed\", \"eks\", \"gke\" or \"aks\")";

    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<KubernetesFlavour, Refusal>> {
        let Scalar::Text(key) = scalar else { return None };
        Some(KubernetesFlavour::from_key(key).ok_or_else(|| {
            let keys = KubernetesFlavour::ALL.map(KubernetesFlavour::key);
            let hint =
                suggest::closest(key, keys).map_or_else(|| keys.join(", "), |close| format!("did you mean {close:?}?"));
            Refusal::UnknownFlavour((*key).to_owned(), hint)
        }))
    }
}

/// `purchase`: one of the ways of buying compute.
struct PurchaseWord;

impl Rule for PurchaseWord {
    type Value = Purchase;
    const EXPECTED: &'static str = "a way of buying in quotes (\"on_demand\", \"committed_1y\", \"committed_3y\", \"spot\" or \"committed_steady\")";

    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<Purchase, Refusal>> {
        let Scalar::Text(key) = scalar else { return None };
        Some(Purchase::from_key(key).ok_or_else(|| {
            let words: Vec<String> = Purchase::ALL.iter().map(|p| format!("\"{}\"", p.key())).collect();
            Refusal::UnknownChoice((*key).to_owned(), words.join(" or "))
        }))
    }
}

/// One entry of `options`: a registered id not listed before, within [`MAX_OPTIONS`].
struct OptionKey<'a> {
    chosen: &'a [OptionId],
}

impl Rule for OptionKey<'_> {
    type Value = OptionId;
    const EXPECTED: &'static str = "a quoted option id such as \"vm\"";

    fn accept(&self, scalar: &Scalar<'_>) -> Option<Result<OptionId, Refusal>> {
        let Scalar::Text(key) = scalar else {
            return None;
        };
        let key = (*key).to_owned();
        if self.chosen.len() == MAX_OPTIONS {
            return Some(Err(Refusal::TooManyOptions(key)));
        }
        let Some(id) = OptionId::from_key(&key) else {
            let keys = REGISTRY.iter().map(|spec| spec.key);
            let hint = match suggest::closest_few(&key, keys.clone(), 2).as_slice() {
                [] => format!("expected one of: {}", keys.collect::<Vec<_>>().join(", ")),
                [one] => format!("did you mean `{one}`?"),
                [one, two, ..] => format!("did you mean `{one}` or `{two}`?"),
            };
            return Some(Err(Refusal::UnknownOption(key, hint)));
        };
        Some(if self.chosen.contains(&id) { Err(Refusal::RepeatedOption(key)) } else { Ok(id) })
    }
}

/// A value for the field at `path`, checked by `rule` while ron still points at it.
struct Field<'a, R> {
    path: &'a str,
    rule: R,
}

impl<'a, R: Rule> Field<'a, R> {
    fn new(path: &'a str, rule: R) -> Self {
        Self { path, rule }
    }

    fn check<E: de::Error>(self, scalar: &Scalar<'_>) -> Result<R::Value, E> {
        let path = self.path;
        match self.rule.accept(scalar) {
            Some(Ok(value)) => Ok(value),
            Some(Err(problem)) => Err(E::custom(format!("{path}: {problem}"))),
            None => Err(self.found(scalar)),
        }
    }

    fn found<E: de::Error>(&self, found: impl fmt::Display) -> E {
        E::custom(format!("{}: expected {}, found {found}", self.path, R::EXPECTED))
    }
}

impl<'de, R: Rule> DeserializeSeed<'de> for Field<'_, R> {
    type Value = R::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<R::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, R: Rule> Visitor<'de> for Field<'_, R> {
    type Value = R::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} for `{}`", R::EXPECTED, self.path)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<R::Value, E> {
        self.check(&Scalar::Flag(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<R::Value, E> {
        self.check(&Scalar::Whole(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<R::Value, E> {
        self.check(&Scalar::Whole(v.into()))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<R::Value, E> {
        self.check(&Scalar::Whole(v))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<R::Value, E> {
        self.check(&Scalar::Whole(i128::try_from(v).unwrap_or(i128::MAX)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<R::Value, E> {
        self.check(&Scalar::Real(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<R::Value, E> {
        self.check(&Scalar::Text(v))
    }

    fn visit_char<E: de::Error>(self, v: char) -> Result<R::Value, E> {
        Err(self.found(format_args!("the character {v:?}")))
    }

    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<R::Value, E> {
        Err(self.found("a byte string"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<R::Value, E> {
        Err(self.found("`()` or a bare name"))
    }

    fn visit_none<E: de::Error>(self) -> Result<R::Value, E> {
        Err(self.found("`None`"))
    }

    fn visit_some<D: Deserializer<'de>>(self, _: D) -> Result<R::Value, D::Error> {
        Err(self.found("`Some(…)`"))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, _: D) -> Result<R::Value, D::Error> {
        Err(self.found("a value in parentheses"))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<R::Value, A::Error> {
        Err(self.found("a list"))
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<R::Value, A::Error> {
        Err(self.found("a map or section"))
    }

    fn visit_enum<A: de::EnumAccess<'de>>(self, _: A) -> Result<R::Value, A::Error> {
        Err(self.found("a bare name"))
    }
}
