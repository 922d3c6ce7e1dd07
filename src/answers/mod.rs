//! Answers: one typed value per question, parsed from JSON or from `id=value` text and
//! validated against the rulebook's questions.
//!
//! "Don't know" is a real answer (`null` in JSON): it is kept apart from a missing
//! answer for the record, but the engine treats both as unknown, never as "no".

mod error;
mod fast;
mod json;
mod raw;

pub use error::{AnswerError, AnswerErrors};
pub use fast::KeyHints;

use crate::rulebook::{Question, QuestionKind, Rulebook};
use raw::Raw;
use serde_json::{Map, Value as Json};
use std::borrow::Cow;

/// A validated answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    /// Index of the chosen option of a single-choice question.
    Choice(u16),
    /// Ticked options of a multiple-choice question (bit i = option i).
    Multi(u64),
    /// Yes (true) or no (false).
    Bool(bool),
    /// A number within the question's bounds.
    Number(f64),
}

/// What is known about one question's answer.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Slot {
    /// Not answered.
    #[default]
    Missing,
    /// Answered "don't know".
    DontKnow,
    /// Answered.
    Given(Value),
}

/// The answers to every question of one rulebook, indexed like its questions.
#[derive(Debug, Clone, PartialEq)]
pub struct Answers {
    slots: Box<[Slot]>,
}

impl Answers {
    /// No answers for a rulebook of `questions` questions.
    pub fn empty(questions: usize) -> Answers {
        Answers {
            slots: vec![Slot::Missing; questions].into(),
        }
    }

    /// No answers for this rulebook.
    pub fn none_for(rulebook: &Rulebook) -> Answers {
        Answers::empty(rulebook.questions.len())
    }

    /// The slot of question `q`.
    #[inline]
    pub fn slot(&self, q: usize) -> &Slot {
        &self.slots[q]
    }

    /// Every question's slot, in question order.
    #[inline]
    pub fn slots(&self) -> &[Slot] {
        &self.slots
    }

    /// The value of question `q`, if answered.
    pub fn value(&self, q: usize) -> Option<Value> {
        match self.slots[q] {
            Slot::Given(v) => Some(v),
            _ => None,
        }
    }

    /// Replaces the slot of question `q`.
    pub fn set(&mut self, q: usize, slot: Slot) {
        self.slots[q] = slot;
    }

    /// Number of questions (answered or not).
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether the rulebook has no questions.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Parses a JSON object of answers (`id` → string, list, boolean, number or null).
    ///
    /// Every problem is collected, so one run reports all of them.
    pub fn from_json(rulebook: &Rulebook, text: &str) -> Result<Answers, AnswerErrors> {
        let mut answers = Answers::none_for(rulebook);
        answers.read_json(rulebook, text, &[], &mut Vec::new())?;
        Ok(answers)
    }

    /// [`Answers::from_json_carrying`] into these answers, reusing their storage: batch
    /// screening reads millions of rows into one `Answers`. On an error the answers are
    /// left empty or partly filled and must not be used.
    pub fn read_json(
        &mut self,
        rulebook: &Rulebook,
        text: &str,
        carry: &[String],
        carried: &mut Vec<Option<String>>,
    ) -> Result<(), AnswerErrors> {
        self.read_json_hinted(rulebook, text, carry, carried, &mut KeyHints::default())
    }

    /// [`Answers::read_json`] with what earlier rows taught about the order of their keys,
    /// for reading many rows (the result is the same with any hints).
    pub fn read_json_hinted(
        &mut self,
        rulebook: &Rulebook,
        text: &str,
        carry: &[String],
        carried: &mut Vec<Option<String>>,
        hints: &mut KeyHints,
    ) -> Result<(), AnswerErrors> {
        self.clear_for(rulebook);
        carried.clear();
        carried.resize(carry.len(), None);
        // Most rows are plain and valid: read those without the general parser. Any other
        // row is read again from the start by the parser that words its problems.
        if fast::parse_into(rulebook, text, self, carry, carried, hints).is_ok() {
            return Ok(());
        }
        *self = json::parse_carrying(rulebook, text, carry, carried)?;
        Ok(())
    }

    /// Forgets every answer, keeping the storage when it has the rulebook's size.
    fn clear_for(&mut self, rulebook: &Rulebook) {
        if self.slots.len() == rulebook.questions.len() {
            self.slots.fill(Slot::Missing);
        } else {
            *self = Answers::none_for(rulebook);
        }
    }

    /// The general parser alone, without the fast reading of plain rows: the fuzz checks
    /// compare the two.
    pub(crate) fn from_json_general(
        rulebook: &Rulebook,
        text: &str,
        carry: &[String],
        carried: &mut Vec<Option<String>>,
    ) -> Result<Answers, AnswerErrors> {
        json::parse_carrying(rulebook, text, carry, carried)
    }

    /// [`Answers::from_json`] for a row that also holds values to carry through (such as a
    /// patient id under `--id-column`): the keys in `carry` are not questions, and their
    /// values go to `carried`, one slot per key, whether or not the answers are valid.
    pub fn from_json_carrying(
        rulebook: &Rulebook,
        text: &str,
        carry: &[String],
        carried: &mut Vec<Option<String>>,
    ) -> Result<Answers, AnswerErrors> {
        let mut answers = Answers::none_for(rulebook);
        answers.read_json(rulebook, text, carry, carried)?;
        Ok(answers)
    }

    /// Builds answers from a JSON value that must be an object.
    pub fn from_json_value(rulebook: &Rulebook, value: &Json) -> Result<Answers, AnswerErrors> {
        let Json::Object(map) = value else {
            return Err(AnswerErrors(vec![AnswerError::NotAnObject {
                found: raw::json_kind(value),
            }]));
        };
        Answers::from_entries(rulebook, entries(map))
    }

    /// Builds answers from a JSON object, keeping every answer that fits the rulebook; the
    /// others stay unanswered and their problems are returned. For replaying records made
    /// with another version of the rulebook, where dropping an answer (unknown, never "no")
    /// is the safe reading.
    pub fn from_json_map_lenient(rulebook: &Rulebook, map: &Map<String, Json>) -> (Answers, Vec<AnswerError>) {
        Answers::fill(rulebook, entries(map))
    }

    fn from_entries(rulebook: &Rulebook, entries: Vec<(Cow<str>, Raw)>) -> Result<Answers, AnswerErrors> {
        let (answers, errors) = Answers::fill(rulebook, entries);
        if errors.is_empty() {
            Ok(answers)
        } else {
            Err(AnswerErrors(errors))
        }
    }

    fn fill(rulebook: &Rulebook, entries: Vec<(Cow<str>, Raw)>) -> (Answers, Vec<AnswerError>) {
        let mut answers = Answers::none_for(rulebook);
        let mut seen = vec![false; rulebook.questions.len()];
        let mut errors = Vec::new();
        for (id, raw) in entries {
            let Some(q) = rulebook.question_index(&id) else {
                errors.push(AnswerError::unknown_question(rulebook, &id));
                continue;
            };
            if std::mem::replace(&mut seen[q], true) {
                errors.push(AnswerError::Repeated {
                    question: id.into_owned(),
                });
                continue;
            }
            match interpret(&rulebook.questions[q], raw) {
                Ok(slot) => answers.slots[q] = slot,
                Err(e) => errors.push(e),
            }
        }
        (answers, errors)
    }

    /// Sets one answer from text, as given to `--set id=value` or in a CSV cell, read as
    /// [`parse_text`] reads it (`separator` is kept for existing callers; `;` and `,` are
    /// both accepted).
    pub fn set_text(&mut self, rulebook: &Rulebook, id: &str, text: &str, separator: char) -> Result<(), AnswerError> {
        let q = rulebook
            .question_index(id)
            .ok_or_else(|| AnswerError::unknown_question(rulebook, id))?;
        self.slots[q] = parse_text(&rulebook.questions[q], text, separator)?;
        Ok(())
    }

    /// The answers as a JSON object in question order (`null` for "don't know").
    pub fn to_json(&self, rulebook: &Rulebook) -> Map<String, Json> {
        let mut map = Map::new();
        for (q, slot) in self.slots.iter().enumerate() {
            let question = &rulebook.questions[q];
            let value = match slot {
                Slot::Missing => continue,
                Slot::DontKnow => Json::Null,
                Slot::Given(v) => value_to_json(question, *v),
            };
            map.insert(question.id.clone(), value);
        }
        map
    }
}

/// Parses one answer from text (`--set`, a CSV cell, a typed number), validated.
///
/// The text is read as the README's table of accepted answers says: option values or
/// labels in any case, multiple choice separated by `;` or `,`, yes/no as yes, no, y, n,
/// true or false. `_separator` is no longer needed (both separators are always accepted)
/// and is kept so that existing callers compile.
pub fn parse_text(question: &Question, text: &str, _separator: char) -> Result<Slot, AnswerError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(AnswerError::Empty {
            question: question.id.clone(),
            expected: expected(question),
        });
    }
    let raw = match question.kind {
        QuestionKind::Single => Raw::Str(Cow::Borrowed(text)),
        QuestionKind::Multiple => Raw::List(split_options(question, text).into_iter().map(Raw::Str).collect()),
        QuestionKind::YesNo => match text.to_lowercase().as_str() {
            "yes" | "y" | "true" => Raw::Bool(true),
            "no" | "n" | "false" => Raw::Bool(false),
            _ => Raw::Str(Cow::Borrowed(text)),
        },
        QuestionKind::Number => match parse_number(text) {
            Some(x) => Raw::Number(x),
            None => Raw::Str(Cow::Borrowed(text)),
        },
    };
    interpret(question, raw)
}

/// Checks a value built elsewhere (an interview's ticks) against the question's rules:
/// options that must stand alone, at least one tick, number bounds.
pub fn check_value(question: &Question, value: Value) -> Result<Value, AnswerError> {
    match value {
        Value::Multi(mask) => check_ticks(question, mask).map(Value::Multi),
        Value::Number(x) => check_number(question, x).map(Value::Number),
        other => Ok(other),
    }
}

/// A value as JSON: option ids, booleans, numbers (whole numbers without a fraction).
pub fn value_to_json(question: &Question, value: Value) -> Json {
    match value {
        Value::Choice(i) => Json::String(question.options[i as usize].value.clone()),
        Value::Multi(mask) => Json::Array(
            question
                .options
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1u64 << i) != 0)
                .map(|(_, o)| Json::String(o.value.clone()))
                .collect(),
        ),
        Value::Bool(b) => Json::Bool(b),
        Value::Number(x) => number_to_json(x),
    }
}

/// A number as JSON, written as an integer when it is whole.
pub fn number_to_json(x: f64) -> Json {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        Json::from(x as i64)
    } else {
        serde_json::Number::from_f64(x).map_or(Json::Null, Json::Number)
    }
}

/// A JSON object's entries as answers to interpret.
fn entries(map: &Map<String, Json>) -> Vec<(Cow<'_, str>, Raw<'_>)> {
    map.iter()
        .map(|(k, v)| (Cow::Borrowed(k.as_str()), Raw::from_json(v)))
        .collect()
}

/// Parses a decimal number, refusing NaN, infinities and anything that is not plain digits.
pub fn parse_number(text: &str) -> Option<f64> {
    let t = text.trim();
    let plain = !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
        && t.chars().any(|c| c.is_ascii_digit());
    if !plain {
        return None;
    }
    t.parse::<f64>().ok().filter(|x| x.is_finite() && !underflows(t, *x))
}

/// Whether a number written with non-zero digits was read as 0: too small for a double
/// (`1e-400`), it would silently become another answer.
pub fn underflows(text: &str, value: f64) -> bool {
    let mantissa = text.split(['e', 'E']).next().unwrap_or("");
    value == 0.0 && mantissa.bytes().any(|b| (b'1'..=b'9').contains(&b))
}

/// The first number in JSON text that underflows to 0, with its line and column.
pub(crate) fn first_underflow(text: &str) -> Option<(String, usize, usize)> {
    let bytes = text.as_bytes();
    let (mut i, mut line, mut line_start) = (0, 1, 0);
    let mut in_string = false;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                b'\n' => (line, line_start) = (line + 1, i + 1),
                _ => {}
            }
            i += 1;
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'\n' => (line, line_start) = (line + 1, i + 1),
            b'-' | b'0'..=b'9' => {
                let start = i;
                while i < bytes.len() && matches!(bytes[i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E') {
                    i += 1;
                }
                let token = &text[start..i];
                // Only an exponent, or more digits than the smallest double has places
                // (about 324), can take a non-zero number to 0: the rest need no parse.
                let may_underflow = token.len() > 320 || token.bytes().any(|b| b == b'e' || b == b'E');
                if may_underflow && token.parse::<f64>().is_ok_and(|x| underflows(token, x)) {
                    return Some((token.to_owned(), line, start - line_start + 1));
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// What an answer to `question` must be, in words: the same as [`Question::expected`],
/// kept here because the answer parsers and the binary name it from this module.
pub fn expected(question: &Question) -> String {
    question.expected()
}

/// Checks a raw value against a question and turns it into a slot.
fn interpret(question: &Question, raw: Raw) -> Result<Slot, AnswerError> {
    let wrong_type = |found: &Raw| AnswerError::WrongType {
        question: question.id.clone(),
        expected: expected(question),
        found: found.describe(),
    };
    if let Raw::Null = raw {
        return Ok(Slot::DontKnow);
    }
    let value = match (question.kind, raw) {
        (QuestionKind::Single, Raw::Str(s)) => Value::Choice(option_index(question, &s)? as u16),
        (QuestionKind::Multiple, Raw::List(items)) => Value::Multi(multi_mask(question, items)?),
        (QuestionKind::YesNo, Raw::Bool(b)) => Value::Bool(b),
        (QuestionKind::Number, Raw::Number(x)) => Value::Number(check_number(question, x)?),
        (_, other) => return Err(wrong_type(&other)),
    };
    Ok(Slot::Given(value))
}

fn option_index(question: &Question, value: &str) -> Result<usize, AnswerError> {
    match find_option(question, value) {
        Found::One(i) => Ok(i),
        Found::Several(matches) => Err(AnswerError::AmbiguousOption {
            question: question.id.clone(),
            value: value.to_owned(),
            matches: matches.iter().map(|&i| question.options[i].value.clone()).collect(),
        }),
        Found::None => Err(AnswerError::InvalidOption {
            question: question.id.clone(),
            value: value.to_owned(),
            valid: question.options.iter().map(|o| o.value.clone()).collect(),
            suggestion: crate::suggest::did_you_mean(value, question.options.iter().map(|o| o.value.as_str()))
                .map(str::to_owned),
        }),
    }
}

/// What a text names among a question's options.
enum Found {
    One(usize),
    Several(Vec<usize>),
    None,
}

/// Finds the option a text names: its value exactly, or else, ignoring case and spaces,
/// the one option whose value or label (patient's or consultant's) it is. A text that fits
/// several options names none of them.
fn find_option(question: &Question, text: &str) -> Found {
    if let Some(i) = question.option_index(text) {
        return Found::One(i);
    }
    let same = |candidate: &str| folded_eq(text, candidate);
    let matches: Vec<usize> = question
        .options
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            same(&o.value)
                || same(&o.label)
                || o.label_consultant.as_deref().is_some_and(same)
                || o.aliases.iter().any(|a| same(a))
        })
        .map(|(i, _)| i)
        .collect();
    match matches.len() {
        0 => Found::None,
        1 => Found::One(matches[0]),
        _ => Found::Several(matches),
    }
}

/// Whether two texts are equal ignoring case and every space (so also surrounding spaces,
/// runs of spaces and spaces around commas). Compared character by character, without
/// allocating: batch screening may compare millions of cells.
fn folded_eq(a: &str, b: &str) -> bool {
    let mut x = a.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase);
    let mut y = b.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase);
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (p, q) if p != q => return false,
            _ => {}
        }
    }
}

/// Splits the text of a multiple-choice answer into the options it names. Options are
/// separated by `;` or `,` with any spaces around; a run of comma-separated pieces that
/// together spell one option's label (labels may hold commas) is read as that option,
/// the longest such run first.
fn split_options<'t>(question: &Question, text: &'t str) -> Vec<Cow<'t, str>> {
    let mut items = Vec::new();
    for part in text.split(';') {
        let pieces: Vec<&str> = part.split(',').collect();
        let mut i = 0;
        while i < pieces.len() {
            let mut taken = 1;
            if pieces.len() - i > 1 && !matches!(find_option(question, pieces[i].trim()), Found::One(_)) {
                for end in (i + 2..=pieces.len()).rev() {
                    let joined = pieces[i..end].join(",");
                    if matches!(find_option(question, joined.trim()), Found::One(_)) {
                        taken = end - i;
                        break;
                    }
                }
            }
            let item = if taken == 1 {
                Cow::Borrowed(pieces[i].trim())
            } else {
                Cow::Owned(pieces[i..i + taken].join(",").trim().to_owned())
            };
            if !item.is_empty() {
                items.push(item);
            }
            i += taken;
        }
    }
    items
}

fn multi_mask(question: &Question, items: Vec<Raw>) -> Result<u64, AnswerError> {
    let mut mask = 0u64;
    for item in items {
        let Raw::Str(s) = item else {
            return Err(list_containing(question, &item));
        };
        mask = tick(question, mask, &s)?;
    }
    check_ticks(question, mask)
}

/// The error for a list holding something other than option values.
fn list_containing(question: &Question, item: &Raw) -> AnswerError {
    AnswerError::WrongType {
        question: question.id.clone(),
        expected: expected(question),
        found: format!("a list containing {}", item.describe()),
    }
}

/// Adds one ticked option to a mask, refusing unknown and repeated options.
fn tick(question: &Question, mask: u64, value: &str) -> Result<u64, AnswerError> {
    let bit = 1u64 << option_index(question, value)?;
    if mask & bit != 0 {
        return Err(AnswerError::RepeatedOption {
            question: question.id.clone(),
            value: value.to_owned(),
        });
    }
    Ok(mask | bit)
}

/// Checks a complete set of ticks: an option that stands alone stands alone, and a
/// question with such an option needs at least one tick.
fn check_ticks(question: &Question, mask: u64) -> Result<u64, AnswerError> {
    let exclusive = question.exclusive_mask();
    if mask & exclusive != 0 && mask.count_ones() > 1 {
        let lone = question.options[(mask & exclusive).trailing_zeros() as usize]
            .value
            .clone();
        return Err(AnswerError::ExclusiveCombined {
            question: question.id.clone(),
            exclusive: lone,
        });
    }
    if mask == 0 && exclusive != 0 {
        let lone = question.options[exclusive.trailing_zeros() as usize].value.clone();
        return Err(AnswerError::NothingTicked {
            question: question.id.clone(),
            exclusive: lone,
        });
    }
    Ok(mask)
}

fn check_number(question: &Question, x: f64) -> Result<f64, AnswerError> {
    let out_of_range = question.min.is_some_and(|lo| x < lo) || question.max.is_some_and(|hi| x > hi);
    if out_of_range || !x.is_finite() {
        return Err(AnswerError::OutOfRange {
            question: question.id.clone(),
            value: x,
            expected: expected(question),
        });
    }
    if question.integer && x.fract() != 0.0 {
        return Err(AnswerError::NotWhole {
            question: question.id.clone(),
            value: x,
        });
    }
    Ok(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_text_can_tell_that_a_question_was_answered_twice() {
        let rb = Rulebook::embedded().unwrap();
        let text = r#"{"age": 30, "age": 31}"#;
        assert_eq!(
            Answers::from_json(&rb, text).unwrap_err().0,
            vec![AnswerError::Repeated { question: "age".into() }]
        );
        // A parsed value has already kept the last one.
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        assert_eq!(
            Answers::from_json_value(&rb, &value).unwrap().value(0),
            Some(Value::Number(31.0))
        );
    }

    #[test]
    fn text_and_parsed_json_give_the_same_answers_and_errors() {
        let rb = Rulebook::embedded().unwrap();
        for text in [
            r#"{"age": 40, "scars": ["fut_strip", "burn"], "keloid_history": false, "skin_tone": "III"}"#,
            r#"{"age": null, "scars": null}"#,
            r#"{"age": "old", "goals": "shaved_look", "scars": ["none", "burn"], "skin_tone": "VII"}"#,
            r#"{"scars": ["fut_strip", 3], "health": [], "allergies": ["latex", "latex"], "skin_tne": 1}"#,
            r#"{"age": 40.5, "keloid_history": "no", "hair_loss": ["early"], "goals": {"a": 1}}"#,
            r#"{"scars": ["none", ["nested"]], "sex": true}"#,
            r#"[1, 2]"#,
            r#""just text""#,
        ] {
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            // A parsed value keeps its keys sorted, so only the text reports in document
            // order: compare the errors as a set.
            let sorted = |r: Result<Answers, AnswerErrors>| {
                r.map_err(|mut e| {
                    e.0.sort_by_key(|x| format!("{x:?}"));
                    e
                })
            };
            assert_eq!(
                sorted(Answers::from_json(&rb, text)),
                sorted(Answers::from_json_value(&rb, &value)),
                "{text}"
            );
        }
    }

    fn text(rb: &Rulebook, id: &str, value: &str) -> Result<serde_json::Value, AnswerError> {
        let mut a = Answers::none_for(rb);
        a.set_text(rb, id, value, ',')?;
        Ok(a.to_json(rb).get(id).cloned().unwrap_or(serde_json::Value::Null))
    }

    #[test]
    fn option_values_match_regardless_of_case_and_surrounding_spaces() {
        let rb = Rulebook::embedded().unwrap();
        assert_eq!(text(&rb, "sex", "Male").unwrap(), "male");
        assert_eq!(text(&rb, "sex", "  FEMALE ").unwrap(), "female");
        assert_eq!(text(&rb, "skin_tone", "iii").unwrap(), "III");
        assert_eq!(
            text(&rb, "permanence", "Accepts_Permanent").unwrap(),
            "accepts_permanent"
        );
    }

    #[test]
    fn an_option_written_as_its_label_is_that_option() {
        let rb = Rulebook::embedded().unwrap();
        assert_eq!(text(&rb, "hair_loss", "large bald areas").unwrap(), "advanced");
        assert_eq!(text(&rb, "transplant", "No").unwrap(), "none");
        // Extra spaces inside a label do not matter either.
        assert_eq!(
            text(&rb, "sun_exposure", "Little:  under an hour a day").unwrap(),
            "low"
        );
    }

    #[test]
    fn multiple_choice_takes_semicolons_and_commas_with_any_spaces() {
        let rb = Rulebook::embedded().unwrap();
        let both = serde_json::json!(["fut_strip", "fue_large"]);
        for written in [
            "fut_strip;fue_large",
            "fut_strip; fue_large",
            "fut_strip,fue_large",
            "fut_strip, fue_large",
            " FUT_STRIP ,  Fue_Large ",
            "fut_strip; Larger dot scars from an FUE transplant (punch over 1 mm, or size not known)",
        ] {
            assert_eq!(text(&rb, "scars", written).unwrap(), both, "{written}");
        }
        // A label holding a comma is still one option, with either separator around it.
        let thinners = "Blood thinners such as warfarin, apixaban, rivaroxaban or heparin";
        for written in [
            format!("{thinners}, diabetes"),
            format!("diabetes; {thinners}"),
            format!("Diabetes,{thinners}"),
        ] {
            assert_eq!(
                text(&rb, "health", &written).unwrap(),
                serde_json::json!(["anticoagulants", "diabetes"]),
                "{written}"
            );
        }
    }

    #[test]
    fn yes_and_no_are_read_in_any_case() {
        let rb = Rulebook::embedded().unwrap();
        for (written, value) in [
            ("Yes", true),
            (" NO ", false),
            ("y", true),
            ("N", false),
            ("TRUE", true),
            ("False", false),
        ] {
            assert_eq!(text(&rb, "keloid_history", written).unwrap(), value, "{written}");
        }
    }

    #[test]
    fn json_answers_take_option_labels_and_any_case_but_keep_their_types() {
        let rb = Rulebook::embedded().unwrap();
        let a = Answers::from_json(&rb, r#"{"sex": "Male", "scars": ["No scars"], "skin_tone": " iv "}"#).unwrap();
        let json = a.to_json(&rb);
        assert_eq!(json["sex"], "male");
        assert_eq!(json["scars"], serde_json::json!(["none"]));
        assert_eq!(json["skin_tone"], "IV");
        // A list is still a list in JSON, and yes/no still a boolean.
        let errors = Answers::from_json(&rb, r#"{"goals": "shaved_look,density", "keloid_history": "no"}"#)
            .unwrap_err()
            .0;
        assert_eq!(errors.len(), 2, "{errors:?}");
    }

    #[test]
    fn what_is_not_an_answer_stays_an_error() {
        let rb = Rulebook::embedded().unwrap();
        assert!(matches!(
            text(&rb, "skin_tone", "VII"),
            Err(AnswerError::InvalidOption { .. })
        ));
        assert!(matches!(
            text(&rb, "keloid_history", "maybe"),
            Err(AnswerError::WrongType { .. })
        ));
        assert!(matches!(
            text(&rb, "keloid_history", "1"),
            Err(AnswerError::WrongType { .. })
        ));
        assert!(matches!(
            text(&rb, "scars", "fut_strip, nonsense"),
            Err(AnswerError::InvalidOption { .. })
        ));
        // The same option twice, once by value and once by label.
        assert!(matches!(
            text(&rb, "scars", "burn; From a burn"),
            Err(AnswerError::RepeatedOption { .. })
        ));
        assert!(matches!(
            text(&rb, "scars", "none, burn"),
            Err(AnswerError::ExclusiveCombined { .. })
        ));
        assert!(matches!(text(&rb, "age", "forty"), Err(AnswerError::WrongType { .. })));
    }
}

#[cfg(test)]
mod underflow_tests {
    use super::first_underflow;

    #[test]
    fn a_long_decimal_without_exponent_that_underflows_is_found() {
        let tiny = format!("0.{}1", "0".repeat(330));
        let text = format!("{{\"age\": 30, \"x\": {tiny}}}");
        assert_eq!(first_underflow(&text).map(|(t, ..)| t), Some(tiny));
        let small = format!("0.{}1", "0".repeat(300));
        assert_eq!(first_underflow(&format!("{{\"x\": {small}, \"y\": -12.5}}")), None);
        assert_eq!(first_underflow("{\"x\": 2E-999}"), Some(("2E-999".into(), 1, 7)));
    }
}
