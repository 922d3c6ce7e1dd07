//! Proof and diff budgets, measured (never asserted in tests):
//! 1. `rules prove` of the default rulebook (every invariant; target ≤ 2 s on one core);
//! 2. `rules diff` of the default rulebook against an edited copy (target ≤ 5 s);
//! 3. proving generated rulebooks of 1,000 and 10,000 rules with ten invariants, to see
//!    how proving time grows with size (reported in the README).

use criterion::{Criterion, criterion_group, criterion_main};
use smp_screen::prove::{self, diff};
use smp_screen::rulebook::{Rulebook, Sources};
use std::hint::black_box;
use std::time::Duration;

/// A rulebook with `n` rules over 40 single-choice, 20 yes/no (with skip logic), one
/// multiple-choice and one number question, and ten invariants of every kind.
fn generated(n: usize) -> String {
    let mut questions = Vec::new();
    for i in 0..40 {
        questions.push(format!(
            r#"{{"id": "q{i}", "kind": "single", "answer_is": "fact", "prompt": "p", "help": "h", "options": [{{"value": "o0", "label": "l"}}, {{"value": "o1", "label": "l"}}, {{"value": "o2", "label": "l"}}, {{"value": "o3", "label": "l"}}]}}"#
        ));
    }
    questions.push(r#"{"id": "age", "kind": "number", "answer_is": "fact", "prompt": "p", "help": "h", "min": 0, "max": 120, "integer": true}"#.to_owned());
    questions.push(r#"{"id": "health", "kind": "multiple", "answer_is": "fact", "prompt": "p", "help": "h", "options": [{"value": "none", "label": "l", "exclusive": true}, {"value": "h1", "label": "l"}, {"value": "h2", "label": "l"}, {"value": "h3", "label": "l"}, {"value": "h4", "label": "l"}]}"#.to_owned());
    for i in 40..60 {
        questions.push(format!(
            r#"{{"id": "q{i}", "kind": "yes_no", "answer_is": "fact", "prompt": "p", "help": "h", "ask_if": {{"question": "q{}", "in": ["o0", "o1"]}}}}"#,
            i - 40
        ));
    }
    let mut seed = 12345u64;
    let mut next = |m: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    let verdicts = ["suitable", "caution", "refer", "unsuitable"];
    let mut rules = Vec::with_capacity(n + 1);
    rules.push(
        r#"{"id": "minor", "title": "t", "when": {"question": "age", "lt": 18}, "verdict": "unsuitable"}"#.to_owned(),
    );
    for i in 0..n {
        let effect = match next(4) {
            0 => r#""ink": {"forbid": ["permanent"]}"#.to_owned(),
            1 => r#""ink": {"prefer": "temporary"}"#.to_owned(),
            _ => format!(r#""verdict": "{}""#, verdicts[next(4) as usize]),
        };
        rules.push(format!(
            r#"{{"id": "rule{i}", "title": "t", "when": {{"all": [{{"question": "q{}", "equals": "o{}"}}, {{"any": [{{"question": "q{}", "equals": true}}, {{"question": "age", "ge": {}}}, {{"question": "health", "contains": "h{}"}}]}}]}}, {effect}}}"#,
            next(40),
            next(4),
            40 + next(20),
            18 + next(60),
            1 + next(4)
        ));
    }
    let invariants = [
        r#"{"id": "i0", "statement": "s", "source": "s", "if": {"question": "age", "lt": 18}, "then": {"verdict_at_least": "unsuitable"}}"#,
        r#"{"id": "i1", "statement": "s", "source": "s", "if": {"question": "q0", "equals": "o0"}, "then": {"verdict_at_least": "caution"}}"#,
        r#"{"id": "i2", "statement": "s", "source": "s", "if": {"question": "health", "contains": "h1"}, "then": {"verdict_at_least": "refer"}}"#,
        r#"{"id": "i3", "statement": "s", "source": "s", "then": {"verdict_at_most": "refer"}}"#,
        r#"{"id": "i4", "statement": "s", "source": "s", "then": {"ink_not": ["permanent"]}}"#,
        r#"{"id": "i5", "statement": "s", "source": "s", "unanswered": ["age"], "then": {"worst_case_at_least": "unsuitable"}}"#,
        r#"{"id": "i6", "statement": "s", "source": "s", "unanswered": ["q3"], "then": {"worst_case_at_least": "refer"}}"#,
        r#"{"id": "i7", "statement": "s", "source": "s", "if": {"all": [{"question": "q1", "equals": "o1"}, {"question": "q41", "equals": true}]}, "then": {"verdict_at_least": "caution"}}"#,
        r#"{"id": "i8", "statement": "s", "source": "s", "if": {"question": "age", "ge": 60}, "then": {"verdict_at_most": "caution"}}"#,
        r#"{"id": "i9", "statement": "s", "source": "s", "monotonic": ["health"]}"#,
    ];
    format!(
        r#"{{"rulebook": {{"id": "big", "title": "Big", "version": "1.0.0", "status": "draft", "review_due": "2099-01-01", "disclaimer": "d"}},
"questions": [{}], "rules": [{}], "invariants": [{}]}}"#,
        questions.join(",\n"),
        rules.join(",\n"),
        invariants.join(",\n")
    )
}

fn edited_default() -> Rulebook {
    let mut sources = Sources::embedded();
    for f in &mut sources.files {
        if f.name.ends_with("30-safety.json") {
            f.text = f
                .text
                .replacen(r#""verdict": "unsuitable""#, r#""verdict": "caution""#, 1);
        }
    }
    Rulebook::from_sources(sources).unwrap()
}

fn proving(c: &mut Criterion) {
    let rb = Rulebook::embedded().unwrap();
    let mut g = c.benchmark_group("prove");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.bench_function("default rulebook, every invariant", |b| {
        b.iter(|| black_box(prove::prove(&rb)))
    });
    for n in [1_000, 10_000] {
        let big = Rulebook::from_sources(Sources::from_text("big.json", &generated(n))).unwrap();
        g.bench_function(format!("generated, {n} rules, 10 invariants"), |b| {
            b.iter(|| black_box(prove::prove(&big)))
        });
    }
    g.finish();
}

fn diffing(c: &mut Criterion) {
    let (old, new) = (Rulebook::embedded().unwrap(), edited_default());
    let mut g = c.benchmark_group("diff");
    g.sample_size(10).measurement_time(Duration::from_secs(5));
    g.bench_function("default rulebook against an edited copy", |b| {
        b.iter(|| black_box((diff::structure(&old, &new), diff::behaviour(&old, &new))))
    });
    g.finish();
}

criterion_group!(benches, proving, diffing);
criterion_main!(benches);
