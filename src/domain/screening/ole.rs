//! Old binary Office documents (doc/xls/ppt and WPS's wps/et/dps), which are OLE compound
//! files. Their text cannot be extracted here, but macros and embedded programs can be seen:
//! the VBA project's stream names are stored as UTF-16 in the file's directory, and an
//! embedded Windows program carries its DOS stub text.

use aho_corasick::AhoCorasick;

use super::attachment::{AttachmentProblem, Inspection, IssueDetail, IssuePlace};
use super::finding::Severity;

/// UTF-16LE form of an ASCII name, as OLE directory entries store it.
fn utf16le(name: &str) -> Vec<u8> {
    name.encode_utf16().flat_map(u16::to_le_bytes).collect()
}

pub(crate) fn inspect_ole(bytes: &[u8], at: &IssuePlace, ins: &mut Inspection) {
    let needles: [Vec<u8>; 3] = [
        utf16le("_VBA_PROJECT"),
        b"This program cannot be run in DOS mode".to_vec(),
        b"This program must be run under Win32".to_vec(),
    ];
    let (mut macros, mut program) = (false, false);
    if let Ok(searcher) = AhoCorasick::new(&needles) {
        for m in searcher.find_iter(bytes) {
            match m.pattern().as_usize() {
                0 => macros = true,
                _ => program = true,
            }
            if macros && program {
                break;
            }
        }
    }
    if macros {
        ins.issue(
            Severity::Block,
            AttachmentProblem::MacroDocument,
            at,
            IssueDetail::OldOfficeMacros,
        );
    }
    if program {
        ins.issue(
            Severity::Block,
            AttachmentProblem::DangerousContent,
            at,
            IssueDetail::OleEmbeddedProgram,
        );
    }
    if !macros && !program {
        ins.issue(
            Severity::Warn,
            AttachmentProblem::OldOfficeFormat,
            at,
            IssueDetail::OldOfficeFormat,
        );
    }
}
