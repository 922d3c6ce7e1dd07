//! Answers parsed and validated from arbitrary bytes (see `smp_screen::fuzz_checks::answers`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| smp_screen::fuzz_checks::answers(data));
