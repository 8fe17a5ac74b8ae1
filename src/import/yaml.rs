//! The YAML layer: a size cap, the parser's budgets, and a small untyped tree that keeps the
//! line and column of every value, so a value the importer cannot read can be pointed at.
//!
//! The tree is untyped on purpose: a Compose file or a manifest with one odd field must still
//! import, with that field listed as a note, instead of failing as a whole the way a strict
//! serde struct would.

use granit_parser::{Event, Marker, Options, Parser, ScalarStyle};

use super::ImportError;

/// Largest input accepted, in bytes, checked before parsing.
///
/// A choice, not a measurement: hand-written Compose files and application manifests are
/// kilobytes; a rendered chart that carries its `CustomResourceDefinitions` reaches a few
/// MiB. 8 MiB admits those and refuses anything an order of magnitude beyond.
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// Limits of a parse. An import never needs more: Compose `x-` fragments and Helm output
/// use a handful of anchors, and Kubernetes schemas nest a few dozen levels. Aliases are
/// expanded into copies, so the copies count towards [`MAX_NODES`] and [`MAX_TREE_BYTES`]: a
/// "billion laughs" file stops when its expansion passes a million nodes, and one long
/// anchored string aliased thousands of times when its copies pass the byte budget, before
/// either is built.
const MAX_DEPTH: usize = 64;
/// Most nodes (scalars, lists and mappings, aliases expanded) in the whole input.
const MAX_NODES: usize = 1_000_000;
/// Most bytes the tree may take, by the estimate [`NODE_BYTES`] per node plus the text of
/// every scalar (aliases expanded, anchored copies included). A choice that keeps an import
/// under 256 MiB resident for any input up to [`MAX_INPUT_BYTES`] (the input itself, the tree
/// and the vectors' spare capacity): the largest real file tried, an 8 MiB rendered chart,
/// builds a tree of about 40 MiB by this estimate.
pub const MAX_TREE_BYTES: usize = 128 * 1024 * 1024;
/// What one node costs in the tree besides its text: a [`Node`] (40 bytes) and, in a mapping,
/// its key's `String` (24 bytes).
const NODE_BYTES: usize = 64;
/// Most documents in one input.
const MAX_DOCUMENTS: usize = 4_096;

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

/// Parse every document of `text` into trees, after the size cap and within the limits.
/// Empty documents (a `---` followed only by comments, as `helm template` emits) are
/// skipped.
///
/// The tree is built from the events of `granit-parser` (the parser under `serde-saphyr`):
/// going through serde's data model on top of it tripled the time of a 200-Deployment
/// bundle. Plain scalars are read by the YAML 1.2 core schema (null, booleans, integers,
/// floats, else text); quoted and block scalars are text; `!!str` keeps a plain scalar text;
/// merge keys (`<<: *defaults`, which Compose files use for `x-` fragments) are applied, keys
/// written in the mapping winning.
pub fn documents(text: &str) -> Result<Vec<Node>, ImportError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len(), limit: MAX_INPUT_BYTES });
    }
    let Some((first, second, lines)) = halves(text) else { return parse(text, 0, Budget::WHOLE) };
    // A long stream of documents is parsed in two halves at once: anchors and aliases never
    // cross a document boundary, so the halves are independent; each has half the budget.
    let (first, second) = std::thread::scope(|scope| {
        let second = scope.spawn(|| parse(second, lines, Budget::HALF));
        (parse(first, 0, Budget::HALF), second.join())
    });
    let mut documents = first?;
    documents.extend(second.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?);
    if documents.len() > MAX_DOCUMENTS {
        return Err(ImportError::Limit {
            message: format!("more than {MAX_DOCUMENTS} documents"),
            line: None,
            column: None,
        });
    }
    Ok(documents)
}

/// Inputs from this size on are parsed in two halves (below it, a thread costs more than it
/// saves).
const SPLIT_FROM_BYTES: usize = 64 * 1024;

/// `text` cut in two at the document start marker (a line `---`) nearest after its middle,
/// with the number of lines before the cut; `None` for a short text or a single document.
/// A line starting with `---` at column 0 always starts a document: YAML forbids it inside
/// any scalar.
fn halves(text: &str) -> Option<(&str, &str, u32)> {
    if text.len() < SPLIT_FROM_BYTES {
        return None;
    }
    let middle = (text.len() / 2..text.len()).find(|&at| text.is_char_boundary(at))?;
    let cut = text[middle..]
        .match_indices("\n---")
        .map(|(at, _)| middle + at + 1)
        .find(|&at| matches!(text.as_bytes().get(at + 3), None | Some(b'\n' | b'\r' | b' ' | b'\t')))?;
    let lines = u32::try_from(text[..cut].bytes().filter(|b| *b == b'\n').count()).unwrap_or(u32::MAX);
    Some((&text[..cut], &text[cut..], lines))
}

/// The share of [`MAX_NODES`] and [`MAX_TREE_BYTES`] one parse may use.
#[derive(Clone, Copy)]
struct Budget {
    nodes: usize,
    bytes: usize,
}

impl Budget {
    const WHOLE: Self = Self { nodes: MAX_NODES, bytes: MAX_TREE_BYTES };
    const HALF: Self = Self { nodes: MAX_NODES / 2, bytes: MAX_TREE_BYTES / 2 };
}

impl Default for Budget {
    fn default() -> Self {
        Self::WHOLE
    }
}

/// Parses `text`, whose first line is line `1 + lines_before` of the input.
fn parse(text: &str, lines_before: u32, budget: Budget) -> Result<Vec<Node>, ImportError> {
    let mut options = Options::default();
    options.emit_comments = false;
    options.block_nesting_limit = MAX_DEPTH;
    options.flow_nesting_limit = MAX_DEPTH;
    let mut builder = Builder { budget, lines_before, ..Builder::default() };
    for event in Parser::new_from_str_with_options(text, options) {
        let (event, span) = event.map_err(|e| {
            let (line, column) = position(e.marker(), lines_before);
            let message = e.info();
            let (line, column) = (Some(line.into()), Some(column.into()));
            if message.contains("limit") || message.contains("nesting") {
                ImportError::Limit { message, line, column }
            } else {
                ImportError::Yaml { message, line, column }
            }
        })?;
        builder.event(event, span.start)?;
    }
    Ok(builder.documents)
}

/// 1-based line and column of a parser position.
fn position(marker: &Marker, lines_before: u32) -> (u32, u32) {
    let cap = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    (cap(marker.line()).saturating_add(lines_before), cap(marker.col().saturating_add(1)))
}

/// A collection being built.
enum Open {
    List(Node, usize),
    /// A mapping, its entries so far, a key waiting for its value (with its line), and the
    /// line of each entry's key.
    Map(Node, usize, Vec<(String, Node)>, Option<(String, u32)>, Vec<u32>),
}

/// Turns parser events into trees, one per document.
#[derive(Default)]
struct Builder {
    documents: Vec<Node>,
    open: Vec<Open>,
    /// Anchored nodes by anchor id, with their sizes, for aliases.
    anchors: Vec<(usize, Node, Size)>,
    /// What the tree holds so far, and what it may hold.
    used: Size,
    budget: Budget,
    /// Lines of the input before the text parsed.
    lines_before: u32,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, at: Marker) -> Result<(), ImportError> {
        let (line, column) = position(&at, self.lines_before);
        let limit =
            |message: String| ImportError::Limit { message, line: Some(line.into()), column: Some(column.into()) };
        let node = |value| Node { value, line, column };
        match event {
            Event::DocumentStart(..) => {
                if self.documents.len() >= MAX_DOCUMENTS {
                    return Err(limit(format!("more than {MAX_DOCUMENTS} documents")));
                }
                self.anchors.clear();
                Ok(())
            }
            Event::SequenceStart(_, anchor, _) => self.open(Open::List(node(Value::List(Vec::new())), anchor), limit),
            Event::MappingStart(_, anchor, _) => {
                self.open(Open::Map(node(Value::Map(Vec::new())), anchor, Vec::new(), None, Vec::new()), limit)
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (done, anchor) = match self.open.pop() {
                    Some(Open::List(done, anchor)) => (done, anchor),
                    Some(Open::Map(mut done, anchor, entries, _, key_lines)) => {
                        if let Some((first, second)) = duplicate(&entries) {
                            return Err(ImportError::Yaml {
                                message: format!(
                                    "the key `{}` is written twice in one mapping (first at line {})",
                                    entries[second].0, key_lines[first]
                                ),
                                line: Some(key_lines[second].into()),
                                column: None,
                            });
                        }
                        done.value = Value::Map(merged(entries));
                        (done, anchor)
                    }
                    None => return Ok(()),
                };
                self.finish(done, anchor, limit)
            }
            Event::Scalar(text, style, anchor, tag) => {
                let size = Size { nodes: 1, bytes: NODE_BYTES.saturating_add(text.len()) };
                self.count(size, limit)?;
                let text_tag = tag.as_deref().is_some_and(|tag| tag.is_yaml_core_schema_tag("str"));
                let value = if style == ScalarStyle::Plain && !text_tag {
                    plain(&text)
                } else {
                    Value::Text(text.into_owned())
                };
                self.finish(node(value), anchor, limit)
            }
            Event::Alias(id) => {
                let Some(at) = self.anchors.iter().rposition(|(anchor, ..)| *anchor == id) else {
                    return Err(ImportError::Yaml {
                        message: "an alias to an unknown anchor".to_owned(),
                        line: Some(line.into()),
                        column: Some(column.into()),
                    });
                };
                // Counted before the copy is made: the budget refuses the copy, not its aftermath.
                self.count(self.anchors[at].2, limit)?;
                let mut copy = self.anchors[at].1.clone();
                (copy.line, copy.column) = (line, column);
                self.finish(copy, 0, limit)
            }
            // Stream and document ends, comments (not emitted) and events of later versions.
            _ => Ok(()),
        }
    }

    fn count(&mut self, size: Size, limit: impl Fn(String) -> ImportError) -> Result<(), ImportError> {
        self.used = Size {
            nodes: self.used.nodes.saturating_add(size.nodes),
            bytes: self.used.bytes.saturating_add(size.bytes),
        };
        if self.used.nodes > self.budget.nodes {
            return Err(limit(format!("more than {} nodes (aliases expanded)", self.budget.nodes)));
        }
        if self.used.bytes > self.budget.bytes {
            return Err(limit(format!(
                "the values would take more than {} MiB (aliases expanded: an anchored value copied too often?)",
                self.budget.bytes / (1024 * 1024)
            )));
        }
        Ok(())
    }

    fn open(&mut self, open: Open, limit: impl Fn(String) -> ImportError) -> Result<(), ImportError> {
        if self.open.len() >= MAX_DEPTH {
            return Err(limit(format!("nesting deeper than {MAX_DEPTH} levels")));
        }
        self.count(Size { nodes: 1, bytes: NODE_BYTES }, limit)?;
        self.open.push(open);
        Ok(())
    }

    /// A finished node: kept for aliases if anchored (the kept copy counts towards the
    /// budget, and its size is kept for the copies aliases make), then placed in its parent
    /// (or as a document).
    fn finish(&mut self, done: Node, anchor: usize, limit: impl Fn(String) -> ImportError) -> Result<(), ImportError> {
        if anchor != 0 {
            let size = size(&done);
            self.count(size, limit)?;
            self.anchors.push((anchor, done.clone(), size));
        }
        match self.open.last_mut() {
            None => {
                if done.value != Value::Null {
                    self.documents.push(done);
                }
            }
            Some(Open::List(list, _)) => {
                if let Value::List(items) = &mut list.value {
                    items.push(done);
                }
            }
            Some(Open::Map(_, _, entries, pending, key_lines)) => {
                if let Some((key, line)) = pending.take() {
                    entries.push((key, done));
                    key_lines.push(line);
                } else {
                    let line = done.line;
                    let key = match done.value {
                        Value::Text(s) => s,
                        Value::Number(n) => n.to_string(),
                        Value::Bool(b) => b.to_string(),
                        Value::Null => "null".to_owned(),
                        Value::List(_) | Value::Map(_) => {
                            return Err(ImportError::Yaml {
                                message: "a mapping key must be a scalar".to_owned(),
                                line: Some(done.line.into()),
                                column: Some(done.column.into()),
                            });
                        }
                    };
                    *pending = Some((key, line));
                }
            }
        }
        Ok(())
    }
}

/// Nodes, and bytes by the estimate of [`MAX_TREE_BYTES`].
#[derive(Clone, Copy, Default)]
struct Size {
    nodes: usize,
    bytes: usize,
}

/// The size of a tree, itself included (keys count as text).
fn size(node: &Node) -> Size {
    let own = Size { nodes: 1, bytes: NODE_BYTES + node.as_str().map_or(0, str::len) };
    let add = |a: Size, b: Size| Size { nodes: a.nodes + b.nodes, bytes: a.bytes + b.bytes };
    match &node.value {
        Value::List(items) => items.iter().map(size).fold(own, add),
        Value::Map(entries) => entries
            .iter()
            .map(|(key, value)| {
                let value = size(value);
                Size { bytes: value.bytes + key.len(), ..value }
            })
            .fold(own, add),
        _ => own,
    }
}

/// The first key written twice in a mapping (merge keys aside), as the indices of both
/// entries. YAML requires keys to be unique, and Compose and kubectl refuse a repeated key
/// (keeping one silently would import a value the tools never use).
fn duplicate(entries: &[(String, Node)]) -> Option<(usize, usize)> {
    let keys = || entries.iter().enumerate().filter(|(_, (key, _))| key != "<<");
    if entries.len() <= 16 {
        return keys().find_map(|(second, (key, _))| {
            entries[..second].iter().position(|(k, _)| k == key).map(|first| (first, second))
        });
    }
    let mut seen = std::collections::HashMap::with_capacity(entries.len());
    keys().find_map(|(at, (key, _))| seen.insert(key.as_str(), at).map(|first| (first, at)))
}

/// A mapping's entries with its merge keys (`<<`) applied: the merged mappings' entries
/// follow the mapping's own, each key once, the mapping's own and earlier sources winning.
fn merged(entries: Vec<(String, Node)>) -> Vec<(String, Node)> {
    if !entries.iter().any(|(key, _)| key == "<<") {
        return entries;
    }
    let (merges, mut own): (Vec<_>, Vec<_>) = entries.into_iter().partition(|(key, _)| key == "<<");
    for (_, source) in merges {
        let sources = match source.value {
            Value::List(items) => items,
            other => vec![Node { value: other, ..source }],
        };
        for source in sources {
            if let Value::Map(extra) = source.value {
                for (key, value) in extra {
                    if !own.iter().any(|(k, _)| *k == key) {
                        own.push((key, value));
                    }
                }
            }
        }
    }
    own
}

/// A plain scalar by the YAML 1.2 core schema.
fn plain(text: &str) -> Value {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => return Value::Number(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => return Value::Number(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Value::Number(f64::NAN),
        _ => {}
    }
    // Most scalars are words: only a digit, a sign or a point can start a number.
    if !text.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '+' | '.')) {
        return Value::Text(text.to_owned());
    }
    let radix = |digits: &str, radix| i64::from_str_radix(digits, radix).ok().map(|n| Value::Number(n as f64));
    if let Some(value) =
        text.strip_prefix("0x").and_then(|d| radix(d, 16)).or_else(|| text.strip_prefix("0o").and_then(|d| radix(d, 8)))
    {
        return value;
    }
    // Digits, one optional point, an optional exponent, an optional sign: the core schema's
    // int and float (Rust's parser alone would also take "inf" or "1_0").
    let body = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = body.split_once(['e', 'E']).map_or((body, None), |(m, e)| (m, Some(e)));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some((whole, fraction)) => {
            (digits(whole) || whole.is_empty())
                && (digits(fraction) || fraction.is_empty())
                && !(whole.is_empty() && fraction.is_empty())
        }
        None => digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['-', '+']).unwrap_or(e)));
    match text.parse::<f64>() {
        Ok(number) if mantissa_ok && exponent_ok => Value::Number(number),
        _ => Value::Text(text.to_owned()),
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

    #[test]
    fn plain_scalars_follow_the_core_schema() {
        let docs = documents(
            "a: [~, null, true, FALSE, 12, -3, 0x1F, 0o17, 1.5, .5, 2e3, .inf, 1_0, 0.5.1, yes, \"12\", !!str 7]\n",
        )
        .expect("parses");
        let items: Vec<&Value> =
            docs[0].get("a").and_then(Node::as_list).expect("list").iter().map(|n| &n.value).collect();
        let text = |s: &str| Value::Text(s.to_owned());
        let expected = [
            Value::Null,
            Value::Null,
            Value::Bool(true),
            Value::Bool(false),
            Value::Number(12.0),
            Value::Number(-3.0),
            Value::Number(31.0),
            Value::Number(15.0),
            Value::Number(1.5),
            Value::Number(0.5),
            Value::Number(2000.0),
            Value::Number(f64::INFINITY),
            text("1_0"),
            text("0.5.1"),
            text("yes"),
            text("12"),
            text("7"),
        ];
        assert_eq!(items, expected.iter().collect::<Vec<_>>());
    }

    #[test]
    fn merge_keys_fill_in_what_the_mapping_does_not_say() {
        let text = "x-base: &base\n  image: app\n  replicas: 2\nweb:\n  <<: *base\n  replicas: 3\n";
        let docs = documents(text).expect("parses");
        let web = docs[0].get("web").expect("web");
        let keys: Vec<&str> = web.as_map().expect("map").iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["replicas", "image"]);
        assert_eq!(web.get("replicas").map(|n| &n.value), Some(&Value::Number(3.0)));
        assert_eq!(web.get("image").and_then(Node::as_str), Some("app"));
    }

    #[test]
    fn a_key_written_twice_is_refused() {
        let small = documents("a: 1\nb: 2\na: 3\n");
        match small {
            Err(ImportError::Yaml { message, line: Some(3), .. }) => {
                assert_eq!(message, "the key `a` is written twice in one mapping (first at line 1)");
            }
            other => panic!("{other:?}"),
        }
        let mut large: String = (0..40).map(|i| format!("k{i}: {i}\n")).collect();
        large.push_str("k7: again\n");
        assert!(matches!(documents(&large), Err(ImportError::Yaml { line: Some(41), .. })));
        assert!(documents("x: &x {a: 1}\ny:\n  <<: *x\n  <<: *x\n").is_ok(), "merge keys may repeat");
    }

    #[test]
    fn aliases_count_their_copies_towards_the_limit() {
        let mut text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n".to_owned();
        for level in 1..8 {
            let refs = vec![format!("*a{}", level - 1); 10].join(", ");
            text.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
        }
        assert!(matches!(documents(&text), Err(ImportError::Limit { .. })));
        assert!(matches!(documents("a: *nowhere\n"), Err(ImportError::Yaml { .. })));
    }

    #[test]
    fn a_long_stream_parsed_in_halves_keeps_every_line() {
        let document = |i: usize| format!("---\nname: doc{i}\nvalues:\n  - {i}\n  - text {i}\n");
        let text: String = (0..4000).map(document).collect();
        assert!(halves(&text).is_some(), "long enough to be cut");
        let docs = documents(&text).expect("parses");
        assert_eq!(docs.len(), 4000);
        for (i, doc) in docs.iter().enumerate().step_by(333) {
            assert_eq!(doc.get("name").and_then(Node::as_str), Some(format!("doc{i}").as_str()));
            let line = u32::try_from(i * 5 + 2).expect("small");
            assert_eq!((doc.get("name").map(|n| n.line)), Some(line), "document {i}");
        }
        let broken = format!("{text}---\nbad: [unclosed\n");
        match documents(&broken) {
            Err(ImportError::Yaml { line: Some(line), .. }) => assert!(line > 20_000, "{line}"),
            other => panic!("{other:?}"),
        }
    }
}
