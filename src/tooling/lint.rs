//! Static analysis of a loaded rulebook, over the questions and the rules together.
//!
//! The core is a "needs" analysis: for each condition, constraints that every answer set
//! making it hold must meet (which questions must apply, which values they may take).
//! A test on a question also needs that question to apply, so it pulls in the question's
//! own skip logic; that is how a rule that reads a question its own condition makes
//! unaskable is caught. Constraints merge through `all`, widen through `any`, and only a
//! proven contradiction is reported, so every finding is real. Each item is analysed
//! once, in evaluation order, with skip logic and facts memoised: linear in the size of
//! the rulebook.

use crate::audience::Audience;
use crate::date::Date;
use crate::describe;
use crate::engine::{Cond, NumRange, Ref, Test};
use crate::rulebook::{Code, Diagnostic, InkKind, QuestionKind, Rulebook, Step, Verdict};
use std::collections::BTreeMap;

/// Every warning and error `rules check` reports beyond those loading already found,
/// located in the rulebook's files.
pub fn check(rulebook: &Rulebook, today: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let analysis = Analysis::run(rulebook);
    analysis.report(&mut out);
    reads(rulebook, &mut out);
    reachability(rulebook, &analysis, &mut out);
    catalogue(rulebook, &mut out);
    case_only_duplicates(rulebook, &mut out);
    documentation(rulebook, today, &mut out);
    recorded_version(rulebook, &mut out);
    crate::tooling::wording::check(rulebook, &mut out);
    invariants(rulebook, &mut out);
    Diagnostic::locate(&mut out, &rulebook.files);
    out.sort_by_key(|d| (d.level, d.file.clone(), d.line, d.column));
    out
}

/// Every invariant proved over all answer sets; a refuted one is an error with its
/// smallest counterexample.
fn invariants(rulebook: &Rulebook, out: &mut Vec<Diagnostic>) {
    for proof in crate::prove::prove(rulebook) {
        let Some(cx) = proof.refuted else { continue };
        let inv = &rulebook.invariants[proof.invariant];
        let answers = serde_json::Value::Object(cx.answers.to_json(rulebook)).to_string();
        out.push(
            Diagnostic::error(
                Code::InvariantRefuted,
                inv.origin.file,
                inv.origin.path.clone(),
                format!("invariant `{}` does not hold: {}", inv.id, cx.found),
            )
            .with_help(Some(format!(
                "for example with the answers {answers}; `smp-screen rules prove` writes them to a file"
            ))),
        );
    }
}

/// Where a constraint comes from, for messages; put into words only when reported.
#[derive(Debug, Clone)]
enum Source {
    /// A test on a question, possibly negated, possibly from a question's skip logic.
    Test {
        question: usize,
        test: Test,
        negated: bool,
        skip_logic_of: Option<usize>,
    },
    /// A fact that no rule can derive.
    Underivable(usize),
}

impl Source {
    fn skip_logic_of(&self) -> Option<usize> {
        match self {
            Source::Test { skip_logic_of, .. } => *skip_logic_of,
            Source::Underivable(_) => None,
        }
    }

    fn words(&self, rb: &Rulebook) -> String {
        match self {
            Source::Test {
                question,
                test,
                negated,
                ..
            } => {
                let words = describe::test(rb, *question, test, Audience::Consultant);
                if *negated { format!("not ({words})") } else { words }
            }
            Source::Underivable(f) => format!("fact `{}`, which no rule can derive", rb.facts[*f].id),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Applies {
    Must,
    MustNot,
    Either,
}

#[derive(Debug, Clone, PartialEq)]
enum Values {
    Any,
    Choice(u64),
    Bool(u8),
    Number(NumRange),
    /// Multiple choice: each mask needs one of its options ticked; `forbidden` none ticked.
    Multi {
        any_of: Vec<u64>,
        forbidden: u64,
    },
}

#[derive(Debug, Clone)]
struct Need {
    applies: Applies,
    values: Values,
    sources: Vec<Source>,
}

/// A proven contradiction on one question.
#[derive(Debug, Clone)]
struct Conflict {
    question: usize,
    sources: Vec<Source>,
}

type Needs = BTreeMap<usize, Need>;

fn all_options(n: usize) -> u64 {
    if n >= 64 { u64::MAX } else { (1u64 << n) - 1 }
}

/// Conjunction of two needs on the same question; `None` when they contradict.
fn meet(rb: &Rulebook, q: usize, a: &Need, b: &Need) -> Option<Need> {
    let applies = match (a.applies, b.applies) {
        (Applies::Must, Applies::MustNot) | (Applies::MustNot, Applies::Must) => return None,
        (Applies::Either, x) | (x, Applies::Either) => x,
        (x, _) => x,
    };
    let values = match (&a.values, &b.values) {
        (Values::Any, v) | (v, Values::Any) => v.clone(),
        (Values::Choice(x), Values::Choice(y)) => Values::Choice(x & y),
        (Values::Bool(x), Values::Bool(y)) => Values::Bool(x & y),
        (Values::Number(x), Values::Number(y)) => Values::Number(x.intersect(y)),
        (
            Values::Multi {
                any_of: x,
                forbidden: fx,
            },
            Values::Multi {
                any_of: y,
                forbidden: fy,
            },
        ) => Values::Multi {
            any_of: x.iter().chain(y).copied().collect(),
            forbidden: fx | fy,
        },
        _ => Values::Any,
    };
    let mut sources = a.sources.clone();
    sources.extend(b.sources.iter().cloned());
    let need = Need {
        applies,
        values,
        sources,
    };
    if applies == Applies::Must && empty(rb, q, &need.values) {
        return None;
    }
    Some(need)
}

/// Whether no answer can take these values.
fn empty(rb: &Rulebook, q: usize, values: &Values) -> bool {
    match values {
        Values::Any => false,
        Values::Choice(m) => m & all_options(rb.questions[q].options.len()) == 0,
        Values::Bool(m) => *m == 0,
        Values::Number(r) => r.intersect(&rb.questions[q].bounds()).is_empty(),
        Values::Multi { any_of, forbidden } => {
            if any_of.iter().any(|m| m & !forbidden == 0) {
                return true;
            }
            // An option that stands alone (such as `none`) cannot be ticked with another:
            // if one need can only be met by such options, every need must include one.
            let exclusive = rb.questions[q].exclusive_mask();
            any_of.iter().filter(|m| **m & !exclusive == 0).any(|lone| {
                let candidates = any_of.iter().fold(lone & !forbidden, |c, m| c & m);
                candidates == 0
            })
        }
    }
}

/// Disjunction of two needs on the same question: what holds either way.
fn join(a: &Need, b: &Need) -> Need {
    let applies = if a.applies == b.applies {
        a.applies
    } else {
        Applies::Either
    };
    // A side that need not apply imposes nothing on the values.
    let values = match (a.applies, b.applies) {
        (Applies::MustNot, _) => b.values.clone(),
        (_, Applies::MustNot) => a.values.clone(),
        _ => match (&a.values, &b.values) {
            (Values::Choice(x), Values::Choice(y)) => Values::Choice(x | y),
            (Values::Bool(x), Values::Bool(y)) => Values::Bool(x | y),
            (Values::Number(x), Values::Number(y)) => Values::Number(NumRange {
                lo: x.lo.min(y.lo),
                lo_inclusive: x.lo_inclusive || y.lo_inclusive,
                hi: x.hi.max(y.hi),
                hi_inclusive: x.hi_inclusive || y.hi_inclusive,
            }),
            (x, y) if x == y => x.clone(),
            _ => Values::Any,
        },
    };
    let mut sources = a.sources.clone();
    sources.extend(b.sources.iter().cloned());
    Need {
        applies,
        values,
        sources,
    }
}

fn and(rb: &Rulebook, mut acc: Needs, other: &Needs) -> Result<Needs, Conflict> {
    for (&q, need) in other {
        let merged = match acc.get(&q) {
            Some(have) => meet(rb, q, have, need).ok_or_else(|| Conflict {
                question: q,
                sources: have.sources.iter().chain(&need.sources).cloned().collect(),
            })?,
            None => need.clone(),
        };
        acc.insert(q, merged);
    }
    Ok(acc)
}

fn or(a: &Needs, b: &Needs) -> Needs {
    a.iter()
        .filter_map(|(q, na)| b.get(q).map(|nb| (*q, join(na, nb))))
        .collect()
}

/// The results of the needs analysis for every question's skip logic, fact and rule.
struct Analysis<'a> {
    rb: &'a Rulebook,
    ask: Vec<Result<Needs, Conflict>>,
    facts: Vec<Result<Needs, Conflict>>,
    rules: Vec<Result<Needs, Conflict>>,
}

impl<'a> Analysis<'a> {
    fn run(rb: &'a Rulebook) -> Analysis<'a> {
        let mut a = Analysis {
            rb,
            ask: vec![Ok(Needs::new()); rb.questions.len()],
            facts: vec![Ok(Needs::new()); rb.facts.len()],
            rules: vec![Ok(Needs::new()); rb.rules.len()],
        };
        for step in &rb.plan {
            match *step {
                Step::Applies(q) => {
                    a.ask[q] = rb.questions[q].ask_if.as_ref().map_or(Ok(Needs::new()), |c| a.needs(c));
                }
                Step::Rule(r) => a.rules[r] = a.needs(&rb.rules[r].when),
                Step::Fact(f) => {
                    let mut derivable = rb.facts[f].derived_by.iter().filter_map(|&r| a.rules[r].as_ref().ok());
                    a.facts[f] = match derivable.next() {
                        Some(first) => Ok(derivable.fold(first.clone(), |acc, n| or(&acc, n))),
                        None => Err(Conflict {
                            question: usize::MAX,
                            sources: vec![Source::Underivable(f)],
                        }),
                    };
                }
                Step::Score(_) => {}
            }
        }
        a
    }

    fn source(&self, q: usize, t: &Test, negated: bool) -> Source {
        Source::Test {
            question: q,
            test: t.clone(),
            negated,
            skip_logic_of: None,
        }
    }

    fn needs(&self, cond: &Cond) -> Result<Needs, Conflict> {
        let rb = self.rb;
        match cond {
            Cond::Always | Cond::Score(..) => Ok(Needs::new()),
            Cond::All(parts) => parts
                .iter()
                .try_fold(Needs::new(), |acc, p| and(rb, acc, &self.needs(p)?)),
            // At least n parts hold: with n = all of them it is `all`; otherwise at least one
            // holds, which needs what every satisfiable part needs in common (like `any`),
            // and too few satisfiable parts mean it can never hold.
            Cond::AtLeast(n, parts) if *n == parts.len() => parts
                .iter()
                .try_fold(Needs::new(), |acc, p| and(rb, acc, &self.needs(p)?)),
            Cond::AtLeast(n, parts) => {
                let results: Vec<Result<Needs, Conflict>> = parts.iter().map(|p| self.needs(p)).collect();
                let mut satisfiable = results.iter().filter_map(|r| r.as_ref().ok());
                if satisfiable.clone().count() < *n {
                    return results.into_iter().find_map(Result::err).map_or(Ok(Needs::new()), Err);
                }
                let first = satisfiable.next().cloned().unwrap_or_default();
                Ok(satisfiable.fold(first, |acc, n| or(&acc, n)))
            }
            Cond::Any(parts) => {
                let mut satisfiable = parts.iter().filter_map(|p| self.needs(p).ok());
                match satisfiable.next() {
                    Some(first) => Ok(satisfiable.fold(first, |acc, n| or(&acc, &n))),
                    None => self.needs(&parts[0]),
                }
            }
            Cond::Fact(f) => self.facts[*f].clone(),
            Cond::Question(q, t) => {
                let values = match t {
                    Test::Answered => Values::Any,
                    Test::ChoiceIn(m) => Values::Choice(*m),
                    Test::MultiAny(m) => Values::Multi {
                        any_of: vec![*m],
                        forbidden: 0,
                    },
                    Test::Bool(b) => Values::Bool(if *b { 2 } else { 1 }),
                    Test::Number(r) => Values::Number(*r),
                };
                let own = Needs::from([(
                    *q,
                    Need {
                        applies: Applies::Must,
                        values,
                        sources: vec![self.source(*q, t, false)],
                    },
                )]);
                // To be answered the question must apply: its skip logic must hold too.
                let mut skip = self.ask[*q].clone()?;
                for need in skip.values_mut() {
                    for s in &mut need.sources {
                        if let Source::Test { skip_logic_of, .. } = s {
                            skip_logic_of.get_or_insert(*q);
                        }
                    }
                }
                and(rb, skip, &own)
            }
            Cond::Not(inner) => match &**inner {
                Cond::Question(q, t) => {
                    let n = rb.questions[*q].options.len();
                    // "Not answered" can only definitely hold when the question does not
                    // apply: an unanswered question that applies is unknown.
                    let applies = if *t == Test::Answered {
                        Applies::MustNot
                    } else {
                        Applies::Either
                    };
                    let values = match t {
                        Test::ChoiceIn(m) => Values::Choice(!m & all_options(n)),
                        Test::MultiAny(m) => Values::Multi {
                            any_of: Vec::new(),
                            forbidden: *m,
                        },
                        Test::Bool(b) => Values::Bool(if *b { 1 } else { 2 }),
                        Test::Number(r) if r.lo == f64::NEG_INFINITY => Values::Number(NumRange {
                            lo: r.hi,
                            lo_inclusive: !r.hi_inclusive,
                            hi: f64::INFINITY,
                            hi_inclusive: true,
                        }),
                        Test::Number(r) if r.hi == f64::INFINITY => Values::Number(NumRange {
                            lo: f64::NEG_INFINITY,
                            lo_inclusive: true,
                            hi: r.lo,
                            hi_inclusive: !r.lo_inclusive,
                        }),
                        _ => Values::Any,
                    };
                    Ok(Needs::from([(
                        *q,
                        Need {
                            applies,
                            values,
                            sources: vec![self.source(*q, t, true)],
                        },
                    )]))
                }
                _ => Ok(Needs::new()),
            },
        }
    }

    fn rule_can_fire(&self, r: usize) -> bool {
        self.rules[r].is_ok()
    }

    fn report(&self, out: &mut Vec<Diagnostic>) {
        let rb = self.rb;
        for (r, result) in self.rules.iter().enumerate() {
            let Err(conflict) = result else { continue };
            let rule = &rb.rules[r];
            let (code, message) = self.explain(conflict, &format!("rule `{}` can never fire", rule.id));
            out.push(Diagnostic::error(
                code,
                rule.origin.file,
                format!("{}.when", rule.origin.path),
                message,
            ));
        }
        for (q, result) in self.ask.iter().enumerate() {
            let Err(conflict) = result else { continue };
            let question = &rb.questions[q];
            let (code, message) = self.explain(conflict, &format!("question `{}` can never be asked", question.id));
            out.push(Diagnostic::error(
                code,
                question.origin.file,
                format!("{}.ask_if", question.origin.path),
                message,
            ));
        }
    }

    fn explain(&self, conflict: &Conflict, head: &str) -> (Code, String) {
        let rb = self.rb;
        if conflict.question == usize::MAX {
            return (
                Code::NeverHolds,
                format!("{head}: it needs {}", conflict.sources[0].words(rb)),
            );
        }
        let by_skip = conflict.sources.iter().find_map(Source::skip_logic_of);
        let own: Vec<String> = conflict
            .sources
            .iter()
            .filter(|s| s.skip_logic_of().is_none())
            .map(|s| s.words(rb))
            .collect();
        match by_skip {
            Some(asked) => {
                let question = &rb.questions[asked];
                let when = question
                    .ask_if
                    .as_ref()
                    .map_or_else(String::new, |c| describe::condition(rb, c, Audience::Consultant));
                (
                    Code::UnreachableBySkipLogic,
                    format!(
                        "{head}: it reads `{}`, which is asked only if {when}, but it also needs {}",
                        question.id,
                        own.join(" and ")
                    ),
                )
            }
            None => (
                Code::Contradiction,
                format!("{head}: {} cannot all hold", own.join(", ")),
            ),
        }
    }
}

/// Questions that change nothing, and skip logic that reads questions asked later.
fn reads(rb: &Rulebook, out: &mut Vec<Diagnostic>) {
    let mut read = vec![false; rb.questions.len()];
    let mut score_read = vec![false; rb.scores.len()];
    let mark = |c: &Cond, read: &mut Vec<bool>, score_read: &mut Vec<bool>| {
        c.visit_refs(&mut |r| match r {
            Ref::Question(q) => read[q] = true,
            Ref::Score(s) => score_read[s] = true,
            Ref::Fact(_) => {}
        })
    };
    for rule in &rb.rules {
        mark(&rule.when, &mut read, &mut score_read);
    }
    for (q, question) in rb.questions.iter().enumerate() {
        if let Some(c) = &question.ask_if {
            mark(c, &mut read, &mut score_read);
            c.visit_refs(&mut |r| {
                if let Ref::Question(other) = r
                    && other > q
                {
                    out.push(
                        Diagnostic::warning(
                            Code::AskIfReadsLater,
                            question.origin.file,
                            format!("{}.ask_if", question.origin.path),
                            format!(
                                "the skip logic of `{}` reads `{}`, which is asked later, so the interview cannot know it yet",
                                question.id, rb.questions[other].id
                            ),
                        )
                        .with_help(Some(format!("move `{}` before `{}`", rb.questions[other].id, question.id))),
                    );
                }
            });
        }
        for option in &question.options {
            if let Some(c) = &option.show_if {
                mark(c, &mut read, &mut score_read);
            }
        }
    }
    for (s, score) in rb.scores.iter().enumerate() {
        if score_read[s] {
            for &q in &score.items {
                read[q] = true;
            }
        }
    }
    for (q, question) in rb.questions.iter().enumerate() {
        if !read[q] {
            out.push(Diagnostic::warning(
                Code::QuestionChangesNothing,
                question.origin.file,
                format!("{}.id", question.origin.path),
                format!(
                    "question `{}` is read by no rule, skip logic or score, so its answer changes nothing",
                    question.id
                ),
            ));
        }
    }
}

/// Verdicts, inks, risks and advice that no answers can reach.
fn reachability(rb: &Rulebook, a: &Analysis, out: &mut Vec<Diagnostic>) {
    let live: Vec<usize> = (0..rb.rules.len()).filter(|&r| a.rule_can_fire(r)).collect();
    let always: Vec<usize> = live
        .iter()
        .copied()
        .filter(|&r| rb.rules[r].when == Cond::Always)
        .collect();
    let floor = always
        .iter()
        .filter_map(|&r| rb.rules[r].verdict)
        .max()
        .unwrap_or(Verdict::Suitable);
    let mut unreachable = Vec::new();
    for v in Verdict::ALL {
        let reachable = v == floor || (v > floor && live.iter().any(|&r| rb.rules[r].verdict == Some(v)));
        if !reachable {
            unreachable.push(v.as_str());
        }
    }
    let gives = |ink: InkKind| {
        live.iter()
            .any(|&r| rb.rules[r].forbid.contains(&other(ink)) || rb.rules[r].prefer == Some(ink))
    };
    let ink_always = always
        .iter()
        .any(|&r| !rb.rules[r].forbid.is_empty() || rb.rules[r].prefer.is_some());
    let mut inks = Vec::new();
    if floor == Verdict::Unsuitable {
        inks.extend(["temporary", "permanent", "either"]);
    } else {
        if !gives(InkKind::Temporary) {
            inks.push("temporary");
        }
        if !gives(InkKind::Permanent) {
            inks.push("permanent");
        }
        if ink_always {
            inks.push("either");
        }
    }
    if unreachable.contains(&"unsuitable") {
        inks.push("none");
    }
    if !unreachable.is_empty() || !inks.is_empty() {
        let mut parts = Vec::new();
        if !unreachable.is_empty() {
            parts.push(format!("verdict {}", unreachable.join(", ")));
        }
        if !inks.is_empty() {
            parts.push(format!("ink {}", inks.join(", ")));
        }
        out.push(
            Diagnostic::warning(
                Code::UnreachableOutcome,
                0,
                "rulebook",
                format!("no combination of answers can give {}", parts.join("; ")),
            )
            .with_help(
                (floor > Verdict::Suitable)
                    .then(|| format!("rules that always fire raise every result to `{}`", floor.as_str())),
            ),
        );
    }
    // One pass over the rules: which entries are listed at all, and by a rule that can fire.
    let (mut risk_listed, mut risk_live) = (vec![false; rb.risks.len()], vec![false; rb.risks.len()]);
    let (mut advice_listed, mut advice_live) = (vec![false; rb.advice.len()], vec![false; rb.advice.len()]);
    for (r, rule) in rb.rules.iter().enumerate() {
        let fires = a.rule_can_fire(r);
        for x in &rule.risks {
            risk_listed[x.risk] = true;
            risk_live[x.risk] |= fires;
        }
        for &x in &rule.advice {
            advice_listed[x] = true;
            advice_live[x] |= fires;
        }
    }
    for (i, risk) in rb.risks.iter().enumerate() {
        if !risk_live[i] && risk_listed[i] {
            out.push(Diagnostic::warning(
                Code::UnreachableRisk,
                risk.origin.file,
                format!("{}.id", risk.origin.path),
                format!("risk `{}` is listed only by rules that can never fire", risk.id),
            ));
        }
    }
    for (i, advice) in rb.advice.iter().enumerate() {
        if !advice_live[i] && advice_listed[i] {
            out.push(Diagnostic::warning(
                Code::UnreachableAdvice,
                advice.origin.file,
                format!("{}.id", advice.origin.path),
                format!("advice `{}` is given only by rules that can never fire", advice.id),
            ));
        }
    }
}

fn other(ink: InkKind) -> InkKind {
    match ink {
        InkKind::Temporary => InkKind::Permanent,
        InkKind::Permanent => InkKind::Temporary,
    }
}

/// Ids of one kind (or option values of one question) that differ only by case: valid,
/// but `Fading` beside `fading` is a typo waiting to be matched against the wrong one.
fn case_only_duplicates(rb: &Rulebook, out: &mut Vec<Diagnostic>) {
    fn scan<'a>(
        kind: &str,
        items: impl Iterator<Item = (&'a str, &'a crate::rulebook::Origin, String)>,
        out: &mut Vec<Diagnostic>,
    ) {
        let mut seen: std::collections::HashMap<String, &'a str> = std::collections::HashMap::new();
        for (id, origin, path) in items {
            match seen.entry(id.to_lowercase()) {
                std::collections::hash_map::Entry::Occupied(first) => out.push(Diagnostic::warning(
                    Code::CaseOnlyDuplicate,
                    origin.file,
                    path,
                    format!(
                        "{kind} `{id}` differs from `{}` only by case; rename one so they cannot be confused",
                        first.get()
                    ),
                )),
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(id);
                }
            }
        }
    }
    let with_id = |id: &'static str| move |o: &crate::rulebook::Origin| format!("{}.{id}", o.path);
    let id_path = with_id("id");
    scan(
        "question",
        rb.questions
            .iter()
            .map(|x| (x.id.as_str(), &x.origin, id_path(&x.origin))),
        out,
    );
    scan(
        "rule",
        rb.rules.iter().map(|x| (x.id.as_str(), &x.origin, id_path(&x.origin))),
        out,
    );
    scan(
        "risk",
        rb.risks.iter().map(|x| (x.id.as_str(), &x.origin, id_path(&x.origin))),
        out,
    );
    scan(
        "advice",
        rb.advice.iter().map(|x| (x.id.as_str(), &x.origin, id_path(&x.origin))),
        out,
    );
    scan(
        "fact",
        rb.facts.iter().map(|x| (x.id.as_str(), &x.origin, id_path(&x.origin))),
        out,
    );
    for q in &rb.questions {
        let options = q.options.iter().enumerate().map(|(i, o)| {
            (
                o.value.as_str(),
                &q.origin,
                format!("{}.options[{i}].value", q.origin.path),
            )
        });
        scan(&format!("option of `{}`", q.id), options, out);
    }
}

/// Catalogue entries nothing uses; facts never derived or never tested.
fn catalogue(rb: &Rulebook, out: &mut Vec<Diagnostic>) {
    let mut risk_used = vec![false; rb.risks.len()];
    let mut advice_used = vec![false; rb.advice.len()];
    let mut fact_tested = vec![false; rb.facts.len()];
    let mut score_tested = vec![false; rb.scores.len()];
    let mut see = |c: &Cond| {
        c.visit_refs(&mut |r| match r {
            Ref::Fact(f) => fact_tested[f] = true,
            Ref::Score(s) => score_tested[s] = true,
            Ref::Question(_) => {}
        })
    };
    for rule in &rb.rules {
        rule.risks.iter().for_each(|x| risk_used[x.risk] = true);
        rule.advice.iter().for_each(|&x| advice_used[x] = true);
        see(&rule.when);
    }
    for q in &rb.questions {
        q.ask_if.iter().for_each(&mut see);
        q.options.iter().filter_map(|o| o.show_if.as_ref()).for_each(&mut see);
    }
    let unused = |kind: &'static str, code: Code, id: &str, origin: &crate::rulebook::Origin, what: &str| {
        Diagnostic::warning(
            code,
            origin.file,
            format!("{}.id", origin.path),
            format!("{kind} `{id}` {what}"),
        )
    };
    for (_, r) in rb.risks.iter().enumerate().filter(|(i, _)| !risk_used[*i]) {
        out.push(unused(
            "risk",
            Code::UnusedRisk,
            &r.id,
            &r.origin,
            "is listed by no rule",
        ));
    }
    for (_, a) in rb.advice.iter().enumerate().filter(|(i, _)| !advice_used[*i]) {
        out.push(unused(
            "advice",
            Code::UnusedAdvice,
            &a.id,
            &a.origin,
            "is given by no rule",
        ));
    }
    for (i, f) in rb.facts.iter().enumerate() {
        if f.derived_by.is_empty() {
            out.push(unused(
                "fact",
                Code::FactNeverDerived,
                &f.id,
                &f.origin,
                "is derived by no rule, so tests of it never hold",
            ));
        } else if !fact_tested[i] {
            out.push(unused(
                "fact",
                Code::FactNeverTested,
                &f.id,
                &f.origin,
                "is derived but no condition tests it",
            ));
        }
    }
    for (_, s) in rb.scores.iter().enumerate().filter(|(i, _)| !score_tested[*i]) {
        let origin = rb
            .questions
            .get(s.items.first().copied().unwrap_or(0))
            .map(|q| q.origin.clone());
        if let Some(origin) = origin {
            out.push(Diagnostic::warning(
                Code::ScoreNeverTested,
                origin.file,
                "scores",
                format!("score `{}` is tested by no condition", s.id),
            ));
        }
    }
    for (q, question) in rb.questions.iter().enumerate() {
        let scored = question.options.iter().any(|o| o.score.is_some());
        if scored && question.kind == QuestionKind::Single && !rb.scores.iter().any(|s| s.items.contains(&q)) {
            out.push(Diagnostic::warning(
                Code::ScoreUnused,
                question.origin.file,
                format!("{}.options", question.origin.path),
                format!(
                    "question `{}` gives its options scores, but no score sums them",
                    question.id
                ),
            ));
        }
    }
}

/// Rules without rationale, source or evidence; an overdue review.
fn documentation(rb: &Rulebook, today: Date, out: &mut Vec<Diagnostic>) {
    for rule in &rb.rules {
        let mut missing = Vec::new();
        if rule.rationale.is_none() {
            missing.push("rationale");
        }
        if rule.source.is_none() {
            missing.push("source");
        }
        if rule.evidence.is_none() {
            missing.push("evidence");
        }
        if !missing.is_empty() {
            out.push(
                Diagnostic::warning(
                    Code::UndocumentedRule,
                    rule.origin.file,
                    format!("{}.id", rule.origin.path),
                    format!("rule `{}` has no {}", rule.id, missing.join(", ")),
                )
                .with_help(Some("every rule should say why (rationale), where from (source) and how strong (evidence: clinical, practitioner, marketing or inference)".into())),
            );
        }
    }
    if let Some(due) = Date::parse(&rb.identity.review_due)
        && due < today
    {
        let file = rb
            .files
            .iter()
            .position(|f| f.text.contains("\"review_due\""))
            .unwrap_or(0);
        out.push(
            Diagnostic::warning(
                Code::ReviewOverdue,
                file,
                "rulebook.review_due",
                format!("the clinical review was due on {due}"),
            )
            .with_help(Some(
                "review the rulebook, then update status, reviewed_by, reviewed_on, reviewed_hash and review_due"
                    .into(),
            )),
        );
    }
    review(rb, out);
}

/// A `reviewed` rulebook whose content changed after the review is not reviewed any more.
fn review(rb: &Rulebook, out: &mut Vec<Diagnostic>) {
    let crate::rulebook::Review::ChangedSinceReview { on, .. } = &rb.review else {
        return;
    };
    let file = rb
        .files
        .iter()
        .position(|f| f.text.contains("\"reviewed_hash\""))
        .unwrap_or(0);
    out.push(
        Diagnostic::warning(
            Code::ChangedSinceReview,
            file,
            "rulebook.reviewed_hash",
            format!(
                "the rulebook changed after its review on {on}: its content hash is {}, not the reviewed_hash",
                rb.content_hash()
            ),
        )
        .with_help(Some(
            "have a clinician review the changes, then record the new content hash in reviewed_hash; until then every result says the rulebook is not yet reviewed as it stands".into(),
        )),
    );
}

/// The content hash that the identity's `version_hash` records: SHA-256 over each file's
/// base name and JSON content (parsed and written back compactly, so layout and spacing do
/// not count), in load order, with `version_hash` itself left out so that recording it
/// does not change it.
pub fn version_hash(rb: &Rulebook) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for f in &rb.files {
        let base = f.name.rsplit(['/', '\\']).next().unwrap_or(&f.name);
        hasher.update(base.as_bytes());
        hasher.update([0]);
        let text = crate::rulebook::source::without_bom(&f.text);
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(mut doc) => {
                if let Some(identity) = doc.get_mut("rulebook").and_then(|r| r.as_object_mut()) {
                    identity.remove("version_hash");
                }
                hasher.update(doc.to_string().as_bytes());
            }
            Err(_) => hasher.update(text.as_bytes()),
        }
        hasher.update([0]);
    }
    hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The file holding the identity block.
fn identity_file(rb: &Rulebook) -> usize {
    rb.files
        .iter()
        .position(|f| f.text.contains("\"rulebook\""))
        .unwrap_or(0)
}

/// What to write as `version_hash` for the current content and `version`.
fn version_hash_help(rb: &Rulebook, version: &str) -> String {
    format!(
        "set `version_hash` to {{\"version\": \"{version}\", \"sha256\": \"{}\"}}",
        version_hash(rb)
    )
}

/// The identity's `version_hash` against the content: a change of content under the same
/// version, or a version that moved on without its hash.
fn recorded_version(rb: &Rulebook, out: &mut Vec<Diagnostic>) {
    let Some(recorded) = &rb.identity.version_hash else {
        return;
    };
    let version = &rb.identity.version;
    let now = version_hash(rb);
    let file = identity_file(rb);
    if recorded.version == *version && recorded.sha256 != now {
        out.push(
            Diagnostic::warning(
                Code::VersionNotBumped,
                file,
                "rulebook.version",
                format!(
                    "the content changed since version {version} was recorded in `version_hash`, but the version is still {version}"
                ),
            )
            .with_help(Some(format!(
                "bump `version` (patch for wording, minor for new questions, options or rules, major for a changed meaning), then {}",
                version_hash_help(rb, "NEW-VERSION")
            ))),
        );
    } else if recorded.version != *version {
        out.push(
            Diagnostic::warning(
                Code::VersionHashStale,
                file,
                "rulebook.version_hash",
                format!(
                    "`version_hash` records version {}, but the version is {version}",
                    crate::sanitize::one_line(&recorded.version)
                ),
            )
            .with_help(Some(version_hash_help(rb, version))),
        );
    }
}

/// `rules check --against OLD`: warns when the content differs from an earlier rulebook
/// with the same id but the version does not, or when the version went back.
pub fn against(rb: &Rulebook, old: &Rulebook) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let (new_v, old_v) = (&rb.identity.version, &old.identity.version);
    let file = identity_file(rb);
    let same_content = rb.sha256 == old.sha256 || version_hash(rb) == version_hash(old);
    if !same_content && new_v == old_v {
        out.push(
            Diagnostic::warning(
                Code::VersionNotBumped,
                file,
                "rulebook.version",
                format!(
                    "the content differs from the earlier rulebook ({} {old_v}), but the version is still {new_v}",
                    crate::sanitize::one_line(&old.identity.id)
                ),
            )
            .with_help(Some(
                "bump `version`: patch for wording, minor for new questions, options or rules, major for a changed meaning"
                    .into(),
            )),
        );
    } else if let (Some(n), Some(o)) = (semver(new_v), semver(old_v))
        && n < o
    {
        out.push(Diagnostic::warning(
            Code::VersionWentBack,
            file,
            "rulebook.version",
            format!("the version {new_v} is lower than the earlier rulebook's {old_v}"),
        ));
    }
    Diagnostic::locate(&mut out, &rb.files);
    out
}

/// `MAJOR.MINOR.PATCH` as numbers, for ordering versions.
fn semver(v: &str) -> Option<(u64, u64, u64)> {
    let mut parts = v.split(['.', '-', '+']).map(|p| p.parse::<u64>().ok());
    Some((parts.next()??, parts.next()??, parts.next()??))
}
