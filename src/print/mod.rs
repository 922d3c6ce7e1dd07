//! The rulebook in print: the questionnaire as an intake form (questions in order,
//! options as tick boxes, skip logic in words) and a rule table for clinical review.
//! One file per format; the frame's words are in `locales/*/print.ftl`, in the language
//! the rulebook is shown in.

mod html;
mod markdown;

pub use html::HtmlForm;
pub use markdown::MarkdownForm;

use crate::audience::Audience;
use crate::describe;
use crate::i18n::Words;
use crate::rulebook::{Question, QuestionKind, Recheck, Rule, Rulebook};
use crate::tr;
use crate::words;
use std::io;

/// One printable format of a rulebook.
pub trait Print {
    /// Writes the form and the rule table.
    fn print(&self, rulebook: &Rulebook, audience: Audience, out: &mut dyn io::Write) -> io::Result<()>;
}

/// "Only if …" for a question with skip logic.
pub fn only_if(rb: &Rulebook, q: &Question, audience: Audience) -> Option<String> {
    q.ask_if.as_ref().map(|c| {
        tr!(
            rb.words(),
            "print-only-if",
            condition = &describe::condition(rb, c, audience)
        )
    })
}

/// How an answer is written on paper.
pub fn answer_hint(words: Words, q: &Question) -> String {
    match q.kind {
        QuestionKind::Single | QuestionKind::YesNo => tr!(words, "print-hint-tick-one"),
        QuestionKind::Multiple => tr!(words, "print-hint-tick-all"),
        QuestionKind::Number => tr!(words, "print-hint-write-number"),
    }
}

/// The rulebook's review status in words: a draft, reviewed (by whom, when), or changed
/// since its review; worded once, in [`words::review`].
pub fn review_status(rb: &Rulebook) -> String {
    words::review(rb.words(), &rb.review)
}

/// A rule's effects in words: "verdict refer; rules out permanent ink; risks: …".
pub fn effects(rb: &Rulebook, rule: &Rule) -> String {
    let words = rb.words();
    let mut parts = Vec::new();
    if let Some(v) = rule.verdict {
        parts.push(tr!(words, "print-effect-verdict", verdict = v.as_str()));
    }
    for &ink in &rule.forbid {
        parts.push(words::effect_words(words, true, ink));
    }
    if let Some(ink) = rule.prefer {
        parts.push(words::effect_words(words, false, ink));
    }
    if !rule.risks.is_empty() {
        let risks: Vec<String> = rule
            .risks
            .iter()
            .map(|r| {
                let risk = &rb.risks[r.risk];
                tr!(
                    words,
                    "print-risk",
                    risk = &risk.title,
                    severity = r.severity.unwrap_or(risk.severity).as_str()
                )
            })
            .collect();
        parts.push(tr!(words, "print-effect-risks", risks = &risks.join(", ")));
    }
    if !rule.advice.is_empty() {
        let advice: Vec<&str> = rule.advice.iter().map(|&a| rb.advice[a].title.as_str()).collect();
        parts.push(tr!(words, "print-effect-advice", advice = &advice.join(", ")));
    }
    if !rule.derive.is_empty() {
        let facts: Vec<&str> = rule.derive.iter().map(|&f| rb.facts[f].id.as_str()).collect();
        parts.push(tr!(words, "print-effect-derives", facts = &facts.join(", ")));
    }
    match rule.recheck_after {
        Some(Recheck::Months(n)) => parts.push(tr!(words, "print-effect-recheck-months", count = n as usize)),
        Some(Recheck::Weeks(n)) => parts.push(tr!(words, "print-effect-recheck-weeks", count = n as usize)),
        None => {}
    }
    parts.join("; ")
}

/// The labels of a question's tick boxes on paper, "I don't know" last: its options, or
/// yes and no.
pub fn box_labels(words: Words, q: &Question, audience: Audience) -> Vec<String> {
    let mut labels: Vec<String> = match q.kind {
        QuestionKind::YesNo => vec![tr!(words, "explain-answer-yes"), tr!(words, "explain-answer-no")],
        QuestionKind::Number => Vec::new(),
        _ => q.options.iter().map(|o| o.label_for(audience).to_owned()).collect(),
    };
    labels.push(describe::dont_know(words));
    labels
}

/// Questions grouped by section, in asking order.
pub fn sections(rb: &Rulebook) -> Vec<(Option<&str>, Vec<usize>)> {
    let mut out: Vec<(Option<&str>, Vec<usize>)> = Vec::new();
    for (q, question) in rb.questions.iter().enumerate() {
        let section = question.section.as_deref();
        match out.last_mut() {
            Some((s, list)) if *s == section => list.push(q),
            _ => out.push((section, vec![q])),
        }
    }
    out
}
