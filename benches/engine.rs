//! The performance budget, measured (never asserted in tests):
//! 1. evaluating one parsed case (target ≤ 1 µs);
//! 2. batch JSONL → JSONL per row, beside its floor (parse into answers and serialise an
//!    equally sized record, no evaluation), for compact and full records;
//! 3. loading and validating the default rulebook (≤ 1 ms) and generated ones of
//!    1,000, 10,000 and 100,000 rules (linear; 100,000 ≤ 1 s).
//!
//! The whole-process figure (≤ 5 ms) is measured by `benches/assess-process.sh`.

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use smp_screen::answers::Answers;
use smp_screen::audience::Audience;
use smp_screen::batch::{self, Contents, Options};
use smp_screen::engine::evaluate;
use smp_screen::report::{Detail, screen_with};
use smp_screen::rulebook::{Rulebook, Sources};
use std::hint::black_box;
use std::time::Duration;

fn rows() -> Vec<String> {
    smp_screen::tooling::cases::embedded()
        .into_iter()
        .map(|f| serde_json::Value::Object(f.case.unwrap().answers).to_string())
        .collect()
}

fn evaluation(c: &mut Criterion) {
    let rb = Rulebook::embedded().unwrap();
    let answers: Vec<Answers> = rows().iter().map(|r| Answers::from_json(&rb, r).unwrap()).collect();
    let mut g = c.benchmark_group("evaluate");
    g.throughput(Throughput::Elements(1));
    let mut i = 0;
    g.bench_function("one parsed case", |b| {
        b.iter(|| {
            i = (i + 1) % answers.len();
            black_box(evaluate(&rb, black_box(&answers[i])))
        })
    });
    g.finish();
}

fn batch_rows(c: &mut Criterion) {
    let rb = Rulebook::embedded().unwrap();
    let rows = rows();
    let n = rows.len() as u64;
    for (name, record) in [
        ("compact", Contents::Compact),
        ("full", Contents::Full { explain: false }),
    ] {
        let opts = Options {
            audience: Audience::Patient,
            record,
            csv: false,
        };
        // The same results computed ahead, so the floor writes equally sized records with
        // the same writers and does everything but evaluate.
        let parsed: Vec<Answers> = rows.iter().map(|r| Answers::from_json(&rb, r).unwrap()).collect();
        let evaluated: Vec<(smp_screen::engine::Evaluation, smp_screen::report::Outline)> = parsed
            .iter()
            .map(|a| {
                let e = evaluate(&rb, a);
                let o = smp_screen::report::outline(&rb, a, &e);
                (e, o)
            })
            .collect();
        let full: Vec<smp_screen::report::Screening> = parsed
            .iter()
            .map(|a| screen_with(&rb, a, Audience::Patient, Detail::BRIEF))
            .collect();
        let mut g = c.benchmark_group(format!("batch row, {name} record"));
        g.throughput(Throughput::Elements(n));
        let mut screener = batch::RowScreener::new(&rb, opts);
        g.bench_function("screen and write", |b| {
            let mut out = Vec::with_capacity(1 << 20);
            b.iter(|| {
                out.clear();
                for (i, r) in rows.iter().enumerate() {
                    screener.jsonl_row(i as u64 + 1, r.as_bytes(), &mut out);
                }
                black_box(out.len())
            })
        });
        let writer = batch::RowScreener::new(&rb, opts);
        g.bench_function("floor: parse and write only", |b| {
            let mut out = Vec::with_capacity(1 << 20);
            b.iter(|| {
                out.clear();
                for (i, r) in rows.iter().enumerate() {
                    // The same work on the input as the real path: UTF-8 check, then parse.
                    let text = std::str::from_utf8(black_box(r.as_bytes())).unwrap();
                    black_box(Answers::from_json(&rb, text).unwrap());
                    match record {
                        Contents::Compact => {
                            writer.write_compact(i as u64 + 1, &evaluated[i].0, &evaluated[i].1, &mut out);
                        }
                        Contents::Full { .. } => {
                            let mut body = Vec::with_capacity(4096);
                            serde_json::to_writer(&mut body, &full[i]).unwrap();
                            out.extend_from_slice(format!("{{\"line\":{},", i + 1).as_bytes());
                            out.extend_from_slice(&body[1..]);
                            out.push(b'\n');
                        }
                    }
                }
                black_box(out.len())
            })
        });
        g.finish();
    }
    let mut g = c.benchmark_group("assess result");
    let answers = Answers::from_json(&rb, &rows[13]).unwrap();
    g.bench_function("with explanations", |b| {
        b.iter(|| black_box(screen_with(&rb, &answers, Audience::Consultant, Detail::FULL)))
    });
    g.finish();
}

/// A rulebook of `n` generated rules over the default rulebook's kind of questions.
fn generated(n: usize) -> String {
    let mut questions = Vec::new();
    for i in 0..40 {
        questions.push(format!(
            r#"{{"id": "q{i}", "kind": "single", "answer_is": "fact", "prompt": "p", "help": "h", "options": [{{"value": "o0", "label": "l"}}, {{"value": "o1", "label": "l"}}, {{"value": "o2", "label": "l"}}, {{"value": "o3", "label": "l"}}]}}"#
        ));
    }
    questions.push(
        r#"{"id": "age", "kind": "number", "answer_is": "fact", "prompt": "p", "help": "h", "min": 0, "max": 120}"#
            .to_owned(),
    );
    for i in 40..60 {
        questions.push(format!(
            r#"{{"id": "q{i}", "kind": "yes_no", "answer_is": "fact", "prompt": "p", "help": "h", "ask_if": {{"question": "q{}", "in": ["o0", "o1"]}}}}"#,
            i - 40
        ));
    }
    let mut rules = Vec::with_capacity(n);
    let mut seed = 12345u64;
    let mut next = |m: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    for i in 0..n {
        rules.push(format!(
            r#"{{"id": "rule{i}", "title": "t", "when": {{"all": [{{"question": "q{}", "equals": "o{}"}}, {{"any": [{{"question": "q{}", "equals": true}}, {{"question": "age", "ge": {}}}]}}]}}, "verdict": "caution", "risks": ["r{}"], "rationale": "r", "source": "s", "evidence": "inference"}}"#,
            next(40),
            next(4),
            40 + next(20),
            18 + next(60),
            next(20)
        ));
    }
    let risks: Vec<String> = (0..20)
        .map(|i| format!(r#"{{"id": "r{i}", "title": "t", "severity": "low", "text": "t"}}"#))
        .collect();
    format!(
        r#"{{"rulebook": {{"id": "big", "title": "Big", "version": "1.0.0", "reviewed_by": "t", "reviewed_on": "2026-01-01", "review_due": "2099-01-01", "disclaimer": "d"}},
"questions": [{}], "risks": [{}], "rules": [{}]}}"#,
        questions.join(",\n"),
        risks.join(",\n"),
        rules.join(",\n")
    )
}

fn loading(c: &mut Criterion) {
    let mut g = c.benchmark_group("load and validate");
    g.bench_function("default rulebook", |b| {
        b.iter(|| black_box(Rulebook::from_sources(Sources::embedded()).unwrap()))
    });
    for n in [1_000, 10_000, 100_000] {
        let text = generated(n);
        g.throughput(Throughput::Elements(n as u64));
        if n == 100_000 {
            g.sample_size(10).measurement_time(Duration::from_secs(20));
        }
        g.bench_function(format!("{n} rules"), |b| {
            b.iter_batched(
                || Sources::from_text("big.json", &text),
                |s| black_box(Rulebook::from_sources(s).unwrap()),
                BatchSize::PerIteration,
            )
        });
        if n == 10_000 {
            let rb = Rulebook::from_sources(Sources::from_text("big.json", &text)).unwrap();
            g.bench_function(format!("{n} rules: rules check analysis"), |b| {
                b.iter(|| black_box(smp_screen::tooling::lint::check(&rb, smp_screen::date::Date::today())))
            });
        }
    }
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3));
    targets = evaluation, batch_rows, loading
}
criterion_main!(benches);
