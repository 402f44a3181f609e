//! Validation of what a person types for a platform, a unit or a person. The dialog shows each
//! message beside its field as the user types; `platforms add --json` prints the same messages.

use chrono::NaiveDate;
use serde::Serialize;

use super::identity::{self, check_text_field};
use super::platform::{Maintenance, PlatformDraft, PlatformKind};
use super::unit::{PersonDraft, UnitDraft};

/// A field of the platform form, so the window can put each message beside its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Unit,
    Kind,
    Name,
    Account,
    AccountType,
    VerifiedUntil,
    ContentScope,
    CreatedOn,
    ResponsiblePerson,
    ContactMobile,
    /// The administrator row at this index (0-based).
    Administrator(usize),
    Administrators,
    Maintenance,
    ApprovalRef,
    LastPostOn,
    PersonName,
    PersonMobile,
    UnitName,
    /// 第四条二: why a filed platform changed.
    ChangeReason,
    /// A post's platform, title, body, column and planned publication time.
    PostPlatform,
    PostTitle,
    PostBody,
    PostColumn,
    PostPlannedAt,
    /// A user account's login name and password.
    Login,
    Password,
    /// The person a user account belongs to.
    UserPerson,
    /// A platform's 备注.
    Notes,
    /// A unit's 党总支 / 直属党支部, its head and its party secretary.
    PartyBranch,
    UnitHead,
    PartySecretary,
}

/// A value that breaks a rule of a field, as data: what is wrong and the values the message
/// names. Worded (each sentence says how to fix it) in `text::validation`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A message already worded by a layer above the domain (a date the window cannot read,
    /// a change reason the store asks for).
    Worded(String),
    /// No creating unit chosen.
    UnitMissing,
    /// No platform kind chosen.
    KindMissing,
    NameMissing,
    NameTooLong {
        max: usize,
    },
    /// A website's address is required.
    SiteAddressMissing,
    /// A new-media account's ID is required.
    AccountIdMissing,
    AccountHasSpace,
    /// An invisible character (0-based position) in an account ID.
    InvisibleInAccount {
        c: char,
        position: usize,
    },
    /// A control or text-direction character (0-based position) in a text field (issue 15).
    RefusedCharacter {
        c: char,
        position: usize,
    },
    SiteAddressInvalid,
    /// Another platform of the same kind already has this account.
    DuplicateAccount {
        id: i64,
        name: String,
    },
    AccountTypeMissing,
    AccountTypeNotApplicable,
    VerifiedUntilWithoutVerification,
    ContentScopeMissing,
    CreatedInFuture {
        today: NaiveDate,
    },
    LastPostInFuture,
    LastPostBeforeCreation,
    ResponsiblePersonMissing,
    Mobile(MobileProblem),
    /// 第五条: at least one administrator.
    AdministratorsMissing,
    AdministratorNameMissing,
    VendorNameMissing,
    /// 第三条: the name uses the school's name and no approval reference is given.
    SchoolNameNeedsApproval {
        school: String,
    },
    UnitNameMissing,
    PersonNameMissing,
    PostTitleMissing,
    PostTitleTooLong {
        max: usize,
    },
    PostTitleHasLineBreak,
    PostBodyTooLong {
        max: usize,
    },
    PostColumnTooLong {
        max: usize,
    },
}

/// What is wrong with a mainland mobile number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MobileProblem {
    Missing,
    NotDigits,
    WrongLength,
    WrongPrefix,
}

impl From<String> for Problem {
    fn from(message: String) -> Self {
        Self::Worded(message)
    }
}

impl From<&str> for Problem {
    fn from(message: &str) -> Self {
        Self::Worded(message.to_owned())
    }
}

impl From<MobileProblem> for Problem {
    fn from(problem: MobileProblem) -> Self {
        Self::Mobile(problem)
    }
}

/// A field and what is wrong with it. `Field::label`, `FieldError::message` and the
/// `Display` (「账号名称：必填……」) are in `text::validation`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

impl FieldError {
    pub fn new(field: Field, problem: impl Into<Problem>) -> Self {
        Self {
            field,
            problem: problem.into(),
        }
    }
}

/// What validation needs to know beyond the draft itself.
pub struct ValidationContext<'a> {
    pub today: NaiveDate,
    pub kinds: &'a [PlatformKind],
    pub unit_exists: bool,
    /// The school's names (第三条): 「郑州西亚斯学院」, 「西亚斯」 by default; a setting.
    pub school_names: &'a [String],
    /// Another platform of the same kind already uses this account: its id and name.
    pub duplicate_of: Option<(i64, String)>,
}

/// A mainland mobile number: 11 digits starting 13–19.
pub fn is_valid_mobile(mobile: &str) -> bool {
    let b = mobile.as_bytes();
    b.len() == 11
        && b[0] == b'1'
        && (b'3'..=b'9').contains(&b[1])
        && b.iter().all(u8::is_ascii_digit)
}

fn mobile_problem(mobile: &str) -> Option<MobileProblem> {
    let m = mobile.trim();
    if m.is_empty() {
        Some(MobileProblem::Missing)
    } else if !m.chars().all(|c| c.is_ascii_digit()) {
        Some(MobileProblem::NotDigits)
    } else if m.len() != 11 {
        Some(MobileProblem::WrongLength)
    } else if !is_valid_mobile(m) {
        Some(MobileProblem::WrongPrefix)
    } else {
        None
    }
}

/// 第三条: a name or account using the school's name needs the school's approval.
pub fn uses_school_name(text: &str, school_names: &[String]) -> Option<String> {
    school_names
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .find(|n| text.contains(n))
        .map(str::to_owned)
}

/// The account key for the duplicate check when the platform kind is not at hand: the
/// identity normalisation of [`identity::canonical_identity`] (NFKC, invisible characters
/// dropped, so `sias_sxy` + U+200B, a soft hyphen inside and full-width ｓｉａｓ＿ｓｘｙ are one
/// account), in lower case throughout, without scheme and trailing slash, so `HTTP://x.cn/`
/// and `x.cn` are one account. Prefer [`identity::platform_account_key`], which follows the
/// kind's own rule (a site's path keeps its case).
pub fn normalize_account(account: &str) -> String {
    let key = identity::account_key(identity::AccountRule::HANDLE, account);
    let key = ["https://", "http://"]
        .into_iter()
        .find_map(|scheme| key.strip_prefix(scheme))
        .unwrap_or(&key);
    key.trim_end_matches('/').to_owned()
}

/// Every free-text field of a platform draft with the field it is shown in.
fn platform_text_fields(draft: &PlatformDraft) -> Vec<(Field, &str)> {
    let mut fields = vec![
        (Field::Name, draft.name.as_str()),
        (Field::Account, draft.account.as_str()),
        (Field::ContentScope, draft.content_scope.as_str()),
        (Field::ResponsiblePerson, draft.responsible_person.as_str()),
        (Field::ContactMobile, draft.contact_mobile.as_str()),
        (Field::ApprovalRef, draft.approval_ref.as_str()),
        (Field::Notes, draft.notes.as_str()),
    ];
    if let Maintenance::Vendor { name } = &draft.maintenance {
        fields.push((Field::Maintenance, name.as_str()));
    }
    for (i, admin) in draft.administrators.iter().enumerate() {
        fields.push((Field::Administrator(i), admin.name.as_str()));
        fields.push((Field::Administrator(i), admin.mobile.as_str()));
    }
    fields
}

/// Runs [`check_text_field`] over `fields`, at most one refusal per field, and then the
/// field's other checks, whose messages would only repeat the problem, are dropped.
fn refuse_control_characters(fields: &[(Field, &str)], errors: Vec<FieldError>) -> Vec<FieldError> {
    let mut refused: Vec<FieldError> = Vec::new();
    for (field, value) in fields {
        if refused.iter().any(|e| e.field == *field) {
            continue;
        }
        if let Err(error) = check_text_field(*field, value) {
            refused.push(error);
        }
    }
    let rest: Vec<FieldError> = errors
        .into_iter()
        .filter(|e| !refused.iter().any(|r| r.field == e.field))
        .collect();
    refused.extend(rest);
    refused
}

/// Validates a platform draft; an empty list means it may be saved. Control and
/// text-direction characters are refused in every text field (issue 15), before the field's
/// own rules.
pub fn validate_platform(draft: &PlatformDraft, ctx: &ValidationContext<'_>) -> Vec<FieldError> {
    let errors = validate_platform_fields(draft, ctx);
    refuse_control_characters(&platform_text_fields(draft), errors)
}

/// Longest 账号名称 accepted.
pub const MAX_NAME_CHARS: usize = 100;

fn validate_platform_fields(draft: &PlatformDraft, ctx: &ValidationContext<'_>) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut push = |f: Field, p: Problem| errors.push(FieldError::new(f, p));

    if !ctx.unit_exists {
        push(Field::Unit, Problem::UnitMissing);
    }
    let kind = ctx.kinds.iter().find(|k| k.id == draft.kind_id);
    if kind.is_none() {
        push(Field::Kind, Problem::KindMissing);
    }
    if draft.name.trim().is_empty() {
        push(Field::Name, Problem::NameMissing);
    } else if draft.name.chars().count() > MAX_NAME_CHARS {
        push(
            Field::Name,
            Problem::NameTooLong {
                max: MAX_NAME_CHARS,
            },
        );
    }
    let account = draft.account.trim();
    let website = kind.is_some_and(|k| k.is_website);
    if account.is_empty() {
        push(
            Field::Account,
            if website {
                Problem::SiteAddressMissing
            } else {
                Problem::AccountIdMissing
            },
        );
    } else if account.chars().any(char::is_whitespace) {
        push(Field::Account, Problem::AccountHasSpace);
    } else if let Some((position, c)) = identity::first_invisible(account) {
        push(Field::Account, Problem::InvisibleInAccount { c, position });
    } else if website && !looks_like_site_address(account) {
        push(Field::Account, Problem::SiteAddressInvalid);
    }
    if let Some((id, name)) = &ctx.duplicate_of {
        push(
            Field::Account,
            Problem::DuplicateAccount {
                id: *id,
                name: name.clone(),
            },
        );
    }
    match (kind.map(|k| k.has_account_type), draft.account_type) {
        (Some(true), None) => push(Field::AccountType, Problem::AccountTypeMissing),
        (Some(false), Some(_)) => push(Field::AccountType, Problem::AccountTypeNotApplicable),
        _ => {}
    }
    if !draft.verified && draft.verified_until.is_some() {
        push(
            Field::VerifiedUntil,
            Problem::VerifiedUntilWithoutVerification,
        );
    }
    if draft.content_scope.trim().is_empty() {
        push(Field::ContentScope, Problem::ContentScopeMissing);
    }
    if draft.created_on > ctx.today {
        push(
            Field::CreatedOn,
            Problem::CreatedInFuture { today: ctx.today },
        );
    }
    if draft.last_post_on.is_some_and(|d| d > ctx.today) {
        push(Field::LastPostOn, Problem::LastPostInFuture);
    }
    if draft.last_post_on.is_some_and(|d| d < draft.created_on) {
        push(Field::LastPostOn, Problem::LastPostBeforeCreation);
    }
    if draft.responsible_person.trim().is_empty() {
        push(Field::ResponsiblePerson, Problem::ResponsiblePersonMissing);
    }
    if let Some(m) = mobile_problem(&draft.contact_mobile) {
        push(Field::ContactMobile, m.into());
    }
    let filled: Vec<_> = draft
        .administrators
        .iter()
        .enumerate()
        .filter(|(_, a)| !(a.name.trim().is_empty() && a.mobile.trim().is_empty()))
        .collect();
    if filled.is_empty() {
        push(Field::Administrators, Problem::AdministratorsMissing);
    }
    for (i, admin) in filled {
        if admin.name.trim().is_empty() {
            push(Field::Administrator(i), Problem::AdministratorNameMissing);
        } else if let Some(m) = mobile_problem(&admin.mobile) {
            push(Field::Administrator(i), m.into());
        }
    }
    if let Maintenance::Vendor { name } = &draft.maintenance
        && name.trim().is_empty()
    {
        push(Field::Maintenance, Problem::VendorNameMissing);
    }
    let school = uses_school_name(&draft.name, ctx.school_names)
        .or_else(|| uses_school_name(&draft.account, ctx.school_names));
    if let Some(school) = school
        && draft.approval_ref.trim().is_empty()
    {
        push(
            Field::ApprovalRef,
            Problem::SchoolNameNeedsApproval { school },
        );
    }
    errors
}

fn looks_like_site_address(account: &str) -> bool {
    let host = normalize_account(account);
    let host = host.split('/').next().unwrap_or_default();
    host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
}

/// Validates a unit before it is saved.
pub fn validate_unit(draft: &UnitDraft) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if draft.name.trim().is_empty() {
        errors.push(FieldError::new(Field::UnitName, Problem::UnitNameMissing));
    }
    let fields = [
        (Field::UnitName, draft.name.as_str()),
        (Field::PartyBranch, draft.party_branch.as_str()),
        (Field::UnitHead, draft.head.as_str()),
        (Field::PartySecretary, draft.secretary.as_str()),
    ];
    refuse_control_characters(&fields, errors)
}

/// Validates a person before they are saved; a mobile is optional for people but must be valid.
pub fn validate_person(draft: &PersonDraft) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if draft.name.trim().is_empty() {
        errors.push(FieldError::new(
            Field::PersonName,
            Problem::PersonNameMissing,
        ));
    }
    if !draft.mobile.trim().is_empty()
        && let Some(m) = mobile_problem(&draft.mobile)
    {
        errors.push(FieldError::new(Field::PersonMobile, m));
    }
    let fields = [
        (Field::PersonName, draft.name.as_str()),
        (Field::PersonMobile, draft.mobile.as_str()),
    ];
    refuse_control_characters(&fields, errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::platform::{AccountType, Administrator, Maintenance};

    fn kinds() -> Vec<PlatformKind> {
        vec![
            PlatformKind {
                id: 1,
                name: "网站".into(),
                is_website: true,
                has_account_type: false,
                sort_order: 0,
            },
            PlatformKind {
                id: 2,
                name: "微信公众号".into(),
                is_website: false,
                has_account_type: true,
                sort_order: 1,
            },
            PlatformKind {
                id: 3,
                name: "抖音".into(),
                is_website: false,
                has_account_type: false,
                sort_order: 2,
            },
        ]
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn good() -> PlatformDraft {
        PlatformDraft {
            unit_id: 1,
            kind_id: 2,
            name: "商学院青年".into(),
            account: "sxy_youth".into(),
            account_type: Some(AccountType::Subscription),
            verified: true,
            verified_until: Some(date("2027-03-01")),
            content_scope: "学院新闻、通知公告".into(),
            created_on: date("2024-09-27"),
            responsible_person: "王建国".into(),
            contact_mobile: "13812345678".into(),
            administrators: vec![Administrator {
                name: "李珺".into(),
                mobile: "15937165432".into(),
            }],
            maintenance: Maintenance::InHouse,
            approval_ref: String::new(),
            notes: String::new(),
            intranet_only: false,
            last_post_on: None,
        }
    }

    fn check(draft: &PlatformDraft, duplicate: bool) -> Vec<Field> {
        let kinds = kinds();
        let names = vec!["郑州西亚斯学院".to_owned(), "西亚斯".to_owned()];
        let ctx = ValidationContext {
            today: date("2026-11-26"),
            kinds: &kinds,
            unit_exists: draft.unit_id == 1,
            school_names: &names,
            duplicate_of: duplicate.then(|| (7, "旧账号".to_owned())),
        };
        validate_platform(draft, &ctx)
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn a_complete_draft_passes() {
        assert_eq!(check(&good(), false), vec![]);
    }

    #[test]
    fn each_rule_names_its_field() {
        type Edit = fn(&mut PlatformDraft);
        let cases: &[(&str, Edit, Field)] = &[
            ("no unit", |d| d.unit_id = 99, Field::Unit),
            ("no kind", |d| d.kind_id = 99, Field::Kind),
            ("empty name", |d| d.name = "  ".into(), Field::Name),
            (
                "empty account",
                |d| d.account = String::new(),
                Field::Account,
            ),
            (
                "space in account",
                |d| d.account = "a b".into(),
                Field::Account,
            ),
            (
                "wechat without type",
                |d| d.account_type = None,
                Field::AccountType,
            ),
            ("type on douyin", |d| d.kind_id = 3, Field::AccountType),
            (
                "expiry while unverified",
                |d| d.verified = false,
                Field::VerifiedUntil,
            ),
            (
                "empty scope",
                |d| d.content_scope = String::new(),
                Field::ContentScope,
            ),
            (
                "future creation",
                |d| d.created_on = date("2026-11-27"),
                Field::CreatedOn,
            ),
            (
                "no responsible",
                |d| d.responsible_person = String::new(),
                Field::ResponsiblePerson,
            ),
            (
                "short mobile",
                |d| d.contact_mobile = "1381234567".into(),
                Field::ContactMobile,
            ),
            (
                "12 prefix",
                |d| d.contact_mobile = "12812345678".into(),
                Field::ContactMobile,
            ),
            (
                "letters",
                |d| d.contact_mobile = "1381234567a".into(),
                Field::ContactMobile,
            ),
            (
                "no admins",
                |d| d.administrators.clear(),
                Field::Administrators,
            ),
            (
                "blank admin rows only",
                |d| d.administrators = vec![Administrator::default(); 3],
                Field::Administrators,
            ),
            (
                "admin bad mobile",
                |d| d.administrators[0].mobile = "110".into(),
                Field::Administrator(0),
            ),
            (
                "admin without name",
                |d| {
                    d.administrators.push(Administrator {
                        name: String::new(),
                        mobile: "13912345678".into(),
                    })
                },
                Field::Administrator(1),
            ),
            (
                "vendor unnamed",
                |d| d.maintenance = Maintenance::Vendor { name: " ".into() },
                Field::Maintenance,
            ),
            (
                "school name needs approval",
                |d| d.name = "郑州西亚斯学院商学院".into(),
                Field::ApprovalRef,
            ),
            (
                "short school name",
                |d| d.name = "西亚斯商学院".into(),
                Field::ApprovalRef,
            ),
            (
                "school name in account",
                |d| d.account = "西亚斯sxy".into(),
                Field::ApprovalRef,
            ),
            (
                "last post in future",
                |d| d.last_post_on = Some(date("2027-01-01")),
                Field::LastPostOn,
            ),
            (
                "last post before creation",
                |d| d.last_post_on = Some(date("2020-01-01")),
                Field::LastPostOn,
            ),
        ];
        for (what, edit, field) in cases {
            let mut d = good();
            edit(&mut d);
            assert_eq!(check(&d, false), vec![*field], "{what}");
        }
    }

    #[test]
    fn approval_reference_satisfies_article_three() {
        let mut d = good();
        d.name = "郑州西亚斯学院商学院".into();
        d.approval_ref = "校办〔2024〕12号".into();
        assert_eq!(check(&d, false), vec![]);
    }

    #[test]
    fn duplicate_account_is_refused() {
        assert_eq!(check(&good(), true), vec![Field::Account]);
    }

    #[test]
    fn website_addresses() {
        for (addr, ok) in [
            ("https://sxy.example.edu.cn", true),
            ("sxy.example.edu.cn/news/", true),
            ("http://10.1.2.3:8080", true),
            ("商学院网站", false),
            ("https://", false),
            ("example", false),
        ] {
            let mut d = good();
            d.kind_id = 1;
            d.account_type = None;
            d.account = addr.into();
            assert_eq!(check(&d, false).is_empty(), ok, "{addr}");
        }
    }

    #[test]
    fn mobiles() {
        for (m, ok) in [
            ("13812345678", true),
            ("19912345678", true),
            ("12812345678", false),
            ("23812345678", false),
            ("1381234567", false),
            ("138123456789", false),
            ("１３８１２３４５６７８", false),
        ] {
            assert_eq!(is_valid_mobile(m), ok, "{m}");
        }
    }

    #[test]
    fn accounts_normalise_for_duplicates() {
        let cases = [
            (" HTTPS://Sxy.Edu.cn/ ", "sxy.edu.cn"),
            ("Sxy_Youth", "sxy_youth"),
            ("sxy.edu.cn/News/", "sxy.edu.cn/news"),
            // Issue 15: the look-alikes that dodged the duplicate check.
            ("sias_sxy", "sias_sxy"),
            ("sias_sxy\u{200B}", "sias_sxy"),
            ("sias\u{00AD}_sxy", "sias_sxy"),
            ("ｓｉａｓ＿ｓｘｙ", "sias_sxy"),
            ("ｈｔｔｐｓ：／／ｓｘｙ．ｅｄｕ．ｃｎ／", "sxy.edu.cn"),
        ];
        for (account, key) in cases {
            assert_eq!(normalize_account(account), key, "{account:?}");
        }
    }

    #[test]
    fn every_text_field_refuses_control_characters() {
        type Edit = fn(&mut PlatformDraft, &str);
        let cases: &[(&str, Edit, Field)] = &[
            (
                "name",
                |d, v| d.name = format!("商学院{v}青年"),
                Field::Name,
            ),
            (
                "account",
                |d, v| d.account = format!("sxy{v}"),
                Field::Account,
            ),
            (
                "scope",
                |d, v| d.content_scope = format!("新闻{v}"),
                Field::ContentScope,
            ),
            (
                "responsible",
                |d, v| d.responsible_person = format!("王{v}建国"),
                Field::ResponsiblePerson,
            ),
            (
                "mobile",
                |d, v| d.contact_mobile = format!("1381234567{v}8"),
                Field::ContactMobile,
            ),
            (
                "approval",
                |d, v| d.approval_ref = format!("校办{v}12号"),
                Field::ApprovalRef,
            ),
            ("notes", |d, v| d.notes = format!("备注{v}"), Field::Notes),
            (
                "vendor",
                |d, v| {
                    d.maintenance = Maintenance::Vendor {
                        name: format!("某{v}公司"),
                    }
                },
                Field::Maintenance,
            ),
            (
                "admin name",
                |d, v| d.administrators[0].name = format!("李{v}珺"),
                Field::Administrator(0),
            ),
            (
                "admin mobile",
                |d, v| d.administrators[0].mobile = format!("{v}15937165432"),
                Field::Administrator(0),
            ),
        ];
        for refused in ["\0", "\u{202E}", "\u{1B}", "\u{2067}", "\r"] {
            for (what, edit, field) in cases {
                let mut d = good();
                edit(&mut d, refused);
                let kinds = kinds();
                let names: Vec<String> = Vec::new();
                let ctx = ValidationContext {
                    today: date("2026-11-26"),
                    kinds: &kinds,
                    unit_exists: true,
                    school_names: &names,
                    duplicate_of: None,
                };
                let errors = validate_platform(&d, &ctx);
                assert_eq!(errors.len(), 1, "{what} {refused:?}: {errors:?}");
                assert_eq!(errors[0].field, *field, "{what} {refused:?}");
                let c = refused.chars().next().unwrap();
                assert!(
                    errors[0].message().contains(&identity::code_point(c)),
                    "{what}: {}",
                    errors[0]
                );
            }
        }
        let mut d = good();
        d.notes = "第一行\n第二行\t\r\n".into();
        assert_eq!(check(&d, false), vec![]);
    }

    #[test]
    fn invisible_characters_in_an_account_are_named() {
        for account in ["sias_sxy\u{200B}", "sias\u{00AD}_sxy", "\u{FEFF}sias_sxy"] {
            let mut d = good();
            d.account = account.into();
            assert_eq!(check(&d, false), vec![Field::Account], "{account:?}");
        }
        // Full-width is visible: only the duplicate check catches it.
        let mut d = good();
        d.account = "ｓｉａｓ＿ｓｘｙ".into();
        assert_eq!(check(&d, false), vec![]);
        assert_eq!(check(&d, true), vec![Field::Account]);
    }

    #[test]
    fn units_and_people_refuse_control_characters() {
        let unit = UnitDraft {
            name: "商学院".into(),
            party_branch: "商学院党总支".into(),
            head: "王\u{202E}建国".into(),
            secretary: "李\0书记".into(),
        };
        let fields: Vec<Field> = validate_unit(&unit).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, vec![Field::UnitHead, Field::PartySecretary]);
        let person = PersonDraft {
            unit_id: 1,
            name: "张\u{1B}喆".into(),
            mobile: "138\u{0}12345678".into(),
            roles: vec![],
        };
        let errors = validate_person(&person);
        let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, vec![Field::PersonName, Field::PersonMobile]);
        assert!(errors[1].message().contains("U+0000"), "{}", errors[1]);
    }

    #[test]
    fn people_and_units() {
        assert_eq!(validate_unit(&UnitDraft::default()).len(), 1);
        let mut p = PersonDraft {
            unit_id: 1,
            name: "张喆".into(),
            mobile: String::new(),
            roles: vec![],
        };
        assert!(validate_person(&p).is_empty());
        p.mobile = "123".into();
        assert_eq!(validate_person(&p)[0].field, Field::PersonMobile);
    }
}
