//! 第八条一/二: security incidents of a platform (账号被盗用, 非法使用, 安全漏洞, 不良信息), their
//! report to the three offices and their handling. Recorded by the unit that runs the
//! platform; each one shows in the platform's history.

use super::db::{Connection, Row, params};
use chrono::NaiveDateTime;

use super::error::SupervisionRefusal;
use super::lifecycle::{platform_unit, record_event};
use super::units::stale_or_missing;
use super::{Entity, Store, StoreError};
use crate::domain::lifecycle::EventKind;
use crate::domain::permissions::{Permission, Target};
use crate::domain::supervision::{
    Incident, IncidentDraft, IncidentKind, Office, validate_incident,
};

const SELECT_INCIDENT: &str = "SELECT id, platform_id, kind, found_at, found_by, description,
     reported_at, reported_to, actions_taken, closed_at, version FROM security_incidents";

fn offices_code(offices: &[Office]) -> String {
    offices
        .iter()
        .map(|o| o.code())
        .collect::<Vec<_>>()
        .join(",")
}

fn incident_from_row(r: &Row) -> Result<(Incident, i64), StoreError> {
    let id: i64 = r.get(0)?;
    let kind: String = r.get(2)?;
    let offices: String = r.get(7)?;
    let kind = IncidentKind::from_code(&kind)
        .ok_or_else(|| StoreError::Corrupt(format!("security_incidents.kind = {kind}")))?;
    let reported_to = offices
        .split(',')
        .filter(|c| !c.is_empty())
        .map(|c| {
            Office::from_code(c).ok_or_else(|| {
                StoreError::Corrupt(format!("security_incidents.reported_to = {offices}"))
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok((
        Incident {
            id,
            draft: IncidentDraft {
                platform_id: r.get(1)?,
                kind,
                found_at: r.get(3)?,
                found_by: r.get(4)?,
                description: r.get(5)?,
                reported_at: r.get(6)?,
                reported_to,
                actions_taken: r.get(8)?,
                closed_at: r.get(9)?,
            },
        },
        r.get(10)?,
    ))
}

pub(super) fn query_incidents(
    conn: &Connection,
    filter: &str,
    args: impl super::db::Params,
) -> Result<Vec<(Incident, i64)>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT_INCIDENT} {filter}"))?;
    let mut rows = stmt.query(args)?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(incident_from_row(r)?);
    }
    Ok(out)
}

impl Store {
    /// 第八条一: records an incident; refused with every problem when the record is not
    /// consistent (reported before found, closed without actions, times in the future…).
    pub fn add_incident(
        &mut self,
        draft: &IncidentDraft,
        now: NaiveDateTime,
    ) -> Result<i64, StoreError> {
        self.write(|w| {
            let unit = platform_unit(&w.tx, draft.platform_id)?;
            w.allow(Permission::RecordIncident, Target::Unit(unit))?;
            let problems = validate_incident(draft, now);
            if !problems.is_empty() {
                return Err(SupervisionRefusal::Incident(problems).into());
            }
            let id: i64 = w.tx.query_row(
                "INSERT INTO security_incidents (platform_id, kind, found_at, found_by,
                     description, reported_at, reported_to, actions_taken, closed_at,
                     recorded_by, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11) RETURNING id",
                params![
                    draft.platform_id,
                    draft.kind.code(),
                    draft.found_at,
                    draft.found_by.trim(),
                    draft.description.trim(),
                    draft.reported_at,
                    offices_code(&draft.reported_to),
                    draft.actions_taken.trim(),
                    draft.closed_at,
                    w.label(),
                    w.now()
                ],
                |r| r.get(0),
            )?;
            record_event(
                w,
                draft.platform_id,
                EventKind::IncidentRecorded,
                draft.found_at.date(),
                &crate::text::supervision::incident_summary(draft),
            )?;
            Ok(id)
        })
    }

    /// Updates an incident as it is reported and handled (the same checks as a new one).
    pub fn update_incident(
        &mut self,
        id: i64,
        version: i64,
        draft: &IncidentDraft,
        now: NaiveDateTime,
    ) -> Result<(), StoreError> {
        self.write(|w| {
            let (old, _) = query_incidents(&w.tx, "WHERE id = ?1", [id])?.pop().ok_or(
                StoreError::NotFound {
                    what: Entity::Incident,
                    id,
                },
            )?;
            let unit = platform_unit(&w.tx, old.draft.platform_id)?;
            w.allow(Permission::RecordIncident, Target::Unit(unit))?;
            let problems = validate_incident(draft, now);
            if !problems.is_empty() {
                return Err(SupervisionRefusal::Incident(problems).into());
            }
            let n = w.tx.execute(
                "UPDATE security_incidents SET kind = ?1, found_at = ?2, found_by = ?3,
                     description = ?4, reported_at = ?5, reported_to = ?6, actions_taken = ?7,
                     closed_at = ?8, version = version + 1, updated_at = ?9
                 WHERE id = ?10 AND version = ?11",
                params![
                    draft.kind.code(),
                    draft.found_at,
                    draft.found_by.trim(),
                    draft.description.trim(),
                    draft.reported_at,
                    offices_code(&draft.reported_to),
                    draft.actions_taken.trim(),
                    draft.closed_at,
                    w.now(),
                    id,
                    version
                ],
            )?;
            stale_or_missing(&w.tx, n, "security_incidents", id, Entity::Incident)?;
            record_event(
                w,
                old.draft.platform_id,
                EventKind::IncidentRecorded,
                draft.found_at.date(),
                &crate::text::supervision::incident_summary(draft),
            )
        })
    }

    /// One incident and its row version.
    pub fn incident(&self, id: i64) -> Result<(Incident, i64), StoreError> {
        query_incidents(&self.conn, "WHERE id = ?1", [id])?
            .pop()
            .ok_or(StoreError::NotFound {
                what: Entity::Incident,
                id,
            })
    }

    /// The incidents of one platform, newest first.
    pub fn platform_incidents(&self, platform_id: i64) -> Result<Vec<Incident>, StoreError> {
        Ok(query_incidents(
            &self.conn,
            "WHERE platform_id = ?1 ORDER BY found_at DESC, id DESC",
            [platform_id],
        )?
        .into_iter()
        .map(|(i, _)| i)
        .collect())
    }
}
