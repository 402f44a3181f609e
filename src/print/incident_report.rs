//! 安全事件报告 (第八条一): a unit's written report of a security incident to the school office
//! (news centre), the propaganda department and the IT centre — the platform, what happened and
//! when, whom it was reported to, what was done — signed and sealed by the unit.

use super::data::FormSettings;
use super::error::PrintError;
use super::fonts;
use super::layout::Page;
use super::letter::{Letter, unit_signature};
use super::notice_labels as words;
use super::pdf::render_pages;
use super::report::{metadata_title, platform_rows};
use super::report_geometry::{BODY_PITCH, TABLE_GAP};
use super::report_table::{Band, Table};
use super::supervision_data::IncidentReportData;
use super::text_fit::Advance;

/// The pages of the report, for a preview; one copy.
pub fn layout_incident_report(
    data: &IncidentReportData,
    settings: &FormSettings,
) -> Result<Vec<Page>, PrintError> {
    let font = fonts::font_for(settings)?;
    Ok(incident_report_pages(data, settings, &*font))
}

/// The report as one PDF, the font embedded once and subset.
pub fn render_incident_report(
    data: &IncidentReportData,
    settings: &FormSettings,
) -> Result<Vec<u8>, PrintError> {
    let font = fonts::font_for(settings)?;
    let pages = incident_report_pages(data, settings, &*font);
    let title = metadata_title(
        &words::incident_title(&settings.school_name),
        &data.platform_name,
    );
    Ok(render_pages(&pages, &font, title, words::INCIDENT_SUBJECT))
}

pub(super) fn incident_report_pages(
    data: &IncidentReportData,
    settings: &FormSettings,
    font: &dyn Advance,
) -> Vec<Page> {
    let incident = &data.incident;
    let mut rows = platform_rows(
        &data.unit_name,
        &data.platform_kind,
        &data.platform_name,
        &data.account,
        font,
    );
    let mut reported_at = incident
        .reported_at
        .map(words::date_time)
        .unwrap_or_default();
    if data.reported_late() {
        reported_at.push_str(&words::late_report(data.report_hours));
    }
    let closed_at = incident
        .closed_at
        .map_or_else(|| words::STILL_OPEN.to_owned(), words::date_time);
    rows.extend([
        Band::pair(
            (words::INCIDENT_KIND, words::incident_kind(incident.kind)),
            (words::FOUND_BY, &incident.found_by),
            font,
        ),
        Band::label_value(words::FOUND_AT, &words::date_time(incident.found_at), font),
        Band::label_value(words::DESCRIPTION, &incident.description, font),
        Band::label_value(
            words::REPORTED_TO,
            &words::offices(&incident.reported_to),
            font,
        ),
        Band::label_value(words::REPORTED_AT, &reported_at, font),
        Band::label_value(words::ACTIONS_TAKEN, &incident.actions_taken, font),
        Band::label_value(words::CLOSED_AT, &closed_at, font),
    ]);

    let mut letter = Letter::new(font);
    letter.title(&words::incident_title(&settings.school_name));
    if !data.document_no.trim().is_empty() {
        letter.gap(BODY_PITCH / 2.0);
        letter.centred_line(data.document_no.trim());
    }
    letter.gap(BODY_PITCH);
    letter.paragraph(words::INCIDENT_ADDRESSEE, false, 0.0);
    letter.paragraph(
        &words::incident_opening(
            &data.platform_kind,
            &data.platform_name,
            &settings.school_name,
            words::article(incident.kind.article()),
        ),
        true,
        0.0,
    );
    let closing = unit_signature(&data.unit_name, font);
    // The last row comes along with 「特此报告。」 and the signature: never a page of only those.
    letter.gap(TABLE_GAP);
    letter.table(
        Table { header: None, rows },
        TABLE_GAP + BODY_PITCH + closing.height(),
    );
    letter.gap(TABLE_GAP);
    letter.paragraph(words::CLOSING_REPORT, true, closing.height());
    letter.closing(closing);
    let mut pages = letter.finish();
    super::anchor::stamp_pages(&mut pages, data.audit_anchor.as_ref(), font);
    pages
}
