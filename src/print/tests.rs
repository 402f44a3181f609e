//! End-to-end checks of the printed PDF, parsed back with lopdf: pages, text, font embedding,
//! metadata, the drawn tick, batch progress and cancellation.
// Test-only file: its parent declares it under #[cfg(test)], so the unwraps below never ship.

use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use lopdf::{Document, Object, content::Content};

use super::*;

pub(super) fn platform(unit: &str, account: &str) -> FilingFormData {
    FilingFormData {
        audit_anchor: None,
        unit_name: unit.into(),
        platform_kind: "微信公众号".into(),
        account_name: account.into(),
        verified: Some(false),
        content_scope: "学院新闻、通知公告、党建专栏".into(),
        created_on: NaiveDate::from_ymd_opt(2022, 10, 8),
        account_type: Some("订阅号".into()),
        responsible_person: "赵书记".into(),
        responsible_mobile: "13837100001".into(),
        administrators: vec![
            ("钱管理".into(), "13837100002".into()),
            ("孙管理".into(), "13837100003".into()),
            ("李管理".into(), "13837100004".into()),
        ],
    }
}

fn render(forms: &[FilingFormData], settings: &FormSettings) -> (Vec<u8>, Document) {
    let bytes = render_filing_forms(forms, settings, &mut |_, _| true).expect("renders");
    let doc = Document::load_mem(&bytes).expect("lopdf parses our PDF");
    (bytes, doc)
}

/// The page's text as lopdf extracts it (through /ToUnicode), whitespace removed.
pub(super) fn page_text(doc: &Document, page: u32) -> String {
    doc.extract_text(&[page])
        .expect("text")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

pub(super) fn dicts_of_type<'a>(doc: &'a Document, kind: &[u8]) -> Vec<&'a lopdf::Dictionary> {
    doc.objects
        .values()
        .filter_map(|o| match o {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        })
        .filter(|d| d.get(b"Type").and_then(Object::as_name).ok() == Some(kind))
        .collect()
}

pub(super) fn info_string(doc: &Document, key: &[u8]) -> String {
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .and_then(|id| doc.get_dictionary(id))
        .expect("info dictionary");
    let Ok(Object::String(bytes, _)) = info.get(key) else {
        panic!("no {key:?}");
    };
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => String::from_utf16_lossy(
            &utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect::<Vec<_>>(),
        ),
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

#[test]
fn one_form_prints_four_copies_with_every_label_value_and_mark() {
    let settings = FormSettings {
        school_name: "测试大学".into(),
        ..FormSettings::default()
    };
    let form = platform("外国语学院", "西亚斯外院");
    let (_, doc) = render(std::slice::from_ref(&form), &settings);
    assert_eq!(doc.get_pages().len(), 4);
    for (page, mark) in (1..=4).zip(&settings.copy_marks) {
        let text = page_text(&doc, page);
        let mark: String = mark.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(text.contains(&mark), "page {page} lacks {mark}");
        assert!(
            text.contains("测试大学新媒体账号备案表（年审）"),
            "page {page}: {text}"
        );
        for label in [
            "创建单位",
            "媒体平台",
            "账号名称",
            "是否认证",
            "内容范围",
            "创建时间",
            "账号类型",
            "订阅号",
            "服务号",
            "企业号",
            "管理队伍",
            "负责人",
            "联络手机",
            "管理员",
            "单位意见",
            "学校新闻中心",
            "办公室意见",
            "党委宣传部意见",
            "单位负责人签字：",
            "（加盖单位公章）",
            "年",
            "月",
            "日",
            "注：1.此纸质备案表一式四份，报党委宣传部、学校办公室（新闻中心）和财务资产处（作报销凭证）备案。",
            "2.账号名、管理队伍人员或维护方式发生变更，应以书面形式报学校办公室（新闻中心）、党委宣传部备案。",
        ] {
            assert!(text.contains(label), "page {page} lacks {label}: {text}");
        }
        for value in [
            "外国语学院",
            "微信公众号",
            "西亚斯外院",
            "否",
            "学院新闻、通知公告、党建专栏",
            "2022年10月8日",
            "赵书记",
            "13837100001",
            "钱管理",
            "13837100002",
            "孙管理",
            "13837100003",
            "李管理",
            "13837100004",
        ] {
            assert!(text.contains(value), "page {page} lacks {value}");
        }
        assert_eq!(text.matches("管理员").count(), 3);
    }
}

#[test]
fn two_forms_share_one_subset_font() {
    let forms = [
        platform("外国语学院", "外院"),
        platform("艺术学院", "艺院之声"),
    ];
    let (bytes, doc) = render(&forms, &FormSettings::default());
    assert_eq!(doc.get_pages().len(), 8);
    assert!(page_text(&doc, 5).contains("艺院之声"));
    assert!(page_text(&doc, 8).contains("第四联本单位留存"));

    let fonts: Vec<_> = dicts_of_type(&doc, b"Font")
        .into_iter()
        .filter(|d| d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0"))
        .collect();
    assert_eq!(fonts.len(), 1, "the CJK font is embedded once");
    let base_font = fonts[0]
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .expect("BaseFont");
    let base_font = String::from_utf8_lossy(base_font);
    let (tag, name) = base_font.split_once('+').expect("subset tag");
    assert!(
        tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
        "{base_font}"
    );
    assert!(name.contains("NotoSerifCJK"), "{base_font}");

    let descriptors = dicts_of_type(&doc, b"FontDescriptor");
    assert_eq!(descriptors.len(), 1);
    let program = descriptors[0]
        .get(b"FontFile3")
        .or_else(|_| descriptors[0].get(b"FontFile2"))
        .and_then(Object::as_reference)
        .expect("embedded font program");
    let stream = doc
        .get_object(program)
        .and_then(Object::as_stream)
        .expect("stream");
    assert!(
        stream.content.len() < 300_000,
        "font program {} bytes",
        stream.content.len()
    );
    assert!(bytes.len() < 300_000, "PDF {} bytes", bytes.len());
    // Deflated (on its own thread, see pdf.rs), and it inflates back to a bare CFF table.
    assert_eq!(
        stream.dict.get(b"Filter").and_then(Object::as_name).ok(),
        Some(&b"FlateDecode"[..])
    );
    let inflated = stream.decompressed_content().expect("inflates");
    assert!(inflated.len() > stream.content.len());
    assert_eq!(inflated[0], 1, "CFF major version");
}

#[test]
fn metadata_names_the_producer_title_and_today() {
    let (_, doc) = render(
        &[platform("外国语学院", "西亚斯外院")],
        &FormSettings::default(),
    );
    assert_eq!(info_string(&doc, b"Producer"), "MediaDesk");
    assert_eq!(
        info_string(&doc, b"Title"),
        "郑州西亚斯学院新媒体账号备案表（年审）：西亚斯外院"
    );
    let created = info_string(&doc, b"CreationDate");
    let year = chrono::Local::now().year();
    assert!(created.starts_with(&format!("D:{year}")), "{created}");
}

#[test]
fn the_tick_is_drawn_where_the_layout_puts_it() {
    let mut form = platform("外国语学院", "外院");
    form.account_type = Some("企业号".into());
    let settings = FormSettings::default();
    let layout = layout_filing_form(&form, &settings).expect("layout");
    let tick = layout[0]
        .elements
        .iter()
        .find_map(|e| match e {
            Element::Polyline(p) => Some(p.clone()),
            _ => None,
        })
        .expect("tick");
    let label = layout[0]
        .texts()
        .find(|t| t.text == "企业号")
        .expect("label");
    assert!(
        tick.points
            .iter()
            .all(|p| p.x < label.x && label.x - p.x < 5.0)
    );

    let (_, doc) = render(&[form], &settings);
    let page_id = doc.page_iter().next().expect("page");
    let content = Content::decode(&doc.get_page_content(page_id)).expect("ops");
    let start = tick.points[0];
    let expected = (start.x * 72.0 / 25.4, (297.0 - start.y) * 72.0 / 25.4);
    let found = content.operations.iter().any(|op| {
        op.operator == "m"
            && op.operands.len() == 2
            && (op.operands[0].as_float().unwrap_or(0.0) - expected.0).abs() < 0.05
            && (op.operands[1].as_float().unwrap_or(0.0) - expected.1).abs() < 0.05
    });
    assert!(
        found,
        "no path starts at the tick's first point {expected:?}"
    );
}

#[test]
fn five_administrators_all_print() {
    let mut form = platform("外国语学院", "外院");
    form.administrators = (1..=5)
        .map(|i| (format!("管理员甲{i}"), format!("1500000000{i}")))
        .collect();
    let (_, doc) = render(&[form], &FormSettings::default());
    assert_eq!(doc.get_pages().len(), 4);
    let text = page_text(&doc, 1);
    for i in 1..=5 {
        assert!(text.contains(&format!("管理员甲{i}")), "{i}");
        assert!(text.contains(&format!("1500000000{i}")), "{i}");
    }
}

#[test]
fn batch_reports_progress_and_can_be_cancelled() {
    let forms = [platform("甲学院", "甲"), platform("乙学院", "乙")];
    let mut calls = Vec::new();
    render_filing_forms(&forms, &FormSettings::default(), &mut |done, total| {
        calls.push((done, total));
        true
    })
    .expect("renders");
    assert_eq!(calls, vec![(0, 2), (1, 2), (2, 2)]);

    let cancelled = render_filing_forms(&forms, &FormSettings::default(), &mut |done, _| done < 1);
    assert_eq!(cancelled, Err(PrintError::Cancelled));
    assert_eq!(
        render_filing_forms(&[], &FormSettings::default(), &mut |_, _| true),
        Err(PrintError::NothingToPrint)
    );
}

#[test]
fn a_bad_custom_font_is_refused_before_printing() {
    let settings = FormSettings {
        custom_font: Some(Arc::from(&b"definitely not a font"[..])),
        ..FormSettings::default()
    };
    let result = render_filing_forms(&[platform("甲", "乙")], &settings, &mut |_, _| true);
    assert_eq!(result, Err(PrintError::NotAFont));
}

#[test]
fn printed_file_is_saved_atomically() {
    let (bytes, _) = render(&[platform("外国语学院", "外院")], &FormSettings::default());
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("外国语学院备案表.pdf");
    write_pdf_atomically(&target, &bytes).expect("saved");
    let saved = std::fs::read(&target).expect("read back");
    assert!(saved.starts_with(b"%PDF-"));
    assert_eq!(saved, bytes);
}

#[test]
fn odd_input_prints_without_panicking() {
    let odd = [
        "表情😀👨‍👩‍👧符号",
        "制表\t符\r\n回车\u{0}零",
        "עברית العربية",
        "\u{200B}\u{FEFF}",
        &"x".repeat(5000),
        &"长".repeat(5000),
    ];
    for text in odd {
        let mut form = platform(text, text);
        form.content_scope = text.to_owned();
        form.responsible_person = text.to_owned();
        form.administrators = vec![(text.to_owned(), text.to_owned())];
        let pdf = render_filing_form(&form, &FormSettings::default()).expect("renders");
        let doc = Document::load_mem(&pdf).expect("parses");
        assert!(doc.get_pages().len() >= 4, "{text:.20}");
    }
}

/// The embedded font program of the document's only CJK font, decompressed.
pub(super) fn embedded_font_program(doc: &Document) -> Vec<u8> {
    let descriptors = dicts_of_type(doc, b"FontDescriptor");
    assert_eq!(descriptors.len(), 1);
    let program = descriptors[0]
        .get(b"FontFile3")
        .or_else(|_| descriptors[0].get(b"FontFile2"))
        .and_then(Object::as_reference)
        .expect("embedded font program");
    let stream = doc
        .get_object(program)
        .and_then(Object::as_stream)
        .expect("stream");
    stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone())
}

fn base_font(doc: &Document) -> String {
    let font = dicts_of_type(doc, b"Font")
        .into_iter()
        .find(|d| d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0"))
        .expect("a Type0 font");
    String::from_utf8_lossy(
        font.get(b"BaseFont")
            .and_then(Object::as_name)
            .expect("name"),
    )
    .into_owned()
}

#[test]
fn names_outside_gb2312_print_from_a_small_subset() {
    let mut form = platform("外国语学院", "西亚斯外院");
    form.responsible_person = "张喆".into();
    form.administrators = vec![
        ("李珺".into(), "13800000001".into()),
        ("王堃".into(), "13800000002".into()),
    ];
    let (bytes, doc) = render(&[form], &FormSettings::default());
    for page in 1..=4 {
        let text = page_text(&doc, page);
        for name in ["张喆", "李珺", "王堃", "13800000002"] {
            assert!(text.contains(name), "page {page} lacks {name}");
        }
    }
    let program = embedded_font_program(&doc);
    // A bare CID-keyed CFF (FontFile3/CIDFontType0C) of a few hundred glyphs; the whole face
    // would be 24 MB, and printpdf's own subset of it was ~300 KB.
    assert_eq!(program.first(), Some(&1), "CFF major version 1");
    assert!(
        program.len() < 150_000,
        "font program {} bytes",
        program.len()
    );
    assert!(bytes.len() < 100_000, "PDF {} bytes", bytes.len());
    let name = base_font(&doc);
    assert!(name.ends_with("+NotoSerifCJKsc-Regular"), "{name}");
}

#[test]
fn a_custom_collection_prints_with_its_chinese_face() {
    let ttc =
        super::font_tests::collection(&[epaint_default_fonts::HACK_REGULAR, bundled_font_bytes()]);
    let settings = FormSettings {
        custom_font: Some(Arc::from(ttc)),
        ..FormSettings::default()
    };
    let mut form = platform("外国语学院", "西亚斯外院");
    form.responsible_person = "张喆".into();
    let (bytes, doc) = render(&[form], &settings);
    assert!(page_text(&doc, 1).contains("张喆"));
    assert!(base_font(&doc).ends_with("+NotoSerifCJKsc-Regular"));
    assert!(bytes.len() < 100_000, "PDF {} bytes", bytes.len());
}

#[test]
fn a_custom_font_cut_short_is_refused_before_printing() {
    let full = bundled_font_bytes();
    let settings = FormSettings {
        custom_font: Some(Arc::from(&full[..full.len() - 1000])),
        ..FormSettings::default()
    };
    let result = render_filing_forms(&[platform("甲", "乙")], &settings, &mut |_, _| true);
    assert_eq!(result, Err(PrintError::NotAFont));
}

#[test]
fn rules_of_one_width_share_a_path_and_keep_open_ends() {
    let (_, doc) = render(&[platform("外国语学院", "外院")], &FormSettings::default());
    let page_id = doc.page_iter().next().expect("page");
    let content = Content::decode(&doc.get_page_content(page_id)).expect("ops");
    let ops: Vec<&str> = content
        .operations
        .iter()
        .map(|o| o.operator.as_str())
        .collect();
    let strokes = ops.iter().filter(|o| **o == "S").count();
    let subpaths = ops.iter().filter(|o| **o == "m").count();
    assert!(
        subpaths > 40 && strokes < 12,
        "{subpaths} subpaths in {strokes} strokes"
    );
    // A rule closed on itself would lose its square caps: only a lone point (or a box) is.
    assert!(
        !ops.windows(3).any(|w| w == ["m", "l", "h"]),
        "{}",
        ops.join(" ")
    );
}

fn number(o: &Object) -> f32 {
    match o {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        other => panic!("not a number: {other:?}"),
    }
}

/// The font's /W widths by code, in thousandths of an em.
fn cid_widths(doc: &Document) -> std::collections::HashMap<u16, f32> {
    let type0 = dicts_of_type(doc, b"Font")
        .into_iter()
        .find(|d| d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0"))
        .expect("a Type0 font");
    let descendant = match type0
        .get(b"DescendantFonts")
        .and_then(Object::as_array)
        .expect("descendants")
        .first()
        .expect("one")
    {
        Object::Reference(id) => doc.get_dictionary(*id).expect("descendant"),
        Object::Dictionary(d) => d,
        other => panic!("descendant {other:?}"),
    };
    let w = descendant.get(b"W").and_then(Object::as_array).expect("W");
    let mut widths = std::collections::HashMap::new();
    for pair in w.chunks(2) {
        let first = number(&pair[0]) as u16;
        for (i, width) in pair[1].as_array().expect("widths").iter().enumerate() {
            widths.insert(first + i as u16, number(width));
        }
    }
    widths
}

#[test]
fn runs_on_one_line_share_a_tj_and_land_where_the_layout_put_them() {
    let mut form = platform("外国语学院", "西亚斯外院");
    form.responsible_person = "张喆".into();
    let settings = FormSettings::default();
    let layout = layout_filing_form(&form, &settings).expect("layout");
    let (_, doc) = render(&[form], &settings);
    let widths = cid_widths(&doc);
    let page_id = doc.page_iter().next().expect("page");
    let content = Content::decode(&doc.get_page_content(page_id)).expect("ops");
    // Walk the text operators as a viewer does and note where each string starts.
    let (mut x, mut size, mut joined) = (0.0f32, 0.0f32, 0);
    let mut starts = Vec::new();
    for op in &content.operations {
        match op.operator.as_str() {
            "Tf" => size = number(&op.operands[1]),
            "Tm" => x = number(&op.operands[4]),
            "Tj" | "TJ" => {
                let items = match op.operands[0].as_array() {
                    Ok(items) => items.clone(),
                    Err(_) => vec![op.operands[0].clone()],
                };
                if items.len() > 1 {
                    joined += 1;
                }
                for item in items {
                    match item {
                        Object::String(bytes, _) => {
                            starts.push(x);
                            for code in bytes.chunks(2) {
                                let code = u16::from_be_bytes([code[0], code[1]]);
                                x += widths.get(&code).copied().unwrap_or(1000.0) * size / 1000.0;
                            }
                        }
                        offset => x -= number(&offset) * size / 1000.0,
                    }
                }
            }
            _ => {}
        }
    }
    let expected: Vec<f32> = layout[0].texts().map(|t| t.x * 72.0 / 25.4).collect();
    assert_eq!(starts.len(), expected.len(), "every run is drawn once");
    for (drawn, laid_out) in starts.iter().zip(&expected) {
        assert!(
            (drawn - laid_out).abs() < 0.02,
            "{drawn} pt against {laid_out} pt"
        );
    }
    assert!(joined > 5, "runs on one line share a TJ: {joined}");
}
