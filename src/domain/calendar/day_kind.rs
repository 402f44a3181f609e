//! What kind of day a date is under the official Chinese holiday schedule. Its label and
//! `Display` (「调休上班（国庆节）」) are in `text::calendar`.

/// The kind of a date, as the State Council's yearly notice makes it.
///
/// A weekend day can be a working day (调休上班) and a weekday can be a day off, so
/// "Monday to Friday" is never enough; every deadline in MediaDesk counts these kinds.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DayKind {
    /// An ordinary Monday to Friday.
    Workday,
    /// An ordinary Saturday or Sunday.
    Weekend,
    /// A day off under the notice (法定节假日 and the days joined to it by 调休);
    /// it may fall on a weekend.
    Holiday {
        /// The festival as the notice names it, e.g. 「春节」 or 「国庆节、中秋节」.
        name: String,
    },
    /// A Saturday or Sunday that is worked to make up for a holiday (调休上班).
    MakeupWorkday {
        /// The festival the day is worked for.
        name: String,
    },
}

impl DayKind {
    /// Whether the day counts towards a deadline in working days.
    #[must_use]
    pub fn is_working_day(&self) -> bool {
        matches!(self, Self::Workday | Self::MakeupWorkday { .. })
    }

    /// The festival behind a holiday or a make-up working day, if any.
    #[must_use]
    pub fn festival(&self) -> Option<&str> {
        match self {
            Self::Holiday { name } | Self::MakeupWorkday { name } => Some(name),
            Self::Workday | Self::Weekend => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_working_days() {
        let holiday = DayKind::Holiday {
            name: "春节".into(),
        };
        let makeup = DayKind::MakeupWorkday {
            name: "国庆节".into(),
        };
        let cases: [(&DayKind, &str, bool, &str); 4] = [
            (&DayKind::Workday, "工作日", true, "工作日"),
            (&DayKind::Weekend, "周末", false, "周末"),
            (&holiday, "法定节假日", false, "法定节假日（春节）"),
            (&makeup, "调休上班", true, "调休上班（国庆节）"),
        ];
        for (kind, label, working, shown) in cases {
            assert_eq!(kind.label(), label);
            assert_eq!(kind.is_working_day(), working, "{kind:?}");
            assert_eq!(kind.to_string(), shown);
        }
    }
}
