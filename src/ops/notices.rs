//! The supervision documents: the school's 整改通知书, 通报 and 关停决定 of a recorded notice
//! (第六条四), and a unit's 安全事件报告 (第八条一). Filled from the records — the platform, its
//! unit and last update, the school's ladder settings, the earlier notices of the same episode
//! — so the paper says what the due list says.

use super::OpsError;
use super::documents::{audit_anchor, print_settings};
use super::files::safe_file_part;
use super::reports::{Document, DocumentKind, unprintable};
use crate::domain::supervision::NoticeKind;
use crate::print::{
    CitedNotice, IncidentReportData, NoticedPlatform, PublicNoticeData, RectificationNoticeData,
    ShutdownDecisionData, render_incident_report, render_public_notice,
    render_rectification_notice, render_shutdown_decision,
};
use crate::store::{NoticeRow, Store, StoreError};
use crate::text::ops as text;

/// The platform a document is about, as printed.
fn noticed_platform(store: &Store, platform_id: i64) -> Result<NoticedPlatform, OpsError> {
    let platform = store.platform(platform_id)?;
    let unit = store.unit(platform.draft.unit_id)?;
    let kind = store
        .platform_kinds()?
        .into_iter()
        .find(|k| k.id == platform.draft.kind_id)
        .ok_or(StoreError::Corrupt(format!(
            "platforms.kind_id = {}",
            platform.draft.kind_id
        )))?;
    let last = store.last_update(platform_id)?;
    Ok(NoticedPlatform::from_platform(
        &platform, &unit.name, &kind, last,
    ))
}

/// The latest notice of `kind` issued before `notice` on the same platform.
fn cited(earlier: &[NoticeRow], kind: NoticeKind) -> Option<CitedNotice> {
    earlier
        .iter()
        .rev()
        .find(|n| n.kind == kind)
        .map(|n| CitedNotice {
            issued_on: n.issued_on,
            document_no: n.document_no.clone(),
        })
}

/// The document of recorded notice `notice_id`.
pub fn notice_document(store: &Store, notice_id: i64) -> Result<Document, OpsError> {
    let notice = store.notice(notice_id)?;
    let platform = noticed_platform(store, notice.platform_id)?;
    let earlier: Vec<NoticeRow> = store
        .platform_notices(notice.platform_id)?
        .into_iter()
        .take_while(|n| n.id != notice.id)
        .collect();
    let ladder = store.supervision_settings()?.ladder;
    let settings = print_settings(store)?;
    let audit_anchor = audit_anchor(store)?;
    let name = safe_file_part(&platform.name);
    let (kind, bytes, unprintable) = match notice.kind {
        NoticeKind::Rectification => {
            let data = RectificationNoticeData {
                document_no: notice.document_no.clone(),
                platform,
                issued_on: notice.issued_on,
                ladder,
                body: String::new(),
                audit_anchor,
            };
            (
                DocumentKind::RectificationNotice,
                render_rectification_notice(&data, &settings)?,
                unprintable(&data.printed_values(), &settings),
            )
        }
        NoticeKind::PublicNotice => {
            let data = PublicNoticeData {
                document_no: notice.document_no.clone(),
                platform,
                rectification: cited(&earlier, NoticeKind::Rectification),
                issued_on: notice.issued_on,
                ladder,
                body: String::new(),
                audit_anchor,
            };
            (
                DocumentKind::PublicNotice,
                render_public_notice(&data, &settings)?,
                unprintable(&data.printed_values(), &settings),
            )
        }
        NoticeKind::ShutdownDecision => {
            let data = ShutdownDecisionData {
                document_no: notice.document_no.clone(),
                platform,
                rectification: cited(&earlier, NoticeKind::Rectification),
                public_notice: cited(&earlier, NoticeKind::PublicNotice),
                decided_on: notice.issued_on,
                body: String::new(),
                audit_anchor,
            };
            (
                DocumentKind::ShutdownDecision,
                render_shutdown_decision(&data, &settings)?,
                unprintable(&data.printed_values(), &settings),
            )
        }
    };
    Ok(Document {
        kind,
        bytes,
        file_name: text::notice_file(notice.kind, &name, notice.issued_on),
        revision: None,
        unprintable,
    })
}

/// The 安全事件报告 of incident `incident_id`, under the unit's own number `document_no`
/// (blank: none).
pub fn incident_document(
    store: &Store,
    incident_id: i64,
    document_no: &str,
) -> Result<Document, OpsError> {
    let (incident, _) = store.incident(incident_id)?;
    let platform = noticed_platform(store, incident.draft.platform_id)?;
    let report_hours = store.supervision_settings()?.incident_report_hours;
    let data = IncidentReportData {
        document_no: document_no.to_owned(),
        unit_name: platform.unit_name,
        platform_kind: platform.kind,
        platform_name: platform.name.clone(),
        account: platform.account,
        incident: incident.draft,
        report_hours,
        audit_anchor: audit_anchor(store)?,
    };
    let settings = print_settings(store)?;
    let bytes = render_incident_report(&data, &settings)?;
    Ok(Document {
        kind: DocumentKind::IncidentReport,
        bytes,
        file_name: text::incident_report_file(&safe_file_part(&platform.name), incident_id),
        revision: None,
        unprintable: unprintable(&data.printed_values(), &settings),
    })
}
