//! The handout tied to a patient: the label, blank lines for the name and date of birth
//! (written by hand, never stored), a line to sign on the consultant's copy, and notes that
//! carry the label and the answers.

mod common;

use common::{repo, smp};

fn handout(audience: &str, extra: &[&str]) -> String {
    let out = smp()
        .args(["assess", "--format", "html", "--audience", audience, "-a"])
        .arg(repo("examples/strip-scar.json"))
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_label_is_printed_without_saving_a_record() {
    let page = handout("patient", &["--label", "CASE-0042"]);
    assert!(page.contains("Reference <strong>CASE-0042</strong>"), "{page}");
    let page = handout("patient", &[]);
    assert!(!page.contains("Reference"), "no label, no reference line");
}

#[test]
fn the_handout_leaves_lines_for_name_and_date_of_birth_and_the_consultant_signs() {
    for audience in ["patient", "consultant"] {
        let page = handout(audience, &[]);
        assert!(page.contains("Name<span class=\"blank\"></span>"), "{audience}");
        assert!(
            page.contains("Date of birth<span class=\"blank short\"></span>"),
            "{audience}"
        );
        assert!(page.contains("smp-screen does not store them"), "{audience}");
        assert_eq!(
            page.contains("Consultant's signature"),
            audience == "consultant",
            "only the consultant's copy has a line to sign"
        );
    }
}

#[test]
fn the_patient_copy_lists_answers_by_short_name_and_the_consultant_copy_in_full() {
    let patient = handout("patient", &[]);
    assert!(patient.contains("<dl class=\"answers\">"));
    assert!(patient.contains("<dt>Keloid history:</dt> <dd>No</dd>"), "{patient}");
    let consultant = handout("consultant", &[]);
    assert!(!consultant.contains("<dl class=\"answers\">"));
    assert!(consultant.contains("<td class=\"q\">"));
}

#[test]
fn a_label_cannot_inject_markup() {
    let page = handout("patient", &["--label", "<b>x</b> & y"]);
    assert!(page.contains("Reference <strong>&lt;b&gt;x&lt;/b&gt; &amp; y</strong>"));
}

#[test]
fn the_saved_handout_and_record_carry_the_same_label() {
    let dir = tempfile::tempdir().unwrap();
    let (record, html) = (dir.path().join("r.json"), dir.path().join("h.html"));
    smp()
        .args(["assess", "--format", "json", "--label", "CASE-7", "-a"])
        .arg(repo("examples/strip-scar.json"))
        .arg("--save")
        .arg(&record)
        .arg("--save-html")
        .arg(&html)
        .assert()
        .code(0);
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .contains("Reference <strong>CASE-7</strong>")
    );
    let record: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&record).unwrap()).unwrap();
    assert_eq!(record["label"], "CASE-7");
}

#[test]
fn markdown_notes_carry_the_label_and_the_answers_given() {
    let out = smp()
        .args([
            "assess",
            "--format",
            "markdown",
            "--audience",
            "consultant",
            "--label",
            "CASE-9",
            "-a",
        ])
        .arg(repo("examples/strip-scar.json"))
        .output()
        .unwrap();
    let notes = String::from_utf8(out.stdout).unwrap();
    assert!(notes.contains("**Reference:** CASE-9"));
    assert!(notes.contains("## Answers given"));
    assert!(notes.contains("| `keloid_history` | No |"), "{notes}");
    assert!(notes.contains("| `age` | 52 years |"), "{notes}");
}
