//! The Chinese working-day calendar (State Council holiday notices, 调休 included) and the
//! working-day deadlines counted on it. The Chinese for all of it (day kinds, deadlines,
//! refusals of a holiday file) is in `text::calendar`.
//!
//! - [`day_kind`]: what a date is (工作日 / 周末 / 法定节假日 / 调休上班).
//! - [`schedule`]: one year's published arrangement and its validation.
//! - [`editing`]: a year edited day by day in the window (休/班/普通) and its notice number.
//! - [`import`]: reading a year file (own format or holiday-cn), refusals with line numbers.
//! - [`work_calendar`]: the calendar itself; unknown years are errors, never guesses.
//! - [`deadline`]: 第四条 deadlines in working days and where today stands against them.
//! - `bundled`: the 2020–2026 files embedded from `assets/calendar/`.

mod bundled;
pub mod day_kind;
pub mod deadline;
pub mod editing;
pub mod import;
pub mod schedule;
pub mod work_calendar;

#[cfg(test)]
mod bundled_tests;

pub use day_kind::DayKind;
pub use deadline::{DeadlineStatus, FILING_WORKING_DAYS, deadline_after, filing_deadline};
pub use editing::{DayMark, NoticeProblem, YearDraft, check_notice_number};
pub use import::{CalendarFileError, FileProblem, JsonFault, parse_year_file};
pub use schedule::{NamedDates, ScheduleProblem, YearSchedule};
pub use work_calendar::{CalendarError, UnknownYear, WorkCalendar};
