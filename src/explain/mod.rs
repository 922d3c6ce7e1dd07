//! Explanations a consultant can use and a patient can believe: HOW each conclusion was
//! reached (every test with the answer it saw), WHY each question matters (the rules
//! that read it), and WHAT would change the result (answer changes found by
//! re-evaluating). One evaluation, two voices: only the wording depends on the audience.

mod trace;
mod what_if;

pub use trace::{TraceMemo, TraceNode, trace};
#[doc(hidden)]
pub use what_if::what_if_by_full_evaluation;
pub use what_if::{AnswerChange, WhatIf, what_if};

use crate::answers::Answers;
use crate::audience::Audience;
use crate::engine::{Evaluation, Tri};
use crate::rulebook::{Rulebook, Verdict};
use crate::words;
use serde::Serialize;

/// HOW and WHY for one result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// Which rules set the verdict and which they overrode.
    pub verdict: VerdictHow,
    /// Which rules shaped the ink and which they overrode.
    pub ink: InkHow,
    /// The condition of every fired and possible rule, traced.
    pub rules: Vec<RuleTrace>,
    /// For each question asked, why it is asked and which rules read it.
    pub questions: Vec<QuestionWhy>,
}

/// How the verdict came about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VerdictHow {
    /// The verdict.
    pub value: Verdict,
    /// Rules that gave it.
    pub set_by: Vec<String>,
    /// Fired rules whose milder verdict it overrode.
    pub overrode: Vec<RuleVerdict>,
}

/// A rule and the verdict it gave.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleVerdict {
    /// Rule id.
    pub rule: String,
    /// Its verdict.
    pub verdict: Verdict,
}

/// How the ink came about.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InkHow {
    /// The ink.
    pub value: crate::engine::Ink,
    /// Effects that shaped it (`forbid_permanent`, `prefer_temporary`, …).
    pub set_by: Vec<RuleEffect>,
    /// Effects of fired rules that it overrode.
    pub overrode: Vec<RuleEffect>,
}

/// A rule's ink effect.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleEffect {
    /// Rule id.
    pub rule: String,
    /// The effect.
    pub effect: String,
}

/// One rule's condition, traced against the answers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleTrace {
    /// Rule id.
    pub rule: String,
    /// Title.
    pub title: String,
    /// `fired` or `possible`.
    pub state: &'static str,
    /// The condition, test by test.
    pub trace: TraceNode,
    /// For a possible rule: each undecided test on an unanswered question, and what the
    /// answer would have to be.
    pub would_need: Vec<String>,
}

/// Why a question is asked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionWhy {
    /// Question id.
    pub question: String,
    /// Short name.
    pub short: String,
    /// Its help text for the audience.
    pub why: String,
    /// Rules that read it, with their titles.
    pub read_by: Vec<RuleRef>,
}

/// A rule by id and title.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleRef {
    /// Rule id.
    pub rule: String,
    /// Title.
    pub title: String,
}

/// Explains one evaluation for an audience.
pub fn explain(rb: &Rulebook, answers: &Answers, eval: &Evaluation, audience: Audience) -> Explanation {
    let mut e = Explanation::blank();
    explain_with(rb, answers, eval, audience, None, &mut e);
    e
}

/// [`explain`], taking tests traced for earlier explanations from `memo` (which forgets
/// them when the rulebook, language or audience differs): batch keeps one for all its
/// rows. The explanation is the one [`explain`] gives.
pub fn explain_reusing(
    rb: &Rulebook,
    answers: &Answers,
    eval: &Evaluation,
    audience: Audience,
    memo: &mut TraceMemo,
) -> Explanation {
    let mut e = Explanation::blank();
    explain_into(&mut e, rb, answers, eval, audience, memo);
    e
}

/// [`explain_reusing`] into an explanation kept from an earlier one, whose lists, traces
/// and strings are refilled rather than allocated again; the result is the one
/// [`explain`] builds.
pub fn explain_into(
    e: &mut Explanation,
    rb: &Rulebook,
    answers: &Answers,
    eval: &Evaluation,
    audience: Audience,
    memo: &mut TraceMemo,
) {
    memo.fit(rb, audience);
    let cell = std::cell::RefCell::new(std::mem::take(memo));
    explain_with(rb, answers, eval, audience, Some(&cell), e);
    *memo = cell.into_inner();
}

impl Explanation {
    /// An explanation with nothing in it, to be filled.
    fn blank() -> Explanation {
        Explanation {
            verdict: VerdictHow {
                value: Verdict::Suitable,
                set_by: Vec::new(),
                overrode: Vec::new(),
            },
            ink: InkHow {
                value: crate::engine::Ink::Either,
                set_by: Vec::new(),
                overrode: Vec::new(),
            },
            rules: Vec::new(),
            questions: Vec::new(),
        }
    }
}

/// Fills `e` (all of it) with the explanation of `eval`.
fn explain_with(
    rb: &Rulebook,
    answers: &Answers,
    eval: &Evaluation,
    audience: Audience,
    memo: Option<&std::cell::RefCell<TraceMemo>>,
    e: &mut Explanation,
) {
    let result = eval.result;
    // Lists ordered by rule id are ordered by rank among ids (worked out once; ids are
    // unique), and every list is refilled over the one before.
    let rank = |r: usize| rb.rule_rank[r];
    let mut picked: Vec<(usize, Verdict)> = eval
        .fired()
        .filter_map(|r| rb.rules[r].verdict.map(|v| (r, v)))
        .collect();
    let VerdictHow {
        value,
        set_by,
        overrode,
    } = &mut e.verdict;
    *value = result.verdict;
    // The verdict's rules by id; the overridden by severity, then id.
    picked.sort_unstable_by_key(|&(r, v)| (v != result.verdict, std::cmp::Reverse(v), rank(r)));
    let split = picked.partition_point(|&(_, v)| v == result.verdict);
    refill(set_by, &picked[..split], String::new, |id, &(r, _)| {
        set_text(id, &rb.rules[r].id)
    });
    let blank = || RuleVerdict {
        rule: String::new(),
        verdict: Verdict::Suitable,
    };
    refill(overrode, &picked[split..], blank, |o, &(r, v)| {
        set_text(&mut o.rule, &rb.rules[r].id);
        o.verdict = v;
    });

    // Each fired rule's ink effects, by rule id (a rule's own in their order).
    let mut effects: Vec<(usize, bool, crate::rulebook::InkKind)> = eval
        .fired()
        .flat_map(|r| rb.rules[r].ink_effects().map(move |(forbid, kind)| (r, forbid, kind)))
        .collect();
    effects.sort_by_key(|&(r, ..)| rank(r));
    let InkHow {
        value,
        set_by: ink_set,
        overrode: ink_over,
    } = &mut e.ink;
    *value = result.ink;
    let blank = || RuleEffect {
        rule: String::new(),
        effect: String::new(),
    };
    let put = |out: &mut RuleEffect, &(r, forbid, kind): &(usize, bool, crate::rulebook::InkKind)| {
        set_text(&mut out.rule, &rb.rules[r].id);
        set_text(&mut out.effect, words::effect_key(forbid, kind));
    };
    let shapes = |&(_, forbid, kind): &(usize, bool, crate::rulebook::InkKind)| {
        shaped(result.ink, result.ink_conflict, forbid, kind)
    };
    let (set, over): (Vec<_>, Vec<_>) = effects.iter().partition(|x| shapes(x));
    refill(ink_set, &set, blank, |o, x| put(o, x));
    refill(ink_over, &over, blank, |o, x| put(o, x));

    // Fired before possible; within each, the most severe first; then by id (its rank
    // among ids, worked out once; ids are unique).
    let mut order: Vec<usize> = (0..eval.rules.len()).filter(|&r| eval.rules[r] != Tri::False).collect();
    order.sort_unstable_by_key(|&r| {
        (
            eval.rules[r] != Tri::True,
            std::cmp::Reverse(rb.rules[r].verdict),
            rb.rule_rank[r],
        )
    });
    let blank = || RuleTrace {
        rule: String::new(),
        title: String::new(),
        state: "",
        trace: trace::blank(),
        would_need: Vec::new(),
    };
    refill(&mut e.rules, &order, blank, |t, &r| {
        let rule = &rb.rules[r];
        set_text(&mut t.rule, &rule.id);
        set_text(&mut t.title, &rule.title);
        t.state = if eval.rules[r] == Tri::True {
            "fired"
        } else {
            "possible"
        };
        trace::trace_into(rb, answers, eval, &rule.when, audience, memo, &mut t.trace);
        if eval.rules[r] == Tri::Unknown {
            t.trace.undecided_into(&mut t.would_need);
        } else {
            t.would_need.clear();
        }
    });

    questions_into(rb, eval, audience, &mut e.questions);
}

/// Makes `out` one entry for each of `items`, each set by `put` over what the entry held
/// (its strings reused); `blank` makes the entries `out` lacks.
fn refill<T, S>(out: &mut Vec<T>, items: &[S], blank: impl Fn() -> T, mut put: impl FnMut(&mut T, &S)) {
    out.truncate(items.len());
    for (i, item) in items.iter().enumerate() {
        if i == out.len() {
            out.push(blank());
        }
        put(&mut out[i], item);
    }
}

/// Sets `to` to `from`. A refilled explanation's questions mostly hold what they held on
/// the row before, and telling so is quicker than copying.
pub(super) fn set_text(to: &mut String, from: &str) {
    if to != from {
        to.clear();
        to.push_str(from);
    }
}

/// For each question asked, why it is asked and which rules read it, into `out`: a list
/// kept from an earlier explanation is refilled in place (its strings reused), as batch
/// refills one explanation for every row; the list is the same as one built afresh.
fn questions_into(rb: &Rulebook, eval: &Evaluation, audience: Audience, out: &mut Vec<QuestionWhy>) {
    let asked: Vec<usize> = (0..rb.questions.len())
        .filter(|&q| eval.applies[q] != Tri::False)
        .collect();
    let blank = || QuestionWhy {
        question: String::new(),
        short: String::new(),
        why: String::new(),
        read_by: Vec::new(),
    };
    refill(out, &asked, blank, |why, &q| {
        let question = &rb.questions[q];
        set_text(&mut why.question, &question.id);
        set_text(&mut why.short, &question.short);
        set_text(&mut why.why, question.help_for(audience));
        // By id, so the explanation never depends on the order of rules in the files.
        let blank = || RuleRef {
            rule: String::new(),
            title: String::new(),
        };
        refill(&mut why.read_by, &rb.read_by_id[q], blank, |reader, &r| {
            set_text(&mut reader.rule, &rb.rules[r].id);
            set_text(&mut reader.title, &rb.rules[r].title);
        });
    });
}

/// Whether an ink effect (a prohibition when `forbid`, else a preference, of `kind`) points
/// to the ink chosen: the one test behind both the report's `ink_because` and HOW.
pub(crate) fn shaped(ink: crate::engine::Ink, conflict: bool, forbid: bool, kind: crate::rulebook::InkKind) -> bool {
    use crate::engine::Ink;
    use crate::rulebook::InkKind::{Permanent, Temporary};
    match ink {
        Ink::Temporary if conflict => forbid,
        Ink::Temporary => (forbid && kind == Permanent) || (!forbid && kind == Temporary),
        Ink::Permanent => (forbid && kind == Temporary) || (!forbid && kind == Permanent),
        Ink::Either | Ink::None => false,
    }
}
