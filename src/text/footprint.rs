//! Names of the operating systems' Chinese faces the window can draw with, as the settings
//! show them.

pub const FACE_YAHEI: &str = "微软雅黑";
pub const FACE_SIMSUN: &str = "宋体";
pub const FACE_PINGFANG: &str = "苹方";
pub const FACE_SONGTI: &str = "宋体-简";
pub const FACE_NOTO_SANS: &str = "思源黑体（Noto Sans CJK SC）";
pub const FACE_NOTO_SERIF: &str = "思源宋体（Noto Serif CJK SC）";
pub const FACE_WQY: &str = "文泉驿微米黑";
/// A system face chosen earlier at a place this version does not list.
pub const FACE_OTHER: &str = "本机中文字体";
/// The window's own face, compiled into the program (the face the forms print in).
pub const FACE_BUNDLED: &str = "内置思源宋体（Noto Serif CJK SC）";

/// Characters a face must draw to be offered for the window: common ones, a simplified form
/// and a name character outside GB2312.
pub const FACE_PROBE: &str = "备案表国喆";
