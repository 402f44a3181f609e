//! Demo supervision records, so the 督查 list shows every kind of due action on first start:
//! a platform at each rung of the inactivity ladder (第六条四: notices issued by the school), a
//! change whose written report is overdue (第四条二), a training session of the school that one
//! administrator missed (第五条), a security incident reported a day and a half after it was
//! found (第八条一), and the party-building column of the 商学院 account (第六条二). Each is
//! recorded by the person whose act it is.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};

use super::demo_posts::{DEMO_SUPERVISOR_LOGIN, LOGINS};
use super::{Store, StoreError};
use crate::domain::platform::Administrator;
use crate::domain::supervision::{
    IncidentDraft, IncidentKind, NoticeKind, Office, TrainingSessionDraft,
};
use crate::domain::unit::Role;

/// The notices the school issued (days before today), one platform per rung: 整改期内, 应公开通报,
/// 通报期内, 应关停, 已关停 (文传之声, never notified, is 应发整改通知).
const LADDER: [(&str, &[(NoticeKind, u64)]); 5] = [
    ("文传微博", &[(NoticeKind::Rectification, 15)]),
    ("文传小剧场", &[(NoticeKind::Rectification, 45)]),
    (
        "电信实验室",
        &[
            (NoticeKind::Rectification, 70),
            (NoticeKind::PublicNotice, 20),
        ],
    ),
    (
        "电信创客",
        &[
            (NoticeKind::Rectification, 105),
            (NoticeKind::PublicNotice, 70),
        ],
    ),
    (
        "外院小课堂",
        &[
            (NoticeKind::Rectification, 135),
            (NoticeKind::PublicNotice, 100),
            (NoticeKind::ShutdownDecision, 65),
        ],
    ),
];

/// The platform whose change (a new administrator) was never reported (第四条二).
const UNREPORTED_CHANGE: &str = "文传微博";

/// The administrator who missed the training (电子信息工程学院).
const UNTRAINED: &str = "郑子涵";

fn at(today: NaiveDate, days_ago: u64, hour: u32) -> NaiveDateTime {
    today
        .checked_sub_days(Days::new(days_ago))
        .unwrap_or(today)
        .and_hms_opt(hour, 0, 0)
        .unwrap_or_default()
}

impl Store {
    /// `platform_ids` in the order of `demo::PLATFORMS`; `person_ids` in that of `PEOPLE`.
    pub(super) fn add_demo_supervision(
        &mut self,
        platform_ids: &[i64],
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        let id_of = |s: &Store, name: &str| -> Result<Option<i64>, StoreError> {
            Ok(s.platforms()?
                .into_iter()
                .find(|p| p.draft.name == name)
                .map(|p| p.id))
        };
        let day = |n: u64| today.checked_sub_days(Days::new(n)).unwrap_or(today);

        // 文传微博 took on a second administrator twelve days ago and never reported it.
        if let Some(id) = id_of(self, UNREPORTED_CHANGE)? {
            self.demo_as_login(LOGINS.get(6).copied().unwrap_or_default())?;
            let p = self.platform(id)?;
            let mut changed = p.draft.clone();
            changed.administrators.push(Administrator {
                name: "杨梦瑶".into(),
                mobile: "15003710008".into(),
            });
            self.update_platform(id, p.version, &changed, "增加一名管理员", day(12))?;
        }

        // The ladder's notices, issued by the school.
        self.demo_as_login(DEMO_SUPERVISOR_LOGIN)?;
        let mut number = 0;
        for (name, notices) in LADDER {
            let Some(id) = id_of(self, name)? else {
                continue;
            };
            for &(kind, days_ago) in notices {
                number += 1;
                let on = day(days_ago);
                let document_no = format!("校宣〔{}〕{}号", on.year(), number);
                self.issue_notice(id, kind, on, &document_no, today)?;
            }
        }

        // The school's training, attended by every platform's staff but one.
        let attendees: Vec<i64> = self
            .people()?
            .into_iter()
            .filter(|p| {
                p.name != UNTRAINED
                    && p.roles
                        .iter()
                        .any(|r| matches!(r, Role::Administrator | Role::InfoOfficer))
            })
            .map(|p| p.id)
            .collect();
        self.add_training(
            &TrainingSessionDraft {
                held_on: at(today, 200, 0).date(),
                topic: "二级网络平台管理办法解读与内容安全".into(),
                organiser: "党委宣传部、学校办公室（新闻中心）".into(),
            },
            &attendees,
            today,
        )?;

        // 电信极客: a stolen account, reported 36 hours after it was found (第八条一).
        if let Some(&geek) = platform_ids.get(7) {
            let admin = LOGINS.get(10).copied().unwrap_or_default();
            self.demo_as_login(admin)?;
            self.add_incident(
                &IncidentDraft {
                    platform_id: geek,
                    kind: IncidentKind::AccountStolen,
                    found_at: at(today, 5, 21),
                    found_by: UNTRAINED.into(),
                    description: "哔哩哔哩账号在异地登录，发布了一条与学院无关的广告视频。".into(),
                    reported_at: Some(at(today, 3, 9)),
                    reported_to: Office::ALL.to_vec(),
                    actions_taken: "已删除视频，修改密码并绑定学院办公电话。".into(),
                    closed_at: None,
                },
                at(today, 0, 0),
            )?;
        }

        // 西亚斯商学院 keeps a 党建专栏 (第六条二).
        if let Some(&wechat) = platform_ids.get(1) {
            self.demo_as_login(LOGINS.get(2).copied().unwrap_or_default())?;
            self.set_party_column(wechat, true)?;
        }
        Ok(())
    }
}
