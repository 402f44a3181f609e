//! The screening word lists in the database: seeded from `assets/words/` on first use,
//! edited by the user, every change kept as a new version.

use super::db::{OptionalExtension, params};
use serde::{Serialize, de::DeserializeOwned};

use super::error::Entity;
use super::guard::Write;
use super::{Store, StoreError};
use crate::domain::permissions::{Permission, Target};
use crate::domain::screening::{
    AllowList, Category, PersonalDataSettings, Screener, WordList, entries_of,
};
use crate::text::audit as text;

/// The key of the allow list beside the category codes.
pub const ALLOW_LIST: &str = "allow";

impl Store {
    /// Every category's list (the shipped seed where the user never changed it).
    pub fn word_lists(&self) -> Result<Vec<WordList>, StoreError> {
        Category::WITH_WORD_LIST
            .into_iter()
            .map(|c| self.word_list(c).map(|(list, _)| list))
            .collect()
    }

    /// One category's list and its version (0 = the shipped seed, never edited).
    pub fn word_list(&self, category: Category) -> Result<(WordList, i64), StoreError> {
        match self.stored_list::<WordList>(category.code())? {
            Some(found) => Ok(found),
            None => Ok((
                WordList::seed(category).map_err(|e| StoreError::Corrupt(e.to_string()))?,
                0,
            )),
        }
    }

    pub fn allow_list(&self) -> Result<(AllowList, i64), StoreError> {
        match self.stored_list::<AllowList>(ALLOW_LIST)? {
            Some(found) => Ok(found),
            None => Ok((
                AllowList::seed().map_err(|e| StoreError::Corrupt(e.to_string()))?,
                0,
            )),
        }
    }

    fn stored_list<T: DeserializeOwned>(&self, key: &str) -> Result<Option<(T, i64)>, StoreError> {
        let row: Option<(String, i64)> = self
            .conn
            .query_row(
                "SELECT body, version FROM word_lists WHERE list = ?1",
                [key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        row.map(|(body, version)| {
            serde_json::from_str(&body)
                .map(|list| (list, version))
                .map_err(|e| StoreError::Corrupt(format!("word_lists.{key}: {e}")))
        })
        .transpose()
    }

    /// Saves `list` as the next version of `key`, refused if someone saved since `version`.
    fn save_list<T: Serialize>(
        w: &Write<'_>,
        key: &str,
        version: i64,
        list: &T,
        summary: &str,
    ) -> Result<i64, StoreError> {
        let body = serde_json::to_string(list).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        w.actor()?;
        let current: i64 =
            w.tx.query_row(
                "SELECT version FROM word_lists WHERE list = ?1",
                [key],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0);
        if current != version {
            return Err(StoreError::Stale {
                what: Entity::WordList,
            });
        }
        let next = version + 1;
        w.tx.execute(
            "INSERT INTO word_lists (list, body, version, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(list) DO UPDATE SET body = excluded.body, version = excluded.version,
                 updated_at = excluded.updated_at",
            params![key, body, next, w.now()],
        )?;
        w.tx.execute(
            "INSERT INTO word_list_versions (list, version, body, actor, summary, changed_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![key, next, body, w.label(), summary, w.now()],
        )?;
        w.note(
            "word_list_edit",
            format!("word_list:{key}"),
            &text::word_list_version(next, summary),
        )?;
        Ok(next)
    }

    /// Applies `edit` to a category's list and saves the result as a new version (第六条五:
    /// the lists are the school's, kept by the system administrator).
    pub fn edit_word_list<R>(
        &mut self,
        category: Category,
        summary: &str,
        mut edit: impl FnMut(&mut WordList) -> Result<R, StoreError>,
    ) -> Result<R, StoreError> {
        self.write(|w| {
            w.allow(Permission::EditWordLists, Target::School)?;
            let (before, version) = self.word_list(category)?;
            let mut list = before.clone();
            let result = edit(&mut list)?;
            if list != before {
                Self::save_list(w, category.code(), version, &list, summary)?;
            }
            Ok(result)
        })
    }

    pub fn edit_allow_list<R>(
        &mut self,
        summary: &str,
        mut edit: impl FnMut(&mut AllowList) -> Result<R, StoreError>,
    ) -> Result<R, StoreError> {
        self.write(|w| {
            w.allow(Permission::EditWordLists, Target::School)?;
            let (before, version) = self.allow_list()?;
            let mut list = before.clone();
            let result = edit(&mut list)?;
            if list != before {
                Self::save_list(w, ALLOW_LIST, version, &list, summary)?;
            }
            Ok(result)
        })
    }

    /// (version, actor, summary, changed_at) of every saved version of a list, newest first.
    pub fn word_list_versions(
        &self,
        key: &str,
    ) -> Result<Vec<(i64, String, String, String)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT version, actor, summary, changed_at FROM word_list_versions
             WHERE list = ?1 ORDER BY version DESC",
        )?;
        let rows = stmt.query_map([key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// A screener over the user's lists and the school's student/staff number patterns from the
    /// stored settings: what the window and `mediadesk check --db` screen with.
    pub fn configured_screener(&self) -> Result<Screener, StoreError> {
        self.screener(&self.settings()?.personal_data)
    }

    /// A screener over the user's lists.
    pub fn screener(&self, settings: &PersonalDataSettings) -> Result<Screener, StoreError> {
        let lists = self.word_lists()?;
        let (allow, _) = self.allow_list()?;
        Ok(Screener::new(entries_of(&lists), &allow, settings)?)
    }
}
