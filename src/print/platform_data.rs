//! Fills a filing form from a stored platform: the one place that knows which registry field
//! goes into which cell of the appendix form.

use super::data::{FilingFormData, website_account_name};
use crate::domain::platform::{Platform, PlatformKind};

impl FilingFormData {
    /// The form of `platform`; websites print their site name and address in the account cell.
    pub fn from_platform(platform: &Platform, unit_name: &str, kind: &PlatformKind) -> Self {
        let d = &platform.draft;
        Self {
            audit_anchor: None,
            unit_name: unit_name.to_owned(),
            platform_kind: kind.name.clone(),
            account_name: if kind.is_website {
                website_account_name(&d.name, &d.account)
            } else if d.account.trim().is_empty() || d.account == d.name {
                d.name.clone()
            } else {
                super::labels::name_with_account(&d.name, &d.account)
            },
            verified: Some(d.verified),
            content_scope: d.content_scope.clone(),
            created_on: Some(d.created_on),
            account_type: if kind.has_account_type {
                d.account_type.map(|t| t.label().to_owned())
            } else {
                None
            },
            responsible_person: d.responsible_person.clone(),
            responsible_mobile: d.contact_mobile.clone(),
            administrators: d
                .administrators
                .iter()
                .map(|a| (a.name.clone(), a.mobile.clone()))
                .collect(),
        }
    }
}
