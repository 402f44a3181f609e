//! A post's attachments (第八条二): checked by their bytes before they are kept, stored with
//! their SHA-256, and checked against it again when opened.

use chrono::NaiveDateTime;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use super::posts::{open_post, touch_post};
use super::{Store, StoreError, now_timestamp};
use crate::domain::screening::{AttachmentPolicy, ScreeningReport, Severity};
use crate::domain::workflow::{PostAction, transition};

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
    /// Attaches a file read from disk (the CLI and the window's file picker).
    pub fn attach_file(
        &mut self,
        post_id: i64,
        version: i64,
        path: &std::path::Path,
    ) -> Result<i64, StoreError> {
        let meta = std::fs::metadata(path).map_err(|e| {
            StoreError::Attachment(format!(
                "找不到附件文件「{}」（{e}）。请确认文件仍在原处后重新选择。",
                path.display()
            ))
        })?;
        if meta.len() > MAX_ATTACHMENT_BYTES {
            return Err(StoreError::Attachment(format!(
                "附件「{}」有 {} MB，超过 {} MB 的上限。请压缩或改为在平台上直接上传。",
                path.display(),
                meta.len() / (1024 * 1024),
                MAX_ATTACHMENT_BYTES / (1024 * 1024)
            )));
        }
        let bytes = std::fs::read(path).map_err(|e| {
            StoreError::Attachment(format!("无法读取附件「{}」：{e}", path.display()))
        })?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "附件".to_owned());
        self.add_attachment(post_id, version, &name, &bytes)
    }

    /// 第八条二: an attachment is checked by its bytes before it is kept, with its SHA-256.
    pub fn add_attachment(
        &mut self,
        post_id: i64,
        version: i64,
        name: &str,
        bytes: &[u8],
    ) -> Result<i64, StoreError> {
        let session = self.require_session()?;
        let policy = AttachmentPolicy {
            max_video_bytes: MAX_ATTACHMENT_BYTES,
            ..AttachmentPolicy::default()
        };
        let report = self.post_screener()?.check_attachment(name, bytes, &policy);
        if report.refused() {
            let reasons: Vec<String> = report
                .issues
                .iter()
                .filter(|i| i.severity == Severity::Block)
                .map(|i| i.message.clone())
                .collect();
            return Err(StoreError::Attachment(format!(
                "附件「{name}」不能上传：{}",
                reasons.join("；")
            )));
        }
        if report
            .text_report
            .as_ref()
            .is_some_and(ScreeningReport::blocks)
        {
            return Err(StoreError::Attachment(format!(
                "附件「{name}」的文字中有须处理的内容（例如身份证号或禁止发布的内容），请修改附件后再上传。"
            )));
        }
        let sha = sha256_hex(bytes);
        let now = now_timestamp();
        let tx = self.conn.transaction()?;
        let (post, actor) = open_post(&tx, &session, post_id, version)?;
        transition(&post.facts(), &PostAction::Edit, &actor)?;
        tx.execute(
            "INSERT INTO post_attachments (post_id, name, size, sha256, content, added_by, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![post_id, name, bytes.len() as i64, sha, bytes, actor.person_id, now],
        )?;
        let id = tx.last_insert_rowid();
        touch_post(
            &tx,
            &self.actor,
            &post,
            "attachment_add",
            &format!("{name}（{} 字节，SHA-256 {sha}）", bytes.len()),
            now,
        )?;
        tx.commit()?;
        Ok(id)
    }

    /// Removes an attachment while the author still holds the post.
    pub fn remove_attachment(
        &mut self,
        attachment_id: i64,
        version: i64,
    ) -> Result<(), StoreError> {
        let session = self.require_session()?;
        let now = now_timestamp();
        let tx = self.conn.transaction()?;
        let (post_id, name, sha): (i64, String, String) = tx
            .query_row(
                "SELECT post_id, name, sha256 FROM post_attachments WHERE id = ?1",
                [attachment_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: "附件",
                id: attachment_id,
            })?;
        let (post, actor) = open_post(&tx, &session, post_id, version)?;
        transition(&post.facts(), &PostAction::Edit, &actor)?;
        tx.execute(
            "DELETE FROM post_attachments WHERE id = ?1",
            [attachment_id],
        )?;
        touch_post(
            &tx,
            &self.actor,
            &post,
            "attachment_remove",
            &format!("{name}（SHA-256 {sha}）"),
            now,
        )?;
        tx.commit()?;
        Ok(())
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
                what: "附件",
                id: attachment_id,
            })?;
        if sha256_hex(&bytes) != sha {
            return Err(StoreError::Corrupt(format!(
                "附件 {attachment_id} 的内容与登记的 SHA-256 不符，可能已被改动"
            )));
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
