//! Fixed wording for the engine's vocabulary, in two voices.

use crate::audience::Audience;
use crate::engine::Ink;
use crate::i18n::Words;
use crate::rulebook::{Evidence, InkKind, Severity, Verdict};
use crate::tr;

/// What a verdict means.
pub fn verdict_meaning(verdict: Verdict, audience: Audience) -> &'static str {
    match (audience, verdict) {
        (Audience::Patient, Verdict::Suitable) => {
            "Nothing in your answers argues against SMP. A practitioner still has to see your scalp before any treatment."
        }
        (Audience::Patient, Verdict::Caution) => "SMP may suit you, but only with the conditions below in mind.",
        (Audience::Patient, Verdict::Refer) => {
            "See a physician first: something in your answers needs a doctor's opinion before any SMP."
        }
        (Audience::Patient, Verdict::Unsuitable) => "SMP is not advisable now.",
        (Audience::Consultant, Verdict::Suitable) => "No contraindication or caution identified by the screen.",
        (Audience::Consultant, Verdict::Caution) => {
            "Candidate with conditions: address the risks and advice before treatment."
        }
        (Audience::Consultant, Verdict::Refer) => "Medical clearance required before treatment.",
        (Audience::Consultant, Verdict::Unsuitable) => "Not a candidate at present.",
    }
}

/// The verdict's short label.
pub fn verdict_label(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Suitable => "SUITABLE",
        Verdict::Caution => "CAUTION",
        Verdict::Refer => "REFER",
        Verdict::Unsuitable => "UNSUITABLE",
    }
}

/// The heading of the ink section: conditional when a physician must clear the person first.
pub fn ink_heading(verdict: Verdict, audience: Audience) -> &'static str {
    match (verdict >= Verdict::Refer && verdict < Verdict::Unsuitable, audience) {
        (true, Audience::Patient) => "Ink, if a physician agrees:",
        (true, Audience::Consultant) => "Ink (subject to medical clearance):",
        (false, _) => "Ink:",
    }
}

/// The ink in words.
pub fn ink_name(ink: Ink, audience: Audience) -> &'static str {
    match (audience, ink) {
        (Audience::Patient, Ink::Temporary) => "fading (\"temporary\") pigment",
        (Audience::Patient, Ink::Permanent) => "permanent pigment",
        (Audience::Patient, Ink::Either) => "either fading or permanent pigment",
        (Audience::Patient, Ink::None) => "none for now",
        (Audience::Consultant, Ink::Temporary) => "temporary (resorbable) pigment",
        (Audience::Consultant, Ink::Permanent) => "permanent pigment",
        (Audience::Consultant, Ink::Either) => "temporary or permanent pigment",
        (Audience::Consultant, Ink::None) => "none (not a candidate at present)",
    }
}

/// What an ink choice means when no single rule explains it.
pub fn ink_note(ink: Ink, audience: Audience) -> Option<&'static str> {
    match (audience, ink) {
        (Audience::Patient, Ink::Either) => Some(
            "Nothing in your answers points to one ink. Fading ink has to be redone every year or few and may leave a faint trace; permanent ink fades slowly but does not go away on its own.",
        ),
        (Audience::Consultant, Ink::Either) => Some("No rule constrains the pigment choice; decide with the patient."),
        _ => None,
    }
}

/// An ink effect as a key for JSON (`forbid_permanent`, `prefer_temporary`, …).
pub fn effect_key(forbid: bool, ink: InkKind) -> &'static str {
    match (forbid, ink) {
        (true, InkKind::Permanent) => "forbid_permanent",
        (true, InkKind::Temporary) => "forbid_temporary",
        (false, InkKind::Permanent) => "prefer_permanent",
        (false, InkKind::Temporary) => "prefer_temporary",
    }
}

/// An ink effect in words.
pub fn effect_words(words: Words, forbid: bool, ink: InkKind) -> String {
    match (forbid, ink) {
        (true, InkKind::Permanent) => tr!(words, "explain-effect-forbid-permanent"),
        (true, InkKind::Temporary) => tr!(words, "explain-effect-forbid-temporary"),
        (false, InkKind::Temporary) => tr!(words, "explain-effect-prefer-temporary"),
        (false, InkKind::Permanent) => tr!(words, "explain-effect-prefer-permanent"),
    }
}

/// How strong the evidence is, in words.
pub fn evidence_words(evidence: Evidence, audience: Audience) -> &'static str {
    match (audience, evidence) {
        (Audience::Patient, Evidence::Clinical) => "studies show this",
        (Audience::Patient, Evidence::Practitioner) => "clinics report this",
        (Audience::Patient, Evidence::Marketing) => "only advertising claims this",
        (Audience::Patient, Evidence::Inference) => "reasoned, not yet studied",
        (Audience::Consultant, Evidence::Clinical) => "clinical literature",
        (Audience::Consultant, Evidence::Practitioner) => "practitioner opinion",
        (Audience::Consultant, Evidence::Marketing) => "marketing claim",
        (Audience::Consultant, Evidence::Inference) => "inference",
    }
}

/// The evidence cell of a rule table for clinical review: a dash when the rule has none.
pub fn evidence_cell(words: Words, evidence: Option<Evidence>) -> String {
    match evidence {
        None => "—".to_owned(),
        Some(Evidence::Clinical) => tr!(words, "explain-evidence-cell-clinical"),
        Some(Evidence::Practitioner) => tr!(words, "explain-evidence-cell-practitioner"),
        Some(Evidence::Marketing) => tr!(words, "explain-evidence-cell-marketing"),
        Some(Evidence::Inference) => tr!(words, "explain-evidence-cell-inference"),
    }
}

/// Severity label, fixed width for alignment.
pub fn severity_label(severity: Severity) -> &'static str {
    match severity {
        Severity::High => "HIGH",
        Severity::Medium => "MEDIUM",
        Severity::Low => "LOW",
    }
}
