//! What `--explain` costs a row (measured, never asserted in tests): "what would change
//! this" alone, and the whole result with explanations as `assess --explain` and
//! `batch --explain` build it, in both voices, over two sets of answers:
//! - the golden cases' answers (complete, realistic rows);
//! - random answer sets of the default rulebook, a tenth of the answers missing or
//!   "don't know" (partial rows, whose undecided rules cost explanations most).
//!
//! Target (issue 18.5): ≤ 30 µs a row for what-if on the default rulebook, at least 10×
//! faster than the full re-evaluation of every candidate it replaced. The whole batch
//! over 10,000 rows is timed by `benches/explain-batch.sh`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use smp_screen::answers::{Answers, Slot, Value};
use smp_screen::audience::Audience;
use smp_screen::batch::{self, Contents, Options};
use smp_screen::engine::evaluate;
use smp_screen::explain::what_if;
use smp_screen::report::{Detail, screen_with};
use smp_screen::rulebook::{QuestionKind, Rulebook};
use std::hint::black_box;
use std::time::Duration;

/// The golden cases' answers as JSON Lines rows.
fn golden_rows() -> Vec<String> {
    smp_screen::tooling::cases::embedded()
        .into_iter()
        .map(|f| serde_json::Value::Object(f.case.unwrap().answers).to_string())
        .collect()
}

/// `n` answer sets drawn with a fixed seed: every question answered with a value it can
/// take, then one answer in ten dropped and one in twenty "don't know".
fn random_answers(rb: &Rulebook, n: usize) -> Vec<Answers> {
    let mut seed = 0x5eed_u64;
    let mut next = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        seed >> 17
    };
    (0..n)
        .map(|_| {
            let mut a = Answers::none_for(rb);
            for (q, question) in rb.questions.iter().enumerate() {
                let n = question.options.len() as u64;
                let r = next();
                let value = match question.kind {
                    QuestionKind::Single => Value::Choice((r % n) as u16),
                    QuestionKind::Multiple => {
                        let exclusive = question.exclusive_mask();
                        let others = !exclusive & ((1u64 << n) - 1);
                        let mask = (r >> 3) & (r >> 11) & others;
                        Value::Multi(if exclusive != 0 && (r % 3 == 0 || mask == 0) {
                            exclusive
                        } else if mask == 0 {
                            1u64 << others.trailing_zeros()
                        } else {
                            mask
                        })
                    }
                    QuestionKind::YesNo => Value::Bool(r & 1 == 1),
                    QuestionKind::Number => {
                        let (lo, hi) = (question.min.unwrap_or(0.0), question.max.unwrap_or(120.0));
                        Value::Number(lo + (r % ((hi - lo) as u64 + 1)) as f64)
                    }
                };
                let slot = match next() % 20 {
                    0 | 1 => Slot::Missing,
                    2 => Slot::DontKnow,
                    _ => Slot::Given(value),
                };
                a.set(q, slot);
            }
            a
        })
        .collect()
}

fn what_if_rows(c: &mut Criterion) {
    let rb = Rulebook::embedded().unwrap();
    let golden: Vec<Answers> = golden_rows()
        .iter()
        .map(|r| Answers::from_json(&rb, r).unwrap())
        .collect();
    let random = random_answers(&rb, 200);
    for (set, rows) in [("golden cases", &golden), ("random answers", &random)] {
        let evals: Vec<_> = rows.iter().map(|a| evaluate(&rb, a)).collect();
        let mut g = c.benchmark_group(format!("what-if per row, {set}"));
        g.throughput(Throughput::Elements(rows.len() as u64));
        for (voice, audience) in [("patient", Audience::Patient), ("consultant", Audience::Consultant)] {
            g.bench_function(format!("what_if, {voice}"), |b| {
                b.iter(|| {
                    let mut n = 0;
                    for (a, e) in rows.iter().zip(&evals) {
                        n += black_box(what_if(&rb, black_box(a), e, audience)).len();
                    }
                    n
                })
            });
            g.bench_function(format!("whole result with explanations, {voice}"), |b| {
                b.iter(|| {
                    for a in rows.iter() {
                        black_box(screen_with(&rb, black_box(a), audience, Detail::FULL));
                    }
                })
            });
        }
        g.finish();
    }
    // `batch --explain` on one core: parse, screen with explanations, write the full
    // record.
    let rows = golden_rows();
    let mut g = c.benchmark_group("batch row, full record with explanations");
    g.throughput(Throughput::Elements(rows.len() as u64));
    for (voice, audience) in [("patient", Audience::Patient), ("consultant", Audience::Consultant)] {
        let opts = Options {
            audience,
            record: Contents::Full { explain: true },
            csv: false,
        };
        let mut screener = batch::RowScreener::new(&rb, opts);
        g.bench_function(format!("screen and write, {voice}"), |b| {
            let mut out = Vec::with_capacity(1 << 22);
            b.iter(|| {
                out.clear();
                for (i, r) in rows.iter().enumerate() {
                    screener.jsonl_row(i as u64 + 1, r.as_bytes(), &mut out);
                }
                black_box(out.len())
            })
        });
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3)).sample_size(20);
    targets = what_if_rows
}
criterion_main!(benches);
