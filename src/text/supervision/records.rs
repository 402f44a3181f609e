//! What supervision writes into the history and prints on the command line.

use super::*;

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

/// One notice with the number `print notice --notice` takes:
/// 「3　2026-09-01　整改通知书　校宣〔2026〕12号　宋文博（songwenbo）」.
pub fn notice_line(
    id: i64,
    kind: NoticeKind,
    on: NaiveDate,
    document_no: &str,
    by: &str,
) -> String {
    format!("{id}　{on}　{}　{document_no}　{by}", notice_document(kind))
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
