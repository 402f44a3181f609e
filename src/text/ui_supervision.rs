//! Wording of the 督查 page (第六条四 and the other due actions): the unit lights, the due
//! list and the chart of updates per month.

use chrono::NaiveDate;

pub const NAV_SUPERVISION: &str = "督查";
pub const UNITS_HEADING: &str = "各单位情况";
pub const ALL_UNITS: &str = "全部单位";
pub const DUE_HEADING: &str = "今天要办的事";
pub const NOTHING_DUE: &str = "没有待办事项：各平台按期更新，备案、报告和培训都已办妥。";
pub const CHART_HEADING: &str = "近 12 个月的更新（篇）";
pub const CHART_HINT: &str = "含通过 MediaDesk 发布的信息和登记的平台后台更新。";
pub const OPEN_PLATFORM: &str = "查看平台";
pub const OPEN_PLATFORM_HINT: &str = "打开这个平台的全部历史：备案、变更、通知、更新";
pub const COL_LIGHT: &str = "";
pub const COL_WHAT: &str = "事项";
pub const COL_WHOM: &str = "单位 · 平台 · 人员";
pub const COL_SINCE: &str = "起算";
pub const COL_DUE: &str = "期限";
pub const COL_ARTICLE: &str = "依据";
pub const COL_ACTION: &str = "";

/// The page's title line.
pub fn heading(today: NaiveDate, count: usize) -> String {
    format!(
        "督查 · {} · {}",
        today.format("%Y年%-m月%-d日"),
        if count == 0 {
            "无待办".to_owned()
        } else {
            format!("{count} 项待办")
        }
    )
}

/// The chart's bar name: a unit, or every unit.
pub fn chart_series(unit: Option<&str>) -> String {
    match unit {
        Some(name) => format!("{name}的更新"),
        None => "全部单位的更新".to_owned(),
    }
}

/// A month on the chart's axis: 「11月」, with the year at January.
pub fn month_tick(month: &str) -> String {
    match month.split_once('-') {
        Some((year, "01")) => format!("{year}年1月"),
        Some((_, m)) => format!("{}月", m.trim_start_matches('0')),
        None => month.to_owned(),
    }
}

/// The due list's title when one unit is chosen.
pub fn due_for_unit(unit: &str, count: usize) -> String {
    format!("{unit}：{count} 项")
}
