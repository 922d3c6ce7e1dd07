//! `smp-screen batch`: screen a JSON Lines or CSV file of answers, one record per row,
//! in input order, on every core, with flat memory.
//!
//! A reader thread cuts the input into chunks; workers screen chunks; the main thread
//! writes their records in input order. Bounded channels hold only a few chunks, so
//! memory stays flat however large the input.

use super::common::{AtomicFile, RulesArg};
use super::error::{CliError, code};
use clap::{Args, ValueEnum};
use smp_screen::audience::Audience;
use smp_screen::batch::{
    self, ColumnRules, CsvColumns, CsvProblem, CsvSplitter, MAX_ROW_BYTES, Options, Record, RowScreener, RowStatus,
};
use smp_screen::report::Status;
use smp_screen::rulebook::{Rulebook, Verdict};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

/// Rows per chunk for compact output: large enough to amortise channel traffic, small
/// enough to keep memory and ordering buffers small.
const CHUNK_ROWS: usize = 2048;

/// Rows per chunk for a kind of record, so a chunk's output stays around a megabyte
/// whatever the record size (full records are about 6 KB, with explanations about 60 KB).
fn chunk_rows(opts: &Options) -> usize {
    match (opts.csv, opts.record) {
        (true, _) | (false, Record::Compact) => CHUNK_ROWS,
        (false, Record::Full { explain: false }) => 128,
        (false, Record::Full { explain: true }) => 16,
    }
}

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// One JSON object of answers per line.
    Jsonl,
    /// A header row of question ids, then one row per person.
    Csv,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum OutputFormat {
    /// One JSON record per row.
    #[default]
    Jsonl,
    /// line, verdict, ink, status, risks, advice, error (and provisional, worst case, headline).
    Csv,
}

/// Contents of JSON Lines records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum DetailArg {
    /// The `assess` JSON result plus the line number.
    #[default]
    Full,
    /// Ids only: verdict, ink, worst case, risks with severity, advice, rules, questions.
    Compact,
}

/// Arguments of `batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// JSON Lines or CSV file of answers; `-` reads standard input
    pub input: PathBuf,
    /// Input format [default: from the file extension; jsonl for standard input]
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// Output format
    #[arg(long, value_enum, default_value_t)]
    pub output_format: OutputFormat,
    /// Write to FILE (atomically) instead of standard output
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace the -o file if it exists
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Contents of JSON Lines records
    #[arg(long, value_enum, default_value_t)]
    pub detail: DetailArg,
    /// Add explain and what_if to full records (slower)
    #[arg(long)]
    pub explain: bool,
    /// Wording of texts in full records
    #[arg(long, value_enum, default_value_t)]
    pub audience: Audience,
    /// Carry this column (CSV) or key (JSON Lines) into every output record, such as a
    /// patient id to join results back by (repeatable; as `ids` in JSON, as columns after
    /// `line` in CSV)
    #[arg(long = "id-column", value_name = "NAME")]
    pub id_column: Vec<String>,
    /// Skip every CSV column that is not a question, even one that looks like a misspelt
    /// question (one warning lists them)
    #[arg(long)]
    pub ignore_unknown_columns: bool,
    /// Worker threads [default: all cores]
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,
    /// Rows per chunk handed to a worker [default: by record size]. Hidden: a knob for
    /// tests (1 sends every row through the reorder buffer on its own) and measurements.
    #[arg(long, hide = true, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
    pub chunk_rows: Option<u32>,
    #[command(flatten)]
    pub rules: RulesArg,
}

/// A slice of input rows.
enum Rows {
    Lines(Vec<(u64, Vec<u8>)>),
    /// CSV records, or why one could not be read whole.
    Csv(Vec<(u64, Result<csv::ByteRecord, CsvProblem>)>),
}

struct Chunk {
    index: usize,
    rows: Rows,
    /// Bytes of input consumed once this chunk has been read, for progress.
    consumed: u64,
}

struct Done {
    index: usize,
    bytes: Vec<u8>,
    rows: u64,
    failed: Vec<u64>,
    verdicts: [u64; 4],
    provisional: u64,
    consumed: u64,
}

/// Counts of a run, for the summary.
#[derive(Default)]
struct Tally {
    rows: u64,
    failed: Vec<u64>,
    verdicts: [u64; 4],
    provisional: u64,
}

/// The rows of the input, ready to be cut into chunks.
enum Source {
    Lines(BufReader<Box<dyn Read + Send>>),
    Csv(CsvSplitter<BufReader<Box<dyn Read + Send>>>, Box<CsvColumns>),
}

/// Where records go: standard output, or a file that appears only when complete.
enum Sink {
    Stdout(std::io::BufWriter<std::io::StdoutLock<'static>>),
    File(AtomicFile),
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File(f) => f.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File(f) => f.flush(),
        }
    }
}

impl BatchArgs {
    /// Runs the command.
    pub fn run(self) -> anyhow::Result<u8> {
        let rulebook = self.rules.load()?;
        let format = self
            .input_format
            .unwrap_or(match self.input.extension().and_then(|e| e.to_str()) {
                Some(e) if e.eq_ignore_ascii_case("csv") => InputFormat::Csv,
                _ => InputFormat::Jsonl,
            });
        let opts = Options {
            audience: self.audience,
            record: match self.detail {
                DetailArg::Full => Record::Full { explain: self.explain },
                DetailArg::Compact => Record::Compact,
            },
            csv: self.output_format == OutputFormat::Csv,
        };
        let mut sink = match &self.output {
            Some(path) => Sink::File(AtomicFile::create(path, self.force)?),
            None => Sink::Stdout(std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock())),
        };
        // Interrupted, the run leaves no temporary file behind.
        let guard = match &sink {
            Sink::File(file) => Some(super::cleanup::RemoveOnSignal::new(file.temp_path())),
            Sink::Stdout(_) => None,
        };
        let (reader, size) = open(&self.input)?;
        let read_error = |source| CliError::Io {
            what: "cannot read input",
            path: self.input.clone(),
            source,
        };
        if self.ignore_unknown_columns && format == InputFormat::Jsonl {
            super::common::say(
                "warning: --ignore-unknown-columns applies to CSV input only; JSON Lines keys must be questions",
            );
        }
        let source = match format {
            InputFormat::Jsonl => Source::Lines(BufReader::with_capacity(1 << 16, reader)),
            InputFormat::Csv => {
                let mut csv = CsvSplitter::new(BufReader::with_capacity(1 << 16, reader));
                let mut header = csv::ByteRecord::new();
                if let Some((_, Some(problem))) = csv.next_record(&mut header).map_err(read_error)? {
                    return Err(read_error(std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!("the header row: {}", problem.message()),
                    ))
                    .into());
                }
                let rules = ColumnRules {
                    carry: self.id_column.clone(),
                    ignore_unknown: self.ignore_unknown_columns,
                };
                let columns = CsvColumns::with_rules(&rulebook, &header, &rules).map_err(|e| CliError::Record {
                    path: self.input.clone(),
                    message: e.to_string(),
                })?;
                warn_about_columns(&columns, self.ignore_unknown_columns);
                Source::Csv(csv, Box::new(columns))
            }
        };
        let jobs = self.jobs.map_or_else(
            || std::thread::available_parallelism().map_or(1, |n| n.get()),
            usize::from,
        );
        let progress = progress_bar(size);
        let write_error = |source| CliError::Io {
            what: "cannot write",
            path: self.output.clone().unwrap_or_else(|| PathBuf::from("standard output")),
            source,
        };
        if opts.csv {
            let mut header = Vec::new();
            batch::csv_header_carrying(&mut header, &self.id_column);
            sink.write_all(&header).map_err(write_error)?;
        }
        let tally = pipeline(
            &rulebook,
            source,
            (&opts, &self.id_column),
            (jobs, self.chunk_rows.map_or_else(|| chunk_rows(&opts), |n| n as usize)),
            &mut sink,
            &progress,
        );
        progress.finish_and_clear();
        let tally = tally.map_err(|e| match e {
            Failure::Read(e) => read_error(e),
            Failure::Write(e) => write_error(e),
        })?;
        sink.flush().map_err(write_error)?;
        // A file replaces the output only once every record is in it.
        if let (Sink::File(file), Some(guard)) = (sink, guard) {
            guard.finish(|| file.commit())?;
        }
        summary(&tally);
        Ok(if tally.failed.is_empty() {
            code::OK
        } else {
            code::ROWS_FAILED
        })
    }
}

/// Warns once about the header: problems that fail every row, and columns skipped.
fn warn_about_columns(columns: &CsvColumns, ignoring: bool) {
    for problem in columns.problems() {
        let text = problem.to_string();
        let problem = smp_screen::sanitize::one_line(&text);
        eprintln!(
            "warning: CSV header: {problem}; every row will fail (rename the column, or pass --ignore-unknown-columns or --id-column NAME)"
        );
    }
    let skipped = columns.skipped();
    if skipped.is_empty() {
        return;
    }
    let names: Vec<String> = skipped
        .iter()
        .map(|n| format!("`{}`", smp_screen::sanitize::one_line(n)))
        .collect();
    let (columns, them) = if skipped.len() == 1 {
        ("column that answers", "it")
    } else {
        ("columns that answer", "one")
    };
    if ignoring {
        eprintln!("warning: ignoring CSV {columns} no question: {}", names.join(", "));
    } else {
        eprintln!(
            "warning: CSV {columns} no question, not used: {} (--id-column NAME carries {them} into the output)",
            names.join(", ")
        );
    }
}

fn open(path: &Path) -> Result<(Box<dyn Read + Send>, Option<u64>), CliError> {
    if path == Path::new("-") {
        return Ok((Box::new(std::io::stdin()), None));
    }
    let io = |source| CliError::Io {
        what: "cannot read input",
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "it is a folder",
        )));
    }
    Ok((Box::new(file), meta.is_file().then_some(meta.len())))
}

fn progress_bar(size: Option<u64>) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::with_draw_target(size, indicatif::ProgressDrawTarget::stderr());
    let template = if size.is_some() {
        "{bar:40} {bytes}/{total_bytes} {msg} ({eta})"
    } else {
        "{spinner} {bytes} read, {msg}"
    };
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// Why a run stopped.
enum Failure {
    Read(std::io::Error),
    Write(std::io::Error),
}

fn pipeline(
    rb: &Rulebook,
    source: Source,
    (opts, carry): (&Options, &[String]),
    (jobs, size): (usize, usize),
    sink: &mut Sink,
    progress: &indicatif::ProgressBar,
) -> Result<Tally, Failure> {
    let columns = match &source {
        Source::Csv(_, columns) => Some(CsvColumns::clone(columns)),
        Source::Lines(_) => None,
    };
    let columns = columns.as_ref();
    let (work_tx, work_rx) = sync_channel::<Chunk>(jobs * 2);
    // `None` once the output failed: the reader's next send then fails and it stops.
    let work_rx = Mutex::new(Some(work_rx));
    let (done_tx, done_rx) = sync_channel::<Done>(jobs * 2);
    let stop = &AtomicBool::new(false);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || match source {
            Source::Lines(reader) => read_lines(reader, size, Outbox { work: &work_tx, stop }),
            Source::Csv(csv, _) => read_csv(csv, size, Outbox { work: &work_tx, stop }),
        });
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            scope.spawn(move || worker(rb, (opts, carry), columns, work_rx, &done_tx));
        }
        drop(done_tx);
        let mut tally = Tally::default();
        let mut waiting: BTreeMap<usize, Done> = BTreeMap::new();
        let mut next = 0;
        let mut failure = None;
        for done in done_rx.iter() {
            waiting.insert(done.index, done);
            while let Some(d) = waiting.remove(&next) {
                if let Err(e) = sink.write_all(&d.bytes) {
                    failure = Some(Failure::Write(e));
                    break;
                }
                tally.rows += d.rows;
                tally.failed.extend(d.failed);
                tally.provisional += d.provisional;
                for (t, v) in tally.verdicts.iter_mut().zip(d.verdicts) {
                    *t += v;
                }
                progress.set_position(d.consumed);
                progress.set_message(format!("{} rows", tally.rows));
                next += 1;
            }
            if failure.is_some() {
                break;
            }
        }
        drop(done_rx);
        if failure.is_some() {
            // The reader stops at its next chunk, and one it is blocked sending fails at
            // once: its receiver is dropped here.
            stop.store(true, Ordering::Relaxed);
            if let Ok(mut rx) = work_rx.lock() {
                rx.take();
            }
        }
        let read = reader
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("the input reader stopped unexpectedly")));
        match (failure, read) {
            (Some(f), _) => Err(f),
            (None, Err(e)) => Err(Failure::Read(e)),
            (None, Ok(())) => Ok(tally),
        }
    })
}

fn worker(
    rb: &Rulebook,
    (opts, carry): (&Options, &[String]),
    columns: Option<&CsvColumns>,
    work: &Mutex<Option<Receiver<Chunk>>>,
    done: &SyncSender<Done>,
) {
    let mut screener = RowScreener::new(rb, *opts).carrying(carry.to_vec());
    loop {
        // The lock is held only while taking the next chunk.
        let next = work.lock().map(|rx| rx.as_ref().map(Receiver::recv));
        let Ok(Some(Ok(chunk))) = next else { return };
        let mut out = Done {
            index: chunk.index,
            bytes: Vec::with_capacity(1 << 16),
            rows: 0,
            failed: Vec::new(),
            verdicts: [0; 4],
            provisional: 0,
            consumed: chunk.consumed,
        };
        let mut count = |line: u64, status: RowStatus| {
            out.rows += 1;
            match status {
                RowStatus::Screened(v, status) => {
                    out.verdicts[v as usize] += 1;
                    out.provisional += u64::from(status == Status::Provisional);
                }
                RowStatus::Failed => out.failed.push(line),
            }
        };
        let mut bytes = std::mem::take(&mut out.bytes);
        match (chunk.rows, columns) {
            (Rows::Lines(lines), _) => {
                for (line, text) in lines {
                    count(line, screener.jsonl_row(line, &text, &mut bytes));
                }
            }
            (Rows::Csv(records), Some(cols)) => {
                for (line, record) in records {
                    let status = match record {
                        Ok(record) => screener.csv_row(cols, line, &record, &mut bytes),
                        Err(problem) => screener.error(line, &problem.message(), &mut bytes),
                    };
                    count(line, status);
                }
            }
            (Rows::Csv(records), None) => {
                for (line, _) in records {
                    count(line, screener.error(line, "no CSV header", &mut bytes));
                }
            }
        }
        out.bytes = bytes;
        if done.send(out).is_err() {
            return;
        }
    }
}

/// Where the reader sends chunks, and the flag that tells it to stop (the output failed).
#[derive(Clone, Copy)]
struct Outbox<'a> {
    work: &'a SyncSender<Chunk>,
    stop: &'a AtomicBool,
}

/// Sends full chunks as they fill, and the last partial one; false once nobody listens.
struct Chunker<'a, T> {
    work: Outbox<'a>,
    rows: Vec<(u64, T)>,
    size: usize,
    index: usize,
    wrap: fn(Vec<(u64, T)>) -> Rows,
}

impl<'a, T> Chunker<'a, T> {
    fn new(work: Outbox<'a>, size: usize, wrap: fn(Vec<(u64, T)>) -> Rows) -> Self {
        Chunker {
            work,
            rows: Vec::with_capacity(size),
            size,
            index: 0,
            wrap,
        }
    }

    fn push(&mut self, line: u64, row: T, consumed: u64) -> bool {
        self.rows.push((line, row));
        self.rows.len() < self.size || self.flush(consumed)
    }

    fn flush(&mut self, consumed: u64) -> bool {
        if self.rows.is_empty() {
            return true;
        }
        let rows = std::mem::replace(&mut self.rows, Vec::with_capacity(self.size));
        let chunk = Chunk {
            index: self.index,
            rows: (self.wrap)(rows),
            consumed,
        };
        self.index += 1;
        !self.work.stop.load(Ordering::Relaxed) && self.work.work.send(chunk).is_ok()
    }
}

/// Reads JSON Lines into chunks: every non-blank line is a row, numbered from 1 as in the
/// file; a line longer than the limit becomes an error row without being held in memory.
const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

fn read_lines(mut reader: BufReader<Box<dyn Read + Send>>, size: usize, work: Outbox) -> std::io::Result<()> {
    let mut chunker = Chunker::new(work, size, Rows::Lines);
    let (mut line, mut consumed) = (0u64, 0u64);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let (read, too_long) = read_line_limited(&mut reader, &mut buf, MAX_ROW_BYTES)?;
        if read == 0 {
            break;
        }
        line += 1;
        consumed += read as u64;
        // Editors on Windows begin files with a byte-order mark.
        if line == 1 && buf.starts_with(UTF8_BOM) {
            buf.drain(..UTF8_BOM.len());
        }
        let row = if too_long {
            // The worker sees only that the row is over the limit and writes the error.
            Some(vec![b' '; MAX_ROW_BYTES + 1])
        } else if buf.iter().all(u8::is_ascii_whitespace) {
            None
        } else {
            Some(std::mem::take(&mut buf))
        };
        if let Some(row) = row
            && !chunker.push(line, row, consumed)
        {
            return Ok(());
        }
    }
    chunker.flush(consumed);
    Ok(())
}

/// Reads one line (without its newline) into `buf`, keeping at most `limit` bytes; returns
/// the bytes consumed and whether the line was longer than the limit.
fn read_line_limited(reader: &mut impl BufRead, buf: &mut Vec<u8>, limit: usize) -> std::io::Result<(usize, bool)> {
    let (mut consumed, mut too_long) = (0, false);
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((consumed, too_long));
        }
        let (take, end) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (i, true),
            None => (available.len(), false),
        };
        if !too_long {
            if buf.len() + take > limit {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&available[..take]);
            }
        }
        let used = take + usize::from(end);
        reader.consume(used);
        consumed += used;
        if end {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok((consumed, too_long));
        }
    }
}

/// Reads CSV records into chunks, each numbered by the line it starts on; a record that
/// could not be read whole goes on as its problem, to become an error record.
fn read_csv(mut csv: CsvSplitter<BufReader<Box<dyn Read + Send>>>, size: usize, work: Outbox) -> std::io::Result<()> {
    let mut chunker = Chunker::new(work, size, Rows::Csv);
    let mut record = csv::ByteRecord::new();
    while let Some((line, problem)) = csv.next_record(&mut record)? {
        let row = match problem {
            Some(p) => Err(p),
            // A line holding only `""` is not a row either.
            None if record.len() == 1 && record[0].is_empty() => continue,
            None => Ok(std::mem::take(&mut record)),
        };
        if !chunker.push(line, row, csv.consumed()) {
            return Ok(());
        }
    }
    chunker.flush(csv.consumed());
    Ok(())
}

fn summary(t: &Tally) {
    let screened = t.rows - t.failed.len() as u64;
    let verdicts: Vec<String> = Verdict::ALL
        .iter()
        .zip(t.verdicts)
        .map(|(v, n)| format!("{} {n}", v.as_str()))
        .collect();
    let mut line = format!(
        "{} rows: {screened} screened, {} failed; {}",
        t.rows,
        t.failed.len(),
        verdicts.join(", ")
    );
    if t.provisional > 0 {
        // Counted by the verdict so far; say how many of them are not complete.
        line.push_str(&format!("; {} not complete", t.provisional));
    }
    if !t.failed.is_empty() {
        let shown: Vec<String> = t.failed.iter().take(10).map(u64::to_string).collect();
        let more = if t.failed.len() > 10 { ", …" } else { "" };
        line.push_str(&format!(" (failed lines: {}{more})", shown.join(", ")));
    }
    super::common::say(&line);
}
