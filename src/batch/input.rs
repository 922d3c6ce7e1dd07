//! Reading a batch input row by row: JSON Lines with a length limit, or CSV records cut
//! by [`CsvSplitter`], each numbered by the line it starts on.

use super::{CsvColumns, CsvProblem, CsvSplitter, MAX_ROW_BYTES};
use std::io::BufRead;

/// The rows of a batch input.
pub enum Input<R> {
    /// One JSON object of answers per line.
    Lines(R),
    /// CSV records after the header row, and the columns that header named.
    Csv(CsvSplitter<R>, Box<CsvColumns>),
}

/// One row read, borrowing the reader's buffers.
pub(crate) enum Row<'a> {
    /// A JSON line (without its line end), numbered from 1.
    Line(u64, &'a [u8]),
    /// A JSON line longer than [`MAX_ROW_BYTES`], never held in memory.
    TooLong(u64),
    /// A CSV record, or why it could not be read whole.
    Csv(u64, Result<&'a csv::ByteRecord, CsvProblem>),
}

/// Editors on Windows begin files with a byte-order mark.
const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

/// Reads rows one after another into buffers it reuses: no allocation per row.
pub(crate) struct Reader<R> {
    source: Source<R>,
    line: u64,
    consumed: u64,
    buf: Vec<u8>,
    record: csv::ByteRecord,
}

enum Source<R> {
    Lines(R),
    Csv(CsvSplitter<R>),
}

impl<R: BufRead> Reader<R> {
    /// A reader over an input, and the CSV columns if it is CSV.
    pub(crate) fn new(input: Input<R>) -> (Reader<R>, Option<Box<CsvColumns>>) {
        let (source, columns) = match input {
            Input::Lines(r) => (Source::Lines(r), None),
            Input::Csv(csv, columns) => (Source::Csv(csv), Some(columns)),
        };
        let reader = Reader {
            source,
            line: 0,
            consumed: 0,
            buf: Vec::new(),
            record: csv::ByteRecord::new(),
        };
        (reader, columns)
    }

    /// Bytes of input consumed so far, for progress.
    pub(crate) fn consumed(&self) -> u64 {
        match &self.source {
            Source::Lines(_) => self.consumed,
            Source::Csv(csv) => csv.consumed(),
        }
    }

    /// The next row; `None` at the end of the input. Blank lines (and CSV lines holding
    /// only `""`) are not rows.
    pub(crate) fn next_row(&mut self) -> std::io::Result<Option<Row<'_>>> {
        match &mut self.source {
            Source::Lines(reader) => {
                // Finds the next non-blank line first, so that the row returned borrows
                // the buffer only once it will not be refilled.
                let skip = loop {
                    self.buf.clear();
                    let (read, too_long) = read_line_limited(reader, &mut self.buf, MAX_ROW_BYTES)?;
                    if read == 0 {
                        return Ok(None);
                    }
                    self.line += 1;
                    self.consumed += read as u64;
                    if too_long {
                        return Ok(Some(Row::TooLong(self.line)));
                    }
                    let skip = if self.line == 1 && self.buf.starts_with(UTF8_BOM) {
                        UTF8_BOM.len()
                    } else {
                        0
                    };
                    if !self.buf[skip..].iter().all(u8::is_ascii_whitespace) {
                        break skip;
                    }
                };
                Ok(Some(Row::Line(self.line, &self.buf[skip..])))
            }
            Source::Csv(csv) => loop {
                let Some((line, problem)) = csv.next_record(&mut self.record)? else {
                    return Ok(None);
                };
                match problem {
                    Some(p) => return Ok(Some(Row::Csv(line, Err(p)))),
                    None if self.record.len() == 1 && self.record[0].is_empty() => continue,
                    None => return Ok(Some(Row::Csv(line, Ok(&self.record)))),
                }
            },
        }
    }
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
        let (take, end) = match memchr_newline(available) {
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

/// The first newline, looked for eight bytes at a time: reading lines is part of every
/// row's cost.
fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for word in &mut words {
        let x = u64::from_le_bytes(word.try_into().expect("eight bytes")) ^ (ONES * u64::from(b'\n'));
        // A byte of `x` is zero exactly where the word holds a newline.
        if x.wrapping_sub(ONES) & !x & HIGHS != 0 {
            return word.iter().position(|&b| b == b'\n').map(|i| at + i);
        }
        at += 8;
    }
    words.remainder().iter().position(|&b| b == b'\n').map(|i| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &[u8]) -> Vec<String> {
        let (mut reader, _) = Reader::new(Input::Lines(std::io::BufReader::with_capacity(7, text)));
        let mut out = Vec::new();
        while let Some(row) = reader.next_row().unwrap() {
            out.push(match row {
                Row::Line(n, t) => format!("{n}:{}", String::from_utf8_lossy(t)),
                Row::TooLong(n) => format!("{n}:too long"),
                Row::Csv(..) => unreachable!(),
            });
        }
        out
    }

    #[test]
    fn lines_are_numbered_as_in_the_file_skipping_blank_ones() {
        let text = b"\xef\xbb\xbf{\"a\":1}\r\n\n  \n{\"b\":2}\n{\"c\":3}";
        assert_eq!(rows(text), ["1:{\"a\":1}", "4:{\"b\":2}", "5:{\"c\":3}"]);
    }

    #[test]
    fn the_first_newline_is_found_wherever_it_is() {
        for len in 0..40 {
            for at in 0..=len {
                let mut bytes = vec![b'x'; len];
                if at < len {
                    bytes[at] = b'\n';
                    // A second one later must not be the one found.
                    if at + 3 < len {
                        bytes[at + 3] = b'\n';
                    }
                }
                let expected = (at < len).then_some(at);
                assert_eq!(memchr_newline(&bytes), expected, "{len} {at}");
            }
        }
        // Bytes with the high bit set are not newlines.
        assert_eq!(memchr_newline("é€\u{8a}ab\n".as_bytes()), Some(9));
    }

    #[test]
    fn a_line_over_the_limit_is_a_row_of_its_own_and_the_next_line_is_read() {
        let mut text = vec![b'x'; MAX_ROW_BYTES + 1];
        text.extend_from_slice(b"\n{}\n");
        assert_eq!(rows(&text), ["1:too long", "2:{}"]);
    }
}
