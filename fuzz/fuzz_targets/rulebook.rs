//! A rulebook loaded from arbitrary bytes (see `smp_screen::fuzz_checks::rulebook`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| smp_screen::fuzz_checks::rulebook(data));
