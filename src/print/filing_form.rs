//! The 附件 filing form laid out on A4, one copy per copy mark: the title, the table with
//! exactly the appendix's rows and labels, room for handwritten opinions, signatures and
//! stamps, the two notes, and each copy's mark in the corner. Long values wrap or shrink inside
//! their cells; a table that outgrows the page continues on a continuation page, so nothing is
//! ever dropped. (Bands: `form_blocks`; drawing: `form_paint`; pages: `form_flow`.)

use super::data::{FilingFormData, FormSettings};
use super::error::PrintError;
use super::fonts;
use super::form_flow::layout_one_copy;
use super::form_geometry::*;
use super::layout::{Page, TextRun, TextWeight};
use super::text_fit::{Advance, Fitted, lines_height, shrink_to_fit, wrap};

/// All copies of one platform's form: every page of the first copy, then the second…
pub fn layout_filing_form(
    data: &FilingFormData,
    settings: &FormSettings,
) -> Result<Vec<Page>, PrintError> {
    let font = fonts::font_for(settings)?;
    Ok(layout_copies(data, settings, &*font))
}

/// [`layout_filing_form`] with the font already chosen (the batch reuses it).
pub(crate) fn layout_copies(
    data: &FilingFormData,
    settings: &FormSettings,
    font: &dyn Advance,
) -> Vec<Page> {
    let copy = layout_one_copy(data, &settings.title(), font);
    let marks: Vec<&str> = if settings.copy_marks.is_empty() {
        vec![""]
    } else {
        settings.copy_marks.iter().map(|m| m.trim()).collect()
    };
    let mut pages = Vec::with_capacity(copy.len() * marks.len());
    for mark in marks {
        for page in &copy {
            let mut page = page.clone();
            add_copy_mark(&mut page, mark, font);
            pages.push(page);
        }
    }
    super::anchor::stamp_pages(&mut pages, data.audit_anchor.as_ref(), font);
    pages
}

fn add_copy_mark(page: &mut Page, mark: &str, font: &dyn Advance) {
    if mark.is_empty() {
        return;
    }
    let width = RIGHT - LEFT;
    let fitted = shrink_to_fit(
        mark,
        width,
        lines_height(1, MARK_PT),
        MARK_PT,
        MARK_MIN_PT,
        font,
    )
    .unwrap_or_else(|| Fitted {
        lines: wrap(mark, width, MARK_MIN_PT, font),
        size_pt: MARK_MIN_PT,
    });
    for (i, line) in fitted.lines.iter().enumerate() {
        page.push_text(TextRun {
            text: line.text.clone(),
            x: RIGHT - line.width,
            baseline: COPY_MARK_BASELINE + i as f32 * fitted.pitch(),
            size_pt: fitted.size_pt,
            weight: TextWeight::Regular,
            width: line.width,
            cell: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::data::ACCOUNT_TYPES;
    use super::super::labels;
    use super::super::layout::{Element, Polyline, RectMm};
    use super::super::text_fit::tests::FakeFont;
    use super::*;
    use chrono::NaiveDate;

    pub(crate) fn sample() -> FilingFormData {
        FilingFormData {
            audit_anchor: None,
            unit_name: "外国语学院".into(),
            platform_kind: "微信公众号".into(),
            account_name: "西亚斯外国语学院".into(),
            verified: Some(true),
            content_scope: "学院新闻、通知公告、党建动态、学生活动".into(),
            created_on: NaiveDate::from_ymd_opt(2021, 9, 1),
            account_type: Some("服务号".into()),
            responsible_person: "张建国".into(),
            responsible_mobile: "13803710001".into(),
            administrators: vec![
                ("李明".into(), "13903710002".into()),
                ("王芳".into(), "13703710003".into()),
            ],
        }
    }

    fn one_copy(data: &FilingFormData) -> Vec<Page> {
        layout_one_copy(data, &FormSettings::default().title(), &FakeFont)
    }

    fn all_text(pages: &[Page]) -> String {
        pages
            .iter()
            .map(Page::plain_text)
            .collect::<String>()
            .replace('\n', "")
    }

    /// No text may touch a rule: every run stays inside its cell, 0.3 mm clear of the lines.
    fn assert_texts_inside_cells(pages: &[Page]) {
        for page in pages {
            for t in page.texts() {
                let b = t.bounds();
                match t.cell {
                    Some(cell) => assert!(
                        cell.inset(0.3, 0.3).contains(&b, 1e-3),
                        "{:?} at {b:?} leaves its cell {cell:?}",
                        t.text
                    ),
                    None => assert!(
                        RectMm::new(LEFT, 5.0, RIGHT - LEFT, 290.0).contains(&b, 1e-3),
                        "{:?} at {b:?} leaves the printable area",
                        t.text
                    ),
                }
            }
        }
    }

    #[test]
    fn one_page_with_every_label_of_the_appendix() {
        let pages = one_copy(&sample());
        assert_eq!(pages.len(), 1);
        let text = all_text(&pages);
        for label in [
            "郑州西亚斯学院新媒体账号备案表（年审）",
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
            "单位意见",
            "学校新闻中心",
            "办公室意见",
            "党委宣传部意见",
            "单位负责人签字：",
            "（加盖单位公章）",
            "注：",
        ] {
            assert!(text.contains(label), "missing {label}");
        }
        assert_eq!(text.matches("管理员").count(), 3);
        assert_eq!(text.matches("单位负责人签字：").count(), 3);
        assert_eq!(text.matches("（加盖单位公章）").count(), 2);
        assert_eq!(
            text.matches('年').count(),
            3 + 1 + 1,
            "dates, 年审, 创建时间"
        );
        for value in [
            "外国语学院",
            "微信公众号",
            "西亚斯外国语学院",
            "是",
            "2021年9月1日",
            "张建国",
            "13803710001",
            "李明",
            "13903710002",
            "王芳",
            "13703710003",
        ] {
            assert!(text.contains(value), "missing value {value}");
        }
        assert_texts_inside_cells(&pages);
    }

    #[test]
    fn tick_sits_in_the_box_of_the_chosen_account_type() {
        for (i, kind) in ACCOUNT_TYPES.iter().enumerate() {
            let mut data = sample();
            data.account_type = Some((*kind).to_owned());
            let page = &one_copy(&data)[0];
            let boxes: Vec<RectMm> = page
                .elements
                .iter()
                .filter_map(|e| match e {
                    Element::Box(b) => Some(b.rect),
                    _ => None,
                })
                .collect();
            let ticks: Vec<&Polyline> = page
                .elements
                .iter()
                .filter_map(|e| match e {
                    Element::Polyline(p) => Some(p),
                    _ => None,
                })
                .collect();
            assert_eq!(boxes.len(), 3);
            assert_eq!(ticks.len(), 1, "{kind}");
            let label = page.texts().find(|t| t.text == *kind).expect("label");
            let ticked_box = boxes[i];
            assert!(ticked_box.right() < label.x && label.x - ticked_box.right() < 2.0);
            for p in &ticks[0].points {
                assert!(ticked_box.contains(&RectMm::new(p.x, p.y, 0.0, 0.0), 0.0));
            }
        }
        let mut data = sample();
        data.account_type = None;
        let page = &one_copy(&data)[0];
        assert!(
            !page
                .elements
                .iter()
                .any(|e| matches!(e, Element::Polyline(_)))
        );
    }

    #[test]
    fn long_values_wrap_or_shrink_inside_their_cells() {
        let mut data = sample();
        data.unit_name = "马克思主义学院（思想政治理论课教学研究部）继续教育与培训中心".into();
        data.platform_kind = "微信公众号（服务号，已认证）及其关联视频号".into();
        data.account_name = website_name_for_test();
        data.content_scope = "发布学院新闻、通知公告、教学科研动态、学科建设、党建专栏、学生活动、\
            招生就业、校友风采等信息，并转载学校官方账号的重要内容。"
            .repeat(2);
        data.responsible_person = "阿卜杜热合曼·买买提明".into();
        data.responsible_mobile = "0371-62608888 转 8001, 13803710001".into();
        let pages = one_copy(&data);
        assert_eq!(pages.len(), 1, "realistic long values still fit one page");
        assert_texts_inside_cells(&pages);
        let text = all_text(&pages);
        assert!(text.contains("https://marxism.sias.edu.cn/index.html"));
        let sizes: Vec<f32> = pages[0].texts().map(|t| t.size_pt).collect();
        assert!(sizes.iter().all(|s| *s >= MIN_PT));
    }

    fn website_name_for_test() -> String {
        super::super::website_account_name(
            "马克思主义学院网站",
            "https://marxism.sias.edu.cn/index.html",
        )
    }

    #[test]
    fn administrators_beyond_three_get_rows_and_a_continuation_page_when_needed() {
        for count in [5usize, 9, 40] {
            let mut data = sample();
            data.administrators = (0..count)
                .map(|i| (format!("管理员{i}号"), format!("1390371{i:04}")))
                .collect();
            let pages = one_copy(&data);
            let text = all_text(&pages);
            for i in 0..count {
                assert!(
                    text.contains(&format!("管理员{i}号")),
                    "{count}: {i} dropped"
                );
                assert!(text.contains(&format!("1390371{i:04}")));
            }
            assert_texts_inside_cells(&pages);
            if pages.len() > 1 {
                assert!(text.contains("第1页 共"));
                assert!(pages[1].plain_text().contains("（年审）（续）"));
            }
            for page in &pages {
                for t in page.texts() {
                    assert!(t.bounds().bottom() < 292.0, "{} below the page", t.text);
                }
            }
        }
        let mut five = sample();
        five.administrators = (0..5).map(|i| (format!("人{i}"), String::new())).collect();
        assert_eq!(
            one_copy(&five).len(),
            1,
            "five administrators still fit one page"
        );
    }

    #[test]
    fn opinions_and_notes_stay_together_and_use_the_spare_height() {
        let heights = |pages: &[Page]| -> Vec<(usize, f32)> {
            let mut found = Vec::new();
            for (i, page) in pages.iter().enumerate() {
                for t in page.texts() {
                    if t.text == labels::SIGNATURE {
                        found.push((i, t.cell.map_or(0.0, |c| c.height)));
                    }
                }
            }
            found
        };
        let normal = one_copy(&sample());
        let normal_rows = heights(&normal);
        assert_eq!(normal_rows.len(), 3);
        assert!(
            normal_rows.iter().all(|(_, h)| *h > 44.0),
            "{normal_rows:?}"
        );

        let mut crowded = sample();
        crowded.administrators = (0..9).map(|i| (format!("人{i}"), String::new())).collect();
        let pages = one_copy(&crowded);
        assert_eq!(pages.len(), 2);
        let rows = heights(&pages);
        assert!(
            rows.iter().all(|(page, h)| *page == 1 && *h >= OPINION_MIN),
            "{rows:?}"
        );
        assert!(
            pages[1]
                .plain_text()
                .replace('\n', "")
                .contains(labels::NOTE_2)
        );
    }

    #[test]
    fn a_huge_value_continues_below_and_on_further_pages() {
        let mut data = sample();
        // Hangul syllables: no label contains them, so the printed value can be picked out.
        let scope: String = (0..3000)
            .map(|i| char::from_u32(0xAC00 + i).unwrap_or('가'))
            .collect();
        data.content_scope = scope.clone();
        let pages = one_copy(&data);
        assert!(pages.len() >= 2);
        let text = all_text(&pages);
        assert!(text.contains("内容范围（续）"));
        // Every character survives, in order, across the cell and its continuations.
        let printed: String = text
            .chars()
            .filter(|c| ('\u{AC00}'..='\u{D7A3}').contains(c))
            .collect();
        assert_eq!(printed, scope);
        assert_texts_inside_cells(&pages);
    }

    #[test]
    fn blank_values_leave_cells_empty_but_keep_the_form() {
        let pages = one_copy(&FilingFormData::default());
        assert_eq!(pages.len(), 1);
        let text = all_text(&pages);
        assert!(text.contains("创建单位") && text.contains("管理员"));
        assert!(
            !pages[0]
                .elements
                .iter()
                .any(|e| matches!(e, Element::Polyline(_)))
        );
    }

    #[test]
    fn every_copy_carries_its_mark_in_the_corner() {
        let settings = FormSettings {
            school_name: "某某大学".into(),
            ..FormSettings::default()
        };
        let pages = layout_copies(&sample(), &settings, &FakeFont);
        assert_eq!(pages.len(), 4);
        for (page, mark) in pages.iter().zip(&settings.copy_marks) {
            let run = page.texts().find(|t| &t.text == mark).expect("mark");
            assert!(run.baseline < 20.0 && (run.x + run.width - RIGHT).abs() < 1e-3);
            assert!(
                page.plain_text()
                    .contains("某某大学新媒体账号备案表（年审）")
            );
        }
    }

    #[test]
    fn absurd_school_names_and_copy_marks_stay_on_the_page() {
        let settings = FormSettings {
            school_name: "很长的学校名称".repeat(60),
            copy_marks: vec!["第一联".repeat(80)],
            ..FormSettings::default()
        };
        let pages = layout_copies(&sample(), &settings, &FakeFont);
        assert!(!pages.is_empty());
        for page in &pages {
            for t in page.texts() {
                let b = t.bounds();
                assert!(
                    b.x >= LEFT - 1e-3 && b.right() <= RIGHT + 1e-3,
                    "{}",
                    t.text
                );
                assert!(b.bottom() < 292.0, "{}", t.text);
            }
        }
    }

    #[test]
    fn title_is_heavier_and_centred() {
        let page = &one_copy(&sample())[0];
        let title = page
            .texts()
            .find(|t| t.text.contains("备案表"))
            .expect("title");
        assert_eq!(title.weight, TextWeight::Heavy);
        assert!(title.size_pt > BODY_PT);
        assert!(((title.x + title.width / 2.0) - 105.0).abs() < 1e-3);
    }

    #[test]
    fn rules_stay_on_the_page_and_the_frame_is_heavier() {
        let page = &one_copy(&sample())[0];
        let lines: Vec<_> = page.lines().collect();
        assert!(lines.iter().any(|l| l.width == OUTER_RULE));
        for l in lines {
            for p in [l.from, l.to] {
                assert!(p.x >= LEFT - 1e-3 && p.x <= RIGHT + 1e-3 && p.y <= CONTENT_BOTTOM);
            }
        }
    }
}
