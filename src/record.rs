//! Saved records of a screening: answers, result, rulebook identity, tool and time.
//!
//! A record holds no name or other identifying data; the only free text is the optional
//! `label` the user chooses to add.

use crate::answers::Answers;
use crate::report::{RulebookInfo, Screening, ToolInfo};
use crate::rulebook::Rulebook;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

fn english() -> String {
    crate::i18n::ENGLISH.to_owned()
}

/// Identifies a JSON file as a saved record.
pub const KIND: &str = "smp-screen-record";

/// Version of the record format.
pub const RECORD_VERSION: u32 = 1;

/// Longest label a record may carry, in characters.
pub const MAX_LABEL: usize = 200;

/// A saved screening. Read strictly: a field twice, a field no record has, or an answer
/// given twice is refused, since smp-screen never writes one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Always [`KIND`].
    pub kind: String,
    /// Version of this format.
    pub record_version: u32,
    /// When it was made (RFC 3339, UTC).
    pub created_at: String,
    /// The tool that made it.
    pub tool: RecordTool,
    /// A label the user chose to add (never filled in automatically).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The rulebook screened with.
    pub rulebook: RecordRulebook,
    /// The language the person read (a BCP 47 code; `en` in records made before
    /// languages were recorded). The result itself never depends on it.
    #[serde(default = "english")]
    pub language: String,
    /// The answers, by question id (`null` = don't know).
    #[serde(deserialize_with = "unique_answers")]
    pub answers: Map<String, Value>,
    /// The result, as `assess --format json` prints it.
    pub result: Value,
}

/// Tool name and version in a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordTool {
    /// Name.
    pub name: String,
    /// Version.
    pub version: String,
}

/// Rulebook identity in a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordRulebook {
    /// Id.
    pub id: String,
    /// Version.
    pub version: String,
    /// Content hash.
    pub sha256: String,
}

impl Record {
    /// A record of one screening made now.
    pub fn new(rulebook: &Rulebook, answers: &Answers, screening: &Screening, label: Option<String>) -> Record {
        let tool = ToolInfo::current();
        let info = RulebookInfo::of(rulebook);
        Record {
            kind: KIND.to_owned(),
            record_version: RECORD_VERSION,
            created_at: crate::date::now_rfc3339(),
            tool: RecordTool {
                name: tool.name.to_owned(),
                version: tool.version.to_owned(),
            },
            label,
            rulebook: RecordRulebook {
                id: info.id.to_owned(),
                version: info.version.to_owned(),
                sha256: info.sha256.to_owned(),
            },
            language: rulebook.language.clone(),
            answers: answers.to_json(rulebook),
            result: serde_json::to_value(screening).unwrap_or(Value::Null),
        }
    }

    /// The record as pretty JSON with a final newline.
    pub fn to_json(&self) -> String {
        let mut s = crate::sanitize::json_string_pretty(self);
        s.push('\n');
        s
    }
}

/// What an input file of answers turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswersSource {
    /// A plain object of answers.
    Answers,
    /// A saved record: its `answers` are used, the rest ignored.
    Record {
        /// When the record was made.
        created_at: String,
        /// Its label.
        label: Option<String>,
    },
    /// A golden case: its `answers` are used, the story and expectations ignored.
    Case,
}

/// Recognises a saved record or a golden case given where answers are expected, and the
/// answers it holds. A plain object of answers is `None`: read it as answers. An object
/// is a record when its `kind` says so, and a case when it holds an `answers` object beside
/// `story` or `expect` while none of these is a question of the rulebook.
pub fn answers_within<'v>(rulebook: &Rulebook, value: &'v Value) -> Option<(AnswersSource, &'v Map<String, Value>)> {
    let object = value.as_object()?;
    let answers = object.get("answers")?.as_object()?;
    if rulebook.question_index("answers").is_some() {
        return None;
    }
    if object.get("kind").and_then(Value::as_str) == Some(KIND) {
        let created_at = object
            .get("created_at")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        let label = object.get("label").and_then(Value::as_str).map(str::to_owned);
        return Some((AnswersSource::Record { created_at, label }, answers));
    }
    let case_key = |k: &str| object.contains_key(k) && rulebook.question_index(k).is_none();
    if case_key("story") || case_key("expect") {
        return Some((AnswersSource::Case, answers));
    }
    None
}

/// The parts of a recorded result that a re-print must reproduce, where they differ from
/// `now`: verdict, ink, provisional and status, worst case, the recheck wait, risks with
/// severity, advice, fired, undecided and pending rules, unanswered and ignored questions.
/// Texts (the headline too) may be reworded between tool versions; these may not.
pub fn result_differences(recorded: &Value, now: &Value) -> Vec<&'static str> {
    fn ids(v: &Value, key: &str) -> Vec<String> {
        v.as_array()
            .map(|items| {
                items
                    .iter()
                    .map(|item| match item {
                        Value::Object(o) => {
                            let id = o.get(key).and_then(Value::as_str).unwrap_or("");
                            match o.get("severity").and_then(Value::as_str) {
                                Some(sev) => format!("{id}:{sev}"),
                                None => id.to_owned(),
                            }
                        }
                        other => other.as_str().unwrap_or("").to_owned(),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
    let mut differences = Vec::new();
    for field in ["verdict", "ink", "provisional", "worst_case"] {
        if recorded.get(field) != now.get(field) {
            differences.push(field);
        }
    }
    // Results gained these with honest results (issue 12); a record from before has none.
    for field in ["status", "recheck_after", "pending"] {
        let Some(was) = recorded.get(field) else { continue };
        let is = now.get(field).unwrap_or(&Value::Null);
        let same = if field == "pending" {
            ids(was, "rule") == ids(is, "rule")
        } else {
            was == is
        };
        if !same {
            differences.push(field);
        }
    }
    for (field, key) in [
        ("risks", "id"),
        ("advice", "id"),
        ("fired", "rule"),
        ("possible", "rule"),
        ("unanswered", ""),
        ("ignored", ""),
    ] {
        let (a, b) = (recorded.get(field), now.get(field));
        if ids(a.unwrap_or(&Value::Null), key) != ids(b.unwrap_or(&Value::Null), key) {
            differences.push(field);
        }
    }
    differences
}

/// The answers object, refusing a question answered twice (serde_json keeps the last).
fn unique_answers<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Map<String, Value>, D::Error> {
    struct Unique;
    impl<'de> serde::de::Visitor<'de> for Unique {
        type Value = Map<String, Value>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object of answers")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Map::new();
            while let Some((key, value)) = map.next_entry::<String, Value>()? {
                if out.contains_key(&key) {
                    return Err(serde::de::Error::custom(format!(
                        "question `{}` is answered more than once",
                        crate::sanitize::one_line(&key)
                    )));
                }
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Unique)
}
