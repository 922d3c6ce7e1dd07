//! Tools for rule authors, above the engine: the linter behind `rules check` and the
//! golden cases behind `rules test`. They read a compiled rulebook and may run the
//! engine and the report; nothing below them reads them.

pub mod cases;
pub mod lint;
pub mod wording;
