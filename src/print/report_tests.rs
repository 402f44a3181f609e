//! End-to-end checks of the written reports and the shutdown notice: the PDFs parsed back with
//! lopdf (text, font embedding, metadata) and their page descriptions (cells, pages, signatures).
// Test-only file: its parent declares it under #[cfg(test)], so the unwraps below never ship.

use chrono::{Datelike, NaiveDate};
use lopdf::{Document, Object};

use super::change_report::change_report_pages;
use super::closure_report::closure_report_pages;
use super::report_geometry::{CONTENT_BOTTOM, LEFT, RIGHT, X_CHANGE_AFTER, X_LABEL_END};
use super::shutdown_notice::shutdown_notice_pages;
use super::tests::{dicts_of_type, info_string, page_text};
use super::text_fit::tests::FakeFont;
use super::*;

pub(super) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn change(field: &str, old: &str, new: &str) -> ChangeLine {
    ChangeLine {
        field: field.into(),
        old: old.into(),
        new: new.into(),
    }
}

pub(super) fn change_data() -> ChangeReportData {
    ChangeReportData {
        audit_anchor: None,
        unit_name: "外国语学院".into(),
        platform_kind: "微信公众号".into(),
        platform_name: "西亚斯外院".into(),
        account: "sias_wgy".into(),
        changes: vec![
            change("账号名称", "西亚斯外院", "西亚斯外国语学院"),
            change("管理员", "李明", "王芳"),
            change("维护方式", "本单位自行维护", "委托学生新媒体中心维护"),
        ],
        reason: "学院更名，管理员岗位调整。".into(),
        changed_on: day(2026, 3, 2),
    }
}

pub(super) fn closure_data() -> ClosureReportData {
    ClosureReportData {
        audit_anchor: None,
        unit_name: "艺术学院".into(),
        platform_kind: "抖音".into(),
        platform_name: "西亚斯艺院".into(),
        account: "douyin_sias_art".into(),
        reason: "学院新媒体工作整合至微信公众号，不再单独运营抖音账号。".into(),
        closed_on: day(2026, 4, 1),
        content_disposition: "保留历史内容，停止更新，账号设为私密。".into(),
    }
}

pub(super) fn notice_data() -> ShutdownNoticeData {
    ShutdownNoticeData {
        audit_anchor: None,
        unit_name: "商学院".into(),
        platform_kind: "微信公众号".into(),
        platform_name: "西亚斯商院".into(),
        account: "sias_business".into(),
        reason_label: "违反管理办法或法律法规（第四条三）".into(),
        details: "该公众号于2026年2月发布的两篇文章未注明资料来源和编辑发布人。".into(),
        shut_down_on: day(2026, 3, 5),
        document_no: "校宣〔2026〕12号".into(),
    }
}

pub(super) fn school(name: &str) -> FormSettings {
    FormSettings {
        school_name: name.into(),
        ..FormSettings::default()
    }
}

pub(super) fn parse(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).expect("lopdf parses our PDF")
}

pub(super) fn all_pages_text(doc: &Document) -> String {
    (1..=doc.get_pages().len() as u32)
        .map(|p| page_text(doc, p))
        .collect()
}

pub(super) fn layout_text(pages: &[Page]) -> String {
    pages
        .iter()
        .map(Page::plain_text)
        .collect::<String>()
        .replace('\n', "")
}

pub(super) fn assert_contains_all(text: &str, expected: &[&str]) {
    for e in expected {
        let e: String = e.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(text.contains(&e), "missing {e:?} in {text}");
    }
}

/// Text in a cell stays 0.3 mm clear of its rules; other text stays in the text block, above
/// the foot except the page number.
pub(super) fn assert_everything_on_its_place(pages: &[Page]) {
    for page in pages {
        for t in page.texts() {
            let b = t.bounds();
            match t.cell {
                Some(cell) => assert!(
                    cell.inset(0.3, 0.3).contains(&b, 1e-3),
                    "{:?} at {b:?} leaves its cell {cell:?}",
                    t.text
                ),
                None => {
                    assert!(
                        b.x >= LEFT - 1e-3 && b.right() <= RIGHT + 1e-3,
                        "{:?} at {b:?} leaves the text block",
                        t.text
                    );
                    let limit = if t.text.starts_with('—') {
                        290.0
                    } else {
                        CONTENT_BOTTOM
                    };
                    assert!(b.bottom() <= limit + 1e-3, "{:?} at {b:?} too low", t.text);
                }
            }
        }
        for l in page.lines() {
            for p in [l.from, l.to] {
                assert!(p.x >= LEFT - 1e-3 && p.x <= RIGHT + 1e-3 && p.y <= CONTENT_BOTTOM + 1e-3);
            }
        }
    }
}

/// The page holding the signature also holds the closing sentence and at least one table row
/// or body line: a signature never stands alone.
pub(super) fn assert_signature_not_alone(pages: &[Page], closing: &str, needs_table: bool) {
    let last = pages.last().expect("a page");
    let text = last.plain_text();
    assert!(text.contains(closing), "{closing} not with the signature");
    if needs_table {
        assert!(
            last.texts().any(|t| t.cell.is_some()),
            "no table row on the last page"
        );
    }
}

#[test]
fn change_report_prints_every_label_value_and_change() {
    let settings = school("测试大学");
    let data = change_data();
    let doc = parse(&render_change_report(&data, &settings).expect("renders"));
    assert_eq!(doc.get_pages().len(), 1);
    let text = page_text(&doc, 1);
    assert_contains_all(
        &text,
        &[
            "测试大学二级网络平台信息变更报告",
            "学校办公室（新闻中心）、党委宣传部：",
            "本单位开办的微信公众号“西亚斯外院”平台信息发生变更，根据《测试大学二级网络平台管理办法》第四条第二款，现书面报告如下：",
            "创建单位",
            "媒体平台",
            "账号名称",
            "账号/网址",
            "变更事项",
            "变更前",
            "变更后",
            "变更原因",
            "变更日期",
            "特此报告。",
            "单位负责人签字：",
            "（加盖单位公章）",
            "年月日",
        ],
    );
    assert_contains_all(
        &text,
        &[
            "外国语学院",
            "微信公众号",
            "西亚斯外院",
            "sias_wgy",
            "学院更名，管理员岗位调整。",
            "2026年3月2日",
        ],
    );
    // Each change reads across its row: what, then old, then new.
    for c in &data.changes {
        assert_contains_all(&text, &[&format!("{}{}{}", c.field, c.old, c.new)]);
    }
    assert!(!text.contains("郑州西亚斯学院"), "the school is a setting");
}

#[test]
fn change_rows_put_old_and_new_side_by_side() {
    let pages = change_report_pages(&change_data(), &FormSettings::default(), &FakeFont);
    for c in change_data().changes {
        let find = |s: &str| {
            pages[0]
                .texts()
                .filter(|t| t.text == s && t.cell.is_some_and(|r| r.x >= X_LABEL_END - 1e-3))
                // The old name is also the platform table's 账号名称: take the change row.
                .last()
                .unwrap_or_else(|| panic!("{s} in a value cell"))
                .clone()
        };
        let (old, new) = (find(&c.old), find(&c.new));
        let (old_cell, new_cell) = (old.cell.expect("cell"), new.cell.expect("cell"));
        assert_eq!(old_cell.y, new_cell.y, "{} on one row", c.field);
        assert!((old_cell.x - X_LABEL_END).abs() < 1e-3);
        assert!((new_cell.x - X_CHANGE_AFTER).abs() < 1e-3);
    }
}

#[test]
fn closure_report_prints_every_label_and_value() {
    let doc = parse(&render_closure_report(&closure_data(), &school("测试大学")).expect("pdf"));
    assert_eq!(doc.get_pages().len(), 1);
    let text = page_text(&doc, 1);
    assert_contains_all(
        &text,
        &[
            "测试大学二级网络平台停止运营报告",
            "学校办公室（新闻中心）、党委宣传部：",
            "本单位开办的抖音“西亚斯艺院”停止运营，根据《测试大学二级网络平台管理办法》第四条第二款，现书面报告如下：",
            "创建单位艺术学院媒体平台抖音",
            "账号名称西亚斯艺院账号/网址douyin_sias_art",
            "停止运营原因学院新媒体工作整合至微信公众号，不再单独运营抖音账号。",
            "停止运营日期2026年4月1日",
            "已发布内容处理方式保留历史内容，停止更新，账号设为私密。",
            "特此报告。",
            "单位负责人签字：",
            "艺术学院（加盖单位公章）年月日",
        ],
    );
}

#[test]
fn shutdown_notice_prints_every_part_in_letter_order() {
    let doc = parse(&render_shutdown_notice(&notice_data(), &school("测试大学")).expect("pdf"));
    assert_eq!(doc.get_pages().len(), 1);
    let text = page_text(&doc, 1);
    let parts = [
        "关于关停西亚斯商院的通知",
        "校宣〔2026〕12号",
        "商学院：",
        "你单位开办的微信公众号“西亚斯商院”（账号/网址：sias_business），因违反管理办法或法律法规（第四条三），根据《测试大学二级网络平台管理办法》的有关规定，应予关停。",
        "该公众号于2026年2月发布的两篇文章未注明资料来源和编辑发布人。",
        "经学校办公室（新闻中心）、党委宣传部会同信息技术管理中心研究，决定自2026年3月5日起关停该平台。",
        "请于收到本通知后立即停止该平台的信息发布，并配合信息技术管理中心完成关停工作。",
        "特此通知。",
        "学校办公室（新闻中心）",
        "党委宣传部",
        "2026年3月5日",
    ];
    let mut from = 0;
    for part in parts {
        let at = text[from..]
            .find(part)
            .unwrap_or_else(|| panic!("{part} missing or out of order in {text}"));
        from += at + part.len();
    }
}

#[test]
fn notice_is_laid_out_like_an_official_letter() {
    let pages = shutdown_notice_pages(&notice_data(), &FormSettings::default(), &FakeFont);
    let page = &pages[0];
    let run = |s: &str| page.texts().find(|t| t.text == s).expect(s).clone();
    let title = run("关于关停西亚斯商院的通知");
    let number = run("校宣〔2026〕12号");
    let centre = (LEFT + RIGHT) / 2.0;
    assert_eq!(title.weight, TextWeight::Heavy);
    assert!((title.x + title.width / 2.0 - centre).abs() < 1e-3);
    assert!((number.x + number.width / 2.0 - centre).abs() < 1e-3);
    assert!(number.baseline > title.baseline);
    let addressee = run("商学院：");
    assert!((addressee.x - LEFT).abs() < 1e-3, "addressee flush left");
    let closing = run("特此通知。");
    assert!(closing.x > LEFT + 1.0, "paragraphs indented");
    let office = run("学校办公室（新闻中心）");
    let dept = run("党委宣传部");
    let date = run("2026年3月5日");
    for issuer in [&office, &dept] {
        assert!(issuer.x > centre - 10.0, "{} at the right", issuer.text);
        assert!(issuer.baseline > closing.baseline);
        let axis = issuer.x + issuer.width / 2.0;
        assert!(
            (axis - (date.x + date.width / 2.0)).abs() < 1e-3,
            "centred on the date"
        );
    }
    assert!(office.baseline < dept.baseline && dept.baseline < date.baseline);
    assert!(
        date.x + date.width < RIGHT - 10.0,
        "the date leaves four characters"
    );
    assert_everything_on_its_place(&pages);
}

#[test]
fn a_long_value_wraps_inside_its_cell_with_the_real_font() {
    let mut data = change_data();
    let long_old = "本单位自行维护，由学院办公室指定专人负责日常更新、审核与发布，并接受学院党总支的监督和指导，\
                    网址 https://wgy.sias.edu.cn/xwzx/index.htm 同步发布。";
    data.changes[2].old = long_old.into();
    data.account = "https://very-long-subdomain.foreign-languages.sias.edu.cn/index.html".into();
    let pages = layout_change_report(&data, &FormSettings::default()).expect("layout");
    assert_everything_on_its_place(&pages);
    let old_runs: Vec<&TextRun> = pages
        .iter()
        .flat_map(Page::texts)
        .filter(|t| {
            t.cell.is_some_and(|c| {
                (c.x - X_LABEL_END).abs() < 1e-3 && (c.right() - X_CHANGE_AFTER).abs() < 1e-3
            })
        })
        .collect();
    let printed: String = old_runs.iter().map(|t| t.text.as_str()).collect();
    assert!(
        printed
            .replace(' ', "")
            .contains(&long_old.replace(' ', "")),
        "{printed}"
    );
    let old_runs: Vec<&TextRun> = old_runs
        .into_iter()
        .filter(|t| t.cell.is_some_and(|c| c.height > 12.0))
        .collect();
    assert!(old_runs.len() >= 3, "{old_runs:?}");
    let cell = old_runs[0].cell.expect("cell");
    assert!(cell.right() <= X_CHANGE_AFTER + 1e-3);
    // The row grew: its neighbours share the taller cell.
    let new_run = pages
        .iter()
        .flat_map(Page::texts)
        .find(|t| t.text == "委托学生新媒体中心维护")
        .expect("new value");
    assert_eq!(new_run.cell.expect("cell").height, cell.height);
    let text = layout_text(&pages);
    assert!(text.contains("https://very-long-subdomain"));
}

#[test]
fn forty_changes_continue_on_a_second_page_without_losing_a_row() {
    let mut data = change_data();
    data.changes = (1..=40)
        .map(|i| {
            change(
                &format!("事项{i:02}"),
                &format!("旧值{i:02}"),
                &format!("新值{i:02}"),
            )
        })
        .collect();
    let pages = layout_change_report(&data, &FormSettings::default()).expect("layout");
    assert!(pages.len() >= 2, "{} pages", pages.len());
    let text = layout_text(&pages);
    for i in 1..=40 {
        for s in [
            format!("事项{i:02}"),
            format!("旧值{i:02}"),
            format!("新值{i:02}"),
        ] {
            assert_eq!(text.matches(&s).count(), 1, "{s}");
        }
    }
    for (n, page) in pages.iter().enumerate().skip(1) {
        let first_cell = page
            .texts()
            .find(|t| t.cell.is_some())
            .expect("table goes on");
        assert_eq!(
            first_cell.text,
            "变更事项",
            "header repeated on page {}",
            n + 1
        );
        assert!(page.plain_text().contains(&format!("— {} —", n + 1)));
    }
    assert_everything_on_its_place(&pages);
    assert_signature_not_alone(&pages, "特此报告。", true);

    let doc = parse(&render_change_report(&data, &FormSettings::default()).expect("pdf"));
    assert_eq!(doc.get_pages().len(), pages.len());
    let pdf_text = all_pages_text(&doc);
    for i in 1..=40 {
        assert!(
            pdf_text.contains(&format!("事项{i:02}旧值{i:02}新值{i:02}")),
            "{i}"
        );
    }
}

#[test]
fn the_signature_never_stands_alone_whatever_the_length() {
    for n in 0..=60 {
        let mut data = change_data();
        data.changes = (0..n)
            .map(|i| change(&format!("事项{i}"), "旧", "新"))
            .collect();
        let pages = change_report_pages(&data, &FormSettings::default(), &FakeFont);
        assert_signature_not_alone(&pages, "特此报告。", true);
        assert_everything_on_its_place(&pages);
        let signatures = layout_text(&pages).matches("单位负责人签字：").count();
        assert_eq!(signatures, 1, "{n} changes");
    }
    for paragraphs in 0..40 {
        let mut data = notice_data();
        data.details = vec!["该平台发布的内容未经审核。"; paragraphs].join("\n");
        let pages = shutdown_notice_pages(&data, &FormSettings::default(), &FakeFont);
        let last = pages.last().expect("page").plain_text();
        assert!(
            last.contains("特此通知。") && last.contains("党委宣传部"),
            "{paragraphs}"
        );
        assert_everything_on_its_place(&pages);
    }
}

#[test]
fn no_changes_leave_blank_rows_to_fill_in() {
    let mut data = change_data();
    data.changes.clear();
    let pages = change_report_pages(&data, &FormSettings::default(), &FakeFont);
    let change_cells: std::collections::BTreeSet<u32> = pages[0]
        .lines()
        .filter(|l| l.from.x == X_CHANGE_AFTER && l.to.x == X_CHANGE_AFTER)
        .map(|l| l.from.y.to_bits())
        .collect();
    assert_eq!(change_cells.len(), 1 + 3, "header and three blank rows");
}

#[test]
fn huge_values_continue_across_pages_and_every_character_survives() {
    // Hangul syllables: no label contains them, so the printed value can be picked out.
    let huge: String = (0..3000)
        .map(|i| char::from_u32(0xAC00 + i).unwrap_or('가'))
        .collect();
    let hangul = |pages: &[Page]| -> String {
        layout_text(pages)
            .chars()
            .filter(|c| ('\u{AC00}'..='\u{D7A3}').contains(c))
            .collect()
    };

    let mut change = change_data();
    change.changes[1].old = huge.clone();
    let pages = change_report_pages(&change, &FormSettings::default(), &FakeFont);
    assert!(pages.len() >= 2);
    assert_eq!(hangul(&pages), huge);
    assert!(layout_text(&pages).contains("管理员（续）"));
    assert_everything_on_its_place(&pages);
    assert_signature_not_alone(&pages, "特此报告。", true);

    let mut closure = closure_data();
    closure.reason = huge.clone();
    let pages = closure_report_pages(&closure, &FormSettings::default(), &FakeFont);
    assert_eq!(hangul(&pages), huge);
    assert!(layout_text(&pages).contains("停止运营原因（续）"));
    assert_everything_on_its_place(&pages);

    let mut notice = notice_data();
    notice.details = huge.clone();
    let pages = shutdown_notice_pages(&notice, &FormSettings::default(), &FakeFont);
    assert_eq!(hangul(&pages), huge);
    assert_everything_on_its_place(&pages);
}

#[test]
fn each_document_embeds_one_subset_font_and_names_itself() {
    let settings = FormSettings::default();
    let documents = [
        (
            render_change_report(&change_data(), &settings).expect("pdf"),
            "郑州西亚斯学院二级网络平台信息变更报告：西亚斯外院",
            "二级网络平台信息变更报告",
        ),
        (
            render_closure_report(&closure_data(), &settings).expect("pdf"),
            "郑州西亚斯学院二级网络平台停止运营报告：西亚斯艺院",
            "二级网络平台停止运营报告",
        ),
        (
            render_shutdown_notice(&notice_data(), &settings).expect("pdf"),
            "关于关停西亚斯商院的通知",
            "二级网络平台关停通知",
        ),
    ];
    let year = chrono::Local::now().year();
    for (bytes, title, subject) in documents {
        let doc = parse(&bytes);
        let fonts: Vec<_> = dicts_of_type(&doc, b"Font")
            .into_iter()
            .filter(|d| d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0"))
            .collect();
        assert_eq!(fonts.len(), 1, "{title}: the CJK font is embedded once");
        let base_font = fonts[0]
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .expect("BaseFont");
        let base_font = String::from_utf8_lossy(base_font);
        let (tag, _) = base_font.split_once('+').expect("subset tag");
        assert!(tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()));
        assert_eq!(dicts_of_type(&doc, b"FontDescriptor").len(), 1);
        assert!(bytes.len() < 200_000, "{title}: {} bytes", bytes.len());
        assert_eq!(info_string(&doc, b"Title"), title);
        assert_eq!(info_string(&doc, b"Subject"), subject);
        assert_eq!(info_string(&doc, b"Producer"), "MediaDesk");
        assert!(info_string(&doc, b"CreationDate").starts_with(&format!("D:{year}")));
    }
}

#[test]
fn odd_input_prints_without_panicking() {
    let odd = [
        "",
        "表情😀👨‍👩‍👧符号",
        "制表\t符\r\n回车\u{0}零",
        "עברית العربية",
        "\u{200B}\u{FEFF}",
        &"x".repeat(3000),
        &"长".repeat(3000),
    ];
    for text in odd {
        let settings = school(text);
        let change = ChangeReportData {
            audit_anchor: None,
            unit_name: text.into(),
            platform_kind: text.into(),
            platform_name: text.into(),
            account: text.into(),
            changes: vec![change(text, text, text); 3],
            reason: text.into(),
            changed_on: day(2026, 1, 1),
        };
        let closure = ClosureReportData {
            audit_anchor: None,
            unit_name: text.into(),
            platform_kind: text.into(),
            platform_name: text.into(),
            account: text.into(),
            reason: text.into(),
            closed_on: day(2026, 1, 1),
            content_disposition: text.into(),
        };
        let notice = ShutdownNoticeData {
            audit_anchor: None,
            unit_name: text.into(),
            platform_kind: text.into(),
            platform_name: text.into(),
            account: text.into(),
            reason_label: text.into(),
            details: text.into(),
            shut_down_on: day(2026, 1, 1),
            document_no: text.into(),
        };
        for pdf in [
            render_change_report(&change, &settings),
            render_closure_report(&closure, &settings),
            render_shutdown_notice(&notice, &settings),
        ] {
            let doc = parse(&pdf.expect("renders"));
            assert!(!doc.get_pages().is_empty(), "{text:.20}");
        }
        for pages in [
            change_report_pages(&change, &settings, &FakeFont),
            closure_report_pages(&closure, &settings, &FakeFont),
            shutdown_notice_pages(&notice, &settings, &FakeFont),
        ] {
            assert_everything_on_its_place(&pages);
        }
    }
}

#[test]
fn values_the_font_cannot_draw_are_listed() {
    let mut data = change_data();
    data.changes[0].new = "新名\u{2611}".into();
    let missing =
        unprintable_chars_of(&data.printed_values(), &FormSettings::default()).expect("font");
    assert_eq!(missing, vec!['\u{2611}']);
    assert!(
        unprintable_chars_of(&notice_data().printed_values(), &FormSettings::default())
            .expect("font")
            .is_empty()
    );
}
