//! A rule's words against its verdict: a rationale or summary that calls something a
//! contraindication, or says the person must wait, while the rule only gives `caution`
//! (or no verdict at all) is a contradiction a reader would miss in a long rulebook.
//!
//! The phrases are deliberately few and strong, so that every warning is worth reading;
//! a negated use ("not a contraindication") is not reported.

use crate::rulebook::{Code, Diagnostic, Rulebook, Verdict};

/// Phrases that promise more than `caution`: a reason not to treat, or a deferral.
const STRONG: &[&str] = &[
    "contraindication",
    "contraindicated",
    "must wait",
    "has to wait",
    "have to wait",
    "must not be treated",
    "do not treat",
    "not advisable",
    "not a candidate",
];

/// Words that, just before a phrase, turn it around ("not a contraindication").
const NEGATIONS: &[&str] = &["not ", "no ", "never ", "isn't ", "is no "];

/// Warnings for rules whose summary or rationale reads stronger than their verdict.
pub fn check(rb: &Rulebook, out: &mut Vec<Diagnostic>) {
    for rule in &rb.rules {
        let verdict = rule.verdict.unwrap_or(Verdict::Suitable);
        if verdict >= Verdict::Refer {
            continue;
        }
        for (field, text) in [("summary", &rule.summary), ("rationale", &rule.rationale)] {
            let Some(text) = text else { continue };
            if let Some(phrase) = strong_phrase(text) {
                out.push(
                    Diagnostic::warning(
                        Code::WordingContradictsVerdict,
                        rule.origin.file,
                        format!("{}.{field}", rule.origin.path),
                        format!(
                            "rule `{}` gives `{}`, but its {field} says \"{phrase}\"",
                            rule.id,
                            verdict.as_str()
                        ),
                    )
                    .with_help(Some(
                        "raise the verdict (`refer`, or `unsuitable` with `recheck_after` for a reason to wait), or reword the text so it says what the verdict does".into(),
                    )),
                );
            }
        }
    }
}

/// The first strong phrase in `text` that is not negated, in lower case.
fn strong_phrase(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    STRONG.iter().copied().find(|phrase| {
        lower.match_indices(phrase).any(|(at, _)| {
            let before = &lower[..at];
            !NEGATIONS
                .iter()
                .any(|n| before.ends_with(n) || before.ends_with(&format!("{n}a ")))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rulebook::Sources;

    fn book(verdict: &str, summary: &str, rationale: &str) -> Rulebook {
        let text = serde_json::json!({
            "rulebook": {"id": "t", "title": "T", "version": "1.0.0", "status": "draft",
                "review_due": "2099-01-01", "disclaimer": "d"},
            "questions": [{"id": "scar", "kind": "yes_no", "answer_is": "fact", "prompt": "Scar?", "help": "h"}],
            "rules": [{"id": "fresh-scar", "title": "Fresh scar", "summary": summary,
                "when": {"question": "scar", "equals": true}, "verdict": verdict,
                "rationale": rationale, "source": "s", "evidence": "practitioner"}]
        });
        Rulebook::from_sources(Sources::from_text("t.json", &text.to_string())).unwrap()
    }

    fn warnings(rb: &Rulebook) -> Vec<String> {
        let mut out = Vec::new();
        check(rb, &mut out);
        out.iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn a_caution_rule_that_says_must_wait_is_reported() {
        let rb = book(
            "caution",
            "Your scar is fresh.",
            "The session must wait until it matures.",
        );
        let w = warnings(&rb);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].contains("fresh-scar") && w[0].contains("must wait") && w[0].contains("caution"),
            "{w:?}"
        );
    }

    #[test]
    fn a_summary_calling_it_a_contraindication_is_reported() {
        let rb = book("caution", "A strict Contraindication.", "Reasons.");
        let w = warnings(&rb);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].contains("summary"), "{w:?}");
    }

    #[test]
    fn the_same_words_under_unsuitable_or_refer_are_fine() {
        for v in ["unsuitable", "refer"] {
            let rb = book(v, "A contraindication.", "The session must wait.");
            assert!(warnings(&rb).is_empty(), "{v}");
        }
    }

    #[test]
    fn negated_phrases_and_mild_words_are_not_reported() {
        let rb = book(
            "caution",
            "This is not a contraindication.",
            "Treated disease is no contraindication; waiting helps.",
        );
        assert!(warnings(&rb).is_empty(), "{:?}", warnings(&rb));
    }

    #[test]
    fn the_default_rulebook_has_no_such_contradiction() {
        let rb = Rulebook::embedded().unwrap();
        assert!(warnings(&rb).is_empty(), "{:?}", warnings(&rb));
    }
}
