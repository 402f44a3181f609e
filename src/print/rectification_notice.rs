//! 整改通知书 (第六条四, step 1): the school's notice to a unit whose platform has been silent
//! longer than the threshold, with the deadline to update and what follows if it does not.

use super::data::FormSettings;
use super::error::PrintError;
use super::fonts;
use super::labels;
use super::layout::Page;
use super::notice_labels as words;
use super::pdf::render_pages;
use super::report::metadata_title;
use super::supervision_data::RectificationNoticeData;
use super::supervision_letter::{SchoolLetter, school_letter_pages};
use super::text_fit::Advance;
use crate::domain::supervision::Article;

/// The pages of the notice, for a preview; one copy.
pub fn layout_rectification_notice(
    data: &RectificationNoticeData,
    settings: &FormSettings,
) -> Result<Vec<Page>, PrintError> {
    let font = fonts::font_for(settings)?;
    Ok(rectification_notice_pages(data, settings, &*font))
}

/// The notice as one PDF, the font embedded once and subset.
pub fn render_rectification_notice(
    data: &RectificationNoticeData,
    settings: &FormSettings,
) -> Result<Vec<u8>, PrintError> {
    let font = fonts::font_for(settings)?;
    let pages = rectification_notice_pages(data, settings, &*font);
    let title = metadata_title(
        &words::rectification_title(&settings.school_name),
        &data.platform.name,
    );
    Ok(render_pages(
        &pages,
        &font,
        title,
        words::RECTIFICATION_SUBJECT,
    ))
}

pub(super) fn rectification_notice_pages(
    data: &RectificationNoticeData,
    settings: &FormSettings,
    font: &dyn Advance,
) -> Vec<Page> {
    let p = &data.platform;
    let platform = words::platform_in_text(&p.kind, &p.name, &p.account);
    let silent = words::silent_since(p.last_update, p.created_on);
    let ladder = &data.ladder;
    let mut pages = school_letter_pages(
        SchoolLetter {
            title: words::rectification_title(&settings.school_name),
            document_no: &data.document_no,
            addressee: labels::addressee(&p.unit_name),
            paragraphs: vec![
                words::rectification_finding(&platform, &silent, &words::period(ladder.silence)),
                words::rectification_act(
                    &settings.school_name,
                    words::article(Article::Inactivity),
                ),
                words::rectification_request(data.update_by()),
                words::rectification_consequence(
                    &words::period(ladder.after_rectification),
                    &words::period(ladder.after_public_notice),
                ),
            ],
            body: &data.body,
            closing: words::CLOSING_NOTICE,
            dated: data.issued_on,
        },
        font,
    );
    super::anchor::stamp_pages(&mut pages, data.audit_anchor.as_ref(), font);
    pages
}
