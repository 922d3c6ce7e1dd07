//! The reports in Italian and Spanish: whole text reports pinned as snapshots, dates written
//! the local way, and a scan of every golden case's reports (and interview summaries) for
//! English words of the tool's own (a message left in the Rust code, or a translation missing from
//! `locales/CODE/report.ftl`).
//!
//! After an intended change, re-accept and read the diff:
//! `INSTA_UPDATE=always cargo test --test report_languages; git diff tests/snapshots/`.

mod common;

use common::repo;
use smp_screen::answers::Answers;
use smp_screen::audience::Audience;
use smp_screen::report::{self, Context, Report};
use smp_screen::rulebook::Rulebook;
use smp_screen::rulebook::locale::{self, Locales};
use smp_screen::sanitize;
use smp_screen::style::Style;
use std::collections::BTreeMap;
use std::io::Write as _;

/// What `assess` prints for a golden case in `lang`, with a fixed clock and width.
fn assess(case: &str, lang: &str, format: &str, voice: &str) -> String {
    let text = std::fs::read_to_string(repo(&format!("rules/cases/{case}.json"))).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("smp-screen"))
        .args([
            "assess",
            "--answers",
            "-",
            "--format",
            format,
            "--audience",
            voice,
            "--lang",
            lang,
        ])
        .env("SMP_SCREEN_NOW", "2026-11-26T09:30:00Z")
        .env("TZ", "UTC0")
        .env("COLUMNS", "80")
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(doc["answers"].to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn golden_text_reports_in_italian_and_spanish() {
    for (case, voice) in [
        ("15-fresh-strip-scar", "patient"),
        ("07-course-of-loss-unknown", "consultant"),
    ] {
        for lang in ["it", "es"] {
            let output = assess(case, lang, "text", voice);
            let mut settings = insta::Settings::clone_current();
            settings.set_prepend_module_to_snapshot(false);
            settings.set_omit_expression(true);
            settings.set_description(format!(
                "smp-screen assess --format text --audience {voice} --lang {lang}: {case}"
            ));
            settings.bind(|| insta::assert_snapshot!(format!("lang-{lang}.{case}.{voice}.txt"), output));
        }
    }
}

#[test]
fn dates_in_a_handout_are_written_the_local_way() {
    // Screened on 26 November 2026; the fresh scar asks for 6 months' wait.
    let it = assess("15-fresh-strip-scar", "it", "html", "patient");
    assert!(it.contains("<html lang=\"it\">"), "{it}");
    assert!(it.contains("Screening eseguito in data 26 novembre 2026 con"), "{it}");
    assert!(
        it.contains("Ripetere lo screening dal giorno 26 maggio 2027 (tra 6 mesi)."),
        "{it}"
    );
    let es = assess("15-fresh-strip-scar", "es", "html", "consultant");
    assert!(es.contains("<html lang=\"es\">"), "{es}");
    assert!(es.contains("Cribado realizado el 26 de noviembre de 2026 con"), "{es}");
    assert!(
        es.contains("Repita el cribado a partir del 26 de mayo de 2027 (dentro de 6 meses)."),
        "{es}"
    );
    assert!(es.contains("Firma del consultor"), "{es}");
    // English keeps the ISO date.
    let en = assess("15-fresh-strip-scar", "en", "html", "patient");
    assert!(en.contains("Screened on 2026-11-26 with"), "{en}");
    assert!(en.contains("Screen again from 2027-05-26 (in 6 months)."), "{en}");
}

/// The rulebook shown in `code`, with its embedded translation.
fn rulebook_in(code: &str) -> Rulebook {
    let mut rb = Rulebook::embedded().unwrap();
    let locales = Locales::embedded();
    let file = locale::parse(locales.find(code).unwrap()).unwrap();
    locale::apply(&mut rb, code, Some(&file));
    rb
}

/// The messages of one language's report.ftl: id → text, each line of a multi-line
/// message joined with a space.
fn messages(code: &str) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(repo(&format!("locales/{code}/report.ftl"))).unwrap();
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            current = None;
        } else if !line.starts_with(' ')
            && let Some((id, value)) = line.split_once('=')
        {
            let id = id.trim().to_owned();
            out.insert(id.clone(), value.trim().to_owned());
            current = Some(id);
        } else if let Some(id) = &current {
            let entry = out.get_mut(id).unwrap();
            entry.push(' ');
            entry.push_str(line.trim());
        }
    }
    out
}

/// The literal pieces of a message, between its `{ … }` placeables and selector syntax.
fn pieces(message: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut piece = String::new();
    for c in message.chars() {
        match c {
            '{' => {
                depth += 1;
                out.push(std::mem::take(&mut piece));
            }
            '}' => depth -= 1,
            _ if depth == 0 => piece.push(c),
            _ => {}
        }
    }
    out.push(piece);
    out.into_iter()
        .flat_map(|p| {
            p.split(['[', ']', '*'])
                .map(|s| {
                    s.trim_matches(|c: char| c.is_whitespace() || ".,:;()\"".contains(c))
                        .to_owned()
                })
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

#[test]
fn no_english_words_of_the_tool_leak_into_italian_or_spanish_reports() {
    let english = messages("en");
    let cases: Vec<(String, serde_json::Value)> = {
        let mut files: Vec<_> = std::fs::read_dir(repo("rules/cases"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|p| {
                let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
                (p.file_stem().unwrap().to_string_lossy().into_owned(), doc)
            })
            .collect()
    };
    assert!(cases.len() >= 10);
    // One language per thread: the screening of every case is most of the time.
    let scan = |code: &'static str| {
        let translated = messages(code);
        let rb = rulebook_in(code);
        // Phrases of two words or more of the English messages, which must not appear; and
        // short headings and labels, which must not stand alone on a line or in a tag.
        let mut phrases = Vec::new();
        let mut headings = Vec::new();
        for (id, en) in &english {
            assert!(translated.contains_key(id), "locales/{code}/report.ftl lacks {id}");
            // A translation that keeps the English words is a leak too.
            for piece in pieces(en) {
                if piece.contains(' ') && piece.len() >= 10 {
                    phrases.push(piece);
                } else if !en.contains('{') && piece.chars().next().is_some_and(char::is_uppercase) {
                    headings.push(piece);
                }
            }
        }
        assert!(phrases.len() > 100, "{phrases:?}");
        assert!(headings.iter().any(|h| h == "Risks"), "{headings:?}");
        // Every distinct line of every report, with where it was first seen: the risks and
        // advice repeat from case to case, so this is far less text to search.
        let mut lines: BTreeMap<String, String> = BTreeMap::new();
        for (n, (name, doc)) in cases.iter().enumerate() {
            let answers = Answers::from_json_value(&rb, &doc["answers"]).unwrap();
            // What-if costs hundreds of evaluations per case; its few sentences are
            // reached often enough in every fourth case.
            let detail = report::Detail {
                explain: true,
                what_if: n % 4 == 0,
            };
            for audience in [Audience::Patient, Audience::Consultant] {
                let s = report::screen_with(&rb, &answers, audience, detail);
                // The summary that ends an interview, unfitted to any screen.
                let summary = smp_screen::summary::lines(rb.words(), &s, Style::PLAIN, 100_000, 1000, "");
                for line in summary {
                    lines
                        .entry(line)
                        .or_insert_with(|| format!("{name} {audience:?} summary"));
                }
                for explain in [false, true] {
                    let cx = Context {
                        screening: &s,
                        rulebook: &rb,
                        answers: &answers,
                        style: Style::PLAIN,
                        // Unwrapped, so that a phrase is never cut by a line end.
                        width: 100_000,
                        explain,
                    };
                    for (format, r) in [
                        ("text", &report::Text as &dyn Report),
                        ("markdown", &report::Markdown),
                        ("html", &report::Html),
                    ] {
                        let mut out = Vec::new();
                        r.render(&cx, &mut out).unwrap();
                        let mut read = String::from_utf8(out).unwrap();
                        // Sources are citations, kept in the language they were written in.
                        for src in s.fired.iter().filter_map(|f| f.source) {
                            for form in [src.to_owned(), sanitize::markdown(src), sanitize::html(src)] {
                                read = read.replace(&form, "");
                            }
                        }
                        for line in read.lines() {
                            if !lines.contains_key(line) {
                                lines.insert(line.to_owned(), format!("{name} {audience:?} {format}"));
                            }
                        }
                    }
                }
            }
        }
        let mut leaks = BTreeMap::new();
        for (line, origin) in &lines {
            let bare = line.trim().trim_start_matches('#').trim().trim_end_matches(':');
            for p in phrases.iter().filter(|p| line.contains(p.as_str())) {
                leaks.entry(p.clone()).or_insert_with(|| format!("{origin}: {line}"));
            }
            for h in &headings {
                if bare == h || line.contains(&format!(">{h}<")) || line.contains(&format!(">{h}:<")) {
                    leaks.entry(h.clone()).or_insert_with(|| format!("{origin}: {line}"));
                }
            }
        }
        assert!(leaks.is_empty(), "English words in {code} reports: {leaks:#?}");
    };
    std::thread::scope(|scope| {
        let it = scope.spawn(|| scan("it"));
        scan("es");
        if let Err(e) = it.join() {
            std::panic::resume_unwind(e);
        }
    });
}

#[test]
fn plural_forms_follow_the_language() {
    use smp_screen::i18n::{Arg, Words};
    let say = |code: &str, id: &str, n: usize| Words::new(code).get(id, &[("count", Arg::from(n))]);
    let cases = [
        (
            "en",
            "report-summary-more-advice",
            "1 more piece of advice in the full report",
            "3 more pieces of advice in the full report",
        ),
        (
            "it",
            "report-summary-more-advice",
            "ancora 1 indicazione nel referto completo",
            "ancora 3 indicazioni nel referto completo",
        ),
        (
            "es",
            "report-summary-more-advice",
            "1 recomendación más en el informe completo",
            "3 recomendaciones más en el informe completo",
        ),
        ("it", "report-wait-weeks", "1 settimana", "3 settimane"),
        ("es", "report-wait-months", "1 mes", "3 meses"),
    ];
    for (code, id, one, many) in cases {
        assert_eq!(say(code, id, 1), one, "{code} {id}");
        assert_eq!(say(code, id, 3), many, "{code} {id}");
    }
    // The headline through a whole provisional report: 48 or 49 questions are "many" in
    // both languages, and the count is the same as in English.
    let rb = rulebook_in("it");
    let answers = Answers::from_json_value(&rb, &serde_json::json!({"age": 40})).unwrap();
    let s = report::screen_with(&rb, &answers, Audience::Patient, report::Detail::BRIEF);
    let english = Rulebook::embedded().unwrap();
    let en = report::screen_with(&english, &answers, Audience::Patient, report::Detail::BRIEF);
    let n = en
        .headline
        .split_whitespace()
        .find_map(|w| w.parse::<usize>().ok())
        .unwrap();
    assert_eq!(
        s.headline,
        format!("Non completo: da IDONEO a NON IDONEO, a seconda di {n} domande senza risposta")
    );
    assert_eq!((s.verdict, s.ink, s.worst_case), (en.verdict, en.ink, en.worst_case));
}
