//! Wording of spreadsheet import and export (`crate::exchange`): the sheets' names and
//! headers, what the import recognises in people's spreadsheets (header names, 是/否 marks,
//! platform nicknames), and every message, with `Display` for the exchange errors.

use std::fmt;

use crate::domain::filing::{FilingKind, FilingState};
use crate::domain::platform::{AccountType, PlatformKind};
use crate::exchange::{
    CellProblem, ColumnRole, ExportError, ImportError, LooksLike, NoticeStep, RowError, RowReport,
    column_letter,
};

// ---------------------------------------------------------------------------------------------
// Export: sheets and headers. The platform headers are also names the import recognises.
// ---------------------------------------------------------------------------------------------

pub const SHEET_PLATFORMS: &str = "平台台账";
pub const SHEET_FILINGS: &str = "备案记录";
pub const SHEET_CHANGES: &str = "变更与停运";
pub const SHEET_NOTICES: &str = "整改与通报";

pub const MAINTENANCE_IN_HOUSE: &str = "本单位自行维护";
pub const MAINTENANCE_VENDOR: &str = "委托外部单位维护";

pub fn yes_no(value: bool) -> &'static str {
    if value { "是" } else { "否" }
}

/// The 台账 sheet's columns, with `admin_slots` name/mobile pairs for the administrators.
pub fn platform_headers(admin_slots: usize) -> Vec<String> {
    let mut headers: Vec<String> = [
        "创建单位",
        "媒体平台",
        "账号名称",
        "账号ID/网址",
        "账号类型",
        "是否认证",
        "认证有效期",
        "内容范围",
        "创建时间",
        "负责人",
        "联络手机",
    ]
    .map(String::from)
    .to_vec();
    for n in 1..=admin_slots {
        headers.push(format!("管理员{n}姓名"));
        headers.push(format!("管理员{n}手机"));
    }
    headers.extend(
        [
            "维护方式",
            "维护单位",
            "批准文号",
            "仅校园网访问",
            "最近更新",
            "状态",
            "备案进度",
            "备注",
        ]
        .map(String::from),
    );
    headers
}

pub fn filing_headers() -> Vec<String> {
    [
        "创建单位",
        "媒体平台",
        "账号名称",
        "账号ID/网址",
        "备案类型",
        "打印日期",
        "备案进度",
        "报送日期",
        "归档日期",
        "备案编号",
        "已存扫描件",
    ]
    .map(String::from)
    .to_vec()
}

pub fn change_headers() -> Vec<String> {
    [
        "创建单位",
        "媒体平台",
        "账号名称",
        "日期",
        "事项",
        "变更项目",
        "原内容",
        "新内容",
        "说明",
    ]
    .map(String::from)
    .to_vec()
}

pub fn notice_headers() -> Vec<String> {
    [
        "创建单位",
        "媒体平台",
        "账号名称",
        "通知类型",
        "发出日期",
        "文号",
        "最近更新",
        "整改期限",
        "说明",
    ]
    .map(String::from)
    .to_vec()
}

/// 第六条四's three steps.
pub fn notice_step(step: NoticeStep) -> &'static str {
    match step {
        NoticeStep::Rectification => "整改通知",
        NoticeStep::PublicNotice => "公开通报",
        NoticeStep::ShutdownDecision => "关停决定",
    }
}

/// 「初次备案·已报送」.
pub fn filing_progress(kind: FilingKind, state: FilingState) -> String {
    format!("{}·{}", kind.label(), state.label())
}

// ---------------------------------------------------------------------------------------------
// Import: what people write in their spreadsheets.
// ---------------------------------------------------------------------------------------------

/// Characters ignored in headers (「*账号名称：」 is 「账号名称」).
pub const HEADER_NOISE: &[char] = &['*', '＊', ':', '：', '#', '※', '★', '☆', '·'];

/// Headers recognised exactly (after noise, brackets and ASCII case are removed).
pub const HEADER_EXACT: &[(ColumnRole, &[&str])] = &[
    (
        ColumnRole::Unit,
        &[
            "创建单位",
            "单位",
            "单位名称",
            "所属单位",
            "二级单位",
            "开办单位",
            "主办单位",
            "学院/部门",
            "部门",
            "学院",
            "责任单位",
        ],
    ),
    (
        ColumnRole::Kind,
        &[
            "媒体平台",
            "平台类型",
            "平台",
            "新媒体平台",
            "类型",
            "媒体类型",
            "平台类别",
            "类别",
        ],
    ),
    (
        ColumnRole::Name,
        &[
            "账号名称",
            "名称",
            "账号名",
            "平台名称",
            "网站名称",
            "公众号名称",
            "网站/账号名称",
            "账号/网站名称",
            "媒体名称",
        ],
    ),
    (
        ColumnRole::Account,
        &[
            "账号id/网址",
            "账号id",
            "账号",
            "网址",
            "账号/网址",
            "网址/账号",
            "id",
            "微信号",
            "域名",
            "网站地址",
            "链接",
            "原始id",
        ],
    ),
    (
        ColumnRole::AccountType,
        &["账号类型", "公众号类型", "账号性质"],
    ),
    (
        ColumnRole::Verified,
        &[
            "是否认证",
            "认证",
            "认证情况",
            "已认证",
            "是否已认证",
            "认证状态",
        ],
    ),
    (
        ColumnRole::VerifiedUntil,
        &[
            "认证有效期",
            "认证到期",
            "有效期",
            "认证截止日期",
            "认证到期日",
            "认证有效期至",
        ],
    ),
    (
        ColumnRole::ContentScope,
        &[
            "内容范围",
            "发布内容",
            "主要内容",
            "内容",
            "主要发布内容",
            "内容定位",
            "功能定位",
        ],
    ),
    (
        ColumnRole::CreatedOn,
        &[
            "创建时间",
            "创建日期",
            "开通时间",
            "开通日期",
            "注册时间",
            "注册日期",
            "开办时间",
            "建立时间",
            "上线时间",
            "开设时间",
        ],
    ),
    (
        ColumnRole::ResponsiblePerson,
        &[
            "负责人",
            "第一责任人",
            "责任人",
            "分管领导",
            "主要负责人",
            "单位负责人",
            "负责人姓名",
        ],
    ),
    (
        ColumnRole::ContactMobile,
        &[
            "联络手机",
            "负责人手机",
            "负责人电话",
            "负责人联系方式",
            "负责人手机号",
        ],
    ),
    (ColumnRole::Maintenance, &["维护方式", "运维方式", "维护"]),
    (
        ColumnRole::Vendor,
        &[
            "维护单位",
            "运维单位",
            "委托单位",
            "外包单位",
            "维护公司",
            "技术支持单位",
        ],
    ),
    (
        ColumnRole::ApprovalRef,
        &["批准文号", "审批文号", "批文", "批准文件"],
    ),
    (ColumnRole::Notes, &["备注", "说明", "其他"]),
    (
        ColumnRole::LastPostOn,
        &[
            "最近更新",
            "最近更新日期",
            "最后更新",
            "最后更新时间",
            "最近更新时间",
        ],
    ),
    (
        ColumnRole::IntranetOnly,
        &["仅校园网访问", "仅限校内访问", "内网", "仅内网"],
    ),
];

/// Headers recognised by a part, tried in this order (「认证有效期至」 before 「认证」,
/// 「单位负责人」 as a person before 「单位」).
pub const HEADER_HINTS: &[(&str, ColumnRole)] = &[
    ("认证有效", ColumnRole::VerifiedUntil),
    ("有效期", ColumnRole::VerifiedUntil),
    ("认证", ColumnRole::Verified),
    ("账号类型", ColumnRole::AccountType),
    ("维护单位", ColumnRole::Vendor),
    ("运维单位", ColumnRole::Vendor),
    ("维护", ColumnRole::Maintenance),
    ("批准", ColumnRole::ApprovalRef),
    ("文号", ColumnRole::ApprovalRef),
    ("负责人", ColumnRole::ResponsiblePerson),
    ("责任人", ColumnRole::ResponsiblePerson),
    ("单位", ColumnRole::Unit),
    ("部门", ColumnRole::Unit),
    ("名称", ColumnRole::Name),
    ("网址", ColumnRole::Account),
    ("域名", ColumnRole::Account),
    ("账号", ColumnRole::Account),
    ("id", ColumnRole::Account),
    ("平台", ColumnRole::Kind),
    ("内容", ColumnRole::ContentScope),
    ("创建", ColumnRole::CreatedOn),
    ("开通", ColumnRole::CreatedOn),
    ("注册", ColumnRole::CreatedOn),
    ("更新", ColumnRole::LastPostOn),
    ("校园网", ColumnRole::IntranetOnly),
    ("内网", ColumnRole::IntranetOnly),
    ("备注", ColumnRole::Notes),
];

/// A mobile column whose owner is the person in the column before it.
pub const MOBILE_HEADERS: &[&str] = &[
    "手机",
    "手机号",
    "手机号码",
    "电话",
    "联系电话",
    "联系方式",
    "联系手机",
    "电话号码",
];

/// Headers of administrator columns start with one of these.
pub const ADMIN_PREFIXES: &[&str] = &["管理员", "后台管理员", "平台管理员", "运营管理员"];
/// After the prefix: the column has names…
pub const NAME_WORDS: &[&str] = &["姓名", "名字", "名称"];
/// …or mobiles…
pub const MOBILE_WORDS: &[&str] = &["手机", "电话", "联系方式"];
/// …or both, for several people.
pub const COMBINED_WORDS: &[&str] = &["及", "和", "与", "信息", "名单", "情况"];

/// 管理员一, 管理员二… as people number columns.
pub fn chinese_digit(c: char) -> Option<u32> {
    "一二三四五六七八九十"
        .chars()
        .position(|d| d == c)
        .map(|i| i as u32 + 1)
}

/// Cells people fill with these mean "nothing here".
pub const BLANK_MARKS: &[&str] = &[
    "/", "／", "-", "－", "—", "——", "无", "暂无", "空", "n/a", "N/A",
];
/// 是 in its many forms (compared lower-cased).
pub const YES_MARKS: &[&str] = &[
    "是",
    "√",
    "✓",
    "✔",
    "☑",
    "y",
    "yes",
    "true",
    "已认证",
    "认证",
    "有",
    "1",
    "对",
];
/// 否 in its many forms (compared lower-cased).
pub const NO_MARKS: &[&str] = &[
    "否",
    "×",
    "✗",
    "✘",
    "x",
    "n",
    "no",
    "false",
    "未认证",
    "0",
    "☐",
    "不是",
    "没有",
];
/// What may stand between the numbers of a written date.
pub const DATE_SEPARATORS: &[char] = &['-', '/', '.', '年', '月', '日', '号'];
/// Between people in one cell.
pub const PEOPLE_SEPARATORS: &[char] = &[';', '；', ',', '，', '、', '/', '|'];
/// Between a name and its mobile, or inside a mobile; belongs to neither. (Full-width forms
/// are folded to these before the comparison.)
pub const NAME_MOBILE_JOINERS: &[char] = &['-', '(', ')', ':', '\t', '—', '[', ']', '【', '】'];

/// Platform names as people write them, and the kind they mean.
pub const KIND_ALIASES: &[(&str, &str)] = &[
    ("二级网站", "网站"),
    ("官网", "网站"),
    ("网页", "网站"),
    ("微信", "微信公众号"),
    ("公众号", "微信公众号"),
    ("微信公众平台", "微信公众号"),
    ("微信服务号", "微信公众号"),
    ("微信订阅号", "微信公众号"),
    ("新浪微博", "微博"),
    ("b站", "哔哩哔哩"),
    ("bilibili", "哔哩哔哩"),
    ("头条", "今日头条"),
    ("头条号", "今日头条"),
    ("微信视频号", "视频号"),
    ("抖音号", "抖音"),
    ("快手号", "快手"),
    ("qq空间", "QQ"),
    ("qq群", "QQ"),
];

/// 账号类型 recognised by a part of what is written.
pub const ACCOUNT_TYPE_MARKS: &[(&str, AccountType)] = &[
    ("订阅", AccountType::Subscription),
    ("服务", AccountType::Service),
    ("企业", AccountType::Enterprise),
];

/// 维护方式 saying the unit keeps the platform itself…
pub const IN_HOUSE_MARKS: &[&str] = &["自行", "自主", "本单位", "本部门", "自己", "自管"];
/// …or that someone outside does.
pub const VENDOR_MARKS: &[&str] = &["委托", "外包", "第三方", "外部"];
/// Stripped from 「委托某某公司维护」 to leave the company.
pub const VENDOR_PREFIXES: &[&str] = &["委托给", "委托", "外包给", "外包"];
pub const MAINTAIN_WORDS: &[&str] = &["进行维护", "负责维护", "维护", "运维", "管理"];
/// What is left of 「委托外部单位维护」: nobody named.
pub const GENERIC_VENDORS: &[&str] = &[
    "",
    "外部单位",
    "第三方",
    "外部",
    "外部公司",
    "第三方公司",
    "公司",
];

// ---------------------------------------------------------------------------------------------
// Import: messages.
// ---------------------------------------------------------------------------------------------

pub const REQUIRED_UNIT: &str = "必填，请填写创建单位（与「单位与人员」中的名称一致）";
pub const REQUIRED_CREATED_ON: &str = "必填，请填写创建时间，例如 2024-09-27";

fn kind_list(kinds: &[PlatformKind]) -> String {
    kinds
        .iter()
        .map(|k| k.name.as_str())
        .collect::<Vec<_>>()
        .join("、")
}

pub fn required_kind(kinds: &[PlatformKind]) -> String {
    format!("必填，请填写媒体平台：{}", kind_list(kinds))
}

pub fn unknown_unit(written: &str, suggestion: Option<&str>) -> String {
    let mut message = format!(
        "系统中没有单位「{written}」。请改成「单位与人员」中已有的名称，或先在那里添加这个单位"
    );
    if let Some(s) = suggestion {
        message.push_str(&format!("（是不是「{s}」？）"));
    }
    message
}

pub fn unknown_kind(written: &str, kinds: &[PlatformKind]) -> String {
    format!(
        "没有「{written}」这种媒体平台。请填写其中之一：{}；如果是新的平台，请先由系统管理员在设置中添加",
        kind_list(kinds)
    )
}

pub fn duplicate_in_file(first_row: u32) -> String {
    format!("与第 {first_row} 行是同一平台上的同一账号，请删除重复的一行")
}

pub fn cell_problem(problem: &CellProblem) -> String {
    match problem {
        CellProblem::ErrorValue(e) => {
            format!("单元格是错误值 {e}（公式出错），请改成实际内容")
        }
        CellProblem::NotADate(t) => format!("「{t}」不是日期，请写成 2024-09-27 这样的格式"),
        CellProblem::NotYesNo(t) => {
            format!("「{t}」看不出是或否，请填 是 或 否（也可用 √ 和 ×）")
        }
        CellProblem::Scientific(t) => format!(
            "「{t}」是 Excel 按科学计数法保存的，后面几位数字已经丢失。\
             请在 Excel 中把这一列设为“文本”格式，重新填写完整号码后再保存"
        ),
        CellProblem::NotWhole(t) => format!("「{t}」带有小数，不像号码，请检查"),
        CellProblem::UnknownAccountType(t) => format!(
            "「{t}」不是账号类型，请填 订阅号、服务号 或 企业号（微信公众号以外的平台留空）"
        ),
    }
}

impl ColumnRole {
    /// The meaning's name in the mapping step and in messages.
    pub fn label(self) -> String {
        match self {
            Self::Ignore => "（不导入）".into(),
            Self::Unit => "创建单位".into(),
            Self::Kind => "媒体平台".into(),
            Self::Name => "账号名称".into(),
            Self::Account => "账号ID/网址".into(),
            Self::AccountType => "账号类型".into(),
            Self::Verified => "是否认证".into(),
            Self::VerifiedUntil => "认证有效期".into(),
            Self::ContentScope => "内容范围".into(),
            Self::CreatedOn => "创建时间".into(),
            Self::ResponsiblePerson => "负责人".into(),
            Self::ContactMobile => "联络手机".into(),
            Self::Administrators => "管理员（姓名和手机，可多人）".into(),
            Self::AdminName(slot) => format!("管理员{}姓名", slot + 1),
            Self::AdminMobile(slot) => format!("管理员{}手机", slot + 1),
            Self::Maintenance => "维护方式".into(),
            Self::Vendor => "维护单位".into(),
            Self::ApprovalRef => "批准文号".into(),
            Self::Notes => "备注".into(),
            Self::LastPostOn => "最近更新".into(),
            Self::IntranetOnly => "仅校园网访问".into(),
        }
    }
}

fn looks_like(kind: LooksLike) -> &'static str {
    match kind {
        LooksLike::Pdf => "它是 PDF 文件",
        LooksLike::Image => "它是图片",
        LooksLike::Word => "它是 Word 文档",
        LooksLike::Presentation => "它是 PowerPoint 演示文稿",
        LooksLike::OtherOpenDocument => "它是 OpenDocument 文字或演示文件",
        LooksLike::OtherZip => "它是压缩包，里面没有 Excel 工作簿",
        LooksLike::OtherOldOffice => "它是旧版 Office 文件，但不是 Excel 工作簿",
        LooksLike::Archive => "它是压缩包（rar、7z 或 gz），请先解压",
        LooksLike::Unknown => "无法识别其中的内容",
    }
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound { path } => {
                write!(
                    f,
                    "找不到文件「{path}」，它可能已被移动或删除。请重新选择。"
                )
            }
            Self::NoPermission { path } => write!(
                f,
                "没有权限读取「{path}」。请把文件复制到“文档”或桌面后再导入。"
            ),
            Self::Unreadable { path, reason } => write!(
                f,
                "无法读取「{path}」（{reason}）。如果它正在 Excel 或 WPS 中打开，请先关闭再试。"
            ),
            Self::IsAFolder { path } => write!(
                f,
                "「{path}」是一个文件夹。请选择其中的 Excel 或 CSV 文件。"
            ),
            Self::NotARegularFile { path } => write!(
                f,
                "「{path}」不是普通文件（可能是设备或管道），不能导入。请选择 Excel 或 CSV 文件。"
            ),
            Self::TooLarge { size, limit } => write!(
                f,
                "文件有 {} MB，超过了 {} MB 的上限，不像是平台台账。请检查是否选错了文件，或删去表中的图片后再试。",
                megabytes(*size),
                megabytes(*limit)
            ),
            Self::Empty => write!(f, "文件是空的，没有任何内容。请检查是否选错了文件。"),
            Self::NotASpreadsheet { looks_like: kind } => write!(
                f,
                "这不是表格文件：{}。请选择 Excel 工作簿（.xlsx、.xls）、WPS 表格或 CSV 文件。",
                looks_like(*kind)
            ),
            Self::Encrypted => write!(
                f,
                "这个工作簿设置了打开密码，无法读取。请在 Excel 中打开它，在「文件 → 信息 → 保护工作簿 → 用密码进行加密」\
                 中清空密码（WPS：「文件 → 文档加密」），保存后再导入。"
            ),
            Self::Truncated => write!(
                f,
                "文件不完整或已损坏（可能没有下载或复制完）。请重新下载或复制，或在 Excel 中打开后另存一份再导入。"
            ),
            Self::Damaged { reason } if reason.is_empty() => write!(
                f,
                "无法读取这个工作簿，文件可能已损坏。请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。"
            ),
            Self::Damaged { reason } => write!(
                f,
                "无法读取这个工作簿，文件可能已损坏（{reason}）。请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入。"
            ),
            Self::UnknownTextEncoding => write!(
                f,
                "无法识别这个 CSV 文件的文字编码。请在 Excel 中另存为「CSV UTF-8（逗号分隔）」后再导入。"
            ),
            Self::CsvMalformed { line, reason } => write!(
                f,
                "CSV 文件第 {line} 行格式有误（{reason}）。请在 Excel 中打开检查后重新保存。"
            ),
            Self::NoSheets => write!(f, "工作簿中没有任何工作表。"),
            Self::NoSuchSheet { index } => write!(f, "工作簿中没有第 {} 个工作表。", index + 1),
            Self::TooManyRows { rows, limit } => write!(
                f,
                "表中有 {rows} 行以上，超过了一次最多导入 {limit} 行的上限。请检查是否选错了工作表，或分几次导入。"
            ),
            Self::NoHeader => write!(
                f,
                "找不到表头：前 30 行中没有一行像「创建单位、媒体平台、账号名称、负责人……」这样的列名。\
                 请确认选对了工作表，或在数据上方加一行列名。"
            ),
            Self::MissingColumns {
                missing,
                header_row,
            } => {
                let labels: Vec<String> = missing.iter().map(|r| r.label()).collect();
                write!(
                    f,
                    "表格（表头在第 {header_row} 行）缺少必需的列：{}。请在“列对应”中为它们选择对应的列，或在表格中补上这些列。",
                    labels.join("、")
                )
            }
            Self::ColumnTwice {
                role,
                first,
                second,
            } => write!(
                f,
                "{} 列和 {} 列都对应「{}」，请只保留其中一列。",
                column_letter(*first),
                column_letter(*second),
                role.label()
            ),
            Self::NoDataRows { header_row } => {
                write!(f, "第 {header_row} 行的表头下面没有可导入的平台。")
            }
            Self::RowsInvalid {
                invalid_rows,
                first,
            } => {
                writeln!(f, "有 {invalid_rows} 行需要修改，所以一个平台也没有导入：")?;
                for report in first {
                    writeln!(f, "{report}")?;
                }
                if *invalid_rows > first.len() {
                    writeln!(f, "……另有 {} 行未列出。", invalid_rows - first.len())?;
                }
                write!(f, "请在表格中改正后重新导入。")
            }
        }
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.column, self.label.is_empty()) {
            (Some(c), false) => write!(
                f,
                "{}（{} 列）：{}",
                self.label,
                column_letter(c),
                self.message
            ),
            (Some(c), true) => write!(f, "{} 列：{}", column_letter(c), self.message),
            (None, _) => write!(f, "{}：{}", self.label, self.message),
        }
    }
}

impl fmt::Display for RowReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "第 {} 行：", self.row)?;
        for (i, error) in self.errors.iter().enumerate() {
            if i > 0 {
                write!(f, "；")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Workbook { reason } => write!(
                f,
                "无法生成 Excel 文件（{reason}）。如果某一格的内容特别长（超过 32767 个字），请缩短后再导出。"
            ),
            Self::FolderMissing { folder } => write!(
                f,
                "保存位置「{folder}」不存在，可能已被移动或删除。请重新选择保存位置。"
            ),
            Self::NoPermission { folder } => write!(
                f,
                "没有权限在「{folder}」中保存文件。请换一个文件夹（如“文档”或桌面）后重试。"
            ),
            Self::DiskFull { path } => write!(
                f,
                "磁盘空间不足，无法保存「{path}」。请清理磁盘或换一个位置后重试；原有的文件没有改动。"
            ),
            Self::NotAFilePath { path } => write!(
                f,
                "「{path}」不是文件名。请输入文件名，例如“平台台账.xlsx”。"
            ),
            Self::WriteFailed { path, reason } => write!(
                f,
                "无法保存「{path}」（{reason}）。如果这个文件正在 Excel 或 WPS 中打开，请先关闭它再重试。"
            ),
        }
    }
}
