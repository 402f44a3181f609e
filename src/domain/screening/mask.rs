//! One-click masking of personal data (第六条五第12项): keeps enough of each number for a
//! reader to recognise it as theirs (4101**********123X, 138****5678) and hides the rest.

use super::finding::{Finding, Rule};

/// How many leading and trailing significant characters stay visible for each kind of data.
fn kept(rule: &Rule, significant: usize) -> (usize, usize) {
    match rule {
        Rule::ResidentId | Rule::ResidentId15 | Rule::NearResidentId | Rule::BankCard => (4, 4),
        Rule::Mobile => (3, 4),
        // Student and staff numbers are short: show a quarter at each end.
        _ => {
            let keep = significant / 4;
            (keep, keep)
        }
    }
}

/// Masks one matched number, keeping separators (spaces, dashes) and the +86 prefix as written.
fn mask_number(matched: &str, rule: &Rule) -> String {
    let chars: Vec<char> = matched.chars().collect();
    // Positions of the significant characters (digits, the X of an ID, letters of a staff number).
    let mut significant: Vec<usize> = chars
        .iter()
        .enumerate()
        .filter(|(_, c)| c.is_alphanumeric())
        .map(|(i, _)| i)
        .collect();
    if *rule == Rule::Mobile && significant.len() > 11 {
        // Leave the country code alone; mask within the 11-digit number.
        significant.drain(..significant.len() - 11);
    }
    let (head, tail) = kept(rule, significant.len());
    let mut out = chars.clone();
    let hidden = significant.len().saturating_sub(tail);
    for &i in significant.iter().take(hidden).skip(head) {
        out[i] = '*';
    }
    out.into_iter().collect()
}

/// Masks the local part of an e-mail address, keeping its first character and the domain.
fn mask_email(matched: &str) -> String {
    match matched.split_once('@') {
        Some((local, domain)) => {
            let mut chars = local.chars();
            let first: String = chars.next().into_iter().collect();
            format!("{first}{}@{domain}", "*".repeat(chars.count()))
        }
        None => "*".repeat(matched.chars().count()),
    }
}

/// 第六条五第12项: one click hides the personal data found in `text` before it is published.
/// Only findings of personal data are used, and only where `text` still holds exactly what was
/// found (a stale finding from an earlier version of the text is skipped rather than masking
/// the wrong characters).
pub fn mask_personal_data(text: &str, findings: &[Finding]) -> String {
    let mut personal: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.rule.is_personal_data())
        .collect();
    personal.sort_by_key(|f| (f.byte_start, f.byte_end));
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for finding in personal {
        if finding.byte_start < copied
            || text.get(finding.byte_start..finding.byte_end) != Some(finding.matched.as_str())
        {
            continue;
        }
        out.push_str(&text[copied..finding.byte_start]);
        match finding.rule {
            Rule::Email => out.push_str(&mask_email(&finding.matched)),
            ref rule => out.push_str(&mask_number(&finding.matched, rule)),
        }
        copied = finding.byte_end;
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::screening::category::Category;
    use crate::domain::screening::finding::Severity;

    fn finding(text: &str, matched: &str, rule: Rule) -> Finding {
        Finding::locate(text, matched, Category::PersonalData, Severity::Warn, rule).unwrap()
    }

    #[test]
    fn masks_in_place_and_skips_stale_or_other_findings() {
        let text = "电话13812345678，邮箱ab@x.cn，赌博";
        let mut word = finding(text, "赌博", Rule::Word("赌博".into()));
        word.category = Category::ObscenityGamblingViolence;
        let findings = vec![
            finding(text, "13812345678", Rule::Mobile),
            finding(text, "ab@x.cn", Rule::Email),
            word,
        ];
        assert_eq!(
            mask_personal_data(text, &findings),
            "电话138****5678，邮箱a*@x.cn，赌博"
        );
        let edited = "电话：13812345678，邮箱ab@x.cn，赌博";
        assert_eq!(
            mask_personal_data(edited, &findings),
            edited,
            "offsets no longer match"
        );
    }

    #[test]
    fn each_kind_keeps_its_visible_ends() {
        let cases = [
            ("41010219900307123X", Rule::ResidentId, "4101**********123X"),
            ("410102900307123", Rule::ResidentId15, "4101*******7123"),
            (
                "410102199003071230",
                Rule::NearResidentId,
                "4101**********1230",
            ),
            ("13812345678", Rule::Mobile, "138****5678"),
            ("+86 138 1234 5678", Rule::Mobile, "+86 138 **** 5678"),
            ("8613812345678", Rule::Mobile, "86138****5678"),
            ("6222021234567890128", Rule::BankCard, "6222***********0128"),
            ("4111 1111 1111 1111", Rule::BankCard, "4111 **** **** 1111"),
            ("2021123456", Rule::StudentNumber, "20******56"),
            (
                "zhang.san@sias.edu.cn",
                Rule::Email,
                "z********@sias.edu.cn",
            ),
        ];
        for (matched, rule, expected) in cases {
            let masked = if rule == Rule::Email {
                mask_email(matched)
            } else {
                mask_number(matched, &rule)
            };
            assert_eq!(masked, expected, "{matched}");
        }
    }
}
