//! 通报 (第六条四, step 2): the school's public notice to every unit that a platform stayed
//! silent after its rectification notice, with the last day to update before it is shut down.

use super::data::FormSettings;
use super::error::PrintError;
use super::fonts;
use super::layout::Page;
use super::notice_labels as words;
use super::pdf::render_pages;
use super::supervision_data::PublicNoticeData;
use super::supervision_letter::{SchoolLetter, school_letter_pages};
use super::text_fit::Advance;
use crate::domain::supervision::Article;

/// The pages of the notice, for a preview; one copy.
pub fn layout_public_notice(
    data: &PublicNoticeData,
    settings: &FormSettings,
) -> Result<Vec<Page>, PrintError> {
    let font = fonts::font_for(settings)?;
    Ok(public_notice_pages(data, settings, &*font))
}

/// The notice as one PDF, the font embedded once and subset.
pub fn render_public_notice(
    data: &PublicNoticeData,
    settings: &FormSettings,
) -> Result<Vec<u8>, PrintError> {
    let font = fonts::font_for(settings)?;
    let pages = public_notice_pages(data, settings, &*font);
    Ok(render_pages(
        &pages,
        &font,
        words::public_notice_title(&data.platform.name),
        words::PUBLIC_NOTICE_SUBJECT,
    ))
}

pub(super) fn public_notice_pages(
    data: &PublicNoticeData,
    settings: &FormSettings,
    font: &dyn Advance,
) -> Vec<Page> {
    let p = &data.platform;
    let platform = words::platform_in_text(&p.kind, &p.name, &p.account);
    let silent = words::silent_since(p.last_update, p.created_on);
    let rectification = data
        .rectification
        .as_ref()
        .map(|c| (c.issued_on, c.document_no.as_str()));
    let mut pages = school_letter_pages(
        SchoolLetter {
            title: words::public_notice_title(&p.name),
            document_no: &data.document_no,
            addressee: words::PUBLIC_ADDRESSEE.to_owned(),
            paragraphs: vec![
                words::public_notice_finding(&p.unit_name, &platform, &silent, rectification),
                words::public_notice_act(
                    &settings.school_name,
                    words::article(Article::Inactivity),
                    &p.unit_name,
                    &words::platform_in_text(&p.kind, &p.name, ""),
                ),
                words::public_notice_request(
                    &p.unit_name,
                    data.update_by(),
                    &words::period(data.ladder.after_public_notice),
                ),
                words::PUBLIC_WARNING.to_owned(),
            ],
            body: &data.body,
            closing: words::CLOSING_PUBLIC,
            dated: data.issued_on,
        },
        font,
    );
    super::anchor::stamp_pages(&mut pages, data.audit_anchor.as_ref(), font);
    pages
}
