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
