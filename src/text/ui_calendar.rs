//! Wording of 节假日安排 in the settings (`ui/calendar_view.rs`): which years the working-day
//! calendar knows, importing and editing a year, and the skeleton of a new year.

pub const HEADING: &str = "节假日安排（工作日日历）";
pub const NO_YEARS: &str = "还没有任何年份的节假日安排。";
pub const INTRO: &str = "新一年的安排公布后，请导入或新增该年，否则该年的备案期限无法计算。支持本程序格式和 holiday-cn 格式的 JSON 文件。";
pub const IMPORT: &str = "导入节假日文件…";
pub const EDITOR_HINT: &str = "按国务院办公厅通知填写：holidays 为放假日期，makeup_workdays 为调休上班的周末日期，日期写作 YYYY-MM-DD。";
pub const CONTENT_LABEL: &str = "内容：";

/// The years the calendar knows, in order, or that it knows none.
pub fn known_years(years: &[i32]) -> String {
    match (years.first(), years.last()) {
        (Some(first), Some(last)) => format!(
            "已有 {first}–{last} 年的国务院节假日安排（含调休上班日）：{}",
            year_list(years)
        ),
        _ => NO_YEARS.to_owned(),
    }
}

fn year_list(years: &[i32]) -> String {
    years
        .iter()
        .map(i32::to_string)
        .collect::<Vec<_>>()
        .join(super::ui_common::LIST_SEPARATOR)
}

pub fn add_year(year: i32) -> String {
    format!("新增 {year} 年…")
}

pub fn edit_year(year: i32) -> String {
    format!("编辑 {year} 年…")
}

pub fn imported(years: &[i32]) -> String {
    format!("已导入 {} 年的节假日安排", year_list(years))
}

/// A refused import: the reason, and that nothing changed.
pub fn import_refused(reason: &str) -> String {
    format!("{reason}（原有日历未改动）")
}

pub fn editor_title(year: i32) -> String {
    format!("{year} 年节假日安排")
}

/// The festivals of a new year's skeleton, in calendar order.
pub const FESTIVALS: [&str; 7] = [
    "元旦",
    "春节",
    "清明节",
    "劳动节",
    "端午节",
    "中秋节",
    "国庆节",
];

/// The State Council notice a year's schedule comes from.
pub fn notice_title(year: i32) -> String {
    format!("国务院办公厅关于{year}年部分节假日安排的通知")
}
