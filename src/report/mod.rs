//! The screening result shared by every output format, and the formats themselves (one
//! file each, behind [`Report`]).

mod build;
mod frame;
mod headline;
mod html;
mod json;
mod json_line;
mod markdown;
mod text;

pub use build::{
    Detail, Outline, OutlineScratch, decided_by, outline, outline_into, pending_questions, screen, screen_evaluated,
    screen_evaluated_into, screen_reusing, screen_with,
};
pub use frame::{Frame, Framed, WithFrame};
pub use headline::{Headline, MAX_PENDING_SHOWN, PendingWords, pending_words};
pub use html::Html;
pub use json::Json;
pub use json_line::JsonLine;
pub use markdown::Markdown;
pub use text::{Text, wrap};

use crate::answers::Answers;
use crate::audience::Audience;
use crate::engine::Ink;
use crate::rulebook::{Evidence, Rulebook, Severity, Verdict};
use crate::style::Style;
use crate::words;
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
    /// What the verdict means, in words for the audience, in the language the rulebook is
    /// shown in.
    pub verdict_meaning: String,
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
    /// "Not complete: …" with both ends of its range; in the rulebook's language.
    pub headline: String,
    /// The verdict and ink if every undecided rule fired.
    pub worst_case: Outcome,
    /// Undecided rules that would change the verdict or the ink if they fired, most
    /// severe first.
    pub pending: Vec<PendingRule<'a>>,
    /// The longest wait before screening again that a fired rule asks for (a fresh scar,
    /// a recent transplant), or `null`.
    pub recheck_after: Option<RecheckAfter<'a>>,
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
    /// The review status in words ("not yet reviewed by a clinician"), in the language
    /// the rulebook is shown in.
    pub review: std::borrow::Cow<'a, str>,
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
            // The words made when it loaded are English; another language words it anew.
            review: if rulebook.words().code() == crate::i18n::ENGLISH {
                std::borrow::Cow::Borrowed(&rulebook.review_words)
            } else {
                std::borrow::Cow::Owned(words::review(rulebook.words(), &rulebook.review))
            },
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

/// How long to wait before screening again, and which fired rules ask for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecheckAfter<'a> {
    /// Whole months, when the wait is given in months.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    /// Whole weeks, when the wait is given in weeks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weeks: Option<u32>,
    /// The fired rules asking for this wait.
    pub because: Vec<&'a str>,
}

impl RecheckAfter<'_> {
    /// The wait as the rulebook type.
    pub fn recheck(&self) -> crate::rulebook::Recheck {
        match (self.months, self.weeks) {
            (Some(m), _) => crate::rulebook::Recheck::Months(m),
            (None, w) => crate::rulebook::Recheck::Weeks(w.unwrap_or(0)),
        }
    }

    /// "Screen again from 2027-06-01 (in 6 months).", counted from `today`, the date
    /// written the local way.
    pub fn sentence(&self, words: crate::i18n::Words, today: crate::date::Date) -> String {
        let r = self.recheck();
        crate::tr!(
            words,
            "report-recheck",
            date = &words::date(words, r.after(today)),
            wait = &words::wait(words, r)
        )
    }
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

/// Most what-if lines shown in text, Markdown and HTML (both headings together) before
/// "and N more"; `--explain` and the JSON keep every one.
pub const MAX_WHAT_IF_SHOWN: usize = 6;

/// The "what would change this" section in words: changes that make the result milder or
/// change only the ink, then, under their own heading, changes that make it worse (a
/// patient is shown none of those). Each list says how many more there are than shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WhatIfWords {
    /// Changes to a milder verdict, then changes of ink alone.
    pub better: Vec<String>,
    /// How many more such changes there are.
    pub better_more: usize,
    /// Changes to a more severe verdict.
    pub worse: Vec<String>,
    /// How many more such changes there are.
    pub worse_more: usize,
}

/// The what-if section as sentences, naming questions and answers in words for both
/// readers (never ids); `None` when there is nothing to show.
pub fn what_if_words(cx: &Context) -> Option<WhatIfWords> {
    let s = cx.screening;
    let list = s.what_if.as_deref().filter(|l| !l.is_empty())?;
    let words = cx.rulebook.words();
    let change = |question: &str, label: &str| {
        let short = cx.rulebook.question(question).map_or(question, |q| q.short.as_str());
        crate::tr!(words, "report-what-if-change", question = short, answer = label)
    };
    let line = |w: &crate::explain::WhatIf| {
        let mut changes = change(&w.question, &w.label);
        for c in &w.and {
            let next = change(&c.question, &c.label);
            changes = crate::tr!(words, "report-what-if-and", first = &changes, next = &next);
        }
        // Only what changes is told: never "REFER → REFER".
        let mut outcome = Vec::new();
        if w.verdict != s.verdict {
            outcome.push(format!(
                "{} → {}",
                words::verdict_label(words, s.verdict),
                words::verdict_label(words, w.verdict)
            ));
        }
        if w.ink != s.ink {
            outcome.push(crate::tr!(
                words,
                "report-what-if-ink",
                from = &words::ink_short(words, s.ink),
                to = &words::ink_short(words, w.ink)
            ));
        }
        crate::tr!(
            words,
            "report-what-if",
            changes = &changes,
            outcome = &outcome.join(", ")
        )
    };
    let (better, worse): (Vec<_>, Vec<_>) = list.iter().partition(|w| w.verdict <= s.verdict);
    // Worse changes keep two of the lines when there are better ones too, so their heading
    // never stands over nothing but "and N more".
    let (better_room, worse_room) = if cx.explain {
        (usize::MAX, usize::MAX)
    } else {
        let worse_room = if better.is_empty() {
            MAX_WHAT_IF_SHOWN
        } else {
            worse.len().min(2)
        };
        let better_room = MAX_WHAT_IF_SHOWN - worse_room;
        (better_room, MAX_WHAT_IF_SHOWN - better.len().min(better_room))
    };
    let take = |items: &[&crate::explain::WhatIf], room: usize| {
        let shown = items.len().min(room);
        (
            items[..shown].iter().map(|w| line(w)).collect::<Vec<_>>(),
            items.len() - shown,
        )
    };
    let (better, better_more) = take(&better, better_room);
    let (worse, worse_more) = take(&worse, worse_room);
    Some(WhatIfWords {
        better,
        better_more,
        worse,
        worse_more,
    })
}

/// One output format.
pub trait Report {
    /// Writes the result.
    fn render(&self, cx: &Context, out: &mut dyn io::Write) -> io::Result<()>;
}
