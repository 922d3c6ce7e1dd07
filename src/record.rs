//! Saved records of a screening: answers, result, rulebook identity, tool and time.
//!
//! A record holds no name or other identifying data; the only free text is the optional
//! `label` the user chooses to add.

use crate::answers::Answers;
use crate::report::{RulebookInfo, Screening, ToolInfo};
use crate::rulebook::Rulebook;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

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
