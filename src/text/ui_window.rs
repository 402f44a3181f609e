//! Wording of the window's frame (`ui/app.rs`, `ui/run.rs`, `ui/widgets.rs`,
//! `ui/action.rs`): the navigation, a database that would not open, the welcome page of a
//! new database (`ui/welcome.rs`), the file dialogs' filters and the `--screenshot` run.

use std::fmt::Display;
use std::path::Path;

/// Under 「MediaDesk」 at the top of the navigation.
pub const SUBTITLE: &str = "二级网络平台管理台";

/// A post queue under 信息发布 in the navigation, indented: 「　待审核 3」.
pub fn queue_entry(queue: &str, posts: usize) -> String {
    format!("　{queue} {posts}")
}

pub const DATABASE_FAILED: &str = "无法打开数据库";
pub const DATA_UNTOUCHED: &str = "数据没有被改动。处理好上述问题后重新启动 MediaDesk 即可。";

pub fn window_failed(error: impl Display) -> String {
    format!("无法打开窗口（{error}）。请确认在图形桌面中运行。")
}

pub const WELCOME_UNIT_HINT: &str = "例如 商学院";
pub const WELCOME_BEGIN: &str = "开始";
pub const WELCOME_UNIT_MISSING: &str = "请先输入本单位名称";
pub const WELCOME_DEMO_CONTENTS: &str = "4 个单位、14 位人员、17 个平台：督查的每一级（应整改、应通报、应关停、已关停）各有一例，另有逾期未备案、变更逾期未报和迟报的安全事件。";

/// The file dialogs' filters.
pub const SCAN_FILES: &str = "签章扫描件";
pub const DATABASE_FILES: &str = "SQLite 数据库";

/// `--screenshot`: how long the first frame took, on stderr.
pub fn first_frame(millis: u128) -> String {
    format!("首帧已绘制：启动用时 {millis} ms")
}

pub fn screenshot_failed(error: &str) -> String {
    format!("截图失败：{error}")
}

/// A file that could not be written, and why.
pub fn file_error(path: &Path, error: impl Display) -> String {
    format!("{}：{error}", path.display())
}
pub const CLOSE_NOTICE: &str = "关闭这条消息";

/// `--page` named no page.
pub fn unknown_page(name: &str) -> String {
    format!(
        "没有名为「{name}」的页面。可用：待办、督查、平台台账、备案、信息发布、新建信息、单位与人员、审计记录、账号、设置（或 todo、registry、filings、posts、new-post 等）。"
    )
}

/// `--window-size` was not W×H.
pub fn bad_window_size(text: &str) -> String {
    format!(
        "窗口大小「{text}」看不懂。请写成 宽x高，例如 1024x640（宽 640–7680，高 480–4320，半角数字）。"
    )
}
