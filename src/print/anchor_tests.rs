//! The audit anchor at the foot of every page (issue 15), for every kind of document: each
//! PDF page parsed back holds the line, the line sits below everything else, and the rest of
//! the page is exactly what it is without an anchor (nothing moves).
// Test-only file: its parent declares it under #[cfg(test)], so the unwraps below never ship.

use lopdf::Document;

use super::layout::{Element, Page};
use super::*;

const HASH: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

fn anchor() -> AuditAnchor {
    AuditAnchor::new(1234, HASH)
}

/// The footer as the PDF text reads without whitespace.
const FOOTER: &str =
    "审计锚点1234:0123456789abcdef（打印时审计记录共1234条；用mediadeskauditverify--anchor核对）";

fn assert_on_every_page(bytes: &[u8], min_pages: usize) {
    let doc = Document::load_mem(bytes).expect("lopdf parses our PDF");
    let pages = doc.get_pages().len();
    assert!(pages >= min_pages, "{pages} pages, expected ≥ {min_pages}");
    for p in 1..=pages as u32 {
        let text = super::tests::page_text(&doc, p);
        assert!(text.contains(FOOTER), "page {p} lacks the anchor: {text}");
        let token = text
            .split("审计锚点")
            .nth(1)
            .and_then(|t| t.split('（').next());
        assert_eq!(token, Some("1234:0123456789abcdef"));
    }
}

/// `with` is `without` plus one text run per page, the anchor, below every other element.
fn assert_only_added_below(without: &[Page], with: &[Page]) {
    assert_eq!(without.len(), with.len());
    for (plain, stamped) in without.iter().zip(with) {
        assert_eq!(stamped.elements.len(), plain.elements.len() + 1);
        assert_eq!(
            &stamped.elements[..plain.elements.len()],
            &plain.elements[..]
        );
        let Some(Element::Text(run)) = stamped.elements.last() else {
            panic!("the anchor is not the last element");
        };
        assert!(run.text.starts_with("审计锚点 1234:0123456789abcdef"));
        let top = run.bounds().y;
        let lowest = plain
            .elements
            .iter()
            .map(|e| match e {
                Element::Text(t) => t.bounds().bottom(),
                Element::Line(l) => l.from.y.max(l.to.y),
                Element::Box(b) => b.rect.bottom(),
                Element::Polyline(p) => p.points.iter().map(|q| q.y).fold(0.0, f32::max),
            })
            .fold(0.0, f32::max);
        assert!(top > lowest, "anchor top {top} mm overlaps {lowest} mm");
        assert!(
            run.bounds().bottom() < stamped.height - 4.0,
            "inside the printable area"
        );
        assert!(run.x > 0.0 && run.x + run.width < stamped.width);
        assert!(run.size_pt <= 7.0, "small print");
    }
}

#[test]
fn anchor_keeps_sixteen_hex_characters_and_reads_back_as_typed() {
    let a = anchor();
    assert_eq!(a.hash16, "0123456789abcdef");
    assert_eq!(a.token(), "1234:0123456789abcdef");
    assert_eq!(AuditAnchor::new(7, "abc").token(), "7:abc");
}

#[test]
fn every_page_of_every_filing_form_copy_carries_the_anchor() {
    let mut form = super::tests::platform("商学院", "sxy_wx");
    // Enough administrators to run each copy over two pages.
    form.administrators = (0..40)
        .map(|i| (format!("管理员{i}"), format!("1383710{i:04}")))
        .collect();
    let settings = FormSettings::default();
    let without = layout_filing_form(&form, &settings).expect("layout");
    assert!(
        without.len() > settings.copy_marks.len(),
        "continuation pages"
    );
    form.audit_anchor = Some(anchor());
    let with = layout_filing_form(&form, &settings).expect("layout");
    assert_only_added_below(&without, &with);
    let bytes = render_filing_form(&form, &settings).expect("renders");
    assert_on_every_page(&bytes, with.len());
}

#[test]
fn the_one_page_form_is_unchanged_but_for_the_anchor() {
    let mut form = super::tests::platform("商学院", "sxy_wx");
    let settings = FormSettings::default();
    let without = layout_filing_form(&form, &settings).expect("layout");
    assert_eq!(without.len(), 4, "four copies, one page each");
    form.audit_anchor = Some(anchor());
    assert_only_added_below(
        &without,
        &layout_filing_form(&form, &settings).expect("layout"),
    );
}

#[test]
fn every_page_of_an_approval_slip_carries_the_anchor() {
    let settings = FormSettings::default();
    let mut slip = super::slip_tests::slip();
    slip.body = "正文一段。\n".repeat(300);
    let without = layout_approval_slip(&slip, &settings).expect("layout");
    assert!(without.len() > 1);
    slip.audit_anchor = Some(anchor());
    let with = layout_approval_slip(&slip, &settings).expect("layout");
    assert_only_added_below(&without, &with);
    assert_on_every_page(&render_approval_slip(&slip, &settings).expect("pdf"), 2);
}

#[test]
fn every_page_of_the_reports_carries_the_anchor() {
    let settings = FormSettings::default();
    let mut change = super::report_tests::change_data();
    change.reason = "变更原因。".repeat(400);
    let without = layout_change_report(&change, &settings).expect("layout");
    assert!(without.len() > 1);
    change.audit_anchor = Some(anchor());
    assert_only_added_below(
        &without,
        &layout_change_report(&change, &settings).expect("x"),
    );
    assert_on_every_page(&render_change_report(&change, &settings).expect("pdf"), 2);

    let mut closure = super::report_tests::closure_data();
    let without = layout_closure_report(&closure, &settings).expect("layout");
    closure.audit_anchor = Some(anchor());
    assert_only_added_below(
        &without,
        &layout_closure_report(&closure, &settings).expect("x"),
    );
    assert_on_every_page(&render_closure_report(&closure, &settings).expect("pdf"), 1);

    let mut notice = super::report_tests::notice_data();
    let without = layout_shutdown_notice(&notice, &settings).expect("layout");
    notice.audit_anchor = Some(anchor());
    assert_only_added_below(
        &without,
        &layout_shutdown_notice(&notice, &settings).expect("x"),
    );
    assert_on_every_page(&render_shutdown_notice(&notice, &settings).expect("pdf"), 1);
}

#[test]
fn every_page_of_the_supervision_documents_carries_the_anchor() {
    let settings = FormSettings::default();
    let mut rectification = super::supervision_tests::rectification();
    rectification.body = "整改要求。".repeat(500);
    let without = layout_rectification_notice(&rectification, &settings).expect("layout");
    assert!(without.len() > 1);
    rectification.audit_anchor = Some(anchor());
    let with = layout_rectification_notice(&rectification, &settings).expect("layout");
    assert_only_added_below(&without, &with);
    let bytes = render_rectification_notice(&rectification, &settings).expect("pdf");
    assert_on_every_page(&bytes, 2);

    let mut public = super::supervision_tests::public_notice();
    let without = layout_public_notice(&public, &settings).expect("layout");
    public.audit_anchor = Some(anchor());
    assert_only_added_below(
        &without,
        &layout_public_notice(&public, &settings).expect("x"),
    );
    assert_on_every_page(&render_public_notice(&public, &settings).expect("pdf"), 1);

    let mut decision = super::supervision_tests::shutdown_decision();
    let without = layout_shutdown_decision(&decision, &settings).expect("layout");
    decision.audit_anchor = Some(anchor());
    let with = layout_shutdown_decision(&decision, &settings).expect("layout");
    assert_only_added_below(&without, &with);
    assert_on_every_page(
        &render_shutdown_decision(&decision, &settings).expect("pdf"),
        1,
    );

    let mut incident = super::supervision_tests::incident();
    let without = layout_incident_report(&incident, &settings).expect("layout");
    incident.audit_anchor = Some(anchor());
    let with = layout_incident_report(&incident, &settings).expect("layout");
    assert_only_added_below(&without, &with);
    assert_on_every_page(
        &render_incident_report(&incident, &settings).expect("pdf"),
        1,
    );
}

#[test]
fn no_anchor_prints_no_line() {
    let form = super::tests::platform("商学院", "sxy_wx");
    let pages = layout_filing_form(&form, &FormSettings::default()).expect("layout");
    assert!(pages.iter().all(|p| !p.plain_text().contains("审计锚点")));
}
