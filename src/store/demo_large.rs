//! A large generated school for the benchmarks and `mediadesk demo --scale N [--posts M]`:
//! 60 units, N platforms with three people each, and M posts in every state — built in one
//! transaction, deterministic from run to run.

use chrono::NaiveDate;

use super::db::params;
use super::demo::days_ago;
use super::error::Rejection;
use super::{Store, StoreError};
use crate::domain::unit::Role;
use crate::domain::validation::normalize_account;

impl Store {
    /// Fills an empty database with a large generated school: 60 units, `platforms`
    /// platforms and three people per platform, and — with `posts` — that many posts and the
    /// accounts to open their queues with; all in one transaction, so an interrupted run
    /// leaves the database empty and the command can simply be run again.
    pub fn generate_large(
        &mut self,
        platforms: usize,
        posts: Option<usize>,
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        if !self.is_empty()? || self.has_users()? {
            return Err(Rejection::DatabaseNotEmpty.into());
        }
        let hash = match posts {
            Some(_) => Some(crate::domain::auth::hash_password(super::DEMO_PASSWORD)?),
            None => None,
        };
        let kinds = self.platform_kinds()?;
        self.write(|w| {
            w.allow_bootstrap()?;
            insert_school(&w.tx, &kinds, platforms, today, w.now())?;
            if let (Some(count), Some(hash)) = (posts, &hash) {
                insert_bench_posts(&w.tx, count, platforms, hash, today, w.now())?;
            }
            Ok(())
        })
    }
}

/// The units, people and platforms of [`Store::generate_large`].
fn insert_school(
    tx: &super::db::Transaction<'_>,
    kinds: &[crate::domain::platform::PlatformKind],
    platforms: usize,
    today: NaiveDate,
    now: chrono::NaiveDateTime,
) -> Result<(), StoreError> {
    {
        const SURNAMES: &[char] = &[
            '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱',
            '胡', '郭', '何', '高', '林', '郑',
        ];
        const GIVEN: &[char] = &[
            '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟',
            '涛', '明', '超', '秀', '霞', '平', '喆', '堃', '珺', '晨', '宇', '欣', '怡', '浩',
        ];
        const SUBJECTS: &[&str] = &[
            "商",
            "文学与传媒",
            "电子信息工程",
            "外国语",
            "艺术设计",
            "音乐",
            "体育",
            "医",
            "护理",
            "法",
            "国际教育",
            "计算机与软件工程",
            "建筑",
            "土木工程",
            "新闻",
        ];
        const SCOPES: &[&str] = &[
            "学院新闻、通知公告",
            "党建专栏、理论学习",
            "学生活动、校园文化",
            "招生就业信息",
            "学术活动与会议信息",
        ];
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        let units = 60usize;
        {
            let mut unit_stmt = tx.prepare(
                "INSERT INTO units (name, party_branch, head, secretary, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            )?;
            for u in 0..units {
                let subject = SUBJECTS[u % SUBJECTS.len()];
                let name = if u < SUBJECTS.len() {
                    format!("{subject}学院")
                } else {
                    format!("{subject}学院第{}分院", u / SUBJECTS.len() + 1)
                };
                unit_stmt.execute(params![
                    name,
                    format!("{name}党总支"),
                    person_name(&mut rng, SURNAMES, GIVEN),
                    person_name(&mut rng, SURNAMES, GIVEN),
                    now
                ])?;
            }
            let mut person_stmt = tx.prepare(
                "INSERT INTO people (unit_id, name, mobile, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4) RETURNING id",
            )?;
            let mut role_stmt =
                tx.prepare("INSERT INTO person_roles (person_id, role) VALUES (?1, ?2)")?;
            let mut platform_stmt = tx.prepare(
                "INSERT INTO platforms (unit_id, kind_id, name, account, account_key, account_type,
                     verified, content_scope, created_on, status, responsible_person,
                     contact_mobile, created_at, updated_at, last_post_on)
                 VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13)
                 RETURNING id",
            )?;
            let mut admin_stmt = tx.prepare(
                "INSERT INTO platform_admins (platform_id, position, name, mobile)
                 VALUES (?1, ?2, ?3, ?4)",
            )?;
            let statuses = [
                "filed",
                "filed",
                "filed",
                "unfiled",
                "change_pending",
                "closed",
            ];
            for i in 0..platforms {
                let unit_id = (i % units) as i64 + 1;
                let mut team = Vec::new();
                for (j, role) in [Role::UnitHead, Role::Administrator, Role::InfoOfficer]
                    .iter()
                    .enumerate()
                {
                    let name = person_name(&mut rng, SURNAMES, GIVEN);
                    let mobile = format!("13{}{:08}", 5 + j, (i * 3 + j) % 100_000_000);
                    let person: i64 =
                        person_stmt.query_row(params![unit_id, name, mobile, now], |r| r.get(0))?;
                    role_stmt.execute(params![person, role.code()])?;
                    team.push((name, mobile));
                }
                let kind = &kinds[i % kinds.len()];
                let account = if kind.is_website {
                    format!("https://site{i}.example.edu.cn")
                } else {
                    format!("acct_{i:05}")
                };
                let created_on = days_ago(today, 1 + rng.next() % 2500);
                let pid: i64 = platform_stmt.query_row(
                    params![
                        unit_id,
                        kind.id,
                        format!(
                            "{}{}号",
                            SCOPES[i % SCOPES.len()]
                                .split('、')
                                .next()
                                .unwrap_or("新闻"),
                            i
                        ),
                        normalize_account(&account),
                        kind.has_account_type.then_some("subscription"),
                        i % 3 == 0,
                        SCOPES[i % SCOPES.len()],
                        created_on,
                        statuses[i % statuses.len()],
                        team[0].0,
                        team[0].1,
                        now,
                        days_ago(today, rng.next() % 200).max(created_on),
                    ],
                    |r| r.get(0),
                )?;
                admin_stmt.execute(params![pid, 0, team[1].0, team[1].1])?;
            }
        }
        Ok(())
    }
}

/// `count` posts over the platforms of [`insert_school`], spread over every state the way a
/// busy school's would be (mostly published), each written by the platform's 信息员, reviewed
/// by its unit head, published by its administrator; and the accounts `admin` (system
/// administrator) and `bench_info`, `bench_head`, `bench_admin` of the first unit (password
/// [`super::DEMO_PASSWORD`]) to open the queues with.
fn insert_bench_posts(
    tx: &super::db::Transaction<'_>,
    count: usize,
    platforms: usize,
    hash: &str,
    today: NaiveDate,
    now: chrono::NaiveDateTime,
) -> Result<(), StoreError> {
    if platforms == 0 {
        return Err(Rejection::NoPlatformsYet.into());
    }
    let platforms = platforms as i64;
    {
        let mut user = tx.prepare(
            "INSERT INTO users (login, person_id, display_name, password_hash, is_system_admin,
                                created_at, updated_at)
             VALUES (?1, ?2, ?1, ?3, ?4, ?5, ?5)",
        )?;
        user.execute(params![
            super::DEMO_ADMIN_LOGIN,
            None::<i64>,
            hash,
            true,
            now
        ])?;
        for (login, person) in [("bench_head", 1), ("bench_admin", 2), ("bench_info", 3)] {
            user.execute(params![login, Some(person), hash, false, now])?;
        }
    }
    // (state, share in a hundred)
    const STATES: [(&str, u64); 6] = [
        ("published", 60),
        ("approved", 10),
        ("submitted", 10),
        ("returned", 8),
        ("draft", 10),
        ("withdrawn", 2),
    ];
    const CATEGORIES: [&str; 4] = ["news", "notice", "announcement", "party_building"];
    let mut rng = XorShift(0x2545_F491_4F6C_DD1D);
    {
        let mut stmt = tx.prepare(
            "INSERT INTO posts (platform_id, title, body, category, column_name, origin,
                     author_or_provider, editor, state, author_id, reviewer_id, publisher_id,
                     published_link, published_at, revision, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, '学院新闻', 'original', ?5, ?5, ?6, ?7, ?8, ?9, ?10,
                         ?11, ?12, ?13, ?13)",
        )?;
        for i in 0..count {
            let platform = (i as i64 % platforms) + 1;
            let (head, admin, info) = (3 * platform - 2, 3 * platform - 1, 3 * platform);
            let mut pick = rng.next() % 100;
            let state = STATES
                .iter()
                .find(|(_, share)| {
                    let hit = pick < *share;
                    pick = pick.saturating_sub(*share);
                    hit
                })
                .map_or("draft", |(s, _)| *s);
            let at = days_ago(today, rng.next() % 730)
                .and_hms_opt((8 + rng.next() % 10) as u32, (rng.next() % 60) as u32, 0)
                .unwrap_or_default();
            let reviewed = matches!(state, "approved" | "published");
            let published = state == "published";
            stmt.execute(params![
                platform,
                format!("第{i}号信息：学院举办学术活动"),
                "学院举办学术活动，师生踊跃参加。".repeat(20),
                CATEGORIES[i % CATEGORIES.len()],
                format!("信息员{info}"),
                state,
                info,
                reviewed.then_some(head),
                published.then_some(admin),
                published.then(|| format!("https://news.example.edu.cn/{i}")),
                published.then_some(at),
                i64::from(state != "draft"),
                at,
            ])?;
        }
    }
    Ok(())
}

fn person_name(rng: &mut XorShift, surnames: &[char], given: &[char]) -> String {
    let mut s = String::new();
    s.push(surnames[(rng.next() as usize) % surnames.len()]);
    for _ in 0..(1 + rng.next() % 2) {
        s.push(given[(rng.next() as usize) % given.len()]);
    }
    s
}

/// A tiny deterministic generator: the same large database every run, no `rand` dependency.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}
