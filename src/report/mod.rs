//! The screening result shared by every output format, and the formats themselves (one
//! file each, behind [`Report`]).

mod build;
mod json;
mod markdown;
mod text;
pub mod words;

pub use build::{Detail, decided_by, screen, screen_with};
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Screening {
    /// Version of this format.
    pub schema_version: u32,
    /// The tool that produced it.
    pub tool: ToolInfo,
    /// The rulebook it was screened with.
    pub rulebook: RulebookInfo,
    /// Who the texts are worded for.
    pub audience: Audience,
    /// The verdict from the rules that fired.
    pub verdict: Verdict,
    /// What the verdict means, in words for the audience.
    pub verdict_meaning: String,
    /// Rules that set the verdict (those giving it exactly).
    pub verdict_because: Vec<String>,
    /// The ink recommendation.
    pub ink: Ink,
    /// The fired rules that shaped the ink.
    pub ink_because: Vec<InkReason>,
    /// Whether fired rules forbade both inks (the verdict is then at least `refer`).
    pub ink_conflict: bool,
    /// Whether unanswered questions leave rules undecided.
    pub provisional: bool,
    /// The verdict and ink if every undecided rule fired.
    pub worst_case: Outcome,
    /// Risks, most severe first.
    pub risks: Vec<RiskItem>,
    /// Advice, most urgent first.
    pub advice: Vec<AdviceItem>,
    /// Rules that fired.
    pub fired: Vec<FiredRule>,
    /// Rules undecided because of unknown answers.
    pub possible: Vec<PossibleRule>,
    /// Questions that apply (or may apply) but have no answer.
    pub unanswered: Vec<String>,
    /// Answered questions that did not apply; their answers were not used.
    pub ignored: Vec<String>,
    /// The rulebook's disclaimer.
    pub disclaimer: String,
    /// HOW each conclusion was reached and WHY each question is asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<crate::explain::Explanation>,
    /// Answer changes that would change the verdict or the ink.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub what_if: Option<Vec<crate::explain::WhatIf>>,
}

impl Screening {
    /// The unanswered questions that decide undecided rules, in asking order.
    pub fn deciding_questions(&self, rulebook: &Rulebook) -> Vec<&str> {
        let mut ids: Vec<&str> = self
            .possible
            .iter()
            .flat_map(|p| p.decided_by.iter().map(String::as_str))
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
pub struct RulebookInfo {
    /// Identifier.
    pub id: String,
    /// Title.
    pub title: String,
    /// Version.
    pub version: String,
    /// SHA-256 of its content.
    pub sha256: String,
    /// Date of the last review.
    pub reviewed_on: String,
    /// Date the next review is due.
    pub review_due: String,
}

impl RulebookInfo {
    /// The identity of `rulebook`.
    pub fn of(rulebook: &Rulebook) -> RulebookInfo {
        let id = &rulebook.identity;
        RulebookInfo {
            id: id.id.clone(),
            title: id.title.clone(),
            version: id.version.clone(),
            sha256: rulebook.sha256.clone(),
            reviewed_on: id.reviewed_on.clone(),
            review_due: id.review_due.clone(),
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
pub struct InkReason {
    /// Rule id.
    pub rule: String,
    /// `forbid_permanent`, `forbid_temporary`, `prefer_temporary` or `prefer_permanent`.
    pub effect: String,
    /// The rule's reason in words for the audience.
    pub text: String,
}

/// A risk in the result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskItem {
    /// Catalogue id.
    pub id: String,
    /// Title.
    pub title: String,
    /// The highest severity any fired rule gives it.
    pub severity: Severity,
    /// Explanation for the audience.
    pub text: String,
    /// Rules that reported it.
    pub because: Vec<String>,
}

/// Advice in the result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AdviceItem {
    /// Catalogue id.
    pub id: String,
    /// Title.
    pub title: String,
    /// The advice for the audience.
    pub text: String,
    /// Whether a rule giving `refer` or `unsuitable` gave it: act on it before anything else.
    pub urgent: bool,
    /// Rules that gave it.
    pub because: Vec<String>,
}

/// A rule that fired.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FiredRule {
    /// Rule id.
    pub rule: String,
    /// Title.
    pub title: String,
    /// Its conclusion in plain words.
    pub summary: String,
    /// Its verdict, if it gives one.
    pub verdict: Option<Verdict>,
    /// Why it exists.
    pub rationale: Option<String>,
    /// Where from.
    pub source: Option<String>,
    /// How strong.
    pub evidence: Option<Evidence>,
}

/// A rule that unknown answers leave undecided.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PossibleRule {
    /// Rule id.
    pub rule: String,
    /// Title.
    pub title: String,
    /// Its verdict, if it gives one.
    pub verdict: Option<Verdict>,
    /// The unanswered questions that decide it.
    pub decided_by: Vec<String>,
}

/// Everything a format needs to render one result.
pub struct Context<'a> {
    /// The result.
    pub screening: &'a Screening,
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

/// One output format.
pub trait Report {
    /// Writes the result.
    fn render(&self, cx: &Context, out: &mut dyn io::Write) -> io::Result<()>;
}
