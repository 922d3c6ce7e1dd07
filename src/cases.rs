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
pub struct Outcome {
    /// Case name.
    pub name: String,
    /// Each disagreement, in words; empty when the case passed.
    pub problems: Vec<String>,
}

/// What a set of cases left untested.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coverage {
    /// Rules that no case fired.
    pub rules_never_fired: Vec<String>,
    /// Options (`question=value`) that no case's answers use.
    pub options_never_used: Vec<String>,
    /// Verdicts no case produced.
    pub verdicts_never_seen: Vec<&'static str>,
    /// Inks no case produced.
    pub inks_never_seen: Vec<&'static str>,
}

impl Coverage {
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
            crate::answers::strip_position(&inner.to_string()),
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
pub fn run<'a>(rulebook: &'a Rulebook, name: &str, case: &Case) -> (Outcome, Option<Screening<'a>>) {
    let mut problems = Vec::new();
    let answers = match Answers::from_json_value(rulebook, &Value::Object(case.answers.clone())) {
        Ok(a) => a,
        Err(e) => {
            problems.push(format!("invalid answers: {}", e.to_string().replace('\n', "; ")));
            return (
                Outcome {
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
    present(&e.no_risks, &has_risk, "risk", false, &mut problems);
    present(&e.advice, &has_advice, "advice", true, &mut problems);
    present(&e.no_advice, &has_advice, "advice", false, &mut problems);
    present(&e.fired, &has_fired, "rule", true, &mut problems);
    present(&e.not_fired, &has_fired, "rule", false, &mut problems);
    for id in e.fired.iter().chain(&e.not_fired) {
        if rulebook.rule_index(id).is_none() {
            problems.push(format!("rule `{id}` does not exist"));
        }
    }
    if let Some(want) = &e.asked {
        let got = asked(rulebook, &answers);
        if &got != want {
            problems.push(format!(
                "asked: expected [{}], got [{}]",
                want.join(", "),
                got.join(", ")
            ));
        }
    }
    (
        Outcome {
            name: name.to_owned(),
            problems,
        },
        Some(s),
    )
}

/// Runs every case and measures what they left untested.
pub fn run_all(rulebook: &Rulebook, cases: &[CaseFile]) -> (Vec<Outcome>, Coverage) {
    let mut outcomes = Vec::new();
    let mut fired = vec![false; rulebook.rules.len()];
    let mut used: Vec<u64> = vec![0; rulebook.questions.len()];
    let mut verdicts = Vec::new();
    let mut inks = Vec::new();
    for file in cases {
        let case = match &file.case {
            Ok(c) => c,
            Err(e) => {
                outcomes.push(Outcome {
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
    let coverage = Coverage {
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
