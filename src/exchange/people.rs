//! Names with mobiles as people type them into one cell: 「李珺 15937165432；王芳 13812345678」,
//! 「李珺(15937165432)、王芳」, one per line. The filing form has them as rows of name and
//! mobile; a 台账 often squeezes them into one column.

use super::cells::fold_width;
use crate::domain::platform::Administrator;
use crate::text::exchange as words;

/// Splits a cell into people. A separator ends a person; inside one, a run of digits (with
/// the spaces, dashes and +86 people put in mobiles) is the mobile, the rest the name.
pub fn parse_people(cell: &str) -> Vec<Administrator> {
    cell.split(|c: char| words::PEOPLE_SEPARATORS.contains(&c) || c == '\n' || c == '\r')
        .map(parse_person)
        .filter(|a| !(a.name.is_empty() && a.mobile.is_empty()))
        .collect()
}

/// One person: 「李珺 15937165432」, 「李珺：15937165432」, 「李珺(15937165432)」, 「15937165432 李珺」.
pub fn parse_person(text: &str) -> Administrator {
    let mut name = String::new();
    let mut mobile = String::new();
    for c in text.chars().map(fold_width) {
        match c {
            '0'..='9' => mobile.push(c),
            // Dashes between digit groups and the brackets or colon between name and
            // mobile belong to neither; spaces stay and are trimmed off the name.
            c if words::NAME_MOBILE_JOINERS.contains(&c) => {}
            '+' if mobile.is_empty() => {}
            c => name.push(c),
        }
    }
    let mobile = mobile
        .strip_prefix("86")
        .filter(|rest| rest.len() == 11)
        .map_or(mobile.clone(), str::to_owned);
    Administrator {
        name: name.trim().to_owned(),
        mobile,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(name: &str, mobile: &str) -> Administrator {
        Administrator {
            name: name.into(),
            mobile: mobile.into(),
        }
    }

    #[test]
    fn people_in_one_cell() {
        let cases: &[(&str, Vec<Administrator>)] = &[
            ("李珺 15937165432", vec![a("李珺", "15937165432")]),
            (
                "李珺 15937165432；王芳 13812345678",
                vec![a("李珺", "15937165432"), a("王芳", "13812345678")],
            ),
            (
                "李珺(15937165432)、王芳（13812345678）",
                vec![a("李珺", "15937165432"), a("王芳", "13812345678")],
            ),
            (
                "李珺：159-3716-5432\n王芳:138 1234 5678",
                vec![a("李珺", "15937165432"), a("王芳", "13812345678")],
            ),
            ("15937165432 李珺", vec![a("李珺", "15937165432")]),
            ("+86 159 3716 5432 李珺", vec![a("李珺", "15937165432")]),
            ("李珺", vec![a("李珺", "")]),
            ("李珺,王芳", vec![a("李珺", ""), a("王芳", "")]),
            ("  ；  ", vec![]),
        ];
        for (cell, want) in cases {
            assert_eq!(&parse_people(cell), want, "{cell}");
        }
    }
}
