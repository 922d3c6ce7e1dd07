//! What both interview edges (the drawn one and the plain one) say and check the same
//! way: option labels, answers in words, the checks on ticked choices, and the fixed
//! sentences of the interview, in the language of the rulebook shown (`locales/*/interview.ftl`).

use smp_screen::answers::{self, AnswerError, Slot, Value};
use smp_screen::audience::Audience;
use smp_screen::i18n::Words;
use smp_screen::interview::{Prompt, Reply};
use smp_screen::rulebook::{Question, QuestionKind};
use smp_screen::sanitize;
use smp_screen::tr;

/// The question asked before leaving: answers are lost, or kept in the draft at `draft`.
pub fn leave_question(words: Words, draft: Option<&std::path::Path>) -> String {
    match draft {
        Some(path) => tr!(
            words,
            "interview-leave-draft",
            draft = sanitize::one_line(&path.display().to_string()).as_ref()
        ),
        None => tr!(words, "interview-leave-lost"),
    }
}

/// The header above a question: where the interview stands, or which answer is being
/// changed from the review.
pub fn header(words: Words, question: &Question, prompt: &Prompt) -> String {
    if prompt.changing {
        return tr!(
            words,
            "interview-changing",
            question = sanitize::one_line(&question.short).as_ref()
        );
    }
    let number = prompt.number;
    let estimate = prompt.estimate.max(prompt.number);
    match question.section.as_deref() {
        Some(s) => tr!(
            words,
            "interview-progress-section",
            number = number,
            estimate = estimate,
            section = sanitize::one_line(s).as_ref()
        ),
        None => tr!(words, "interview-progress", number = number, estimate = estimate),
    }
}

/// An option's label for the audience, on one line (wrapping is the caller's).
pub fn label(question: &Question, i: usize, audience: Audience) -> String {
    sanitize::one_line(question.options[i].label_for(audience)).into_owned()
}

/// "I don't know", in the interview's language.
pub fn dont_know(words: Words) -> String {
    tr!(words, "interview-dont-know")
}

/// An answer in words, every part in full.
pub fn answer_words(words: Words, question: &Question, slot: &Slot, audience: Audience) -> String {
    let parts: Vec<String> = match slot {
        Slot::Missing => Vec::new(),
        Slot::DontKnow => vec![dont_know(words)],
        Slot::Given(Value::Choice(i)) => vec![label(question, usize::from(*i), audience)],
        Slot::Given(Value::Multi(m)) => (0..question.options.len())
            .filter(|i| m & (1u64 << i) != 0)
            .map(|i| label(question, i, audience))
            .collect(),
        Slot::Given(Value::Bool(true)) => vec![tr!(words, "interview-yes")],
        Slot::Given(Value::Bool(false)) => vec![tr!(words, "interview-no")],
        Slot::Given(Value::Number(x)) => {
            let unit = question.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
            vec![sanitize::one_line(&format!("{}{unit}", answers::number_to_json(*x))).into_owned()]
        }
    };
    if parts.is_empty() {
        return "—".to_owned();
    }
    parts.join(", ")
}

/// What a number answer must be, in words: "a whole number of years from 0 to 120".
pub fn expected(words: Words, question: &Question) -> String {
    if question.kind != QuestionKind::Number {
        return answers::expected(question);
    }
    let whole = if question.integer { "yes" } else { "no" };
    let min = question.min.map(|n| n.to_string()).unwrap_or_default();
    let max = question.max.map(|n| n.to_string()).unwrap_or_default();
    let unit = question.unit.as_deref().map(sanitize::one_line);
    match (question.min, question.max, unit) {
        (Some(_), Some(_), None) => tr!(words, "interview-number-range", whole = whole, min = &min, max = &max),
        (Some(_), Some(_), Some(u)) => tr!(
            words,
            "interview-number-range-unit",
            whole = whole,
            min = &min,
            max = &max,
            unit = u.as_ref()
        ),
        (Some(_), None, None) => tr!(words, "interview-number-min", whole = whole, min = &min),
        (Some(_), None, Some(u)) => tr!(
            words,
            "interview-number-min-unit",
            whole = whole,
            min = &min,
            unit = u.as_ref()
        ),
        (None, Some(_), None) => tr!(words, "interview-number-max", whole = whole, max = &max),
        (None, Some(_), Some(u)) => tr!(
            words,
            "interview-number-max-unit",
            whole = whole,
            max = &max,
            unit = u.as_ref()
        ),
        (None, None, None) => tr!(words, "interview-number-any", whole = whole),
        (None, None, Some(u)) => tr!(words, "interview-number-any-unit", whole = whole, unit = u.as_ref()),
    }
}

/// The reply for the options ticked in a multiple choice (indexes into
/// `prompt.options`), or what to tell the person when they cannot go together.
pub fn multi_reply(
    words: Words,
    question: &Question,
    prompt: &Prompt,
    ticked: &[usize],
    audience: Audience,
) -> Result<Reply, String> {
    if ticked.is_empty() {
        return Err(tr!(
            words,
            "interview-nothing-ticked",
            dontknow = dont_know(words).as_str()
        ));
    }
    let mask = ticked.iter().fold(0u64, |m, &i| m | 1u64 << prompt.options[i]);
    match answers::check_value(question, Value::Multi(mask)) {
        Ok(v) => Ok(Reply::Answer(Slot::Given(v))),
        Err(AnswerError::ExclusiveCombined { exclusive, .. }) => Err(tr!(
            words,
            "interview-exclusive-combined",
            option = option_label(question, &exclusive, audience).as_str()
        )),
        Err(AnswerError::NothingTicked { exclusive, .. }) => Err(tr!(
            words,
            "interview-tick-one",
            option = option_label(question, &exclusive, audience).as_str()
        )),
        Err(e) => Err(sanitize::one_line(&e.to_string()).into_owned()),
    }
}

/// The reply for a typed number, or what to tell the person.
pub fn number_reply(words: Words, question: &Question, typed: &str) -> Result<Reply, String> {
    match answers::parse_text(question, typed, ',') {
        Ok(slot) => Ok(Reply::Answer(slot)),
        Err(_) => Err(tr!(
            words,
            "interview-please-enter",
            expected = expected(words, question).as_str()
        )),
    }
}

fn option_label(question: &Question, value: &str, audience: Audience) -> String {
    question
        .option_index(value)
        .map_or_else(|| value.to_owned(), |i| label(question, i, audience))
}

/// How the first screen ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Intro {
    /// Go on to the questions.
    Start,
    /// The person leaves.
    Leave,
    /// Show everything again in this language (a code among those offered).
    Language(String),
}

/// The choices of the first screen's consent question: start, leave, and, when there
/// are languages to switch to (`switch`), the entry naming the one shown now.
pub fn start_choices(
    words: Words,
    rulebook: &smp_screen::rulebook::Rulebook,
    languages: &[(String, String)],
    switch: bool,
) -> Vec<String> {
    let mut choices = vec![tr!(words, "interview-start-yes"), tr!(words, "interview-start-no")];
    if switch {
        let current = languages
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(&rulebook.language))
            .map_or_else(|| rulebook.language.clone(), |(_, n)| n.clone());
        choices.push(tr!(words, "interview-language-entry", language = current.as_str()));
    }
    choices
}

/// The line under the title: the rulebook's name, version and review status.
pub fn rulebook_line(words: Words, rulebook: &smp_screen::rulebook::Rulebook) -> String {
    use smp_screen::rulebook::Review;
    let review = match &rulebook.review {
        Review::Draft => tr!(words, "interview-review-draft"),
        Review::Reviewed { by, on } => tr!(words, "interview-review-reviewed", by = by, on = on),
        Review::ChangedSinceReview { on, .. } => tr!(words, "interview-review-changed", on = on),
    };
    let id = &rulebook.identity;
    tr!(
        words,
        "interview-rulebook-line",
        title = id.title.as_str(),
        version = id.version.as_str(),
        review = review.as_str()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use smp_screen::rulebook::{Rulebook, Sources};

    /// Number questions with every combination of bounds, unit and wholeness.
    fn book() -> Rulebook {
        let mut questions = Vec::new();
        for (i, (min, max)) in [
            (Some(0.0), Some(120.0)),
            (Some(1.5), None),
            (None, Some(7.0)),
            (None, None),
        ]
        .into_iter()
        .enumerate()
        {
            for unit in [None, Some("years")] {
                for integer in [false, true] {
                    let mut q = serde_json::json!({"id": format!("q{i}{}{integer}", unit.is_some()),
                        "kind": "number", "answer_is": "fact", "prompt": "P?", "help": "h", "integer": integer});
                    if let Some(m) = min {
                        q["min"] = m.into();
                    }
                    if let Some(m) = max {
                        q["max"] = m.into();
                    }
                    if let Some(u) = unit {
                        q["unit"] = u.into();
                    }
                    questions.push(q);
                }
            }
        }
        let text = serde_json::json!({"rulebook": {"id": "t", "title": "T", "version": "1.0.0", "reviewed_by": "t",
            "reviewed_on": "2026-01-01", "review_due": "2099-01-01", "disclaimer": "d"},
            "questions": questions, "rules": []});
        Rulebook::from_sources(Sources::from_text("t.json", &text.to_string())).unwrap()
    }

    #[test]
    fn the_expected_number_reads_as_the_rulebook_says_it_in_english() {
        let rb = book();
        assert_eq!(rb.questions.len(), 16);
        for q in &rb.questions {
            assert_eq!(expected(Words::english(), q), answers::expected(q), "{}", q.id);
        }
    }

    #[test]
    fn the_expected_number_is_translated_whole() {
        let rb = book();
        let it = Words::new("it");
        let es = Words::new("es");
        let q = rb.questions.iter().find(|q| q.id == "q0truetrue").unwrap();
        assert_eq!(expected(it, q), "un numero intero di years da 0 a 120");
        assert_eq!(expected(es, q), "un número entero de years del 0 al 120");
        let q = rb.questions.iter().find(|q| q.id == "q1falsefalse").unwrap();
        assert_eq!(expected(it, q), "un numero non inferiore a 1.5");
        for q in &rb.questions {
            for words in [it, es] {
                let text = expected(words, q);
                assert!(!text.contains("number") && !text.contains('{'), "{text}");
            }
        }
    }
}
