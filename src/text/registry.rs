//! Wording of the registry (平台台账) and its filing records (第四条一): platform statuses,
//! account types, maintenance, the registry's columns, filing kinds and states, and why a
//! step of a filing record is refused.

use std::fmt;

use crate::domain::filing::{EarlierDate, FilingKind, FilingState, FilingStepError};
use crate::domain::platform::{AccountType, Maintenance, PlatformStatus};
use crate::domain::registry::{Column, StatusView};

impl AccountType {
    pub fn label(self) -> &'static str {
        match self {
            Self::Subscription => "订阅号",
            Self::Service => "服务号",
            Self::Enterprise => "企业号",
        }
    }
}

impl Maintenance {
    pub fn label(&self) -> String {
        match self {
            Self::InHouse => "本单位自行维护".to_owned(),
            Self::Vendor { name } if name.trim().is_empty() => "委托外部单位维护".to_owned(),
            Self::Vendor { name } => format!("委托 {name} 维护"),
        }
    }
}

impl PlatformStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Unfiled => "未备案",
            Self::Filed => "已备案",
            Self::ChangePending => "变更待报",
            Self::Closed => "停止运营",
            Self::ShutDown => "关停",
        }
    }
}

impl StatusView {
    pub fn label(self) -> &'static str {
        match self {
            Self::Unfiled => "未备案",
            Self::Overdue => "逾期未备案",
            Self::Filed => "已备案",
            Self::ChangePending => "变更待报",
            Self::Closed => "停止运营",
            Self::ShutDown => "关停",
        }
    }
}

impl Column {
    pub fn label(self) -> &'static str {
        match self {
            Self::Unit => "创建单位",
            Self::Kind => "媒体平台",
            Self::Name => "账号名称",
            Self::Account => "账号/网址",
            Self::Verified => "认证",
            Self::Responsible => "负责人",
            Self::CreatedOn => "创建时间",
            Self::Status => "状态",
            Self::Deadline => "备案期限",
            Self::Filing => "备案进度",
            Self::LastPost => "最近更新",
        }
    }
}

impl FilingKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Initial => "初次备案",
            Self::Annual => "年审",
        }
    }
}

impl FilingState {
    pub fn label(self) -> &'static str {
        match self {
            Self::AwaitingSignature => "待签章",
            Self::Submitted => "已报送",
            Self::Archived => "已备案",
        }
    }
}

impl EarlierDate {
    pub fn label(self) -> &'static str {
        match self {
            Self::Printed => "打印日期",
            Self::Submitted => "报送日期",
        }
    }
}

impl fmt::Display for FilingStepError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAwaitingSignature(state) => write!(
                f,
                "该备案记录当前为「{}」，只有「待签章」的记录可以标记为已报送。",
                state.label()
            ),
            Self::NotSubmitted(state) => write!(
                f,
                "该备案记录当前为「{}」，只有「已报送」的记录可以归档为已备案。",
                state.label()
            ),
            Self::TooEarly { on, what, earlier } => {
                write!(f, "日期 {on} 早于{}（{earlier}），请检查。", what.label())
            }
            Self::InFuture(on) => write!(f, "日期 {on} 晚于今天，请填写实际发生的日期。"),
            Self::MissingArchiveNo => f.write_str("请填写新闻中心给出的备案编号。"),
            Self::PlatformInactive(status) => {
                write!(f, "该平台已{}，无需再打印备案表。", status.label())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn filing_refusals_keep_their_wording() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        let cases = [
            (
                FilingStepError::TooEarly {
                    on: d("2026-11-19"),
                    what: EarlierDate::Printed,
                    earlier: d("2026-11-20"),
                },
                "日期 2026-11-19 早于打印日期（2026-11-20），请检查。",
            ),
            (
                FilingStepError::PlatformInactive(PlatformStatus::Closed),
                "该平台已停止运营，无需再打印备案表。",
            ),
            (
                FilingStepError::NotSubmitted(FilingState::AwaitingSignature),
                "该备案记录当前为「待签章」，只有「已报送」的记录可以归档为已备案。",
            ),
        ];
        for (error, want) in cases {
            assert_eq!(error.to_string(), want);
        }
    }
}
