//! What can go wrong with the database, each in words a department secretary understands.

use std::path::PathBuf;

use crate::domain::validation::FieldError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("「{}」不是 MediaDesk 的数据库文件（它不是 SQLite 数据库）。为保护该文件，程序没有改动它。请用 --db 指定正确的数据库，或把该文件移走后重新启动。", path.display())]
    NotADatabase { path: PathBuf },

    #[error("该数据库来自更新版本的 MediaDesk（数据版本 {found}，本程序只认识到 {supported}）。为保护数据，本程序不会改动它。请安装最新版 MediaDesk 后再打开：{}", path.display())]
    NewerVersion {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error("数据库正被另一个正在运行的 MediaDesk 使用：{}。请先关闭另一个 MediaDesk 窗口（或等它的命令执行完）再试。", path.display())]
    Locked { path: PathBuf },

    #[error("无法在「{}」保存数据：{source}。请检查该文件夹是否存在、是否有写入权限，或用 --db 指定其他位置。", path.display())]
    Unwritable {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error(
        "该{what}在您打开后已被修改（可能是另一个窗口或命令），为避免覆盖别人的修改，本次没有保存。您输入的内容仍在，请记下后关闭并重新打开再改。"
    )]
    Stale { what: &'static str },

    #[error("找不到编号为 {id} 的{what}，它可能已被删除。")]
    NotFound { what: &'static str, id: i64 },

    #[error("{}", join(.0))]
    Invalid(Vec<FieldError>),

    #[error("{0}")]
    InUse(String),

    #[error("数据库出错：{0}。数据没有改动；如反复出现，请先备份数据库文件再联系管理员。")]
    Sqlite(#[from] rusqlite::Error),

    #[error("数据库中有无法识别的内容：{0}")]
    Corrupt(String),

    #[error("{0}")]
    Auth(#[from] crate::domain::auth::AuthError),

    #[error(
        "登录名或密码不正确，请重新输入（注意大小写和输入法）。连续输错 3 次后，每次重试需要等待一段时间。"
    )]
    WrongPassword,

    #[error("密码连续输错多次，为保护账号，请 {seconds} 秒后再试。")]
    SignInThrottled { seconds: u64 },

    #[error("该账号已停用，请联系系统管理员。")]
    UserInactive,

    #[error("请先登录：办理信息发布须知道是谁在操作（第八条一）。")]
    NotSignedIn,

    #[error("{0}")]
    Forbidden(String),

    #[error("{0}")]
    Workflow(#[from] crate::domain::workflow::WorkflowError),

    #[error(
        "正文中还有 {count} 处须处理的内容（{first}等），不能提交审核。请修改后再提交；确属误报的，可由本单位审核人放行并写明理由（信息页的「审核人放行」，或命令 mediadesk posts override）。"
    )]
    ScreeningBlocks { count: usize, first: String },

    #[error("{0}")]
    Attachment(String),
}

fn join(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("；")
}
