//! `batch` on spreadsheets as clinics export them: extra columns, ids carried through,
//! short names in the header, values in any case, labels, comma lists; and what stays an
//! error.

mod common;

use common::smp;
use serde_json::{Value, json};

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A sheet as a spreadsheet writes it: an id column first, headers as short names in
/// title case, values as labels or in any case, lists with commas, a notes column.
const EXPORT: &str = "Patient ID,Age,Sex,Goals,Skin type,Scars,Keloid history,Health,Permanence,Notes\r\n\
P-0001,38,Male,\"shaved_look, density\",iii,\"fut_strip, fue_large\",No,None of these,Accepts_Permanent,called twice\r\n\
P-0002, 45 ,female,\"Make thinning hair look fuller, under longer hair\",IV,No scars,yes,\"Blood thinners such as warfarin, apixaban, rivaroxaban or heparin; Diabetes\",unsure,\r\n\
P-0003,30,MALE,SHAVED_LOOK,II , burn ,TRUE,none,I'm nervous about permanence and want it to fade,\r\n";

/// The same people in the canonical vocabulary.
fn canonical() -> Vec<Value> {
    vec![
        json!({"age": 38, "sex": "male", "goals": ["shaved_look", "density"], "skin_tone": "III",
               "scars": ["fut_strip", "fue_large"], "keloid_history": false, "health": ["none"],
               "permanence": "accepts_permanent"}),
        json!({"age": 45, "sex": "female", "goals": ["density"], "skin_tone": "IV", "scars": ["none"],
               "keloid_history": true, "health": ["anticoagulants", "diabetes"], "permanence": "unsure"}),
        json!({"age": 30, "sex": "male", "goals": ["shaved_look"], "skin_tone": "II", "scars": ["burn"],
               "keloid_history": true, "health": ["none"], "permanence": "wants_temporary"}),
    ]
}

#[test]
fn a_spreadsheet_export_screens_every_row_and_carries_the_patient_id() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("export.csv");
    std::fs::write(&input, EXPORT).unwrap();
    let out = smp()
        .arg("batch")
        .arg(&input)
        .args(["--id-column", "Patient ID"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning: CSV column that answers no question, not used: `Notes`"),
        "{stderr}"
    );
    let recs = records(&out.stdout);
    assert_eq!(recs.len(), 3);
    for (i, (rec, answers)) in recs.iter().zip(canonical()).enumerate() {
        assert_eq!(rec["ids"], json!({"Patient ID": format!("P-000{}", i + 1)}));
        assert_eq!(rec["line"], i + 2);
        // The export gives the same result as the canonical answers.
        let expected = smp()
            .args(["assess", "-a", "-", "--format", "json"])
            .write_stdin(answers.to_string())
            .output()
            .unwrap();
        let expected: Value = serde_json::from_slice(&expected.stdout).unwrap();
        for field in ["verdict", "ink", "risks", "fired", "unanswered"] {
            assert_eq!(rec[field], expected[field], "row {} field {field}", i + 1);
        }
    }
}

#[test]
fn csv_output_carries_the_id_columns_after_the_line() {
    let out = smp()
        .args(["batch", "-", "--input-format", "csv", "--output-format", "csv"])
        .args(["--id-column", "Patient ID", "--id-column", "Notes"])
        .write_stdin(EXPORT)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "line,Patient ID,Notes,verdict,ink,status,risks,advice,error,provisional,worst_case_verdict,worst_case_ink,headline"
    );
    assert!(lines[1].starts_with("2,P-0001,called twice,"), "{}", lines[1]);
    assert!(lines[2].starts_with("3,P-0002,,refer,"), "{}", lines[2]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("3 rows: 3 screened, 0 failed"));
}

#[test]
fn a_failed_row_still_carries_its_id() {
    let out = smp()
        .args([
            "batch",
            "-",
            "--input-format",
            "csv",
            "--id-column",
            "id",
            "--detail",
            "compact",
        ])
        .write_stdin("id,age,keloid_history\nA-1,40,maybe\nA-2,40,no\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8));
    let recs = records(&out.stdout);
    assert_eq!(recs[0]["ids"], json!({"id": "A-1"}));
    assert!(recs[0]["error"].as_str().unwrap().contains("keloid_history"));
    assert_eq!(recs[1]["ids"], json!({"id": "A-2"}));
    assert!(recs[1]["verdict"].is_string());
}

#[test]
fn json_lines_carry_id_keys_and_do_not_take_them_for_questions() {
    let out = smp()
        .args(["batch", "-", "--detail", "compact", "--id-column", "patient_id"])
        .write_stdin("{\"patient_id\": \"X-7\", \"age\": 40}\n{\"age\": 41, \"patient_id\": 12}\n{\"age\": 42}\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let recs = records(&out.stdout);
    assert_eq!(recs[0]["ids"], json!({"patient_id": "X-7"}));
    assert_eq!(recs[1]["ids"], json!({"patient_id": "12"}));
    assert_eq!(recs[2]["ids"], json!({"patient_id": null}));
    // Without --id-column the key is an unknown question, as before.
    let out = smp()
        .args(["batch", "-", "--detail", "compact"])
        .write_stdin("{\"patient_id\": \"X-7\", \"age\": 40}\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8));
    assert!(
        records(&out.stdout)[0]["error"]
            .as_str()
            .unwrap()
            .contains("unknown question `patient_id`")
    );
}

#[test]
fn a_column_that_looks_like_a_misspelt_question_fails_unless_ignored() {
    let sheet = "patient,Skin tpye,age\nA,III,40\n";
    let out = smp()
        .args(["batch", "-", "--input-format", "csv", "--detail", "compact"])
        .write_stdin(sheet)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8));
    let rec = &records(&out.stdout)[0];
    assert_eq!(
        rec["error"], "unknown question `Skin tpye`; did you mean `skin_tone`?",
        "{rec}"
    );
    let out = smp()
        .args([
            "batch",
            "-",
            "--input-format",
            "csv",
            "--detail",
            "compact",
            "--ignore-unknown-columns",
        ])
        .write_stdin(sheet)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.matches("warning:").count(),
        1,
        "one warning for the skipped columns: {stderr}"
    );
    assert!(stderr.contains("ignoring CSV columns that answer no question: `patient`, `Skin tpye`"));
}

#[test]
fn a_missing_id_column_is_an_error_before_any_row() {
    smp()
        .args(["batch", "-", "--input-format", "csv", "--id-column", "patiet_id"])
        .write_stdin("patient_id,age\nA,40\n")
        .assert()
        .code(3)
        .stdout("")
        .stderr(predicates::str::contains(
            "the CSV header has no column `patiet_id` to carry (--id-column); did you mean `patient_id`?",
        ));
}

#[test]
fn a_header_naming_one_question_twice_fails_every_row() {
    let out = smp()
        .args(["batch", "-", "--input-format", "csv", "--detail", "compact"])
        .write_stdin("age,Age\n40,41\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(8));
    assert!(
        records(&out.stdout)[0]["error"]
            .as_str()
            .unwrap()
            .contains("`age` is answered more than once")
    );
}

#[test]
fn set_takes_the_same_forms_as_a_csv_cell() {
    let out = smp()
        .args(["assess", "--format", "json", "--audience", "consultant"])
        .args([
            "--set",
            "scars=FUT_strip; fue_large",
            "--set",
            "sex= Male ",
            "--set",
            "keloid_history=No",
        ])
        .args(["--set", "hair_loss=Large bald areas"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let with_forms: Value = serde_json::from_slice(&out.stdout).unwrap();
    let out = smp()
        .args(["assess", "--format", "json", "--audience", "consultant", "-a", "-"])
        .write_stdin(
            json!({"scars": ["fut_strip", "fue_large"], "sex": "male", "keloid_history": false,
                   "hair_loss": "advanced"})
            .to_string(),
        )
        .output()
        .unwrap();
    let canonical: Value = serde_json::from_slice(&out.stdout).unwrap();
    for field in ["verdict", "ink", "risks", "fired", "possible", "unanswered"] {
        assert_eq!(with_forms[field], canonical[field], "{field}");
    }
}

#[test]
fn a_label_shared_by_two_options_names_neither() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.json");
    std::fs::write(
        &rules,
        common::rulebook_text(
            r#""questions": [{"id": "colour", "kind": "single", "answer_is": "fact", "prompt": "Colour?", "help": "h",
                "options": [{"value": "a", "label": "Dark"}, {"value": "b", "label": "dark"}]}],
             "rules": []"#,
        ),
    )
    .unwrap();
    smp()
        .arg("assess")
        .arg("--rules")
        .arg(&rules)
        .args(["--set", "colour=DARK"])
        .assert()
        .code(3)
        .stderr(predicates::str::contains(
            "`DARK` could mean any of `a`, `b` for `colour`; write the option value",
        ));
    // The exact value still works.
    smp()
        .arg("assess")
        .arg("--rules")
        .arg(&rules)
        .args(["--set", "colour=a"])
        .assert()
        .code(0);
}
