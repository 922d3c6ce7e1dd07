//! Fixed wording for the engine's vocabulary, in two voices and in the language of the
//! [`Words`] given (`locales/CODE/report.ftl`): verdicts, inks, ink effects, evidence,
//! severities, review status, dates and waits. Every format says these things through
//! here, so each exists once.

use crate::audience::Audience;
use crate::date::Date;
use crate::engine::Ink;
use crate::i18n::Words;
use crate::rulebook::{Evidence, InkKind, Recheck, Review, Severity, Verdict};
use crate::tr;

/// What a verdict means.
pub fn verdict_meaning(words: Words, verdict: Verdict, audience: Audience) -> String {
    match (audience, verdict) {
        (Audience::Patient, Verdict::Suitable) => tr!(words, "report-meaning-patient-suitable"),
        (Audience::Patient, Verdict::Caution) => tr!(words, "report-meaning-patient-caution"),
        (Audience::Patient, Verdict::Refer) => tr!(words, "report-meaning-patient-refer"),
        (Audience::Patient, Verdict::Unsuitable) => tr!(words, "report-meaning-patient-unsuitable"),
        (Audience::Consultant, Verdict::Suitable) => tr!(words, "report-meaning-consultant-suitable"),
        (Audience::Consultant, Verdict::Caution) => tr!(words, "report-meaning-consultant-caution"),
        (Audience::Consultant, Verdict::Refer) => tr!(words, "report-meaning-consultant-refer"),
        (Audience::Consultant, Verdict::Unsuitable) => tr!(words, "report-meaning-consultant-unsuitable"),
    }
}

/// What the verdict of an incomplete result means so far. Only "suitable" reads
/// differently: said of answers still missing, "nothing argues against SMP" would reassure
/// beyond what the answers given support.
pub fn verdict_meaning_so_far(words: Words, verdict: Verdict, audience: Audience) -> String {
    match (audience, verdict) {
        (Audience::Patient, Verdict::Suitable) => tr!(words, "report-meaning-patient-suitable-so-far"),
        (Audience::Consultant, Verdict::Suitable) => tr!(words, "report-meaning-consultant-suitable-so-far"),
        _ => verdict_meaning(words, verdict, audience),
    }
}

/// The verdict's short label (`SUITABLE`, in Italian `IDONEO`); the JSON keeps the id.
pub fn verdict_label(words: Words, verdict: Verdict) -> String {
    match verdict {
        Verdict::Suitable => tr!(words, "report-verdict-suitable"),
        Verdict::Caution => tr!(words, "report-verdict-caution"),
        Verdict::Refer => tr!(words, "report-verdict-refer"),
        Verdict::Unsuitable => tr!(words, "report-verdict-unsuitable"),
    }
}

/// The verdict as a lowercase word, beside a rule ("→ refer").
pub fn verdict_word(words: Words, verdict: Verdict) -> String {
    match verdict {
        Verdict::Suitable => tr!(words, "report-verdict-word-suitable"),
        Verdict::Caution => tr!(words, "report-verdict-word-caution"),
        Verdict::Refer => tr!(words, "report-verdict-word-refer"),
        Verdict::Unsuitable => tr!(words, "report-verdict-word-unsuitable"),
    }
}

/// The heading of the ink section, without a colon: conditional when a physician must
/// clear the person first, else "Ink so far" when `so_far` (the ink may still change),
/// else "Ink".
pub fn ink_heading(words: Words, verdict: Verdict, audience: Audience, so_far: bool) -> String {
    match (verdict >= Verdict::Refer && verdict < Verdict::Unsuitable, audience) {
        (true, Audience::Patient) => tr!(words, "report-ink-heading-refer-patient"),
        (true, Audience::Consultant) => tr!(words, "report-ink-heading-refer-consultant"),
        (false, _) if so_far => tr!(words, "report-ink-heading-so-far"),
        (false, _) => tr!(words, "report-ink-heading"),
    }
}

/// The ink in words.
pub fn ink_name(words: Words, ink: Ink, audience: Audience) -> String {
    match (audience, ink) {
        (Audience::Patient, Ink::Temporary) => tr!(words, "report-ink-patient-temporary"),
        (Audience::Patient, Ink::Permanent) => tr!(words, "report-ink-patient-permanent"),
        (Audience::Patient, Ink::Either) => tr!(words, "report-ink-patient-either"),
        (Audience::Patient, Ink::None) => tr!(words, "report-ink-patient-none"),
        (Audience::Consultant, Ink::Temporary) => tr!(words, "report-ink-consultant-temporary"),
        (Audience::Consultant, Ink::Permanent) => tr!(words, "report-ink-consultant-permanent"),
        (Audience::Consultant, Ink::Either) => tr!(words, "report-ink-consultant-either"),
        (Audience::Consultant, Ink::None) => tr!(words, "report-ink-consultant-none"),
    }
}

/// The ink in one word, for headlines and what-if lines ("ink either or temporary").
pub fn ink_short(words: Words, ink: Ink) -> String {
    match ink {
        Ink::Temporary => tr!(words, "report-ink-short-temporary"),
        Ink::Permanent => tr!(words, "report-ink-short-permanent"),
        Ink::Either => tr!(words, "report-ink-short-either"),
        Ink::None => tr!(words, "report-ink-short-none"),
    }
}

/// What an ink choice means when no single rule explains it.
pub fn ink_note(words: Words, ink: Ink, audience: Audience) -> Option<String> {
    match (audience, ink) {
        (Audience::Patient, Ink::Either) => Some(tr!(words, "report-ink-note-patient-either")),
        (Audience::Consultant, Ink::Either) => Some(tr!(words, "report-ink-note-consultant-either")),
        _ => None,
    }
}

/// An ink effect as a key for JSON (`forbid_permanent`, `prefer_temporary`, …); the same
/// in every language.
pub fn effect_key(forbid: bool, ink: InkKind) -> &'static str {
    match (forbid, ink) {
        (true, InkKind::Permanent) => "forbid_permanent",
        (true, InkKind::Temporary) => "forbid_temporary",
        (false, InkKind::Permanent) => "prefer_permanent",
        (false, InkKind::Temporary) => "prefer_temporary",
    }
}

/// The effect an [`effect_key`] names, as (forbids?, ink); `None` for any other text.
pub fn effect_of_key(key: &str) -> Option<(bool, InkKind)> {
    match key {
        "forbid_permanent" => Some((true, InkKind::Permanent)),
        "forbid_temporary" => Some((true, InkKind::Temporary)),
        "prefer_permanent" => Some((false, InkKind::Permanent)),
        "prefer_temporary" => Some((false, InkKind::Temporary)),
        _ => None,
    }
}

/// An ink effect in words ("rules out permanent ink").
pub fn effect_words(words: Words, forbid: bool, ink: InkKind) -> String {
    match (forbid, ink) {
        (true, InkKind::Permanent) => tr!(words, "report-effect-forbid-permanent"),
        (true, InkKind::Temporary) => tr!(words, "report-effect-forbid-temporary"),
        (false, InkKind::Temporary) => tr!(words, "report-effect-prefer-temporary"),
        (false, InkKind::Permanent) => tr!(words, "report-effect-prefer-permanent"),
    }
}

/// An ink effect, short, beside a rule ("rules out permanent"); `None` is an effect the
/// tool does not know ("shapes the ink").
pub fn effect_short(words: Words, effect: Option<(bool, InkKind)>) -> String {
    match effect {
        Some((true, InkKind::Permanent)) => tr!(words, "report-effect-short-forbid-permanent"),
        Some((true, InkKind::Temporary)) => tr!(words, "report-effect-short-forbid-temporary"),
        Some((false, InkKind::Temporary)) => tr!(words, "report-effect-short-prefer-temporary"),
        Some((false, InkKind::Permanent)) => tr!(words, "report-effect-short-prefer-permanent"),
        None => tr!(words, "report-effect-short-unknown"),
    }
}

/// An ink effect as a tag beside a rule id for the consultant ("forbid permanent"); an
/// unknown key is shown as it is, with spaces for underscores.
pub fn effect_tag(words: Words, key: &str) -> String {
    match effect_of_key(key) {
        Some((true, InkKind::Permanent)) => tr!(words, "report-effect-tag-forbid-permanent"),
        Some((true, InkKind::Temporary)) => tr!(words, "report-effect-tag-forbid-temporary"),
        Some((false, InkKind::Temporary)) => tr!(words, "report-effect-tag-prefer-temporary"),
        Some((false, InkKind::Permanent)) => tr!(words, "report-effect-tag-prefer-permanent"),
        None => key.replace('_', " "),
    }
}

/// How strong the evidence is, in words.
pub fn evidence_words(words: Words, evidence: Evidence, audience: Audience) -> String {
    match (audience, evidence) {
        (Audience::Patient, Evidence::Clinical) => tr!(words, "report-evidence-patient-clinical"),
        (Audience::Patient, Evidence::Practitioner) => tr!(words, "report-evidence-patient-practitioner"),
        (Audience::Patient, Evidence::Marketing) => tr!(words, "report-evidence-patient-marketing"),
        (Audience::Patient, Evidence::Inference) => tr!(words, "report-evidence-patient-inference"),
        (Audience::Consultant, Evidence::Clinical) => tr!(words, "report-evidence-consultant-clinical"),
        (Audience::Consultant, Evidence::Practitioner) => tr!(words, "report-evidence-consultant-practitioner"),
        (Audience::Consultant, Evidence::Marketing) => tr!(words, "report-evidence-consultant-marketing"),
        (Audience::Consultant, Evidence::Inference) => tr!(words, "report-evidence-consultant-inference"),
    }
}

/// The evidence cell of a rule table for clinical review: a dash when the rule has none.
pub fn evidence_cell(words: Words, evidence: Option<Evidence>) -> String {
    evidence.map_or_else(|| "—".to_owned(), |e| evidence_words(words, e, Audience::Consultant))
}

/// Severity label (`HIGH`), as a tag.
pub fn severity_label(words: Words, severity: Severity) -> String {
    match severity {
        Severity::High => tr!(words, "report-severity-high"),
        Severity::Medium => tr!(words, "report-severity-medium"),
        Severity::Low => tr!(words, "report-severity-low"),
    }
}

/// Severity as a word in tables (`high`).
pub fn severity_word(words: Words, severity: Severity) -> String {
    match severity {
        Severity::High => tr!(words, "report-severity-word-high"),
        Severity::Medium => tr!(words, "report-severity-word-medium"),
        Severity::Low => tr!(words, "report-severity-word-low"),
    }
}

/// The rulebook's review status in words ("not yet reviewed by a clinician"); in English
/// the same as [`Review::words`].
pub fn review(words: Words, review: &Review) -> String {
    match review {
        Review::Draft => tr!(words, "report-review-draft"),
        Review::Reviewed { by, on } => tr!(words, "report-review-reviewed", by = by, date = &written_iso(words, on)),
        Review::ChangedSinceReview { on, .. } => tr!(words, "report-review-changed", date = &written_iso(words, on)),
    }
}

/// A date as a person reads it in the language: English `2026-12-02`, Italian
/// `2 dicembre 2026`, Spanish `2 de diciembre de 2026`.
pub fn date(words: Words, date: Date) -> String {
    let iso = date.to_string();
    // The day as a number, so a language can choose a form for it ("1º" in Italian); the
    // year as text, never grouped into "2.026".
    let day = date.day as usize;
    let year = date.year.to_string();
    let month = match date.month {
        1 => tr!(words, "report-month-1"),
        2 => tr!(words, "report-month-2"),
        3 => tr!(words, "report-month-3"),
        4 => tr!(words, "report-month-4"),
        5 => tr!(words, "report-month-5"),
        6 => tr!(words, "report-month-6"),
        7 => tr!(words, "report-month-7"),
        8 => tr!(words, "report-month-8"),
        9 => tr!(words, "report-month-9"),
        10 => tr!(words, "report-month-10"),
        11 => tr!(words, "report-month-11"),
        _ => tr!(words, "report-month-12"),
    };
    tr!(
        words,
        "report-date",
        iso = &iso,
        day = day,
        month = &month,
        year = &year
    )
}

/// A `YYYY-MM-DD` text written as [`date`] does; any other text as it is.
pub fn written_iso(words: Words, text: &str) -> String {
    Date::parse(text).map_or_else(|| text.to_owned(), |d| date(words, d))
}

/// A wait in words: "6 months", "1 week".
pub fn wait(words: Words, wait: Recheck) -> String {
    match wait {
        Recheck::Months(n) => tr!(words, "report-wait-months", count = n as usize),
        Recheck::Weeks(n) => tr!(words, "report-wait-weeks", count = n as usize),
    }
}

/// Names joined with commas and a final "and" (`or` false) or "or" (`or` true), in the
/// language's words: "a, b and c".
pub fn list(words: Words, names: &[&str], or: bool) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => {
            let rest = rest.join(", ");
            if or {
                tr!(words, "report-list-or", rest = &rest, last = *last)
            } else {
                tr!(words, "report-list-and", rest = &rest, last = *last)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_review_words_are_the_rulebooks_own() {
        let en = Words::english();
        let reviewed = Review::Reviewed {
            by: "Dr R".into(),
            on: "2026-06-01".into(),
        };
        let changed = Review::ChangedSinceReview {
            by: "Dr R".into(),
            on: "2026-06-01".into(),
        };
        for r in [Review::Draft, reviewed, changed] {
            assert_eq!(review(en, &r), r.words());
        }
    }

    #[test]
    fn dates_are_written_the_local_way() {
        let d = Date::parse("2026-12-02").unwrap();
        assert_eq!(date(Words::english(), d), "2026-12-02");
        assert_eq!(date(Words::new("it"), d), "2 dicembre 2026");
        assert_eq!(date(Words::new("es"), d), "2 de diciembre de 2026");
        let first = Date::parse("2027-01-01").unwrap();
        assert_eq!(date(Words::new("it"), first), "1º gennaio 2027");
        assert_eq!(date(Words::new("es"), first), "1 de enero de 2027");
        assert_eq!(written_iso(Words::new("it"), "2026-06-01"), "1º giugno 2026");
        assert_eq!(written_iso(Words::new("it"), "soon"), "soon");
    }

    #[test]
    fn waits_and_lists_follow_the_language() {
        assert_eq!(wait(Words::english(), Recheck::Months(1)), "1 month");
        assert_eq!(wait(Words::english(), Recheck::Weeks(3)), "3 weeks");
        assert_eq!(wait(Words::new("it"), Recheck::Months(1)), "1 mese");
        assert_eq!(wait(Words::new("it"), Recheck::Months(6)), "6 mesi");
        assert_eq!(wait(Words::new("es"), Recheck::Weeks(1)), "1 semana");
        assert_eq!(wait(Words::new("es"), Recheck::Weeks(2)), "2 semanas");
        assert_eq!(list(Words::english(), &["a", "b", "c"], false), "a, b and c");
        assert_eq!(list(Words::new("it"), &["a", "b"], true), "a o b");
        assert_eq!(list(Words::new("es"), &["a", "b", "c"], false), "a, b y c");
    }
}
