//! Answers parsed straight from JSON text into their slots: each key is looked up once
//! and its value checked against the question as it is read, with no intermediate tree.
//! Batch screening parses millions of rows this way.

use super::raw::{KeySeed, Raw, RawVisitor};
use super::{
    AnswerError, AnswerErrors, Answers, Slot, Value, check_number, check_ticks, expected, list_containing,
    option_index, tick,
};
use crate::json_error::strip_position;
use crate::rulebook::{Question, QuestionKind, Rulebook};
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// Parses text holding exactly one JSON object of answers, collecting every problem;
/// the keys in `carry` are not questions: their values are put in
/// `carried` (one slot per key, `None` when absent or not a string, number or boolean),
/// even when the answers have problems.
pub(super) fn parse_carrying(
    rulebook: &Rulebook,
    text: &str,
    carry: &[String],
    carried: &mut Vec<Option<String>>,
) -> Result<Answers, AnswerErrors> {
    carried.clear();
    carried.resize(carry.len(), None);
    let syntax = |e: serde_json::Error| {
        AnswerErrors(vec![AnswerError::Syntax {
            message: strip_position(&e.to_string()),
            line: e.line(),
            column: e.column(),
        }])
    };
    // serde_json reads `1e-400` as 0 without a word; the text is checked first.
    if let Some((token, line, column)) = super::first_underflow(text) {
        return Err(AnswerErrors(vec![AnswerError::Syntax {
            message: format!("number `{token}` is too small to tell from 0"),
            line,
            column,
        }]));
    }
    let mut answers = Answers::none_for(rulebook);
    let mut errors = Vec::new();
    let mut de = serde_json::Deserializer::from_str(text);
    let top = Top {
        rulebook,
        answers: &mut answers,
        errors: &mut errors,
        carry,
        carried,
    };
    de.deserialize_any(top).map_err(syntax)?;
    de.end().map_err(syntax)?;
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(AnswerErrors(errors))
    }
}

struct Top<'a> {
    rulebook: &'a Rulebook,
    answers: &'a mut Answers,
    errors: &'a mut Vec<AnswerError>,
    carry: &'a [String],
    carried: &'a mut Vec<Option<String>>,
}

impl Top<'_> {
    fn not_an_object<E>(self, found: Raw) -> Result<(), E> {
        self.errors.push(AnswerError::NotAnObject {
            found: found.describe(),
        });
        Ok(())
    }
}

impl<'de> Visitor<'de> for Top<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON object of answers")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = vec![false; self.rulebook.questions.len()];
        while let Some(key) = map.next_key_seed(KeySeed)? {
            if let Some(c) = self.carry.iter().position(|k| *k == key) {
                let raw = map.next_value_seed(super::raw::RawSeed)?;
                self.carried[c] = raw.as_text();
                continue;
            }
            let Some(q) = self.rulebook.question_index(&key) else {
                self.errors.push(AnswerError::unknown_question(self.rulebook, &key));
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            if std::mem::replace(&mut seen[q], true) {
                self.errors.push(AnswerError::Repeated {
                    question: key.into_owned(),
                });
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            match map.next_value_seed(Answer(&self.rulebook.questions[q]))? {
                Ok(slot) => self.answers.set(q, slot),
                Err(e) => self.errors.push(e),
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        let raw = RawVisitor.visit_seq(seq)?;
        self.not_an_object(raw)
    }
    fn visit_bool<E>(self, v: bool) -> Result<(), E> {
        self.not_an_object(Raw::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<(), E> {
        self.not_an_object(Raw::Number(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<(), E> {
        self.not_an_object(Raw::Number(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<(), E> {
        self.not_an_object(Raw::Number(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        self.not_an_object(Raw::Str(Cow::Borrowed(v)))
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        self.not_an_object(Raw::Null)
    }
}

/// One question's answer: a slot, or why the value does not fit the question. Only a
/// JSON syntax error is a deserialisation error; a wrong answer is collected and parsing
/// goes on.
struct Answer<'q>(&'q Question);

impl<'de> DeserializeSeed<'de> for Answer<'_> {
    type Value = Result<Slot, AnswerError>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl Answer<'_> {
    fn wrong(&self, found: &Raw) -> Result<Slot, AnswerError> {
        Err(AnswerError::WrongType {
            question: self.0.id.clone(),
            expected: expected(self.0),
            found: found.describe(),
        })
    }

    fn number<E>(&self, x: f64) -> Result<Result<Slot, AnswerError>, E> {
        Ok(if self.0.kind == QuestionKind::Number {
            check_number(self.0, x).map(|x| Slot::Given(Value::Number(x)))
        } else {
            self.wrong(&Raw::Number(x))
        })
    }
}

impl<'de> Visitor<'de> for Answer<'_> {
    type Value = Result<Slot, AnswerError>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an answer")
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(Ok(Slot::DontKnow))
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(Ok(Slot::DontKnow))
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(if self.0.kind == QuestionKind::YesNo {
            Ok(Slot::Given(Value::Bool(v)))
        } else {
            self.wrong(&Raw::Bool(v))
        })
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        self.number(v as f64)
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        self.number(v as f64)
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        self.number(v)
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(if self.0.kind == QuestionKind::Single {
            option_index(self.0, v).map(|i| Slot::Given(Value::Choice(i as u16)))
        } else {
            self.wrong(&Raw::Str(Cow::Borrowed(v)))
        })
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(self.wrong(&Raw::Object))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        if self.0.kind != QuestionKind::Multiple {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            return Ok(self.wrong(&Raw::List(Vec::new())));
        }
        // The first problem is kept; the rest of the list is still read.
        let mut ticks: Result<u64, AnswerError> = Ok(0);
        while let Some(item) = seq.next_element_seed(Item)? {
            if let Ok(mask) = ticks {
                ticks = match item {
                    Raw::Str(s) => tick(self.0, mask, &s),
                    other => Err(list_containing(self.0, &other)),
                };
            }
        }
        Ok(ticks
            .and_then(|m| check_ticks(self.0, m))
            .map(|m| Slot::Given(Value::Multi(m))))
    }
}

/// One element of a multiple-choice list: an option value, or what it was instead.
struct Item;

impl<'de> DeserializeSeed<'de> for Item {
    type Value = Raw<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Raw<'de>, D::Error> {
        d.deserialize_any(ItemVisitor)
    }
}

struct ItemVisitor;

impl<'de> Visitor<'de> for ItemVisitor {
    type Value = Raw<'de>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an option value")
    }
    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Raw<'de>, E> {
        Ok(Raw::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Raw<'de>, E> {
        Ok(Raw::Str(Cow::Owned(v.to_owned())))
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
    fn visit_unit<E>(self) -> Result<Raw<'de>, E> {
        Ok(Raw::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw<'de>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Raw::List(Vec::new()))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw<'de>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Raw::Object)
    }
}
