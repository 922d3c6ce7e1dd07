//! Two rulebooks compared: what changed in their files (questions, options, rules,
//! catalogue entries, texts, by id) and how their behaviour differs over every answer set
//! both accept, with one smallest example for each kind of change, found by the solver.

use super::encode::{INKS, encode};
use super::sat::Sat;
use super::space::Space;
use crate::answers::Answers;
use crate::engine::{Ink, evaluate};
use crate::rulebook::{Rulebook, Verdict};
use serde::Serialize;
use serde_json::{Map, Value};

/// An item added, removed or changed.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ItemChange {
    /// What it is: `question`, `option`, `rule`, `risk`, `advice`, `fact`, `score`,
    /// `invariant` or `rulebook` (the identity).
    pub kind: &'static str,
    /// Its id (`question.option` for an option).
    pub id: String,
    /// `added`, `removed` or `changed`.
    pub change: &'static str,
    /// For a changed item, each field that differs.
    pub fields: Vec<FieldChange>,
}

/// One field before and after, as compact JSON (absent as `null`).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FieldChange {
    /// The field.
    pub field: String,
    /// Before.
    pub old: Value,
    /// After.
    pub new: Value,
}

/// A kind of behaviour change, with its smallest example.
#[derive(Debug, Clone, Serialize)]
pub struct BehaviourChange {
    /// `verdict` or `ink`.
    pub what: &'static str,
    /// The old rulebook's value.
    pub old: &'static str,
    /// The new rulebook's value.
    pub new: &'static str,
    /// Answers that show it, as the new rulebook reads them (an answers file).
    pub answers: Map<String, Value>,
    /// The same answers as the old rulebook reads them, when they differ (questions the
    /// old rulebook does not have are left out).
    pub answers_old: Option<Map<String, Value>>,
    /// Number of questions answered.
    pub answered: usize,
}

/// Every structural change between `old` and `new`.
pub fn structure(old: &Rulebook, new: &Rulebook) -> Vec<ItemChange> {
    let (a, b) = (documents(old), documents(new));
    let mut out = Vec::new();
    compare_identity(&a, &b, &mut out);
    for (section, kind) in [
        ("questions", "question"),
        ("scores", "score"),
        ("facts", "fact"),
        ("rules", "rule"),
        ("risks", "risk"),
        ("advice", "advice"),
        ("invariants", "invariant"),
    ] {
        let (xa, xb) = (items(&a, section), items(&b, section));
        compare_items(kind, &xa, &xb, &mut out, kind == "question");
    }
    out
}

fn documents(rb: &Rulebook) -> Vec<Value> {
    rb.files
        .iter()
        .filter_map(|f| serde_json::from_str(crate::rulebook::source::without_bom(&f.text)).ok())
        .collect()
}

fn items(docs: &[Value], section: &str) -> Vec<(String, Map<String, Value>)> {
    docs.iter()
        .filter_map(|d| d.get(section).and_then(Value::as_array))
        .flatten()
        .filter_map(|v| {
            let m = v.as_object()?;
            Some((m.get("id")?.as_str()?.to_owned(), m.clone()))
        })
        .collect()
}

fn compare_identity(a: &[Value], b: &[Value], out: &mut Vec<ItemChange>) {
    let get = |docs: &[Value]| {
        docs.iter()
            .find_map(|d| d.get("rulebook").and_then(Value::as_object).cloned())
            .unwrap_or_default()
    };
    let fields = field_changes(&get(a), &get(b), &[]);
    if !fields.is_empty() {
        out.push(ItemChange {
            kind: "rulebook",
            id: "identity".into(),
            change: "changed",
            fields,
        });
    }
}

fn field_changes(a: &Map<String, Value>, b: &Map<String, Value>, skip: &[&str]) -> Vec<FieldChange> {
    let mut keys: Vec<&String> = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))).collect();
    keys.retain(|k| !skip.contains(&k.as_str()));
    keys.into_iter()
        .filter_map(|k| {
            let (x, y) = (
                a.get(k).cloned().unwrap_or(Value::Null),
                b.get(k).cloned().unwrap_or(Value::Null),
            );
            (x != y).then(|| FieldChange {
                field: k.clone(),
                old: x,
                new: y,
            })
        })
        .collect()
}

fn compare_items(
    kind: &'static str,
    a: &[(String, Map<String, Value>)],
    b: &[(String, Map<String, Value>)],
    out: &mut Vec<ItemChange>,
    with_options: bool,
) {
    for (id, old) in a {
        match b.iter().find(|(i, _)| i == id) {
            None => out.push(ItemChange {
                kind,
                id: id.clone(),
                change: "removed",
                fields: Vec::new(),
            }),
            Some((_, new)) => {
                let skip: &[&str] = if with_options { &["options"] } else { &[] };
                let fields = field_changes(old, new, skip);
                if !fields.is_empty() {
                    out.push(ItemChange {
                        kind,
                        id: id.clone(),
                        change: "changed",
                        fields,
                    });
                }
                if with_options {
                    let opts = |m: &Map<String, Value>| -> Vec<(String, Map<String, Value>)> {
                        m.get("options")
                            .and_then(Value::as_array)
                            .into_iter()
                            .flatten()
                            .filter_map(|o| {
                                let o = o.as_object()?;
                                Some((format!("{id}.{}", o.get("value")?.as_str()?), o.clone()))
                            })
                            .collect()
                    };
                    compare_items("option", &opts(old), &opts(new), out, false);
                }
            }
        }
    }
    for (id, _) in b {
        if !a.iter().any(|(i, _)| i == id) {
            out.push(ItemChange {
                kind,
                id: id.clone(),
                change: "added",
                fields: Vec::new(),
            });
        }
    }
}

/// Every kind of verdict and ink change some answer set shows, each with the smallest
/// example the solver finds (fewest answered questions). Empty when the two rulebooks
/// give every answer set both accept the same verdict and ink.
pub fn behaviour(old: &Rulebook, new: &Rulebook) -> Vec<BehaviourChange> {
    let mut sat = Sat::new();
    let space = Space::new(&mut sat, &[old, new]);
    let a = encode(&mut sat, old, &space);
    let b = encode(&mut sat, new, &space);
    let counter = super::Minimiser::new(&mut sat, &space);
    let mut out = Vec::new();
    for &vo in &Verdict::ALL {
        for &vn in &Verdict::ALL {
            if vo == vn {
                continue;
            }
            let (x, y) = (a.result.verdict_is(&mut sat, vo), b.result.verdict_is(&mut sat, vn));
            if super::minimise(&mut sat, &counter, &[x, y]) {
                out.push(example(&sat, &space, old, new, "verdict", vo.as_str(), vn.as_str()));
            }
        }
    }
    for &io in &INKS {
        for &inew in &INKS {
            if io == inew {
                continue;
            }
            let (x, y) = (a.result.ink_is(io), b.result.ink_is(inew));
            if super::minimise(&mut sat, &counter, &[x, y]) {
                out.push(example(&sat, &space, old, new, "ink", io.as_str(), inew.as_str()));
            }
        }
    }
    out
}

fn example(
    sat: &Sat,
    space: &Space,
    old: &Rulebook,
    new: &Rulebook,
    what: &'static str,
    o: &'static str,
    n: &'static str,
) -> BehaviourChange {
    let answers_new = space.decode(sat, new);
    let answers_old = space.decode(sat, old);
    let (jn, jo) = (answers_new.to_json(new), answers_old.to_json(old));
    BehaviourChange {
        what,
        old: o,
        new: n,
        answered: jn.len().max(jo.len()),
        answers_old: (jo != jn).then_some(jo),
        answers: jn,
    }
}

/// Verdict, ink and risks of `answers` under a rulebook, for comparing cases and records.
pub fn outcome(rb: &Rulebook, answers: &Answers) -> (Verdict, Ink, Vec<String>) {
    let eval = evaluate(rb, answers);
    let mut risks: Vec<String> = eval
        .fired()
        .flat_map(|r| rb.rules[r].risks.iter().map(|x| rb.risks[x.risk].id.clone()))
        .collect();
    risks.sort();
    risks.dedup();
    (eval.result.verdict, eval.result.ink, risks)
}
