//! Untyped answer values straight from JSON, before they meet a question.
//!
//! Parsing goes directly from text to these (no `serde_json::Value` tree) because batch
//! screening parses millions of rows; strings without escapes are borrowed.

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value as Json;
use std::borrow::Cow;
use std::fmt;

/// A JSON value as an answer may hold it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Raw<'a> {
    Null,
    Bool(bool),
    Number(f64),
    Str(Cow<'a, str>),
    List(Vec<Raw<'a>>),
    Object,
}

impl<'a> Raw<'a> {
    /// Borrows from an already parsed JSON value.
    pub(crate) fn from_json(v: &'a Json) -> Raw<'a> {
        match v {
            Json::Null => Raw::Null,
            Json::Bool(b) => Raw::Bool(*b),
            Json::Number(n) => n.as_f64().map_or(Raw::Object, Raw::Number),
            Json::String(s) => Raw::Str(Cow::Borrowed(s)),
            Json::Array(items) => Raw::List(items.iter().map(Raw::from_json).collect()),
            Json::Object(_) => Raw::Object,
        }
    }

    /// A string, number or boolean as text (whole numbers without a fraction), for a
    /// value carried through unchanged such as a patient id.
    pub(crate) fn as_text(&self) -> Option<String> {
        match self {
            Raw::Bool(b) => Some(b.to_string()),
            Raw::Number(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => Some(format!("{}", *x as i64)),
            Raw::Number(x) => Some(x.to_string()),
            Raw::Str(s) => Some(s.to_string()),
            Raw::Null | Raw::List(_) | Raw::Object => None,
        }
    }

    /// The value in words, for "found …" in error messages.
    pub(crate) fn describe(&self) -> String {
        match self {
            Raw::Null => "null".to_owned(),
            Raw::Bool(b) => format!("{b}"),
            Raw::Number(x) => format!("the number {x}"),
            Raw::Str(s) => format!("the text {}", Json::String(shorten(s))),
            Raw::List(_) => "a list".to_owned(),
            Raw::Object => "an object".to_owned(),
        }
    }
}

fn shorten(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(MAX).collect::<String>())
    }
}

/// The kind of a JSON value in words.
pub(crate) fn json_kind(v: &Json) -> String {
    Raw::from_json(v).describe()
}

pub(crate) struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an answer")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Raw<'de>, E> {
        Ok(Raw::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Raw<'de>, E> {
        Ok(Raw::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Raw<'de>, E> {
        Ok(Raw::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Raw<'de>, E> {
        Ok(Raw::Number(v))
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Raw<'de>, E> {
        Ok(Raw::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Raw<'de>, E> {
        Ok(Raw::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E>(self, v: String) -> Result<Raw<'de>, E> {
        Ok(Raw::Str(Cow::Owned(v)))
    }
    fn visit_unit<E>(self) -> Result<Raw<'de>, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw<'de>, E> {
        Ok(Raw::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(RawSeed)? {
            items.push(item);
        }
        Ok(Raw::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw<'de>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Raw::Object)
    }
}

pub(crate) struct RawSeed;

impl<'de> de::DeserializeSeed<'de> for RawSeed {
    type Value = Raw<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Raw<'de>, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

pub(crate) struct KeySeed;

impl<'de> de::DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Cow<'de, str>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a question id")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
                Ok(Cow::Borrowed(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<Cow<'de, str>, E> {
                Ok(Cow::Owned(v.to_owned()))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}
