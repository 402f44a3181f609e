//! The shape the school's three ladder documents (第六条四) share, set as a letter by `letter`:
//! title, 文号, addressee, the paragraphs of the act, the school's own words if any, the closing
//! sentence, and the two issuing offices with the date, where their seals go.

use super::layout::Page;
use super::letter::{Letter, issuers_signature};
use super::notice_labels as words;
use super::report_geometry::BODY_PITCH;
use super::text_fit::Advance;
use chrono::NaiveDate;

/// What distinguishes one ladder document from another.
pub(super) struct SchoolLetter<'a> {
    pub(super) title: String,
    /// 文号; blank leaves the line out.
    pub(super) document_no: &'a str,
    pub(super) addressee: String,
    /// The act, one paragraph each.
    pub(super) paragraphs: Vec<String>,
    /// What the school adds, after the act; blank adds nothing.
    pub(super) body: &'a str,
    /// 「特此通知。」 and the like.
    pub(super) closing: &'a str,
    /// 成文日期, under the issuers.
    pub(super) dated: NaiveDate,
}

pub(super) fn school_letter_pages(content: SchoolLetter<'_>, font: &dyn Advance) -> Vec<Page> {
    let mut letter = Letter::new(font);
    letter.title(&content.title);
    if !content.document_no.trim().is_empty() {
        letter.gap(BODY_PITCH / 2.0);
        letter.centred_line(content.document_no.trim());
    }
    letter.gap(BODY_PITCH);
    letter.paragraph(&content.addressee, false, 0.0);
    let closing = issuers_signature(&words::ISSUERS, &super::labels::date(content.dated), font);
    let mut text: Vec<&str> = content.paragraphs.iter().map(String::as_str).collect();
    if !content.body.trim().is_empty() {
        text.push(content.body.trim());
    }
    // The last line of text comes along with 「特此通知。」 and the signature, so the seals never
    // stand on a page with nothing of the act but the closing sentence.
    let last = text.len().saturating_sub(1);
    for (i, paragraph) in text.into_iter().enumerate() {
        let keep = if i == last {
            BODY_PITCH + closing.height()
        } else {
            0.0
        };
        letter.paragraph(paragraph, true, keep);
    }
    letter.paragraph(content.closing, true, closing.height());
    letter.closing(closing);
    letter.finish()
}
