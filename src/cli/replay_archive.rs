//! `smp-screen replay DIR|FILES…`: a whole archive of records screened again, streamed:
//! one line per record whose result changed, the records that could not be read, and a
//! summary by kind of change.

use super::error::code;
use super::replay::{Format, MAX_RECORD_BYTES};
use serde_json::json;
use smp_screen::audience::Audience;
use smp_screen::i18n::Words;
use smp_screen::replay::{self, Difference, Replay};
use smp_screen::report::Detail;
use smp_screen::rulebook::Rulebook;
use smp_screen::sanitize::one_line;
use smp_screen::style::ColorChoice;
use smp_screen::tr;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Records screened per round of the worker threads; output keeps the files' order.
const CHUNK: usize = 512;

/// The kinds of change, in the order summaries list them.
const KINDS: [&str; 8] = [
    "verdict",
    "ink",
    "status",
    "worst_case",
    "pending",
    "risks",
    "advice",
    "answers",
];

/// A kind of change in words, for the summary.
fn kind_words(words: Words, kind: &str) -> String {
    match kind {
        "verdict" => tr!(words, "explain-archive-kind-verdict"),
        "ink" => tr!(words, "explain-archive-kind-ink"),
        "status" => tr!(words, "explain-archive-kind-status"),
        "worst_case" => tr!(words, "explain-archive-kind-worst-case"),
        "pending" => tr!(words, "explain-archive-kind-pending"),
        "risks" => tr!(words, "explain-archive-kind-risks"),
        "advice" => tr!(words, "explain-archive-kind-advice"),
        _ => tr!(words, "explain-archive-kind-answers"),
    }
}

enum Outcome {
    Unchanged,
    Changed(String, Vec<&'static str>),
    Unreadable(String),
}

/// Every `*.json` file under the paths given (folders searched recursively, in name order).
fn collect(paths: &[PathBuf], out: &mut Vec<PathBuf>, problems: &mut Vec<(PathBuf, String)>) {
    for p in paths {
        if p.is_dir() {
            match std::fs::read_dir(p) {
                Ok(entries) => {
                    let mut inner: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
                    inner.sort();
                    let (dirs, files): (Vec<PathBuf>, Vec<PathBuf>) = inner.into_iter().partition(|p| p.is_dir());
                    out.extend(files.into_iter().filter(|f| f.extension().is_some_and(|x| x == "json")));
                    collect(&dirs, out, problems);
                }
                Err(e) => problems.push((p.clone(), e.to_string())),
            }
        } else {
            out.push(p.clone());
        }
    }
}

fn read(path: &Path) -> Result<String, String> {
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    if !file.metadata().map_err(|e| e.to_string())?.is_file() {
        return Err("not a regular file".into());
    }
    let bytes = smp_screen::rulebook::source::read_bounded(file, MAX_RECORD_BYTES)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("larger than {} MiB", MAX_RECORD_BYTES >> 20))?;
    let mut text = String::from_utf8(bytes).map_err(|_| "not UTF-8 text".to_owned())?;
    smp_screen::rulebook::source::strip_bom(&mut text);
    Ok(text)
}

fn change_words(words: Words, name: String, c: &Option<Difference>, parts: &mut Vec<String>) {
    if let Some(c) = c {
        parts.push(tr!(
            words,
            "explain-archive-change",
            name = &name,
            before = &super::replay::value_words(words, &one_line(&c.before)),
            after = &super::replay::value_words(words, &c.after)
        ));
    }
}

fn line_text(words: Words, path: &Path, r: &Replay) -> String {
    let mut parts = Vec::new();
    change_words(
        words,
        tr!(words, "explain-archive-name-verdict"),
        &r.verdict,
        &mut parts,
    );
    change_words(words, tr!(words, "explain-archive-name-ink"), &r.ink, &mut parts);
    change_words(words, tr!(words, "explain-archive-name-status"), &r.status, &mut parts);
    change_words(
        words,
        tr!(words, "explain-archive-name-worst-case"),
        &r.worst_case_verdict,
        &mut parts,
    );
    change_words(
        words,
        tr!(words, "explain-archive-name-worst-case-ink"),
        &r.worst_case_ink,
        &mut parts,
    );
    let list = |sign: &str, ids: &[String]| ids.iter().map(|i| format!("{sign}{}", one_line(i))).collect::<Vec<_>>();
    for (name, added, removed) in [
        (
            tr!(words, "explain-archive-name-pending"),
            &r.pending_added,
            &r.pending_removed,
        ),
        (
            tr!(words, "explain-archive-name-risks"),
            &r.risks_added,
            &r.risks_removed,
        ),
        (
            tr!(words, "explain-archive-name-advice"),
            &r.advice_added,
            &r.advice_removed,
        ),
    ] {
        let mut ids = list("+", added);
        ids.extend(list("-", removed));
        if !ids.is_empty() {
            parts.push(tr!(words, "explain-archive-ids", name = &name, ids = &ids.join(" ")));
        }
    }
    if !r.dropped_answers.is_empty() {
        let dropped = r
            .dropped_answers
            .iter()
            .map(|d| one_line(d).into_owned())
            .collect::<Vec<_>>()
            .join("; ");
        parts.push(tr!(words, "explain-archive-dropped", answers = &dropped));
    }
    format!("{}: {}", one_line(&path.display().to_string()), parts.join("; "))
}

fn line_json(path: &Path, r: &Replay) -> String {
    json!({
        "record": path.display().to_string(),
        "changed": r.kinds(),
        "verdict": r.verdict,
        "ink": r.ink,
        "status": r.status,
        "worst_case_verdict": r.worst_case_verdict,
        "worst_case_ink": r.worst_case_ink,
        "pending_added": r.pending_added,
        "pending_removed": r.pending_removed,
        "risks_added": r.risks_added,
        "risks_removed": r.risks_removed,
        "advice_added": r.advice_added,
        "advice_removed": r.advice_removed,
        "dropped_answers": r.dropped_answers,
    })
    .to_string()
}

fn one(rulebook: &Rulebook, path: &Path, format: Format) -> Outcome {
    let record = match read(path).and_then(|t| replay::parse_brief(&t).map_err(|e| e.to_string())) {
        Ok(r) => r,
        Err(e) => return Outcome::Unreadable(e),
    };
    let (r, _) = replay::replay_with(rulebook, &record, Audience::Consultant, Detail::BRIEF);
    if !r.changed {
        return Outcome::Unchanged;
    }
    let line = match format {
        Format::Text => line_text(rulebook.words(), path, &r),
        Format::Json => line_json(path, &r),
    };
    Outcome::Changed(line, r.kinds())
}

/// Replays every record under `paths`.
pub fn run(
    rulebook: &Rulebook,
    paths: &[PathBuf],
    format: Format,
    exit_code: bool,
    _color: ColorChoice,
) -> anyhow::Result<u8> {
    let mut files = Vec::new();
    let mut folder_problems = Vec::new();
    collect(paths, &mut files, &mut folder_problems);
    let mut out = BufWriter::new(std::io::stdout().lock());
    let (mut changed, mut unchanged, mut unreadable) = (0usize, 0usize, 0usize);
    let mut by_kind = [0usize; KINDS.len()];
    let words = rulebook.words();
    let unreadable_line = |out: &mut BufWriter<_>, path: &Path, why: &str| -> std::io::Result<()> {
        match format {
            Format::Text => writeln!(
                out,
                "{}",
                tr!(
                    words,
                    "explain-archive-unreadable",
                    record = one_line(&path.display().to_string()).as_ref(),
                    reason = one_line(why).as_ref()
                )
            ),
            Format::Json => writeln!(out, "{}", json!({"record": path.display().to_string(), "error": why})),
        }
    };
    for (p, why) in &folder_problems {
        unreadable += 1;
        unreadable_line(&mut out, p, why)?;
    }
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    for chunk in files.chunks(CHUNK) {
        let outcomes: Vec<Outcome> = if workers == 1 || chunk.len() < 16 {
            chunk.iter().map(|p| one(rulebook, p, format)).collect()
        } else {
            let per = chunk.len().div_ceil(workers);
            std::thread::scope(|s| {
                let handles: Vec<_> = chunk
                    .chunks(per)
                    .map(|part| s.spawn(move || part.iter().map(|p| one(rulebook, p, format)).collect::<Vec<_>>()))
                    .collect();
                handles
                    .into_iter()
                    .flat_map(|h| h.join().expect("replay worker"))
                    .collect()
            })
        };
        for (path, outcome) in chunk.iter().zip(outcomes) {
            match outcome {
                Outcome::Unchanged => unchanged += 1,
                Outcome::Changed(line, kinds) => {
                    changed += 1;
                    for k in kinds {
                        if let Some(i) = KINDS.iter().position(|id| *id == k) {
                            by_kind[i] += 1;
                        }
                    }
                    writeln!(out, "{line}")?;
                }
                Outcome::Unreadable(why) => {
                    unreadable += 1;
                    unreadable_line(&mut out, path, &why)?;
                }
            }
        }
    }
    let total = changed + unchanged + unreadable;
    match format {
        Format::Text => {
            writeln!(
                out,
                "{}",
                tr!(
                    words,
                    "explain-archive-summary",
                    total = total,
                    rulebook = one_line(&rulebook.identity.id).as_ref(),
                    version = one_line(&rulebook.identity.version).as_ref(),
                    changed = changed,
                    unchanged = unchanged,
                    unreadable = unreadable
                )
            )?;
            let kinds: Vec<String> = KINDS
                .iter()
                .zip(by_kind)
                .filter(|(_, n)| *n > 0)
                .map(|(kind, n)| format!("{} {n}", kind_words(words, kind)))
                .collect();
            if !kinds.is_empty() {
                writeln!(
                    out,
                    "{}",
                    tr!(words, "explain-archive-by-kind", kinds = &kinds.join(", "))
                )?;
            }
        }
        Format::Json => {
            let kinds: serde_json::Map<String, serde_json::Value> = KINDS
                .iter()
                .zip(by_kind)
                .map(|(id, n)| ((*id).to_owned(), json!(n)))
                .collect();
            writeln!(
                out,
                "{}",
                json!({"summary": {
                    "rulebook": {"id": rulebook.identity.id, "version": rulebook.identity.version, "sha256": rulebook.sha256},
                    "records": total, "changed": changed, "unchanged": unchanged, "unreadable": unreadable,
                    "by_kind": kinds,
                }})
            )?;
        }
    }
    out.flush()?;
    Ok(if unreadable > 0 {
        code::ANSWERS
    } else if exit_code && changed > 0 {
        code::CHANGED
    } else {
        code::OK
    })
}
