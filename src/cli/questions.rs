//! What both interview edges (the drawn one and the plain one) say and check the same
//! way: option labels, answers in words, the checks on ticked choices, and the fixed
//! sentences of the interview.

use smp_screen::answers::{self, AnswerError, Slot, Value};
use smp_screen::audience::Audience;
use smp_screen::describe::{self, DONT_KNOW};
use smp_screen::interview::{Prompt, Reply};
use smp_screen::rulebook::Question;
use smp_screen::sanitize;

/// The action that goes back one question.
pub const BACK: &str = "Back to the previous question";

/// The question asked before leaving.
pub const LEAVE: &str = "Leave now? Your answers will be lost.";

/// What a person is told instead of [`LEAVE`] when a draft keeps their answers.
pub fn leave_question(draft: Option<&std::path::Path>) -> String {
    match draft {
        Some(path) => format!(
            "Leave now? Your answers so far are kept in the draft {}; continue later with --resume.",
            sanitize::one_line(&path.display().to_string())
        ),
        None => LEAVE.to_owned(),
    }
}

/// The header above a question: where the interview stands, or which answer is being
/// changed from the review.
pub fn header(question: &Question, prompt: &Prompt) -> String {
    if prompt.changing {
        return format!("Changing: {}", sanitize::one_line(&question.short));
    }
    let section = question
        .section
        .as_deref()
        .map(|s| format!(" · {}", sanitize::one_line(s)))
        .unwrap_or_default();
    format!(
        "Question {} of about {}{section}",
        prompt.number,
        prompt.estimate.max(prompt.number)
    )
}

/// An option's label for the audience, on one line (wrapping is the caller's).
pub fn label(question: &Question, i: usize, audience: Audience) -> String {
    sanitize::one_line(question.options[i].label_for(audience)).into_owned()
}

/// An answer in words, every part in full.
pub fn answer_words(question: &Question, slot: &Slot, audience: Audience) -> String {
    let parts = describe::answer(super::lang::words(), question, slot, audience);
    if parts.is_empty() {
        return "—".to_owned();
    }
    parts
        .iter()
        .map(|p| sanitize::one_line(&p.text).into_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The reply for the options ticked in a multiple choice (indexes into
/// `prompt.options`), or what to tell the person when they cannot go together.
pub fn multi_reply(
    question: &Question,
    prompt: &Prompt,
    ticked: &[usize],
    audience: Audience,
) -> Result<Reply, String> {
    if ticked.is_empty() {
        return Err(format!(
            "Nothing is ticked yet: tick every answer that applies, or choose \"{DONT_KNOW}\"."
        ));
    }
    let mask = ticked.iter().fold(0u64, |m, &i| m | 1u64 << prompt.options[i]);
    match answers::check_value(question, Value::Multi(mask)) {
        Ok(v) => Ok(Reply::Answer(Slot::Given(v))),
        Err(AnswerError::ExclusiveCombined { exclusive, .. }) => Err(format!(
            "\"{}\" cannot be combined with other choices.",
            option_label(question, &exclusive, audience)
        )),
        Err(AnswerError::NothingTicked { exclusive, .. }) => Err(format!(
            "Tick at least one answer, or \"{}\".",
            option_label(question, &exclusive, audience)
        )),
        Err(e) => Err(sanitize::one_line(&e.to_string()).into_owned()),
    }
}

/// The reply for a typed number, or what to tell the person.
pub fn number_reply(question: &Question, typed: &str) -> Result<Reply, String> {
    match answers::parse_text(question, typed, ',') {
        Ok(slot) => Ok(Reply::Answer(slot)),
        Err(_) => Err(format!("Please enter {}.", answers::expected(question))),
    }
}

fn option_label(question: &Question, value: &str, audience: Audience) -> String {
    question
        .option_index(value)
        .map_or_else(|| value.to_owned(), |i| label(question, i, audience))
}
