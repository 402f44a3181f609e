//! Wording of the three-step publishing approval (第七条三, `domain::workflow`) and of the
//! posts around it: states, categories, origins, steps, roles, the 待我处理 queues, and why a
//! step is refused.

use std::fmt;

use crate::domain::post::Queue;
use crate::domain::unit::Role;
use crate::domain::workflow::{
    AttributionPart, Category, Origin, PostAction, PostState, Step, WorkflowError,
};

impl PostState {
    pub fn label(self) -> &'static str {
        match self {
            Self::Draft => "草稿",
            Self::Submitted => "待审核",
            Self::Approved => "待发布",
            Self::Published => "已发布",
            Self::Returned => "退回",
            Self::Withdrawn => "撤回",
        }
    }
}

impl fmt::Display for PostState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl Category {
    pub fn label(self) -> &'static str {
        match self {
            Self::Notice => "通知",
            Self::News => "新闻",
            Self::Announcement => "公告",
            Self::PartyBuilding => "党建",
        }
    }
}

impl Origin {
    pub fn label(self) -> &'static str {
        match self {
            Self::Original => "原创",
            Self::Reprint => "转载",
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl Step {
    pub fn label(self) -> &'static str {
        match self {
            Self::Submit => "提交审核",
            Self::Approve => "审核通过",
            Self::Reject => "退回",
            Self::Publish => "发布",
            Self::Withdraw => "撤回",
            Self::Edit => "编辑",
            Self::OverrideScreening => crate::text::permissions::OVERRIDE_ACTION,
        }
    }
}

impl PostAction {
    pub fn label(&self) -> &'static str {
        self.step().label()
    }
}

impl AttributionPart {
    pub fn label(self) -> &'static str {
        match self {
            Self::Source => "资料来源",
            Self::AuthorOrProvider => "作者或信息、图片的提供者",
            Self::Editor => "编辑发布人",
        }
    }
}

impl Role {
    pub fn label(self) -> &'static str {
        match self {
            Self::InfoOfficer => "信息员",
            Self::Reviewer => "审核人",
            Self::Administrator => "管理员",
            Self::UnitHead => "单位负责人",
            Self::SchoolSupervisor => "学校督查人员",
        }
    }
}

impl Queue {
    pub fn label(self) -> &'static str {
        match self {
            Self::ToRevise => "待我修改",
            Self::ToReview => "待我审核",
            Self::ToPublish => "待我发布",
        }
    }
}

/// What can still happen to a post in this state, after a refusal.
fn state_hint(state: PostState) -> &'static str {
    match state {
        PostState::Draft | PostState::Returned | PostState::Withdrawn => {
            "这条信息还在撰稿人手中，可编辑、提交审核。"
        }
        PostState::Submitted => "这条信息正等待审核人审核通过或退回，撰稿人可撤回。",
        PostState::Approved => "这条信息正等待管理员发布或退回。",
        PostState::Published => "信息已发布，不能再改动。",
    }
}

fn required_attribution(origin: Origin) -> &'static str {
    match origin {
        Origin::Reprint => "资料来源、编辑发布人",
        Origin::Original => "作者或信息、图片的提供者及编辑发布人",
    }
}

/// 「审核人或单位负责人」.
fn roles_or(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| r.label())
        .collect::<Vec<_>>()
        .join("或")
}

impl fmt::Display for WorkflowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAllowedInState { state, action } => write!(
                f,
                "该信息当前为「{}」，不能{}。{}",
                state.label(),
                action.label(),
                state_hint(*state)
            ),
            Self::NotAuthor { action } => {
                write!(f, "只有撰稿的信息员本人才能{}这条信息。", action.label())
            }
            Self::MissingRole { needed, action } => write!(
                f,
                "只有本单位的{}才能{}，您在本单位没有这一角色。",
                roles_or(needed),
                action.label()
            ),
            Self::ReviewerIsAuthor => f.write_str(
                "不能审核自己撰写的信息：撰稿、审核、发布须由三个不同的人完成（第七条三），请由本单位其他审核人审核。",
            ),
            Self::PublisherIsAuthor => f.write_str(
                "不能发布自己撰写的信息：撰稿、审核、发布须由三个不同的人完成（第七条三），请由本单位其他管理员发布。",
            ),
            Self::PublisherIsReviewer => f.write_str(
                "不能发布自己审核通过的信息：撰稿、审核、发布须由三个不同的人完成（第七条三），请由本单位其他管理员发布。",
            ),
            Self::ReviewerUnknown => f.write_str(
                "这条信息没有审核人记录，无法确认已经过审核（第七条三），请退回后重新提交审核。",
            ),
            Self::CommentRequired => f.write_str("退回时请填写退回意见，说明需要修改的地方。"),
            Self::LinkRequired => f.write_str("请填写发布链接，即信息在平台上的网址。"),
            Self::LinkInvalid(link) => write!(
                f,
                "发布链接「{link}」不是有效的网址，请填写以 http:// 或 https:// 开头的完整地址。"
            ),
            Self::AttributionMissing { origin, missing } => write!(
                f,
                "{}内容需注明{}（第六条四），请补填：{}。",
                origin.label(),
                required_attribution(*origin),
                missing
                    .iter()
                    .map(|p| p.label())
                    .collect::<Vec<_>>()
                    .join("、")
            ),
            Self::SourceLinkInvalid(link) => write!(
                f,
                "资料来源链接「{link}」不是有效的网址，请填写以 http:// 或 https:// 开头的完整地址，没有链接请留空。"
            ),
            Self::InternalOnExternalPlatform { action } => write!(
                f,
                "内部信息不得上外网（第六条三）：该平台不是仅限校园内网访问的平台，不能{}内部信息。",
                action.label()
            ),
        }
    }
}

impl std::fmt::Display for crate::domain::publish_time::PublishTimeProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::domain::publish_time::{MAX_BACKDATE_DAYS, PublishTimeProblem};
        let shown = |t: &chrono::NaiveDateTime| t.format("%Y-%m-%d %H:%M").to_string();
        match self {
            PublishTimeProblem::InFuture { at } => write!(
                f,
                "发布时间 {} 还没有到。请填写信息实际上线的时间（不能晚于现在）。",
                shown(at)
            ),
            PublishTimeProblem::TooOld { at, earliest } => write!(
                f,
                "发布时间 {} 早于 {MAX_BACKDATE_DAYS} 天前（最早可填 {}）。更早发布的内容请在「平台更新」中登记为后台发布记录。",
                shown(at),
                shown(earliest)
            ),
            PublishTimeProblem::BeforePlatform { at, created_on } => write!(
                f,
                "发布时间 {} 早于平台的创建日期 {created_on}。请核对发布时间，或先更正平台的创建日期。",
                shown(at)
            ),
        }
    }
}
