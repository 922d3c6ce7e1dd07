//! The answer space: every answer set one or more rulebooks accept, as literals.
//!
//! Each question gets one literal per possible answer (an option, yes, no, or a stretch
//! of numbers between two thresholds the rules use) and a literal for "answered"; a
//! question left unanswered has none of them. Rulebooks compared by `rules diff` share one
//! space, matched by question id and option value.

use super::sat::Sat;
use crate::answers::{Answers, Slot, Value};
use crate::engine::{Cond, NumRange, Test};
use crate::rulebook::{QuestionKind, Rulebook};
use batsat::Lit;

/// A stretch of numbers no rule tells apart, with one number in it to answer with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    /// A number inside, accepted by every rulebook of the space.
    pub example: f64,
}

/// One question of the space.
#[derive(Debug, Clone)]
pub struct SpaceQuestion {
    /// Its id.
    pub id: String,
    /// Its kind.
    pub kind: QuestionKind,
    /// Option values (single and multiple choice).
    pub options: Vec<String>,
    /// Number stretches (number questions).
    pub segments: Vec<Segment>,
    /// One literal per option, per yes/no (`[yes, no]`) or per stretch.
    pub lits: Vec<Lit>,
    /// Answered.
    pub given: Lit,
}

/// Every question of the rulebooks, with its literals.
#[derive(Debug, Clone)]
pub struct Space {
    /// The questions, the first rulebook's in its order, then any others'.
    pub questions: Vec<SpaceQuestion>,
}

/// Calls `f` on every condition inside `c`, `c` included.
pub fn walk(c: &Cond, f: &mut impl FnMut(&Cond)) {
    f(c);
    match c {
        Cond::All(parts) | Cond::Any(parts) | Cond::AtLeast(_, parts) => parts.iter().for_each(|p| walk(p, f)),
        Cond::Not(inner) => walk(inner, f),
        _ => {}
    }
}

/// Every condition a rulebook evaluates or an invariant reads.
pub fn conditions(rb: &Rulebook) -> impl Iterator<Item = &Cond> {
    rb.rules
        .iter()
        .map(|r| &r.when)
        .chain(rb.questions.iter().filter_map(|q| q.ask_if.as_ref()))
        .chain(rb.invariants.iter().filter_map(|i| i.when.as_ref()))
}

impl Space {
    /// The space of answer sets every rulebook in `books` accepts.
    pub fn new(sat: &mut Sat, books: &[&Rulebook]) -> Space {
        let mut ids: Vec<(String, QuestionKind)> = Vec::new();
        for rb in books {
            for q in &rb.questions {
                if !ids.iter().any(|(id, _)| *id == q.id) {
                    ids.push((q.id.clone(), q.kind));
                }
            }
        }
        let mut questions = Vec::with_capacity(ids.len());
        for (id, kind) in ids {
            let versions: Vec<(&Rulebook, usize)> = books
                .iter()
                .filter_map(|rb| rb.question_index(&id).map(|q| (*rb, q)))
                .collect();
            // A question whose kind changed between rulebooks has no answer both accept.
            let same_kind = versions.iter().all(|(rb, q)| rb.questions[*q].kind == kind);
            let mut sq = SpaceQuestion {
                id,
                kind,
                options: Vec::new(),
                segments: Vec::new(),
                lits: Vec::new(),
                given: sat.falsity(),
            };
            if !same_kind {
                questions.push(sq);
                continue;
            }
            match kind {
                QuestionKind::Single | QuestionKind::Multiple => {
                    let (first, fq) = versions[0];
                    sq.options = first.questions[fq]
                        .options
                        .iter()
                        .map(|o| o.value.clone())
                        .filter(|v| {
                            versions
                                .iter()
                                .all(|(rb, q)| rb.questions[*q].option_index(v).is_some())
                        })
                        .collect();
                }
                QuestionKind::YesNo => {}
                QuestionKind::Number => sq.segments = segments(&versions),
            }
            let n = match kind {
                QuestionKind::Single | QuestionKind::Multiple => sq.options.len(),
                QuestionKind::YesNo => 2,
                QuestionKind::Number => sq.segments.len(),
            };
            sq.lits = (0..n).map(|_| sat.fresh()).collect();
            if kind == QuestionKind::Multiple {
                let given = sat.fresh();
                let mut some = vec![!given];
                for &l in &sq.lits {
                    sat.implies(l, given);
                    some.push(l);
                }
                // An answer ticks at least one option.
                sat.clause(&some);
                let (first, fq) = versions[0];
                let question = &first.questions[fq];
                for (i, value) in sq.options.iter().enumerate() {
                    let exclusive = versions.iter().any(|(rb, q)| {
                        rb.questions[*q]
                            .options
                            .iter()
                            .any(|o| o.value == *value && o.exclusive)
                    }) || question
                        .option_index(value)
                        .is_some_and(|o| question.options[o].exclusive);
                    if exclusive {
                        for (j, &other) in sq.lits.iter().enumerate() {
                            if j != i {
                                sat.clause(&[!sq.lits[i], !other]);
                            }
                        }
                    }
                }
                sq.given = given;
            } else {
                sat.at_most_one(&sq.lits);
                sq.given = sat.or(&sq.lits);
            }
            questions.push(sq);
        }
        Space { questions }
    }

    /// The same space with fresh literals for question `q`, constrained (while `active`
    /// holds) to be its answer with exactly one more option ticked; every other question
    /// shares its literals. The constraints bind only under `active`, so other queries on
    /// the same solver keep the whole space.
    pub fn one_more_tick(&self, sat: &mut Sat, q: usize, exclusive: &[bool], active: Lit) -> Space {
        let mut twin = self.clone();
        let before = &self.questions[q];
        let after: Vec<Lit> = before.lits.iter().map(|_| sat.fresh()).collect();
        let mut added = Vec::with_capacity(after.len());
        for (&b, &a) in before.lits.iter().zip(&after) {
            sat.clause(&[!active, !b, a]);
            added.push(sat.and(&[a, !b]));
        }
        let mut some = vec![!active];
        some.extend(&added);
        sat.clause(&some);
        for i in 0..added.len() {
            for j in i + 1..added.len() {
                sat.clause(&[!active, !added[i], !added[j]]);
            }
        }
        for (i, &ex) in exclusive.iter().enumerate() {
            if ex {
                for (j, &other) in after.iter().enumerate() {
                    if j != i {
                        sat.clause(&[!active, !after[i], !other]);
                    }
                }
            }
        }
        twin.questions[q].lits = after;
        twin.questions[q].given = sat.truth();
        twin
    }

    /// The literals counted when minimising: one per question answered.
    pub fn answered(&self) -> Vec<Lit> {
        self.questions.iter().map(|q| q.given).collect()
    }

    /// The literals of ticked options (multiple choice), counted second when minimising.
    pub fn ticks(&self) -> Vec<Lit> {
        self.questions
            .iter()
            .filter(|q| q.kind == QuestionKind::Multiple)
            .flat_map(|q| q.lits.iter().copied())
            .collect()
    }

    /// The answers of the last satisfying assignment, for rulebook `rb`.
    pub fn decode(&self, sat: &Sat, rb: &Rulebook) -> Answers {
        let mut answers = Answers::none_for(rb);
        for sq in &self.questions {
            let Some(q) = rb.question_index(&sq.id) else { continue };
            if !sat.value(sq.given) {
                continue;
            }
            let chosen = sq.lits.iter().position(|&l| sat.value(l));
            let question = &rb.questions[q];
            let value = match sq.kind {
                QuestionKind::Single => chosen
                    .and_then(|i| question.option_index(&sq.options[i]))
                    .map(|o| Value::Choice(o as u16)),
                QuestionKind::Multiple => {
                    let mut mask = 0u64;
                    for (i, &l) in sq.lits.iter().enumerate() {
                        if sat.value(l)
                            && let Some(o) = question.option_index(&sq.options[i])
                        {
                            mask |= 1 << o;
                        }
                    }
                    Some(Value::Multi(mask))
                }
                QuestionKind::YesNo => chosen.map(|i| Value::Bool(i == 0)),
                QuestionKind::Number => chosen.map(|i| Value::Number(sq.segments[i].example)),
            };
            if let Some(v) = value {
                answers.set(q, Slot::Given(v));
            }
        }
        answers
    }
}

/// The stretches of a number question: split at every threshold any rulebook tests,
/// within the bounds all of them accept, each holding a number they all accept.
fn segments(versions: &[(&Rulebook, usize)]) -> Vec<Segment> {
    let mut bounds = NumRange::ALL;
    let mut integer = false;
    let mut points: Vec<f64> = Vec::new();
    for &(rb, q) in versions {
        let question = &rb.questions[q];
        bounds = bounds.intersect(&question.bounds());
        integer |= question.integer;
        for c in conditions(rb) {
            walk(c, &mut |c| {
                if let Cond::Question(x, Test::Number(r)) = c
                    && *x == q
                {
                    points.extend([r.lo, r.hi].into_iter().filter(|p| p.is_finite()));
                }
            });
        }
    }
    points.extend([bounds.lo, bounds.hi].into_iter().filter(|p| p.is_finite()));
    points.sort_by(f64::total_cmp);
    points.dedup();
    let mut pieces: Vec<NumRange> = Vec::new();
    let mut lo = f64::NEG_INFINITY;
    for &p in &points {
        pieces.push(NumRange {
            lo,
            lo_inclusive: false,
            hi: p,
            hi_inclusive: false,
        });
        pieces.push(NumRange {
            lo: p,
            lo_inclusive: true,
            hi: p,
            hi_inclusive: true,
        });
        lo = p;
    }
    pieces.push(NumRange {
        lo,
        lo_inclusive: false,
        hi: f64::INFINITY,
        hi_inclusive: false,
    });
    pieces
        .into_iter()
        .filter_map(|piece| example(&piece.intersect(&bounds), integer))
        .map(|example| Segment { example })
        .collect()
}

/// A number inside `r` (a whole one if `integer`), if there is one.
fn example(r: &NumRange, integer: bool) -> Option<f64> {
    if r.is_empty() {
        return None;
    }
    let x = if integer {
        let mut x = if r.lo.is_finite() {
            r.lo.ceil()
        } else {
            r.hi.floor().min(0.0)
        };
        if !r.contains(x) {
            x += 1.0;
        }
        if !r.lo.is_finite() && !r.contains(x) {
            x = r.hi.ceil() - 1.0;
        }
        x
    } else {
        match (r.lo.is_finite(), r.hi.is_finite()) {
            (true, true) if r.lo == r.hi => r.lo,
            (true, true) => r.lo + (r.hi - r.lo) / 2.0,
            (true, false) => r.lo + 1.0,
            (false, true) => r.hi - 1.0,
            (false, false) => 0.0,
        }
    };
    r.contains(x).then_some(x)
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
    fn examples_lie_inside_and_respect_wholeness() {
        assert_eq!(example(&range(17.0, false, 18.0, false), true), None);
        assert_eq!(example(&range(17.0, false, 19.0, false), true), Some(18.0));
        assert_eq!(example(&range(17.0, false, 18.0, false), false), Some(17.5));
        assert_eq!(example(&range(f64::NEG_INFINITY, false, 0.0, false), true), Some(-1.0));
        assert_eq!(example(&range(f64::NEG_INFINITY, false, 3.0, false), true), Some(0.0));
        assert_eq!(example(&range(120.0, false, f64::INFINITY, false), false), Some(121.0));
        assert_eq!(example(&range(5.0, true, 5.0, true), true), Some(5.0));
    }
}
