//! PDF attachments: refuses PDFs that run JavaScript or launch programs, flags embedded files,
//! and extracts the text (lopdf, with its decompression limits on) for screening.

use lopdf::{Dictionary, Document, LoadOptions, Object};

use super::attachment::{AttachmentProblem, Inspection, IssueDetail, IssuePlace, guarded};
use super::finding::Severity;
use super::sniff::find;

/// Pages read for text; a longer PDF is screened in part and flagged as truncated.
const MAX_PDF_PAGES: usize = 2_000;
/// Nesting of dictionaries and arrays followed when looking for actions.
const MAX_OBJECT_DEPTH: u8 = 16;

/// Active content found in the objects of a PDF.
#[derive(Debug, Default)]
struct Active {
    javascript: bool,
    launch: bool,
    embedded_files: bool,
}

fn scan_object(object: &Object, depth: u8, found: &mut Active) {
    if depth > MAX_OBJECT_DEPTH {
        return;
    }
    match object {
        Object::Dictionary(dict) => scan_dictionary(dict, depth, found),
        Object::Stream(stream) => scan_dictionary(&stream.dict, depth, found),
        Object::Array(items) => items
            .iter()
            .for_each(|item| scan_object(item, depth + 1, found)),
        _ => {}
    }
}

fn scan_dictionary(dict: &Dictionary, depth: u8, found: &mut Active) {
    for (key, value) in dict.iter() {
        let name = match value {
            Object::Name(name) => Some(name.as_slice()),
            _ => None,
        };
        match (key.as_slice(), name) {
            (b"JS" | b"JavaScript", _) | (b"S", Some(b"JavaScript")) => found.javascript = true,
            (b"S", Some(b"Launch")) => found.launch = true,
            (b"EmbeddedFiles", _) | (b"Type", Some(b"EmbeddedFile")) => found.embedded_files = true,
            _ => {}
        }
        scan_object(value, depth + 1, found);
    }
}

fn is_encryption_error(error: &lopdf::Error) -> bool {
    matches!(
        error,
        lopdf::Error::Decryption(_)
            | lopdf::Error::InvalidPassword
            | lopdf::Error::UnsupportedSecurityHandler(_)
    )
}

pub(crate) fn inspect_pdf(bytes: &[u8], at: &IssuePlace, ins: &mut Inspection) {
    let limit = usize::try_from(ins.policy.max_part_bytes).unwrap_or(usize::MAX);
    let options = LoadOptions {
        max_decompressed_size: Some(limit),
        ..LoadOptions::default()
    };
    let encrypted = |ins: &mut Inspection| {
        ins.issue(
            Severity::Block,
            AttachmentProblem::Encrypted,
            at,
            IssueDetail::PdfEncrypted,
        );
    };
    let doc = match guarded(|| Document::load_mem_with_options(bytes, options)) {
        Some(Ok(doc)) => doc,
        Some(Err(error)) if is_encryption_error(&error) => return encrypted(ins),
        _ if find(bytes, b"/Encrypt") => return encrypted(ins),
        _ => {
            ins.issue(
                Severity::Block,
                AttachmentProblem::Broken,
                at,
                IssueDetail::PdfBroken,
            );
            return;
        }
    };
    if doc.is_encrypted() {
        return encrypted(ins);
    }

    let mut active = Active::default();
    for object in doc.objects.values() {
        scan_object(object, 0, &mut active);
    }
    if active.javascript || active.launch {
        ins.issue(
            Severity::Block,
            AttachmentProblem::PdfActiveContent,
            at,
            IssueDetail::PdfActiveContent,
        );
    }
    if active.embedded_files {
        ins.issue(
            Severity::Warn,
            AttachmentProblem::EmbeddedFiles,
            at,
            IssueDetail::PdfEmbeddedFiles,
        );
    }

    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let (mut any_text, mut failed) = (false, 0usize);
    for &page in pages.iter().take(MAX_PDF_PAGES) {
        if ins.text_full() {
            ins.text_truncated = true;
            break;
        }
        match guarded(|| doc.extract_text_with_limit(&[page], limit)) {
            Some(Ok(text)) => {
                any_text |= !text.trim().is_empty();
                ins.push_text(&text);
            }
            _ => failed += 1,
        }
    }
    if pages.len() > MAX_PDF_PAGES {
        ins.text_truncated = true;
    }
    if !any_text {
        ins.issue(
            Severity::Warn,
            AttachmentProblem::TextNotExtracted,
            at,
            IssueDetail::PdfNoText,
        );
    } else if failed > 0 {
        ins.issue(
            Severity::Warn,
            AttachmentProblem::TextNotExtracted,
            at,
            IssueDetail::PdfPagesFailed { failed },
        );
    }
}
