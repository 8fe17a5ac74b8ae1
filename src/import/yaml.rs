//! The YAML layer: a size cap, the parser's budgets, and a small untyped tree that keeps the
//! line and column of every value, so a value the importer cannot read can be pointed at.
//!
//! The tree is untyped on purpose: a Compose file or a manifest with one odd field must still
//! import, with that field listed as a note, instead of failing as a whole the way a strict
//! serde struct would.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Budget, Options, Spanned};

use super::ImportError;

/// Largest input accepted, in bytes, checked before parsing.
///
/// A choice, not a measurement: hand-written Compose files and application manifests are
/// kilobytes; a rendered chart that carries its `CustomResourceDefinitions` reaches a few
/// MiB. 8 MiB admits those and refuses anything an order of magnitude beyond.
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// The parser's budget. The defaults of `serde-saphyr` are meant for configuration files;
/// these are tighter where an import never needs more: a handful of anchors (Compose
/// `x-` fragments), a bounded number of alias replays (stops a "billion laughs" expansion
/// after 50,000 events instead of a million), a nesting depth well above what
/// Kubernetes schemas reach.
fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_reader_input_bytes = Some(MAX_INPUT_BYTES);
    budget.max_depth = 64;
    budget.max_aliases = 10_000;
    budget.max_anchors = 10_000;
    budget.max_documents = 4_096;
    budget.max_nodes = 1_000_000;
    budget.max_total_scalar_bytes = MAX_INPUT_BYTES;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.alias_limits.max_total_replayed_events = 50_000;
    options.alias_limits.max_replay_stack_depth = 16;
    options.emit_comments = false;
    options.with_snippet = false;
    options
}

/// One YAML value with the position (1-based line and column) where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    pub line: u32,
    pub column: u32,
}

/// The shapes a YAML value can take, as far as an import cares.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Node>),
    /// Keys in the order they were written (Compose service order is the user's order).
    Map(Vec<(String, Node)>),
}

impl Node {
    /// The value under `key` when this node is a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value at a dotted path of mapping keys (`"deploy.resources.limits"`).
    pub fn at(&self, path: &str) -> Option<&Node> {
        path.split('.').try_fold(self, |node, key| node.get(key))
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&[(String, Node)]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    pub fn as_list(&self) -> Option<&[Node]> {
        match &self.value {
            Value::List(items) => Some(items),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        self.value == Value::Null
    }

    /// `true`/`false`, also written as a string (`"true"`): some generators quote booleans.
    pub fn as_bool(&self) -> Option<bool> {
        match &self.value {
            Value::Bool(b) => Some(*b),
            Value::Text(s) if s.eq_ignore_ascii_case("true") => Some(true),
            Value::Text(s) if s.eq_ignore_ascii_case("false") => Some(false),
            _ => None,
        }
    }

    /// A scalar as the text the user wrote (numbers in their shortest form), for notes and
    /// for quantities that may be written as numbers or strings.
    pub fn scalar_text(&self) -> Option<String> {
        match &self.value {
            Value::Text(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Null | Value::List(_) | Value::Map(_) => None,
        }
    }

    /// A short rendering of any value for a note ("a mapping", "a list" for collections).
    pub fn describe(&self) -> String {
        match &self.value {
            Value::Null => "null".to_owned(),
            Value::List(_) => "a list".to_owned(),
            Value::Map(_) => "a mapping".to_owned(),
            _ => self.scalar_text().unwrap_or_default(),
        }
    }
}

/// Parse every document of `text` into trees, after the size cap and under the budget.
/// Empty documents (a `---` followed only by comments, as `helm template` emits) are
/// skipped by the parser.
pub fn documents(text: &str) -> Result<Vec<Node>, ImportError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len(), limit: MAX_INPUT_BYTES });
    }
    let spanned: Vec<Spanned<Node>> =
        serde_saphyr::from_multiple_with_options(text, options()).map_err(|e| parse_error(&e))?;
    Ok(spanned.into_iter().map(with_position).collect())
}

fn parse_error(error: &serde_saphyr::Error) -> ImportError {
    let location = error.location().filter(|l| l.line() > 0);
    let line = location.map(|l| l.line());
    let column = location.map(|l| l.column());
    let message = error.to_string();
    // A limit hit while replaying an alias inside a value reaches us re-wrapped as an
    // `AliasError` carrying the original message, so that case is told by its text.
    let limit = match error {
        serde_saphyr::Error::Budget { .. }
        | serde_saphyr::Error::AliasReplayLimitExceeded { .. }
        | serde_saphyr::Error::AliasExpansionLimitExceeded { .. }
        | serde_saphyr::Error::AliasReplayStackDepthExceeded { .. }
        | serde_saphyr::Error::AliasReplayCounterOverflow { .. } => true,
        serde_saphyr::Error::AliasError { msg, .. } => msg.contains("limit exceeded"),
        _ => false,
    };
    if limit { ImportError::Limit { message, line, column } } else { ImportError::Yaml { message, line, column } }
}

fn with_position(spanned: Spanned<Node>) -> Node {
    let position = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    Node { line: position(spanned.referenced.line()), column: position(spanned.referenced.column()), ..spanned.value }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = deserializer.deserialize_any(ValueVisitor)?;
        // The position is filled in by the enclosing `Spanned` wrapper.
        Ok(Node { value, line: 0, column: 0 })
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v as f64))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Number(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Text(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Text(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element::<Spanned<Node>>()? {
            items.push(with_position(item));
        }
        Ok(Value::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
        while let Some(Key(key)) = map.next_key()? {
            let value = map.next_value::<Spanned<Node>>()?;
            entries.push((key, with_position(value)));
        }
        Ok(Value::Map(entries))
    }
}

/// A mapping key: any scalar, kept as text (`80: …` and `true: …` are legal YAML keys).
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match deserializer.deserialize_any(ValueVisitor)? {
            Value::Text(s) => Ok(Key(s)),
            Value::Number(n) => Ok(Key(n.to_string())),
            Value::Bool(b) => Ok(Key(b.to_string())),
            Value::Null => Ok(Key("null".to_owned())),
            Value::List(_) | Value::Map(_) => Err(de::Error::custom("a mapping key must be a scalar")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_positions() {
        let docs = documents("b: 1\na:\n  - x\n  - 2.5\n---\nc: true\n").expect("parses");
        assert_eq!(docs.len(), 2);
        let keys: Vec<&str> = docs[0].as_map().expect("map").iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a"]);
        let a = docs[0].get("a").expect("a");
        let items = a.as_list().expect("list");
        assert_eq!(items[0].as_str(), Some("x"));
        assert_eq!((items[1].line, items[1].column), (4, 5));
        assert_eq!(items[1].value, Value::Number(2.5));
        assert_eq!(docs[1].get("c").and_then(Node::as_bool), Some(true));
    }

    #[test]
    fn dotted_path_walks_mappings() {
        let docs = documents("deploy:\n  resources:\n    limits:\n      cpus: '0.5'\n").expect("parses");
        assert_eq!(docs[0].at("deploy.resources.limits.cpus").and_then(Node::as_str), Some("0.5"));
        assert!(docs[0].at("deploy.replicas").is_none());
    }

    #[test]
    fn refuses_oversized_input_before_parsing() {
        let text = "#".repeat(MAX_INPUT_BYTES + 1);
        assert!(matches!(documents(&text), Err(ImportError::TooLarge { .. })));
    }
}
