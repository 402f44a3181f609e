//! The plain data `print` renders, read from the store: the filing forms of platforms, the
//! written reports of 第四条, and the print settings (with a chosen font read and checked
//! again, since it may have been moved or replaced since it was chosen).

use super::OpsError;
use super::files::read_bytes;
use crate::domain::platform::Platform;
use crate::print::{
    AuditAnchor, ChangeLine, ChangeReportData, ClosureReportData, FilingFormData, FormSettings,
    ShutdownNoticeData, check_font_file,
};
use crate::store::{Ending, Entity, Settings, Store, StoreError};

/// A font file is never larger than this (the largest CJK faces are ~25 MB).
pub const MAX_FONT_BYTES: u64 = 64 * 1024 * 1024;

/// The audit chain's head now, for the foot of a document printed now (issue 15): the paper
/// can later show with `audit verify --anchor` that the chain still holds this entry. `None`
/// while the log is empty (nothing to anchor to; the line is left out).
pub fn audit_anchor(store: &Store) -> Result<Option<AuditAnchor>, OpsError> {
    Ok(store
        .audit_head()?
        .map(|(seq, hash)| AuditAnchor::new(seq, &hash)))
}

/// The forms of `platform_ids`, in that order, each carrying the chain's head as it is now.
pub fn forms_for(store: &Store, platform_ids: &[i64]) -> Result<Vec<FilingFormData>, OpsError> {
    let anchor = audit_anchor(store)?;
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
            let kind =
                kinds
                    .iter()
                    .find(|k| k.id == p.draft.kind_id)
                    .ok_or(StoreError::NotFound {
                        what: Entity::PlatformKind,
                        id: p.draft.kind_id,
                    })?;
            Ok(FilingFormData {
                audit_anchor: anchor.clone(),
                ..FilingFormData::from_platform(&p, unit, kind)
            })
        })
        .collect()
}

/// The print settings of the stored settings.
pub fn print_settings(store: &Store) -> Result<FormSettings, OpsError> {
    form_settings(&store.settings()?)
}

/// The print settings of `settings`, the custom font read and checked.
pub fn form_settings(settings: &Settings) -> Result<FormSettings, OpsError> {
    let custom_font = match &settings.font_path {
        None => None,
        Some(path) => {
            let bytes = read_bytes(path, MAX_FONT_BYTES).map_err(|e| OpsError::CustomFont {
                path: path.clone(),
                problem: e.to_string(),
            })?;
            check_font_file(&bytes).map_err(|e| OpsError::CustomFont {
                path: path.clone(),
                problem: e.to_string(),
            })?;
            Some(std::sync::Arc::from(bytes.into_boxed_slice()))
        }
    };
    Ok(FormSettings {
        school_name: settings.school_name.clone(),
        copy_marks: settings.copy_marks.clone(),
        custom_font,
    })
}

/// What heads every written document: unit, platform kind, name and account.
struct Heading {
    unit_name: String,
    platform_kind: String,
    platform: Platform,
}

fn heading(store: &Store, platform_id: i64) -> Result<Heading, OpsError> {
    let platform = store.platform(platform_id)?;
    let unit_name = store.unit(platform.draft.unit_id)?.name;
    let platform_kind = store
        .platform_kinds()?
        .into_iter()
        .find(|k| k.id == platform.draft.kind_id)
        .map(|k| k.name)
        .unwrap_or_default();
    Ok(Heading {
        unit_name,
        platform_kind,
        platform,
    })
}

/// 信息变更报告 of one change record (第四条二).
pub fn change_report_data(store: &Store, change_id: i64) -> Result<ChangeReportData, OpsError> {
    let change = store.change(change_id)?;
    let h = heading(store, change.platform_id)?;
    Ok(ChangeReportData {
        unit_name: h.unit_name,
        platform_kind: h.platform_kind,
        platform_name: h.platform.draft.name,
        account: h.platform.draft.account,
        changes: change
            .fields
            .into_iter()
            .map(|f| ChangeLine {
                field: f.field,
                old: f.old,
                new: f.new,
            })
            .collect(),
        reason: change.reason,
        changed_on: change.changed_on,
        audit_anchor: audit_anchor(store)?,
    })
}

/// The closure report or the shutdown notice of a platform that ended.
pub enum EndingDocument {
    Closure(ClosureReportData),
    Shutdown(ShutdownNoticeData),
}

pub fn ending_document_data(store: &Store, platform_id: i64) -> Result<EndingDocument, OpsError> {
    let h = heading(store, platform_id)?;
    let d = h.platform.draft;
    let anchor = audit_anchor(store)?;
    match store.ending(platform_id)? {
        None => Err(OpsError::StillRunning { platform: d.name }),
        Some(Ending::Closed(c)) => Ok(EndingDocument::Closure(ClosureReportData {
            unit_name: h.unit_name,
            platform_kind: h.platform_kind,
            platform_name: d.name,
            account: d.account,
            reason: c.reason,
            closed_on: c.on,
            content_disposition: c.content_disposition,
            audit_anchor: anchor,
        })),
        Some(Ending::ShutDown(s)) => Ok(EndingDocument::Shutdown(ShutdownNoticeData {
            unit_name: h.unit_name,
            platform_kind: h.platform_kind,
            platform_name: d.name,
            account: d.account,
            reason_label: s.reason.label().to_owned(),
            details: s.details,
            shut_down_on: s.on,
            document_no: s.document_no,
            audit_anchor: anchor,
        })),
    }
}
