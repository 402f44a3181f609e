//! Wording of the working-day calendar (第四条一): what kind of day a date is, where today
//! stands against a deadline, and why a holiday file or schedule is refused.

use std::fmt;

use chrono::Weekday;

use crate::domain::calendar::schedule::CARRY_OVER_FROM_DECEMBER_DAY;
use crate::domain::calendar::{
    CalendarError, CalendarFileError, DayKind, DeadlineStatus, FileProblem, JsonFault,
    ScheduleProblem, UnknownYear,
};

impl DayKind {
    /// The short Chinese label shown in the calendar view and on printed forms.
    #[must_use]
    pub fn label(&self) -> &'static str {
        match self {
            Self::Workday => "工作日",
            Self::Weekend => "周末",
            Self::Holiday { .. } => "法定节假日",
            Self::MakeupWorkday { .. } => "调休上班",
        }
    }
}

impl fmt::Display for DayKind {
    /// The label, with the festival in brackets when there is one: 「调休上班（国庆节）」.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.festival() {
            Some(name) => write!(f, "{}（{name}）", self.label()),
            None => f.write_str(self.label()),
        }
    }
}

impl fmt::Display for DeadlineStatus {
    /// The wording shown next to a deadline: 「还剩 3 个工作日（5 天）」, 「今天到期」,
    /// 「已逾期 2 个工作日（4 天）」.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Pending {
                working_days_left,
                calendar_days_left,
            } => write!(
                f,
                "还剩 {working_days_left} 个工作日（{calendar_days_left} 天）"
            ),
            Self::DueToday => f.write_str("今天到期"),
            Self::Overdue {
                working_days,
                calendar_days,
            } => write!(f, "已逾期 {working_days} 个工作日（{calendar_days} 天）"),
        }
    }
}

/// The Chinese name of a day of the week, for messages: 「星期五」.
pub fn weekday_name(weekday: Weekday) -> &'static str {
    match weekday {
        Weekday::Mon => "星期一",
        Weekday::Tue => "星期二",
        Weekday::Wed => "星期三",
        Weekday::Thu => "星期四",
        Weekday::Fri => "星期五",
        Weekday::Sat => "星期六",
        Weekday::Sun => "星期日",
    }
}

impl fmt::Display for UnknownYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let year = self.0;
        write!(
            f,
            "缺少 {year} 年的节假日安排，无法按工作日计算。请导入该年的国务院节假日通知数据（如 holiday-cn 的 {year}.json）"
        )
    }
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Bundled { file, source } => {
                write!(
                    f,
                    "内置节假日数据 {file} 有误（{source}），请重新安装 MediaDesk"
                )
            }
            Self::Invalid { year, problem } => write!(f, "{year} 年的节假日安排有误：{problem}"),
            Self::Conflict {
                date,
                first,
                second,
            } => write!(
                f,
                "{date} 在 {first} 年和 {second} 年的安排里说法不一（一处放假、一处上班），请对照两年的通知核对后重新导入"
            ),
        }
    }
}

impl fmt::Display for ScheduleProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty { year } => write!(
                f,
                "{year} 年的安排里没有任何放假或调休上班日期；该年的通知若尚未发布，请不要导入空文件"
            ),
            Self::BlankName { date } => write!(
                f,
                "日期 {date} 所属的节日名称为空，请填写通知中的节日名称（如「春节」）"
            ),
            Self::OutsideYear { date, year } => write!(
                f,
                "日期 {date} 不属于 {year} 年；一个年份只能写该年通知中的日期（元旦假期可从上一年 12 月 {CARRY_OVER_FROM_DECEMBER_DAY} 日起）"
            ),
            Self::Duplicate { date } => write!(f, "日期 {date} 重复出现，请删除多余的一处"),
            Self::HolidayAndWorkday { date } => write!(
                f,
                "日期 {date} 同时写成了放假日和调休上班日，请对照通知只保留一种"
            ),
            Self::MakeupNotOnWeekend { date, weekday } => write!(
                f,
                "调休上班日 {date} 是{}，不是周末；调休上班日只能是星期六或星期日，请对照通知核对日期",
                weekday_name(*weekday)
            ),
        }
    }
}

impl fmt::Display for CalendarFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "节假日文件第 {} 行：{}", self.line, self.problem)
    }
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Json { fault, detail } => {
                let what = match fault {
                    JsonFault::Incomplete => "文件不完整，在这里提前结束了",
                    JsonFault::Syntax => "JSON 语法错误",
                    JsonFault::Content => "内容不符合节假日文件的要求",
                };
                write!(
                    f,
                    "{what}（{detail}）。请用文本编辑器检查该处的括号、逗号、引号和字段名"
                )
            }
            Self::UnknownFormat => f.write_str(
                "看不出文件格式：应为 MediaDesk 节假日文件（含 \"year\" 和 \"holidays\"）或 holiday-cn 数据文件（含 \"year\" 和 \"days\"）",
            ),
            Self::BadDate(written) => write!(
                f,
                "「{written}」不是有效日期，日期应写成 2024-10-01 这样的形式，且须是真实存在的日子"
            ),
            Self::RepeatedYear(year) => {
                write!(f, "{year} 年在文件里出现了不止一次，请每年只保留一份")
            }
            Self::Schedule(problem) => write!(f, "{problem}"),
        }
    }
}

impl fmt::Display for crate::domain::calendar::NoticeProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::domain::calendar::NoticeProblem;
        match self {
            NoticeProblem::Blank => f.write_str(
                "请填写国务院办公厅通知文号，例如「国办发明电〔2025〕7号」，以便日后核对。",
            ),
            NoticeProblem::Malformed => {
                f.write_str("通知文号应含方括号中的年份和序号，例如「国办发明电〔2025〕7号」。")
            }
            NoticeProblem::WrongYear { found, year } => write!(
                f,
                "通知文号中的年份是 {found} 年，但这是 {year} 年的安排：{year} 年的通知应在 {} 年或 {year} 年发布，请核对文号。",
                year - 1
            ),
        }
    }
}
