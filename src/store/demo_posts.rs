//! Demo accounts and posts: a user for every person (and a system administrator), and posts of
//! 商学院 in every state of the three steps, made through the real steps so their revisions
//! and audit history are what real use produces.

use chrono::{Days, NaiveDate};

use super::error::Entity;
use super::users::AccountRow;
use super::{Store, StoreError};
use crate::domain::permissions::{Permission, Target};
use crate::domain::post::PostDraft;
use crate::domain::workflow::{Attribution, Category, Origin, PostAction};

/// Login names of the demo people, in the order of `demo::PEOPLE`.
pub(super) const LOGINS: [&str; 14] = [
    "wangjianguo",
    "liuxiaoyan",
    "lijun",
    "zhangzhe",
    "chensiyuan",
    "zhaoyaqin",
    "huangkun",
    "yangmengyao",
    "sunhaoran",
    "zhouzhigang",
    "zhengzihan",
    "malijuan",
    "wuzhenhua",
    "xujunyao",
];

/// The system administrator of the demo.
pub const DEMO_ADMIN_LOGIN: &str = "admin";

/// The demo's 学校督查人员 (党委宣传部): archives filings, shuts platforms down.
pub const DEMO_SUPERVISOR_LOGIN: &str = "songwenbo";
const DEMO_SUPERVISOR_NAME: &str = "宋文博（党委宣传部）";

const SETTINGS_KEY: &str = "demo_accounts";

fn original(author: &str, editor: &str) -> Attribution {
    Attribution {
        origin: Origin::Original,
        author_or_provider: author.into(),
        source_name: String::new(),
        source_link: String::new(),
        editor: editor.into(),
    }
}

fn draft(platform_id: i64, title: &str, body: &str, category: Category, column: &str) -> PostDraft {
    PostDraft {
        platform_id,
        title: title.into(),
        body: body.into(),
        category,
        column: column.into(),
        attribution: original("商学院办公室 张喆", "张喆"),
        internal: false,
        planned_at: None,
    }
}

impl Store {
    /// Whether this database holds the demo accounts (the sign-in page then lists them).
    pub fn is_demo(&self) -> Result<bool, StoreError> {
        let n: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM settings WHERE key = ?1",
            [SETTINGS_KEY],
            |r| r.get(0),
        )?;
        Ok(n > 0)
    }

    /// The demo's system administrator, the first account of the new database.
    pub(super) fn add_demo_admin(&mut self, hash: &str) -> Result<i64, StoreError> {
        self.insert_user(
            &AccountRow {
                login: DEMO_ADMIN_LOGIN,
                display_name: crate::text::SYSTEM_ADMIN,
                person_id: None,
                is_system_admin: true,
                is_school_supervisor: false,
            },
            hash,
            &super::keys::new_key(super::DEMO_PASSWORD, super::keys::DEMO_KDF)?,
        )
    }

    /// The accounts of every demo person and of the school's 督查人员, all with
    /// [`super::DEMO_PASSWORD`], created by the system administrator. One hash serves them
    /// all: hashing fifteen times would only slow the demo down.
    pub(super) fn add_demo_users(
        &mut self,
        person_ids: &[i64],
        hash: &str,
    ) -> Result<(), StoreError> {
        for (login, &person) in LOGINS.iter().zip(person_ids) {
            self.insert_user(
                &AccountRow {
                    login,
                    display_name: "",
                    person_id: Some(person),
                    is_system_admin: false,
                    is_school_supervisor: false,
                },
                hash,
                &super::keys::new_key(super::DEMO_PASSWORD, super::keys::DEMO_KDF)?,
            )?;
        }
        self.insert_user(
            &AccountRow {
                login: DEMO_SUPERVISOR_LOGIN,
                display_name: DEMO_SUPERVISOR_NAME,
                person_id: None,
                is_system_admin: false,
                is_school_supervisor: true,
            },
            hash,
            &super::keys::new_key(super::DEMO_PASSWORD, super::keys::DEMO_KDF)?,
        )?;
        self.write(|w| {
            w.allow(Permission::ManageAccounts, Target::School)?;
            w.tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, '1')
                 ON CONFLICT(key) DO UPDATE SET value = '1'",
                [SETTINGS_KEY],
            )?;
            Ok(())
        })
    }

    pub(super) fn demo_as_login(&mut self, login: &str) -> Result<(), StoreError> {
        let id = self.user_id(login)?.ok_or(StoreError::NotFound {
            what: Entity::Account,
            id: 0,
        })?;
        self.act_as(id)
    }

    fn demo_step(&mut self, login: &str, id: i64, action: PostAction) -> Result<(), StoreError> {
        self.demo_as_login(login)?;
        let version = self.post(id)?.version;
        self.post_step(id, version, &action)?;
        Ok(())
    }

    /// 商学院's posts on its WeChat account in every state.
    pub(super) fn add_demo_posts(
        &mut self,
        wechat_platform: i64,
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        let p = wechat_platform;
        let at = |days: u64, h: u32, m: u32| {
            today
                .checked_sub_days(Days::new(days))
                .unwrap_or(today)
                .and_hms_opt(h, m, 0)
                .unwrap_or_default()
        };

        // Each post's steps happen on past days, in order (drafted ≤ reviewed ≤ published),
        // all at least a day before `today` so none is later than the moment of loading.
        let loading_clock = self.clock;

        // 已发布: the whole way through.
        self.demo_as_login("zhangzhe")?;
        self.clock = Some(at(5, 15, 20));
        let published = self.create_post(&draft(
            p,
            "商学院召开2026年秋季学期教学工作会议",
            "11月20日下午，商学院在行政楼302会议室召开2026年秋季学期教学工作会议，学院领导班子成员、各系主任及全体专任教师参加会议。\n\n会议总结了期中教学检查情况，部署了期末考试及课程考核工作，并就课程思政建设、一流课程申报等重点工作作出安排。\n\n院长王建国强调，全体教师要严格执行教学规范，持续提升课堂教学质量。",
            Category::News,
            "学院新闻",
        ))?;
        self.clock = Some(at(5, 15, 40));
        self.demo_step("zhangzhe", published, PostAction::Submit)?;
        self.clock = Some(at(4, 10, 5));
        self.demo_step(
            "liuxiaoyan",
            published,
            PostAction::Approve {
                comment: "内容属实，同意发布。".into(),
            },
        )?;
        self.clock = Some(at(3, 9, 32));
        self.demo_step(
            "lijun",
            published,
            PostAction::Publish {
                link: "https://mp.weixin.qq.com/s/sias-sxy-20261120".into(),
                at: at(3, 9, 30),
            },
        )?;

        // 待发布: a reprint for the party-building column, approved by the unit head.
        self.demo_as_login("zhangzhe")?;
        self.clock = Some(at(2, 14, 0));
        let mut reprint = draft(
            p,
            "【党建园地】深入学习贯彻党的二十届四中全会精神",
            "编者按：为深入学习贯彻党的二十届四中全会精神，本栏目转载相关学习辅导文章，供全院师生党员学习参考。\n\n（正文转载自人民网理论频道，略。）",
            Category::PartyBuilding,
            "党建园地",
        );
        reprint.attribution = Attribution {
            origin: Origin::Reprint,
            author_or_provider: String::new(),
            source_name: "人民网".into(),
            source_link: "https://theory.people.com.cn/".into(),
            editor: "张喆".into(),
        };
        let approved = self.create_post(&reprint)?;
        self.clock = Some(at(2, 14, 30));
        self.demo_step("zhangzhe", approved, PostAction::Submit)?;
        self.clock = Some(at(1, 16, 20));
        self.demo_step(
            "wangjianguo",
            approved,
            PostAction::Approve {
                comment: "同意。请管理员注意核对转载来源链接。".into(),
            },
        )?;

        // 待审核, second revision after a return: the reviewer sees what changed.
        self.demo_as_login("zhangzhe")?;
        self.clock = Some(at(2, 10, 0));
        let mut award = draft(
            p,
            "商学院学子在全国大学生市场调查与分析大赛中获佳绩",
            "近日，第十六届全国大学生市场调查与分析大赛总决赛落下帷幕，商学院代表队获得本科组一等奖。\n\n该队由市场营销专业三名学生组成，参赛作品围绕郑州市新能源汽车消费意愿展开调查。",
            Category::News,
            "学院新闻",
        );
        let submitted = self.create_post(&award)?;
        self.clock = Some(at(2, 10, 15));
        self.demo_step("zhangzhe", submitted, PostAction::Submit)?;
        self.clock = Some(at(1, 9, 40));
        self.demo_as_login("liuxiaoyan")?;
        self.mark_seen(submitted, 1)?;
        self.demo_step(
            "liuxiaoyan",
            submitted,
            PostAction::Reject {
                comment: "请写明获奖日期（11月15日）并补充指导教师姓名。".into(),
            },
        )?;
        self.demo_as_login("zhangzhe")?;
        self.clock = Some(at(1, 15, 0));
        award.body = "11月15日，第十六届全国大学生市场调查与分析大赛总决赛落下帷幕，商学院代表队获得本科组一等奖。\n\n该队由市场营销专业三名学生组成，在李老师、周老师的指导下，参赛作品围绕郑州市新能源汽车消费意愿展开调查。".into();
        let version = self.post(submitted)?.version;
        self.edit_post(submitted, version, &award)?;
        self.clock = Some(at(1, 15, 5));
        self.demo_step("zhangzhe", submitted, PostAction::Submit)?;

        // 退回 by the administrator at the last step.
        self.demo_as_login("zhangzhe")?;
        self.clock = Some(at(1, 11, 0));
        let returned = self.create_post(&draft(
            p,
            "关于2027届毕业生图像信息采集工作的通知",
            "各班级：\n\n根据学校安排，2027届毕业生图像信息采集工作将于12月上旬进行，请各班级做好组织工作。",
            Category::Notice,
            "通知公告",
        ))?;
        self.clock = Some(at(1, 11, 10));
        self.demo_step("zhangzhe", returned, PostAction::Submit)?;
        self.clock = Some(at(1, 14, 0));
        self.demo_step(
            "wangjianguo",
            returned,
            PostAction::Approve {
                comment: String::new(),
            },
        )?;
        self.clock = Some(at(1, 17, 30));
        self.demo_step(
            "lijun",
            returned,
            PostAction::Reject {
                comment: "请补充采集地点和联系人办公电话后重新提交。".into(),
            },
        )?;

        // 撤回 by the author before review.
        self.demo_as_login("zhangzhe")?;
        self.clock = Some(at(1, 16, 0));
        let withdrawn = self.create_post(&draft(
            p,
            "商学院2027年硕士研究生复试安排公告",
            "复试时间、地点另行通知。",
            Category::Announcement,
            "招生就业",
        ))?;
        self.clock = Some(at(1, 16, 5));
        self.demo_step("zhangzhe", withdrawn, PostAction::Submit)?;
        self.clock = Some(at(1, 16, 30));
        self.demo_step("zhangzhe", withdrawn, PostAction::Withdraw)?;

        // 草稿 that screening stops: personal data in a public list (第六条五第12项).
        self.demo_as_login("zhangzhe")?;
        self.clock = Some(at(1, 17, 0));
        let mut list = draft(
            p,
            "2026年度国家奖学金获奖学生名单公示",
            "经个人申请、班级评议、学院审核，拟推荐以下同学获得2026年度国家奖学金：\n\n王同学，身份证号 11010519491231002X，联系电话 13812345678；\n\n公示期为5个工作日。如有异议，请与学院学生工作办公室联系。",
            Category::Announcement,
            "通知公告",
        );
        list.planned_at = Some(at(0, 10, 0) + chrono::Duration::days(2));
        self.create_post(&list)?;
        self.clock = loading_clock;
        Ok(())
    }
}
