//! What a file really is, from its first bytes (magic numbers), and what its name claims it is.
//! A file's name is chosen by whoever sends it; its bytes decide (第八条二: check what is
//! uploaded, not what it is called).

use serde::{Deserialize, Serialize};

/// The kinds of file the attachment check tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Jpeg,
    Png,
    Gif,
    Webp,
    Bmp,
    Tiff,
    Heic,
    Pdf,
    Docx,
    Xlsx,
    Pptx,
    /// docm/xlsm/pptm, or any OOXML file carrying a VBA project.
    MacroOffice,
    /// Old binary Office (doc/xls/ppt): an OLE compound file.
    OleOffice,
    Mp4,
    Mov,
    Avi,
    Mkv,
    Flv,
    Wmv,
    Mpeg,
    Mp3,
    Wav,
    Zip,
    Rar,
    SevenZip,
    Gzip,
    Tar,
    /// Windows PE (exe, dll, scr…).
    WindowsExecutable,
    Elf,
    MachO,
    /// Java archives, Android packages, dex, WebAssembly: code for some machine.
    OtherExecutable,
    Shortcut,
    Script,
    Text,
    /// Looks like text but is not UTF-8 (often GBK).
    TextNotUtf8,
    Empty,
    Unknown,
}

/// Broad families of files, which decide what is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileClass {
    Image,
    Document,
    Video,
    Audio,
    Archive,
    Text,
    Executable,
    Script,
    Unknown,
}

impl FileKind {
    pub fn class(self) -> FileClass {
        match self {
            Self::Jpeg
            | Self::Png
            | Self::Gif
            | Self::Webp
            | Self::Bmp
            | Self::Tiff
            | Self::Heic => FileClass::Image,
            Self::Pdf
            | Self::Docx
            | Self::Xlsx
            | Self::Pptx
            | Self::MacroOffice
            | Self::OleOffice => FileClass::Document,
            Self::Mp4 | Self::Mov | Self::Avi | Self::Mkv | Self::Flv | Self::Wmv | Self::Mpeg => {
                FileClass::Video
            }
            Self::Mp3 | Self::Wav => FileClass::Audio,
            Self::Zip | Self::Rar | Self::SevenZip | Self::Gzip | Self::Tar => FileClass::Archive,
            Self::Text | Self::TextNotUtf8 => FileClass::Text,
            Self::WindowsExecutable
            | Self::Elf
            | Self::MachO
            | Self::OtherExecutable
            | Self::Shortcut => FileClass::Executable,
            Self::Script => FileClass::Script,
            Self::Empty | Self::Unknown => FileClass::Unknown,
        }
    }

    /// Whether two kinds are the same format for the purpose of a name check (an iPhone .mov
    /// saved as .mp4 is not a disguise, nor is a GBK-encoded .txt).
    pub(crate) fn same_format(self, other: FileKind) -> bool {
        let video = |k| matches!(k, Self::Mp4 | Self::Mov);
        let text = |k| matches!(k, Self::Text | Self::TextNotUtf8);
        self == other || video(self) && video(other) || text(self) && text(other)
    }
}

/// How much of the start of a file the sniffers look at.
pub(crate) const HEAD_LEN: usize = 64 * 1024;

/// Signs of a script in text: the first lines of batch, PowerShell, VBScript, JScript, shell,
/// PHP or HTML with script. A text file carrying these is refused like the script itself.
const SCRIPT_MARKERS: &[&str] = &[
    "@echo off",
    "wscript.",
    "cscript",
    "createobject(",
    "activexobject",
    "shell.application",
    "powershell",
    "invoke-expression",
    "invoke-webrequest",
    "-encodedcommand",
    "set-executionpolicy",
    "<script",
    "javascript:",
    "<?php",
    "eval(",
    "cmd.exe",
    "cmd /c",
];

/// The kind of a file from its bytes alone. Zips and OLE files are refined later by looking
/// inside (a docx is a zip).
pub fn sniff(bytes: &[u8]) -> FileKind {
    let b = bytes;
    let at = |offset: usize, magic: &[u8]| b.get(offset..offset + magic.len()) == Some(magic);
    if b.is_empty() {
        return FileKind::Empty;
    }
    if at(0, b"\xFF\xD8\xFF") {
        FileKind::Jpeg
    } else if at(0, b"\x89PNG\r\n\x1A\n") {
        FileKind::Png
    } else if at(0, b"GIF87a") || at(0, b"GIF89a") {
        FileKind::Gif
    } else if at(0, b"RIFF") && at(8, b"WEBP") {
        FileKind::Webp
    } else if at(0, b"RIFF") && at(8, b"AVI ") {
        FileKind::Avi
    } else if at(0, b"RIFF") && at(8, b"WAVE") {
        FileKind::Wav
    } else if at(0, b"BM") && looks_like_bmp(b) {
        FileKind::Bmp
    } else if at(0, b"II*\0") || at(0, b"MM\0*") {
        FileKind::Tiff
    } else if at(4, b"ftyp") {
        iso_media_kind(b.get(8..12).unwrap_or_default())
    } else if b
        .get(..1024.min(b.len()))
        .is_some_and(|head| find(head, b"%PDF-"))
    {
        FileKind::Pdf
    } else if at(0, b"PK\x03\x04") || at(0, b"PK\x05\x06") {
        FileKind::Zip
    } else if at(0, b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        FileKind::OleOffice
    } else if at(0, b"Rar!\x1A\x07") {
        FileKind::Rar
    } else if at(0, b"7z\xBC\xAF\x27\x1C") {
        FileKind::SevenZip
    } else if at(0, b"\x1F\x8B") {
        FileKind::Gzip
    } else if at(257, b"ustar") {
        FileKind::Tar
    } else if at(0, b"MZ") {
        FileKind::WindowsExecutable
    } else if at(0, b"\x7FELF") {
        FileKind::Elf
    } else if [
        b"\xFE\xED\xFA\xCE",
        b"\xFE\xED\xFA\xCF",
        b"\xCE\xFA\xED\xFE",
        b"\xCF\xFA\xED\xFE",
        b"\xCA\xFE\xBA\xBE",
    ]
    .iter()
    .any(|m| at(0, *m))
    {
        FileKind::MachO
    } else if at(0, b"dex\n") || at(0, b"\0asm") {
        FileKind::OtherExecutable
    } else if at(0, b"L\0\0\0\x01\x14\x02\0") {
        FileKind::Shortcut
    } else if at(0, b"\x1A\x45\xDF\xA3") {
        FileKind::Mkv
    } else if at(0, b"FLV\x01") {
        FileKind::Flv
    } else if at(0, b"\x30\x26\xB2\x75\x8E\x66\xCF\x11") {
        FileKind::Wmv
    } else if at(0, b"\0\0\x01\xBA") || at(0, b"\0\0\x01\xB3") {
        FileKind::Mpeg
    } else if at(0, b"ID3") || at(0, b"\xFF\xFB") || at(0, b"\xFF\xF3") || at(0, b"\xFF\xF2") {
        FileKind::Mp3
    } else {
        text_kind(bytes)
    }
}

/// ISO base media (MP4 family) by its major brand.
fn iso_media_kind(brand: &[u8]) -> FileKind {
    match brand {
        b"qt  " => FileKind::Mov,
        b"heic" | b"heix" | b"heim" | b"heis" | b"hevc" | b"hevx" | b"mif1" | b"msf1" | b"avif" => {
            FileKind::Heic
        }
        b"M4A " | b"M4B " => FileKind::Mp3,
        _ => FileKind::Mp4,
    }
}

/// "BM" starts too many things; a real BMP has zero reserved bytes and a pixel offset inside
/// the file.
fn looks_like_bmp(b: &[u8]) -> bool {
    let (Some(reserved), Some(offset)) = (b.get(6..10), b.get(10..14)) else {
        return false;
    };
    let offset = u32::from_le_bytes([offset[0], offset[1], offset[2], offset[3]]) as usize;
    reserved == [0, 0, 0, 0] && (14..b.len()).contains(&offset)
}

/// Text, script, non-UTF-8 text or garbage, for a file with no known magic number.
fn text_kind(bytes: &[u8]) -> FileKind {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let head = &body[..body.len().min(HEAD_LEN)];
    if !looks_like_text(head) {
        return FileKind::Unknown;
    }
    // A character cut off at the very end is fine: the bytes may be just the head of a file.
    if std::str::from_utf8(body).is_err_and(|e| e.error_len().is_some()) {
        return FileKind::TextNotUtf8;
    }
    if head.starts_with(b"#!") {
        return FileKind::Script;
    }
    let lower = String::from_utf8_lossy(head).to_lowercase();
    if SCRIPT_MARKERS.iter().any(|m| lower.contains(m)) {
        return FileKind::Script;
    }
    FileKind::Text
}

/// No NUL bytes and almost no control characters other than tab, newlines, form feed, escape.
fn looks_like_text(head: &[u8]) -> bool {
    if head.is_empty() || head.contains(&0) {
        return false;
    }
    let control = head
        .iter()
        .filter(|&&c| c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    control * 100 <= head.len()
}

/// Whether `needle` occurs in `haystack`.
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// The extension of a file name: after the last dot of the last path component, lower case,
/// with the trailing dots and spaces that Windows ignores removed.
pub fn extension(file_name: &str) -> Option<String> {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let base = base.trim_end_matches(['.', ' ']);
    let (stem, ext) = base.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then(|| ext.to_lowercase())
}

/// Extensions of programs, scripts and installers, refused whatever the bytes look like:
/// Windows runs them by name.
pub const DANGEROUS_EXTENSIONS: &[&str] = &[
    "exe", "dll", "com", "scr", "pif", "cpl", "msi", "msp", "msc", "sys", "drv", "ocx", "bat",
    "cmd", "ps1", "psm1", "psd1", "vbs", "vbe", "js", "jse", "mjs", "wsf", "wsh", "wsc", "hta",
    "sct", "reg", "inf", "lnk", "url", "jar", "class", "apk", "xapk", "ipa", "app", "dmg", "pkg",
    "deb", "rpm", "run", "bin", "sh", "bash", "zsh", "csh", "py", "pyw", "pl", "rb", "php", "asp",
    "aspx", "jsp", "cgi", "elf", "iso", "img", "vhd", "vhdx", "docm", "dotm", "xlsm", "xltm",
    "xlam", "xla", "pptm", "potm", "ppam", "ppsm", "sldm", "chm", "appx", "msix",
];

/// The kind a file name claims, or `None` for unknown or missing extensions.
pub fn claimed_kind(file_name: &str) -> Option<FileKind> {
    let kind = match extension(file_name)?.as_str() {
        "jpg" | "jpeg" | "jpe" | "jfif" => FileKind::Jpeg,
        "png" => FileKind::Png,
        "gif" => FileKind::Gif,
        "webp" => FileKind::Webp,
        "bmp" | "dib" => FileKind::Bmp,
        "tif" | "tiff" => FileKind::Tiff,
        "heic" | "heif" | "avif" => FileKind::Heic,
        "pdf" => FileKind::Pdf,
        "docx" | "dotx" => FileKind::Docx,
        "xlsx" | "xltx" => FileKind::Xlsx,
        "pptx" | "ppsx" | "potx" => FileKind::Pptx,
        "docm" | "dotm" | "xlsm" | "xltm" | "xlam" | "pptm" | "potm" | "ppam" | "ppsm" | "sldm" => {
            FileKind::MacroOffice
        }
        "doc" | "dot" | "xls" | "xlt" | "ppt" | "pps" | "pot" | "wps" | "et" | "dps" => {
            FileKind::OleOffice
        }
        "mp4" | "m4v" | "3gp" => FileKind::Mp4,
        "mov" => FileKind::Mov,
        "avi" => FileKind::Avi,
        "mkv" | "webm" => FileKind::Mkv,
        "flv" => FileKind::Flv,
        "wmv" | "asf" => FileKind::Wmv,
        "mpg" | "mpeg" | "vob" => FileKind::Mpeg,
        "mp3" | "m4a" => FileKind::Mp3,
        "wav" => FileKind::Wav,
        "zip" => FileKind::Zip,
        "rar" => FileKind::Rar,
        "7z" => FileKind::SevenZip,
        "gz" | "tgz" => FileKind::Gzip,
        "tar" => FileKind::Tar,
        "exe" | "dll" | "scr" | "sys" | "com" | "cpl" | "ocx" => FileKind::WindowsExecutable,
        "jar" | "apk" | "class" | "dex" | "wasm" => FileKind::OtherExecutable,
        "lnk" => FileKind::Shortcut,
        "bat" | "cmd" | "ps1" | "vbs" | "vbe" | "js" | "jse" | "wsf" | "hta" | "sh" | "py"
        | "php" => FileKind::Script,
        "txt" | "csv" | "md" | "log" | "json" | "xml" | "html" | "htm" => FileKind::Text,
        _ => return None,
    };
    Some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_numbers_decide() {
        let mut bmp = b"BM\x46\0\0\0\0\0\0\0\x36\0\0\0".to_vec();
        bmp.resize(70, 0);
        let mut tar = vec![b'a'; 300];
        tar[257..262].copy_from_slice(b"ustar");
        let cases: Vec<(Vec<u8>, FileKind)> = vec![
            (b"\xFF\xD8\xFF\xE0rest".to_vec(), FileKind::Jpeg),
            (b"\x89PNG\r\n\x1A\nrest".to_vec(), FileKind::Png),
            (b"GIF89a...".to_vec(), FileKind::Gif),
            (b"RIFF\0\0\0\0WEBPVP8 ".to_vec(), FileKind::Webp),
            (b"RIFF\0\0\0\0AVI LIST".to_vec(), FileKind::Avi),
            (bmp, FileKind::Bmp),
            (b"BMW is a car brand".to_vec(), FileKind::Text),
            (b"\0\0\0\x18ftypmp42\0\0".to_vec(), FileKind::Mp4),
            (b"\0\0\0\x14ftypqt  \0\0".to_vec(), FileKind::Mov),
            (b"\0\0\0\x18ftypheic\0\0".to_vec(), FileKind::Heic),
            (b"%PDF-1.7\n".to_vec(), FileKind::Pdf),
            (b"PK\x03\x04\x14\0".to_vec(), FileKind::Zip),
            (
                b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0".to_vec(),
                FileKind::OleOffice,
            ),
            (b"Rar!\x1A\x07\x01\0".to_vec(), FileKind::Rar),
            (b"7z\xBC\xAF\x27\x1C\0\x04".to_vec(), FileKind::SevenZip),
            (tar, FileKind::Tar),
            (b"MZ\x90\0\x03\0".to_vec(), FileKind::WindowsExecutable),
            (b"\x7FELF\x02\x01".to_vec(), FileKind::Elf),
            (b"\xCF\xFA\xED\xFE\x07\0".to_vec(), FileKind::MachO),
            (b"#!/bin/sh\nrm -rf /\n".to_vec(), FileKind::Script),
            (b"@ECHO OFF\r\ndel *.*\r\n".to_vec(), FileKind::Script),
            (
                b"Set s = CreateObject(\"WScript.Shell\")".to_vec(),
                FileKind::Script,
            ),
            ("通知：明天开会。".as_bytes().to_vec(), FileKind::Text),
            (b"\xEF\xBB\xBFhello".to_vec(), FileKind::Text),
            (b"\xCD\xA8\xD6\xAA\xA3\xBA".to_vec(), FileKind::TextNotUtf8), // 通知： in GBK
            (vec![0u8; 100], FileKind::Unknown),
            ((0u8..=255).cycle().take(4096).collect(), FileKind::Unknown),
            (Vec::new(), FileKind::Empty),
        ];
        for (bytes, expected) in cases {
            assert_eq!(
                sniff(&bytes),
                expected,
                "{:?}",
                String::from_utf8_lossy(&bytes[..bytes.len().min(16)])
            );
        }
    }

    #[test]
    fn names_are_read_like_windows_reads_them() {
        let cases = [
            ("photo.JPG", Some("jpg")),
            ("report.pdf.exe", Some("exe")),
            ("evil.exe. ", Some("exe")),
            ("dir.d/README", None),
            (".bashrc", None),
            ("C:\\Users\\a\\x.Docx", Some("docx")),
            ("noext", None),
        ];
        for (name, expected) in cases {
            assert_eq!(extension(name).as_deref(), expected, "{name}");
        }
        assert_eq!(claimed_kind("a.jpeg"), Some(FileKind::Jpeg));
        assert_eq!(claimed_kind("a.docm"), Some(FileKind::MacroOffice));
        assert_eq!(claimed_kind("a.xyz"), None);
        assert!(FileKind::Mov.same_format(FileKind::Mp4));
        assert!(!FileKind::Jpeg.same_format(FileKind::Png));
    }
}
