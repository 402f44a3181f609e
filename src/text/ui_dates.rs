//! Wording of the date picker beside every date field (`ui/date_picker.rs`): the month
//! header, the weekday row (Monday first), the marks taken from the working-day calendar and
//! their legend.

use chrono::NaiveDate;

/// The button beside a date field that opens the month grid.
pub const OPEN: &str = "日历";
pub const OPEN_HINT: &str = "从日历中选择日期（也可以直接输入）";
pub const TODAY: &str = "今天";
pub const PREVIOUS_YEAR: &str = "« 上一年";
pub const PREVIOUS_MONTH: &str = "‹ 上个月";
pub const NEXT_MONTH: &str = "下个月 ›";
pub const NEXT_YEAR: &str = "下一年 »";

/// The weekday row, Monday first as Chinese calendars print it.
pub const WEEKDAYS: [&str; 7] = ["一", "二", "三", "四", "五", "六", "日"];

/// A day off: a holiday, or a weekend not worked.
pub const OFF: &str = "休";
/// A weekend day worked instead (调休上班).
pub const MAKEUP: &str = "班";
/// The editor's third state: back to the weekday's default.
pub const ORDINARY: &str = "普通";

pub const LEGEND: &str = "休：放假（法定节假日或周末）　班：调休上班　其余为工作日";
/// Shown when the calendar has no schedule for the month's year.
pub fn unknown_year(year: i32) -> String {
    format!("尚无 {year} 年的节假日安排，只标出了周末。")
}

/// The month header: 「2026年12月」.
pub fn month(year: i32, month: u32) -> String {
    format!("{year}年{month}月")
}

/// What a day is, on hover: 「2026年10月1日 法定节假日（国庆节）」.
pub fn day_hint(date: NaiveDate, kind: &str) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日 {kind}", date.year(), date.month(), date.day())
}
