//! Personal identity data of staff and students (第六条五第12项): resident ID numbers, mobile
//! numbers, bank card numbers, e-mail addresses, and student/staff numbers by configurable
//! patterns. Numbers are validated (check digits, dates, province codes, Luhn) so that order
//! numbers and dates do not flood the reviewer with false alarms, and a number is only ever
//! recognised as a whole digit run, never as a slice of a longer one.

use chrono::{Datelike, NaiveDate};
use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Serialize};

use super::error::{BuildFailure, PatternFault, PatternKind, ScreeningError};
use super::finding::{Rule, Severity};

/// Settings for the detectors that depend on the school: its student and staff numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonalDataSettings {
    /// Regular expressions for student numbers (学号), e.g. `20\d{8}`. Case is ignored.
    pub student_number_patterns: Vec<String>,
    /// Regular expressions for staff numbers (工号), e.g. `JS\d{5}`. Case is ignored.
    pub staff_number_patterns: Vec<String>,
}

/// Why a string is not a valid resident ID number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdProblem {
    Length,
    NotDigits,
    Province,
    BirthDate,
    BornBefore1900,
    BornInFuture,
    CheckDigit,
}

/// GB/T 2260 province-level codes (first two digits of an ID number): 11–15 North, 21–23
/// North-East, 31–37 East, 41–46 Central-South, 50–54 South-West, 61–65 North-West, 71 Taiwan,
/// 81 Hong Kong, 82 Macao.
pub fn is_province_code(code: u32) -> bool {
    matches!(code, 11..=15 | 21..=23 | 31..=37 | 41..=46 | 50..=54 | 61..=65 | 71 | 81 | 82)
}

/// GB 11643-1999 check character of the first 17 digits: weights 2^(17-i) mod 11, remainder
/// mapped through `10X98765432`. `None` if the input is not 17 ASCII digits.
pub fn resident_id_check_char(first17: &[u8]) -> Option<u8> {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    if first17.len() != 17 || !first17.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let sum: u32 = first17
        .iter()
        .zip(WEIGHTS)
        .map(|(&d, w)| u32::from(d - b'0') * w)
        .sum();
    CHECK.get((sum % 11) as usize).copied()
}

fn number(digits: &[u8]) -> u32 {
    digits.iter().fold(0u32, |n, &d| {
        n.saturating_mul(10).saturating_add(u32::from(d - b'0'))
    })
}

/// 第六条五第12项: an 18-digit (GB 11643-1999) or old 15-digit resident ID number with a valid
/// province code, a real birth date between 1900 and `today`, and (18 digits) the right check
/// character. An X check character may be upper or lower case.
pub fn validate_resident_id(id: &str, today: NaiveDate) -> Result<(), IdProblem> {
    validate_id_bytes(id.as_bytes(), today)
}

fn validate_id_bytes(id: &[u8], today: NaiveDate) -> Result<(), IdProblem> {
    let (body, year, month, day) = match id.len() {
        18 => {
            let last = id[17];
            if !id[..17].iter().all(u8::is_ascii_digit)
                || !(last.is_ascii_digit() || last == b'X' || last == b'x')
            {
                return Err(IdProblem::NotDigits);
            }
            (&id[..17], number(&id[6..10]), &id[10..12], &id[12..14])
        }
        15 => {
            if !id.iter().all(u8::is_ascii_digit) {
                return Err(IdProblem::NotDigits);
            }
            (id, 1900 + number(&id[6..8]), &id[8..10], &id[10..12])
        }
        _ => return Err(IdProblem::Length),
    };
    if !is_province_code(number(&body[..2])) {
        return Err(IdProblem::Province);
    }
    let year = i32::try_from(year).map_err(|_| IdProblem::BirthDate)?;
    let birth =
        NaiveDate::from_ymd_opt(year, number(month), number(day)).ok_or(IdProblem::BirthDate)?;
    if birth.year() < 1900 {
        return Err(IdProblem::BornBefore1900);
    }
    if birth > today {
        return Err(IdProblem::BornInFuture);
    }
    if id.len() == 18 && resident_id_check_char(body) != Some(id[17].to_ascii_uppercase()) {
        return Err(IdProblem::CheckDigit);
    }
    Ok(())
}

/// The Luhn (mod 10) check used by bank card numbers. False for empty or non-digit input.
pub fn luhn_valid(digits: &str) -> bool {
    luhn_bytes(digits.as_bytes())
}

fn luhn_bytes(digits: &[u8]) -> bool {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d - b'0');
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A mainland mobile number: 11 digits, `1[3-9]…` (12x numbers are not mobiles).
pub fn is_mainland_mobile(digits: &str) -> bool {
    mobile_bytes(digits.as_bytes())
}

fn mobile_bytes(d: &[u8]) -> bool {
    d.len() == 11
        && d[0] == b'1'
        && (b'3'..=b'9').contains(&d[1])
        && d.iter().all(u8::is_ascii_digit)
}

/// 第六条五第12项: how serious each kind of personal data is. ID and bank card numbers are never
/// published; mobiles, e-mails and student/staff numbers are often legitimate contact details
/// (a department's hotline), so they only ask the reviewer to look.
/// 第六条五第12项: a valid ID or card number blocks; the rest (mobiles, e-mail, student and
/// staff numbers, an ID-shaped number with a wrong check character) is a 提醒 to look at.
pub fn personal_data_severity(rule: &Rule) -> Severity {
    match rule {
        Rule::ResidentId | Rule::ResidentId15 | Rule::BankCard => Severity::Block,
        _ => Severity::Warn,
    }
}

/// A detector hit as a byte range of the folded text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PersonalHit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) rule: Rule,
}

const EMAIL_PATTERN: &str = r"[a-z0-9._%+\-]+@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.[a-z]{2,}";

/// Digit groups joined by single spaces or dashes are read together (card numbers in fours,
/// 138-1234-5678); more groups than this are a table of numbers, not one number.
const MAX_GROUPS: usize = 6;

/// The compiled personal data detectors; built once with the `Screener`.
#[derive(Debug, Clone)]
pub(crate) struct PersonalDataDetector {
    email: Regex,
    student: Vec<Regex>,
    staff: Vec<Regex>,
}

impl PersonalDataDetector {
    pub(crate) fn new(settings: &PersonalDataSettings) -> Result<Self, ScreeningError> {
        let email = Regex::new(EMAIL_PATTERN)
            .map_err(|_| ScreeningError::Build(BuildFailure::EmailPattern))?;
        Ok(Self {
            email,
            student: compile_patterns(
                PatternKind::StudentNumber,
                &settings.student_number_patterns,
            )?,
            staff: compile_patterns(PatternKind::StaffNumber, &settings.staff_number_patterns)?,
        })
    }

    /// All personal data in the folded text, sorted and non-overlapping.
    pub(crate) fn detect(&self, folded: &str, today: NaiveDate) -> Vec<PersonalHit> {
        let bytes = folded.as_bytes();
        let mut hits = Vec::new();
        scan_numbers(bytes, today, &mut hits);
        // An address like 13812345678@qq.com is one e-mail, not a mobile plus an e-mail.
        let emails: Vec<PersonalHit> = self
            .email
            .find_iter(folded)
            .map(|m| PersonalHit {
                start: m.start(),
                end: m.end(),
                rule: Rule::Email,
            })
            .collect();
        if !emails.is_empty() {
            hits.retain(|h| !overlaps_any(&emails, h.start, h.end));
            hits.extend(emails);
            hits.sort_by_key(|h| h.start);
        }
        for (patterns, rule) in [
            (&self.student, Rule::StudentNumber),
            (&self.staff, Rule::StaffNumber),
        ] {
            for regex in patterns {
                for m in regex.find_iter(folded) {
                    let (s, e) = (m.start(), m.end());
                    let digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
                    let inside_run =
                        (s > 0 && digit(s - 1) && digit(s)) || (digit(e) && e > 0 && digit(e - 1));
                    if s == e || inside_run || overlaps_any(&hits, s, e) {
                        continue;
                    }
                    let at = hits.partition_point(|h| h.start < s);
                    hits.insert(
                        at,
                        PersonalHit {
                            start: s,
                            end: e,
                            rule: rule.clone(),
                        },
                    );
                }
            }
        }
        hits
    }
}

/// Whether `start..end` overlaps any of the sorted, non-overlapping `hits`.
fn overlaps_any(hits: &[PersonalHit], start: usize, end: usize) -> bool {
    let first = hits.partition_point(|h| h.end <= start);
    hits.get(first).is_some_and(|h| h.start < end)
}

fn compile_patterns(kind: PatternKind, patterns: &[String]) -> Result<Vec<Regex>, ScreeningError> {
    patterns
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .map(|pattern| {
            let regex = RegexBuilder::new(pattern)
                .case_insensitive(true)
                .size_limit(1 << 20)
                .build()
                .map_err(|e| ScreeningError::InvalidPattern {
                    kind,
                    pattern: pattern.to_owned(),
                    reason: match e {
                        regex::Error::Syntax(_) => PatternFault::Syntax,
                        regex::Error::CompiledTooBig(_) => PatternFault::TooComplex,
                        _ => PatternFault::Other,
                    },
                })?;
            if regex.is_match("") {
                return Err(ScreeningError::EmptyMatchPattern {
                    kind,
                    pattern: pattern.to_owned(),
                });
            }
            Ok(regex)
        })
        .collect()
}

/// Finds every number-shaped personal datum: maximal digit runs, optionally joined into groups
/// by single spaces or dashes.
fn scan_numbers(b: &[u8], today: NaiveDate, hits: &mut Vec<PersonalHit>) {
    let n = b.len();
    let mut i = 0;
    let mut groups: Vec<(usize, usize)> = Vec::new();
    while i < n {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        groups.clear();
        let mut j = i;
        loop {
            let start = j;
            while j < n && b[j].is_ascii_digit() {
                j += 1;
            }
            groups.push((start, j));
            let joined = j + 1 < n && matches!(b[j], b' ' | b'-') && b[j + 1].is_ascii_digit();
            if joined && groups.len() < MAX_GROUPS {
                j += 1;
            } else {
                break;
            }
        }
        let grouped = if groups.len() > 1 {
            classify_grouped(b, &groups, today)
        } else {
            None
        };
        match grouped {
            Some(hit) => hits.push(hit),
            None => hits.extend(
                groups
                    .iter()
                    .filter_map(|&(s, e)| classify_run(b, s, e, today)),
            ),
        }
        i = j;
    }
}

/// Whether a lone `x` (an ID's check character) follows at `e`, not the start of a word.
fn x_after(b: &[u8], e: usize) -> bool {
    b.get(e) == Some(&b'x') && !b.get(e + 1).is_some_and(u8::is_ascii_alphanumeric)
}

/// Includes a `+` directly before a `86` country code in the span.
fn with_plus(b: &[u8], s: usize) -> usize {
    if s > 0 && b[s - 1] == b'+' { s - 1 } else { s }
}

fn hit(start: usize, end: usize, rule: Rule) -> Option<PersonalHit> {
    Some(PersonalHit { start, end, rule })
}

/// One whole digit run `b[s..e]`.
fn classify_run(b: &[u8], s: usize, e: usize, today: NaiveDate) -> Option<PersonalHit> {
    let d = &b[s..e];
    match d.len() {
        17 if x_after(b, e) => {
            let mut id = d.to_vec();
            id.push(b'X');
            match validate_id_bytes(&id, today) {
                Ok(()) => hit(s, e + 1, Rule::ResidentId),
                Err(IdProblem::CheckDigit) => hit(s, e + 1, Rule::NearResidentId),
                Err(_) => None,
            }
        }
        18 if validate_id_bytes(d, today).is_ok() => hit(s, e, Rule::ResidentId),
        // A card number is a card number, even when its digits could be a birth date.
        18 if !luhn_bytes(d) && validate_id_bytes(d, today) == Err(IdProblem::CheckDigit) => {
            hit(s, e, Rule::NearResidentId)
        }
        15 if validate_id_bytes(d, today).is_ok() => hit(s, e, Rule::ResidentId15),
        11 if mobile_bytes(d) => hit(s, e, Rule::Mobile),
        13 if d.starts_with(b"86") && mobile_bytes(&d[2..]) => {
            hit(with_plus(b, s), e, Rule::Mobile)
        }
        16..=19 if luhn_bytes(d) => hit(s, e, Rule::BankCard),
        _ => None,
    }
}

/// Several digit groups read as one number: a card in fours, a 3-4-4 mobile, a +86 prefix, a
/// 6-8-4 ID number.
fn classify_grouped(b: &[u8], groups: &[(usize, usize)], today: NaiveDate) -> Option<PersonalHit> {
    let lens: Vec<usize> = groups.iter().map(|&(s, e)| e - s).collect();
    let digits: Vec<u8> = groups
        .iter()
        .flat_map(|&(s, e)| b[s..e].iter().copied())
        .collect();
    let (start, end) = (groups[0].0, groups[groups.len() - 1].1);
    let last = lens[lens.len() - 1];
    if lens.len() >= 4
        && lens[..lens.len() - 1].iter().all(|&l| l == 4)
        && (1..=4).contains(&last)
        && (16..=19).contains(&digits.len())
        && luhn_bytes(&digits)
    {
        return hit(start, end, Rule::BankCard);
    }
    if lens == [3, 4, 4] && mobile_bytes(&digits) {
        return hit(start, end, Rule::Mobile);
    }
    if lens[0] == 2
        && digits.starts_with(b"86")
        && (lens[1..] == [11] || lens[1..] == [3, 4, 4])
        && mobile_bytes(&digits[2..])
    {
        return hit(with_plus(b, start), end, Rule::Mobile);
    }
    if lens == [6, 8, 4] && validate_id_bytes(&digits, today).is_ok() {
        return hit(start, end, Rule::ResidentId);
    }
    if lens == [6, 8, 3] && x_after(b, end) {
        let mut id = digits;
        id.push(b'X');
        validate_id_bytes(&id, today).ok()?;
        return hit(start, end + 1, Rule::ResidentId);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()
    }

    /// Completes 17 digits with their check character.
    fn with_check(first17: &str) -> String {
        let check = resident_id_check_char(first17.as_bytes()).unwrap();
        format!("{first17}{}", check as char)
    }

    #[test]
    fn resident_ids_are_validated() {
        let valid = with_check("11010519491231002"); // the standard's own example: …002X
        assert_eq!(valid, "11010519491231002X");
        let wrong_check = "110105194912310021";
        let cases: Vec<(String, Result<(), IdProblem>)> = vec![
            (valid.clone(), Ok(())),
            (valid.to_lowercase(), Ok(())),
            (with_check("41010219900307123"), Ok(())),
            (wrong_check.into(), Err(IdProblem::CheckDigit)),
            (with_check("41010219900230123"), Err(IdProblem::BirthDate)), // 30 February
            (with_check("41010219901301123"), Err(IdProblem::BirthDate)), // month 13
            (
                with_check("41010230000101123"),
                Err(IdProblem::BornInFuture),
            ),
            (
                with_check("41010220250602123"),
                Err(IdProblem::BornInFuture),
            ), // tomorrow
            (with_check("41010220250601123"), Ok(())), // today
            (
                with_check("41010218991231123"),
                Err(IdProblem::BornBefore1900),
            ),
            (with_check("99010219900307123"), Err(IdProblem::Province)),
            (with_check("10010219900307123"), Err(IdProblem::Province)),
            (with_check("72010219900307123"), Err(IdProblem::Province)),
            (with_check("82010219900307123"), Ok(())),
            ("410102900307123".into(), Ok(())), // 15 digits, 1990-03-07
            ("410102900230123".into(), Err(IdProblem::BirthDate)), // 15 digits, 30 February
            ("990102900307123".into(), Err(IdProblem::Province)),
            ("41010219900307123".into(), Err(IdProblem::Length)),
            ("4101021990030712AX".into(), Err(IdProblem::NotDigits)),
            ("41010219900307123Y".into(), Err(IdProblem::NotDigits)),
        ];
        for (id, expected) in cases {
            assert_eq!(validate_resident_id(&id, today()), expected, "{id}");
        }
    }

    #[test]
    fn luhn_passes_and_fails() {
        let cases = [
            ("4111111111111111", true),
            ("4111111111111112", false),
            ("6222021234567890128", true),
            ("79927398713", true),
            ("79927398710", false),
            ("", false),
            ("4111 1111", false),
        ];
        for (digits, expected) in cases {
            assert_eq!(luhn_valid(digits), expected, "{digits}");
        }
    }

    #[test]
    fn mobiles_need_a_real_prefix() {
        let cases = [
            ("13812345678", true),
            ("19912345678", true),
            ("12012345678", false),
            ("11012345678", false),
            ("1381234567", false),
            ("138123456789", false),
        ];
        for (digits, expected) in cases {
            assert_eq!(is_mainland_mobile(digits), expected, "{digits}");
        }
    }

    fn detect(text: &str) -> Vec<(String, Rule)> {
        let detector = PersonalDataDetector::new(&PersonalDataSettings {
            student_number_patterns: vec![r"20\d{8}".into()],
            staff_number_patterns: vec![r"js\d{5}".into()],
        })
        .unwrap();
        detector
            .detect(text, today())
            .into_iter()
            .map(|h| (text[h.start..h.end].to_owned(), h.rule))
            .collect()
    }

    #[test]
    fn an_id_shaped_number_with_a_wrong_check_character_is_a_reminder() {
        let right = with_check("41010219900307123");
        let wrong_check = |id: &str| {
            let last = id.as_bytes()[17];
            let other = if last == b'0' { '1' } else { '0' };
            format!("{}{other}", &id[..17])
        };
        let near = wrong_check(&right);
        let near_x = {
            let id = with_check("11010519491231002");
            if id.ends_with('X') {
                wrong_check(&id)
            } else {
                format!("{}X", &id[..17])
            }
        };
        let cases: Vec<(String, Vec<Rule>)> = vec![
            (format!("学生{right}。"), vec![Rule::ResidentId]),
            (format!("学生{near}。"), vec![Rule::NearResidentId]),
            (format!("学生{near_x}。"), vec![Rule::NearResidentId]),
            // Not a province: not shaped like an ID at all.
            (
                format!("编号{}。", wrong_check(&format!("99{}", &right[2..]))),
                vec![],
            ),
            // Not a real birth date (month 13).
            (
                format!(
                    "编号{}。",
                    wrong_check(&format!("{}13{}", &right[..10], &right[12..]))
                ),
                vec![],
            ),
        ];
        for (text, want) in cases {
            let got: Vec<Rule> = detect(&text).into_iter().map(|(_, r)| r).collect();
            assert_eq!(got, want, "{text}");
        }
        assert_eq!(
            personal_data_severity(&Rule::NearResidentId),
            Severity::Warn
        );
    }

    #[test]
    fn numbers_are_found_only_as_whole_runs() {
        let id = with_check("41010219900307123");
        let id_x = with_check("11010519491231002");
        let cases: Vec<(String, Vec<(String, Rule)>)> = vec![
            (
                format!("身份证{id}。"),
                vec![(id.clone(), Rule::ResidentId)],
            ),
            (
                format!("号码{}x号", &id_x[..17]),
                vec![(format!("{}x", &id_x[..17]), Rule::ResidentId)],
            ),
            (format!("9{id}"), vec![]),
            (format!("{id}9"), vec![]),
            (
                "旧号410102900307123".into(),
                vec![("410102900307123".into(), Rule::ResidentId15)],
            ),
            (
                "电话13812345678".into(),
                vec![("13812345678".into(), Rule::Mobile)],
            ),
            (
                "电话：+86 138 1234 5678".into(),
                vec![("+86 138 1234 5678".into(), Rule::Mobile)],
            ),
            (
                "+8613812345678".into(),
                vec![("+8613812345678".into(), Rule::Mobile)],
            ),
            (
                "86-13812345678".into(),
                vec![("86-13812345678".into(), Rule::Mobile)],
            ),
            (
                "138-1234-5678".into(),
                vec![("138-1234-5678".into(), Rule::Mobile)],
            ),
            ("订单213812345678".into(), vec![]),
            ("订单138123456789".into(), vec![]),
            ("12012345678".into(), vec![]),
            (
                "13812345678 13912345678".into(),
                vec![
                    ("13812345678".into(), Rule::Mobile),
                    ("13912345678".into(), Rule::Mobile),
                ],
            ),
            (
                "卡号4111111111111111".into(),
                vec![("4111111111111111".into(), Rule::BankCard)],
            ),
            (
                "卡号4111 1111 1111 1111".into(),
                vec![("4111 1111 1111 1111".into(), Rule::BankCard)],
            ),
            (
                "卡号6222-0212-3456-7890-128".into(),
                vec![("6222-0212-3456-7890-128".into(), Rule::BankCard)],
            ),
            ("卡号4111111111111112".into(), vec![]),
            ("卡号41111111111111110".into(), vec![]),
            (
                "邮箱zhang.san@sias.edu.cn。".into(),
                vec![("zhang.san@sias.edu.cn".into(), Rule::Email)],
            ),
            (
                "13812345678@qq.com".into(),
                vec![("13812345678@qq.com".into(), Rule::Email)],
            ),
            (
                "学号2021123456".into(),
                vec![("2021123456".into(), Rule::StudentNumber)],
            ),
            ("编号120211234567".into(), vec![]),
            (
                "工号js12345".into(),
                vec![("js12345".into(), Rule::StaffNumber)],
            ),
            ("2024-05-01 共 3 人".into(), vec![]),
        ];
        for (text, expected) in cases {
            assert_eq!(detect(&text), expected, "{text}");
        }
    }

    #[test]
    fn bad_patterns_are_chinese_errors() {
        let bad = PersonalDataDetector::new(&PersonalDataSettings {
            student_number_patterns: vec!["20(\\d{8}".into()],
            staff_number_patterns: vec![],
        });
        let err = bad.unwrap_err();
        assert!(matches!(
            err,
            ScreeningError::InvalidPattern {
                kind: PatternKind::StudentNumber,
                reason: PatternFault::Syntax,
                ..
            }
        ));
        assert!(err.to_string().contains("不是有效的正则表达式"));
        let empty = PersonalDataDetector::new(&PersonalDataSettings {
            student_number_patterns: vec![],
            staff_number_patterns: vec![r"\d*".into(), "  ".into()],
        });
        assert!(matches!(
            empty,
            Err(ScreeningError::EmptyMatchPattern {
                kind: PatternKind::StaffNumber,
                ..
            })
        ));
        let blank_only = PersonalDataDetector::new(&PersonalDataSettings {
            student_number_patterns: vec!["".into()],
            staff_number_patterns: vec![],
        });
        assert!(blank_only.is_ok());
    }
}
