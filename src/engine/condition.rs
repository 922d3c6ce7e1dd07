//! Compiled conditions and their three-valued evaluation.
//!
//! A test on a question is `applies(question) AND test(answer)`: a question whose
//! `ask_if` is false makes its tests false; an unanswered question that applies (or may
//! apply) makes them unknown.

use crate::answers::{Answers, Slot, Value};
use crate::condition::{self, Cond, Op, Program, Test, Tri};
use std::cell::Cell;

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
    ///
    /// Leaves (question tests, facts, scores) are evaluated in place, wherever this is
    /// called: what-if evaluates conditions again for hundreds of changes a row (a full
    /// evaluation runs the flat [`Program`] instead), most of them (and most parts of the
    /// others) are leaves, and a call for each leaf was a third of the work.
    #[inline(always)]
    pub fn eval(&self, env: &Env) -> Tri {
        match self {
            Cond::Always => Tri::True,
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
            Cond::All(_) | Cond::Any(_) | Cond::AtLeast(..) | Cond::Not(_) => self.eval_composite(env),
        }
    }

    /// [`Cond::eval`] of a condition made of parts.
    fn eval_composite(&self, env: &Env) -> Tri {
        match self {
            Cond::All(parts) => condition::all(parts.iter().map(|p| p.eval(env))),
            Cond::Any(parts) => condition::any(parts.iter().map(|p| p.eval(env))),
            Cond::AtLeast(n, parts) => condition::at_least(*n, parts.iter().map(|p| p.eval(env))),
            Cond::Not(inner) => inner.eval(env).not(),
            // Every variant is named, so that a new one cannot fall between the two
            // functions unnoticed; a leaf here is evaluated by `eval`, which never comes
            // back for it.
            Cond::Always | Cond::Question(..) | Cond::Fact(_) | Cond::Score(..) => self.eval(env),
        }
    }
}

/// What a condition in flat form ([`Program`]) reads: the atoms' truths (question tests,
/// filled as each question's applicability is settled), facts and scores.
pub(super) struct FlatEnv<'a> {
    /// Each atom's truth.
    pub atoms: &'a [Cell<Tri>],
    /// Each derived fact.
    pub facts: &'a [Cell<Tri>],
    /// Each score.
    pub scores: &'a [Cell<ScoreState>],
}

impl FlatEnv<'_> {
    /// Evaluates one node as [`Cond::eval`] evaluates the condition it was made from,
    /// leaves in place (most nodes are leaves, most parts too), and a composite's own
    /// parts here too: only a composite inside a composite is a call.
    #[inline(always)]
    pub fn op(&self, program: &Program, op: Op) -> Tri {
        match self.leaf(program, op) {
            Some(t) => t,
            None => self.composite(program, op),
        }
    }

    /// A leaf's truth, or `None` for a composite.
    #[inline(always)]
    fn leaf(&self, program: &Program, op: Op) -> Option<Tri> {
        let atoms = |first: u32, len: u32| {
            program.args[first as usize..(first + len) as usize]
                .iter()
                .map(|&k| self.atoms[k as usize].get())
        };
        Some(match op {
            Op::Atom(k) => self.atoms[k as usize].get(),
            Op::Always => Tri::True,
            Op::Fact(f) => self.facts[f as usize].get(),
            Op::Score { score, range } => {
                let st = self.scores[score as usize].get();
                st.applies
                    .and(program.ranges[range as usize].test_interval(st.min, st.max))
            }
            Op::AllAtoms { first, len } => condition::all(atoms(first, len)),
            Op::AnyAtoms { first, len } => condition::any(atoms(first, len)),
            Op::All { .. } | Op::Any { .. } | Op::AtLeast { .. } | Op::Not(_) => return None,
        })
    }

    /// A part of a composite: a leaf in place, a composite by a call.
    #[inline(always)]
    fn part(&self, program: &Program, op: Op) -> Tri {
        match self.leaf(program, op) {
            Some(t) => t,
            None => self.nested(program, op),
        }
    }

    /// A composite inside a composite.
    #[inline(never)]
    fn nested(&self, program: &Program, op: Op) -> Tri {
        self.composite(program, op)
    }

    /// A composite's truth from its parts.
    #[inline(always)]
    fn composite(&self, program: &Program, op: Op) -> Tri {
        let parts = |first: u32, len: u32| &program.ops[first as usize..(first + len) as usize];
        match op {
            // The two loops are written out (Kleene as in `condition::all` and `any`,
            // stopping once settled): a closure per part was left a call by the compiler
            // (a tenth of evaluation), and one loop for both cost 1 % of a row more.
            Op::All { first, len } => {
                let mut acc = Tri::True;
                for &p in parts(first, len) {
                    acc = acc.and(self.part(program, p));
                    if acc == Tri::False {
                        break;
                    }
                }
                acc
            }
            Op::Any { first, len } => {
                let mut acc = Tri::False;
                for &p in parts(first, len) {
                    acc = acc.or(self.part(program, p));
                    if acc == Tri::True {
                        break;
                    }
                }
                acc
            }
            // Written out for the same reason, as `condition::at_least` counts: true once
            // `n` parts hold, false once too few still can.
            Op::AtLeast { n, first, len } => {
                let (mut yes, mut maybe, mut left) = (0, 0, len);
                for &p in parts(first, len) {
                    left -= 1;
                    match self.part(program, p) {
                        Tri::True => yes += 1,
                        Tri::Unknown => maybe += 1,
                        Tri::False => {}
                    }
                    if yes >= n {
                        return Tri::True;
                    }
                    if yes + maybe + left < n {
                        return Tri::False;
                    }
                }
                Tri::Unknown
            }
            Op::Not(inner) => self.part(program, program.ops[inner as usize]).not(),
            // Callers give leaves to `leaf` first, so these never come here; they are
            // named so that a new kind of node cannot fall between the two unnoticed.
            Op::Always | Op::Atom(_) | Op::Fact(_) | Op::Score { .. } | Op::AllAtoms { .. } | Op::AnyAtoms { .. } => {
                self.leaf(program, op).unwrap_or(Tri::Unknown)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
