//! 关停决定 (第六条四, step 3): the school's decision, with the IT centre, to shut down a
//! platform still silent after its public notice, citing the two notices before it.

use chrono::NaiveDate;

use super::data::FormSettings;
use super::error::PrintError;
use super::fonts;
use super::labels;
use super::layout::Page;
use super::notice_labels as words;
use super::pdf::render_pages;
use super::supervision_data::{CitedNotice, ShutdownDecisionData};
use super::supervision_letter::{SchoolLetter, school_letter_pages};
use super::text_fit::Advance;
use crate::domain::supervision::Article;

/// The pages of the decision, for a preview; one copy.
pub fn layout_shutdown_decision(
    data: &ShutdownDecisionData,
    settings: &FormSettings,
) -> Result<Vec<Page>, PrintError> {
    let font = fonts::font_for(settings)?;
    Ok(shutdown_decision_pages(data, settings, &*font))
}

/// The decision as one PDF, the font embedded once and subset.
pub fn render_shutdown_decision(
    data: &ShutdownDecisionData,
    settings: &FormSettings,
) -> Result<Vec<u8>, PrintError> {
    let font = fonts::font_for(settings)?;
    let pages = shutdown_decision_pages(data, settings, &*font);
    Ok(render_pages(
        &pages,
        &font,
        words::shutdown_decision_title(&data.platform.name),
        words::SHUTDOWN_DECISION_SUBJECT,
    ))
}

pub(super) fn shutdown_decision_pages(
    data: &ShutdownDecisionData,
    settings: &FormSettings,
    font: &dyn Advance,
) -> Vec<Page> {
    let p = &data.platform;
    let platform = words::platform_in_text(&p.kind, &p.name, &p.account);
    let silent = words::silent_since(p.last_update, p.created_on);
    let mut pages = school_letter_pages(
        SchoolLetter {
            title: words::shutdown_decision_title(&p.name),
            document_no: &data.document_no,
            addressee: labels::addressee(&p.unit_name),
            paragraphs: vec![
                words::shutdown_decision_finding(
                    &platform,
                    &silent,
                    cited(&data.rectification),
                    cited(&data.public_notice),
                ),
                words::shutdown_decision_act(
                    &settings.school_name,
                    words::article(Article::Inactivity),
                    data.decided_on,
                ),
                words::SHUTDOWN_INSTRUCTION.to_owned(),
            ],
            body: &data.body,
            closing: words::CLOSING_DECISION,
            dated: data.decided_on,
        },
        font,
    );
    super::anchor::stamp_pages(&mut pages, data.audit_anchor.as_ref(), font);
    pages
}

/// An earlier notice as the finding cites it: its date and number.
fn cited(notice: &Option<CitedNotice>) -> Option<(NaiveDate, &str)> {
    notice
        .as_ref()
        .map(|c| (c.issued_on, c.document_no.as_str()))
}
