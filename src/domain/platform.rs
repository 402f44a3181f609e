//! The secondary network platform (二级网络平台) and its fixed vocabularies.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// A kind of platform: 网站 or one of the editable list of new-media platforms (第一条).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlatformKind {
    pub id: i64,
    pub name: String,
    /// Websites print their site name and address in the account fields of the form.
    pub is_website: bool,
    /// WeChat accounts have an account type (订阅号/服务号/企业号) on the form.
    pub has_account_type: bool,
    pub sort_order: i64,
}

/// 账号类型 on the filing form, for WeChat accounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountType {
    Subscription,
    Service,
    Enterprise,
}

impl AccountType {
    pub const ALL: [AccountType; 3] = [Self::Subscription, Self::Service, Self::Enterprise];

    pub fn code(self) -> &'static str {
        match self {
            Self::Subscription => "subscription",
            Self::Service => "service",
            Self::Enterprise => "enterprise",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// How the platform is kept running: the filing names the back-office staff or the maintainer (第四条一).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "snake_case")]
pub enum Maintenance {
    InHouse,
    Vendor { name: String },
}

/// Lifecycle state kept in the store. Overdue filing (逾期未备案) is not stored: it is
/// derived from the creation date and the working-day calendar, so it can never go stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum PlatformStatus {
    /// 未备案: created, not yet filed (第四条一 gives 5 working days).
    Unfiled,
    /// 已备案.
    Filed,
    /// 变更待报: a filed platform changed and the written report is due (第四条二).
    ChangePending,
    /// 停止运营: closed by its unit (第四条二).
    Closed,
    /// 关停: shut down by the school (第四条三).
    ShutDown,
}

impl PlatformStatus {
    pub const ALL: [PlatformStatus; 5] = [
        Self::Unfiled,
        Self::Filed,
        Self::ChangePending,
        Self::Closed,
        Self::ShutDown,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Unfiled => "unfiled",
            Self::Filed => "filed",
            Self::ChangePending => "change_pending",
            Self::Closed => "closed",
            Self::ShutDown => "shut_down",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// One administrator row of the form's 管理队伍 (name and mobile).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Administrator {
    pub name: String,
    pub mobile: String,
}

/// The fields a person fills in for a platform: what the add/edit dialog and
/// `platforms add --json` both produce, validated by [`crate::domain::validation`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlatformDraft {
    pub unit_id: i64,
    pub kind_id: i64,
    /// 账号名称 (for a website: the site's name).
    pub name: String,
    /// Account ID, or the site's URL.
    pub account: String,
    #[serde(default)]
    pub account_type: Option<AccountType>,
    #[serde(default)]
    pub verified: bool,
    #[serde(default)]
    pub verified_until: Option<NaiveDate>,
    pub content_scope: String,
    pub created_on: NaiveDate,
    pub responsible_person: String,
    pub contact_mobile: String,
    pub administrators: Vec<Administrator>,
    #[serde(default = "default_maintenance")]
    pub maintenance: Maintenance,
    /// Approval reference for a name using the school's name (第三条).
    #[serde(default)]
    pub approval_ref: String,
    #[serde(default)]
    pub notes: String,
    /// Date of the platform's latest update (content published), for the inactivity ladder.
    #[serde(default)]
    pub last_post_on: Option<NaiveDate>,
    /// Reachable only on the campus intranet: the one kind of platform that may carry
    /// internal information (第六条三). Every other platform counts as external.
    #[serde(default)]
    pub intranet_only: bool,
}

fn default_maintenance() -> Maintenance {
    Maintenance::InHouse
}

/// A stored platform: the draft plus what the store keeps about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Platform {
    pub id: i64,
    #[serde(flatten)]
    pub draft: PlatformDraft,
    pub status: PlatformStatus,
    /// Row version, bumped by every write: an edit started from an older version is refused.
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}
