//! End-to-end checks of the 信息发布审核单: the PDF parsed back with lopdf (text, font,
//! metadata) and its page description (cells, signature lines, numbered body lines).
// Test-only file: its parent declares it under #[cfg(test)], so the unwraps below never ship.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use lopdf::{Document, Object};

use super::approval_slip::slip_pages;
use super::report_geometry::{CONTENT_BOTTOM, LEFT, RIGHT, X_LABEL_END};
use super::slip_labels;
use super::tests::{dicts_of_type, info_string, page_text};
use super::text_fit::tests::FakeFont;
use super::*;

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, d)
        .and_then(|day| day.and_hms_opt(h, min, 0))
        .expect("valid time")
}

fn step(person: &str, when: &str, comment: &str) -> SlipStep {
    SlipStep {
        person: person.into(),
        at: when.into(),
        comment: comment.into(),
    }
}

pub(super) fn slip() -> ApprovalSlipData {
    ApprovalSlipData {
        audit_anchor: None,
        unit_name: "外国语学院".into(),
        platform_kind: "微信公众号".into(),
        platform_name: "西亚斯外院".into(),
        account: "sias_wgy".into(),
        post_id: 42,
        revision: 3,
        title: "外国语学院举办2026年春季学期教学工作会议".into(),
        category: "新闻".into(),
        column: "学院动态".into(),
        origin: "原创".into(),
        author_or_provider: "王芳（文）李明（图）".into(),
        source_name: String::new(),
        source_link: String::new(),
        editor: "赵敏".into(),
        internal: false,
        planned_at: "2026年3月6日 10:00".into(),
        state: "待审核".into(),
        steps: [
            step("赵敏", "2026年3月5日 09:12", "已核对人名、职务和时间。"),
            SlipStep::default(),
            SlipStep::default(),
        ],
        attachments: vec![
            SlipAttachment {
                name: "会议现场.jpg".into(),
                size: 2_411_725,
                sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08".into(),
            },
            SlipAttachment {
                name: "会议议程.pdf".into(),
                size: 48_213,
                sha256: "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752".into(),
            },
        ],
        published_link: String::new(),
        body: "　　3月4日下午，外国语学院在行政楼第一会议室召开2026年春季学期教学工作会议，\
               学院领导班子成员、各系主任及全体教师参加会议。\n\n\
               \u{3000}\u{3000}会议总结了上学期教学工作，部署了本学期重点任务。"
            .into(),
        printed_at: at(2026, 3, 5, 14, 30),
    }
}

fn school(name: &str) -> FormSettings {
    FormSettings {
        school_name: name.into(),
        ..FormSettings::default()
    }
}

fn parse(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).expect("lopdf parses our PDF")
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A line number: a run ending left of the text block.
fn is_line_number(run: &TextRun) -> bool {
    run.x + run.width <= LEFT - 1.0
}

/// The numbers printed in the margin of `page`, top to bottom.
fn line_numbers(page: &Page) -> Vec<usize> {
    page.texts()
        .filter(|t| is_line_number(t))
        .map(|t| t.text.parse().expect("a number"))
        .collect()
}

/// Text in a cell stays 0.3 mm clear of its rules; other text stays within the text block
/// (line numbers in the left margin), nothing crosses the right rule, nothing runs into the
/// foot but the footer, and every rule is inside the frame.
fn assert_everything_on_its_place(pages: &[Page]) {
    for page in pages {
        for t in page.texts() {
            let b = t.bounds();
            assert!(
                b.right() <= RIGHT + 1e-3,
                "{:?} at {b:?} past the right rule",
                t.text
            );
            assert!(b.x >= 10.0, "{:?} at {b:?} off the page", t.text);
            match t.cell {
                Some(cell) => assert!(
                    cell.inset(0.3, 0.3).contains(&b, 1e-3),
                    "{:?} at {b:?} leaves its cell {cell:?}",
                    t.text
                ),
                None if is_line_number(t) => {}
                None => {
                    assert!(
                        b.x >= LEFT - 1e-3,
                        "{:?} at {b:?} left of the block",
                        t.text
                    );
                    let footer = t.baseline > CONTENT_BOTTOM + 5.0;
                    assert!(
                        footer || b.bottom() <= CONTENT_BOTTOM + 1e-3,
                        "{:?} at {b:?} too low",
                        t.text
                    );
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

fn layout_text(pages: &[Page]) -> String {
    squeeze(&pages.iter().map(Page::plain_text).collect::<String>())
}

#[test]
fn the_slip_prints_every_label_value_and_step() {
    let data = slip();
    let doc = parse(&render_approval_slip(&data, &school("测试大学")).expect("renders"));
    assert_eq!(doc.get_pages().len(), 2, "form, then the body");
    let first = page_text(&doc, 1);
    for expected in [
        "测试大学二级网络平台信息发布审核单",
        "编号：第42号",
        "第3稿",
        "状态：待审核",
        "发布单位外国语学院媒体平台微信公众号",
        "账号名称西亚斯外院账号/网址sias_wgy",
        "信息标题外国语学院举办2026年春季学期教学工作会议",
        "类别新闻栏目学院动态",
        "来源原创公开范围公开",
        "作者或信息、图片提供者王芳（文）李明（图）",
        "编辑发布人赵敏",
        "计划发布时间2026年3月6日10:00",
        "附件会议现场.jpg（2.3MB，SHA-2569f86d081884c7d65）",
        "会议议程.pdf（47.1KB，SHA-25660303ae22b998861）",
        "编辑初审（信息员）经办人赵敏日期2026年3月5日09:12意见：已核对人名、职务和时间。签字：",
        "审核（审核人）经办人日期年月日意见：签字：",
        "确认发布（管理员）经办人日期年月日意见：签字：",
        "《测试大学二级网络平台管理办法》第七条第三款",
        "第1页共2页",
        "打印时间：2026年3月5日14:30",
    ] {
        assert!(
            first.contains(&squeeze(expected)),
            "page 1 lacks {expected}: {first}"
        );
    }
    assert!(!first.contains("资料来源"), "an original names no source");
    assert!(!first.contains("发布链接"), "not published yet");
    assert!(!first.contains("郑州西亚斯学院"), "the school is a setting");

    let second = page_text(&doc, 2);
    for expected in [
        "外国语学院举办2026年春季学期教学工作会议（第3稿）信息发布审核单",
        "稿件正文（供审阅，带行号）",
        "13月4日下午，外国语学院",
        "第2页共2页",
    ] {
        assert!(
            second.contains(&squeeze(expected)),
            "page 2 lacks {expected}: {second}"
        );
    }
}

#[test]
fn the_pdf_embeds_one_subset_font_and_names_the_post() {
    let bytes = render_approval_slip(&slip(), &FormSettings::default()).expect("pdf");
    let doc = parse(&bytes);
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
    let (tag, _) = base_font.split_once('+').expect("subset tag");
    assert!(tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()));
    assert_eq!(dicts_of_type(&doc, b"FontDescriptor").len(), 1);
    assert!(bytes.len() < 200_000, "{} bytes", bytes.len());
    assert_eq!(
        info_string(&doc, b"Title"),
        "郑州西亚斯学院信息发布审核单：外国语学院举办2026年春季学期教学工作会议"
    );
    assert_eq!(info_string(&doc, b"Subject"), "二级网络平台信息发布审核单");
    assert_eq!(info_string(&doc, b"Producer"), "MediaDesk");
    let year = chrono::Local::now().year();
    assert!(info_string(&doc, b"CreationDate").starts_with(&format!("D:{year}")));
}

#[test]
fn a_300_line_body_runs_onto_several_pages_with_continuing_numbers() {
    let mut data = slip();
    data.body = (1..=300)
        .map(|i| format!("第{i}段，短句。"))
        .collect::<Vec<_>>()
        .join("\n");
    let pages = layout_approval_slip(&data, &FormSettings::default()).expect("layout");
    assert!(pages.len() >= 5, "{} pages", pages.len());
    let numbers: Vec<usize> = pages.iter().flat_map(line_numbers).collect();
    assert_eq!(numbers, (1..=300).collect::<Vec<_>>(), "never restarting");
    // Each number stands beside its own line.
    for page in &pages {
        for n in page.texts().filter(|t| is_line_number(t)) {
            let line = page
                .texts()
                .find(|t| !is_line_number(t) && (t.baseline - n.baseline).abs() < 1e-3)
                .expect("a line beside the number");
            assert_eq!(line.text, format!("第{}段，短句。", n.text));
        }
    }
    for (i, page) in pages.iter().enumerate().skip(1) {
        let text = squeeze(&page.plain_text());
        assert!(
            text.contains("（第3稿）"),
            "running header on page {}",
            i + 1
        );
        assert!(text.contains(&format!("第{}页共{}页", i + 1, pages.len())));
    }
    assert_everything_on_its_place(&pages);

    let doc = parse(&render_approval_slip(&data, &FormSettings::default()).expect("pdf"));
    assert_eq!(doc.get_pages().len(), pages.len());
    let last = page_text(&doc, pages.len() as u32);
    assert!(last.contains("300第300段，短句。"), "{last}");
}

#[test]
fn body_lines_are_numbered_as_printed() {
    // (body, expected printed lines, as number → text)
    let long = "长".repeat(80);
    let cases: Vec<(String, Vec<&str>)> = vec![
        ("第一段\n\n第三段".into(), vec!["第一段", "", "第三段"]),
        ("\n\n  \n开头\r\n结尾\n\n\n".into(), vec!["开头", "结尾"]),
        // Chinese has no spaces: a long paragraph wraps by character, each part its own number.
        (
            long.clone(),
            vec![&long[..36 * 3], &long[36 * 3..72 * 3], &long[72 * 3..]],
        ),
        ("甲\n　　乙".into(), vec!["甲", "乙"]),
    ];
    for (body, expected) in cases {
        let mut data = slip();
        data.body = body.clone();
        let pages = slip_pages(&data, &FormSettings::default(), &FakeFont);
        let body_page = &pages[1];
        let mut printed = Vec::new();
        for n in body_page.texts().filter(|t| is_line_number(t)) {
            let text = body_page
                .texts()
                .find(|t| {
                    !is_line_number(t) && t.x >= LEFT && (t.baseline - n.baseline).abs() < 1e-3
                })
                .map_or(String::new(), |t| t.text.clone());
            printed.push((n.text.clone(), text));
        }
        let expected: Vec<(String, String)> = expected
            .iter()
            .enumerate()
            .map(|(i, t)| ((i + 1).to_string(), (*t).to_owned()))
            .collect();
        assert_eq!(printed, expected, "{body:?}");
    }
    // A paragraph's own indent (「　　」) moves its first line in, the number stays put.
    let mut data = slip();
    data.body = "甲\n　　乙".into();
    let pages = slip_pages(&data, &FormSettings::default(), &FakeFont);
    let x = |s: &str| pages[1].texts().find(|t| t.text == s).expect(s).x;
    assert!((x("甲") - LEFT).abs() < 1e-3);
    assert!(x("乙") > LEFT + 5.0);
}

#[test]
fn an_empty_body_says_so() {
    for body in ["", " \n\n\t"] {
        let mut data = slip();
        data.body = body.into();
        let pages = slip_pages(&data, &FormSettings::default(), &FakeFont);
        assert_eq!(pages.len(), 2);
        assert!(pages[1].plain_text().contains("（正文为空）"));
        assert!(line_numbers(&pages[1]).is_empty());
    }
}

#[test]
fn long_values_wrap_inside_their_cells() {
    let mut data = slip();
    data.title = "关于外国语学院与英国某大学联合举办中外合作办学项目第三届毕业典礼暨学位授予仪式\
                  隆重举行的新闻报道（含嘉宾名单与活动议程）"
        .into();
    data.unit_name = "马克思主义学院（思想政治理论课教学研究部）".into();
    data.account = "https://very-long-subdomain.foreign-languages.sias.edu.cn/index.html".into();
    data.steps[1] = step(
        "钱审核",
        "2026年3月5日 16:40",
        &"请核实第三段中的人名与职务，并补充图片提供者。".repeat(4),
    );
    data.attachments = (1..=6)
        .map(|i| SlipAttachment {
            name: format!("第{i}张现场照片（高清原图，未压缩版本）.jpg"),
            size: 7_000_000 + i,
            sha256: "ab".repeat(32),
        })
        .collect();
    let pages = layout_approval_slip(&data, &FormSettings::default()).expect("layout");
    assert_everything_on_its_place(&pages);
    let title_runs: Vec<&TextRun> = pages[0]
        .texts()
        .filter(|t| t.cell.is_some_and(|c| (c.x - X_LABEL_END).abs() < 1e-3))
        .filter(|t| data.title.contains(t.text.as_str()) && t.text.chars().count() > 3)
        .collect();
    assert!(title_runs.len() >= 2, "the title wraps: {title_runs:?}");
    let text = layout_text(&pages);
    for value in [
        &data.title,
        &data.unit_name,
        &data.account,
        &data.steps[1].comment,
    ] {
        assert!(text.contains(&squeeze(value)), "{value} printed whole");
    }
    for i in 1..=6 {
        assert!(text.contains(&format!("第{i}张现场照片")), "attachment {i}");
    }
    // The running header cuts the title, never the revision after it.
    let header = squeeze(&pages[1].plain_text());
    assert!(header.contains("关于外国语学院与英国某大学"), "{header}");
    assert!(header.contains("…（第3稿）信息发布审核单"), "{header}");
}

/// The signature lines: horizontal rules of the signature's length.
fn signature_lines(page: &Page) -> usize {
    page.lines()
        .filter(|l| (l.from.y - l.to.y).abs() < 1e-3 && ((l.to.x - l.from.x) - 40.0).abs() < 1e-3)
        .count()
}

#[test]
fn every_step_has_a_line_to_sign_and_blank_steps_leave_room_for_pen() {
    let cases = [
        // (steps done, expected blank dates 年月日)
        (0, 3),
        (1, 2),
        (3, 0),
    ];
    for (done, blank_dates) in cases {
        let mut data = slip();
        let people = ["甲信息员", "乙审核人", "丙管理员"];
        for (i, s) in data.steps.iter_mut().enumerate() {
            *s = if i < done {
                step(people[i], "2026年3月5日 09:12", "同意。")
            } else {
                SlipStep::default()
            };
        }
        let pages = slip_pages(&data, &FormSettings::default(), &FakeFont);
        let first = &pages[0];
        assert_eq!(signature_lines(first), 3, "{done} done");
        assert_eq!(
            first.texts().filter(|t| t.text == "签字：").count(),
            3,
            "{done} done"
        );
        assert_eq!(
            first.texts().filter(|t| t.text == "年").count(),
            blank_dates,
            "{done} done"
        );
        for (i, person) in people.iter().enumerate() {
            assert_eq!(
                first.texts().any(|t| t.text == *person),
                i < done,
                "{person} with {done} done"
            );
        }
        assert!(
            first.plain_text().contains("注：根据"),
            "the note stays on page 1"
        );
        assert_everything_on_its_place(&pages);
    }
}

#[test]
fn attribution_follows_the_origin() {
    // (origin, source link, expected rows, rows that must not print)
    let cases: [(&str, &str, &[&str], &[&str]); 4] = [
        ("原创", "", &["作者或信息、"], &["资料来源", "来源链接"]),
        ("转载", "", &["资料来源"], &["作者或信息、", "来源链接"]),
        (
            "转载",
            "https://news.example.cn/a.html",
            &["资料来源", "来源链接"],
            &["作者或信息、"],
        ),
        ("", "", &["作者或信息、", "资料来源"], &["来源链接"]),
    ];
    for (origin, link, present, absent) in cases {
        let mut data = slip();
        data.origin = origin.into();
        data.author_or_provider.clear();
        data.source_link = link.into();
        let pages = slip_pages(&data, &FormSettings::default(), &FakeFont);
        let text = pages[0].plain_text();
        for label in present {
            assert!(text.contains(label), "{origin:?}: {label} missing");
        }
        for label in absent {
            assert!(!text.contains(label), "{origin:?}: {label} printed");
        }
    }
    let mut data = slip();
    data.internal = true;
    let pages = slip_pages(&data, &FormSettings::default(), &FakeFont);
    assert!(pages[0].plain_text().contains("内部（仅限校内网）"));
    data.published_link = "https://mp.weixin.qq.com/s/abc".into();
    let pages = slip_pages(&data, &FormSettings::default(), &FakeFont);
    assert!(layout_text(&pages).contains("发布链接https://mp.weixin.qq.com/s/abc"));
    data.attachments.clear();
    let pages = slip_pages(&data, &FormSettings::default(), &FakeFont);
    assert!(layout_text(&pages).contains("附件无"));
}

#[test]
fn a_huge_comment_continues_on_the_next_page() {
    // Hangul syllables: no label contains them, so the printed comment can be picked out.
    let huge: String = (0..2500)
        .map(|i| char::from_u32(0xAC00 + i).unwrap_or('가'))
        .collect();
    let mut data = slip();
    data.steps[1] = step("钱审核", "2026年3月5日", &huge);
    let pages = slip_pages(&data, &FormSettings::default(), &FakeFont);
    let hangul: String = layout_text(&pages)
        .chars()
        .filter(|c| ('\u{AC00}'..='\u{D7A3}').contains(c))
        .collect();
    assert_eq!(hangul, huge, "every character of the comment survives");
    assert!(layout_text(&pages).contains("审核（续）"));
    assert_eq!(
        pages.iter().map(signature_lines).sum::<usize>(),
        3,
        "one line to sign per step, after its last part"
    );
    assert_everything_on_its_place(&pages);
}

fn replace_all(haystack: &[u8], needle: &[u8], with: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(haystack.len());
    let mut i = 0;
    while i < haystack.len() {
        if !needle.is_empty() && haystack[i..].starts_with(needle) {
            out.extend_from_slice(with);
            i += needle.len();
        } else {
            out.push(haystack[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn the_same_input_prints_the_same_pages() {
    let data = slip();
    let settings = FormSettings::default();
    let a = layout_approval_slip(&data, &settings).expect("layout");
    let b = layout_approval_slip(&data, &settings).expect("layout");
    assert_eq!(a, b);
    // printpdf stamps each file with its creation time, a random document id and random font
    // resource names; what is drawn is the same.
    let contents = |bytes: Vec<u8>| -> Vec<Vec<u8>> {
        let doc = parse(&bytes);
        doc.page_iter()
            .map(|id| {
                let mut content = doc.get_page_content(id);
                for name in doc.get_page_fonts(id).expect("fonts").keys() {
                    content = replace_all(&content, name, b"F");
                }
                content
            })
            .collect()
    };
    let first = contents(render_approval_slip(&data, &settings).expect("pdf"));
    let second = contents(render_approval_slip(&data, &settings).expect("pdf"));
    assert_eq!(first.len(), second.len());
    assert!(first == second, "the pages' drawing differs");
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
        let data = ApprovalSlipData {
            audit_anchor: None,
            unit_name: text.into(),
            platform_kind: text.into(),
            platform_name: text.into(),
            account: text.into(),
            post_id: i64::MIN,
            revision: i64::MAX,
            title: text.into(),
            category: text.into(),
            column: text.into(),
            origin: text.into(),
            author_or_provider: text.into(),
            source_name: text.into(),
            source_link: text.into(),
            editor: text.into(),
            internal: true,
            planned_at: text.into(),
            state: text.into(),
            steps: [
                step(text, text, text),
                step(text, text, text),
                step(text, text, text),
            ],
            attachments: vec![SlipAttachment {
                name: text.into(),
                size: u64::MAX,
                sha256: text.into(),
            }],
            published_link: text.into(),
            body: text.into(),
            printed_at: NaiveDateTime::MIN,
        };
        let doc = parse(&render_approval_slip(&data, &settings).expect("renders"));
        assert!(doc.get_pages().len() >= 2, "{text:.20}");
        assert_everything_on_its_place(&slip_pages(&data, &settings, &FakeFont));
    }
}

#[test]
fn characters_the_font_lacks_are_listed_and_still_print() {
    let mut data = slip();
    data.steps[1] = step("钱审核", "", "同意\u{2611}");
    let missing =
        unprintable_chars_of(&data.printed_values(), &FormSettings::default()).expect("font");
    assert_eq!(missing, vec!['\u{2611}']);
    assert!(
        unprintable_chars_of(&slip().printed_values(), &FormSettings::default())
            .expect("font")
            .is_empty()
    );
    render_approval_slip(&data, &FormSettings::default()).expect("prints anyway");
}

#[test]
fn the_bundled_font_covers_the_slips_fixed_text() {
    let missing = unprintable_chars_of(&[&slip_labels::all_fixed_text()], &FormSettings::default())
        .expect("font");
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn the_three_steps_and_the_note_end_the_first_page() {
    // Every optional row printed: author, source and its link, a published link.
    let mut data = slip();
    data.source_name = "郑州日报".into();
    data.source_link = "https://zzrb.example.cn/2026/03/04/content_12345.htm".into();
    data.published_link = "https://mp.weixin.qq.com/s/AbCdEfGh".into();
    for stretched in [false, true] {
        if stretched {
            data.source_link.clear();
            data.published_link.clear();
        }
        let pages = layout_approval_slip(&data, &FormSettings::default()).expect("layout");
        let first = squeeze(&pages[0].plain_text());
        for (step, role) in slip_labels::STEPS {
            assert!(first.contains(&format!("{step}{role}")), "{step} on page 1");
        }
        assert!(first.contains("注：根据"), "the note on page 1");
        assert_eq!(signature_lines(&pages[0]), 3);
        assert!(pages[1].plain_text().contains("稿件正文"));
        assert_everything_on_its_place(&pages);
    }
}
