//! The messages of supervision's refusals: notices, incidents, updates, the CSV import,
//! settings and training (the `Display` of `domain::supervision`'s error types).

use super::*;
fn date_field(f: IncidentTimeField) -> &'static str {
    match f {
        IncidentTimeField::Found => "发现时间",
        IncidentTimeField::Reported => "报告时间",
        IncidentTimeField::Closed => "关闭时间",
    }
}

fn text_field(f: IncidentTextField) -> &'static str {
    match f {
        IncidentTextField::FoundBy => "发现人",
        IncidentTextField::Description => "事件经过",
        IncidentTextField::Actions => "已采取措施",
    }
}

fn setting_field(f: SettingField) -> &'static str {
    match f {
        SettingField::Silence => "未更新多久应发整改通知",
        SettingField::AfterRectification => "整改通知后多久应公开通报",
        SettingField::AfterPublicNotice => "公开通报后多久应关停",
        SettingField::PartyBuildingInterval => "党建专栏更新周期",
        SettingField::TrainingInterval => "培训周期",
        SettingField::VerificationWarningDays => "认证到期提前提醒天数",
        SettingField::LookaheadDays => "待办提前显示天数",
    }
}

impl fmt::Display for NoticeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::PlatformInactive(status) => write!(
                f,
                "该平台已{}，不能再发出整改通知、通报或关停决定。",
                status.label()
            ),
            Self::InFuture(on) => write!(f, "发文日期 {on} 晚于今天，请填写实际发文的日期。"),
            Self::BeforeCreation { on, created_on } => write!(
                f,
                "发文日期 {on} 早于该平台的创建时间（{created_on}），请检查发文日期。"
            ),
            Self::UpdatedSince { on, last_update } => write!(
                f,
                "该平台在 {last_update} 有更新，{on} 时并未长期未更新，不应发出此通知（第六条四）。如更新记录有误，请先更正更新记录。"
            ),
            Self::MissingStep { kind, needed } => write!(
                f,
                "发出{}前须先发出{}（第六条四）。本轮未更新期间没有早于该日期的{}记录，请先登记{}。",
                notice_kind(kind),
                notice_kind(needed),
                notice_kind(needed),
                notice_document(needed)
            ),
            Self::AlreadyReached { kind, reached } if reached.kind == kind => write!(
                f,
                "本轮未更新期间已于 {} 发出{}，无需重复发出。",
                reached.issued_on,
                notice_kind(kind)
            ),
            Self::AlreadyReached { kind, reached } => write!(
                f,
                "本轮未更新期间已于 {} 发出{}，不能再补发{}。",
                reached.issued_on,
                notice_kind(reached.kind),
                notice_kind(kind)
            ),
        }
    }
}

impl fmt::Display for IncidentProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::MissingDescription => f.write_str("请填写事件经过：发现了什么、涉及哪些内容或账号。"),
            Self::TextTooLong(field) => write!(
                f,
                "「{}」过长，请控制在 {} 字以内，详细材料可作为附件另行报送。",
                text_field(field),
                crate::domain::supervision::incident::MAX_INCIDENT_TEXT_CHARS
            ),
            Self::InFuture(field) => write!(f, "「{}」晚于现在，请填写实际的时间。", date_field(field)),
            Self::ReportedBeforeFound => f.write_str("「报告时间」早于「发现时间」，请检查两个时间。"),
            Self::ClosedBeforeFound => f.write_str("「关闭时间」早于「发现时间」，请检查两个时间。"),
            Self::ReportedToNobody => f.write_str(
                "填写了报告时间，但没有勾选报告对象。请勾选已报告的部门（第八条一：学校办公室（新闻中心）、党委宣传部和信息技术管理中心）。",
            ),
            Self::RecipientsWithoutTime => f.write_str("勾选了报告对象，但没有填写报告时间，请补填。"),
            Self::ClosedUnreported => f.write_str(
                "事件尚未报告，不能关闭。请先填写报告对象和报告时间（第八条一：应立即报告）。",
            ),
            Self::ClosedWithoutActions => f.write_str("关闭事件前请填写已采取的处置措施。"),
        }
    }
}

impl fmt::Display for UpdateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::InFuture(on) => write!(f, "日期 {on} 晚于今天，请填写实际发布的日期。"),
            Self::BeforeCreation { on, created_on } => write!(
                f,
                "日期 {on} 早于该平台的创建时间（{created_on}），请检查日期，或先更正平台的创建时间。"
            ),
            Self::MissingTitle => f.write_str("请填写文章标题。"),
            Self::TitleTooLong => write!(
                f,
                "标题过长，请控制在 {} 个字以内。",
                crate::domain::post::MAX_TITLE_CHARS
            ),
            Self::TitleHasLineBreak => f.write_str("标题不能换行，请写成一行。"),
            Self::BadLink => f.write_str(
                "链接应是以 http:// 或 https:// 开头、不含空格的网址（如 https://mp.weixin.qq.com/s/…）；没有链接可留空。",
            ),
        }
    }
}

impl fmt::Display for CsvProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.row > 0 {
            write!(f, "第 {} 行：", self.row)?;
        }
        match &self.kind {
            CsvProblemKind::Empty => f.write_str("文件中没有数据行。每行应为：日期,标题,链接。"),
            CsvProblemKind::Utf16 => f.write_str(
                "文件是 Unicode 文本（UTF-16），不是 CSV。请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”后重新导入。",
            ),
            CsvProblemKind::NotText => f.write_str(
                "无法识别文件的编码（既不是 UTF-8 也不是 GBK）。请在 Excel 中“另存为”“CSV UTF-8（逗号分隔）”后重新导入。",
            ),
            CsvProblemKind::Unreadable(reason) => write!(
                f,
                "文件格式有误，无法读取（{reason}）。常见原因是单元格里的引号没有成对出现。"
            ),
            CsvProblemKind::BadHeader { unknown } if unknown.is_empty() => f.write_str(
                "表头缺少必需的列。表头应为：日期,标题,链接（链接列可省略）。",
            ),
            CsvProblemKind::BadHeader { unknown } => write!(
                f,
                "表头中有无法识别的列「{}」。表头应为：日期,标题,链接（链接列可省略），请删除多余的列。",
                unknown.join("」「")
            ),
            CsvProblemKind::DuplicateHeader(name) => {
                write!(f, "表头中「{name}」出现了两次，请删除重复的列。")
            }
            CsvProblemKind::WrongColumns { found, expected } => write!(
                f,
                "有 {found} 列，应为 {expected} 列（日期,标题,链接）。标题中含逗号时，请用英文双引号把标题括起来。"
            ),
            CsvProblemKind::BadDate(text) if text.is_empty() => {
                f.write_str("缺少日期。日期可写作 2026-11-05、2026/11/5 或 2026年11月5日。")
            }
            CsvProblemKind::BadDate(text) => write!(
                f,
                "「{text}」不是有效的日期。日期可写作 2026-11-05、2026/11/5 或 2026年11月5日。"
            ),
            CsvProblemKind::MixedDateStyle { found, expected } => write!(
                f,
                "日期写作「{}」的格式，与文件中大多数日期（如「{}」）不一致。请统一日期格式后重新导入。",
                date_style(*found),
                date_style(*expected)
            ),
            CsvProblemKind::Duplicate { first_row } => write!(
                f,
                "与第 {first_row} 行重复（日期、标题、链接都相同），请删除其中一行。"
            ),
            CsvProblemKind::Update(problem) => problem.fmt(f),
            CsvProblemKind::TooManyRows => write!(
                f,
                "文件超过 {} 行，请拆分成几个文件分别导入。",
                crate::domain::supervision::history_csv::MAX_ROWS
            ),
        }
    }
}

impl fmt::Display for CsvImportError {
    /// The summary line, then each problem on its own line; nothing was imported.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.problems.len() + self.more;
        write!(
            f,
            "没有导入任何记录：文件中有 {total} 处问题，请修改后重新导入。"
        )?;
        for problem in &self.problems {
            write!(f, "\n{problem}")?;
        }
        if self.more > 0 {
            write!(f, "\n……另有 {} 处问题未列出。", self.more)?;
        }
        Ok(())
    }
}

impl fmt::Display for SettingsProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::BadPeriod(field) => {
                write!(f, "「{}」应在 1 天到 10 年之间。", setting_field(field))
            }
            Self::BadMonth(month) => {
                write!(f, "年审月份 {month} 无效，请填写 1 到 12 之间的月份。")
            }
            Self::BadHours(hours) => write!(
                f,
                "安全事件报告时限 {hours} 小时无效，请填写 1 到 8784 之间的小时数（办法要求立即报告，默认 24 小时）。"
            ),
            Self::BadDays(field) => write!(f, "「{}」不能超过 366 天。", setting_field(field)),
        }
    }
}

impl fmt::Display for TrainingProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::MissingTopic => f.write_str("请填写培训主题。"),
            Self::MissingOrganiser => {
                f.write_str("请填写主办部门，例如：学校办公室（新闻中心）、党委宣传部。")
            }
            Self::TooLong => write!(
                f,
                "培训主题或主办部门过长，请控制在 {} 字以内。",
                crate::domain::supervision::training::MAX_TRAINING_TEXT_CHARS
            ),
            Self::AttendanceBeforeSession { held_on } => {
                write!(f, "这次培训在 {held_on} 举行，尚未举办，不能登记参训人员。")
            }
        }
    }
}

fn list<T: fmt::Display>(f: &mut fmt::Formatter<'_>, problems: &[T]) -> fmt::Result {
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            f.write_str("\n")?;
        }
        write!(f, "{p}")?;
    }
    Ok(())
}

impl fmt::Display for crate::store::SupervisionRefusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::store::SupervisionRefusal::*;
        match self {
            Update(problems) => {
                f.write_str("更新记录未保存：")?;
                list(f, problems)
            }
            History(e) => write!(f, "{e}"),
            Notice(e) => write!(f, "{e}"),
            NoticeNumberMissing => {
                f.write_str("请填写文号（如「校宣〔2026〕12号」），以便通知书打印和查档。")
            }
            Incident(problems) => {
                f.write_str("安全事件未保存：")?;
                list(f, problems)
            }
            Training(problems) => {
                f.write_str("培训记录未保存：")?;
                list(f, problems)
            }
            Settings(problems) => {
                f.write_str("督查设置未保存：")?;
                list(f, problems)
            }
        }
    }
}
