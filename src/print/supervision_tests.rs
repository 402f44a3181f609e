//! End-to-end checks of the supervision documents — 整改通知书, 通报, 关停决定 (第六条四) and the
//! 安全事件报告 (第八条一): the PDFs parsed back with lopdf (text in reading order, the font
//! embedded once and subset, metadata) and their page descriptions (blank and huge values,
//! everything inside the text block, the signature never alone).
// Test-only file: its parent declares it under #[cfg(test)], so the unwraps below never ship.

use chrono::{NaiveDate, NaiveDateTime};
use lopdf::Object;

use super::incident_report::incident_report_pages;
use super::public_notice::public_notice_pages;
use super::rectification_notice::rectification_notice_pages;
use super::report_tests::{
    all_pages_text, assert_everything_on_its_place, assert_signature_not_alone, day, layout_text,
    parse, school,
};
use super::shutdown_decision::shutdown_decision_pages;
use super::tests::{dicts_of_type, info_string};
use super::text_fit::tests::FakeFont;
use super::*;
use crate::domain::supervision::{IncidentDraft, IncidentKind, LadderSettings, Office, Period};

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time")
}

fn platform() -> NoticedPlatform {
    NoticedPlatform {
        unit_name: "文化传媒学院".into(),
        kind: "微信公众号".into(),
        name: "文传之声".into(),
        account: "wczs_sias".into(),
        created_on: day(2024, 3, 1),
        last_update: Some(day(2026, 6, 30)),
    }
}

pub(super) fn rectification() -> RectificationNoticeData {
    RectificationNoticeData {
        audit_anchor: None,
        document_no: "校宣〔2026〕12号".into(),
        platform: platform(),
        issued_on: day(2026, 9, 1),
        ladder: LadderSettings::default(),
        body: String::new(),
    }
}

pub(super) fn public_notice() -> PublicNoticeData {
    PublicNoticeData {
        audit_anchor: None,
        document_no: "校宣〔2026〕15号".into(),
        platform: platform(),
        rectification: Some(CitedNotice {
            issued_on: day(2026, 9, 1),
            document_no: "校宣〔2026〕12号".into(),
        }),
        issued_on: day(2026, 10, 9),
        ladder: LadderSettings::default(),
        body: String::new(),
    }
}

pub(super) fn shutdown_decision() -> ShutdownDecisionData {
    ShutdownDecisionData {
        audit_anchor: None,
        document_no: "校宣〔2026〕19号".into(),
        platform: platform(),
        rectification: Some(CitedNotice {
            issued_on: day(2026, 9, 1),
            document_no: "校宣〔2026〕12号".into(),
        }),
        public_notice: Some(CitedNotice {
            issued_on: day(2026, 10, 9),
            document_no: "校宣〔2026〕15号".into(),
        }),
        decided_on: day(2026, 11, 12),
        body: String::new(),
    }
}

pub(super) fn incident() -> IncidentReportData {
    IncidentReportData {
        audit_anchor: None,
        document_no: "文传〔2026〕3号".into(),
        unit_name: "文化传媒学院".into(),
        platform_kind: "微信公众号".into(),
        platform_name: "文传之声".into(),
        account: "wczs_sias".into(),
        incident: IncidentDraft {
            platform_id: 7,
            kind: IncidentKind::AccountStolen,
            found_at: at("2026-11-20 09:00"),
            found_by: "黄堃".into(),
            description: "公众号后台出现陌生设备登录，并群发了一条广告。".into(),
            reported_at: Some(at("2026-11-21 10:30")),
            reported_to: Office::ALL.to_vec(),
            actions_taken: "修改密码，删除广告，开启登录保护。".into(),
            closed_at: Some(at("2026-11-21 17:00")),
        },
        report_hours: 24,
    }
}

/// Each part appears, in this order, in the text read back from the PDF.
fn assert_in_order(text: &str, parts: &[&str]) {
    let mut from = 0;
    for part in parts {
        let part: String = part.chars().filter(|c| !c.is_whitespace()).collect();
        let found = text[from..]
            .find(&part)
            .unwrap_or_else(|| panic!("{part} missing or out of order in {text}"));
        from += found + part.len();
    }
}

#[test]
fn rectification_notice_states_the_silence_the_deadline_and_what_follows() {
    let doc =
        parse(&render_rectification_notice(&rectification(), &school("测试大学")).expect("pdf"));
    assert_eq!(doc.get_pages().len(), 1);
    assert_in_order(
        &all_pages_text(&doc),
        &[
            "测试大学二级网络平台整改通知书",
            "校宣〔2026〕12号",
            "文化传媒学院：",
            "经检查，你单位开办的微信公众号“文传之声”（账号/网址：wczs_sias）自2026年6月30日以来未更新内容，已超过2个月。",
            "根据《测试大学二级网络平台管理办法》第六条第四款的规定，现向你单位发出整改通知。",
            "请你单位于2026年10月1日前完成整改",
            "收到本通知1个月后仍未更新的，将予以公开通报；公开通报后1个月仍未更新的",
            "特此通知。",
            "学校办公室（新闻中心）",
            "党委宣传部",
            "2026年9月1日",
        ],
    );
}

#[test]
fn public_notice_cites_the_rectification_and_gives_the_last_day() {
    let doc = parse(&render_public_notice(&public_notice(), &school("测试大学")).expect("pdf"));
    assert_eq!(doc.get_pages().len(), 1);
    assert_in_order(
        &all_pages_text(&doc),
        &[
            "关于文传之声长期未更新的通报",
            "校宣〔2026〕15号",
            "各党总支、直属党支部，各单位：",
            "文化传媒学院开办的微信公众号“文传之声”（账号/网址：wczs_sias）自2026年6月30日以来未更新内容。",
            "已于2026年9月1日向该单位发出整改通知（校宣〔2026〕12号），该平台在整改期限内仍未更新。",
            "根据《测试大学二级网络平台管理办法》第六条第四款的规定，现对文化传媒学院开办的微信公众号“文传之声”予以公开通报。",
            "请文化传媒学院立即整改，于2026年11月9日前更新平台内容",
            "公开通报后1个月仍未更新的",
            "各单位要引以为戒",
            "特此通报。",
            "学校办公室（新闻中心）",
            "党委宣传部",
            "2026年10月9日",
        ],
    );
}

#[test]
fn shutdown_decision_cites_both_notices_and_the_day_it_takes_effect() {
    let doc =
        parse(&render_shutdown_decision(&shutdown_decision(), &school("测试大学")).expect("pdf"));
    assert_eq!(doc.get_pages().len(), 1);
    assert_in_order(
        &all_pages_text(&doc),
        &[
            "关于关停文传之声的决定",
            "校宣〔2026〕19号",
            "文化传媒学院：",
            "你单位开办的微信公众号“文传之声”（账号/网址：wczs_sias）自2026年6月30日以来未更新内容。",
            "已于2026年9月1日发出整改通知（校宣〔2026〕12号），于2026年10月9日予以公开通报（校宣〔2026〕15号），该平台仍未更新。",
            "根据《测试大学二级网络平台管理办法》第六条第四款的规定",
            "决定自2026年11月12日起关停该平台。",
            "请你单位收到本决定后立即停止该平台的信息发布",
            "特此决定。",
            "学校办公室（新闻中心）",
            "党委宣传部",
            "2026年11月12日",
        ],
    );
}

#[test]
fn incident_report_prints_every_field_and_marks_a_late_report() {
    let doc = parse(&render_incident_report(&incident(), &school("测试大学")).expect("pdf"));
    assert_eq!(doc.get_pages().len(), 1);
    let text = all_pages_text(&doc);
    assert_in_order(
        &text,
        &[
            "测试大学二级网络平台安全事件报告",
            "文传〔2026〕3号",
            "学校办公室（新闻中心）、党委宣传部、信息技术管理中心：",
            "本单位开办的微信公众号“文传之声”发生安全事件，根据《测试大学二级网络平台管理办法》第八条第一款的规定，现报告如下：",
            "创建单位",
            "文化传媒学院",
            "wczs_sias",
            "事件类型",
            "账号被盗用",
            "发现人",
            "黄堃",
            "发现时间",
            "2026年11月20日 9:00",
            "事件经过",
            "公众号后台出现陌生设备登录",
            "报告对象",
            "学校办公室（新闻中心）、党委宣传部、信息技术管理中心",
            "报告时间",
            "2026年11月21日 10:30（发现后超过24小时报告，属迟报）",
            "已采取措施",
            "修改密码，删除广告，开启登录保护。",
            "处置完毕时间",
            "2026年11月21日 17:00",
            "特此报告。",
            "单位负责人签字：",
            "（加盖单位公章）",
        ],
    );
}

#[test]
fn the_late_mark_follows_the_domain_rule() {
    // (reported at, hours allowed, marked late)
    let cases = [
        (Some("2026-11-20 10:30"), 24, false),
        (Some("2026-11-21 09:00"), 24, false),
        (Some("2026-11-21 09:01"), 24, true),
        (Some("2026-11-20 14:00"), 4, true),
        (None, 24, false),
    ];
    for (reported, hours, late) in cases {
        let mut data = incident();
        data.incident.reported_at = reported.map(at);
        data.report_hours = hours;
        assert_eq!(data.reported_late(), late, "{reported:?} within {hours} h");
        let text = layout_text(&incident_report_pages(
            &data,
            &FormSettings::default(),
            &FakeFont,
        ));
        assert_eq!(text.contains("属迟报"), late, "{reported:?}: {text}");
        if late {
            assert!(text.contains(&format!("超过{hours}小时")));
        }
    }
}

#[test]
fn incident_kind_picks_the_article_and_an_open_incident_says_so() {
    let mut data = incident();
    data.incident.kind = IncidentKind::BadContent;
    data.incident.closed_at = None;
    data.incident.reported_at = None;
    data.incident.reported_to.clear();
    let text = layout_text(&incident_report_pages(
        &data,
        &FormSettings::default(),
        &FakeFont,
    ));
    assert!(text.contains("第八条第二款"), "{text}");
    assert!(text.contains("不良信息"));
    assert!(text.contains("尚在处置中"));
    assert!(!text.contains("迟报"));
    for kind in [
        IncidentKind::IllegalUse,
        IncidentKind::Vulnerability,
        IncidentKind::AccountStolen,
    ] {
        data.incident.kind = kind;
        let text = layout_text(&incident_report_pages(
            &data,
            &FormSettings::default(),
            &FakeFont,
        ));
        assert!(text.contains("第八条第一款"), "{kind:?}");
    }
}

#[test]
fn deadlines_follow_the_school_ladder_and_clamp_to_month_ends() {
    let mut data = rectification();
    data.issued_on = day(2026, 1, 31);
    assert_eq!(data.update_by(), day(2026, 2, 28));
    data.issued_on = day(2028, 1, 31);
    assert_eq!(data.update_by(), day(2028, 2, 29));
    let text = layout_text(&rectification_notice_pages(
        &data,
        &FormSettings::default(),
        &FakeFont,
    ));
    assert!(text.contains("于2028年2月29日前完成整改"), "{text}");

    // A school on the two-week rule prints its own periods.
    data.ladder = LadderSettings::two_week_rule();
    data.issued_on = day(2026, 9, 1);
    assert_eq!(data.update_by(), day(2026, 9, 8));
    let text = layout_text(&rectification_notice_pages(
        &data,
        &FormSettings::default(),
        &FakeFont,
    ));
    for part in [
        "已超过14天",
        "于2026年9月8日前",
        "收到本通知7天后",
        "公开通报后7天",
    ] {
        assert!(text.contains(part), "{part} missing in {text}");
    }

    let mut notice = public_notice();
    notice.ladder.after_public_notice = Period::Months(2);
    notice.issued_on = day(2026, 12, 31);
    assert_eq!(notice.update_by(), day(2027, 2, 28));
    let text = layout_text(&public_notice_pages(
        &notice,
        &FormSettings::default(),
        &FakeFont,
    ));
    assert!(text.contains("于2027年2月28日前更新"), "{text}");
    assert!(text.contains("公开通报后2个月仍未更新"));
}

#[test]
fn ladder_documents_are_laid_out_like_official_letters() {
    let settings = FormSettings::default();
    for (pages, title, dated) in [
        (
            rectification_notice_pages(&rectification(), &settings, &FakeFont),
            "郑州西亚斯学院二级网络平台整改通知书",
            "2026年9月1日",
        ),
        (
            public_notice_pages(&public_notice(), &settings, &FakeFont),
            "关于文传之声长期未更新的通报",
            "2026年10月9日",
        ),
        (
            shutdown_decision_pages(&shutdown_decision(), &settings, &FakeFont),
            "关于关停文传之声的决定",
            "2026年11月12日",
        ),
    ] {
        assert_eq!(pages.len(), 1, "{title}");
        let page = &pages[0];
        let run = |s: &str| {
            page.texts()
                .find(|t| t.text == s)
                .unwrap_or_else(|| panic!("{s} in {title}"))
                .clone()
        };
        let heading = run(title);
        assert_eq!(heading.weight, TextWeight::Heavy);
        let date = run(dated);
        let axis = date.x + date.width / 2.0;
        for issuer in ["学校办公室（新闻中心）", "党委宣传部"] {
            let issuer = run(issuer);
            assert!(issuer.baseline < date.baseline && issuer.baseline > heading.baseline);
            assert!(
                (issuer.x + issuer.width / 2.0 - axis).abs() < 1e-3,
                "{title}"
            );
        }
        assert_everything_on_its_place(&pages);
    }
}

#[test]
fn blank_values_print_blank_and_leave_no_empty_brackets() {
    let blank = NoticedPlatform {
        unit_name: String::new(),
        kind: String::new(),
        name: " ".into(),
        account: String::new(),
        created_on: day(2026, 3, 5),
        last_update: None,
    };
    let settings = school("");
    let rectification = RectificationNoticeData {
        document_no: String::new(),
        platform: blank.clone(),
        ..rectification()
    };
    let public = PublicNoticeData {
        document_no: " ".into(),
        platform: blank.clone(),
        rectification: Some(CitedNotice {
            issued_on: day(2026, 9, 1),
            document_no: String::new(),
        }),
        ..public_notice()
    };
    let decision = ShutdownDecisionData {
        document_no: String::new(),
        platform: blank,
        rectification: None,
        public_notice: None,
        ..shutdown_decision()
    };
    let mut report = incident();
    report.document_no = String::new();
    report.unit_name = String::new();
    report.platform_kind = String::new();
    report.platform_name = String::new();
    report.account = String::new();
    report.incident.found_by = String::new();
    report.incident.actions_taken = String::new();
    report.incident.reported_at = None;
    report.incident.reported_to.clear();

    let documents = [
        (
            rectification_notice_pages(&rectification, &settings, &FakeFont),
            "特此通知。",
            false,
        ),
        (
            public_notice_pages(&public, &settings, &FakeFont),
            "特此通报。",
            false,
        ),
        (
            shutdown_decision_pages(&decision, &settings, &FakeFont),
            "特此决定。",
            false,
        ),
        (
            incident_report_pages(&report, &settings, &FakeFont),
            "特此报告。",
            true,
        ),
    ];
    for (pages, closing, has_table) in documents {
        let text = layout_text(&pages);
        assert!(text.contains(closing), "{text}");
        for empty in ["“”", "（）", "账号/网址：）", "〔"] {
            assert!(!text.contains(empty), "{empty:?} in {text}");
        }
        assert_everything_on_its_place(&pages);
        assert_signature_not_alone(&pages, closing, has_table);
    }
    let text = layout_text(&rectification_notice_pages(
        &rectification,
        &settings,
        &FakeFont,
    ));
    assert!(
        text.contains("自2026年3月5日开设以来从未更新内容"),
        "{text}"
    );
    let text = layout_text(&public_notice_pages(&public, &settings, &FakeFont));
    assert!(
        text.contains("已于2026年9月1日向该单位发出整改通知，"),
        "{text}"
    );
    let text = layout_text(&shutdown_decision_pages(&decision, &settings, &FakeFont));
    assert!(!text.contains("已于"), "no notice to cite: {text}");
}

#[test]
fn long_names_wrap_inside_the_page_with_the_real_font() {
    let long_unit =
        "马克思主义学院暨思想政治理论课教学研究中心与中国特色社会主义理论体系研究院联合办公室";
    let long_name = "马克思主义学院思想政治理论课教学研究中心官方微信公众号服务平台".repeat(3);
    let long_account = "https://marxism-theory-research-center.very-long-subdomain.sias.edu.cn/index.html?from=wechat";
    let mut p = platform();
    p.unit_name = long_unit.into();
    p.name = long_name.clone();
    p.account = long_account.into();
    let settings = school(&"某某省某某市某某区某某职业技术大学".repeat(2));

    let mut notice = rectification();
    notice.platform = p.clone();
    let mut public = public_notice();
    public.platform = p.clone();
    let mut decision = shutdown_decision();
    decision.platform = p;
    let mut report = incident();
    report.unit_name = long_unit.into();
    report.platform_name = long_name.clone();
    report.account = long_account.into();

    for pages in [
        layout_rectification_notice(&notice, &settings).expect("layout"),
        layout_public_notice(&public, &settings).expect("layout"),
        layout_shutdown_decision(&decision, &settings).expect("layout"),
        layout_incident_report(&report, &settings).expect("layout"),
    ] {
        assert_everything_on_its_place(&pages);
        let text = layout_text(&pages);
        assert!(text.contains(&long_name[..30]), "{text}");
        assert!(
            text.replace(' ', "")
                .contains("marxism-theory-research-center"),
            "{text}"
        );
    }
}

#[test]
fn a_huge_body_continues_on_numbered_pages_and_keeps_the_signature_with_text() {
    let huge: String = (0..3000)
        .map(|i| char::from_u32(0xAC00 + i).unwrap_or('가'))
        .collect();
    let hangul = |pages: &[Page]| -> String {
        layout_text(pages)
            .chars()
            .filter(|c| ('\u{AC00}'..='\u{D7A3}').contains(c))
            .collect()
    };
    let mut notice = rectification();
    notice.body = huge.clone();
    let pages = rectification_notice_pages(&notice, &FormSettings::default(), &FakeFont);
    assert!(pages.len() >= 2);
    assert_eq!(hangul(&pages), huge);
    assert!(layout_text(&pages).contains("—1—") || pages[0].plain_text().contains("— 1 —"));
    assert_everything_on_its_place(&pages);
    assert_signature_not_alone(&pages, "特此通知。", false);

    let mut report = incident();
    report.incident.description = huge.clone();
    let pages = incident_report_pages(&report, &FormSettings::default(), &FakeFont);
    assert!(pages.len() >= 2);
    assert_eq!(hangul(&pages), huge);
    assert_everything_on_its_place(&pages);
    assert_signature_not_alone(&pages, "特此报告。", true);
}

#[test]
fn the_seals_never_stand_with_the_closing_sentence_alone_whatever_the_length() {
    let fixed = [
        "特此通知。",
        "学校办公室（新闻中心）",
        "党委宣传部",
        "2026年9月1日",
    ];
    let mut moved = 0;
    for n in (0..900).step_by(11) {
        let mut notice = rectification();
        notice.body = "补".repeat(n);
        let pages = rectification_notice_pages(&notice, &FormSettings::default(), &FakeFont);
        let last = pages.last().expect("a page");
        assert!(
            last.texts()
                .any(|t| !fixed.contains(&t.text.as_str()) && !t.text.starts_with('—')),
            "{n} characters: the last page holds only {:?}",
            last.plain_text()
        );
        assert_everything_on_its_place(&pages);
        moved += usize::from(pages.len() > 1);
    }
    assert!(moved > 0, "some lengths run to a second page");
}

#[test]
fn each_document_embeds_one_subset_font_and_names_itself() {
    let settings = FormSettings::default();
    let documents = [
        (
            render_rectification_notice(&rectification(), &settings).expect("pdf"),
            "郑州西亚斯学院二级网络平台整改通知书：文传之声",
            "二级网络平台整改通知书",
        ),
        (
            render_public_notice(&public_notice(), &settings).expect("pdf"),
            "关于文传之声长期未更新的通报",
            "二级网络平台通报",
        ),
        (
            render_shutdown_decision(&shutdown_decision(), &settings).expect("pdf"),
            "关于关停文传之声的决定",
            "二级网络平台关停决定",
        ),
        (
            render_incident_report(&incident(), &settings).expect("pdf"),
            "郑州西亚斯学院二级网络平台安全事件报告：文传之声",
            "二级网络平台安全事件报告",
        ),
    ];
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
        let p = NoticedPlatform {
            unit_name: text.into(),
            kind: text.into(),
            name: text.into(),
            account: text.into(),
            created_on: NaiveDate::MIN,
            last_update: Some(NaiveDate::MAX),
        };
        let cited = Some(CitedNotice {
            issued_on: NaiveDate::MAX,
            document_no: text.into(),
        });
        let notice = RectificationNoticeData {
            audit_anchor: None,
            document_no: text.into(),
            platform: p.clone(),
            issued_on: NaiveDate::MAX,
            ladder: LadderSettings::default(),
            body: text.into(),
        };
        let public = PublicNoticeData {
            audit_anchor: None,
            document_no: text.into(),
            platform: p.clone(),
            rectification: cited.clone(),
            issued_on: NaiveDate::MAX,
            ladder: LadderSettings::default(),
            body: text.into(),
        };
        let decision = ShutdownDecisionData {
            audit_anchor: None,
            document_no: text.into(),
            platform: p,
            rectification: cited.clone(),
            public_notice: cited,
            decided_on: NaiveDate::MIN,
            body: text.into(),
        };
        let mut report = incident();
        report.document_no = text.into();
        report.unit_name = text.into();
        report.platform_name = text.into();
        report.incident.description = text.into();
        report.incident.found_at = NaiveDateTime::MAX;
        report.report_hours = u32::MAX;
        for pdf in [
            render_rectification_notice(&notice, &settings),
            render_public_notice(&public, &settings),
            render_shutdown_decision(&decision, &settings),
            render_incident_report(&report, &settings),
        ] {
            let doc = parse(&pdf.expect("renders"));
            assert!(!doc.get_pages().is_empty(), "{text:.20}");
        }
        for pages in [
            rectification_notice_pages(&notice, &settings, &FakeFont),
            public_notice_pages(&public, &settings, &FakeFont),
            shutdown_decision_pages(&decision, &settings, &FakeFont),
            incident_report_pages(&report, &settings, &FakeFont),
        ] {
            assert_everything_on_its_place(&pages);
        }
    }
}

#[test]
fn values_the_font_cannot_draw_are_listed() {
    let mut data = rectification();
    data.platform.name = "文传\u{2611}".into();
    let missing =
        unprintable_chars_of(&data.printed_values(), &FormSettings::default()).expect("font");
    assert_eq!(missing, vec!['\u{2611}']);
    for values in [
        public_notice().printed_values(),
        shutdown_decision().printed_values(),
        incident().printed_values(),
    ] {
        assert!(
            unprintable_chars_of(&values, &FormSettings::default())
                .expect("font")
                .is_empty()
        );
    }
    // The fixed text is part of what a custom font must cover.
    let all = labels::all_fixed_text();
    for s in [
        "整改通知书",
        "属迟报",
        "第八条第一款",
        "账号被盗用",
        "信息技术管理中心",
    ] {
        assert!(all.contains(s), "{s}");
    }
}

#[test]
fn a_registry_platform_fills_the_noticed_platform() {
    use crate::domain::platform::{
        Maintenance, Platform, PlatformDraft, PlatformKind, PlatformStatus,
    };
    let stored = Platform {
        id: 7,
        draft: PlatformDraft {
            unit_id: 3,
            kind_id: 1,
            name: "文传之声".into(),
            account: "wczs_sias".into(),
            account_type: None,
            verified: true,
            verified_until: None,
            content_scope: "学院新闻".into(),
            created_on: day(2024, 3, 1),
            responsible_person: "李明".into(),
            contact_mobile: "13800000000".into(),
            administrators: Vec::new(),
            maintenance: Maintenance::InHouse,
            approval_ref: String::new(),
            notes: String::new(),
            last_post_on: Some(day(2026, 1, 1)),
            intranet_only: false,
        },
        status: PlatformStatus::Filed,
        version: 1,
        created_at: at("2024-03-01 09:00"),
        updated_at: at("2024-03-01 09:00"),
    };
    let kind = PlatformKind {
        id: 1,
        name: "微信公众号".into(),
        is_website: false,
        has_account_type: true,
        sort_order: 1,
    };
    // The ladder's last update (posts and updates recorded by hand), not the draft's own date.
    let noticed =
        NoticedPlatform::from_platform(&stored, "文化传媒学院", &kind, Some(day(2026, 6, 30)));
    assert_eq!(noticed, platform());
}
