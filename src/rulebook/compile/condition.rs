//! The condition compiler: a condition's JSON (`all`, `any`, `at_least`, `not`, tests on
//! questions, facts and scores) into a [`Cond`] with every reference resolved, and every
//! test checked against the question it reads (its kind, its options, its range).

use super::{At, Catalogue, Compiler, MAX_DEPTH, kind_name};
use crate::condition::{Cond, NumRange, Test, Tri};
use crate::rulebook::Code;
use crate::rulebook::model::*;
use crate::suggest::did_you_mean;
use serde_json::Value as Json;

impl Compiler {
    pub(super) fn cond(&mut self, doc: &ConditionDoc, at: &At, depth: usize) -> Option<Cond> {
        if depth > MAX_DEPTH {
            self.error(
                Code::TooDeep,
                at,
                format!("condition nested deeper than {MAX_DEPTH} levels"),
            );
            return None;
        }
        let forms: Vec<&str> = [
            ("all", doc.all.is_some()),
            ("any", doc.any.is_some()),
            ("not", doc.not.is_some()),
            ("at_least", doc.at_least.is_some() || doc.of.is_some()),
            ("always", doc.always.is_some()),
            ("question", doc.question.is_some()),
            ("fact", doc.fact.is_some()),
            ("score", doc.score.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, present)| present.then_some(name))
        .collect();
        let tests: Vec<&str> = [
            ("equals", doc.equals.is_some()),
            ("in", doc.one_of.is_some()),
            ("contains", doc.contains.is_some()),
            ("lt", doc.lt.is_some()),
            ("le", doc.le.is_some()),
            ("gt", doc.gt.is_some()),
            ("ge", doc.ge.is_some()),
            ("answered", doc.answered.is_some()),
        ]
        .into_iter()
        .filter_map(|(name, present)| present.then_some(name))
        .collect();
        let form = match forms[..] {
            [] => {
                self.error_help(
                    Code::EmptyCondition,
                    at,
                    "a condition needs one of: all, any, at_least, not, always, question, fact, score",
                    None,
                );
                return None;
            }
            [one] => one,
            [a, b, ..] => {
                self.error_help(
                    Code::MixedCondition,
                    at,
                    format!("a condition has one form, but this one has both `{a}` and `{b}`"),
                    Some("put each in its own condition inside `all` or `any`".to_owned()),
                );
                return None;
            }
        };
        let numeric = doc.lt.is_some() || doc.le.is_some() || doc.gt.is_some() || doc.ge.is_some();
        if !matches!(form, "question" | "score") && !tests.is_empty() {
            self.error(
                Code::TestWithoutSubject,
                &at.child(tests[0]),
                format!("`{}` tests a question or score, not `{form}`", tests[0]),
            );
            return None;
        }
        match form {
            "all" | "any" => {
                let parts = if form == "all" {
                    doc.all.as_ref()
                } else {
                    doc.any.as_ref()
                }?;
                let pat = at.child(form);
                if parts.is_empty() {
                    self.error(
                        Code::EmptyList,
                        &pat,
                        format!("`{form}: []` is an empty list; add conditions or remove it"),
                    );
                    return None;
                }
                let compiled: Vec<Cond> = parts
                    .iter()
                    .enumerate()
                    .filter_map(|(i, p)| self.cond(p, &pat.item(i), depth + 1))
                    .collect();
                if compiled.len() != parts.len() {
                    return None;
                }
                Some(if form == "all" {
                    Cond::All(compiled.into())
                } else {
                    Cond::Any(compiled.into())
                })
            }
            "at_least" => {
                let (Some(n), Some(parts)) = (doc.at_least, doc.of.as_ref()) else {
                    let (has, lacks) = if doc.of.is_some() {
                        ("of", "at_least")
                    } else {
                        ("at_least", "of")
                    };
                    self.error_help(
                        Code::IncompleteCount,
                        &at.child(has),
                        format!("`{has}` needs `{lacks}` beside it"),
                        Some("write `{\"at_least\": 2, \"of\": [COND, COND, ...]}`".into()),
                    );
                    return None;
                };
                let pat = at.child("of");
                if parts.is_empty() {
                    self.error(
                        Code::EmptyList,
                        &pat,
                        "`of: []` is an empty list; add conditions or remove it",
                    );
                    return None;
                }
                let compiled: Vec<Cond> = parts
                    .iter()
                    .enumerate()
                    .filter_map(|(i, p)| self.cond(p, &pat.item(i), depth + 1))
                    .collect();
                if n == 0 || n as usize > parts.len() {
                    let message = if n == 0 {
                        "`at_least: 0` holds whatever the answers".to_owned()
                    } else {
                        format!(
                            "`at_least: {n}` of {} condition{} can never hold",
                            parts.len(),
                            if parts.len() == 1 { "" } else { "s" }
                        )
                    };
                    self.error_help(
                        Code::BadCount,
                        &at.child("at_least"),
                        message,
                        Some(format!(
                            "count from 1 to {}, the number of conditions in `of`",
                            parts.len()
                        )),
                    );
                    return None;
                }
                if compiled.len() != parts.len() {
                    return None;
                }
                Some(Cond::AtLeast(n as usize, compiled.into()))
            }
            "not" => {
                let inner = self.cond(doc.not.as_ref()?, &at.child("not"), depth + 1)?;
                Some(Cond::Not(Box::new(inner)))
            }
            "always" => {
                if doc.always == Some(true) {
                    Some(Cond::Always)
                } else {
                    self.error(
                        Code::AlwaysFalse,
                        &at.child("always"),
                        "`always: false` never holds; remove the rule instead",
                    );
                    None
                }
            }
            "fact" => {
                let id = doc.fact.as_deref()?;
                let f = self.lookup(id, &at.child("fact"), "fact", Catalogue::Fact)?;
                Some(Cond::Fact(f))
            }
            "score" => {
                let id = doc.score.as_deref()?;
                let s = self.lookup(id, &at.child("score"), "score", Catalogue::Score)?;
                if tests.iter().any(|t| !matches!(*t, "lt" | "le" | "gt" | "ge")) || !numeric {
                    self.error_help(
                        Code::BadScoreTest,
                        at,
                        format!("score `{id}` is tested with lt, le, gt or ge"),
                        None,
                    );
                    return None;
                }
                let range = numeric_range(doc);
                let score = &self.scores[s];
                let lo: f64 = score.item_bounds.iter().map(|b| b.0.min(0.0)).sum();
                let hi: f64 = score.item_bounds.iter().map(|b| b.1.max(0.0)).sum();
                if range.is_empty() || range.test_interval(lo, hi) == Tri::False {
                    self.error(
                        Code::NeverHolds,
                        at,
                        format!("score `{id}` lies between {lo} and {hi}, so this test can never hold"),
                    );
                    return None;
                }
                Some(Cond::Score(s, range))
            }
            _ => {
                let id = doc.question.as_deref()?;
                let q = self.lookup_question(id, &at.child("question"))?;
                self.question_test(q, doc, at, &tests, numeric)
            }
        }
    }

    fn question_test(&mut self, q: usize, doc: &ConditionDoc, at: &At, tests: &[&str], numeric: bool) -> Option<Cond> {
        let (qid, kind) = (self.questions[q].id.clone(), self.questions[q].kind);
        let groups = tests
            .iter()
            .filter(|t| !matches!(**t, "lt" | "le" | "gt" | "ge"))
            .count()
            + usize::from(numeric);
        if groups == 0 {
            self.error_help(
                Code::MissingTest,
                at,
                format!("the test on `{qid}` says nothing about the answer"),
                Some(format!("add {}", tests_for(kind))),
            );
            return None;
        }
        if groups > 1 {
            self.error_help(
                Code::MixedTest,
                at,
                format!("one test on `{qid}` uses {}", tests.join(" and ")),
                Some("use one test per condition and combine them with `all` or `any`".into()),
            );
            return None;
        }
        let wrong = |cx: &mut Compiler, test: &str| {
            cx.error_help(
                Code::WrongTest,
                &at.child(test),
                format!("`{test}` does not apply to `{qid}`, a {} question", kind_name(kind)),
                Some(format!("use {}", tests_for(kind))),
            );
            None
        };
        if let Some(answered) = doc.answered {
            let c = Cond::Question(q, Test::Answered);
            return Some(if answered { c } else { Cond::Not(Box::new(c)) });
        }
        let test = match kind {
            QuestionKind::Single => {
                if let Some(v) = &doc.equals {
                    Test::ChoiceIn(1u64 << self.option_value(q, v, &at.child("equals"))?)
                } else if let Some(vs) = &doc.one_of {
                    Test::ChoiceIn(self.option_set(q, vs, &at.child("in"))?)
                } else {
                    return wrong(self, tests[0]);
                }
            }
            QuestionKind::Multiple => {
                if let Some(v) = &doc.contains {
                    Test::MultiAny(1u64 << self.option_value(q, v, &at.child("contains"))?)
                } else if let Some(vs) = &doc.one_of {
                    Test::MultiAny(self.option_set(q, vs, &at.child("in"))?)
                } else {
                    return wrong(self, tests[0]);
                }
            }
            QuestionKind::YesNo => match &doc.equals {
                Some(Json::Bool(b)) => Test::Bool(*b),
                Some(other) => {
                    self.error(
                        Code::WrongType,
                        &at.child("equals"),
                        format!(
                            "`{qid}` is a yes/no question: compare it with true or false, not {}",
                            describe(other)
                        ),
                    );
                    return None;
                }
                None => return wrong(self, tests[0]),
            },
            QuestionKind::Number => {
                let range = if let Some(v) = &doc.equals {
                    let Some(x) = v.as_f64() else {
                        self.error(
                            Code::WrongType,
                            &at.child("equals"),
                            format!(
                                "`{qid}` is a number question: compare it with a number, not {}",
                                describe(v)
                            ),
                        );
                        return None;
                    };
                    NumRange {
                        lo: x,
                        lo_inclusive: true,
                        hi: x,
                        hi_inclusive: true,
                    }
                } else if numeric {
                    numeric_range(doc)
                } else {
                    return wrong(self, tests[0]);
                };
                let question = &self.questions[q];
                if range.intersect(&question.bounds()).is_empty() {
                    let msg = format!("`{qid}` takes {}, so this test can never hold", question.expected());
                    self.error(Code::NeverHolds, at, msg);
                    return None;
                }
                Test::Number(range)
            }
        };
        Some(Cond::Question(q, test))
    }

    /// Resolves an option value given in a condition to the option's index.
    fn option_value(&mut self, q: usize, v: &Json, at: &At) -> Option<usize> {
        let question = &self.questions[q];
        let Json::String(value) = v else {
            let msg = format!("`{}` takes option values (text), not {}", question.id, describe(v));
            self.error(Code::WrongType, at, msg);
            return None;
        };
        if let Some(i) = question.option_index(value) {
            return Some(i);
        }
        let elsewhere = self
            .questions
            .iter()
            .find(|other| other.option_index(value).is_some())
            .map(|other| other.id.clone());
        let question = &self.questions[q];
        let help = match did_you_mean(value, question.options.iter().map(|o| o.value.as_str())) {
            Some(s) => Some(format!("did you mean `{s}`?")),
            None => Some(format!("options of `{}`: {}", question.id, question.option_values())),
        };
        let message = match elsewhere {
            Some(other) => format!("`{value}` is an option of `{other}`, not of `{}`", question.id),
            None => format!(
                "`{}` is not an option of `{}`",
                crate::sanitize::one_line(value),
                question.id
            ),
        };
        self.error_help(Code::UnknownOption, at, message, help);
        None
    }

    fn option_set(&mut self, q: usize, values: &[Json], at: &At) -> Option<u64> {
        if values.is_empty() {
            self.error(Code::NeverHolds, at, "`in: []` lists no values, so it can never hold");
            return None;
        }
        let mut mask = 0u64;
        let mut ok = true;
        for (i, v) in values.iter().enumerate() {
            match self.option_value(q, v, &at.item(i)) {
                Some(bit) => mask |= 1u64 << bit,
                None => ok = false,
            }
        }
        ok.then_some(mask)
    }
}

fn numeric_range(doc: &ConditionDoc) -> NumRange {
    let mut r = NumRange::ALL;
    let bound = |lo: f64, lo_inclusive, hi: f64, hi_inclusive| NumRange {
        lo,
        lo_inclusive,
        hi,
        hi_inclusive,
    };
    if let Some(x) = doc.gt {
        r = r.intersect(&bound(x, false, f64::INFINITY, true));
    }
    if let Some(x) = doc.ge {
        r = r.intersect(&bound(x, true, f64::INFINITY, true));
    }
    if let Some(x) = doc.lt {
        r = r.intersect(&bound(f64::NEG_INFINITY, true, x, false));
    }
    if let Some(x) = doc.le {
        r = r.intersect(&bound(f64::NEG_INFINITY, true, x, true));
    }
    r
}

fn tests_for(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single => "`equals` (one option), `in` (a list of options) or `answered`",
        QuestionKind::Multiple => "`contains` (one option), `in` (any of a list) or `answered`",
        QuestionKind::YesNo => "`equals` with true or false, or `answered`",
        QuestionKind::Number => "`equals`, `lt`, `le`, `gt`, `ge` or `answered`",
    }
}

fn describe(v: &Json) -> String {
    match v {
        Json::Null => "null".into(),
        Json::Bool(b) => format!("{b}"),
        Json::Number(n) => format!("the number {n}"),
        Json::String(s) => format!("the text {:?}", s),
        Json::Array(_) => "a list".into(),
        Json::Object(_) => "an object".into(),
    }
}
