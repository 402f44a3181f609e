//! The supervision settings a school may change: the inactivity ladder's lengths (第六条四),
//! the party-building cadence (第六条二), the training cycle (第五条), the incident reporting
//! limit (第八条一), the annual review season and how far ahead the due list looks.
//!
//! Stored as JSON beside the other settings; every field has a default, so settings written
//! before a field existed still load.

use serde::{Deserialize, Serialize};

use super::period::Period;

/// 第六条四's three steps, each a length of silence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct LadderSettings {
    /// 「超过2个月不进行更新」: silence before the rectification notice is due.
    pub silence: Period,
    /// 「收到整改通知1个月后未进行更新」: after the notice, before the public notice is due.
    pub after_rectification: Period,
    /// 「公开通报后1个月仍未更新」: after the public notice, before the shutdown is due.
    pub after_public_notice: Period,
}

impl Default for LadderSettings {
    fn default() -> Self {
        Self {
            silence: Period::Months(2),
            after_rectification: Period::Months(1),
            after_public_notice: Period::Months(1),
        }
    }
}

impl LadderSettings {
    /// The government monitoring platforms' rule: two weeks of silence, then a week per step.
    pub fn two_week_rule() -> Self {
        Self {
            silence: Period::Days(14),
            after_rectification: Period::Days(7),
            after_public_notice: Period::Days(7),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SupervisionSettings {
    pub ladder: LadderSettings,
    /// 第六条二 「定期推出」: a 党建 post at least this often.
    pub party_building_interval: Period,
    /// 第五条: staff trained at least once in this period.
    pub training_interval: Period,
    /// 第八条一 「立即报告」: a report later than this many hours after discovery is late.
    pub incident_report_hours: u32,
    /// The month of the annual review (年审, the 附件 form's title), 1–12; `None`: no season.
    pub annual_review_month: Option<u32>,
    /// A verification (认证) ending within this many days is listed.
    pub verification_warning_days: u32,
    /// Deadlines within this many days are listed before they are due.
    pub lookahead_days: u32,
}

impl Default for SupervisionSettings {
    fn default() -> Self {
        Self {
            ladder: LadderSettings::default(),
            party_building_interval: Period::Months(1),
            training_interval: Period::Months(12),
            incident_report_hours: 24,
            annual_review_month: Some(12),
            verification_warning_days: 30,
            lookahead_days: 14,
        }
    }
}

/// A setting that cannot be used, by field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SettingsProblem {
    /// A period of zero or more than ten years.
    BadPeriod(SettingField),
    /// A month outside 1–12.
    BadMonth(u32),
    /// Zero hours, or more than a year of them.
    BadHours(u32),
    /// More than a year of days.
    BadDays(SettingField),
}

/// Which setting a [`SettingsProblem`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingField {
    Silence,
    AfterRectification,
    AfterPublicNotice,
    PartyBuildingInterval,
    TrainingInterval,
    VerificationWarningDays,
    LookaheadDays,
}

const MAX_HOURS: u32 = 24 * 366;
const MAX_WARNING_DAYS: u32 = 366;

impl SupervisionSettings {
    /// Every problem, so the settings page can mark each field at once.
    pub fn problems(&self) -> Vec<SettingsProblem> {
        let mut problems = Vec::new();
        for (period, field) in [
            (self.ladder.silence, SettingField::Silence),
            (
                self.ladder.after_rectification,
                SettingField::AfterRectification,
            ),
            (
                self.ladder.after_public_notice,
                SettingField::AfterPublicNotice,
            ),
            (
                self.party_building_interval,
                SettingField::PartyBuildingInterval,
            ),
            (self.training_interval, SettingField::TrainingInterval),
        ] {
            if !period.is_valid() {
                problems.push(SettingsProblem::BadPeriod(field));
            }
        }
        if !(1..=MAX_HOURS).contains(&self.incident_report_hours) {
            problems.push(SettingsProblem::BadHours(self.incident_report_hours));
        }
        if let Some(month) = self.annual_review_month
            && !(1..=12).contains(&month)
        {
            problems.push(SettingsProblem::BadMonth(month));
        }
        for (days, field) in [
            (
                self.verification_warning_days,
                SettingField::VerificationWarningDays,
            ),
            (self.lookahead_days, SettingField::LookaheadDays),
        ] {
            if days > MAX_WARNING_DAYS {
                problems.push(SettingsProblem::BadDays(field));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_policy() {
        let s = SupervisionSettings::default();
        assert_eq!(s.ladder.silence, Period::Months(2));
        assert_eq!(s.ladder.after_rectification, Period::Months(1));
        assert_eq!(s.ladder.after_public_notice, Period::Months(1));
        assert_eq!(s.party_building_interval, Period::Months(1));
        assert_eq!(s.training_interval, Period::Months(12));
        assert_eq!(s.incident_report_hours, 24);
        assert!(s.problems().is_empty());
        assert!(
            SupervisionSettings {
                ladder: LadderSettings::two_week_rule(),
                ..s
            }
            .problems()
            .is_empty()
        );
    }

    #[test]
    fn old_or_partial_json_loads_with_defaults() {
        let s: SupervisionSettings = serde_json::from_str("{}").unwrap();
        assert_eq!(s, SupervisionSettings::default());
        let s: SupervisionSettings = serde_json::from_str(
            r#"{"ladder":{"silence":{"days":14}},"annual_review_month":null}"#,
        )
        .unwrap();
        assert_eq!(s.ladder.silence, Period::Days(14));
        assert_eq!(s.ladder.after_rectification, Period::Months(1));
        assert_eq!(s.annual_review_month, None);
        let round: SupervisionSettings =
            serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(round, s);
    }

    #[test]
    fn every_bad_field_is_reported() {
        let s = SupervisionSettings {
            ladder: LadderSettings {
                silence: Period::Days(0),
                after_rectification: Period::Months(121),
                after_public_notice: Period::Months(1),
            },
            party_building_interval: Period::Months(0),
            training_interval: Period::Months(12),
            incident_report_hours: 0,
            annual_review_month: Some(13),
            verification_warning_days: 400,
            lookahead_days: 14,
        };
        assert_eq!(
            s.problems(),
            [
                SettingsProblem::BadPeriod(SettingField::Silence),
                SettingsProblem::BadPeriod(SettingField::AfterRectification),
                SettingsProblem::BadPeriod(SettingField::PartyBuildingInterval),
                SettingsProblem::BadHours(0),
                SettingsProblem::BadMonth(13),
                SettingsProblem::BadDays(SettingField::VerificationWarningDays),
            ]
        );
    }
}
