//! Where a rulebook's text comes from: one file, every `*.json` file of a folder (in name
//! order), or the copy of `rules/` compiled into the binary.

use sha2::{Digest, Sha256};
use std::path::Path;

/// Largest rulebook file accepted; real rulebooks are a few hundred KiB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Most files a rulebook folder may hold.
pub const MAX_FILES: usize = 256;

/// One file of a rulebook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Name shown in diagnostics (the path given, or `rules/NAME` when embedded).
    pub name: String,
    /// The file's text.
    pub text: String,
}

/// The files of one rulebook, in load order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sources {
    /// The files.
    pub files: Vec<SourceFile>,
    /// Whether this came from a single file (its hash is then the file's own SHA-256).
    pub single: bool,
}

pub(crate) mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));
}

/// A rulebook that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file or folder could not be read.
    #[error("cannot read rulebook {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A file is not UTF-8.
    #[error("rulebook file {path} is not UTF-8 text")]
    NotUtf8 {
        /// The path.
        path: String,
    },
    /// A file is larger than [`MAX_FILE_BYTES`].
    #[error("rulebook file {path} is larger than {} MiB, the limit", MAX_FILE_BYTES >> 20)]
    TooLarge {
        /// The path.
        path: String,
    },
    /// A folder holds no rulebook files.
    #[error("rulebook folder {path} holds no .json files")]
    EmptyFolder {
        /// The path.
        path: String,
    },
    /// A folder holds more than [`MAX_FILES`] files.
    #[error("rulebook folder {path} holds {count} .json files; the limit is {MAX_FILES}")]
    TooManyFiles {
        /// The path.
        path: String,
        /// How many.
        count: usize,
    },
}

impl Sources {
    /// The copy of `rules/*.json` compiled into the binary.
    pub fn embedded() -> Sources {
        Sources {
            files: embedded::FILES
                .iter()
                .map(|(name, text)| SourceFile {
                    name: format!("rules/{name}"),
                    text: (*text).to_owned(),
                })
                .collect(),
            single: false,
        }
    }

    /// One text, as if read from a file called `name`.
    pub fn from_text(name: &str, text: &str) -> Sources {
        Sources {
            files: vec![SourceFile {
                name: name.to_owned(),
                text: without_bom(text).to_owned(),
            }],
            single: true,
        }
    }

    /// A file, or the `*.json` files directly inside a folder (sub-folders such as `cases/`
    /// are not read).
    pub fn read(path: &Path) -> Result<Sources, ReadError> {
        let shown = path.display().to_string();
        let io = |source| ReadError::Io {
            path: shown.clone(),
            source,
        };
        let meta = std::fs::metadata(path).map_err(io)?;
        if !meta.is_dir() {
            return Ok(Sources {
                files: vec![read_file(path)?],
                single: true,
            });
        }
        let mut paths = Vec::new();
        for entry in std::fs::read_dir(path).map_err(io)? {
            let entry = entry.map_err(io)?;
            let p = entry.path();
            if p.extension().is_some_and(|e| e == "json") && entry.file_type().map_err(io)?.is_file() {
                paths.push(p);
            }
        }
        if paths.is_empty() {
            return Err(ReadError::EmptyFolder { path: shown });
        }
        if paths.len() > MAX_FILES {
            return Err(ReadError::TooManyFiles {
                path: shown,
                count: paths.len(),
            });
        }
        paths.sort();
        let files = paths.iter().map(|p| read_file(p)).collect::<Result<_, _>>()?;
        Ok(Sources { files, single: false })
    }

    /// SHA-256 of the content, in lowercase hex.
    ///
    /// For a single file this is the file's own hash (`sha256sum` agrees) without the
    /// byte-order mark, which is read as no content, so a copy re-saved with one keeps its
    /// hash and records made with either keep verifying; for a folder,
    /// the hash of each file's base name, length and bytes in load order, so the embedded
    /// copy and `--rules rules/` hash alike.
    pub fn sha256(&self) -> String {
        let mut hasher = Sha256::new();
        if self.single {
            hasher.update(self.files[0].text.as_bytes());
        } else {
            for f in &self.files {
                let base = f.name.rsplit(['/', '\\']).next().unwrap_or(&f.name);
                hasher.update(base.as_bytes());
                hasher.update([0]);
                hasher.update((f.text.len() as u64).to_le_bytes());
                hasher.update(f.text.as_bytes());
            }
        }
        hasher.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// The text without the byte-order mark that editors on Windows put first.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Removes the byte-order mark that editors on Windows put first, in place.
pub fn strip_bom(text: &mut String) {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
}

/// Reads everything from `reader` unless it holds more than `limit` bytes (then `None`).
/// Sizes are checked on what is read, not on metadata: a device or a pipe reports no
/// size and may never end.
pub fn read_bounded(reader: impl std::io::Read, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

fn read_file(path: &Path) -> Result<SourceFile, ReadError> {
    let shown = path.display().to_string();
    let io = |source| ReadError::Io {
        path: shown.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let Some(bytes) = read_bounded(file, MAX_FILE_BYTES).map_err(io)? else {
        return Err(ReadError::TooLarge { path: shown });
    };
    let mut text = String::from_utf8(bytes).map_err(|_| ReadError::NotUtf8 { path: shown.clone() })?;
    strip_bom(&mut text);
    Ok(SourceFile { name: shown, text })
}
