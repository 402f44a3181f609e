//! Content screening before publishing: internal information (第六条三), the twelve kinds of
//! prohibited content including personal data (第六条五), and the safety check of uploaded
//! files (第八条二). Build a [`Screener`] once from the stored word lists, then [`screen`] each
//! text and [`Screener::check_attachment`] each file. Everything here is data; its Chinese
//! (labels, articles, messages, error sentences) is in `text::screening`.
//!
//! - `category` / `finding` / `report`: what a finding is and how it is reported.
//! - `words`: word lists, allow list, import/export format; seed lists in `assets/words/`.
//! - `normalize` / `matcher` / `shards`: evasion-resistant matching mapped back to the
//!   original text.
//! - `personal_data` / `mask`: ID, mobile, bank card, e-mail, student/staff numbers; masking.
//! - `links`: external links, plain http and URL shorteners.
//! - `attachment` (with `sniff`, `archive`, `office_text`, `ole`, `pdf`, `image`): files.

mod archive;
mod attachment;
mod category;
mod error;
mod finding;
mod image;
mod links;
mod mask;
mod matcher;
mod normalize;
mod office_text;
mod ole;
mod pdf;
mod personal_data;
mod report;
mod shards;
mod sniff;
mod words;

#[cfg(test)]
mod attachment_tests;

pub use attachment::{
    AttachmentIssue, AttachmentPolicy, AttachmentProblem, AttachmentReport, Container, IssueDetail,
    IssuePlace, check_attachment,
};
pub use category::Category;
pub use error::{BuildFailure, PatternFault, PatternKind, ScreeningError};
pub use finding::{Finding, Rule, Severity};
pub use links::{ExternalLink, LINK_SHORTENERS, LinkScheme, is_link_shortener};
pub use mask::mask_personal_data;
pub use matcher::Screener;
pub use normalize::normalize_word;
pub use personal_data::{
    IdProblem, PersonalDataSettings, is_mainland_mobile, is_province_code, luhn_valid,
    personal_data_severity, resident_id_check_char, validate_resident_id,
};
pub use report::{MAX_FINDINGS, ScreeningReport};
pub use sniff::{DANGEROUS_EXTENSIONS, FileClass, FileKind, claimed_kind, sniff};
pub use words::{
    AllowList, ImportReport, LineProblem, LineReason, MAX_WORD_CHARS, WordEntry, WordList,
    WordProblem, entries_of, seed_word_lists, validate_word,
};

/// 第六条三, 第六条五: screens a post's text before it is published. Findings are sorted by
/// position; `report.blocks()` says whether anything must be fixed first.
pub fn screen(screener: &Screener, text: &str) -> ScreeningReport {
    screener.screen(text)
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    #[test]
    fn screening_and_masking_a_post_end_to_end() {
        let settings = PersonalDataSettings {
            student_number_patterns: vec![r"20\d{8}".into()],
            staff_number_patterns: Vec::new(),
        };
        let screener = Screener::seeded(&settings).unwrap();
        let id = "11010519491231002X";
        let text = format!(
            "关于奖学金的通知（内部资料）：张三，学号2021123456，身份证{id}，电话138 1234 5678，卡号6222 0212 3456 7890 128，邮箱zhangsan@sias.edu.cn。"
        );
        let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
        let report = screener.screen_on(&text, today);
        assert!(report.blocks());
        let rules: Vec<Rule> = report.findings.iter().map(|f| f.rule.clone()).collect();
        assert_eq!(
            rules,
            vec![
                Rule::Word("内部资料".into()),
                Rule::StudentNumber,
                Rule::ResidentId,
                Rule::Mobile,
                Rule::BankCard,
                Rule::Email,
            ]
        );
        let starts: Vec<usize> = report.findings.iter().map(|f| f.start).collect();
        assert!(
            starts.windows(2).all(|w| w[0] <= w[1]),
            "sorted by position"
        );
        let masked = mask_personal_data(&text, &report.findings);
        assert_eq!(
            masked,
            "关于奖学金的通知（内部资料）：张三，学号20******56，身份证1101**********002X，电话138 **** 5678，卡号6222 **** **** ***0 128，邮箱z*******@sias.edu.cn。"
        );
        let again = screener.screen_on(&masked, today);
        assert!(!again.has_personal_data());
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["findings"][0]["category"], "internal_information");
        assert_eq!(json["findings"][0]["severity"], "block");
    }

    #[test]
    fn screen_is_the_screener_s_screen() {
        let screener = Screener::seeded(&PersonalDataSettings::default()).unwrap();
        let report = screen(&screener, "网上赌 博，详见 http://bit.ly/x");
        assert!(report.blocks());
        assert_eq!(report.links.len(), 1);
        assert!(report.links[0].shortener);
        assert_eq!(report.in_category(Category::ExternalLink).count(), 2);
    }
}
