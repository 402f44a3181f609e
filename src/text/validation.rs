//! Wording of the field checks of a platform, a unit, a person and a post
//! (`domain::validation`): each field's label and each problem as the sentence shown beside
//! the field, which says how to fix it.

use std::fmt;

use crate::domain::validation::{Field, FieldError, MobileProblem, Problem};
use crate::text::hardening;

impl Field {
    /// The label printed on the form / shown in the dialog, used in CLI messages.
    pub fn label(self) -> String {
        match self {
            Self::Unit => "创建单位".into(),
            Self::Kind => "媒体平台".into(),
            Self::Name => "账号名称".into(),
            Self::Account => "账号/网址".into(),
            Self::AccountType => "账号类型".into(),
            Self::VerifiedUntil => "认证有效期".into(),
            Self::ContentScope => "内容范围".into(),
            Self::CreatedOn => "创建时间".into(),
            Self::ResponsiblePerson => "负责人".into(),
            Self::ContactMobile => "联络手机".into(),
            Self::Administrator(i) => format!("第 {} 位管理员", i + 1),
            Self::Administrators => "管理员".into(),
            Self::Maintenance => "维护方式".into(),
            Self::ApprovalRef => "批准文号".into(),
            Self::LastPostOn => "最近更新".into(),
            Self::PersonName => "姓名".into(),
            Self::PersonMobile => "手机".into(),
            Self::UnitName => "单位名称".into(),
            Self::ChangeReason => "变更原因".into(),
            Self::PostPlatform => "发布平台".into(),
            Self::PostTitle => "标题".into(),
            Self::PostBody => "正文".into(),
            Self::PostColumn => "栏目".into(),
            Self::PostPlannedAt => "计划发布时间".into(),
            Self::Login => "登录名".into(),
            Self::Password => "密码".into(),
            Self::UserPerson => "对应人员".into(),
            Self::Notes => "备注".into(),
            Self::PartyBranch => "党总支/直属党支部".into(),
            Self::UnitHead => "单位负责人".into(),
            Self::PartySecretary => "党总支书记".into(),
        }
    }
}

impl fmt::Display for MobileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Missing => "必填，请输入 11 位手机号码",
            Self::NotDigits => "手机号码只能包含数字，例如 13812345678",
            Self::WrongLength => "手机号码应为 11 位数字",
            Self::WrongPrefix => "手机号码应以 13–19 开头",
        })
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Worded(message) => f.write_str(message),
            Self::UnitMissing => f.write_str("请选择创建单位"),
            Self::KindMissing => f.write_str("请选择媒体平台"),
            Self::NameMissing => f.write_str("必填，请输入账号名称（网站填网站名称）"),
            Self::NameTooLong { max } => write!(f, "账号名称不能超过 {max} 个字"),
            Self::SiteAddressMissing => {
                f.write_str("必填，请输入网站地址，例如 https://sxy.example.edu.cn")
            }
            Self::AccountIdMissing => f.write_str("必填，请输入账号 ID（如微信号、微博 ID）"),
            Self::AccountHasSpace => f.write_str("账号/网址中不能有空格"),
            Self::InvisibleInAccount { c, position } => {
                f.write_str(&hardening::invisible_in_account(*c, *position))
            }
            Self::RefusedCharacter { c, position } => {
                f.write_str(&hardening::refused_character(*c, *position))
            }
            Self::SiteAddressInvalid => {
                f.write_str("网址格式不对，例如 https://sxy.example.edu.cn")
            }
            Self::DuplicateAccount { id, name } => write!(
                f,
                "该平台上已登记同一账号：{name}（编号 {id}），请勿重复登记"
            ),
            Self::AccountTypeMissing => f.write_str("请选择账号类型：订阅号、服务号或企业号"),
            Self::AccountTypeNotApplicable => {
                f.write_str("只有微信公众号等需要填写账号类型，请清除")
            }
            Self::VerifiedUntilWithoutVerification => f.write_str("未认证的账号不应填写认证有效期"),
            Self::ContentScopeMissing => {
                f.write_str("必填，请简述账号发布的内容，例如 学院新闻、通知公告")
            }
            Self::CreatedInFuture { today } => write!(f, "创建时间不能晚于今天（{today}）"),
            Self::LastPostInFuture => f.write_str("最近更新日期不能晚于今天"),
            Self::LastPostBeforeCreation => f.write_str("最近更新日期不能早于创建时间"),
            Self::ResponsiblePersonMissing => f.write_str("必填，请输入负责人姓名"),
            Self::Mobile(problem) => write!(f, "{problem}"),
            Self::AdministratorsMissing => {
                f.write_str("至少需要一位管理员（第五条：由本单位委派专人作为管理员）")
            }
            Self::AdministratorNameMissing => f.write_str("请填写管理员姓名"),
            Self::VendorNameMissing => f.write_str("委托外部单位维护时，请填写维护单位名称"),
            Self::SchoolNameNeedsApproval { school } => write!(
                f,
                "名称使用了「{school}」，须经学校批准（第三条），请填写批准文号"
            ),
            Self::UnitNameMissing => f.write_str("必填，请输入单位名称"),
            Self::PersonNameMissing => f.write_str("必填，请输入姓名"),
            Self::PostTitleMissing => f.write_str("必填，请输入信息标题"),
            Self::PostTitleTooLong { max } => write!(f, "标题过长，请控制在 {max} 个字以内"),
            Self::PostTitleHasLineBreak => f.write_str("标题不能换行，请写成一行"),
            Self::PostBodyTooLong { max } => {
                write!(f, "正文超过 {max} 字，请拆分为多条信息或改为附件")
            }
            Self::PostColumnTooLong { max } => {
                write!(f, "栏目名称过长，请控制在 {max} 个字以内")
            }
        }
    }
}

impl FieldError {
    /// The sentence shown beside the field, without the field's label.
    pub fn message(&self) -> String {
        self.problem.to_string()
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}：{}", self.field.label(), self.problem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sentences tests and users know, word for word.
    #[test]
    fn problems_keep_their_wording() {
        let cases = [
            (
                Problem::DuplicateAccount {
                    id: 7,
                    name: "文传青年".into(),
                },
                "该平台上已登记同一账号：文传青年（编号 7），请勿重复登记",
            ),
            (
                Problem::NameTooLong { max: 100 },
                "账号名称不能超过 100 个字",
            ),
            (
                Problem::Mobile(MobileProblem::WrongPrefix),
                "手机号码应以 13–19 开头",
            ),
            (
                Problem::SchoolNameNeedsApproval {
                    school: "西亚斯".into(),
                },
                "名称使用了「西亚斯」，须经学校批准（第三条），请填写批准文号",
            ),
            (Problem::Worded("原样".into()), "原样"),
        ];
        for (problem, want) in cases {
            assert_eq!(problem.to_string(), want);
        }
        let e = FieldError::new(Field::Administrator(1), MobileProblem::Missing);
        assert_eq!(e.to_string(), "第 2 位管理员：必填，请输入 11 位手机号码");
        assert_eq!(e.message(), "必填，请输入 11 位手机号码");
    }
}
