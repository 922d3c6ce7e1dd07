//! How far each answer reaches: for every question, the plan steps whose value can change
//! when its answer changes (directly, or through a skip rule, a score, a fact or a rule
//! that reads one), and the number ends and question pairs "what would change this" tries.
//!
//! Built from the plan the first time what-if needs it (see [`Rulebook::influence`]), not
//! when the rulebook loads: a screening without explanations never pays for it, and a
//! generated rulebook of 100,000 rules still loads in linear time.

use super::{Rulebook, Step};
use crate::condition::{Cond, Ref, Test};

/// A set of small indices (questions, or positions in the plan) as bits.
type Bits = [u64];

fn words(n: usize) -> usize {
    n.div_ceil(64)
}

fn set(bits: &mut Bits, i: usize) {
    bits[i / 64] |= 1u64 << (i % 64);
}

fn union_into(into: &mut Bits, from: &Bits) {
    into.iter_mut().zip(from).for_each(|(a, b)| *a |= b);
}

/// The questions whose answers each plan step reads, and what that implies.
#[derive(Debug, Clone, Default)]
pub struct Influence {
    /// Words per bit set of plan positions.
    plan_words: usize,
    /// Words per bit set of questions.
    question_words: usize,
    /// For each question, the plan positions its answer reaches (`plan_words` words each).
    reaches: Vec<u64>,
    /// For each question, the questions some rule reads together with it, directly, through
    /// a score or through the facts it tests (`question_words` words each).
    co_read: Vec<u64>,
    /// For each question, the ends of every number range a condition compares it with, in
    /// rule order then skip-rule order (duplicates kept).
    thresholds: Vec<Vec<f64>>,
}

impl Influence {
    /// Works out the influence of every answer on `rb`'s plan.
    pub fn of(rb: &Rulebook) -> Influence {
        let nq = rb.questions.len();
        let qw = words(nq);
        // The questions whose answers each node's value depends on, transitively.
        let mut applies = vec![0u64; nq * qw];
        let mut scores = vec![0u64; rb.scores.len() * qw];
        let mut facts = vec![0u64; rb.facts.len() * qw];
        let mut rules = vec![0u64; rb.rules.len() * qw];
        let mut acc = vec![0u64; qw];
        // Answer `q` and everything `applies[q]` depends on.
        fn question_into(acc: &mut Bits, applies: &[u64], qw: usize, q: usize) {
            set(acc, q);
            union_into(acc, &applies[q * qw..(q + 1) * qw]);
        }
        for step in &rb.plan {
            acc.fill(0);
            let from_cond = |c: &Cond, acc: &mut Vec<u64>, applies: &[u64], scores: &[u64], facts: &[u64]| {
                c.visit_refs(&mut |r| match r {
                    Ref::Question(q) => question_into(acc, applies, qw, q),
                    Ref::Score(s) => union_into(acc, &scores[s * qw..(s + 1) * qw]),
                    Ref::Fact(f) => union_into(acc, &facts[f * qw..(f + 1) * qw]),
                })
            };
            let out = match *step {
                Step::Applies(q) => {
                    if let Some(c) = &rb.questions[q].ask_if {
                        from_cond(c, &mut acc, &applies, &scores, &facts);
                    }
                    &mut applies[q * qw..(q + 1) * qw]
                }
                Step::Score(s) => {
                    for &q in &rb.scores[s].items {
                        question_into(&mut acc, &applies, qw, q);
                    }
                    &mut scores[s * qw..(s + 1) * qw]
                }
                Step::Fact(f) => {
                    for &r in &rb.facts[f].derived_by {
                        union_into(&mut acc, &rules[r * qw..(r + 1) * qw]);
                    }
                    &mut facts[f * qw..(f + 1) * qw]
                }
                Step::Rule(r) => {
                    from_cond(&rb.rules[r].when, &mut acc, &applies, &scores, &facts);
                    &mut rules[r * qw..(r + 1) * qw]
                }
            };
            out.copy_from_slice(&acc);
        }
        // Turned round: for each question, the plan positions that depend on it.
        let pw = words(rb.plan.len());
        let mut reaches = vec![0u64; nq * pw];
        for (p, step) in rb.plan.iter().enumerate() {
            let depends = match *step {
                Step::Applies(i) => &applies[i * qw..(i + 1) * qw],
                Step::Score(i) => &scores[i * qw..(i + 1) * qw],
                Step::Fact(i) => &facts[i * qw..(i + 1) * qw],
                Step::Rule(i) => &rules[i * qw..(i + 1) * qw],
            };
            for (w, &word) in depends.iter().enumerate() {
                let mut bits = word;
                while bits != 0 {
                    let q = w * 64 + bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    set(&mut reaches[q * pw..(q + 1) * pw], p);
                }
            }
        }
        Influence {
            plan_words: pw,
            question_words: qw,
            reaches,
            co_read: co_read(rb, qw),
            thresholds: thresholds(rb),
        }
    }

    /// The plan positions whose value may change when question `q`'s answer changes, as
    /// bits (position `p` is bit `p % 64` of word `p / 64`), in plan order.
    pub fn reaches(&self, q: usize) -> &[u64] {
        &self.reaches[q * self.plan_words..(q + 1) * self.plan_words]
    }

    /// Whether some plan step depends on the answers of both `a` and `b`: when not, the
    /// two changes act on separate parts of the evaluation and their effects add up.
    pub fn overlap(&self, a: usize, b: usize) -> bool {
        self.reaches(a).iter().zip(self.reaches(b)).any(|(x, y)| x & y != 0)
    }

    /// Whether some rule reads questions `a` and `b` together (directly, through a score or
    /// through the facts it tests).
    pub fn co_read(&self, a: usize, b: usize) -> bool {
        self.co_read[a * self.question_words + b / 64] & (1u64 << (b % 64)) != 0
    }

    /// The ends of every number range any condition compares question `q` with.
    pub fn thresholds(&self, q: usize) -> &[f64] {
        &self.thresholds[q]
    }
}

/// Pairs of distinct questions that some rule reads together, as a bit matrix.
fn co_read(rb: &Rulebook, qw: usize) -> Vec<u64> {
    let nq = rb.questions.len();
    let mut fact_reads = vec![0u64; rb.facts.len() * qw];
    let mut rule_reads = vec![0u64; rb.rules.len() * qw];
    // In plan order a fact's deriving rules come before anything that reads the fact.
    for step in &rb.plan {
        match *step {
            Step::Rule(r) => {
                let mut reads = vec![0u64; qw];
                rb.rules[r].when.visit_refs(&mut |x| match x {
                    Ref::Question(q) => set(&mut reads, q),
                    Ref::Score(s) => rb.scores[s].items.iter().for_each(|&q| set(&mut reads, q)),
                    Ref::Fact(f) => union_into(&mut reads, &fact_reads[f * qw..(f + 1) * qw]),
                });
                rule_reads[r * qw..(r + 1) * qw].copy_from_slice(&reads);
            }
            Step::Fact(f) => {
                for &r in &rb.facts[f].derived_by {
                    let (facts, rules) = (&mut fact_reads, &rule_reads);
                    union_into(&mut facts[f * qw..(f + 1) * qw], &rules[r * qw..(r + 1) * qw]);
                }
            }
            _ => {}
        }
    }
    let mut pairs = vec![0u64; nq * qw];
    for reads in rule_reads.chunks(qw.max(1)).take(rb.rules.len()) {
        for (w, &word) in reads.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                let a = w * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                union_into(&mut pairs[a * qw..(a + 1) * qw], reads);
            }
        }
    }
    // A question is not a pair with itself.
    for q in 0..nq {
        pairs[q * qw + q / 64] &= !(1u64 << (q % 64));
    }
    pairs
}

/// For each question, the ends of every number range any condition compares it with.
fn thresholds(rb: &Rulebook) -> Vec<Vec<f64>> {
    let mut out = vec![Vec::new(); rb.questions.len()];
    for c in rb
        .rules
        .iter()
        .map(|r| &r.when)
        .chain(rb.questions.iter().filter_map(|q| q.ask_if.as_ref()))
    {
        collect_thresholds(c, &mut out);
    }
    out
}

fn collect_thresholds(c: &Cond, out: &mut Vec<Vec<f64>>) {
    match c {
        Cond::All(parts) | Cond::Any(parts) | Cond::AtLeast(_, parts) => {
            parts.iter().for_each(|p| collect_thresholds(p, out))
        }
        Cond::Not(inner) => collect_thresholds(inner, out),
        Cond::Question(q, Test::Number(r)) => {
            out[*q].extend([r.lo, r.hi].into_iter().filter(|x| x.is_finite()));
        }
        _ => {}
    }
}
