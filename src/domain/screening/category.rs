//! What a finding is about: the twelve kinds of prohibited content of 第六条五, internal
//! information (第六条三) and external links (第八条二). The label and article the reviewer sees
//! are worded in `text::screening`.

use serde::{Deserialize, Serialize};

/// The reason a piece of text was flagged. The first twelve follow 第六条五 item by item, so a
/// finding can always be traced to the sentence of the policy that forbids it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// 第六条五第1项.
    IllegalHarmingNation,
    /// 第六条五第2项.
    EndangeringSecurity,
    /// 第六条五第3项.
    EthnicHatredCult,
    /// 第六条五第4项.
    Rumour,
    /// 第六条五第5项.
    IllegalPreaching,
    /// 第六条五第6项.
    IllegalAssembly,
    /// 第六条五第7项.
    ObscenityGamblingViolence,
    /// 第六条五第8项.
    InsultDefamation,
    /// 第六条五第9项.
    IllegalOrganisation,
    /// 第六条五第10项.
    SensitiveTopic,
    /// 第六条五第11项.
    ExpresslyProhibited,
    /// 第六条五第12项.
    PersonalData,
    /// 第六条三: internal information never goes onto an external network.
    InternalInformation,
    /// 第八条二: what is linked to must be checked like what is uploaded.
    ExternalLink,
}

impl Category {
    /// Every category, in the order of the policy.
    pub const ALL: [Category; 14] = [
        Self::IllegalHarmingNation,
        Self::EndangeringSecurity,
        Self::EthnicHatredCult,
        Self::Rumour,
        Self::IllegalPreaching,
        Self::IllegalAssembly,
        Self::ObscenityGamblingViolence,
        Self::InsultDefamation,
        Self::IllegalOrganisation,
        Self::SensitiveTopic,
        Self::ExpresslyProhibited,
        Self::PersonalData,
        Self::InternalInformation,
        Self::ExternalLink,
    ];

    /// The categories that have a word list (all but external links, which are found by shape).
    pub const WITH_WORD_LIST: [Category; 13] = [
        Self::IllegalHarmingNation,
        Self::EndangeringSecurity,
        Self::EthnicHatredCult,
        Self::Rumour,
        Self::IllegalPreaching,
        Self::IllegalAssembly,
        Self::ObscenityGamblingViolence,
        Self::InsultDefamation,
        Self::IllegalOrganisation,
        Self::SensitiveTopic,
        Self::ExpresslyProhibited,
        Self::PersonalData,
        Self::InternalInformation,
    ];

    /// The item number of 第六条五 (1–12); `None` for internal information and links, which
    /// come from other articles.
    pub fn item(self) -> Option<u8> {
        let item = match self {
            Self::IllegalHarmingNation => 1,
            Self::EndangeringSecurity => 2,
            Self::EthnicHatredCult => 3,
            Self::Rumour => 4,
            Self::IllegalPreaching => 5,
            Self::IllegalAssembly => 6,
            Self::ObscenityGamblingViolence => 7,
            Self::InsultDefamation => 8,
            Self::IllegalOrganisation => 9,
            Self::SensitiveTopic => 10,
            Self::ExpresslyProhibited => 11,
            Self::PersonalData => 12,
            Self::InternalInformation | Self::ExternalLink => return None,
        };
        Some(item)
    }

    /// The category for an item number of 第六条五, e.g. from an imported file.
    pub fn from_item(item: u8) -> Option<Category> {
        Self::ALL.into_iter().find(|c| c.item() == Some(item))
    }

    /// Stable code used in files and in the database (the serde name).
    pub fn code(self) -> &'static str {
        match self {
            Self::IllegalHarmingNation => "illegal_harming_nation",
            Self::EndangeringSecurity => "endangering_security",
            Self::EthnicHatredCult => "ethnic_hatred_cult",
            Self::Rumour => "rumour",
            Self::IllegalPreaching => "illegal_preaching",
            Self::IllegalAssembly => "illegal_assembly",
            Self::ObscenityGamblingViolence => "obscenity_gambling_violence",
            Self::InsultDefamation => "insult_defamation",
            Self::IllegalOrganisation => "illegal_organisation",
            Self::SensitiveTopic => "sensitive_topic",
            Self::ExpresslyProhibited => "expressly_prohibited",
            Self::PersonalData => "personal_data",
            Self::InternalInformation => "internal_information",
            Self::ExternalLink => "external_link",
        }
    }

    /// The category with this code.
    pub fn from_code(code: &str) -> Option<Category> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// File name of the seed word list in `assets/words/`.
    pub fn seed_file(self) -> Option<&'static str> {
        let name = match self {
            Self::IllegalHarmingNation => "01-illegal-harming-nation.txt",
            Self::EndangeringSecurity => "02-endangering-security.txt",
            Self::EthnicHatredCult => "03-ethnic-hatred-cult.txt",
            Self::Rumour => "04-rumour.txt",
            Self::IllegalPreaching => "05-illegal-preaching.txt",
            Self::IllegalAssembly => "06-illegal-assembly.txt",
            Self::ObscenityGamblingViolence => "07-obscenity-gambling-violence.txt",
            Self::InsultDefamation => "08-insult-defamation.txt",
            Self::IllegalOrganisation => "09-illegal-organisation.txt",
            Self::SensitiveTopic => "10-sensitive-topic.txt",
            Self::ExpresslyProhibited => "11-expressly-prohibited.txt",
            Self::PersonalData => "12-personal-data.txt",
            Self::InternalInformation => "internal-information.txt",
            Self::ExternalLink => return None,
        };
        Some(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_codes_and_articles_round_trip() {
        for (i, category) in Category::ALL.into_iter().enumerate() {
            assert_eq!(Category::from_code(category.code()), Some(category));
            let json = serde_json::to_string(&category).unwrap();
            assert_eq!(json, format!("\"{}\"", category.code()));
            if i < 12 {
                let item = u8::try_from(i + 1).unwrap();
                assert_eq!(category.item(), Some(item));
                assert_eq!(Category::from_item(item), Some(category));
                assert_eq!(category.article(), format!("第六条五第{item}项"));
            }
            assert!(!category.label().is_empty());
        }
        assert_eq!(Category::InternalInformation.article(), "第六条三");
        assert_eq!(Category::ExternalLink.article(), "第八条二");
        assert_eq!(Category::from_item(13), None);
    }

    #[test]
    fn every_list_category_has_a_seed_file() {
        for category in Category::WITH_WORD_LIST {
            assert!(category.seed_file().is_some(), "{category:?}");
        }
        assert_eq!(Category::ExternalLink.seed_file(), None);
    }
}
