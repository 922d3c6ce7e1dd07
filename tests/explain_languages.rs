//! Explanations and the printed rulebook in Italian and Spanish: the HOW traces, the
//! "what would change this" labels and the conditions in words of a golden case, pinned
//! as snapshots of their own; plural forms; and `rules print --lang it|es` with none of
//! the English frame words left.
//!
//! Re-accept the snapshots after an intended change of wording with
//! `INSTA_UPDATE=always cargo test --test explain_languages` and read the diff.

mod common;

use common::{repo, smp};
use smp_screen::answers::Answers;
use smp_screen::audience::Audience;
use smp_screen::engine::evaluate;
use smp_screen::explain::{explain, what_if};
use smp_screen::i18n::{Arg, Words};
use smp_screen::rulebook::Rulebook;
use smp_screen::rulebook::locale::{self, Locales};
use smp_screen::tooling::cases;

/// The default rulebook shown in `code`, with its shipped translation.
fn shown_in(code: &str) -> Rulebook {
    let mut rb = Rulebook::embedded().unwrap();
    let locales = Locales::embedded();
    let file = locales.find(code).map(|f| locale::parse(f).unwrap());
    let applied = locale::apply(&mut rb, code, file.as_ref());
    assert_eq!(applied.fallback, 0, "the shipped {code} translation is incomplete");
    rb
}

fn case_answers(rb: &Rulebook, name: &str, drop: &[&str]) -> Answers {
    let text = std::fs::read_to_string(repo(&format!("rules/cases/{name}.json"))).unwrap();
    let mut case = cases::parse(&text).unwrap();
    for q in drop {
        case.answers.remove(*q);
    }
    Answers::from_json_value(rb, &serde_json::Value::Object(case.answers)).unwrap()
}

/// Every traced rule (with what an undecided one would need), every answer change and
/// the condition of every rule that fired, as a person would read them.
fn explanation(rb: &Rulebook, answers: &Answers, audience: Audience) -> String {
    let eval = evaluate(rb, answers);
    let e = explain(rb, answers, &eval, audience);
    let mut out = String::new();
    for t in &e.rules {
        out.push_str(&format!("[{}] {} ({})\n", t.rule, t.title, t.state));
        t.trace.render(&mut out, 2, 88);
        for need in &t.would_need {
            out.push_str(&format!("  ? {need}\n"));
        }
    }
    out.push_str("\nwhat if\n");
    for w in what_if(rb, answers, &eval, audience) {
        let mut line = format!("  {} = {}", w.question, w.label);
        for c in &w.and {
            line.push_str(&format!(" + {} = {}", c.question, c.label));
        }
        out.push_str(&format!("{line} ⇒ {} / {}\n", w.verdict.as_str(), w.ink.as_str()));
    }
    out.push_str("\nconditions\n");
    for t in e.rules.iter().filter(|t| t.state == "fired") {
        let rule = &rb.rules[rb.rule_index(&t.rule).unwrap()];
        out.push_str(&format!(
            "  {}: {}\n",
            t.rule,
            smp_screen::describe::condition(rb, &rule.when, audience)
        ));
    }
    out
}

#[test]
fn a_golden_case_explained_in_italian_to_the_patient() {
    let rb = shown_in("it");
    let answers = case_answers(&rb, "04-young-progressing-undecided", &[]);
    insta::assert_snapshot!(
        "04-young-progressing-undecided.patient.it",
        explanation(&rb, &answers, Audience::Patient)
    );
}

#[test]
fn a_golden_case_explained_in_spanish_to_the_consultant_with_answers_missing() {
    let rb = shown_in("es");
    // Two answers left out, so some rules stay undecided and an "at least" counts
    // unknown parts.
    let answers = case_answers(&rb, "04-young-progressing-undecided", &["hair_loss_trend", "treatment"]);
    insta::assert_snapshot!(
        "04-young-progressing-undecided.consultant.es",
        explanation(&rb, &answers, Audience::Consultant)
    );
}

#[test]
fn the_explanation_in_english_is_unchanged_by_the_translations() {
    // The same words as before the messages moved to Fluent files.
    let rb = Rulebook::embedded().unwrap();
    let answers = case_answers(&rb, "04-young-progressing-undecided", &["hair_loss_trend"]);
    let text = explanation(&rb, &answers, Audience::Consultant);
    assert!(text.contains("✔ age = 23 years, needed at least 18 years"), "{text}");
    assert!(text.contains("hair_loss_trend = not answered, needed one of"), "{text}");
    let text = explanation(&rb, &answers, Audience::Patient);
    assert!(text.contains("(needed: "), "{text}");
}

fn at_least(code: &str, held: usize, unknown: usize) -> String {
    Words::new(code).get(
        "explain-trace-at-least",
        &[
            ("needed", Arg::from(2usize)),
            ("total", Arg::from(3usize)),
            ("held", Arg::from(held)),
            ("unknown", Arg::from(unknown)),
        ],
    )
}

#[test]
fn plural_forms_follow_the_language() {
    assert_eq!(at_least("en", 1, 0), "at least 2 of 3 needed; 1 of 3 held:");
    assert_eq!(at_least("en", 1, 1), "at least 2 of 3 needed; 1 of 3 held, 1 unknown:");
    assert_eq!(at_least("it", 1, 0), "minimo richiesto: 2 su 3; 1 su 3 soddisfatta:");
    assert_eq!(
        at_least("it", 2, 1),
        "minimo richiesto: 2 su 3; 2 su 3 soddisfatte, 1 non nota:"
    );
    assert_eq!(
        at_least("it", 0, 2),
        "minimo richiesto: 2 su 3; 0 su 3 soddisfatte, 2 non note:"
    );
    assert_eq!(
        at_least("es", 1, 1),
        "mínimo necesario: 2 de 3; 1 de 3 cumplida, 1 desconocida:"
    );
    assert_eq!(at_least("es", 2, 0), "mínimo necesario: 2 de 3; 2 de 3 cumplidas:");
    assert_eq!(
        at_least("es", 0, 3),
        "mínimo necesario: 2 de 3; 0 de 3 cumplidas, 3 desconocidas:"
    );
    let recheck = |code: &str, id: &str, n: usize| Words::new(code).get(id, &[("count", Arg::from(n))]);
    assert_eq!(
        recheck("en", "print-effect-recheck-months", 1),
        "screen again after 1 month"
    );
    assert_eq!(
        recheck("en", "print-effect-recheck-months", 6),
        "screen again after 6 months"
    );
    assert_eq!(
        recheck("it", "print-effect-recheck-months", 1),
        "ripetere lo screening dopo 1 mese"
    );
    assert_eq!(
        recheck("it", "print-effect-recheck-months", 6),
        "ripetere lo screening dopo 6 mesi"
    );
    assert_eq!(
        recheck("it", "print-effect-recheck-weeks", 1),
        "ripetere lo screening dopo 1 settimana"
    );
    assert_eq!(
        recheck("es", "print-effect-recheck-weeks", 1),
        "repetir el cribado al cabo de 1 semana"
    );
    assert_eq!(
        recheck("es", "print-effect-recheck-months", 12),
        "repetir el cribado al cabo de 12 meses"
    );
}

/// The English words of the printed form's frame and of conditions in words, each of
/// which `rules print` in another language must not show.
const ENGLISH_FRAME: &[&str] = &[
    "intake form",
    "Rulebook ",
    "review due",
    "not yet reviewed by a clinician",
    "Why we ask",
    "Only if",
    "tick one",
    "tick all that apply",
    "write a number",
    "Answer:",
    "I don't know",
    "Read by rules",
    "Rules for clinical review",
    "Rule",
    "When",
    "Then",
    "Rationale",
    "Source",
    "Evidence",
    "verdict ",
    "risks:",
    "advice:",
    "derives:",
    "screen again",
    "rules out",
    "favours",
    "clinical literature",
    "practitioner opinion",
    "marketing claim",
    " is one of ",
    " is not ",
    " includes ",
    "anything but",
    "at least",
    "at most",
    " under ",
    "from ",
    "above ",
    " and ",
    " or ",
    "always",
    "(high)",
    "(medium)",
    "(low)",
    "Yes",
];

/// The output without the rule table's Source cells: sources are citations, kept as the
/// rulebook gives them (they are not translated texts).
fn without_sources(out: &str) -> String {
    out.lines()
        .map(|line| {
            if let Some(row) = line.strip_prefix("<tr><td>") {
                let mut cells: Vec<&str> = row.split("</td><td>").collect();
                if cells.len() == 6 {
                    cells.remove(4);
                }
                cells.join("</td><td>")
            } else if line.starts_with("| `") {
                let mut cells: Vec<&str> = line.split(" | ").collect();
                if cells.len() == 6 {
                    cells.remove(4);
                }
                cells.join(" | ")
            } else {
                line.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn rules_print_in_italian_and_spanish_leaves_no_english_frame_word() {
    let english = smp().args(["rules", "print"]).output().unwrap();
    let english = String::from_utf8(english.stdout).unwrap();
    // Each word checked is one the English form does show.
    for word in ENGLISH_FRAME {
        assert!(english.contains(word), "the English form lacks {word:?}");
    }
    for lang in ["it", "es"] {
        for format in ["markdown", "html"] {
            for audience in ["patient", "consultant"] {
                let out = smp()
                    .args([
                        "rules",
                        "print",
                        "--lang",
                        lang,
                        "--format",
                        format,
                        "--audience",
                        audience,
                    ])
                    .output()
                    .unwrap();
                assert!(out.status.success());
                assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
                let text = without_sources(&String::from_utf8(out.stdout).unwrap());
                for word in ENGLISH_FRAME {
                    assert!(
                        !text.contains(word),
                        "rules print --lang {lang} --format {format} --audience {audience} shows {word:?}:\n{}",
                        text.lines()
                            .filter(|l| l.contains(word))
                            .take(3)
                            .collect::<Vec<_>>()
                            .join("\n")
                    );
                }
            }
        }
    }
}

#[test]
fn rules_print_in_italian_reads_as_italian() {
    let out = smp().args(["rules", "print", "--lang", "it"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(": modulo di raccolta dati\n"), "{text}");
    assert!(text.contains("non ancora revisionato da un medico"));
    assert!(text.contains("*Perché lo chiediamo:* "));
    assert!(text.contains("- [ ] Non lo so\n"));
    assert!(text.contains("| Regola | Quando | Allora | Motivazione | Fonte | Evidenza |"));
    assert!(text.contains("*Solo se Cicatrici: qualsiasi risposta tranne \"Nessuna cicatrice\".*"));
    assert!(text.contains("esito: invio al medico"));
    let html = smp()
        .args(["rules", "print", "--lang", "es", "--format", "html"])
        .output()
        .unwrap();
    let html = String::from_utf8(html.stdout).unwrap();
    assert!(html.contains("<html lang=\"es\""), "{}", &html[..200]);
    assert!(html.contains("<th>Regla</th><th>Cuándo</th><th>Entonces</th>"));
    assert!(html.contains("<li>No lo sé</li></ul>"));
}

/// A record of golden case 04 whose saved result differs from today's (suitable with
/// either ink, one risk fewer, another rulebook hash), so a replay has changes to tell.
fn altered_record(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    smp()
        .args(["assess", "--answers"])
        .arg(repo("rules/cases/04-young-progressing-undecided.json"))
        .arg("--save")
        .arg(&path)
        .args(["--label", "prova"])
        .assert()
        .success();
    let mut record: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    record["result"]["verdict"] = "suitable".into();
    record["result"]["ink"] = "either".into();
    let risks = record["result"]["risks"].as_array_mut().unwrap();
    assert_eq!(risks.remove(0)["id"], "progression");
    record["rulebook"]["sha256"] = "0".repeat(64).into();
    std::fs::write(&path, record.to_string()).unwrap();
    path
}

fn replay(lang: &str, paths: &[&std::path::Path]) -> String {
    let out = smp().args(["replay", "--lang", lang]).args(paths).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_replayed_record_tells_what_changed_in_italian_and_spanish() {
    let tmp = tempfile::tempdir().unwrap();
    let one = altered_record(tmp.path(), "a.json");
    let it = replay("it", &[&one]);
    for line in [
        "con etichetta",
        "\"prova\".",
        "Il regolamento è cambiato.",
        "La versione è la stessa: è stato modificato senza un nuovo numero di versione.",
        "Risultato cambiato:",
        "  Esito: idoneo -> idoneo con riserva",
        "  Pigmento: riassorbibile o permanente -> riassorbibile",
        "  Stato: completo (invariato)",
        "  Rischio aggiunto: progression (Perdita dei capelli che supera il disegno)",
    ] {
        assert!(it.contains(line), "{line:?} not in:\n{it}");
    }
    let es = replay("es", &[&one]);
    assert!(es.contains("  Resultado: apto -> apto con reservas"), "{es}");
    assert!(es.contains("«prova»"), "{es}");
    let en = replay("en", &[&one]);
    assert!(
        en.contains("  Verdict: suitable -> caution\n  Ink: either -> temporary\n  Status: complete (unchanged)\n")
    );

    // The archive's summary: one record, then several.
    let dir = tmp.path().join("archive");
    std::fs::create_dir(&dir).unwrap();
    std::fs::copy(&one, dir.join("a.json")).unwrap();
    let it = replay("it", &[&dir]);
    assert!(it.contains(": esito idoneo -> idoneo con riserva; pigmento riassorbibile o permanente -> riassorbibile; rischi +progression\n"), "{it}");
    assert!(it.contains("Rielaborato 1 record con smp-default"), "{it}");
    assert!(
        it.contains("Cambiamenti per tipo: esito 1, pigmento 1, rischi 1"),
        "{it}"
    );
    let es = replay("es", &[&dir]);
    assert!(es.contains("Se volvió a evaluar 1 registro con smp-default"), "{es}");
    std::fs::copy(&one, dir.join("b.json")).unwrap();
    let it = replay("it", &[&dir]);
    assert!(
        it.contains("Rielaborati 2 record con smp-default 2.0.0. Risultato cambiato: 2; invariato: 0; illeggibili: 0."),
        "{it}"
    );
    let es = replay("es", &[&dir]);
    assert!(
        es.contains(
            "Se volvieron a evaluar 2 registros con smp-default 2.0.0. Con cambios: 2; sin cambios: 0; ilegibles: 0."
        ),
        "{es}"
    );
    assert!(
        es.contains("Cambios por tipo: resultado 2, pigmento 2, riesgos 2"),
        "{es}"
    );
    let en = replay("en", &[&dir]);
    assert!(
        en.contains("Replayed 2 records with smp-default 2.0.0: 2 changed, 0 unchanged, 0 could not be read."),
        "{en}"
    );
}

/// A trace's shape without its words: each node's value, question and children.
fn shape(node: &smp_screen::explain::TraceNode) -> String {
    let children: Vec<String> = node.children.iter().map(shape).collect();
    format!("{:?}{:?}[{}]", node.value, node.question, children.join(","))
}

/// Everything an explanation says apart from its words: who set the verdict and the ink,
/// each rule's state and traced shape, what an undecided rule waits for (how many tests),
/// and the questions with the rules that read them.
fn skeleton(rb: &Rulebook, answers: &Answers, audience: Audience) -> String {
    let eval = evaluate(rb, answers);
    let e = explain(rb, answers, &eval, audience);
    let rules: Vec<String> = e
        .rules
        .iter()
        .map(|t| format!("{} {} {} {}", t.rule, t.state, shape(&t.trace), t.would_need.len()))
        .collect();
    let questions: Vec<String> = e
        .questions
        .iter()
        .map(|q| {
            format!(
                "{} {:?}",
                q.question,
                q.read_by.iter().map(|r| &r.rule).collect::<Vec<_>>()
            )
        })
        .collect();
    format!(
        "{:?} {:?} {:?}\n{:?} {:?} {:?}\n{}\n{}",
        e.verdict.value,
        e.verdict.set_by,
        e.verdict.overrode,
        e.ink.value,
        e.ink.set_by,
        e.ink.overrode,
        rules.join("\n"),
        questions.join("\n")
    )
}

#[test]
fn explanations_say_the_same_in_every_language_for_every_golden_case() {
    let english = Rulebook::embedded().unwrap();
    let others = [shown_in("it"), shown_in("es")];
    let mut compared = 0;
    for case in cases::embedded() {
        let Ok(case) = case.case else { continue };
        let value = serde_json::Value::Object(case.answers);
        let answers = Answers::from_json_value(&english, &value).unwrap();
        for audience in [Audience::Patient, Audience::Consultant] {
            let want = skeleton(&english, &answers, audience);
            for rb in &others {
                // Answers name options by value, so they read the same in every language.
                let theirs = Answers::from_json_value(rb, &value).unwrap();
                assert_eq!(
                    skeleton(rb, &theirs, audience),
                    want,
                    "{} in {}",
                    rb.language,
                    audience.as_str()
                );
            }
            compared += 1;
        }
    }
    assert!(compared >= 100, "only {compared} explanations compared");
}

#[test]
fn what_would_change_the_result_is_the_same_in_every_language() {
    let english = Rulebook::embedded().unwrap();
    let others = [shown_in("it"), shown_in("es")];
    let outline = |rb: &Rulebook, answers: &Answers, audience: Audience| {
        let eval = evaluate(rb, answers);
        what_if(rb, answers, &eval, audience)
            .iter()
            .map(|w| {
                let and: Vec<_> = w.and.iter().map(|c| (&c.question, &c.value)).collect();
                format!("{} {} {:?} {:?} {:?}", w.question, w.value, and, w.verdict, w.ink)
            })
            .collect::<Vec<_>>()
    };
    for name in [
        "04-young-progressing-undecided",
        "07-course-of-loss-unknown",
        "86-several-referral-reasons",
    ] {
        let answers = case_answers(&english, name, &[]);
        for audience in [Audience::Patient, Audience::Consultant] {
            let want = outline(&english, &answers, audience);
            for rb in &others {
                let theirs = case_answers(rb, name, &[]);
                assert_eq!(outline(rb, &theirs, audience), want, "{name} in {}", rb.language);
            }
        }
    }
}
