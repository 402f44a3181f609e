//! Telling what a file is from its first bytes, not its name: people rename files, and a
//! 「台账.xlsx」 may be a Word document, a half-downloaded workbook or a password-protected
//! one. Each gets its own refusal before any parser sees it.

use std::io::Cursor;

use super::csv_file::read_csv;
use super::error::{ImportError, LooksLike};
use super::sheets::read_workbook;
use super::source::{SourceFile, SourceFormat};

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP_MAGIC: &[u8] = b"PK\x05\x06";
/// OLE compound file (CFB): old .xls/.doc, and the wrapper of an encrypted OOXML workbook.
const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Parses a spreadsheet held in memory (xlsx, xlsb, xls, ods or csv).
pub fn read_source_bytes(bytes: &[u8]) -> Result<SourceFile, ImportError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    if bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(EMPTY_ZIP_MAGIC) {
        let format = zip_format(bytes)?;
        return read_workbook(bytes, format);
    }
    if bytes.starts_with(CFB_MAGIC) {
        return read_compound(bytes);
    }
    if let Some(looks_like) = known_binary(bytes) {
        return Err(ImportError::NotASpreadsheet { looks_like });
    }
    read_csv(bytes)
}

/// Which workbook a zip holds, judged by the part names every such file must have.
fn zip_format(bytes: &[u8]) -> Result<SourceFormat, ImportError> {
    // A zip's directory is at its end: a file cut short has none.
    let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| ImportError::Truncated)?;
    let has = |name: &str| archive.index_for_name(name).is_some();
    if has("xl/workbook.xml") {
        return Ok(SourceFormat::Xlsx);
    }
    if has("xl/workbook.bin") {
        return Ok(SourceFormat::Xlsb);
    }
    if has("word/document.xml") {
        return Err(ImportError::NotASpreadsheet {
            looks_like: LooksLike::Word,
        });
    }
    if has("ppt/presentation.xml") {
        return Err(ImportError::NotASpreadsheet {
            looks_like: LooksLike::Presentation,
        });
    }
    if has("content.xml") {
        // OpenDocument names its kind in a stored `mimetype` entry, which starts the file.
        let spreadsheet = windows_contain(
            &bytes[..bytes.len().min(200)],
            b"application/vnd.oasis.opendocument.spreadsheet",
        );
        return if spreadsheet {
            Ok(SourceFormat::Ods)
        } else {
            Err(ImportError::NotASpreadsheet {
                looks_like: LooksLike::OtherOpenDocument,
            })
        };
    }
    Err(ImportError::NotASpreadsheet {
        looks_like: LooksLike::OtherZip,
    })
}

/// An OLE compound file: an encrypted OOXML workbook, an old .xls, or some other old Office
/// document. Directory entry names are stored as UTF-16LE, so they can be found by search.
fn read_compound(bytes: &[u8]) -> Result<SourceFile, ImportError> {
    // The header alone is 512 bytes; a directory sector follows.
    if bytes.len() < 1024 {
        return Err(ImportError::Truncated);
    }
    if contains_utf16(bytes, "EncryptionInfo") || contains_utf16(bytes, "EncryptedPackage") {
        return Err(ImportError::Encrypted);
    }
    // BIFF8 workbooks keep their sheets in a stream called "Workbook" (BIFF5: "Book").
    if !contains_utf16(bytes, "Workbook") && !contains_utf16(bytes, "Book") {
        return Err(ImportError::NotASpreadsheet {
            looks_like: LooksLike::OtherOldOffice,
        });
    }
    read_workbook(bytes, SourceFormat::Xls)
}

fn known_binary(bytes: &[u8]) -> Option<LooksLike> {
    const MAGICS: &[(&[u8], LooksLike)] = &[
        (b"%PDF-", LooksLike::Pdf),
        (b"\x89PNG", LooksLike::Image),
        (b"\xFF\xD8\xFF", LooksLike::Image),
        (b"GIF8", LooksLike::Image),
        (b"BM", LooksLike::Image),
        (b"Rar!", LooksLike::Archive),
        (b"7z\xBC\xAF", LooksLike::Archive),
        (b"\x1F\x8B", LooksLike::Archive),
    ];
    MAGICS
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

fn contains_utf16(haystack: &[u8], name: &str) -> bool {
    let needle: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    windows_contain(haystack, &needle)
}

fn windows_contain(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magic_bytes_name_what_a_file_is() {
        let cases: &[(&[u8], LooksLike)] = &[
            (b"%PDF-1.7\n%\xE2\xE3", LooksLike::Pdf),
            (b"\x89PNG\r\n\x1a\n\0\0", LooksLike::Image),
            (b"Rar!\x1a\x07\0", LooksLike::Archive),
        ];
        for (bytes, want) in cases {
            assert_eq!(
                read_source_bytes(bytes),
                Err(ImportError::NotASpreadsheet { looks_like: *want })
            );
        }
    }

    #[test]
    fn a_compound_file_without_a_workbook_is_an_old_office_document() {
        let mut bytes = CFB_MAGIC.to_vec();
        bytes.resize(2048, 0);
        bytes.extend(
            "WordDocument"
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<_>>(),
        );
        assert_eq!(
            read_source_bytes(&bytes),
            Err(ImportError::NotASpreadsheet {
                looks_like: LooksLike::OtherOldOffice
            })
        );
    }
}
