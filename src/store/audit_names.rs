//! Names for what audit entries are about: the 审计记录 page shows 「信息「…」」 instead of
//! `post:7`. One query per page of entries; an object deleted since keeps its raw id text
//! (the chain itself never changes: names are looked up when shown).

use std::collections::{BTreeSet, HashMap};

use super::{Store, StoreError};

/// The kinds of objects named, with the table and column holding their name.
const KINDS: [(&str, &str); 5] = [
    ("post", "SELECT 0, id, title, '' FROM posts"),
    ("platform", "SELECT 1, id, name, '' FROM platforms"),
    ("user", "SELECT 2, id, display_name, login FROM users"),
    ("person", "SELECT 3, id, name, '' FROM people"),
    ("unit", "SELECT 4, id, name, '' FROM units"),
];

/// What an audit object is, by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ObjectName {
    Post(String),
    Platform(String),
    /// Display name and login.
    User(String, String),
    Person(String),
    Unit(String),
}

impl Store {
    /// The names of `objects` (audit entries' `object`, e.g. "post:7") that still exist, keyed
    /// by the object text; others are left out (shown as they are).
    pub fn audit_object_names<'a>(
        &self,
        objects: impl IntoIterator<Item = &'a str>,
    ) -> Result<HashMap<String, ObjectName>, StoreError> {
        let mut ids: [BTreeSet<i64>; KINDS.len()] = Default::default();
        for object in objects {
            let Some((kind, id)) = object.split_once(':') else {
                continue;
            };
            let (Some(k), Ok(id)) = (KINDS.iter().position(|(n, _)| *n == kind), id.parse()) else {
                continue;
            };
            if let Some(set) = ids.get_mut(k) {
                set.insert(id);
            }
        }
        // The ids are parsed numbers, so they are written into the statement as they are.
        let parts: Vec<String> = KINDS
            .iter()
            .zip(&ids)
            .filter(|(_, set)| !set.is_empty())
            .map(|((_, select), set)| {
                let list: Vec<String> = set.iter().map(i64::to_string).collect();
                format!("{select} WHERE id IN ({})", list.join(","))
            })
            .collect();
        if parts.is_empty() {
            return Ok(HashMap::new());
        }
        let mut stmt = self.conn.prepare(&parts.join(" UNION ALL "))?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut names = HashMap::new();
        for row in rows {
            let (kind, id, name, login) = row?;
            let (prefix, named) = match kind {
                0 => ("post", ObjectName::Post(name)),
                1 => ("platform", ObjectName::Platform(name)),
                2 => ("user", ObjectName::User(name, login)),
                3 => ("person", ObjectName::Person(name)),
                _ => ("unit", ObjectName::Unit(name)),
            };
            names.insert(format!("{prefix}:{id}"), named);
        }
        Ok(names)
    }
}
