//! PDF attachments: refuses PDFs that run JavaScript or launch programs, flags embedded files,
//! and extracts the text (lopdf, with its decompression limits on) for screening.

use lopdf::{Dictionary, Document, LoadOptions, Object};

use super::attachment::{AttachmentProblem, Inspection, guarded, place};
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

pub(crate) fn inspect_pdf(bytes: &[u8], label: &str, ins: &mut Inspection) {
    let at = place(label);
    let limit = usize::try_from(ins.policy.max_part_bytes).unwrap_or(usize::MAX);
    let options = LoadOptions {
        max_decompressed_size: Some(limit),
        ..LoadOptions::default()
    };
    let encrypted = |ins: &mut Inspection| {
        ins.issue(
            Severity::Block,
            AttachmentProblem::Encrypted,
            format!("{at}PDF 设有密码，无法检查内容。请去除密码后再上传。"),
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
                format!("{at}PDF 文件已损坏，无法打开检查。请重新导出 PDF 后再上传。"),
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
            format!("{at}PDF 含有脚本（JavaScript）或启动外部程序的动作，不允许上传。请用「打印为 PDF」重新生成。"),
        );
    }
    if active.embedded_files {
        ins.issue(
            Severity::Warn,
            AttachmentProblem::EmbeddedFiles,
            format!("{at}PDF 内嵌了附件文件，无法逐一检查，请人工确认。"),
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
            format!("{at}未能从 PDF 中提取到文字（可能是扫描件或图片），请人工检查内容。"),
        );
    } else if failed > 0 {
        ins.issue(
            Severity::Warn,
            AttachmentProblem::TextNotExtracted,
            format!("{at}PDF 中有 {failed} 页的文字未能提取，请人工检查这些页。"),
        );
    }
}
