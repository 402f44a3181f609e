//! 待办 in the window: the first page after signing in lists what the person has to do, and
//! each row opens the place to act — the information officer's returned post (with the
//! reviewer's comment, also at the top of the post and on its row in the list), the
//! reviewer's post to review, the administrator's post to publish and filing to do; the
//! post page's diff by word or by line.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mediadesk::domain::text_diff::DiffMode;
use mediadesk::domain::todo::{TodoKind, TodoTarget};
use mediadesk::store::{DEMO_PASSWORD, Store};
use mediadesk::ui::MediaDeskApp;
use mediadesk::ui::app::Page;

const RETURNED: &str = "关于2027届毕业生图像信息采集工作的通知";
const RETURN_COMMENT: &str = "请补充采集地点和联系人办公电话后重新提交。";
const TO_REVIEW: &str = "商学院学子在全国大学生市场调查与分析大赛中获佳绩";
const TO_PUBLISH: &str = "【党建园地】深入学习贯彻党的二十届四中全会精神";
const WECHAT: &str = "微信公众号「西亚斯商学院」";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn harness(login: &str) -> Harness<'static, MediaDeskApp> {
    harness_sized(login, [1400.0, 1000.0])
}

fn harness_sized(login: &str, size: [f32; 2]) -> Harness<'static, MediaDeskApp> {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo(today()).unwrap();
    store.sign_in(login, DEMO_PASSWORD).unwrap();
    let app = MediaDeskApp::new(Ok(store), today());
    let mut h = Harness::builder()
        .with_size(size)
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app);
    h.run();
    h
}

fn page(h: &Harness<'_, MediaDeskApp>) -> Page {
    h.state().workspace().unwrap().page()
}

/// Clicks the row of the post titled `title` on the 待办 page.
fn open_row(h: &mut Harness<'_, MediaDeskApp>, title: &str) {
    h.get_by_label(&format!("《{title}》 · {WECHAT}")).click();
    h.run();
}

/// Whether some text on screen (a label's text or value) contains `text`.
fn shows(h: &Harness<'_, MediaDeskApp>, text: &str) -> bool {
    h.query_all_by(|n| {
        n.value().is_some_and(|v| v.contains(text)) || n.label().is_some_and(|l| l.contains(text))
    })
    .next()
    .is_some()
}

fn open_post_title(h: &Harness<'_, MediaDeskApp>) -> String {
    let w = h.state().workspace().unwrap();
    w.post_view()
        .unwrap()
        .post
        .as_ref()
        .unwrap()
        .draft
        .title
        .clone()
}

#[test]
fn the_information_officer_starts_on_the_list_and_opens_the_returned_post() {
    let mut h = harness("zhangzhe");
    assert_eq!(page(&h), Page::Todo);
    h.get_by_label_contains("我的待办（");
    let items = h.state().workspace().unwrap().todo().items().to_vec();
    let returned = items.iter().find(|i| i.title == RETURNED).unwrap();
    assert_eq!(returned.kind, TodoKind::Returned);
    assert_eq!(returned.comment.as_ref().unwrap().comment, RETURN_COMMENT);
    // The comment is on the row, with who returned it.
    h.get_by_label(&format!(
        "退回意见（李珺（lijun），{}）：{RETURN_COMMENT}",
        returned.comment.as_ref().unwrap().at.format("%m-%d %H:%M")
    ));
    // Others' work is not on the list.
    assert!(
        items
            .iter()
            .all(|i| i.title != TO_REVIEW && i.title != TO_PUBLISH)
    );

    open_row(&mut h, RETURNED);
    assert_eq!(page(&h), Page::Posts);
    assert_eq!(open_post_title(&h), RETURNED);
    // At the top of the post page: the reviewer's comment.
    h.get_by_label_contains("退回意见（李珺（lijun），");
    let note = h
        .state()
        .workspace()
        .unwrap()
        .post_view()
        .unwrap()
        .return_note
        .clone();
    assert_eq!(note.unwrap().comment, RETURN_COMMENT);

    // Back to the list of 待我修改: the row carries the comment too.
    h.get_by_role_and_label(Role::Button, "← 返回列表").click();
    h.run();
    h.get_by_label_contains(&format!("退回：{RETURN_COMMENT}"));
}

#[test]
fn the_reviewer_finds_the_post_to_review_and_sees_the_changes_by_word_or_line() {
    let mut h = harness("liuxiaoyan");
    assert_eq!(page(&h), Page::Todo);
    h.get_by_label("待我审核");
    open_row(&mut h, TO_REVIEW);
    assert_eq!(open_post_title(&h), TO_REVIEW);
    // The second revision after the return: the changes since the first, by word.
    let view = |h: &Harness<'_, MediaDeskApp>| {
        h.state()
            .workspace()
            .unwrap()
            .post_view()
            .unwrap()
            .diff_mode
    };
    // The first revision began 「近日，第十六届…」, the second 「11月15日，第十六届…」: by word
    // the replaced words are side by side (近 struck, 11月15 inserted, 日 kept), by line the
    // old line reads whole before the new one.
    const BY_WORD: &str = "近11月15日，第十六届";
    const OLD_LINE: &str = "近日，第十六届全国大学生市场调查与分析大赛总决赛落下帷幕";
    assert_eq!(view(&h), DiffMode::ByWord);
    assert!(shows(&h, BY_WORD) && !shows(&h, OLD_LINE));
    h.get_by_role_and_label(Role::Button, "按行").click();
    h.run();
    assert_eq!(view(&h), DiffMode::ByLine);
    assert!(shows(&h, OLD_LINE) && !shows(&h, BY_WORD));
    h.get_by_role_and_label(Role::Button, "按词").click();
    h.run();
    assert_eq!(view(&h), DiffMode::ByWord);
    assert!(shows(&h, BY_WORD) && !shows(&h, OLD_LINE));
}

#[test]
fn the_administrator_finds_the_post_to_publish_and_the_filing_to_do() {
    let mut h = harness("lijun");
    assert_eq!(page(&h), Page::Todo);
    let items = h.state().workspace().unwrap().todo().items().to_vec();
    assert!(
        items
            .iter()
            .any(|i| i.kind == TodoKind::Publish && i.title == TO_PUBLISH)
    );
    let filing = items
        .iter()
        .find(|i| i.target == TodoTarget::Filings)
        .expect("the demo has a platform of 商学院 to file")
        .clone();
    h.get_by_label("待我发布");
    open_row(&mut h, TO_PUBLISH);
    assert_eq!(open_post_title(&h), TO_PUBLISH);

    // Back to 待办 through the navigation; the filing opens the 备案 page.
    h.get_by_role_and_label(Role::Button, "待办").click();
    h.run();
    assert_eq!(page(&h), Page::Todo);
    // The platform's filing row comes before its undated items (no party-building column).
    let platform = filing.platform.unwrap();
    h.get_all_by_label(&format!("{}「{}」", platform.kind_name, platform.name))
        .next()
        .unwrap()
        .click();
    h.run();
    assert_eq!(page(&h), Page::Filings);
    // …with the platform already chosen for printing: the form is one click away.
    let chosen = h
        .get_by_role_and_label(Role::ComboBox, "打印备案表：")
        .value()
        .unwrap_or_default();
    assert!(
        chosen.starts_with(&format!("{} · {}", platform.name, platform.kind_name)),
        "{chosen}"
    );
    h.get_by_role_and_label(Role::Button, "预览…");
}

#[test]
fn the_school_supervisor_keeps_the_due_list_first() {
    let h = harness("songwenbo");
    assert_eq!(page(&h), Page::Supervision);
}

#[test]
fn on_a_small_screen_the_rows_and_the_comment_fit() {
    // 1024×640: a 1366×768 office laptop at 125% scaling, less the taskbar.
    let h = harness_sized("zhangzhe", [1024.0, 640.0]);
    let screen = eframe::egui::Rect::from_min_size(
        eframe::egui::Pos2::ZERO,
        eframe::egui::vec2(1024.0, 640.0),
    );
    for label in [
        format!("《{RETURNED}》 · {WECHAT}"),
        "被退回，待修改".to_owned(),
    ] {
        let rect = h.get_by_label(&label).rect();
        assert!(screen.contains_rect(rect), "{label}: {rect:?}");
    }
    let comment = h.get_by_label_contains(RETURN_COMMENT).rect();
    assert!(screen.contains_rect(comment), "{comment:?}");
}
