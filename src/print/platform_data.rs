//! Fills a filing form from a stored platform: the one place that knows which registry field
//! goes into which cell of the appendix form.

use super::data::{FilingFormData, website_account_name};
use crate::domain::platform::{Platform, PlatformKind};

impl FilingFormData {
    /// The form of `platform`; websites print their site name and address in the account cell.
    pub fn from_platform(platform: &Platform, unit_name: &str, kind: &PlatformKind) -> Self {
        let d = &platform.draft;
        Self {
            unit_name: unit_name.to_owned(),
            platform_kind: kind.name.clone(),
            account_name: if kind.is_website {
                website_account_name(&d.name, &d.account)
            } else if d.account.trim().is_empty() || d.account == d.name {
                d.name.clone()
            } else {
                format!("{}（{}）", d.name, d.account)
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

/// The forms of `platform_ids`, in that order, read from the store.
pub fn forms_for(
    store: &crate::store::Store,
    platform_ids: &[i64],
) -> Result<Vec<FilingFormData>, crate::store::StoreError> {
    let units = store.units()?;
    let kinds = store.platform_kinds()?;
    platform_ids
        .iter()
        .map(|&id| {
            let p = store.platform(id)?;
            let unit = units
                .iter()
                .find(|u| u.id == p.draft.unit_id)
                .map_or("", |u| u.name.as_str());
            let kind = kinds.iter().find(|k| k.id == p.draft.kind_id).ok_or(
                crate::store::StoreError::NotFound {
                    what: "平台类型",
                    id: p.draft.kind_id,
                },
            )?;
            Ok(FilingFormData::from_platform(&p, unit, kind))
        })
        .collect()
}

/// The print settings from the stored settings; a chosen font file is read and checked
/// again (it may have been moved or replaced since it was chosen). The error is the message.
pub fn form_settings(settings: &crate::store::Settings) -> Result<super::FormSettings, String> {
    let custom_font = match &settings.font_path {
        None => None,
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| {
                format!(
                    "无法读取设置中选择的字体文件「{}」（{e}）。请在「设置」中重新选择字体，或改回内置字体。",
                    path.display()
                )
            })?;
            super::check_font_file(&bytes).map_err(|e| e.to_string())?;
            Some(std::sync::Arc::from(bytes.into_boxed_slice()))
        }
    };
    Ok(super::FormSettings {
        school_name: settings.school_name.clone(),
        copy_marks: settings.copy_marks.clone(),
        custom_font,
    })
}
