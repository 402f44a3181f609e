//! The articles of the 《二级网络平台管理办法》 the supervision rules enforce, so every due item and
//! printed document cites its rule from one list (the wording is `text::supervision`).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Article {
    /// 第四条一: filed within 5 working days after creation.
    Filing,
    /// 第四条二: changes and stops reported in writing.
    ChangeReport,
    /// 第五条: a dedicated administrator; staff trained by the school.
    Training,
    /// 第六条二: a party-building column with regular posts.
    PartyBuilding,
    /// 第六条四: the inactivity ladder.
    Inactivity,
    /// 第八条一: misuse of an account or a security hole reported at once.
    SecurityIncident,
    /// 第八条二: bad content handled at once.
    BadContent,
    /// 附件 备案表（年审）: the yearly review on the filing form.
    AnnualReview,
}

impl Article {
    pub const ALL: [Article; 8] = [
        Self::Filing,
        Self::ChangeReport,
        Self::Training,
        Self::PartyBuilding,
        Self::Inactivity,
        Self::SecurityIncident,
        Self::BadContent,
        Self::AnnualReview,
    ];

    /// Stable code for JSON output and storage.
    pub fn code(self) -> &'static str {
        match self {
            Self::Filing => "4.1",
            Self::ChangeReport => "4.2",
            Self::Training => "5",
            Self::PartyBuilding => "6.2",
            Self::Inactivity => "6.4",
            Self::SecurityIncident => "8.1",
            Self::BadContent => "8.2",
            Self::AnnualReview => "annex",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut codes: Vec<&str> = Article::ALL.iter().map(|a| a.code()).collect();
        for a in Article::ALL {
            assert_eq!(Article::from_code(a.code()), Some(a));
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Article::ALL.len());
        assert_eq!(Article::from_code("9.9"), None);
    }
}
