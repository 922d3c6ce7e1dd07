//! `smp-screen rules diff OLD NEW`: what changed between two rulebooks, for a clinical
//! reviewer, and whether any answer set now gets a different verdict or ink.

use super::common;
use super::error::{CliError, code};
use super::prove::shell_word;
use clap::{Args, ValueEnum};
use serde::Serialize;
use serde_json::{Map, Value, json};
use smp_screen::answers::Answers;
use smp_screen::prove::diff::{self, BehaviourChange, ItemChange};
use smp_screen::rulebook::{Rulebook, Sources};
use smp_screen::sanitize::one_line;
use smp_screen::tooling::cases;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Largest record file read from --records.
const MAX_RECORD_BYTES: u64 = 16 * 1024 * 1024;
/// Longest field value shown in text and Markdown (JSON has them whole).
const SHOWN: usize = 160;

/// Output formats of `rules diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// For people.
    #[default]
    Text,
    /// To paste into a review.
    Markdown,
    /// For scripts.
    Json,
}

/// Arguments of `rules diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The rulebook before (file or folder)
    old: PathBuf,
    /// The rulebook after (file or folder); its golden cases are replayed too
    new: PathBuf,
    /// Also compare saved records in DIR (their answers, under OLD and NEW)
    #[arg(long, value_name = "DIR")]
    records: Option<PathBuf>,
    /// Golden cases to compare [default: `cases/` in or beside NEW]
    #[arg(long, value_name = "DIR")]
    cases: Option<PathBuf>,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t)]
    format: Format,
}

/// A case or record whose result differs between the two rulebooks.
#[derive(Debug, Serialize)]
struct Changed {
    name: String,
    verdict: Option<(String, String)>,
    ink: Option<(String, String)>,
    risks_added: Vec<String>,
    risks_removed: Vec<String>,
}

#[derive(Debug, Serialize)]
struct Report {
    old: Value,
    new: Value,
    structure: Vec<ItemChange>,
    behaviour_identical: bool,
    behaviour: Vec<BehaviourChange>,
    cases_changed: Vec<Changed>,
    records_changed: Option<Vec<Changed>>,
    records_unreadable: Vec<(String, String)>,
}

impl DiffArgs {
    /// Runs the command.
    pub fn run(self) -> anyhow::Result<u8> {
        let (old, old_as_is) = load_any_edition(&self.old)?;
        let (new, new_as_is) = load_any_edition(&self.new)?;
        let structure = diff::structure(&old, &new);
        let behaviour = diff::behaviour(&old, &new);
        let case_dir = self.cases.clone().unwrap_or_else(|| cases::folder_for(&self.new));
        let mut cases_changed = Vec::new();
        if case_dir.is_dir() {
            let files = cases::read_folder(&case_dir).map_err(|source| CliError::Io {
                what: "cannot read the cases folder",
                path: case_dir.clone(),
                source,
            })?;
            for f in files {
                if let Ok(case) = &f.case
                    && let Some(c) = compare(&old, &new, &f.name, &case.answers)
                {
                    cases_changed.push(c);
                }
            }
        }
        let mut records_unreadable = Vec::new();
        let records_changed = match &self.records {
            None => None,
            Some(dir) => Some(records(&old, &new, dir, &mut records_unreadable)?),
        };
        let id = |rb: &Rulebook| json!({"id": rb.identity.id, "version": rb.identity.version, "sha256": rb.sha256});
        let report = Report {
            old: id(&old),
            new: id(&new),
            behaviour_identical: behaviour.is_empty(),
            structure,
            behaviour,
            cases_changed,
            records_changed,
            records_unreadable,
        };
        let text = match self.format {
            Format::Json => serde_json::to_string_pretty(&report)? + "\n",
            Format::Text => render(&report, &old, &new, &self, [old_as_is, new_as_is], false),
            Format::Markdown => render(&report, &old, &new, &self, [old_as_is, new_as_is], true),
        };
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        Ok(if report.behaviour_identical {
            code::OK
        } else {
            code::BEHAVES_DIFFERENTLY
        })
    }
}

/// Loads a rulebook, also one written before questions said whether their answer is a
/// choice or a fact (before 2.0): a diff against an older edition must still work, and
/// `answer_is` plays no part in verdict or ink. Such questions are read as facts, with a
/// note on standard error.
///
/// Also returns whether it loaded as written (so `assess` reproduces examples with it).
fn load_any_edition(path: &Path) -> Result<(Rulebook, bool), CliError> {
    let first = match common::load(Some(path)) {
        Ok(rb) => return Ok((rb, true)),
        Err(CliError::Rulebook(e)) if e.diagnostics.iter().all(|d| d.code == "missing-answer-is") => e,
        Err(e) => return Err(e),
    };
    let mut sources = Sources::read(path)?;
    let original = sources.files.clone();
    for file in &mut sources.files {
        let Ok(mut doc) = serde_json::from_str::<Value>(smp_screen::rulebook::source::without_bom(&file.text)) else {
            continue;
        };
        if let Some(qs) = doc.get_mut("questions").and_then(Value::as_array_mut) {
            for q in qs.iter_mut().filter_map(Value::as_object_mut) {
                q.entry("answer_is").or_insert_with(|| json!("fact"));
            }
        }
        file.text = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| file.text.clone());
    }
    match Rulebook::from_sources(sources) {
        Ok(mut rb) => {
            // The structural diff reads the files as written.
            rb.files = original;
            eprintln!(
                "note: {} predates `answer_is`; its {} questions without it are read as facts (verdicts and inks do not depend on it)",
                path.display(),
                first.diagnostics.len()
            );
            Ok((rb, false))
        }
        Err(_) => Err(CliError::Rulebook(first)),
    }
}

fn compare(old: &Rulebook, new: &Rulebook, name: &str, answers: &Map<String, Value>) -> Option<Changed> {
    let (a, _) = Answers::from_json_map_lenient(old, answers);
    let (b, _) = Answers::from_json_map_lenient(new, answers);
    let (vo, io, ro) = diff::outcome(old, &a);
    let (vn, inew, rn) = diff::outcome(new, &b);
    let pair = |x: &str, y: &str| (x != y).then(|| (x.to_owned(), y.to_owned()));
    let c = Changed {
        name: name.to_owned(),
        verdict: pair(vo.as_str(), vn.as_str()),
        ink: pair(io.as_str(), inew.as_str()),
        risks_added: rn.iter().filter(|r| !ro.contains(r)).cloned().collect(),
        risks_removed: ro.iter().filter(|r| !rn.contains(r)).cloned().collect(),
    };
    let same = c.verdict.is_none() && c.ink.is_none() && c.risks_added.is_empty() && c.risks_removed.is_empty();
    (!same).then_some(c)
}

fn records(
    old: &Rulebook,
    new: &Rulebook,
    dir: &Path,
    unreadable: &mut Vec<(String, String)>,
) -> Result<Vec<Changed>, CliError> {
    let io = |source| CliError::Io {
        what: "cannot read the records folder",
        path: dir.to_owned(),
        source,
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        let record = common::read_input(&path, "cannot read record", MAX_RECORD_BYTES)
            .map_err(|e| e.to_string())
            .and_then(|text| smp_screen::replay::parse(&text).map_err(|e| e.to_string()));
        match record {
            Ok(r) => out.extend(compare(old, new, &name, &r.answers)),
            Err(e) => unreadable.push((name, e)),
        }
    }
    Ok(out)
}

fn shorten(v: &Value) -> String {
    let s = one_line(&v.to_string()).into_owned();
    if s.chars().count() > SHOWN {
        format!("{}…", s.chars().take(SHOWN).collect::<String>())
    } else {
        s
    }
}

/// `--set` arguments that give the same answers.
fn set_args(rb: &Rulebook, answers: &Map<String, Value>) -> String {
    let mut out = String::new();
    for (id, v) in answers {
        let value = match v {
            Value::Array(items) => items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(","),
            Value::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
            Value::String(s) => s.clone(),
            Value::Null => continue,
            other => other.to_string(),
        };
        let _ = rb;
        out.push_str(&format!(" --set {}", shell_word(Path::new(&format!("{id}={value}")))));
    }
    out
}

fn render(r: &Report, old: &Rulebook, new: &Rulebook, args: &DiffArgs, as_is: [bool; 2], md: bool) -> String {
    let mut t = String::new();
    let name = |rb: &Rulebook| format!("{} {}", one_line(&rb.identity.id), one_line(&rb.identity.version));
    let (h1, h2, bullet, code_open, code_close) = if md {
        ("# ", "\n## ", "- ", "`", "`")
    } else {
        ("", "\n", "  ", "", "")
    };
    t.push_str(&format!("{h1}Rulebook diff: {} → {}\n", name(old), name(new)));
    t.push_str(&format!(
        "{h2}Structure: {} change{}\n",
        r.structure.len(),
        if r.structure.len() == 1 { "" } else { "s" }
    ));
    if md && !r.structure.is_empty() {
        t.push('\n');
    }
    for c in &r.structure {
        t.push_str(&format!(
            "{bullet}{} {code_open}{}{code_close} {}\n",
            c.kind,
            one_line(&c.id),
            c.change
        ));
        for f in &c.fields {
            let indent = if md { "  - " } else { "      " };
            t.push_str(&format!(
                "{indent}{}: {} → {}\n",
                one_line(&f.field),
                shorten(&f.old),
                shorten(&f.new)
            ));
        }
    }
    if r.behaviour_identical {
        t.push_str(&format!(
            "{h2}Behaviour: identical. Every answer set both rulebooks accept gets the same verdict and ink.\n"
        ));
    } else {
        t.push_str(&format!(
            "{h2}Behaviour: differs. {} kind{} of change, each with the smallest example found:\n",
            r.behaviour.len(),
            if r.behaviour.len() == 1 { "" } else { "s" }
        ));
        if md {
            t.push('\n');
        }
        let new_path = shell_word(&args.new);
        let old_path = shell_word(&args.old);
        for b in &r.behaviour {
            let answers = Value::Object(b.answers.clone()).to_string();
            t.push_str(&format!(
                "{bullet}{} {} → {} ({} answered): {code_open}{}{code_close}\n",
                b.what,
                b.old,
                b.new,
                b.answered,
                one_line(&answers)
            ));
            let indent = if md { "  - " } else { "      " };
            let old_answers = b.answers_old.as_ref().unwrap_or(&b.answers);
            // A rulebook of an older format cannot be loaded by this assess: no command.
            for (ok, path, rb, answers) in [
                (as_is[1], &new_path, new, &b.answers),
                (as_is[0], &old_path, old, old_answers),
            ] {
                if ok {
                    t.push_str(&format!(
                        "{indent}{code_open}smp-screen assess --rules {path}{}{code_close}\n",
                        set_args(rb, answers)
                    ));
                }
            }
        }
    }
    let changed_lines = |t: &mut String, list: &[Changed]| {
        for c in list {
            let mut parts = Vec::new();
            if let Some((a, b)) = &c.verdict {
                parts.push(format!("verdict {a} → {b}"));
            }
            if let Some((a, b)) = &c.ink {
                parts.push(format!("ink {a} → {b}"));
            }
            if !c.risks_added.is_empty() {
                parts.push(format!("risks added: {}", c.risks_added.join(", ")));
            }
            if !c.risks_removed.is_empty() {
                parts.push(format!("risks removed: {}", c.risks_removed.join(", ")));
            }
            t.push_str(&format!("{bullet}{}: {}\n", one_line(&c.name), parts.join("; ")));
        }
    };
    t.push_str(&format!(
        "{h2}Golden cases of the new rulebook whose result changes: {}\n",
        r.cases_changed.len()
    ));
    if md && !r.cases_changed.is_empty() {
        t.push('\n');
    }
    changed_lines(&mut t, &r.cases_changed);
    if let Some(records) = &r.records_changed {
        t.push_str(&format!("{h2}Saved records whose result changes: {}\n", records.len()));
        if md && !records.is_empty() {
            t.push('\n');
        }
        changed_lines(&mut t, records);
        for (name, why) in &r.records_unreadable {
            t.push_str(&format!("{bullet}unreadable: {}: {}\n", one_line(name), one_line(why)));
        }
    }
    t
}
