//! Inputs replayed through the same checks the fuzz targets run
//! (`smp_screen::fuzz_checks`), so a fixed bug stays fixed. They live in
//! `tests/data/fuzz/TARGET/`: every input fuzzing flagged (copied from
//! `fuzz/artifacts/TARGET/`), and hand-made edge cases of the kinds fuzzing looks for
//! (byte-order marks, nesting past the parser's limit, control characters in every text,
//! numbers that are not numbers).

use std::path::PathBuf;

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| (p.clone(), std::fs::read(&p).unwrap()))
        .collect()
}

fn replay(target: &str, check: fn(&[u8])) {
    let inputs = inputs(target);
    assert!(!inputs.is_empty(), "no regression inputs for {target}");
    for (path, data) in inputs {
        if let Err(e) = std::panic::catch_unwind(|| check(&data)) {
            let message = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            panic!("{} fails again: {message}", path.display());
        }
    }
}

#[test]
fn rulebook_inputs() {
    replay("rulebook", smp_screen::fuzz_checks::rulebook);
}

#[test]
fn answers_inputs() {
    replay("answers", smp_screen::fuzz_checks::answers);
}

#[test]
fn csv_row_inputs() {
    replay("csv_row", smp_screen::fuzz_checks::csv_rows);
}
