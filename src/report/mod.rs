//! The screening result shared by every output format, and the formats themselves (one
//! file each, behind [`Report`]).

mod build;
mod headline;
mod html;
mod json;
mod markdown;
mod text;
pub mod words;

pub use build::{
    Detail, Outline, OutlineScratch, decided_by, outline, outline_into, pending_questions, screen, screen_with,
};
pub use headline::{Headline, MAX_PENDING_SHOWN, PendingWords, pending_words};
pub use html::Html;
pub use json::Json;
pub use markdown::Markdown;
pub use text::{Text, wrap};

use crate::answers::Answers;
use crate::audience::Audience;
use crate::engine::Ink;
use crate::rulebook::{Evidence, Rulebook, Severity, Verdict};
use crate::style::Style;
use serde::Serialize;
use std::io;

/// Version of the JSON result format; bumped only when a field changes meaning or goes.
pub const SCHEMA_VERSION: u32 = 1;

/// The result of screening one set of answers: the `assess` JSON contract.
///
/// Texts and ids are borrowed from the rulebook: a batch of millions of rows then copies
/// no strings to build each result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Screening<'a> {
    /// Version of this format.
    pub schema_version: u32,
    /// The tool that produced it.
    pub tool: ToolInfo,
    /// The rulebook it was screened with.
    pub rulebook: RulebookInfo<'a>,
    /// Who the texts are worded for.
    pub audience: Audience,
    /// The verdict from the rules that fired.
    pub verdict: Verdict,
    /// What the verdict means, in words for the audience.
    pub verdict_meaning: &'static str,
    /// Rules that set the verdict (those giving it exactly).
    pub verdict_because: Vec<&'a str>,
    /// The ink recommendation.
    pub ink: Ink,
    /// The fired rules that shaped the ink.
    pub ink_because: Vec<InkReason<'a>>,
    /// Whether fired rules forbade both inks (the verdict is then at least `refer`).
    pub ink_conflict: bool,
    /// Whether unanswered questions leave rules undecided.
    pub provisional: bool,
    /// `complete` when no rule is undecided, else `provisional` (the same fact as
    /// `provisional`, as a word scripts can print).
    pub status: Status,
    /// The result's headline in words: the bare verdict label when complete; when not,
    /// "Not complete: …" with both ends of its range.
    pub headline: String,
    /// The verdict and ink if every undecided rule fired.
    pub worst_case: Outcome,
    /// Undecided rules that would change the verdict or the ink if they fired, most
    /// severe first.
    pub pending: Vec<PendingRule<'a>>,
    /// Risks, most severe first.
    pub risks: Vec<RiskItem<'a>>,
    /// Advice, most urgent first.
    pub advice: Vec<AdviceItem<'a>>,
    /// Rules that fired.
    pub fired: Vec<FiredRule<'a>>,
    /// Rules undecided because of unknown answers.
    pub possible: Vec<PossibleRule<'a>>,
    /// Questions that apply (or may apply) but have no answer.
    pub unanswered: Vec<&'a str>,
    /// Answered questions that did not apply; their answers were not used.
    pub ignored: Vec<&'a str>,
    /// The rulebook's disclaimer.
    pub disclaimer: &'a str,
    /// HOW each conclusion was reached and WHY each question is asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<crate::explain::Explanation>,
    /// Answer changes that would change the verdict or the ink.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub what_if: Option<Vec<crate::explain::WhatIf>>,
}

impl<'a> Screening<'a> {
    /// The unanswered questions that decide undecided rules, in asking order.
    pub fn deciding_questions(&self, rulebook: &Rulebook) -> Vec<&'a str> {
        let mut ids: Vec<&'a str> = self
            .possible
            .iter()
            .flat_map(|p| p.decided_by.iter().copied())
            .collect();
        ids.sort_by_key(|id| rulebook.question_index(id));
        ids.dedup();
        ids
    }
}

/// The tool's name and version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ToolInfo {
    /// `smp-screen`.
    pub name: &'static str,
    /// The crate version.
    pub version: &'static str,
}

impl ToolInfo {
    /// This build of the tool.
    pub fn current() -> ToolInfo {
        ToolInfo {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        }
    }
}

/// The rulebook's identity as carried by every result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RulebookInfo<'a> {
    /// Identifier.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// Version.
    pub version: &'a str,
    /// SHA-256 of its content.
    pub sha256: &'a str,
    /// `draft`, `reviewed`, or `changed_since_review` (marked reviewed, edited since).
    pub status: &'static str,
    /// The review status in words ("not yet reviewed by a clinician").
    pub review: &'a str,
    /// Date of the last review (`null` for a draft).
    pub reviewed_on: Option<&'a str>,
    /// Date the next review is due.
    pub review_due: &'a str,
}

impl<'a> RulebookInfo<'a> {
    /// The identity of `rulebook`.
    pub fn of(rulebook: &'a Rulebook) -> RulebookInfo<'a> {
        let id = &rulebook.identity;
        RulebookInfo {
            id: &id.id,
            title: &id.title,
            version: &id.version,
            sha256: &rulebook.sha256,
            status: rulebook.review.as_str(),
            review: &rulebook.review_words,
            reviewed_on: id.reviewed_on.as_deref(),
            review_due: &id.review_due,
        }
    }
}

/// A verdict with its ink.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// Verdict.
    pub verdict: Verdict,
    /// Ink.
    pub ink: Ink,
}

/// A fired rule's effect on the ink.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InkReason<'a> {
    /// Rule id.
    pub rule: &'a str,
    /// `forbid_permanent`, `forbid_temporary`, `prefer_temporary` or `prefer_permanent`.
    pub effect: &'static str,
    /// The rule's reason in words for the audience.
    pub text: &'a str,
}

/// A risk in the result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskItem<'a> {
    /// Catalogue id.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// The highest severity any fired rule gives it.
    pub severity: Severity,
    /// Explanation for the audience.
    pub text: &'a str,
    /// Rules that reported it.
    pub because: Vec<&'a str>,
}

/// Advice in the result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AdviceItem<'a> {
    /// Catalogue id.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// The advice for the audience.
    pub text: &'a str,
    /// Whether a rule giving `refer` or `unsuitable` gave it: act on it before anything else.
    pub urgent: bool,
    /// Rules that gave it.
    pub because: Vec<&'a str>,
}

/// A rule that fired.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FiredRule<'a> {
    /// Rule id.
    pub rule: &'a str,
    /// Title.
    pub title: &'a str,
    /// Its conclusion in plain words.
    pub summary: &'a str,
    /// Its verdict, if it gives one.
    pub verdict: Option<Verdict>,
    /// Why it exists.
    pub rationale: Option<&'a str>,
    /// Where from.
    pub source: Option<&'a str>,
    /// How strong.
    pub evidence: Option<Evidence>,
}

/// Whether a result is complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// No rule is undecided: the result is final for these answers.
    Complete,
    /// Some rules are undecided because of unknown answers.
    Provisional,
}

impl Status {
    /// The identifier used in JSON and CSV.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Complete => "complete",
            Status::Provisional => "provisional",
        }
    }

    /// The status of an evaluation.
    pub fn of(provisional: bool) -> Status {
        if provisional {
            Status::Provisional
        } else {
            Status::Complete
        }
    }
}

/// An undecided rule that would change the verdict or the ink if it fired.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PendingRule<'a> {
    /// Rule id.
    pub rule: &'a str,
    /// Title.
    pub title: &'a str,
    /// Its own verdict, if it gives one.
    pub verdict: Option<Verdict>,
    /// Its ink effects (`forbid_permanent`, `prefer_temporary`, …); empty when it has none.
    pub ink: Vec<&'static str>,
    /// The unanswered questions that decide it.
    pub decided_by: Vec<&'a str>,
    /// The verdict and ink if it fired and no other undecided rule did.
    pub would_give: Outcome,
}

/// A rule that unknown answers leave undecided.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PossibleRule<'a> {
    /// Rule id.
    pub rule: &'a str,
    /// Title.
    pub title: &'a str,
    /// Its verdict, if it gives one.
    pub verdict: Option<Verdict>,
    /// The unanswered questions that decide it.
    pub decided_by: Vec<&'a str>,
}

/// Everything a format needs to render one result.
pub struct Context<'a> {
    /// The result.
    pub screening: &'a Screening<'a>,
    /// The rulebook it came from.
    pub rulebook: &'a Rulebook,
    /// The answers screened.
    pub answers: &'a Answers,
    /// Colour, decided once for the output stream.
    pub style: Style,
    /// Width to wrap text to.
    pub width: usize,
    /// Whether to show HOW and WHY in full (`--explain`).
    pub explain: bool,
}

/// The "what would change this" section as sentences, and how many more changes there
/// are than shown; `None` when nothing is worth showing. The short section lists changes
/// that do not make things worse; `--explain` and the JSON keep every change. Answers are
/// named by question id and value for a consultant unless `in_words`, as on a handout.
pub fn what_if_lines(cx: &Context, in_words: bool) -> Option<(Vec<String>, usize)> {
    let s = cx.screening;
    let list: Vec<&crate::explain::WhatIf> = s
        .what_if
        .as_deref()?
        .iter()
        .filter(|w| cx.explain || w.verdict <= s.verdict)
        .collect();
    if list.is_empty() {
        return None;
    }
    let consultant = s.audience == Audience::Consultant;
    let shown = if cx.explain {
        list.len()
    } else {
        list.len().min(if consultant { 8 } else { 5 })
    };
    let change = |question: &str, value: &serde_json::Value, label: &str| {
        if consultant && !in_words {
            format!("{question} were {}", value.to_string().trim_matches('"'))
        } else {
            let short = cx.rulebook.question(question).map_or(question, |q| q.short.as_str());
            format!("{short} were \"{label}\"")
        }
    };
    let lines = list[..shown]
        .iter()
        .map(|w| {
            let mut changes = vec![change(&w.question, &w.value, &w.label)];
            changes.extend(w.and.iter().map(|c| change(&c.question, &c.value, &c.label)));
            let mut outcome = format!(
                "{} → {}",
                words::verdict_label(s.verdict),
                words::verdict_label(w.verdict)
            );
            if w.ink != s.ink {
                outcome.push_str(&format!(", ink {} → {}", s.ink.as_str(), w.ink.as_str()));
            }
            format!("If {}: {outcome}", changes.join(" and "))
        })
        .collect();
    Some((lines, list.len() - shown))
}

/// One output format.
pub trait Report {
    /// Writes the result.
    fn render(&self, cx: &Context, out: &mut dyn io::Write) -> io::Result<()>;
}
