//! The compiled rulebook in the solver's terms, evaluated as the engine evaluates it.
//!
//! Every three-valued truth is a pair of literals (dual rail): `t` holds exactly when the
//! engine's value is true, `f` exactly when it is false, neither when it is unknown. Kleene
//! conjunction is then `t = AND t_i, f = OR f_i`, negation swaps the rails, and every gate
//! is an equivalence, so both rails can be used either way round.

use super::sat::Sat;
use super::space::Space;
use crate::engine::{Cond, Ink, Test};
use crate::rulebook::{InkKind, QuestionKind, Rulebook, Step, Verdict};
use batsat::Lit;

/// A three-valued truth as two literals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rail {
    /// The value is true.
    pub t: Lit,
    /// The value is false.
    pub f: Lit,
}

impl Rail {
    /// Kleene negation.
    pub fn negate(self) -> Rail {
        Rail { t: self.f, f: self.t }
    }
}

/// One rulebook's evaluation over a space.
pub struct Encoded {
    /// Whether each question applies.
    pub applies: Vec<Rail>,
    /// Each derived fact.
    pub facts: Vec<Rail>,
    /// Each rule.
    pub rules: Vec<Rail>,
    /// For each question of the rulebook, its index in the space.
    pub space_index: Vec<usize>,
    /// The result from fired rules.
    pub result: ResolvedLits,
    /// The result counting every undecided rule as firing.
    pub worst: ResolvedLits,
}

/// A resolved verdict and ink as literals.
pub struct ResolvedLits {
    /// `at_least[v]`: the verdict is `Verdict::ALL[v]` or more severe.
    pub at_least: [Lit; 4],
    /// The ink is `temporary`, `permanent`, `either`, `none` (in that order).
    pub ink: [Lit; 4],
    /// Whether each rule counts (fired, or with the worst case, possible).
    pub counts: Vec<Lit>,
}

impl ResolvedLits {
    /// The verdict is exactly `v`.
    pub fn verdict_is(&self, sat: &mut Sat, v: Verdict) -> Lit {
        let i = v as usize;
        let above = if i + 1 < 4 { !self.at_least[i + 1] } else { sat.truth() };
        sat.and(&[self.at_least[i], above])
    }

    /// The ink is `ink`.
    pub fn ink_is(&self, ink: Ink) -> Lit {
        self.ink[ink_slot(ink)]
    }
}

/// Position of an ink in [`ResolvedLits::ink`].
pub fn ink_slot(ink: Ink) -> usize {
    match ink {
        Ink::Temporary => 0,
        Ink::Permanent => 1,
        Ink::Either => 2,
        Ink::None => 3,
    }
}

/// The inks in [`ResolvedLits::ink`] order.
pub const INKS: [Ink; 4] = [Ink::Temporary, Ink::Permanent, Ink::Either, Ink::None];

struct Encoder<'a> {
    rb: &'a Rulebook,
    space: &'a Space,
    space_index: Vec<usize>,
    applies: Vec<Rail>,
    facts: Vec<Rail>,
    rules: Vec<Rail>,
    /// Each score's smallest and largest total, as (value, literal) pairs, one true.
    scores: Vec<ScoreLits>,
}

#[derive(Clone, Default)]
struct ScoreLits {
    applies: Option<Rail>,
    min: Vec<(f64, Lit)>,
    max: Vec<(f64, Lit)>,
}

fn unknown_rail(sat: &Sat) -> Rail {
    Rail {
        t: sat.falsity(),
        f: sat.falsity(),
    }
}

/// Encodes `rb` over `space` (which must hold every question of `rb`).
pub fn encode(sat: &mut Sat, rb: &Rulebook, space: &Space) -> Encoded {
    let space_index = rb
        .questions
        .iter()
        .map(|q| {
            space
                .questions
                .iter()
                .position(|s| s.id == q.id)
                .expect("the space holds every question of the rulebook")
        })
        .collect();
    let u = unknown_rail(sat);
    let mut e = Encoder {
        rb,
        space,
        space_index,
        applies: vec![u; rb.questions.len()],
        facts: vec![u; rb.facts.len()],
        rules: vec![u; rb.rules.len()],
        scores: vec![ScoreLits::default(); rb.scores.len()],
    };
    for step in &rb.plan {
        match *step {
            Step::Applies(q) => {
                e.applies[q] = match &rb.questions[q].ask_if {
                    Some(c) => e.cond(sat, c),
                    None => Rail {
                        t: sat.truth(),
                        f: sat.falsity(),
                    },
                };
            }
            Step::Rule(r) => e.rules[r] = e.cond(sat, &rb.rules[r].when),
            Step::Fact(f) => {
                let (t, fs): (Vec<Lit>, Vec<Lit>) = rb.facts[f]
                    .derived_by
                    .iter()
                    .map(|&r| (e.rules[r].t, e.rules[r].f))
                    .unzip();
                e.facts[f] = Rail {
                    t: sat.or(&t),
                    f: sat.and(&fs),
                };
            }
            Step::Score(s) => e.scores[s] = e.score(sat, s),
        }
    }
    let fired: Vec<Lit> = e.rules.iter().map(|r| r.t).collect();
    let possible: Vec<Lit> = e.rules.iter().map(|r| !r.f).collect();
    let result = outcome(sat, rb, fired);
    let worst = outcome(sat, rb, possible);
    Encoded {
        applies: e.applies,
        facts: e.facts,
        rules: e.rules,
        space_index: e.space_index,
        result,
        worst,
    }
}

impl Encoder<'_> {
    /// Encodes a condition of this rulebook (also an invariant's `if`).
    fn cond(&self, sat: &mut Sat, c: &Cond) -> Rail {
        match c {
            Cond::Always => Rail {
                t: sat.truth(),
                f: sat.falsity(),
            },
            Cond::All(parts) => {
                let rails: Vec<Rail> = parts.iter().map(|p| self.cond(sat, p)).collect();
                let t: Vec<Lit> = rails.iter().map(|r| r.t).collect();
                let f: Vec<Lit> = rails.iter().map(|r| r.f).collect();
                Rail {
                    t: sat.and(&t),
                    f: sat.or(&f),
                }
            }
            Cond::Any(parts) => {
                let rails: Vec<Rail> = parts.iter().map(|p| self.cond(sat, p)).collect();
                let t: Vec<Lit> = rails.iter().map(|r| r.t).collect();
                let f: Vec<Lit> = rails.iter().map(|r| r.f).collect();
                Rail {
                    t: sat.or(&t),
                    f: sat.and(&f),
                }
            }
            Cond::AtLeast(n, parts) => {
                // True when n parts are true; false when more than len - n are false.
                let rails: Vec<Rail> = parts.iter().map(|p| self.cond(sat, p)).collect();
                let t: Vec<Lit> = rails.iter().map(|r| r.t).collect();
                let f: Vec<Lit> = rails.iter().map(|r| r.f).collect();
                let falses_needed = (parts.len() + 1).saturating_sub(*n);
                Rail {
                    t: sat.at_least(*n, &t),
                    f: sat.at_least(falses_needed, &f),
                }
            }
            Cond::Not(inner) => self.cond(sat, inner).negate(),
            Cond::Question(q, test) => {
                let applies = self.applies[*q];
                let sq = &self.space.questions[self.space_index[*q]];
                let question = &self.rb.questions[*q];
                // The test on a given answer; a missing one leaves it unknown.
                let holds = match test {
                    Test::Answered => sat.truth(),
                    Test::ChoiceIn(mask) | Test::MultiAny(mask) => {
                        let lits: Vec<Lit> = sq
                            .options
                            .iter()
                            .zip(&sq.lits)
                            .filter(|(v, _)| question.option_index(v).is_some_and(|o| mask & (1u64 << o) != 0))
                            .map(|(_, &l)| l)
                            .collect();
                        sat.or(&lits)
                    }
                    Test::Bool(b) => {
                        if sq.lits.len() == 2 {
                            sq.lits[if *b { 0 } else { 1 }]
                        } else {
                            sat.falsity()
                        }
                    }
                    Test::Number(r) => {
                        let lits: Vec<Lit> = sq
                            .segments
                            .iter()
                            .zip(&sq.lits)
                            .filter(|(s, _)| r.contains(s.example))
                            .map(|(_, &l)| l)
                            .collect();
                        sat.or(&lits)
                    }
                };
                let refuted = sat.and(&[sq.given, !holds]);
                Rail {
                    t: sat.and(&[applies.t, sq.given, holds]),
                    f: sat.or(&[applies.f, refuted]),
                }
            }
            Cond::Fact(f) => self.facts[*f],
            Cond::Score(s, range) => {
                let st = &self.scores[*s];
                let applies = st.applies.unwrap_or_else(|| unknown_rail(sat));
                let pick = |sat: &mut Sat, side: &[(f64, Lit)], keep: &dyn Fn(f64) -> bool| {
                    let lits: Vec<Lit> = side.iter().filter(|(v, _)| keep(*v)).map(|&(_, l)| l).collect();
                    sat.or(&lits)
                };
                let inside = |v: f64| range.contains(v);
                let below = |v: f64| v < range.lo || (v == range.lo && !range.lo_inclusive);
                let above = |v: f64| v > range.hi || (v == range.hi && !range.hi_inclusive);
                let min_in = pick(sat, &st.min, &inside);
                let max_in = pick(sat, &st.max, &inside);
                let max_below = pick(sat, &st.max, &below);
                let min_above = pick(sat, &st.min, &above);
                let tt = sat.and(&[applies.t, min_in, max_in]);
                let ff = sat.or(&[applies.f, max_below, min_above]);
                Rail { t: tt, f: ff }
            }
        }
    }

    /// A score's possible totals, as `engine::evaluate` computes them: answered items add
    /// their points, unanswered ones their lowest (highest) option, items that may not
    /// apply also 0, items that do not apply nothing.
    fn score(&self, sat: &mut Sat, s: usize) -> ScoreLits {
        let score = &self.rb.scores[s];
        let mut applies_t = Vec::new();
        let mut applies_f = Vec::new();
        let mut min = vec![(0.0, sat.truth())];
        let mut max = vec![(0.0, sat.truth())];
        for (&q, &(lo, hi)) in score.items.iter().zip(&score.item_bounds) {
            let a = self.applies[q];
            applies_t.push(a.t);
            applies_f.push(a.f);
            let sq = &self.space.questions[self.space_index[q]];
            let question = &self.rb.questions[q];
            let maybe = sat.and(&[!a.t, !a.f]);
            // (points to min, points to max, when) for every case.
            let mut cases: Vec<(f64, f64, Lit)> = vec![(0.0, 0.0, a.f)];
            let not_given = !sq.given;
            if question.kind == QuestionKind::Single {
                for (value, &l) in sq.options.iter().zip(&sq.lits) {
                    let p = question
                        .option_index(value)
                        .and_then(|o| question.options[o].score)
                        .unwrap_or(0.0);
                    let sure = sat.and(&[a.t, l]);
                    let unsure = sat.and(&[maybe, l]);
                    cases.push((p, p, sure));
                    cases.push((p.min(0.0), p.max(0.0), unsure));
                }
            } else {
                // Only single-choice answers carry points; any other answer counts as open.
                let sure = sat.and(&[a.t, sq.given]);
                let unsure = sat.and(&[maybe, sq.given]);
                cases.push((lo, hi, sure));
                cases.push((lo.min(0.0), hi.max(0.0), unsure));
            }
            let sure = sat.and(&[a.t, not_given]);
            let unsure = sat.and(&[maybe, not_given]);
            cases.push((lo, hi, sure));
            cases.push((lo.min(0.0), hi.max(0.0), unsure));
            min = add(sat, &min, cases.iter().map(|&(m, _, l)| (m, l)));
            max = add(sat, &max, cases.iter().map(|&(_, m, l)| (m, l)));
        }
        let applies = Rail {
            t: sat.or(&applies_t),
            f: sat.and(&applies_f),
        };
        ScoreLits {
            applies: Some(applies),
            min,
            max,
        }
    }
}

fn same(a: f64, b: f64) -> bool {
    a == b
}

/// The distribution of `total + item`, both given as exclusive (value, literal) cases.
fn add(sat: &mut Sat, total: &[(f64, Lit)], item: impl Iterator<Item = (f64, Lit)>) -> Vec<(f64, Lit)> {
    // Cases of the item grouped by the points they add.
    let mut grouped: Vec<(f64, Vec<Lit>)> = Vec::new();
    for (v, l) in item {
        if sat.constant(l) == Some(false) {
            continue;
        }
        match grouped.iter_mut().find(|(x, _)| same(*x, v)) {
            Some((_, ls)) => ls.push(l),
            None => grouped.push((v, vec![l])),
        }
    }
    let item: Vec<(f64, Lit)> = grouped.into_iter().map(|(v, ls)| (v, sat.or(&ls))).collect();
    let mut sums: Vec<(f64, Vec<Lit>)> = Vec::new();
    for &(tv, tl) in total {
        for &(iv, il) in &item {
            let both = sat.and(&[tl, il]);
            if sat.constant(both) == Some(false) {
                continue;
            }
            let v = tv + iv;
            match sums.iter_mut().find(|(x, _)| same(*x, v)) {
                Some((_, ls)) => ls.push(both),
                None => sums.push((v, vec![both])),
            }
        }
    }
    sums.into_iter().map(|(v, ls)| (v, sat.or(&ls))).collect()
}

/// Verdict and ink from the rules that count, as `engine::resolve` decides them.
fn outcome(sat: &mut Sat, rb: &Rulebook, counts: Vec<Lit>) -> ResolvedLits {
    let mut by_verdict: [Vec<Lit>; 4] = Default::default();
    let (mut no_t, mut no_p, mut want_t, mut want_p) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for &r in &rb.deciding_rules {
        let rule = &rb.rules[r];
        let c = counts[r];
        if let Some(v) = rule.verdict {
            by_verdict[v as usize].push(c);
        }
        if rule.forbids(InkKind::Temporary) {
            no_t.push(c);
        }
        if rule.forbids(InkKind::Permanent) {
            no_p.push(c);
        }
        match rule.prefer {
            Some(InkKind::Temporary) => want_t.push(c),
            Some(InkKind::Permanent) => want_p.push(c),
            None => {}
        }
    }
    let nt = sat.or(&no_t);
    let np = sat.or(&no_p);
    let wt = sat.or(&want_t);
    let wp = sat.or(&want_p);
    let conflict = sat.and(&[nt, np]);
    let mut at_least = [sat.truth(); 4];
    for v in 1..4 {
        let mut lits: Vec<Lit> = by_verdict[v..].iter().flatten().copied().collect();
        if v <= Verdict::Refer as usize {
            lits.push(conflict);
        }
        at_least[v] = sat.or(&lits);
    }
    let unsuitable = at_least[Verdict::Unsuitable as usize];
    let prefer_t = sat.and(&[!nt, wt]);
    let temp_reason = sat.or(&[np, prefer_t]);
    let temporary = sat.and(&[!unsuitable, temp_reason]);
    let only_p = sat.and(&[nt, !np]);
    let prefer_p = sat.and(&[!nt, !np, !wt, wp]);
    let perm_reason = sat.or(&[only_p, prefer_p]);
    let permanent = sat.and(&[!unsuitable, perm_reason]);
    let either = sat.and(&[!unsuitable, !nt, !np, !wt, !wp]);
    ResolvedLits {
        at_least,
        ink: [temporary, permanent, either, unsuitable],
        counts,
    }
}

/// Encodes an extra condition (an invariant's `if`) against an encoding already made.
pub fn condition(sat: &mut Sat, rb: &Rulebook, space: &Space, enc: &Encoded, c: &Cond) -> Rail {
    let e = Encoder {
        rb,
        space,
        space_index: enc.space_index.clone(),
        applies: enc.applies.clone(),
        facts: enc.facts.clone(),
        rules: enc.rules.clone(),
        scores: Vec::new(),
    };
    // Invariants may test scores too; re-encode them on demand.
    let mut e = e;
    if has_score(c) {
        e.scores = (0..rb.scores.len()).map(|s| e.score(sat, s)).collect();
    }
    e.cond(sat, c)
}

fn has_score(c: &Cond) -> bool {
    let mut found = false;
    super::space::walk(c, &mut |c| found |= matches!(c, Cond::Score(..)));
    found
}
