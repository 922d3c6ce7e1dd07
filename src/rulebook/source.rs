//! Where a rulebook's text comes from: one file, every `*.json` file of a folder (in name
//! order), or the copy of `rules/` compiled into the binary.

use sha2::{Digest, Sha256};
use std::path::Path;

/// Largest rulebook file accepted; real rulebooks are a few hundred KiB.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Most files a rulebook folder may hold.
pub const MAX_FILES: usize = 256;

/// Largest total of a rulebook folder's files: the same as one file, so that a folder
/// can never hold more than a single file could (parsing takes several times the text).
pub const MAX_TOTAL_BYTES: u64 = MAX_FILE_BYTES;

/// One file of a rulebook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Name shown in diagnostics (the path given, or `rules/NAME` when embedded).
    pub name: String,
    /// The file's text.
    pub text: String,
    /// Whether a folder entry was reached through a symbolic link (which is followed).
    pub linked: bool,
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
    #[error("rulebook file {path} is not UTF-8 text (first bad byte at {at})")]
    NotUtf8 {
        /// The path.
        path: String,
        /// Where the first bad byte is.
        at: String,
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
    /// A folder entry named `*.json` that is not a regular file: a rulebook loads whole
    /// or not at all, so it is an error rather than skipped.
    #[error("rulebook entry {path} is {what}, not a regular file; remove it or rename it without .json")]
    NotRegular {
        /// The path.
        path: String,
        /// What it is, in words ("a FIFO", "a folder"...).
        what: &'static str,
    },
    /// A folder's files are larger together than [`MAX_TOTAL_BYTES`].
    #[error("rulebook folder {path} holds more than {} MiB in total, the limit", MAX_TOTAL_BYTES >> 20)]
    FolderTooLarge {
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
                    linked: false,
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
                linked: false,
            }],
            single: true,
        }
    }

    /// A file, or the `*.json` files directly inside a folder (sub-folders such as `cases/`
    /// are not read).
    pub fn read(path: &Path) -> Result<Sources, ReadError> {
        let shown = shown_path(path);
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
            if p.extension().is_some_and(|e| e == "json") {
                let linked = entry.file_type().map_err(io)?.is_symlink();
                paths.push((p, linked));
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
        // Every entry is checked before any is read, so that the error names the entry
        // that is wrong rather than the first one too many bytes arrive from.
        let mut total = 0u64;
        for (p, _) in &paths {
            let meta = regular_metadata(p).map_err(|what| ReadError::NotRegular {
                path: shown_path(p),
                what,
            })?;
            total = total.saturating_add(meta.len());
        }
        if total > MAX_TOTAL_BYTES {
            return Err(ReadError::FolderTooLarge { path: shown });
        }
        let mut budget = MAX_TOTAL_BYTES;
        let mut files = Vec::with_capacity(paths.len());
        for (p, linked) in &paths {
            let file = read_entry(p, budget).map_err(|e| match e {
                ReadError::TooLarge { .. } if budget < MAX_FILE_BYTES => {
                    ReadError::FolderTooLarge { path: shown.clone() }
                }
                e => e,
            })?;
            budget -= file.text.len() as u64;
            files.push(SourceFile {
                linked: *linked,
                ..file
            });
        }
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

/// A path as shown in messages: on one line, hidden characters made visible.
fn shown_path(path: &Path) -> String {
    crate::sanitize::one_line(&path.display().to_string()).into_owned()
}

/// The metadata of a regular file at `path` (a symbolic link is followed), or what the
/// entry is instead, in words.
pub fn regular_metadata(path: &Path) -> Result<std::fs::Metadata, &'static str> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => Ok(meta),
        Ok(meta) => Err(kind_of(&meta.file_type())),
        Err(_) if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) => {
            Err("a symbolic link to nothing (dangling)")
        }
        Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => Err("unreadable (permission denied)"),
        Err(_) => Err("unreadable"),
    }
}

/// What a non-regular file is, in words.
pub fn kind_of(t: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    if t.is_dir() { "a folder" } else { "not a regular file" }
}

/// Opens a file that must be regular, without ever blocking: on Unix the open does not
/// wait for a writer even if a FIFO was put in its place since it was checked, and the
/// opened file is checked again.
pub fn open_regular(path: &Path) -> Result<std::fs::File, OpenError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(OpenError::Io)?;
    let meta = file.metadata().map_err(OpenError::Io)?;
    if !meta.is_file() {
        return Err(OpenError::NotRegular(kind_of(&meta.file_type())));
    }
    Ok(file)
}

/// Why [`open_regular`] failed.
#[derive(Debug)]
pub enum OpenError {
    /// The file could not be opened.
    Io(std::io::Error),
    /// It is not a regular file; what it is, in words.
    NotRegular(&'static str),
}

/// Reads one entry of a rulebook folder, which must be a regular file.
pub(crate) fn read_entry(path: &Path, limit: u64) -> Result<SourceFile, ReadError> {
    let shown = shown_path(path);
    let file = open_regular(path).map_err(|e| match e {
        OpenError::Io(source) => ReadError::Io {
            path: shown.clone(),
            source,
        },
        OpenError::NotRegular(what) => ReadError::NotRegular {
            path: shown.clone(),
            what,
        },
    })?;
    read_opened(file, shown, limit)
}

fn read_file(path: &Path) -> Result<SourceFile, ReadError> {
    let shown = shown_path(path);
    let io = |source| ReadError::Io {
        path: shown.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    read_opened(file, shown, MAX_FILE_BYTES)
}

fn read_opened(file: std::fs::File, shown: String, limit: u64) -> Result<SourceFile, ReadError> {
    let io = |source| ReadError::Io {
        path: shown.clone(),
        source,
    };
    let Some(bytes) = read_bounded(file, limit.min(MAX_FILE_BYTES)).map_err(io)? else {
        return Err(ReadError::TooLarge { path: shown });
    };
    let mut text = String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        path: shown.clone(),
        at: utf8_position(e.as_bytes(), e.utf8_error().valid_up_to()),
    })?;
    strip_bom(&mut text);
    Ok(SourceFile {
        name: shown,
        text,
        linked: false,
    })
}

/// Where the first bad byte is, as "line L, byte B" (the byte counted from 1 in the file).
pub fn utf8_position(bytes: &[u8], valid_up_to: usize) -> String {
    let line = 1 + bytes[..valid_up_to].iter().filter(|&&b| b == b'\n').count();
    format!("line {line}, byte {}", valid_up_to + 1)
}
