//! Wording of a platform's history window (`ui/history_view.rs`): the timeline, the
//! reportable changes (第四条二), closing (停止运营) and shutting down (关停, 第四条三).

use chrono::NaiveDate;

pub fn title(platform: &str) -> String {
    format!("平台历史：{platform}")
}

pub fn current_status(status: &str) -> String {
    format!("当前状态：{status}")
}

/// The written report of a change is due by `deadline` (a setting, 5 working days).
pub fn report_deadline(deadline: NaiveDate, overdue: bool) -> String {
    if overdue {
        format!("报送期限 {deadline}，已逾期")
    } else {
        format!("报送期限 {deadline}")
    }
}

pub const CHANGES: &str = "信息变更";
pub const NO_CHANGES: &str = "已备案平台修改账号名称、管理队伍或维护方式等信息时，这里会生成变更记录，须书面报备（第四条二）。";
pub const PRINT_CHANGE_REPORT: &str = "打印变更报告…";

pub const CLOSE: &str = "停止运营…";
pub const SHUT_DOWN: &str = "关停…";
pub const SHUT_DOWN_HINT: &str = "学校依第四条三、第六条四、第八条二关停";
pub const PRINT_CLOSURE_REPORT: &str = "打印停止运营报告…";
pub const PRINT_SHUTDOWN_NOTICE: &str = "打印关停通知…";

pub const CLOSED_ON_LABEL: &str = "停止运营日期：";
pub const CLOSURE_REASON_LABEL: &str = "停止运营原因：";
pub const DISPOSITION_LABEL: &str = "已发布内容处理：";
pub const DISPOSITION_HINT: &str = "如 保留历史内容 / 全部删除 / 移交学院公众号";

pub const SHUT_DOWN_ON_LABEL: &str = "关停日期：";
pub const SHUTDOWN_REASON_LABEL: &str = "关停原因：";
pub const DETAILS_LABEL: &str = "具体情况：";
pub const DOCUMENT_NO_LABEL: &str = "文号：";
pub const DOCUMENT_NO_HINT: &str = "如 校宣〔2026〕12号";

/// A lifecycle step was recorded.
pub fn recorded(platform: &str) -> String {
    format!("已记录「{platform}」的变动")
}
