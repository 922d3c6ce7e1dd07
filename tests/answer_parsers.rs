//! The fast reading of plain answer rows (batch's hot path) against the general parser:
//! on rows made from the golden cases' answers, mutated byte by byte, and with numbers of
//! every shape, both give the same answers, the same errors and the same carried values
//! (`smp_screen::fuzz_checks::same_as_general_parser`, also run by the `answers` fuzz target).

use proptest::prelude::*;
use smp_screen::answers::{Answers, KeyHints};
use smp_screen::rulebook::Rulebook;
use std::sync::LazyLock;

static RB: LazyLock<Rulebook> = LazyLock::new(|| Rulebook::embedded().unwrap());

/// The golden cases' answers, one compact JSON object each.
static ROWS: LazyLock<Vec<String>> = LazyLock::new(|| {
    smp_screen::tooling::cases::embedded()
        .into_iter()
        .map(|f| serde_json::Value::Object(f.case.unwrap().answers).to_string())
        .collect()
});

fn check(text: &str) {
    smp_screen::fuzz_checks::same_as_general_parser(&RB, text);
}

/// Reads `text` with `hints` (as batch does, with hints learnt on the rows before) and
/// checks it gives what the general parser gives, with and without a carried key that is
/// also a question's id.
fn check_after(hints: &mut KeyHints, text: &str) {
    for carry in [vec![], vec!["age".to_owned()]] {
        let (mut hinted, mut general) = (Vec::new(), Vec::new());
        let mut answers = Answers::none_for(&RB);
        let read = answers
            .read_json_hinted(&RB, text, &carry, &mut hinted, hints)
            .map(|()| answers);
        let reference = Answers::from_json_carrying(&RB, text, &carry, &mut general);
        assert_eq!(read, reference, "reading with hints differs on {text:?}");
        assert_eq!(hinted, general, "carried values with hints differ on {text:?}");
    }
}

#[test]
fn hints_learnt_on_earlier_rows_never_change_a_reading() {
    let mut hints = KeyHints::default();
    let mut rows: Vec<String> = ROWS.clone();
    // Keys in another order, a key that is only the start of an id, one that runs on past
    // it, spacing around the colon, and a repeated key, each after rows that taught the
    // usual order.
    let first = &ROWS[0];
    let keys: serde_json::Map<String, serde_json::Value> = serde_json::from_str(first).unwrap();
    let reversed: serde_json::Map<String, serde_json::Value> = keys.clone().into_iter().rev().collect();
    rows.push(serde_json::Value::Object(reversed).to_string());
    rows.push(first.replacen("\"age\"", "\"ag\"", 1));
    rows.push(first.replacen("\"age\"", "\"age_\"", 1));
    rows.push(first.replace("\":", "\" :"));
    rows.push(first.replacen("{", "{\"age\":30,", 1));
    for row in rows.iter().chain(ROWS.iter()) {
        check_after(&mut hints, row);
    }
}

#[test]
fn every_golden_row_is_read_alike_whatever_its_spacing() {
    assert!(ROWS.len() > 50);
    for row in ROWS.iter() {
        check(row);
        let spaced = serde_json::to_string_pretty(&serde_json::from_str::<serde_json::Value>(row).unwrap()).unwrap();
        check(&spaced);
        check(&format!(" \t{row}\r\n "));
    }
}

#[test]
fn rows_the_fast_reading_leaves_to_the_general_parser_are_read_alike() {
    for text in [
        "",
        " ",
        "{}",
        "{ }",
        "{",
        "}",
        "[]",
        "null",
        "\"text\"",
        "{\"age\": 30,}",
        "{\"age\": 30 \"sex\": \"male\"}",
        "{\"age\": 30}x",
        "{\"age\": 30}{}",
        "{\"age\": 030}",
        "{\"age\": -}",
        "{\"age\": 30.}",
        "{\"age\": .5}",
        "{\"age\": 3e}",
        "{\"age\": 1e-400}",
        "{\"age\": 4e1}",
        "{\"age\": 40.0}",
        "{\"age\": 40.5}",
        "{\"age\": -0}",
        "{\"age\": 1e2}",
        "{\"age\": 123456789012345678901234567890}",
        "{\"age\": 30, \"age\": 30}",
        "{\"age\": null, \"age\": 30}",
        "{\"ag\\u0065\": 30}",
        "{\"sex\": \"m\\u0061le\"}",
        "{\"sex\": \"Male\"}",
        "{\"sex\": \" male \"}",
        "{\"sex\": \"mal\"}",
        "{\"sex\": true}",
        "{\"sex\": nul}",
        "{\"sex\": nullx}",
        "{\"scars\": []}",
        "{\"scars\": [\"none\", \"burn\"]}",
        "{\"scars\": [\"burn\", \"burn\"]}",
        "{\"scars\": [\"burn\",]}",
        "{\"scars\": [\"burn\" \"none\"]}",
        "{\"scars\": [1]}",
        "{\"scars\": \"burn\"}",
        "{\"keloid_history\": \"no\"}",
        "{\"keloid_history\": tru}",
        "{\"keloid_history\": {}}",
        "{\"id\": \"p-1\", \"age\": 30}",
        "{\"id\": 17, \"age\": 30}",
        "{\"id\": 1.5}",
        "{\"id\": [1]}",
        "{\"id\": null, \"id\": true}",
        "{\"unknown\": 1}",
        "{\"sex\": \"male\u{1}\"}",
        "{\"sex\": \"male\"}\u{a0}",
        "\u{feff}{}",
    ] {
        check(text);
    }
}

/// A byte that matters to JSON, or any character.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "{", "}", "[", "]", "\"", ",", ":", "\\", " ", "\n", "-", "+", ".", "e", "E", "0", "1", "9", "n", "t", "f",
            "null", "true", "false", "\\u0041", "\u{7f}", "é", "\u{2028}", "\t", "\u{0}",
        ])
        .prop_map(str::to_owned),
        any::<char>().prop_map(String::from),
    ]
}

/// A number written in any way JSON allows, and some it does not.
fn number() -> impl Strategy<Value = String> {
    "-?[0-9]{0,20}(\\.[0-9]{0,20})?([eE][+-]?[0-9]{0,4})?"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn mutated_golden_rows_are_read_alike(
        row in 0usize..1000,
        edits in prop::collection::vec((0.0f64..1.0, 0u8..3, piece()), 1..4),
    ) {
        let mut text = ROWS[row % ROWS.len()].clone();
        for (at, kind, with) in edits {
            let mut i = (at * text.len() as f64) as usize;
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            match kind {
                0 => text.insert_str(i, &with),
                1 if i < text.len() => {
                    let end = text[i..].chars().next().map_or(i, |c| i + c.len_utf8());
                    text.replace_range(i..end, "");
                }
                _ => {
                    let end = text[i..].chars().next().map_or(i, |c| i + c.len_utf8());
                    text.replace_range(i..end, &with);
                }
            }
        }
        check(&text);
        // And after the row it was made from, whose key order the hints then guess.
        let mut hints = KeyHints::default();
        check_after(&mut hints, &ROWS[row % ROWS.len()]);
        check_after(&mut hints, &text);
    }

    #[test]
    fn numbers_of_every_shape_are_read_alike(n in number(), m in number()) {
        check(&format!("{{\"age\": {n}}}"));
        check(&format!("{{\"age\": 40, \"id\": {n}, \"skin_tone\": \"III\"}}"));
        check(&format!("{{\"id\": {m}, \"age\": {n}}}"));
    }
}
