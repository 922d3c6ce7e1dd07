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

/// A node with nothing in it, to be filled.
pub(super) fn blank() -> TraceNode {
    TraceNode {
        value: Tri::Unknown,
        text: String::new(),
        question: None,
        saw: None,
        needed: None,
        children: Vec::new(),
    }
}

impl TraceNode {
    /// The undecided tests on questions without an answer, each with what it needs.
    pub fn undecided(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.undecided_into(&mut out);
        out
    }

    /// [`TraceNode::undecided`] into `out`, emptied first.
    pub(super) fn undecided_into(&self, out: &mut Vec<String>) {
        out.clear();
        self.collect_undecided(out);
        out.dedup();
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
    let mut node = blank();
    trace_into(rb, answers, eval, cond, audience, None, &mut node);
    node
}

/// [`trace`] into `out` (a node kept from an earlier trace, its strings and parts reused),
/// taking the traced tests and the wording of other parts from `memo` (fitted to this
/// rulebook and audience), when there is one, where they have been worded before.
pub(super) fn trace_into(
    rb: &Rulebook,
    answers: &Answers,
    eval: &Evaluation,
    cond: &Cond,
    audience: Audience,
    memo: Option<&RefCell<TraceMemo>>,
    out: &mut TraceNode,
) {
    Tracer {
        rb,
        answers,
        eval,
        audience,
        words: rb.words(),
        memo,
    }
    .fill(cond, 0, out)
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
    /// Nodes of tests and scores by what they depend on.
    nodes: HashMap<NodeKey, TraceNode, foldhash::fast::RandomState>,
    /// The wording of other parts by what it depends on, each with the text it was worded
    /// from (a derived rule's condition) or empty.
    texts: HashMap<TextKey, (String, String), foldhash::fast::RandomState>,
    /// Nodes and strings a refilled trace no longer holds, kept to be refilled in turn:
    /// rows differ in which rules fire and how their traces branch, and without these
    /// most of a row's nodes and strings were allocated again.
    spare: RefCell<Spare>,
}

/// See [`TraceMemo::spare`].
#[derive(Debug, Default)]
struct Spare {
    nodes: Vec<TraceNode>,
    strings: Vec<String>,
}

/// Spare nodes and strings kept at most, each.
const SPARE_LIMIT: usize = 4_096;

/// What a test's or a score's node depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum NodeKey {
    /// A test (its address in the rulebook), whether its question applies, and the
    /// answer's kind and value.
    Test(usize, Tri, u8, u64),
    /// A score's test (its address), whether the score applies, and its lowest and
    /// highest totals.
    Score(usize, Tri, u64, u64),
}

/// What the wording of a part other than a test depends on (besides the language and
/// audience the memo is for).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum TextKey {
    Always,
    All,
    Any,
    Not,
    /// Needed, total, held, unknown.
    AtLeast(usize, usize, usize, usize),
    /// A fact.
    Fact(usize),
    /// A rule deriving a fact, worded around its condition's text.
    Derived(usize),
}

/// Nodes kept at most, so numbers answered in many ways cannot grow the memo without end.
const MEMO_LIMIT: usize = 20_000;

impl TraceMemo {
    /// Forgets everything unless the memo was filled for this rulebook, language and
    /// audience (or has grown to its limit).
    pub(super) fn fit(&mut self, rb: &Rulebook, audience: Audience) {
        let owner = Some((rb.edition(), rb.words(), audience));
        if self.owner != owner || self.nodes.len() + self.texts.len() >= MEMO_LIMIT {
            self.nodes.clear();
            self.texts.clear();
            self.owner = owner;
        }
    }
}

/// The memo's key of test `t` on a question whose applicability is `applies`.
fn test_key(t: &Test, applies: Tri, slot: &Slot) -> NodeKey {
    let (kind, bits) = match *slot {
        Slot::Missing => (0, 0),
        Slot::DontKnow => (1, 0),
        Slot::Given(Value::Choice(i)) => (2, u64::from(i)),
        Slot::Given(Value::Multi(m)) => (3, m),
        Slot::Given(Value::Bool(b)) => (4, u64::from(b)),
        Slot::Given(Value::Number(x)) => (5, x.to_bits()),
    };
    NodeKey::Test(std::ptr::from_ref(t) as usize, applies, kind, bits)
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

    /// Traces `cond` into `out`, reusing what `out` holds.
    fn fill(&self, cond: &Cond, fact_depth: usize, out: &mut TraceNode) {
        let value = self.value(cond);
        out.value = value;
        let words = self.words;
        match cond {
            Cond::Always => {
                self.plain(out, TextKey::Always, || tr!(words, "explain-trace-always"));
                self.keep_parts(out, 0);
            }
            Cond::All(parts) => {
                self.plain(out, TextKey::All, || tr!(words, "explain-trace-all"));
                self.fill_parts(parts, fact_depth, out);
            }
            Cond::Any(parts) => {
                self.plain(out, TextKey::Any, || tr!(words, "explain-trace-any"));
                self.fill_parts(parts, fact_depth, out);
            }
            Cond::AtLeast(n, parts) => {
                self.fill_parts(parts, fact_depth, out);
                let count = |t: Tri| out.children.iter().filter(|c| c.value == t).count();
                let (held, unknown) = (count(Tri::True), count(Tri::Unknown));
                let key = TextKey::AtLeast(*n, parts.len(), held, unknown);
                self.plain(out, key, || {
                    tr!(
                        words,
                        "explain-trace-at-least",
                        needed = *n,
                        total = parts.len(),
                        held = held,
                        unknown = unknown
                    )
                });
            }
            Cond::Not(inner) => {
                self.plain(out, TextKey::Not, || tr!(words, "explain-trace-not"));
                self.fill_parts(std::slice::from_ref(&**inner), fact_depth, out);
            }
            Cond::Question(q, t) => {
                let key = test_key(t, self.eval.applies[*q], self.answers.slot(*q));
                self.kept_node(out, key, || self.test(*q, t, value));
            }
            Cond::Fact(f) => self.fact(*f, value, fact_depth, out),
            Cond::Score(s, r) => {
                let st = self.eval.scores[*s];
                let key = NodeKey::Score(
                    std::ptr::from_ref(r) as usize,
                    st.applies,
                    st.min.to_bits(),
                    st.max.to_bits(),
                );
                self.kept_node(out, key, || self.score(*s, r, value));
            }
        }
    }

    /// Fills `out.children` with the traces of `parts`.
    fn fill_parts(&self, parts: &[Cond], fact_depth: usize, out: &mut TraceNode) {
        self.keep_parts(out, parts.len());
        for (i, p) in parts.iter().enumerate() {
            self.fill(p, fact_depth, self.part(out, i));
        }
    }

    /// Keeps the first `n` parts of `out`, the others set aside to be refilled later.
    fn keep_parts(&self, out: &mut TraceNode, n: usize) {
        if out.children.len() <= n {
            return;
        }
        match self.memo {
            Some(memo) => {
                let memo = memo.borrow();
                let spare = &mut memo.spare.borrow_mut().nodes;
                let room = SPARE_LIMIT.saturating_sub(spare.len());
                spare.extend(out.children.drain(n..).take(room));
                out.children.truncate(n);
            }
            None => out.children.truncate(n),
        }
    }

    /// Part `i` of `out`, which has at least `i` parts: added when it has exactly `i`
    /// (a node set aside before if there is one).
    fn part<'n>(&self, out: &'n mut TraceNode, i: usize) -> &'n mut TraceNode {
        if i == out.children.len() {
            let spare = self.memo.and_then(|m| m.borrow().spare.borrow_mut().nodes.pop());
            out.children.push(spare.unwrap_or_else(blank));
        }
        &mut out.children[i]
    }

    /// Sets `to` to `from`, refilling a string set aside before rather than allocating
    /// one, and setting aside the string a `None` takes the place of.
    fn set_opt(&self, to: &mut Option<String>, from: Option<&str>) {
        if self.memo.is_none() {
            *to = from.map(str::to_owned);
            return;
        }
        match (to.as_mut(), from) {
            (Some(s), Some(f)) => super::set_text(s, f),
            (None, None) => {}
            (Some(_), None) => self.set_aside(to.take().unwrap_or_default()),
            (None, Some(f)) => {
                let mut s = self.spare_string();
                s.push_str(f);
                *to = Some(s);
            }
        }
    }

    /// An empty string, one set aside before if there is one.
    fn spare_string(&self) -> String {
        let spare = self.memo.and_then(|m| m.borrow().spare.borrow_mut().strings.pop());
        let mut s = spare.unwrap_or_default();
        s.clear();
        s
    }

    /// Sets `s` aside, to be refilled later.
    fn set_aside(&self, s: String) {
        if let Some(memo) = self.memo {
            let memo = memo.borrow();
            let spare = &mut memo.spare.borrow_mut().strings;
            if spare.len() < SPARE_LIMIT {
                spare.push(s);
            }
        }
    }

    /// Makes `out` equal to `source`, reusing what `out` holds and what was set aside.
    fn assign(&self, out: &mut TraceNode, source: &TraceNode) {
        out.value = source.value;
        super::set_text(&mut out.text, &source.text);
        self.set_opt(&mut out.question, source.question.as_deref());
        self.set_opt(&mut out.saw, source.saw.as_deref());
        self.set_opt(&mut out.needed, source.needed.as_deref());
        self.keep_parts(out, source.children.len());
        for (i, c) in source.children.iter().enumerate() {
            self.assign(self.part(out, i), c);
        }
    }

    /// Makes `out` a node that reads no question, worded by `make` (or as before, for
    /// `key`); its parts are left to the caller.
    fn plain(&self, out: &mut TraceNode, key: TextKey, make: impl FnOnce() -> String) {
        self.set_opt(&mut out.question, None);
        self.set_opt(&mut out.saw, None);
        self.set_opt(&mut out.needed, None);
        self.worded(key, "", make, &mut out.text);
    }

    /// Sets `text` to the wording for `key` made from `from`: `make`'s, or the memo's
    /// when it worded `key` from the same text before.
    fn worded(&self, key: TextKey, from: &str, make: impl FnOnce() -> String, text: &mut String) {
        let Some(memo) = self.memo else {
            *text = make();
            return;
        };
        if let Some((seen, kept)) = memo.borrow().texts.get(&key)
            && seen == from
        {
            super::set_text(text, kept);
            return;
        }
        let made = make();
        text.clone_from(&made);
        memo.borrow_mut().texts.insert(key, (from.to_owned(), made));
    }

    /// Sets `out` to `make`'s node (a test's or a score's, which has no parts), or the
    /// memo's for `key`.
    fn kept_node(&self, out: &mut TraceNode, key: NodeKey, make: impl FnOnce() -> TraceNode) {
        let Some(memo) = self.memo else {
            *out = make();
            return;
        };
        if let Some(node) = memo.borrow().nodes.get(&key) {
            self.assign(out, node);
            return;
        }
        let node = make();
        self.assign(out, &node);
        memo.borrow_mut().nodes.insert(key, node);
    }

    /// A fact's node: its description, and the rules that derived its value.
    fn fact(&self, f: usize, value: Tri, fact_depth: usize, out: &mut TraceNode) {
        let fact = &self.rb.facts[f];
        let words = self.words;
        let audience = self.audience;
        self.plain(out, TextKey::Fact(f), || match audience {
            Audience::Consultant => tr!(
                words,
                "explain-trace-fact",
                fact = &fact.id,
                description = &fact.description
            ),
            Audience::Patient => fact.description.clone(),
        });
        let mut n = 0;
        if fact_depth < MAX_FACT_DEPTH && value != Tri::False {
            for &r in fact.derived_by.iter().filter(|&&r| self.eval.rules[r] == value) {
                let child = self.part(out, n);
                let rule = &self.rb.rules[r];
                self.fill(&rule.when, fact_depth + 1, child);
                let condition = std::mem::replace(&mut child.text, self.spare_string());
                let make = || match audience {
                    Audience::Consultant => tr!(
                        words,
                        "explain-trace-derived",
                        rule = &rule.id,
                        title = &rule.title,
                        condition = &condition
                    ),
                    Audience::Patient => tr!(words, "explain-trace-because", condition = &condition),
                };
                self.worded(TextKey::Derived(r), &condition, make, &mut child.text);
                self.set_aside(condition);
                n += 1;
            }
        }
        self.keep_parts(out, n);
    }

    /// A score's node: its range and what the test needed.
    fn score(&self, s: usize, r: &crate::condition::NumRange, value: Tri) -> TraceNode {
        let words = self.words;
        let score = &self.rb.scores[s];
        let st = self.eval.scores[s];
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
