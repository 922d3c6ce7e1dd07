//! Conditions in words, for printed forms, rule tables and explanations:
//! `{"question": "scar_age", "equals": "under_6_months"}` → "Scar age is Less than 6 months".

use crate::audience::Audience;
use crate::engine::{Cond, NumRange, Test};
use crate::rulebook::{Question, Rulebook};

/// A condition in words.
pub fn condition(rulebook: &Rulebook, cond: &Cond, audience: Audience) -> String {
    Describer { rulebook, audience }.cond(cond, false)
}

/// A single test on a question in words, such as "Age is under 18".
pub fn test(rulebook: &Rulebook, question: usize, test: &Test, audience: Audience) -> String {
    Describer { rulebook, audience }.test(&rulebook.questions[question], test, false)
}

/// A number range in words: "under 18", "from 18 to under 26", "at least 26", "30".
pub fn range(r: &NumRange, unit: Option<&str>) -> String {
    let n = |x: f64| crate::answers::number_to_json(x).to_string();
    let unit = unit.map(|u| format!(" {u}")).unwrap_or_default();
    let low = r.lo.is_finite().then_some(r.lo);
    let high = r.hi.is_finite().then_some(r.hi);
    let text = match (low, high) {
        (Some(a), Some(b)) if a == b => n(a),
        (Some(a), Some(b)) => format!(
            "{} {} to {} {}",
            if r.lo_inclusive { "from" } else { "above" },
            n(a),
            if r.hi_inclusive { "" } else { "under" },
            n(b)
        )
        .replace("to  ", "to "),
        (Some(a), None) => format!("{} {}", if r.lo_inclusive { "at least" } else { "above" }, n(a)),
        (None, Some(b)) => format!("{} {}", if r.hi_inclusive { "at most" } else { "under" }, n(b)),
        (None, None) => "any number".to_owned(),
    };
    format!("{text}{unit}")
}

struct Describer<'a> {
    rulebook: &'a Rulebook,
    audience: Audience,
}

impl Describer<'_> {
    fn cond(&self, cond: &Cond, nested: bool) -> String {
        let wrap = |s: String| if nested { format!("({s})") } else { s };
        match cond {
            Cond::Always => "always".to_owned(),
            Cond::All(parts) => wrap(self.join(parts, " and ")),
            Cond::Any(parts) => wrap(self.join(parts, " or ")),
            Cond::AtLeast(n, parts) => format!(
                "at least {n} of ({})",
                parts.iter().map(|p| self.cond(p, true)).collect::<Vec<_>>().join("; ")
            ),
            Cond::Not(inner) => match &**inner {
                Cond::Question(q, t) => self.test(&self.rulebook.questions[*q], t, true),
                Cond::Fact(f) => format!("not: {}", lower_first(&self.rulebook.facts[*f].description)),
                other => format!("not {}", self.cond(other, true)),
            },
            Cond::Question(q, t) => self.test(&self.rulebook.questions[*q], t, false),
            Cond::Fact(f) => lower_first(&self.rulebook.facts[*f].description)
                .trim_end_matches('.')
                .to_owned(),
            Cond::Score(s, r) => format!("{} is {}", self.rulebook.scores[*s].title, range(r, None)),
        }
    }

    fn join(&self, parts: &[Cond], sep: &str) -> String {
        parts.iter().map(|p| self.cond(p, true)).collect::<Vec<_>>().join(sep)
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
        let name = &q.short;
        let list = |labels: Vec<String>| match labels.len() {
            1 => format!("\"{}\"", labels[0]),
            _ => format!(
                "one of {}",
                labels.iter().map(|l| format!("\"{l}\"")).collect::<Vec<_>>().join(", ")
            ),
        };
        match (t, negated) {
            (Test::Answered, false) => format!("{name} is answered"),
            (Test::Answered, true) => format!("{name} is not answered"),
            (Test::ChoiceIn(m), false) => format!("{name} is {}", list(self.labels(q, *m))),
            (Test::ChoiceIn(m), true) => format!("{name} is not {}", list(self.labels(q, *m))),
            (Test::MultiAny(m), false) if self.all_but_exclusive(q, *m) => {
                format!("{name}: anything but {}", list(self.labels(q, q.exclusive_mask())))
            }
            (Test::MultiAny(m), false) => format!("{name} includes {}", list(self.labels(q, *m))),
            (Test::MultiAny(m), true) => format!(
                "{name} includes none of {}",
                list(self.labels(q, *m)).trim_start_matches("one of ")
            ),
            (Test::Bool(b), false) => format!("{name}: {}", if *b { "yes" } else { "no" }),
            (Test::Bool(b), true) => format!("{name}: not {}", if *b { "yes" } else { "no" }),
            (Test::Number(r), false) => format!("{name} is {}", range(r, q.unit.as_deref())),
            (Test::Number(r), true) => format!("{name} is not {}", range(r, q.unit.as_deref())),
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
        assert_eq!(range(&r(-inf, true, 18.0, false), Some("years")), "under 18 years");
        assert_eq!(range(&r(18.0, true, 26.0, false), None), "from 18 to under 26");
        assert_eq!(range(&r(26.0, true, inf, true), None), "at least 26");
        assert_eq!(range(&r(-inf, true, 12.0, true), None), "at most 12");
        assert_eq!(range(&r(30.0, true, 30.0, true), None), "30");
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

/// "I don't know", as offered and as shown for an answer.
pub const DONT_KNOW: &str = "I don't know";

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
pub fn answer<'q>(question: &'q Question, slot: &crate::answers::Slot, audience: Audience) -> Vec<AnswerPart<'q>> {
    use crate::answers::{Slot, Value};
    use std::borrow::Cow;
    let option = |i: usize| AnswerPart {
        text: Cow::Borrowed(question.options[i].label_for(audience)),
        swatch: question.options[i].swatch,
    };
    let words = |text: String| {
        vec![AnswerPart {
            text: Cow::Owned(text),
            swatch: None,
        }]
    };
    match slot {
        Slot::Missing => Vec::new(),
        Slot::DontKnow => words(DONT_KNOW.to_owned()),
        Slot::Given(Value::Choice(i)) => vec![option(usize::from(*i))],
        Slot::Given(Value::Multi(m)) => (0..question.options.len())
            .filter(|i| m & (1u64 << i) != 0)
            .map(option)
            .collect(),
        Slot::Given(Value::Bool(b)) => words(if *b { "Yes" } else { "No" }.to_owned()),
        Slot::Given(Value::Number(x)) => {
            let unit = question.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
            words(format!("{}{unit}", crate::answers::number_to_json(*x)))
        }
    }
}
