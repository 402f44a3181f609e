//! Wording of the 备案 page (`ui/filings_view.rs`) and of printing from the window
//! (`ui/app_registry.rs`): the form's preview, the filing records and their steps, the
//! progress of a print and what it left.

use std::fmt::Display;
use std::path::Path;

use chrono::NaiveDate;

pub const HEADING: &str = "备案";
pub const INTRO: &str = "第四条一：新媒体账号须在创建后 5 个工作日内备案；备案表一式四份，签字盖章后报送学校办公室（新闻中心）和党委宣传部。";
pub const PRINT_FORM_LABEL: &str = "打印备案表：";
pub const CHOOSE_PLATFORM: &str = "请选择平台";
pub const ANNUAL: &str = "年审";
pub const PREVIEW: &str = "预览…";
pub const BATCH_LABEL: &str = "年审批量打印：";
pub const PREVIEW_ANNUAL: &str = "预览年审…";
pub const RECORDS: &str = "备案记录";
pub const NO_RECORDS: &str =
    "还没有备案记录。打印备案表后，这里会列出每份表格的签章、报送和归档进度。";

/// The records table's column headers.
pub const RECORD_COLUMNS: [&str; 8] = [
    "平台",
    "单位",
    "类型",
    "打印日期",
    "状态",
    "报送 / 归档",
    "扫描件",
    "操作",
];

pub const OPEN_SCAN: &str = "打开";
pub const REPLACE_SCAN: &str = "替换…";
pub const ATTACH_SCAN: &str = "附加…";
pub const ARCHIVE: &str = "归档";
pub const AWAITING_UNIT: &str = "待单位报送";
pub const AWAITING_ARCHIVE: &str = "待新闻中心归档";
pub const COMPLETED: &str = "已完成";

pub const PREVIEW_TITLE: &str = "打印预览";
pub const PREVIEW_FIRST_ONLY: &str = "预览显示第一个平台；每个平台打印 4 页（一式四份）。";
pub const BLANKS_INTRO: &str = "以下内容为空，将打印为空白，请手工填写或先补全台账：";
pub const PREVIOUS_PAGE: &str = "上一页";
pub const NEXT_PAGE: &str = "下一页";
pub const SAVE_PDF: &str = "保存 PDF…";

pub const ARCHIVE_TITLE: &str = "归档为已备案";
pub const ARCHIVED_ON_LABEL: &str = "归档日期：";
pub const ARCHIVE_NO_LABEL: &str = "备案编号：";
pub const ARCHIVED: &str = "已归档为已备案";
pub const SUBMITTED: &str = "已标记为已报送";

/// One platform the form would print with blanks: 「「xx」缺少：负责人、联络手机」.
pub fn blanks(account: &str, missing: &[&str]) -> String {
    format!(
        "「{account}」缺少：{}",
        missing.join(super::ui_common::LIST_SEPARATOR)
    )
}

/// When more platforms have blanks than the preview lists.
pub fn blanks_total(platforms: usize) -> String {
    format!("……共 {platforms} 个平台有缺项")
}

/// The preview's title for one platform: 「首次备案：商学院公众号」.
pub fn single_title(kind: &str, platform: &str) -> String {
    format!("{kind}：{platform}")
}

pub fn single_file(account: &str, today: NaiveDate) -> String {
    format!("备案表-{account}-{today}.pdf")
}

/// The preview's title for the annual review of a unit or the whole school.
pub fn annual_title(scope: &str, platforms: usize) -> String {
    format!("年审：{scope}（{platforms} 个平台）")
}

pub fn annual_file(scope: &str, today: NaiveDate) -> String {
    format!("年审备案表-{scope}-{today}.pdf")
}

pub fn batch_size(platforms: usize) -> String {
    format!("{platforms} 个平台，每个 4 页")
}

pub fn submitted_on(on: NaiveDate) -> String {
    format!("报送 {on}")
}

pub fn archived_on(on: NaiveDate, archive_no: &str) -> String {
    format!("；归档 {on}（{archive_no}）")
}

/// The preview's header: 「年审：商学院（3 个平台）（第 1 / 12 页）」; `page` counts from 1.
pub fn preview_header(title: &str, page: usize, pages: usize) -> String {
    format!("{title}（第 {page} / {pages} 页）")
}

pub fn generating(title: &str) -> String {
    format!("正在生成 PDF：{title}")
}

pub const CANCELLING: &str = "正在取消…";

pub fn scan_attached(name: &str) -> String {
    format!("已附加扫描件「{name}」")
}

pub fn scan_unopenable(error: impl Display, path: &Path) -> String {
    format!("无法打开扫描件：{error}；文件在 {}", path.display())
}

/// A filing form was printed to `path` and recorded.
pub fn form_generated(path: &Path) -> String {
    format!("已生成 {}，请打印后签字盖章", path.display())
}

/// Appended to [`form_generated`] when the PDF could not be opened for the person.
pub fn form_unopenable(error: impl Display) -> String {
    format!("（无法自动打开：{error}，请手动打开该文件）")
}

/// A one-copy document (change report, closure report, shutdown notice) was saved.
pub fn document_generated(path: &Path) -> String {
    format!("已生成 {}，请签字盖章后报送", path.display())
}

/// Appended to [`document_generated`] when the PDF could not be opened for the person.
pub fn document_unopenable(error: impl Display) -> String {
    format!("（无法自动打开：{error}）")
}
