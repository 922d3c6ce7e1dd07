//! Compiled conditions and their three-valued evaluation.
//!
//! A test on a question is `applies(question) AND test(answer)`: a question whose
//! `ask_if` is false makes its tests false; an unanswered question that applies (or may
//! apply) makes them unknown.

use super::Tri;
use crate::answers::{Answers, Slot, Value};

/// A condition with every reference resolved to an index.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    /// Holds for everyone.
    Always,
    /// Every part holds.
    All(Box<[Cond]>),
    /// At least one part holds.
    Any(Box<[Cond]>),
    /// At least this many parts hold (Kleene: true once that many are true, false once
    /// too few can still be, unknown in between).
    AtLeast(usize, Box<[Cond]>),
    /// The part does not hold.
    Not(Box<Cond>),
    /// A test on one question's answer.
    Question(usize, Test),
    /// A derived fact holds.
    Fact(usize),
    /// A score lies in a range.
    Score(usize, NumRange),
}

/// A test on an answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Test {
    /// The question applies and has an answer.
    Answered,
    /// Single choice: the chosen option is in the set (bit i = option i).
    ChoiceIn(u64),
    /// Multiple choice: at least one ticked option is in the set.
    MultiAny(u64),
    /// Yes/no equals this.
    Bool(bool),
    /// Number lies in the range.
    Number(NumRange),
}

/// A range of numbers with open or closed ends.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NumRange {
    /// Lower end (`-inf` when unbounded).
    pub lo: f64,
    /// Whether `lo` itself is inside.
    pub lo_inclusive: bool,
    /// Upper end (`+inf` when unbounded).
    pub hi: f64,
    /// Whether `hi` itself is inside.
    pub hi_inclusive: bool,
}

impl NumRange {
    /// Every number.
    pub const ALL: NumRange = NumRange {
        lo: f64::NEG_INFINITY,
        lo_inclusive: true,
        hi: f64::INFINITY,
        hi_inclusive: true,
    };

    /// Whether `x` lies inside.
    #[inline]
    pub fn contains(&self, x: f64) -> bool {
        let above = x > self.lo || (self.lo_inclusive && x == self.lo);
        let below = x < self.hi || (self.hi_inclusive && x == self.hi);
        above && below
    }

    /// Whether no number can lie inside.
    pub fn is_empty(&self) -> bool {
        self.lo > self.hi || (self.lo == self.hi && !(self.lo_inclusive && self.hi_inclusive))
    }

    /// Three-valued test of an unknown number known to lie in `[min, max]`.
    #[inline]
    pub fn test_interval(&self, min: f64, max: f64) -> Tri {
        if self.contains(min) && self.contains(max) {
            Tri::True
        } else if max < self.lo
            || (max == self.lo && !self.lo_inclusive)
            || min > self.hi
            || (min == self.hi && !self.hi_inclusive)
        {
            Tri::False
        } else {
            Tri::Unknown
        }
    }

    /// The part of this range that also lies in `other`.
    pub fn intersect(&self, other: &NumRange) -> NumRange {
        let (lo, lo_inclusive) = if other.lo > self.lo {
            (other.lo, other.lo_inclusive)
        } else if other.lo < self.lo {
            (self.lo, self.lo_inclusive)
        } else {
            (self.lo, self.lo_inclusive && other.lo_inclusive)
        };
        let (hi, hi_inclusive) = if other.hi < self.hi {
            (other.hi, other.hi_inclusive)
        } else if other.hi > self.hi {
            (self.hi, self.hi_inclusive)
        } else {
            (self.hi, self.hi_inclusive && other.hi_inclusive)
        };
        NumRange {
            lo,
            lo_inclusive,
            hi,
            hi_inclusive,
        }
    }
}

/// A score's possible values given the answers so far, and whether it applies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreState {
    /// Whether any of its questions applies.
    pub applies: Tri,
    /// Smallest total still possible.
    pub min: f64,
    /// Largest total still possible.
    pub max: f64,
}

/// What a condition can read during evaluation.
pub struct Env<'a> {
    /// The answers.
    pub answers: &'a Answers,
    /// Whether each question applies.
    pub applies: &'a [Tri],
    /// Each derived fact.
    pub facts: &'a [Tri],
    /// Each score.
    pub scores: &'a [ScoreState],
}

impl Test {
    /// Evaluates the test on a slot of a question that applies.
    #[inline]
    pub fn on_slot(&self, slot: &Slot) -> Tri {
        let value = match slot {
            Slot::Given(v) => v,
            Slot::Missing | Slot::DontKnow => return Tri::Unknown,
        };
        let holds = match (self, value) {
            (Test::Answered, _) => true,
            (Test::ChoiceIn(mask), Value::Choice(i)) => mask & (1u64 << i) != 0,
            (Test::MultiAny(mask), Value::Multi(ticked)) => mask & ticked != 0,
            (Test::Bool(b), Value::Bool(v)) => b == v,
            (Test::Number(r), Value::Number(x)) => r.contains(*x),
            // Validation makes this unreachable; a mismatch is treated as not holding.
            _ => false,
        };
        Tri::from_bool(holds)
    }
}

impl Cond {
    /// Evaluates the condition in three-valued logic.
    pub fn eval(&self, env: &Env) -> Tri {
        match self {
            Cond::Always => Tri::True,
            Cond::All(parts) => {
                let mut acc = Tri::True;
                for p in parts.iter() {
                    acc = acc.and(p.eval(env));
                    if acc == Tri::False {
                        break;
                    }
                }
                acc
            }
            Cond::Any(parts) => {
                let mut acc = Tri::False;
                for p in parts.iter() {
                    acc = acc.or(p.eval(env));
                    if acc == Tri::True {
                        break;
                    }
                }
                acc
            }
            Cond::AtLeast(n, parts) => {
                let (mut yes, mut maybe) = (0, 0);
                for (i, p) in parts.iter().enumerate() {
                    match p.eval(env) {
                        Tri::True => yes += 1,
                        Tri::Unknown => maybe += 1,
                        Tri::False => {}
                    }
                    if yes >= *n {
                        return Tri::True;
                    }
                    // Even if every part still to come held, too few could.
                    if yes + maybe + (parts.len() - i - 1) < *n {
                        return Tri::False;
                    }
                }
                Tri::Unknown
            }
            Cond::Not(inner) => inner.eval(env).not(),
            Cond::Question(q, test) => {
                let applies = env.applies[*q];
                if applies == Tri::False {
                    return Tri::False;
                }
                applies.and(test.on_slot(env.answers.slot(*q)))
            }
            Cond::Fact(f) => env.facts[*f],
            Cond::Score(s, range) => {
                let st = &env.scores[*s];
                st.applies.and(range.test_interval(st.min, st.max))
            }
        }
    }

    /// Calls `f` on every question, fact and score this condition reads, directly.
    pub fn visit_refs(&self, f: &mut impl FnMut(Ref)) {
        match self {
            Cond::Always => {}
            Cond::All(parts) | Cond::Any(parts) | Cond::AtLeast(_, parts) => parts.iter().for_each(|p| p.visit_refs(f)),
            Cond::Not(inner) => inner.visit_refs(f),
            Cond::Question(q, _) => f(Ref::Question(*q)),
            Cond::Fact(x) => f(Ref::Fact(*x)),
            Cond::Score(s, _) => f(Ref::Score(*s)),
        }
    }
}

/// Something a condition reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ref {
    /// A question (its applicability and answer).
    Question(usize),
    /// A derived fact.
    Fact(usize),
    /// A score.
    Score(usize),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(lo: f64, lo_inclusive: bool, hi: f64, hi_inclusive: bool) -> NumRange {
        NumRange {
            lo,
            lo_inclusive,
            hi,
            hi_inclusive,
        }
    }

    #[test]
    fn range_ends_respect_inclusivity() {
        let r = range(18.0, true, 26.0, false);
        assert!(r.contains(18.0));
        assert!(r.contains(25.9));
        assert!(!r.contains(26.0));
        assert!(!r.contains(17.99));
        assert!(range(3.0, true, 3.0, false).is_empty());
        assert!(!range(3.0, true, 3.0, true).is_empty());
    }

    #[test]
    fn interval_test_is_unknown_only_when_both_outcomes_remain() {
        let r = range(13.0, true, 18.0, true);
        assert_eq!(r.test_interval(14.0, 17.0), Tri::True);
        assert_eq!(r.test_interval(0.0, 12.0), Tri::False);
        assert_eq!(r.test_interval(19.0, 32.0), Tri::False);
        assert_eq!(r.test_interval(10.0, 14.0), Tri::Unknown);
        assert_eq!(range(5.0, false, 9.0, true).test_interval(0.0, 5.0), Tri::False);
    }

    #[test]
    fn intersection_keeps_the_tighter_end() {
        let a = range(18.0, true, f64::INFINITY, true);
        let b = range(f64::NEG_INFINITY, true, 26.0, false);
        assert_eq!(a.intersect(&b), range(18.0, true, 26.0, false));
        let c = range(18.0, false, 20.0, true);
        assert_eq!(a.intersect(&c), range(18.0, false, 20.0, true));
    }

    fn env_with<'a>(answers: &'a Answers, applies: &'a [Tri]) -> Env<'a> {
        Env {
            answers,
            applies,
            facts: &[],
            scores: &[],
        }
    }

    #[test]
    fn a_question_that_does_not_apply_makes_tests_false_even_under_not() {
        let answers = Answers::empty(1);
        let test = Cond::Question(0, Test::Bool(true));
        assert_eq!(test.eval(&env_with(&answers, &[Tri::False])), Tri::False);
        assert_eq!(
            Cond::Not(Box::new(test.clone())).eval(&env_with(&answers, &[Tri::False])),
            Tri::True
        );
        assert_eq!(test.eval(&env_with(&answers, &[Tri::True])), Tri::Unknown);
        assert_eq!(test.eval(&env_with(&answers, &[Tri::Unknown])), Tri::Unknown);
    }

    #[test]
    fn an_answer_under_uncertain_applicability_can_only_be_false_or_unknown() {
        let mut answers = Answers::empty(1);
        answers.set(0, Slot::Given(Value::Bool(true)));
        let yes = Cond::Question(0, Test::Bool(true));
        let no = Cond::Question(0, Test::Bool(false));
        let env = env_with(&answers, &[Tri::Unknown]);
        assert_eq!(yes.eval(&env), Tri::Unknown);
        assert_eq!(no.eval(&env), Tri::False);
    }

    #[test]
    fn combinators_short_circuit_without_changing_results() {
        let mut answers = Answers::empty(2);
        answers.set(0, Slot::Given(Value::Choice(2)));
        let applies = [Tri::True, Tri::True];
        let env = env_with(&answers, &applies);
        let is_two = Cond::Question(0, Test::ChoiceIn(1 << 2));
        let unknown = Cond::Question(1, Test::Bool(true));
        let all = Cond::All(vec![unknown.clone(), Cond::Not(Box::new(is_two.clone()))].into());
        assert_eq!(all.eval(&env), Tri::False);
        let any = Cond::Any(vec![unknown.clone(), is_two].into());
        assert_eq!(any.eval(&env), Tri::True);
        let any_unknown = Cond::Any(vec![unknown, Cond::Not(Box::new(Cond::Always))].into());
        assert_eq!(any_unknown.eval(&env), Tri::Unknown);
    }

    /// A condition that evaluates to `t`, whatever the answers.
    fn constant(t: Tri) -> Cond {
        match t {
            Tri::True => Cond::Always,
            Tri::False => Cond::Not(Box::new(Cond::Always)),
            Tri::Unknown => Cond::Question(0, Test::Bool(true)),
        }
    }

    #[test]
    fn at_least_follows_kleene_over_every_combination_of_parts() {
        let answers = Answers::empty(1);
        let env = env_with(&answers, &[Tri::True]);
        let all = [Tri::False, Tri::Unknown, Tri::True];
        for len in 1..=4usize {
            for code in 0..3usize.pow(len as u32) {
                let parts: Vec<Tri> = (0..len).map(|i| all[code / 3usize.pow(i as u32) % 3]).collect();
                let yes = parts.iter().filter(|&&t| t == Tri::True).count();
                let maybe = parts.iter().filter(|&&t| t == Tri::Unknown).count();
                for n in 1..=len {
                    let expected = if yes >= n {
                        Tri::True
                    } else if yes + maybe < n {
                        Tri::False
                    } else {
                        Tri::Unknown
                    };
                    let cond = Cond::AtLeast(n, parts.iter().map(|&t| constant(t)).collect());
                    assert_eq!(cond.eval(&env), expected, "at least {n} of {parts:?}");
                }
            }
        }
    }

    #[test]
    fn at_least_one_is_any_and_at_least_all_is_all() {
        let answers = Answers::empty(1);
        let env = env_with(&answers, &[Tri::True]);
        let all = [Tri::False, Tri::Unknown, Tri::True];
        for a in all {
            for b in all {
                for c in all {
                    let parts: Box<[Cond]> = [a, b, c].map(constant).into();
                    let one = Cond::AtLeast(1, parts.clone()).eval(&env);
                    assert_eq!(one, Cond::Any(parts.clone()).eval(&env));
                    let three = Cond::AtLeast(3, parts.clone()).eval(&env);
                    assert_eq!(three, Cond::All(parts).eval(&env));
                    assert_eq!(one, a.or(b).or(c));
                    assert_eq!(three, a.and(b).and(c));
                }
            }
        }
    }

    #[test]
    fn multiple_choice_tests_any_overlap() {
        let mut answers = Answers::empty(1);
        answers.set(0, Slot::Given(Value::Multi(0b0110)));
        let env = env_with(&answers, &[Tri::True]);
        assert_eq!(Cond::Question(0, Test::MultiAny(0b0100)).eval(&env), Tri::True);
        assert_eq!(Cond::Question(0, Test::MultiAny(0b1001)).eval(&env), Tri::False);
    }
}
