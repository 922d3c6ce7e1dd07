//! The batch pipeline: rows in, records out in input order, with flat memory.
//!
//! With one job everything runs on the calling thread: read a row, screen it into a
//! buffer, hand the buffer to the writer every chunk. With more, a reader thread cuts the
//! input into chunks (one contiguous buffer of line text each), workers screen chunks, and
//! the calling thread writes their records in input order through a reorder buffer.
//! Bounded channels hold only a few chunks, so memory stays flat however large the input.

use super::input::{Input, Reader, Row};
use super::{Contents, CsvColumns, CsvProblem, MAX_ROW_BYTES, Options, RowScreener, RowStatus};
use crate::report::Status;
use crate::rulebook::Rulebook;
use std::collections::BTreeMap;
use std::io::{BufRead, Write};
use std::ops::Range;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

/// How a batch runs.
#[derive(Debug, Clone)]
pub struct Settings {
    /// What each record holds and how it is written.
    pub opts: Options,
    /// Columns (CSV) or keys (JSON Lines) carried into every record (`--id-column`).
    pub carry: Vec<String>,
    /// Threads screening rows; 1 runs everything on the calling thread.
    pub jobs: usize,
    /// Rows per chunk handed to a worker (and per write with one job).
    pub chunk_rows: usize,
}

impl Settings {
    /// Settings with the chunk size suited to the record size.
    pub fn new(opts: Options, carry: Vec<String>, jobs: usize) -> Settings {
        Settings {
            opts,
            carry,
            jobs: jobs.max(1),
            chunk_rows: default_chunk_rows(&opts),
        }
    }
}

/// Rows per chunk for a kind of record, so a chunk's output stays around a megabyte
/// whatever the record size (full records of the default rulebook are about 14 KB, with
/// explanations about 37 KB).
pub fn default_chunk_rows(opts: &Options) -> usize {
    match (opts.csv, opts.record) {
        (true, _) | (false, Contents::Compact) => 2048,
        (false, Contents::Full { explain: false }) => 128,
        (false, Contents::Full { explain: true }) => 16,
    }
}

/// Counts of a run, for the summary.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Rows read (screened or failed).
    pub rows: u64,
    /// Lines of the rows that got an error record.
    pub failed: Vec<u64>,
    /// Screened rows by verdict, in the order of [`crate::rulebook::Verdict::ALL`].
    pub verdicts: [u64; 4],
    /// Screened rows whose result is not complete.
    pub provisional: u64,
}

impl Tally {
    fn count(&mut self, line: u64, status: RowStatus) {
        self.rows += 1;
        match status {
            RowStatus::Screened(v, status) => {
                self.verdicts[v as usize] += 1;
                self.provisional += u64::from(status == Status::Provisional);
            }
            RowStatus::Failed => self.failed.push(line),
        }
    }

    fn add(&mut self, other: Tally) {
        self.rows += other.rows;
        self.failed.extend(other.failed);
        self.provisional += other.provisional;
        for (t, v) in self.verdicts.iter_mut().zip(other.verdicts) {
            *t += v;
        }
    }
}

/// Why a run stopped before the end of its input.
#[derive(Debug)]
pub enum Failure {
    /// Reading the input failed.
    Read(std::io::Error),
    /// Writing a record failed; nothing after it was written.
    Write(std::io::Error),
}

/// Screens every row of `input` and writes its record to `sink`, in input order. Calls
/// `progress(bytes consumed, rows written)` after each chunk. Stops at the first read or
/// write failure; records before it may have been written (a caller writing a file
/// discards it).
pub fn run<R: BufRead + Send, W: Write>(
    rb: &Rulebook,
    input: Input<R>,
    settings: &Settings,
    sink: &mut W,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Tally, Failure> {
    let (reader, columns) = Reader::new(input);
    let size = settings.chunk_rows.max(1);
    if settings.jobs <= 1 {
        single(rb, reader, columns.as_deref(), settings, size, sink, progress)
    } else {
        parallel(rb, reader, columns.as_deref(), settings, size, sink, progress)
    }
}

/// Screens one row into `out`.
fn screen(screener: &mut RowScreener, columns: Option<&CsvColumns>, row: Row, out: &mut Vec<u8>) -> (u64, RowStatus) {
    match row {
        Row::Line(line, text) => (line, screener.jsonl_row(line, text, out)),
        Row::TooLong(line) => (line, screener.too_long_line(line, MAX_ROW_BYTES + 1, out)),
        Row::Csv(line, record) => (line, csv_row(screener, columns, line, record, out)),
    }
}

fn csv_row(
    screener: &mut RowScreener,
    columns: Option<&CsvColumns>,
    line: u64,
    record: Result<&csv::ByteRecord, CsvProblem>,
    out: &mut Vec<u8>,
) -> RowStatus {
    match (record, columns) {
        (Ok(record), Some(cols)) => screener.csv_row(cols, line, record, out),
        (Err(problem), _) => screener.row_error(line, &problem.message(), out),
        (Ok(_), None) => screener.error(line, "no CSV header", out),
    }
}

/// One job: no threads, no channels, one buffer reused for every chunk of records.
fn single<R: BufRead, W: Write>(
    rb: &Rulebook,
    mut reader: Reader<R>,
    columns: Option<&CsvColumns>,
    settings: &Settings,
    size: usize,
    sink: &mut W,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Tally, Failure> {
    let mut screener = RowScreener::new(rb, settings.opts).carrying(settings.carry.clone());
    let mut tally = Tally::default();
    // Written in pieces of about a megabyte, as the parallel path writes its chunks: a
    // write for every 64 KB of compact records was a tenth of a million rows' time.
    const WRITE_AT: usize = 1 << 20;
    let mut out = Vec::with_capacity(WRITE_AT + (1 << 16));
    let mut in_chunk = 0;
    while let Some(row) = reader.next_row().map_err(Failure::Read)? {
        let (line, status) = screen(&mut screener, columns, row, &mut out);
        tally.count(line, status);
        in_chunk += 1;
        if in_chunk == size || out.len() >= WRITE_AT {
            sink.write_all(&out).map_err(Failure::Write)?;
            out.clear();
            if in_chunk == size {
                progress(reader.consumed(), tally.rows);
                in_chunk = 0;
            }
        }
    }
    sink.write_all(&out).map_err(Failure::Write)?;
    progress(reader.consumed(), tally.rows);
    Ok(tally)
}

/// A slice of input rows: JSON lines in one contiguous buffer, or CSV records.
struct Chunk {
    index: usize,
    text: Vec<u8>,
    lines: Vec<(u64, Option<Range<usize>>)>,
    records: Vec<(u64, Result<csv::ByteRecord, CsvProblem>)>,
    /// Bytes of input consumed once this chunk has been read, for progress.
    consumed: u64,
}

impl Chunk {
    fn new(index: usize, size: usize) -> Chunk {
        Chunk {
            index,
            text: Vec::with_capacity(size * 256),
            lines: Vec::with_capacity(size),
            records: Vec::new(),
            consumed: 0,
        }
    }

    fn len(&self) -> usize {
        self.lines.len() + self.records.len()
    }

    fn push(&mut self, row: Row) {
        match row {
            Row::Line(line, text) => {
                let start = self.text.len();
                self.text.extend_from_slice(text);
                self.lines.push((line, Some(start..self.text.len())));
            }
            Row::TooLong(line) => self.lines.push((line, None)),
            Row::Csv(line, record) => self.records.push((line, record.cloned())),
        }
    }
}

/// The records of a chunk, screened.
struct Done {
    index: usize,
    bytes: Vec<u8>,
    tally: Tally,
    consumed: u64,
}

fn parallel<R: BufRead + Send, W: Write>(
    rb: &Rulebook,
    reader: Reader<R>,
    columns: Option<&CsvColumns>,
    settings: &Settings,
    size: usize,
    sink: &mut W,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Tally, Failure> {
    let jobs = settings.jobs;
    let (work_tx, work_rx) = sync_channel::<Chunk>(jobs * 2);
    // `None` once the output failed: the reader's next send then fails and it stops.
    let work_rx = Mutex::new(Some(work_rx));
    let (done_tx, done_rx) = sync_channel::<Done>(jobs * 2);
    let stop = &AtomicBool::new(false);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || read_chunks(reader, size, &work_tx, stop));
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            scope.spawn(move || worker(rb, settings, columns, work_rx, &done_tx));
        }
        drop(done_tx);
        let mut tally = Tally::default();
        let mut waiting: BTreeMap<usize, Done> = BTreeMap::new();
        let mut next = 0;
        let mut failure = None;
        'receive: for done in done_rx.iter() {
            waiting.insert(done.index, done);
            while let Some(d) = waiting.remove(&next) {
                if let Err(e) = sink.write_all(&d.bytes) {
                    failure = Some(Failure::Write(e));
                    break 'receive;
                }
                tally.add(d.tally);
                progress(d.consumed, tally.rows);
                next += 1;
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

/// Cuts the input into chunks of `size` rows and sends them; stops early once nobody
/// listens or the output failed.
fn read_chunks<R: BufRead>(
    mut reader: Reader<R>,
    size: usize,
    work: &SyncSender<Chunk>,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    let mut chunk = Chunk::new(0, size);
    let send = |chunk: Chunk| !stop.load(Ordering::Relaxed) && work.send(chunk).is_ok();
    while let Some(row) = reader.next_row()? {
        chunk.push(row);
        if chunk.len() == size {
            let index = chunk.index + 1;
            let mut full = std::mem::replace(&mut chunk, Chunk::new(index, size));
            full.consumed = reader.consumed();
            if !send(full) {
                return Ok(());
            }
        }
    }
    if chunk.len() > 0 {
        chunk.consumed = reader.consumed();
        send(chunk);
    }
    Ok(())
}

fn worker(
    rb: &Rulebook,
    settings: &Settings,
    columns: Option<&CsvColumns>,
    work: &Mutex<Option<Receiver<Chunk>>>,
    done: &SyncSender<Done>,
) {
    let mut screener = RowScreener::new(rb, settings.opts).carrying(settings.carry.clone());
    loop {
        // The lock is held only while taking the next chunk.
        let next = work.lock().map(|rx| rx.as_ref().map(Receiver::recv));
        let Ok(Some(Ok(chunk))) = next else { return };
        let mut bytes = Vec::with_capacity(1 << 16);
        let mut tally = Tally::default();
        for (line, range) in &chunk.lines {
            let row = match range {
                Some(r) => Row::Line(*line, &chunk.text[r.clone()]),
                None => Row::TooLong(*line),
            };
            let (line, status) = screen(&mut screener, columns, row, &mut bytes);
            tally.count(line, status);
        }
        for (line, record) in &chunk.records {
            let status = csv_row(
                &mut screener,
                columns,
                *line,
                record.as_ref().map_err(|p| *p),
                &mut bytes,
            );
            tally.count(*line, status);
        }
        let out = Done {
            index: chunk.index,
            bytes,
            tally,
            consumed: chunk.consumed,
        };
        if done.send(out).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audience::Audience;
    use crate::batch::CsvSplitter;

    fn rulebook() -> Rulebook {
        Rulebook::embedded().expect("the embedded rulebook loads")
    }

    /// JSON Lines from the golden cases' answers, with blank, broken and too-long lines.
    fn jsonl(rows: usize) -> Vec<u8> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/rules/cases");
        let mut cases: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        cases.sort();
        let answers: Vec<String> = cases
            .iter()
            .map(|p| {
                let case: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
                serde_json::to_string(&case["answers"]).unwrap()
            })
            .collect();
        assert!(answers.len() >= 6, "golden cases to screen");
        let mut text = Vec::new();
        for i in 0..rows {
            match i % 17 {
                5 => text.extend_from_slice(b"\n"),
                9 => text.extend_from_slice(b"{\"no_such_question\": true}"),
                13 => text.extend_from_slice(b"not json"),
                _ => text.extend_from_slice(answers[i % answers.len()].as_bytes()),
            }
            text.push(b'\n');
        }
        text.extend(std::iter::repeat_n(b' ', MAX_ROW_BYTES + 1));
        text.extend_from_slice(b"\n{}\n");
        text
    }

    fn settings(record: Contents, jobs: usize, chunk_rows: usize) -> Settings {
        let opts = Options {
            audience: Audience::Consultant,
            record,
            csv: false,
        };
        Settings {
            chunk_rows,
            ..Settings::new(opts, Vec::new(), jobs)
        }
    }

    fn run_to_vec(rb: &Rulebook, text: &[u8], s: &Settings) -> (Vec<u8>, Tally) {
        let mut out = Vec::new();
        let mut calls = 0;
        let tally = run(rb, Input::Lines(text), s, &mut out, &mut |_, _| calls += 1)
            .unwrap_or_else(|e| panic!("the run failed: {e:?}"));
        assert!(calls > 0, "progress is reported");
        (out, tally)
    }

    /// Each row screened on its own, one after another: what every pipeline must write.
    fn row_by_row(rb: &Rulebook, text: &[u8], s: &Settings) -> Vec<u8> {
        let mut screener = RowScreener::new(rb, s.opts);
        let mut out = Vec::new();
        for (i, line) in text.split(|&b| b == b'\n').enumerate() {
            if !line.iter().all(u8::is_ascii_whitespace) {
                screener.jsonl_row(i as u64 + 1, line, &mut out);
            } else if line.len() > MAX_ROW_BYTES {
                screener.too_long_line(i as u64 + 1, line.len(), &mut out);
            }
        }
        out
    }

    #[test]
    fn every_job_count_and_chunk_size_writes_the_same_records_in_input_order() {
        let rb = rulebook();
        let text = jsonl(300);
        for record in [Contents::Compact, Contents::Full { explain: false }] {
            let expected = row_by_row(&rb, &text, &settings(record, 1, 1));
            let lines = expected.iter().filter(|&&b| b == b'\n').count();
            let kind = |k: usize| (0..300).filter(|i| i % 17 == k).count();
            assert_eq!(lines, 300 - kind(5) + 2, "one record per non-blank row");
            let (one, tally) = run_to_vec(&rb, &text, &settings(record, 1, 2048));
            assert_eq!(one, expected, "--jobs 1 writes what row by row screening writes");
            assert_eq!(tally.rows as usize, lines);
            assert_eq!(
                tally.failed.len(),
                kind(9) + kind(13) + 1,
                "the broken and the too-long lines fail"
            );
            for (jobs, chunk) in [(1, 1), (4, 1), (4, 7), (3, 64), (2, 100_000)] {
                let (out, t) = run_to_vec(&rb, &text, &settings(record, jobs, chunk));
                assert!(
                    out == expected,
                    "--jobs {jobs} with chunks of {chunk} rows differs from --jobs 1"
                );
                assert_eq!(t, tally, "--jobs {jobs} with chunks of {chunk} rows counts differently");
            }
        }
    }

    #[test]
    fn csv_input_goes_through_the_same_pipeline_in_order() {
        let rb = rulebook();
        let mut text = String::from("age,sex\n");
        for i in 0..200 {
            text.push_str(&format!(
                "{},{}\n",
                18 + i % 60,
                if i % 3 == 0 { "female" } else { "male" }
            ));
        }
        text.push_str("\"never closed\n");
        let input = || {
            let mut csv = CsvSplitter::new(text.as_bytes());
            let mut header = csv::ByteRecord::new();
            csv.next_record(&mut header).unwrap();
            let columns = CsvColumns::new(&rb, &header);
            Input::Csv(csv, Box::new(columns))
        };
        let mut results = Vec::new();
        for (jobs, chunk) in [(1, 2048), (1, 1), (4, 1), (2, 33)] {
            let mut out = Vec::new();
            let s = Settings {
                opts: Options {
                    csv: true,
                    ..settings(Contents::Compact, jobs, chunk).opts
                },
                ..settings(Contents::Compact, jobs, chunk)
            };
            let tally = run(&rb, input(), &s, &mut out, &mut |_, _| {}).unwrap();
            assert_eq!(tally.rows, 201);
            assert_eq!(tally.failed.last(), Some(&202), "the unclosed quote fails its own row");
            results.push(out);
        }
        assert!(
            results.iter().all(|r| *r == results[0]),
            "CSV records differ between job counts"
        );
    }

    /// Accepts `room` bytes, then fails every write.
    struct FailingAfter {
        written: Vec<u8>,
        room: usize,
        failures: usize,
    }

    impl Write for FailingAfter {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.written.len() >= self.room {
                self.failures += 1;
                return Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "no space left"));
            }
            let n = buf.len().min(self.room - self.written.len());
            self.written.extend_from_slice(&buf[..n]);
            Ok(n)
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_write_failure_midway_stops_the_run_with_the_write_error() {
        let rb = rulebook();
        // Many more chunks than the channels hold, so workers and the reader are busy
        // (or blocked) when the write fails: the run must still end, and promptly.
        let text = jsonl(3000);
        let expected = row_by_row(&rb, &text, &settings(Contents::Compact, 1, 1));
        for (jobs, chunk) in [(1, 2048), (1, 1), (4, 1), (4, 16), (2, 2048)] {
            let mut sink = FailingAfter {
                written: Vec::new(),
                room: expected.len() / 3,
                failures: 0,
            };
            let result = run(
                &rb,
                Input::Lines(text.as_slice()),
                &settings(Contents::Compact, jobs, chunk),
                &mut sink,
                &mut |_, _| {},
            );
            match result {
                Err(Failure::Write(e)) => assert_eq!(e.kind(), std::io::ErrorKind::StorageFull),
                other => panic!("--jobs {jobs}, chunks of {chunk}: expected the write failure, got {other:?}"),
            }
            assert_eq!(sink.failures, 1, "nothing is written after the first failure");
            assert_eq!(sink.written.len(), expected.len() / 3);
            assert!(
                expected.starts_with(&sink.written),
                "what was written is the start of the output, in order"
            );
        }
    }

    /// Yields `good` bytes, then fails.
    struct FailingReader<'a> {
        good: &'a [u8],
    }

    impl std::io::Read for FailingReader<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            if self.good.is_empty() {
                return Err(std::io::Error::other("the disk went away"));
            }
            let n = buf.len().min(self.good.len());
            buf[..n].copy_from_slice(&self.good[..n]);
            self.good = &self.good[n..];
            Ok(n)
        }
    }

    #[test]
    fn a_read_failure_midway_stops_the_run_with_the_read_error() {
        let rb = rulebook();
        let text = jsonl(500);
        for jobs in [1, 4] {
            let reader = std::io::BufReader::with_capacity(
                512,
                FailingReader {
                    good: &text[..text.len() / 2],
                },
            );
            let mut out = Vec::new();
            let result = run(
                &rb,
                Input::Lines(reader),
                &settings(Contents::Compact, jobs, 8),
                &mut out,
                &mut |_, _| {},
            );
            match result {
                Err(Failure::Read(e)) => assert_eq!(e.to_string(), "the disk went away"),
                other => panic!("--jobs {jobs}: expected the read failure, got {other:?}"),
            }
        }
    }
}
