//! 第五条: training sessions (date, topic, organiser) and who attended. The school records
//! its own sessions; a unit may record a session its own staff attended.

use super::db::{OptionalExtension, params};
use chrono::NaiveDate;
use serde::Serialize;

use super::error::SupervisionRefusal;
use super::{Entity, Store, StoreError};
use crate::domain::permissions::{Permission, Target};
use crate::domain::supervision::{
    TrainingSession, TrainingSessionDraft, check_attendance, validate_session,
};

/// A session and how many attended, as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrainingRow {
    #[serde(flatten)]
    pub session: TrainingSession,
    pub attendees: Vec<i64>,
}

impl Store {
    /// Records a session and its attendance. All attendees of one unit: that unit's
    /// administrator or head may record it; otherwise (or with nobody yet) the school.
    pub fn add_training(
        &mut self,
        draft: &TrainingSessionDraft,
        attendees: &[i64],
        today: NaiveDate,
    ) -> Result<i64, StoreError> {
        self.write(|w| {
            let mut units = Vec::new();
            for person in attendees {
                let unit: i64 =
                    w.tx.query_row("SELECT unit_id FROM people WHERE id = ?1", [person], |r| {
                        r.get(0)
                    })
                    .optional()?
                    .ok_or(StoreError::NotFound {
                        what: Entity::Person,
                        id: *person,
                    })?;
                units.push(unit);
            }
            units.sort_unstable();
            units.dedup();
            let target = match units.as_slice() {
                [unit] => Target::Unit(*unit),
                _ => Target::School,
            };
            w.allow(Permission::RecordTraining, target)?;
            let mut problems = validate_session(draft);
            if !attendees.is_empty() {
                problems.extend(check_attendance(draft, today).err());
            }
            if !problems.is_empty() {
                return Err(SupervisionRefusal::Training(problems).into());
            }
            let id: i64 = w.tx.query_row(
                "INSERT INTO training_sessions (held_on, topic, organiser, recorded_by,
                     recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
                params![
                    draft.held_on,
                    draft.topic.trim(),
                    draft.organiser.trim(),
                    w.label(),
                    w.now()
                ],
                |r| r.get(0),
            )?;
            for person in attendees {
                w.tx.execute(
                    "INSERT INTO training_attendance (session_id, person_id)
                     VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                    params![id, person],
                )?;
            }
            w.note(
                "training_record",
                format!("training:{id}"),
                &crate::text::supervision::training_note(draft, attendees.len()),
            )?;
            Ok(id)
        })
    }

    /// Every session, newest first, with who attended.
    pub fn training_sessions(&self) -> Result<Vec<TrainingRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.held_on, s.topic, s.organiser,
                    string_agg(CAST(a.person_id AS TEXT), ',' ORDER BY a.person_id)
             FROM training_sessions s LEFT JOIN training_attendance a ON a.session_id = s.id
             GROUP BY s.id ORDER BY s.held_on DESC, s.id DESC",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, NaiveDate>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, held_on, topic, organiser, people) = row?;
            let mut attendees = Vec::new();
            for p in people
                .unwrap_or_default()
                .split(',')
                .filter(|p| !p.is_empty())
            {
                attendees.push(p.parse::<i64>().map_err(|_| {
                    StoreError::Corrupt(format!("training_attendance.person_id = {p}"))
                })?);
            }
            attendees.sort_unstable();
            out.push(TrainingRow {
                session: TrainingSession {
                    id,
                    draft: TrainingSessionDraft {
                        held_on,
                        topic,
                        organiser,
                    },
                },
                attendees,
            });
        }
        Ok(out)
    }
}
