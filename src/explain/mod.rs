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
    explain_with(rb, answers, eval, audience, None, Vec::new())
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
    reuse(rb, answers, eval, audience, memo, Vec::new())
}

/// [`explain_with`] with `memo` lent to the tracer.
fn reuse(
    rb: &Rulebook,
    answers: &Answers,
    eval: &Evaluation,
    audience: Audience,
    memo: &mut TraceMemo,
    questions: Vec<QuestionWhy>,
) -> Explanation {
    memo.fit(rb, audience);
    let cell = std::cell::RefCell::new(std::mem::take(memo));
    let explanation = explain_with(rb, answers, eval, audience, Some(&cell), questions);
    *memo = cell.into_inner();
    explanation
}

/// [`explain_reusing`] into an explanation kept from an earlier one, whose lists of
/// questions are refilled rather than allocated again; the result is the one
/// [`explain`] builds.
pub fn explain_into(
    e: &mut Explanation,
    rb: &Rulebook,
    answers: &Answers,
    eval: &Evaluation,
    audience: Audience,
    memo: &mut TraceMemo,
) {
    let questions = std::mem::take(&mut e.questions);
    *e = reuse(rb, answers, eval, audience, memo, questions);
}

fn explain_with(
    rb: &Rulebook,
    answers: &Answers,
    eval: &Evaluation,
    audience: Audience,
    memo: Option<&std::cell::RefCell<TraceMemo>>,
    mut questions: Vec<QuestionWhy>,
) -> Explanation {
    let result = eval.result;
    let mut set_by = Vec::new();
    let mut overrode = Vec::new();
    for r in eval.fired() {
        let rule = &rb.rules[r];
        match rule.verdict {
            Some(v) if v == result.verdict => set_by.push(rule.id.clone()),
            Some(v) => overrode.push(RuleVerdict {
                rule: rule.id.clone(),
                verdict: v,
            }),
            None => {}
        }
    }
    set_by.sort();
    overrode.sort_by(|a, b| b.verdict.cmp(&a.verdict).then_with(|| a.rule.cmp(&b.rule)));

    let (mut ink_set, mut ink_over) = (Vec::new(), Vec::new());
    for r in eval.fired() {
        let rule = &rb.rules[r];
        for (forbid, kind) in rule.ink_effects() {
            let effect = RuleEffect {
                rule: rule.id.clone(),
                effect: words::effect_key(forbid, kind).to_owned(),
            };
            if shaped(result.ink, result.ink_conflict, forbid, kind) {
                ink_set.push(effect);
            } else {
                ink_over.push(effect);
            }
        }
    }
    ink_set.sort_by(|a, b| a.rule.cmp(&b.rule));
    ink_over.sort_by(|a, b| a.rule.cmp(&b.rule));

    let mut rules: Vec<(Option<Verdict>, RuleTrace)> = eval
        .rules
        .iter()
        .enumerate()
        .filter(|(_, t)| **t != Tri::False)
        .map(|(r, &t)| {
            let rule = &rb.rules[r];
            let node = trace::trace_with(rb, answers, eval, &rule.when, audience, memo);
            let would_need = if t == Tri::Unknown {
                node.undecided()
            } else {
                Vec::new()
            };
            (
                rule.verdict,
                RuleTrace {
                    rule: rule.id.clone(),
                    title: rule.title.clone(),
                    state: if t == Tri::True { "fired" } else { "possible" },
                    trace: node,
                    would_need,
                },
            )
        })
        .collect();
    // Fired before possible; within each, the most severe first; then by id.
    rules.sort_by(|(va, a), (vb, b)| {
        (a.state != "fired", std::cmp::Reverse(*va), &a.rule).cmp(&(
            b.state != "fired",
            std::cmp::Reverse(*vb),
            &b.rule,
        ))
    });

    questions_into(rb, eval, audience, &mut questions);

    Explanation {
        verdict: VerdictHow {
            value: result.verdict,
            set_by,
            overrode,
        },
        ink: InkHow {
            value: result.ink,
            set_by: ink_set,
            overrode: ink_over,
        },
        rules: rules.into_iter().map(|(_, t)| t).collect(),
        questions,
    }
}

/// For each question asked, why it is asked and which rules read it, into `out`: a list
/// kept from an earlier explanation is refilled in place (its strings reused), as batch
/// refills one explanation for every row; the list is the same as one built afresh.
fn questions_into(rb: &Rulebook, eval: &Evaluation, audience: Audience, out: &mut Vec<QuestionWhy>) {
    let mut n = 0;
    let mut by_id = Vec::new();
    for (q, question) in rb.questions.iter().enumerate() {
        if eval.applies[q] == Tri::False {
            continue;
        }
        if n == out.len() {
            out.push(QuestionWhy {
                question: String::new(),
                short: String::new(),
                why: String::new(),
                read_by: Vec::new(),
            });
        }
        let why = &mut out[n];
        why.question.clone_from(&question.id);
        why.short.clone_from(&question.short);
        why.why.clear();
        why.why.push_str(question.help_for(audience));
        // By id (their rank among ids, worked out once), so the explanation never depends
        // on the order of rules in the files.
        by_id.clear();
        by_id.extend_from_slice(rb.read_by(q));
        by_id.sort_unstable_by_key(|&r| rb.rule_rank[r]);
        why.read_by.truncate(by_id.len());
        for (i, &r) in by_id.iter().enumerate() {
            let rule = &rb.rules[r];
            match why.read_by.get_mut(i) {
                Some(reader) => {
                    reader.rule.clone_from(&rule.id);
                    reader.title.clone_from(&rule.title);
                }
                None => why.read_by.push(RuleRef {
                    rule: rule.id.clone(),
                    title: rule.title.clone(),
                }),
            }
        }
        n += 1;
    }
    out.truncate(n);
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
