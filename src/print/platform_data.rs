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

/// Unit name, kind name, platform name and account of a platform, for the written documents.
fn platform_heading(
    store: &crate::store::Store,
    platform_id: i64,
) -> Result<(String, String, String, String), crate::store::StoreError> {
    let p = store.platform(platform_id)?;
    let unit = store.unit(p.draft.unit_id)?.name;
    let kind = store
        .platform_kinds()?
        .into_iter()
        .find(|k| k.id == p.draft.kind_id)
        .map(|k| k.name)
        .unwrap_or_default();
    Ok((unit, kind, p.draft.name, p.draft.account))
}

/// 信息变更报告 of one change record.
pub fn change_report_for(
    store: &crate::store::Store,
    change_id: i64,
) -> Result<super::ChangeReportData, crate::store::StoreError> {
    let change = store.change(change_id)?;
    let (unit_name, platform_kind, platform_name, account) =
        platform_heading(store, change.platform_id)?;
    Ok(super::ChangeReportData {
        unit_name,
        platform_kind,
        platform_name,
        account,
        changes: change
            .fields
            .into_iter()
            .map(|f| super::ChangeLine {
                field: f.field,
                old: f.old,
                new: f.new,
            })
            .collect(),
        reason: change.reason,
        changed_on: change.changed_on,
    })
}

/// The closure report or the shutdown notice of a platform that ended.
pub enum EndingDocument {
    Closure(super::ClosureReportData),
    Shutdown(super::ShutdownNoticeData),
}

pub fn ending_document_for(
    store: &crate::store::Store,
    platform_id: i64,
) -> Result<EndingDocument, crate::store::StoreError> {
    let (unit_name, platform_kind, platform_name, account) = platform_heading(store, platform_id)?;
    match store.ending(platform_id)? {
        None => Err(crate::store::StoreError::InUse(format!(
            "「{platform_name}」仍在运营，没有停止运营报告或关停通知。"
        ))),
        Some(crate::store::Ending::Closed(c)) => {
            Ok(EndingDocument::Closure(super::ClosureReportData {
                unit_name,
                platform_kind,
                platform_name,
                account,
                reason: c.reason,
                closed_on: c.on,
                content_disposition: c.content_disposition,
            }))
        }
        Some(crate::store::Ending::ShutDown(s)) => {
            Ok(EndingDocument::Shutdown(super::ShutdownNoticeData {
                unit_name,
                platform_kind,
                platform_name,
                account,
                reason_label: s.reason.label().to_owned(),
                details: s.details,
                shut_down_on: s.on,
                document_no: s.document_no,
            }))
        }
    }
}
