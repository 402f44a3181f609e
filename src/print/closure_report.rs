//! 停止运营报告 (第四条二): the unit's written report that it stops running a platform, with the
//! reason, the date and what becomes of the content already published.

use super::data::FormSettings;
use super::error::PrintError;
use super::fonts;
use super::labels;
use super::layout::Page;
use super::pdf::render_pages;
use super::report::{ReportContent, layout_report, metadata_title, platform_rows};
use super::report_data::ClosureReportData;
use super::report_labels;
use super::report_table::{Band, Table};
use super::text_fit::Advance;

/// The pages of the report, for a preview; one copy.
pub fn layout_closure_report(
    data: &ClosureReportData,
    settings: &FormSettings,
) -> Result<Vec<Page>, PrintError> {
    let font = fonts::font_for(settings)?;
    Ok(closure_report_pages(data, settings, &*font))
}

/// The report as one PDF, the font embedded once and subset.
pub fn render_closure_report(
    data: &ClosureReportData,
    settings: &FormSettings,
) -> Result<Vec<u8>, PrintError> {
    let font = fonts::font_for(settings)?;
    let pages = closure_report_pages(data, settings, &*font);
    let title = metadata_title(&closure_title(settings), &data.platform_name);
    Ok(render_pages(
        &pages,
        &font,
        title,
        report_labels::CLOSURE_SUBJECT,
    ))
}

/// 「{school}二级网络平台停止运营报告」.
fn closure_title(settings: &FormSettings) -> String {
    format!(
        "{}{}",
        settings.school_name.trim(),
        report_labels::CLOSURE_TITLE_SUFFIX
    )
}

pub(super) fn closure_report_pages(
    data: &ClosureReportData,
    settings: &FormSettings,
    font: &dyn Advance,
) -> Vec<Page> {
    let mut rows = platform_rows(
        &data.unit_name,
        &data.platform_kind,
        &data.platform_name,
        &data.account,
        font,
    );
    rows.extend([
        Band::label_value(report_labels::CLOSURE_REASON, &data.reason, font),
        Band::label_value(
            report_labels::CLOSURE_DATE,
            &labels::date(data.closed_on),
            font,
        ),
        Band::label_value(
            report_labels::CONTENT_DISPOSITION,
            &data.content_disposition,
            font,
        ),
    ]);
    let mut pages = layout_report(
        ReportContent {
            title: closure_title(settings),
            opening: report_labels::closure_opening(
                &data.platform_kind,
                &data.platform_name,
                &settings.school_name,
            ),
            tables: vec![Table { header: None, rows }],
            unit_name: &data.unit_name,
        },
        font,
    );
    super::anchor::stamp_pages(&mut pages, data.audit_anchor.as_ref(), font);
    pages
}
