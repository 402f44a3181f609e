//! Every fixed string printed on the filing form, verbatim from the policy's 附件, in one place
//! so the wording is reviewed once and a custom font can be checked against all of it.

/// Appended to the school's name to make the title (附件 heading).
pub const TITLE_SUFFIX: &str = "新媒体账号备案表（年审）";
/// Added to the title on a copy's continuation pages.
pub const CONTINUED: &str = "（续）";

pub const UNIT: &str = "创建单位";
pub const PLATFORM: &str = "媒体平台";
pub const ACCOUNT_NAME: &str = "账号名称";
pub const VERIFIED: &str = "是否认证";
pub const CONTENT_SCOPE: &str = "内容范围";
pub const CREATED_ON: &str = "创建时间";
pub const ACCOUNT_TYPE: &str = "账号类型";
pub const TEAM: &str = "管理队伍";
pub const RESPONSIBLE: &str = "负责人";
pub const MOBILE: &str = "联络手机";
pub const ADMINISTRATOR: &str = "管理员";
pub const UNIT_OPINION: &str = "单位意见";
/// Broken where the 附件 breaks it, so the label column stays narrow.
pub const NEWS_CENTER_OPINION: &str = "学校新闻中心\n办公室意见";
/// Broken before 意见 like the one above, rather than leaving 见 alone on a line.
pub const PROPAGANDA_OPINION: &str = "党委宣传部\n意见";
pub const SIGNATURE: &str = "单位负责人签字：";
pub const STAMP: &str = "（加盖单位公章）";
pub const YEAR: &str = "年";
pub const MONTH: &str = "月";
pub const DAY: &str = "日";

pub const YES: &str = "是";
pub const NO: &str = "否";

pub const SUBSCRIPTION: &str = "订阅号";
pub const SERVICE: &str = "服务号";
pub const ENTERPRISE: &str = "企业号";

pub const NOTES_PREFIX: &str = "注：";
/// 附件 注1, verbatim.
pub const NOTE_1_NUMBER: &str = "1.";
pub const NOTE_1: &str =
    "此纸质备案表一式四份，报党委宣传部、学校办公室（新闻中心）和财务资产处（作报销凭证）备案。";
/// 附件 注2, verbatim.
pub const NOTE_2_NUMBER: &str = "2.";
pub const NOTE_2: &str = "账号名、管理队伍人员或维护方式发生变更，应以书面形式报学校办公室（新闻中心）、党委宣传部备案。";

/// 附件 注1 names three receivers for four copies; the fourth stays with the unit (GLOSSARY).
pub use crate::domain::settings::{DEFAULT_COPY_MARKS, DEFAULT_SCHOOL};

/// Page numbers of a copy that runs over more than one page: 第{n}页 共{total}页.
pub fn page_number(n: usize, total: usize) -> String {
    format!("第{n}页 共{total}页")
}

/// The foot line of every printed page (issue 15): the audit chain's head when it was printed,
/// and how to check it later. `token` is `N:HASH`, `len` the chain's length N.
pub fn audit_anchor(token: &str, len: u64) -> String {
    format!(
        "审计锚点 {token}（打印时审计记录共 {len} 条；用 mediadesk audit verify --anchor 核对）"
    )
}

/// 创建时间 as written on Chinese forms.
pub fn date(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// Everything above, the reports' and notice's fixed text, and the digits dates and page
/// numbers use: a font must cover all of it before it may replace the bundled one.
pub fn all_fixed_text() -> String {
    let mut all = String::new();
    for s in [
        TITLE_SUFFIX,
        CONTINUED,
        UNIT,
        PLATFORM,
        ACCOUNT_NAME,
        VERIFIED,
        CONTENT_SCOPE,
        CREATED_ON,
        ACCOUNT_TYPE,
        TEAM,
        RESPONSIBLE,
        MOBILE,
        ADMINISTRATOR,
        UNIT_OPINION,
        NEWS_CENTER_OPINION,
        PROPAGANDA_OPINION,
        SIGNATURE,
        STAMP,
        YEAR,
        MONTH,
        DAY,
        YES,
        NO,
        SUBSCRIPTION,
        SERVICE,
        ENTERPRISE,
        NOTES_PREFIX,
        NOTE_1_NUMBER,
        NOTE_1,
        NOTE_2_NUMBER,
        NOTE_2,
        DEFAULT_SCHOOL,
        "0123456789第页共",
    ] {
        all.push_str(s);
    }
    all.push_str(&audit_anchor("0123456789:abcdef", 0));
    for s in DEFAULT_COPY_MARKS {
        all.push_str(s);
    }
    all.push_str(&super::report_labels::all_fixed_text());
    all.push_str(&super::slip_labels::all_fixed_text());
    all.push_str(&super::notice_labels::all_fixed_text());
    all
}

/// The PDF's subject line for a filing form.
pub const FILING_FORM_SUBJECT: &str = "新媒体账号备案表";
/// 订阅号/服务号/企业号 apply to the platform kinds whose name holds this (GLOSSARY 账号类型).
pub const WECHAT: &str = "微信";
/// Blank values the window warns about before printing, where no single label names them.
pub const RESPONSIBLE_MOBILE: &str = "负责人联络手机";
pub const ADMINISTRATOR_MOBILE: &str = "管理员联络手机";

/// An account printed with its ID: 「商学院（sxy_wx）」.
pub fn name_with_account(name: &str, account: &str) -> String {
    format!("{name}（{account}）")
}

/// A document's title with what it is about: 「备案表：商学院」.
pub fn titled(title: &str, about: &str) -> String {
    format!("{title}：{about}")
}

/// The title of a PDF holding several platforms' forms.
pub fn copies_title(title: &str, count: usize) -> String {
    format!("{title}（{count}份）")
}

/// The salutation of a letter to a unit: 「商学院：」.
pub fn addressee(unit_name: &str) -> String {
    format!("{}：", unit_name.trim())
}
