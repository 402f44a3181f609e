//! Autosaved dialog contents: a crash or a power cut loses at most the field being typed.

use super::db::OptionalExtension;
use serde::{Serialize, de::DeserializeOwned};

use super::{Store, StoreError};

impl Store {
    pub fn save_draft<T: Serialize>(&mut self, key: &str, value: &T) -> Result<(), StoreError> {
        let body = serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        self.conn.execute(
            "INSERT INTO drafts (key, body, saved_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(key) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at",
            (key, body, self.now()),
        )?;
        Ok(())
    }

    /// The draft saved under `key`; one that no longer reads (e.g. an older shape) is dropped.
    pub fn load_draft<T: DeserializeOwned>(&mut self, key: &str) -> Result<Option<T>, StoreError> {
        let body: Option<String> = self
            .conn
            .query_row("SELECT body FROM drafts WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?;
        match body.map(|b| serde_json::from_str(&b)) {
            None => Ok(None),
            Some(Ok(v)) => Ok(Some(v)),
            Some(Err(_)) => {
                self.discard_draft(key)?;
                Ok(None)
            }
        }
    }

    /// Keys of every saved draft, oldest first.
    pub fn draft_keys(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT key FROM drafts ORDER BY saved_at, key")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn discard_draft(&mut self, key: &str) -> Result<(), StoreError> {
        self.conn
            .execute("DELETE FROM drafts WHERE key = ?1", [key])?;
        Ok(())
    }
}
