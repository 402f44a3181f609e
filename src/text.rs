//! User-facing Chinese wording shared by the window and the command line, kept in one place
//! so it is reviewed together (and an English locale stays possible).

pub const APP_TITLE: &str = "MediaDesk 二级网络平台管理台";

pub const NAV_REGISTRY: &str = "平台台账";
pub const NAV_FILINGS: &str = "备案";
pub const NAV_UNITS: &str = "单位与人员";
pub const NAV_SETTINGS: &str = "设置";
pub const NAV_POSTS: &str = "信息发布";
pub const NAV_AUDIT: &str = "审计记录";
pub const NAV_USERS: &str = "账号";

pub const SIGN_IN: &str = "登录";
pub const SWITCH_USER: &str = "切换用户";
pub const LOGIN_LABEL: &str = "登录名：";
pub const PASSWORD_LABEL: &str = "密码：";
pub const PASSWORD_AGAIN_LABEL: &str = "再输一次：";
pub const DISPLAY_NAME_LABEL: &str = "显示名称：";
pub const FIRST_ADMIN_TITLE: &str = "创建系统管理员";
pub const FIRST_ADMIN_BODY: &str = "这是第一次使用本数据库。请先创建系统管理员账号：它负责设置和添加其他账号（信息员、审核人、管理员）。密码至少 8 个字符。";
pub const FIRST_ADMIN_CREATE: &str = "创建并登录";

pub const NEW_POST: &str = "新建信息";
pub const ALL_POSTS: &str = "全部信息";
pub const NO_POSTS: &str = "没有符合条件的信息。";
pub const BACK_TO_LIST: &str = "返回列表";
pub const SAVE_DRAFT: &str = "保存草稿";
pub const SUBMIT_POST: &str = "编辑初审完成，提交审核";
pub const APPROVE_POST: &str = "审核通过";
pub const REJECT_POST: &str = "退回";
pub const PUBLISH_POST: &str = "确认发布";
pub const WITHDRAW_POST: &str = "撤回";
pub const OVERRIDE_SCREENING: &str = "审核人放行";
pub const PRINT_SLIP: &str = "打印审核单";
pub const ADD_ATTACHMENT: &str = "添加附件";

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
