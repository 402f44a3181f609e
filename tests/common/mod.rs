//! Shared helpers of the integration tests: a database with its accounts, signed in as the
//! person whose step a test takes (every write needs someone with the right, as in real use).
#![allow(clippy::unwrap_used, dead_code)]

use mediadesk::domain::unit::{PersonDraft, Role, UnitDraft};
use mediadesk::store::{NewUser, Store};

/// The password of every account these helpers make.
pub const PASSWORD: &str = "test-pass-2026";

pub mod backends;
pub mod cli;
pub use backends::fresh_store;

/// A new database with its system administrator `admin` signed in.
pub fn admin_store() -> Store {
    let mut s = fresh_store();
    s.create_first_admin("admin", PASSWORD).unwrap();
    s
}

/// Signs in as `login` (an account made by these helpers).
pub fn sign_in(s: &mut Store, login: &str) {
    s.sign_out().unwrap();
    s.sign_in(login, PASSWORD).unwrap();
}

/// Adds an account for a person (as the system administrator, who stays signed in).
pub fn add_account(s: &mut Store, login: &str, person: Option<i64>, school: bool) -> i64 {
    s.add_user(&NewUser {
        login: login.into(),
        display_name: if person.is_none() {
            login.into()
        } else {
            String::new()
        },
        person_id: person,
        is_system_admin: false,
        is_school_supervisor: school,
        password: PASSWORD.into(),
        password_again: PASSWORD.into(),
    })
    .unwrap()
}

/// A person of `unit` with `roles` and an account `login` (made by the system administrator).
pub fn add_person(s: &mut Store, unit: i64, name: &str, roles: &[Role], login: &str) -> i64 {
    let person = s
        .add_person(&PersonDraft {
            unit_id: unit,
            name: name.into(),
            mobile: "13800000000".into(),
            roles: roles.to_vec(),
        })
        .unwrap();
    add_account(s, login, Some(person), false);
    person
}

/// 商学院 with its head and administrator 王建国 (`wangjianguo`), signed in as him; the system
/// administrator `admin` and the school's supervisor `xuanchuan` exist too.
pub fn unit_store() -> (Store, i64) {
    let mut s = admin_store();
    let unit = s
        .add_unit(&UnitDraft {
            name: "商学院".into(),
            party_branch: "商学院党总支".into(),
            head: "王建国".into(),
            secretary: "刘晓燕".into(),
        })
        .unwrap();
    add_person(
        &mut s,
        unit,
        "王建国",
        &[Role::UnitHead, Role::Administrator],
        "wangjianguo",
    );
    add_account(&mut s, "xuanchuan", None, true);
    sign_in(&mut s, "wangjianguo");
    (s, unit)
}

/// The demo school, signed in as `login` (password `demo2026`).
pub fn demo_as(login: &str, today: chrono::NaiveDate) -> Store {
    let mut s = fresh_store();
    s.load_demo(today).unwrap();
    s.sign_in(login, mediadesk::store::DEMO_PASSWORD).unwrap();
    s
}

/// Signs in to the demo as `login`.
pub fn demo_sign_in(s: &mut Store, login: &str) {
    s.sign_out().unwrap();
    s.sign_in(login, mediadesk::store::DEMO_PASSWORD).unwrap();
}

/// A news post of the 商学院 for `platform_id`, ready to submit.
pub fn news(platform_id: i64, title: &str) -> mediadesk::domain::post::PostDraft {
    mediadesk::domain::post::PostDraft {
        platform_id,
        title: title.into(),
        body: "商学院举办职业生涯规划讲座，邀请企业人力资源总监与同学们交流。".into(),
        category: mediadesk::domain::workflow::Category::News,
        column: "学院新闻".into(),
        attribution: mediadesk::domain::workflow::Attribution {
            origin: mediadesk::domain::workflow::Origin::Original,
            author_or_provider: "学生会 王同学".into(),
            source_name: String::new(),
            source_link: String::new(),
            editor: "张喆".into(),
        },
        internal: false,
        planned_at: None,
    }
}

/// The demo's 商学院 WeChat account.
pub fn wechat(s: &Store) -> i64 {
    s.platforms()
        .unwrap()
        .into_iter()
        .find(|p| p.draft.name == "西亚斯商学院")
        .unwrap()
        .id
}
