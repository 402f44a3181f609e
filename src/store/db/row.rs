//! A row read in full from either backend, with rusqlite's `get` (so every `FromSql` the
//! store reads — numbers, text, dates, options — converts the same way on both).

use rusqlite::types::{FromSql, Value, ValueRef};

use super::{Error, Result};

/// One row's values, in column order.
#[derive(Debug, Clone)]
pub struct Row {
    values: Vec<Value>,
}

impl Row {
    pub(super) fn new(values: Vec<Value>) -> Self {
        Self { values }
    }

    /// The value of column `idx`, converted as rusqlite converts it.
    pub fn get<I: RowIndex, T: FromSql>(&self, idx: I) -> Result<T> {
        let column = idx.index();
        // Built only when missing: every value read goes through here.
        let value = self.values.get(column).ok_or_else(|| Error::Conversion {
            column,
            message: "no such column".to_owned(),
        })?;
        T::column_result(ValueRef::from(value)).map_err(|e| Error::Conversion {
            column,
            message: e.to_string(),
        })
    }
}

/// A column position.
pub trait RowIndex {
    fn index(self) -> usize;
}

impl RowIndex for usize {
    fn index(self) -> usize {
        self
    }
}

/// Rows to walk one at a time, as rusqlite's `Rows`.
pub struct Rows {
    rows: std::vec::IntoIter<Row>,
    current: Option<Row>,
}

impl Rows {
    pub(super) fn new(rows: Vec<Row>) -> Self {
        Self {
            rows: rows.into_iter(),
            current: None,
        }
    }

    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> Result<Option<&Row>> {
        self.current = self.rows.next();
        Ok(self.current.as_ref())
    }
}
