//! Typed answer errors: each names its question and says what was expected.

use crate::rulebook::Rulebook;
use crate::suggest::{did_you_mean, hint};
use std::fmt;

/// One problem with one answer.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AnswerError {
    /// The answers are not valid JSON.
    #[error("answers are not valid JSON: {message} at line {line}, column {column}")]
    Syntax {
        /// What the parser found.
        message: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The answers are JSON but not an object.
    #[error("answers must be a JSON object of question id to answer, found {found}")]
    NotAnObject {
        /// What was found instead.
        found: String,
    },
    /// No question has this id.
    #[error("unknown question `{}`{}", shorten(id), hint(suggestion.as_deref()))]
    UnknownQuestion {
        /// The id given.
        id: String,
        /// The closest real id.
        suggestion: Option<String>,
    },
    /// The question was answered twice.
    #[error("question `{question}` is answered more than once")]
    Repeated {
        /// The question.
        question: String,
    },
    /// The value is not one of the question's options.
    #[error("`{}` is not an option of `{question}` (valid: {}){}", shorten(value), valid.join(", "), hint(suggestion.as_deref()))]
    InvalidOption {
        /// The question.
        question: String,
        /// The value given.
        value: String,
        /// The question's option values.
        valid: Vec<String>,
        /// The closest option.
        suggestion: Option<String>,
    },
    /// The value fits more than one option (by label or by case-insensitive value).
    #[error("`{value}` could mean any of {} for `{question}`; write the option value", matches.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", "))]
    AmbiguousOption {
        /// The question.
        question: String,
        /// The value given.
        value: String,
        /// The options it fits.
        matches: Vec<String>,
    },
    /// The value has the wrong JSON type for the question.
    #[error("`{question}` expects {expected}, found {found}")]
    WrongType {
        /// The question.
        question: String,
        /// What it expects, in words.
        expected: String,
        /// What was found, in words.
        found: String,
    },
    /// A number outside the question's bounds.
    #[error("`{question}` expects {expected}, found {value}")]
    OutOfRange {
        /// The question.
        question: String,
        /// The number given.
        value: f64,
        /// What it expects, in words.
        expected: String,
    },
    /// A fraction where a whole number is needed.
    #[error("`{question}` expects a whole number, found {value}")]
    NotWhole {
        /// The question.
        question: String,
        /// The number given.
        value: f64,
    },
    /// The same option ticked twice.
    #[error("`{question}` lists `{value}` more than once")]
    RepeatedOption {
        /// The question.
        question: String,
        /// The repeated option.
        value: String,
    },
    /// An option such as `none` ticked together with others.
    #[error("`{question}`: `{exclusive}` cannot be combined with other options")]
    ExclusiveCombined {
        /// The question.
        question: String,
        /// The option that must stand alone.
        exclusive: String,
    },
    /// An empty list where `none` should have been ticked.
    #[error("`{question}`: tick at least one option, or `{exclusive}`")]
    NothingTicked {
        /// The question.
        question: String,
        /// The option that means "none of these".
        exclusive: String,
    },
    /// No answer where `--strict` requires one.
    #[error("`{question}` is not answered; it expects {expected} (or null for don't know)")]
    Missing {
        /// The question.
        question: String,
        /// What it expects, in words.
        expected: String,
    },
    /// An empty text value.
    #[error("`{question}` has an empty value; it expects {expected} (leave the question out if unknown)")]
    Empty {
        /// The question.
        question: String,
        /// What it expects, in words.
        expected: String,
    },
}

impl AnswerError {
    /// An unknown-question error with the nearest real id as a suggestion.
    pub fn unknown_question(rulebook: &Rulebook, id: &str) -> AnswerError {
        // No id is longer than 80 characters, so a longer key is near none of them (and
        // comparing megabytes with every id would take minutes).
        let suggestion = if id.len() > 4 * 80 {
            None
        } else {
            did_you_mean(id, rulebook.questions.iter().map(|q| q.id.as_str())).map(str::to_owned)
        };
        AnswerError::UnknownQuestion {
            id: id.to_owned(),
            suggestion,
        }
    }

    /// The question the error is about, if it is about one.
    pub fn question(&self) -> Option<&str> {
        match self {
            AnswerError::Syntax { .. } | AnswerError::NotAnObject { .. } => None,
            AnswerError::UnknownQuestion { id, .. } => Some(id),
            AnswerError::Repeated { question }
            | AnswerError::InvalidOption { question, .. }
            | AnswerError::AmbiguousOption { question, .. }
            | AnswerError::WrongType { question, .. }
            | AnswerError::OutOfRange { question, .. }
            | AnswerError::NotWhole { question, .. }
            | AnswerError::RepeatedOption { question, .. }
            | AnswerError::ExclusiveCombined { question, .. }
            | AnswerError::NothingTicked { question, .. }
            | AnswerError::Missing { question, .. }
            | AnswerError::Empty { question, .. } => Some(question),
        }
    }
}

/// Every problem found in one set of answers.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerErrors(pub Vec<AnswerError>);

impl fmt::Display for AnswerErrors {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for AnswerErrors {}

impl From<AnswerError> for AnswerErrors {
    fn from(e: AnswerError) -> Self {
        AnswerErrors(vec![e])
    }
}

/// Longest piece of a given key or value echoed in an error, in characters.
const MAX_ECHO: usize = 60;

/// A key or value as echoed in an error: whole when short, else its start and its length.
fn shorten(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(MAX_ECHO) {
        None => std::borrow::Cow::Borrowed(text),
        Some((end, _)) => std::borrow::Cow::Owned(format!("{}… ({} characters)", &text[..end], text.chars().count())),
    }
}
