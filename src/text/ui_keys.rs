//! The keyboard's wording: 帮助 › 快捷键, and asking before 切换用户 drops unsaved typing.

pub const HELP: &str = "帮助";
pub const HELP_HINT: &str = "快捷键一览（F1）";
pub const SHORTCUTS_TITLE: &str = "快捷键";
pub const COLUMNS: [&str; 2] = ["按键", "作用"];

/// Each shortcut and what it does, as shown in 帮助 › 快捷键 (⌘ on macOS for Ctrl).
pub const SHORTCUTS: [(&str, &str); 7] = [
    (
        "Enter",
        "在单行输入框中按下：提交所在的表单（保存平台、开始、确认报送等）",
    ),
    ("Ctrl+S", "保存：信息草稿、平台信息、设置"),
    ("Esc", "关闭最上面的对话框；有未保存的输入时先询问"),
    ("Ctrl+F", "转到本页的搜索框（平台台账、信息列表）"),
    ("Ctrl+N", "新建：平台台账页新增平台，信息发布页新建信息"),
    ("Tab / Shift+Tab", "在输入框和按钮之间移动"),
    ("F1", "打开或关闭本快捷键一览"),
];
pub const MAC_NOTE: &str = "在 macOS 上，Ctrl 换成 ⌘。";
pub const CLOSE: &str = "关闭";

pub const SWITCH_TITLE: &str = "切换用户";
pub const SWITCH_UNSAVED: &str =
    "正在编辑的内容还有未保存的修改。切换用户会丢掉这些修改；要保留，请先点“继续编辑”并保存。";
pub const KEEP_EDITING: &str = "继续编辑";
pub const SWITCH_ANYWAY: &str = "不保存，切换用户";
