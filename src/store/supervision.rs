//! What supervision reads: the school's supervision settings, and the facts of every
//! platform, open incident and staff member gathered with a handful of aggregate queries (one
//! per kind of fact, never one per platform), handed to `domain::supervision::due_items` for
//! the due list (`Store::due_actions`).

use std::collections::HashMap;

use super::db::OptionalExtension;
use chrono::{NaiveDate, NaiveDateTime};

use super::error::SupervisionRefusal;
use super::incidents::query_incidents;
use super::notices::notice_kind;
use super::{Store, StoreError};
use crate::domain::permissions::{Permission, Target};
use crate::domain::platform::PlatformStatus;
use crate::domain::supervision::{
    DueItem, Incident, IssuedNotice, PartyBuildingFacts, PendingChange, PersonRef, PlatformFacts,
    PlatformRef, StaffMember, SupervisionInput, SupervisionSettings, UnitRef, due_items,
};

const KEY: &str = "supervision";

/// Everything the due list is computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupervisionFacts {
    pub platforms: Vec<PlatformFacts>,
    /// Incidents not closed yet.
    pub incidents: Vec<Incident>,
    /// Platform staff (管理员, 信息员) with their latest training.
    pub staff: Vec<StaffMember>,
}

/// The later of two optional dates.
fn later(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    a.max(b)
}

/// The day of a stored date or timestamp (「2026-11-20」 or 「2026-11-20 09:30:00」).
fn day_of(text: Option<String>, platform_id: i64) -> Result<Option<NaiveDate>, StoreError> {
    text.map(|text| {
        let day = text.get(..10).unwrap_or(&text);
        NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .map_err(|_| StoreError::Corrupt(format!("date of platform {platform_id} = {text}")))
    })
    .transpose()
}

/// Every platform with its latest dates: the activity dates are the platform's own columns
/// (moved forward by triggers as posts are published and updates recorded, migration 008), the
/// annual review from one grouped pass over the filings (no subquery per platform).
const PLATFORM_FACTS_SQL: &str = "SELECT p.id, p.name, k.name, u.id, u.name,
         p.status, p.created_on, p.verified, p.verified_until, p.has_party_column,
         p.last_post_on, p.last_activity_on, p.last_party_activity_on, f.last_review
     FROM platforms p JOIN units u ON u.id = p.unit_id
         JOIN platform_kinds k ON k.id = p.kind_id
         LEFT JOIN (SELECT platform_id, MAX(submitted_on) AS last_review FROM filings
                    WHERE kind = 'annual' AND submitted_on IS NOT NULL
                    GROUP BY platform_id) f ON f.platform_id = p.id
     ORDER BY p.id";

/// The platform staff (管理员, 信息员) with their latest training up to `?1`: the people found
/// through their roles, the training from one grouped pass over the attendance (no subquery
/// per person).
const STAFF_FACTS_SQL: &str = "SELECT p.id, p.name, u.id, u.name, t.last_training
     FROM people p JOIN units u ON u.id = p.unit_id
         LEFT JOIN (SELECT a.person_id, MAX(s.held_on) AS last_training
                    FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id
                    WHERE s.held_on <= ?1
                    GROUP BY a.person_id) t ON t.person_id = p.id
     WHERE p.id IN (SELECT person_id FROM person_roles
                    WHERE role IN ('administrator', 'info_officer'))
     ORDER BY p.id";

/// Runs `$sql` and evaluates `$body` for each row `$r`. On SQLite the rows are read straight
/// from its statement: the common path copies every row into owned values first, which for
/// 10,000 platforms and 20,000 staff cost more than the queries. `$body` reads with `get`,
/// which both row types have with the same conversions (rusqlite's `FromSql`).
macro_rules! each_row {
    ($conn:expr, $sql:expr, $params:expr, |$r:ident| $body:block) => {{
        match $conn.as_sqlite() {
            Some(sqlite) => {
                let mut stmt = sqlite.prepare_cached($sql)?;
                let mut rows = stmt.query($params)?;
                while let Some($r) = rows.next()? $body
            }
            None => {
                let mut stmt = $conn.prepare_cached($sql)?;
                let mut rows = stmt.query($params)?;
                while let Some($r) = rows.next()? $body
            }
        }
    }};
}

impl Store {
    /// The supervision settings (defaults until the system administrator changes them).
    pub fn supervision_settings(&self) -> Result<SupervisionSettings, StoreError> {
        let raw: Option<String> = self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [KEY], |r| {
                r.get(0)
            })
            .optional()?;
        match raw {
            None => Ok(SupervisionSettings::default()),
            Some(raw) => serde_json::from_str(&raw)
                .map_err(|e| StoreError::Corrupt(format!("settings.supervision: {e}"))),
        }
    }

    /// Saves the supervision settings (the ladder's lengths may become the 2-week rule).
    pub fn save_supervision_settings(
        &mut self,
        settings: &SupervisionSettings,
    ) -> Result<(), StoreError> {
        self.write(|w| {
            w.allow(Permission::EditSettings, Target::School)?;
            let problems = settings.problems();
            if !problems.is_empty() {
                return Err(SupervisionRefusal::Settings(problems).into());
            }
            let raw =
                serde_json::to_string(settings).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            w.tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (KEY, &raw),
            )?;
            w.note("settings_save", KEY.to_owned(), &raw)
        })
    }

    /// The facts of every platform, open incident and staff member, as of `today`.
    pub fn supervision_facts(&self, today: NaiveDate) -> Result<SupervisionFacts, StoreError> {
        let conn = &self.conn;
        let mut notices: HashMap<i64, Vec<IssuedNotice>> = HashMap::new();
        {
            let mut stmt = conn
                .prepare_cached("SELECT platform_id, kind, issued_on FROM supervision_notices")?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let kind: String = r.get(1)?;
                notices.entry(r.get(0)?).or_default().push(IssuedNotice {
                    kind: notice_kind(&kind)?,
                    issued_on: r.get(2)?,
                });
            }
        }
        let mut changes: HashMap<i64, Vec<PendingChange>> = HashMap::new();
        {
            let mut stmt = conn.prepare_cached(
                "SELECT id, platform_id, changed_on FROM platform_changes WHERE state = 'pending'",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                changes.entry(r.get(1)?).or_default().push(PendingChange {
                    id: r.get(0)?,
                    changed_on: r.get(2)?,
                });
            }
        }
        let mut platforms = Vec::new();
        {
            each_row!(conn, PLATFORM_FACTS_SQL, [], |r| {
                let id: i64 = r.get(0)?;
                let status: String = r.get(5)?;
                let status = PlatformStatus::from_code(&status)
                    .ok_or_else(|| StoreError::Corrupt(format!("platforms.status = {status}")))?;
                let last_post_on: Option<NaiveDate> = r.get(10)?;
                let last_update = later(last_post_on, day_of(r.get(11)?, id)?);
                platforms.push(PlatformFacts {
                    platform: PlatformRef {
                        id,
                        name: r.get(1)?,
                        kind_name: r.get(2)?,
                    },
                    unit: UnitRef {
                        id: r.get(3)?,
                        name: r.get(4)?,
                    },
                    status,
                    created_on: r.get(6)?,
                    last_update,
                    notices: notices.remove(&id).unwrap_or_default(),
                    party_building: PartyBuildingFacts {
                        has_column: r.get(9)?,
                        last_post: day_of(r.get(12)?, id)?,
                    },
                    verified: r.get(7)?,
                    verified_until: r.get(8)?,
                    last_annual_review: day_of(r.get(13)?, id)?,
                    pending_changes: changes.remove(&id).unwrap_or_default(),
                });
            });
        }
        let incidents = query_incidents(conn, "WHERE closed_at IS NULL ORDER BY found_at", [])?
            .into_iter()
            .map(|(i, _)| i)
            .collect();
        let mut staff = Vec::new();
        {
            each_row!(conn, STAFF_FACTS_SQL, [today], |r| {
                staff.push(StaffMember {
                    person: PersonRef {
                        id: r.get(0)?,
                        name: r.get(1)?,
                    },
                    unit: UnitRef {
                        id: r.get(2)?,
                        name: r.get(3)?,
                    },
                    last_training: r.get(4)?,
                });
            });
        }
        Ok(SupervisionFacts {
            platforms,
            incidents,
            staff,
        })
    }

    /// Every due action today, sorted by urgency (第四条一/二, 第五条, 第六条二/四, 第八条一).
    /// `now` times the 24-hour incident rule.
    pub fn due_actions(
        &self,
        today: NaiveDate,
        now: NaiveDateTime,
    ) -> Result<Vec<DueItem>, StoreError> {
        let facts = self.supervision_facts(today)?;
        let settings = self.supervision_settings()?;
        let calendar = self.work_calendar()?;
        let change_report_days = self.settings()?.change_report_days;
        Ok(due_items(&SupervisionInput {
            today,
            now,
            settings: &settings,
            calendar: &calendar,
            change_report_days,
            platforms: &facts.platforms,
            incidents: &facts.incidents,
            staff: &facts.staff,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_facts_read_each_platform_once_and_the_filings_in_one_pass() {
        let store = Store::open_in_memory().unwrap();
        let plan = store.query_plan(PLATFORM_FACTS_SQL).unwrap().join(" / ");
        // The platforms once, the filings grouped once; nothing run again per platform, and
        // the posts and recorded updates not read at all (their dates are on the platform).
        assert!(plan.contains("SCAN p"), "{plan}");
        assert!(plan.contains("MATERIALIZE f"), "{plan}");
        assert!(plan.contains("SCAN filings"), "{plan}");
        assert!(!plan.contains("CORRELATED"), "{plan}");
        assert!(!plan.contains("posts"), "{plan}");
        assert!(!plan.contains("platform_updates"), "{plan}");
    }

    #[test]
    fn the_staff_and_their_training_are_read_in_one_pass() {
        let store = Store::open_in_memory().unwrap();
        let sql = STAFF_FACTS_SQL.replace("?1", "'2026-11-26'");
        let plan = store.query_plan(&sql).unwrap().join(" / ");
        assert!(plan.contains("MATERIALIZE t"), "{plan}");
        assert!(plan.contains("SCAN a"), "{plan}");
        assert!(
            plan.contains("SEARCH p USING INTEGER PRIMARY KEY"),
            "{plan}"
        );
        assert!(!plan.contains("CORRELATED"), "{plan}");
    }

    #[test]
    fn the_due_list_is_the_domain_s_over_the_gathered_facts() {
        let mut store = Store::open_in_memory().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        store.load_demo(today).unwrap();
        let facts = store.supervision_facts(today).unwrap();
        assert_eq!(facts.platforms.len(), 17);
        let silent = facts
            .platforms
            .iter()
            .find(|p| p.platform.name == "文传之声")
            .unwrap();
        assert_eq!(
            silent.last_update,
            today.checked_sub_days(chrono::Days::new(150))
        );
        let wechat = facts
            .platforms
            .iter()
            .find(|p| p.platform.name == "西亚斯商学院")
            .unwrap();
        assert!(wechat.party_building.has_column);
        assert_eq!(facts.incidents.len(), 1);
    }
}
