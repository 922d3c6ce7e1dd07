//! Batch screening: one JSON Lines object or one CSV row in, one record out.
//! [`RowScreener`] turns a row into bytes; [`pipeline`] runs a whole input through it in
//! order, on one thread or several. Files, progress bars and messages belong to the
//! command line.

use crate::answers::{AnswerError, AnswerErrors, Answers, KeyHints, parse_text};
use crate::audience::Audience;
use crate::engine::{Evaluation, evaluate_into};
use crate::report::{
    Detail, Headline, JsonLine, Outcome, Outline, OutlineScratch, Screening, Status, outline_into, pending_questions,
    screen_evaluated_into,
};
use crate::rulebook::{Rulebook, Verdict};
use std::io::Write;

mod input;
pub mod pipeline;

pub use input::Input;

/// Longest row accepted (a JSON line or a CSV record), in bytes.
pub const MAX_ROW_BYTES: usize = 1024 * 1024;

/// Separator of multiple-choice values in a CSV cell.
pub const CSV_LIST_SEPARATOR: char = ';';

/// What each output record holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contents {
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
    pub record: Contents,
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
    /// The row's answers, read into the same storage every row.
    answers: Answers,
    /// The order of the keys in the rows read so far.
    hints: KeyHints,
    eval: Evaluation,
    outline: Outline,
    scratch: OutlineScratch,
    ids: EscapedIds,
    /// The full result of the row, refilled for every row.
    screening: Screening<'a>,
    /// Full records, with the rulebook's texts escaped once.
    full: JsonLine<'a>,
    /// Names of the columns (or JSON keys) carried into every record (`--id-column`).
    carry: Vec<String>,
    /// Their values in the row being written.
    carried: Vec<Option<String>>,
    /// The verdict labels in the rulebook's language, least severe first (CSV headlines).
    labels: [String; 4],
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
        let quote = |s: &str| crate::sanitize::json_string(s);
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
            answers: Answers::none_for(rb),
            hints: KeyHints::default(),
            eval: Evaluation::empty(),
            outline: Outline::default(),
            scratch: OutlineScratch::default(),
            ids: EscapedIds::new(rb),
            screening: Screening::blank(rb, opts.audience),
            full: JsonLine::default(),
            carry: Vec::new(),
            carried: Vec::new(),
            labels: Verdict::ALL.map(|v| crate::words::verdict_label(rb.words(), v)),
        }
    }

    /// Carries these columns (CSV) or keys (JSON Lines) into every record, as `ids` in
    /// JSON and as columns after `line` in CSV; in JSON Lines input they are not questions.
    pub fn carrying(mut self, names: Vec<String>) -> RowScreener<'a> {
        self.carried = vec![None; names.len()];
        self.carry = names;
        self
    }

    /// Screens one JSON Lines row and appends its record (or an error record) to `out`.
    pub fn jsonl_row(&mut self, line: u64, text: &[u8], out: &mut Vec<u8>) -> RowStatus {
        if text.len() > MAX_ROW_BYTES {
            return self.too_long_line(line, text.len(), out);
        }
        let text = match std::str::from_utf8(text) {
            Ok(t) => t,
            Err(e) => return self.row_error(line, &format!("not UTF-8 text (byte {})", e.valid_up_to() + 1), out),
        };
        let mut answers = std::mem::replace(&mut self.answers, Answers::empty(0));
        let status = match answers.read_json_hinted(self.rb, text, &self.carry, &mut self.carried, &mut self.hints) {
            Ok(()) => self.result(line, &answers, out),
            Err(e) => self.error(line, &one_line(&e), out),
        };
        self.answers = answers;
        status
    }

    /// Appends the error record of a JSON line of `len` bytes, over [`MAX_ROW_BYTES`].
    pub fn too_long_line(&mut self, line: u64, len: usize, out: &mut Vec<u8>) -> RowStatus {
        self.row_error(line, &format!("line is {len} bytes; the limit is {MAX_ROW_BYTES}"), out)
    }

    /// The error record of a row that could not be read at all (too long, not UTF-8, a
    /// broken CSV record): its carried ids are unknown, never those of the row before.
    pub fn row_error(&mut self, line: u64, message: &str, out: &mut Vec<u8>) -> RowStatus {
        self.carried.iter_mut().for_each(|v| *v = None);
        self.error(line, message, out)
    }

    /// Screens one CSV record and appends its record (or an error record) to `out`.
    pub fn csv_row(
        &mut self,
        columns: &CsvColumns,
        line: u64,
        record: &csv::ByteRecord,
        out: &mut Vec<u8>,
    ) -> RowStatus {
        columns.carried(record, &mut self.carried);
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
            let line = line.to_string();
            let mut cells = vec![line.as_str()];
            cells.extend(self.carried_cells());
            cells.extend(["", "", "", "", "", message, "", "", "", ""]);
            csv_record(out, &cells);
        } else {
            let _ = write!(out, "{{\"line\":{line},");
            self.write_carried(out);
            out.extend_from_slice(b"\"error\":");
            crate::sanitize::json_to_writer(&mut *out, message).expect("writing to memory");
            out.extend_from_slice(b"}\n");
        }
        RowStatus::Failed
    }

    /// Screens answers and appends their record.
    pub fn result(&mut self, line: u64, answers: &Answers, out: &mut Vec<u8>) -> RowStatus {
        let rb = self.rb;
        if let (false, Contents::Full { explain }) = (self.opts.csv, self.opts.record) {
            let detail = if explain { Detail::FULL } else { Detail::BRIEF };
            evaluate_into(rb, answers, &mut self.eval);
            let s = &mut self.screening;
            screen_evaluated_into(
                s,
                rb,
                answers,
                &self.eval,
                self.opts.audience,
                detail,
                &mut self.scratch,
            );
            out.extend_from_slice(b"{\"line\":");
            push_u64(out, line);
            out.push(b',');
            self.write_carried(out);
            self.full.write_members(&self.screening, out);
            out.extend_from_slice(b"}\n");
            return RowStatus::Screened(self.screening.verdict, self.screening.status);
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
            );
            // A complete row's headline is its label, looked up once per screener.
            let provisional_headline;
            let headline: &str = if headline.is_complete() {
                &self.labels[e.result.verdict as usize]
            } else {
                provisional_headline = headline.text(rb.words());
                &provisional_headline
            };
            let line = line.to_string();
            let risks = risks.join(";");
            let advice = advice.join(";");
            let mut cells = vec![line.as_str()];
            cells.extend(self.carried_cells());
            cells.extend([
                e.result.verdict.as_str(),
                e.result.ink.as_str(),
                status.as_str(),
                &risks,
                &advice,
                "",
                if e.is_provisional() { "true" } else { "false" },
                e.worst_case.verdict.as_str(),
                e.worst_case.ink.as_str(),
                headline,
            ]);
            csv_record(out, &cells);
        } else {
            self.write_compact(line, &self.eval, o, out);
        }
        RowStatus::Screened(self.eval.result.verdict, Status::of(self.eval.is_provisional()))
    }

    /// Writes the compact record of an evaluation and its outline. The ids are escaped
    /// already, so this is mostly copying bytes.
    pub fn write_compact(&self, line: u64, e: &Evaluation, o: &Outline, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"line\":");
        push_u64(out, line);
        out.push(b',');
        self.write_carried(out);
        let provisional = e.is_provisional();
        for (key, value) in [
            (&b"\"verdict\":\""[..], e.result.verdict.as_str()),
            (b"\",\"ink\":\"", e.result.ink.as_str()),
            (b"\",\"status\":\"", Status::of(provisional).as_str()),
            (b"\",\"provisional\":", if provisional { "true" } else { "false" }),
            (b",\"worst_case\":{\"verdict\":\"", e.worst_case.verdict.as_str()),
            (b"\",\"ink\":\"", e.worst_case.ink.as_str()),
        ] {
            out.extend_from_slice(key);
            out.extend_from_slice(value.as_bytes());
        }
        out.extend_from_slice(b"\"},\"risks\":[");
        for (i, (risk, severity, _)) in o.risks.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(b"{\"id\":");
            out.extend_from_slice(self.ids.risks[*risk].as_bytes());
            out.extend_from_slice(b",\"severity\":\"");
            out.extend_from_slice(severity.as_str().as_bytes());
            out.extend_from_slice(b"\"}");
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

/// Appends the decimal digits of `n`, without the formatting machinery.
fn push_u64(out: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

impl RowScreener<'_> {
    /// The carried values of the current row as CSV cells (empty when absent).
    fn carried_cells(&self) -> impl Iterator<Item = &str> {
        self.carried.iter().map(|v| v.as_deref().unwrap_or(""))
    }

    /// `"ids":{"name":"value",…},` when columns are carried (`null` for an absent value).
    fn write_carried(&self, out: &mut Vec<u8>) {
        if self.carry.is_empty() {
            return;
        }
        out.extend_from_slice(b"\"ids\":{");
        for (i, (name, value)) in self.carry.iter().zip(&self.carried).enumerate() {
            if i > 0 {
                out.push(b',');
            }
            crate::sanitize::json_to_writer(&mut *out, name).expect("writing to memory");
            out.push(b':');
            crate::sanitize::json_to_writer(&mut *out, value).expect("writing to memory");
        }
        out.extend_from_slice(b"},");
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

/// How CSV columns that are not questions are treated (`--id-column`,
/// `--ignore-unknown-columns`).
#[derive(Debug, Clone, Default)]
pub struct ColumnRules {
    /// Columns carried into every output record, in this order.
    pub carry: Vec<String>,
    /// Skip every column that is not a question, even one that looks like a misspelt
    /// question.
    pub ignore_unknown: bool,
}

/// What each CSV column holds.
#[derive(Debug, Clone)]
pub struct CsvColumns {
    /// Question index per column; `None` for a column that answers no question.
    questions: Vec<Option<usize>>,
    /// For each carried name, the column holding it.
    carried: Vec<usize>,
    /// Problems with the header, reported on every row.
    problems: Vec<AnswerError>,
    /// Columns that are not questions and were skipped.
    skipped: Vec<String>,
}

/// A `--id-column` name that the header does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the CSV header has no column `{name}` to carry (--id-column){}", crate::suggest::hint(suggestion.as_deref()))]
pub struct MissingColumn {
    /// The name given.
    pub name: String,
    /// The closest column of the header.
    pub suggestion: Option<String>,
}

impl CsvColumns {
    /// Maps a header row to questions, with no column carried: a column that is not a
    /// question is an error if it looks like a misspelt one, and skipped otherwise.
    pub fn new(rb: &Rulebook, header: &csv::ByteRecord) -> CsvColumns {
        CsvColumns::with_rules(rb, header, &ColumnRules::default()).expect("no column to carry")
    }

    /// Maps a header row to questions: a column names a question by its id, or (ignoring
    /// case and spaces) by its id or its short name. Columns in `rules.carry` are carried;
    /// any other column that is not a question is skipped, except that one that looks like
    /// a misspelt question (close to an id or a short name) is an error on every row unless
    /// `rules.ignore_unknown`.
    pub fn with_rules(
        rb: &Rulebook,
        header: &csv::ByteRecord,
        rules: &ColumnRules,
    ) -> Result<CsvColumns, MissingColumn> {
        let names: Vec<String> = header
            .iter()
            .map(|cell| String::from_utf8_lossy(cell).trim().to_owned())
            .collect();
        let mut carried = Vec::with_capacity(rules.carry.len());
        for name in &rules.carry {
            match names.iter().position(|n| n == name.trim()) {
                Some(c) => carried.push(c),
                None => {
                    return Err(MissingColumn {
                        name: name.clone(),
                        suggestion: crate::suggest::did_you_mean(name, names.iter().map(String::as_str))
                            .map(str::to_owned),
                    });
                }
            }
        }
        let mut questions = Vec::with_capacity(names.len());
        let mut problems = Vec::new();
        let mut skipped = Vec::new();
        let mut seen = vec![false; rb.questions.len()];
        for (c, name) in names.iter().enumerate() {
            let is_carried = carried.contains(&c);
            match column_question(rb, name) {
                Ok(q) if !std::mem::replace(&mut seen[q], true) => questions.push(Some(q)),
                Ok(q) => {
                    problems.push(AnswerError::Repeated {
                        question: rb.questions[q].id.clone(),
                    });
                    questions.push(None);
                }
                Err(problem) => {
                    questions.push(None);
                    match problem {
                        Some(p) if !is_carried && !rules.ignore_unknown => problems.push(p),
                        _ if is_carried => {}
                        _ => skipped.push(name.clone()),
                    }
                }
            }
        }
        Ok(CsvColumns {
            questions,
            carried,
            problems,
            skipped,
        })
    }

    /// Problems with the header.
    pub fn problems(&self) -> &[AnswerError] {
        &self.problems
    }

    /// Columns that answer no question and are neither carried nor an error.
    pub fn skipped(&self) -> &[String] {
        &self.skipped
    }

    /// The carried values of a record, one per carried column (`None` for a missing cell).
    pub fn carried(&self, record: &csv::ByteRecord, values: &mut Vec<Option<String>>) {
        values.clear();
        values.extend(self.carried.iter().map(|&c| {
            record
                .get(c)
                .map(|cell| String::from_utf8_lossy(cell).trim().to_owned())
        }));
    }

    /// Turns one CSV record into answers: an empty cell is unanswered, and every other
    /// cell is read as `--set` reads a value (see [`parse_text`]).
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

/// The question a header cell names, or why it names none: `Err(Some(_))` when it looks
/// like a misspelt question, `Err(None)` when it looks like something else.
fn column_question(rb: &Rulebook, name: &str) -> Result<usize, Option<AnswerError>> {
    if let Some(q) = rb.question_index(name) {
        return Ok(q);
    }
    let folded = fold_name(name);
    let matches: Vec<usize> = (0..rb.questions.len())
        .filter(|&q| {
            let question = &rb.questions[q];
            fold_name(&question.id) == folded
                || fold_name(&question.short) == folded
                || question.aliases.iter().any(|a| fold_name(a) == folded)
        })
        .collect();
    match matches[..] {
        [q] => return Ok(q),
        [] => {}
        _ => {
            return Err(Some(AnswerError::UnknownQuestion {
                id: name.to_owned(),
                suggestion: Some(rb.questions[matches[0]].id.clone()),
            }));
        }
    }
    let ids = rb.questions.iter().map(|q| q.id.as_str());
    let shorts = rb.questions.iter().map(|q| q.short.as_str());
    let suggestion = crate::suggest::did_you_mean(name, ids).or_else(|| crate::suggest::did_you_mean(name, shorts));
    match suggestion {
        Some(s) => Err(Some(AnswerError::UnknownQuestion {
            id: name.to_owned(),
            suggestion: Some(s.to_owned()),
        })),
        None => Err(None),
    }
}

/// A column name folded for comparison: lower case, with spaces, `_` and `-` as one space.
fn fold_name(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '_' || c == '-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn one_line(e: &AnswerErrors) -> String {
    e.0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
}

/// Cuts CSV input into records itself, so that each is numbered by the line it starts on
/// (whatever the line ends: LF, CRLF or a bare CR), a record longer than the limit becomes
/// one error without being held in memory (quoted or not), and a quote left open at the
/// end of the file is named. Quoting follows RFC 4180 as the `csv` crate reads it: a quote
/// opens a quoted cell only at the start of a cell, `""` inside one is a quote, and text
/// after a closing quote joins the cell.
pub struct CsvSplitter<R> {
    reader: R,
    /// Line of the next byte, from 1.
    line: u64,
    /// Whether the last byte consumed was a carriage return (CRLF is one line end).
    after_cr: bool,
    /// Bytes consumed so far.
    consumed: u64,
    /// Whether the start of the input (and its byte-order mark) is behind.
    started: bool,
    field: Vec<u8>,
}

/// Why a CSV record could not be read whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvProblem {
    /// Longer than [`MAX_ROW_BYTES`]; the rest of it was skipped.
    TooLong,
    /// A quoted cell opened in it is never closed: the record runs to the end of the input.
    Unclosed,
}

impl CsvProblem {
    /// The error message of an error record.
    pub fn message(self) -> String {
        match self {
            CsvProblem::TooLong => format!("row is longer than {MAX_ROW_BYTES} bytes"),
            CsvProblem::Unclosed => {
                "a quoted cell that starts on this line is never closed: the quote runs to the end of the file"
                    .to_owned()
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Cell {
    Start,
    Plain,
    Quoted,
    /// A quote inside a quoted cell: it closes the cell, unless another quote follows.
    QuoteInQuoted,
}

impl<R: std::io::BufRead> CsvSplitter<R> {
    /// A splitter over buffered input.
    pub fn new(reader: R) -> CsvSplitter<R> {
        CsvSplitter {
            reader,
            line: 1,
            after_cr: false,
            consumed: 0,
            started: false,
            field: Vec::new(),
        }
    }

    /// Bytes of input consumed so far.
    pub fn consumed(&self) -> u64 {
        self.consumed
    }

    /// Reads the next record into `record`: its line, and a problem if it could not be
    /// read whole. Blank lines are skipped. `None` at the end of the input.
    pub fn next_record(&mut self, record: &mut csv::ByteRecord) -> std::io::Result<Option<(u64, Option<CsvProblem>)>> {
        record.clear();
        self.field.clear();
        let mut state = Cell::Start;
        let mut size = 0usize;
        let mut too_long = false;
        let mut begun = false;
        let mut start_line = self.line;
        loop {
            let available = match self.reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                break;
            }
            let mut skip = 0;
            if !self.started {
                self.started = true;
                if available.starts_with(b"\xef\xbb\xbf") {
                    skip = 3;
                }
            }
            let mut used = skip;
            let mut ended = false;
            for &b in &available[skip..] {
                used += 1;
                let line_end = b == b'\n' || b == b'\r';
                if b == b'\r' || (b == b'\n' && !self.after_cr) {
                    self.line += 1;
                }
                self.after_cr = b == b'\r';
                if !begun {
                    if line_end {
                        continue;
                    }
                    begun = true;
                    // The byte's own line: it was not a line end, so `line` is its line.
                    start_line = self.line;
                }
                if line_end && state != Cell::Quoted {
                    ended = true;
                    break;
                }
                size += 1;
                if size > MAX_ROW_BYTES {
                    too_long = true;
                }
                let keep = !too_long;
                state = match (state, b) {
                    (Cell::Quoted, b'"') => Cell::QuoteInQuoted,
                    (Cell::Quoted, _) => {
                        if keep {
                            self.field.push(b);
                        }
                        Cell::Quoted
                    }
                    (Cell::QuoteInQuoted, b'"') => {
                        if keep {
                            self.field.push(b'"');
                        }
                        Cell::Quoted
                    }
                    (Cell::Start, b'"') => Cell::Quoted,
                    (_, b',') => {
                        if keep {
                            record.push_field(&self.field);
                        }
                        self.field.clear();
                        Cell::Start
                    }
                    (_, _) => {
                        if keep {
                            self.field.push(b);
                        }
                        Cell::Plain
                    }
                };
            }
            self.reader.consume(used);
            self.consumed += used as u64;
            if ended {
                break;
            }
        }
        if !begun {
            return Ok(None);
        }
        if !too_long {
            record.push_field(&self.field);
        }
        self.field.clear();
        let problem = if state == Cell::Quoted {
            Some(CsvProblem::Unclosed)
        } else if too_long {
            Some(CsvProblem::TooLong)
        } else {
            None
        };
        Ok(Some((start_line, problem)))
    }
}

/// The header of CSV output.
pub fn csv_header(out: &mut Vec<u8>) {
    csv_header_carrying(out, &[]);
}

/// The header of CSV output with carried columns (`--id-column`) after `line`.
pub fn csv_header_carrying(out: &mut Vec<u8>, carry: &[String]) {
    let mut cells = vec!["line"];
    cells.extend(carry.iter().map(String::as_str));
    cells.extend([
        "verdict",
        "ink",
        "status",
        "risks",
        "advice",
        "error",
        "provisional",
        "worst_case_verdict",
        "worst_case_ink",
        "headline",
    ]);
    csv_record(out, &cells);
}

/// Appends one CSV record, quoting cells that need it.
fn csv_record(out: &mut Vec<u8>, cells: &[&str]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        // Hidden characters made visible, and a cell a spreadsheet could run as a formula
        // kept text by a leading apostrophe (see `sanitize::csv_cell`).
        let cell = crate::sanitize::csv_cell(cell);
        let risky = cell.starts_with('\'');
        if risky || cell.contains([',', '"', '\n', '\r']) {
            out.push(b'"');
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
    use crate::report::screen_with;

    fn rb() -> Rulebook {
        Rulebook::embedded().unwrap()
    }

    const BRIEF: Options = Options {
        audience: Audience::Patient,
        record: Contents::Compact,
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
        // A spreadsheet skips leading tabs and carriage returns before a formula.
        let mut out = Vec::new();
        csv_record(&mut out, &["\t=cmd()", "\r+1", "@x", "\u{1b}]0;t\u{7}"]);
        let text = String::from_utf8(out).unwrap();
        let cells: Vec<&str> = text.trim_end().split(',').collect();
        for cell in &cells[..3] {
            let inner = cell.trim_matches('"');
            assert!(inner.starts_with('\''), "not defused: {cell:?} in {text:?}");
        }
        assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'), "{text:?}");
    }
}
