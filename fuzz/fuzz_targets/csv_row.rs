//! CSV batch rows from arbitrary bytes (see `smp_screen::fuzz_checks::csv_rows`).
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| smp_screen::fuzz_checks::csv_rows(data));
