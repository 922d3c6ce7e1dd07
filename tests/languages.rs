//! Languages: rulebook translations (stale, missing, unknown keys, fallback), `--lang` and
//! the system locale, `rules translate`, and results that do not depend on the language.

mod common;

use common::{repo, smp};
use predicates::prelude::*;
use proptest::prelude::*;
use serde_json::Value as Json;
use smp_screen::answers::{Answers, Slot, Value};
use smp_screen::audience::Audience;
use smp_screen::report::screen;
use smp_screen::rulebook::locale::{self, Entry, LocaleFile};
use smp_screen::rulebook::{QuestionKind, Rulebook, texts};
use std::path::Path;
use std::sync::OnceLock;

/// A copy of the small test rulebook and its Italian translation in a fresh folder.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo("tests/data/lang/rulebook.json"), dir.path().join("rulebook.json")).unwrap();
    std::fs::create_dir(dir.path().join("locales")).unwrap();
    std::fs::copy(
        repo("tests/data/lang/locales/it.json"),
        dir.path().join("locales/it.json"),
    )
    .unwrap();
    dir
}

fn edit_json(path: &Path, f: impl FnOnce(&mut Json)) {
    let mut doc: Json = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    f(&mut doc);
    std::fs::write(path, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
}

fn check_json(dir: &Path, lang: &str) -> (i32, Vec<Json>) {
    let out = smp()
        .args(["rules", "check", "--format", "json", "--lang", lang])
        .arg(dir.join("rulebook.json"))
        .output()
        .unwrap();
    let doc: Json = serde_json::from_slice(&out.stdout).unwrap();
    let diags = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"].as_str().unwrap().starts_with("locale-"))
        .cloned()
        .collect();
    (out.status.code().unwrap(), diags)
}

#[test]
fn a_complete_translation_passes_the_strict_check() {
    let dir = fixture();
    let (code, diags) = check_json(dir.path(), "it");
    assert_eq!(code, 0, "{diags:#?}");
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn editing_one_english_text_makes_exactly_that_translation_stale() {
    let dir = fixture();
    edit_json(&dir.path().join("rulebook.json"), |doc| {
        doc["risks"][0]["text"] = "A raised, growing scar may form where the needle went.".into();
    });
    let (code, diags) = check_json(dir.path(), "it");
    assert_eq!(code, 4);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    let d = &diags[0];
    assert_eq!(d["code"], "locale-stale");
    assert_eq!(d["level"], "error");
    assert!(d["message"].as_str().unwrap().contains("`risk/keloid/text`"));
    let help = d["help"].as_str().unwrap();
    // Both texts, the old English and the fingerprint to write.
    assert!(help.contains("A raised, growing scar may form"), "{help}");
    assert!(help.contains("English then: \"A raised scar may form"), "{help}");
    assert!(help.contains("Dove è passato l'ago"), "{help}");
    assert!(help.contains(&locale::fingerprint(
        "A raised, growing scar may form where the needle went."
    )));
    assert!(d["file"].as_str().unwrap().ends_with("it.json"));
    assert!(d["line"].as_u64().unwrap() > 1);
    // Without --lang the stale text is a warning and the check passes.
    let out = smp()
        .args(["rules", "check"])
        .arg(dir.path().join("rulebook.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("warning: the Italian text of `risk/keloid/text` is stale"));
}

#[test]
fn missing_texts_are_errors_in_the_strict_check_and_one_warning_otherwise() {
    let dir = fixture();
    let it = dir.path().join("locales/it.json");
    edit_json(&it, |doc| {
        let texts = doc["texts"].as_object_mut().unwrap();
        texts.remove("question/keloid/prompt");
        texts["advice/touch-ups/text"]["text"] = "".into();
    });
    let (code, diags) = check_json(dir.path(), "it");
    assert_eq!(code, 4);
    let out = smp()
        .args(["rules", "check", "--format", "json"])
        .arg(dir.path().join("rulebook.json"))
        .output()
        .unwrap();
    let doc: Json = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc["translations"],
        serde_json::json!([{"language": "it", "declared": true, "texts": 22, "current": 20, "stale": 0, "missing": 2}])
    );
    let keys: Vec<&str> = diags.iter().map(|d| d["message"].as_str().unwrap()).collect();
    assert_eq!(diags.len(), 2, "{keys:#?}");
    assert!(diags.iter().all(|d| d["code"] == "locale-missing"));
    assert!(keys[0].contains("question/keloid/prompt") || keys[1].contains("question/keloid/prompt"));
    // A missing text points at the English it should translate.
    let prompt = diags
        .iter()
        .find(|d| d["message"].as_str().unwrap().contains("prompt"))
        .unwrap();
    assert!(prompt["file"].as_str().unwrap().ends_with("rulebook.json"));
    let out = smp()
        .args(["rules", "check"])
        .arg(dir.path().join("rulebook.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("2 of the rulebook's 22 texts have no Italian translation"),
        "{text}"
    );
}

#[test]
fn an_unknown_key_is_an_error_with_a_suggestion() {
    let dir = fixture();
    edit_json(&dir.path().join("locales/it.json"), |doc| {
        doc["texts"]["question/keloid/promt"] = serde_json::json!({"fingerprint": "x", "text": "y"});
    });
    let out = smp()
        .args(["rules", "check"])
        .arg(dir.path().join("rulebook.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("error: the rulebook has no text `question/keloid/promt`"),
        "{text}"
    );
    assert!(text.contains("did you mean `question/keloid/prompt`?"), "{text}");
    assert!(text.contains("it.json:"), "{text}");
}

#[test]
fn a_declared_language_needs_its_file() {
    let dir = fixture();
    std::fs::remove_file(dir.path().join("locales/it.json")).unwrap();
    let out = smp()
        .args(["rules", "check"])
        .arg(dir.path().join("rulebook.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stdout).contains("the rulebook declares Italian but"));
}

#[test]
fn rules_print_and_assess_speak_the_chosen_language() {
    let dir = fixture();
    let rb = dir.path().join("rulebook.json");
    smp()
        .args(["rules", "print", "--lang", "it"])
        .arg(&rb)
        .assert()
        .success()
        .stdout(predicate::str::contains("## La tua pelle"))
        .stdout(predicate::str::contains("Hai mai avuto una cicatrice cheloidea?"))
        .stdout(predicate::str::contains(
            "Anamnesi di cicatrici cheloidee (`keloid-history`)",
        ));
    // The system's language when no --lang is given; English labels still name options.
    smp()
        .env("LANG", "it_IT.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .args([
            "assess",
            "--set",
            "keloid=yes",
            "--set",
            "permanence=I would like it to fade",
            "--rules",
        ])
        .arg(&rb)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Dove è passato l'ago può formarsi una cicatrice in rilievo.",
        ))
        .stderr(predicate::str::is_empty());
    // A set LC_ALL wins over LANG.
    smp()
        .env("LANG", "it_IT.UTF-8")
        .env("LC_ALL", "C")
        .args(["rules", "print"])
        .arg(&rb)
        .assert()
        .success()
        .stdout(predicate::str::contains("Have you ever had a keloid scar?"));
}

#[test]
fn a_stale_or_missing_text_falls_back_to_english_said_once() {
    let dir = fixture();
    let rb = dir.path().join("rulebook.json");
    edit_json(&rb, |doc| {
        doc["risks"][0]["text"] = "A raised scar may form where the needle went in.".into();
        doc["advice"][0]["text"] = "Fading ink needs a touch-up every few years.".into();
    });
    let out = smp()
        .args([
            "assess",
            "--set",
            "keloid=yes",
            "--set",
            "permanence=fading",
            "--lang",
            "it",
            "--rules",
        ])
        .arg(&rb)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Never the stale translation: the English it no longer matches is shown instead.
    assert!(
        stdout.contains("A raised scar may form where the needle went in."),
        "{stdout}"
    );
    assert!(!stdout.contains("Dove è passato l'ago"), "{stdout}");
    assert!(stdout.contains("Cheloide"), "{stdout}");
    assert_eq!(
        stderr.trim(),
        "2 testi del regolamento lang-test non hanno una traduzione aggiornata in italiano; vengono mostrati in inglese."
    );
    // A language the rulebook lacks but the tool has: English texts, the notice in Spanish.
    let out = smp()
        .args(["rules", "print", "--lang", "es"])
        .arg(&rb)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Have you ever had a keloid scar?"));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "22 textos del reglamento lang-test no tienen una traducción al día en español; se muestran en inglés."
    );
}

#[test]
fn an_unknown_language_is_a_usage_error_listing_those_there_are() {
    smp()
        .args(["assess", "--set", "age=40", "--lang", "xx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error: there is no language `xx`; available: en, es, it",
        ));
    // A system language the tool lacks is no error: English.
    smp()
        .env("LANG", "de_DE.UTF-8")
        .env_remove("LC_ALL")
        .args(["rules", "print"])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
}

#[test]
fn translate_writes_a_skeleton_keeping_good_translations() {
    let dir = fixture();
    let rb = dir.path().join("rulebook.json");
    edit_json(&rb, |doc| {
        doc["risks"][0]["text"] = "A raised scar may form where the needle went in.".into();
        doc["questions"][0]["help_consultant"] = "Keloid diathesis: needling may induce keloids.".into();
    });
    let out = smp()
        .args(["rules", "translate", "--lang", "it"])
        .arg(&rb)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("21 traduzioni mantenute, 2 testi da tradurre (di cui 1 non aggiornati)"),
        "{stderr}"
    );
    let file: LocaleFile =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("locales/it.json")).unwrap()).unwrap();
    assert_eq!(file.texts.len(), 23);
    let stale = &file.texts["risk/keloid/text"];
    assert_eq!(stale.text, "");
    assert_eq!(
        stale.fingerprint,
        locale::fingerprint("A raised scar may form where the needle went in.")
    );
    let previous = stale.previous.as_ref().unwrap();
    assert_eq!(
        previous.text,
        "Dove è passato l'ago può formarsi una cicatrice in rilievo."
    );
    assert_eq!(
        previous.english.as_deref(),
        Some("A raised scar may form where the needle went.")
    );
    let new = &file.texts["question/keloid/help_consultant"];
    assert_eq!(
        new.english.as_deref(),
        Some("Keloid diathesis: needling may induce keloids.")
    );
    assert_eq!(
        file.texts["question/keloid/prompt"].text,
        "Hai mai avuto una cicatrice cheloidea?"
    );
    // The translator fills the two texts; the strict check then passes.
    edit_json(&dir.path().join("locales/it.json"), |doc| {
        doc["texts"]["risk/keloid/text"]["text"] = "Dove è entrato l'ago può formarsi una cicatrice in rilievo.".into();
        doc["texts"]["question/keloid/help_consultant"]["text"] =
            "Diatesi cheloidea: l'ago può indurre cheloidi.".into();
    });
    let (code, diags) = check_json(dir.path(), "it");
    assert_eq!((code, diags.len()), (0, 0), "{diags:#?}");
    let again = smp()
        .args(["rules", "translate", "--lang", "it"])
        .arg(&rb)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&again.stderr).contains("è completo"));
}

#[test]
fn translate_needs_a_language_and_a_folder() {
    smp().args(["rules", "translate", "--lang", "it"]).assert().code(2);
    smp()
        .args(["rules", "translate"])
        .arg(repo("tests/data/lang/rulebook.json"))
        .assert()
        .code(2);
}

// Results do not depend on the language.

fn english() -> &'static Rulebook {
    static RB: OnceLock<Rulebook> = OnceLock::new();
    RB.get_or_init(|| Rulebook::embedded().unwrap())
}

/// The default rulebook in a made-up language where every text reads differently.
fn translated() -> &'static Rulebook {
    static RB: OnceLock<Rulebook> = OnceLock::new();
    RB.get_or_init(|| {
        let mut file = LocaleFile {
            language: "it".into(),
            ..LocaleFile::default()
        };
        for (key, _, english) in texts::list(english()) {
            let text = format!("«{}»", english.chars().rev().collect::<String>());
            file.texts.insert(
                key,
                Entry {
                    fingerprint: locale::fingerprint(&english),
                    text,
                    ..Entry::default()
                },
            );
        }
        let mut rb = Rulebook::embedded().unwrap();
        let applied = locale::apply(&mut rb, "it", Some(&file));
        assert_eq!(applied.fallback, 0);
        rb
    })
}

#[test]
fn every_text_is_translated_and_nothing_else_changes() {
    let (en, it) = (english(), translated());
    assert_eq!(it.language, "it");
    assert_eq!(en.sha256, it.sha256);
    for (a, b) in en.questions.iter().zip(&it.questions) {
        assert_eq!(a.id, b.id);
        assert_ne!(a.prompt, b.prompt);
        for (x, y) in a.options.iter().zip(&b.options) {
            assert_eq!(x.value, y.value);
            assert_ne!(x.label, y.label);
        }
    }
    for (a, b) in en.rules.iter().zip(&it.rules) {
        assert_eq!((&a.id, a.verdict, &a.source), (&b.id, b.verdict, &b.source));
        assert_ne!(a.title, b.title);
    }
}

fn answers(rb: &Rulebook, seeds: &[u64], keep: &[bool]) -> Answers {
    let mut a = Answers::none_for(rb);
    for (q, question) in rb.questions.iter().enumerate() {
        let seed = seeds[q];
        if !keep[q] {
            a.set(
                q,
                if seed.is_multiple_of(2) {
                    Slot::DontKnow
                } else {
                    Slot::Missing
                },
            );
            continue;
        }
        let n = question.options.len().max(1) as u64;
        let value = match question.kind {
            QuestionKind::Single => Value::Choice((seed % n) as u16),
            QuestionKind::Multiple => Value::Multi(1u64 << (seed % n)),
            QuestionKind::YesNo => Value::Bool(seed & 1 == 1),
            QuestionKind::Number => {
                let (lo, hi) = (question.min.unwrap_or(0.0), question.max.unwrap_or(120.0));
                Value::Number(lo + (seed % ((hi - lo) as u64 + 1)) as f64)
            }
        };
        a.set(q, Slot::Given(value));
    }
    a
}

fn outcome(v: &Json) -> Json {
    let ids = |key: &str, id: &str| -> Json {
        v[key]
            .as_array()
            .map(|items| items.iter().map(|i| i[id].clone()).collect())
            .unwrap_or_default()
    };
    let severities: Json = v["risks"]
        .as_array()
        .map(|items| items.iter().map(|i| i["severity"].clone()).collect())
        .unwrap_or_default();
    serde_json::json!({
        "verdict": v["verdict"], "ink": v["ink"], "provisional": v["provisional"],
        "worst_case": v["worst_case"], "status": v["status"],
        "risks": ids("risks", "id"), "severities": severities, "advice": ids("advice", "id"),
        "fired": ids("fired", "rule"), "possible": ids("possible", "rule"),
        "keys": v.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()),
    })
}

fn seeds_and_mask() -> impl Strategy<Value = (Vec<u64>, Vec<bool>)> {
    let n = english().questions.len();
    (
        proptest::collection::vec(any::<u64>(), n),
        proptest::collection::vec(proptest::bool::weighted(0.85), n),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_outcome_is_the_same_in_every_language((seeds, keep) in seeds_and_mask(), consultant in any::<bool>()) {
        let audience = if consultant { Audience::Consultant } else { Audience::Patient };
        let (en, it) = (english(), translated());
        let a = answers(en, &seeds, &keep);
        let e = serde_json::to_value(screen(en, &a, audience)).unwrap();
        let i = serde_json::to_value(screen(it, &a, audience)).unwrap();
        prop_assert_eq!(outcome(&e), outcome(&i));
        prop_assert!(smp_screen::record::result_differences(&e, &i).is_empty());
    }
}

#[test]
fn answers_name_options_by_their_english_labels_in_every_language() {
    let (en, it) = (english(), translated());
    let q = en
        .questions
        .iter()
        .position(|q| q.kind == QuestionKind::Single)
        .unwrap();
    let question = &en.questions[q];
    let label = &question.options[1].label;
    let text = serde_json::json!({ question.id.clone(): label }).to_string();
    let a = Answers::from_json(en, &text).unwrap();
    let b = Answers::from_json(it, &text).unwrap();
    assert_eq!(a.to_json(en), b.to_json(it));
}

#[test]
fn records_keep_the_language_and_the_handout_carries_it() {
    let dir = fixture();
    let rb = dir.path().join("rulebook.json");
    let record = dir.path().join("record.json");
    let page = dir.path().join("handout.html");
    smp()
        .args([
            "assess",
            "--set",
            "keloid=no",
            "--set",
            "permanence=lasting",
            "--lang",
            "it",
            "--rules",
        ])
        .arg(&rb)
        .arg("--save")
        .arg(&record)
        .arg("--save-html")
        .arg(&page)
        .assert()
        .success();
    let saved: Json = serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    assert_eq!(saved["language"], "it");
    assert_eq!(saved["result"]["verdict"], "suitable");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("<html lang=\"it\">"), "{html}");
    assert!(html.contains("Un aiuto allo screening, non un parere medico."));
    // A record from before languages were recorded reads as English.
    let mut old = saved.clone();
    old.as_object_mut().unwrap().remove("language");
    let parsed: smp_screen::record::Record = serde_json::from_value(old).unwrap();
    assert_eq!(parsed.language, "en");
    let out = smp()
        .args(["rules", "print", "--format", "html", "--lang", "it"])
        .arg(&rb)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("<html lang=\"it\">"));
}

#[test]
fn batch_reads_english_headers_and_labels_in_every_language() {
    let dir = fixture();
    let rb = dir.path().join("rulebook.json");
    let csv = dir.path().join("in.csv");
    // "Keloid" and "Permanence" are the English short names; the label is English too.
    std::fs::write(&csv, "Keloid,Permanence\nyes,I would like it to fade\nno,lasting\n").unwrap();
    let run = |lang: &str| {
        let out = smp()
            .args([
                "batch",
                "--input-format",
                "csv",
                "--detail",
                "compact",
                "--lang",
                lang,
                "--rules",
            ])
            .arg(&rb)
            .arg(&csv)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let (en, it) = (run("en"), run("it"));
    let verdicts = |s: &str| -> Vec<(Json, Json)> {
        s.lines()
            .map(|l| serde_json::from_str::<Json>(l).unwrap())
            .map(|v| (v["verdict"].clone(), v["ink"].clone()))
            .collect()
    };
    assert_eq!(verdicts(&en), verdicts(&it));
    assert_eq!(verdicts(&en)[0].0, "refer");
}

#[test]
fn the_batch_summary_speaks_the_language_with_its_plurals() {
    let summary = |lang: &str, rows: &str| {
        let out = smp()
            .args(["batch", "-", "--detail", "compact", "--lang", lang])
            .write_stdin(rows)
            .output()
            .unwrap();
        String::from_utf8(out.stderr).unwrap().trim().to_owned()
    };
    let three = "{\"age\":40}\n{\"age\":30,\"sex\":\"male\"}\n{\"bad\":1}\n";
    assert_eq!(
        summary("en", three),
        "3 rows: 2 screened, 1 failed; suitable 2, caution 0, refer 0, unsuitable 0; 2 not complete (failed lines: 3)"
    );
    assert_eq!(
        summary("it", three),
        "3 righe: 2 valutate, 1 non riuscita; idoneo 2, cautela 0, invio al medico 0, non idoneo 0; 2 non complete (righe non riuscite: 3)"
    );
    assert_eq!(
        summary("es", three),
        "3 filas: 2 evaluadas, 1 fallida; apto 2, precaución 0, derivar al médico 0, no apto 0; 2 incompletas (filas fallidas: 3)"
    );
    let one = "{\"age\":40}\n";
    assert!(
        summary("en", one).starts_with("1 row: 1 screened, 0 failed;"),
        "{}",
        summary("en", one)
    );
    assert!(
        summary("it", one).starts_with("1 riga: 1 valutata, 0 non riuscite;"),
        "{}",
        summary("it", one)
    );
    assert!(
        summary("es", one).starts_with("1 fila: 1 evaluada, 0 fallidas;"),
        "{}",
        summary("es", one)
    );
}

#[test]
fn a_broken_locale_file_is_a_located_error_never_a_panic() {
    let dir = fixture();
    let rb = dir.path().join("rulebook.json");
    std::fs::write(
        dir.path().join("locales/it.json"),
        "{\"language\": \"it\", \"texts\": {\"rulebook/title\": {\"text\": 3}}}",
    )
    .unwrap();
    let out = smp()
        .args(["assess", "--set", "keloid=no", "--lang", "it", "--rules"])
        .arg(&rb)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("it.json:1:"), "{stderr}");
    assert!(stderr.contains("texts.rulebook/title.text"), "{stderr}");
    let out = smp().args(["rules", "check"]).arg(&rb).output().unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stdout).contains("invalid type: integer `3`, expected a string"));
    // The language a file says it holds must be the one its name gives.
    std::fs::write(
        dir.path().join("locales/it.json"),
        "{\"language\": \"es\", \"texts\": {}}",
    )
    .unwrap();
    let out = smp().args(["rules", "check"]).arg(&rb).output().unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert!(String::from_utf8_lossy(&out.stdout).contains("this file is named for `it` but says it holds `es`"));
}

#[test]
fn every_language_the_default_rulebook_declares_is_complete() {
    let rb = english();
    let locales = smp_screen::rulebook::locale::Locales::embedded();
    // Without --lang: no errors (unknown keys, broken files, a declared language without
    // its file); with it, for each declared language, no missing or stale text either.
    let errors = |strict: Option<&str>| -> Vec<String> {
        locale::check(rb, &locales, strict)
            .into_iter()
            .filter(|d| d.level == smp_screen::rulebook::Level::Error)
            .map(|d| d.to_string())
            .collect()
    };
    assert_eq!(errors(None), Vec::<String>::new());
    for code in &rb.identity.languages {
        assert_eq!(errors(Some(code)), Vec::<String>::new(), "{code}");
    }
}
