//! smp-screen: screens a person for scalp micropigmentation (SMP) with a rulebook of
//! questions and rules loaded from JSON. A screening aid, never a diagnosis.
//!
//! The library holds everything but the command line (`src/cli/`). Modules are grouped by
//! layer, lowest first; a module uses only lower layers and the few neighbours in its own
//! layer that ARCHITECTURE.md allows (tests/architecture.rs enforces the table).

// Foundations: no knowledge of rulebooks, answers or results.
pub mod audience; // who a rendering is for: patient or consultant
pub mod condition; // the compiled condition language, its flat form for evaluation, Kleene truth
pub mod date; // calendar dates and timestamps, local "today"
pub mod html_page; // the frame of every HTML page we write
pub mod json_error; // serde_json error messages without their position
pub mod sanitize; // untrusted text made safe for terminals, CSV and HTML
pub mod suggest; // "did you mean …?" for misspelt identifiers

// The rulebook: its format, loading, validation and compiled form.
pub mod rulebook;

// Answers validated against a rulebook's questions, and the tool's own words by language.
pub mod answers;
pub mod i18n; // Fluent message files, looked up in the rulebook's language

// Evaluation: the three-valued engine, and the interview as a state machine over it.
pub mod engine;
pub mod interview; // which question comes next, going back, edits

// Words: conditions and the engine's vocabulary in a patient's or a consultant's voice.
pub mod describe; // conditions in words
pub mod words; // fixed wording of verdicts, inks, severities, evidence

// Reasoning over evaluations: explanations, and proofs over every answer set.
pub mod explain; // how each conclusion was reached and what would change it
pub mod prove; // invariants and rulebook differences, proved with a SAT solver

// Presentation: the result and its formats, the printed rulebook, colour.
pub mod print; // the rulebook as an intake form and a rule table
pub mod report; // the result shared by every format, and one file per format
pub mod style; // colour, decided once per output stream
pub mod summary; // the one-screen summary that ends an interview

// Records and many rows: saved screenings, re-screening them, batch rows.
pub mod batch; // one batch row in, one record out
pub mod record; // a saved screening: answers, result, rulebook identity, time
pub mod replay; // re-screening saved records with the current rulebook

// Tooling for rule authors: the linter and the golden cases.
pub mod tooling;

// Not public API: the fuzz crate (fuzz/) and tests/fuzz_regressions.rs call these checks,
// so the module is reachable from outside the crate but hidden from the docs and free to
// change. A cargo feature would hide it too, but `cargo test` would then skip the
// regression replays unless run with the feature.
#[doc(hidden)]
pub mod fuzz_checks;
