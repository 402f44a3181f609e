//! Wording of supervision (督查): the ladder's rungs and notices, the due list, incidents,
//! training, hand-recorded updates and the CSV import, and every message of their errors
//! (the `Display` of `domain::supervision`'s error types lives here).

use std::fmt;

use chrono::NaiveDate;

use crate::domain::supervision::{
    Article, CsvImportError, CsvProblem, CsvProblemKind, DateStyle, DueItem, DueKind, IncidentKind,
    IncidentProblem, Light, NoticeError, NoticeKind, NoticeTiming, Office, Period, Rung,
    SettingField, SettingsProblem, TrainingProblem, UpdateProblem, Urgency,
    incident::{IncidentTextField, IncidentTimeField},
};

pub const NAV_SUPERVISION: &str = "督查";

/// 「2个月」, 「14天」.
pub fn period(p: Period) -> String {
    match p {
        Period::Months(n) => format!("{n}个月"),
        Period::Days(n) => format!("{n}天"),
    }
}

/// The article as the window cites it: 「第六条四」.
pub fn article(a: Article) -> &'static str {
    match a {
        Article::Filing => "第四条一",
        Article::ChangeReport => "第四条二",
        Article::Training => "第五条",
        Article::PartyBuilding => "第六条二",
        Article::Inactivity => "第六条四",
        Article::SecurityIncident => "第八条一",
        Article::BadContent => "第八条二",
        Article::AnnualReview => "附件（年审）",
    }
}

/// The article as a printed document cites it: 「第六条第四款」.
pub fn article_formal(a: Article) -> &'static str {
    match a {
        Article::Filing => "第四条第一款",
        Article::ChangeReport => "第四条第二款",
        Article::Training => "第五条",
        Article::PartyBuilding => "第六条第二款",
        Article::Inactivity => "第六条第四款",
        Article::SecurityIncident => "第八条第一款",
        Article::BadContent => "第八条第二款",
        Article::AnnualReview => "附件",
    }
}

/// The notice as an act: 「整改通知」.
pub fn notice_kind(k: NoticeKind) -> &'static str {
    match k {
        NoticeKind::Rectification => "整改通知",
        NoticeKind::PublicNotice => "公开通报",
        NoticeKind::ShutdownDecision => "关停决定",
    }
}

/// The notice as a document: 「整改通知书」.
pub fn notice_document(k: NoticeKind) -> &'static str {
    match k {
        NoticeKind::Rectification => "整改通知书",
        NoticeKind::PublicNotice => "通报",
        NoticeKind::ShutdownDecision => "关停决定",
    }
}

pub fn rung(r: Rung) -> &'static str {
    match r {
        Rung::Normal => "正常",
        Rung::RectificationDue => "应发整改通知",
        Rung::Rectifying => "整改期内",
        Rung::PublicNoticeDue => "应公开通报",
        Rung::PubliclyNotified => "通报期内",
        Rung::ShutdownDue => "应关停",
        Rung::ShutDown => "已决定关停",
    }
}

pub fn notice_timing(t: NoticeTiming) -> String {
    match t {
        NoticeTiming::OnTime => "按期发出".to_owned(),
        NoticeTiming::Early { due_on } => {
            format!("提前发出：按第六条四，{due_on} 起才应发出。确定现在发出吗？")
        }
        NoticeTiming::Late { due_on } => {
            format!("迟于应发日期（{due_on}）；下一步仍从实际发文日期起算。")
        }
    }
}

pub fn urgency(u: Urgency) -> &'static str {
    match u {
        Urgency::Overdue => "已逾期",
        Urgency::DueToday => "今天到期",
        Urgency::Upcoming => "即将到期",
        Urgency::Undated => "未定期限",
    }
}

pub fn light(l: Light) -> &'static str {
    match l {
        Light::Red => "红",
        Light::Amber => "黄",
        Light::Green => "绿",
    }
}

/// What the light means, for its tooltip.
pub fn light_meaning(l: Light) -> &'static str {
    match l {
        Light::Red => "有已到期或逾期的事项，需立即处理",
        Light::Amber => "有需要关注或即将到期的事项",
        Light::Green => "没有待办事项",
    }
}

pub fn incident_kind(k: IncidentKind) -> &'static str {
    match k {
        IncidentKind::AccountStolen => "账号被盗用",
        IncidentKind::IllegalUse => "非法使用",
        IncidentKind::Vulnerability => "安全漏洞",
        IncidentKind::BadContent => "不良信息",
    }
}

pub fn office(o: Office) -> &'static str {
    match o {
        Office::NewsCenter => "学校办公室（新闻中心）",
        Office::PropagandaDept => "党委宣传部",
        Office::ItCenter => "信息技术管理中心",
    }
}

/// 「学校办公室（新闻中心）、党委宣传部」.
pub fn offices(list: &[Office]) -> String {
    list.iter()
        .map(|o| office(*o))
        .collect::<Vec<_>>()
        .join("、")
}

/// How a date style looks, as an example.
pub fn date_style(s: DateStyle) -> &'static str {
    match s {
        DateStyle::Dashed => "2026-11-05",
        DateStyle::Slashed => "2026/11/5",
        DateStyle::Chinese => "2026年11月5日",
    }
}

/// What the due list calls an item: the kind, worded by how soon it is.
pub fn due_label(item: &DueItem) -> &'static str {
    let due = matches!(item.urgency, Urgency::Overdue | Urgency::DueToday);
    match (item.kind, due) {
        (DueKind::RectificationNotice, true) => "应发整改通知",
        (DueKind::RectificationNotice, false) => "即将超期未更新",
        (DueKind::PublicNotice, true) => "应公开通报",
        (DueKind::PublicNotice, false) => "整改期内，逾期将公开通报",
        (DueKind::ShutdownDecision, true) => "应关停",
        (DueKind::ShutdownDecision, false) => "通报期内，逾期将关停",
        (DueKind::IncidentUnreported, _) => "安全事件未报告",
        (DueKind::IncidentReportedLate, _) => "安全事件迟报",
        (DueKind::IncidentOpen, _) => "安全事件处置中",
        (DueKind::Filing, true) => "逾期未备案",
        (DueKind::Filing, false) => "待备案",
        (DueKind::ChangeReport, true) => "变更逾期未报",
        (DueKind::ChangeReport, false) => "变更待报",
        (DueKind::PartyColumnMissing, _) => "未设党建专栏",
        (DueKind::PartyPosts, true) => "党建专栏未按期更新",
        (DueKind::PartyPosts, false) => "党建专栏临近更新期限",
        (DueKind::Training, true) if item.since.is_none() => "从未参加培训",
        (DueKind::Training, true) => "培训已超期",
        (DueKind::Training, false) => "培训即将到期",
        (DueKind::AnnualReview, true) if item.urgency == Urgency::Overdue => "年审逾期未报",
        (DueKind::AnnualReview, _) => "年审期间，待报年审",
        (DueKind::Verification, true) if item.urgency == Urgency::Overdue => "认证已过期",
        (DueKind::Verification, _) => "认证即将到期",
    }
}

/// What to do about an item, in one sentence.
pub fn due_hint(kind: DueKind) -> &'static str {
    match kind {
        DueKind::RectificationNotice => {
            "请向平台所属单位发出整改通知书；单位更新平台内容即可结束本轮。"
        }
        DueKind::PublicNotice => "整改通知发出已满期限仍未更新：请予以公开通报。",
        DueKind::ShutdownDecision => {
            "公开通报后已满期限仍未更新：请会同信息技术管理中心作出关停决定。"
        }
        DueKind::IncidentUnreported => {
            "请立即报告学校办公室（新闻中心）、党委宣传部和信息技术管理中心。"
        }
        DueKind::IncidentReportedLate => "报告时间超过发现后的时限；请尽快处置并关闭事件。",
        DueKind::IncidentOpen => "已按时报告；处置完毕后请填写处置措施并关闭事件。",
        DueKind::Filing => "请打印备案表，签字盖章后报学校办公室（新闻中心）、党委宣传部。",
        DueKind::ChangeReport => "请打印信息变更报告，书面报学校办公室（新闻中心）、党委宣传部。",
        DueKind::PartyColumnMissing => {
            "请设置党建专栏，定期推出党的理论知识、方针政策、党员模范事迹等内容。"
        }
        DueKind::PartyPosts => "请在党建专栏发布新内容。",
        DueKind::Training => "请安排其参加学校组织的网络平台管理培训。",
        DueKind::AnnualReview => "请填写备案表（年审），签字盖章后报送。",
        DueKind::Verification => "请及时续期认证；如不再认证，请按信息变更书面报备。",
    }
}

/// One line of `mediadesk supervise`: light, what, whom, since, due, article.
pub fn due_line(item: &DueItem, today: NaiveDate) -> String {
    let mut whom = item.unit.name.clone();
    if let Some(p) = &item.platform {
        whom.push_str(&format!(" · {}「{}」", p.kind_name, p.name));
    }
    if let Some(p) = &item.person {
        whom.push_str(&format!(" · {}", p.name));
    }
    let since = item.since.map_or_else(|| "—".to_owned(), |d| d.to_string());
    let due = match (item.due_on, item.calendar_missing) {
        (_, Some(year)) => format!("缺少 {year} 年节假日安排"),
        (None, None) => "—".to_owned(),
        (Some(d), None) if item.urgency == Urgency::Overdue => {
            format!("{d}（逾期 {} 天）", item.days_overdue(today))
        }
        (Some(d), None) => d.to_string(),
    };
    format!(
        "[{}] {}　{}　起算 {}　期限 {}　（{}）",
        light(item.light()),
        due_label(item),
        whom,
        since,
        due,
        article(item.article)
    )
}

/// The dashboard's count line for a unit.
pub fn unit_counts(red: usize, amber: usize) -> String {
    match (red, amber) {
        (0, 0) => "无待办".to_owned(),
        (r, 0) => format!("{r} 项需立即处理"),
        (0, a) => format!("{a} 项需关注"),
        (r, a) => format!("{r} 项需立即处理，{a} 项需关注"),
    }
}

pub fn silent_days(days: i64, never_updated: bool) -> String {
    if never_updated {
        format!("开设以来未更新（{days} 天）")
    } else {
        format!("{days} 天未更新")
    }
}

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

/// The history line of a notice: 「发出整改通知书（校宣〔2026〕12号）」, with its timing.
pub fn notice_summary(kind: NoticeKind, document_no: &str, timing: NoticeTiming) -> String {
    let when = match timing {
        NoticeTiming::OnTime => String::new(),
        NoticeTiming::Early { due_on } => format!("，早于按规定应发的 {due_on}"),
        NoticeTiming::Late { due_on } => format!("，按规定 {due_on} 起即应发出"),
    };
    format!("发出{}（{document_no}）{when}", notice_document(kind))
}

/// The history line of an incident: 「账号被盗用：公众号后台出现陌生登录…」 and where it stands.
pub fn incident_summary(draft: &crate::domain::supervision::IncidentDraft) -> String {
    let description: String = draft.description.trim().chars().take(60).collect();
    let state = match (draft.reported_at, draft.closed_at) {
        (_, Some(closed)) => format!("，{} 已处置完毕", closed.format("%Y-%m-%d %H:%M")),
        (Some(reported), None) => format!(
            "，{} 已报告{}",
            reported.format("%Y-%m-%d %H:%M"),
            offices(&draft.reported_to)
        ),
        (None, None) => "，尚未报告".to_owned(),
    };
    format!("{}：{description}{state}", incident_kind(draft.kind))
}

/// The audit note of a training session.
pub fn training_note(
    draft: &crate::domain::supervision::TrainingSessionDraft,
    attendees: usize,
) -> String {
    format!(
        "{} {}（{}），参训 {attendees} 人",
        draft.held_on,
        draft.topic.trim(),
        draft.organiser.trim()
    )
}

/// The audit note of a history import.
pub fn history_imported(added: usize, already_recorded: usize) -> String {
    if already_recorded == 0 {
        format!("导入发布记录 {added} 条")
    } else {
        format!("导入发布记录 {added} 条，{already_recorded} 条此前已登记，已跳过")
    }
}

/// The audit note of the party-building column flag.
pub fn party_column_note(has: bool) -> &'static str {
    if has {
        "已开设党建专栏"
    } else {
        "未开设党建专栏"
    }
}

// The command line's lines (`mediadesk supervise|updates|notices|incidents|training`).

/// The first line of `mediadesk supervise`.
pub fn due_header(today: NaiveDate, count: usize) -> String {
    if count == 0 {
        format!("{today}：没有待办事项。")
    } else {
        format!("{today}：共 {count} 项待办，按紧急程度排列：")
    }
}

pub fn update_added(id: i64) -> String {
    format!("已登记更新（编号 {id}）。")
}

/// One recorded update: 「2026-11-20　学院召开教学工作会议　https://…」.
pub fn update_line(on: NaiveDate, title: &str, link: &str, party_building: bool) -> String {
    let party = if party_building { "　[党建]" } else { "" };
    format!("{on}　{title}　{link}{party}")
}

/// One notice: 「2026-09-01　整改通知书　校宣〔2026〕12号　宋文博（songwenbo）」.
pub fn notice_line(kind: NoticeKind, on: NaiveDate, document_no: &str, by: &str) -> String {
    format!("{on}　{}　{document_no}　{by}", notice_document(kind))
}

pub fn incident_added(id: i64, draft: &crate::domain::supervision::IncidentDraft) -> String {
    format!("已登记安全事件（编号 {id}）：{}", incident_summary(draft))
}

pub fn incident_line(id: i64, draft: &crate::domain::supervision::IncidentDraft) -> String {
    format!(
        "#{id}　{}　{}",
        draft.found_at.format("%Y-%m-%d %H:%M"),
        incident_summary(draft)
    )
}

pub fn training_added(id: i64, attendees: usize) -> String {
    format!("已登记培训（编号 {id}），参训 {attendees} 人。")
}

/// A date and time that cannot be read.
pub fn bad_moment(s: &str) -> String {
    format!("无法识别时间「{s}」，请写成「2026-11-20 09:30」的形式。")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::platform::PlatformStatus;
    use crate::domain::supervision::IssuedNotice;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn notice_errors_say_what_and_how_to_fix() {
        let cases = [
            (
                NoticeError::PlatformInactive(PlatformStatus::ShutDown),
                "该平台已关停，不能再发出整改通知、通报或关停决定。",
            ),
            (
                NoticeError::MissingStep {
                    kind: NoticeKind::PublicNotice,
                    needed: NoticeKind::Rectification,
                },
                "发出公开通报前须先发出整改通知（第六条四）。本轮未更新期间没有早于该日期的整改通知记录，请先登记整改通知书。",
            ),
            (
                NoticeError::AlreadyReached {
                    kind: NoticeKind::Rectification,
                    reached: IssuedNotice {
                        kind: NoticeKind::Rectification,
                        issued_on: d("2026-11-11"),
                    },
                },
                "本轮未更新期间已于 2026-11-11 发出整改通知，无需重复发出。",
            ),
            (
                NoticeError::AlreadyReached {
                    kind: NoticeKind::Rectification,
                    reached: IssuedNotice {
                        kind: NoticeKind::PublicNotice,
                        issued_on: d("2026-12-12"),
                    },
                },
                "本轮未更新期间已于 2026-12-12 发出公开通报，不能再补发整改通知。",
            ),
        ];
        for (error, text) in cases {
            assert_eq!(error.to_string(), text);
        }
    }

    #[test]
    fn csv_errors_list_every_row() {
        let error = CsvImportError {
            problems: vec![
                CsvProblem {
                    row: 3,
                    kind: CsvProblemKind::WrongColumns {
                        found: 2,
                        expected: 3,
                    },
                },
                CsvProblem {
                    row: 5,
                    kind: CsvProblemKind::MixedDateStyle {
                        found: DateStyle::Slashed,
                        expected: DateStyle::Dashed,
                    },
                },
                CsvProblem {
                    row: 7,
                    kind: CsvProblemKind::Update(UpdateProblem::InFuture(d("2026-11-27"))),
                },
            ],
            more: 4,
        };
        let text = error.to_string();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "没有导入任何记录：文件中有 7 处问题，请修改后重新导入。"
        );
        assert!(lines[1].starts_with("第 3 行：有 2 列，应为 3 列"));
        assert!(lines[2].contains("第 5 行：日期写作「2026/11/5」的格式"));
        assert_eq!(
            lines[3],
            "第 7 行：日期 2026-11-27 晚于今天，请填写实际发布的日期。"
        );
        assert_eq!(lines[4], "……另有 4 处问题未列出。");
        assert_eq!(
            CsvProblem {
                row: 0,
                kind: CsvProblemKind::Empty
            }
            .to_string(),
            "文件中没有数据行。每行应为：日期,标题,链接。"
        );
    }

    #[test]
    fn every_message_is_chinese_and_ends_properly() {
        let messages: Vec<String> = [
            IncidentProblem::MissingDescription,
            IncidentProblem::TextTooLong(IncidentTextField::Actions),
            IncidentProblem::InFuture(IncidentTimeField::Reported),
            IncidentProblem::ReportedBeforeFound,
            IncidentProblem::ClosedBeforeFound,
            IncidentProblem::ReportedToNobody,
            IncidentProblem::RecipientsWithoutTime,
            IncidentProblem::ClosedUnreported,
            IncidentProblem::ClosedWithoutActions,
        ]
        .iter()
        .map(ToString::to_string)
        .chain(
            [
                SettingsProblem::BadPeriod(SettingField::Silence),
                SettingsProblem::BadMonth(13),
                SettingsProblem::BadHours(0),
                SettingsProblem::BadDays(SettingField::LookaheadDays),
            ]
            .iter()
            .map(ToString::to_string),
        )
        .chain(
            [
                TrainingProblem::MissingTopic,
                TrainingProblem::MissingOrganiser,
                TrainingProblem::TooLong,
                TrainingProblem::AttendanceBeforeSession {
                    held_on: d("2026-12-01"),
                },
            ]
            .iter()
            .map(ToString::to_string),
        )
        .collect();
        for m in messages {
            assert!(m.ends_with('。'), "{m}");
            assert!(!m.contains("Error") && !m.contains("{"), "{m}");
        }
        assert_eq!(period(Period::Months(2)), "2个月");
        assert_eq!(period(Period::Days(14)), "14天");
        assert_eq!(
            offices(&Office::ALL),
            "学校办公室（新闻中心）、党委宣传部、信息技术管理中心"
        );
        for a in Article::ALL {
            assert!(article(a).starts_with('第') || article(a).starts_with('附'));
        }
    }
}
