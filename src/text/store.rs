//! Wording of the database's errors, in words a department secretary understands.

use std::fmt;

use crate::store::{AttachmentRefusal, ChangeState, Conflict, Entity, Rejection, StoreError};

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::DanglingLink { path } => write!(
                f,
                "「{}」是一个快捷方式（符号链接），它指向的数据库文件不存在。为免新建一个空数据库，程序没有打开它。请用 --db 指定实际的数据库文件。",
                path.display()
            ),
            StoreError::NotADatabase { path } => write!(
                f,
                "「{}」不是 MediaDesk 的数据库文件（它不是 SQLite 数据库）。为保护该文件，程序没有改动它。请用 --db 指定正确的数据库，或把该文件移走后重新启动。",
                path.display()
            ),
            StoreError::NewerVersion {
                path,
                found,
                supported,
            } => write!(
                f,
                "该数据库来自更新版本的 MediaDesk（数据版本 {found}，本程序只认识到 {supported}）。为保护数据，本程序不会改动它。请安装最新版 MediaDesk 后再打开：{}",
                path.display()
            ),
            StoreError::Locked { path } => write!(
                f,
                "数据库正被另一个正在运行的 MediaDesk 使用：{}。请先关闭另一个 MediaDesk 窗口（或等它的命令执行完）再试。",
                path.display()
            ),
            StoreError::Unwritable { path, source } => write!(
                f,
                "无法在「{}」保存数据：{}。请检查该文件夹是否存在、是否有写入权限，或用 --db 指定其他位置。",
                path.display(),
                crate::text::io_error(source)
            ),
            StoreError::Stale { what } => write!(
                f,
                "该{what}在您打开后已被修改（可能是另一个窗口或命令），为避免覆盖别人的修改，本次没有保存。您输入的内容仍在，请记下后关闭并重新打开再改。"
            ),
            StoreError::NotFound { what, id } => {
                write!(f, "找不到编号为 {id} 的{what}，它可能已被删除。")
            }
            StoreError::Invalid(errors) => f.write_str(
                &errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("；"),
            ),
            StoreError::Rejected(r) => write!(f, "{r}"),
            StoreError::Conflict(c) => write!(f, "{c}"),
            StoreError::Forbidden(r) => write!(f, "{r}"),
            StoreError::PublishTime(p) => write!(f, "{p}"),
            StoreError::TargetNotEmpty { place } => write!(
                f,
                "目标「{}」里已经有数据。为免覆盖，程序没有复制。请换一个空的数据库或新文件名；确需覆盖时先备份再清空目标。",
                place.display()
            ),
            StoreError::CopyMismatch {
                source_counts,
                target_counts,
            } => f.write_str(&super::server::copy_mismatch(source_counts, target_counts)),
            StoreError::Server(e) => write!(f, "{e}"),
            StoreError::Database(crate::store::db::Error::Disconnected(m)) => write!(
                f,
                "与学校服务器的连接中断了（{m}）。这一步没有写入，已填写的内容仍保留；网络恢复后请再做一次。"
            ),
            StoreError::Database(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
                ) =>
            {
                f.write_str(DAMAGED_DATABASE)
            }
            StoreError::Database(e) => write!(
                f,
                "数据库出错：{e}。数据没有改动；如反复出现，请先备份数据库文件再联系管理员。"
            ),
            StoreError::Corrupt(what) => write!(f, "数据库中有无法识别的内容：{what}"),
            StoreError::Auth(e) => write!(f, "{e}"),
            StoreError::Signing(e) => write!(f, "账号的签名密钥：{e}"),
            StoreError::WrongPassword => f.write_str(
                "登录名或密码不正确，请重新输入（注意大小写和输入法）。连续输错 3 次后，每次重试需要等待一段时间。",
            ),
            StoreError::WrongCurrentPassword => f.write_str(
                "当前密码不正确，密码没有修改。请重新输入当前使用的密码（注意大小写和输入法）；连续输错 3 次后，每次重试需要等待一段时间。",
            ),
            StoreError::SignInThrottled { seconds } => {
                write!(f, "密码连续输错多次，为保护账号，请 {seconds} 秒后再试。")
            }
            StoreError::UserInactive => f.write_str("该账号已停用，请联系系统管理员。"),
            StoreError::CliSession(refusal) => refusal.fmt(f),
            StoreError::Workflow(e) => write!(f, "{e}"),
            StoreError::Filing(e) => write!(f, "{e}"),
            StoreError::Lifecycle(e) => write!(f, "{e}"),
            StoreError::Calendar(e) => write!(f, "{e}"),
            StoreError::Screening(e) => write!(f, "{e}"),
            StoreError::ScreeningBlocks { count, first } => write!(
                f,
                "正文中还有 {count} 处须处理的内容（{first}等），不能提交审核。请修改后再提交；确属误报的，可由本单位审核人放行并写明理由（信息页的「审核人放行」，或命令 mediadesk posts override）。"
            ),
            StoreError::Attachment(a) => write!(f, "{a}"),
            StoreError::AttachmentChanged { id } => write!(
                f,
                "附件 {id} 的内容与登记的 SHA-256 不符，可能已被改动。请从备份中核对该附件。"
            ),
            StoreError::Supervision(r) => write!(f, "{r}"),
            StoreError::Unchecked => f.write_str(
                "内部错误：这次保存没有经过权限检查，已被拒绝，数据没有改动。请把操作步骤告诉维护人员。",
            ),
        }
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::KindNameEmpty => f.write_str("平台名称不能为空。"),
            Rejection::SchoolNameEmpty => f.write_str("学校名称不能为空。"),
            Rejection::NoCopyMarks => f.write_str("至少需要一联（备案表一式四份，见附件注1）。"),
            Rejection::OverrideReasonTooShort => f.write_str(
                "请写明放行理由（至少 4 个字），例如「经核实为历史文献引用，不属于违规内容」。",
            ),
            Rejection::NothingToOverride => f.write_str("审查没有拦截内容，无需放行。"),
            Rejection::FirstAccountMustBeAdmin => {
                f.write_str("第一个账号必须是系统管理员，请勾选「系统管理员」。")
            }
            Rejection::AccountNeedsPerson => f.write_str(
                "请选择该账号对应的人员：信息员、审核人、管理员须按人员所在单位和角色办理（学校督查人员和系统管理员可以不对应人员）。",
            ),
            Rejection::CannotDisableSelf => f.write_str("不能停用自己正在使用的账号。"),
            Rejection::ResetOwnPassword => f.write_str(
                "不能重置自己的密码，请在「修改我的密码」中输入当前密码和新密码。",
            ),
            Rejection::OnlyNewDraftsDelete => f.write_str(
                "只有从未提交过的草稿可以删除；提交过的信息已有审核经过，请改用「撤回」。",
            ),
            Rejection::AccountWithoutPerson => f.write_str(
                "该账号没有对应的单位人员，不能办理信息发布。请用信息员、审核人或管理员的账号登录。",
            ),
            Rejection::PlatformEnded(how) => {
                write!(f, "该平台已{}，不能再为它撰写或发布信息。", how.label())
            }
            Rejection::PostToOtherUnitPlatform => f.write_str(
                "只能改为本单位的其他平台；其他单位的平台请由该单位信息员撰写。",
            ),
            Rejection::DatabaseNotEmpty => f.write_str(
                "数据库中已有数据，演示数据只能载入空数据库。请用 --db 指定一个新文件。",
            ),
            Rejection::NoPlatformsYet => {
                f.write_str("请先生成平台（mediadesk demo --scale N），再生成信息。")
            }
            Rejection::ScanTooLarge { bytes } => write!(
                f,
                "文件过大（{:.1} MB），扫描件不能超过 {} MB。请降低扫描分辨率后再试。",
                *bytes as f64 / 1_048_576.0,
                crate::store::MAX_SCAN_BYTES / 1_048_576
            ),
            Rejection::ScanNotImage { file_name } => write!(
                f,
                "「{file_name}」不是 PDF、JPG 或 PNG 文件（按文件内容判断），请选择签章后的扫描件或照片。"
            ),
            Rejection::PlatformCannotBeFiled { name, why } => write!(f, "「{name}」{why}"),
            Rejection::ChangeAlreadyReported => f.write_str("该变更已报送，无需再次标记。"),
            Rejection::CurrentPasswordWrong => {
                f.write_str("当前密码不正确，请重新输入；如忘记密码，请系统管理员重设。")
            }
            Rejection::OverrideNotNeeded(state) => {
                write!(f, "该信息当前为「{}」，无需放行。", state.label())
            }
        }
    }
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Conflict::UnitNameTaken(name) => {
                write!(f, "已有名为「{name}」的单位，请换一个名称。")
            }
            Conflict::KindNameTaken(name) => write!(f, "列表中已有「{name}」。"),
            Conflict::LoginTaken(login) => write!(f, "登录名「{login}」已被占用，请换一个。"),
            Conflict::PersonHasAccount(other) => {
                write!(f, "该人员已有账号「{other}」，一人只能有一个账号。")
            }
            Conflict::UnitNotEmpty => f.write_str(
                "该单位下还有平台或人员，不能删除。请先把它们移到其他单位。",
            ),
            Conflict::KindInUse => f.write_str("还有平台属于这一类型，不能删除。"),
            Conflict::PersonInUse => f.write_str(
                "该人员有账号或撰写、审核过信息，不能删除（记录须保留）。可停用其账号，或取消其角色。",
            ),
            Conflict::ReferenceGone(what) => {
                write!(f, "所选{what}不存在（可能刚被删除），请重新选择。")
            }
        }
    }
}

impl fmt::Display for AttachmentRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AttachmentRefusal::TooLarge { name, bytes } => write!(
                f,
                "附件「{name}」有 {} MB，超过 {} MB 的上限。请压缩或改为在平台上直接上传。",
                bytes / (1024 * 1024),
                crate::store::MAX_ATTACHMENT_BYTES / (1024 * 1024)
            ),
            AttachmentRefusal::Refused { name, reasons } => {
                write!(f, "附件「{name}」不能上传：{}", reasons.join("；"))
            }
            AttachmentRefusal::TextBlocks { name } => write!(
                f,
                "附件「{name}」的文字中有须处理的内容（例如身份证号或禁止发布的内容），请修改附件后再上传。"
            ),
        }
    }
}

impl fmt::Display for Entity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Entity::Unit => "单位",
            Entity::Person => "人员",
            Entity::Platform => "平台",
            Entity::PlatformKind => "平台类型",
            Entity::UnitOrKind => "单位或平台类型",
            Entity::Filing => "备案记录",
            Entity::Scan => "扫描件",
            Entity::Change => "变更记录",
            Entity::Post => "信息",
            Entity::Attachment => "附件",
            Entity::Account => "账号",
            Entity::WordList => "词表",
            Entity::Incident => "安全事件记录",
            Entity::Notice => "督查通知",
            Entity::TrainingSession => "培训记录",
        })
    }
}

impl ChangeState {
    pub fn label(self) -> &'static str {
        match self {
            ChangeState::Pending => "待报送",
            ChangeState::Reported => "已报送",
        }
    }
}

/// A database file damaged after it was opened (a truncated copy, a failing disk).
pub const DAMAGED_DATABASE: &str = "数据库文件已损坏（可能被截断或磁盘出错），程序没有写入任何内容。请用自动备份恢复：窗口中「设置 → 数据库」选一份备份点「恢复…」，或运行 mediadesk backups list 查看、mediadesk restore 备份文件 --as admin 恢复；备份在数据库旁的 backups 文件夹。恢复前请先把损坏的文件另存一份交给管理员。";
