//! Updates recorded by hand (第六条四's 「更新」 made in the platform's own back office, not
//! through MediaDesk): date, title and link. They count for the ladder like published posts,
//! and for the party-building cadence when marked 党建 (第六条二).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::post::MAX_TITLE_CHARS;

/// Longest link accepted.
pub const MAX_LINK_CHARS: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateDraft {
    pub platform_id: i64,
    pub on: NaiveDate,
    pub title: String,
    /// The post's address; may be blank for an account whose posts have none.
    #[serde(default)]
    pub link: String,
    /// A post of the 党建专栏 (第六条二).
    #[serde(default)]
    pub party_building: bool,
}

/// One problem of a hand-recorded update or an imported row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UpdateProblem {
    InFuture(NaiveDate),
    BeforeCreation {
        on: NaiveDate,
        created_on: NaiveDate,
    },
    MissingTitle,
    TitleTooLong,
    TitleHasLineBreak,
    /// Not an http(s) address, has spaces, or is too long.
    BadLink,
}

/// Every problem of `draft`, in the form's order; empty when it may be saved.
pub fn validate_update(
    draft: &UpdateDraft,
    created_on: NaiveDate,
    today: NaiveDate,
) -> Vec<UpdateProblem> {
    let mut problems = Vec::new();
    problems.extend(date_problem(draft.on, created_on, today));
    problems.extend(title_problem(&draft.title));
    if !link_is_valid(&draft.link) {
        problems.push(UpdateProblem::BadLink);
    }
    problems
}

/// Not in the future, not before the platform was created.
pub(super) fn date_problem(
    on: NaiveDate,
    created_on: NaiveDate,
    today: NaiveDate,
) -> Option<UpdateProblem> {
    if on > today {
        Some(UpdateProblem::InFuture(on))
    } else if on < created_on {
        Some(UpdateProblem::BeforeCreation { on, created_on })
    } else {
        None
    }
}

pub(super) fn title_problem(title: &str) -> Option<UpdateProblem> {
    let title = title.trim();
    if title.is_empty() {
        Some(UpdateProblem::MissingTitle)
    } else if title.chars().count() > MAX_TITLE_CHARS {
        Some(UpdateProblem::TitleTooLong)
    } else if title.contains(['\n', '\r']) {
        Some(UpdateProblem::TitleHasLineBreak)
    } else {
        None
    }
}

/// Blank, or an http(s) address with a host and no spaces.
pub(super) fn link_is_valid(link: &str) -> bool {
    let link = link.trim();
    if link.is_empty() {
        return true;
    }
    let lower = link.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let host = rest.and_then(|r| r.split(['/', '?', '#']).next());
    link.chars().count() <= MAX_LINK_CHARS
        && !link.chars().any(char::is_whitespace)
        && host.is_some_and(|h| !h.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn hand_recorded_updates() {
        use UpdateProblem::*;
        let created = d("2026-03-01");
        let today = d("2026-11-26");
        let draft = |on: &str, title: &str, link: &str| UpdateDraft {
            platform_id: 1,
            on: d(on),
            title: title.into(),
            link: link.into(),
            party_building: false,
        };
        let cases = [
            (
                draft(
                    "2026-11-26",
                    "学院召开迎新大会",
                    "https://mp.weixin.qq.com/s/abc",
                ),
                vec![],
            ),
            (draft("2026-03-01", "开通", ""), vec![]),
            (
                draft("2026-11-27", "明天的文章", ""),
                vec![InFuture(d("2026-11-27"))],
            ),
            (
                draft("2026-02-28", "创建前", ""),
                vec![BeforeCreation {
                    on: d("2026-02-28"),
                    created_on: created,
                }],
            ),
            (
                draft("2026-05-01", "  ", "http://"),
                vec![MissingTitle, BadLink],
            ),
            (
                draft("2026-05-01", &"长".repeat(MAX_TITLE_CHARS + 1), ""),
                vec![TitleTooLong],
            ),
            (
                draft("2026-05-01", "两行\n标题", ""),
                vec![TitleHasLineBreak],
            ),
            (
                draft("2026-05-01", "标题", "mp.weixin.qq.com/s/abc"),
                vec![BadLink],
            ),
            (draft("2026-05-01", "标题", "https://a b.cn"), vec![BadLink]),
            (
                draft("2026-05-01", "标题", "javascript:alert(1)"),
                vec![BadLink],
            ),
            (
                draft("2026-05-01", "标题", "HTTPS://WWW.SIAS.EDU.CN/a?b#c"),
                vec![],
            ),
        ];
        for (draft, expected) in cases {
            assert_eq!(
                validate_update(&draft, created, today),
                expected,
                "{draft:?}"
            );
        }
    }
}
