//! Wording of the registry (`ui/registry_view.rs`) and of the platform dialog
//! (`ui/platform_dialog.rs`, `ui/platform_form.rs`): the filters, the table's cells and
//! hovers, and every field of a platform.

use chrono::NaiveDate;

pub const SORT_HINT: &str = "点击排序";
pub const YES: &str = "是";
pub const NO: &str = "否";
pub const NEVER_UPDATED: &str = "未更新";
/// 第六条四: the hover on a date of the last post that is more than two months old.
pub const SILENT_HINT: &str = "超过 2 个月未更新（第六条四：将收到整改通知）";

/// 第四条一: the hover on the days left to file.
pub fn deadline_hint(deadline: NaiveDate) -> String {
    format!("备案截止 {deadline}（第四条一：创建后 5 个工作日内）")
}

pub fn overdue_hint(deadline: NaiveDate) -> String {
    format!("备案截止 {deadline}，已逾期，请尽快备案")
}

pub fn unknown_year_hint(year: i32) -> String {
    format!("请在设置中导入 {year} 年的国务院节假日安排")
}

pub const HISTORY: &str = "历史与报备…";
pub const HISTORY_HINT: &str = "变更报备、停止运营、关停和全部历史";

pub const UNIT_LABEL: &str = "创建单位：";
pub const KIND_LABEL: &str = "媒体平台：";
pub const WEBSITE_NAME_LABEL: &str = "网站名称：";
pub const WEBSITE_ADDRESS_LABEL: &str = "网址：";
pub const ACCOUNT_NAME_LABEL: &str = "账号名称：";
pub const ACCOUNT_ID_LABEL: &str = "账号 ID：";
pub const ACCOUNT_TYPE_LABEL: &str = "账号类型：";
pub const VERIFIED_LABEL: &str = "是否认证：";
pub const VERIFIED: &str = "已通过平台认证";
pub const VERIFIED_UNTIL_LABEL: &str = "认证有效期至：";
pub const CONTENT_SCOPE_LABEL: &str = "内容范围：";
pub const CONTENT_SCOPE_HINT: &str = "例如：学院新闻、通知公告、党建专栏";
pub const CREATED_ON_LABEL: &str = "创建时间：";
pub const RESPONSIBLE_PERSON_LABEL: &str = "负责人：";
pub const CONTACT_MOBILE_LABEL: &str = "联络手机：";
pub const MAINTENANCE_LABEL: &str = "维护方式：";
pub const SELF_MAINTAINED: &str = "本单位自行维护";
pub const VENDOR_MAINTAINED: &str = "委托外部单位维护";
pub const VENDOR_NAME_LABEL: &str = "维护单位名称：";
pub const APPROVAL_REF_LABEL: &str = "批准文号：";
pub const LAST_POST_ON_LABEL: &str = "最近更新：";
pub const CHANGE_REASON_LABEL: &str = "变更原因：";
pub const CHANGE_REASON_HINT: &str = "已备案平台的信息变更须书面报备（第四条二）";
pub const ACCESS_LABEL: &str = "访问范围：";
pub const INTRANET_ONLY: &str = "仅限校园内网访问";
/// 第六条三.
pub const INTRANET_ONLY_HINT: &str =
    "第六条三：内部信息只能发布在仅限校园内网访问的平台上；未勾选的平台一律视为外网平台。";
pub const NOTES_LABEL: &str = "备注：";
pub const DATE_HINT: &str = "例如 2024-09-27";
pub const MOBILE_HINT: &str = "11 位手机号码";
/// 第三条.
pub const APPROVAL_REF_HINT: &str = "名称含学校名称时必填（第三条）";
pub const DATE_REQUIRED: &str = "必填，请输入日期，例如 2024-09-27";

pub const ADMINISTRATORS_LABEL: &str = "管理员：";
pub const ADMINISTRATOR_MOBILE: &str = "手机";
pub const REMOVE_ROW_HINT: &str = "删除这一行";
pub const PICK_PERSON: &str = "从人员中选…";
pub const NO_PEOPLE: &str = "请先选择创建单位；该单位的人员可在「单位与人员」中登记。";
pub const ADD_ADMINISTRATOR: &str = "添加管理员";
pub const ADMINISTRATORS_OVERFLOW: &str = "备案表印三行管理员，多出的将续印在附页。";

/// The label of the `n`th administrator's name, counting from 1.
pub fn administrator_name(n: usize) -> String {
    format!("管理员{n}姓名")
}
