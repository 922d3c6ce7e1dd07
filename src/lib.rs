//! smp-screen: screens a person for scalp micropigmentation (SMP) with a rulebook of
//! questions and rules loaded from JSON. A screening aid, never a diagnosis.
//!
//! The library holds everything but the command line: the rulebook format and loader
//! ([`rulebook`]), the three-valued rule engine ([`engine`]), answers ([`answers`]), the
//! shared result and its output formats ([`report`]).

pub mod answers;
pub mod audience;
pub mod batch;
pub mod cases;
pub mod check;
pub mod condition;
pub mod date;
pub mod describe;
pub mod engine;
pub mod explain;
// Not public API: the fuzz crate (fuzz/) and tests/fuzz_regressions.rs call these checks,
// so the module is reachable from outside the crate but hidden from the docs and free to
// change. A cargo feature would hide it too, but `cargo test` would then skip the
// regression replays unless run with the feature.
#[doc(hidden)]
pub mod fuzz_checks;
pub mod html_page;
pub mod interview;
pub mod json_error;
pub mod print;
pub mod record;
pub mod replay;
pub mod report;
pub mod rulebook;
pub mod sanitize;
pub mod style;
pub mod suggest;
pub mod summary;
pub mod wording_check;
pub mod words;
