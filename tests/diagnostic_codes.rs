//! Every diagnostic code (`smp_screen::rulebook::Code`) is produced by one small broken
//! rulebook below, and documented in rules/README.md with the same example. A new code
//! fails `every_code_has_a_case_and_a_readme_entry` until it has both.

mod common;

use common::repo;
use smp_screen::date::Date;
use smp_screen::rulebook::{Code, Level, Rulebook, Sources};

/// Where a case's example goes in an otherwise valid little rulebook.
enum Put {
    /// Added to the rules.
    Rule(&'static str),
    /// Added to the questions.
    Question(&'static str),
    /// Added as more top-level sections (with the usual questions and catalogue).
    Sections(&'static str),
    /// Replaces a piece of the identity block: (what, by what).
    Identity(&'static str, &'static str),
    /// The whole text of the file.
    Whole(&'static str),
    /// Made by the test (too large to show), with what the README says instead.
    Generated(fn() -> String, &'static str),
    /// Replaces a piece of the identity block, then checked with `--against` the usual
    /// rulebook: (what, by what).
    Against(&'static str, &'static str),
    /// Translations beside the usual rulebook: the identity's `languages` (or none), the
    /// files of `locales/` as (name, text), and the language `--lang` checks strictly.
    Locale(
        Option<&'static str>,
        &'static [(&'static str, &'static str)],
        Option<&'static str>,
    ),
}

struct Case {
    code: Code,
    level: Level,
    put: Put,
}

const fn error(code: Code, put: Put) -> Case {
    Case {
        code,
        level: Level::Error,
        put,
    }
}

const fn warning(code: Code, put: Put) -> Case {
    Case {
        code,
        level: Level::Warning,
        put,
    }
}

/// The questions, catalogue and one documented rule every case starts from.
const QUESTIONS: &str = r#"{"id": "ok", "kind": "yes_no", "answer_is": "fact", "prompt": "OK?", "help": "h"},
  {"id": "colour", "kind": "single", "answer_is": "fact", "prompt": "Colour?", "help": "h", "options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}]},
  {"id": "tone", "kind": "single", "answer_is": "fact", "prompt": "Tone?", "help": "h", "options": [{"value": "light", "label": "Light", "score": 1}, {"value": "dark", "label": "Dark", "score": 2}]},
  {"id": "marks", "kind": "multiple", "answer_is": "fact", "prompt": "Marks?", "help": "h", "options": [{"value": "none", "label": "None", "exclusive": true}, {"value": "x", "label": "X"}]},
  {"id": "age", "kind": "number", "answer_is": "fact", "prompt": "Age?", "help": "h", "min": 0, "max": 120}"#;
const CATALOGUE: &str = r#""risks": [{"id": "r", "title": "R", "severity": "low", "text": "t"}],
"advice": [{"id": "a", "title": "A", "text": "t"}],
"facts": [{"id": "f", "description": "d"}],
"scores": [{"id": "s", "title": "S", "items": ["tone"]}]"#;
const RULE: &str = r#"{"id": "base", "title": "Base", "when": {"all": [{"question": "ok", "equals": false}, {"score": "s", "gt": 1}]}, "verdict": "refer", "risks": ["r"], "advice": ["a"], "rationale": "r", "source": "s", "evidence": "inference"}"#;

fn cases() -> Vec<Case> {
    use Code::*;
    use Put::*;
    vec![
        error(Syntax, Whole(r#"{"rulebook": {"id": "x",}"#)),
        error(
            UnknownField,
            Rule(r#"{"id": "x", "title": "X", "when": {"always": true}, "verdict": "refer", "colour": "red"}"#),
        ),
        error(MissingField, Rule(r#"{"id": "x", "title": "X", "verdict": "refer"}"#)),
        error(
            WrongType,
            Rule(r#"{"id": "x", "title": "X", "when": {"question": "ok", "equals": "yes"}, "verdict": "refer"}"#),
        ),
        error(
            UnknownValue,
            Rule(r#"{"id": "x", "title": "X", "when": {"always": true}, "verdict": "maybe"}"#),
        ),
        error(
            Invalid,
            Rule(r#"{"id": "x", "id": "y", "title": "X", "when": {"always": true}, "verdict": "refer"}"#),
        ),
        error(
            NoIdentity,
            Whole(
                r#"{"questions": [{"id": "ok", "kind": "yes_no", "answer_is": "fact", "prompt": "OK?", "help": "h"}]}"#,
            ),
        ),
        error(
            DuplicateIdentity,
            Generated(two_identities, "two files of a folder each with a `rulebook` block"),
        ),
        error(BadVersion, Identity(r#""version": "1.0.0""#, r#""version": "one""#)),
        error(
            BadDate,
            Identity(r#""reviewed_on": "2026-01-01""#, r#""reviewed_on": "2026-13-01""#),
        ),
        error(TooManyQuestions, Generated(many_questions, "5,001 questions")),
        error(TooManyRules, Generated(many_rules, "250,001 rules")),
        error(
            DuplicateId,
            Sections(
                r#""risks": [{"id": "r", "title": "R", "severity": "low", "text": "t"}, {"id": "r", "title": "R2", "severity": "low", "text": "t"}]"#,
            ),
        ),
        error(
            BadId,
            Question(r#"{"id": "bad id!", "kind": "yes_no", "answer_is": "fact", "prompt": "P?", "help": "h"}"#),
        ),
        error(
            EmptyText,
            Question(r#"{"id": "q", "kind": "yes_no", "answer_is": "fact", "prompt": "", "help": "h"}"#),
        ),
        error(TextTooLong, Generated(long_text, "a prompt of 20,001 characters")),
        error(
            TooFewOptions,
            Question(
                r#"{"id": "q", "kind": "single", "answer_is": "fact", "prompt": "P?", "help": "h", "options": [{"value": "a", "label": "A"}]}"#,
            ),
        ),
        error(
            OptionsNotAllowed,
            Question(
                r#"{"id": "q", "kind": "yes_no", "answer_is": "fact", "prompt": "P?", "help": "h", "options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}]}"#,
            ),
        ),
        error(TooManyOptions, Generated(many_options, "a question with 65 options")),
        error(
            NumberOnly,
            Question(r#"{"id": "q", "kind": "yes_no", "answer_is": "fact", "prompt": "P?", "help": "h", "min": 1}"#),
        ),
        error(
            BadBounds,
            Question(
                r#"{"id": "q", "kind": "number", "answer_is": "fact", "prompt": "P?", "help": "h", "min": 10, "max": 5}"#,
            ),
        ),
        error(
            DuplicateOption,
            Question(
                r#"{"id": "q", "kind": "single", "answer_is": "fact", "prompt": "P?", "help": "h", "options": [{"value": "a", "label": "A"}, {"value": "a", "label": "B"}]}"#,
            ),
        ),
        error(
            ExclusiveNotMultiple,
            Question(
                r#"{"id": "q", "kind": "single", "answer_is": "fact", "prompt": "P?", "help": "h", "options": [{"value": "a", "label": "A", "exclusive": true}, {"value": "b", "label": "B"}]}"#,
            ),
        ),
        error(
            ScoreNotSingle,
            Question(
                r#"{"id": "q", "kind": "multiple", "answer_is": "fact", "prompt": "P?", "help": "h", "options": [{"value": "a", "label": "A", "score": 1}, {"value": "b", "label": "B"}]}"#,
            ),
        ),
        error(
            BadSwatch,
            Question(
                r#"{"id": "q", "kind": "single", "answer_is": "fact", "prompt": "P?", "help": "h", "options": [{"value": "a", "label": "A", "swatch": "red"}, {"value": "b", "label": "B"}]}"#,
            ),
        ),
        error(
            EmptyScore,
            Sections(
                r#""scores": [{"id": "s", "title": "S", "items": ["tone"]}, {"id": "s2", "title": "S2", "items": []}]"#,
            ),
        ),
        error(
            DuplicateItem,
            Sections(r#""scores": [{"id": "s", "title": "S", "items": ["tone", "tone"]}]"#),
        ),
        error(
            ScoreItemKind,
            Sections(r#""scores": [{"id": "s", "title": "S", "items": ["tone", "ok"]}]"#),
        ),
        error(
            UnscoredOption,
            Sections(r#""scores": [{"id": "s", "title": "S", "items": ["tone", "colour"]}]"#),
        ),
        error(
            DuplicateInk,
            Rule(
                r#"{"id": "x", "title": "X", "when": {"question": "ok", "equals": true}, "ink": {"forbid": ["permanent", "permanent"]}}"#,
            ),
        ),
        error(
            ForbidsBothInks,
            Rule(
                r#"{"id": "x", "title": "X", "when": {"question": "ok", "equals": true}, "ink": {"forbid": ["permanent", "temporary"]}}"#,
            ),
        ),
        error(
            PrefersForbiddenInk,
            Rule(
                r#"{"id": "x", "title": "X", "when": {"question": "ok", "equals": true}, "ink": {"forbid": ["permanent"], "prefer": "permanent"}}"#,
            ),
        ),
        error(
            EmptyInk,
            Rule(r#"{"id": "x", "title": "X", "when": {"question": "ok", "equals": true}, "ink": {}}"#),
        ),
        error(
            DuplicateRisk,
            Rule(r#"{"id": "x", "title": "X", "when": {"question": "ok", "equals": true}, "risks": ["r", "r"]}"#),
        ),
        error(
            DuplicateReference,
            Rule(r#"{"id": "x", "title": "X", "when": {"question": "ok", "equals": true}, "advice": ["a", "a"]}"#),
        ),
        error(
            NoEffect,
            Rule(r#"{"id": "x", "title": "X", "when": {"question": "ok", "equals": true}}"#),
        ),
        error(
            UnknownRisk,
            Rule(r#"{"id": "x", "title": "X", "when": {"question": "ok", "equals": true}, "risks": ["rx"]}"#),
        ),
        error(
            UnknownAdvice,
            Rule(r#"{"id": "x", "title": "X", "when": {"question": "ok", "equals": true}, "advice": ["ax"]}"#),
        ),
        error(
            UnknownFact,
            Rule(r#"{"id": "x", "title": "X", "when": {"fact": "nope"}, "verdict": "refer"}"#),
        ),
        error(
            UnknownScore,
            Rule(r#"{"id": "x", "title": "X", "when": {"score": "nope", "lt": 1}, "verdict": "refer"}"#),
        ),
        error(
            UnknownQuestion,
            Rule(r#"{"id": "x", "title": "X", "when": {"question": "nope", "equals": true}, "verdict": "refer"}"#),
        ),
        error(
            UnknownOption,
            Rule(r#"{"id": "x", "title": "X", "when": {"question": "colour", "equals": "zzz"}, "verdict": "refer"}"#),
        ),
        error(
            Cycle,
            Sections(
                r#""facts": [{"id": "f", "description": "d"}, {"id": "g", "description": "d"}], "rules": [{"id": "x", "title": "X", "when": {"fact": "f"}, "derive": ["g"]}, {"id": "y", "title": "Y", "when": {"fact": "g"}, "derive": ["f"]}]"#,
            ),
        ),
        error(TooDeep, Generated(deep_condition, "a condition of 40 nested `not`s")),
        error(
            EmptyCondition,
            Rule(r#"{"id": "x", "title": "X", "when": {}, "verdict": "refer"}"#),
        ),
        error(
            MixedCondition,
            Rule(
                r#"{"id": "x", "title": "X", "when": {"question": "ok", "equals": true, "fact": "f"}, "verdict": "refer"}"#,
            ),
        ),
        error(
            TestWithoutSubject,
            Rule(r#"{"id": "x", "title": "X", "when": {"fact": "f", "equals": true}, "verdict": "refer"}"#),
        ),
        error(
            EmptyList,
            Rule(r#"{"id": "x", "title": "X", "when": {"all": []}, "verdict": "refer"}"#),
        ),
        error(
            AlwaysFalse,
            Rule(r#"{"id": "x", "title": "X", "when": {"always": false}, "verdict": "refer"}"#),
        ),
        error(
            BadScoreTest,
            Rule(r#"{"id": "x", "title": "X", "when": {"score": "s", "equals": 1}, "verdict": "refer"}"#),
        ),
        error(
            NeverHolds,
            Rule(r#"{"id": "x", "title": "X", "when": {"question": "colour", "in": []}, "verdict": "refer"}"#),
        ),
        error(
            MissingTest,
            Rule(r#"{"id": "x", "title": "X", "when": {"question": "ok"}, "verdict": "refer"}"#),
        ),
        error(
            MixedTest,
            Rule(r#"{"id": "x", "title": "X", "when": {"question": "age", "lt": 5, "equals": 3}, "verdict": "refer"}"#),
        ),
        error(
            WrongTest,
            Rule(r#"{"id": "x", "title": "X", "when": {"question": "ok", "lt": 3}, "verdict": "refer"}"#),
        ),
        error(
            Contradiction,
            Rule(
                r#"{"id": "x", "title": "X", "when": {"all": [{"question": "age", "lt": 18}, {"question": "age", "gt": 60}]}, "verdict": "refer"}"#,
            ),
        ),
        error(
            UnreachableBySkipLogic,
            Sections(
                r#""questions": [{"id": "ok", "kind": "yes_no", "answer_is": "fact", "prompt": "OK?", "help": "h"}, {"id": "age", "kind": "number", "answer_is": "fact", "prompt": "Age?", "help": "h", "ask_if": {"question": "ok", "equals": true}}], "rules": [{"id": "x", "title": "X", "when": {"all": [{"question": "ok", "equals": false}, {"question": "age", "lt": 18}]}, "verdict": "refer"}]"#,
            ),
        ),
        warning(
            AskIfReadsLater,
            Sections(
                r#""questions": [{"id": "age", "kind": "number", "answer_is": "fact", "prompt": "Age?", "help": "h", "ask_if": {"question": "ok", "equals": true}}, {"id": "ok", "kind": "yes_no", "answer_is": "fact", "prompt": "OK?", "help": "h"}], "rules": [{"id": "x", "title": "X", "when": {"question": "age", "lt": 18}, "verdict": "refer"}]"#,
            ),
        ),
        warning(
            CaseOnlyDuplicate,
            Question(
                r#"{"id": "q", "kind": "single", "answer_is": "fact", "prompt": "P?", "help": "h", "options": [{"value": "fading", "label": "A"}, {"value": "Fading", "label": "B"}]}"#,
            ),
        ),
        warning(
            QuestionChangesNothing,
            Question(r#"{"id": "unread", "kind": "yes_no", "answer_is": "fact", "prompt": "P?", "help": "h"}"#),
        ),
        warning(
            UnreachableOutcome,
            Rule(r#"{"id": "x", "title": "X", "when": {"question": "ok", "equals": true}, "verdict": "caution"}"#),
        ),
        warning(
            UnreachableRisk,
            Sections(
                r#""risks": [{"id": "r", "title": "R", "severity": "low", "text": "t"}, {"id": "r2", "title": "R2", "severity": "low", "text": "t"}], "rules": [{"id": "x", "title": "X", "when": {"all": [{"question": "age", "lt": 18}, {"question": "age", "gt": 60}]}, "risks": ["r2"]}]"#,
            ),
        ),
        warning(
            UnreachableAdvice,
            Sections(
                r#""advice": [{"id": "a", "title": "A", "text": "t"}, {"id": "a2", "title": "A2", "text": "t"}], "rules": [{"id": "x", "title": "X", "when": {"all": [{"question": "age", "lt": 18}, {"question": "age", "gt": 60}]}, "advice": ["a2"]}]"#,
            ),
        ),
        warning(
            UnusedRisk,
            Sections(
                r#""risks": [{"id": "r", "title": "R", "severity": "low", "text": "t"}, {"id": "unlisted", "title": "U", "severity": "low", "text": "t"}]"#,
            ),
        ),
        warning(
            UnusedAdvice,
            Sections(
                r#""advice": [{"id": "a", "title": "A", "text": "t"}, {"id": "unlisted", "title": "U", "text": "t"}]"#,
            ),
        ),
        warning(
            FactNeverDerived,
            Rule(r#"{"id": "x", "title": "X", "when": {"fact": "f"}, "verdict": "refer"}"#),
        ),
        warning(
            FactNeverTested,
            Rule(r#"{"id": "x", "title": "X", "when": {"question": "ok", "equals": true}, "derive": ["f"]}"#),
        ),
        warning(
            ScoreNeverTested,
            Sections(
                r#""scores": [{"id": "s", "title": "S", "items": ["tone"]}, {"id": "untested", "title": "U", "items": ["tone"]}]"#,
            ),
        ),
        warning(
            ScoreUnused,
            Question(
                r#"{"id": "q", "kind": "single", "answer_is": "fact", "prompt": "P?", "help": "h", "options": [{"value": "a", "label": "A", "score": 1}, {"value": "b", "label": "B", "score": 2}]}"#,
            ),
        ),
        warning(
            UndocumentedRule,
            Rule(r#"{"id": "x", "title": "X", "when": {"question": "ok", "equals": true}, "verdict": "caution"}"#),
        ),
        warning(
            ReviewOverdue,
            Identity(r#""review_due": "2099-01-01""#, r#""review_due": "2026-06-30""#),
        ),
        warning(
            VersionNotBumped,
            Identity(
                r#""version": "1.0.0""#,
                r#""version": "1.0.0", "version_hash": {"version": "1.0.0", "sha256": "0000"}"#,
            ),
        ),
        warning(
            VersionHashStale,
            Identity(
                r#""version": "1.0.0""#,
                r#""version": "1.0.0", "version_hash": {"version": "0.9.0", "sha256": "0000"}"#,
            ),
        ),
        warning(
            ChangedSinceReview,
            Identity(
                r#""reviewed_by": "tests", "reviewed_on": "2026-01-01""#,
                r#""status": "reviewed", "reviewed_by": "tests", "reviewed_on": "2026-01-01", "reviewed_hash": "0000000000000000000000000000000000000000000000000000000000000000""#,
            ),
        ),
        error(
            IncompleteReview,
            Identity(
                r#""reviewed_by": "tests", "reviewed_on": "2026-01-01""#,
                r#""status": "reviewed""#,
            ),
        ),
        error(
            BadHash,
            Identity(
                r#""reviewed_by": "tests", "reviewed_on": "2026-01-01""#,
                r#""status": "reviewed", "reviewed_by": "tests", "reviewed_on": "2026-01-01", "reviewed_hash": "abc""#,
            ),
        ),
        error(
            MissingAnswerIs,
            Question(r#"{"id": "q", "kind": "yes_no", "prompt": "Q?", "help": "h"}"#),
        ),
        error(
            BadRecheck,
            Rule(
                r#"{"id": "x", "title": "X", "when": {"question": "ok", "equals": true}, "verdict": "unsuitable", "recheck_after": {"months": 6, "weeks": 2}}"#,
            ),
        ),
        error(
            IncompleteCount,
            Rule(r#"{"id": "x", "title": "X", "when": {"at_least": 2}, "verdict": "refer"}"#),
        ),
        error(
            BadCount,
            Rule(
                r#"{"id": "x", "title": "X", "when": {"at_least": 3, "of": [{"question": "ok", "equals": true}, {"question": "age", "lt": 30}]}, "verdict": "refer"}"#,
            ),
        ),
        warning(
            WordingContradictsVerdict,
            Rule(
                r#"{"id": "x", "title": "X", "when": {"question": "ok", "equals": true}, "verdict": "caution", "rationale": "A strict contraindication.", "source": "s", "evidence": "inference"}"#,
            ),
        ),
        error(
            InvariantRefuted,
            Sections(
                r#""invariants": [{"id": "i", "statement": "S.", "source": "s", "if": {"question": "ok", "equals": false}, "then": {"verdict_at_least": "unsuitable"}}]"#,
            ),
        ),
        error(
            MonotonicNotMultiple,
            Sections(r#""invariants": [{"id": "i", "statement": "S.", "source": "s", "monotonic": ["colour"]}]"#),
        ),
        error(
            EmptyThen,
            Sections(r#""invariants": [{"id": "i", "statement": "S.", "source": "s", "then": {}}]"#),
        ),
        error(
            ThenAndMonotonic,
            Sections(
                r#""invariants": [{"id": "i", "statement": "S.", "source": "s", "then": {"verdict_at_least": "refer"}, "monotonic": ["marks"]}]"#,
            ),
        ),
        error(
            NoRequirement,
            Sections(r#""invariants": [{"id": "i", "statement": "S.", "source": "s"}]"#),
        ),
        error(
            MonotonicWithIf,
            Sections(
                r#""invariants": [{"id": "i", "statement": "S.", "source": "s", "if": {"question": "ok", "equals": true}, "monotonic": ["marks"]}]"#,
            ),
        ),
        error(
            LocaleInvalid,
            Locale(None, &[("it.json", r#"{"language": "it", "texts": 5}"#)], None),
        ),
        error(LocaleBadLanguage, Locale(Some(r#"["en"]"#), &[], None)),
        error(LocaleFileMissing, Locale(Some(r#"["it"]"#), &[], None)),
        error(
            LocaleLanguageMismatch,
            Locale(None, &[("it.json", r#"{"language": "es", "texts": {}}"#)], None),
        ),
        warning(
            LocaleNotDeclared,
            Locale(
                Some(r#"["es"]"#),
                &[
                    ("es.json", r#"{"language": "es", "texts": {}}"#),
                    ("it.json", r#"{"language": "it", "texts": {}}"#),
                ],
                None,
            ),
        ),
        error(
            LocaleUnknownKey,
            Locale(
                None,
                &[(
                    "it.json",
                    r#"{"language": "it", "texts": {"question/okk/prompt": {"fingerprint": "000000000000", "text": "Va bene?"}}}"#,
                )],
                None,
            ),
        ),
        warning(
            LocaleStale,
            Locale(
                None,
                &[(
                    "it.json",
                    r#"{"language": "it", "texts": {"question/ok/prompt": {"fingerprint": "000000000000", "text": "Va bene?"}}}"#,
                )],
                None,
            ),
        ),
        error(
            LocaleMissing,
            Locale(None, &[("it.json", r#"{"language": "it", "texts": {}}"#)], Some("it")),
        ),
        warning(
            LocaleIncomplete,
            Locale(None, &[("it.json", r#"{"language": "it", "texts": {}}"#)], None),
        ),
        warning(
            VersionWentBack,
            Against(r#""version": "1.0.0""#, r#""version": "0.9.0""#),
        ),
    ]
}

fn many_questions() -> String {
    let q: Vec<String> = (0..5001)
        .map(|i| format!(r#"{{"id": "q{i}", "kind": "yes_no", "answer_is": "fact", "prompt": "Q?", "help": "h"}}"#))
        .collect();
    common::rulebook_text(&format!(r#""questions": [{}]"#, q.join(",")))
}

fn many_rules() -> String {
    let r: Vec<String> = (0..250_001)
        .map(|i| format!(r#"{{"id":"r{i}","title":"R","when":{{"always":true}},"advice":["a"]}}"#))
        .collect();
    common::rulebook_text(&format!(
        r#""advice": [{{"id": "a", "title": "A", "text": "A."}}], "rules": [{}]"#,
        r.join(",")
    ))
}

fn many_options() -> String {
    let o: Vec<String> = (0..65)
        .map(|i| format!(r#"{{"value": "o{i}", "label": "O"}}"#))
        .collect();
    common::rulebook_text(&format!(
        r#""questions": [{{"id": "q", "kind": "single", "answer_is": "fact", "prompt": "Q?", "help": "h", "options": [{}]}}]"#,
        o.join(",")
    ))
}

fn long_text() -> String {
    common::rulebook_text(&format!(
        r#""questions": [{{"id": "q", "kind": "yes_no", "answer_is": "fact", "prompt": "{}", "help": "h"}}]"#,
        "a".repeat(20_001)
    ))
}

fn deep_condition() -> String {
    let when = format!(
        "{}{{\"question\": \"ok\", \"equals\": true}}{}",
        "{\"not\": ".repeat(40),
        "}".repeat(40)
    );
    common::rulebook_text(&format!(
        r#""questions": [{{"id": "ok", "kind": "yes_no", "answer_is": "fact", "prompt": "Q?", "help": "h"}}], "rules": [{{"id": "x", "title": "X", "when": {when}, "verdict": "refer"}}]"#
    ))
}

/// Marks the text of a folder case: files separated by this line.
const NEXT_FILE: &str = "\n--- next file ---\n";

fn two_identities() -> String {
    let one = common::rulebook_text(
        r#""questions": [{"id": "ok", "kind": "yes_no", "answer_is": "fact", "prompt": "Q?", "help": "h"}]"#,
    );
    format!("{one}{NEXT_FILE}{}", common::rulebook_text(""))
}

/// The sections of the usual little rulebook with `put` in its place.
fn text_of(put: &Put) -> String {
    let usual = |questions: &str, rules: &str, extra: &str| {
        let mut parts = Vec::new();
        if !questions.is_empty() {
            parts.push(format!("\"questions\": [{questions}]"));
        }
        // A section named in `extra` replaces the usual one.
        for section in CATALOGUE.split(",\n") {
            let name = &section[..section.find(':').unwrap()];
            // Own questions leave out the usual score, which sums a usual question.
            let own_questions = questions.is_empty() && name == "\"scores\"";
            if !extra.contains(&format!("{name}:")) && !own_questions {
                parts.push(section.to_owned());
            }
        }
        if !extra.contains("\"rules\":") {
            parts.push(format!("\"rules\": [{rules}]"));
        }
        if !extra.is_empty() {
            parts.push(extra.to_owned());
        }
        parts.join(",\n")
    };
    match put {
        Put::Rule(rule) => common::rulebook_text(&usual(QUESTIONS, &format!("{RULE}, {rule}"), "")),
        Put::Question(q) => common::rulebook_text(&usual(&format!("{QUESTIONS}, {q}"), RULE, "")),
        Put::Sections(extra) => {
            let questions = if extra.contains("\"questions\":") {
                ""
            } else {
                QUESTIONS
            };
            common::rulebook_text(&usual(questions, RULE, extra))
        }
        Put::Locale(..) => common::rulebook_text(&usual(QUESTIONS, RULE, "")),
        Put::Identity(from, to) | Put::Against(from, to) => {
            let text = common::rulebook_text(&usual(QUESTIONS, RULE, ""));
            assert!(text.contains(from), "the identity has no {from}");
            text.replace(from, to)
        }
        Put::Whole(text) => (*text).to_owned(),
        Put::Generated(make, _) => make(),
    }
}

/// The codes (with levels) that loading and then checking `text` reports.
fn found(text: &str) -> Vec<(Code, Level)> {
    let sources = if text.contains(NEXT_FILE) {
        let dir = tempfile::tempdir().unwrap();
        for (i, part) in text.split(NEXT_FILE).enumerate() {
            std::fs::write(dir.path().join(format!("{i}0-part.json")), part).unwrap();
        }
        Sources::read(dir.path()).unwrap()
    } else {
        Sources::from_text("case.json", text)
    };
    // Checked as of a fixed day, between the usual review and the overdue case's due date.
    let today = Date::parse("2026-11-26").unwrap();
    match Rulebook::from_sources(sources) {
        Ok(rb) => smp_screen::tooling::lint::check(&rb, today)
            .iter()
            .map(|d| (d.code, d.level))
            .collect(),
        Err(e) => e.diagnostics.iter().map(|d| (d.code, d.level)).collect(),
    }
}

/// The codes (with levels) that the translation checks report for `text` with `files` in
/// `locales/` beside it.
fn found_in_locales(
    text: &str,
    languages: Option<&str>,
    files: &[(&str, &str)],
    strict: Option<&str>,
) -> Vec<(Code, Level)> {
    let dir = tempfile::tempdir().unwrap();
    let text = match languages {
        Some(list) => text.replace(
            r#""version": "1.0.0""#,
            &format!(r#""version": "1.0.0", "languages": {list}"#),
        ),
        None => text.to_owned(),
    };
    let path = dir.path().join("rules.json");
    std::fs::write(&path, &text).unwrap();
    std::fs::create_dir(dir.path().join("locales")).unwrap();
    for (name, body) in files {
        std::fs::write(dir.path().join("locales").join(name), body).unwrap();
    }
    let rb = Rulebook::from_sources(Sources::read(&path).unwrap()).expect("loads");
    let locales = smp_screen::rulebook::locale::Locales::beside(&path).unwrap();
    smp_screen::rulebook::locale::check(&rb, &locales, strict)
        .iter()
        .map(|d| (d.code, d.level))
        .collect()
}

/// The codes (with levels) that `rules check --against OLD` adds for `text`.
fn found_against(text: &str, old: &str) -> Vec<(Code, Level)> {
    let load = |t: &str| Rulebook::from_sources(Sources::from_text("case.json", t)).expect("loads");
    smp_screen::tooling::lint::against(&load(text), &load(old))
        .iter()
        .map(|d| (d.code, d.level))
        .collect()
}

#[test]
fn each_code_comes_from_its_little_broken_rulebook() {
    for case in cases() {
        let text = text_of(&case.put);
        let codes = match case.put {
            Put::Locale(languages, files, strict) => found_in_locales(&text, languages, files, strict),
            // The earlier rulebook is the usual one, unchanged.
            Put::Against(from, _) => found_against(&text, &text_of(&Put::Identity(from, from))),
            _ => found(&text),
        };
        let shown = || {
            let s = format!("{codes:?}");
            s.chars().take(600).collect::<String>()
        };
        assert!(
            codes.contains(&(case.code, case.level)),
            "`{}` ({:?}) not reported; found {}\n{}",
            case.code,
            case.level,
            shown(),
            text.chars().take(1500).collect::<String>()
        );
    }
}

#[test]
fn the_usual_little_rulebook_is_clean() {
    // So a case's code comes from its example, not from the base it is put into.
    // (With a rule for every verdict's reach and the fact derived and tested.)
    let text = text_of(&Put::Rule(
        r#"{"id": "u", "title": "U", "when": {"question": "ok", "equals": true}, "verdict": "unsuitable", "derive": ["f"], "rationale": "r", "source": "s", "evidence": "inference"},
           {"id": "v", "title": "V", "when": {"fact": "f"}, "advice": ["a"], "rationale": "r", "source": "s", "evidence": "inference"}"#,
    ));
    let codes: Vec<(Code, Level)> = found(&text)
        .into_iter()
        .filter(|(c, _)| !matches!(c, Code::QuestionChangesNothing | Code::UnreachableOutcome))
        .collect();
    assert!(codes.is_empty(), "{codes:?}");
}

/// The README row of a code: `| `code` | level | meaning | example |`.
fn readme_row(readme: &str, code: Code) -> Option<&str> {
    let start = format!("| `{}` |", code.as_str());
    readme.lines().find(|l| l.starts_with(&start))
}

#[test]
fn every_code_has_a_case_and_a_readme_entry() {
    let readme = std::fs::read_to_string(repo("rules/README.md")).unwrap();
    let cases = cases();
    let mut missing = Vec::new();
    for &code in Code::ALL {
        let Some(case) = cases.iter().find(|c| c.code == code) else {
            missing.push(format!("`{code}` has no case in tests/diagnostic_codes.rs"));
            continue;
        };
        let Some(row) = readme_row(&readme, code) else {
            missing.push(format!("`{code}` has no row in rules/README.md"));
            continue;
        };
        let level = match case.level {
            Level::Error => "| error |",
            Level::Warning => "| warning |",
        };
        let example = match &case.put {
            Put::Rule(s) | Put::Question(s) | Put::Sections(s) | Put::Whole(s) => (*s).to_owned(),
            Put::Identity(_, to) | Put::Against(_, to) => (*to).to_owned(),
            Put::Locale(..) => locale_example(&case.put),
            Put::Generated(_, words) => (*words).to_owned(),
        };
        if !row.contains(level) || !row.contains(&example.replace('|', "\\|")) {
            missing.push(format!(
                "the README row of `{code}` lacks its level or its example:\n{}",
                readme_table_row(code, case)
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// How a translation case is told in the README.
fn locale_example(put: &Put) -> String {
    let Put::Locale(languages, files, strict) = put else {
        unreachable!("only translation cases")
    };
    let mut parts = Vec::new();
    if let Some(list) = languages {
        parts.push(format!("`\"languages\": {list}`"));
    }
    for (name, body) in *files {
        parts.push(format!("`locales/{name}`: `{body}`"));
    }
    if let Some(code) = strict {
        parts.push(format!("checked with `--lang {code}`"));
    }
    parts.join("; ")
}

/// The README row a code should have (printed when one is missing or stale).
fn readme_table_row(code: Code, case: &Case) -> String {
    let level = match case.level {
        Level::Error => "error",
        Level::Warning => "warning",
    };
    let example = match &case.put {
        Put::Rule(s) | Put::Question(s) | Put::Sections(s) | Put::Whole(s) => format!("`{s}`"),
        Put::Identity(_, to) => format!("`{to}`"),
        Put::Against(_, to) => format!("`{to}`, checked with `--against` a rulebook of version 1.0.0"),
        Put::Locale(..) => locale_example(&case.put),
        Put::Generated(_, words) => (*words).to_owned(),
    };
    format!(
        "| `{}` | {level} | {} | {} |",
        code.as_str(),
        code.meaning(),
        example.replace('|', "\\|")
    )
}

#[test]
#[ignore = "prints the README table; run with --ignored --nocapture"]
fn print_readme_table() {
    println!("| code | level | what it means | example |\n|---|---|---|---|");
    for case in cases() {
        println!("{}", readme_table_row(case.code, &case));
    }
}
