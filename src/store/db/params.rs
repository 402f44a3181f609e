//! Parameters in rusqlite's forms (`params![]`, `[x]`, `()`, tuples, `params_from_iter`),
//! turned into plain values that either backend binds.

use rusqlite::ToSql;
use rusqlite::types::{ToSqlOutput, Value, ValueRef};

use super::{Error, Result};

/// Something that supplies a statement's parameters.
pub trait Params {
    fn into_values(self) -> Result<Vec<Value>>;
}

pub(super) fn value_of<T: ToSql + ?Sized>(p: &T) -> Result<Value> {
    match p.to_sql()? {
        ToSqlOutput::Borrowed(v) => Ok(match v {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(i) => Value::Integer(i),
            ValueRef::Real(f) => Value::Real(f),
            ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
            ValueRef::Blob(b) => Value::Blob(b.to_vec()),
        }),
        ToSqlOutput::Owned(v) => Ok(v),
        _ => Err(Error::Conversion {
            column: 0,
            message: "unsupported parameter".to_owned(),
        }),
    }
}

impl Params for [&(dyn ToSql + Send + Sync); 0] {
    fn into_values(self) -> Result<Vec<Value>> {
        Ok(Vec::new())
    }
}

impl Params for &[&dyn ToSql] {
    fn into_values(self) -> Result<Vec<Value>> {
        self.iter().map(|p| value_of(*p)).collect()
    }
}

impl Params for () {
    fn into_values(self) -> Result<Vec<Value>> {
        Ok(Vec::new())
    }
}

macro_rules! arrays {
    ($($n:literal)*) => {$(
        impl<T: ToSql> Params for [T; $n] {
            fn into_values(self) -> Result<Vec<Value>> {
                self.iter().map(|p| value_of(p)).collect()
            }
        }
        impl<T: ToSql + ?Sized> Params for &[&T; $n] {
            fn into_values(self) -> Result<Vec<Value>> {
                self.iter().map(|p| value_of(*p)).collect()
            }
        }
    )*};
}
arrays!(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16);

macro_rules! tuples {
    ($(($($t:ident $i:tt),*))*) => {$(
        impl<$($t: ToSql),*> Params for ($($t,)*) {
            fn into_values(self) -> Result<Vec<Value>> {
                Ok(vec![$(value_of(&self.$i)?),*])
            }
        }
    )*};
}
tuples!((A 0) (A 0, B 1) (A 0, B 1, C 2) (A 0, B 1, C 2, D 3) (A 0, B 1, C 2, D 3, E 4));

/// Parameters from an iterator of values, as `rusqlite::params_from_iter`.
pub struct ParamsFromIter<I>(I);

pub fn params_from_iter<I>(iter: I) -> ParamsFromIter<I>
where
    I: IntoIterator,
    I::Item: ToSql,
{
    ParamsFromIter(iter)
}

impl<I> Params for ParamsFromIter<I>
where
    I: IntoIterator,
    I::Item: ToSql,
{
    fn into_values(self) -> Result<Vec<Value>> {
        self.0.into_iter().map(|p| value_of(&p)).collect()
    }
}
