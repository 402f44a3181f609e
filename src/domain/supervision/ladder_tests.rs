//! 第六条四's ladder, table by table: month ends, leap years, notices late and early, updates
//! between steps, day-based thresholds, and the checks before a notice is recorded.

use super::*;
use crate::domain::supervision::period::Period;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

use NoticeKind::{PublicNotice as P, Rectification as R, ShutdownDecision as S};

fn notices(list: &[(NoticeKind, &str)]) -> Vec<IssuedNotice> {
    list.iter()
        .map(|(kind, on)| IssuedNotice {
            kind: *kind,
            issued_on: d(on),
        })
        .collect()
}

struct Case {
    why: &'static str,
    created: &'static str,
    last: Option<&'static str>,
    notices: &'static [(NoticeKind, &'static str)],
    today: &'static str,
    rung: Rung,
    /// The next notice and the day it is due.
    next: Option<(NoticeKind, &'static str)>,
}

fn run(cases: &[Case], settings: &LadderSettings) {
    for c in cases {
        let list = notices(c.notices);
        let facts = LadderFacts {
            created_on: d(c.created),
            last_update: c.last.map(d),
            notices: &list,
        };
        let state = ladder(&facts, d(c.today), settings);
        assert_eq!(state.rung, c.rung, "{}", c.why);
        assert_eq!(
            state.next.map(|n| (n.kind, n.due_on)),
            c.next.map(|(k, on)| (k, d(on))),
            "{}",
            c.why
        );
        assert_eq!(
            state.rung.is_due(),
            state.next.is_some_and(|n| n.due_on <= d(c.today)) && state.rung != Rung::ShutDown,
            "{}",
            c.why
        );
    }
}

#[test]
fn silence_before_the_rectification_notice() {
    let cases = [
        Case {
            why: "exactly two months silent is not yet more than two",
            created: "2026-01-01",
            last: Some("2026-09-10"),
            notices: &[],
            today: "2026-11-10",
            rung: Rung::Normal,
            next: Some((R, "2026-11-11")),
        },
        Case {
            why: "one day more than two months",
            created: "2026-01-01",
            last: Some("2026-09-10"),
            notices: &[],
            today: "2026-11-11",
            rung: Rung::RectificationDue,
            next: Some((R, "2026-11-11")),
        },
        Case {
            why: "long overdue stays due",
            created: "2026-01-01",
            last: Some("2026-03-10"),
            notices: &[],
            today: "2026-11-11",
            rung: Rung::RectificationDue,
            next: Some((R, "2026-05-11")),
        },
        Case {
            why: "12-31 plus two months is 02-28 in a common year",
            created: "2026-01-01",
            last: Some("2026-12-31"),
            notices: &[],
            today: "2027-02-28",
            rung: Rung::Normal,
            next: Some((R, "2027-03-01")),
        },
        Case {
            why: "and due on 03-01",
            created: "2026-01-01",
            last: Some("2026-12-31"),
            notices: &[],
            today: "2027-03-01",
            rung: Rung::RectificationDue,
            next: Some((R, "2027-03-01")),
        },
        Case {
            why: "12-31 plus two months is 02-29 in a leap year",
            created: "2023-01-01",
            last: Some("2023-12-31"),
            notices: &[],
            today: "2024-02-29",
            rung: Rung::Normal,
            next: Some((R, "2024-03-01")),
        },
        Case {
            why: "12-30 clamps to the same end of February",
            created: "2022-01-01",
            last: Some("2022-12-30"),
            notices: &[],
            today: "2023-03-01",
            rung: Rung::RectificationDue,
            next: Some((R, "2023-03-01")),
        },
        Case {
            why: "an update on leap day",
            created: "2024-01-01",
            last: Some("2024-02-29"),
            notices: &[],
            today: "2024-04-29",
            rung: Rung::Normal,
            next: Some((R, "2024-04-30")),
        },
        Case {
            why: "the end of August: 10-31, due 11-01",
            created: "2026-01-01",
            last: Some("2026-08-31"),
            notices: &[],
            today: "2026-11-01",
            rung: Rung::RectificationDue,
            next: Some((R, "2026-11-01")),
        },
        Case {
            why: "never updated: silent since creation",
            created: "2026-08-15",
            last: None,
            notices: &[],
            today: "2026-10-16",
            rung: Rung::RectificationDue,
            next: Some((R, "2026-10-16")),
        },
        Case {
            why: "an update dated before creation counts as none",
            created: "2026-08-15",
            last: Some("2026-01-01"),
            notices: &[],
            today: "2026-10-15",
            rung: Rung::Normal,
            next: Some((R, "2026-10-16")),
        },
        Case {
            why: "an update after today (a past --today) leaves the platform normal",
            created: "2026-01-01",
            last: Some("2026-12-01"),
            notices: &[],
            today: "2026-11-01",
            rung: Rung::Normal,
            next: Some((R, "2027-02-02")),
        },
    ];
    run(&cases, &LadderSettings::default());
}

#[test]
fn steps_count_from_the_notice_actually_issued() {
    let cases = [
        Case {
            why: "rectification issued on the day it was due",
            created: "2026-01-01",
            last: Some("2026-09-10"),
            notices: &[(R, "2026-11-11")],
            today: "2026-11-20",
            rung: Rung::Rectifying,
            next: Some((P, "2026-12-12")),
        },
        Case {
            why: "the unit has the whole month, anniversary included",
            created: "2026-01-01",
            last: Some("2026-09-10"),
            notices: &[(R, "2026-11-11")],
            today: "2026-12-11",
            rung: Rung::Rectifying,
            next: Some((P, "2026-12-12")),
        },
        Case {
            why: "still silent the day after: public notice due",
            created: "2026-01-01",
            last: Some("2026-09-10"),
            notices: &[(R, "2026-11-11")],
            today: "2026-12-12",
            rung: Rung::PublicNoticeDue,
            next: Some((P, "2026-12-12")),
        },
        Case {
            why: "rectification issued three weeks late: the month runs from its real date",
            created: "2026-01-01",
            last: Some("2026-09-10"),
            notices: &[(R, "2026-12-01")],
            today: "2027-01-01",
            rung: Rung::Rectifying,
            next: Some((P, "2027-01-02")),
        },
        Case {
            why: "rectification issued early (five weeks of silence)",
            created: "2026-01-01",
            last: Some("2026-09-10"),
            notices: &[(R, "2026-10-20")],
            today: "2026-11-21",
            rung: Rung::PublicNoticeDue,
            next: Some((P, "2026-11-21")),
        },
        Case {
            why: "a notice on 03-31: one month is 04-30",
            created: "2026-01-01",
            last: Some("2026-01-20"),
            notices: &[(R, "2026-03-31")],
            today: "2026-04-30",
            rung: Rung::Rectifying,
            next: Some((P, "2026-05-01")),
        },
        Case {
            why: "a notice on 01-31 of a leap year: one month is 02-29",
            created: "2023-01-01",
            last: Some("2023-11-20"),
            notices: &[(R, "2024-01-31")],
            today: "2024-03-01",
            rung: Rung::PublicNoticeDue,
            next: Some((P, "2024-03-01")),
        },
        Case {
            why: "publicly notified, the month running",
            created: "2026-01-01",
            last: Some("2026-09-10"),
            notices: &[(R, "2026-11-11"), (P, "2026-12-12")],
            today: "2027-01-12",
            rung: Rung::PubliclyNotified,
            next: Some((S, "2027-01-13")),
        },
        Case {
            why: "silent a month after the public notice: shutdown due",
            created: "2026-01-01",
            last: Some("2026-09-10"),
            notices: &[(P, "2026-12-12"), (R, "2026-11-11")],
            today: "2027-01-13",
            rung: Rung::ShutdownDue,
            next: Some((S, "2027-01-13")),
        },
        Case {
            why: "the shutdown decision ends the ladder",
            created: "2026-01-01",
            last: Some("2026-09-10"),
            notices: &[(R, "2026-11-11"), (P, "2026-12-12"), (S, "2027-01-15")],
            today: "2027-03-01",
            rung: Rung::ShutDown,
            next: None,
        },
        Case {
            why: "a reissued rectification notice: the latest counts",
            created: "2026-01-01",
            last: Some("2026-09-10"),
            notices: &[(R, "2026-11-11"), (R, "2026-11-20")],
            today: "2026-12-15",
            rung: Rung::Rectifying,
            next: Some((P, "2026-12-21")),
        },
        Case {
            why: "a public notice recorded without a rectification notice still counts",
            created: "2026-01-01",
            last: Some("2026-09-10"),
            notices: &[(P, "2026-12-12")],
            today: "2026-12-20",
            rung: Rung::PubliclyNotified,
            next: Some((S, "2027-01-13")),
        },
        Case {
            why: "a notice dated after today is not issued yet",
            created: "2026-01-01",
            last: Some("2026-09-10"),
            notices: &[(R, "2026-11-11"), (P, "2026-12-12")],
            today: "2026-12-01",
            rung: Rung::Rectifying,
            next: Some((P, "2026-12-12")),
        },
    ];
    run(&cases, &LadderSettings::default());
}

#[test]
fn an_update_closes_the_episode() {
    let cases = [
        Case {
            why: "updated during the rectification month: back to normal",
            created: "2026-01-01",
            last: Some("2026-11-25"),
            notices: &[(R, "2026-11-11")],
            today: "2026-12-20",
            rung: Rung::Normal,
            next: Some((R, "2027-01-26")),
        },
        Case {
            why: "updated after the public notice: back to normal",
            created: "2026-01-01",
            last: Some("2027-01-05"),
            notices: &[(R, "2026-11-11"), (P, "2026-12-12")],
            today: "2027-01-20",
            rung: Rung::Normal,
            next: Some((R, "2027-03-06")),
        },
        Case {
            why: "an update on the notice's own day answers it",
            created: "2026-01-01",
            last: Some("2026-11-11"),
            notices: &[(R, "2026-11-11")],
            today: "2026-12-20",
            rung: Rung::Normal,
            next: Some((R, "2027-01-12")),
        },
        Case {
            why: "a new silence after an old episode starts from the rectification again",
            created: "2026-01-01",
            last: Some("2026-04-20"),
            notices: &[(R, "2026-03-01"), (P, "2026-04-05")],
            today: "2026-07-01",
            rung: Rung::RectificationDue,
            next: Some((R, "2026-06-21")),
        },
        Case {
            why: "the new episode's own notice counts, the old one does not",
            created: "2026-01-01",
            last: Some("2026-04-20"),
            notices: &[(R, "2026-03-01"), (P, "2026-04-05"), (R, "2026-06-25")],
            today: "2026-07-01",
            rung: Rung::Rectifying,
            next: Some((P, "2026-07-26")),
        },
    ];
    run(&cases, &LadderSettings::default());
}

#[test]
fn thresholds_in_days() {
    let cases = [
        Case {
            why: "two weeks exactly",
            created: "2026-01-01",
            last: Some("2026-11-01"),
            notices: &[],
            today: "2026-11-15",
            rung: Rung::Normal,
            next: Some((R, "2026-11-16")),
        },
        Case {
            why: "more than two weeks",
            created: "2026-01-01",
            last: Some("2026-11-01"),
            notices: &[],
            today: "2026-11-16",
            rung: Rung::RectificationDue,
            next: Some((R, "2026-11-16")),
        },
        Case {
            why: "a week after the notice",
            created: "2026-01-01",
            last: Some("2026-11-01"),
            notices: &[(R, "2026-11-16")],
            today: "2026-11-24",
            rung: Rung::PublicNoticeDue,
            next: Some((P, "2026-11-24")),
        },
        Case {
            why: "days cross the leap day",
            created: "2024-01-01",
            last: Some("2024-02-20"),
            notices: &[],
            today: "2024-03-05",
            rung: Rung::Normal,
            next: Some((R, "2024-03-06")),
        },
    ];
    run(&cases, &LadderSettings::two_week_rule());
    let mixed = LadderSettings {
        silence: Period::Months(2),
        after_rectification: Period::Days(10),
        after_public_notice: Period::Days(5),
    };
    run(
        &[Case {
            why: "months then days",
            created: "2026-01-01",
            last: Some("2026-08-31"),
            notices: &[(R, "2026-11-01"), (P, "2026-11-12")],
            today: "2026-11-17",
            rung: Rung::PubliclyNotified,
            next: Some((S, "2026-11-18")),
        }],
        &mixed,
    );
}

#[test]
fn silent_days_and_never_updated() {
    let facts = LadderFacts {
        created_on: d("2026-08-15"),
        last_update: None,
        notices: &[],
    };
    let state = ladder(&facts, d("2026-10-16"), &LadderSettings::default());
    assert!(state.never_updated);
    assert_eq!(state.silent_since, d("2026-08-15"));
    assert_eq!(state.silent_days(d("2026-10-16")), 62);
    assert_eq!(state.silent_days(d("2026-08-01")), 0);
    assert_eq!(state.next.map(|n| n.article()), Some(Article::Inactivity));
}

#[test]
fn notices_checked_before_they_are_recorded() {
    use PlatformStatus::{Closed, Filed, ShutDown};
    let settings = LadderSettings::default();
    let today = d("2027-01-20");
    type Expect = Result<NoticeTiming, NoticeError>;
    type Notices = &'static [(NoticeKind, &'static str)];
    let cases: Vec<(&str, PlatformStatus, Notices, NoticeKind, &str, Expect)> = vec![
        (
            "on the day it became due",
            Filed,
            &[],
            R,
            "2026-11-11",
            Ok(NoticeTiming::OnTime),
        ),
        (
            "early",
            Filed,
            &[],
            R,
            "2026-10-20",
            Ok(NoticeTiming::Early {
                due_on: d("2026-11-11"),
            }),
        ),
        (
            "late",
            Filed,
            &[],
            R,
            "2026-12-01",
            Ok(NoticeTiming::Late {
                due_on: d("2026-11-11"),
            }),
        ),
        (
            "public notice on time",
            Filed,
            &[(R, "2026-11-11")],
            P,
            "2026-12-12",
            Ok(NoticeTiming::OnTime),
        ),
        (
            "public notice late",
            Filed,
            &[(R, "2026-11-11")],
            P,
            "2027-01-05",
            Ok(NoticeTiming::Late {
                due_on: d("2026-12-12"),
            }),
        ),
        (
            "shutdown early",
            Filed,
            &[(R, "2026-11-11"), (P, "2026-12-12")],
            S,
            "2027-01-10",
            Ok(NoticeTiming::Early {
                due_on: d("2027-01-13"),
            }),
        ),
        (
            "an old episode's notices do not block a new one",
            Filed,
            &[(R, "2026-03-01")],
            R,
            "2026-11-11",
            Ok(NoticeTiming::OnTime),
        ),
        (
            "a shut-down platform",
            ShutDown,
            &[],
            R,
            "2026-11-11",
            Err(NoticeError::PlatformInactive(ShutDown)),
        ),
        (
            "a closed platform",
            Closed,
            &[],
            R,
            "2026-11-11",
            Err(NoticeError::PlatformInactive(Closed)),
        ),
        (
            "in the future",
            Filed,
            &[],
            R,
            "2027-01-21",
            Err(NoticeError::InFuture(d("2027-01-21"))),
        ),
        (
            "before creation",
            Filed,
            &[],
            R,
            "2025-12-31",
            Err(NoticeError::BeforeCreation {
                on: d("2025-12-31"),
                created_on: d("2026-01-01"),
            }),
        ),
        (
            "updated since",
            Filed,
            &[],
            R,
            "2026-09-10",
            Err(NoticeError::UpdatedSince {
                on: d("2026-09-10"),
                last_update: d("2026-09-10"),
            }),
        ),
        (
            "public notice without rectification",
            Filed,
            &[],
            P,
            "2026-12-12",
            Err(NoticeError::MissingStep { kind: P, needed: R }),
        ),
        (
            "public notice the same day as the rectification",
            Filed,
            &[(R, "2026-11-11")],
            P,
            "2026-11-11",
            Err(NoticeError::MissingStep { kind: P, needed: R }),
        ),
        (
            "shutdown without public notice",
            Filed,
            &[(R, "2026-11-11")],
            S,
            "2027-01-13",
            Err(NoticeError::MissingStep { kind: S, needed: P }),
        ),
        (
            "rectification twice",
            Filed,
            &[(R, "2026-11-11")],
            R,
            "2026-11-20",
            Err(NoticeError::AlreadyReached {
                kind: R,
                reached: IssuedNotice {
                    kind: R,
                    issued_on: d("2026-11-11"),
                },
            }),
        ),
        (
            "rectification backdated under a later public notice",
            Filed,
            &[(P, "2026-12-12")],
            R,
            "2026-11-11",
            Err(NoticeError::AlreadyReached {
                kind: R,
                reached: IssuedNotice {
                    kind: P,
                    issued_on: d("2026-12-12"),
                },
            }),
        ),
    ];
    for (why, status, list, kind, on, expected) in cases {
        let list = notices(list);
        let facts = LadderFacts {
            created_on: d("2026-01-01"),
            last_update: Some(d("2026-09-10")),
            notices: &list,
        };
        let got = check_notice(&facts, status, kind, d(on), today, &settings);
        assert_eq!(got, expected, "{why}");
    }
}

#[test]
fn codes_round_trip() {
    for k in NoticeKind::ALL {
        assert_eq!(NoticeKind::from_code(k.code()), Some(k));
    }
    assert_eq!(NoticeKind::Rectification.next(), Some(P));
    assert_eq!(NoticeKind::ShutdownDecision.next(), None);
    assert_eq!(NoticeKind::Rectification.previous(), None);
}

#[test]
fn printed_update_deadlines_end_the_day_before_the_next_step() {
    let settings = LadderSettings::default();
    let cases = [
        (R, "2026-11-11", Some("2026-12-11")),
        (R, "2026-01-31", Some("2026-02-28")),
        (P, "2024-01-31", Some("2024-02-29")),
        (S, "2026-11-11", None),
    ];
    for (kind, on, expected) in cases {
        let deadline = update_deadline(kind, d(on), &settings);
        assert_eq!(deadline, expected.map(d), "{kind:?} {on}");
        // The ladder's next step is due the day after.
        if let Some(deadline) = deadline {
            let list = [IssuedNotice {
                kind,
                issued_on: d(on),
            }];
            let facts = LadderFacts {
                created_on: d("2020-01-01"),
                last_update: Some(d("2020-06-01")),
                notices: &list,
            };
            let next = ladder(&facts, d(on), &settings).next.unwrap();
            assert_eq!(next.due_on, deadline.succ_opt().unwrap());
        }
    }
}
