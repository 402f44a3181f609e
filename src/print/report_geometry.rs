//! Measurements of the written reports and the notice, in mm and pt, after the usual layout of
//! Chinese official letters (GB/T 9704 scaled to a 四号 body): a text block a whole number of
//! characters wide, centred on A4, with room for signatures and seals at the bottom right.

use super::layout::{A4_WIDTH_MM, MM_PER_PT};

// Sizes (pt): 二号 title, 四号 body, 小四 in tables.
pub(super) const TITLE_PT: f32 = 20.0;
pub(super) const BODY_PT: f32 = 14.0;
pub(super) const TABLE_PT: f32 = 12.0;
/// Labels keep their own line breaks down to this size before wrapping more.
pub(super) const LABEL_MIN_PT: f32 = 10.5;
pub(super) const PAGE_NUMBER_PT: f32 = 12.0;

/// One body character, the unit letters are measured in.
pub(super) const BODY_EM: f32 = BODY_PT * MM_PER_PT;
/// Baseline to baseline of body text, as a multiple of its size.
pub(super) const BODY_SPACING: f32 = 1.75;
pub(super) const BODY_PITCH: f32 = BODY_EM * BODY_SPACING;
/// Paragraphs start two characters in.
pub(super) const INDENT: f32 = 2.0 * BODY_EM;
/// A line of body text holds exactly this many ideographs, so Chinese lines end flush.
pub(super) const CHARS_PER_LINE: f32 = 31.0;

// Columns (mm from the page's left edge).
pub(super) const TEXT_WIDTH: f32 = CHARS_PER_LINE * BODY_EM;
pub(super) const LEFT: f32 = (A4_WIDTH_MM - TEXT_WIDTH) / 2.0;
pub(super) const RIGHT: f32 = LEFT + TEXT_WIDTH;
/// The label column every table shares, so the first inner rule lines up from table to table.
pub(super) const X_LABEL_END: f32 = LEFT + 32.0;
/// 账号名称's value ends here and the 媒体平台 / 账号/网址 label begins.
pub(super) const X_LABEL2: f32 = X_LABEL_END + 47.0;
pub(super) const X_VALUE2: f32 = X_LABEL2 + 24.0;
/// 变更前 and 变更后 share what is right of the label column equally.
pub(super) const X_CHANGE_AFTER: f32 = (X_LABEL_END + RIGHT) / 2.0;

// Rows (mm).
/// Top of the title's first line.
pub(super) const TITLE_TOP: f32 = 32.0;
/// Top of the text on pages after the first.
pub(super) const CONTINUATION_TOP: f32 = 28.0;
/// Nothing but the page number goes below this.
pub(super) const CONTENT_BOTTOM: f32 = 270.0;
pub(super) const PAGE_NUMBER_BASELINE: f32 = 283.0;
pub(super) const ROW: f32 = 10.0;
/// Space above and below a cell's text: more than the filing form's, which must fit one page,
/// so wrapped values in a letter's table do not crowd the rules.
pub(super) const CELL_PAD_Y: f32 = 2.0;
/// Space above and below a table.
pub(super) const TABLE_GAP: f32 = 3.0;

// The signature block.
/// 成文日期 ends four characters from the right margin (GB/T 9704); the signer's name and the
/// seal centre on the date.
pub(super) const DATE_RIGHT: f32 = RIGHT - 4.0 * BODY_EM;
/// Blank room before 年, 月 and 日 for handwritten digits.
pub(super) const YEAR_ROOM: f32 = 14.0;
pub(super) const MONTH_DAY_ROOM: f32 = 9.0;
/// Room after 单位负责人签字： for the signature.
pub(super) const SIGNATURE_ROOM: f32 = 40.0;
/// Empty lines between the closing sentence and the signature block.
pub(super) const LINES_BEFORE_SIGNATURE: f32 = 1.5;
/// Empty lines between the handwritten signature and the unit's name, leaving the seal
/// (about 42 mm across, centred on the name and date) clear of the signature.
pub(super) const LINES_ABOVE_SEAL: f32 = 2.0;
