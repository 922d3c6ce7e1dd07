//! `smp-screen assess`: answers in, a verdict with its reasons out. No terminal needed.

use super::common::{self, MAX_ANSWERS_BYTES, RulesArg};
use super::error::CliError;
use clap::{Args, ValueEnum};
use smp_screen::answers::{AnswerError, AnswerErrors, Answers, Slot};
use smp_screen::audience::Audience;
use smp_screen::engine::{Tri, evaluate};
use smp_screen::record;
use smp_screen::report::{self, Report};
use smp_screen::rulebook::Rulebook;
use smp_screen::style::ColorChoice;
use std::path::{Path, PathBuf};

/// Output formats of a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    /// A report for a person.
    #[default]
    Text,
    /// The JSON contract (see the README).
    Json,
    /// Markdown for clinic notes.
    Markdown,
    /// A self-contained HTML page to print or email to the patient.
    Html,
}

impl Format {
    /// The renderer for this format, with the label and day of `frame` on the handout and
    /// the notes.
    pub fn framed(self, frame: report::Frame<'_>) -> Box<dyn Report + '_> {
        match self {
            Format::Text => Box::new(report::Text),
            Format::Json => Box::new(report::Json),
            Format::Markdown => Box::new(report::WithFrame(report::Markdown, frame)),
            Format::Html => Box::new(report::WithFrame(report::Html, frame)),
        }
    }
}

/// Arguments of `assess`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("input").required(true).multiple(true).args(["answers", "set", "from_record"]))]
pub struct AssessArgs {
    /// JSON file of answers (question id → value), or a saved record or golden case file
    /// (their answers are used); `-` reads standard input
    #[arg(long, short = 'a', value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Re-print a saved record with the result recorded in it (its label, date and
    /// audience too), in any format; needs the rulebook it was made with
    #[arg(long, value_name = "FILE", conflicts_with_all = ["answers", "set", "save", "strict"])]
    pub from_record: Option<PathBuf>,
    /// Set one answer (repeatable); multiple choice separated by `,` or `;`; option values or
    /// labels in any case; overrides the file
    #[arg(long = "set", value_name = "ID=VALUE")]
    pub set: Vec<String>,
    #[command(flatten)]
    pub rules: RulesArg,
    /// Output format
    #[arg(long, short = 'f', value_enum, default_value_t)]
    pub format: Format,
    /// Who the wording is for
    #[arg(long, value_enum, default_value_t)]
    pub audience: Audience,
    /// Treat a missing answer to any question that applies as an error
    #[arg(long)]
    pub strict: bool,
    /// Explain in full: each rule's condition test by test, what set the verdict and the
    /// ink, and why each question matters (JSON always carries this)
    #[arg(long)]
    pub explain: bool,
    #[command(flatten)]
    pub save: common::SaveArgs,
}

impl AssessArgs {
    /// Runs the command.
    pub fn run(self, color: ColorChoice) -> anyhow::Result<u8> {
        let rulebook = self.rules.load()?;
        self.save.check()?;
        if let Some(path) = &self.from_record {
            return self.reprint(&rulebook, path, color);
        }
        let (answers, origin) = self.read_answers(&rulebook)?;
        if self.strict {
            require_complete(&rulebook, &answers).map_err(|errors| CliError::Answers { origin, errors })?;
        }
        let screening = report::screen(&rulebook, &answers, self.audience);
        let (style, width) = match self.format {
            Format::Text => common::stdout_style(color),
            _ => (smp_screen::style::Style::PLAIN, 80),
        };
        let renderer = self.format.framed(report::Frame {
            label: self.save.label.as_deref(),
            ..report::Frame::default()
        });
        common::deliver(
            &rulebook,
            &answers,
            &screening,
            common::Delivery {
                renderer: &*renderer,
                style,
                width,
                save: &self.save,
                explain: self.explain,
            },
        )?;
        Ok(super::error::code::OK)
    }

    fn read_answers(&self, rulebook: &Rulebook) -> Result<(Answers, String), CliError> {
        let mut answers = Answers::none_for(rulebook);
        let mut origin = String::from("--set");
        if let Some(path) = &self.answers {
            let text = common::read_input(path, "cannot read answers file", MAX_ANSWERS_BYTES)?;
            origin = if path.as_os_str() == "-" {
                "standard input".to_owned()
            } else {
                path.display().to_string()
            };
            let within = serde_json::from_str::<serde_json::Value>(&text).ok();
            let within = within.as_ref().and_then(|v| record::answers_within(rulebook, v));
            answers = match within {
                Some((source, map)) => {
                    note_source(&origin, &source);
                    Answers::from_json_value(rulebook, &serde_json::Value::Object(map.clone()))
                }
                None => Answers::from_json(rulebook, &text),
            }
            .map_err(|errors| CliError::Answers {
                origin: origin.clone(),
                errors,
            })?;
        }
        let mut errors = Vec::new();
        // A --set overrides the file, but two --set of one question are a mistake, as a
        // key twice in an answers file is.
        let mut set_once = std::collections::HashSet::new();
        for item in &self.set {
            let Some((id, value)) = item.split_once('=') else {
                errors.push(AnswerError::WrongType {
                    question: item.clone(),
                    expected: "--set ID=VALUE".to_owned(),
                    found: format!("`{item}` without `=`"),
                });
                continue;
            };
            if rulebook.question_index(id.trim()).is_some() && !set_once.insert(id.trim()) {
                errors.push(AnswerError::Repeated {
                    question: id.trim().to_owned(),
                });
                continue;
            }
            if let Err(e) = answers.set_text(rulebook, id.trim(), value, ',') {
                errors.push(e);
            }
        }
        if !errors.is_empty() {
            return Err(CliError::Answers {
                origin: "--set".to_owned(),
                errors: AnswerErrors(errors),
            });
        }
        Ok((answers, origin))
    }
}

impl AssessArgs {
    /// `--from-record`: the record's answers screened with the rulebook it was made with,
    /// printed only when the result is the one recorded, framed by its label and date.
    fn reprint(&self, rulebook: &Rulebook, path: &Path, color: ColorChoice) -> anyhow::Result<u8> {
        let text = common::read_input(path, "cannot read record", common::MAX_ANSWERS_BYTES * 4)?;
        let record = smp_screen::replay::parse(&text).map_err(|e| CliError::Record {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
        if record.rulebook.sha256 != rulebook.sha256 {
            return Err(CliError::NotTheRecordsRulebook {
                path: path.to_owned(),
                recorded: format!(
                    "{} {} (sha256 {})",
                    smp_screen::sanitize::one_line(&record.rulebook.id),
                    smp_screen::sanitize::one_line(&record.rulebook.version),
                    smp_screen::sanitize::one_line(short_hash(&record.rulebook.sha256))
                ),
                loaded: format!(
                    "{} {} (sha256 {})",
                    rulebook.identity.id,
                    rulebook.identity.version,
                    short_hash(&rulebook.sha256)
                ),
            }
            .into());
        }
        let answers = Answers::from_json_value(rulebook, &serde_json::Value::Object(record.answers.clone())).map_err(
            |errors| CliError::Answers {
                origin: path.display().to_string(),
                errors,
            },
        )?;
        let audience = record
            .result
            .get("audience")
            .and_then(|a| serde_json::from_value::<Audience>(a.clone()).ok())
            .unwrap_or(self.audience);
        let screening = report::screen(rulebook, &answers, audience);
        let differences = record::result_differences(&record.result, &serde_json::to_value(&screening)?);
        if !differences.is_empty() {
            return Err(CliError::Record {
                path: path.to_owned(),
                message: format!(
                    "this tool no longer gives the recorded result ({} {}) with the same rulebook and answers; \
                     `smp-screen replay` shows what changed",
                    differences.join(", "),
                    if differences.len() == 1 { "differs" } else { "differ" }
                ),
            }
            .into());
        }
        if self.format == Format::Json {
            let mut out = serde_json::to_vec_pretty(&record.result)?;
            out.push(b'\n');
            common::print(&out)?;
            return Ok(super::error::code::OK);
        }
        let day = record
            .created_at
            .get(..10)
            .filter(|d| smp_screen::date::Date::parse(d).is_some());
        let frame = report::Frame {
            label: self.save.label.as_deref().or(record.label.as_deref()),
            screened_on: day,
            reprinted_from: Some(&record.created_at),
        };
        let (style, width) = match self.format {
            Format::Text => common::stdout_style(color),
            _ => (smp_screen::style::Style::PLAIN, 80),
        };
        let renderer = self.format.framed(frame);
        let cx = report::Context {
            screening: &screening,
            rulebook,
            answers: &answers,
            style,
            width,
            explain: self.explain,
        };
        let mut out = Vec::new();
        renderer.render(&cx, &mut out)?;
        common::print(&out)?;
        if let Some(page) = &self.save.save_html {
            let mut html = Vec::new();
            let cx = report::Context {
                style: smp_screen::style::Style::PLAIN,
                width: 80,
                ..cx
            };
            report::Html.page(&cx, &frame, &mut html)?;
            common::write_atomic(page, &html, self.save.force)?;
        }
        Ok(super::error::code::OK)
    }
}

/// The first characters of a content hash, enough to tell two apart.
fn short_hash(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

/// Says on standard error that a record or a case was given as answers.
fn note_source(origin: &str, source: &record::AnswersSource) {
    let origin = smp_screen::sanitize::one_line(origin);
    match source {
        record::AnswersSource::Record { created_at, label } => {
            let label = label
                .as_deref()
                .map(|l| format!(", label {}", smp_screen::sanitize::one_line(l)))
                .unwrap_or_default();
            eprintln!(
                "note: {origin} is a saved record (made {}{label}): screening its answers; its recorded result is \
                 ignored (`assess --from-record` re-prints it, `replay` compares)",
                smp_screen::sanitize::one_line(created_at)
            );
        }
        record::AnswersSource::Case => {
            eprintln!("note: {origin} is a golden case: screening its answers; its story and expectations are ignored")
        }
        record::AnswersSource::Answers => {}
    }
}

/// Every question that applies (or may apply) must have an answer; "don't know" counts.
fn require_complete(rulebook: &Rulebook, answers: &Answers) -> Result<(), AnswerErrors> {
    let eval = evaluate(rulebook, answers);
    let missing: Vec<AnswerError> = rulebook
        .questions
        .iter()
        .enumerate()
        .filter(|(q, _)| eval.applies[*q] != Tri::False && matches!(answers.slot(*q), Slot::Missing))
        .map(|(_, question)| AnswerError::Missing {
            question: question.id.clone(),
            expected: smp_screen::answers::expected(question),
        })
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(AnswerErrors(missing))
    }
}
