//! User-facing Chinese wording shared by the window and the command line, kept in one place
//! so it is reviewed together (and an English locale stays possible).
//!
//! One file per area. The lower layers return typed values (errors, states, problems); the
//! files here word them, so `domain`, `store` and `print` hold no interface Chinese
//! (`tests/architecture.rs` keeps it so).

pub mod audit;
pub mod auth;
pub mod backup;
pub mod calendar;
pub mod cli;
pub mod cli_audit;
pub mod cli_check;
pub mod cli_print;
pub mod exchange;
pub mod footprint;
pub mod hardening;
pub mod lifecycle;
pub mod ops;
pub mod permissions;
pub mod print;
pub mod registry;
pub mod screening;
pub mod server;
pub mod sessions;
pub mod signing;
pub mod store;
pub mod supervision;
pub mod ui_audit;
pub mod ui_calendar;
pub mod ui_common;
pub mod ui_dates;
pub mod ui_exchange;
pub mod ui_files;
pub mod ui_filings;
pub mod ui_history;
pub mod ui_keys;
pub mod ui_people;
pub mod ui_platform;
pub mod ui_posts;
pub mod ui_server;
pub mod ui_settings;
pub mod ui_supervision;
pub mod ui_todo;
pub mod ui_window;
pub mod validation;
pub mod workflow;

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

/// The audit log's action codes in words, for the timeline and a post's history.
pub fn audit_action_label(code: &str) -> &str {
    match code {
        "create" => "新建",
        "delete" => "删除草稿",
        "edit" => "编辑",
        "submit" => "提交审核",
        "approve" => "审核通过",
        "reject" => "退回",
        "publish" => "发布",
        "withdraw" => "撤回",
        "screening_override" => "放行审查结果",
        "attachment_add" => "添加附件",
        "attachment_remove" => "移除附件",
        "sign_in" => "登录",
        "sign_in_failed" => "登录失败",
        "sign_out" => "退出登录",
        "user_add" => "添加账号",
        "user_enable" => "启用账号",
        "user_disable" => "停用账号",
        "password_set" => "设置密码",
        "password_reset" => "重置密码",
        "unit_add" => "新增单位",
        "unit_edit" => "修改单位",
        "unit_delete" => "删除单位",
        "person_add" => "新增人员",
        "person_edit" => "修改人员",
        "person_delete" => "删除人员",
        "settings_save" => "保存设置",
        "word_list_edit" => "修改词表",
        "kind_add" => "新增媒体平台类型",
        "kind_delete" => "删除媒体平台类型",
        "platform_edit" => "修改平台信息",
        "filing_scan" => "附加签章扫描件",
        "calendar_import" => "导入节假日安排",
        "refused" => "被拒绝的操作",
        "backup" => "备份数据库",
        "copy" => "复制整个数据库",
        "audit_triggers_restored" => "恢复审计记录的防改保护",
        "key_issued" => "登记签名公钥",
        "update_record" => "登记平台更新",
        "history_import" => "导入发布记录",
        "party_column" => "标记党建专栏",
        "training_record" => "登记培训",
        // A platform's lifecycle events use their own names.
        other => match crate::domain::lifecycle::EventKind::from_code(other) {
            Some(kind) => kind.label(),
            None => other,
        },
    }
}

pub const SETTINGS_ADMIN_ONLY: &str = "设置（学校名称、备案表、节假日、审查词表等）由系统管理员维护；如需修改，请用系统管理员账号登录。";

pub const NEW_POST: &str = "新建信息";
pub const POST_UNSAVED: &str = "这条信息有尚未保存的修改。";
pub const SAVE_AND_CLOSE: &str = "保存后返回";
pub const ALL_POSTS: &str = "全部信息";
pub const NO_POSTS: &str = "没有符合条件的信息。";
pub const BACK_TO_LIST: &str = "返回列表";
pub const SAVE_DRAFT: &str = "保存草稿";
pub const SUBMIT_POST: &str = "编辑初审完成，提交审核";
pub const APPROVE_POST: &str = "审核通过";
pub const REJECT_POST: &str = "退回";
pub const PUBLISH_POST: &str = "确认发布";
pub const WITHDRAW_POST: &str = "撤回";
pub const DELETE_DRAFT: &str = "删除草稿";
pub const DELETE_DRAFT_CONFIRM: &str =
    "删除后不能恢复（删除本身记入审计记录）。确定删除这份草稿吗？";
pub const DELETE_DRAFT_YES: &str = "确定删除";
pub const DELETE_DRAFT_NO: &str = "不删除";
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

// ---------------------------------------------------------------------------------------------
// 内容审查：正文编辑器（ui/screened_editor.rs）与审查词表（ui/words_view.rs）
// ---------------------------------------------------------------------------------------------

pub const SCREEN_BODY: &str = "正文";
pub const SCREEN_MASK: &str = "一键脱敏";
pub const SCREEN_MASK_HINT: &str =
    "把身份证号、手机号、银行卡号、邮箱、学号、工号的中间几位换成 *（第六条五第12项）";
pub const SCREEN_CLEAN: &str = "未发现问题。";
pub const SCREEN_TRUNCATED: &str = "问题过多，只列出前面的部分。请先修改正文再看其余问题。";

/// The summary line above the findings.
pub fn screen_summary(block: usize, warn: usize, links: usize) -> String {
    format!("拦截 {block} 处 / 提醒 {warn} 处 / 外部链接 {links} 个")
}

pub fn screen_info_count(info: usize) -> String {
    format!("另有提示 {info} 处")
}

/// 第八条二: links that deserve a second look, or `None` when all are plain https.
pub fn screen_link_warning(http: usize, shorteners: usize) -> Option<String> {
    let mut parts = Vec::new();
    if http > 0 {
        parts.push(format!("{http} 个是未加密的 http 链接"));
    }
    if shorteners > 0 {
        parts.push(format!("{shorteners} 个是短链接，看不出真实去向"));
    }
    (!parts.is_empty())
        .then(|| format!("其中{}。请打开核实链接内容（第八条二）。", parts.join("，")))
}

/// Header of a category in the findings panel.
pub fn screen_category_header(label: &str, article: &str, count: usize) -> String {
    format!("{label}（{article}）{count} 处")
}

/// One finding in the panel: what was found (masked if personal), the rule, the severity.
pub fn screen_finding_row(matched: &str, rule: &str, severity: &str) -> String {
    format!("「{matched}」 {rule} [{severity}]")
}

pub fn screen_position(start: usize, end: usize) -> String {
    format!("第 {}–{} 字，点击选中", start + 1, end)
}

pub fn screen_more(hidden: usize) -> String {
    format!("另有 {hidden} 处未列出")
}

pub const WORDS_TITLE: &str = "审查词表";
pub const WORDS_INTRO: &str = "发布前检查正文所用的词表：第六条五的十二类禁止内容、第六条三的内部信息标记，以及不拦截的允许词。每次修改都保存为新版本，并记录修改人和原因。";
pub const WORDS_LIST: &str = "词表：";
pub const WORDS_ALLOW_LIST: &str = "允许词表（含敏感字但可以发布的说法）";
pub const WORDS_REASON: &str = "修改原因：";
pub const WORDS_REASON_HINT: &str = "例如：宣传部通知新增";
pub const WORDS_REASON_MISSING: &str = "请先填写修改原因（每次修改词表都会记录原因）。";
pub const WORDS_NEW: &str = "新词：";
pub const WORDS_SEVERITY: &str = "级别：";
pub const WORDS_ADD: &str = "添加词语";
pub const WORDS_REMOVE: &str = "删除";
pub const WORDS_FILTER: &str = "查找：";
pub const WORDS_FILE: &str = "文件：";
pub const WORDS_FILE_HINT: &str = "txt 文件路径，每行一个词";
pub const WORDS_BROWSE: &str = "选择文件…";
pub const WORDS_IMPORT: &str = "导入";
pub const WORDS_EXPORT: &str = "导出";
pub const WORDS_VERSIONS: &str = "历史版本";
pub const WORDS_SEED_VERSION: &str = "当前为内置词表，尚未修改过。";
pub const WORDS_EMPTY: &str = "该词表没有词。";
pub const WORDS_PATTERNS: &str = "学号、工号规则";
pub const WORDS_STUDENT_PATTERNS: &str = "学号规则：";
pub const WORDS_STAFF_PATTERNS: &str = "工号规则：";
pub const WORDS_PATTERNS_HINT: &str = "每行一条正则表达式，例如学号 20\\d{8}、工号 JS\\d{5}；不区分大小写。用于识别第六条五第12项的个人信息。";
pub const WORDS_SAVE_PATTERNS: &str = "保存规则";
pub const WORDS_PATTERNS_SAVED: &str = "学号、工号规则已保存";

pub fn words_count(count: usize, version: i64) -> String {
    if version == 0 {
        format!("共 {count} 个词（内置词表）")
    } else {
        format!("共 {count} 个词（第 {version} 版）")
    }
}

pub fn words_added(word: &str) -> String {
    format!("已添加「{word}」")
}

pub fn words_updated(word: &str) -> String {
    format!("「{word}」已在词表中，已更新其级别")
}

pub fn words_already_allowed(word: &str) -> String {
    format!("「{word}」已在允许词表中")
}

pub fn words_removed(word: &str) -> String {
    format!("已删除「{word}」")
}

pub fn words_imported(added: usize, duplicates: usize, problems: usize) -> String {
    format!("导入完成：新增 {added} 个，已有 {duplicates} 个，跳过有问题的 {problems} 行")
}

pub fn words_exported(path: &str) -> String {
    format!("已导出到 {path}")
}

pub fn words_version_line(version: i64, when: &str, who: &str, why: &str) -> String {
    format!("第 {version} 版  {when}  {who}：{why}")
}

pub fn words_invalid(word: &str, reason: &str) -> String {
    format!("「{word}」不能加入词表：{reason}。您输入的内容仍在，请修改后再添加。")
}

/// An I/O error in Chinese, by its kind, so no English from the OS reaches a message.
pub fn io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let what = match e.kind() {
        NotFound => "文件或文件夹不存在",
        PermissionDenied => "没有访问权限",
        AlreadyExists => "文件已存在",
        IsADirectory => "这是一个文件夹，不是文件",
        NotADirectory => "路径中有一项不是文件夹",
        StorageFull => "磁盘空间已满",
        ReadOnlyFilesystem => "磁盘或文件夹是只读的",
        InvalidData => "文件内容无法识别",
        UnexpectedEof => "文件不完整（提前结束）",
        BrokenPipe => "输出已被关闭",
        TimedOut => "操作超时",
        Interrupted => "操作被中断",
        WouldBlock => "文件暂时无法读取（可能是管道或设备）",
        _ => "读写出错",
    };
    match e.raw_os_error() {
        Some(code) => format!("{what}（系统错误 {code}）"),
        None => what.to_owned(),
    }
}

/// The name of the system administrator's demo and first account.
pub const SYSTEM_ADMIN: &str = "系统管理员";

/// 「张喆 · 商学院 · 信息员」 for the window's header.
pub fn session_description(
    display_name: &str,
    unit_name: &str,
    roles: &[crate::domain::unit::Role],
    system_admin: bool,
) -> String {
    let mut parts = vec![display_name.to_owned()];
    if !unit_name.is_empty() {
        parts.push(unit_name.to_owned());
    }
    let mut labels: Vec<&str> = roles.iter().map(|r| r.label()).collect();
    if system_admin && display_name != SYSTEM_ADMIN {
        labels.push(SYSTEM_ADMIN);
    }
    if !labels.is_empty() {
        parts.push(labels.join("、"));
    }
    parts.join(" · ")
}
