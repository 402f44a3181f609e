//! Editing one year's holiday arrangement day by day, as the settings' month grids do: a
//! click cycles a day through 休 (day off) / 班 (make-up working day) / 普通 (the weekday's
//! default), and the result becomes a [`YearSchedule`] saved like an imported file. The
//! notice number (e.g. 国办发明电〔2025〕7号) is entered once per year and checked here.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use thiserror::Error;

use super::schedule::{NamedDates, YearSchedule, is_weekend};

/// How the editor shows a day of the year being edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayMark {
    /// A day off under the notice (休), weekday or weekend.
    Holiday,
    /// A weekend day worked instead (班).
    MakeupWorkday,
    /// Nothing listed: a weekday is worked, a weekend is off (普通).
    Ordinary,
}

impl DayMark {
    /// The mark a click on `date` moves to from this one: 普通 → 休 → 班 → 普通.
    ///
    /// 第四条一 counts working days on the State Council notice, which only ever turns weekend
    /// days into working days, so a weekday skips 班 (普通 ↔ 休): the grid cannot build the
    /// schedule [`YearSchedule::validate`] would refuse as `MakeupNotOnWeekend`.
    #[must_use]
    pub fn next(self, date: NaiveDate) -> Self {
        match self {
            Self::Ordinary => Self::Holiday,
            Self::Holiday if is_weekend(date) => Self::MakeupWorkday,
            Self::Holiday | Self::MakeupWorkday => Self::Ordinary,
        }
    }
}

/// A listed day: off or worked, and the festival it belongs to once known.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Marked {
    is_holiday: bool,
    /// The festival the saved schedule gave it; a day marked in the editor has none yet.
    name: Option<String>,
}

/// One year's arrangement while it is being edited in the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearDraft {
    year: i32,
    /// The notice number as typed.
    pub notice: String,
    marks: BTreeMap<NaiveDate, Marked>,
    /// Sources of the stored schedule after the first (kept as they were).
    other_sources: Vec<String>,
}

/// Why the notice number of an edited year is refused (worded in `text::ui_calendar`).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NoticeProblem {
    /// Nothing typed.
    Blank,
    /// No 〔year〕 followed by a number, e.g. 国办发明电〔2025〕7号.
    Malformed,
    /// The year in brackets is neither the schedule's year nor the year before (when the
    /// notices are published).
    WrongYear {
        /// The year in the brackets.
        found: i32,
        /// The schedule's year.
        year: i32,
    },
}

/// Opening and closing brackets accepted around the notice's year: 〔〕 as printed, and the
/// square brackets people type instead.
const BRACKETS: [(char, char); 3] = [
    ('\u{3014}', '\u{3015}'),
    ('[', ']'),
    ('\u{ff3b}', '\u{ff3d}'),
];

/// Checks a State Council notice number for the schedule of `year`: it must carry the
/// issuing year in brackets (that year or the one before) followed by the notice's number.
pub fn check_notice_number(text: &str, year: i32) -> Result<(), NoticeProblem> {
    let text = text.trim();
    if text.is_empty() {
        return Err(NoticeProblem::Blank);
    }
    let found = BRACKETS
        .iter()
        .find_map(|&(open, close)| bracketed_year(text, open, close))
        .ok_or(NoticeProblem::Malformed)?;
    if found == year || found + 1 == year {
        Ok(())
    } else {
        Err(NoticeProblem::WrongYear { found, year })
    }
}

/// The four-digit year between `open` and `close`, when a number follows the brackets.
fn bracketed_year(text: &str, open: char, close: char) -> Option<i32> {
    let (_, rest) = text.split_once(open)?;
    let (inside, after) = rest.split_once(close)?;
    let inside = inside.trim();
    let numbered = after.trim_start().starts_with(|c: char| c.is_ascii_digit());
    (inside.len() == 4 && inside.chars().all(|c| c.is_ascii_digit()) && numbered)
        .then(|| inside.parse().ok())
        .flatten()
}

/// The notice number inside a source line such as
/// 「国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）」: the text in the
/// last full-width brackets, or the whole line when it has none.
#[must_use]
pub fn notice_in_source(source: &str) -> String {
    let inner = source
        .trim()
        .strip_suffix('\u{ff09}')
        .and_then(|s| s.rsplit_once('\u{ff08}'))
        .map(|(_, number)| number);
    inner.unwrap_or(source.trim()).to_owned()
}

impl YearDraft {
    /// A year with nothing listed yet: weekends off, weekdays worked.
    #[must_use]
    pub fn empty(year: i32) -> Self {
        Self {
            year,
            notice: String::new(),
            marks: BTreeMap::new(),
            other_sources: Vec::new(),
        }
    }

    /// A stored year, ready to edit; its festival names are kept.
    #[must_use]
    pub fn from_schedule(schedule: &YearSchedule) -> Self {
        let mut marks = BTreeMap::new();
        for listing in schedule.listings() {
            marks.entry(listing.date).or_insert(Marked {
                is_holiday: listing.is_holiday,
                name: Some(listing.name.to_owned()),
            });
        }
        let mut sources = schedule.sources.iter();
        Self {
            year: schedule.year,
            notice: sources
                .next()
                .map(|s| notice_in_source(s))
                .unwrap_or_default(),
            marks,
            other_sources: sources.cloned().collect(),
        }
    }

    /// The year being edited.
    #[must_use]
    pub fn year(&self) -> i32 {
        self.year
    }

    /// How `date` is marked.
    #[must_use]
    pub fn mark(&self, date: NaiveDate) -> DayMark {
        match self.marks.get(&date) {
            Some(m) if m.is_holiday => DayMark::Holiday,
            Some(_) => DayMark::MakeupWorkday,
            None => DayMark::Ordinary,
        }
    }

    /// Whether `date` is off in the edited year (a holiday, or a weekend not worked).
    #[must_use]
    pub fn is_off(&self, date: NaiveDate) -> bool {
        match self.mark(date) {
            DayMark::Holiday => true,
            DayMark::MakeupWorkday => false,
            DayMark::Ordinary => is_weekend(date),
        }
    }

    /// Moves `date` to its next mark (see [`DayMark::next`]) and returns it. A date outside
    /// the year is left alone.
    pub fn cycle(&mut self, date: NaiveDate) -> DayMark {
        let current = self.mark(date);
        if date.year() != self.year {
            return current;
        }
        let next = current.next(date);
        match next {
            DayMark::Ordinary => {
                self.marks.remove(&date);
            }
            DayMark::Holiday | DayMark::MakeupWorkday => {
                self.marks.insert(
                    date,
                    Marked {
                        is_holiday: next == DayMark::Holiday,
                        name: None,
                    },
                );
            }
        }
        next
    }

    /// The schedule to save. `source` words the notice line from the number; a day marked
    /// in the editor joins the festival of the nearest named day off, or takes
    /// `festival_for(date)` when there is none.
    pub fn to_schedule(
        &self,
        source: impl FnOnce(&str) -> String,
        festival_for: impl Fn(NaiveDate) -> String,
    ) -> Result<YearSchedule, NoticeProblem> {
        check_notice_number(&self.notice, self.year)?;
        let named: Vec<(NaiveDate, &str)> = self
            .marks
            .iter()
            .filter(|(_, m)| m.is_holiday)
            .filter_map(|(d, m)| m.name.as_deref().map(|n| (*d, n)))
            .collect();
        let name_of = |date: NaiveDate, marked: &Marked| -> String {
            if let Some(name) = &marked.name {
                return name.clone();
            }
            named
                .iter()
                .min_by_key(|(d, _)| (*d - date).num_days().abs())
                .map_or_else(|| festival_for(date), |(_, n)| (*n).to_owned())
        };
        let mut holidays: Vec<NamedDates> = Vec::new();
        let mut makeup_workdays: Vec<NamedDates> = Vec::new();
        for (&date, marked) in &self.marks {
            let name = name_of(date, marked);
            let groups = if marked.is_holiday {
                &mut holidays
            } else {
                &mut makeup_workdays
            };
            match groups.iter_mut().find(|g| g.name == name) {
                Some(group) => group.dates.push(date),
                None => groups.push(NamedDates {
                    name,
                    dates: vec![date],
                }),
            }
        }
        let mut sources = vec![source(self.notice.trim())];
        sources.extend(self.other_sources.iter().cloned());
        Ok(YearSchedule {
            year: self.year,
            sources,
            holidays,
            makeup_workdays,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_click_cycles_the_mark_table() {
        // (date, from, to): 2027-10-02 is a Saturday, 2027-10-04 a Monday.
        let cases = [
            ("2027-10-02", DayMark::Ordinary, DayMark::Holiday),
            ("2027-10-02", DayMark::Holiday, DayMark::MakeupWorkday),
            ("2027-10-02", DayMark::MakeupWorkday, DayMark::Ordinary),
            ("2027-10-04", DayMark::Ordinary, DayMark::Holiday),
            ("2027-10-04", DayMark::Holiday, DayMark::Ordinary),
            ("2027-10-04", DayMark::MakeupWorkday, DayMark::Ordinary),
        ];
        for (date, from, to) in cases {
            assert_eq!(from.next(d(date)), to, "{date} {from:?}");
        }
    }

    #[test]
    fn notice_number_table() {
        let cases: [(&str, i32, Result<(), NoticeProblem>); 8] = [
            ("国办发明电〔2026〕7号", 2027, Ok(())),
            ("国办发明电〔2027〕1号", 2027, Ok(())),
            (" 国办发明电[2026]7号 ", 2027, Ok(())),
            ("国办发明电［2026］12号", 2027, Ok(())),
            ("", 2027, Err(NoticeProblem::Blank)),
            ("国办发明电2026年7号", 2027, Err(NoticeProblem::Malformed)),
            ("国办发明电〔2026〕号", 2027, Err(NoticeProblem::Malformed)),
            (
                "国办发明电〔2020〕7号",
                2027,
                Err(NoticeProblem::WrongYear {
                    found: 2020,
                    year: 2027,
                }),
            ),
        ];
        for (text, year, expected) in cases {
            assert_eq!(check_notice_number(text, year), expected, "{text}");
        }
    }

    #[test]
    fn notice_is_found_in_a_source_line() {
        let cases = [
            (
                "国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）",
                "国办发明电〔2023〕7号",
            ),
            ("国办发明电〔2023〕7号", "国办发明电〔2023〕7号"),
            ("", ""),
        ];
        for (source, number) in cases {
            assert_eq!(notice_in_source(source), number, "{source}");
        }
    }

    #[test]
    fn a_stored_year_round_trips_through_the_editor() {
        let calendar = super::super::WorkCalendar::bundled().unwrap();
        let stored = calendar.schedule(2024).unwrap();
        let draft = YearDraft::from_schedule(stored);
        assert_eq!(draft.notice, "国办发明电〔2023〕7号");
        assert_eq!(draft.mark(d("2024-10-01")), DayMark::Holiday);
        assert_eq!(draft.mark(d("2024-09-29")), DayMark::MakeupWorkday);
        assert_eq!(draft.mark(d("2024-09-30")), DayMark::Ordinary);
        let again = draft
            .to_schedule(
                |n| format!("国务院办公厅关于2024年部分节假日安排的通知（{n}）"),
                |_| unreachable!("every day is named"),
            )
            .unwrap();
        let listed = |s: &YearSchedule| {
            let mut v: Vec<_> = s.listings().map(|l| (l.date, l.is_holiday)).collect();
            v.sort();
            v
        };
        assert_eq!(listed(&again), listed(stored));
        assert_eq!(again.sources, stored.sources);
        assert_eq!(again.validate(), Ok(()));
    }

    #[test]
    fn new_days_join_the_nearest_festival_or_take_the_fallback() {
        let mut draft = YearDraft::empty(2027);
        draft.notice = "国办发明电〔2026〕7号".into();
        assert!(
            draft.is_off(d("2027-01-02")),
            "a Saturday is off by default"
        );
        assert_eq!(draft.cycle(d("2027-01-01")), DayMark::Holiday);
        // A date of another year is not touched.
        assert_eq!(draft.cycle(d("2026-12-31")), DayMark::Ordinary);
        assert!(!draft.is_off(d("2026-12-31")));
        let schedule = draft
            .to_schedule(|n| n.to_owned(), |_| "元旦".to_owned())
            .unwrap();
        assert_eq!(schedule.holidays[0].name, "元旦");
        assert_eq!(schedule.sources, vec!["国办发明电〔2026〕7号".to_owned()]);

        let stored = YearDraft::from_schedule(&schedule);
        let mut draft = stored.clone();
        draft.cycle(d("2027-01-02"));
        draft.cycle(d("2027-01-09"));
        draft.cycle(d("2027-01-09"));
        assert!(!draft.is_off(d("2027-01-09")), "a worked Saturday");
        let schedule = draft
            .to_schedule(|n| n.to_owned(), |_| "其他".to_owned())
            .unwrap();
        assert_eq!(schedule.holidays.len(), 1);
        assert_eq!(
            schedule.holidays[0].dates,
            vec![d("2027-01-01"), d("2027-01-02")]
        );
        assert_eq!(schedule.makeup_workdays[0].name, "元旦");
        assert_eq!(schedule.validate(), Ok(()));

        draft.notice = "  ".into();
        assert_eq!(
            draft.to_schedule(|n| n.to_owned(), |_| String::new()),
            Err(NoticeProblem::Blank)
        );
    }
}
