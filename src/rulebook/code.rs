//! The codes of rulebook diagnostics: one enum, so every code is written once, listed for
//! the documentation and tested. Scripts read the kebab-case form (`rules check -f json`),
//! so a code's text never changes.
//!
//! To add a diagnostic: add a line to `codes!` below (variant, text, meaning), a row to the
//! table in rules/README.md, and a case to tests/diagnostic_codes.rs; that test fails until
//! all three exist.

use serde::{Serialize, Serializer};
use std::fmt;

macro_rules! codes {
    ($($variant:ident = $text:literal: $meaning:literal,)*) => {
        /// What a diagnostic is about: a stable kebab-case code such as `unknown-question`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $(#[doc = $meaning] $variant,)*
        }

        impl Code {
            /// Every code, in the order listed here.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as scripts see it, such as `unknown-question`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)*
                }
            }

            /// What the code means, in one line.
            pub const fn meaning(self) -> &'static str {
                match self {
                    $(Code::$variant => $meaning,)*
                }
            }
        }
    };
}

codes! {
    // Reading the files.
    Syntax = "syntax": "The file is not valid JSON.",
    UnknownField = "unknown-field": "A field the format does not have (often a misspelling).",
    MissingField = "missing-field": "A required field is absent.",
    WrongType = "wrong-type": "A value of the wrong type: text where a number belongs, or a test comparing a question with the wrong kind of value.",
    UnknownValue = "unknown-value": "A value outside a field's fixed list, such as an unknown question kind or severity.",
    Invalid = "invalid": "A value the format rejects for another reason.",
    // Identity and limits.
    NoIdentity = "no-identity": "No file carries the `rulebook` identity block.",
    DuplicateIdentity = "duplicate-identity": "More than one file carries the `rulebook` identity block.",
    BadVersion = "bad-version": "The rulebook version is not MAJOR.MINOR.PATCH.",
    BadDate = "bad-date": "A date is not YYYY-MM-DD, or the review is due before it was done.",
    TooManyQuestions = "too-many-questions": "More questions than the loader accepts.",
    TooManyRules = "too-many-rules": "More rules than the loader accepts.",
    // Ids and texts.
    DuplicateId = "duplicate-id": "Two questions, rules, risks, advice, facts or scores share an id.",
    BadId = "bad-id": "An id with characters other than letters, digits, `_`, `-` and `.`, or too long.",
    EmptyText = "empty-text": "A text (title, prompt, label...) is empty.",
    TextTooLong = "text-too-long": "A text is longer than the loader accepts.",
    // Questions and options.
    TooFewOptions = "too-few-options": "A choice question with fewer than two options.",
    OptionsNotAllowed = "options-not-allowed": "A yes/no or number question lists options.",
    TooManyOptions = "too-many-options": "A question with more options than the loader accepts.",
    NumberOnly = "number-only": "`min`, `max`, `integer` or `unit` on a question that is not a number.",
    BadBounds = "bad-bounds": "A number question whose `min` is above its `max`.",
    DuplicateOption = "duplicate-option": "Two options of a question share a value.",
    ExclusiveNotMultiple = "exclusive-not-multiple": "`exclusive` on an option of a question that is not multiple choice.",
    ScoreNotSingle = "score-not-single": "`score` on an option of a question that is not single choice.",
    BadSwatch = "bad-swatch": "An option's swatch is not a #rrggbb colour.",
    // Scores.
    EmptyScore = "empty-score": "A score that sums no questions.",
    DuplicateItem = "duplicate-item": "A score lists a question twice.",
    ScoreItemKind = "score-item-kind": "A score sums a question that is not single choice.",
    UnscoredOption = "unscored-option": "A score sums a question some of whose options have no `score`.",
    // Rules and their effects.
    DuplicateInk = "duplicate-ink": "A rule forbids the same ink twice.",
    ForbidsBothInks = "forbids-both-inks": "A rule forbids both inks, leaving nothing to recommend.",
    PrefersForbiddenInk = "prefers-forbidden-ink": "A rule prefers an ink it also forbids.",
    EmptyInk = "empty-ink": "A rule's `ink` has neither `forbid` nor `prefer`.",
    DuplicateRisk = "duplicate-risk": "A rule lists the same risk twice.",
    DuplicateReference = "duplicate-reference": "A rule lists the same advice or derived fact twice.",
    NoEffect = "no-effect": "A rule with no verdict, ink, risks, advice or derived facts.",
    UnknownRisk = "unknown-risk": "A rule lists a risk the catalogue does not have.",
    UnknownAdvice = "unknown-advice": "A rule lists advice the catalogue does not have.",
    UnknownFact = "unknown-fact": "A condition or rule names a fact that is not declared.",
    UnknownScore = "unknown-score": "A condition tests a score that is not declared.",
    UnknownQuestion = "unknown-question": "A condition or score names a question that does not exist.",
    UnknownOption = "unknown-option": "A test names an option its question does not have.",
    Cycle = "cycle": "Derived facts (or skip logic) that depend on each other in a circle.",
    // Conditions.
    TooDeep = "too-deep": "A condition nested deeper than the loader accepts.",
    EmptyCondition = "empty-condition": "A condition with none of its forms (all, any, not, always, question, fact, score).",
    MixedCondition = "mixed-condition": "A condition with two forms at once, such as `question` and `fact`.",
    TestWithoutSubject = "test-without-subject": "A test (equals, in, lt...) on something that is not a question or score.",
    EmptyList = "empty-list": "`all: []` or `any: []`.",
    AlwaysFalse = "always-false": "`always: false`, a rule that can never fire.",
    BadScoreTest = "bad-score-test": "A score tested with something other than lt, le, gt or ge.",
    NeverHolds = "never-holds": "A test or a whole condition that no answers can make true.",
    MissingTest = "missing-test": "A condition on a question that says nothing about the answer.",
    MixedTest = "mixed-test": "One condition with two tests on its question.",
    WrongTest = "wrong-test": "A test that does not apply to the question's kind, such as `lt` on a yes/no question.",
    // The linter (`rules check`), on a rulebook that loads.
    Contradiction = "contradiction": "A rule whose condition needs answers that contradict each other, so it never fires.",
    UnreachableBySkipLogic = "unreachable-by-skip-logic": "A rule that needs a question answered that its skip logic never asks in that case.",
    AskIfReadsLater = "ask-if-reads-later": "Skip logic that reads a question asked later in the interview.",
    QuestionChangesNothing = "question-changes-nothing": "A question no rule, skip logic or score reads.",
    UnreachableOutcome = "unreachable-outcome": "A verdict or ink that no combination of answers can give.",
    UnreachableRisk = "unreachable-risk": "A risk listed only by rules that can never fire.",
    UnreachableAdvice = "unreachable-advice": "Advice given only by rules that can never fire.",
    UnusedRisk = "unused-risk": "A risk no rule lists.",
    UnusedAdvice = "unused-advice": "Advice no rule gives.",
    FactNeverDerived = "fact-never-derived": "A fact no rule derives, so tests of it never hold.",
    FactNeverTested = "fact-never-tested": "A fact that rules derive but no condition tests.",
    ScoreNeverTested = "score-never-tested": "A score no condition tests.",
    ScoreUnused = "score-unused": "A question that gives its options scores that no score sums.",
    UndocumentedRule = "undocumented-rule": "A rule without a rationale, source or evidence level.",
    ReviewOverdue = "review-overdue": "The rulebook's clinical review date has passed.",
    VersionNotBumped = "version-not-bumped": "The content changed since its version was recorded (in `version_hash`, or in the rulebook given to `--against`), but the version did not.",
    VersionHashStale = "version-hash-stale": "`version_hash` records another version than the rulebook's own: the hash of the new version was not recorded.",
    VersionWentBack = "version-went-back": "The version is lower than that of the rulebook given to `rules check --against`.",
    CaseOnlyDuplicate = "case-only-duplicate": "Two ids of one kind, or two option values of one question, that differ only by case (`Fading` beside `fading`).",
    InvariantRefuted = "invariant-refuted": "An invariant that some answer set breaks (`rules prove` writes the counterexample).",
    MonotonicNotMultiple = "monotonic-not-multiple": "A monotonicity invariant that names a question that is not multiple choice.",
    EmptyThen = "empty-then": "An invariant whose `then` requires nothing.",
    ThenAndMonotonic = "then-and-monotonic": "An invariant with both `then` and `monotonic`: declare two.",
    NoRequirement = "no-requirement": "An invariant with neither `then` nor `monotonic`.",
    MonotonicWithIf = "monotonic-with-if": "A monotonicity invariant with an `if` or `unanswered`: it holds for every answer set.",
    LocaleInvalid = "locale-invalid": "A translation file that is not valid JSON or not of the translation format.",
    LocaleBadLanguage = "locale-bad-language": "A declared language, or a translation file's name, that is not a language code other than `en`.",
    LocaleFileMissing = "locale-file-missing": "A declared language (or the one `--lang` asks for) without its `locales/CODE.json`.",
    LocaleLanguageMismatch = "locale-language-mismatch": "A translation file whose `language` is not the language its name says.",
    LocaleNotDeclared = "locale-not-declared": "A translation file for a language the rulebook's `languages` does not declare, so it is not checked for completeness.",
    LocaleUnknownKey = "locale-unknown-key": "A translated text for a key the rulebook does not have (often a misspelt or removed id).",
    LocaleStale = "locale-stale": "A translation made from an English text that has changed since (its fingerprint differs).",
    LocaleMissing = "locale-missing": "With `--lang CODE`: a text the translation lacks.",
    LocaleIncomplete = "locale-incomplete": "A translation that lacks some texts; they are shown in English.",
    ChangedSinceReview = "changed-since-review": "A rulebook marked reviewed whose content hash is no longer the `reviewed_hash` the review saw.",
    IncompleteReview = "incomplete-review": "A `reviewed` rulebook without `reviewed_by`, `reviewed_on` or `reviewed_hash`.",
    BadHash = "bad-hash": "A `reviewed_hash` that is not 64 lowercase hex digits.",
    MissingAnswerIs = "missing-answer-is": "A question that does not say whether its answer is a `choice` or a `fact`.",
    BadRecheck = "bad-recheck": "A `recheck_after` without exactly one of `months` or `weeks`, or outside 1 to ten years.",
    IncompleteCount = "incomplete-count": "`at_least` without `of`, or `of` without `at_least`.",
    BadCount = "bad-count": "`at_least: N` with N of 0 or more than its conditions: it holds always or never.",
    WordingContradictsVerdict = "wording-contradicts-verdict": "A rule whose summary or rationale calls something a contraindication or a reason to wait, while it gives only `caution` or no verdict.",
}

impl Code {
    /// The code whose text is `text`, if there is one.
    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.as_str() == text)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Lets tests and scripts compare a code with its text: `d.code == "unknown-question"`.
impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

#[cfg(test)]
mod tests {
    use super::Code;

    #[test]
    fn texts_are_unique_kebab_case_and_parse_back() {
        let mut seen = std::collections::HashSet::new();
        for &code in Code::ALL {
            let text = code.as_str();
            assert!(seen.insert(text), "`{text}` twice");
            assert!(text.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "`{text}`");
            assert_eq!(Code::parse(text), Some(code));
            assert!(code.meaning().ends_with('.'), "{text}");
        }
        assert_eq!(Code::parse("no-such-code"), None);
    }
}
