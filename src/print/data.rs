//! The values printed on one filing form and the print settings, kept free of database types
//! so the store, the window and the CLI can all fill them.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::labels;

/// One platform's 备案表, as plain text. Blank strings and `None` print as empty space to be
/// filled in by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilingFormData {
    /// 创建单位.
    pub unit_name: String,
    /// 媒体平台, the label as shown (微信公众号, 网站, 抖音 …).
    pub platform_kind: String,
    /// 账号名称; a line break (`\n`) is kept, e.g. site name then address
    /// (see [`website_account_name`]).
    pub account_name: String,
    /// 是否认证: 是 / 否 / blank.
    pub verified: Option<bool>,
    /// 内容范围.
    pub content_scope: String,
    /// 创建时间.
    pub created_on: Option<NaiveDate>,
    /// 账号类型: one of [`ACCOUNT_TYPES`]; that box is ticked, the others stay empty.
    pub account_type: Option<String>,
    /// 管理队伍 负责人.
    pub responsible_person: String,
    /// 负责人's 联络手机.
    pub responsible_mobile: String,
    /// 管理员 (name, mobile); the form has three rows and grows when there are more.
    pub administrators: Vec<(String, String)>,
    /// The audit chain's head when printed, at the foot of every page (none: no line).
    #[serde(default)]
    pub audit_anchor: Option<super::AuditAnchor>,
}

/// 账号类型 boxes in the 附件's order.
pub const ACCOUNT_TYPES: [&str; 3] = [labels::SUBSCRIPTION, labels::SERVICE, labels::ENTERPRISE];

/// Print settings that come from the app's configuration rather than from a platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormSettings {
    /// 第三条: the school's name is a setting, not a constant; it heads the title.
    pub school_name: String,
    /// One copy is printed per mark, each page marked in its corner (附件 注1: 一式四份).
    pub copy_marks: Vec<String>,
    /// A font chosen by the user instead of the bundled one; check it with
    /// [`super::check_font_file`] before storing it.
    #[serde(skip)]
    pub custom_font: Option<Arc<[u8]>>,
}

impl Default for FormSettings {
    fn default() -> Self {
        Self {
            school_name: labels::DEFAULT_SCHOOL.to_owned(),
            copy_marks: labels::DEFAULT_COPY_MARKS
                .iter()
                .map(|m| (*m).to_owned())
                .collect(),
            custom_font: None,
        }
    }
}

impl FormSettings {
    /// 「{school}新媒体账号备案表（年审）」.
    pub fn title(&self) -> String {
        format!("{}{}", self.school_name.trim(), labels::TITLE_SUFFIX)
    }
}

/// A website's 账号名称 cell: 附件 asks for the site's name and its address, one per line.
pub fn website_account_name(site_name: &str, address: &str) -> String {
    match (site_name.trim(), address.trim()) {
        ("", a) => a.to_owned(),
        (n, "") => n.to_owned(),
        (n, a) => format!("{n}\n{a}"),
    }
}

/// 订阅号/服务号/企业号 are WeChat's account kinds (GLOSSARY 账号类型); other platforms
/// leave the boxes empty and are not warned about them.
pub fn account_type_applies(platform_kind: &str) -> bool {
    platform_kind.contains(labels::WECHAT)
}

/// Labels of the values that would print blank, so the window can warn before printing.
/// 第四条一: the filing names the leader in charge, the staff and the account, so those are
/// listed as well as the account's own fields.
pub fn missing_fields(data: &FilingFormData) -> Vec<&'static str> {
    let blank = |s: &str| s.trim().is_empty();
    let mut missing = Vec::new();
    let mut check = |is_missing: bool, label: &'static str| {
        if is_missing {
            missing.push(label);
        }
    };
    check(blank(&data.unit_name), labels::UNIT);
    check(blank(&data.platform_kind), labels::PLATFORM);
    check(blank(&data.account_name), labels::ACCOUNT_NAME);
    check(data.verified.is_none(), labels::VERIFIED);
    check(blank(&data.content_scope), labels::CONTENT_SCOPE);
    check(data.created_on.is_none(), labels::CREATED_ON);
    let type_known = data
        .account_type
        .as_deref()
        .is_some_and(|t| ACCOUNT_TYPES.contains(&t.trim()));
    check(
        account_type_applies(&data.platform_kind) && !type_known,
        labels::ACCOUNT_TYPE,
    );
    check(blank(&data.responsible_person), labels::RESPONSIBLE);
    check(blank(&data.responsible_mobile), labels::RESPONSIBLE_MOBILE);
    let named: Vec<_> = data
        .administrators
        .iter()
        .filter(|(name, _)| !blank(name))
        .collect();
    check(named.is_empty(), labels::ADMINISTRATOR);
    check(
        named.iter().any(|(_, mobile)| blank(mobile)),
        labels::ADMINISTRATOR_MOBILE,
    );
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> FilingFormData {
        FilingFormData {
            audit_anchor: None,
            unit_name: "外国语学院".into(),
            platform_kind: "微信公众号".into(),
            account_name: "西亚斯外院".into(),
            verified: Some(true),
            content_scope: "学院新闻".into(),
            created_on: NaiveDate::from_ymd_opt(2021, 3, 1),
            account_type: Some("订阅号".into()),
            responsible_person: "张三".into(),
            responsible_mobile: "13800000000".into(),
            administrators: vec![("李四".into(), "13900000000".into())],
        }
    }

    #[test]
    fn complete_form_has_nothing_missing() {
        assert!(missing_fields(&complete()).is_empty());
    }

    #[test]
    fn each_blank_value_is_reported_by_its_label() {
        type Edit = fn(&mut FilingFormData);
        let cases: [(Edit, &str); 12] = [
            (|d| d.unit_name = "  ".into(), "创建单位"),
            (|d| d.platform_kind.clear(), "媒体平台"),
            (|d| d.account_name.clear(), "账号名称"),
            (|d| d.verified = None, "是否认证"),
            (|d| d.content_scope.clear(), "内容范围"),
            (|d| d.created_on = None, "创建时间"),
            (|d| d.account_type = None, "账号类型"),
            (|d| d.account_type = Some("视频号".into()), "账号类型"),
            (|d| d.responsible_person.clear(), "负责人"),
            (|d| d.responsible_mobile.clear(), "负责人联络手机"),
            (|d| d.administrators.clear(), "管理员"),
            (
                |d| d.administrators.push(("王五".into(), String::new())),
                "管理员联络手机",
            ),
        ];
        for (edit, label) in cases {
            let mut d = complete();
            edit(&mut d);
            assert_eq!(missing_fields(&d), vec![label], "case {label}");
        }
    }

    #[test]
    fn account_type_is_only_expected_for_wechat() {
        let mut d = complete();
        d.platform_kind = "网站".into();
        d.account_type = None;
        assert!(missing_fields(&d).is_empty());
        assert!(account_type_applies("微信公众号"));
        assert!(!account_type_applies("抖音"));
    }

    #[test]
    fn website_name_puts_address_on_its_own_line() {
        assert_eq!(
            website_account_name("外国语学院网站", "https://wgy.sias.edu.cn"),
            "外国语学院网站\nhttps://wgy.sias.edu.cn"
        );
        assert_eq!(website_account_name("", " x.cn "), "x.cn");
        assert_eq!(website_account_name("站", ""), "站");
    }

    #[test]
    fn default_settings_follow_the_appendix() {
        let s = FormSettings::default();
        assert_eq!(s.title(), "郑州西亚斯学院新媒体账号备案表（年审）");
        assert_eq!(s.copy_marks.len(), 4);
        assert!(s.copy_marks[3].contains("本单位留存"));
    }
}
