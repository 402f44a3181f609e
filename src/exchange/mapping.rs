//! Which row is the header and what each column means. Real 台账 start with a merged title
//! row, a blank row or a note, and name their columns in many ways (创建单位/单位,
//! 联络手机/手机, 管理员 in one column or three pairs); the guess here is what the person
//! sees and corrects in the mapping step.

use super::cells::{fold_width, text_of};
use super::error::ImportError;
use super::source::{SourceFile, SourceSheet};
use crate::text::exchange as words;

/// The header is looked for in this many rows from the top of each sheet.
const HEADER_SCAN_ROWS: usize = 30;
/// A row with fewer recognised headers than this is a title or data, not the header.
const MIN_HEADER_SCORE: usize = 3;

/// What a column of the file holds, in terms of the platform form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnRole {
    /// Not imported (序号, 状态, anything unrecognised).
    Ignore,
    Unit,
    Kind,
    Name,
    Account,
    AccountType,
    Verified,
    VerifiedUntil,
    ContentScope,
    CreatedOn,
    ResponsiblePerson,
    ContactMobile,
    /// One or several administrators in one cell: 「姓名 手机；姓名 手机」.
    Administrators,
    /// The name of the administrator in this slot (0-based), and below, their mobile.
    AdminName(u8),
    AdminMobile(u8),
    /// 维护方式: 本单位自行维护 or 委托…维护.
    Maintenance,
    /// 维护单位: the vendor's name when maintenance is outsourced.
    Vendor,
    ApprovalRef,
    Notes,
    LastPostOn,
    IntranetOnly,
}

impl ColumnRole {
    /// Administrator slots a mapping may use (the form prints three; sheets sometimes more).
    pub const ADMIN_SLOTS: u8 = 10;

    /// Every meaning a column can be given in the mapping step, in the form's order.
    pub fn choices() -> Vec<ColumnRole> {
        let mut all = vec![
            Self::Unit,
            Self::Kind,
            Self::Name,
            Self::Account,
            Self::AccountType,
            Self::Verified,
            Self::VerifiedUntil,
            Self::ContentScope,
            Self::CreatedOn,
            Self::ResponsiblePerson,
            Self::ContactMobile,
            Self::Administrators,
        ];
        for slot in 0..Self::ADMIN_SLOTS {
            all.push(Self::AdminName(slot));
            all.push(Self::AdminMobile(slot));
        }
        all.extend([
            Self::Maintenance,
            Self::Vendor,
            Self::ApprovalRef,
            Self::Notes,
            Self::LastPostOn,
            Self::IntranetOnly,
            Self::Ignore,
        ]);
        all
    }

    /// Only these may be given to several columns; each other meaning comes from one column.
    fn may_repeat(self) -> bool {
        matches!(self, Self::Ignore | Self::Administrators)
    }
}

/// One column of the file and the meaning given to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappedColumn {
    /// 0-based (A = 0).
    pub column: usize,
    /// The header as the file has it.
    pub header: String,
    pub role: ColumnRole,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ColumnMapping {
    pub columns: Vec<MappedColumn>,
}

impl ColumnMapping {
    /// Guesses each column's meaning from the header texts (index = column).
    pub fn guess(headers: &[String]) -> Self {
        let guesses: Vec<HeaderGuess> = headers.iter().map(|h| guess_header(h)).collect();
        let roles = place_people(&guesses);
        let mut columns: Vec<MappedColumn> = headers
            .iter()
            .zip(roles)
            .enumerate()
            .filter(|(_, (header, _))| !header.trim().is_empty())
            .map(|(column, (header, role))| MappedColumn {
                column,
                header: header.trim().to_owned(),
                role,
            })
            .collect();
        // A second column with the same meaning (two 备注) is left out of the guess; the
        // person can still choose it instead of the first.
        let mut seen = Vec::new();
        for c in &mut columns {
            if !c.role.may_repeat() {
                if seen.contains(&c.role) {
                    c.role = ColumnRole::Ignore;
                } else {
                    seen.push(c.role);
                }
            }
        }
        Self { columns }
    }

    /// The person's correction: column `column` means `role` (added if it had no header).
    pub fn set(&mut self, column: usize, role: ColumnRole) {
        match self.columns.iter_mut().find(|c| c.column == column) {
            Some(c) => c.role = role,
            None => {
                self.columns.push(MappedColumn {
                    column,
                    header: String::new(),
                    role,
                });
                self.columns.sort_by_key(|c| c.column);
            }
        }
    }

    pub fn column_of(&self, role: ColumnRole) -> Option<&MappedColumn> {
        self.columns.iter().find(|c| c.role == role)
    }

    /// Columns every platform needs that no column is mapped to. The unit may come from the
    /// caller instead (a sheet of one's own unit has no 创建单位 column).
    pub fn missing(&self, unit_given: bool) -> Vec<ColumnRole> {
        let has = |role| self.column_of(role).is_some();
        let mut missing: Vec<ColumnRole> = [
            ColumnRole::Unit,
            ColumnRole::Kind,
            ColumnRole::Name,
            ColumnRole::Account,
            ColumnRole::ContentScope,
            ColumnRole::CreatedOn,
            ColumnRole::ResponsiblePerson,
            ColumnRole::ContactMobile,
        ]
        .into_iter()
        .filter(|&role| !(has(role) || (role == ColumnRole::Unit && unit_given)))
        .collect();
        let any_admin = self.columns.iter().any(|c| {
            matches!(
                c.role,
                ColumnRole::Administrators | ColumnRole::AdminName(_)
            )
        });
        if !any_admin {
            missing.push(ColumnRole::Administrators);
        }
        missing
    }

    /// Refuses a mapping that cannot give complete platforms: a required column missing, or
    /// one meaning given to two columns.
    pub fn check(&self, unit_given: bool, header_row: u32) -> Result<(), ImportError> {
        for (i, a) in self.columns.iter().enumerate() {
            if a.role.may_repeat() {
                continue;
            }
            if let Some(b) = self.columns[i + 1..].iter().find(|b| b.role == a.role) {
                return Err(ImportError::ColumnTwice {
                    role: a.role,
                    first: a.column,
                    second: b.column,
                });
            }
        }
        let missing = self.missing(unit_given);
        if !missing.is_empty() {
            return Err(ImportError::MissingColumns {
                missing,
                header_row,
            });
        }
        Ok(())
    }
}

/// Where the table is: which sheet, which row is its header, and what each column means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub sheet: usize,
    /// Index into the sheet's rows of the header row.
    pub header_index: usize,
    /// The header's row number as the spreadsheet shows it.
    pub header_row: u32,
    pub mapping: ColumnMapping,
}

/// The sheet and header row that read most like a 台账, with the guessed mapping.
pub fn guess_layout(file: &SourceFile) -> Result<Layout, ImportError> {
    if file.sheets.is_empty() {
        return Err(ImportError::NoSheets);
    }
    let mut best: Option<(usize, usize, usize)> = None;
    for (sheet_index, sheet) in file.sheets.iter().enumerate() {
        if let Some((header_index, score)) = find_header(sheet)
            && best.is_none_or(|(_, _, s)| score > s)
        {
            best = Some((sheet_index, header_index, score));
        }
    }
    let (sheet, header_index, _) = best.ok_or(ImportError::NoHeader)?;
    layout_for(file, sheet, Some(header_index))
}

/// The layout for a sheet the person chose, with its header row found (`None`) or given.
pub fn layout_for(
    file: &SourceFile,
    sheet: usize,
    header_index: Option<usize>,
) -> Result<Layout, ImportError> {
    let source = file
        .sheets
        .get(sheet)
        .ok_or(ImportError::NoSuchSheet { index: sheet })?;
    let header_index = match header_index {
        Some(i) if i < source.rows.len() => i,
        Some(_) => return Err(ImportError::NoHeader),
        None => find_header(source).ok_or(ImportError::NoHeader)?.0,
    };
    let header = &source.rows[header_index];
    let texts = header_texts(&header.cells);
    Ok(Layout {
        sheet,
        header_index,
        header_row: header.number,
        mapping: ColumnMapping::guess(&texts),
    })
}

/// The first of the top rows with the most recognised headers, if it has enough of them.
fn find_header(sheet: &SourceSheet) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, row) in sheet.rows.iter().take(HEADER_SCAN_ROWS).enumerate() {
        let mapping = ColumnMapping::guess(&header_texts(&row.cells));
        let score = mapping
            .columns
            .iter()
            .filter(|c| c.role != ColumnRole::Ignore)
            .count();
        if score >= MIN_HEADER_SCORE && best.is_none_or(|(_, s)| score > s) {
            best = Some((i, score));
        }
    }
    best
}

fn header_texts(cells: &[super::source::Cell]) -> Vec<String> {
    cells
        .iter()
        .map(|c| text_of(c).unwrap_or_default())
        .collect()
}

/// What one header says on its own, before neighbours settle whose mobile a 「手机」 is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeaderGuess {
    Role(ColumnRole),
    /// 管理员N / 管理员N姓名 (N 1-based when written).
    AdminName(Option<u8>),
    AdminMobile(Option<u8>),
    /// 「管理员」 alone: several people in one cell, unless a mobile column follows.
    AdminCombined,
    /// 「手机」, 「联系电话」: the mobile of the person in the column before.
    Mobile,
}

/// Headers compared without spaces, stars, colons, bracketed notes and ASCII case:
/// 「*联络手机（必填）」 is 「联络手机」.
fn normalize_header(header: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in header.chars().map(fold_width) {
        match c {
            // 【 and 】 are the CJK lenticular brackets people also use for notes.
            '(' | '[' | '\u{3010}' => depth += 1,
            ')' | ']' | '\u{3011}' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            c if c.is_whitespace() || words::HEADER_NOISE.contains(&c) => {}
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

fn guess_header(header: &str) -> HeaderGuess {
    let h = normalize_header(header);
    if h.is_empty() {
        return HeaderGuess::Role(ColumnRole::Ignore);
    }
    if let Some((role, _)) = words::HEADER_EXACT
        .iter()
        .find(|(_, names)| names.contains(&h.as_str()))
    {
        return HeaderGuess::Role(*role);
    }
    if let Some(guess) = admin_header(&h) {
        return guess;
    }
    if words::MOBILE_HEADERS.contains(&h.as_str()) {
        return HeaderGuess::Mobile;
    }
    words::HEADER_HINTS
        .iter()
        .find(|(hint, _)| h.contains(hint))
        .map_or(HeaderGuess::Role(ColumnRole::Ignore), |(_, role)| {
            HeaderGuess::Role(*role)
        })
}

/// 管理员, 管理员1, 管理员一姓名, 管理员2手机, 管理员及联系方式…
fn admin_header(h: &str) -> Option<HeaderGuess> {
    let rest = words::ADMIN_PREFIXES
        .iter()
        .find_map(|p| h.strip_prefix(p))?;
    let mut number: Option<u8> = None;
    let mut what = String::new();
    for c in rest.chars() {
        match c.to_digit(10).or_else(|| words::chinese_digit(c)) {
            Some(d) if number.is_none() => number = u8::try_from(d).ok(),
            _ => what.push(c),
        }
    }
    let number = number.filter(|n| (1..=ColumnRole::ADMIN_SLOTS).contains(n));
    let is = |list: &[&str]| list.iter().any(|w| what.contains(w));
    Some(if what.is_empty() {
        match number {
            Some(_) => HeaderGuess::AdminName(number),
            None => HeaderGuess::AdminCombined,
        }
    } else if is(words::COMBINED_WORDS) {
        HeaderGuess::AdminCombined
    } else if is(words::MOBILE_WORDS) {
        HeaderGuess::AdminMobile(number)
    } else if is(words::NAME_WORDS) {
        HeaderGuess::AdminName(number)
    } else {
        HeaderGuess::AdminCombined
    })
}

/// Settles the people columns left to right: numbered administrator slots, and whose
/// mobile each plain 「手机」 column is (the person column just before it).
fn place_people(guesses: &[HeaderGuess]) -> Vec<ColumnRole> {
    #[derive(Clone, Copy)]
    enum Person {
        Responsible,
        Admin(u8),
        /// A 「管理员」 column at this index, which a following mobile turns into a name.
        Combined(usize),
    }
    let mut roles = vec![ColumnRole::Ignore; guesses.len()];
    let mut names = [false; ColumnRole::ADMIN_SLOTS as usize];
    let mut mobiles = [false; ColumnRole::ADMIN_SLOTS as usize];
    let mut contact_taken = guesses.contains(&HeaderGuess::Role(ColumnRole::ContactMobile));
    let mut last: Option<Person> = None;
    let free = |taken: &[bool]| taken.iter().position(|t| !t).map(|i| i as u8);

    for (i, guess) in guesses.iter().enumerate() {
        let role = match *guess {
            HeaderGuess::Role(role) => {
                if role == ColumnRole::ResponsiblePerson {
                    last = Some(Person::Responsible);
                }
                role
            }
            HeaderGuess::AdminName(n) => match n.map(|n| n - 1).or_else(|| free(&names)) {
                Some(slot) => {
                    names[slot as usize] = true;
                    last = Some(Person::Admin(slot));
                    ColumnRole::AdminName(slot)
                }
                None => ColumnRole::Ignore,
            },
            HeaderGuess::AdminCombined => {
                last = Some(Person::Combined(i));
                ColumnRole::Administrators
            }
            HeaderGuess::AdminMobile(Some(n)) => {
                mobiles[n as usize - 1] = true;
                last = None;
                ColumnRole::AdminMobile(n - 1)
            }
            HeaderGuess::AdminMobile(None) | HeaderGuess::Mobile => {
                let generic = *guess == HeaderGuess::Mobile;
                let person = last.take();
                match person {
                    Some(Person::Responsible) if generic && !contact_taken => {
                        contact_taken = true;
                        ColumnRole::ContactMobile
                    }
                    Some(Person::Admin(slot)) if !mobiles[slot as usize] => {
                        mobiles[slot as usize] = true;
                        ColumnRole::AdminMobile(slot)
                    }
                    Some(Person::Combined(at)) => match free(&names) {
                        Some(slot) => {
                            names[slot as usize] = true;
                            mobiles[slot as usize] = true;
                            roles[at] = ColumnRole::AdminName(slot);
                            ColumnRole::AdminMobile(slot)
                        }
                        None => ColumnRole::Ignore,
                    },
                    _ if generic && !contact_taken => {
                        contact_taken = true;
                        ColumnRole::ContactMobile
                    }
                    _ if !generic => match free(&mobiles) {
                        Some(slot) => {
                            mobiles[slot as usize] = true;
                            ColumnRole::AdminMobile(slot)
                        }
                        None => ColumnRole::Ignore,
                    },
                    _ => ColumnRole::Ignore,
                }
            }
        };
        roles[i] = role;
    }
    roles
}

#[cfg(test)]
mod tests {
    use super::*;
    use ColumnRole as R;

    fn roles(headers: &[&str]) -> Vec<ColumnRole> {
        let headers: Vec<String> = headers.iter().map(|h| (*h).to_owned()).collect();
        let mapping = ColumnMapping::guess(&headers);
        mapping.columns.iter().map(|c| c.role).collect()
    }

    #[test]
    fn headers_as_real_sheets_write_them() {
        let cases: &[(&[&str], &[ColumnRole])] = &[
            (
                &[
                    "序号",
                    "创建单位",
                    "媒体平台",
                    "账号名称",
                    "账号ID/网址",
                    "账号类型",
                ],
                &[
                    R::Ignore,
                    R::Unit,
                    R::Kind,
                    R::Name,
                    R::Account,
                    R::AccountType,
                ],
            ),
            (
                &["单位", "平台类型", "名称", "账号", "是否认证", "认证有效期"],
                &[
                    R::Unit,
                    R::Kind,
                    R::Name,
                    R::Account,
                    R::Verified,
                    R::VerifiedUntil,
                ],
            ),
            (
                &[
                    "*账号名称（必填）",
                    "网址",
                    "内容范围",
                    "创建时间\n（年月日）",
                ],
                &[R::Name, R::Account, R::ContentScope, R::CreatedOn],
            ),
            (
                &[
                    "负责人",
                    "联络手机",
                    "管理员",
                    "维护方式",
                    "维护单位",
                    "批准文号",
                    "备注",
                ],
                &[
                    R::ResponsiblePerson,
                    R::ContactMobile,
                    R::Administrators,
                    R::Maintenance,
                    R::Vendor,
                    R::ApprovalRef,
                    R::Notes,
                ],
            ),
            // 「手机」 after a person is that person's mobile.
            (
                &["负责人", "手机", "管理员", "手机"],
                &[
                    R::ResponsiblePerson,
                    R::ContactMobile,
                    R::AdminName(0),
                    R::AdminMobile(0),
                ],
            ),
            (
                &["管理员1姓名", "管理员1手机", "管理员2姓名", "管理员2手机"],
                &[
                    R::AdminName(0),
                    R::AdminMobile(0),
                    R::AdminName(1),
                    R::AdminMobile(1),
                ],
            ),
            (
                &[
                    "管理员一",
                    "联系电话",
                    "管理员二",
                    "联系电话",
                    "负责人",
                    "联系电话",
                ],
                &[
                    R::AdminName(0),
                    R::AdminMobile(0),
                    R::AdminName(1),
                    R::AdminMobile(1),
                    R::ResponsiblePerson,
                    R::ContactMobile,
                ],
            ),
            (
                &["管理员姓名", "管理员手机", "管理员姓名", "管理员手机"],
                &[
                    R::AdminName(0),
                    R::AdminMobile(0),
                    R::AdminName(1),
                    R::AdminMobile(1),
                ],
            ),
            (&["管理员及联系方式"], &[R::Administrators]),
            (
                &["单位负责人", "负责人手机", "状态", "备注", "备注"],
                &[
                    R::ResponsiblePerson,
                    R::ContactMobile,
                    R::Ignore,
                    R::Notes,
                    R::Ignore,
                ],
            ),
        ];
        for (headers, want) in cases {
            assert_eq!(&roles(headers), want, "{headers:?}");
        }
    }

    #[test]
    fn a_mapping_without_required_columns_is_refused() {
        let headers: Vec<String> = ["账号名称", "媒体平台"].map(String::from).to_vec();
        let mapping = ColumnMapping::guess(&headers);
        let Err(ImportError::MissingColumns {
            missing,
            header_row,
        }) = mapping.check(false, 3)
        else {
            panic!("expected missing columns");
        };
        assert_eq!(header_row, 3);
        assert!(missing.contains(&R::Unit));
        assert!(missing.contains(&R::ContactMobile));
        assert!(missing.contains(&R::Administrators));
        assert!(!missing.contains(&R::Name));
        assert!(!mapping.missing(true).contains(&R::Unit));
    }

    #[test]
    fn one_meaning_for_two_columns_is_refused() {
        let headers: Vec<String> = ["账号名称", "名称"].map(String::from).to_vec();
        let mut mapping = ColumnMapping::guess(&headers);
        mapping.set(1, R::Name);
        assert_eq!(
            mapping.check(true, 1),
            Err(ImportError::ColumnTwice {
                role: R::Name,
                first: 0,
                second: 1
            })
        );
    }
}
