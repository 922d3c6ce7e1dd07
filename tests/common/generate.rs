//! Random rulebook parts for the generated-rulebook tests (tests/generated_rulebooks.rs,
//! tests/prove_enumeration.rs): a seeded generator, and conditions over generated
//! questions. Each test builds its own rulebooks from these, in the shape it needs. And
//! random answer sets for a given rulebook (tests/what_if_*.rs).

use serde_json::{Value, json};
use smp_screen::answers::{Answers, Slot, Value as Answer};
use smp_screen::rulebook::{QuestionKind, Rulebook};

/// splitmix64: the whole rulebook follows from one seed, so proptest reports a seed that
/// reproduces it.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A generated question, as conditions need to know it.
#[derive(Clone)]
pub struct Q {
    /// `q0`, `q1`, …
    pub id: String,
    /// `single`, `multiple`, `yes_no` or `number`.
    pub kind: &'static str,
    /// How many options (`o0`, `o1`, …) a choice question has.
    pub options: usize,
}

/// How conditions are drawn.
#[derive(Clone, Copy)]
pub struct Shape {
    /// Numbers are asked within `0..=number_max`; thresholds fall in that range.
    pub number_max: usize,
    /// How often, in percent, a condition above the deepest level is a leaf.
    pub leaf_percent: u64,
    /// Score thresholds are drawn in `1..=score_ge_max`.
    pub score_ge_max: usize,
}

/// One test on question `q`.
pub fn question_test(rng: &mut Rng, q: &Q, shape: Shape) -> Value {
    let option = |rng: &mut Rng| format!("o{}", rng.below(q.options));
    let id = &q.id;
    let n = shape.number_max;
    match (q.kind, rng.below(4)) {
        (_, 0) => json!({"question": id, "answered": true}),
        ("single" | "multiple", 1) => json!({"question": id, "in": [option(rng), option(rng)]}),
        ("single", _) => json!({"question": id, "equals": option(rng)}),
        ("multiple", _) => json!({"question": id, "contains": option(rng)}),
        ("yes_no", _) => json!({"question": id, "equals": rng.chance(50)}),
        (_, 1) => json!({"question": id, "lt": 1 + rng.below(n)}),
        (_, 2) => {
            let lo = rng.below(n);
            json!({"question": id, "ge": lo, "le": lo + rng.below(n + 1 - lo)})
        }
        _ => json!({"question": id, "gt": rng.below(n)}),
    }
}

/// A condition at most `depth` levels deep over `qs`, facts `f0..facts` and (when
/// `scores`) the score `s0`.
pub fn condition(rng: &mut Rng, qs: &[Q], facts: usize, scores: bool, depth: usize, shape: Shape) -> Value {
    if depth == 0 || rng.chance(shape.leaf_percent) {
        return match rng.below(10) {
            0 => json!({"always": true}),
            1 if facts > 0 => json!({"fact": format!("f{}", rng.below(facts))}),
            2 if scores => json!({"score": "s0", "ge": 1 + rng.below(shape.score_ge_max)}),
            _ => {
                let q = &qs[rng.below(qs.len())];
                question_test(rng, q, shape)
            }
        };
    }
    let part = |rng: &mut Rng| condition(rng, qs, facts, scores, depth - 1, shape);
    match rng.below(4) {
        0 => json!({"not": part(rng)}),
        k => {
            let parts: Vec<Value> = (0..1 + rng.below(3)).map(|_| part(rng)).collect();
            match k {
                1 => json!({"all": parts}),
                2 => json!({"any": parts}),
                _ => json!({"at_least": 1 + rng.below(parts.len()), "of": parts}),
            }
        }
    }
}

/// Gaps for [`answers`] from random draws in `0..100`: below `missing` an answer is
/// missing, in the next 8 it is "don't know", above it is given.
pub fn gaps(draws: &[u8], missing: u8) -> Vec<u8> {
    draws
        .iter()
        .map(|&g| {
            if g < missing {
                0
            } else if g < missing + 8 {
                1
            } else {
                2
            }
        })
        .collect()
}

/// One valid answer per question of `rb` from `seeds`; then, by `gaps`, some missing (0),
/// some "don't know" (1), the rest given. Questions past the end of `gaps` take `beyond`.
pub fn answers(rb: &Rulebook, seeds: &[u64], gaps: &[u8], beyond: u8) -> Answers {
    let mut a = Answers::none_for(rb);
    for (q, (question, &seed)) in rb.questions.iter().zip(seeds).enumerate() {
        let n = question.options.len() as u64;
        let value = match question.kind {
            QuestionKind::Single => Answer::Choice((seed % n) as u16),
            QuestionKind::Multiple => {
                let exclusive = question.exclusive_mask();
                let others = !exclusive & ((1u64 << n) - 1);
                let mask = (seed >> 3) & (seed >> 11) & others;
                Answer::Multi(if exclusive != 0 && (seed % 3 == 0 || mask == 0) {
                    exclusive
                } else if mask == 0 {
                    1u64 << others.trailing_zeros()
                } else {
                    mask
                })
            }
            QuestionKind::YesNo => Answer::Bool(seed & 1 == 1),
            QuestionKind::Number => {
                let (lo, hi) = (question.min.unwrap_or(0.0), question.max.unwrap_or(120.0));
                Answer::Number(lo + (seed % ((hi - lo) as u64 + 1)) as f64)
            }
        };
        let slot = match gaps.get(q).copied().unwrap_or(beyond) {
            0 => Slot::Missing,
            1 => Slot::DontKnow,
            _ => Slot::Given(value),
        };
        a.set(q, slot);
    }
    a
}
