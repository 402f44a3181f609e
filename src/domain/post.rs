//! A post (一条信息) on a platform: what the 信息员 writes, what the window and the CLI show,
//! and who has to act on it next. The steps themselves are `workflow`.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::unit::Role;
use super::validation::{Field, FieldError, Problem};
use super::workflow::{Attribution, Category, PostFacts, PostState, REVIEWER_ROLES};

/// Longest title accepted: a headline, not a paragraph.
pub const MAX_TITLE_CHARS: usize = 200;
/// Longest body accepted (characters); a long report fits many times over.
pub const MAX_BODY_CHARS: usize = 200_000;
/// Longest column (栏目) name.
pub const MAX_COLUMN_CHARS: usize = 50;

/// What the author types: the fields that become a revision when submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostDraft {
    pub platform_id: i64,
    pub title: String,
    #[serde(default)]
    pub body: String,
    pub category: Category,
    /// 栏目, e.g. 学院新闻, 党建园地.
    #[serde(default)]
    pub column: String,
    #[serde(flatten)]
    pub attribution: Attribution,
    /// 内部信息 (第六条三): allowed only on an intranet-only platform.
    #[serde(default)]
    pub internal: bool,
    /// 计划发布时间.
    #[serde(default)]
    pub planned_at: Option<NaiveDateTime>,
}

/// Checks what a draft must hold before it is saved at all. The attribution and
/// internal-information rules are checked at submission (`workflow`), so an unfinished draft
/// can still be saved.
pub fn validate_post(draft: &PostDraft) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let title = draft.title.trim();
    if title.is_empty() {
        errors.push(FieldError::new(Field::PostTitle, Problem::PostTitleMissing));
    } else if title.chars().count() > MAX_TITLE_CHARS {
        errors.push(FieldError::new(
            Field::PostTitle,
            Problem::PostTitleTooLong {
                max: MAX_TITLE_CHARS,
            },
        ));
    } else if title.contains(['\n', '\r']) {
        errors.push(FieldError::new(
            Field::PostTitle,
            Problem::PostTitleHasLineBreak,
        ));
    }
    if draft.body.chars().count() > MAX_BODY_CHARS {
        errors.push(FieldError::new(
            Field::PostBody,
            Problem::PostBodyTooLong {
                max: MAX_BODY_CHARS,
            },
        ));
    }
    if draft.column.trim().chars().count() > MAX_COLUMN_CHARS {
        errors.push(FieldError::new(
            Field::PostColumn,
            Problem::PostColumnTooLong {
                max: MAX_COLUMN_CHARS,
            },
        ));
    }
    errors
}

/// A post as stored, with the names the lists show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Post {
    pub id: i64,
    pub unit_id: i64,
    pub unit_name: String,
    pub platform_name: String,
    pub platform_kind: String,
    pub platform_account: String,
    /// Whether the platform is reachable only on the campus intranet (第六条三).
    pub platform_intranet_only: bool,
    #[serde(flatten)]
    pub draft: PostDraft,
    pub state: PostState,
    pub author_id: i64,
    pub author_name: String,
    pub reviewer_id: Option<i64>,
    pub reviewer_name: Option<String>,
    pub publisher_id: Option<i64>,
    pub publisher_name: Option<String>,
    pub published_link: Option<String>,
    pub published_at: Option<NaiveDateTime>,
    /// Number of the latest kept revision (0 before the first submission).
    pub revision: i64,
    /// A reviewer let the post through despite blocking screening findings (issue 6).
    pub screening_override: Option<ScreeningOverride>,
    pub version: i64,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// 第六条五 / 第八条二: a 审核人 who read the findings decided the text may go on, in
/// writing. It covers exactly the text it was given for: any later edit voids it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ScreeningOverride {
    pub reviewer_id: i64,
    pub reviewer_name: String,
    pub reason: String,
    /// SHA-256 of the title and body the reviewer read.
    pub text_hash: String,
    pub at: NaiveDateTime,
}

impl Post {
    /// What the workflow needs to decide a step.
    pub fn facts(&self) -> PostFacts {
        PostFacts {
            state: self.state,
            unit_id: self.unit_id,
            author_id: self.author_id,
            reviewer_id: self.reviewer_id,
            attribution: self.draft.attribution.clone(),
            internal: self.draft.internal,
            platform_intranet_only: self.platform_intranet_only,
        }
    }

    /// Whether a reviewer's override covers the current text.
    pub fn override_covers_text(&self) -> bool {
        self.screening_override
            .as_ref()
            .is_some_and(|o| o.text_hash == text_hash(&self.draft.title, &self.draft.body))
    }
}

/// The fingerprint a screening override is tied to: title and body, length-prefixed.
pub fn text_hash(title: &str, body: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for part in [title, body] {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The three queues of 待我处理: what is waiting for whom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Queue {
    /// 待我修改: the author's drafts, withdrawn and returned posts.
    ToRevise,
    /// 待我审核: submitted posts of the unit, for its 审核人 and 单位负责人 (not their own).
    ToReview,
    /// 待我发布: approved posts of the unit, for its 管理员 (neither author nor approver).
    ToPublish,
}

impl Queue {
    pub const ALL: [Queue; 3] = [Self::ToRevise, Self::ToReview, Self::ToPublish];

    pub fn code(self) -> &'static str {
        match self {
            Self::ToRevise => "revise",
            Self::ToReview => "review",
            Self::ToPublish => "publish",
        }
    }

    /// The queues a person with these roles has (第七条三).
    pub fn for_roles(roles: &[Role]) -> Vec<Queue> {
        let mut queues = Vec::new();
        if roles.contains(&Role::InfoOfficer) {
            queues.push(Self::ToRevise);
        }
        if roles.iter().any(|r| REVIEWER_ROLES.contains(r)) {
            queues.push(Self::ToReview);
        }
        if roles.contains(&Role::Administrator) {
            queues.push(Self::ToPublish);
        }
        queues
    }

    /// Whether `post` is in this queue for `person_id` of `unit_id` — the rule the store's
    /// queue queries implement in SQL (tested against each other).
    pub fn holds(self, post: &PostFacts, person_id: i64, unit_id: i64) -> bool {
        match self {
            Self::ToRevise => post.author_id == person_id && post.state.is_with_author(),
            Self::ToReview => {
                post.unit_id == unit_id
                    && post.state == PostState::Submitted
                    && post.author_id != person_id
            }
            Self::ToPublish => {
                post.unit_id == unit_id
                    && post.state == PostState::Approved
                    && post.author_id != person_id
                    && post.reviewer_id != Some(person_id)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::workflow::Origin;

    fn draft(title: &str, body: &str, column: &str) -> PostDraft {
        PostDraft {
            platform_id: 1,
            title: title.into(),
            body: body.into(),
            category: Category::News,
            column: column.into(),
            attribution: Attribution {
                origin: Origin::Original,
                author_or_provider: String::new(),
                source_name: String::new(),
                source_link: String::new(),
                editor: String::new(),
            },
            internal: false,
            planned_at: None,
        }
    }

    #[test]
    fn drafts_are_checked_for_what_a_save_needs() {
        let long_title = "标".repeat(MAX_TITLE_CHARS + 1);
        let long_body = "字".repeat(MAX_BODY_CHARS + 1);
        let long_column = "栏".repeat(MAX_COLUMN_CHARS + 1);
        let cases: [(&str, &str, &str, &[Field]); 7] = [
            ("外国语学院举办演讲比赛", "正文", "学院新闻", &[]),
            ("外国语学院举办演讲比赛", "", "", &[]),
            ("", "正文", "", &[Field::PostTitle]),
            ("   ", "正文", "", &[Field::PostTitle]),
            ("第一行\n第二行", "", "", &[Field::PostTitle]),
            (
                &long_title,
                &long_body,
                "",
                &[Field::PostTitle, Field::PostBody],
            ),
            ("标题", "", &long_column, &[Field::PostColumn]),
        ];
        for (title, body, column, fields) in cases {
            let got: Vec<Field> = validate_post(&draft(title, body, column))
                .into_iter()
                .map(|e| e.field)
                .collect();
            assert_eq!(got, fields, "{title:?}");
        }
    }

    #[test]
    fn draft_json_uses_flat_attribution() {
        let json = r#"{"platform_id":3,"title":"标题","category":"party_building",
            "origin":"reprint","source_name":"人民网","editor":"李华"}"#;
        let d: PostDraft = serde_json::from_str(json).unwrap();
        assert_eq!(d.category, Category::PartyBuilding);
        assert_eq!(d.attribution.origin, Origin::Reprint);
        assert_eq!(d.attribution.source_name, "人民网");
        assert!(d.body.is_empty() && !d.internal && d.planned_at.is_none());
    }

    #[test]
    fn text_hash_separates_title_and_body() {
        assert_ne!(text_hash("ab", "c"), text_hash("a", "bc"));
        assert_eq!(text_hash("标题", "正文"), text_hash("标题", "正文"));
        assert_eq!(text_hash("", "").len(), 64);
    }

    #[test]
    fn queues_follow_roles_and_separation_of_duties() {
        use PostState::*;
        let facts = |state, author, reviewer| PostFacts {
            state,
            unit_id: 1,
            author_id: author,
            reviewer_id: reviewer,
            attribution: draft("t", "", "").attribution,
            internal: false,
            platform_intranet_only: false,
        };
        // (queue, state, author, reviewer, person, unit, held)
        let cases = [
            (Queue::ToRevise, Draft, 1, None, 1, 1, true),
            (Queue::ToRevise, Returned, 1, None, 1, 1, true),
            (Queue::ToRevise, Withdrawn, 1, None, 1, 1, true),
            (Queue::ToRevise, Submitted, 1, None, 1, 1, false),
            (Queue::ToRevise, Draft, 1, None, 2, 1, false),
            (Queue::ToReview, Submitted, 1, None, 2, 1, true),
            (Queue::ToReview, Submitted, 1, None, 1, 1, false),
            (Queue::ToReview, Submitted, 1, None, 2, 9, false),
            (Queue::ToReview, Approved, 1, Some(2), 2, 1, false),
            (Queue::ToPublish, Approved, 1, Some(2), 3, 1, true),
            (Queue::ToPublish, Approved, 1, Some(2), 2, 1, false),
            (Queue::ToPublish, Approved, 1, Some(2), 1, 1, false),
            (Queue::ToPublish, Approved, 1, Some(2), 3, 9, false),
            (Queue::ToPublish, Published, 1, Some(2), 3, 1, false),
        ];
        for (queue, state, author, reviewer, person, unit, held) in cases {
            assert_eq!(
                queue.holds(&facts(state, author, reviewer), person, unit),
                held,
                "{queue:?} {state:?} person {person}"
            );
        }
        assert_eq!(
            Queue::for_roles(&[Role::UnitHead, Role::Administrator]),
            vec![Queue::ToReview, Queue::ToPublish]
        );
        assert!(Queue::for_roles(&[]).is_empty());
    }
}
