//! User-facing Chinese wording shared by the window and the command line, kept in one place
//! so it is reviewed together (and an English locale stays possible).

pub const APP_TITLE: &str = "MediaDesk 二级网络平台管理台";

pub const NAV_REGISTRY: &str = "平台台账";
pub const NAV_FILINGS: &str = "备案";
pub const NAV_UNITS: &str = "单位与人员";
pub const NAV_SETTINGS: &str = "设置";

pub const SEARCH: &str = "搜索";
pub const SEARCH_HINT: &str = "名称、账号、单位或人员";
pub const ALL_UNITS: &str = "全部单位";
pub const ALL_KINDS: &str = "全部平台";
pub const ALL_STATUSES: &str = "全部状态";
pub const ADD_PLATFORM: &str = "新增平台";
pub const EDIT_PLATFORM: &str = "编辑平台";
pub const SAVE: &str = "保存";
pub const CANCEL: &str = "取消";
pub const DISCARD_TITLE: &str = "放弃未保存的修改？";
pub const DISCARD_BODY: &str = "对话框中有尚未保存的修改，关闭后这些内容将丢失。";
pub const DISCARD: &str = "放弃修改";
pub const KEEP_EDITING: &str = "继续编辑";
pub const DRAFT_RESTORED: &str = "已恢复上次未保存的内容（程序上次可能意外退出）。";
pub const FIX_ERRORS: &str = "还有内容需要修改，请看各项旁边的红色提示。";
pub const NO_MATCH: &str = "没有符合条件的平台。请换个关键词，或清除筛选条件。";
pub const CLEAR_FILTERS: &str = "清除筛选";

pub const WELCOME_TITLE: &str = "欢迎使用 MediaDesk";
pub const WELCOME_BODY: &str =
    "这是一个新的数据库。您可以从本单位开始登记，也可以先载入一所示例学校的数据看看各项功能。";
pub const WELCOME_UNIT: &str = "本单位名称";
pub const WELCOME_START: &str = "从空白开始";
pub const WELCOME_DEMO: &str = "载入演示数据";

pub fn row_count(total: usize, shown: usize) -> String {
    if total == shown {
        format!("共 {total} 个平台")
    } else {
        format!("共 {total} 个平台，筛选后显示 {shown} 个")
    }
}

pub fn days_left(days: i64) -> String {
    if days == 0 {
        "今天截止".to_owned()
    } else {
        format!("剩 {days} 个工作日")
    }
}

pub fn overdue(working_days: i64, calendar_days: i64) -> String {
    if working_days == 0 {
        format!("已逾期 {calendar_days} 天")
    } else {
        format!("逾期 {working_days} 个工作日")
    }
}

pub fn unknown_year(year: i32) -> String {
    format!("缺少 {year} 年节假日安排")
}

/// 周一 … 周日.
pub fn weekday(date: chrono::NaiveDate) -> &'static str {
    use chrono::Datelike;
    ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
        [date.weekday().num_days_from_monday() as usize]
}
