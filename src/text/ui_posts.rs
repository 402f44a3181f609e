//! Wording of 信息发布 in the window: the list of posts (`ui/posts_view.rs`), one post's page
//! (`ui/post_view.rs`, `ui/post_form.rs`) and what applying its steps reports
//! (`ui/app_posts.rs`).

use std::fmt::Display;
use std::path::Path;

/// The list's column headers.
pub const COLUMNS: [&str; 7] = ["编号", "状态", "类别", "标题", "平台", "撰稿", "最近更新"];
pub const ALL_PLATFORMS: &str = "全部平台";
pub const FROM_LABEL: &str = "日期从";
pub const UNTIL_LABEL: &str = "到";
pub const TITLE_CONTAINS_LABEL: &str = "标题含：";

pub fn total(posts: usize) -> String {
    format!("共 {posts} 条")
}

/// A date typed into the list's filter that is not one.
pub fn invalid_day(typed: &str) -> String {
    format!("日期「{typed}」格式不对，请写成 2026-11-26。")
}

/// The post page's heading: 「信息 12」.
pub fn heading(id: i64) -> String {
    format!("信息 {id}")
}

/// 「第 2 稿」.
pub fn revision(number: i64) -> String {
    format!("第 {number} 稿")
}

pub const PLATFORM_LABEL: &str = "发布平台：";
pub const PLATFORM_MISSING: &str = "请选择发布平台";
pub const TITLE_LABEL: &str = "标题：";
pub const CATEGORY_LABEL: &str = "类别：";
pub const COLUMN_LABEL: &str = "栏目：";
pub const ORIGIN_LABEL: &str = "来源：";
/// 第六条三.
pub const INTERNAL: &str = "内部信息（仅可发布在校园内网平台）";
pub const AUTHOR_LABEL: &str = "作者或提供者：";
pub const AUTHOR_HINT: &str = "作者，或信息、图片的提供者";
pub const SOURCE_NAME_LABEL: &str = "资料来源：";
pub const SOURCE_NAME_HINT: &str = "例如 人民网";
pub const SOURCE_LINK_LABEL: &str = "来源链接：";
pub const SOURCE_LINK_HINT: &str = "https://…（没有可留空）";
pub const EDITOR_LABEL: &str = "编辑发布人：";
pub const PLANNED_AT_LABEL: &str = "计划发布时间：";
pub const PLANNED_AT_HINT: &str = "2026-11-28 09:00（可留空）";

/// A planned publishing time that is not one.
pub fn invalid_time(typed: &str) -> String {
    format!("「{typed}」不是有效的时间，请写成 2026-11-28 09:00")
}

/// 第六条四: who answers for an original post.
pub fn original(author_or_provider: &str) -> String {
    format!("原创 · 作者或提供者：{author_or_provider}")
}

/// 第六条四: where a reprint comes from.
pub fn reprint(source_name: &str, source_link: &str) -> String {
    format!("转载 · 资料来源：{source_name} {source_link}")
}

/// The line under a post's title when it is read, not edited.
pub fn details(
    category: &str,
    column: &str,
    attribution: &str,
    editor: &str,
    internal: bool,
) -> String {
    let internal = if internal { " · 内部信息" } else { "" };
    format!("{category} · 栏目：{column} · {attribution} · 编辑发布人：{editor}{internal}")
}

pub const PUBLISHED_LINK_LABEL: &str = "发布链接：";

pub fn changes_since(revision: i64) -> String {
    format!("自第 {revision} 稿以来的改动（绿色为新增，红色删除线为删去）：")
}

pub const BLOCKED: &str = "正文有须处理的内容，修改后才能提交（或请审核人放行）。";
pub const COMMENT_LABEL: &str = "审核意见（退回时必填）：";

pub const SCREENING: &str = "内容审查";

/// A finding in the title.
pub fn title_finding(summary: &str) -> String {
    format!("标题：{summary}")
}

/// A reviewer let the screening's findings pass; `current` is false once the text changed.
pub fn override_line(reviewer: &str, at: impl Display, reason: &str, current: bool) -> String {
    let lapsed = if current {
        ""
    } else {
        "（正文已改动，放行失效）"
    };
    format!("{reviewer} 已放行（{at}）：{reason}{lapsed}")
}

pub const OVERRIDE_REASON_LABEL: &str = "放行理由：";
pub const ATTACHMENTS: &str = "附件";
pub const REMOVE_ATTACHMENT: &str = "移除";
/// The post's history in the side panel.
pub const HISTORY: &str = "经过";

/// A step's comment, indented under the step.
pub fn history_comment(comment: &str) -> String {
    format!("　{comment}")
}

/// A step went through: 「信息 12：审核通过，现为「待发布」」.
/// 「已删除草稿「…」」.
pub fn draft_deleted(title: &str) -> String {
    format!("已删除草稿「{title}」（删除记入审计记录）")
}

pub fn step_done(id: i64, action: &str, state: &str) -> String {
    format!("信息 {id}：{action}，现为「{state}」")
}

pub const OVERRIDDEN: &str = "已放行审查结果，理由已记入审计记录。";

/// The name of an attachment no longer listed.
pub fn attachment_name(id: i64) -> String {
    format!("附件{id}")
}

pub fn attachment_unopenable(name: &str, error: impl Display, path: &Path) -> String {
    format!("无法打开附件「{name}」：{error}；文件在 {}", path.display())
}

/// The post page's side column (screening, attachments, history), folded or shown.
pub const SIDE_HIDE: &str = "收起右栏 »";
pub const SIDE_SHOW: &str = "« 审查、附件与经过";
pub const SIDE_HINT: &str = "右栏列出内容审查结果、附件和这条信息的经过；窗口较窄时默认收起";
