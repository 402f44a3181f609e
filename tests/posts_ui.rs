//! The three steps in the window, as three people at one shared computer would do them: the
//! information officer drafts and submits, the reviewer approves with a comment (a return
//! without one is refused), the administrator publishes; and screening that blocks submission
//! until a reviewer lets it through.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use mediadesk::domain::workflow::PostState;
use mediadesk::store::{DEMO_PASSWORD, PostFilter, Store};
use mediadesk::ui::MediaDeskApp;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn harness(login: &str) -> Harness<'static, MediaDeskApp> {
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo(today()).unwrap();
    store.sign_in(login, DEMO_PASSWORD).unwrap();
    let app = MediaDeskApp::new(Ok(store), today());
    let mut h = Harness::builder()
        .with_size([1400.0, 1000.0])
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app);
    h.run();
    to_posts(&mut h);
    h
}

/// From 待办 (the first page after signing in) to 信息发布 through the navigation.
fn to_posts(h: &mut Harness<'_, MediaDeskApp>) {
    h.get(By::new().role(Role::Button).label_contains("信息发布"))
        .click();
    h.run();
}

fn store<'a>(h: &'a Harness<'_, MediaDeskApp>) -> &'a Store {
    h.state().workspace().unwrap().store()
}

fn type_in(h: &mut Harness<'_, MediaDeskApp>, role: Role, label: &str, text: &str) {
    h.get_by_role_and_label(role, label).click();
    h.run();
    h.get_by_role_and_label(role, label).type_text(text);
    h.run();
}

fn click(h: &mut Harness<'_, MediaDeskApp>, label: &str) {
    h.get_by_role_and_label(Role::Button, label).click();
    h.run();
}

/// 切换用户, then sign in as `login` through the sign-in page.
fn switch_to(h: &mut Harness<'_, MediaDeskApp>, login: &str) {
    click(h, "切换用户");
    h.get_by_label_contains(&format!("{login}　")).click();
    h.run();
    type_in(h, Role::PasswordInput, "密码：", DEMO_PASSWORD);
    click(h, "登录");
    assert_eq!(store(h).session().unwrap().login, login);
    to_posts(h);
}

fn open_post(h: &mut Harness<'_, MediaDeskApp>, title: &str) {
    h.get_by_label(title).click();
    h.run();
    assert!(h.state().workspace().unwrap().post_view().is_some());
}

fn state_of(h: &Harness<'_, MediaDeskApp>, title: &str) -> PostState {
    store(h)
        .posts(&PostFilter {
            title_contains: title.into(),
            ..Default::default()
        })
        .unwrap()[0]
        .state
}

#[test]
fn three_people_take_a_post_through_the_window() {
    let title = "商学院举办职业生涯规划讲座";
    let mut h = harness("zhangzhe");
    // The information officer starts on 待我修改 and drafts a new post.
    h.get_by_label_contains("待我修改（");
    click(&mut h, "新建信息");
    type_in(&mut h, Role::TextInput, "标题：", title);
    type_in(&mut h, Role::TextInput, "作者或提供者：", "学生会 王同学");
    type_in(
        &mut h,
        Role::MultilineTextInput,
        "正文",
        "讲座邀请企业人力资源总监与同学们交流。",
    );
    click(&mut h, "编辑初审完成，提交审核");
    assert_eq!(state_of(&h, title), PostState::Submitted);

    // The reviewer finds it in 待我审核; a return without a comment is refused.
    switch_to(&mut h, "liuxiaoyan");
    h.get_by_label_contains("待我审核（2）");
    open_post(&mut h, title);
    click(&mut h, "退回");
    h.get_by_label_contains("退回时请填写退回意见");
    assert_eq!(state_of(&h, title), PostState::Submitted);
    type_in(
        &mut h,
        Role::MultilineTextInput,
        "审核意见（退回时必填）：",
        "内容属实，同意发布。",
    );
    click(&mut h, "审核通过");
    assert_eq!(state_of(&h, title), PostState::Approved);

    // The administrator publishes with the link.
    switch_to(&mut h, "lijun");
    open_post(&mut h, title);
    type_in(
        &mut h,
        Role::TextInput,
        "发布链接：",
        "https://mp.weixin.qq.com/s/career-talk",
    );
    click(&mut h, "确认发布");
    assert_eq!(state_of(&h, title), PostState::Published);
    let id = store(&h)
        .posts(&PostFilter {
            title_contains: title.into(),
            ..Default::default()
        })
        .unwrap()[0]
        .id;
    let history = store(&h).post_history(id).unwrap();
    let steps: Vec<(&str, &str)> = history
        .iter()
        .map(|e| (e.actor.as_str(), e.action.as_str()))
        .collect();
    assert_eq!(
        steps,
        [
            ("张喆（zhangzhe）", "create"),
            ("张喆（zhangzhe）", "submit"),
            ("刘晓燕（liuxiaoyan）", "approve"),
            ("李珺（lijun）", "publish"),
        ]
    );
    assert_eq!(history[2].comment, "内容属实，同意发布。");
    // The page shows the whole history.
    h.get_by_label_contains("李珺（lijun） 发布");
}

#[test]
fn a_blocked_draft_waits_for_a_reviewer_to_let_it_through() {
    let title = "2026年度国家奖学金获奖学生名单公示";
    let mut h = harness("zhangzhe");
    open_post(&mut h, title);
    // The ID number blocks submission: the button is disabled and says why.
    h.get_by_label_contains("拦截 1 处");
    h.get_by_label_contains("修改后才能提交");
    assert!(
        h.get_by_role_and_label(Role::Button, "编辑初审完成，提交审核")
            .accesskit_node()
            .is_disabled()
    );

    switch_to(&mut h, "liuxiaoyan");
    click(&mut h, "全部信息");
    open_post(&mut h, title);
    click(&mut h, "审核人放行");
    h.get_by_label_contains("请写明放行理由");
    type_in(
        &mut h,
        Role::MultilineTextInput,
        "放行理由：",
        "经核实为样例号码，不是真实身份证号",
    );
    click(&mut h, "审核人放行");
    h.get_by_label_contains("刘晓燕 已放行");

    switch_to(&mut h, "zhangzhe");
    open_post(&mut h, title);
    click(&mut h, "编辑初审完成，提交审核");
    assert_eq!(state_of(&h, title), PostState::Submitted);
}

#[test]
fn the_audit_page_shows_the_timeline_and_verifies_the_chain() {
    let mut h = harness("admin");
    click(&mut h, "审计记录");
    assert!(h.state().workspace().unwrap().audit().entries().len() > 40);
    h.get_by_label("登录");
    click(&mut h, "校验审计记录");
    h.get_by_label_contains("审计记录完整");
}

#[test]
fn settings_are_kept_by_the_system_administrator() {
    let mut h = harness("zhangzhe");
    click(&mut h, "设置");
    h.get_by_label_contains("由系统管理员维护");
    let mut h = harness("admin");
    click(&mut h, "设置");
    assert!(h.query_by_label_contains("由系统管理员维护").is_none());
}

#[test]
fn bad_input_is_explained_and_the_typing_kept() {
    let mut h = harness("zhangzhe");
    click(&mut h, "新建信息");
    type_in(&mut h, Role::TextInput, "计划发布时间：", "明天上午");
    click(&mut h, "保存草稿");
    h.get_by_label_contains("不是有效的时间");
    type_in(
        &mut h,
        Role::MultilineTextInput,
        "正文",
        "先写正文，标题还没想好。",
    );
    h.get_by_role_and_label(Role::TextInput, "计划发布时间：")
        .click();
    h.run();
    for _ in 0.."明天上午".chars().count() {
        h.key_press(eframe::egui::Key::Backspace);
    }
    h.run();
    click(&mut h, "保存草稿");
    h.get_by_label_contains("必填，请输入信息标题");
    let view = h.state().workspace().unwrap().post_view().unwrap();
    assert_eq!(view.form.body, "先写正文，标题还没想好。");
    assert!(view.id().is_none(), "nothing saved");

    // Someone else changes the post while it is open: the save is refused, the typing kept.
    let title = "2026年度国家奖学金获奖学生名单公示";
    click(&mut h, "← 返回列表");
    // Unsaved typing is not dropped silently.
    h.get_by_label_contains("尚未保存的修改");
    assert!(h.state().workspace().unwrap().post_view().is_some());
    click(&mut h, "放弃修改");
    open_post(&mut h, title);
    type_in(&mut h, Role::TextInput, "栏目：", "（新）");
    {
        let store = h.state_mut().workspace_mut().unwrap().store_mut();
        let id = store
            .posts(&PostFilter {
                title_contains: title.into(),
                ..Default::default()
            })
            .unwrap()[0]
            .id;
        let mut post = store.post(id).unwrap();
        post.draft.body.push_str("（另一窗口的修改）");
        store.edit_post(id, post.version, &post.draft).unwrap();
    }
    click(&mut h, "保存草稿");
    h.get_by_label_contains("已被修改");
    let view = h.state().workspace().unwrap().post_view().unwrap();
    assert!(view.form.column.ends_with("（新）"));
}

#[test]
fn attachments_and_the_approval_slip_from_the_post_page() {
    let dir = tempfile::tempdir().unwrap();
    let photo = dir.path().join("海报.png");
    {
        let file = std::fs::File::create(&photo).unwrap();
        let mut encoder = png::Encoder::new(file, 1, 1);
        encoder.set_color(png::ColorType::Rgb);
        encoder
            .write_header()
            .unwrap()
            .write_image_data(&[0, 128, 255])
            .unwrap();
    }
    let slip = dir.path().join("审核单.pdf");
    let opened = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let mut h = harness("zhangzhe");
    {
        let (photo, slip, log) = (photo.clone(), slip.clone(), opened.clone());
        h.state_mut()
            .workspace_mut()
            .unwrap()
            .set_hooks(mediadesk::ui::Hooks {
                save_path: Box::new(move |_| Some(slip.clone())),
                pick_scan: Box::new(|| None),
                open_file: Box::new(move |p| {
                    log.borrow_mut().push(p.to_path_buf());
                    Ok(())
                }),
                pick_attachment: Box::new(move || Some(photo.clone())),
                save_backup: Box::new(|_| None),
                ..Default::default()
            });
    }
    let title = "关于2027届毕业生图像信息采集工作的通知";
    open_post(&mut h, title);
    click(&mut h, "添加附件");
    h.get_by_label("海报.png");
    let post = h.state().workspace().unwrap().post_view().unwrap();
    assert_eq!(post.attachments.len(), 1);
    assert_eq!(post.attachments[0].sha256.len(), 64);
    click(&mut h, "打印审核单");
    let doc = lopdf::Document::load(&slip).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    assert!(text.contains("海报.png"), "{text}");
    // Returned to its author: the next round's steps are blank for the pen.
    assert!(text.contains("状态：退回"), "{text}");
    assert!(!text.contains("王建国"), "{text}");
    assert_eq!(opened.borrow().as_slice(), std::slice::from_ref(&slip));
}

#[test]
fn the_system_administrator_adds_an_account() {
    let mut h = harness("admin");
    click(&mut h, "账号");
    // Every demo person has an account already (one each): this one is a second
    // system administrator, tied to no person.
    h.get_by_label("系统管理员（管理设置和账号）").click();
    h.run();
    type_in(&mut h, Role::TextInput, "登录名：", "yang.my");
    type_in(&mut h, Role::PasswordInput, "初始密码：", "short");
    type_in(&mut h, Role::PasswordInput, "再输一次：", "short");
    click(&mut h, "添加账号");
    h.get_by_label_contains("至少需要 8 个字符");
    assert!(store(&h).user_id("yang.my").unwrap().is_none());
    // The login and passwords stay typed; lengthening the passwords fixes it.
    type_in(&mut h, Role::PasswordInput, "初始密码：", "-wenchuan");
    type_in(&mut h, Role::PasswordInput, "再输一次：", "-wenchuan");
    click(&mut h, "添加账号");
    h.get_by_label_contains("已添加账号「yang.my」");
    assert!(store(&h).user_id("yang.my").unwrap().is_some());
}

#[test]
fn units_are_saved_through_the_app_and_a_clash_keeps_the_form() {
    let mut h = harness("admin");
    click(&mut h, "单位与人员");
    click(&mut h, "＋ 新增单位");
    type_in(&mut h, Role::TextInput, "单位名称：", "商学院");
    click(&mut h, "保存");
    h.get_by_label_contains("已有名为「商学院」的单位");
    // The form stays open with the typing; a new name saves it.
    type_in(&mut h, Role::TextInput, "单位名称：", "（继续教育）");
    click(&mut h, "保存");
    assert!(
        store(&h)
            .units()
            .unwrap()
            .iter()
            .any(|u| u.name == "商学院（继续教育）")
    );
    assert!(
        h.query_by_role_and_label(Role::TextInput, "单位名称：")
            .is_none()
    );
    let added = store(&h)
        .audit_entries(&mediadesk::store::AuditFilter {
            object_prefix: Some("unit:".into()),
            limit: 1,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(added[0].action, "unit_add");
}

#[test]
fn settings_and_platform_kinds_are_saved_through_the_app() {
    let mut h = harness("admin");
    click(&mut h, "设置");
    type_in(&mut h, Role::TextInput, "新增平台：", "知乎");
    click(&mut h, "添加");
    assert!(
        store(&h)
            .platform_kinds()
            .unwrap()
            .iter()
            .any(|k| k.name == "知乎")
    );
    // An empty school name is refused and the page keeps what was typed.
    h.get_by_role_and_label(Role::TextInput, "学校名称：")
        .click();
    h.run();
    for _ in 0.."郑州西亚斯学院".chars().count() {
        h.key_press(eframe::egui::Key::Backspace);
    }
    h.run();
    click(&mut h, "保存设置");
    h.get_by_label_contains("学校名称不能为空");
    assert_eq!(store(&h).settings().unwrap().school_name, "郑州西亚斯学院");
    type_in(&mut h, Role::TextInput, "学校名称：", "西亚斯学院");
    click(&mut h, "保存设置");
    assert_eq!(store(&h).settings().unwrap().school_name, "西亚斯学院");
    let last = store(&h)
        .audit_entries(&mediadesk::store::AuditFilter {
            object_prefix: Some("settings".into()),
            limit: 1,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(last[0].action, "settings_save");
}

#[test]
fn an_author_deletes_a_fresh_draft_after_confirming() {
    let title = "写错了要删掉的草稿";
    let mut h = harness("zhangzhe");
    click(&mut h, "新建信息");
    // Nothing saved yet: nothing to delete.
    assert!(h.query_by_label("删除草稿").is_none());
    type_in(&mut h, Role::TextInput, "标题：", title);
    type_in(&mut h, Role::TextInput, "作者或提供者：", "学生会 王同学");
    type_in(&mut h, Role::MultilineTextInput, "正文", "正文。");
    click(&mut h, "保存草稿");
    // Asked first; 不删除 keeps it.
    click(&mut h, "删除草稿");
    click(&mut h, "不删除");
    assert_eq!(state_of(&h, title), PostState::Draft);
    click(&mut h, "删除草稿");
    click(&mut h, "确定删除");
    assert!(h.state().workspace().unwrap().post_view().is_none());
    assert!(
        store(&h)
            .posts(&PostFilter {
                title_contains: title.into(),
                ..Default::default()
            })
            .unwrap()
            .is_empty()
    );
    h.get_by_label_contains("已删除草稿");
}
