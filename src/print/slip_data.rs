//! The values printed on a post's 信息发布审核单, plain owned values free of database types so
//! the store, the window and the CLI can all fill them. Blank strings print as space to be
//! filled in by pen.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

/// One post at one revision, as the paper record of its approval (第七条三) shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalSlipData {
    /// The unit whose platform publishes the post.
    pub unit_name: String,
    /// 媒体平台 (微信公众号, 网站 …).
    pub platform_kind: String,
    /// 账号名称.
    pub platform_name: String,
    /// 账号/网址.
    pub account: String,
    /// The post's number in the store, printed as 编号 on every page so loose sheets match up.
    pub post_id: i64,
    /// The revision printed (第 N 稿): a reviewer's signature covers this text only.
    pub revision: i64,
    /// 信息标题.
    pub title: String,
    /// 类别 (通知 / 新闻 / 公告 / 党建, 第六条一、二).
    pub category: String,
    /// 栏目.
    pub column: String,
    /// 原创 / 转载 (第六条四); decides which attribution rows are printed.
    pub origin: String,
    /// 作者或信息、图片提供者 (originals, 第六条四).
    pub author_or_provider: String,
    /// 资料来源 (reprints, 第六条四).
    pub source_name: String,
    /// The source's address, if it is online.
    pub source_link: String,
    /// 编辑发布人 (第六条四).
    pub editor: String,
    /// 内部信息 (第六条三): printed as a scope that stays on the campus intranet.
    pub internal: bool,
    /// 计划发布时间, already formatted; blank when not planned.
    pub planned_at: String,
    /// The post's state as the window shows it (待审核, 待发布 …).
    pub state: String,
    /// 编辑初审（信息员）, 审核（审核人）, 确认发布（管理员）, in that order (第七条三).
    pub steps: [SlipStep; 3],
    pub attachments: Vec<SlipAttachment>,
    /// Where the post went online; blank before it is published (the row is left out).
    pub published_link: String,
    /// The draft's text, printed with a number on every line.
    pub body: String,
    pub printed_at: NaiveDateTime,
    /// The audit chain's head when printed, at the foot of every page (none: no line).
    #[serde(default)]
    pub audit_anchor: Option<super::AuditAnchor>,
}

/// One step of the approval. A step not done yet has a blank `person`: its cells print empty,
/// with lines to sign and write on by pen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlipStep {
    /// 经办人.
    pub person: String,
    /// When, already formatted.
    pub at: String,
    /// 意见.
    pub comment: String,
}

impl SlipStep {
    pub fn is_done(&self) -> bool {
        !self.person.trim().is_empty()
    }
}

/// An attachment as listed on the slip: enough to recognise the very file that was reviewed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlipAttachment {
    pub name: String,
    /// Bytes.
    pub size: u64,
    /// Lowercase hex; the slip prints its first 16 characters.
    pub sha256: String,
}

impl ApprovalSlipData {
    /// Every value printed, for [`super::unprintable_chars_of`].
    pub fn printed_values(&self) -> Vec<&str> {
        let mut values = vec![
            self.unit_name.as_str(),
            &self.platform_kind,
            &self.platform_name,
            &self.account,
            &self.title,
            &self.category,
            &self.column,
            &self.origin,
            &self.author_or_provider,
            &self.source_name,
            &self.source_link,
            &self.editor,
            &self.planned_at,
            &self.state,
            &self.published_link,
            &self.body,
        ];
        for step in &self.steps {
            values.extend([step.person.as_str(), &step.at, &step.comment]);
        }
        for attachment in &self.attachments {
            values.extend([attachment.name.as_str(), &attachment.sha256]);
        }
        values
    }
}
