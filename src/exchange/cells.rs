//! One cell read as what its column means: text, a date, yes/no, a mobile. People write
//! these many ways (2024/9/27, 2024年9月27日, an Excel date, √, 是), and Excel turns long
//! digit strings into numbers; every reading here loses nothing or says why it cannot.

use chrono::{Days, NaiveDate};

use super::source::Cell;
use crate::text::exchange as words;

/// Why a cell could not be read; worded in `text::exchange`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CellProblem {
    /// `#N/A`, `#REF!` and the like.
    ErrorValue(String),
    NotADate(String),
    NotYesNo(String),
    /// Excel showed a long number in scientific notation and saved it so: digits are lost.
    Scientific(String),
    /// A number with a fraction where whole digits are expected (a mobile, an ID).
    NotWhole(String),
    UnknownAccountType(String),
}

/// A cell as text: numbers keep every digit (13803710001, not 1.3803710001E10), dates are
/// written yyyy-mm-dd, and the "nothing here" marks people type (/, -, 无) become empty.
pub fn text_of(cell: &Cell) -> Result<String, CellProblem> {
    let text = match cell {
        Cell::Empty => String::new(),
        Cell::Text(t) => t.trim().to_owned(),
        Cell::Int(i) => i.to_string(),
        Cell::Number(f) => number_text(*f),
        Cell::Bool(b) => words::yes_no(*b).to_owned(),
        Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        Cell::Error(e) => return Err(CellProblem::ErrorValue(e.clone())),
    };
    Ok(if words::BLANK_MARKS.contains(&text.as_str()) {
        String::new()
    } else {
        text
    })
}

/// Digits of a whole number as Excel stored it; anything else in Rust's shortest form.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{f:.0}")
    } else {
        f.to_string()
    }
}

/// A mobile number or an account ID: digits must survive. A number cell is fine when whole;
/// text that Excel wrote as `1.38037E+10` has lost its last digits and is refused.
pub fn digits_text(cell: &Cell) -> Result<String, CellProblem> {
    if let Cell::Number(f) = cell
        && f.fract() != 0.0
    {
        return Err(CellProblem::NotWhole(number_text(*f)));
    }
    let text = text_of(cell)?;
    if looks_scientific(&text) {
        return Err(CellProblem::Scientific(text));
    }
    Ok(text)
}

/// A mobile as the validation wants it: full-width digits made ASCII, spaces and dashes
/// that people put between groups removed, a +86 country code dropped.
pub fn mobile_of(cell: &Cell) -> Result<String, CellProblem> {
    let text = digits_text(cell)?;
    let compact: String = text
        .chars()
        .map(fold_width)
        .filter(|c| !matches!(c, ' ' | '-' | '\u{2014}'))
        .collect();
    let without_country = compact
        .strip_prefix("+86")
        .or_else(|| compact.strip_prefix("0086"))
        .or_else(|| compact.strip_prefix("86").filter(|rest| rest.len() == 11))
        .unwrap_or(&compact);
    Ok(without_country.to_owned())
}

/// Full-width letters, digits and punctuation (what a Chinese input method types in its
/// full-width mode: U+FF01–U+FF5E, and the ideographic space) as their ASCII selves.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        c => c,
    }
}

fn looks_scientific(text: &str) -> bool {
    let upper = text.to_ascii_uppercase();
    let Some((mantissa, exponent)) = upper.split_once('E') else {
        return false;
    };
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    !mantissa.is_empty()
        && mantissa.chars().all(|c| c.is_ascii_digit() || c == '.')
        && mantissa.chars().any(|c| c.is_ascii_digit())
        && !exponent.is_empty()
        && exponent.chars().all(|c| c.is_ascii_digit())
}

/// A required date; empty is `Ok(None)` so the caller can say the field is required.
pub fn date_of(cell: &Cell) -> Result<Option<NaiveDate>, CellProblem> {
    match cell {
        Cell::Date(d) => Ok(Some(*d)),
        Cell::Int(i) => number_date(*i as f64).map(Some),
        Cell::Number(f) => number_date(*f).map(Some),
        Cell::Error(e) => Err(CellProblem::ErrorValue(e.clone())),
        Cell::Bool(_) => Err(CellProblem::NotADate(text_of(cell)?)),
        Cell::Empty | Cell::Text(_) => {
            let text = text_of(cell)?;
            if text.is_empty() {
                Ok(None)
            } else {
                parse_date_text(&text)
                    .map(Some)
                    .ok_or(CellProblem::NotADate(text))
            }
        }
    }
}

/// A number in a date column: 20240927 written as digits, or an Excel serial date (days since
/// 1899-12-30) from a cell whose date format was lost.
fn number_date(f: f64) -> Result<NaiveDate, CellProblem> {
    let shown = number_text(f);
    if f.fract() != 0.0 {
        return Err(CellProblem::NotADate(shown));
    }
    if (19_000_101.0..=29_991_231.0).contains(&f) {
        return parse_date_text(&shown).ok_or(CellProblem::NotADate(shown));
    }
    // Serial 61 is 1900-03-01, past Excel's fictitious 1900-02-29; 2958465 is 9999-12-31.
    if (61.0..=2_958_465.0).contains(&f) {
        let epoch = NaiveDate::from_ymd_opt(1899, 12, 30);
        return epoch
            .and_then(|e| e.checked_add_days(Days::new(f as u64)))
            .ok_or(CellProblem::NotADate(shown));
    }
    Err(CellProblem::NotADate(shown))
}

/// 2024-09-27, 2024/9/27, 2024.9.27, 2024年9月27日, 20240927, each optionally followed by a
/// time of day. Two-digit years and month-first orders are ambiguous and refused.
pub fn parse_date_text(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    // Drop a time of day: "2024-09-27 10:30:00", "2024-09-27T10:30".
    let date_part = text
        .split(|c: char| c.is_whitespace() || c == 'T')
        .next()
        .unwrap_or(text);
    if !date_part
        .chars()
        .all(|c| c.is_ascii_digit() || words::DATE_SEPARATORS.contains(&c))
    {
        return None;
    }
    let groups: Vec<&str> = date_part
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let (y, m, d) = match groups.as_slice() {
        [y, m, d] if y.len() == 4 && m.len() <= 2 && d.len() <= 2 => (*y, *m, *d),
        [all] if all.len() == 8 => (&all[..4], &all[4..6], &all[6..]),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// 是/否 as people mark it: 是 否, √ ×, Y N, 有 无, 已认证 未认证, TRUE FALSE, 1 0.
/// Empty means no.
pub fn yes_no_of(cell: &Cell) -> Result<bool, CellProblem> {
    match cell {
        Cell::Bool(b) => Ok(*b),
        Cell::Int(1) => Ok(true),
        Cell::Int(0) => Ok(false),
        Cell::Number(f) if *f == 1.0 => Ok(true),
        Cell::Number(f) if *f == 0.0 => Ok(false),
        _ => {
            let text = text_of(cell)?;
            let key = text.to_lowercase();
            if key.is_empty() || words::NO_MARKS.contains(&key.as_str()) {
                Ok(false)
            } else if words::YES_MARKS.contains(&key.as_str()) {
                Ok(true)
            } else {
                Err(CellProblem::NotYesNo(text))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn dates_in_every_form_people_write_them() {
        let want = Some(d(2024, 9, 27));
        let cases = [
            t("2024-09-27"),
            t("2024/9/27"),
            t("2024.9.27"),
            t("2024年9月27日"),
            t(" 2024年09月27号 "),
            t("20240927"),
            t("2024-09-27 10:30:00"),
            t("2024-09-27T10:30"),
            Cell::Date(d(2024, 9, 27)),
            Cell::Number(45562.0),
            Cell::Int(45562),
            Cell::Number(20_240_927.0),
        ];
        for cell in cases {
            assert_eq!(date_of(&cell), Ok(want), "{cell:?}");
        }
        assert_eq!(date_of(&Cell::Empty), Ok(None));
        assert_eq!(date_of(&t(" / ")), Ok(None));
    }

    #[test]
    fn impossible_or_ambiguous_dates_are_refused() {
        for cell in [
            t("2024-02-30"),
            t("9/27/2024"),
            t("24/9/27"),
            t("2024年9月"),
            t("去年九月"),
            t("2024-09-27abc"),
            Cell::Number(45562.5),
            Cell::Number(-3.0),
            Cell::Bool(true),
        ] {
            assert!(
                matches!(date_of(&cell), Err(CellProblem::NotADate(_))),
                "{cell:?}"
            );
        }
        assert_eq!(
            date_of(&Cell::Error("#N/A".into())),
            Err(CellProblem::ErrorValue("#N/A".into()))
        );
    }

    #[test]
    fn yes_and_no() {
        for (cell, want) in [
            (t("是"), true),
            (t("√"), true),
            (t("✓"), true),
            (t("Y"), true),
            (t("yes"), true),
            (t("已认证"), true),
            (Cell::Bool(true), true),
            (Cell::Int(1), true),
            (t("否"), false),
            (t("×"), false),
            (t("x"), false),
            (t("N"), false),
            (t("未认证"), false),
            (t("无"), false),
            (Cell::Empty, false),
            (Cell::Number(0.0), false),
        ] {
            assert_eq!(yes_no_of(&cell), Ok(want), "{cell:?}");
        }
        assert_eq!(
            yes_no_of(&t("可能")),
            Err(CellProblem::NotYesNo("可能".into()))
        );
    }

    #[test]
    fn numbers_keep_every_digit() {
        assert_eq!(
            mobile_of(&Cell::Number(13_803_710_001.0)).unwrap(),
            "13803710001"
        );
        assert_eq!(
            mobile_of(&Cell::Int(13_803_710_001)).unwrap(),
            "13803710001"
        );
        assert_eq!(mobile_of(&t("138 0371 0001")).unwrap(), "13803710001");
        assert_eq!(mobile_of(&t("138-0371-0001")).unwrap(), "13803710001");
        assert_eq!(mobile_of(&t("+86 13803710001")).unwrap(), "13803710001");
        assert_eq!(mobile_of(&t("8613803710001")).unwrap(), "13803710001");
        assert_eq!(
            mobile_of(&t("１３８０３７１０００１")).unwrap(),
            "13803710001"
        );
        assert_eq!(
            digits_text(&Cell::Number(1_234_567_890_123.0)).unwrap(),
            "1234567890123"
        );
        assert_eq!(
            mobile_of(&t("1.38037E+10")),
            Err(CellProblem::Scientific("1.38037E+10".into()))
        );
        assert_eq!(
            mobile_of(&Cell::Number(1380371.5)),
            Err(CellProblem::NotWhole("1380371.5".into()))
        );
        assert_eq!(text_of(&Cell::Number(2.5)).unwrap(), "2.5");
    }
}
