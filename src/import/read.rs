//! Reading single values out of the tree: each reader returns the value or `None`, and
//! records a note for a value that is present but unreadable. Absent and null values return
//! `None` without a note; the caller decides what absence means.

use super::note::{Field, ImportNote, Note, Place};
use super::quantity::QuantityError;
use super::yaml::{Node, Value};

/// Collects the notes of one import, in file order.
#[derive(Default)]
pub(crate) struct Notes(pub Vec<ImportNote>);

impl Notes {
    pub fn push(&mut self, place: Place, note: Note) {
        self.0.push(ImportNote { place, note });
    }

    fn unreadable(&mut self, at: &At<'_>, field: Field, node: &Node, problem: String) {
        let place = at.object.field(at.path, Some(node));
        self.push(place, Note::Unreadable { field, value: node.describe(), problem });
    }

    /// A resource quantity written as a number or a string.
    pub fn quantity(
        &mut self,
        at: &At<'_>,
        field: Field,
        parse: fn(&str) -> Result<f64, QuantityError>,
    ) -> Option<f64> {
        let node = present(at.node)?;
        let Some(text) = node.scalar_text().filter(|_| !matches!(node.value, Value::Bool(_))) else {
            self.unreadable(at, field, node, "not a quantity".to_owned());
            return None;
        };
        match parse(&text) {
            Ok(value) => Some(value),
            Err(error) => {
                self.unreadable(at, field, node, error.problem.to_string());
                None
            }
        }
    }

    /// A whole number of instances (≥ 0).
    pub fn count(&mut self, at: &At<'_>, field: Field) -> Option<u32> {
        let node = present(at.node)?;
        let count = match &node.value {
            Value::Number(n) if n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n) => {
                #[expect(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "checked whole and within u32 just above"
                )]
                let count = *n as u32;
                Some(count)
            }
            Value::Text(s) => s.trim().parse().ok(),
            _ => None,
        };
        if count.is_none() {
            self.unreadable(at, field, node, "not a whole number of instances".to_owned());
        }
        count
    }

    /// `true` or `false`.
    pub fn flag(&mut self, at: &At<'_>, field: Field) -> Option<bool> {
        let node = present(at.node)?;
        let flag = node.as_bool();
        if flag.is_none() {
            self.unreadable(at, field, node, "not true or false".to_owned());
        }
        flag
    }

    /// A string.
    pub fn text<'a>(&mut self, at: &At<'a>, field: Field) -> Option<&'a str> {
        let node = present(at.node)?;
        let text = node.as_str();
        if text.is_none() {
            self.unreadable(at, field, node, "not a string".to_owned());
        }
        text
    }
}

/// A value to read: the object it belongs to, its field path, and the node if present.
pub(crate) struct At<'a> {
    pub object: &'a Place,
    pub path: &'a str,
    pub node: Option<&'a Node>,
}

impl<'a> At<'a> {
    pub fn new(object: &'a Place, path: &'a str, node: Option<&'a Node>) -> Self {
        Self { object, path, node }
    }
}

/// The node unless it is absent or null (`memory:` with nothing after it).
fn present(node: Option<&Node>) -> Option<&Node> {
    node.filter(|n| !n.is_null())
}
