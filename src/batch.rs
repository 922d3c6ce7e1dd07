//! Batch screening, row by row: one JSON Lines object or one CSV row in, one record out.
//! Threads, files and progress belong to the command line; this module only turns a row
//! into bytes, so it can be tested and fuzzed on its own.

use crate::answers::{AnswerError, AnswerErrors, Answers, parse_text};
use crate::audience::Audience;
use crate::engine::{Evaluation, evaluate_into};
use crate::report::{
    Detail, Headline, Outcome, Outline, OutlineScratch, Status, outline_into, pending_questions, screen_with,
};
use crate::rulebook::{Rulebook, Verdict};
use serde::Serialize;
use std::io::Write;

/// Longest row accepted (a JSON line or a CSV record), in bytes.
pub const MAX_ROW_BYTES: usize = 1024 * 1024;

/// Separator of multiple-choice values in a CSV cell.
pub const CSV_LIST_SEPARATOR: char = ';';

/// What each output record holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// The `assess` JSON result plus the line number (with `explain` and `what_if` when
    /// `explain` is set).
    Full {
        /// Include HOW, WHY and WHAT IF.
        explain: bool,
    },
    /// Ids only: verdict, ink, worst case, risk ids and severities, advice, rules,
    /// unanswered and ignored questions.
    Compact,
}

/// How rows are screened and written.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Wording of texts in full records.
    pub audience: Audience,
    /// Record contents (JSON Lines output).
    pub record: Record,
    /// Write CSV rows instead of JSON Lines.
    pub csv: bool,
}

/// The outcome of one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStatus {
    /// Screened with this verdict, complete or provisional.
    Screened(Verdict, Status),
    /// An error record was written instead.
    Failed,
}

/// Screens rows one after another, reusing its buffers: one per worker thread.
pub struct RowScreener<'a> {
    rb: &'a Rulebook,
    opts: Options,
    eval: Evaluation,
    outline: Outline,
    scratch: OutlineScratch,
    ids: EscapedIds,
}

/// Every id of a rulebook, quoted and escaped for JSON once, for compact records.
struct EscapedIds {
    rules: Vec<String>,
    risks: Vec<String>,
    advice: Vec<String>,
    questions: Vec<String>,
}

impl EscapedIds {
    fn new(rb: &Rulebook) -> EscapedIds {
        let quote = |s: &str| serde_json::to_string(s).expect("a string serialises");
        EscapedIds {
            rules: rb.rules.iter().map(|x| quote(&x.id)).collect(),
            risks: rb.risks.iter().map(|x| quote(&x.id)).collect(),
            advice: rb.advice.iter().map(|x| quote(&x.id)).collect(),
            questions: rb.questions.iter().map(|x| quote(&x.id)).collect(),
        }
    }
}

impl<'a> RowScreener<'a> {
    /// A screener for one rulebook and set of options.
    pub fn new(rb: &'a Rulebook, opts: Options) -> RowScreener<'a> {
        RowScreener {
            rb,
            opts,
            eval: Evaluation::empty(),
            outline: Outline::default(),
            scratch: OutlineScratch::default(),
            ids: EscapedIds::new(rb),
        }
    }

    /// Screens one JSON Lines row and appends its record (or an error record) to `out`.
    pub fn jsonl_row(&mut self, line: u64, text: &[u8], out: &mut Vec<u8>) -> RowStatus {
        if text.len() > MAX_ROW_BYTES {
            return self.error(
                line,
                &format!("line is {} bytes; the limit is {MAX_ROW_BYTES}", text.len()),
                out,
            );
        }
        let text = match std::str::from_utf8(text) {
            Ok(t) => t,
            Err(e) => return self.error(line, &format!("not UTF-8 text (byte {})", e.valid_up_to() + 1), out),
        };
        match Answers::from_json(self.rb, text) {
            Ok(answers) => self.result(line, &answers, out),
            Err(e) => self.error(line, &one_line(&e), out),
        }
    }

    /// Screens one CSV record and appends its record (or an error record) to `out`.
    pub fn csv_row(
        &mut self,
        columns: &CsvColumns,
        line: u64,
        record: &csv::ByteRecord,
        out: &mut Vec<u8>,
    ) -> RowStatus {
        if record.as_slice().len() > MAX_ROW_BYTES {
            return self.error(line, &format!("row is longer than {MAX_ROW_BYTES} bytes"), out);
        }
        match columns.answers(self.rb, record) {
            Ok(answers) => self.result(line, &answers, out),
            Err(e) => self.error(line, &one_line(&e), out),
        }
    }

    /// Appends an error record for a row that could not be screened.
    pub fn error(&self, line: u64, message: &str, out: &mut Vec<u8>) -> RowStatus {
        if self.opts.csv {
            csv_record(out, &[&line.to_string(), "", "", "", "", "", message, "", "", "", ""]);
        } else {
            serde_json::to_writer(&mut *out, &ErrorRecord { line, error: message }).expect("writing to memory");
            out.push(b'\n');
        }
        RowStatus::Failed
    }

    /// Screens answers and appends their record.
    pub fn result(&mut self, line: u64, answers: &Answers, out: &mut Vec<u8>) -> RowStatus {
        let rb = self.rb;
        if let (false, Record::Full { explain }) = (self.opts.csv, self.opts.record) {
            let detail = if explain { Detail::FULL } else { Detail::BRIEF };
            let s = screen_with(rb, answers, self.opts.audience, detail);
            // `{"line":N,` followed by the result without its opening brace.
            let mut body = Vec::with_capacity(4096);
            serde_json::to_writer(&mut body, &s).expect("writing to memory");
            let _ = write!(out, "{{\"line\":{line},");
            out.extend_from_slice(&body[1..]);
            out.push(b'\n');
            return RowStatus::Screened(s.verdict, s.status);
        }
        evaluate_into(rb, answers, &mut self.eval);
        outline_into(rb, answers, &self.eval, &mut self.outline, &mut self.scratch);
        let o = &self.outline;
        if self.opts.csv {
            let e = &self.eval;
            let risks: Vec<&str> = o.risks.iter().map(|(i, ..)| rb.risks[*i].id.as_str()).collect();
            let advice: Vec<&str> = o.advice.iter().map(|(i, ..)| rb.advice[*i].id.as_str()).collect();
            let status = Status::of(e.is_provisional());
            // The same headline as every other format: a provisional row never reads as a
            // bare verdict.
            let questions = if e.is_provisional() {
                pending_questions(rb, answers, e, &e.pending(rb)).len()
            } else {
                0
            };
            let headline = Headline::new(
                Outcome {
                    verdict: e.result.verdict,
                    ink: e.result.ink,
                },
                Outcome {
                    verdict: e.worst_case.verdict,
                    ink: e.worst_case.ink,
                },
                e.is_provisional(),
                questions,
            )
            .text();
            csv_record(
                out,
                &[
                    &line.to_string(),
                    e.result.verdict.as_str(),
                    e.result.ink.as_str(),
                    status.as_str(),
                    &risks.join(";"),
                    &advice.join(";"),
                    "",
                    if e.is_provisional() { "true" } else { "false" },
                    e.worst_case.verdict.as_str(),
                    e.worst_case.ink.as_str(),
                    &headline,
                ],
            );
        } else {
            self.write_compact(line, &self.eval, o, out);
        }
        RowStatus::Screened(self.eval.result.verdict, Status::of(self.eval.is_provisional()))
    }

    /// Writes the compact record of an evaluation and its outline. The ids are escaped
    /// already, so this is mostly copying bytes.
    pub fn write_compact(&self, line: u64, e: &Evaluation, o: &Outline, out: &mut Vec<u8>) {
        let _ = write!(
            out,
            "{{\"line\":{line},\"verdict\":\"{}\",\"ink\":\"{}\",\"status\":\"{}\",\"provisional\":{},\"worst_case\":{{\"verdict\":\"{}\",\"ink\":\"{}\"}},\"risks\":[",
            e.result.verdict.as_str(),
            e.result.ink.as_str(),
            Status::of(e.is_provisional()).as_str(),
            e.is_provisional(),
            e.worst_case.verdict.as_str(),
            e.worst_case.ink.as_str()
        );
        for (i, (risk, severity, _)) in o.risks.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"id\":");
            out.extend_from_slice(self.ids.risks[*risk].as_bytes());
            let _ = write!(out, ",\"severity\":\"{}\"}}", severity.as_str());
        }
        out.push(b']');
        let ids = &self.ids;
        list(out, "advice", o.advice.iter().map(|(i, ..)| &ids.advice[*i]));
        list(out, "fired", o.fired.iter().map(|&r| &ids.rules[r]));
        list(out, "possible", o.possible.iter().map(|&r| &ids.rules[r]));
        list(out, "unanswered", o.unanswered.iter().map(|&q| &ids.questions[q]));
        list(out, "ignored", o.ignored.iter().map(|&q| &ids.questions[q]));
        out.extend_from_slice(b"}\n");
    }
}

/// `,"name":[a,b]` from items already quoted.
fn list<'s>(out: &mut Vec<u8>, name: &str, items: impl Iterator<Item = &'s String>) {
    out.extend_from_slice(b",\"");
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":[");
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(item.as_bytes());
    }
    out.push(b']');
}

/// The question each CSV column answers.
#[derive(Debug, Clone)]
pub struct CsvColumns {
    /// Question index per column; `None` for an unknown column.
    questions: Vec<Option<usize>>,
    /// Problems with the header, reported on every row.
    problems: Vec<AnswerError>,
}

impl CsvColumns {
    /// Maps a header row of question ids to questions.
    pub fn new(rb: &Rulebook, header: &csv::ByteRecord) -> CsvColumns {
        let mut questions = Vec::with_capacity(header.len());
        let mut problems = Vec::new();
        let mut seen = vec![false; rb.questions.len()];
        for cell in header {
            let name = String::from_utf8_lossy(cell);
            let name = name.trim();
            match rb.question_index(name) {
                Some(q) if !std::mem::replace(&mut seen[q], true) => questions.push(Some(q)),
                Some(_) => {
                    problems.push(AnswerError::Repeated {
                        question: name.to_owned(),
                    });
                    questions.push(None);
                }
                None => {
                    problems.push(AnswerError::unknown_question(rb, name));
                    questions.push(None);
                }
            }
        }
        CsvColumns { questions, problems }
    }

    /// Problems with the header.
    pub fn problems(&self) -> &[AnswerError] {
        &self.problems
    }

    /// Turns one CSV record into answers: an empty cell is unanswered; multiple choice
    /// values are separated by `;`; yes/no is yes, no, true or false.
    pub fn answers(&self, rb: &Rulebook, record: &csv::ByteRecord) -> Result<Answers, AnswerErrors> {
        let mut errors = self.problems.clone();
        if record.len() != self.questions.len() {
            errors.push(AnswerError::WrongType {
                question: "(row)".to_owned(),
                expected: format!("{} cells, as in the header", self.questions.len()),
                found: format!("{} cells", record.len()),
            });
            return Err(AnswerErrors(errors));
        }
        let mut answers = Answers::none_for(rb);
        for (cell, column) in record.iter().zip(&self.questions) {
            let Some(q) = *column else { continue };
            let Ok(text) = std::str::from_utf8(cell) else {
                errors.push(AnswerError::WrongType {
                    question: rb.questions[q].id.clone(),
                    expected: crate::answers::expected(&rb.questions[q]),
                    found: "bytes that are not UTF-8 text".to_owned(),
                });
                continue;
            };
            if text.trim().is_empty() {
                continue;
            }
            match parse_text(&rb.questions[q], text, CSV_LIST_SEPARATOR) {
                Ok(slot) => answers.set(q, slot),
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            Ok(answers)
        } else {
            Err(AnswerErrors(errors))
        }
    }
}

fn one_line(e: &AnswerErrors) -> String {
    e.0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}

/// The header of CSV output.
pub fn csv_header(out: &mut Vec<u8>) {
    out.extend_from_slice(
        b"line,verdict,ink,status,risks,advice,error,provisional,worst_case_verdict,worst_case_ink,headline\n",
    );
}

#[derive(Serialize)]
struct ErrorRecord<'a> {
    line: u64,
    error: &'a str,
}

/// Appends one CSV record, quoting cells that need it.
fn csv_record(out: &mut Vec<u8>, cells: &[&str]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        // A cell starting with = + - @ could run as a formula in a spreadsheet; a leading
        // apostrophe keeps it text.
        let risky = cell.starts_with(['=', '+', '-', '@']);
        if risky || cell.contains([',', '"', '\n', '\r']) {
            out.push(b'"');
            if risky {
                out.push(b'\'');
            }
            out.extend_from_slice(cell.replace('"', "\"\"").as_bytes());
            out.push(b'"');
        } else {
            out.extend_from_slice(cell.as_bytes());
        }
    }
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rb() -> Rulebook {
        Rulebook::embedded().unwrap()
    }

    const BRIEF: Options = Options {
        audience: Audience::Patient,
        record: Record::Compact,
        csv: false,
    };

    #[test]
    fn a_bad_json_line_becomes_an_error_record_naming_the_problem() {
        let rb = rb();
        let mut screener = RowScreener::new(&rb, BRIEF);
        let mut out = Vec::new();
        assert_eq!(
            screener.jsonl_row(7, br#"{"skin_tne": "III"}"#, &mut out),
            RowStatus::Failed
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"line\":7,\"error\":\"unknown question `skin_tne`; did you mean `skin_tone`?\"}\n"
        );
        let mut out = Vec::new();
        screener.jsonl_row(8, b"{\"age\": ", &mut out);
        assert!(
            String::from_utf8(out)
                .unwrap()
                .starts_with("{\"line\":8,\"error\":\"answers are not valid JSON")
        );
    }

    #[test]
    fn a_compact_record_carries_the_same_result_as_the_full_one() {
        let rb = rb();
        let mut screener = RowScreener::new(&rb, BRIEF);
        let mut out = Vec::new();
        let row = r#"{"age": 23, "scars": ["fut_strip"], "permanence": "unsure", "keloid_history": true}"#;
        assert_eq!(
            screener.jsonl_row(3, row.as_bytes(), &mut out),
            RowStatus::Screened(Verdict::Refer, Status::Provisional)
        );
        let record: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let full = screen_with(
            &rb,
            &Answers::from_json(&rb, row).unwrap(),
            Audience::Patient,
            Detail::BRIEF,
        );
        assert_eq!(record["line"], 3);
        assert_eq!(record["verdict"], "refer");
        assert_eq!(record["ink"], full.ink.as_str());
        assert_eq!(record["provisional"], full.provisional);
        assert_eq!(record["status"], full.status.as_str());
        assert_eq!(record["worst_case"]["verdict"], full.worst_case.verdict.as_str());
        let risks: Vec<(String, String)> = full
            .risks
            .iter()
            .map(|r| (r.id.to_owned(), r.severity.as_str().to_owned()))
            .collect();
        let got: Vec<(String, String)> = record["risks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["id"].as_str().unwrap().to_owned(),
                    r["severity"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        assert_eq!(got, risks);
        let ids = |v: &serde_json::Value| {
            v.as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ids(&record["advice"]),
            full.advice.iter().map(|a| a.id).collect::<Vec<_>>()
        );
        assert_eq!(
            ids(&record["fired"]),
            full.fired.iter().map(|f| f.rule).collect::<Vec<_>>()
        );
        assert_eq!(
            ids(&record["possible"]),
            full.possible.iter().map(|p| p.rule).collect::<Vec<_>>()
        );
        assert_eq!(ids(&record["unanswered"]), full.unanswered);
        assert_eq!(ids(&record["ignored"]), full.ignored);
    }

    #[test]
    fn csv_cells_parse_like_set_and_empty_cells_are_unanswered() {
        let rb = rb();
        let header = csv::ByteRecord::from(vec!["age", "scars", "keloid_history", "skin_tone"]);
        let cols = CsvColumns::new(&rb, &header);
        let row = csv::ByteRecord::from(vec!["40", "fut_strip;burn", "yes", ""]);
        let a = cols.answers(&rb, &row).unwrap();
        assert_eq!(a.to_json(&rb)["scars"], serde_json::json!(["fut_strip", "burn"]));
        assert_eq!(a.to_json(&rb)["keloid_history"], true);
        assert!(a.to_json(&rb).get("skin_tone").is_none());
        let short = csv::ByteRecord::from(vec!["40"]);
        assert!(
            cols.answers(&rb, &short)
                .unwrap_err()
                .to_string()
                .contains("4 cells, as in the header")
        );
    }

    #[test]
    fn csv_output_quotes_and_defuses_formulas() {
        let mut out = Vec::new();
        csv_record(&mut out, &["1", "a,b", "=cmd()", "say \"hi\""]);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "1,\"a,b\",\"'=cmd()\",\"say \"\"hi\"\"\"\n"
        );
    }
}
