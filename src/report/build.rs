//! Builds the shared [`Screening`] from one evaluation.

use super::*;
use crate::answers::Slot;
pub use crate::engine::decided_by;
use crate::engine::{Evaluation, Tri, evaluate};
use crate::words;
use std::ops::Range;

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
pub fn screen<'a>(rulebook: &'a Rulebook, answers: &Answers, audience: Audience) -> Screening<'a> {
    screen_with(rulebook, answers, audience, Detail::FULL)
}

/// Evaluates `answers` and builds the result with the explanations asked for.
pub fn screen_with<'a>(rulebook: &'a Rulebook, answers: &Answers, audience: Audience, detail: Detail) -> Screening<'a> {
    screen_reusing(rulebook, answers, audience, detail, &mut OutlineScratch::default())
}

/// [`screen_with`] with working space kept between screenings (batch screening keeps one
/// for all its rows), so the orders of the rulebook's rules are not worked out again.
pub fn screen_reusing<'a>(
    rulebook: &'a Rulebook,
    answers: &Answers,
    audience: Audience,
    detail: Detail,
    scratch: &mut OutlineScratch,
) -> Screening<'a> {
    screen_evaluated(
        rulebook,
        answers,
        &evaluate(rulebook, answers),
        audience,
        detail,
        scratch,
    )
}

/// [`screen_reusing`] for an evaluation already made (batch evaluates into storage it keeps
/// for every row).
pub fn screen_evaluated<'a>(
    rulebook: &'a Rulebook,
    answers: &Answers,
    eval: &Evaluation,
    audience: Audience,
    detail: Detail,
    scratch: &mut OutlineScratch,
) -> Screening<'a> {
    let mut s = from_evaluation(rulebook, answers, eval, audience, scratch);
    if detail.explain {
        s.explain = Some(crate::explain::explain_reusing(
            rulebook,
            answers,
            eval,
            audience,
            &mut scratch.explain,
        ));
    }
    if detail.what_if {
        s.what_if = Some(crate::explain::what_if(rulebook, answers, eval, audience));
    }
    s
}

/// What a result holds, as indices in its final order, before any text is looked up:
/// shared by the full result and batch's compact record.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outline {
    /// Fired rules, most severe first, then by id.
    pub fired: Vec<usize>,
    /// Possible rules, in the same order.
    pub possible: Vec<usize>,
    /// Risks, most severe first: catalogue index, severity, and the range of `because`
    /// holding the rules that reported it.
    pub risks: Vec<(usize, Severity, Range<usize>)>,
    /// Advice, most urgent first: catalogue index, urgent, and its range of `because`.
    pub advice: Vec<(usize, bool, Range<usize>)>,
    /// Rules behind each risk and advice, each group in id order.
    pub because: Vec<usize>,
    /// Questions that apply (or may) without an answer.
    pub unanswered: Vec<usize>,
    /// Answered questions that did not apply.
    pub ignored: Vec<usize>,
}

/// Orders the fired and possible rules, gathers risks and advice, and lists unanswered and
/// ignored questions. Nothing here depends on the order of rules in the files: rules are
/// ordered by their rank among ids, computed once when the rulebook loads.
pub fn outline(rulebook: &Rulebook, answers: &Answers, eval: &Evaluation) -> Outline {
    let mut o = Outline::default();
    outline_into(rulebook, answers, eval, &mut o, &mut OutlineScratch::default());
    o
}

/// Working space for [`outline_into`], kept between rows by batch screening: the orders an
/// outline is read in, computed once per rulebook so that no row sorts anything.
#[derive(Debug, Default)]
pub struct OutlineScratch {
    order: Option<Order>,
    /// Advice with the strongest verdict behind it, before ordering.
    advice: Vec<(Option<Verdict>, usize, Range<usize>)>,
    /// One bit for each risk, then for each advice: whether a fired rule gives it.
    marks: Vec<u64>,
    /// Tests traced for earlier explanations.
    explain: crate::explain::TraceMemo,
    /// The outline of the result being built.
    outline: Outline,
    /// The verdict's meaning and a complete result's headline, by language, audience,
    /// verdict and whether the result is provisional: worded once, not for every row.
    worded: Vec<(WordedKey, (String, String))>,
}

/// Language, audience, verdict and whether the result is provisional.
type WordedKey = (crate::i18n::Words, Audience, Verdict, bool);

impl OutlineScratch {
    /// What the verdict means, and the headline of a complete result with it.
    fn worded(
        &mut self,
        words: crate::i18n::Words,
        audience: Audience,
        verdict: Verdict,
        provisional: bool,
    ) -> &(String, String) {
        let key = (words, audience, verdict, provisional);
        let at = match self.worded.iter().position(|(k, _)| *k == key) {
            Some(at) => at,
            None => {
                let meaning = if provisional {
                    words::verdict_meaning_so_far(words, verdict, audience)
                } else {
                    words::verdict_meaning(words, verdict, audience)
                };
                // Only the verdict counts in a complete result's headline.
                let any = Outcome {
                    verdict,
                    ink: crate::engine::Ink::Either,
                };
                let headline = Headline::new(any, any, false, 0).text(words);
                self.worded.push((key, (meaning, headline)));
                self.worded.len() - 1
            }
        };
        &self.worded[at].1
    }
}

/// A rulebook's rules, risks and advice in the order outlines list them.
#[derive(Debug)]
struct Order {
    /// The rulebook these orders are of (its content hash).
    sha256: String,
    /// Every rule, most severe verdict first, then by id.
    by_weight: Vec<usize>,
    /// For each risk, the rules that report it, by id, with the severity each gives it
    /// (once per mention): risk `i` owns `risk_rules[risk_start[i]..risk_start[i + 1]]`.
    risk_rules: Vec<(usize, Severity)>,
    risk_start: Vec<usize>,
    /// For each advice, the rules that give it, by id, once per mention.
    advice_rules: Vec<usize>,
    advice_start: Vec<usize>,
}

impl Order {
    fn new(rulebook: &Rulebook) -> Order {
        let rank = |r: usize| rulebook.rule_rank[r];
        let mut by_weight: Vec<usize> = (0..rulebook.rules.len()).collect();
        by_weight.sort_unstable_by_key(|&r| (std::cmp::Reverse(rulebook.rules[r].verdict), rank(r)));
        let mut by_id: Vec<usize> = (0..rulebook.rules.len()).collect();
        by_id.sort_unstable_by_key(|&r| rank(r));
        // (entry, rule, severity) for every mention, rules by id; a stable sort by entry
        // keeps each entry's rules in id order.
        let mut risks: Vec<(usize, usize, Severity)> = Vec::new();
        let mut advice: Vec<(usize, usize)> = Vec::new();
        for &r in &by_id {
            let rule = &rulebook.rules[r];
            for x in &rule.risks {
                // The severity a rule gives is that of its first mention of the risk.
                let first = rule.risks.iter().find(|y| y.risk == x.risk).and_then(|y| y.severity);
                risks.push((x.risk, r, first.unwrap_or(rulebook.risks[x.risk].severity)));
            }
            advice.extend(rule.advice.iter().map(|&a| (a, r)));
        }
        risks.sort_by_key(|p| p.0);
        advice.sort_by_key(|p| p.0);
        let starts = |entries: &mut dyn Iterator<Item = usize>, n: usize| {
            let mut start = vec![0; n + 1];
            for e in entries {
                start[e + 1] += 1;
            }
            for i in 0..n {
                start[i + 1] += start[i];
            }
            start
        };
        let risk_start = starts(&mut risks.iter().map(|p| p.0), rulebook.risks.len());
        let advice_start = starts(&mut advice.iter().map(|p| p.0), rulebook.advice.len());
        let risk_rules = risks.into_iter().map(|(_, r, severity)| (r, severity)).collect();
        let advice_rules = advice.into_iter().map(|(_, r)| r).collect();
        Order {
            sha256: rulebook.sha256.clone(),
            by_weight,
            risk_rules,
            risk_start,
            advice_rules,
            advice_start,
        }
    }
}

/// [`outline`] into buffers that are reused, so a batch of millions of rows does not
/// allocate for each.
pub fn outline_into(
    rulebook: &Rulebook,
    answers: &Answers,
    eval: &Evaluation,
    o: &mut Outline,
    scratch: &mut OutlineScratch,
) {
    let order = match &mut scratch.order {
        Some(order) if order.sha256 == rulebook.sha256 && order.by_weight.len() == rulebook.rules.len() => order,
        slot => slot.insert(Order::new(rulebook)),
    };
    let fired = |r: usize| eval.rules[r] == Tri::True;
    o.fired.clear();
    o.possible.clear();
    for &r in &order.by_weight {
        match eval.rules[r] {
            Tri::True => o.fired.push(r),
            Tri::Unknown => o.possible.push(r),
            Tri::False => {}
        }
    }

    // Each risk and advice with the fired rules behind it, in id order, as a range of
    // `because`.
    o.because.clear();
    o.risks.clear();
    // The entries a fired rule gives, marked from the fired rules (a handful a row) rather
    // than found by looking through every rule's mentions; read in ascending order, as the
    // catalogue lists them.
    let marks = &mut scratch.marks;
    let risk_words = rulebook.risks.len().div_ceil(64);
    marks.clear();
    marks.resize(risk_words + rulebook.advice.len().div_ceil(64), 0);
    for &r in &o.fired {
        let rule = &rulebook.rules[r];
        for x in &rule.risks {
            marks[x.risk / 64] |= 1 << (x.risk % 64);
        }
        for &a in &rule.advice {
            marks[risk_words + a / 64] |= 1 << (a % 64);
        }
    }
    let (risk_marks, advice_marks) = marks.split_at(risk_words);
    for risk in marked(risk_marks) {
        let bounds = &order.risk_start[risk..risk + 2];
        let start = o.because.len();
        let mut severity = Severity::Low;
        for &(r, given) in &order.risk_rules[bounds[0]..bounds[1]] {
            if fired(r) {
                severity = severity.max(given);
                o.because.push(r);
            }
        }
        if o.because.len() > start {
            o.risks.push((risk, severity, start..o.because.len()));
        }
    }
    // Most severe first, then catalogue order (the keys are unique: no stable sort needed).
    o.risks.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    // Most urgent first: by the strongest verdict behind each advice, then catalogue order.
    let ranked = &mut scratch.advice;
    ranked.clear();
    for advice in marked(advice_marks) {
        let bounds = &order.advice_start[advice..advice + 2];
        let start = o.because.len();
        let mut top = None;
        for &r in &order.advice_rules[bounds[0]..bounds[1]] {
            if fired(r) {
                top = top.max(rulebook.rules[r].verdict);
                o.because.push(r);
            }
        }
        if o.because.len() > start {
            ranked.push((top, advice, start..o.because.len()));
        }
    }
    ranked.sort_unstable_by_key(|(top, advice, _)| (std::cmp::Reverse(*top), *advice));
    o.advice.clear();
    o.advice.extend(
        ranked
            .drain(..)
            .map(|(top, advice, range)| (advice, top >= Some(Verdict::Refer), range)),
    );

    o.unanswered.clear();
    o.ignored.clear();
    for (q, (slot, applies)) in answers.slots().iter().zip(&eval.applies).enumerate() {
        match (applies, slot) {
            (Tri::False, Slot::Missing) => {}
            (Tri::False, _) => o.ignored.push(q),
            (_, Slot::Given(_)) => {}
            (_, Slot::Missing | Slot::DontKnow) => o.unanswered.push(q),
        }
    }
}

/// The indices of the set bits, in ascending order.
fn marked(words: &[u64]) -> impl Iterator<Item = usize> + '_ {
    words.iter().enumerate().flat_map(|(w, &word)| {
        let mut bits = word;
        std::iter::from_fn(move || {
            (bits != 0).then(|| {
                let bit = bits.trailing_zeros() as usize;
                bits &= bits - 1;
                w * 64 + bit
            })
        })
    })
}

/// Builds the result of an evaluation already made, without explanations, with working
/// space kept between screenings.
pub fn from_evaluation<'a>(
    rulebook: &'a Rulebook,
    answers: &Answers,
    eval: &Evaluation,
    audience: Audience,
    scratch: &mut OutlineScratch,
) -> Screening<'a> {
    let mut s = Screening::blank(rulebook, audience);
    fill(&mut s, rulebook, answers, eval, audience, scratch);
    s
}

/// [`screen_evaluated`] into a result kept from the row before: its lists, and the lists in
/// its risks and advice, are refilled instead of allocated for every row of a batch.
pub fn screen_evaluated_into<'a>(
    s: &mut Screening<'a>,
    rulebook: &'a Rulebook,
    answers: &Answers,
    eval: &Evaluation,
    audience: Audience,
    detail: Detail,
    scratch: &mut OutlineScratch,
) {
    // The explanation kept from the row before is refilled where it can be.
    let kept = s.explain.take();
    fill(s, rulebook, answers, eval, audience, scratch);
    if detail.explain {
        s.explain = Some(match kept {
            Some(mut e) => {
                crate::explain::explain_into(&mut e, rulebook, answers, eval, audience, &mut scratch.explain);
                e
            }
            None => crate::explain::explain_reusing(rulebook, answers, eval, audience, &mut scratch.explain),
        });
    }
    s.what_if = detail
        .what_if
        .then(|| crate::explain::what_if(rulebook, answers, eval, audience));
}

impl<'a> Screening<'a> {
    /// A result with nothing decided yet, for [`screen_evaluated_into`] to fill.
    pub fn blank(rulebook: &'a Rulebook, audience: Audience) -> Screening<'a> {
        let nothing = Outcome {
            verdict: Verdict::Suitable,
            ink: crate::engine::Ink::Either,
        };
        Screening {
            schema_version: SCHEMA_VERSION,
            tool: ToolInfo::current(),
            rulebook: RulebookInfo::of(rulebook),
            audience,
            verdict: nothing.verdict,
            verdict_meaning: String::new(),
            verdict_because: Vec::new(),
            ink: nothing.ink,
            ink_because: Vec::new(),
            ink_conflict: false,
            provisional: false,
            status: Status::Complete,
            headline: String::new(),
            worst_case: nothing,
            pending: Vec::new(),
            recheck_after: None,
            risks: Vec::new(),
            advice: Vec::new(),
            fired: Vec::new(),
            possible: Vec::new(),
            unanswered: Vec::new(),
            ignored: Vec::new(),
            disclaimer: &rulebook.identity.disclaimer,
            explain: None,
            what_if: None,
        }
    }
}

/// Makes `s` the result of `eval`, without explanations, reusing the storage it has.
fn fill<'a>(
    s: &mut Screening<'a>,
    rulebook: &'a Rulebook,
    answers: &Answers,
    eval: &Evaluation,
    audience: Audience,
    scratch: &mut OutlineScratch,
) {
    let mut o = std::mem::take(&mut scratch.outline);
    outline_into(rulebook, answers, eval, &mut o, scratch);
    let rule_id = |r: usize| rulebook.rules[r].id.as_str();
    let question_id = |q: usize| rulebook.questions[q].id.as_str();
    let Outline {
        fired,
        possible,
        risks,
        advice,
        because,
        unanswered,
        ignored,
    } = &o;
    let rules_in = |list: &mut Vec<&'a str>, range: Range<usize>| {
        list.clear();
        list.extend(because[range].iter().map(|&r| rule_id(r)));
    };

    // The rulebook's identity is the same for every row of the same rulebook; in another
    // language than English it is worded, so it is made again only for another rulebook.
    // (Its content hash is never empty, so its address is this rulebook's alone.)
    if rulebook.sha256.is_empty() || !std::ptr::eq(s.rulebook.sha256, rulebook.sha256.as_str()) {
        s.rulebook = RulebookInfo::of(rulebook);
    }
    s.schema_version = SCHEMA_VERSION;
    s.tool = ToolInfo::current();
    s.audience = audience;
    s.disclaimer = &rulebook.identity.disclaimer;

    let result = eval.result;
    s.verdict = result.verdict;
    s.verdict_because.clear();
    s.verdict_because.extend(
        fired
            .iter()
            .filter(|&&r| rulebook.rules[r].verdict == Some(result.verdict))
            .map(|&r| rule_id(r)),
    );
    s.verdict_because.sort();

    // Only the effects that point to the ink chosen: a preference that lost to a
    // prohibition, or to the other preference, did not shape it.
    s.ink = result.ink;
    s.ink_conflict = result.ink_conflict;
    s.ink_because.clear();
    for &r in fired {
        let rule = &rulebook.rules[r];
        for (forbid, kind) in rule.ink_effects() {
            if crate::explain::shaped(result.ink, result.ink_conflict, forbid, kind) {
                s.ink_because.push(InkReason {
                    rule: &rule.id,
                    effect: words::effect_key(forbid, kind),
                    text: rule_text(rule, audience),
                });
            }
        }
    }
    // Forbids before preferences, each group by rule id (a stable sort: one rule's effects
    // stay in the order it gives them).
    let preference = |effect: &str| words::effect_of_key(effect).is_none_or(|(forbid, _)| !forbid);
    s.ink_because.sort_by_key(|x| (preference(x.effect), x.rule));

    s.risks.truncate(risks.len());
    for (k, &(i, severity, ref range)) in risks.iter().enumerate() {
        let risk = &rulebook.risks[i];
        let text = audience.pick(&risk.text, risk.text_consultant.as_deref());
        if k == s.risks.len() {
            s.risks.push(RiskItem {
                id: &risk.id,
                title: &risk.title,
                severity,
                text,
                because: Vec::new(),
            });
        }
        let item = &mut s.risks[k];
        (item.id, item.title, item.severity, item.text) = (&risk.id, &risk.title, severity, text);
        rules_in(&mut item.because, range.clone());
    }
    s.advice.truncate(advice.len());
    for (k, &(i, urgent, ref range)) in advice.iter().enumerate() {
        let entry = &rulebook.advice[i];
        let text = audience.pick(&entry.text, entry.text_consultant.as_deref());
        if k == s.advice.len() {
            s.advice.push(AdviceItem {
                id: &entry.id,
                title: &entry.title,
                text,
                urgent,
                because: Vec::new(),
            });
        }
        let item = &mut s.advice[k];
        (item.id, item.title, item.text, item.urgent) = (&entry.id, &entry.title, text, urgent);
        rules_in(&mut item.because, range.clone());
    }
    s.unanswered.clear();
    s.unanswered.extend(unanswered.iter().map(|&q| question_id(q)));
    s.ignored.clear();
    s.ignored.extend(ignored.iter().map(|&q| question_id(q)));

    let pending = eval.pending(rulebook);
    let provisional = eval.is_provisional();
    s.provisional = provisional;
    s.status = Status::of(provisional);
    s.worst_case = Outcome {
        verdict: eval.worst_case.verdict,
        ink: eval.worst_case.ink,
    };
    let (meaning, complete_headline) = scratch.worded(rulebook.words(), audience, result.verdict, provisional);
    s.verdict_meaning.clear();
    s.verdict_meaning.push_str(meaning);
    s.headline.clear();
    if provisional {
        let headline = Headline::new(
            Outcome {
                verdict: result.verdict,
                ink: result.ink,
            },
            s.worst_case,
            true,
            pending_questions(rulebook, answers, eval, &pending).len(),
        );
        s.headline.push_str(&headline.text(rulebook.words()));
    } else {
        s.headline.push_str(complete_headline);
    }

    s.pending.clear();
    s.pending.extend(pending.iter().map(|p| {
        let rule = &rulebook.rules[p.rule];
        PendingRule {
            rule: &rule.id,
            title: &rule.title,
            verdict: rule.verdict,
            ink: rule.ink_effects().map(|(f, k)| words::effect_key(f, k)).collect(),
            decided_by: decided_by(rulebook, answers, eval, &rule.when)
                .into_iter()
                .map(question_id)
                .collect(),
            would_give: Outcome {
                verdict: p.would_give.verdict,
                ink: p.would_give.ink,
            },
        }
    }));
    s.fired.clear();
    s.fired.extend(fired.iter().map(|&r| {
        let rule = &rulebook.rules[r];
        FiredRule {
            rule: &rule.id,
            title: &rule.title,
            summary: rule.summary_or_title(),
            verdict: rule.verdict,
            rationale: rule.rationale.as_deref(),
            source: rule.source.as_deref(),
            evidence: rule.evidence,
        }
    }));
    s.possible.clear();
    s.possible.extend(possible.iter().map(|&r| {
        let rule = &rulebook.rules[r];
        PossibleRule {
            rule: &rule.id,
            title: &rule.title,
            verdict: rule.verdict,
            decided_by: decided_by(rulebook, answers, eval, &rule.when)
                .into_iter()
                .map(question_id)
                .collect(),
        }
    }));
    s.recheck_after = eval.recheck_after(rulebook).map(|(wait, rules)| {
        let (months, weeks) = match wait {
            crate::rulebook::Recheck::Months(m) => (Some(m), None),
            crate::rulebook::Recheck::Weeks(w) => (None, Some(w)),
        };
        let mut because: Vec<&str> = rules.into_iter().map(rule_id).collect();
        because.sort();
        RecheckAfter { months, weeks, because }
    });
    s.explain = None;
    s.what_if = None;
    scratch.outline = o;
}

/// A rule's reason worded for the audience.
fn rule_text(rule: &crate::rulebook::Rule, audience: Audience) -> &str {
    match audience {
        Audience::Patient => rule.summary_or_title(),
        Audience::Consultant => &rule.title,
    }
}

/// The unanswered questions a provisional result depends on: those deciding the rules that
/// would change the verdict or ink, or, when no single rule would, those deciding any
/// undecided rule. Batch screening counts them the same way for its headline.
pub fn pending_questions(
    rulebook: &Rulebook,
    answers: &Answers,
    eval: &Evaluation,
    pending: &[crate::engine::Pending],
) -> Vec<usize> {
    if pending.is_empty() {
        crate::engine::decided_by_rules(rulebook, answers, eval, eval.possible())
    } else {
        crate::engine::decided_by_rules(rulebook, answers, eval, pending.iter().map(|p| p.rule))
    }
}
