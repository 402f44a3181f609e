//! Dates as secretaries type them and spreadsheets export them: 2026-11-05, 2026/11/5,
//! 2026年11月5日 (leading zeros optional, full-width digits accepted). The style is kept, so an
//! import can refuse a file that mixes them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateStyle {
    /// 2026-11-05
    Dashed,
    /// 2026/11/5
    Slashed,
    /// 2026年11月5日
    Chinese,
}

/// The date and how it was written, or `None` when it is not one of the three styles or not
/// a real day (2026-02-30).
pub fn parse_date_any(text: &str) -> Option<(NaiveDate, DateStyle)> {
    let text: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => {
                char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
            }
            other => other,
        })
        .collect();
    let (parts, style) = if let Some(rest) = text.strip_suffix('日') {
        let (year, rest) = rest.split_once('年')?;
        let (month, day) = rest.split_once('月')?;
        ([year, month, day], DateStyle::Chinese)
    } else {
        let (sep, style) = if text.contains('/') {
            ('/', DateStyle::Slashed)
        } else {
            ('-', DateStyle::Dashed)
        };
        let mut it = text.split(sep);
        let parts = [it.next()?, it.next()?, it.next()?];
        if it.next().is_some() {
            return None;
        }
        (parts, style)
    };
    let [year, month, day] = parts;
    let number = |s: &str, max_len: usize| {
        let s = s.trim();
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    if year.trim().len() != 4 {
        return None;
    }
    let year = i32::try_from(number(year, 4)?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, number(month, 2)?, number(day, 2)?)?;
    Some((date, style))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_styles_and_nothing_else() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        use DateStyle::*;
        let cases = [
            ("2026-11-05", Some(("2026-11-05", Dashed))),
            ("2026-11-5", Some(("2026-11-05", Dashed))),
            (" 2026/11/5 ", Some(("2026-11-05", Slashed))),
            ("2026/11/05", Some(("2026-11-05", Slashed))),
            ("2026年11月5日", Some(("2026-11-05", Chinese))),
            ("2026年1月05日", Some(("2026-01-05", Chinese))),
            ("２０２６年１１月５日", Some(("2026-11-05", Chinese))),
            ("2024-02-29", Some(("2024-02-29", Dashed))),
            ("2026-02-29", None),
            ("2026-13-01", None),
            ("2026/11/5 0:00", None),
            ("11/5/2026", None),
            ("26-11-05", None),
            ("2026-11", None),
            ("2026-11-05-01", None),
            ("2026年11月5", None),
            ("2026.11.05", None),
            ("+2026-11-05", None),
            ("2026-+1-05", None),
            ("", None),
            ("昨天", None),
        ];
        for (text, expected) in cases {
            assert_eq!(
                parse_date_any(text),
                expected.map(|(date, style)| (d(date), style)),
                "{text:?}"
            );
        }
    }
}
