//! The README's install steps work on a fresh account: its `sh` and `bash` blocks under
//! "Install" run line by line in an empty home, with the binary of this build where
//! `cargo install` puts it. Also: the README's `rules check` sample is what the binary says.

mod common;

use common::repo;
use std::path::Path;
use std::process::Command;

/// The `sh` and `bash` code blocks of the README's Install section.
fn install_blocks() -> Vec<String> {
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let start = readme.find("\n## Install\n").expect("an Install section");
    let rest = &readme[start + 1..];
    let section = &rest[..rest[3..].find("\n## ").map_or(rest.len(), |i| i + 3)];
    let mut blocks = Vec::new();
    let mut lines = section.lines();
    while let Some(line) = lines.next() {
        if let Some(info) = line.strip_prefix("```")
            && (info == "sh" || info == "bash")
        {
            let body: Vec<&str> = lines.by_ref().take_while(|l| !l.starts_with("```")).collect();
            blocks.push(body.join("\n"));
        }
    }
    blocks
}

fn on_path(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn run_blocks(home: &Path, blocks: &[String], with_man: bool) -> std::process::Output {
    let mut script = String::from("set -eu\n");
    for block in blocks {
        for line in block.lines() {
            let command = line.trim();
            // The binary of this build stands in for `cargo install`.
            if command.is_empty() || command.starts_with('#') || command.starts_with("cargo install") {
                continue;
            }
            if command.starts_with("man ") && !with_man {
                continue;
            }
            script.push_str(line);
            script.push('\n');
        }
    }
    Command::new("bash")
        .arg("-c")
        .arg(&script)
        .env_clear()
        .env("HOME", home)
        .env(
            "PATH",
            format!("{}/.cargo/bin:/usr/local/bin:/usr/bin:/bin", home.display()),
        )
        .env("MANPAGER", "cat")
        .env("PAGER", "cat")
        .env("MANWIDTH", "80")
        .env("TERM", "dumb")
        .current_dir(home)
        .output()
        .unwrap()
}

#[test]
fn the_install_blocks_run_in_an_empty_home() {
    let blocks = install_blocks();
    assert!(
        blocks.len() >= 3,
        "install, man page and bash completion blocks: {blocks:?}"
    );
    let home = tempfile::tempdir().unwrap();
    let bin = home.path().join(".cargo/bin");
    std::fs::create_dir_all(&bin).unwrap();
    std::fs::copy(assert_cmd::cargo::cargo_bin("smp-screen"), bin.join("smp-screen")).unwrap();
    let with_man = on_path("man");
    let out = run_blocks(home.path(), &blocks, with_man);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "the install steps failed:\n{stderr}\n{stdout}");

    let completion = home.path().join(".local/share/bash-completion/completions/smp-screen");
    let script = std::fs::read_to_string(&completion).unwrap();
    assert!(script.contains("smp-screen"), "a bash completion script");
    let page = home.path().join(".cargo/share/man/man1/smp-screen.1");
    assert!(std::fs::read_to_string(&page).unwrap().contains(".TH"), "a roff page");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&page).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "the man page is readable by all");
    }
    if with_man {
        assert!(
            stdout.contains("SMP-SCREEN") || stdout.contains("smp-screen"),
            "{stdout}"
        );
        // Found without MANPATH, beside the binary on PATH.
        let found = Command::new("man")
            .args(["-w", "smp-screen"])
            .env_clear()
            .env("HOME", home.path())
            .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
            .output()
            .unwrap();
        assert_eq!(
            String::from_utf8_lossy(&found.stdout).trim(),
            page.display().to_string(),
            "{}",
            String::from_utf8_lossy(&found.stderr)
        );
    }
    // Pasting the steps again (an upgrade) works too.
    let again = run_blocks(home.path(), &blocks, false);
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
}

#[test]
fn the_powershell_and_zsh_steps_are_in_their_own_blocks() {
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    for block in install_blocks() {
        assert!(!block.contains("$PROFILE"), "PowerShell in an sh block: {block}");
        assert!(!block.contains("compinit"), "zsh in an sh block: {block}");
    }
    assert!(readme.contains("```powershell\n"));
    assert!(readme.contains("```zsh\n"));
}

#[test]
fn the_readme_rules_check_sample_is_what_the_binary_says() {
    let readme = std::fs::read_to_string(repo("README.md")).unwrap();
    let at = readme
        .find("$ smp-screen rules check\n")
        .expect("a sample of rules check");
    // The sample is every line after the command up to the end of the code block.
    let sample: Vec<&str> = readme[at..]
        .lines()
        .skip(1)
        .take_while(|l| !l.starts_with("```"))
        .collect();
    let out = common::smp().args(["rules", "check"]).output().unwrap();
    let said = String::from_utf8(out.stdout).unwrap();
    let said: Vec<&str> = said.lines().collect();
    assert_eq!(sample.len(), said.len(), "{sample:?} vs {said:?}");
    // The summary line exactly; the review line up to the hash, which the README shortens
    // (the hash changes with every edit of the rules' content, the sample need not).
    assert_eq!(said.last(), sample.last());
    let (shown, hash) = sample[0].split_once("content hash ").expect("a content hash");
    assert!(
        said[0].starts_with(&format!("{shown}content hash ")),
        "{} vs {}",
        said[0],
        sample[0]
    );
    let hash = hash.strip_suffix('…').expect("a shortened hash");
    assert!(hash.len() == 8 && hash.chars().all(|c| c.is_ascii_hexdigit()), "{hash}");
}
