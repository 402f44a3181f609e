//! Wording of 节假日安排 in the settings (`ui/calendar_view.rs`): which years the working-day
//! calendar knows, importing a file, and editing a year in its month grids.

pub const HEADING: &str = "节假日安排（工作日日历）";
pub const NO_YEARS: &str = "还没有任何年份的节假日安排。";
pub const INTRO: &str = "新一年的安排公布后，请导入该年的文件，或在下方日历中按通知点出放假和调休上班的日子并保存，否则该年的备案期限无法计算。支持本程序格式和 holiday-cn 格式的 JSON 文件。";
pub const IMPORT: &str = "导入节假日文件…";
pub const YEAR_LABEL: &str = "年份：";
pub const NOTICE_LABEL: &str = "国务院办公厅通知文号：";
pub const NOTICE_HINT: &str = "例如 国办发明电〔2025〕7号";
pub const GRIDS_TITLE: &str = "按日历点选放假和调休上班的日子";
pub const GRID_HINT: &str = "按通知点击日期：点一次为「休」（放假），再点为「班」（调休上班，仅限周六、周日），再点恢复「普通」（周一至周五上班、周末休息）。";
pub const UNSAVED: &str =
    "有未保存的修改：请点「保存」写入日历，或点「放弃」恢复原样（保存或放弃之前不能切换年份）。";
pub const DISCARD: &str = "放弃";

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

/// A year in the year choice; a year the calendar does not know yet is marked.
pub fn year_choice(year: i32, known: bool) -> String {
    if known {
        format!("{year} 年")
    } else {
        format!("{year} 年（未录入）")
    }
}

/// A year without any schedule: what that means for deadlines, and how to enter it.
pub fn no_schedule(year: i32) -> String {
    format!(
        "尚无 {year} 年的节假日安排：保存之前，落在 {year} 年的备案期限等工作日期限无法计算，台账会提示缺少该年的安排。下面的日历先按周末标出休息日；请按国务院办公厅通知点出放假和调休上班的日子，填写通知文号后保存。"
    )
}

/// The editor's save button, naming the year it writes.
pub fn save_year(year: i32) -> String {
    format!("保存 {year} 年")
}

/// A year saved from the month grids.
pub fn saved(year: i32) -> String {
    format!("已保存 {year} 年的节假日安排")
}

/// The month heading above a grid: 「10月」.
pub fn month_heading(month: u32) -> String {
    format!("{month}月")
}

/// What a click set a day to, for the screen reader and the tests: 「10月1日 休」.
pub fn cell_label(month: u32, day: u32, mark: crate::domain::calendar::DayMark) -> String {
    use crate::domain::calendar::DayMark;
    let mark = match mark {
        DayMark::Holiday => super::ui_dates::OFF,
        DayMark::MakeupWorkday => super::ui_dates::MAKEUP,
        DayMark::Ordinary => super::ui_dates::ORDINARY,
    };
    format!("{month}月{day}日 {mark}")
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

/// The State Council notice a year's schedule comes from, with its number, as the bundled
/// files write it.
pub fn notice_source(year: i32, number: &str) -> String {
    format!("国务院办公厅关于{year}年部分节假日安排的通知（{number}）")
}

/// The festival a day marked in the grid is filed under when no named day off is near it,
/// guessed from the time of year the festivals fall in.
pub fn festival_for(date: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let name = match (date.month(), date.day()) {
        (12, _) | (1, 1..=3) => FESTIVALS[0],
        (1 | 2, _) => FESTIVALS[1],
        (3 | 4, _) => FESTIVALS[2],
        (5, 1..=6) => FESTIVALS[3],
        (5 | 6, _) => FESTIVALS[4],
        (9, _) => FESTIVALS[5],
        (10, _) => FESTIVALS[6],
        _ => OTHER_DAYS_OFF,
    };
    name.to_owned()
}

/// A day off outside the festivals' seasons.
pub const OTHER_DAYS_OFF: &str = "其他放假";
