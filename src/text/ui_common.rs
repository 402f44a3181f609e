//! Words the window's pages share: the buttons every dialog has, the field labels several
//! pages use, the list separator and the messages about a typed date.

pub const OK: &str = "确定";
pub const CLOSE: &str = "关闭";
pub const EDIT: &str = "编辑";
pub const DELETE: &str = "删除";
/// A combo box with nothing chosen yet.
pub const CHOOSE: &str = "请选择";
pub const UNIT_LABEL: &str = "单位：";
pub const STATUS_LABEL: &str = "状态：";
pub const PLATFORM_LABEL: &str = "平台：";
pub const SUBMITTED_ON_LABEL: &str = "报送日期：";
pub const MARK_SUBMITTED: &str = "标记已报送";

/// Between the items of a list inside a sentence: 「信息员、审核人」.
pub const LIST_SEPARATOR: &str = "、";

/// A heading with how many items follow: 「人员（12）」.
pub fn counted(label: &str, count: usize) -> String {
    format!("{label}（{count}）")
}

/// A field's label built from its name: 「备案编号」 → 「备案编号：」.
pub fn label(name: &str) -> String {
    format!("{name}：")
}

/// A date the person typed that is not one.
pub fn invalid_date(typed: &str) -> String {
    format!("「{typed}」不是有效日期，请写成 2024-09-27 的形式")
}

/// The notice after a dialog saved something with a name.
pub fn saved_named(name: &str) -> String {
    format!("已保存「{name}」")
}

/// A button that adds something: 「＋ 新增平台」.
pub fn plus(label: &str) -> String {
    format!("＋ {label}")
}
