//! 第五条: the school office (news centre) and the propaganda department train every unit's
//! platform staff regularly. Sessions (date, topic, organiser) and who attended are recorded;
//! a staff member with no training within the set period (default 12 months) is flagged.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::period::Period;

/// Longest topic or organiser name.
pub const MAX_TRAINING_TEXT_CHARS: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingSessionDraft {
    pub held_on: NaiveDate,
    pub topic: String,
    /// Usually 学校办公室（新闻中心）、党委宣传部.
    pub organiser: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrainingSession {
    pub id: i64,
    #[serde(flatten)]
    pub draft: TrainingSessionDraft,
}

/// One person at one session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Attendance {
    pub session_id: i64,
    pub person_id: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TrainingProblem {
    MissingTopic,
    MissingOrganiser,
    TooLong,
    /// Attendance recorded for a session that has not taken place yet.
    AttendanceBeforeSession {
        held_on: NaiveDate,
    },
}

/// A session may be planned ahead; it needs a topic and an organiser.
pub fn validate_session(draft: &TrainingSessionDraft) -> Vec<TrainingProblem> {
    let mut problems = Vec::new();
    if draft.topic.trim().is_empty() {
        problems.push(TrainingProblem::MissingTopic);
    }
    if draft.organiser.trim().is_empty() {
        problems.push(TrainingProblem::MissingOrganiser);
    }
    if [&draft.topic, &draft.organiser]
        .iter()
        .any(|t| t.trim().chars().count() > MAX_TRAINING_TEXT_CHARS)
    {
        problems.push(TrainingProblem::TooLong);
    }
    problems
}

/// Attendance is recorded only once the session has been held.
pub fn check_attendance(
    session: &TrainingSessionDraft,
    today: NaiveDate,
) -> Result<(), TrainingProblem> {
    if session.held_on > today {
        return Err(TrainingProblem::AttendanceBeforeSession {
            held_on: session.held_on,
        });
    }
    Ok(())
}

/// Each person's latest session held on or before `today`. The store computes the same with
/// one aggregate query; this is the rule's reference and serves small lists.
pub fn last_training_by_person(
    sessions: &[TrainingSession],
    attendance: &[Attendance],
    today: NaiveDate,
) -> HashMap<i64, NaiveDate> {
    let held: HashMap<i64, NaiveDate> = sessions
        .iter()
        .filter(|s| s.draft.held_on <= today)
        .map(|s| (s.id, s.draft.held_on))
        .collect();
    let mut last: HashMap<i64, NaiveDate> = HashMap::new();
    for a in attendance {
        if let Some(on) = held.get(&a.session_id) {
            last.entry(a.person_id)
                .and_modify(|l| *l = (*l).max(*on))
                .or_insert(*on);
        }
    }
    last
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum TrainingStatus {
    /// Never attended a recorded session.
    Never,
    /// Trained within the period; `due_on` is the first day it lapses.
    Current {
        last: NaiveDate,
        due_on: NaiveDate,
    },
    Lapsed {
        last: NaiveDate,
        due_on: NaiveDate,
    },
}

/// 第五条: whether a staff member's training is within the period.
pub fn training_status(
    last: Option<NaiveDate>,
    today: NaiveDate,
    interval: Period,
) -> TrainingStatus {
    let Some(last) = last.filter(|l| *l <= today) else {
        return TrainingStatus::Never;
    };
    let due_on = interval.exceeded_on(last);
    if today >= due_on {
        TrainingStatus::Lapsed { last, due_on }
    } else {
        TrainingStatus::Current { last, due_on }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn session(id: i64, on: &str) -> TrainingSession {
        TrainingSession {
            id,
            draft: TrainingSessionDraft {
                held_on: d(on),
                topic: "新媒体内容审核".into(),
                organiser: "党委宣传部".into(),
            },
        }
    }

    #[test]
    fn twelve_months_of_training() {
        let year = Period::Months(12);
        let cases = [
            (None, "2026-11-26", TrainingStatus::Never),
            (
                Some("2025-11-27"),
                "2026-11-26",
                TrainingStatus::Current {
                    last: d("2025-11-27"),
                    due_on: d("2026-11-28"),
                },
            ),
            (
                Some("2025-11-26"),
                "2026-11-26",
                TrainingStatus::Current {
                    last: d("2025-11-26"),
                    due_on: d("2026-11-27"),
                },
            ),
            (
                Some("2025-11-25"),
                "2026-11-26",
                TrainingStatus::Lapsed {
                    last: d("2025-11-25"),
                    due_on: d("2026-11-26"),
                },
            ),
            (
                Some("2024-02-29"),
                "2025-03-01",
                TrainingStatus::Lapsed {
                    last: d("2024-02-29"),
                    due_on: d("2025-03-01"),
                },
            ),
            (Some("2026-12-01"), "2026-11-26", TrainingStatus::Never),
        ];
        for (last, today, expected) in cases {
            assert_eq!(
                training_status(last.map(d), d(today), year),
                expected,
                "{last:?}"
            );
        }
    }

    #[test]
    fn latest_session_per_person_ignores_planned_ones() {
        let sessions = [
            session(1, "2025-03-01"),
            session(2, "2026-04-10"),
            session(3, "2026-12-20"),
        ];
        let attendance = [
            Attendance {
                session_id: 1,
                person_id: 10,
            },
            Attendance {
                session_id: 2,
                person_id: 10,
            },
            Attendance {
                session_id: 1,
                person_id: 11,
            },
            Attendance {
                session_id: 3,
                person_id: 12,
            },
            Attendance {
                session_id: 99,
                person_id: 13,
            },
        ];
        let last = last_training_by_person(&sessions, &attendance, d("2026-11-26"));
        assert_eq!(last.get(&10), Some(&d("2026-04-10")));
        assert_eq!(last.get(&11), Some(&d("2025-03-01")));
        assert_eq!(last.get(&12), None);
        assert_eq!(last.get(&13), None);
    }

    #[test]
    fn sessions_and_attendance_are_checked() {
        let mut s = session(1, "2026-12-20").draft;
        assert!(validate_session(&s).is_empty());
        assert_eq!(
            check_attendance(&s, d("2026-11-26")),
            Err(TrainingProblem::AttendanceBeforeSession {
                held_on: d("2026-12-20")
            })
        );
        assert_eq!(check_attendance(&s, d("2026-12-20")), Ok(()));
        s.topic = " ".into();
        s.organiser = String::new();
        assert_eq!(
            validate_session(&s),
            [
                TrainingProblem::MissingTopic,
                TrainingProblem::MissingOrganiser
            ]
        );
        s.topic = "题".repeat(MAX_TRAINING_TEXT_CHARS + 1);
        s.organiser = "党委宣传部".into();
        assert_eq!(validate_session(&s), [TrainingProblem::TooLong]);
    }
}
