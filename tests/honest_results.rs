//! Honest results: an incomplete screening is never headlined by a bare verdict, in any
//! format, and says what could still change it; a complete one reads as before.

mod common;

use common::{base_answers, repo, smp};
use serde_json::{Value, json};

/// The example: every safety question answered "I don't know".
fn dont_know() -> Value {
    json!({"age": null, "keloid_history": null, "keloid_family": null, "nape_bumps": null,
           "scalp_conditions": null, "koebner_history": null, "health": null, "allergies": null,
           "tattoo_reaction": null})
}

fn assess(answers: &Value, args: &[&str]) -> String {
    let out = smp()
        .args(["assess", "-a", "-"])
        .args(args)
        .write_stdin(answers.to_string())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

const RANGE: &str = "Not complete: SUITABLE to UNSUITABLE, depending on ";

#[test]
fn dont_know_safety_answers_are_not_complete_in_json() {
    let v: Value = serde_json::from_str(&assess(&dont_know(), &["-f", "json"])).unwrap();
    // The contract keeps its meaning: the verdict from the rules that fired, and the range.
    assert_eq!(
        (v["verdict"].as_str(), v["provisional"].as_bool()),
        (Some("suitable"), Some(true))
    );
    assert_eq!(v["worst_case"]["verdict"], "unsuitable");
    assert_eq!(v["status"], "provisional");
    let headline = v["headline"].as_str().unwrap();
    assert!(
        headline.starts_with(RANGE) && headline.ends_with("unanswered questions"),
        "{headline}"
    );
    let pending = v["pending"].as_array().unwrap();
    let possible = v["possible"].as_array().unwrap();
    assert!(!pending.is_empty() && pending.len() <= possible.len());
    for p in pending {
        assert!(possible.iter().any(|q| q["rule"] == p["rule"]), "{p} is not undecided");
        assert!(!p["decided_by"].as_array().unwrap().is_empty(), "{p}");
        let changes = p["would_give"]["verdict"] != v["verdict"] || p["would_give"]["ink"] != v["ink"];
        assert!(changes, "{p} would change nothing");
    }
    let keloid = pending.iter().find(|p| p["rule"] == "keloid-personal").unwrap();
    assert_eq!(keloid["verdict"], "refer");
    assert_eq!(keloid["ink"], json!([]));
    assert_eq!(keloid["decided_by"], json!(["keloid_history"]));
    // Most severe first.
    let rank = |p: &Value| {
        ["suitable", "caution", "refer", "unsuitable"]
            .iter()
            .position(|v| p["would_give"]["verdict"] == *v)
            .unwrap()
    };
    assert!(pending.windows(2).all(|w| rank(&w[0]) >= rank(&w[1])));
}

#[test]
fn dont_know_safety_answers_are_not_complete_in_text_for_both_readers() {
    for audience in ["patient", "consultant"] {
        let text = assess(&dont_know(), &["--audience", audience]);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[2].starts_with(RANGE), "{audience}:\n{text}");
        assert!(!text.contains("Verdict: SUITABLE"), "{audience}:\n{text}");
        assert!(text.contains("What could still change it:"), "{audience}");
        // Capped, by reason, with how many more there are.
        let bullets = text
            .split("What could still change it:")
            .nth(1)
            .unwrap()
            .lines()
            .skip(1)
            .take_while(|l| l.starts_with("    "))
            .filter(|l| l.trim_start().starts_with('•'))
            .count();
        assert_eq!(bullets, 7, "{audience}: six reasons and an \"and N more\"\n{text}");
        assert!(text.contains("more (see --explain or the JSON output)"), "{audience}");
        assert!(text.contains("See a physician first if"), "{audience}");
        assert!(text.contains("Keloid history"), "{audience}: the answer it hinges on");
    }
}

#[test]
fn dont_know_safety_answers_are_not_complete_in_markdown() {
    let md = assess(&dont_know(), &["-f", "markdown"]);
    let first = md.lines().next().unwrap();
    assert!(first.starts_with(&format!("# SMP screening: {RANGE}")), "{first}");
    assert!(
        !md.contains("# SMP screening: SUITABLE") && !md.contains("**Verdict:** suitable"),
        "{md}"
    );
    assert!(md.contains("**Verdict so far:** suitable (not complete; at worst unsuitable)"));
    assert!(md.contains("**What could still change it:**") && md.contains("- and "));
}

#[test]
fn dont_know_safety_answers_are_not_complete_in_the_handout() {
    for audience in ["patient", "consultant"] {
        let html = assess(&dont_know(), &["-f", "html", "--audience", audience]);
        assert!(html.contains(&format!("<title>SMP screening: {RANGE}")), "{audience}");
        assert!(html.contains("<div class=\"verdict v-provisional\">"), "{audience}");
        assert!(
            html.contains("<span class=\"mark\">◐</span><span class=\"label\">Not complete: SUITABLE to UNSUITABLE")
        );
        assert!(!html.contains('✓'), "{audience}: a provisional result is never ticked");
        assert!(!html.contains("none ink"), "{audience}: inks are named in words");
        assert!(html.contains("What could still change it"), "{audience}");
    }
}

#[test]
fn dont_know_safety_answers_are_not_complete_in_batch() {
    let csv = "age,keloid_history,keloid_family,nape_bumps,scalp_conditions,koebner_history,health,allergies,tattoo_reaction\n\
               ,,,,,,,,\n";
    let out = smp()
        .args(["batch", "-", "--input-format", "csv", "--output-format", "csv"])
        .write_stdin(csv)
        .output()
        .unwrap();
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(&out.stdout[..]);
    let header = reader.headers().unwrap().clone();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(at("status"), at("ink") + 1, "status comes right after ink");
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!((&row[at("verdict")], &row[at("status")]), ("suitable", "provisional"));
    let json: Value = serde_json::from_str(&assess(&dont_know(), &["-f", "json"])).unwrap();
    assert_eq!(
        &row[at("headline")],
        json["headline"].as_str().unwrap(),
        "one headline for every format"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 not complete"));
    let compact = smp()
        .args(["batch", "-", "--detail", "compact"])
        .write_stdin(dont_know().to_string())
        .output()
        .unwrap();
    let record: Value = serde_json::from_slice(&compact.stdout).unwrap();
    assert_eq!(record["status"], "provisional");
}

#[test]
fn two_answers_out_of_forty_six_are_not_complete() {
    let out = smp()
        .args(["assess", "--set", "age=34", "--set", "scars=fut_strip"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().nth(2).unwrap().starts_with(RANGE), "{text}");
}

#[test]
fn a_missing_clipping_answer_says_what_it_changes_and_sends_no_one_to_a_physician() {
    let mut answers = base_answers();
    answers["keep_short"] = Value::Null;
    let text = assess(&answers, &[]).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Not complete: SUITABLE to UNSUITABLE, depending on 1 unanswered question"));
    assert!(
        text.contains("It depends on your answer about Will keep hair clipped."),
        "{text}"
    );
    assert!(!text.contains("See a physician first"), "{text}");
    assert!(!text.contains("Until you know, do not go ahead"), "{text}");
}

#[test]
fn a_complete_result_keeps_its_bare_verdict() {
    let answers = base_answers();
    let v: Value = serde_json::from_str(&assess(&answers, &["-f", "json"])).unwrap();
    assert_eq!(
        (v["status"].as_str(), v["headline"].as_str()),
        (Some("complete"), Some("SUITABLE"))
    );
    assert_eq!(v["pending"], json!([]));
    let text = assess(&answers, &[]);
    assert_eq!(text.lines().nth(2), Some("Verdict: SUITABLE"));
    assert!(!text.contains("Not complete") && !text.contains("What could still change it"));
    let md = assess(&answers, &["-f", "markdown"]);
    assert!(
        md.starts_with("# SMP screening: SUITABLE\n\n**Verdict:** suitable — "),
        "{md}"
    );
    let html = assess(&answers, &["-f", "html"]);
    assert!(html.contains("<span class=\"mark\">✓</span><span class=\"label\">SUITABLE</span>"));
    assert!(html.contains("<title>SMP screening: SUITABLE</title>"));
}

/// Output of the small fixed rulebook in `tests/data/honest.json`, with today's date blanked.
fn honest(answers: Value, args: &[&str]) -> String {
    let rules = repo("tests/data/honest.json");
    let text = assess(&answers, &[&["--rules", rules.to_str().unwrap()][..], args].concat());
    match text.find("Screened on ") {
        Some(i) => format!("{}Screened on YYYY-MM-DD{}", &text[..i], &text[i + 22..]),
        None => text,
    }
}

fn complete() -> Value {
    json!({"age": 40, "sex": "male", "keloid_history": false, "health": ["none"],
           "permanence": "accepts_permanent", "keep_short": true})
}

fn unknown_safety() -> Value {
    json!({"age": 40, "sex": "female", "keloid_history": null, "health": null,
           "permanence": "wants_temporary", "keep_short": true})
}

#[test]
fn snapshots_of_every_format() {
    for (name, answers) in [("complete", complete()), ("unknown-safety", unknown_safety())] {
        for audience in ["patient", "consultant"] {
            for format in ["text", "markdown", "html", "json"] {
                let out = honest(answers.clone(), &["-f", format, "--audience", audience]);
                insta::assert_snapshot!(format!("{name}-{audience}-{format}"), out);
            }
        }
    }
}
