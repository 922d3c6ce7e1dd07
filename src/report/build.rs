//! Builds the shared [`Screening`] from one evaluation.

use super::words;
use super::*;
use crate::answers::Slot;
use crate::engine::{Cond, Evaluation, Tri, evaluate};
use std::collections::BTreeMap;

/// Which explanations a result carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detail {
    /// HOW and WHY (`explain`).
    pub explain: bool,
    /// Counterfactuals (`what_if`), which cost a few hundred re-evaluations.
    pub what_if: bool,
}

impl Detail {
    /// Every explanation.
    pub const FULL: Detail = Detail {
        explain: true,
        what_if: true,
    };
    /// The result alone.
    pub const BRIEF: Detail = Detail {
        explain: false,
        what_if: false,
    };
}

/// Evaluates `answers` and builds the result worded for `audience`, with explanations.
pub fn screen(rulebook: &Rulebook, answers: &Answers, audience: Audience) -> Screening {
    screen_with(rulebook, answers, audience, Detail::FULL)
}

/// Evaluates `answers` and builds the result with the explanations asked for.
pub fn screen_with(rulebook: &Rulebook, answers: &Answers, audience: Audience, detail: Detail) -> Screening {
    let eval = evaluate(rulebook, answers);
    let mut s = from_evaluation(rulebook, answers, &eval, audience);
    if detail.explain {
        s.explain = Some(crate::explain::explain(rulebook, answers, &eval, audience));
    }
    if detail.what_if {
        s.what_if = Some(crate::explain::what_if(rulebook, answers, &eval, audience));
    }
    s
}

/// Builds the result of an evaluation already made, without explanations.
pub fn from_evaluation(rulebook: &Rulebook, answers: &Answers, eval: &Evaluation, audience: Audience) -> Screening {
    let rule_id = |r: usize| rulebook.rules[r].id.clone();
    // Rules sort by how much they matter, then id: never by position in the files.
    let by_weight = |a: &usize, b: &usize| {
        let (ra, rb) = (&rulebook.rules[*a], &rulebook.rules[*b]);
        rb.verdict.cmp(&ra.verdict).then_with(|| ra.id.cmp(&rb.id))
    };
    let mut fired: Vec<usize> = eval.fired().collect();
    fired.sort_by(by_weight);
    let mut possible: Vec<usize> = eval.possible().collect();
    possible.sort_by(by_weight);

    let result = eval.result;
    let mut verdict_because: Vec<String> = fired
        .iter()
        .filter(|&&r| rulebook.rules[r].verdict == Some(result.verdict))
        .map(|&r| rule_id(r))
        .collect();
    verdict_because.sort();

    let mut ink_because = Vec::new();
    for &r in &fired {
        let rule = &rulebook.rules[r];
        for (forbid, kind) in rule.ink_effects() {
            ink_because.push(InkReason {
                rule: rule.id.clone(),
                effect: words::effect_key(forbid, kind),
                text: rule_text(rule, audience),
            });
        }
    }
    // Forbids before preferences, each group by rule id.
    ink_because
        .sort_by(|a, b| (!a.effect.starts_with("forbid"), &a.rule).cmp(&(!b.effect.starts_with("forbid"), &b.rule)));
    // Keep only the effects that point to the ink chosen: a preference that lost to a
    // prohibition, or to the other preference, did not shape it.
    ink_because.retain(|x| crate::explain::shaped(result.ink, result.ink_conflict, &x.effect));

    let mut risks: BTreeMap<usize, (Severity, Vec<String>)> = BTreeMap::new();
    let mut advice: BTreeMap<usize, (Option<Verdict>, Vec<String>)> = BTreeMap::new();
    for &r in &fired {
        let rule = &rulebook.rules[r];
        for rr in &rule.risks {
            let severity = rr.severity.unwrap_or(rulebook.risks[rr.risk].severity);
            let entry = risks.entry(rr.risk).or_insert((severity, Vec::new()));
            entry.0 = entry.0.max(severity);
            entry.1.push(rule.id.clone());
        }
        for &a in &rule.advice {
            let entry = advice.entry(a).or_insert((rule.verdict, Vec::new()));
            entry.0 = entry.0.max(rule.verdict);
            entry.1.push(rule.id.clone());
        }
    }
    let mut risks: Vec<(usize, Severity, Vec<String>)> = risks.into_iter().map(|(i, (s, b))| (i, s, b)).collect();
    risks.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let risks = risks
        .into_iter()
        .map(|(i, severity, mut because)| {
            let risk = &rulebook.risks[i];
            because.sort();
            RiskItem {
                id: risk.id.clone(),
                title: risk.title.clone(),
                severity,
                text: audience.pick(&risk.text, risk.text_consultant.as_deref()).to_owned(),
                because,
            }
        })
        .collect();
    let mut advice: Vec<(usize, Option<Verdict>, Vec<String>)> =
        advice.into_iter().map(|(i, (v, b))| (i, v, b)).collect();
    advice.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let advice = advice
        .into_iter()
        .map(|(i, strongest, mut because)| {
            let item = &rulebook.advice[i];
            because.sort();
            AdviceItem {
                id: item.id.clone(),
                title: item.title.clone(),
                text: audience.pick(&item.text, item.text_consultant.as_deref()).to_owned(),
                urgent: strongest >= Some(Verdict::Refer),
                because,
            }
        })
        .collect();

    let mut unanswered = Vec::new();
    let mut ignored = Vec::new();
    for (q, question) in rulebook.questions.iter().enumerate() {
        let given = !matches!(answers.slot(q), Slot::Missing);
        match eval.applies[q] {
            Tri::False if given => ignored.push(question.id.clone()),
            Tri::False => {}
            _ if !matches!(answers.slot(q), Slot::Given(_)) => unanswered.push(question.id.clone()),
            _ => {}
        }
    }

    Screening {
        schema_version: SCHEMA_VERSION,
        tool: ToolInfo::current(),
        rulebook: RulebookInfo::of(rulebook),
        audience,
        verdict: result.verdict,
        verdict_meaning: words::verdict_meaning(result.verdict, audience).to_owned(),
        verdict_because,
        ink: result.ink,
        ink_because,
        ink_conflict: result.ink_conflict,
        provisional: eval.is_provisional(),
        worst_case: Outcome {
            verdict: eval.worst_case.verdict,
            ink: eval.worst_case.ink,
        },
        risks,
        advice,
        fired: fired
            .iter()
            .map(|&r| {
                let rule = &rulebook.rules[r];
                FiredRule {
                    rule: rule.id.clone(),
                    title: rule.title.clone(),
                    summary: rule.summary_or_title().to_owned(),
                    verdict: rule.verdict,
                    rationale: rule.rationale.clone(),
                    source: rule.source.clone(),
                    evidence: rule.evidence,
                }
            })
            .collect(),
        possible: possible
            .iter()
            .map(|&r| {
                let rule = &rulebook.rules[r];
                PossibleRule {
                    rule: rule.id.clone(),
                    title: rule.title.clone(),
                    verdict: rule.verdict,
                    decided_by: decided_by(rulebook, answers, eval, &rule.when)
                        .into_iter()
                        .map(|q| rulebook.questions[q].id.clone())
                        .collect(),
                }
            })
            .collect(),
        unanswered,
        ignored,
        disclaimer: rulebook.identity.disclaimer.clone(),
        explain: None,
        what_if: None,
    }
}

/// A rule's reason worded for the audience.
fn rule_text(rule: &crate::rulebook::Rule, audience: Audience) -> String {
    match audience {
        Audience::Patient => rule.summary_or_title().to_owned(),
        Audience::Consultant => rule.title.clone(),
    }
}

/// The unanswered questions that an undecided condition depends on, in question order.
///
/// Only parts of the condition that are themselves undecided are followed, through skip
/// logic, derived facts and scores.
pub fn decided_by(rulebook: &Rulebook, answers: &Answers, eval: &Evaluation, cond: &Cond) -> Vec<usize> {
    let mut found = vec![false; rulebook.questions.len()];
    let mut seen_facts = vec![false; rulebook.facts.len()];
    let mut seen_asks = vec![false; rulebook.questions.len()];
    walk(
        rulebook,
        answers,
        eval,
        cond,
        &mut found,
        &mut seen_facts,
        &mut seen_asks,
    );
    found.iter().enumerate().filter(|(_, f)| **f).map(|(q, _)| q).collect()
}

fn walk(
    rulebook: &Rulebook,
    answers: &Answers,
    eval: &Evaluation,
    cond: &Cond,
    found: &mut [bool],
    seen_facts: &mut [bool],
    seen_asks: &mut [bool],
) {
    let env = eval.env(answers);
    if cond.eval(&env) != Tri::Unknown {
        return;
    }
    let question = |q: usize, found: &mut [bool], seen_facts: &mut [bool], seen_asks: &mut [bool]| {
        if eval.applies[q] == Tri::Unknown
            && !std::mem::replace(&mut seen_asks[q], true)
            && let Some(ask) = &rulebook.questions[q].ask_if
        {
            walk(rulebook, answers, eval, ask, found, seen_facts, seen_asks);
        }
        if eval.applies[q] != Tri::False && !matches!(answers.slot(q), Slot::Given(_)) {
            found[q] = true;
        }
    };
    match cond {
        Cond::Always => {}
        Cond::All(parts) | Cond::Any(parts) => {
            for p in parts.iter() {
                walk(rulebook, answers, eval, p, found, seen_facts, seen_asks);
            }
        }
        Cond::Not(inner) => walk(rulebook, answers, eval, inner, found, seen_facts, seen_asks),
        Cond::Question(q, _) => question(*q, found, seen_facts, seen_asks),
        Cond::Fact(f) => {
            if std::mem::replace(&mut seen_facts[*f], true) {
                return;
            }
            for &r in &rulebook.facts[*f].derived_by {
                if eval.rules[r] == Tri::Unknown {
                    walk(
                        rulebook,
                        answers,
                        eval,
                        &rulebook.rules[r].when,
                        found,
                        seen_facts,
                        seen_asks,
                    );
                }
            }
        }
        Cond::Score(s, _) => {
            for &q in &rulebook.scores[*s].items {
                question(q, found, seen_facts, seen_asks);
            }
        }
    }
}
