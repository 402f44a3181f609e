//! The server side of the connection: statements prepared once per connection, rusqlite
//! values bound to whatever type the server infers for each parameter, and result columns
//! read back as rusqlite values (all integers as i64, booleans as 0/1, text as text), so the
//! rows look the same as SQLite's.

use std::collections::HashMap;
use std::error::Error as StdError;

use postgres::error::SqlState;
use postgres::types::{FromSql, IsNull, ToSql, Type, to_sql_checked};
use postgres::{Client, Statement};
use rusqlite::types::Value;

use super::{Error, Result, Row, dialect};

pub(super) struct Session {
    client: Client,
    cache: HashMap<String, Statement>,
}

impl Session {
    pub(super) fn new(client: Client) -> Self {
        Self {
            client,
            cache: HashMap::new(),
        }
    }

    fn statement(&mut self, sql: &str) -> Result<Statement> {
        if let Some(s) = self.cache.get(sql) {
            return Ok(s.clone());
        }
        let stmt = self
            .client
            .prepare(&dialect::postgres(sql))
            .inspect_err(|e| {
                tracing::error!("the server refused a statement: {e}: {sql}");
            })?;
        if self.cache.len() > 512 {
            self.cache.clear();
        }
        self.cache.insert(sql.to_owned(), stmt.clone());
        Ok(stmt)
    }

    pub(super) fn batch(&mut self, sql: &str) -> Result<()> {
        Ok(self.client.batch_execute(sql)?)
    }

    pub(super) fn execute(&mut self, sql: &str, values: &[Value]) -> Result<usize> {
        let stmt = self.statement(sql)?;
        let params = bind(values);
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p as _).collect();
        Ok(self.client.execute(&stmt, &refs)? as usize)
    }

    pub(super) fn query(&mut self, sql: &str, values: &[Value]) -> Result<Vec<Row>> {
        let stmt = self.statement(sql)?;
        let params = bind(values);
        let refs: Vec<&(dyn ToSql + Sync)> = params.iter().map(|p| p as _).collect();
        let rows = self.client.query(&stmt, &refs)?;
        rows.iter().map(row_of).collect()
    }
}

fn bind(values: &[Value]) -> Vec<Param<'_>> {
    values.iter().map(Param).collect()
}

/// A value bound as the type the server expects for its place.
#[derive(Debug)]
struct Param<'a>(&'a Value);

type BoxError = Box<dyn StdError + Sync + Send>;

impl ToSql for Param<'_> {
    fn to_sql(&self, ty: &Type, out: &mut bytes::BytesMut) -> Result<IsNull, BoxError> {
        match self.0 {
            Value::Null => Ok(IsNull::Yes),
            Value::Integer(i) => match *ty {
                Type::INT8 => i.to_sql(ty, out),
                Type::INT4 => i32::try_from(*i)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*i)?.to_sql(ty, out),
                Type::BOOL => (*i != 0).to_sql(ty, out),
                Type::FLOAT8 => (*i as f64).to_sql(ty, out),
                Type::FLOAT4 => (*i as f32).to_sql(ty, out),
                _ => i.to_string().to_sql(&Type::TEXT, out),
            },
            Value::Real(f) => match *ty {
                Type::FLOAT4 => (*f as f32).to_sql(ty, out),
                Type::FLOAT8 => f.to_sql(ty, out),
                _ => f.to_string().to_sql(&Type::TEXT, out),
            },
            Value::Text(s) => match *ty {
                Type::INT8 => s.parse::<i64>()?.to_sql(ty, out),
                Type::INT4 => s.parse::<i32>()?.to_sql(ty, out),
                _ => s.as_str().to_sql(&Type::TEXT, out),
            },
            Value::Blob(b) => b.as_slice().to_sql(&Type::BYTEA, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    to_sql_checked!();
}

/// Any column, kept as the server sent it, for the types read by hand below.
struct Raw<'a>(&'a [u8]);

impl<'a> FromSql<'a> for Raw<'a> {
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<Self, BoxError> {
        Ok(Raw(raw))
    }
    fn accepts(_: &Type) -> bool {
        true
    }
}

fn row_of(r: &postgres::Row) -> Result<Row> {
    let mut values = Vec::with_capacity(r.len());
    for (i, col) in r.columns().iter().enumerate() {
        let v = match *col.type_() {
            Type::INT8 => r.try_get::<_, Option<i64>>(i)?.map(Value::Integer),
            Type::INT4 => r
                .try_get::<_, Option<i32>>(i)?
                .map(|v| Value::Integer(v.into())),
            Type::INT2 => r
                .try_get::<_, Option<i16>>(i)?
                .map(|v| Value::Integer(v.into())),
            Type::BOOL => r
                .try_get::<_, Option<bool>>(i)?
                .map(|v| Value::Integer(v.into())),
            Type::FLOAT8 => r.try_get::<_, Option<f64>>(i)?.map(Value::Real),
            Type::FLOAT4 => r
                .try_get::<_, Option<f32>>(i)?
                .map(|v| Value::Real(v.into())),
            Type::BYTEA => r.try_get::<_, Option<Vec<u8>>>(i)?.map(Value::Blob),
            Type::NUMERIC => r
                .try_get::<_, Option<Raw<'_>>>(i)?
                .map(|raw| numeric(raw.0))
                .transpose()?,
            Type::VOID => None,
            _ => r.try_get::<_, Option<String>>(i)?.map(Value::Text),
        };
        values.push(v.unwrap_or(Value::Null));
    }
    Ok(Row::new(values))
}

/// A NUMERIC in the server's binary form (sums of integers come back so): an integer when
/// it has no fraction, else a float.
fn numeric(raw: &[u8]) -> Result<Value> {
    let bad = || Error::Conversion {
        column: 0,
        message: "NUMERIC".to_owned(),
    };
    let word = |k: usize| -> Result<i16> {
        raw.get(k..k + 2)
            .map(|b| i16::from_be_bytes([b[0], b[1]]))
            .ok_or_else(bad)
    };
    let ndigits = word(0)?.max(0) as usize;
    let weight = word(2)?;
    let sign = word(4)? as u16;
    let dscale = word(6)?;
    if sign == 0xC000 {
        return Ok(Value::Null);
    }
    let mut value = 0f64;
    for k in 0..ndigits {
        let digit = f64::from(word(8 + 2 * k)?);
        value += digit * 10000f64.powi(i32::from(weight) - k as i32);
    }
    if sign == 0x4000 {
        value = -value;
    }
    if dscale == 0 && value.abs() < 9.0e15 {
        Ok(Value::Integer(value as i64))
    } else {
        Ok(Value::Real(value))
    }
}

/// The server's error, sorted into what the store can do about it.
pub(super) fn classify(e: postgres::Error) -> Error {
    if e.is_closed() {
        return Error::Disconnected(e.to_string());
    }
    let Some(code) = e.code() else {
        return match e.source().and_then(|s| s.downcast_ref::<std::io::Error>()) {
            Some(_) => Error::Disconnected(e.to_string()),
            None => Error::Postgres(e),
        };
    };
    let message = e
        .as_db_error()
        .map(|d| d.message().to_owned())
        .unwrap_or_else(|| e.to_string());
    if [
        SqlState::UNIQUE_VIOLATION,
        SqlState::FOREIGN_KEY_VIOLATION,
        SqlState::CHECK_VIOLATION,
        SqlState::NOT_NULL_VIOLATION,
        SqlState::RAISE_EXCEPTION,
        SqlState::RESTRICT_VIOLATION,
    ]
    .contains(code)
    {
        Error::Constraint(message)
    } else if [
        SqlState::T_R_SERIALIZATION_FAILURE,
        SqlState::T_R_DEADLOCK_DETECTED,
        SqlState::LOCK_NOT_AVAILABLE,
    ]
    .contains(code)
    {
        Error::Busy(message)
    } else if [
        SqlState::ADMIN_SHUTDOWN,
        SqlState::CRASH_SHUTDOWN,
        SqlState::CANNOT_CONNECT_NOW,
        SqlState::CONNECTION_FAILURE,
    ]
    .contains(code)
    {
        Error::Disconnected(message)
    } else {
        Error::Postgres(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerics_decode_from_the_binary_form() {
        // 12345 = digits [1, 2345], weight 1, positive, scale 0.
        let raw = [0, 2, 0, 1, 0, 0, 0, 0, 0, 1, 0x09, 0x29];
        assert_eq!(numeric(&raw).unwrap(), Value::Integer(12345));
        // -3 = digits [3], weight 0, negative.
        let raw = [0, 1, 0, 0, 0x40, 0, 0, 0, 0, 3];
        assert_eq!(numeric(&raw).unwrap(), Value::Integer(-3));
        // 0 = no digits.
        assert_eq!(
            numeric(&[0, 0, 0, 0, 0, 0, 0, 0]).unwrap(),
            Value::Integer(0)
        );
        assert!(numeric(&[0, 1]).is_err());
    }
}
