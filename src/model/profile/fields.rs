//! The profile fields that are not numeric traits — choices of a word, text, a host, a price,
//! flags and the optional nested sections — one row each, in file order within their section.
//! With the trait table ([`TRAITS`](crate::model::TRAITS)) they make [`Section::fields`]: what
//! a profile file holds, which the reader, the canonical writer, the schema, the comparison,
//! the window's labels and the README's tables all walk, so adding a field is one row here
//! (and the rule that reads it in the model). The rows reach into [`Profile`], so the table
//! sits beside it rather than in the trait module the profile is built from.

use super::Profile;
use crate::model::kubernetes::KubernetesFlavour;
use crate::model::purchase::Purchase;
use crate::model::traits::{PrimaryOs, Section, TraitId, VmPatching};

/// A non-numeric field: where it sits, how a file spells it, and how it is documented.
#[derive(Clone, Copy, Debug)]
pub struct FieldMeta {
    pub section: Section,
    /// Field name in the profile file (`snake_case`, stable).
    pub key: &'static str,
    /// What the window calls it.
    pub label: &'static str,
    pub kind: FieldKind,
    /// Written only when it differs from the default (a flag when true, a price when set, a
    /// nested section when stated, a purchase when not on demand), so that files older than
    /// the field keep their bytes when saved.
    pub optional: bool,
    /// The comment after the value in the canonical file.
    pub note: Note,
    /// Its row in the README's table of the section.
    pub doc: Doc,
}

/// What a field holds, with its accessors on a [`Profile`] (a workload's fields are the first
/// component's, as the traits' are).
#[derive(Clone, Copy, Debug)]
pub enum FieldKind {
    /// One of a few words, in quotes.
    Word(Words),
    /// Free text in quotes (`currency`).
    Text { get: fn(&Profile) -> &str, set: fn(&mut Profile, String) },
    /// `custom` or an id of the host catalog, in quotes.
    Host { get: fn(&Profile) -> &str, set: fn(&mut Profile, String) },
    /// A positive price, or none.
    Price { get: fn(&Profile) -> Option<f64>, set: fn(&mut Profile, Option<f64>) },
    /// `true` or `false`.
    Flag { get: fn(&Profile) -> bool, set: fn(&mut Profile, bool) },
    /// A nested section (`team`, `node_agents`), stated or not.
    Section(Section),
}

/// The words of a choice field, and how a wrong one is answered.
#[derive(Clone, Copy, Debug)]
pub struct Words {
    /// Every word it accepts, the default first.
    pub all: fn() -> Vec<&'static str>,
    pub get: fn(&Profile) -> &'static str,
    /// Sets the field from one of [`Self::all`] (any other word leaves it alone).
    pub set: fn(&mut Profile, &str),
    /// What it names after "expected" ("a Kubernetes flavour", then its words); `None`: "one
    /// of the field's words".
    pub expected: Option<&'static str>,
    /// What a wrong word is called when the closest word is suggested for it ("unknown
    /// flavour …; did you mean …"); `None`: the words it accepts are listed instead.
    pub unknown: Option<&'static str>,
}

/// The comment a canonical file writes after the value.
#[derive(Clone, Copy, Debug)]
pub enum Note {
    Text(&'static str),
    /// The words in quotes, joined by "or": `"linux" or "windows"`.
    QuotedWords,
    /// The words bare, as a list: `self_managed, eks, gke or aks`.
    ListedWords,
}

/// A field's row in the README's tables (`| field | type | range | unit | default | meaning |`).
#[derive(Clone, Copy, Debug)]
pub struct Doc {
    pub kind: &'static str,
    /// `None`: the words of a choice, or "—".
    pub range: Option<&'static str>,
    pub unit: &'static str,
    /// `None`: the default profile's value, as a file writes it.
    pub default: Option<&'static str>,
    pub meaning: &'static str,
}

impl FieldMeta {
    /// A choice field's words and accessors.
    pub fn choice(&self) -> Option<Words> {
        match self.kind {
            FieldKind::Word(words) => Some(words),
            _ => None,
        }
    }

    /// The words of a choice field (none for other kinds).
    pub fn words(&self) -> Vec<&'static str> {
        match self.kind {
            FieldKind::Word(words) => (words.all)(),
            _ => Vec::new(),
        }
    }

    /// Whether `profile` leaves it at what a file without it means.
    pub fn is_default(&self, profile: &Profile) -> bool {
        match self.kind {
            FieldKind::Word(words) => (words.get)(profile) == (words.all)()[0],
            FieldKind::Text { get, .. } | FieldKind::Host { get, .. } => get(profile) == get(&Profile::default()),
            FieldKind::Price { get, .. } => get(profile).is_none(),
            FieldKind::Flag { get, .. } => !get(profile),
            FieldKind::Section(section) => profile.unstated(section),
        }
    }

    /// The canonical comment after its value.
    pub fn note(&self) -> String {
        match self.note {
            Note::Text(text) => text.to_owned(),
            Note::QuotedWords => self.words().iter().map(|word| format!("\"{word}\"")).collect::<Vec<_>>().join(" or "),
            Note::ListedWords => listed(&self.words(), "or"),
        }
    }
}

/// One field of a profile section: a numeric trait or a row of [`FIELDS`].
#[derive(Clone, Copy, Debug)]
pub enum Field {
    Trait(TraitId),
    Other(&'static FieldMeta),
}

impl Field {
    /// Its name in a profile file.
    pub fn key(self) -> &'static str {
        match self {
            Self::Trait(id) => id.meta().key,
            Self::Other(meta) => meta.key,
        }
    }

    /// What the window calls it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Trait(id) => id.meta().label,
            Self::Other(meta) => meta.label,
        }
    }
}

impl Section {
    /// Every field it holds, in file order: its traits in their places, then its rows of
    /// [`FIELDS`] in table order.
    pub fn fields(self) -> impl Iterator<Item = Field> {
        let traits = self.traits().iter().map(|id| Field::Trait(*id));
        traits.chain(FIELDS.iter().filter(move |meta| meta.section == self).map(Field::Other))
    }

    /// The field named `key`, if it holds one.
    pub fn field(self, key: &str) -> Option<Field> {
        self.fields().find(|field| field.key() == key)
    }
}

/// `a, b or c`.
pub fn listed(items: &[impl AsRef<str>], last: &str) -> String {
    match items {
        [] => String::new(),
        [only] => only.as_ref().to_owned(),
        [init @ .., tail] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} {last} {}", init.join(", "), tail.as_ref())
        }
    }
}

/// The word of `value` among `all` by `key`, for a choice's setter.
fn find<T: Copy>(all: &[T], key: fn(T) -> &'static str, word: &str) -> Option<T> {
    all.iter().copied().find(|value| key(*value) == word)
}

/// Every non-numeric field, in file order within its section (after the section's traits).
pub const FIELDS: &[FieldMeta] = &[
    FieldMeta {
        section: Section::Workload,
        key: "primary_os",
        label: "Primary OS",
        kind: FieldKind::Word(Words {
            all: || PrimaryOs::ALL.map(PrimaryOs::key).to_vec(),
            get: |p| p.workload().primary_os.key(),
            set: |p, w| p.workload_mut().primary_os = find(&PrimaryOs::ALL, PrimaryOs::key, w).unwrap_or_default(),
            expected: None,
            unknown: None,
        }),
        optional: false,
        note: Note::QuotedWords,
        doc: Doc {
            kind: "text",
            range: None,
            unit: "—",
            default: None,
            meaning: "The kernel most services need: `linux` or `windows` (Windows container images, memory and node reserves apply).",
        },
    },
    FieldMeta {
        section: Section::Workload,
        key: "arm64_ready",
        label: "Images run on arm64",
        kind: FieldKind::Flag { get: |p| p.workload().arm64_ready, set: |p, on| p.workload_mut().arm64_ready = on },
        optional: true,
        note: Note::Text("its images run on arm64 hosts"),
        doc: Doc {
            kind: "`true`/`false` (schema v3)",
            range: None,
            unit: "—",
            default: None,
            meaning: "Whether the workload's images run on arm64 hosts (a multi-arch or arm64 build of each). On an Arm64 catalog type (`aws/m7g.*`, `aws/t4g.*`, `azure/D*ps_v5`, `gcp/t2a-standard-*`) an option whose images are not arm64-ready is not offered. Written only when true, so older files keep their meaning: x86_64 images.",
        },
    },
    FieldMeta {
        section: Section::Workload,
        key: "privileged",
        label: "Privileged containers",
        kind: FieldKind::Flag { get: |p| p.workload().privileged, set: |p, on| p.workload_mut().privileged = on },
        optional: true,
        note: Note::Text("it runs privileged containers"),
        doc: Doc {
            kind: "`true`/`false` (schema v3)",
            range: None,
            unit: "—",
            default: None,
            meaning: "Whether it runs privileged containers (Compose's `privileged`, a container's `securityContext.privileged`; import sets it). AWS Fargate runs none: a microVM per pod then takes the family's metal type, or is not offered where there is none. Written only when true, so older files keep their meaning.",
        },
    },
    FieldMeta {
        section: Section::Workload,
        key: "packet_data_plane",
        label: "Packet data plane",
        kind: FieldKind::Flag {
            get: |p| p.workload().packet_data_plane,
            set: |p, on| p.workload_mut().packet_data_plane = on,
        },
        optional: true,
        note: Note::Text("it forwards packets at line rate"),
        doc: Doc {
            kind: "`true`/`false` (schema v3)",
            range: None,
            unit: "—",
            default: None,
            meaning: "Whether it is a packet data plane: a fast path forwarding traffic at line rate (a 5G user plane function, a virtual router or firewall) on pinned cores, huge pages and an SR-IOV virtual function, as Kubernetes' resource managers give it on the host. Runtime performance then takes `vm_packet_efficiency` for every hypervisor the virtual function is passed through (VMs, the node VMs of containers on VMs, microVMs). Written only when true, so older files keep their meaning.",
        },
    },
    FieldMeta {
        section: Section::Environment,
        key: "currency",
        label: "Currency",
        kind: FieldKind::Text { get: |p| &p.environment.currency, set: |p, text| p.environment.currency = text },
        optional: false,
        note: Note::Text("label only; no conversion"),
        doc: Doc {
            kind: "text",
            range: None,
            unit: "—",
            default: None,
            meaning: "Currency of `host_cost_per_month` (a label only; no conversion).",
        },
    },
    FieldMeta {
        section: Section::Environment,
        key: "host",
        label: "Host type",
        kind: FieldKind::Host { get: |p| &p.environment.host, set: |p, id| p.environment.host = id },
        optional: false,
        note: Note::Text("\"custom\" or a catalog id (podvisor hosts)"),
        doc: Doc {
            kind: "text",
            range: Some("`\"custom\"` or a catalog id"),
            unit: "—",
            default: None,
            meaning: "`custom`: the host fields above apply. A catalog id (`aws/m6i.4xlarge`, `azure/D16s_v5`, `gcp/n2-standard-16`; `podvisor hosts` lists them) prices every option as a cloud user would buy it.",
        },
    },
    FieldMeta {
        section: Section::Environment,
        key: "host_price_per_hour",
        label: "Host price",
        kind: FieldKind::Price {
            get: |p| p.environment.host_price_per_hour,
            set: |p, price| p.environment.host_price_per_hour = price,
        },
        optional: true,
        note: Note::Text("USD an hour, replacing the catalog's price"),
        doc: Doc {
            kind: "number (optional)",
            range: Some("above 0"),
            unit: "USD/h",
            default: Some("absent: the catalog's price"),
            meaning: "The chosen catalog type's hourly price, replacing the catalog's (a discount, a committed-use rate, a newer price list); the other types of its family an option buys are priced in the same proportion. Written only when set; 0, negative, NaN or infinite prices are refused. Ignored, with a warning, on `custom` hosts, whose `host_cost_per_month` applies.",
        },
    },
    FieldMeta {
        section: Section::Environment,
        key: "kubernetes",
        label: "Kubernetes",
        kind: FieldKind::Word(Words {
            all: || KubernetesFlavour::ALL.map(KubernetesFlavour::key).to_vec(),
            get: |p| p.environment.kubernetes.key(),
            set: |p, w| p.environment.kubernetes = KubernetesFlavour::from_key(w).unwrap_or_default(),
            expected: Some("a Kubernetes flavour"),
            unknown: Some("flavour"),
        }),
        optional: false,
        note: Note::ListedWords,
        doc: Doc {
            kind: "text",
            range: None,
            unit: "—",
            default: None,
            meaning: "Whose node reservations, pod limits and control-plane fee the Kubernetes options follow.",
        },
    },
    FieldMeta {
        section: Section::Environment,
        key: "purchase",
        label: "Purchase",
        kind: FieldKind::Word(PURCHASE),
        optional: true,
        note: Note::ListedWords,
        doc: Doc {
            kind: "text (schema v3)",
            range: None,
            unit: "—",
            default: None,
            meaning: "How cloud compute is bought: on demand, committed for 1 or 3 years, on spot, or `committed_steady` (the steady load committed for a year, the peak hours on demand); see [How compute is bought](#how-compute-is-bought). A component's own `purchase` replaces it. Written only when not on demand; ignored, with a warning, on `custom` hosts.",
        },
    },
    FieldMeta {
        section: Section::Environment,
        key: "vm_patching",
        label: "VM patching",
        kind: FieldKind::Word(Words {
            all: || VmPatching::ALL.map(VmPatching::key).to_vec(),
            get: |p| p.environment.vm_patching.key(),
            set: |p, w| p.environment.vm_patching = find(&VmPatching::ALL, VmPatching::key, w).unwrap_or_default(),
            expected: None,
            unknown: None,
        }),
        optional: false,
        note: Note::QuotedWords,
        doc: Doc {
            kind: "text",
            range: None,
            unit: "—",
            default: None,
            meaning: "How VMs are patched: `in_place`, or `golden_images` (replaced from images rebuilt on a cadence).",
        },
    },
    FieldMeta {
        section: Section::Environment,
        key: "team",
        label: "Team",
        kind: FieldKind::Section(Section::Team),
        optional: true,
        note: Note::Text(""),
        doc: Doc {
            kind: "section (optional, schema v3)",
            range: Some("see [`team`](#team)"),
            unit: "—",
            default: Some("absent: people not priced"),
            meaning: "Who would run the platform and what an engineer costs; each option's operating effort is priced into its monthly cost. Written only when set.",
        },
    },
    FieldMeta {
        section: Section::Environment,
        key: "node_agents",
        label: "Node agents",
        kind: FieldKind::Section(Section::NodeAgents),
        optional: true,
        note: Note::Text(""),
        doc: Doc {
            kind: "section (optional, schema v3)",
            range: Some("see [`node_agents`](#node_agents)"),
            unit: "—",
            default: Some("absent: no agents of the team's"),
            meaning: "The team's own DaemonSets (logging, monitoring, security) on every Kubernetes node, beside the flavour's own; their CPU and memory come off every node's allocatable. Written only when set.",
        },
    },
];

/// How compute is bought: the environment's field, and a component's own (`Some("spot")`),
/// read by the same words.
pub const PURCHASE: Words = Words {
    all: || Purchase::ALL.map(Purchase::key).to_vec(),
    get: |p| p.environment.purchase.key(),
    set: |p, w| p.environment.purchase = Purchase::from_key(w).unwrap_or_default(),
    expected: Some("a way of buying"),
    unknown: None,
};

impl Profile {
    /// A choice field's value as its word ("" for a key that is no choice field).
    pub fn choice(&self, key: &str) -> &'static str {
        FIELDS.iter().find(|field| field.key == key).and_then(FieldMeta::choice).map_or("", |words| (words.get)(self))
    }

    /// Sets a choice field from its word; `false` when the word is not one it accepts.
    pub fn set_choice(&mut self, key: &str, word: &str) -> bool {
        let Some(words) = FIELDS.iter().find(|field| field.key == key).and_then(FieldMeta::choice) else {
            return false;
        };
        let known = (words.all)().contains(&word);
        if known {
            (words.set)(self, word);
        }
        known
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_default_profile_holds_every_field_at_its_default() {
        let profile = Profile::default();
        for meta in FIELDS {
            assert!(meta.is_default(&profile), "{}", meta.key);
            assert!(!meta.label.is_empty() && !meta.doc.meaning.is_empty(), "{}", meta.key);
            if let Some(words) = meta.choice() {
                assert_eq!((words.get)(&profile), (words.all)()[0], "{}: the default is the first word", meta.key);
            }
        }
    }

    #[test]
    fn keys_are_unique_within_each_section_traits_included() {
        for section in Section::ALL {
            let mut keys: Vec<&str> = section.fields().map(Field::key).collect();
            let count = keys.len();
            keys.sort_unstable();
            keys.dedup();
            assert_eq!(keys.len(), count, "{}", section.key());
        }
    }

    #[test]
    fn notes_list_or_quote_the_words() {
        let note = |key| FIELDS.iter().find(|meta| meta.key == key).map(FieldMeta::note).unwrap_or_default();
        assert_eq!(note("kubernetes"), "self_managed, eks, gke or aks");
        assert_eq!(note("primary_os"), "\"linux\" or \"windows\"");
        assert_eq!(note("currency"), "label only; no conversion");
        assert_eq!(listed(&["a"], "or"), "a");
    }

    #[test]
    fn choices_set_by_key_read_back_and_refuse_other_words() {
        let mut profile = Profile::default();
        for meta in FIELDS.iter().filter(|field| field.choice().is_some()) {
            assert_eq!(profile.choice(meta.key), meta.words()[0], "{} defaults to its first word", meta.key);
            for word in meta.words() {
                assert!(profile.set_choice(meta.key, word));
                assert_eq!(profile.choice(meta.key), word);
            }
            assert!(!profile.set_choice(meta.key, "macos"));
        }
        assert!(!profile.set_choice("currency", "EUR"), "not a choice");
    }

    #[test]
    fn a_choice_set_from_each_word_reads_it_back() {
        for meta in FIELDS {
            let Some(words) = meta.choice() else { continue };
            for word in (words.all)() {
                let mut profile = Profile::default();
                (words.set)(&mut profile, word);
                assert_eq!((words.get)(&profile), word, "{}", meta.key);
                assert_eq!(meta.is_default(&profile), word == (words.all)()[0], "{}", meta.key);
            }
        }
    }
}
