//! Measurements of the printed filing form, in mm and pt, in one place so the layout can be
//! checked against the 附件 and adjusted without hunting through the drawing code.

// Columns (mm from the page's left edge). The first four rows use label | value | label |
// value; the 管理队伍 rows split the first value column into role | name.
pub(super) const LEFT: f32 = 20.0;
pub(super) const RIGHT: f32 = 190.0;
pub(super) const X_VALUE1: f32 = 50.0;
pub(super) const X_ROLE_END: f32 = 70.0;
pub(super) const X_LABEL2: f32 = 102.0;
pub(super) const X_VALUE2: f32 = 126.0;

// Rows (mm).
pub(super) const COPY_MARK_BASELINE: f32 = 13.0;
pub(super) const TITLE_BASELINE: f32 = 26.0;
pub(super) const TITLE_TO_TABLE: f32 = 8.0;
/// Lowest point of the table and of the notes under it.
pub(super) const CONTENT_BOTTOM: f32 = 282.0;
pub(super) const NOTES_GAP: f32 = 3.5;
pub(super) const PAGE_NUMBER_BASELINE: f32 = 289.0;
pub(super) const ROW: f32 = 10.5;
pub(super) const TEAM_ROW: f32 = 9.0;
/// The opinion rows share the page's spare height within these bounds: room for a few
/// handwritten lines above the signature and a round seal overlapping the date, as seals do.
pub(super) const OPINION_MIN: f32 = 36.0;
pub(super) const OPINION_MAX: f32 = 48.0;
/// A value taller than this continues in a 「…（续）」 row below its own.
pub(super) const MAX_CELL: f32 = 60.0;
pub(super) const PAD_X: f32 = 1.8;
pub(super) const PAD_Y: f32 = 1.2;
pub(super) const CHECK_BOX: f32 = 3.2;
pub(super) const CHECK_GAP: f32 = 1.0;
pub(super) const CHECK_ITEM_GAP: f32 = 4.0;

// Rules (mm): a heavier outer frame, thin inner rules.
pub(super) const OUTER_RULE: f32 = 0.35;
pub(super) const INNER_RULE: f32 = 0.18;
pub(super) const TICK_RULE: f32 = 0.3;
pub(super) const BOX_RULE: f32 = 0.2;

// Sizes (pt), after the usual government-form scale: 小二 title, 小四 body, 五号 notes.
pub(super) const TITLE_PT: f32 = 18.0;
pub(super) const TITLE_MIN_PT: f32 = 12.0;
pub(super) const BODY_PT: f32 = 12.0;
/// Values shrink to this at most; longer ones wrap at it and their row grows, so a name never
/// turns tiny beside its neighbours.
pub(super) const VALUE_MIN_PT: f32 = 10.0;
/// Labels keep their lines (as the 附件 breaks them) down to this size before wrapping more.
pub(super) const LABEL_NO_WRAP_MIN_PT: f32 = 11.0;
pub(super) const MIN_PT: f32 = 8.0;
pub(super) const MARK_PT: f32 = 10.5;
pub(super) const MARK_MIN_PT: f32 = 7.0;
pub(super) const NOTE_PT: f32 = 10.5;
pub(super) const PAGE_NUMBER_PT: f32 = 9.0;
pub(super) const MAX_TITLE_LINES: usize = 3;
