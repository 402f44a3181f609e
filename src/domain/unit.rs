//! Units (二级单位, 第二条) and their people with roles (第七条三, 第八条一).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    pub id: i64,
    pub name: String,
    /// 党总支 / 直属党支部.
    pub party_branch: String,
    /// 单位负责人.
    pub head: String,
    /// 党总支书记: usually the first responsible person (第八条一).
    pub secretary: String,
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitDraft {
    pub name: String,
    #[serde(default)]
    pub party_branch: String,
    #[serde(default)]
    pub head: String,
    #[serde(default)]
    pub secretary: String,
}

/// The roles a person holds in their unit (glossary: 信息员, 审核人, 管理员, 单位负责人).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 信息员: drafts and does the first review (第七条三).
    InfoOfficer,
    /// 审核人: party-branch committee member in charge, or the unit head (第七条三).
    Reviewer,
    /// 管理员: runs a platform and confirms before publishing (第五条, 第七条三).
    Administrator,
    /// 单位负责人: first responsible person (第八条一).
    UnitHead,
    /// 学校督查人员 of 学校办公室（新闻中心）/党委宣传部: school-level staff, not of a unit, who
    /// archive filings and shut platforms down (第四条一, 第四条三, 第六条四). Held by an
    /// account, not granted to a unit's person.
    SchoolSupervisor,
}

impl Role {
    /// The roles a unit grants its people (the people editor offers these).
    pub const UNIT_ROLES: [Role; 4] = [
        Self::InfoOfficer,
        Self::Reviewer,
        Self::Administrator,
        Self::UnitHead,
    ];

    pub const ALL: [Role; 5] = [
        Self::InfoOfficer,
        Self::Reviewer,
        Self::Administrator,
        Self::UnitHead,
        Self::SchoolSupervisor,
    ];

    /// Whether the role belongs to a unit (and counts only there).
    pub fn is_unit_role(self) -> bool {
        self != Self::SchoolSupervisor
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::InfoOfficer => "info_officer",
            Self::Reviewer => "reviewer",
            Self::Administrator => "administrator",
            Self::UnitHead => "unit_head",
            Self::SchoolSupervisor => "school_supervisor",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: i64,
    pub unit_id: i64,
    pub name: String,
    pub mobile: String,
    pub roles: Vec<Role>,
    pub version: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonDraft {
    pub unit_id: i64,
    pub name: String,
    #[serde(default)]
    pub mobile: String,
    #[serde(default)]
    pub roles: Vec<Role>,
}
