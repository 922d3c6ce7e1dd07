//! `smp-screen rules prove [PATH]`: every invariant of a rulebook proved over all answer
//! sets, or refuted with the smallest counterexample found, written as an answers file.

use super::common;
use super::error::{CliError, code};
use clap::{Args, ValueEnum};
use serde_json::json;
use smp_screen::prove::{Counterexample, Proof, Prover};
use smp_screen::rulebook::Rulebook;
use smp_screen::sanitize::one_line;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Output formats of `rules prove`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// For people.
    #[default]
    Text,
    /// For scripts and CI.
    Json,
}

/// Arguments of `rules prove`.
#[derive(Debug, Args)]
pub struct ProveArgs {
    /// Rulebook file or folder [default: the embedded rulebook]
    path: Option<PathBuf>,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t)]
    format: Format,
    /// Folder for counterexample answer files (made when an invariant is refuted)
    #[arg(long, value_name = "DIR", default_value = "counterexamples")]
    out: PathBuf,
}

impl ProveArgs {
    /// Runs the command.
    pub fn run(self) -> anyhow::Result<u8> {
        let rulebook = common::load(self.path.as_deref())?;
        let started = Instant::now();
        let proofs = if rulebook.invariants.is_empty() {
            Vec::new()
        } else {
            Prover::new(&rulebook).prove_all()
        };
        let seconds = started.elapsed().as_secs_f64();
        let mut files: Vec<Vec<PathBuf>> = Vec::with_capacity(proofs.len());
        for proof in &proofs {
            files.push(match &proof.refuted {
                Some(cx) => write_counterexample(&rulebook, proof, cx, &self.out)?,
                None => Vec::new(),
            });
        }
        let refuted = proofs.iter().filter(|p| p.refuted.is_some()).count();
        let unconfirmed = proofs
            .iter()
            .filter(|p| p.refuted.as_ref().is_some_and(|c| !c.confirmed))
            .count();
        let rules_flag = self
            .path
            .as_ref()
            .map(|p| format!(" --rules {}", shell_word(p)))
            .unwrap_or_default();
        let text = match self.format {
            Format::Json => {
                let items: Vec<_> = proofs
                    .iter()
                    .zip(&files)
                    .map(|(p, files)| {
                        let inv = &rulebook.invariants[p.invariant];
                        let mut item = json!({
                            "id": inv.id,
                            "statement": inv.statement,
                            "source": inv.source,
                            "file": rulebook.file_name(&inv.origin),
                            "proved": p.refuted.is_none(),
                            "seconds": (p.seconds * 1000.0).round() / 1000.0,
                        });
                        if let Some(cx) = &p.refuted {
                            item["counterexample"] = json!({
                                "found": cx.found,
                                "confirmed_by_engine": cx.confirmed,
                                "answered": cx.answered(),
                                "answers": cx.answers.to_json(&rulebook),
                                "after_one_more_tick": cx.after.as_ref().map(|a| a.to_json(&rulebook)),
                                "files": files,
                            });
                        }
                        item
                    })
                    .collect();
                let doc = json!({
                    "rulebook": {"id": rulebook.identity.id, "version": rulebook.identity.version, "sha256": rulebook.sha256},
                    "invariants": proofs.len(),
                    "proved": proofs.len() - refuted,
                    "refuted": refuted,
                    "seconds": (seconds * 1000.0).round() / 1000.0,
                    "results": items,
                });
                serde_json::to_string_pretty(&doc)? + "\n"
            }
            Format::Text => {
                let mut t = String::new();
                for (p, files) in proofs.iter().zip(&files) {
                    let inv = &rulebook.invariants[p.invariant];
                    let status = if p.refuted.is_some() { "REFUTED" } else { "proved " };
                    t.push_str(&format!(
                        "{status} {}: {}\n",
                        one_line(&inv.id),
                        one_line(&inv.statement)
                    ));
                    if let Some(cx) = &p.refuted {
                        t.push_str(&format!("        {}\n", one_line(&cx.found)));
                        let answers = serde_json::Value::Object(cx.answers.to_json(&rulebook)).to_string();
                        t.push_str(&format!(
                            "        counterexample ({} answered): {}\n",
                            cx.answered(),
                            one_line(&answers)
                        ));
                        for f in files {
                            t.push_str(&format!(
                                "        reproduce: smp-screen assess --answers {}{rules_flag}\n",
                                shell_word(f)
                            ));
                        }
                        if !cx.confirmed {
                            t.push_str(
                                "        warning: the engine does not confirm it; please report this as a bug\n",
                            );
                        }
                    }
                }
                let name = format!(
                    "{} {}",
                    one_line(&rulebook.identity.id),
                    one_line(&rulebook.identity.version)
                );
                if proofs.is_empty() {
                    t.push_str(&format!(
                        "{name}: no invariants declared (add them under \"invariants\", see rules/README.md)\n"
                    ));
                } else {
                    t.push_str(&format!(
                        "{name}: {} proved, {refuted} refuted, of {} invariants over every answer set ({seconds:.2} s)\n",
                        proofs.len() - refuted,
                        proofs.len()
                    ));
                }
                t
            }
        };
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        Ok(if unconfirmed > 0 {
            code::INTERNAL
        } else if refuted > 0 {
            code::REFUTED
        } else {
            code::OK
        })
    }
}

/// Writes the counterexample as answers files `DIR/ID.json` (and `DIR/ID.after.json` for
/// a monotonicity invariant), replacing earlier ones.
fn write_counterexample(
    rb: &Rulebook,
    proof: &Proof,
    cx: &Counterexample,
    dir: &Path,
) -> Result<Vec<PathBuf>, CliError> {
    std::fs::create_dir_all(dir).map_err(|source| CliError::Io {
        what: "cannot create the counterexample folder",
        path: dir.to_owned(),
        source,
    })?;
    let id = &rb.invariants[proof.invariant].id;
    let mut written = Vec::new();
    let mut put = |name: String, answers: &smp_screen::answers::Answers| -> Result<(), CliError> {
        let path = dir.join(name);
        let body = serde_json::to_string_pretty(&serde_json::Value::Object(answers.to_json(rb)))
            .expect("answers serialise")
            + "\n";
        common::write_atomic(&path, body.as_bytes(), true)?;
        written.push(path);
        Ok(())
    };
    match &cx.after {
        None => put(format!("{id}.json"), &cx.answers)?,
        Some(after) => {
            put(format!("{id}.json"), &cx.answers)?;
            put(format!("{id}.after.json"), after)?;
        }
    }
    Ok(written)
}

/// A path as one shell word, quoted when it needs to be.
pub fn shell_word(p: &Path) -> String {
    let s = p.display().to_string();
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '_' | '-' | '+' | ':' | '='))
    {
        s
    } else {
        format!("'{}'", one_line(&s).replace('\'', r"'\''"))
    }
}
