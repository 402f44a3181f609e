//! The filing form's table as a list of full-width bands (rows, the 内容范围 block, the
//! 管理队伍 rows, the opinions), each already fitted to its cells and knowing its height.

use super::data::{ACCOUNT_TYPES, FilingFormData};
use super::form_geometry::*;
use super::labels;
use super::text_fit::{
    Advance, Fitted, WrappedLine, fit_or_grow, lines_height, lines_that_fit, rejoin, wrap,
};

/// A horizontal band of the table, always the table's full width.
#[derive(Debug, Clone)]
pub(super) enum Block {
    /// 创建单位 | … | 媒体平台 | …, and 账号名称 | … | 是否认证 | ….
    Pair {
        left: (&'static str, Fitted),
        right: (&'static str, Fitted),
        height: f32,
    },
    /// 内容范围 spanning two rows beside 创建时间 and 账号类型.
    Scope {
        scope: Fitted,
        created: Fitted,
        ticked: Option<usize>,
        height: f32,
    },
    /// One row of 管理队伍: the 负责人 row or a 管理员 row.
    Team {
        role: &'static str,
        name: Fitted,
        mobile: Fitted,
        mobile_label: bool,
        height: f32,
    },
    /// 单位意见 and the two offices' opinions, with signature, seal and date.
    Opinion {
        label: &'static str,
        stamp: bool,
        height: f32,
    },
    /// The part of a value too long for its own cell, full width under a 「…（续）」 label.
    Overflow {
        label: String,
        lines: Vec<WrappedLine>,
        size_pt: f32,
    },
}

impl Block {
    pub(super) fn height(&self) -> f32 {
        match self {
            Block::Pair { height, .. }
            | Block::Scope { height, .. }
            | Block::Team { height, .. }
            | Block::Opinion { height, .. } => *height,
            Block::Overflow { lines, size_pt, .. } => {
                (lines_height(lines.len(), *size_pt) + 2.0 * PAD_Y).max(ROW)
            }
        }
    }

    pub(super) fn is_team(&self) -> bool {
        matches!(self, Block::Team { .. })
    }

    pub(super) fn is_opinion(&self) -> bool {
        matches!(self, Block::Opinion { .. })
    }

    /// Splits a continuation row so that its first part fits into `room`.
    pub(super) fn split(&self, room: f32) -> Option<(Block, Block)> {
        let Block::Overflow {
            label,
            lines,
            size_pt,
        } = self
        else {
            return None;
        };
        if room < ROW {
            return None;
        }
        let n = lines_that_fit(room - 2.0 * PAD_Y, *size_pt);
        if n >= lines.len() || lines_height(n, *size_pt) + 2.0 * PAD_Y > room {
            return None;
        }
        let head = Block::Overflow {
            label: label.clone(),
            lines: lines[..n].to_vec(),
            size_pt: *size_pt,
        };
        let tail = Block::Overflow {
            label: label.clone(),
            lines: lines[n..].to_vec(),
            size_pt: *size_pt,
        };
        Some((head, tail))
    }
}

pub(super) fn build_blocks(data: &FilingFormData, font: &dyn Advance) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut overflow = Vec::new();

    let unit = fit_value(
        &data.unit_name,
        X_VALUE1,
        X_LABEL2,
        ROW,
        labels::UNIT,
        &mut overflow,
        font,
    );
    let platform = fit_value(
        &data.platform_kind,
        X_VALUE2,
        RIGHT,
        ROW,
        labels::PLATFORM,
        &mut overflow,
        font,
    );
    let height = row_height(ROW, [&unit, &platform]);
    blocks.push(Block::Pair {
        left: (labels::UNIT, unit),
        right: (labels::PLATFORM, platform),
        height,
    });
    blocks.append(&mut overflow);

    let verified = match data.verified {
        Some(true) => labels::YES,
        Some(false) => labels::NO,
        None => "",
    };
    let account = fit_value(
        &data.account_name,
        X_VALUE1,
        X_LABEL2,
        ROW,
        labels::ACCOUNT_NAME,
        &mut overflow,
        font,
    );
    let verified = fit_value(
        verified,
        X_VALUE2,
        RIGHT,
        ROW,
        labels::VERIFIED,
        &mut overflow,
        font,
    );
    let height = row_height(ROW, [&account, &verified]);
    blocks.push(Block::Pair {
        left: (labels::ACCOUNT_NAME, account),
        right: (labels::VERIFIED, verified),
        height,
    });
    blocks.append(&mut overflow);

    let scope = fit_value(
        &data.content_scope,
        X_VALUE1,
        X_LABEL2,
        2.0 * ROW,
        labels::CONTENT_SCOPE,
        &mut overflow,
        font,
    );
    let created = data.created_on.map(labels::date).unwrap_or_default();
    let created = fit_value(
        &created,
        X_VALUE2,
        RIGHT,
        ROW,
        labels::CREATED_ON,
        &mut overflow,
        font,
    );
    let ticked = data
        .account_type
        .as_deref()
        .and_then(|t| ACCOUNT_TYPES.iter().position(|known| *known == t.trim()));
    let height = (2.0 * ROW)
        .max(scope.height() + 2.0 * PAD_Y)
        .max(2.0 * (created.height() + 2.0 * PAD_Y));
    blocks.push(Block::Scope {
        scope,
        created,
        ticked,
        height,
    });
    blocks.append(&mut overflow);

    let mut team = vec![(
        labels::RESPONSIBLE,
        data.responsible_person.as_str(),
        data.responsible_mobile.as_str(),
    )];
    team.extend(
        data.administrators
            .iter()
            .map(|(name, mobile)| (labels::ADMINISTRATOR, name.as_str(), mobile.as_str())),
    );
    // The 附件 prints three 管理员 rows; with fewer people the rest stay blank for handwriting.
    while team.len() < 4 {
        team.push((labels::ADMINISTRATOR, "", ""));
    }
    for (i, (role, name, mobile)) in team.into_iter().enumerate() {
        let name = fit_value(
            name,
            X_ROLE_END,
            X_LABEL2,
            TEAM_ROW,
            role,
            &mut overflow,
            font,
        );
        let mobile = fit_value(
            mobile,
            X_VALUE2,
            RIGHT,
            TEAM_ROW,
            labels::MOBILE,
            &mut overflow,
            font,
        );
        let height = row_height(TEAM_ROW, [&name, &mobile]);
        blocks.push(Block::Team {
            role,
            name,
            mobile,
            mobile_label: i == 0,
            height,
        });
        blocks.append(&mut overflow);
    }
    blocks
}

pub(super) fn row_height<const N: usize>(base: f32, values: [&Fitted; N]) -> f32 {
    values
        .iter()
        .map(|v| v.height() + 2.0 * PAD_Y)
        .fold(base, f32::max)
}

/// Fits a value into the cell between `x0` and `x1` of base height `base`; lines beyond
/// [`MAX_CELL`] become a continuation row pushed onto `overflow`.
pub(super) fn fit_value(
    text: &str,
    x0: f32,
    x1: f32,
    base: f32,
    label: &str,
    overflow: &mut Vec<Block>,
    font: &dyn Advance,
) -> Fitted {
    let width = x1 - x0 - 2.0 * PAD_X;
    let mut fitted = fit_or_grow(
        text,
        width,
        base - 2.0 * PAD_Y,
        BODY_PT,
        VALUE_MIN_PT,
        VALUE_MIN_PT,
        font,
    );
    let keep = lines_that_fit(MAX_CELL - 2.0 * PAD_Y, fitted.size_pt);
    if fitted.lines.len() > keep {
        let rest = rejoin(&fitted.lines[keep..]);
        fitted.lines.truncate(keep);
        let overflow_width = RIGHT - X_VALUE1 - 2.0 * PAD_X;
        overflow.push(Block::Overflow {
            label: format!("{label}{}", labels::CONTINUED),
            lines: wrap(&rest, overflow_width, fitted.size_pt, font),
            size_pt: fitted.size_pt,
        });
    }
    fitted
}
