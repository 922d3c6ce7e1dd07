//! The checks the fuzz targets (`fuzz/`) run on arbitrary bytes, kept here so that the
//! regression tests replay exactly the same checks on every input fuzzing ever flagged.
//! Each function panics if a property fails; that is how libFuzzer learns of it.
//!
//! Hidden from the documentation and not part of the public API: no stability promise.

use crate::answers::{Answers, KeyHints, Value};
use crate::audience::Audience;
use crate::batch::{Contents, CsvColumns, CsvSplitter, Options, RowScreener};
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
    let _ = crate::tooling::lint::check(&rb, crate::date::Date::from_days(20_000));
    let none = Answers::none_for(&rb);
    let s = screen_with(&rb, &none, Audience::Consultant, Detail::FULL);
    json_is_escaped(&s);
    refills_as_fresh(&rb, &none, &s, Detail::FULL);
    let out = render(&rb, &none, &s);
    assert!(
        !out.chars().any(|c| c != '\n' && crate::sanitize::is_hidden(c)),
        "a control or hidden character reached the terminal report"
    );
}

/// Answers from bytes against the default rulebook: accepted and screened, or refused
/// with errors; accepted answers survive a round trip through a saved record.
pub fn answers(data: &[u8]) {
    let rb = &*DEFAULT;
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    same_as_general_parser(rb, text);
    match Answers::from_json(rb, text) {
        Ok(answers) => {
            let s = screen_with(rb, &answers, Audience::Patient, Detail::BRIEF);
            json_is_escaped(&s);
            refills_as_fresh(rb, &answers, &s, Detail::BRIEF);
            render(rb, &answers, &s);
            let saved = serde_json::to_string(&answers.to_json(rb)).expect("answers serialise");
            let again = Answers::from_json(rb, &saved).expect("saved answers read back");
            assert_eq!(again, answers, "answers changed in a round trip");
        }
        Err(e) => assert!(!e.to_string().is_empty(), "a refusal without a message"),
    }
}

/// The fast reading of plain rows gives exactly what the general parser gives: the same
/// answers, the same errors, the same carried values (with and without keys to carry).
///
/// It also reads the row with key-order hints learnt from the row itself (so every key is
/// guessed right) and kept across both sets of keys to carry (so a guessed question id is
/// also a carried key): hints may only ever make reading faster.
pub fn same_as_general_parser(rb: &Rulebook, text: &str) {
    let carry = ["id".to_owned(), "age".to_owned()];
    let mut hints = KeyHints::default();
    for carry in [&carry[..0], &carry[..], &carry[..0]] {
        let (mut fast, mut general) = (Vec::new(), Vec::new());
        let mut answers = Answers::none_for(rb);
        let read = answers.read_json(rb, text, carry, &mut fast).map(|()| answers);
        let reference = Answers::from_json_general(rb, text, carry, &mut general);
        assert_eq!(read, reference, "the two answer parsers differ on {text:?}");
        for round in 0..2 {
            let mut hinted = Vec::new();
            let mut answers = Answers::none_for(rb);
            let again = answers
                .read_json_hinted(rb, text, carry, &mut hinted, &mut hints)
                .map(|()| answers);
            assert_eq!(
                again, reference,
                "reading with hints differs on {text:?} (round {round})"
            );
            assert_eq!(hinted, general, "carried values with hints differ on {text:?}");
        }
        if let Ok(a) = &read {
            // -0 and 0 compare equal; the sign of a zero must be the same too.
            for q in 0..a.len() {
                if let (Some(Value::Number(x)), Some(Value::Number(y))) =
                    (a.value(q), reference.as_ref().unwrap().value(q))
                {
                    assert_eq!(x.to_bits(), y.to_bits(), "number of question {q} differs on {text:?}");
                }
            }
        }
        assert_eq!(fast, general, "carried values differ on {text:?}");
    }
}

/// A CSV batch from bytes (a header row, then up to 16 rows) against the default
/// rulebook, cut into records by the batch's own reader: every record gives exactly one
/// output record, as CSV and as JSON Lines, carrying its line number; lines only grow;
/// no CSV output cell carries a hidden character or could run as a formula.
pub fn csv_rows(data: &[u8]) {
    let rb = &*DEFAULT;
    let mut reader = CsvSplitter::new(data);
    let mut header = csv::ByteRecord::new();
    let Ok(Some(_)) = reader.next_record(&mut header) else {
        return;
    };
    let columns = CsvColumns::new(rb, &header);
    let options = |csv| Options {
        audience: Audience::Consultant,
        record: Contents::Compact,
        csv,
    };
    let mut as_csv = RowScreener::new(rb, options(true));
    let mut as_json = RowScreener::new(rb, options(false));
    let mut record = csv::ByteRecord::new();
    let mut last_line = 1;
    for _ in 0..16 {
        let Ok(Some((line, problem))) = reader.next_record(&mut record) else {
            return;
        };
        assert!(line > last_line, "line {line} after line {last_line}");
        last_line = line;
        let (mut csv_out, mut json_out) = (Vec::new(), Vec::new());
        match problem {
            Some(p) => {
                as_csv.error(line, &p.message(), &mut csv_out);
                as_json.error(line, &p.message(), &mut json_out);
            }
            None => {
                as_csv.csv_row(&columns, line, &record, &mut csv_out);
                as_json.csv_row(&columns, line, &record, &mut json_out);
            }
        }
        let mut back = csv::ReaderBuilder::new().has_headers(false).from_reader(&csv_out[..]);
        let rows: Vec<_> = back
            .records()
            .collect::<Result<_, _>>()
            .expect("a CSV record reads back as UTF-8");
        assert_eq!(rows.len(), 1, "one CSV record per row");
        assert_eq!(&rows[0][0], line.to_string());
        for cell in rows[0].iter() {
            assert!(
                !cell.chars().any(crate::sanitize::is_hidden),
                "a hidden character in a CSV cell: {cell:?}"
            );
            assert!(
                !cell.trim_start().starts_with(['=', '+', '-', '@']),
                "a CSV cell a spreadsheet could run: {cell:?}"
            );
        }
        assert_eq!(
            json_out.iter().filter(|&&b| b == b'\n').count(),
            1,
            "one JSON line per row"
        );
        let text = std::str::from_utf8(&json_out).expect("a JSON record is UTF-8");
        assert!(
            !text.trim_end().chars().any(crate::sanitize::is_hidden),
            "a hidden character raw in a JSON record"
        );
        let json: serde_json::Value = serde_json::from_str(text).expect("a JSON record");
        assert_eq!(json["line"], line);
    }
}

/// JSON output writes no hidden character raw, and decodes to what serde_json writes.
fn json_is_escaped(s: &crate::report::Screening) {
    let text = crate::sanitize::json_string(s);
    assert!(
        !text.chars().any(crate::sanitize::is_hidden),
        "a hidden character raw in JSON output"
    );
    let ours: serde_json::Value = serde_json::from_str(&text).expect("our JSON parses");
    let plain = serde_json::to_value(s).expect("a result serialises");
    assert_eq!(ours, plain, "escaped JSON decodes to other text");
    // Batch's full records copy texts escaped once: the same bytes, whatever the texts.
    let mut line = Vec::new();
    crate::report::JsonLine::default().write(s, &mut line);
    assert_eq!(
        String::from_utf8_lossy(&line),
        text,
        "a full record differs from serde's JSON"
    );
}

/// Batch refills one result row after row: refilled after another row's result (no
/// answers at all), `s` must come out the same, and so must the other row's after `s`.
fn refills_as_fresh(rb: &Rulebook, answers: &Answers, s: &crate::report::Screening, detail: Detail) {
    let none = Answers::none_for(rb);
    let fresh_none = screen_with(rb, &none, s.audience, detail);
    let mut kept = crate::report::Screening::blank(rb, s.audience);
    let mut scratch = crate::report::OutlineScratch::default();
    for (a, expected) in [(&none, &fresh_none), (answers, s), (&none, &fresh_none)] {
        let eval = crate::engine::evaluate(rb, a);
        crate::report::screen_evaluated_into(&mut kept, rb, a, &eval, s.audience, detail, &mut scratch);
        assert_eq!(&kept, expected, "a refilled result differs from one built afresh");
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
