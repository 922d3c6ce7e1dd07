//! Who a rendering is for: the same evaluation is worded for a patient or a consultant.

use serde::{Deserialize, Serialize};

/// The reader of a question or a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// A person screening themselves: plain words.
    #[default]
    Patient,
    /// A clinic consultant: clinical terms, rule ids, rationale and sources.
    Consultant,
}

impl Audience {
    /// The identifier used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Patient => "patient",
            Audience::Consultant => "consultant",
        }
    }

    /// Picks the consultant wording when there is one and the reader is a consultant.
    pub fn pick<'a>(self, patient: &'a str, consultant: Option<&'a str>) -> &'a str {
        match (self, consultant) {
            (Audience::Consultant, Some(c)) => c,
            _ => patient,
        }
    }
}
