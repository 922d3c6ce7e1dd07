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
use smp_screen::batch::{self, CsvColumns, MAX_ROW_BYTES, Options, Record, RowScreener, RowStatus};
use smp_screen::report::Status;
use smp_screen::rulebook::{Rulebook, Verdict};
use std::collections::{BTreeMap, VecDeque};
use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex};

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

/// Slack beyond the row limit for the bytes the CSV reader holds in its buffer.
const CSV_READ_AHEAD: u64 = 1 << 16;

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
    /// Worker threads [default: all cores]
    #[arg(short = 'j', long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,
    #[command(flatten)]
    pub rules: RulesArg,
}

/// A slice of input rows.
enum Rows {
    Lines(Vec<(u64, Vec<u8>)>),
    Csv(Vec<(u64, csv::ByteRecord)>),
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
    Csv(csv::Reader<Counted>, CsvColumns),
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

/// A reader that counts bytes, notes where newlines fall, and refuses to let one CSV row
/// grow past the limit (the CSV reader buffers a whole record before returning it).
struct Counted {
    inner: Box<dyn Read + Send>,
    read: u64,
    /// Byte offset where the current record started, set by the reader loop.
    record_start: Arc<AtomicU64>,
    lines: Arc<Mutex<LineIndex>>,
}

impl Read for Counted {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let start = self.record_start.load(Ordering::Relaxed);
        if self.read.saturating_sub(start) > MAX_ROW_BYTES as u64 + CSV_READ_AHEAD {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("the CSV row starting at byte {start} is longer than {MAX_ROW_BYTES} bytes"),
            ));
        }
        let n = self.inner.read(buf)?;
        if let Ok(mut lines) = self.lines.lock() {
            lines.note(self.read, &buf[..n]);
        }
        self.read += n as u64;
        Ok(n)
    }
}

/// Where newlines fall in the input read so far, to number CSV rows by the line they
/// start on. (The CSV reader's own count goes wrong after blank lines and with CRLF.)
#[derive(Default)]
struct LineIndex {
    /// Offsets of newlines not yet passed.
    pending: VecDeque<u64>,
    /// Newlines already passed.
    passed: u64,
}

impl LineIndex {
    fn note(&mut self, offset: u64, bytes: &[u8]) {
        let found = bytes.iter().enumerate().filter(|(_, b)| **b == b'\n');
        self.pending.extend(found.map(|(i, _)| offset + i as u64));
    }

    /// The line (from 1) of a record that ends just before byte `end` and holds `inside`
    /// newlines of its own (in quoted fields).
    fn start_line(&mut self, end: u64, inside: u64) -> u64 {
        let n = self.pending.partition_point(|&p| p < end);
        let ends_with_newline = n > 0 && self.pending[n - 1] + 1 == end;
        self.pending.drain(..n);
        self.passed += n as u64;
        let end_line = if ends_with_newline {
            self.passed
        } else {
            self.passed + 1
        };
        end_line.saturating_sub(inside)
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
        let (reader, size) = open(&self.input)?;
        let read_error = |source| CliError::Io {
            what: "cannot read input",
            path: self.input.clone(),
            source,
        };
        let record_start = Arc::new(AtomicU64::new(0));
        let lines = Arc::new(Mutex::new(LineIndex::default()));
        let source = match format {
            InputFormat::Jsonl => Source::Lines(BufReader::with_capacity(1 << 16, reader)),
            InputFormat::Csv => {
                let counted = Counted {
                    inner: reader,
                    read: 0,
                    record_start: Arc::clone(&record_start),
                    lines: Arc::clone(&lines),
                };
                let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(counted);
                let header = csv.byte_headers().map_err(|e| read_error(csv_io(e)))?.clone();
                if let Ok(mut index) = lines.lock() {
                    index.start_line(csv.position().byte(), newlines(&header));
                }
                let columns = CsvColumns::new(&rulebook, &header);
                for problem in columns.problems() {
                    eprintln!("warning: CSV header: {problem}; every row will fail");
                }
                Source::Csv(csv, columns)
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
            batch::csv_header(&mut header);
            sink.write_all(&header).map_err(write_error)?;
        }
        let tally = pipeline(
            &rulebook,
            source,
            (&record_start, &lines),
            &opts,
            jobs,
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
        if let Sink::File(file) = sink {
            file.commit()?;
        }
        summary(&tally);
        Ok(if tally.failed.is_empty() {
            code::OK
        } else {
            code::ROWS_FAILED
        })
    }
}

fn csv_io(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => std::io::Error::new(std::io::ErrorKind::InvalidData, format!("{other:?}")),
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
    (record_start, lines): (&AtomicU64, &Mutex<LineIndex>),
    opts: &Options,
    jobs: usize,
    sink: &mut Sink,
    progress: &indicatif::ProgressBar,
) -> Result<Tally, Failure> {
    let columns = match &source {
        Source::Csv(_, columns) => Some(columns.clone()),
        Source::Lines(_) => None,
    };
    let columns = columns.as_ref();
    let (work_tx, work_rx) = sync_channel::<Chunk>(jobs * 2);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = sync_channel::<Done>(jobs * 2);
    let size = chunk_rows(opts);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || match source {
            Source::Lines(reader) => read_lines(reader, size, &work_tx),
            Source::Csv(csv, _) => read_csv(csv, size, record_start, lines, &work_tx),
        });
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            scope.spawn(move || worker(rb, opts, columns, work_rx, &done_tx));
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
                // Dropping the receiver stops the workers, and through them the reader.
                break;
            }
        }
        drop(done_rx);
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
    opts: &Options,
    columns: Option<&CsvColumns>,
    work: &Mutex<Receiver<Chunk>>,
    done: &SyncSender<Done>,
) {
    let mut screener = RowScreener::new(rb, *opts);
    loop {
        // The lock is held only while taking the next chunk.
        let next = work.lock().map(|rx| rx.recv());
        let Ok(Ok(chunk)) = next else { return };
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
                    count(line, screener.csv_row(cols, line, &record, &mut bytes));
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

/// Sends full chunks as they fill, and the last partial one; false once nobody listens.
struct Chunker<'a, T> {
    work: &'a SyncSender<Chunk>,
    rows: Vec<(u64, T)>,
    size: usize,
    index: usize,
    wrap: fn(Vec<(u64, T)>) -> Rows,
}

impl<'a, T> Chunker<'a, T> {
    fn new(work: &'a SyncSender<Chunk>, size: usize, wrap: fn(Vec<(u64, T)>) -> Rows) -> Self {
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
        self.work.send(chunk).is_ok()
    }
}

/// Reads JSON Lines into chunks: every non-blank line is a row, numbered from 1 as in the
/// file; a line longer than the limit becomes an error row without being held in memory.
const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

fn read_lines(
    mut reader: BufReader<Box<dyn Read + Send>>,
    size: usize,
    work: &SyncSender<Chunk>,
) -> std::io::Result<()> {
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

/// Reads CSV records into chunks, each numbered by the line it starts on.
fn read_csv(
    mut csv: csv::Reader<Counted>,
    size: usize,
    record_start: &AtomicU64,
    lines: &Mutex<LineIndex>,
    work: &SyncSender<Chunk>,
) -> std::io::Result<()> {
    let mut chunker = Chunker::new(work, size, Rows::Csv);
    let mut record = csv::ByteRecord::new();
    loop {
        record_start.store(csv.position().byte(), Ordering::Relaxed);
        if !csv.read_byte_record(&mut record).map_err(csv_io)? {
            break;
        }
        let end = csv.position().byte();
        let line = lines.lock().map_or(0, |mut l| l.start_line(end, newlines(&record)));
        // An empty line between rows is not a row.
        if record.len() == 1 && record[0].is_empty() {
            continue;
        }
        let consumed = csv.position().byte();
        if !chunker.push(line, std::mem::take(&mut record), consumed) {
            return Ok(());
        }
    }
    chunker.flush(csv.position().byte());
    Ok(())
}

/// Newlines inside a record's fields (quoted line breaks).
fn newlines(record: &csv::ByteRecord) -> u64 {
    record.as_slice().iter().filter(|b| **b == b'\n').count() as u64
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
    eprintln!("{line}");
}
