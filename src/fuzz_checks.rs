//! The checks the fuzz targets (`fuzz/`) run on arbitrary bytes, kept here so that the
//! regression tests replay exactly the same checks on every input fuzzing ever flagged.
//! Each function panics if a property fails; that is how libFuzzer learns of it.
//!
//! Hidden from the documentation and not part of the public API: no stability promise.

use crate::answers::Answers;
use crate::audience::Audience;
use crate::batch::{CsvColumns, Options, Record, RowScreener};
use crate::report::{Context, Detail, Report, Text, screen_with};
use crate::rulebook::{Rulebook, Sources};
use crate::style::Style;
use std::sync::LazyLock;

static DEFAULT: LazyLock<Rulebook> = LazyLock::new(|| Rulebook::embedded().expect("the default rulebook loads"));

/// A rulebook from bytes: it loads or is refused with diagnostics; one that loads is
/// checked, screened with explanations, and rendered with no control character in the
/// text report, whatever its texts hold.
pub fn rulebook(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let rb = match Rulebook::from_sources(Sources::from_text("fuzz.json", text)) {
        Ok(rb) => rb,
        Err(e) => {
            assert!(e.errors().next().is_some(), "a refusal without an error");
            let _ = e.to_string();
            return;
        }
    };
    let _ = crate::check::check(&rb, crate::date::Date::from_days(20_000));
    let none = Answers::none_for(&rb);
    let s = screen_with(&rb, &none, Audience::Consultant, Detail::FULL);
    let _ = serde_json::to_string(&s).expect("a result serialises");
    let out = render(&rb, &none, &s);
    assert!(
        !out.chars().any(|c| c.is_control() && c != '\n'),
        "a control character reached the terminal report"
    );
}

/// Answers from bytes against the default rulebook: accepted and screened, or refused
/// with errors; accepted answers survive a round trip through a saved record.
pub fn answers(data: &[u8]) {
    let rb = &*DEFAULT;
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Answers::from_json(rb, text) {
        Ok(answers) => {
            let s = screen_with(rb, &answers, Audience::Patient, Detail::BRIEF);
            render(rb, &answers, &s);
            let saved = serde_json::to_string(&answers.to_json(rb)).expect("answers serialise");
            let again = Answers::from_json(rb, &saved).expect("saved answers read back");
            assert_eq!(again, answers, "answers changed in a round trip");
        }
        Err(e) => assert!(!e.to_string().is_empty(), "a refusal without a message"),
    }
}

/// A CSV batch from bytes (a header row, then up to 16 rows) against the default
/// rulebook: every row gives exactly one record, as CSV and as JSON Lines, carrying its
/// line number.
pub fn csv_rows(data: &[u8]) {
    let rb = &*DEFAULT;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(data);
    let mut records = reader.byte_records();
    let Some(Ok(header)) = records.next() else {
        return;
    };
    let columns = CsvColumns::new(rb, &header);
    let options = |csv| Options {
        audience: Audience::Consultant,
        record: Record::Compact,
        csv,
    };
    let mut as_csv = RowScreener::new(rb, options(true));
    let mut as_json = RowScreener::new(rb, options(false));
    for (i, record) in records.take(16).enumerate() {
        let Ok(record) = record else {
            return;
        };
        let line = i as u64 + 2;
        let (mut csv_out, mut json_out) = (Vec::new(), Vec::new());
        as_csv.csv_row(&columns, line, &record, &mut csv_out);
        as_json.csv_row(&columns, line, &record, &mut json_out);
        let mut back = csv::ReaderBuilder::new().has_headers(false).from_reader(&csv_out[..]);
        let rows: Vec<_> = back
            .byte_records()
            .collect::<Result<_, _>>()
            .expect("a CSV record reads back");
        assert_eq!(rows.len(), 1, "one CSV record per row");
        assert_eq!(&rows[0][0], line.to_string().as_bytes());
        assert_eq!(
            json_out.iter().filter(|&&b| b == b'\n').count(),
            1,
            "one JSON line per row"
        );
        let json: serde_json::Value = serde_json::from_slice(&json_out).expect("a JSON record");
        assert_eq!(json["line"], line);
    }
}

fn render(rb: &Rulebook, answers: &Answers, s: &crate::report::Screening) -> String {
    let cx = Context {
        screening: s,
        rulebook: rb,
        answers,
        style: Style::PLAIN,
        width: 80,
        explain: true,
    };
    let mut out = Vec::new();
    Text.render(&cx, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("the report is UTF-8")
}
