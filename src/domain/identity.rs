//! One normalisation for identities (issue 15, item 2). Account IDs, login names and the names
//! of units and platforms are compared by a *key*: NFKC-normalised (full-width ｓｉａｓ is
//! `sias`), with zero-width, bidirectional and other invisible characters removed, and in lower
//! case wherever the platform itself ignores case. Two entries with one key are one identity,
//! so `sias_sxy`, `sias_sxy` + U+200B, `sias­_sxy` (soft hyphen) and `ｓｉａｓ＿ｓｘｙ` cannot be
//! registered twice.
//!
//! Also here: the check that refuses control characters in any text field (NUL, escape,
//! right-to-left override…), and the escaping that keeps them off a terminal.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;

use super::platform::PlatformKind;
use super::validation::{Field, FieldError, Problem};

/// Characters that draw nothing (or only reorder what is around them) yet make a string
/// different: zero-width space, joiners and marks, the soft hyphen, the word joiner and the
/// invisible operators, the byte-order mark, bidirectional embeddings, overrides and isolates,
/// variation selectors, Hangul fillers, Mongolian free variation selectors, interlinear
/// annotation marks, tag characters. Removed from every identity key.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// The bidirectional controls: they reorder how the text around them is drawn, so
/// `abc` + U+202E + `txt.exe` shows as `abcexe.txt` (the "Trojan Source" trick). Chinese and English text
/// never needs them.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Whether a text field refuses `c`: control characters other than newline and tab (NUL,
/// escape, backspace, the C1 range…), and the bidirectional controls. Zero-width characters
/// are not refused in free text (they are harmless there); identity keys drop them.
pub fn is_refused_in_text(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t')) || is_bidi_control(c)
}

/// Refuses a text field holding a character of [`is_refused_in_text`], naming the field, the
/// character and where it is. A carriage return directly before a newline (a Windows line
/// end) is accepted. Every validator runs this on every text field it is given.
pub fn check_text_field(field: Field, value: &str) -> Result<(), FieldError> {
    let mut chars = value.chars().enumerate().peekable();
    while let Some((position, c)) = chars.next() {
        let windows_line_end = c == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n');
        if !windows_line_end && is_refused_in_text(c) {
            return Err(FieldError::new(
                field,
                Problem::RefusedCharacter { c, position },
            ));
        }
    }
    Ok(())
}

/// The first invisible character of an account ID with its 0-based character position: an
/// ID is typed or pasted from the platform's page, and an invisible character in it is
/// always a copying accident or a look-alike trick.
pub fn first_invisible(value: &str) -> Option<(usize, char)> {
    value.chars().enumerate().find(|&(_, c)| is_invisible(c))
}

/// `U+202E`: how a character is named in messages.
pub fn code_point(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// Text made safe to print on a terminal or into a log: every refused character
/// ([`is_refused_in_text`]) and every invisible one is shown as an escape such as `\u{202E}`
/// or `\u{0000}`, so a right-to-left override cannot reorder the line, a NUL or an escape
/// sequence never reaches the terminal, and a look-alike shows what it is. Newlines and tabs
/// are kept. Borrowed when there is nothing to escape (the usual case).
pub fn terminal_safe(value: &str) -> Cow<'_, str> {
    escape_where(value, |c| {
        (is_refused_in_text(c) || is_invisible(c)) && !matches!(c, '\n' | '\t')
    })
}

/// [`terminal_safe`] for one cell or line of a list: newline, carriage return and tab are
/// shown as `\n`, `\r`, `\t` too, so a value cannot break the list's rows or columns.
pub fn terminal_safe_line(value: &str) -> Cow<'_, str> {
    escape_where(value, |c| {
        is_refused_in_text(c) || is_invisible(c) || c == '\t' || c == '\n'
    })
}

fn escape_where(value: &str, escape: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !value.chars().any(&escape) {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len() + 16);
    for c in value.chars() {
        if !escape(c) {
            out.push(c);
            continue;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            _ => out.push_str(&format!("\\u{{{:04X}}}", u32::from(c))),
        }
    }
    Cow::Owned(out)
}

/// The canonical form of an identity as typed, still in its own case (what is stored and
/// shown): invisible characters removed, NFKC-normalised (full-width letters and digits,
/// the ideographic space, circled and compatibility forms become their plain equivalents),
/// runs of white space as one space, no space at either end.
pub fn canonical_identity(value: &str) -> String {
    let normalised: String = value
        .chars()
        .filter(|&c| !is_invisible(c))
        .nfkc()
        .filter(|&c| !is_invisible(c))
        .collect();
    let mut out = String::with_capacity(normalised.len());
    for word in normalised.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Lower case, normalised again (NFKC of the lower case), until it no longer changes: a
/// fixed point, so a key of a key is the key.
fn caseless(value: &str) -> String {
    let mut current = value.to_owned();
    // One round is almost always enough; a second settles the rare character whose lower
    // case normalises to something with a lower case of its own (the test
    // `every_character_s_key_is_a_fixed_point` checks every code point).
    for _ in 0..3 {
        let next: String = current
            .chars()
            .flat_map(char::to_lowercase)
            .nfkc()
            .collect();
        if next == current {
            break;
        }
        current = next;
    }
    current
}

/// The key a unit's, a platform's or a person's name is compared by: canonical and without
/// case, so 「商学院　青年」, 「商学院 青年」 and 「商学院\u{200B} 青年」 are one name.
pub fn name_key(name: &str) -> String {
    caseless(&canonical_identity(name))
}

/// The key a login name is compared by: logins are typed on any keyboard and with any input
/// method, so `ZhangMing`, `zhangming` and full-width `ｚｈａｎｇｍｉｎｇ` are one login.
pub fn login_key(login: &str) -> String {
    caseless(&canonical_identity(login))
}

/// How a platform kind's account IDs compare (the table [`ACCOUNT_RULES`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccountRule {
    /// The account is a site address: scheme dropped, scheme and host without case, default
    /// port, fragment and trailing slash dropped; the path keeps its case, because web
    /// servers may tell `/News` from `/news`.
    pub site_address: bool,
    /// The platform finds the account whatever its case.
    pub ignore_case: bool,
    /// People write the handle with a leading `@` (as the platform shows it); it is not part
    /// of the ID.
    pub leading_at: bool,
}

impl AccountRule {
    /// A website's address.
    pub const SITE: Self = Self {
        site_address: true,
        ignore_case: true,
        leading_at: false,
    };
    /// An ID the platform looks up without regard to case.
    pub const HANDLE: Self = Self {
        site_address: false,
        ignore_case: true,
        leading_at: false,
    };
    /// A handle often written as `@name`.
    pub const AT_HANDLE: Self = Self {
        site_address: false,
        ignore_case: true,
        leading_at: true,
    };

    /// The rule for a platform kind: a website's address, or the table's entry for its name;
    /// a kind not in the table (the list is editable) compares without case, since a false
    /// "already registered" is seen and asked about, while a missed duplicate is not.
    pub fn for_kind(kind: &PlatformKind) -> Self {
        if kind.is_website {
            return Self::SITE;
        }
        let name = name_key(&kind.name);
        ACCOUNT_RULES
            .iter()
            .find(|(known, _)| name_key(known) == name)
            .map_or(Self::HANDLE, |&(_, rule)| rule)
    }
}

/// 第一条: the platforms the policy names (网站, 微信公众号, 微博, 新闻客户端) and those
/// departments run in practice, by kind name, with how each compares account IDs.
pub const ACCOUNT_RULES: &[(&str, AccountRule)] = &[
    // A site's address, e.g. https://sxy.example.edu.cn/.
    ("网站", AccountRule::SITE),
    // 微信号 (letters, digits, _ and -) and the original ID gh_…: WeChat's search and the
    // official-account platform treat them without case.
    ("微信公众号", AccountRule::HANDLE),
    // Numeric UID or personal domain (weibo.com/sias), shown as @昵称.
    ("微博", AccountRule::AT_HANDLE),
    // 抖音号 (letters, digits, _ and .), shown as @昵称; found whatever the case.
    ("抖音", AccountRule::AT_HANDLE),
    ("快手", AccountRule::AT_HANDLE),
    ("小红书", AccountRule::AT_HANDLE),
    ("视频号", AccountRule::HANDLE),
    ("哔哩哔哩", AccountRule::HANDLE),
    ("今日头条", AccountRule::HANDLE),
    ("新闻客户端", AccountRule::HANDLE),
    ("QQ", AccountRule::HANDLE),
];

/// The key an account is compared by for the duplicate check (one platform kind, one key,
/// one registration). An account written as an address (`http://…`, `https://…`) compares as
/// an address on any kind, since people paste a profile's link as often as its ID.
pub fn account_key(rule: AccountRule, account: &str) -> String {
    let canonical = canonical_identity(account);
    let key = if rule.site_address || scheme_end(&canonical).is_some() {
        site_address_key(&canonical)
    } else {
        let id = if rule.leading_at {
            canonical.trim_start_matches('@')
        } else {
            canonical.as_str()
        };
        if rule.ignore_case {
            caseless(id)
        } else {
            id.to_owned()
        }
    };
    // Cutting off a scheme, an `@` or a slash can leave white space at an end.
    canonical_identity(&key)
}

/// [`account_key`] with the rule of `kind`.
pub fn platform_account_key(kind: &PlatformKind, account: &str) -> String {
    account_key(AccountRule::for_kind(kind), account)
}

/// The byte length of a leading `http://` or `https://`, in any case.
fn scheme_end(address: &str) -> Option<usize> {
    ["https://", "http://"].into_iter().find_map(|scheme| {
        address
            .get(..scheme.len())
            .filter(|head| head.eq_ignore_ascii_case(scheme))
            .map(|_| scheme.len())
    })
}

/// `HTTPS://Sxy.Edu.CN:443/News/#top` → `sxy.edu.cn/News`.
fn site_address_key(address: &str) -> String {
    let rest = &address[scheme_end(address).unwrap_or(0)..];
    let rest = rest.split('#').next().unwrap_or_default();
    let host_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (host, tail) = rest.split_at(host_end);
    let host = caseless(host);
    let host = host
        .strip_suffix(":80")
        .or_else(|| host.strip_suffix(":443"))
        .unwrap_or(&host);
    let host = host.trim_end_matches('.');
    let (path, query) = match tail.split_once('?') {
        Some((path, query)) => (path, query),
        None => (tail, ""),
    };
    let mut key = String::with_capacity(address.len());
    key.push_str(host);
    key.push_str(path.trim_end_matches('/'));
    if !query.is_empty() {
        key.push('?');
        key.push_str(query);
    }
    key
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn kind(name: &str, is_website: bool) -> PlatformKind {
        PlatformKind {
            id: 1,
            name: name.into(),
            is_website,
            has_account_type: false,
            sort_order: 0,
        }
    }

    #[test]
    fn look_alike_accounts_share_one_key() {
        let wechat = kind("微信公众号", false);
        let cases = [
            "sias_sxy",
            "sias_sxy\u{200B}",
            "\u{200B}sias_sxy",
            "sias\u{00AD}_sxy",
            "ｓｉａｓ＿ｓｘｙ",
            "SIAS_SXY",
            "Ｓｉａｓ＿ｓｘｙ",
            " sias_sxy ",
            "sias\u{2060}_\u{FEFF}sxy",
            "sias_\u{200D}sxy\u{200C}",
            "\u{202E}sias_sxy\u{202C}",
            "sias_sxy\u{2066}\u{2069}",
            "sias_sxy\u{FE0F}",
        ];
        for account in cases {
            assert_eq!(
                platform_account_key(&wechat, account),
                "sias_sxy",
                "{account:?}"
            );
        }
    }

    #[test]
    fn different_accounts_keep_different_keys() {
        let wechat = kind("微信公众号", false);
        let cases = [
            ("sias_sxy", "sias_sxy2"),
            ("sias_sxy", "sias-sxy"),
            ("sias_sxy", "sias sxy"),
            ("商学院", "商学"),
        ];
        for (a, b) in cases {
            assert_ne!(
                platform_account_key(&wechat, a),
                platform_account_key(&wechat, b),
                "{a:?} vs {b:?}"
            );
        }
    }

    #[test]
    fn rules_by_platform_kind() {
        let cases = [
            (
                kind("网站", true),
                "HTTPS://Sxy.Example.EDU.cn/News/",
                "sxy.example.edu.cn/News",
            ),
            (
                kind("网站", true),
                "sxy.example.edu.cn",
                "sxy.example.edu.cn",
            ),
            (kind("网站", true), "http://sxy.edu.cn:80/", "sxy.edu.cn"),
            (kind("网站", true), "https://sxy.edu.cn:443", "sxy.edu.cn"),
            (
                kind("网站", true),
                "https://sxy.edu.cn:8443/",
                "sxy.edu.cn:8443",
            ),
            (
                kind("网站", true),
                "https://sxy.edu.cn./a/#top",
                "sxy.edu.cn/a",
            ),
            (
                kind("网站", true),
                "https://sxy.edu.cn/?id=Ab",
                "sxy.edu.cn?id=Ab",
            ),
            (
                kind("网站", true),
                "ｈｔｔｐｓ：／／ＳＸＹ．ｅｄｕ．ｃｎ／",
                "sxy.edu.cn",
            ),
            (
                kind("网站", true),
                "https://sxy\u{200B}.edu.cn",
                "sxy.edu.cn",
            ),
            (kind("微博", false), "@Sias_News", "sias_news"),
            (kind("微博", false), "＠sias_news", "sias_news"),
            (kind("抖音", false), "@SXY.douyin", "sxy.douyin"),
            (kind("微信公众号", false), "@sias", "@sias"),
            (
                kind("微博", false),
                "https://Weibo.com/Sias/",
                "weibo.com/Sias",
            ),
            (kind("哔哩哔哩", false), "１２３４５６", "123456"),
            (kind("新开的平台", false), "AbC", "abc"),
            (kind("QQ", false), "１０００１", "10001"),
        ];
        for (kind, account, key) in cases {
            assert_eq!(
                platform_account_key(&kind, account),
                key,
                "{} {account:?}",
                kind.name
            );
        }
    }

    #[test]
    fn kind_names_are_matched_by_their_own_key() {
        assert_eq!(
            AccountRule::for_kind(&kind("微博", false)),
            AccountRule::AT_HANDLE
        );
        assert_eq!(
            AccountRule::for_kind(&kind(" 微博\u{200B}", false)),
            AccountRule::AT_HANDLE
        );
        assert_eq!(
            AccountRule::for_kind(&kind("ＱＱ", false)),
            AccountRule::HANDLE
        );
        assert_eq!(
            AccountRule::for_kind(&kind("学院网站", true)),
            AccountRule::SITE
        );
        assert_eq!(
            AccountRule::for_kind(&kind("其他", false)),
            AccountRule::HANDLE
        );
    }

    #[test]
    fn names_and_logins() {
        let names = [
            ("商学院　青年", "商学院 青年"),
            ("商学院\u{200B} 青年", "商学院 青年"),
            ("  商学院   青年 ", "商学院 青年"),
            ("ＭＢＡ中心", "mba中心"),
            ("Ⅱ号楼", "ii号楼"),
            ("㈱商社", "(株)商社"),
            ("①队", "1队"),
        ];
        for (name, key) in names {
            assert_eq!(name_key(name), key, "{name:?}");
        }
        assert_eq!(canonical_identity("ＭＢＡ　中心\u{00AD}"), "MBA 中心");
        for login in [
            "zhangming",
            "ZhangMing",
            "ｚｈａｎｇｍｉｎｇ",
            "zhang\u{200B}ming",
        ] {
            assert_eq!(login_key(login), "zhangming", "{login:?}");
        }
    }

    #[test]
    fn text_fields_refuse_control_and_direction_characters() {
        let cases: [(&str, Option<char>); 14] = [
            ("商学院青年", None),
            ("第一行\n第二行\t制表", None),
            ("Windows 行尾\r\n下一行", None),
            ("带\u{200B}零宽空格", None),
            ("带软\u{00AD}连字符", None),
            ("空\0字符", Some('\0')),
            ("\u{202E}txt.exe", Some('\u{202E}')),
            ("方向\u{2066}隔离", Some('\u{2066}')),
            ("从左\u{200F}标记", Some('\u{200F}')),
            ("转义\u{1B}[31m红", Some('\u{1B}')),
            ("单独的\r回车", Some('\r')),
            ("结尾回车\r", Some('\r')),
            ("删除\u{7F}符", Some('\u{7F}')),
            ("C1\u{85}控制", Some('\u{85}')),
        ];
        for (value, refused) in cases {
            let result = check_text_field(Field::Name, value);
            match refused {
                None => assert_eq!(result, Ok(()), "{value:?}"),
                Some(c) => {
                    let error = result.expect_err(value);
                    assert_eq!(error.field, Field::Name);
                    assert!(error.message().contains(&code_point(c)), "{error}");
                    assert!(error.to_string().starts_with("账号名称"), "{error}");
                }
            }
        }
    }

    #[test]
    fn the_message_says_where_the_character_is() {
        let error = check_text_field(Field::ContentScope, "ab\u{202E}c").unwrap_err();
        assert!(error.message().contains("第 3 个字"), "{}", error.message());
        assert!(error.message().contains("U+202E"), "{}", error.message());
    }

    #[test]
    fn accounts_name_their_first_invisible_character() {
        assert_eq!(first_invisible("sias_sxy"), None);
        assert_eq!(first_invisible("sias_sxy\u{200B}"), Some((8, '\u{200B}')));
        assert_eq!(first_invisible("si\u{00AD}as"), Some((2, '\u{00AD}')));
        assert_eq!(first_invisible("ｓｉａｓ"), None);
    }

    #[test]
    fn terminal_output_never_carries_raw_controls() {
        let cases = [
            ("商学院青年", "商学院青年", "商学院青年"),
            ("a\0b", "a\\u{0000}b", "a\\u{0000}b"),
            ("\u{202E}txt.exe", "\\u{202E}txt.exe", "\\u{202E}txt.exe"),
            ("红\u{1B}[31m", "红\\u{001B}[31m", "红\\u{001B}[31m"),
            ("sias\u{200B}", "sias\\u{200B}", "sias\\u{200B}"),
            ("两\n行\t列", "两\n行\t列", "两\\n行\\t列"),
            ("回车\r", "回车\\r", "回车\\r"),
            ("\u{9B}C1", "\\u{009B}C1", "\\u{009B}C1"),
        ];
        for (value, safe, line) in cases {
            assert_eq!(terminal_safe(value), safe, "{value:?}");
            assert_eq!(terminal_safe_line(value), line, "{value:?}");
        }
        assert!(matches!(terminal_safe("普通文字"), Cow::Borrowed(_)));
    }

    #[test]
    fn every_character_s_key_is_a_fixed_point() {
        let mut unsettled = Vec::new();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let key = caseless(c.encode_utf8(&mut [0; 4]));
            if caseless(&key) != key {
                unsettled.push(c);
            }
        }
        assert_eq!(unsettled, Vec::<char>::new());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn keys_are_fixed_points(value in any::<String>()) {
            let name = name_key(&value);
            prop_assert_eq!(name_key(&name), name.clone());
            for rule in [AccountRule::SITE, AccountRule::HANDLE, AccountRule::AT_HANDLE] {
                let key = account_key(rule, &value);
                prop_assert!(!key.chars().any(is_invisible), "{:?}", key);
                prop_assert_eq!(canonical_identity(&key), key.clone());
            }
        }

        #[test]
        fn printed_text_holds_no_control_character(value in any::<String>()) {
            let line = terminal_safe_line(&value);
            prop_assert!(!line.chars().any(|c| c.is_control() || is_invisible(c)));
            let safe = terminal_safe(&value);
            prop_assert!(!safe.chars().any(|c| is_refused_in_text(c) || is_invisible(c)));
        }
    }
}
