//! Conditions in words, for printed forms, rule tables and explanations:
//! `{"question": "scar_age", "equals": "under_6_months"}` → "Scar age is Less than 6 months",
//! in the language the rulebook is shown in (the patterns are in `locales/*/explain.ftl`).

use crate::audience::Audience;
use crate::engine::{Cond, NumRange, Test};
use crate::i18n::Words;
use crate::rulebook::{Question, Rulebook};
use crate::tr;

/// A condition in words.
pub fn condition(rulebook: &Rulebook, cond: &Cond, audience: Audience) -> String {
    Describer::new(rulebook, audience).cond(cond, false)
}

/// A single test on a question in words, such as "Age is under 18".
pub fn test(rulebook: &Rulebook, question: usize, test: &Test, audience: Audience) -> String {
    Describer::new(rulebook, audience).test(&rulebook.questions[question], test, false)
}

/// A number range in words: "under 18", "from 18 to under 26", "at least 26", "30".
pub fn range(words: Words, r: &NumRange, unit: Option<&str>) -> String {
    let n = |x: f64| crate::answers::number_to_json(x).to_string();
    let low = r.lo.is_finite().then(|| n(r.lo));
    let high = r.hi.is_finite().then(|| n(r.hi));
    let text = match (low, high) {
        (Some(a), Some(_)) if r.lo == r.hi => a,
        (Some(low), Some(high)) => match (r.lo_inclusive, r.hi_inclusive) {
            (true, true) => tr!(words, "explain-range-from-to", low = &low, high = &high),
            (true, false) => tr!(words, "explain-range-from-to-under", low = &low, high = &high),
            (false, true) => tr!(words, "explain-range-above-to", low = &low, high = &high),
            (false, false) => tr!(words, "explain-range-above-to-under", low = &low, high = &high),
        },
        (Some(low), None) if r.lo_inclusive => tr!(words, "explain-range-at-least", low = &low),
        (Some(low), None) => tr!(words, "explain-range-above", low = &low),
        (None, Some(high)) if r.hi_inclusive => tr!(words, "explain-range-at-most", high = &high),
        (None, Some(high)) => tr!(words, "explain-range-under", high = &high),
        (None, None) => tr!(words, "explain-range-any"),
    };
    match unit {
        Some(u) => format!("{text} {u}"),
        None => text,
    }
}

/// A number answer with the question's unit, if it has one: "34 years".
pub fn number(x: f64, unit: Option<&str>) -> String {
    let n = crate::answers::number_to_json(x);
    match unit {
        Some(u) => format!("{n} {u}"),
        None => n.to_string(),
    }
}

/// "yes" or "no" inside a sentence.
pub fn yes_no(words: Words, b: bool) -> String {
    if b {
        tr!(words, "explain-yes")
    } else {
        tr!(words, "explain-no")
    }
}

/// "I don't know", as offered and as shown for an answer.
pub fn dont_know(words: Words) -> String {
    tr!(words, "explain-dont-know")
}

struct Describer<'a> {
    rulebook: &'a Rulebook,
    audience: Audience,
    words: Words,
}

impl<'a> Describer<'a> {
    fn new(rulebook: &'a Rulebook, audience: Audience) -> Describer<'a> {
        Describer {
            rulebook,
            audience,
            words: rulebook.words(),
        }
    }

    fn cond(&self, cond: &Cond, nested: bool) -> String {
        let words = self.words;
        let wrap = |s: String| if nested { format!("({s})") } else { s };
        match cond {
            Cond::Always => tr!(words, "explain-cond-always"),
            Cond::All(parts) => wrap(self.join(parts, |l, r| tr!(words, "explain-cond-and", left = l, right = r))),
            Cond::Any(parts) => wrap(self.join(parts, |l, r| tr!(words, "explain-cond-or", left = l, right = r))),
            Cond::AtLeast(n, parts) => tr!(
                words,
                "explain-cond-at-least",
                count = *n,
                conditions = &parts.iter().map(|p| self.cond(p, true)).collect::<Vec<_>>().join("; ")
            ),
            Cond::Not(inner) => match &**inner {
                Cond::Question(q, t) => self.test(&self.rulebook.questions[*q], t, true),
                Cond::Fact(f) => tr!(
                    words,
                    "explain-cond-not-fact",
                    fact = &lower_first(&self.rulebook.facts[*f].description)
                ),
                other => tr!(words, "explain-cond-not", condition = &self.cond(other, true)),
            },
            Cond::Question(q, t) => self.test(&self.rulebook.questions[*q], t, false),
            Cond::Fact(f) => lower_first(&self.rulebook.facts[*f].description)
                .trim_end_matches('.')
                .to_owned(),
            Cond::Score(s, r) => tr!(
                words,
                "explain-cond-score",
                score = &self.rulebook.scores[*s].title,
                range = &range(words, r, None)
            ),
        }
    }

    /// The parts joined pairwise with a whole pattern ("{ $left } and { $right }"), so a
    /// language words the conjunction its own way.
    fn join(&self, parts: &[Cond], pair: impl Fn(&str, &str) -> String) -> String {
        let mut described = parts.iter().map(|p| self.cond(p, true));
        let first = described.next().unwrap_or_default();
        described.fold(first, |left, right| pair(&left, &right))
    }

    fn labels(&self, q: &Question, mask: u64) -> Vec<String> {
        (0..q.options.len())
            .filter(|i| mask & (1u64 << i) != 0)
            .map(|i| q.options[i].label_for(self.audience).to_owned())
            .collect()
    }

    /// Whether `mask` is every option except the ones that stand alone ("any scar").
    fn all_but_exclusive(&self, q: &Question, mask: u64) -> bool {
        let all = if q.options.len() >= 64 {
            u64::MAX
        } else {
            (1u64 << q.options.len()) - 1
        };
        let exclusive = q.exclusive_mask();
        exclusive != 0 && mask & exclusive == 0 && mask | exclusive == all
    }

    fn test(&self, q: &Question, t: &Test, negated: bool) -> String {
        let words = self.words;
        let name = q.short.as_str();
        let quoted = |mask: u64| {
            self.labels(q, mask)
                .iter()
                .map(|l| tr!(words, "explain-quoted", text = l))
                .collect::<Vec<_>>()
        };
        // One option gets the pattern for one ($option), several the "one of" pattern
        // ($options): whole sentences, so no language has to follow the English order.
        let one_or_several =
            |mask: u64, one: fn(Words, &str, &str) -> String, several: fn(Words, &str, &str) -> String| {
                let labels = quoted(mask);
                match labels.as_slice() {
                    [only] => one(words, name, only),
                    _ => several(words, name, &labels.join(", ")),
                }
            };
        match (t, negated) {
            (Test::Answered, false) => tr!(words, "explain-test-answered", question = name),
            (Test::Answered, true) => tr!(words, "explain-test-not-answered", question = name),
            (Test::ChoiceIn(m), false) => one_or_several(
                *m,
                |w, n, o| tr!(w, "explain-test-choice", question = n, option = o),
                |w, n, o| tr!(w, "explain-test-choice-one-of", question = n, options = o),
            ),
            (Test::ChoiceIn(m), true) => one_or_several(
                *m,
                |w, n, o| tr!(w, "explain-test-not-choice", question = n, option = o),
                |w, n, o| tr!(w, "explain-test-not-choice-one-of", question = n, options = o),
            ),
            (Test::MultiAny(m), false) if self.all_but_exclusive(q, *m) => one_or_several(
                q.exclusive_mask(),
                |w, n, o| tr!(w, "explain-test-anything-but", question = n, option = o),
                |w, n, o| tr!(w, "explain-test-anything-but-one-of", question = n, options = o),
            ),
            (Test::MultiAny(m), false) => one_or_several(
                *m,
                |w, n, o| tr!(w, "explain-test-includes", question = n, option = o),
                |w, n, o| tr!(w, "explain-test-includes-one-of", question = n, options = o),
            ),
            (Test::MultiAny(m), true) => tr!(
                words,
                "explain-test-includes-none",
                question = name,
                options = &quoted(*m).join(", ")
            ),
            (Test::Bool(true), false) => tr!(words, "explain-test-yes", question = name),
            (Test::Bool(false), false) => tr!(words, "explain-test-no", question = name),
            (Test::Bool(true), true) => tr!(words, "explain-test-not-yes", question = name),
            (Test::Bool(false), true) => tr!(words, "explain-test-not-no", question = name),
            (Test::Number(r), false) => tr!(
                words,
                "explain-test-number",
                question = name,
                range = &range(words, r, q.unit.as_deref())
            ),
            (Test::Number(r), true) => tr!(
                words,
                "explain-test-not-number",
                question = name,
                range = &range(words, r, q.unit.as_deref())
            ),
        }
    }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        // Keep acronyms and type names ("IV", "FUT") as written.
        Some(f) if c.clone().next().is_some_and(|n| n.is_lowercase()) => f.to_lowercase().chain(c).collect(),
        _ => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(lo: f64, li: bool, hi: f64, hi_: bool) -> NumRange {
        NumRange {
            lo,
            lo_inclusive: li,
            hi,
            hi_inclusive: hi_,
        }
    }

    #[test]
    fn ranges_read_naturally() {
        let inf = f64::INFINITY;
        let en = Words::english();
        assert_eq!(range(en, &r(-inf, true, 18.0, false), Some("years")), "under 18 years");
        assert_eq!(range(en, &r(18.0, true, 26.0, false), None), "from 18 to under 26");
        assert_eq!(range(en, &r(18.0, false, 26.0, true), None), "above 18 to 26");
        assert_eq!(range(en, &r(26.0, true, inf, true), None), "at least 26");
        assert_eq!(range(en, &r(-inf, true, 12.0, true), None), "at most 12");
        assert_eq!(range(en, &r(30.0, true, 30.0, true), None), "30");
        let it = Words::new("it");
        assert_eq!(range(it, &r(-inf, true, 18.0, false), Some("anni")), "meno di 18 anni");
        assert_eq!(range(it, &r(18.0, true, 26.0, false), None), "da 18 a meno di 26");
        let es = Words::new("es");
        assert_eq!(range(es, &r(26.0, true, inf, true), Some("años")), "al menos 26 años");
        assert_eq!(range(es, &r(-inf, true, 12.0, true), None), "como máximo 12");
    }

    #[test]
    fn conditions_of_the_default_rulebook_read_as_sentences() {
        let rb = Rulebook::embedded().unwrap();
        let rule = |id: &str| &rb.rules[rb.rule_index(id).unwrap()];
        assert_eq!(
            condition(&rb, &rule("young-and-unsettled").when, Audience::Patient),
            "Age is at least 18 years and Age is under 26 years and hair loss that is progressing, or whose course is not known"
        );
        assert_eq!(
            condition(&rb, &rule("scar-too-fresh").when, Audience::Patient),
            "Scar age is \"Less than 6 months\""
        );
        assert_eq!(
            condition(&rb, &rule("density-over-bald-areas").when, Audience::Patient),
            "Goals includes \"Make thinning hair look fuller, under longer hair\" and Hair loss is \"Large bald areas\" and Goals includes none of \"A closely shaved look (like a buzz cut)\""
        );
        let q = rb.question("scar_age").unwrap();
        assert_eq!(
            condition(&rb, q.ask_if.as_ref().unwrap(), Audience::Patient),
            "Scars: anything but \"No scars\""
        );
    }
}

/// One part of an answer in words: an option's label (with its colour, if it has one),
/// yes or no, a number with its unit, or "I don't know".
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerPart<'q> {
    /// The words.
    pub text: std::borrow::Cow<'q, str>,
    /// The option's colour swatch.
    pub swatch: Option<crate::rulebook::Rgb>,
}

/// An answer in words, one part per option ticked; empty when unanswered.
pub fn answer<'q>(
    words: Words,
    question: &'q Question,
    slot: &crate::answers::Slot,
    audience: Audience,
) -> Vec<AnswerPart<'q>> {
    use crate::answers::{Slot, Value};
    use std::borrow::Cow;
    let option = |i: usize| AnswerPart {
        text: Cow::Borrowed(question.options[i].label_for(audience)),
        swatch: question.options[i].swatch,
    };
    let text = |text: String| {
        vec![AnswerPart {
            text: Cow::Owned(text),
            swatch: None,
        }]
    };
    match slot {
        Slot::Missing => Vec::new(),
        Slot::DontKnow => text(dont_know(words)),
        Slot::Given(Value::Choice(i)) => vec![option(usize::from(*i))],
        Slot::Given(Value::Multi(m)) => (0..question.options.len())
            .filter(|i| m & (1u64 << i) != 0)
            .map(option)
            .collect(),
        Slot::Given(Value::Bool(true)) => text(tr!(words, "explain-answer-yes")),
        Slot::Given(Value::Bool(false)) => text(tr!(words, "explain-answer-no")),
        Slot::Given(Value::Number(x)) => text(number(*x, question.unit.as_deref())),
    }
}
