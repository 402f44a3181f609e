//! The one-copy documents: 信息变更报告 (第四条二), 停止运营报告 or 关停通知 (第四条二/三), and
//! the 信息发布审核单 (第七条三). Each is rendered to bytes with the name it is saved under,
//! then written atomically where the person chose.

use std::path::{Path, PathBuf};

use super::OpsError;
use super::documents::{EndingDocument, change_report_data, ending_document_data, print_settings};
use super::files::safe_file_part;
use super::filing::with_pdf_extension;
use crate::print::{
    FormSettings, render_approval_slip, render_change_report, render_closure_report,
    render_shutdown_notice, unprintable_chars_of, write_pdf_atomically,
};
use crate::store::Store;
use crate::text::ops as text;

/// Which document it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    ChangeReport,
    ClosureReport,
    ShutdownNotice,
    ApprovalSlip,
    RectificationNotice,
    PublicNotice,
    ShutdownDecision,
    IncidentReport,
}

/// A rendered document and the file name it is offered under.
pub struct Document {
    pub kind: DocumentKind,
    pub bytes: Vec<u8>,
    pub file_name: String,
    /// The revision of an approval slip's post.
    pub revision: Option<i64>,
    /// Characters of its values the print font lacks: they print as empty boxes, which the
    /// person is told when the document is saved.
    pub unprintable: Vec<char>,
}

impl Document {
    /// Writes the document atomically at `out` (`.pdf` added when missing); returns where.
    pub fn save(&self, out: &Path) -> Result<PathBuf, OpsError> {
        let out = with_pdf_extension(out);
        write_pdf_atomically(&out, &self.bytes)?;
        Ok(out)
    }
}

/// The characters of `values` the print font lacks (none when the font cannot be read: the
/// render itself has said so by then).
pub(crate) fn unprintable(values: &[&str], settings: &FormSettings) -> Vec<char> {
    unprintable_chars_of(values, settings).unwrap_or_default()
}

/// 信息变更报告 of a change record.
pub fn change_report(store: &Store, change_id: i64) -> Result<Document, OpsError> {
    let data = change_report_data(store, change_id)?;
    let settings = print_settings(store)?;
    let bytes = render_change_report(&data, &settings)?;
    Ok(Document {
        kind: DocumentKind::ChangeReport,
        bytes,
        file_name: text::change_report_file(&safe_file_part(&data.platform_name), data.changed_on),
        revision: None,
        unprintable: unprintable(&data.printed_values(), &settings),
    })
}

/// The 停止运营报告 or 关停通知 of a platform that ended.
pub fn ending_document(store: &Store, platform_id: i64) -> Result<Document, OpsError> {
    let settings = print_settings(store)?;
    Ok(match ending_document_data(store, platform_id)? {
        EndingDocument::Closure(d) => Document {
            kind: DocumentKind::ClosureReport,
            bytes: render_closure_report(&d, &settings)?,
            file_name: text::closure_report_file(&safe_file_part(&d.platform_name)),
            revision: None,
            unprintable: unprintable(&d.printed_values(), &settings),
        },
        EndingDocument::Shutdown(d) => Document {
            kind: DocumentKind::ShutdownNotice,
            bytes: render_shutdown_notice(&d, &settings)?,
            file_name: text::shutdown_notice_file(&safe_file_part(&d.platform_name)),
            revision: None,
            unprintable: unprintable(&d.printed_values(), &settings),
        },
    })
}

/// 信息发布审核单 of a post as it stands now.
pub fn approval_slip(store: &Store, post_id: i64) -> Result<Document, OpsError> {
    let data = super::slip::approval_slip_for(store, post_id)?;
    let settings = print_settings(store)?;
    let bytes = render_approval_slip(&data, &settings)?;
    Ok(Document {
        kind: DocumentKind::ApprovalSlip,
        bytes,
        file_name: text::approval_slip_file(post_id, &safe_file_part(&data.title)),
        revision: Some(data.revision),
        unprintable: unprintable(&data.printed_values(), &settings),
    })
}
