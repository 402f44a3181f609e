//! The fields of a post as the author types them, and reading them back into a
//! [`PostDraft`] with a message beside each field that cannot be read.

use chrono::NaiveDateTime;

use crate::domain::post::PostDraft;
use crate::domain::validation::{Field, FieldError};
use crate::domain::workflow::{Attribution, Category, Origin};
use crate::text::ui_posts;

/// The editable fields as typed.
#[derive(Debug, Clone, PartialEq)]
pub struct PostForm {
    pub platform_id: Option<i64>,
    pub title: String,
    pub body: String,
    pub category: Category,
    pub column: String,
    pub origin: Origin,
    pub author_or_provider: String,
    pub source_name: String,
    pub source_link: String,
    pub editor: String,
    pub internal: bool,
    pub planned_at: String,
}

impl PostForm {
    pub fn new(platform_id: Option<i64>, editor: &str) -> Self {
        Self {
            platform_id,
            title: String::new(),
            body: String::new(),
            category: Category::News,
            column: String::new(),
            origin: Origin::Original,
            author_or_provider: String::new(),
            source_name: String::new(),
            source_link: String::new(),
            editor: editor.to_owned(),
            internal: false,
            planned_at: String::new(),
        }
    }

    pub fn from_draft(d: &PostDraft) -> Self {
        let a = &d.attribution;
        Self {
            platform_id: Some(d.platform_id),
            title: d.title.clone(),
            body: d.body.clone(),
            category: d.category,
            column: d.column.clone(),
            origin: a.origin,
            author_or_provider: a.author_or_provider.clone(),
            source_name: a.source_name.clone(),
            source_link: a.source_link.clone(),
            editor: a.editor.clone(),
            internal: d.internal,
            planned_at: d
                .planned_at
                .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default(),
        }
    }

    /// The draft, or the fields that cannot be read as typed.
    pub fn to_draft(&self) -> Result<PostDraft, Vec<FieldError>> {
        let mut errors = Vec::new();
        let platform_id = self.platform_id.unwrap_or_else(|| {
            errors.push(FieldError::new(
                Field::PostPlatform,
                ui_posts::PLATFORM_MISSING,
            ));
            0
        });
        let planned_at = match parse_time(&self.planned_at) {
            Ok(t) => t,
            Err(message) => {
                errors.push(FieldError::new(Field::PostPlannedAt, message));
                None
            }
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(PostDraft {
            platform_id,
            title: self.title.clone(),
            body: self.body.clone(),
            category: self.category,
            column: self.column.clone(),
            attribution: Attribution {
                origin: self.origin,
                author_or_provider: self.author_or_provider.clone(),
                source_name: self.source_name.clone(),
                source_link: self.source_link.clone(),
                editor: self.editor.clone(),
            },
            internal: self.internal,
            planned_at,
        })
    }
}

fn parse_time(text: &str) -> Result<Option<NaiveDateTime>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y/%m/%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
    .map(Some)
    .ok_or_else(|| ui_posts::invalid_time(t))
}
