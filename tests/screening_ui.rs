#![allow(clippy::unwrap_used)]
//! The screened editor and the words editor, driven like a person would (egui_kittest).

use chrono::NaiveDate;
use eframe::egui::{self, accesskit::Role, text_edit::TextEditState};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use mediadesk::domain::screening::{Category, PersonalDataSettings, Rule, Screener, Severity};
use mediadesk::store::Store;
use mediadesk::text;
use mediadesk::ui::MediaDeskApp;
use mediadesk::ui::screened_editor::ScreenedEditor;

const ID: &str = "11010519491231002X";
const MASKED_ID: &str = "1101**********002X";

struct Post {
    editor: ScreenedEditor,
    text: String,
    screener: Screener,
    editable: bool,
}

/// A post editor like the lead's: findings on the right, the text in the middle.
fn post_harness(text: &str, editable: bool) -> Harness<'static, Post> {
    let post = Post {
        editor: ScreenedEditor::new("test_post"),
        text: text.to_owned(),
        screener: Screener::seeded(&PersonalDataSettings::default()).unwrap(),
        editable,
    };
    Harness::builder()
        .with_size([1100.0, 700.0])
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(
            |ui, post: &mut Post| {
                post.editor.refresh(&post.screener, &post.text);
                // The text on the left, the findings beside it. (A `Panel::right` next to a
                // `CentralPanel` inside a `Ui` overlaps it in egui 0.37, so the left panel
                // holds the text.)
                egui::Panel::left("text")
                    .resizable(false)
                    .exact_size(640.0)
                    .show(ui, |ui| {
                        post.editor.editor_ui(ui, &mut post.text, post.editable);
                    });
                egui::CentralPanel::default_margins().show(ui, |ui| {
                    post.editor.findings_ui(ui, &mut post.text);
                });
            },
            post,
        )
}

fn row_of(post: &Post, rule: &Rule) -> (String, usize, usize) {
    let f = post
        .editor
        .report()
        .findings
        .iter()
        .find(|f| &f.rule == rule)
        .unwrap();
    let shown = if rule.is_personal_data() {
        MASKED_ID.to_owned()
    } else {
        f.matched.clone()
    };
    (
        text::screen_finding_row(&shown, &rule.label(), f.severity.label()),
        f.start,
        f.end,
    )
}

fn selection(h: &Harness<'_, Post>) -> Option<(usize, usize)> {
    let id = h.state().editor.text_edit_id();
    let state = TextEditState::load(&h.ctx, id)?;
    let range = state.cursor.char_range()?.as_sorted_char_range();
    Some((range.start.0, range.end.0))
}

#[test]
fn findings_are_listed_by_category_and_a_click_selects_them() {
    let mut h = post_harness(
        &format!("通知：关于网上赌博的处理，当事人张三身份证{ID}，请知悉。"),
        true,
    );
    h.run();
    assert!(h.state().editor.blocks());
    h.get_by_label(&text::screen_summary(2, 0, 0));
    for (category, count) in [
        (Category::ObscenityGamblingViolence, 1),
        (Category::PersonalData, 1),
    ] {
        h.get_by_label(&text::screen_category_header(
            category.label(),
            &category.article(),
            count,
        ));
    }
    // The panel never shows the full ID number.
    assert!(h.query_by_label_contains(ID).is_none());
    let (id_row, start, end) = row_of(h.state(), &Rule::ResidentId);
    assert_eq!(end - start, 18);
    h.get_by_label(&id_row).click();
    h.run();
    assert_eq!(selection(&h), Some((start, end)));
    let id = h.state().editor.text_edit_id();
    assert!(h.ctx.memory(|m| m.has_focus(id)), "the editor has focus");
    let (word_row, start, end) = row_of(h.state(), &Rule::Word("赌博".into()));
    h.get_by_label(&word_row).click();
    h.run();
    assert_eq!(selection(&h), Some((start, end)));
    let selected: String = h
        .state()
        .text
        .chars()
        .skip(start)
        .take(end - start)
        .collect();
    assert_eq!(selected, "赌博");
}

#[test]
fn mask_button_rewrites_the_text_and_screening_follows_typing() {
    let mut h = post_harness(&format!("身份证{ID}，网上赌博。"), true);
    h.run();
    let screened = h.state().editor.generation();
    h.run();
    h.run();
    assert_eq!(
        h.state().editor.generation(),
        screened,
        "no rescreen without a change"
    );
    h.get_by_label(text::SCREEN_MASK).click();
    h.run();
    assert_eq!(h.state().text, format!("身份证{MASKED_ID}，网上赌博。"));
    assert!(!h.state().editor.report().has_personal_data());
    assert!(h.query_by_label(text::SCREEN_MASK).is_none());
    assert!(h.state().editor.generation() > screened);

    let input = h.get_by_role_and_label(Role::MultilineTextInput, text::SCREEN_BODY);
    input.click();
    h.run();
    h.get_by_role_and_label(Role::MultilineTextInput, text::SCREEN_BODY)
        .type_text("六合彩");
    h.run();
    assert!(h.state().text.contains("六合彩"), "{}", h.state().text);
    let report = h.state().editor.report();
    assert!(
        report.findings.iter().any(|f| f.matched == "六合彩"),
        "{:?}",
        report.findings
    );
    h.get_by_label(&text::screen_category_header(
        Category::ObscenityGamblingViolence.label(),
        &Category::ObscenityGamblingViolence.article(),
        2,
    ));
}

#[test]
fn read_only_editor_still_jumps_but_ignores_typing() {
    let original = format!("请联系 13812345678 或身份证{ID}");
    let mut h = post_harness(&original, false);
    h.run();
    let (row, start, end) = row_of(h.state(), &Rule::ResidentId);
    h.get_by_label(&row).click();
    h.run();
    assert_eq!(selection(&h), Some((start, end)));
    h.get_by_role_and_label(Role::MultilineTextInput, text::SCREEN_BODY)
        .type_text("改动");
    h.run();
    assert_eq!(h.state().text, original);
}

#[test]
fn links_are_summarised_with_their_warnings() {
    let mut h = post_harness("详见 http://bit.ly/abc 和 https://www.sias.edu.cn/", true);
    h.run();
    h.get_by_label(&text::screen_summary(0, 2, 2));
    h.get_by_label(&text::screen_link_warning(1, 1).unwrap());
}

/// The whole window on 设置 › 审查词表, signed in as the system administrator (the word lists
/// are theirs), so the edits go through the app's actions to the store.
fn words_harness() -> Harness<'static, MediaDeskApp> {
    let mut store = Store::open_in_memory().unwrap();
    store.create_first_admin("admin", "admin-2026").unwrap();
    let app = MediaDeskApp::new(Ok(store), NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
    let mut h = Harness::builder()
        .with_size([1280.0, 2400.0])
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app);
    h.run();
    h.get_by_role_and_label(Role::Button, text::NAV_SETTINGS)
        .click();
    h.run();
    h.get_by_label(text::WORDS_TITLE).click();
    h.run();
    h
}

fn store<'a>(h: &'a Harness<'_, MediaDeskApp>) -> &'a Store {
    h.state().workspace().unwrap().store()
}

/// The text is shown somewhere (on the page and perhaps again under the navigation).
fn shows(h: &Harness<'_, MediaDeskApp>, label: &str) {
    assert!(
        h.query_all_by_label(label).next().is_some(),
        "「{label}」 is not shown"
    );
}

fn shows_containing(h: &Harness<'_, MediaDeskApp>, label: &str) {
    assert!(
        h.query_all_by_label_contains(label).next().is_some(),
        "nothing containing 「{label}」 is shown"
    );
}

fn type_into(h: &mut Harness<'_, MediaDeskApp>, role: Role, label: &str, value: &str) {
    h.get_by_role_and_label(role, label).click();
    h.run();
    h.get_by_role_and_label(role, label).type_text(value);
    h.run();
}

fn choose_gambling_list(h: &mut Harness<'_, MediaDeskApp>) {
    h.get_by_role_and_label(Role::ComboBox, text::WORDS_LIST)
        .click();
    h.run();
    let category = Category::ObscenityGamblingViolence;
    h.get_by_label(&format!("{} {}", category.article(), category.label()))
        .click();
    h.run();
}

#[test]
fn adding_a_word_saves_a_new_version() {
    let mut h = words_harness();
    choose_gambling_list(&mut h);
    h.get_by_label("六合彩");
    type_into(&mut h, Role::TextInput, text::WORDS_NEW, "赌球");
    // Without a reason nothing is saved, and the word stays typed.
    h.get_by_label(text::WORDS_ADD).click();
    h.run();
    shows(&h, text::WORDS_REASON_MISSING);
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, text::WORDS_NEW)
            .value()
            .as_deref(),
        Some("赌球")
    );
    type_into(
        &mut h,
        Role::TextInput,
        text::WORDS_REASON,
        "宣传部通知新增",
    );
    h.get_by_label(text::WORDS_ADD).click();
    h.run();
    shows(&h, &text::words_added("赌球"));
    // Appended at the end of a long list: found with 查找.
    h.get_by_role_and_label(Role::TextInput, text::WORDS_FILTER)
        .set_text_value_accesskit("赌球");
    h.run();
    h.get_by_role_and_label(Role::Label, "赌球");
    let store = store(&h);
    let (list, version) = store
        .word_list(Category::ObscenityGamblingViolence)
        .unwrap();
    assert_eq!(version, 1);
    assert!(list.contains("赌球"));
    let versions = store
        .word_list_versions(Category::ObscenityGamblingViolence.code())
        .unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(versions[0].2, "添加「赌球」：宣传部通知新增");
    // The configured screener now blocks the new word.
    let report = store.configured_screener().unwrap().screen("周末一起赌球");
    assert!(report.blocks());
    // The version list shows who, when and why.
    h.get_by_label(text::WORDS_VERSIONS).click();
    h.run();
    h.get_by_label_contains("添加「赌球」：宣传部通知新增");
}

#[test]
fn a_bad_word_is_refused_and_stays_typed() {
    let mut h = words_harness();
    type_into(&mut h, Role::TextInput, text::WORDS_REASON, "测试");
    type_into(&mut h, Role::TextInput, text::WORDS_NEW, "！！");
    h.get_by_label(text::WORDS_ADD).click();
    h.run();
    shows(
        &h,
        &text::words_invalid("！！", "只有空格、标点或符号，无法匹配"),
    );
    assert_eq!(
        h.get_by_role_and_label(Role::TextInput, text::WORDS_NEW)
            .value()
            .as_deref(),
        Some("！！")
    );
    let versions = store(&h)
        .word_list_versions(Category::IllegalHarmingNation.code())
        .unwrap();
    assert!(versions.is_empty());
}

#[test]
fn import_and_export_go_through_files() {
    let dir = tempfile::tempdir().unwrap();
    let import = dir.path().join("new.txt");
    std::fs::write(&import, "# 新增\n赌球\n赌马 | warn\n!\n").unwrap();
    let mut h = words_harness();
    choose_gambling_list(&mut h);
    type_into(&mut h, Role::TextInput, text::WORDS_REASON, "批量导入");
    type_into(
        &mut h,
        Role::TextInput,
        text::WORDS_FILE,
        &import.display().to_string(),
    );
    h.get_by_label(text::WORDS_IMPORT).click();
    h.run();
    shows(&h, &text::words_imported(2, 0, 1));
    shows_containing(&h, "第 4 行");
    let (list, version) = store(&h)
        .word_list(Category::ObscenityGamblingViolence)
        .unwrap();
    assert_eq!(version, 1);
    assert!(list.contains("赌马"));

    let export = dir.path().join("out.txt");
    h.get_by_role_and_label(Role::TextInput, text::WORDS_FILE)
        .set_text_value_accesskit(&export.display().to_string());
    h.run();
    h.get_by_label(text::WORDS_EXPORT).click();
    h.run();
    let written = std::fs::read_to_string(&export).unwrap();
    assert!(written.contains("赌马 | warn"), "{written}");
}

#[test]
fn patterns_are_validated_before_saving() {
    let mut h = words_harness();
    type_into(
        &mut h,
        Role::MultilineTextInput,
        text::WORDS_STUDENT_PATTERNS,
        r"20\d{8",
    );
    h.get_by_label(text::WORDS_SAVE_PATTERNS).click();
    h.run();
    shows_containing(&h, "不是有效的正则表达式");
    assert_eq!(
        store(&h).settings().unwrap().personal_data,
        PersonalDataSettings::default()
    );
    h.get_by_role_and_label(Role::MultilineTextInput, text::WORDS_STUDENT_PATTERNS)
        .set_text_value_accesskit(r"20\d{8}");
    h.run();
    h.get_by_label(text::WORDS_SAVE_PATTERNS).click();
    h.run();
    assert!(
        h.query_all_by_label_contains("不是有效的正则表达式")
            .next()
            .is_none()
    );
    let store = store(&h);
    assert_eq!(
        store
            .settings()
            .unwrap()
            .personal_data
            .student_number_patterns,
        vec![r"20\d{8}".to_owned()]
    );
    let report = store
        .configured_screener()
        .unwrap()
        .screen("学号2021123456");
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.rule == Rule::StudentNumber)
    );
}

#[test]
fn the_words_editor_is_in_the_settings_page() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .load_demo(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap())
        .unwrap();
    store
        .sign_in("admin", mediadesk::store::DEMO_PASSWORD)
        .unwrap();
    let app = MediaDeskApp::new(Ok(store), NaiveDate::from_ymd_opt(2026, 11, 26).unwrap());
    let mut h = Harness::builder()
        .with_size([1280.0, 900.0])
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app);
    h.run();
    h.get_by_role_and_label(Role::Button, text::NAV_SETTINGS)
        .click();
    h.run();
    h.get_by_label(text::WORDS_TITLE).click();
    h.run();
    h.get_by_role_and_label(Role::ComboBox, text::WORDS_LIST);
    h.get_by_role_and_label(Role::MultilineTextInput, text::WORDS_STUDENT_PATTERNS);
}

/// Issue 14 item 9: an ID-shaped number with a wrong check character is a 提醒, listed as
/// 「疑似身份证号（校验位不符）」, and 一键脱敏 masks it like an ID.
#[test]
fn a_near_id_is_a_reminder_and_is_masked_too() {
    // The right check character of ID is X; any other makes it a near-ID.
    let near = format!("{}3", &ID[..17]);
    let mut h = post_harness(&format!("学生编号{near}。"), true);
    h.run();
    let report = h.state().editor.report().clone();
    assert!(!report.blocks(), "a reminder, not a block: {report:?}");
    assert_eq!(report.count(Severity::Warn), 1, "{report:?}");
    h.get_by_label_contains("疑似身份证号（校验位不符）");
    h.get_by_label(text::SCREEN_MASK).click();
    h.run();
    assert_eq!(h.state().text, "学生编号1101**********0023。");
}
