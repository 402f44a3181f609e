//! 信息变更报告 (第四条二, 附件 注2): the unit's written report that a platform's name, team or
//! maintenance changed, one row per change with its old and new value.

use super::data::FormSettings;
use super::error::PrintError;
use super::fonts;
use super::labels;
use super::layout::Page;
use super::pdf::render_pages;
use super::report::{ReportContent, layout_report, metadata_title, platform_rows};
use super::report_data::ChangeReportData;
use super::report_labels;
use super::report_table::{Band, Table};
use super::text_fit::Advance;

/// Rows left blank to fill in by hand when no change was entered.
const BLANK_CHANGE_ROWS: usize = 3;

/// The pages of the report, for a preview; one copy (the copy marks are the filing form's).
pub fn layout_change_report(
    data: &ChangeReportData,
    settings: &FormSettings,
) -> Result<Vec<Page>, PrintError> {
    let font = fonts::font_for(settings)?;
    Ok(change_report_pages(data, settings, &*font))
}

/// The report as one PDF, the font embedded once and subset.
pub fn render_change_report(
    data: &ChangeReportData,
    settings: &FormSettings,
) -> Result<Vec<u8>, PrintError> {
    let font = fonts::font_for(settings)?;
    let pages = change_report_pages(data, settings, &*font);
    let title = metadata_title(&change_title(settings), &data.platform_name);
    Ok(render_pages(
        &pages,
        &font,
        title,
        report_labels::CHANGE_SUBJECT,
    ))
}

/// 「{school}二级网络平台信息变更报告」.
fn change_title(settings: &FormSettings) -> String {
    format!(
        "{}{}",
        settings.school_name.trim(),
        report_labels::CHANGE_TITLE_SUFFIX
    )
}

pub(super) fn change_report_pages(
    data: &ChangeReportData,
    settings: &FormSettings,
    font: &dyn Advance,
) -> Vec<Page> {
    let identity = Table {
        header: None,
        rows: platform_rows(
            &data.unit_name,
            &data.platform_kind,
            &data.platform_name,
            &data.account,
            font,
        ),
    };
    let mut rows: Vec<Band> = data
        .changes
        .iter()
        .map(|c| Band::change(&c.field, &c.old, &c.new, font))
        .collect();
    if rows.is_empty() {
        rows = (0..BLANK_CHANGE_ROWS)
            .map(|_| Band::change("", "", "", font))
            .collect();
    }
    rows.push(Band::label_value(
        report_labels::CHANGE_REASON,
        &data.reason,
        font,
    ));
    rows.push(Band::label_value(
        report_labels::CHANGE_DATE,
        &labels::date(data.changed_on),
        font,
    ));
    let changes = Table {
        header: Some(Band::change_header(font)),
        rows,
    };
    let mut pages = layout_report(
        ReportContent {
            title: change_title(settings),
            opening: report_labels::change_opening(
                &data.platform_kind,
                &data.platform_name,
                &settings.school_name,
            ),
            tables: vec![identity, changes],
            unit_name: &data.unit_name,
        },
        font,
    );
    super::anchor::stamp_pages(&mut pages, data.audit_anchor.as_ref(), font);
    pages
}
