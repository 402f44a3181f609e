//! Demo data: a realistic small school for a newcomer, and a large generated one for the
//! benchmarks (`mediadesk demo --scale 10000`).

use chrono::{Days, NaiveDate};

use super::demo_posts::DEMO_SUPERVISOR_LOGIN;
use super::error::{Entity, Rejection};
use super::{Store, StoreError};
use crate::domain::filing::{FilingKind, FilingStep};
use crate::domain::lifecycle::Closure;
use crate::domain::platform::{AccountType, Administrator, Maintenance, PlatformDraft};
use crate::domain::unit::{PersonDraft, Role, UnitDraft};

struct DemoPlatform {
    unit: usize,
    kind: &'static str,
    name: &'static str,
    account: &'static str,
    account_type: Option<AccountType>,
    verified: bool,
    scope: &'static str,
    /// Days before today.
    created_ago: u64,
    responsible: usize,
    admins: &'static [usize],
    vendor: Option<&'static str>,
    approval: &'static str,
    status: &'static str,
    last_post_ago: Option<u64>,
}

const UNITS: [(&str, &str, &str, &str); 4] = [
    ("商学院", "商学院党总支", "王建国", "刘晓燕"),
    ("文学与传媒学院", "文学与传媒学院党总支", "陈思远", "赵雅琴"),
    (
        "电子信息工程学院",
        "电子信息工程学院党总支",
        "孙浩然",
        "周志刚",
    ),
    ("外国语学院", "外国语学院直属党支部", "马丽娟", "吴振华"),
];

/// (unit index, name, mobile, roles). Names include characters outside GB2312 (喆 堃 珺).
const PEOPLE: [(usize, &str, &str, &[Role]); 14] = [
    (
        0,
        "王建国",
        "13803710001",
        &[Role::UnitHead, Role::Reviewer],
    ),
    (0, "刘晓燕", "13803710002", &[Role::Reviewer]),
    (0, "李珺", "15937160003", &[Role::Administrator]),
    (0, "张喆", "18638710004", &[Role::InfoOfficer]),
    (1, "陈思远", "13903710005", &[Role::UnitHead]),
    (1, "赵雅琴", "13903710006", &[Role::Reviewer]),
    (
        1,
        "黄堃",
        "17703710007",
        &[Role::Administrator, Role::InfoOfficer],
    ),
    (1, "杨梦瑶", "15003710008", &[Role::InfoOfficer]),
    (
        2,
        "孙浩然",
        "13603710009",
        &[Role::UnitHead, Role::Reviewer],
    ),
    (2, "周志刚", "13603710010", &[Role::Reviewer]),
    (2, "郑子涵", "18803710011", &[Role::Administrator]),
    (
        3,
        "马丽娟",
        "13703710012",
        &[Role::UnitHead, Role::Reviewer],
    ),
    (3, "吴振华", "13703710013", &[Role::Reviewer]),
    (
        3,
        "徐珺瑶",
        "19903710014",
        &[Role::Administrator, Role::InfoOfficer],
    ),
];

const PLATFORMS: [DemoPlatform; 17] = [
    DemoPlatform {
        unit: 0,
        kind: "网站",
        name: "郑州西亚斯学院商学院",
        account: "https://sxy.sias.edu.cn",
        account_type: None,
        verified: false,
        scope: "学院新闻、通知公告、招生就业信息",
        created_ago: 1700,
        responsible: 0,
        admins: &[2],
        vendor: None,
        approval: "校办〔2021〕8号",
        status: "filed",
        last_post_ago: Some(3),
    },
    DemoPlatform {
        unit: 0,
        kind: "微信公众号",
        name: "西亚斯商学院",
        account: "sias_sxy",
        account_type: Some(AccountType::Subscription),
        verified: true,
        scope: "学院新闻、党建专栏、学生活动",
        created_ago: 1200,
        responsible: 0,
        admins: &[2, 3],
        vendor: None,
        approval: "校办〔2022〕3号",
        status: "filed",
        last_post_ago: Some(1),
    },
    DemoPlatform {
        unit: 0,
        kind: "抖音",
        name: "商学院青年说",
        account: "sxy_youth2026",
        account_type: None,
        verified: false,
        scope: "学生活动短视频",
        created_ago: 2,
        responsible: 1,
        admins: &[3],
        vendor: None,
        approval: "",
        status: "unfiled",
        last_post_ago: Some(1),
    },
    DemoPlatform {
        unit: 1,
        kind: "微信公众号",
        name: "文传青年",
        account: "wenchuan_youth",
        account_type: Some(AccountType::Service),
        verified: true,
        scope: "学院新闻、校园文化、作品展示",
        created_ago: 900,
        responsible: 4,
        admins: &[6, 7],
        vendor: None,
        approval: "",
        status: "filed",
        last_post_ago: Some(5),
    },
    DemoPlatform {
        unit: 1,
        kind: "微博",
        name: "文传之声",
        account: "wenchuanzhisheng",
        account_type: None,
        verified: false,
        scope: "学院动态、活动预告",
        created_ago: 1500,
        responsible: 5,
        admins: &[6],
        vendor: None,
        approval: "",
        status: "filed",
        last_post_ago: Some(150),
    },
    DemoPlatform {
        unit: 1,
        kind: "视频号",
        name: "文传影像",
        account: "wenchuan_video",
        account_type: None,
        verified: false,
        scope: "学生影视作品、活动纪实",
        created_ago: 24,
        responsible: 5,
        admins: &[7],
        vendor: None,
        approval: "",
        status: "unfiled",
        last_post_ago: Some(10),
    },
    DemoPlatform {
        unit: 2,
        kind: "网站",
        name: "电子信息工程学院",
        account: "https://dxxy.example.edu.cn",
        account_type: None,
        verified: false,
        scope: "学院新闻、教学科研、通知公告",
        created_ago: 2000,
        responsible: 8,
        admins: &[10],
        vendor: None,
        approval: "",
        status: "filed",
        last_post_ago: Some(12),
    },
    DemoPlatform {
        unit: 2,
        kind: "哔哩哔哩",
        name: "电信极客",
        account: "3493117220",
        account_type: None,
        verified: true,
        scope: "科技竞赛、实验室开放日、学生作品",
        created_ago: 400,
        responsible: 9,
        admins: &[10],
        vendor: Some("郑州云帆网络科技有限公司"),
        approval: "",
        status: "filed",
        last_post_ago: Some(20),
    },
    DemoPlatform {
        unit: 2,
        kind: "QQ",
        name: "电信学生会",
        account: "867530921",
        account_type: None,
        verified: false,
        scope: "学生会通知",
        created_ago: 1,
        responsible: 9,
        admins: &[10],
        vendor: None,
        approval: "",
        status: "unfiled",
        last_post_ago: None,
    },
    DemoPlatform {
        unit: 3,
        kind: "微信公众号",
        name: "外院声音",
        account: "wy_voice",
        account_type: Some(AccountType::Subscription),
        verified: false,
        scope: "学院新闻、外语学习、党建专栏",
        created_ago: 700,
        responsible: 11,
        admins: &[13],
        vendor: None,
        approval: "",
        status: "change_pending",
        last_post_ago: Some(2),
    },
    DemoPlatform {
        unit: 3,
        kind: "小红书",
        name: "外语角日常",
        account: "waiyujiao",
        account_type: None,
        verified: false,
        scope: "外语角活动",
        created_ago: 600,
        responsible: 12,
        admins: &[13],
        vendor: None,
        approval: "",
        status: "closed",
        last_post_ago: Some(300),
    },
    DemoPlatform {
        unit: 3,
        kind: "今日头条",
        name: "外院资讯",
        account: "wyzx_toutiao",
        account_type: None,
        verified: true,
        scope: "学院新闻、国际交流",
        created_ago: 500,
        responsible: 11,
        admins: &[13, 12],
        vendor: None,
        approval: "",
        status: "filed",
        last_post_ago: Some(40),
    },
    DemoPlatform {
        unit: 1,
        kind: "微博",
        name: "文传微博",
        account: "wenchuan_weibo",
        account_type: None,
        verified: false,
        scope: "学院新闻、活动预告",
        created_ago: 900,
        responsible: 4,
        admins: &[6],
        vendor: None,
        approval: "",
        status: "filed",
        last_post_ago: Some(80),
    },
    DemoPlatform {
        unit: 1,
        kind: "快手",
        name: "文传小剧场",
        account: "wc_xiaojuchang",
        account_type: None,
        verified: false,
        scope: "学生原创短剧",
        created_ago: 800,
        responsible: 4,
        admins: &[6],
        vendor: None,
        approval: "",
        status: "filed",
        last_post_ago: Some(110),
    },
    DemoPlatform {
        unit: 2,
        kind: "微博",
        name: "电信实验室",
        account: "dx_lab_weibo",
        account_type: None,
        verified: false,
        scope: "实验室动态、竞赛通知",
        created_ago: 850,
        responsible: 8,
        admins: &[10],
        vendor: None,
        approval: "",
        status: "filed",
        last_post_ago: Some(130),
    },
    DemoPlatform {
        unit: 2,
        kind: "视频号",
        name: "电信创客",
        account: "dx_maker",
        account_type: None,
        verified: false,
        scope: "创客作品短视频",
        created_ago: 950,
        responsible: 8,
        admins: &[10],
        vendor: None,
        approval: "",
        status: "filed",
        last_post_ago: Some(170),
    },
    DemoPlatform {
        unit: 3,
        kind: "快手",
        name: "外院小课堂",
        account: "wy_classroom",
        account_type: None,
        verified: false,
        scope: "外语学习短视频",
        created_ago: 1000,
        responsible: 11,
        admins: &[13],
        vendor: None,
        approval: "",
        status: "filed",
        last_post_ago: Some(200),
    },
];

pub(super) fn days_ago(today: NaiveDate, n: u64) -> NaiveDate {
    today.checked_sub_days(Days::new(n)).unwrap_or(today)
}

impl Store {
    /// Loads the demo school into an empty database: 4 units, 14 people, 17 platforms across
    /// kinds, one filing overdue (文传影像) and one silent for five months (文传之声). Every
    /// step is taken by the person whose step it is, through the same permission checks as
    /// real work: the system administrator sets up the units and people, each unit's 管理员
    /// registers and files its platforms, the school's 督查人员 archives the filings.
    pub fn load_demo(&mut self, today: NaiveDate) -> Result<(), StoreError> {
        if !self.is_empty()? || self.has_users()? {
            return Err(Rejection::DatabaseNotEmpty.into());
        }
        // The demo is built as of `today` (tests pass a fixed day): its steps happen on that
        // day at the current time, so its publication times are true for that day.
        let clock = self.clock;
        if clock.is_none() {
            self.clock = Some(today.and_time(super::now_timestamp().time()));
        }
        let result = self.build_demo(today);
        self.clock = clock;
        self.drop_session();
        result
    }

    fn build_demo(&mut self, today: NaiveDate) -> Result<(), StoreError> {
        let hash = crate::domain::auth::hash_password(super::DEMO_PASSWORD)?;
        let admin = self.add_demo_admin(&hash)?;
        self.act_as(admin)?;
        let mut unit_ids = Vec::new();
        for (name, branch, head, secretary) in UNITS {
            unit_ids.push(self.add_unit(&UnitDraft {
                name: name.into(),
                party_branch: branch.into(),
                head: head.into(),
                secretary: secretary.into(),
            })?);
        }
        let mut person_ids = Vec::new();
        for (unit, name, mobile, roles) in PEOPLE {
            person_ids.push(self.add_person(&PersonDraft {
                unit_id: unit_ids[unit],
                name: name.into(),
                mobile: mobile.into(),
                roles: roles.to_vec(),
            })?);
        }
        self.add_demo_users(&person_ids, &hash)?;
        let mut platform_ids = Vec::new();
        let kinds = self.platform_kinds()?;
        for p in &PLATFORMS {
            let kind_id = kinds
                .iter()
                .find(|k| k.name == p.kind)
                .map(|k| k.id)
                .ok_or_else(|| StoreError::Corrupt(format!("platform_kinds.name = {}", p.kind)))?;
            let person = |i: usize| Administrator {
                name: PEOPLE[i].1.into(),
                mobile: PEOPLE[i].2.into(),
            };
            let draft = PlatformDraft {
                unit_id: unit_ids[p.unit],
                kind_id,
                name: p.name.into(),
                account: p.account.into(),
                account_type: p.account_type,
                verified: p.verified,
                verified_until: p
                    .verified
                    .then(|| today.checked_add_days(Days::new(200)))
                    .flatten(),
                content_scope: p.scope.into(),
                created_on: days_ago(today, p.created_ago),
                responsible_person: PEOPLE[p.responsible].1.into(),
                contact_mobile: PEOPLE[p.responsible].2.into(),
                administrators: p.admins.iter().map(|&i| person(i)).collect(),
                maintenance: match p.vendor {
                    Some(v) => Maintenance::Vendor { name: v.into() },
                    None => Maintenance::InHouse,
                },
                approval_ref: p.approval.into(),
                notes: String::new(),
                intranet_only: false,
                last_post_on: p.last_post_ago.map(|n| days_ago(today, n)),
            };
            // The unit's 管理员 keeps its registry (第五条).
            self.demo_as_unit_administrator(p.unit)?;
            let id = self.add_platform(&draft, today)?;
            platform_ids.push(id);
            if p.status == "unfiled" {
                continue;
            }
            // Filed the way a secretary does it: printed, handed in, archived.
            let printed = draft
                .created_on
                .checked_add_days(Days::new(2))
                .unwrap_or(today);
            let filing = self.record_filings(&[id], FilingKind::Initial, printed)?[0];
            self.apply_filing_step(filing, 1, &FilingStep::Submit { on: printed }, today)?;
            // Archiving is the news center's act (第四条一).
            self.demo_as_login(DEMO_SUPERVISOR_LOGIN)?;
            let archive = FilingStep::Archive {
                on: printed
                    .checked_add_days(Days::new(3))
                    .unwrap_or(today)
                    .min(today),
                archive_no: format!("XW-{}-{id:03}", printed.format("%Y")),
            };
            self.apply_filing_step(filing, 2, &archive, today)?;
            self.demo_as_unit_administrator(p.unit)?;
            // Last December's annual review (年审), printed, handed in and archived like the
            // initial filing — by every platform that existed then except 外院声音, so the list shows
            // one overdue review rather than all of them.
            let december = NaiveDate::from_ymd_opt(chrono::Datelike::year(&today) - 1, 12, 10)
                .filter(|d| draft.created_on < *d && p.name != "外院声音");
            if let Some(printed) = december {
                let annual = self.record_filings(&[id], FilingKind::Annual, printed)?[0];
                let on = printed.checked_add_days(Days::new(5)).unwrap_or(printed);
                self.apply_filing_step(annual, 1, &FilingStep::Submit { on }, today)?;
                self.demo_as_login(DEMO_SUPERVISOR_LOGIN)?;
                let archive = FilingStep::Archive {
                    on: on.checked_add_days(Days::new(3)).unwrap_or(on),
                    archive_no: format!("NS-{}-{id:03}", printed.format("%Y")),
                };
                self.apply_filing_step(annual, 2, &archive, today)?;
                self.demo_as_unit_administrator(p.unit)?;
            }
            match p.status {
                "change_pending" => {
                    let mut changed = draft.clone();
                    changed.administrators.push(Administrator {
                        name: PEOPLE[12].1.into(),
                        mobile: PEOPLE[12].2.into(),
                    });
                    let version = self.platform(id)?.version;
                    self.update_platform(
                        id,
                        version,
                        &changed,
                        "新增一名管理员，分担日常维护",
                        today,
                    )?;
                }
                "closed" => {
                    let on = days_ago(today, p.last_post_ago.unwrap_or(0).saturating_sub(5));
                    self.close_platform(
                        id,
                        &Closure {
                            on,
                            reason: "外语角活动并入学院公众号「外院声音」统一发布".into(),
                            content_disposition: "保留已发布内容，不再更新".into(),
                        },
                        today,
                    )?;
                }
                _ => {}
            }
        }
        self.add_demo_posts(platform_ids[1], today)?;
        self.add_demo_supervision(&platform_ids, today)
    }

    /// Acts as the first 管理员 of the demo unit `unit`.
    fn demo_as_unit_administrator(&mut self, unit: usize) -> Result<(), StoreError> {
        let index = PEOPLE
            .iter()
            .position(|(u, _, _, roles)| *u == unit && roles.contains(&Role::Administrator))
            .ok_or(StoreError::NotFound {
                what: Entity::Account,
                id: unit as i64,
            })?;
        self.demo_as_login(super::demo_posts::LOGINS[index])
    }
}
