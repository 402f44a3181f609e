//! Wording of the people pages: 单位与人员 (`ui/units_view.rs`), 账号 (`ui/users_view.rs`),
//! what applying their actions reports (`ui/app_people.rs`), and the demo accounts offered
//! on the sign-in page (`ui/sign_in_view.rs`).

use super::ui_common::LIST_SEPARATOR;

pub const UNITS: &str = "二级单位";
pub const ADD_UNIT: &str = "新增单位";
pub const EDIT_UNIT: &str = "编辑单位";
pub const NO_UNITS: &str = "请先新增一个单位。";
pub const UNIT_NAME_LABEL: &str = "单位名称：";
pub const PARTY_BRANCH_LABEL: &str = "党组织：";
pub const HEAD_LABEL: &str = "单位负责人：";
pub const SECRETARY_LABEL: &str = "书记：";

/// A unit in the list, with how many people it has.
pub fn unit_entry(name: &str, people: usize) -> String {
    format!("{name}（{people} 人）")
}

/// The line under a unit: its party organisation, head and secretary.
pub fn unit_details(party_branch: &str, head: &str, secretary: &str) -> String {
    format!("{party_branch}　负责人 {head}　书记 {secretary}")
}

pub fn unit_saved(name: &str) -> String {
    format!("已保存单位「{name}」")
}

pub const PEOPLE: &str = "人员";
pub const ADD_PERSON: &str = "新增人员";
pub const EDIT_PERSON: &str = "编辑人员";
/// The people table's column headers.
pub const PEOPLE_COLUMNS: [&str; 3] = ["姓名", "手机", "角色"];
pub const NAME_LABEL: &str = "姓名：";
pub const MOBILE_LABEL: &str = "手机：";
pub const ROLES_LABEL: &str = "角色：";

pub fn person_saved(name: &str) -> String {
    format!("已保存人员「{name}」")
}

/// The accounts table's column headers (the last is the button's).
pub const USER_COLUMNS: [&str; 5] = ["登录名", "姓名", "单位", "角色", ""];
pub const DISABLE: &str = "停用";
pub const ENABLE: &str = "启用（已停用）";
pub const DISABLED: &str = "已停用";
/// In place of 停用 on one's own row: nobody switches themselves off.
pub const YOURSELF: &str = "（本人）";
pub const ADD_USER: &str = "添加账号";
pub const PERSON_LABEL: &str = "对应人员：";
pub const NO_PERSON_CHOSEN: &str = "（不对应人员：系统管理员或学校督查人员）";
pub const NO_PERSON: &str = "（不对应人员）";
pub const DISPLAY_NAME_HINT: &str = "默认取人员姓名";
pub const SYSTEM_ADMIN_ROLE: &str = "系统管理员（管理设置和账号）";
pub const SCHOOL_SUPERVISOR_ROLE: &str =
    "学校督查人员（学校办公室（新闻中心）/党委宣传部：归档备案、关停平台）";
pub const INITIAL_PASSWORD_LABEL: &str = "初始密码：";
pub const CHANGE_OWN_PASSWORD: &str = "修改我的密码";
pub const NEW_PASSWORD_LABEL: &str = "新密码：";
pub const CONFIRM_PASSWORD_LABEL: &str = "确认新密码：";
pub const CHANGE_PASSWORD: &str = "修改密码";
pub const CURRENT_PASSWORD_LABEL: &str = "当前密码：";
pub const RESET_PASSWORD_TITLE: &str = "重置他人密码（忘记密码时）";
pub const RESET_PASSWORD_BODY: &str =
    "设置一个临时密码告诉本人；对方下次登录时须先改成自己的密码，才能办理其他事项。";
pub const RESET_WHO_LABEL: &str = "账号：";
pub const RESET_NOBODY_CHOSEN: &str = "（请选择账号）";
pub const TEMPORARY_PASSWORD_LABEL: &str = "临时密码：";
pub const TEMPORARY_AGAIN_LABEL: &str = "确认临时密码：";
pub const RESET_PASSWORD: &str = "重置密码";
pub const PASSWORD_RESET: &str =
    "密码已重置。请把临时密码当面或电话告知本人，对方下次登录时须修改。";
pub const MUST_CHANGE_TITLE: &str = "请先修改密码";
pub const MUST_CHANGE_BODY: &str = "系统管理员重置了您的密码。请在「当前密码」中输入管理员告知的临时密码，再设置只有您自己知道的新密码，之后才能办理其他事项。";
/// A required field left empty (shown once the field was left or saving was tried).
pub const FIELD_REQUIRED: &str = "必填";
pub const PASSWORDS_DIFFER: &str = "两次输入的密码不一致";

/// A person offered for a new account: 「张喆（信息员、管理员）」.
pub fn person_with_roles(name: &str, roles: &[&str]) -> String {
    format!("{name}（{}）", roles.join(LIST_SEPARATOR))
}

pub fn user_added(login: &str, id: i64) -> String {
    format!("已添加账号「{login}」，编号 {id}。")
}

pub const USER_STATUS_UPDATED: &str = "已更新账号状态。";
pub const PASSWORD_CHANGED: &str = "密码已修改。";

/// A demo account on the sign-in page: 「张喆 商学院 信息员、管理员」.
pub fn demo_account(display_name: &str, unit_name: &str, roles: &[&str]) -> String {
    format!("{display_name} {unit_name} {}", roles.join(LIST_SEPARATOR))
}

pub fn demo_accounts_intro(password: &str) -> String {
    format!("演示数据的账号，密码均为 {password}。点一下填入登录名：")
}

pub fn demo_account_link(login: &str, description: &str) -> String {
    format!("{login}　{description}")
}
