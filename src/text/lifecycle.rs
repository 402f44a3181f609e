//! Wording of the platform lifecycle (第四条二, 第四条三, `domain::lifecycle`): the change
//! report's fields and values, the reasons for a shutdown, the history's event names, and why
//! a lifecycle step is refused.

use std::fmt;

use crate::domain::lifecycle::{
    Change, ChangeValue, ChangedField, EventKind, FieldChange, LifecycleError, Required,
    ShutdownReason,
};
use crate::domain::platform::Maintenance;

impl ChangedField {
    /// The field as the filing form and the change report name it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Unit => "创建单位",
            Self::Kind => "媒体平台",
            Self::Name => "账号名称",
            Self::Account => "账号/网址",
            Self::AccountType => "账号类型",
            Self::Verified => "是否认证",
            Self::ContentScope => "内容范围",
            Self::CreatedOn => "创建时间",
            Self::ResponsiblePerson => "负责人",
            Self::ContactMobile => "联络手机",
            Self::Administrators => "管理员",
            Self::Maintenance => "维护方式",
            Self::ApprovalRef => "批准文号",
        }
    }
}

impl fmt::Display for ChangeValue {
    /// The value as the change report prints it: 「是」, 「黄堃 17703710007；杨梦瑶 …」,
    /// 「委托 云帆 维护」; an unset account type is blank.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Text(text) => f.write_str(text),
            Self::AccountType(t) => f.write_str(t.map(|t| t.label()).unwrap_or_default()),
            Self::Verified(yes) => f.write_str(if *yes { "是" } else { "否" }),
            Self::Administrators(admins) => f.write_str(
                &admins
                    .iter()
                    .map(|a| format!("{} {}", a.name, a.mobile))
                    .collect::<Vec<_>>()
                    .join("；"),
            ),
            Self::Maintenance(Maintenance::InHouse) => f.write_str("本单位自行维护"),
            Self::Maintenance(Maintenance::Vendor { name }) => write!(f, "委托 {name} 维护"),
        }
    }
}

impl Change {
    /// The change in words, as it is stored and printed on the written report.
    pub fn worded(&self) -> FieldChange {
        FieldChange {
            field: self.field.label().to_owned(),
            old: self.old.to_string(),
            new: self.new.to_string(),
        }
    }
}

/// The changes in words, in their order.
pub fn worded_changes(changes: &[Change]) -> Vec<FieldChange> {
    changes.iter().map(Change::worded).collect()
}

impl ShutdownReason {
    pub fn label(self) -> &'static str {
        match self {
            Self::Violation => "发布违背管理办法或违反法律法规的内容（第四条三）",
            Self::PolicyChange => "国家政策法规调整或学校政策变更（第四条三）",
            Self::UnitChange => "校内部门变更（第四条三）",
            Self::LongSilence => "公开通报后一个月仍未更新（第六条四）",
            Self::UnhandledBadContent => "发现不良信息未及时处理（第八条二）",
        }
    }
}

impl EventKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Created => "登记",
            Self::FilingPrinted => "打印备案表",
            Self::FilingSubmitted => "备案表已报送",
            Self::Filed => "已备案",
            Self::Changed => "信息变更",
            Self::ChangeReported => "变更已报送",
            Self::Closed => "停止运营",
            Self::ShutDown => "关停",
            Self::NoticeIssued => "督查通知",
            Self::IncidentRecorded => "安全事件",
        }
    }
}

impl Required {
    pub fn label(self) -> &'static str {
        match self {
            Self::ClosureReason => "停止运营原因",
            Self::ContentDisposition => "已发布内容的处理方式",
            Self::ShutdownDocumentNo => "关停文件的文号",
        }
    }
}

impl fmt::Display for LifecycleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Inactive(status) => write!(
                f,
                "该平台已{}，不能再修改或变更。如需重新开设，请新增平台并重新备案。",
                status.label()
            ),
            Self::CannotClose(status) => {
                write!(f, "该平台已{}，不能再停止运营。", status.label())
            }
            Self::CannotShutDown(status) => write!(f, "该平台已{}，不能再关停。", status.label()),
            Self::Missing(what) => write!(f, "请填写{}。", what.label()),
            Self::InFuture(on) => write!(f, "日期 {on} 晚于今天，请填写实际发生的日期。"),
            Self::ReportedBeforeChange { on, changed_on } => {
                write!(f, "报送日期 {on} 早于变更日期 {changed_on}，请检查。")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::platform::{AccountType, Administrator, PlatformStatus};

    #[test]
    fn values_and_refusals_keep_their_wording() {
        let admins = ChangeValue::Administrators(vec![
            Administrator {
                name: "黄堃".into(),
                mobile: "17703710007".into(),
            },
            Administrator {
                name: "杨梦瑶".into(),
                mobile: "15003710008".into(),
            },
        ]);
        let cases = [
            (admins, "黄堃 17703710007；杨梦瑶 15003710008"),
            (ChangeValue::Verified(false), "否"),
            (ChangeValue::AccountType(None), ""),
            (
                ChangeValue::AccountType(Some(AccountType::Service)),
                "服务号",
            ),
            (
                ChangeValue::Maintenance(Maintenance::InHouse),
                "本单位自行维护",
            ),
            (
                ChangeValue::Maintenance(Maintenance::Vendor {
                    name: "云帆".into(),
                }),
                "委托 云帆 维护",
            ),
        ];
        for (value, want) in cases {
            assert_eq!(value.to_string(), want);
        }
        assert_eq!(
            LifecycleError::Inactive(PlatformStatus::ShutDown).to_string(),
            "该平台已关停，不能再修改或变更。如需重新开设，请新增平台并重新备案。"
        );
        assert_eq!(
            LifecycleError::Missing(Required::ShutdownDocumentNo).to_string(),
            "请填写关停文件的文号。"
        );
    }
}
