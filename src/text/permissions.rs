//! Wording of the permission rules: what each write is called, who may do it, and why a write
//! was refused.

use std::fmt;

use crate::domain::permissions::{Permission, Refusal, Who};
use crate::domain::unit::Role;

/// The override of a screening result, as an action name in state messages.
pub const OVERRIDE_ACTION: &str = "放行审查结果";

/// The write as a verb phrase: 「修改设置」.
pub fn permission_label(p: Permission) -> &'static str {
    use Permission::*;
    match p {
        EditSettings => "修改设置",
        EditWordLists => "修改审查词表",
        ImportCalendar => "导入或修改节假日安排",
        ManagePlatformKinds => "增删媒体平台类型",
        ManageAccounts => "管理账号",
        BackupDatabase => "备份数据库",
        ManageUnits => "新增或删除单位",
        EditUnit => "修改单位信息",
        ManagePeople => "管理单位人员及其角色",
        EditPlatform => "登记或修改平台",
        PrintFiling => "打印备案表并生成备案记录",
        ReportFiling => "标记备案表已报送、附加签章扫描件",
        ArchiveFiling => "将备案表归档为已备案",
        ReportChange => "标记信息变更报告已报送",
        ClosePlatform => "停止运营平台",
        ShutDownPlatform => "关停平台",
        DraftPost => "撰写信息",
        EditPost => "修改信息稿件",
        SubmitPost => "提交审核",
        WithdrawPost => "撤回信息",
        ReviewPost => "审核信息（通过或退回）",
        PublishPost => "发布信息（或在发布环节退回）",
        OverrideScreening => OVERRIDE_ACTION,
        RecordUpdate => "登记平台更新、导入发布记录、标记党建专栏",
        IssueNotice => "发出整改通知书、通报或关停决定",
        RecordIncident => "登记网络安全事件及其报告、处置",
        RecordTraining => "登记培训及参训人员",
    }
}

/// The article a permission rests on, for the README's table and the refusal message.
pub fn permission_article(p: Permission) -> &'static str {
    use Permission::*;
    match p {
        EditSettings | ManagePlatformKinds | BackupDatabase => "系统维护",
        EditWordLists => "第六条五",
        ImportCalendar => "第四条一",
        ManageAccounts | ManagePeople | EditUnit => "第八条一",
        ManageUnits => "第二条",
        EditPlatform | ReportChange | ClosePlatform => "第四条二",
        PrintFiling | ReportFiling | ArchiveFiling => "第四条一",
        ShutDownPlatform => "第四条三、第六条四",
        DraftPost | EditPost | SubmitPost | WithdrawPost | ReviewPost | PublishPost => "第七条三",
        OverrideScreening => "第六条五、第八条二",
        RecordUpdate => "第六条二、第六条四",
        IssueNotice => "第六条四",
        RecordIncident => "第八条一",
        RecordTraining => "第五条",
    }
}

fn roles_text(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| r.label())
        .collect::<Vec<_>>()
        .join("或")
}

/// Who may: 「本单位的管理员或单位负责人」.
pub fn who_text(who: Who) -> String {
    match who {
        Who::SystemAdmin => "系统管理员".to_owned(),
        Who::SystemAdminOrSchool => {
            "系统管理员或学校督查人员（学校办公室（新闻中心）/党委宣传部）".to_owned()
        }
        Who::SystemAdminOrUnit(roles) => format!("系统管理员或本单位的{}", roles_text(roles)),
        Who::School => "学校督查人员（学校办公室（新闻中心）/党委宣传部）".to_owned(),
        Who::Unit(roles) => format!("本单位的{}", roles_text(roles)),
        Who::UnitOrSchool(roles) => format!(
            "本单位的{}，或学校督查人员（学校办公室（新闻中心）/党委宣传部）",
            roles_text(roles)
        ),
        Who::Author => "撰稿的信息员本人".to_owned(),
        Who::UnitNotAuthor(roles) => format!("本单位的{}（不能是撰稿人）", roles_text(roles)),
        Who::UnitNotAuthorOrReviewer(roles) => {
            format!("本单位的{}（不能是撰稿人或审核人）", roles_text(roles))
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NotSignedIn => f.write_str(NOT_SIGNED_IN),
            Refusal::AccountDisabled => {
                f.write_str("该账号已停用，不能再办理任何事项。请联系系统管理员。")
            }
            Refusal::NotAllowed {
                permission,
                other_unit: true,
            } => write!(
                f,
                "不能{}：您的角色只在本单位有效，这件事属于其他单位，须由该单位的{}办理（{}）。",
                permission_label(*permission),
                unit_roles(permission.who()),
                permission_article(*permission)
            ),
            Refusal::NotAllowed {
                permission,
                other_unit: false,
            } => write!(
                f,
                "您没有权限{}：只有{}可以办理（{}）。",
                permission_label(*permission),
                who_text(permission.who()),
                permission_article(*permission)
            ),
            Refusal::Workflow(e) => write!(f, "{e}"),
        }
    }
}

fn unit_roles(who: Who) -> String {
    match who {
        Who::SystemAdminOrUnit(r)
        | Who::Unit(r)
        | Who::UnitOrSchool(r)
        | Who::UnitNotAuthor(r)
        | Who::UnitNotAuthorOrReviewer(r) => roles_text(r),
        other => who_text(other),
    }
}

/// Nobody is signed in.
pub const NOT_SIGNED_IN: &str =
    "请先登录：每一项修改都须知道是谁在办理（第八条一：谁开办、谁负责）。";

/// The header of the who-may-do-what table (README and `mediadesk permissions`).
pub const TABLE_HEADER: [&str; 3] = ["事项", "可以办理的人", "依据"];

/// The audit comment of a refused attempt: 「试图关停平台：您没有权限……」.
pub fn refused_comment(what: &str, message: &str) -> String {
    if what.is_empty() {
        format!("被拒绝：{message}")
    } else {
        format!("试图{what}，被拒绝：{message}")
    }
}

/// The who-may-do-what table (Markdown), generated from the rules themselves: the README
/// carries it, and a test keeps the two the same.
pub fn permission_table() -> String {
    let mut out = format!(
        "| {} | {} | {} |\n| --- | --- | --- |\n",
        TABLE_HEADER[0], TABLE_HEADER[1], TABLE_HEADER[2]
    );
    for p in Permission::ALL {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            permission_label(p),
            who_text(p.who()),
            permission_article(p)
        ));
    }
    out
}
