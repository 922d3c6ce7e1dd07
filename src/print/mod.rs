//! The rulebook in print: the questionnaire as an intake form (questions in order,
//! options as tick boxes, skip logic in words) and a rule table for clinical review.
//! One file per format.

mod html;
mod markdown;

pub use html::HtmlForm;
pub use markdown::MarkdownForm;

use crate::audience::Audience;
use crate::describe;
use crate::rulebook::{Question, QuestionKind, Rule, Rulebook};
use crate::words;
use std::io;

/// One printable format of a rulebook.
pub trait Print {
    /// Writes the form and the rule table.
    fn print(&self, rulebook: &Rulebook, audience: Audience, out: &mut dyn io::Write) -> io::Result<()>;
}

/// "Only if …" for a question with skip logic.
pub fn only_if(rb: &Rulebook, q: &Question, audience: Audience) -> Option<String> {
    q.ask_if
        .as_ref()
        .map(|c| format!("Only if {}.", describe::condition(rb, c, audience)))
}

/// How an answer is written on paper.
pub fn answer_hint(q: &Question) -> &'static str {
    match q.kind {
        QuestionKind::Single => "tick one",
        QuestionKind::Multiple => "tick all that apply",
        QuestionKind::YesNo => "tick one",
        QuestionKind::Number => "write a number",
    }
}

/// A rule's effects in words: "verdict refer; rules out permanent ink; risks: …".
pub fn effects(rb: &Rulebook, rule: &Rule) -> String {
    let mut parts = Vec::new();
    if let Some(v) = rule.verdict {
        parts.push(format!("verdict {}", v.as_str()));
    }
    for &ink in &rule.forbid {
        parts.push(words::effect_words(rb.words(), true, ink));
    }
    if let Some(ink) = rule.prefer {
        parts.push(words::effect_words(rb.words(), false, ink));
    }
    if !rule.risks.is_empty() {
        let risks: Vec<String> = rule
            .risks
            .iter()
            .map(|r| {
                let risk = &rb.risks[r.risk];
                format!("{} ({})", risk.title, r.severity.unwrap_or(risk.severity).as_str())
            })
            .collect();
        parts.push(format!("risks: {}", risks.join(", ")));
    }
    if !rule.advice.is_empty() {
        let advice: Vec<&str> = rule.advice.iter().map(|&a| rb.advice[a].title.as_str()).collect();
        parts.push(format!("advice: {}", advice.join(", ")));
    }
    if !rule.derive.is_empty() {
        let facts: Vec<&str> = rule.derive.iter().map(|&f| rb.facts[f].id.as_str()).collect();
        parts.push(format!("derives: {}", facts.join(", ")));
    }
    if let Some(wait) = rule.recheck_after {
        parts.push(format!("screen again after {}", wait.words()));
    }
    parts.join("; ")
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
