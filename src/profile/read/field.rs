//! One value, read by its rule while ron still points at it.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::rules::{Rule, Scalar};

/// A value for the field at `path`, checked by `rule` while ron still points at it.
pub(super) struct Field<'a, R> {
    path: &'a str,
    rule: R,
}

impl<'a, R: Rule> Field<'a, R> {
    pub(super) fn new(path: &'a str, rule: R) -> Self {
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
        E::custom(format!("{}: expected {}, found {found}", self.path, self.rule.expected()))
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
        write!(f, "{} for `{}`", self.rule.expected(), self.path)
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
