//! Wording of the settings' defaults.

/// 第三条: the school's name is a setting, not a constant.
pub const DEFAULT_SCHOOL: &str = "郑州西亚斯学院";

/// Names whose use needs the school's approval (第三条).
pub const DEFAULT_PROTECTED_NAMES: [&str; 2] = ["郑州西亚斯学院", "西亚斯"];

/// 附件 注1: the four copies and who keeps each.
pub const DEFAULT_COPY_MARKS: [&str; 4] = [
    "第一联 党委宣传部存档",
    "第二联 学校办公室（新闻中心）存档",
    "第三联 财务资产处（报销凭证）",
    "第四联 本单位留存",
];
