//! A post's attachments (第八条二): checked by their bytes before they are kept, stored with
//! their SHA-256, and checked against it again when opened.

use super::db::{OptionalExtension, params};
use chrono::NaiveDateTime;
use serde::Serialize;

use super::error::{AttachmentRefusal, Entity};
use super::posts::{open_post, touch_post};
use super::{Store, StoreError};
use crate::domain::permissions::Permission;
use crate::domain::screening::{AttachmentPolicy, ScreeningReport, Severity};
use crate::domain::workflow::{PostAction, transition};
use crate::text::audit as text;

/// Largest attachment kept in the database (videos included): bigger files belong on the
/// platform itself, not in every backup of this file.
pub const MAX_ATTACHMENT_BYTES: u64 = 200 * 1024 * 1024;

/// An attachment without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttachmentMeta {
    pub id: i64,
    pub post_id: i64,
    pub name: String,
    pub size: u64,
    pub sha256: String,
    pub added_by: String,
    pub added_at: NaiveDateTime,
}

impl Store {
    /// 第八条二: an attachment is checked by its bytes before it is kept, with its SHA-256.
    pub fn add_attachment(
        &mut self,
        post_id: i64,
        version: i64,
        name: &str,
        bytes: &[u8],
    ) -> Result<i64, StoreError> {
        if bytes.len() as u64 > MAX_ATTACHMENT_BYTES {
            return Err(StoreError::Attachment(AttachmentRefusal::TooLarge {
                name: name.to_owned(),
                bytes: bytes.len() as u64,
            }));
        }
        let policy = AttachmentPolicy {
            max_video_bytes: MAX_ATTACHMENT_BYTES,
            ..AttachmentPolicy::default()
        };
        let report = self.post_screener()?.check_attachment(name, bytes, &policy);
        self.write(|w| {
            let (post, actor) = open_post(w, post_id, version, Permission::EditPost)?;
            transition(&post.facts(), &PostAction::Edit, &actor)?;
            if report.refused() {
                let reasons: Vec<String> = report
                    .issues
                    .iter()
                    .filter(|i| i.severity == Severity::Block)
                    .map(|i| i.message())
                    .collect();
                return Err(StoreError::Attachment(AttachmentRefusal::Refused {
                    name: name.to_owned(),
                    reasons,
                }));
            }
            if report
                .text_report
                .as_ref()
                .is_some_and(ScreeningReport::blocks)
            {
                return Err(StoreError::Attachment(AttachmentRefusal::TextBlocks {
                    name: name.to_owned(),
                }));
            }
            let sha = sha256_hex(bytes);
            let id: i64 = w.tx.query_row(
                "INSERT INTO post_attachments (post_id, name, size, sha256, content, added_by,
                                               added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id",
                params![
                    post_id,
                    name,
                    bytes.len() as i64,
                    sha,
                    bytes,
                    actor.person_id,
                    w.now()
                ],
                |r| r.get(0),
            )?;
            touch_post(
                w,
                &post,
                "attachment_add",
                &text::attachment_added(name, bytes.len(), &sha),
            )?;
            Ok(id)
        })
    }

    /// Removes an attachment while the author still holds the post.
    pub fn remove_attachment(
        &mut self,
        attachment_id: i64,
        version: i64,
    ) -> Result<(), StoreError> {
        self.write(|w| {
            let (post_id, name, sha): (i64, String, String) =
                w.tx.query_row(
                    "SELECT post_id, name, sha256 FROM post_attachments WHERE id = ?1",
                    [attachment_id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?
                .ok_or(StoreError::NotFound {
                    what: Entity::Attachment,
                    id: attachment_id,
                })?;
            let (post, actor) = open_post(w, post_id, version, Permission::EditPost)?;
            transition(&post.facts(), &PostAction::Edit, &actor)?;
            w.tx.execute(
                "DELETE FROM post_attachments WHERE id = ?1",
                [attachment_id],
            )?;
            touch_post(
                w,
                &post,
                "attachment_remove",
                &text::attachment_removed(&name, &sha),
            )
        })
    }

    pub fn attachments(&self, post_id: i64) -> Result<Vec<AttachmentMeta>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.post_id, a.name, a.size, a.sha256, p.name, a.added_at
             FROM post_attachments a JOIN people p ON p.id = a.added_by
             WHERE a.post_id = ?1 ORDER BY a.id",
        )?;
        let rows = stmt.query_map([post_id], |r| {
            Ok(AttachmentMeta {
                id: r.get(0)?,
                post_id: r.get(1)?,
                name: r.get(2)?,
                size: r.get::<_, i64>(3)?.max(0) as u64,
                sha256: r.get(4)?,
                added_by: r.get(5)?,
                added_at: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// An attachment's bytes, checked against the SHA-256 kept when it was added.
    pub fn attachment_content(&self, attachment_id: i64) -> Result<Vec<u8>, StoreError> {
        let (bytes, sha): (Vec<u8>, String) = self
            .conn
            .query_row(
                "SELECT content, sha256 FROM post_attachments WHERE id = ?1",
                [attachment_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::Attachment,
                id: attachment_id,
            })?;
        if sha256_hex(&bytes) != sha {
            return Err(StoreError::AttachmentChanged { id: attachment_id });
        }
        Ok(bytes)
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
