//! The values printed on the written reports and the shutdown notice, plain owned values free
//! of database types so the store, the window and the CLI can all fill them. Blank strings
//! print as empty space to be filled in by hand.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// 第四条二 and 附件 注2: a change of the account name, the team or the maintenance is reported
/// in writing to the school office (news centre) and the propaganda department.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeReportData {
    /// 创建单位; also printed above the unit's seal.
    pub unit_name: String,
    /// 媒体平台 (微信公众号, 网站 …).
    pub platform_kind: String,
    /// 账号名称.
    pub platform_name: String,
    /// 账号/网址.
    pub account: String,
    /// One table row each; an empty list prints blank rows to fill in by hand.
    pub changes: Vec<ChangeLine>,
    /// 变更原因.
    pub reason: String,
    /// 变更日期.
    pub changed_on: NaiveDate,
    /// The audit chain's head when printed, at the foot of every page (none: no line).
    #[serde(default)]
    pub audit_anchor: Option<super::AuditAnchor>,
}

/// One row of 变更事项 | 变更前 | 变更后.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeLine {
    /// 变更事项, e.g. 账号名称, 管理员, 维护方式.
    pub field: String,
    pub old: String,
    pub new: String,
}

/// 第四条二: stopping a platform is reported in writing like a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClosureReportData {
    pub unit_name: String,
    pub platform_kind: String,
    pub platform_name: String,
    pub account: String,
    /// 停止运营原因.
    pub reason: String,
    /// 停止运营日期.
    pub closed_on: NaiveDate,
    /// 已发布内容处理方式: what becomes of what was published (保留历史内容, 全部删除, 移交…).
    pub content_disposition: String,
    /// The audit chain's head when printed, at the foot of every page (none: no line).
    #[serde(default)]
    pub audit_anchor: Option<super::AuditAnchor>,
}

/// 第四条三, 第六条四, 第八条二: the school's notice to a unit that its platform is shut down.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShutdownNoticeData {
    /// The addressee.
    pub unit_name: String,
    pub platform_kind: String,
    pub platform_name: String,
    pub account: String,
    /// Why, citing the article, e.g. 「违反管理办法或法律法规（第四条三）」.
    pub reason_label: String,
    /// What was found; a line break starts a new paragraph.
    pub details: String,
    /// The date the shutdown takes effect, also printed as the notice's date.
    pub shut_down_on: NaiveDate,
    /// 发文字号, e.g. 校宣〔2026〕12号; blank leaves the line out.
    pub document_no: String,
    /// The audit chain's head when printed, at the foot of every page (none: no line).
    #[serde(default)]
    pub audit_anchor: Option<super::AuditAnchor>,
}

impl ChangeReportData {
    /// Every value printed, for [`super::unprintable_chars_of`].
    pub fn printed_values(&self) -> Vec<&str> {
        let mut values = vec![
            self.unit_name.as_str(),
            &self.platform_kind,
            &self.platform_name,
            &self.account,
            &self.reason,
        ];
        for change in &self.changes {
            values.extend([change.field.as_str(), &change.old, &change.new]);
        }
        values
    }
}

impl ClosureReportData {
    /// Every value printed, for [`super::unprintable_chars_of`].
    pub fn printed_values(&self) -> Vec<&str> {
        vec![
            &self.unit_name,
            &self.platform_kind,
            &self.platform_name,
            &self.account,
            &self.reason,
            &self.content_disposition,
        ]
    }
}

impl ShutdownNoticeData {
    /// Every value printed, for [`super::unprintable_chars_of`].
    pub fn printed_values(&self) -> Vec<&str> {
        vec![
            &self.unit_name,
            &self.platform_kind,
            &self.platform_name,
            &self.account,
            &self.reason_label,
            &self.details,
            &self.document_no,
        ]
    }
}
