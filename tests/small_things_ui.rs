//! The small things of issue 14 in the window: the word lists scroll and filter, the audit
//! page names what its entries are about, dialogs keep their place.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use eframe::egui;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mediadesk::domain::screening::Category;
use mediadesk::store::Store;
use mediadesk::text;
use mediadesk::ui::MediaDeskApp;

fn harness(store: Store, size: [f32; 2]) -> Harness<'static, MediaDeskApp> {
    let app = MediaDeskApp::new(Ok(store), NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
    let mut h = Harness::builder()
        .with_size(size)
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app);
    h.run();
    h
}

/// 设置 › 审查词表 on the gambling list (27 words), as the system administrator, in a window
/// of `size`.
fn words_page(size: [f32; 2]) -> (Harness<'static, MediaDeskApp>, Vec<String>) {
    let mut store = Store::open_in_memory().unwrap();
    store.create_first_admin("admin", "admin-2026").unwrap();
    let category = Category::ObscenityGamblingViolence;
    let words: Vec<String> = store
        .word_list(category)
        .unwrap()
        .0
        .entries
        .into_iter()
        .map(|e| e.word)
        .collect();
    let mut h = harness(store, size);
    h.get_by_role_and_label(Role::Button, text::NAV_SETTINGS)
        .click();
    h.run();
    // Below the calendar on the settings page: scrolled to first, as a person would.
    h.get_by_label(text::WORDS_TITLE).scroll_to_me();
    h.run();
    h.get_by_label(text::WORDS_TITLE).click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, text::WORDS_LIST)
        .click();
    h.run();
    h.get_by_label(&format!("{} {}", category.article(), category.label()))
        .click();
    h.run();
    (h, words)
}

/// How many of `words` are drawn (the list draws only the rows in view).
fn drawn(h: &Harness<'_, MediaDeskApp>, words: &[String]) -> usize {
    words
        .iter()
        .filter(|w| h.query_by_label(w.as_str()).is_some())
        .count()
}

#[test]
fn a_word_list_shows_many_words_scrolls_to_the_last_and_filters() {
    let (mut h, words) = words_page([1280.0, 800.0]);
    assert!(words.len() > 20, "{}", words.len());
    // The page scrolled down to the list: ten or so words at once, not two.
    h.get_by_label_contains("个词（").scroll_to_me();
    h.run();
    let first = drawn(&h, &words);
    assert!(first >= 8, "only {first} of {} words drawn", words.len());
    let last = words.last().unwrap();
    assert!(h.query_by_label(last.as_str()).is_none());
    // Scrolling over the list brings the last word into view.
    h.get_by_label(words[1].as_str()).hover();
    h.run();
    for _ in 0..10 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -200.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        h.run();
    }
    h.get_by_label(last.as_str());
    // The filter narrows the list to the words containing what is typed.
    h.get_by_role_and_label(Role::TextInput, text::WORDS_FILTER)
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, text::WORDS_FILTER)
        .type_text("彩");
    h.run();
    let with: Vec<&String> = words.iter().filter(|w| w.contains('彩')).collect();
    assert!(!with.is_empty());
    assert_eq!(drawn(&h, &words), with.len());
}

#[test]
fn the_audit_page_names_what_entries_are_about() {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo(mediadesk::today()).unwrap();
    store
        .sign_in("admin", mediadesk::store::DEMO_PASSWORD)
        .unwrap();
    let admin = store.session().unwrap().clone();
    let mut h = harness(store, [1600.0, 1000.0]);
    h.get_by_label("审计记录").click();
    h.run();
    // The newest entry is the administrator's sign-in: named, not `user:N`.
    let named = format!("账号「{}」", admin.label());
    assert!(
        h.query_all_by_label(&named).next().is_some(),
        "「{named}」 not shown"
    );
    for raw in ["user:", "post:", "platform:", "unit:", "person:"] {
        assert!(
            h.query_all_by_label_contains(raw).next().is_none(),
            "a raw 「{raw}」 is shown"
        );
    }
    assert!(
        h.query_all_by_label_contains("平台「").next().is_some()
            || h.query_all_by_label_contains("信息「").next().is_some()
    );
}

fn demo_as_admin(size: [f32; 2]) -> Harness<'static, MediaDeskApp> {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo(mediadesk::today()).unwrap();
    store
        .sign_in("admin", mediadesk::store::DEMO_PASSWORD)
        .unwrap();
    harness(store, size)
}

/// The centre of the node labelled `label` (a dialog's title is centred in its bar).
fn centre_x(h: &Harness<'_, MediaDeskApp>, label: &str) -> f32 {
    h.get_by_label(label).rect().center().x
}

#[test]
fn the_platform_dialog_stays_centred_and_still_while_messages_appear() {
    let size = [1280.0, 800.0];
    let mut h = demo_as_admin(size);
    h.get_by_role_and_label(Role::Button, "平台台账").click();
    h.run();
    h.get_by_label("＋ 新增平台").click();
    h.run();
    assert!((centre_x(&h, "新增平台") - size[0] / 2.0).abs() < 4.0);
    let title = h.get_by_label("新增平台").rect();
    let save = h.get_by_label("保存").rect();
    // Saving the empty form brings every message at once: the dialog does not move or grow.
    h.get_by_label("保存").click();
    h.run();
    h.get_by_label("还有内容需要修改，请看各项旁边的红色提示。");
    assert_eq!(title, h.get_by_label("新增平台").rect());
    assert_eq!(save, h.get_by_label("保存").rect());
}

#[test]
fn unit_and_person_forms_are_centred_and_speak_after_a_try() {
    let size = [1280.0, 800.0];
    let mut h = demo_as_admin(size);
    h.get_by_role_and_label(Role::Button, "单位与人员").click();
    h.run();
    h.get_by_label_contains("新增单位").click();
    h.run();
    assert!((centre_x(&h, "新增单位") - size[0] / 2.0).abs() < 4.0);
    // An empty new form says nothing until 保存.
    assert!(h.query_by_label_contains("必填，请输入单位名称").is_none());
    let field = h
        .get_by_role_and_label(Role::TextInput, "单位名称：")
        .rect();
    let window = h.get_by_label("新增单位").rect();
    let save = h.get_by_label("保存").rect();
    h.get_by_label("保存").click();
    h.run();
    assert_eq!(window, h.get_by_label("新增单位").rect());
    h.get_by_label_contains("必填，请输入单位名称");
    assert_eq!(save, h.get_by_label("保存").rect());
    assert_eq!(
        field,
        h.get_by_role_and_label(Role::TextInput, "单位名称：")
            .rect()
    );
    // Typing the name clears it at once.
    h.get_by_role_and_label(Role::TextInput, "单位名称：")
        .click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "单位名称：")
        .type_text("新闻学院");
    h.run();
    assert!(h.query_by_label_contains("必填，请输入单位名称").is_none());
}

#[test]
fn the_history_window_keeps_its_top_while_a_form_opens_in_it() {
    let size = [1280.0, 800.0];
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo(mediadesk::today()).unwrap();
    store
        .sign_in("zhengzihan", mediadesk::store::DEMO_PASSWORD)
        .unwrap();
    let mut h = harness(store, size);
    // A unit's people land on 待办: to 平台台账 first.
    h.get_by_role_and_label(Role::Button, "平台台账").click();
    h.run();
    h.get_by_label("电信极客").click();
    h.run();
    h.get_by_label("历史与报备…").click();
    h.run();
    let before = h.get_by_label("平台历史：电信极客").rect();
    assert!(before.min.x >= 0.0 && before.min.y >= 0.0, "{before:?}");
    // The close form makes the window longer: it grows downwards, its top stays.
    h.get_by_label("停止运营…").click();
    h.run();
    h.get_by_role_and_label(Role::TextInput, "停止运营原因：");
    let after = h.get_by_label("平台历史：电信极客").rect();
    assert_eq!(before.min, after.min);
}
