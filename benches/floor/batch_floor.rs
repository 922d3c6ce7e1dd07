//! The byte floor of `batch --detail compact`: what a batch costs with no rules at all.
//!
//! Reads JSON Lines of answers, parses each line into answers exactly as `batch` does, and
//! writes exactly the bytes of the compact record `batch` writes for it, on one thread.
//! The records come from a table filled once per distinct line (screening that line with
//! the real screener), so the per-row work is reading, parsing, one lookup and writing:
//! the speed no rule engine can beat on this input. `benches/batch-floor.sh` runs it beside
//! `batch` on the same file and checks the two outputs are the same bytes.
//!
//! Usage: `cargo run --release --example batch_floor -- INPUT.jsonl > OUT.jsonl`

use smp_screen::answers::{Answers, KeyHints};
use smp_screen::batch::{Contents, Options, RowScreener};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: batch_floor INPUT.jsonl > OUTPUT.jsonl");
        return std::process::ExitCode::from(2);
    };
    match run(std::path::Path::new(&path)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("batch_floor: {e:#}");
            std::process::ExitCode::from(1)
        }
    }
}

fn run(path: &std::path::Path) -> anyhow::Result<()> {
    let rb = smp_screen::rulebook::Rulebook::embedded()?;
    let opts = Options {
        audience: smp_screen::audience::Audience::Consultant,
        record: Contents::Compact,
        csv: false,
    };
    let mut screener = RowScreener::new(&rb, opts);
    // Line text -> the compact record without its `{"line":N,` prefix.
    let mut records: HashMap<Vec<u8>, Vec<u8>> = HashMap::new();
    let mut reader = BufReader::with_capacity(1 << 16, std::fs::File::open(path)?);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut buf = Vec::new();
    let mut number = itoa_buffer();
    let mut line = 0u64;
    let mut parsed = 0usize;
    let mut answers = Answers::none_for(&rb);
    let mut carried = Vec::new();
    let mut hints = KeyHints::default();
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        line += 1;
        if buf.last() == Some(&b'\n') {
            buf.pop();
        }
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        // The parse `batch` does for every row, into storage reused the same way and with
        // the key order learnt from the rows before; its result is not needed here.
        let text = std::str::from_utf8(&buf)?;
        if answers
            .read_json_hinted(&rb, text, &[], &mut carried, &mut hints)
            .is_ok()
        {
            parsed += answers.len();
        }
        let tail = match records.get(buf.as_slice()) {
            Some(tail) => tail,
            None => {
                let mut record = Vec::new();
                screener.jsonl_row(1, &buf, &mut record);
                let tail = record[b"{\"line\":1,".len()..].to_vec();
                records.entry(buf.clone()).or_insert(tail)
            }
        };
        out.write_all(b"{\"line\":")?;
        out.write_all(format_u64(&mut number, line))?;
        out.write_all(b",")?;
        out.write_all(tail)?;
    }
    out.flush()?;
    // Keeps the parse from being optimised away.
    std::hint::black_box(parsed);
    Ok(())
}

fn itoa_buffer() -> [u8; 20] {
    [0; 20]
}

/// Decimal digits of `n`, without allocating.
fn format_u64(buf: &mut [u8; 20], mut n: u64) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[i..];
        }
    }
}
