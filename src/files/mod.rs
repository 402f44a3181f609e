//! Files in and out. Saving ([`write_atomically`]) leaves either the whole new file or the old
//! one. Bounded reads (issue 15, item 4): every file MediaDesk reads — attachments, JSON, holiday
//! calendars, word lists, scans, spreadsheets, fonts — goes through [`read_bytes`] or
//! [`read_text`]. They refuse what is not a regular file (a FIFO would block forever, a
//! device such as `/dev/zero` never ends, a directory is not a document) before anything
//! could wait on it, and they stop reading at the limit while reading, whatever the file's
//! size in its metadata says. So no input can hold the database lock while it waits, and no
//! input can grow memory until the system kills the program.

mod save;

pub use save::{SaveError, write_atomically};

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// What kind of thing a path turned out to be when a regular file was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAFile {
    Directory,
    /// A named pipe: reading waits until some other program writes.
    Fifo,
    /// A character device such as `/dev/zero` or a terminal: reading may never end.
    CharDevice,
    BlockDevice,
    Socket,
    /// Anything else the system has (Windows reparse points that are not links, …).
    Other,
}

/// Why a file was not read. Shown to the person in Chinese (`crate::text::hardening`), always
/// naming the file.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Nothing at that path.
    NotFound { path: PathBuf },
    /// A symbolic link whose target does not exist.
    DanglingLink { path: PathBuf },
    /// Something other than a regular file.
    NotAFile { path: PathBuf, kind: NotAFile },
    /// More than `limit` bytes: reading stopped there.
    TooLarge { path: PathBuf, limit: u64 },
    /// Read whole, but not UTF-8 text. `valid_up_to` is the byte offset of the first bad byte,
    /// `line` its 1-based line.
    NotUtf8 {
        path: PathBuf,
        valid_up_to: usize,
        line: usize,
    },
    /// The system refused or failed: the kind and, where there is one, the system's code.
    Io {
        path: PathBuf,
        kind: io::ErrorKind,
        code: Option<i32>,
    },
}

impl ReadError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            Self::NotFound { path }
            | Self::DanglingLink { path }
            | Self::NotAFile { path, .. }
            | Self::TooLarge { path, .. }
            | Self::NotUtf8 { path, .. }
            | Self::Io { path, .. } => path,
        }
    }

    fn io(path: &Path, error: &io::Error) -> Self {
        if error.kind() == io::ErrorKind::NotFound {
            return Self::NotFound {
                path: path.to_owned(),
            };
        }
        Self::Io {
            path: path.to_owned(),
            kind: error.kind(),
            code: error.raw_os_error(),
        }
    }
}

/// Reads a whole regular file of at most `limit` bytes.
///
/// The path is checked before it is opened (a FIFO, a device or a directory is refused
/// without touching it); on unix it is then opened with `O_NONBLOCK`, so that a FIFO swapped
/// in between the check and the open cannot block either, and the opened file is checked
/// again. Reading stops after `limit + 1` bytes: one byte over is enough to know it is too
/// large, whatever its metadata claims.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let metadata = std::fs::metadata(path).map_err(|e| missing_or_io(path, &e))?;
    refuse_non_regular(path, &metadata.file_type())?;
    let file = open_without_blocking(path).map_err(|e| ReadError::io(path, &e))?;
    let opened = file.metadata().map_err(|e| ReadError::io(path, &e))?;
    refuse_non_regular(path, &opened.file_type())?;
    // Trust the size only to reserve memory, never for the limit.
    let reserve = opened.len().min(limit).saturating_add(1);
    read_limited_with(file, path, limit, usize::try_from(reserve).unwrap_or(0))
}

/// Reads a whole regular file of at most `limit` bytes as UTF-8 text. A byte-order mark at
/// the start (Windows Notepad writes one) is dropped.
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    utf8(path, read_bytes(path, limit)?)
}

/// Reads at most `limit` bytes from any reader (standard input, an archive member), named
/// `name` in messages: the same refusal as for a file when there is more.
pub fn read_limited(reader: impl Read, name: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_limited_with(reader, name, limit, 0)
}

/// [`read_limited`] as UTF-8 text.
pub fn read_limited_text(reader: impl Read, name: &Path, limit: u64) -> Result<String, ReadError> {
    utf8(name, read_limited(reader, name, limit)?)
}

fn read_limited_with(
    reader: impl Read,
    path: &Path,
    limit: u64,
    reserve: usize,
) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(reserve);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::io(path, &e))?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            path: path.to_owned(),
            limit,
        });
    }
    Ok(bytes)
}

fn utf8(path: &Path, bytes: Vec<u8>) -> Result<String, ReadError> {
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{FEFF}') {
                text.drain(..'\u{FEFF}'.len_utf8());
            }
            Ok(text)
        }
        Err(e) => {
            let valid_up_to = e.utf8_error().valid_up_to();
            let line = 1 + e.as_bytes()[..valid_up_to]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            Err(ReadError::NotUtf8 {
                path: path.to_owned(),
                valid_up_to,
                line,
            })
        }
    }
}

/// `metadata` follows links: when it finds nothing, a link that is there itself is dangling.
fn missing_or_io(path: &Path, error: &io::Error) -> ReadError {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if error.kind() == io::ErrorKind::NotFound && is_link {
        ReadError::DanglingLink {
            path: path.to_owned(),
        }
    } else {
        ReadError::io(path, error)
    }
}

fn refuse_non_regular(path: &Path, file_type: &std::fs::FileType) -> Result<(), ReadError> {
    if file_type.is_file() {
        return Ok(());
    }
    Err(ReadError::NotAFile {
        path: path.to_owned(),
        kind: classify(file_type),
    })
}

#[cfg(unix)]
fn classify(file_type: &std::fs::FileType) -> NotAFile {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_dir() {
        NotAFile::Directory
    } else if file_type.is_fifo() {
        NotAFile::Fifo
    } else if file_type.is_char_device() {
        NotAFile::CharDevice
    } else if file_type.is_block_device() {
        NotAFile::BlockDevice
    } else if file_type.is_socket() {
        NotAFile::Socket
    } else {
        NotAFile::Other
    }
}

#[cfg(not(unix))]
fn classify(file_type: &std::fs::FileType) -> NotAFile {
    if file_type.is_dir() {
        NotAFile::Directory
    } else {
        NotAFile::Other
    }
}

/// Opens for reading without ever waiting: `O_NONBLOCK` makes opening a FIFO return at once
/// (it has no effect on reading a regular file, the only kind read afterwards).
#[cfg(unix)]
fn open_without_blocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    const LIMIT: u64 = 1024;

    #[test]
    fn a_regular_file_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("词表.txt");
        std::fs::write(&path, "赌博\n翻墙\n").unwrap();
        assert_eq!(read_text(&path, LIMIT).unwrap(), "赌博\n翻墙\n");
        assert_eq!(read_bytes(&path, LIMIT).unwrap(), "赌博\n翻墙\n".as_bytes());
    }

    #[test]
    fn a_file_exactly_at_the_limit_is_read_one_over_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("at.bin");
        std::fs::write(&path, vec![7u8; LIMIT as usize]).unwrap();
        assert_eq!(read_bytes(&path, LIMIT).unwrap().len(), LIMIT as usize);
        std::fs::write(&path, vec![7u8; LIMIT as usize + 1]).unwrap();
        let error = read_bytes(&path, LIMIT).unwrap_err();
        assert!(
            matches!(error, ReadError::TooLarge { limit: LIMIT, .. }),
            "{error:?}"
        );
        assert!(error.to_string().contains("at.bin"), "{error}");
        assert!(read_bytes(&path, 0).is_err());
    }

    #[test]
    fn empty_files_are_fine() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.json");
        std::fs::write(&path, "").unwrap();
        assert_eq!(read_text(&path, 0).unwrap(), "");
    }

    #[test]
    fn a_missing_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("没有这个文件.json");
        let error = read_text(&path, LIMIT).unwrap_err();
        assert!(matches!(error, ReadError::NotFound { .. }), "{error:?}");
        let message = error.to_string();
        assert!(message.contains("没有这个文件.json"), "{message}");
        assert!(message.contains("不存在"), "{message}");
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let error = read_bytes(dir.path(), LIMIT).unwrap_err();
        assert!(
            matches!(
                error,
                ReadError::NotAFile {
                    kind: NotAFile::Directory,
                    ..
                }
            ),
            "{error:?}"
        );
        assert!(error.to_string().contains("文件夹"), "{error}");
    }

    #[test]
    fn text_that_is_not_utf8_names_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gbk.txt");
        // 「赌博」 in GBK, on the second line.
        std::fs::write(&path, b"ok\n\xb6\xc4\xb2\xa9\n").unwrap();
        let error = read_text(&path, LIMIT).unwrap_err();
        assert!(
            matches!(
                error,
                ReadError::NotUtf8 {
                    valid_up_to: 3,
                    line: 2,
                    ..
                }
            ),
            "{error:?}"
        );
        let message = error.to_string();
        assert!(
            message.contains("gbk.txt") && message.contains("第 2 行"),
            "{message}"
        );
        assert!(message.contains("UTF-8"), "{message}");
    }

    #[test]
    fn a_byte_order_mark_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notepad.json");
        std::fs::write(&path, "\u{FEFF}{\"year\": 2026}").unwrap();
        assert_eq!(read_text(&path, LIMIT).unwrap(), "{\"year\": 2026}");
    }

    #[test]
    fn file_names_are_shown_without_raw_control_characters() {
        let dir = tempfile::tempdir().unwrap();
        let name = "report\u{202E}fdp.exe\u{1B}[2J.json";
        let error = read_text(&dir.path().join(name), LIMIT).unwrap_err();
        let message = error.to_string();
        assert!(
            !message.contains('\u{202E}') && !message.contains('\u{1B}'),
            "{message}"
        );
        assert!(
            message.contains("report\\u{202E}fdp.exe\\u{001B}[2J.json"),
            "{message}"
        );
    }

    #[test]
    fn readers_stop_at_the_limit() {
        let endless = std::io::repeat(b'x');
        let error = read_limited(endless, Path::new("标准输入"), LIMIT).unwrap_err();
        assert!(matches!(error, ReadError::TooLarge { .. }), "{error:?}");
        let text = read_limited_text(&b"abc"[..], Path::new("标准输入"), LIMIT).unwrap();
        assert_eq!(text, "abc");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_to_a_regular_file_is_followed() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.json");
        std::fs::write(&target, "{}").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert_eq!(read_text(&link, LIMIT).unwrap(), "{}");
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_symlink_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("dangling.json");
        std::os::unix::fs::symlink(dir.path().join("gone.json"), &link).unwrap();
        let error = read_text(&link, LIMIT).unwrap_err();
        assert!(matches!(error, ReadError::DanglingLink { .. }), "{error:?}");
        assert!(error.to_string().contains("dangling.json"), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn dev_zero_is_refused_at_once() {
        let started = Instant::now();
        let error = read_bytes(Path::new("/dev/zero"), 1 << 40).unwrap_err();
        assert!(
            matches!(
                error,
                ReadError::NotAFile {
                    kind: NotAFile::CharDevice,
                    ..
                }
            ),
            "{error:?}"
        );
        assert!(error.to_string().contains("/dev/zero"), "{error}");
        // Generous for a loaded machine; reading /dev/zero up to the limit would take hours.
        assert!(started.elapsed() < Duration::from_secs(1));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("input.json");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // Run on another thread so that a regression shows as a failure, not a hung test run.
        let (sender, receiver) = std::sync::mpsc::channel();
        let path = fifo.clone();
        std::thread::spawn(move || {
            let _ = sender.send(read_text(&path, LIMIT));
        });
        let result = receiver.recv_timeout(Duration::from_secs(5));
        if result.is_err() {
            // Unblock the reader thread so the test process can end.
            use std::os::unix::fs::OpenOptionsExt;
            let _ = OpenOptions::new()
                .write(true)
                .custom_flags(libc::O_NONBLOCK)
                .open(&fifo);
        }
        let error = result.expect("reading a FIFO must not wait").unwrap_err();
        assert!(
            matches!(
                error,
                ReadError::NotAFile {
                    kind: NotAFile::Fifo,
                    ..
                }
            ),
            "{error:?}"
        );
        assert!(error.to_string().contains("管道"), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn opening_a_fifo_itself_does_not_block() {
        // The second line of defence, for a FIFO swapped in after the check.
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("swap");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        let file = open_without_blocking(&fifo).unwrap();
        let kind = file.metadata().unwrap().file_type();
        assert!(matches!(
            refuse_non_regular(&fifo, &kind),
            Err(ReadError::NotAFile {
                kind: NotAFile::Fifo,
                ..
            })
        ));
    }
}
