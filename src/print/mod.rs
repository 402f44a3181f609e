//! Printing of the 附件 filing form (新媒体账号备案表（年审）) as a PDF, four copies per platform.
//!
//! The pipeline is: [`FilingFormData`] (plain values, no database types) →
//! [`layout_filing_form`] (a backend-neutral [`Page`] description in millimetres that the
//! window can also paint as a preview) → [`render_filing_forms`] (PDF bytes via printpdf,
//! the CJK font embedded once and subset) → [`write_pdf_atomically`].
//!
//! Files: `data` (form values and settings), `labels` (every fixed printed string),
//! `fonts` (bundled/custom font, checked when chosen), `face` (a face read lazily: cmap,
//! advances, header metrics), `subset` (the face cut to the glyphs a document draws),
//! `text_fit` (wrapping and shrinking), `layout` (page description types), `filing_form` (the
//! form, copy by copy, with its `form_geometry` measurements, `form_blocks` table bands,
//! `form_paint` drawing and `form_flow` pagination), `pdf` (page description → printpdf, the
//! subset font handed over ready-made), `write` (atomic file write), `error`, `anchor` (the
//! audit chain's head printed at the foot of every page of every document, issue 15).
//!
//! The written documents of 第四条 go the same way, one copy each: [`ChangeReportData`] →
//! [`layout_change_report`] → [`render_change_report`] (信息变更报告), likewise the 停止运营报告
//! (`closure_report`) and the school's 关停通知 (`shutdown_notice`). Files: `report_data`,
//! `report_labels`, `report_geometry`, `report_table` (ruled rows that grow and split),
//! `letter` (a letter set page after page), `report` (the reports' shared shape).
//!
//! The 信息发布审核单 of 第七条三: [`ApprovalSlipData`] (`slip_data`, filled from a post by
//! `ops::slip`) → [`layout_approval_slip`] / [`render_approval_slip`]
//! (`approval_slip`, with its strings in `slip_labels`): the post, the three steps with
//! signature lines, and the draft with line numbers.
//!
//! Supervision, one copy each: the school's 整改通知书 ([`RectificationNoticeData`] →
//! [`layout_rectification_notice`] / [`render_rectification_notice`]), 通报
//! ([`render_public_notice`]) and 关停决定 ([`render_shutdown_decision`]) of 第六条四, set by
//! `supervision_letter`, and the unit's 安全事件报告 ([`render_incident_report`]) of 第八条一.
//! Files: `supervision_data`, `notice_labels` (their fixed text), one file per document.

mod anchor;
mod data;
mod error;
mod face;
mod filing_form;
mod fonts;
mod form_blocks;
mod form_flow;
mod form_geometry;
mod form_paint;
mod labels;
mod layout;
mod pdf;
mod platform_data;
mod subset;
mod text_fit;
mod write;

mod change_report;
mod closure_report;
mod letter;
mod report;
mod report_data;
mod report_geometry;
mod report_labels;
mod report_table;
mod shutdown_notice;

mod incident_report;
mod notice_labels;
mod public_notice;
mod rectification_notice;
mod shutdown_decision;
mod supervision_data;
mod supervision_letter;

mod approval_slip;
mod slip_data;
mod slip_labels;

#[cfg(test)]
mod anchor_tests;
#[cfg(test)]
mod font_tests;
#[cfg(test)]
mod report_tests;
#[cfg(test)]
mod slip_tests;
#[cfg(test)]
mod supervision_tests;
#[cfg(test)]
mod tests;

pub use anchor::{ANCHOR_HASH_CHARS, AuditAnchor};
pub use data::{
    ACCOUNT_TYPES, FilingFormData, FormSettings, account_type_applies, missing_fields,
    website_account_name,
};
pub use error::PrintError;
pub use filing_form::layout_filing_form;
pub use fonts::{bundled_font_bytes, check_font_file, unprintable_chars};
pub use layout::{
    A4_HEIGHT_MM, A4_WIDTH_MM, Element, Line, Page, PointMm, Polyline, RectMm, StrokedRect,
    TextRun, TextWeight,
};
pub use pdf::{render_filing_form, render_filing_forms};
pub use write::write_pdf_atomically;

pub use change_report::{layout_change_report, render_change_report};
pub use closure_report::{layout_closure_report, render_closure_report};
pub use fonts::unprintable_chars_of;
pub use report_data::{ChangeLine, ChangeReportData, ClosureReportData, ShutdownNoticeData};
pub use shutdown_notice::{layout_shutdown_notice, render_shutdown_notice};

pub use incident_report::{layout_incident_report, render_incident_report};
pub use public_notice::{layout_public_notice, render_public_notice};
pub use rectification_notice::{layout_rectification_notice, render_rectification_notice};
pub use shutdown_decision::{layout_shutdown_decision, render_shutdown_decision};
pub use supervision_data::{
    CitedNotice, IncidentReportData, NoticedPlatform, PublicNoticeData, RectificationNoticeData,
    ShutdownDecisionData,
};

pub use approval_slip::{layout_approval_slip, render_approval_slip};
pub use slip_data::{ApprovalSlipData, SlipAttachment, SlipStep};
