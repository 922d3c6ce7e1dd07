//! Drafts: the answers of an unfinished interview, kept in a file after every answer so
//! that a closed window, a crash or a SIGKILL loses at most the answer being typed, and
//! `--resume FILE` continues where it stopped.
//!
//! A draft is JSON: the rulebook it was made with (id, version, content hash), the
//! language the interview was shown in, the questions in the order they were asked, and
//! their answers in the answers-file format.

use super::common::{self, MAX_ANSWERS_BYTES};
use super::error::CliError;
use serde_json::{Map, Value as Json, json};
use smp_screen::answers::Answers;
use smp_screen::interview::Session;
use smp_screen::rulebook::Rulebook;
use smp_screen::sanitize;
use smp_screen::tr;
use std::path::{Path, PathBuf};

/// The key that marks a file as a draft, and the format's version.
const MARK: &str = "smp_screen_draft";
const VERSION: u64 = 1;

/// Where the draft of `--save FILE` goes when no `--draft` is given: `FILE.draft`.
pub fn beside(record: &Path) -> PathBuf {
    let mut name = record.as_os_str().to_owned();
    name.push(".draft");
    PathBuf::from(name)
}

/// The draft of `session`, as JSON text.
pub fn to_json(rulebook: &Rulebook, session: &Session) -> String {
    let all = session.answers().to_json(rulebook);
    let asked: Vec<&str> = session
        .asked()
        .iter()
        .map(|&q| rulebook.questions[q].id.as_str())
        .collect();
    // Only the answers of questions still asked: one gone back from is asked again.
    let answers: Map<String, Json> = all.into_iter().filter(|(id, _)| asked.contains(&id.as_str())).collect();
    let draft = json!({
        MARK: VERSION,
        "rulebook": {
            "id": rulebook.identity.id,
            "version": rulebook.identity.version,
            "sha256": rulebook.sha256,
        },
        "language": rulebook.language,
        "asked": asked,
        "answers": answers,
    });
    serde_json::to_string_pretty(&draft).expect("a draft is plain JSON") + "\n"
}

/// Writes the draft atomically (owner-only, replacing the previous one).
pub fn write(path: &Path, rulebook: &Rulebook, session: &Session) -> Result<(), CliError> {
    common::write_atomic(path, to_json(rulebook, session).as_bytes(), true)
}

/// A draft read back.
pub struct Loaded {
    /// The answers that still fit the rulebook.
    pub answers: Answers,
    /// The questions in the order asked.
    pub order: Vec<usize>,
    /// What the person should be told: a changed rulebook, answers that no longer fit.
    pub notes: Vec<String>,
    /// The language the interview was shown in (none in drafts made before languages).
    pub language: Option<String>,
}

/// Reads a draft for `rulebook`.
pub fn read(path: &Path, rulebook: &Rulebook) -> Result<Loaded, CliError> {
    let text = common::read_input(path, "cannot read the draft", MAX_ANSWERS_BYTES)?;
    let bad = |why: &str| CliError::Io {
        what: "cannot resume from",
        path: path.to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, why.to_owned()),
    };
    let json: Json = serde_json::from_str(&text).map_err(|e| bad(&format!("not a draft: {e}")))?;
    if json.get(MARK).and_then(Json::as_u64) != Some(VERSION) {
        return Err(bad("not a draft of smp-screen (no \"smp_screen_draft\": 1)"));
    }
    let Some(map) = json.get("answers").and_then(Json::as_object) else {
        return Err(bad("the draft has no \"answers\" object"));
    };
    let words = rulebook.words();
    let mut notes = Vec::new();
    let hash = json.pointer("/rulebook/sha256").and_then(Json::as_str).unwrap_or("");
    if hash != rulebook.sha256 {
        let version = json.pointer("/rulebook/version").and_then(Json::as_str).unwrap_or("?");
        notes.push(tr!(
            words,
            "interview-resume-changed",
            was = sanitize::one_line(version).as_ref(),
            now = sanitize::one_line(&rulebook.identity.version).as_ref()
        ));
    }
    let (answers, problems) = Answers::from_json_map_lenient(rulebook, map);
    for problem in problems {
        let what = match problem.question().and_then(|id| rulebook.question_index(id)) {
            Some(q) => sanitize::one_line(&rulebook.questions[q].short).into_owned(),
            None => problem.question().map_or_else(
                || tr!(words, "interview-resume-an-answer"),
                |id| format!("\"{}\"", sanitize::one_line(id)),
            ),
        };
        notes.push(tr!(
            words,
            "interview-resume-no-longer",
            question = what.as_str(),
            problem = sanitize::one_line(&problem.to_string()).as_ref()
        ));
    }
    let order = json
        .get("asked")
        .and_then(Json::as_array)
        .map(|ids| {
            ids.iter()
                .filter_map(Json::as_str)
                .filter_map(|id| rulebook.question_index(id))
                .collect()
        })
        .unwrap_or_default();
    let language = json
        .get("language")
        .and_then(Json::as_str)
        .filter(|code| smp_screen::rulebook::locale::valid_code(code))
        .map(str::to_owned);
    Ok(Loaded {
        answers,
        order,
        notes,
        language,
    })
}

/// Removes the draft once the record holds everything (a missing draft is fine).
pub fn remove(path: &Path) -> Result<(), CliError> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(CliError::Io {
            what: "cannot remove the draft",
            path: path.to_owned(),
            source,
        }),
    }
}
