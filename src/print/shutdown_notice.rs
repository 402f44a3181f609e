//! 关停通知 (第四条三, 第六条四, 第八条二): the school's notice to a unit that its platform is
//! shut down, issued jointly by the school office (news centre) and the propaganda department.

use super::data::FormSettings;
use super::error::PrintError;
use super::fonts;
use super::labels;
use super::layout::Page;
use super::letter::{Letter, issuers_signature};
use super::pdf::render_pages;
use super::report_data::ShutdownNoticeData;
use super::report_geometry::BODY_PITCH;
use super::report_labels;
use super::text_fit::Advance;

/// The pages of the notice, for a preview; one copy.
pub fn layout_shutdown_notice(
    data: &ShutdownNoticeData,
    settings: &FormSettings,
) -> Result<Vec<Page>, PrintError> {
    let font = fonts::font_for(settings)?;
    Ok(shutdown_notice_pages(data, settings, &*font))
}

/// The notice as one PDF, the font embedded once and subset.
pub fn render_shutdown_notice(
    data: &ShutdownNoticeData,
    settings: &FormSettings,
) -> Result<Vec<u8>, PrintError> {
    let font = fonts::font_for(settings)?;
    let pages = shutdown_notice_pages(data, settings, &*font);
    Ok(render_pages(
        &pages,
        &font,
        report_labels::shutdown_title(&data.platform_name),
        report_labels::SHUTDOWN_SUBJECT,
    ))
}

pub(super) fn shutdown_notice_pages(
    data: &ShutdownNoticeData,
    settings: &FormSettings,
    font: &dyn Advance,
) -> Vec<Page> {
    let mut letter = Letter::new(font);
    letter.title(&report_labels::shutdown_title(&data.platform_name));
    if !data.document_no.trim().is_empty() {
        letter.gap(BODY_PITCH / 2.0);
        letter.centred_line(data.document_no.trim());
    }
    letter.gap(BODY_PITCH);
    letter.paragraph(&labels::addressee(&data.unit_name), false, 0.0);
    letter.paragraph(
        &report_labels::shutdown_reason(
            &data.platform_kind,
            &data.platform_name,
            &data.account,
            &data.reason_label,
            &settings.school_name,
        ),
        true,
        0.0,
    );
    if !data.details.trim().is_empty() {
        letter.paragraph(&data.details, true, 0.0);
    }
    letter.paragraph(
        &report_labels::shutdown_decision(data.shut_down_on),
        true,
        0.0,
    );
    letter.paragraph(report_labels::SHUTDOWN_INSTRUCTION, true, 0.0);
    let closing = issuers_signature(
        &report_labels::SHUTDOWN_ISSUERS,
        &labels::date(data.shut_down_on),
        font,
    );
    letter.paragraph(report_labels::NOTICE_CLOSING, true, closing.height());
    letter.closing(closing);
    let mut pages = letter.finish();
    super::anchor::stamp_pages(&mut pages, data.audit_anchor.as_ref(), font);
    pages
}
