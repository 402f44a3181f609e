//! Platforms (二级网络平台) and their administrators.

use super::db::{Connection, OptionalExtension, Row, params};
use chrono::{NaiveDate, NaiveDateTime};

use super::error::Entity;
use super::guard::Write;
use super::lifecycle::record_event;
use super::people::orphan;
use super::units::stale_or_missing;
use super::{Store, StoreError};
use crate::domain::filing::{FilingKind, FilingState};
use crate::domain::lifecycle::{EditKind, EventKind, classify_edit};
use crate::domain::permissions::{Permission, Target};
use crate::domain::platform::{
    AccountType, Administrator, Maintenance, Platform, PlatformDraft, PlatformStatus,
};
use crate::domain::registry::{FilingClock, RegistryRow};
use crate::domain::validation::{
    Field, FieldError, ValidationContext, normalize_account, validate_platform,
};
use crate::text::audit as text;

const SELECT_PLATFORM: &str = "SELECT id, unit_id, kind_id, name, account, account_type, verified,
        verified_until, content_scope, created_on, status, responsible_person, contact_mobile,
        maintenance, vendor_name, approval_ref, notes, last_post_on, version, created_at, updated_at,
        intranet_only
     FROM platforms";

impl Store {
    /// Validates `draft` against the rules and the database (duplicates, units, kinds).
    /// `editing` is the platform being edited, so it is not its own duplicate.
    pub fn validate_platform(
        &self,
        draft: &PlatformDraft,
        editing: Option<i64>,
        today: NaiveDate,
    ) -> Result<Vec<FieldError>, StoreError> {
        let kinds = self.platform_kinds()?;
        let settings = self.settings()?;
        let unit_exists = self
            .conn
            .query_row("SELECT 1 FROM units WHERE id = ?1", [draft.unit_id], |_| {
                Ok(())
            })
            .optional()?
            .is_some();
        let duplicate_of: Option<(i64, String)> = self
            .conn
            .query_row(
                "SELECT id, name FROM platforms
                 WHERE kind_id = ?1 AND account_key = ?2 AND id <> ?3",
                params![
                    draft.kind_id,
                    normalize_account(&draft.account),
                    editing.unwrap_or(-1)
                ],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let ctx = ValidationContext {
            today,
            kinds: &kinds,
            unit_exists,
            school_names: &settings.protected_names,
            duplicate_of,
        };
        Ok(validate_platform(draft, &ctx))
    }

    pub fn platform(&self, id: i64) -> Result<Platform, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT_PLATFORM} WHERE id = ?1"))?;
        let platform =
            stmt.query_row([id], platform_from_row)
                .optional()?
                .ok_or(StoreError::NotFound {
                    what: Entity::Platform,
                    id,
                })?;
        let mut platform = platform?;
        platform.draft.administrators = self.administrators(id)?;
        Ok(platform)
    }

    fn administrators(&self, id: i64) -> Result<Vec<Administrator>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT name, mobile FROM platform_admins WHERE platform_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(Administrator {
                name: r.get(0)?,
                mobile: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Adds a platform after validating it; nothing is written when it is refused.
    pub fn add_platform(
        &mut self,
        draft: &PlatformDraft,
        today: NaiveDate,
    ) -> Result<i64, StoreError> {
        let draft = trimmed(draft);
        self.write(|w| self.insert_platform(w, &draft, today))
    }

    /// The insert of [`Store::add_platform`] inside a write that is already open (one
    /// platform, or every row of an import in one transaction); `draft` is trimmed.
    pub(super) fn insert_platform(
        &self,
        w: &mut Write<'_>,
        draft: &PlatformDraft,
        today: NaiveDate,
    ) -> Result<i64, StoreError> {
        // The fields first: a unit that does not exist is a wrong field, not a refusal.
        let errors = self.validate_platform(draft, None, today)?;
        if !errors.is_empty() {
            return Err(StoreError::Invalid(errors));
        }
        w.allow(Permission::EditPlatform, Target::Unit(draft.unit_id))?;
        let (maintenance, vendor) = maintenance_columns(&draft.maintenance);
        let id: i64 =
            w.tx.query_row(
                "INSERT INTO platforms (unit_id, kind_id, name, account, account_key,
                     account_type, verified, verified_until, content_scope, created_on,
                     status, responsible_person, contact_mobile, maintenance, vendor_name,
                     approval_ref, notes, last_post_on, created_at, updated_at, intranet_only)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'unfiled', ?11, ?12, ?13,
                     ?14, ?15, ?16, ?17, ?18, ?18, ?19)
                 RETURNING id",
                params![
                    draft.unit_id,
                    draft.kind_id,
                    draft.name,
                    draft.account,
                    normalize_account(&draft.account),
                    draft.account_type.map(AccountType::code),
                    draft.verified,
                    draft.verified_until,
                    draft.content_scope,
                    draft.created_on,
                    draft.responsible_person,
                    draft.contact_mobile,
                    maintenance,
                    vendor,
                    draft.approval_ref,
                    draft.notes,
                    draft.last_post_on,
                    w.now(),
                    draft.intranet_only
                ],
                |r| r.get(0),
            )
            .map_err(|e| orphan(e, Entity::UnitOrKind))?;
        write_admins(&w.tx, id, &draft.administrators)?;
        record_event(
            w,
            id,
            EventKind::Created,
            draft.created_on,
            text::PLATFORM_REGISTERED,
        )?;
        Ok(id)
    }

    /// Saves an edit started from `version`; refused with [`StoreError::Stale`] if someone
    /// saved the platform in between, so their change is never silently overwritten.
    /// 第四条二: a filed platform whose form fields change gets a change record (the written
    /// report is then due) and needs `reason`; closed and shut-down platforms are refused.
    /// Moving a platform to another unit needs the right in both units.
    pub fn update_platform(
        &mut self,
        id: i64,
        version: i64,
        draft: &PlatformDraft,
        reason: &str,
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        let draft = trimmed(draft);
        self.write(|w| {
            let current = self.platform(id)?;
            w.allow(
                Permission::EditPlatform,
                Target::Unit(current.draft.unit_id),
            )?;
            if draft.unit_id != current.draft.unit_id {
                w.allow(Permission::EditPlatform, Target::Unit(draft.unit_id))?;
            }
            let mut errors = self.validate_platform(&draft, Some(id), today)?;
            let edit = self.classify_edit(&current, &draft)?;
            if matches!(edit, EditKind::Reportable(_)) && reason.trim().is_empty() {
                errors.push(FieldError {
                    field: Field::ChangeReason,
                    problem: text::CHANGE_REASON_REQUIRED.into(),
                });
            }
            if !errors.is_empty() {
                return Err(StoreError::Invalid(errors));
            }
            let (maintenance, vendor) = maintenance_columns(&draft.maintenance);
            let n =
                w.tx.execute(
                    "UPDATE platforms SET unit_id = ?1, kind_id = ?2, name = ?3, account = ?4,
                         account_key = ?5, account_type = ?6, verified = ?7, verified_until = ?8,
                         content_scope = ?9, created_on = ?10, responsible_person = ?11,
                         contact_mobile = ?12, maintenance = ?13, vendor_name = ?14,
                         approval_ref = ?15, notes = ?16, last_post_on = ?17,
                         version = version + 1, updated_at = ?18, intranet_only = ?21
                     WHERE id = ?19 AND version = ?20",
                    params![
                        draft.unit_id,
                        draft.kind_id,
                        draft.name,
                        draft.account,
                        normalize_account(&draft.account),
                        draft.account_type.map(AccountType::code),
                        draft.verified,
                        draft.verified_until,
                        draft.content_scope,
                        draft.created_on,
                        draft.responsible_person,
                        draft.contact_mobile,
                        maintenance,
                        vendor,
                        draft.approval_ref,
                        draft.notes,
                        draft.last_post_on,
                        w.now(),
                        id,
                        version,
                        draft.intranet_only
                    ],
                )
                .map_err(|e| orphan(e, Entity::UnitOrKind))?;
            stale_or_missing(&w.tx, n, "platforms", id, Entity::Platform)?;
            w.tx.execute("DELETE FROM platform_admins WHERE platform_id = ?1", [id])?;
            write_admins(&w.tx, id, &draft.administrators)?;
            match &edit {
                EditKind::Reportable(changes) => {
                    let fields = crate::text::lifecycle::worded_changes(changes);
                    Store::insert_change(w, id, today, reason.trim(), &fields)?;
                }
                _ => w.note(
                    "platform_edit",
                    format!("platform:{id}"),
                    draft.name.as_str(),
                )?,
            }
            Ok(())
        })
    }

    /// What saving `draft` over `current` would amount to (the dialog asks for a reason
    /// when it is reportable). Closed and shut-down platforms are refused here.
    pub fn classify_edit(
        &self,
        current: &Platform,
        draft: &PlatformDraft,
    ) -> Result<EditKind, StoreError> {
        let units = self.units()?;
        let kinds = self.platform_kinds()?;
        let names = |d: &PlatformDraft| {
            (
                units
                    .iter()
                    .find(|u| u.id == d.unit_id)
                    .map(|u| u.name.clone())
                    .unwrap_or_default(),
                kinds
                    .iter()
                    .find(|k| k.id == d.kind_id)
                    .map(|k| k.name.clone())
                    .unwrap_or_default(),
            )
        };
        Ok(classify_edit(
            current.status,
            &current.draft,
            draft,
            &names,
        )?)
    }

    /// The whole registry as display rows; `clock` decides each row's deadline state.
    pub fn registry_rows(
        &self,
        mut clock: impl FnMut(PlatformStatus, NaiveDate) -> FilingClock,
    ) -> Result<Vec<RegistryRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.unit_id, u.name, p.kind_id, k.name, p.name, p.account, p.account_type,
                    p.verified, p.responsible_person, p.created_on, p.last_post_on, p.status,
                    (SELECT string_agg(a.name || ' ' || a.mobile, '、' ORDER BY a.position)
                      FROM platform_admins a
                      WHERE a.platform_id = p.id),
                    (SELECT f.kind || ' ' || f.state FROM filings f WHERE f.platform_id = p.id
                      ORDER BY f.id DESC LIMIT 1)
             FROM platforms p
             JOIN units u ON u.id = p.unit_id
             JOIN platform_kinds k ON k.id = p.kind_id
             ORDER BY p.id",
        )?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let status = status_of(r, 12)?;
            let created_on: NaiveDate = r.get(10)?;
            let filing = r.get::<_, Option<String>>(14)?.and_then(|s| {
                let (kind, state) = s.split_once(' ')?;
                Some((FilingKind::from_code(kind)?, FilingState::from_code(state)?))
            });
            let mut row = RegistryRow::new(
                r.get(0)?,
                (r.get(1)?, r.get(2)?),
                (r.get(3)?, r.get(4)?),
                r.get(5)?,
                r.get(6)?,
                account_type_of(r, 7)?,
                r.get(8)?,
                r.get(9)?,
                r.get::<_, Option<String>>(13)?.unwrap_or_default(),
                created_on,
                r.get(11)?,
                status,
                clock(status, created_on),
            );
            row.filing = filing;
            out.push(row);
        }
        Ok(out)
    }

    /// Every platform with its administrators (for `platforms list --json`).
    pub fn platforms(&self) -> Result<Vec<Platform>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("{SELECT_PLATFORM} ORDER BY id"))?;
        let rows = stmt.query_map([], platform_from_row)?;
        let mut out = Vec::new();
        for p in rows {
            let mut p = p??;
            p.draft.administrators = self.administrators(p.id)?;
            out.push(p);
        }
        Ok(out)
    }
}

/// `columns` of one platform mapped by `map`, or [`StoreError::NotFound`] when there is no
/// such platform (the check every write about a platform starts with).
pub(super) fn platform_columns<T>(
    conn: &Connection,
    platform_id: i64,
    columns: &str,
    map: impl FnOnce(&Row) -> super::db::Result<T>,
) -> Result<T, StoreError> {
    conn.query_row(
        &format!("SELECT {columns} FROM platforms WHERE id = ?1"),
        [platform_id],
        map,
    )
    .optional()?
    .ok_or(StoreError::NotFound {
        what: Entity::Platform,
        id: platform_id,
    })
}

pub(super) fn trimmed(draft: &PlatformDraft) -> PlatformDraft {
    let mut d = draft.clone();
    for s in [
        &mut d.name,
        &mut d.account,
        &mut d.content_scope,
        &mut d.responsible_person,
        &mut d.contact_mobile,
        &mut d.approval_ref,
        &mut d.notes,
    ] {
        *s = s.trim().to_owned();
    }
    if let Maintenance::Vendor { name } = &mut d.maintenance {
        *name = name.trim().to_owned();
    }
    d.administrators = d
        .administrators
        .into_iter()
        .map(|a| Administrator {
            name: a.name.trim().to_owned(),
            mobile: a.mobile.trim().to_owned(),
        })
        .filter(|a| !(a.name.is_empty() && a.mobile.is_empty()))
        .collect();
    d
}

fn maintenance_columns(m: &Maintenance) -> (&'static str, &str) {
    match m {
        Maintenance::InHouse => ("in_house", ""),
        Maintenance::Vendor { name } => ("vendor", name.as_str()),
    }
}

fn write_admins(
    tx: &super::db::Transaction<'_>,
    id: i64,
    admins: &[Administrator],
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO platform_admins (platform_id, position, name, mobile) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, a) in admins.iter().enumerate() {
        stmt.execute(params![id, i as i64, a.name, a.mobile])?;
    }
    Ok(())
}

fn status_of(r: &Row, idx: usize) -> Result<PlatformStatus, StoreError> {
    let code: String = r.get(idx)?;
    PlatformStatus::from_code(&code)
        .ok_or_else(|| StoreError::Corrupt(format!("platforms.status = {code}")))
}

fn account_type_of(r: &Row, idx: usize) -> Result<Option<AccountType>, StoreError> {
    match r.get::<_, Option<String>>(idx)? {
        None => Ok(None),
        Some(code) => AccountType::from_code(&code)
            .map(Some)
            .ok_or_else(|| StoreError::Corrupt(format!("platforms.account_type = {code}"))),
    }
}

/// Maps one `SELECT_PLATFORM` row; the outer error is SQLite's, the inner one ours.
fn platform_from_row(r: &Row) -> super::db::Result<Result<Platform, StoreError>> {
    let maintenance: String = r.get(13)?;
    let vendor: String = r.get(14)?;
    let created_at: NaiveDateTime = r.get(19)?;
    let updated_at: NaiveDateTime = r.get(20)?;
    let status = match status_of(r, 10) {
        Ok(s) => s,
        Err(e) => return Ok(Err(e)),
    };
    let account_type = match account_type_of(r, 5) {
        Ok(t) => t,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(Platform {
        id: r.get(0)?,
        draft: PlatformDraft {
            unit_id: r.get(1)?,
            kind_id: r.get(2)?,
            name: r.get(3)?,
            account: r.get(4)?,
            account_type,
            verified: r.get(6)?,
            verified_until: r.get(7)?,
            content_scope: r.get(8)?,
            created_on: r.get(9)?,
            responsible_person: r.get(11)?,
            contact_mobile: r.get(12)?,
            administrators: Vec::new(),
            maintenance: if maintenance == "vendor" {
                Maintenance::Vendor { name: vendor }
            } else {
                Maintenance::InHouse
            },
            approval_ref: r.get(15)?,
            notes: r.get(16)?,
            last_post_on: r.get(17)?,
            intranet_only: r.get(21)?,
        },
        status,
        version: r.get(18)?,
        created_at,
        updated_at,
    }))
}
