//! A condition traced against the answers: every test with the answer it saw and what it
//! needed, nested as the condition nests; facts expand into the rules that derived them.

use crate::answers::{Answers, Slot, Value};
use crate::audience::Audience;
use crate::describe;
use crate::engine::{Cond, Evaluation, Test, Tri};
use crate::i18n::Words;
use crate::rulebook::{Question, Rulebook};
use crate::sanitize;
use crate::tr;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashMap;

/// One node of a traced condition.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraceNode {
    /// Whether this part held: `true`, `false` or `unknown`.
    pub value: Tri,
    /// The part in words, with the answer seen for a test.
    pub text: String,
    /// The question a test reads.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// The answer the test saw, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub saw: Option<String>,
    /// What the test needed, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needed: Option<String>,
    /// The parts of `all`, `any` and `not`, or the rules deriving a fact.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<TraceNode>,
}

impl TraceNode {
    /// The undecided tests on questions without an answer, each with what it needs.
    pub fn undecided(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.collect_undecided(&mut out);
        out.dedup();
        out
    }

    fn collect_undecided(&self, out: &mut Vec<String>) {
        if self.value != Tri::Unknown {
            return;
        }
        match (&self.question, &self.needed) {
            (Some(_), Some(_)) if self.children.is_empty() => out.push(self.text.clone()),
            _ => self.children.iter().for_each(|c| c.collect_undecided(out)),
        }
    }

    /// The trace as indented lines wrapped to `width`: ✔ held, ✘ did not, ? unknown.
    pub fn render(&self, out: &mut String, indent: usize, width: usize) {
        let mark = match self.value {
            Tri::True => "✔",
            Tri::False => "✘",
            Tri::Unknown => "?",
        };
        let first = format!("{}{mark} ", " ".repeat(indent));
        let rest = " ".repeat(indent + 2);
        let options = textwrap::Options::new(width.max(indent + 20))
            .initial_indent(&first)
            .subsequent_indent(&rest);
        out.push_str(&textwrap::fill(&sanitize::one_line(&self.text), options));
        out.push('\n');
        for c in &self.children {
            c.render(out, indent + 2, width);
        }
    }
}

/// Traces `cond` against the answers of an evaluation already made.
pub fn trace(rb: &Rulebook, answers: &Answers, eval: &Evaluation, cond: &Cond, audience: Audience) -> TraceNode {
    trace_with(rb, answers, eval, cond, audience, None)
}

/// [`trace`], taking the traced tests from `memo` (fitted to this rulebook and audience),
/// when there is one, where they have been worded before.
pub(super) fn trace_with(
    rb: &Rulebook,
    answers: &Answers,
    eval: &Evaluation,
    cond: &Cond,
    audience: Audience,
    memo: Option<&RefCell<TraceMemo>>,
) -> TraceNode {
    Tracer {
        rb,
        answers,
        eval,
        audience,
        words: rb.words(),
        memo,
    }
    .node(cond, 0)
}

/// Traced tests kept from one explanation to the next: a test's node depends only on the
/// test, whether its question applies and the answer in its slot, and wording it (through
/// the language's messages, for every test of every fired or possible rule) was most of
/// the cost of explaining a batch row.
///
/// A memo holds nodes for one rulebook, language and audience, and forgets them when
/// used with another: the rulebook is told by its edition (unique to each load and each
/// translation applied in the process). Editing a rulebook's texts through its public
/// fields calls for a new memo.
#[derive(Debug, Default)]
pub struct TraceMemo {
    /// What the nodes were worded for: the rulebook's edition, the tool's language and
    /// the audience.
    owner: Option<(u64, Words, Audience)>,
    /// Nodes by test (its address in the rulebook), applicability and answer.
    tests: HashMap<TestKey, TraceNode>,
}

/// A test, whether its question applies, and the answer's kind and value.
type TestKey = (usize, Tri, u8, u64);

/// Nodes kept at most, so numbers answered in many ways cannot grow the memo without end.
const MEMO_LIMIT: usize = 20_000;

impl TraceMemo {
    /// Forgets everything unless the memo was filled for this rulebook, language and
    /// audience (or has grown to its limit).
    pub(super) fn fit(&mut self, rb: &Rulebook, audience: Audience) {
        let owner = Some((rb.edition(), rb.words(), audience));
        if self.owner != owner || self.tests.len() >= MEMO_LIMIT {
            self.tests.clear();
            self.owner = owner;
        }
    }
}

/// The memo's key of test `t` on a question whose applicability is `applies`.
fn test_key(t: &Test, applies: Tri, slot: &Slot) -> TestKey {
    let (kind, bits) = match *slot {
        Slot::Missing => (0, 0),
        Slot::DontKnow => (1, 0),
        Slot::Given(Value::Choice(i)) => (2, u64::from(i)),
        Slot::Given(Value::Multi(m)) => (3, m),
        Slot::Given(Value::Bool(b)) => (4, u64::from(b)),
        Slot::Given(Value::Number(x)) => (5, x.to_bits()),
    };
    (std::ptr::from_ref(t) as usize, applies, kind, bits)
}

/// Facts nest no deeper than this in a trace (the plan has no cycles; this keeps a
/// pathological chain readable).
const MAX_FACT_DEPTH: usize = 6;

struct Tracer<'a> {
    rb: &'a Rulebook,
    answers: &'a Answers,
    eval: &'a Evaluation,
    audience: Audience,
    words: Words,
    memo: Option<&'a RefCell<TraceMemo>>,
}

impl Tracer<'_> {
    fn value(&self, cond: &Cond) -> Tri {
        cond.eval(&self.eval.env(self.answers))
    }

    fn node(&self, cond: &Cond, fact_depth: usize) -> TraceNode {
        let value = self.value(cond);
        let plain = |text: String, children: Vec<TraceNode>| TraceNode {
            value,
            text,
            question: None,
            saw: None,
            needed: None,
            children,
        };
        let words = self.words;
        match cond {
            Cond::Always => plain(tr!(words, "explain-trace-always"), Vec::new()),
            Cond::All(parts) => plain(
                tr!(words, "explain-trace-all"),
                parts.iter().map(|p| self.node(p, fact_depth)).collect(),
            ),
            Cond::Any(parts) => plain(
                tr!(words, "explain-trace-any"),
                parts.iter().map(|p| self.node(p, fact_depth)).collect(),
            ),
            Cond::AtLeast(n, parts) => {
                let children: Vec<TraceNode> = parts.iter().map(|p| self.node(p, fact_depth)).collect();
                let count = |t: Tri| children.iter().filter(|c| c.value == t).count();
                let text = tr!(
                    words,
                    "explain-trace-at-least",
                    needed = *n,
                    total = parts.len(),
                    held = count(Tri::True),
                    unknown = count(Tri::Unknown)
                );
                plain(text, children)
            }
            Cond::Not(inner) => plain(tr!(words, "explain-trace-not"), vec![self.node(inner, fact_depth)]),
            Cond::Question(q, t) => match self.memo {
                Some(memo) => {
                    let key = test_key(t, self.eval.applies[*q], self.answers.slot(*q));
                    if let Some(node) = memo.borrow().tests.get(&key) {
                        return node.clone();
                    }
                    let node = self.test(*q, t, value);
                    memo.borrow_mut().tests.insert(key, node.clone());
                    node
                }
                None => self.test(*q, t, value),
            },
            Cond::Fact(f) => {
                let fact = &self.rb.facts[*f];
                let children = if fact_depth < MAX_FACT_DEPTH && value != Tri::False {
                    fact.derived_by
                        .iter()
                        .filter(|&&r| self.eval.rules[r] == value)
                        .map(|&r| {
                            let rule = &self.rb.rules[r];
                            let mut n = self.node(&rule.when, fact_depth + 1);
                            n.text = match self.audience {
                                Audience::Consultant => tr!(
                                    words,
                                    "explain-trace-derived",
                                    rule = &rule.id,
                                    title = &rule.title,
                                    condition = &n.text
                                ),
                                Audience::Patient => tr!(words, "explain-trace-because", condition = &n.text),
                            };
                            n
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                let text = match self.audience {
                    Audience::Consultant => tr!(
                        words,
                        "explain-trace-fact",
                        fact = &fact.id,
                        description = &fact.description
                    ),
                    Audience::Patient => fact.description.clone(),
                };
                plain(text, children)
            }
            Cond::Score(s, r) => {
                let score = &self.rb.scores[*s];
                let st = self.eval.scores[*s];
                let n = |x: f64| crate::answers::number_to_json(x).to_string();
                let saw = if st.applies == Tri::False {
                    tr!(words, "explain-saw-not-asked")
                } else if st.min == st.max {
                    n(st.min)
                } else {
                    tr!(words, "explain-saw-between", low = &n(st.min), high = &n(st.max))
                };
                let needed = describe::range(words, r, None);
                TraceNode {
                    value,
                    text: tr!(
                        words,
                        "explain-trace-score",
                        score = &score.title,
                        saw = &saw,
                        needed = &needed
                    ),
                    question: None,
                    saw: Some(saw),
                    needed: Some(needed),
                    children: Vec::new(),
                }
            }
        }
    }

    fn test(&self, q: usize, t: &Test, value: Tri) -> TraceNode {
        let question = &self.rb.questions[q];
        let words = self.words;
        let saw = match (self.eval.applies[q], self.answers.slot(q)) {
            (Tri::False, _) => tr!(words, "explain-saw-not-asked"),
            (_, Slot::Missing) => tr!(words, "explain-saw-not-answered"),
            (_, Slot::DontKnow) => tr!(words, "explain-saw-dont-know"),
            (_, Slot::Given(v)) => self.value_words(question, *v),
        };
        let needed = self.needed(question, t);
        let text = match self.audience {
            Audience::Consultant => tr!(
                words,
                "explain-trace-test-consultant",
                question = &question.id,
                saw = &saw,
                needed = &needed
            ),
            Audience::Patient => tr!(
                words,
                "explain-trace-test-patient",
                question = &question.short,
                saw = &saw,
                needed = &needed
            ),
        };
        TraceNode {
            value,
            text,
            question: Some(question.id.clone()),
            saw: Some(saw),
            needed: Some(needed),
            children: Vec::new(),
        }
    }

    fn option(&self, q: &Question, i: usize) -> String {
        match self.audience {
            Audience::Consultant => q.options[i].value.clone(),
            // Quoted where the language quotes them, so labels that hold commas stay apart
            // in a list.
            Audience::Patient => tr!(
                self.words,
                "explain-trace-option",
                text = q.options[i].label_for(Audience::Patient)
            ),
        }
    }

    fn options(&self, q: &Question, mask: u64) -> Vec<String> {
        (0..q.options.len())
            .filter(|i| mask & (1u64 << i) != 0)
            .map(|i| self.option(q, i))
            .collect()
    }

    fn value_words(&self, q: &Question, v: Value) -> String {
        match v {
            Value::Choice(i) => self.option(q, usize::from(i)),
            Value::Multi(m) => self.options(q, m).join(", "),
            Value::Bool(b) => describe::yes_no(self.words, b),
            Value::Number(x) => describe::number(x, q.unit.as_deref()),
        }
    }

    fn needed(&self, q: &Question, t: &Test) -> String {
        let words = self.words;
        let one_or_list = |items: Vec<String>, several: fn(Words, &str) -> String| match items.len() {
            1 => items[0].clone(),
            _ => several(words, &items.join(", ")),
        };
        match t {
            Test::Answered => tr!(words, "explain-needed-any-answer"),
            Test::ChoiceIn(m) => one_or_list(self.options(q, *m), |w, l| tr!(w, "explain-needed-one-of", options = l)),
            Test::MultiAny(m) => one_or_list(self.options(q, *m), |w, l| tr!(w, "explain-needed-any-of", options = l)),
            Test::Bool(b) => describe::yes_no(words, *b),
            Test::Number(r) => describe::range(words, r, q.unit.as_deref()),
        }
    }
}
