//! Inside ZIP files, and so inside docx/xlsx/pptx (which are ZIP files): refuses macro projects
//! (a docm renamed .docx still carries `vbaProject.bin`), programs and scripts hidden in an
//! archive, and zip bombs; extracts the text of Office documents. Every read is bounded by the
//! policy's byte budgets, so a small file cannot expand into gigabytes.

use std::io::{Cursor, Read};

use zip::ZipArchive;

use super::attachment::{
    AttachmentProblem, Container, Inspection, IssueDetail, IssuePlace, guarded, inspect_bytes,
};
use super::finding::Severity;
use super::office_text::{extract_part_text, text_part};
use super::sniff::{DANGEROUS_EXTENSIONS, FileClass, FileKind, extension, sniff};

/// Bytes read from each entry to tell what it is.
const SNIFF_BYTES: u64 = 8 * 1024;
/// Bytes read from a nested photo to find its EXIF block (which sits at the start).
const PHOTO_HEAD_BYTES: u64 = 256 * 1024;
/// Largest `[Content_Types].xml` read.
const CONTENT_TYPES_BYTES: u64 = 1024 * 1024;

/// One entry of the central directory.
struct Entry {
    name: String,
    lower: String,
    dir: bool,
    encrypted: bool,
}

enum ReadError {
    /// Corrupt data, an unsupported compression method, or a wrong checksum.
    Broken,
    /// The upload's total decompression budget is spent.
    Budget,
}

type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;

/// Reads at most `limit` decompressed bytes of entry `index` (and never more than the remaining
/// budget). The flag says whether the entry had more.
fn read_entry(
    archive: &mut Archive,
    index: usize,
    limit: u64,
    ins: &mut Inspection,
) -> Result<(Vec<u8>, bool), ReadError> {
    let allowed = limit.min(ins.unpacked_left);
    let mut data = Vec::new();
    let read = guarded(|| {
        let file = archive.by_index(index).map_err(|_| ())?;
        file.take(allowed.saturating_add(1))
            .read_to_end(&mut data)
            .map_err(|_| ())
    });
    if !matches!(read, Some(Ok(_))) {
        return Err(ReadError::Broken);
    }
    let more = data.len() as u64 > allowed;
    data.truncate(usize::try_from(allowed).unwrap_or(usize::MAX));
    ins.unpacked_left = ins.unpacked_left.saturating_sub(data.len() as u64);
    if more && allowed < limit {
        return Err(ReadError::Budget);
    }
    Ok((data, more))
}

/// The Office document a ZIP is, by its main part.
fn office_kind(entries: &[Entry]) -> Option<FileKind> {
    let has = |name: &str| entries.iter().any(|e| e.lower == name);
    if !has("[content_types].xml") {
        return None;
    }
    if has("word/document.xml") {
        Some(FileKind::Docx)
    } else if has("xl/workbook.xml") {
        Some(FileKind::Xlsx)
    } else if has("ppt/presentation.xml") {
        Some(FileKind::Pptx)
    } else {
        None
    }
}

/// Inspects a ZIP (or OOXML) file and returns its refined kind.
pub(crate) fn inspect_zip(
    bytes: &[u8],
    at: &IssuePlace,
    depth: u8,
    ins: &mut Inspection,
) -> FileKind {
    let refuse = |ins: &mut Inspection, problem, detail| {
        ins.issue(Severity::Block, problem, at, detail);
    };
    let broken = |ins: &mut Inspection| {
        refuse(ins, AttachmentProblem::Broken, IssueDetail::ArchiveBroken);
    };
    let Some(Ok(mut archive)) = guarded(|| ZipArchive::new(Cursor::new(bytes))) else {
        broken(ins);
        return FileKind::Zip;
    };
    let count = archive.len();
    if count > ins.policy.max_archive_entries {
        let max = ins.policy.max_archive_entries;
        refuse(
            ins,
            AttachmentProblem::DecompressionBomb,
            IssueDetail::TooManyEntries { count, max },
        );
        return FileKind::Zip;
    }
    let mut entries = Vec::with_capacity(count);
    let mut declared: u64 = 0;
    for index in 0..count {
        let Ok(entry) = archive.by_index_data(index) else {
            broken(ins);
            return FileKind::Zip;
        };
        let name = entry
            .name()
            .map(|n| n.into_owned())
            .unwrap_or_else(|_| String::from_utf8_lossy(entry.name_raw()).into_owned());
        declared = declared.saturating_add(entry.size());
        entries.push(Entry {
            lower: name.to_lowercase(),
            name,
            dir: entry.is_dir(),
            encrypted: entry.encrypted(),
        });
    }
    if declared > ins.unpacked_left {
        let max = ins.policy.max_unpacked_bytes;
        refuse(
            ins,
            AttachmentProblem::DecompressionBomb,
            IssueDetail::DeclaredTooLarge { declared, max },
        );
        return FileKind::Zip;
    }

    let office = office_kind(&entries);
    let content_types = entries
        .iter()
        .position(|e| e.lower == "[content_types].xml")
        .and_then(|i| read_entry(&mut archive, i, CONTENT_TYPES_BYTES, ins).ok())
        .map(|(data, _)| String::from_utf8_lossy(&data).to_lowercase())
        .unwrap_or_default();
    let has_vba = entries.iter().any(|e| e.lower.ends_with("vbaproject.bin"))
        || content_types.contains("macroenabled")
        || content_types.contains("vbaproject");
    let has = |name: &str| entries.iter().any(|e| e.lower == name);
    let program = (has("meta-inf/manifest.mf")
        && entries.iter().any(|e| e.lower.ends_with(".class")))
        || (has("androidmanifest.xml") && has("classes.dex"));

    let kind = if program {
        refuse(
            ins,
            AttachmentProblem::Executable,
            IssueDetail::JavaOrAndroidProgram,
        );
        FileKind::OtherExecutable
    } else if office.is_some() && has_vba {
        refuse(
            ins,
            AttachmentProblem::MacroDocument,
            IssueDetail::OfficeMacros,
        );
        FileKind::MacroOffice
    } else {
        if has_vba {
            refuse(
                ins,
                AttachmentProblem::DangerousContent,
                IssueDetail::ArchiveMacros,
            );
        }
        office.unwrap_or(FileKind::Zip)
    };
    if matches!(
        kind,
        FileKind::Zip | FileKind::Docx | FileKind::Xlsx | FileKind::Pptx
    ) {
        inspect_entries(&mut archive, &entries, office, at, depth, ins);
    }
    kind
}

/// Checks every entry: names, encryption, what the bytes are, nested files, document text.
fn inspect_entries(
    archive: &mut Archive,
    entries: &[Entry],
    office: Option<FileKind>,
    at: &IssuePlace,
    depth: u8,
    ins: &mut Inspection,
) {
    let container = if office.is_some() {
        Container::Document
    } else {
        Container::Archive
    };
    for (index, entry) in entries.iter().enumerate() {
        if entry.dir {
            continue;
        }
        let here = at.entry(container, &entry.name);
        if entry.encrypted {
            ins.issue(
                Severity::Block,
                AttachmentProblem::Encrypted,
                &here,
                IssueDetail::EntryEncrypted,
            );
            continue;
        }
        if let Some(ext) =
            extension(&entry.name).filter(|e| DANGEROUS_EXTENSIONS.contains(&e.as_str()))
        {
            ins.issue(
                Severity::Block,
                AttachmentProblem::DangerousContent,
                &here,
                IssueDetail::DangerousEntry { ext },
            );
            continue;
        }
        let step = if let Some(office) = office
            && (entry.lower.ends_with(".xml") || entry.lower.ends_with(".rels"))
        {
            // The document's own XML: only text parts matter.
            match text_part(office, &entry.lower) {
                Some(part) => read_text_part(archive, index, part, &here, ins),
                None => Ok(()),
            }
        } else {
            inspect_entry(archive, index, &here, depth, ins)
        };
        match step {
            Ok(()) => {}
            Err(ReadError::Broken) => ins.issue(
                Severity::Block,
                AttachmentProblem::Broken,
                &here,
                IssueDetail::EntryBroken,
            ),
            Err(ReadError::Budget) => {
                let max = ins.policy.max_unpacked_bytes;
                ins.issue(
                    Severity::Block,
                    AttachmentProblem::DecompressionBomb,
                    &here,
                    IssueDetail::UnpackBudgetSpent { max },
                );
                return;
            }
        }
    }
}

fn read_text_part(
    archive: &mut Archive,
    index: usize,
    part: super::office_text::TextPart,
    here: &IssuePlace,
    ins: &mut Inspection,
) -> Result<(), ReadError> {
    if ins.text_full() {
        ins.text_truncated = true;
        return Ok(());
    }
    let (xml, more) = read_entry(archive, index, ins.policy.max_part_bytes, ins)?;
    if more {
        ins.text_truncated = true;
    }
    if extract_part_text(&xml, part, ins).is_err() && !more {
        ins.issue(
            Severity::Warn,
            AttachmentProblem::TextNotExtracted,
            here,
            IssueDetail::PartTextUnreadable,
        );
    }
    Ok(())
}

/// One file inside a plain archive (or a non-XML part of a document, e.g. an embedded object).
fn inspect_entry(
    archive: &mut Archive,
    index: usize,
    here: &IssuePlace,
    depth: u8,
    ins: &mut Inspection,
) -> Result<(), ReadError> {
    let (head, _) = read_entry(archive, index, SNIFF_BYTES, ins)?;
    let kind = sniff(&head);
    let limit = match kind {
        FileKind::Zip
        | FileKind::OleOffice
        | FileKind::Pdf
        | FileKind::Text
        | FileKind::TextNotUtf8 => ins.policy.max_part_bytes,
        FileKind::Jpeg | FileKind::Png | FileKind::Webp | FileKind::Heic | FileKind::Tiff => {
            PHOTO_HEAD_BYTES
        }
        _ => {
            if matches!(
                kind.class(),
                FileClass::Executable | FileClass::Script | FileClass::Archive
            ) {
                inspect_bytes(kind, &head, here, depth + 1, ins);
            }
            return Ok(());
        }
    };
    let (data, more) = read_entry(archive, index, limit, ins)?;
    if more && matches!(kind, FileKind::Zip | FileKind::OleOffice | FileKind::Pdf) {
        let max = ins.policy.max_part_bytes;
        ins.issue(
            Severity::Block,
            AttachmentProblem::DecompressionBomb,
            here,
            IssueDetail::EntryTooLarge { max },
        );
        return Ok(());
    }
    // The head alone cannot tell a text from a script further down or from GBK text.
    let kind = if kind.class() == FileClass::Text {
        sniff(&data)
    } else {
        kind
    };
    if more && kind == FileKind::Text {
        ins.text_truncated = true;
    }
    inspect_bytes(kind, &data, here, depth + 1, ins);
    Ok(())
}
