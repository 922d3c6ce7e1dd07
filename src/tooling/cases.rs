//! Golden cases: short clinical stories with answers and the result they must get,
//! kept beside the rules (`rules/cases/*.json`) and run by `cargo test` and
//! `smp-screen rules test`.

use crate::answers::Answers;
use crate::audience::Audience;
use crate::engine::Ink;
use crate::report::{Screening, screen};
use crate::rulebook::Rulebook;
use crate::rulebook::model::RiskRefDoc;
use crate::rulebook::{QuestionKind, Verdict};
use serde::Deserialize;
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// One golden case.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Path to the JSON Schema, for editors.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// The clinical story in a sentence or two.
    pub story: String,
    /// The answers, as `assess` takes them.
    pub answers: Map<String, Value>,
    /// What the result must be.
    pub expect: Expect,
}

/// Expectations of a case; every field is optional.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// The verdict.
    #[serde(default)]
    pub verdict: Option<Verdict>,
    /// The ink.
    #[serde(default)]
    pub ink: Option<Ink>,
    /// Whether the result is provisional.
    #[serde(default)]
    pub provisional: Option<bool>,
    /// Risks that must appear (with a severity, that exact severity).
    #[serde(default)]
    pub risks: Vec<RiskRefDoc>,
    /// Risks that must not appear.
    #[serde(default)]
    pub no_risks: Vec<String>,
    /// Advice that must appear.
    #[serde(default)]
    pub advice: Vec<String>,
    /// Advice that must not appear.
    #[serde(default)]
    pub no_advice: Vec<String>,
    /// Rules that must fire.
    #[serde(default)]
    pub fired: Vec<String>,
    /// Rules that must not fire.
    #[serde(default)]
    pub not_fired: Vec<String>,
    /// The questions an interview asks with these answers, in order.
    #[serde(default)]
    pub asked: Option<Vec<String>>,
}

/// A case read from a file.
#[derive(Debug, Clone)]
pub struct CaseFile {
    /// Name (the file stem).
    pub name: String,
    /// Path.
    pub path: PathBuf,
    /// The case, or why it could not be read.
    pub case: Result<Case, String>,
}

/// How one case fared.
#[derive(Debug, Clone, PartialEq)]
pub struct CaseOutcome {
    /// Case name.
    pub name: String,
    /// Each disagreement, in words; empty when the case passed.
    pub problems: Vec<String>,
}

/// What a set of cases left untested.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CaseCoverage {
    /// Rules that no case fired.
    pub rules_never_fired: Vec<String>,
    /// Options (`question=value`) that no case's answers use.
    pub options_never_used: Vec<String>,
    /// Verdicts no case produced.
    pub verdicts_never_seen: Vec<&'static str>,
    /// Inks no case produced.
    pub inks_never_seen: Vec<&'static str>,
}

impl CaseCoverage {
    /// Whether everything was covered.
    pub fn is_complete(&self) -> bool {
        self.rules_never_fired.is_empty()
            && self.options_never_used.is_empty()
            && self.verdicts_never_seen.is_empty()
            && self.inks_never_seen.is_empty()
    }
}

/// The cases folder that belongs to a rulebook path: `PATH/cases` for a folder,
/// `cases/` beside a single file.
pub fn folder_for(rulebook_path: &Path) -> PathBuf {
    if rulebook_path.is_dir() {
        rulebook_path.join("cases")
    } else {
        rulebook_path.parent().unwrap_or(Path::new(".")).join("cases")
    }
}

/// Reads every `*.json` case in a folder, in name order.
pub fn read_folder(dir: &Path) -> std::io::Result<Vec<CaseFile>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    // A golden case that cannot be read would make the run pass without it: every entry
    // must be a regular file (a symbolic link to one is followed), checked before any is
    // opened, and opening never waits on a FIFO.
    for path in &paths {
        if let Err(what) = crate::rulebook::source::regular_metadata(path) {
            return Err(std::io::Error::other(format!(
                "{} is {what}, not a regular file",
                crate::sanitize::one_line(&path.display().to_string())
            )));
        }
    }
    Ok(paths
        .into_iter()
        .map(|path| {
            let name = path
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            let case = read_case(&path).and_then(|text| parse(&text));
            CaseFile { name, path, case }
        })
        .collect())
}

/// Largest case file accepted.
pub const MAX_CASE_BYTES: u64 = 4 * 1024 * 1024;

fn read_case(path: &Path) -> Result<String, String> {
    use crate::rulebook::source::{OpenError, open_regular};
    let file = open_regular(path).map_err(|e| match e {
        OpenError::Io(e) => e.to_string(),
        OpenError::NotRegular(what) => format!("{what}, not a regular file"),
    })?;
    let bytes = crate::rulebook::source::read_bounded(file, MAX_CASE_BYTES)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("larger than the limit of {MAX_CASE_BYTES} bytes"))?;
    String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_owned())
}

/// The golden cases compiled into the binary with the default rulebook.
pub fn embedded() -> Vec<CaseFile> {
    crate::rulebook::source::embedded::CASES
        .iter()
        .map(|(file, text)| CaseFile {
            name: file.trim_end_matches(".json").to_owned(),
            path: PathBuf::from("rules/cases").join(file),
            case: parse(text),
        })
        .collect()
}

/// Parses a case, naming the line, column and JSON path of a problem.
pub fn parse(text: &str) -> Result<Case, String> {
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        format!(
            "{} at line {}, column {} ({path})",
            crate::json_error::strip_position(&inner.to_string()),
            inner.line(),
            inner.column()
        )
    })
}

/// The questions an interview asks for these answers, in order.
pub fn asked(rulebook: &Rulebook, answers: &Answers) -> Vec<String> {
    crate::interview::questions_asked(rulebook, answers)
        .into_iter()
        .map(|q| rulebook.questions[q].id.clone())
        .collect()
}

/// Runs one case.
pub fn run<'a>(rulebook: &'a Rulebook, name: &str, case: &Case) -> (CaseOutcome, Option<Screening<'a>>) {
    let mut problems = Vec::new();
    let answers = match Answers::from_json_value(rulebook, &Value::Object(case.answers.clone())) {
        Ok(a) => a,
        Err(e) => {
            problems.push(format!("invalid answers: {}", e.to_string().replace('\n', "; ")));
            return (
                CaseOutcome {
                    name: name.to_owned(),
                    problems,
                },
                None,
            );
        }
    };
    let s = screen(rulebook, &answers, Audience::Consultant);
    let e = &case.expect;
    if let Some(v) = e.verdict
        && v != s.verdict
    {
        problems.push(format!("verdict: expected {}, got {}", v.as_str(), s.verdict.as_str()));
    }
    if let Some(i) = e.ink
        && i != s.ink
    {
        problems.push(format!("ink: expected {}, got {}", i.as_str(), s.ink.as_str()));
    }
    if let Some(p) = e.provisional
        && p != s.provisional
    {
        let unanswered = s.deciding_questions(rulebook).join(", ");
        problems.push(format!(
            "provisional: expected {p}, got {} (deciding: {unanswered})",
            s.provisional
        ));
    }
    for want in &e.risks {
        match s.risks.iter().find(|r| r.id == want.id) {
            None if rulebook.risk_index(&want.id).is_none() => {}
            None => problems.push(format!("risk `{}` missing", want.id)),
            Some(r) => {
                if let Some(sev) = want.severity
                    && sev != r.severity
                {
                    problems.push(format!(
                        "risk `{}`: expected {}, got {}",
                        want.id,
                        sev.as_str(),
                        r.severity.as_str()
                    ));
                }
            }
        }
    }
    let present = |list: &[String], got: &dyn Fn(&str) -> bool, what: &str, must: bool, problems: &mut Vec<String>| {
        for id in list {
            if got(id) != must {
                problems.push(format!(
                    "{what} `{id}` {}",
                    if must { "missing" } else { "present but must not be" }
                ));
            }
        }
    };
    let has_risk = |id: &str| s.risks.iter().any(|r| r.id == id);
    let has_advice = |id: &str| s.advice.iter().any(|a| a.id == id);
    let has_fired = |id: &str| s.fired.iter().any(|f| f.rule == id);
    let advice_exists = |id: &str| rulebook.advice_index(id).is_some();
    let rule_exists = |id: &str| rulebook.rule_index(id).is_some();
    let known = |list: &[String], exists: &dyn Fn(&str) -> bool| -> Vec<String> {
        list.iter().filter(|id| exists(id)).cloned().collect()
    };
    present(&e.no_risks, &has_risk, "risk", false, &mut problems);
    present(
        &known(&e.advice, &advice_exists),
        &has_advice,
        "advice",
        true,
        &mut problems,
    );
    present(&e.no_advice, &has_advice, "advice", false, &mut problems);
    present(&known(&e.fired, &rule_exists), &has_fired, "rule", true, &mut problems);
    present(&e.not_fired, &has_fired, "rule", false, &mut problems);
    unknown_ids(rulebook, e, &mut problems);
    if let Some(want) = &e.asked {
        let got = asked(rulebook, &answers);
        if let Some(diff) = asked_difference(want, &got) {
            problems.push(format!("asked: {diff}"));
        }
    }
    (
        CaseOutcome {
            name: name.to_owned(),
            problems,
        },
        Some(s),
    )
}

/// Ids in a case's expectations that the rulebook does not have, each with the nearest id
/// that it has.
fn unknown_ids(rulebook: &Rulebook, e: &Expect, problems: &mut Vec<String>) {
    use crate::suggest::{did_you_mean, hint};
    let risk_ids = || rulebook.risks.iter().map(|r| r.id.as_str());
    let advice_ids = || rulebook.advice.iter().map(|a| a.id.as_str());
    let rule_ids = || rulebook.rules.iter().map(|r| r.id.as_str());
    let question_ids = || rulebook.questions.iter().map(|q| q.id.as_str());
    let mut check = |what: &str, id: &str, exists: bool, nearest: Option<&str>| {
        if !exists {
            problems.push(format!("{what} `{id}` does not exist{}", hint(nearest)));
        }
    };
    for r in &e.risks {
        check(
            "risk",
            &r.id,
            rulebook.risk_index(&r.id).is_some(),
            did_you_mean(&r.id, risk_ids()),
        );
    }
    for id in &e.no_risks {
        check(
            "risk",
            id,
            rulebook.risk_index(id).is_some(),
            did_you_mean(id, risk_ids()),
        );
    }
    for id in e.advice.iter().chain(&e.no_advice) {
        check(
            "advice",
            id,
            rulebook.advice_index(id).is_some(),
            did_you_mean(id, advice_ids()),
        );
    }
    for id in e.fired.iter().chain(&e.not_fired) {
        check(
            "rule",
            id,
            rulebook.rule_index(id).is_some(),
            did_you_mean(id, rule_ids()),
        );
    }
    for id in e.asked.iter().flatten() {
        check(
            "question",
            id,
            rulebook.question_index(id).is_some(),
            did_you_mean(id, question_ids()),
        );
    }
}

/// How the questions asked differ from those expected, in a line: the questions missing
/// and those not expected, or, when the same questions come in another order, where the
/// order first differs. `None` when they are the same.
pub fn asked_difference(want: &[String], got: &[String]) -> Option<String> {
    if want == got {
        return None;
    }
    let missing: Vec<String> = want
        .iter()
        .filter(|id| !got.contains(id))
        .map(|id| format!("`{id}`"))
        .collect();
    let unexpected: Vec<String> = got
        .iter()
        .filter(|id| !want.contains(id))
        .map(|id| format!("`{id}`"))
        .collect();
    let mut parts = Vec::new();
    if !missing.is_empty() {
        parts.push(format!("not asked {}", missing.join(", ")));
    }
    if !unexpected.is_empty() {
        parts.push(format!("also asked {}", unexpected.join(", ")));
    }
    if parts.is_empty() {
        let at = want.iter().zip(got).position(|(a, b)| a != b).unwrap_or(0);
        parts.push(format!(
            "the same questions in another order: question {} is `{}`, expected `{}`",
            at + 1,
            got.get(at).map_or("", String::as_str),
            want.get(at).map_or("", String::as_str)
        ));
    }
    Some(parts.join("; "))
}

/// The case with its failing expectations rewritten from the current result: a verdict,
/// ink, provisional flag or `asked` list that differs takes the current value; a risk with
/// another severity takes the current one; an id that must appear but does not, or must
/// not appear but does, or does not exist, is dropped. Expectations that hold are kept as
/// written. `None` when the case's answers do not fit the rulebook (nothing to update from).
pub fn updated(rulebook: &Rulebook, case: &Case) -> Option<Case> {
    let answers = Answers::from_json_value(rulebook, &Value::Object(case.answers.clone())).ok()?;
    let s = screen(rulebook, &answers, Audience::Consultant);
    let mut e = case.expect.clone();
    if e.verdict.is_some() {
        e.verdict = Some(s.verdict);
    }
    if e.ink.is_some() {
        e.ink = Some(s.ink);
    }
    if e.provisional.is_some() {
        e.provisional = Some(s.provisional);
    }
    e.risks
        .retain_mut(|want| match s.risks.iter().find(|r| r.id == want.id) {
            Some(r) => {
                if want.severity.is_some() {
                    want.severity = Some(r.severity);
                }
                true
            }
            None => false,
        });
    let has_risk = |id: &str| s.risks.iter().any(|r| r.id == id);
    let has_advice = |id: &str| s.advice.iter().any(|a| a.id == id);
    let has_fired = |id: &str| s.fired.iter().any(|f| f.rule == id);
    e.no_risks
        .retain(|id| rulebook.risk_index(id).is_some() && !has_risk(id));
    e.advice.retain(|id| has_advice(id));
    e.no_advice
        .retain(|id| rulebook.advice_index(id).is_some() && !has_advice(id));
    e.fired.retain(|id| has_fired(id));
    e.not_fired
        .retain(|id| rulebook.rule_index(id).is_some() && !has_fired(id));
    if e.asked.is_some() {
        e.asked = Some(asked(rulebook, &answers));
    }
    Some(Case {
        expect: e,
        ..case.clone()
    })
}

/// A case as JSON in the layout of the cases shipped with the rulebook: `$schema`,
/// `story`, `answers`, `expect`; lists and objects on one line when they fit, one item a
/// line otherwise. Keys keep their order in `original` (the text the case was read from),
/// so that an update changes only what it must; other keys come in asking order
/// (answers) or in the order of [`Expect`]'s fields.
pub fn to_json(rulebook: &Rulebook, case: &Case, original: Option<&str>) -> String {
    let order = original
        .and_then(|t| serde_json::from_str::<KeyOrder>(t).ok())
        .unwrap_or_default();
    let mut top: Vec<(&str, Value)> = Vec::new();
    if let Some(schema) = &case.schema {
        top.push(("$schema", Value::from(schema.as_str())));
    }
    top.push(("story", Value::from(case.story.as_str())));
    let mut answers: Vec<(&str, Value)> = case.answers.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    answers.sort_by_key(|(k, _)| (rulebook.question_index(k).unwrap_or(usize::MAX), *k));
    let e = &case.expect;
    let ids = |list: &[String]| Value::from(list.to_vec());
    let mut expect: Vec<(&str, Value)> = Vec::new();
    if let Some(v) = e.verdict {
        expect.push(("verdict", Value::from(v.as_str())));
    }
    if let Some(i) = e.ink {
        expect.push(("ink", Value::from(i.as_str())));
    }
    if let Some(p) = e.provisional {
        expect.push(("provisional", Value::from(p)));
    }
    let risks: Vec<Value> = e
        .risks
        .iter()
        .map(|r| match r.severity {
            Some(sev) => serde_json::json!({"id": r.id, "severity": sev.as_str()}),
            None => Value::from(r.id.as_str()),
        })
        .collect();
    for (key, value, present) in [
        ("risks", Value::from(risks), !e.risks.is_empty()),
        ("no_risks", ids(&e.no_risks), !e.no_risks.is_empty()),
        ("advice", ids(&e.advice), !e.advice.is_empty()),
        ("no_advice", ids(&e.no_advice), !e.no_advice.is_empty()),
        ("fired", ids(&e.fired), !e.fired.is_empty()),
        ("not_fired", ids(&e.not_fired), !e.not_fired.is_empty()),
    ] {
        if present {
            expect.push((key, value));
        }
    }
    if let Some(asked) = &e.asked {
        expect.push(("asked", ids(asked)));
    }
    order.apply(&order.answers, &mut answers);
    order.apply(&order.expect, &mut expect);
    let mut sections: Vec<(&str, String)> = top.iter().map(|(k, v)| (*k, layout(k, v, 2))).collect();
    sections.push(("answers", object("answers", &answers, 2, false)));
    sections.push(("expect", object("expect", &expect, 2, true)));
    let mut ranked: Vec<(usize, &str, String)> = sections
        .into_iter()
        .enumerate()
        .map(|(i, (k, v))| (order.rank(&order.top, k).unwrap_or(usize::MAX / 2 + i), k, v))
        .collect();
    ranked.sort_by_key(|(r, ..)| *r);
    let entries: Vec<String> = ranked
        .iter()
        .map(|(_, k, v)| format!("  {}: {v}", Value::from(*k)))
        .collect();
    format!("{{\n{}\n}}\n", entries.join(",\n"))
}

/// Widest line the case writer makes when it can.
const CASE_WIDTH: usize = 120;

/// An object's fields at `indent`, on one line if `may_flatten` and it fits.
fn object(key: &str, fields: &[(&str, Value)], indent: usize, may_flatten: bool) -> String {
    let flat_fields: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}: {}", Value::from(*k), flat(v)))
        .collect();
    let one_line = format!("{{{}}}", flat_fields.join(", "));
    if may_flatten && indent + key.len() + 4 + one_line.len() <= CASE_WIDTH {
        return one_line;
    }
    let pad = " ".repeat(indent + 2);
    let inner: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{pad}{}: {}", Value::from(*k), layout(k, v, indent + 2)))
        .collect();
    format!("{{\n{}\n{}}}", inner.join(",\n"), " ".repeat(indent))
}

/// A value under `key` at `indent`: on one line when the line fits or the value is a list
/// of plain ids (the shipped cases keep `asked` and `fired` on one line each, so a diff of
/// an update shows the one line that changed), else a list with one item a line.
fn layout(key: &str, value: &Value, indent: usize) -> String {
    let flat = flat(value);
    let Value::Array(items) = value else { return flat };
    if indent + key.len() + 4 + flat.len() <= CASE_WIDTH || items.iter().all(Value::is_string) {
        return flat;
    }
    let pad = " ".repeat(indent + 2);
    let inner: Vec<String> = items.iter().map(|v| format!("{pad}{}", self::flat(v))).collect();
    format!("[\n{}\n{}]", inner.join(",\n"), " ".repeat(indent))
}

/// A value on one line, with a space after each comma and colon.
fn flat(value: &Value) -> String {
    match value {
        Value::Array(items) => format!("[{}]", items.iter().map(flat).collect::<Vec<_>>().join(", ")),
        Value::Object(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!("{}: {}", Value::from(k.as_str()), flat(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => other.to_string(),
    }
}

/// The order of keys in a case file as written: at the top, in `answers` and in `expect`.
#[derive(Debug, Default)]
struct KeyOrder {
    top: Vec<String>,
    answers: Vec<String>,
    expect: Vec<String>,
}

impl KeyOrder {
    fn rank(&self, list: &[String], key: &str) -> Option<usize> {
        list.iter().position(|k| k == key)
    }

    /// Puts keys found in `list` first, in its order; the others keep their order after.
    fn apply(&self, list: &[String], fields: &mut [(&str, Value)]) {
        fields.sort_by_key(|(k, _)| self.rank(list, k).unwrap_or(usize::MAX));
    }
}

impl<'de> Deserialize<'de> for KeyOrder {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<KeyOrder, D::Error> {
        use serde::de::{IgnoredAny, MapAccess, Visitor};
        struct Keys;
        impl<'de> Visitor<'de> for Keys {
            type Value = Vec<String>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
                let mut keys = Vec::new();
                while let Some(k) = map.next_key::<String>()? {
                    map.next_value::<IgnoredAny>()?;
                    keys.push(k);
                }
                Ok(keys)
            }
        }
        struct Top;
        impl<'de> Visitor<'de> for Top {
            type Value = KeyOrder;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a case")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeyOrder, A::Error> {
                let mut order = KeyOrder::default();
                while let Some(k) = map.next_key::<String>()? {
                    match k.as_str() {
                        "answers" => order.answers = map.next_value::<Ordered>()?.0,
                        "expect" => order.expect = map.next_value::<Ordered>()?.0,
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                    order.top.push(k);
                }
                Ok(order)
            }
        }
        struct Ordered(Vec<String>);
        impl<'de> Deserialize<'de> for Ordered {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Ordered, D::Error> {
                d.deserialize_map(Keys).map(Ordered)
            }
        }
        d.deserialize_map(Top)
    }
}

/// Runs every case and measures what they left untested.
pub fn run_all(rulebook: &Rulebook, cases: &[CaseFile]) -> (Vec<CaseOutcome>, CaseCoverage) {
    let mut outcomes = Vec::new();
    let mut fired = vec![false; rulebook.rules.len()];
    let mut used: Vec<u64> = vec![0; rulebook.questions.len()];
    let mut verdicts = Vec::new();
    let mut inks = Vec::new();
    for file in cases {
        let case = match &file.case {
            Ok(c) => c,
            Err(e) => {
                outcomes.push(CaseOutcome {
                    name: file.name.clone(),
                    problems: vec![format!("cannot read case: {e}")],
                });
                continue;
            }
        };
        let (outcome, screening) = run(rulebook, &file.name, case);
        outcomes.push(outcome);
        let Some(s) = screening else { continue };
        for f in &s.fired {
            if let Some(r) = rulebook.rule_index(f.rule) {
                fired[r] = true;
            }
        }
        verdicts.push(s.verdict);
        inks.push(s.ink);
        if let Ok(a) = Answers::from_json_value(rulebook, &Value::Object(case.answers.clone())) {
            for (q, mask) in used.iter_mut().enumerate() {
                *mask |= match a.value(q) {
                    Some(crate::answers::Value::Choice(i)) => 1u64 << i,
                    Some(crate::answers::Value::Multi(m)) => m,
                    _ => 0,
                };
            }
        }
    }
    let coverage = CaseCoverage {
        rules_never_fired: rulebook
            .rules
            .iter()
            .zip(&fired)
            .filter(|(_, f)| !**f)
            .map(|(r, _)| r.id.clone())
            .collect(),
        options_never_used: rulebook
            .questions
            .iter()
            .zip(&used)
            .filter(|(q, _)| matches!(q.kind, QuestionKind::Single | QuestionKind::Multiple))
            .flat_map(|(q, mask)| {
                q.options
                    .iter()
                    .enumerate()
                    .filter(move |(i, _)| mask & (1u64 << i) == 0)
                    .map(move |(_, o)| format!("{}={}", q.id, o.value))
            })
            .collect(),
        verdicts_never_seen: Verdict::ALL
            .iter()
            .filter(|v| !verdicts.contains(v))
            .map(|v| v.as_str())
            .collect(),
        inks_never_seen: [Ink::Temporary, Ink::Permanent, Ink::Either, Ink::None]
            .iter()
            .filter(|i| !inks.contains(i))
            .map(|i| i.as_str())
            .collect(),
    };
    (outcomes, coverage)
}
