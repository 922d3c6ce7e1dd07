//! Batch writes full records with [`JsonLine`], which escapes each rulebook text once and
//! copies it after that. Its bytes must be serde's, exactly: over every golden case in both
//! voices and all three languages (with and without explanations), over generated answer
//! sets, and over a rulebook whose every text is full of characters JSON must escape.
//! And batch refills one result row after row (`screen_evaluated_into`): whatever the row
//! before held, the result must be the one built afresh.

mod common;

use common::hostile::replace_texts;
use common::{edited_default_rulebook, repo};
use proptest::prelude::*;
use smp_screen::answers::Answers;
use smp_screen::audience::Audience;
use smp_screen::engine::evaluate;
use smp_screen::report::{Detail, JsonLine, OutlineScratch, Screening, screen_evaluated_into, screen_with};
use smp_screen::rulebook::locale::{self, Locales};
use smp_screen::rulebook::{Rulebook, Sources};
use smp_screen::sanitize;
use std::sync::OnceLock;

fn rulebook_in(code: &str) -> Rulebook {
    let mut rb = Rulebook::embedded().unwrap();
    if code != "en" {
        let file = locale::parse(Locales::embedded().find(code).unwrap()).unwrap();
        locale::apply(&mut rb, code, Some(&file));
    }
    rb
}

fn english() -> &'static Rulebook {
    static RB: OnceLock<Rulebook> = OnceLock::new();
    RB.get_or_init(|| rulebook_in("en"))
}

fn golden_answers(rb: &Rulebook) -> Vec<(String, Answers)> {
    let mut paths: Vec<_> = std::fs::read_dir(repo("rules/cases"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    let cases: Vec<_> = paths
        .iter()
        .map(|p| {
            let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
            let answers = Answers::from_json_value(rb, &doc["answers"]).unwrap();
            (p.file_name().unwrap().to_string_lossy().into_owned(), answers)
        })
        .collect();
    assert!(cases.len() > 100, "only {} golden cases", cases.len());
    cases
}

/// Writes `s` with `writer` and asserts the bytes are serde's.
fn same<'a>(writer: &mut JsonLine<'a>, s: &Screening<'a>, what: &str) {
    let mut fast = Vec::new();
    writer.write(s, &mut fast);
    let slow = sanitize::json_string(s);
    if fast != slow.as_bytes() {
        let fast = String::from_utf8_lossy(&fast);
        let at = fast.bytes().zip(slow.bytes()).take_while(|(a, b)| a == b).count();
        let from = at.saturating_sub(60);
        panic!(
            "{what}: differs from serde at byte {at}\n  JsonLine: {}\n  serde:    {}",
            &fast[from..(at + 60).min(fast.len())],
            &slow[from..(at + 60).min(slow.len())]
        );
    }
}

#[test]
fn every_golden_case_is_written_as_serde_writes_it() {
    let mut rows = 0;
    for code in ["en", "it", "es"] {
        let rb = rulebook_in(code);
        let cases = golden_answers(&rb);
        for audience in [Audience::Patient, Audience::Consultant] {
            // One writer for every row, as batch has: texts escaped for one row are
            // copied into the next.
            let mut writer = JsonLine::default();
            for (name, answers) in &cases {
                for detail in [Detail::BRIEF, Detail::FULL] {
                    let s = screen_with(&rb, answers, audience, detail);
                    same(&mut writer, &s, &format!("{name} ({code}, {audience:?})"));
                    // Texts beyond ASCII (accents, dashes, quotes) go through the
                    // formatter's slow path: the comparison covers them.
                    if !sanitize::json_string(&s).is_ascii() {
                        rows += 1;
                    }
                }
            }
        }
    }
    assert!(rows > 1_000, "only {rows} records with text beyond ASCII");
}

/// Quotes, backslashes, controls, line and paragraph separators, bidirectional and
/// zero-width marks, accents and an emoji in every text of the rulebook.
#[test]
fn texts_json_must_escape_are_written_as_serde_writes_them() {
    let dir = tempfile::tempdir().unwrap();
    let rules = edited_default_rulebook(dir.path(), |mut doc| {
        replace_texts(&mut doc, &mut |n| {
            format!("\"q\" \\ back\u{1}\u{1b}[31m\t\u{7f}\u{85}\u{2028}\u{2029}\u{202e}\u{200b}\u{61c} é 😀 #{n}")
        });
        doc
    });
    let rb = Rulebook::from_sources(Sources::read(&rules).unwrap()).unwrap();
    let mut writer = JsonLine::default();
    for (name, answers) in golden_answers(&rb) {
        for audience in [Audience::Patient, Audience::Consultant] {
            let s = screen_with(&rb, &answers, audience, Detail::BRIEF);
            assert!(s.disclaimer.contains('\u{202e}'), "the copy is not hostile");
            same(&mut writer, &s, &name);
        }
    }
}

/// One result refilled with another rulebook's results (the same rulebook in another
/// language has the same content hash) carries that rulebook's identity and words.
#[test]
fn a_result_refilled_across_rulebooks_is_the_one_built_afresh() {
    let (en, it) = (rulebook_in("en"), rulebook_in("it"));
    let answers = Answers::from_json_value(&en, &serde_json::json!({"age": 40})).unwrap();
    let mut kept = Screening::blank(&en, Audience::Patient);
    let mut scratch = OutlineScratch::default();
    for rb in [&en, &it, &en] {
        for detail in [Detail::BRIEF, Detail::FULL, Detail::FULL] {
            refilled(&mut kept, &mut scratch, rb, &answers, Audience::Patient, detail).unwrap();
        }
    }
    assert_eq!(
        kept.rulebook.sha256, it.sha256,
        "the test needs two rulebooks of one content"
    );
}

/// A writer reused for another rulebook's results writes that rulebook's identity and
/// words.
#[test]
fn a_writer_reused_across_rulebooks_and_voices_writes_each_ones_identity() {
    let (en, it) = (rulebook_in("en"), rulebook_in("it"));
    let answers = Answers::from_json_value(&en, &serde_json::json!({"age": 40})).unwrap();
    let mut writer = JsonLine::default();
    for audience in [Audience::Patient, Audience::Consultant, Audience::Patient] {
        // Explained too: the parts of explanations the writer keeps (each question's, by
        // id) differ between languages and voices.
        for detail in [Detail::BRIEF, Detail::FULL] {
            same(&mut writer, &screen_with(&en, &answers, audience, detail), "en");
            same(&mut writer, &screen_with(&it, &answers, audience, detail), "it");
        }
    }
}

/// Refills `kept` with the result of `answers` and asserts it is the one built afresh.
fn refilled<'a>(
    kept: &mut Screening<'a>,
    scratch: &mut OutlineScratch,
    rb: &'a Rulebook,
    answers: &Answers,
    audience: Audience,
    detail: Detail,
) -> Result<(), TestCaseError> {
    let eval = evaluate(rb, answers);
    screen_evaluated_into(kept, rb, answers, &eval, audience, detail, scratch);
    let fresh = screen_with(rb, answers, audience, detail);
    prop_assert_eq!(&*kept, &fresh);
    Ok(())
}

/// An explanation built with traced tests kept from earlier ones, or refilled over the one
/// before, is the one built from nothing (`explain`, which keeps nothing).
#[test]
fn explanations_reusing_earlier_ones_are_the_ones_built_from_nothing() {
    use smp_screen::explain::{TraceMemo, explain, explain_into, explain_reusing};
    for code in ["en", "it"] {
        let rb = rulebook_in(code);
        let cases = golden_answers(&rb);
        for audience in [Audience::Patient, Audience::Consultant] {
            let (mut memo, mut kept) = (TraceMemo::default(), None);
            for (name, answers) in cases.iter().chain(cases.iter().rev()) {
                let eval = evaluate(&rb, answers);
                let fresh = explain(&rb, answers, &eval, audience);
                let reused = explain_reusing(&rb, answers, &eval, audience, &mut memo);
                assert_eq!(reused, fresh, "{name} ({code}, {audience:?}): with traced tests kept");
                let kept = kept.get_or_insert_with(|| fresh.clone());
                explain_into(kept, &rb, answers, &eval, audience, &mut memo);
                assert_eq!(*kept, fresh, "{name} ({code}, {audience:?}): refilled");
            }
        }
    }
}

/// A memo kept while a translation is applied to its rulebook in place (same address, same
/// content hash) forgets what it worded before, even when the language stays the same
/// (here Italian texts applied as an English rewording, so the code and the tool's own
/// words stay English).
#[test]
fn a_trace_memo_forgets_its_wording_when_the_rulebook_is_translated_in_place() {
    use smp_screen::explain::{TraceMemo, explain, explain_reusing};
    let mut rb = rulebook_in("en");
    let cases = golden_answers(&rb);
    let mut memo = TraceMemo::default();
    for (_, answers) in &cases {
        explain_reusing(&rb, answers, &evaluate(&rb, answers), Audience::Patient, &mut memo);
    }
    let file = locale::parse(Locales::embedded().find("it").unwrap()).unwrap();
    locale::apply(&mut rb, "en", Some(&file));
    for (name, answers) in &cases {
        let eval = evaluate(&rb, answers);
        let fresh = explain(&rb, answers, &eval, Audience::Patient);
        let reused = explain_reusing(&rb, answers, &eval, Audience::Patient, &mut memo);
        assert_eq!(reused, fresh, "{name}: English wording kept after the translation");
    }
}

#[test]
fn a_result_refilled_row_after_row_is_the_one_built_afresh() {
    for code in ["en", "it"] {
        let rb = rulebook_in(code);
        let mut cases = golden_answers(&rb);
        // Forwards, then backwards: each case follows a different one.
        let backwards: Vec<_> = cases.iter().rev().cloned().collect();
        cases.extend(backwards);
        for audience in [Audience::Patient, Audience::Consultant] {
            let mut kept = Screening::blank(&rb, audience);
            let mut scratch = OutlineScratch::default();
            for (n, (name, answers)) in cases.iter().enumerate() {
                // Runs of explained rows (each refilling the explanation of the one before
                // and reusing traced tests), and plain rows between them.
                let detail = if n % 7 < 3 { Detail::FULL } else { Detail::BRIEF };
                if let Err(e) = refilled(&mut kept, &mut scratch, &rb, answers, audience, detail) {
                    panic!("{name} ({code}, {audience:?}): {e}");
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_answer_sets_one_after_another_refill_a_result_as_built_afresh(
        seeds in proptest::collection::vec(any::<u64>(), 64),
        missing in 0u8..60,
        gaps in proptest::collection::vec(0u8..100, 64),
        more in proptest::collection::vec(0u8..100, 64),
    ) {
        let rb = english();
        let first = common::generate::answers(rb, &seeds, &common::generate::gaps(&gaps, missing), 2);
        let second = common::generate::answers(rb, &seeds[1..], &common::generate::gaps(&more, 60 - missing), 2);
        for audience in [Audience::Patient, Audience::Consultant] {
            let mut kept = Screening::blank(rb, audience);
            let mut scratch = OutlineScratch::default();
            // A patient's results explained (what-if for a consultant is slow to build in
            // a debug build, and the explanation is the same code for both voices).
            let detail = if audience == Audience::Patient { Detail::FULL } else { Detail::BRIEF };
            for answers in [&first, &second, &first] {
                refilled(&mut kept, &mut scratch, rb, answers, audience, detail)?;
            }
        }
    }

    #[test]
    fn generated_answer_sets_are_written_as_serde_writes_them(
        seeds in proptest::collection::vec(any::<u64>(), 64),
        missing in 0u8..60,
        gaps in proptest::collection::vec(0u8..100, 64),
    ) {
        let rb = english();
        let gaps = common::generate::gaps(&gaps, missing);
        let answers = common::generate::answers(rb, &seeds, &gaps, 2);
        let mut writer = JsonLine::default();
        for audience in [Audience::Patient, Audience::Consultant] {
            same(&mut writer, &screen_with(rb, &answers, audience, Detail::BRIEF), "generated");
        }
    }
}
