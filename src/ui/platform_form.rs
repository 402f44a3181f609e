//! What the platform dialog holds while someone types: strings exactly as typed (so nothing
//! is lost to a parse error), converted to a [`PlatformDraft`] for validation and saving.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::platform::{AccountType, Administrator, Maintenance, Platform, PlatformDraft};
use crate::domain::validation::{Field, FieldError};
use crate::text;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlatformForm {
    /// `Some((id, version))` when editing: the save is refused if the row moved on.
    pub editing: Option<(i64, i64)>,
    pub unit_id: Option<i64>,
    pub kind_id: Option<i64>,
    pub name: String,
    pub account: String,
    pub account_type: Option<AccountType>,
    pub verified: bool,
    pub verified_until: String,
    pub content_scope: String,
    pub created_on: String,
    pub responsible_person: String,
    pub contact_mobile: String,
    pub administrators: Vec<Administrator>,
    pub vendor: bool,
    pub vendor_name: String,
    pub approval_ref: String,
    pub notes: String,
    pub intranet_only: bool,
    pub last_post_on: String,
    /// 第四条二: why a filed platform changes (asked only when editing a filed platform).
    #[serde(default)]
    pub change_reason: String,
    /// Editing a filed platform: form changes must be reported in writing.
    #[serde(default)]
    pub filed: bool,
}

impl PlatformForm {
    pub fn new(unit_id: Option<i64>) -> Self {
        Self {
            unit_id,
            administrators: vec![Administrator::default()],
            ..Default::default()
        }
    }

    pub fn from_platform(p: &Platform) -> Self {
        let d = &p.draft;
        let (vendor, vendor_name) = match &d.maintenance {
            Maintenance::InHouse => (false, String::new()),
            Maintenance::Vendor { name } => (true, name.clone()),
        };
        Self {
            editing: Some((p.id, p.version)),
            unit_id: Some(d.unit_id),
            kind_id: Some(d.kind_id),
            name: d.name.clone(),
            account: d.account.clone(),
            account_type: d.account_type,
            verified: d.verified,
            verified_until: d.verified_until.map(|x| x.to_string()).unwrap_or_default(),
            content_scope: d.content_scope.clone(),
            created_on: d.created_on.to_string(),
            responsible_person: d.responsible_person.clone(),
            contact_mobile: d.contact_mobile.clone(),
            administrators: if d.administrators.is_empty() {
                vec![Administrator::default()]
            } else {
                d.administrators.clone()
            },
            vendor,
            vendor_name,
            approval_ref: d.approval_ref.clone(),
            notes: d.notes.clone(),
            intranet_only: d.intranet_only,
            last_post_on: d.last_post_on.map(|x| x.to_string()).unwrap_or_default(),
            change_reason: String::new(),
            filed: matches!(
                p.status,
                crate::domain::platform::PlatformStatus::Filed
                    | crate::domain::platform::PlatformStatus::ChangePending
            ),
        }
    }

    /// The key its autosaved copy lives under.
    pub fn draft_key(&self) -> String {
        match self.editing {
            Some((id, _)) => format!("platform:{id}"),
            None => "platform:new".to_owned(),
        }
    }

    /// The draft, plus the date fields that do not parse (reported beside their inputs).
    pub fn to_draft(&self) -> (PlatformDraft, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut date = |text: &str, field: Field, required: bool| -> Option<NaiveDate> {
            let t = text.trim();
            if t.is_empty() {
                if required {
                    errors.push(FieldError::new(field, text::ui_platform::DATE_REQUIRED));
                }
                return None;
            }
            match parse_date(t) {
                Some(d) => Some(d),
                None => {
                    errors.push(FieldError::new(field, text::ui_common::invalid_date(t)));
                    None
                }
            }
        };
        let created_on = date(&self.created_on, Field::CreatedOn, true);
        let verified_until = date(&self.verified_until, Field::VerifiedUntil, false);
        let last_post_on = date(&self.last_post_on, Field::LastPostOn, false);
        let draft = PlatformDraft {
            unit_id: self.unit_id.unwrap_or(-1),
            kind_id: self.kind_id.unwrap_or(-1),
            name: self.name.clone(),
            account: self.account.clone(),
            account_type: self.account_type,
            verified: self.verified,
            verified_until,
            content_scope: self.content_scope.clone(),
            // A placeholder while the typed date is invalid; its error is already reported.
            created_on: created_on.unwrap_or(NaiveDate::MIN),
            responsible_person: self.responsible_person.clone(),
            contact_mobile: self.contact_mobile.clone(),
            administrators: self.administrators.clone(),
            maintenance: if self.vendor {
                Maintenance::Vendor {
                    name: self.vendor_name.clone(),
                }
            } else {
                Maintenance::InHouse
            },
            approval_ref: self.approval_ref.clone(),
            notes: self.notes.clone(),
            intranet_only: self.intranet_only,
            last_post_on,
        };
        (draft, errors)
    }
}

/// Accepts 2024-09-27, 2024/9/27, 2024.9.27 and 2024年9月27日.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim().trim_end_matches('日');
    let parts: Vec<&str> = t
        .split(['-', '/', '.', '年', '月'])
        .filter(|s| !s.is_empty())
        .collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Errors keyed by field; the first message per field wins.
pub fn by_field(errors: Vec<FieldError>) -> HashMap<Field, String> {
    let mut map = HashMap::new();
    for e in errors {
        map.entry(e.field).or_insert_with(|| e.message());
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_people_write() {
        let want = NaiveDate::from_ymd_opt(2024, 9, 27);
        for t in [
            "2024-09-27",
            "2024/9/27",
            "2024.9.27",
            "2024年9月27日",
            " 2024-9-27 ",
        ] {
            assert_eq!(parse_date(t), want, "{t}");
        }
        for t in ["2024-02-30", "27/09/2024x", "昨天", "", "2024-09"] {
            assert_eq!(parse_date(t), None, "{t}");
        }
    }

    #[test]
    fn a_bad_date_is_reported_and_the_text_kept() {
        let mut f = PlatformForm::new(Some(1));
        f.created_on = "2024-13-01".into();
        let (_, errors) = f.to_draft();
        assert_eq!(errors[0].field, Field::CreatedOn);
        assert_eq!(f.created_on, "2024-13-01");
    }
}
