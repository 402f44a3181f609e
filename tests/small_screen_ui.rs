//! Issue 14 item 2: at 1024×640 (an office laptop at 125 %) and at 1366×768 no control of any
//! page is out of reach: every labelled button, field and box is on screen or scrolls into
//! view, and the controls a secretary needs every day are there.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use eframe::egui::accesskit::Role;
use eframe::egui::{Rect, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use mediadesk::store::{DEMO_PASSWORD, Store};
use mediadesk::ui::MediaDeskApp;

const SIZES: [[f32; 2]; 2] = [[1024.0, 640.0], [1366.0, 768.0]];

fn harness(login: &str, size: [f32; 2]) -> Harness<'static, MediaDeskApp> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    store.load_demo(today).unwrap();
    store.sign_in(login, DEMO_PASSWORD).unwrap();
    let app = MediaDeskApp::new(Ok(store), today);
    let mut h = Harness::builder()
        .with_size(size)
        .with_context_setup(MediaDeskApp::setup)
        .build_ui_state(|ui, app: &mut MediaDeskApp| app.ui(ui), app);
    h.run();
    h
}

fn bounds(n: &egui_kittest::Node<'_>) -> Option<Rect> {
    let b = n.accesskit_node().bounding_box()?;
    Some(Rect::from_min_max(
        pos2(b.x0 as f32, b.y0 as f32),
        pos2(b.x1 as f32, b.y1 as f32),
    ))
}

fn on_screen(r: Rect, size: [f32; 2]) -> bool {
    r.min.x >= -0.5 && r.min.y >= -0.5 && r.max.x <= size[0] + 0.5 && r.max.y <= size[1] + 0.5
}

const CONTROLS: [Role; 7] = [
    Role::Button,
    Role::TextInput,
    Role::MultilineTextInput,
    Role::PasswordInput,
    Role::ComboBox,
    Role::CheckBox,
    Role::DisclosureTriangle,
];

/// Every labelled control of the page that is off screen and does not scroll into view.
fn unreachable(h: &mut Harness<'_, MediaDeskApp>, size: [f32; 2]) -> Vec<String> {
    let mut off: Vec<String> = h
        .query_all_by(|n| CONTROLS.contains(&n.role()))
        .filter(|n| bounds(n).is_some_and(|r| !on_screen(r, size)))
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| !l.is_empty())
        .collect();
    off.dedup();
    let mut lost = Vec::new();
    for label in off {
        if let Some(n) = h.query_all_by_label(&label).next() {
            n.scroll_to_me();
        }
        h.run();
        let reached = h
            .query_all_by_label(&label)
            .next()
            .and_then(|n| bounds(&n))
            .is_some_and(|r| on_screen(r, size));
        if !reached {
            lost.push(label);
        }
    }
    lost
}

fn go_to(h: &mut Harness<'_, MediaDeskApp>, page: &str) {
    let nav = h
        .query_all_by_role(Role::Button)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with(page))
        })
        .unwrap_or_else(|| panic!("no page {page}"));
    nav.click();
    h.run();
}

/// The key control is there and reachable on this page.
fn reachable(h: &mut Harness<'_, MediaDeskApp>, label: &str, size: [f32; 2]) {
    let node = h
        .get_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("no {label}"));
    node.scroll_to_me();
    h.run();
    let r = bounds(&h.get_all_by_label(label).next().unwrap()).unwrap();
    assert!(on_screen(r, size), "{label} at {r:?} in {size:?}");
}

#[test]
fn every_page_keeps_every_control_within_reach() {
    for size in SIZES {
        for (login, pages) in [
            (
                "admin",
                &[
                    "督查",
                    "平台台账",
                    "备案",
                    "信息发布",
                    "单位",
                    "审计记录",
                    "账号",
                    "设置",
                ][..],
            ),
            ("wangjianguo", &["待办", "平台台账", "备案", "信息发布"][..]),
            ("lijun", &["待办", "平台台账", "备案", "信息发布"][..]),
            ("liuxiaoyan", &["待办", "平台台账", "备案", "信息发布"][..]),
        ] {
            let mut h = harness(login, size);
            for page in pages {
                go_to(&mut h, page);
                let lost = unreachable(&mut h, size);
                assert!(lost.is_empty(), "{login} {page} {size:?}: {lost:?}");
            }
        }
    }
}

#[test]
fn the_daily_controls_are_on_a_small_screen() {
    let size = SIZES[0];
    let mut h = harness("wangjianguo", size);
    go_to(&mut h, "平台台账");
    for label in ["备案期限", "备案进度", "最近更新", "导出 Excel"] {
        reachable(&mut h, label, size);
    }
    go_to(&mut h, "备案");
    reachable(&mut h, "附加…", size);

    let mut h = harness("admin", size);
    go_to(&mut h, "督查");
    let buttons = h.get_all_by_label("查看平台").count();
    assert!(buttons > 3);
    for n in h.get_all_by_label("查看平台") {
        let r = bounds(&n).unwrap();
        assert!(r.max.x <= size[0], "查看平台 at {r:?}");
    }

    let mut h = harness("zhangzhe", size);
    go_to(&mut h, "信息发布");
    h.get_by_label("新建信息").click();
    h.run();
    // The side column starts folded at 1024 px, and the step's buttons sit at the foot of
    // the page without scrolling.
    h.get_by_label("« 审查、附件与经过");
    for label in ["保存草稿", "编辑初审完成，提交审核"] {
        let r = h.get_by_label(label).rect();
        assert!(on_screen(r, size), "{label} at {r:?}");
    }
    assert!(unreachable(&mut h, size).is_empty());
    h.get_by_label("« 审查、附件与经过").click();
    h.run();
    h.get_by_label("收起右栏 »");
    assert!(unreachable(&mut h, size).is_empty());
}

#[test]
fn a_platform_s_history_fits_a_small_screen() {
    let size = SIZES[0];
    let mut h = harness("wangjianguo", size);
    go_to(&mut h, "平台台账");
    h.get_by_label("西亚斯商学院").click();
    h.run();
    h.get_by_label("历史与报备…").click();
    h.run();
    let lost = unreachable(&mut h, size);
    assert!(lost.is_empty(), "{lost:?}");
}
