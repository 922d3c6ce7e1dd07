//! `smp-screen assess`: answers in, a verdict with its reasons out. No terminal needed.

use super::common::{self, MAX_ANSWERS_BYTES, RulesArg};
use super::error::CliError;
use clap::{Args, ValueEnum};
use smp_screen::answers::{AnswerError, AnswerErrors, Answers, Slot};
use smp_screen::audience::Audience;
use smp_screen::engine::{Tri, evaluate};
use smp_screen::report::{self, Report};
use smp_screen::rulebook::Rulebook;
use smp_screen::style::ColorChoice;
use std::path::PathBuf;

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
    /// The renderer for this format.
    pub fn renderer(self) -> Box<dyn Report> {
        match self {
            Format::Text => Box::new(report::Text),
            Format::Json => Box::new(report::Json),
            Format::Markdown => Box::new(report::Markdown),
            Format::Html => Box::new(report::Html),
        }
    }
}

/// Arguments of `assess`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("input").required(true).multiple(true).args(["answers", "set"]))]
pub struct AssessArgs {
    /// JSON file of answers (question id → value); `-` reads standard input
    #[arg(long, short = 'a', value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Set one answer (repeatable); multiple choice values are comma-separated; overrides the file
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
        let (answers, origin) = self.read_answers(&rulebook)?;
        if self.strict {
            require_complete(&rulebook, &answers).map_err(|errors| CliError::Answers { origin, errors })?;
        }
        let screening = report::screen(&rulebook, &answers, self.audience);
        let (style, width) = match self.format {
            Format::Text => common::stdout_style(color),
            _ => (smp_screen::style::Style::PLAIN, 80),
        };
        let renderer = self.format.renderer();
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
            answers = Answers::from_json(rulebook, &text).map_err(|errors| CliError::Answers {
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
