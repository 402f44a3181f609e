//! The shape both written reports of 第四条二 share: title, addressee, opening sentence, the
//! tables, 「特此报告。」 and the unit's signature and seal, set as a letter by `letter`.

use super::labels;
use super::layout::Page;
use super::letter::{Letter, unit_signature};
use super::report_geometry::{BODY_PITCH, TABLE_GAP};
use super::report_labels;
use super::report_table::{Band, Table};
use super::text_fit::Advance;

/// What distinguishes one report from the other.
pub(super) struct ReportContent<'a> {
    pub(super) title: String,
    pub(super) opening: String,
    pub(super) tables: Vec<Table>,
    pub(super) unit_name: &'a str,
}

/// The platform's identity, the first rows of every report: 创建单位 | 媒体平台, 账号名称 |
/// 账号/网址.
pub(super) fn platform_rows(
    unit_name: &str,
    platform_kind: &str,
    platform_name: &str,
    account: &str,
    font: &dyn Advance,
) -> Vec<Band> {
    vec![
        Band::pair(
            (labels::UNIT, unit_name),
            (labels::PLATFORM, platform_kind),
            font,
        ),
        Band::pair(
            (labels::ACCOUNT_NAME, platform_name),
            (report_labels::ACCOUNT, account),
            font,
        ),
    ]
}

/// 第四条二: the report in writing to both offices, signed and sealed by the unit.
pub(super) fn layout_report(content: ReportContent<'_>, font: &dyn Advance) -> Vec<Page> {
    let mut letter = Letter::new(font);
    letter.title(&content.title);
    letter.gap(BODY_PITCH);
    letter.paragraph(report_labels::REPORT_ADDRESSEE, false, 0.0);
    letter.paragraph(&content.opening, true, 0.0);

    let closing = unit_signature(content.unit_name, font);
    // The last row comes along with 「特此报告。」 and the signature: never a page of only those.
    let after_tables = TABLE_GAP + BODY_PITCH + closing.height();
    let count = content.tables.len();
    for (i, table) in content.tables.into_iter().enumerate() {
        letter.gap(TABLE_GAP);
        let keep = if i + 1 == count { after_tables } else { 0.0 };
        letter.table(table, keep);
    }
    letter.gap(TABLE_GAP);
    letter.paragraph(report_labels::REPORT_CLOSING, true, closing.height());
    letter.closing(closing);
    letter.finish()
}

/// The PDF's title: the document's title and the platform it is about.
pub(super) fn metadata_title(title: &str, platform_name: &str) -> String {
    match platform_name.trim() {
        "" => title.to_owned(),
        name => labels::titled(title, name),
    }
}
