//! Re-screening a saved record with the current rulebook, and what changed since.

use crate::answers::{AnswerError, Answers};
use crate::audience::Audience;
use crate::record::{KIND, RECORD_VERSION, Record};
use crate::report::{Detail, Screening, screen_with};
use crate::rulebook::Rulebook;
use serde::Serialize;
use serde_json::Value;

/// Why a file cannot be replayed.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// Not JSON, or JSON without a record's fields.
    #[error("not a smp-screen record: {0}")]
    Malformed(String),
    /// JSON of another kind.
    #[error("not a smp-screen record: `kind` is {0:?}, expected \"{KIND}\"")]
    WrongKind(String),
    /// Made by a newer smp-screen.
    #[error("record version {0} is newer than this smp-screen reads ({RECORD_VERSION}); update smp-screen")]
    TooNew(u32),
}

/// Parses a saved record.
pub fn parse(text: &str) -> Result<Record, RecordError> {
    let value: Value = serde_json::from_str(text).map_err(|e| RecordError::Malformed(e.to_string()))?;
    if let Some(kind) = value.get("kind").and_then(Value::as_str)
        && kind != KIND
    {
        return Err(RecordError::WrongKind(kind.to_owned()));
    }
    if value.get("kind").is_none() {
        return Err(RecordError::Malformed("missing field `kind`".to_owned()));
    }
    // From the text again, not the tree: the tree has already dropped duplicate keys.
    let record: Record = serde_json::from_str(text).map_err(|e| RecordError::Malformed(e.to_string()))?;
    if let Some(label) = &record.label
        && label.chars().count() > crate::record::MAX_LABEL
    {
        return Err(RecordError::Malformed(format!(
            "`label` is longer than {} characters, the most --label gives",
            crate::record::MAX_LABEL
        )));
    }
    if record.record_version > RECORD_VERSION {
        return Err(RecordError::TooNew(record.record_version));
    }
    Ok(record)
}

/// A record's parts replay compares, read without building the rest (explanations,
/// texts) into memory: an archive of large records replays several times faster.
#[derive(serde::Deserialize)]
struct BriefRecord {
    #[serde(default)]
    kind: Option<String>,
    record_version: u32,
    created_at: String,
    tool: crate::record::RecordTool,
    #[serde(default)]
    label: Option<String>,
    rulebook: crate::record::RecordRulebook,
    #[serde(default)]
    language: Option<String>,
    answers: serde_json::Map<String, Value>,
    result: BriefResult,
}

#[derive(serde::Deserialize, Serialize)]
struct BriefResult {
    #[serde(default)]
    verdict: Option<String>,
    #[serde(default)]
    ink: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    provisional: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    worst_case: Option<BriefOutcome>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pending: Option<Vec<BriefRule>>,
    #[serde(default)]
    risks: Vec<BriefItem>,
    #[serde(default)]
    advice: Vec<BriefItem>,
}

#[derive(serde::Deserialize, Serialize)]
struct BriefOutcome {
    #[serde(default)]
    verdict: Option<String>,
    #[serde(default)]
    ink: Option<String>,
}

#[derive(serde::Deserialize, Serialize)]
struct BriefRule {
    #[serde(default)]
    rule: Option<String>,
}

#[derive(serde::Deserialize, Serialize)]
struct BriefItem {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    title: Option<String>,
}

/// Parses a saved record keeping only what [`replay`] compares (its `result` holds
/// verdict, ink, status, worst case, pending rules, risks and advice).
pub fn parse_brief(text: &str) -> Result<Record, RecordError> {
    let brief: BriefRecord = match serde_json::from_str(text) {
        Ok(b) => b,
        // The full parser tells a record of another kind from a malformed one.
        Err(_) => return parse(text),
    };
    if let Some(kind) = &brief.kind
        && kind != KIND
    {
        return Err(RecordError::WrongKind(kind.clone()));
    }
    if brief.record_version > RECORD_VERSION {
        return Err(RecordError::TooNew(brief.record_version));
    }
    Ok(Record {
        kind: KIND.to_owned(),
        record_version: brief.record_version,
        created_at: brief.created_at,
        tool: brief.tool,
        label: brief.label,
        rulebook: brief.rulebook,
        language: brief.language.unwrap_or_else(|| "en".to_owned()),
        answers: brief.answers,
        result: serde_json::to_value(brief.result).map_err(|e| RecordError::Malformed(e.to_string()))?,
    })
}

/// A rulebook's identity as a record or a result names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BookId {
    /// Id.
    pub id: String,
    /// Version.
    pub version: String,
    /// Content hash.
    pub sha256: String,
}

/// A value before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// As recorded.
    pub before: String,
    /// Now.
    pub after: String,
}

/// A record screened again, compared with what it recorded.
#[derive(Debug, Serialize)]
pub struct Replay<'a> {
    /// The rulebook the record was made with.
    pub recorded_rulebook: BookId,
    /// The rulebook used now.
    pub current_rulebook: BookId,
    /// Whether the two rulebooks have the same content.
    pub same_rulebook: bool,
    /// Whether anything below differs from the record: verdict, ink, status, worst case,
    /// pending reasons, risks, advice, or an answer no longer accepted.
    pub changed: bool,
    /// The verdict, if it changed.
    pub verdict: Option<Difference>,
    /// The ink, if it changed.
    pub ink: Option<Difference>,
    /// `complete` ↔ `provisional`, if it changed.
    pub status: Option<Difference>,
    /// The worst case's verdict, if it changed.
    pub worst_case_verdict: Option<Difference>,
    /// The worst case's ink, if it changed.
    pub worst_case_ink: Option<Difference>,
    /// Undecided rules that would change the verdict or ink now, and not in the record
    /// (compared only when the record lists its pending rules).
    pub pending_added: Vec<String>,
    /// Pending rules of the record that are no longer pending.
    pub pending_removed: Vec<String>,
    /// Risks now reported that the record did not have.
    pub risks_added: Vec<String>,
    /// Risks the record had that are no longer reported.
    pub risks_removed: Vec<String>,
    /// Advice now given that the record did not have.
    pub advice_added: Vec<String>,
    /// Advice the record had that is no longer given.
    pub advice_removed: Vec<String>,
    /// Recorded answers the current rulebook does not accept; they count as unanswered.
    pub dropped_answers: Vec<String>,
    /// The result now.
    pub result: Screening<'a>,
}

/// Screens the record's answers with `rulebook` and compares the result with the record's.
pub fn replay<'a>(rulebook: &'a Rulebook, record: &Record, audience: Audience) -> (Replay<'a>, Answers) {
    replay_with(rulebook, record, audience, Detail::FULL)
}

/// [`replay`] with the explanations asked for ([`Detail::BRIEF`] for an archive).
pub fn replay_with<'a>(
    rulebook: &'a Rulebook,
    record: &Record,
    audience: Audience,
    detail: Detail,
) -> (Replay<'a>, Answers) {
    let (answers, problems) = Answers::from_json_map_lenient(rulebook, &record.answers);
    let result = screen_with(rulebook, &answers, audience, detail);
    let before = &record.result;
    let text = |v: &Value| v.as_str().unwrap_or("?").to_owned();
    let change = |before: String, after: &str| {
        (before != after).then(|| Difference {
            before,
            after: after.to_owned(),
        })
    };
    let verdict = change(text(&before["verdict"]), result.verdict.as_str());
    let ink = change(text(&before["ink"]), result.ink.as_str());
    let ids = |v: &Value| -> Vec<String> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|item| item["id"].as_str().map(str::to_owned))
            .collect()
    };
    let (risks_added, risks_removed) = difference(&ids(&before["risks"]), result.risks.iter().map(|r| r.id));
    let (advice_added, advice_removed) = difference(&ids(&before["advice"]), result.advice.iter().map(|a| a.id));
    // Records made before `status` existed say `provisional`; before `worst_case`, a
    // complete result was its own worst case.
    let recorded_status = match (before["status"].as_str(), before["provisional"].as_bool()) {
        (Some(s), _) => s.to_owned(),
        (None, Some(true)) => "provisional".to_owned(),
        (None, Some(false)) => "complete".to_owned(),
        (None, None) => "?".to_owned(),
    };
    let status = change(recorded_status, result.status.as_str());
    let worst = |field: &str| match before["worst_case"][field].as_str() {
        Some(v) => v.to_owned(),
        None => text(&before[field]),
    };
    let worst_case_verdict = change(worst("verdict"), result.worst_case.verdict.as_str());
    let worst_case_ink = change(worst("ink"), result.worst_case.ink.as_str());
    let (pending_added, pending_removed) = match before["pending"].as_array() {
        Some(list) => {
            let recorded: Vec<String> = list
                .iter()
                .filter_map(|p| p["rule"].as_str().map(str::to_owned))
                .collect();
            difference(&recorded, result.pending.iter().map(|p| p.rule))
        }
        None => (Vec::new(), Vec::new()),
    };
    let changed = verdict.is_some()
        || ink.is_some()
        || status.is_some()
        || worst_case_verdict.is_some()
        || worst_case_ink.is_some()
        || !problems.is_empty()
        || !(risks_added.is_empty()
            && risks_removed.is_empty()
            && advice_added.is_empty()
            && advice_removed.is_empty()
            && pending_added.is_empty()
            && pending_removed.is_empty());
    let recorded_rulebook = BookId {
        id: record.rulebook.id.clone(),
        version: record.rulebook.version.clone(),
        sha256: record.rulebook.sha256.clone(),
    };
    let current_rulebook = BookId {
        id: rulebook.identity.id.clone(),
        version: rulebook.identity.version.clone(),
        sha256: rulebook.sha256.clone(),
    };
    let replay = Replay {
        same_rulebook: recorded_rulebook.sha256 == current_rulebook.sha256,
        recorded_rulebook,
        current_rulebook,
        changed,
        verdict,
        ink,
        status,
        worst_case_verdict,
        worst_case_ink,
        pending_added,
        pending_removed,
        risks_added,
        risks_removed,
        advice_added,
        advice_removed,
        dropped_answers: problems.iter().map(AnswerError::to_string).collect(),
        result,
    };
    (replay, answers)
}

impl Replay<'_> {
    /// The kinds of change, in a fixed order (`verdict`, `ink`, `status`, `worst_case`,
    /// `pending`, `risks`, `advice`, `answers`), for summaries.
    pub fn kinds(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        let mut add = |yes: bool, kind| {
            if yes {
                out.push(kind);
            }
        };
        add(self.verdict.is_some(), "verdict");
        add(self.ink.is_some(), "ink");
        add(self.status.is_some(), "status");
        add(
            self.worst_case_verdict.is_some() || self.worst_case_ink.is_some(),
            "worst_case",
        );
        add(
            !(self.pending_added.is_empty() && self.pending_removed.is_empty()),
            "pending",
        );
        add(!(self.risks_added.is_empty() && self.risks_removed.is_empty()), "risks");
        add(
            !(self.advice_added.is_empty() && self.advice_removed.is_empty()),
            "advice",
        );
        add(!self.dropped_answers.is_empty(), "answers");
        out
    }
}

/// Ids in `now` but not `before`, and in `before` but not `now`, each in its own order.
fn difference<'b>(before: &[String], now: impl Iterator<Item = &'b str>) -> (Vec<String>, Vec<String>) {
    let now: Vec<&str> = now.collect();
    let added = now
        .iter()
        .filter(|id| !before.iter().any(|b| b == *id))
        .map(|id| (*id).to_owned())
        .collect();
    let removed = before.iter().filter(|b| !now.contains(&b.as_str())).cloned().collect();
    (added, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_of_another_kind_or_a_newer_version_are_refused() {
        assert!(matches!(parse("[]"), Err(RecordError::Malformed(_))));
        assert!(matches!(
            parse(r#"{"kind": "invoice"}"#),
            Err(RecordError::WrongKind(_))
        ));
        let newer = r#"{"kind": "smp-screen-record", "record_version": 99, "created_at": "", "tool": {"name": "", "version": ""},
            "rulebook": {"id": "", "version": "", "sha256": ""}, "answers": {}, "result": {}}"#;
        assert!(matches!(parse(newer), Err(RecordError::TooNew(99))));
    }

    #[test]
    fn difference_keeps_order() {
        let before = vec!["a".to_owned(), "b".to_owned(), "c".to_owned()];
        let (added, removed) = difference(&before, ["c", "d", "a"].into_iter());
        assert_eq!(added, ["d"]);
        assert_eq!(removed, ["b"]);
    }
}
