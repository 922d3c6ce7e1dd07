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

/// A saved screening.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    pub answers: Map<String, Value>,
    /// The result, as `assess --format json` prints it.
    pub result: Value,
}

/// Tool name and version in a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordTool {
    /// Name.
    pub name: String,
    /// Version.
    pub version: String,
}

/// Rulebook identity in a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
