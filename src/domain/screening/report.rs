//! The result of screening one text: its findings in reading order and its external links.

use serde::{Deserialize, Serialize};

use super::category::Category;
use super::finding::{Finding, Severity};
use super::links::ExternalLink;

/// Findings beyond this number are dropped (and `truncated` set): a text with ten thousand hits
/// needs rewriting, not a longer list.
pub const MAX_FINDINGS: usize = 10_000;

/// Everything screening found in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScreeningReport {
    /// Sorted by position (start, then end).
    pub findings: Vec<Finding>,
    /// Every external link, in reading order, including harmless ones.
    pub links: Vec<ExternalLink>,
    /// More than [`MAX_FINDINGS`] findings: only the first ones are listed.
    pub truncated: bool,
}

impl ScreeningReport {
    /// Whether anything stops publishing (第八条二: bad content is handled before it goes out).
    pub fn blocks(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Block)
    }

    /// The most serious severity found, if any.
    pub fn worst(&self) -> Option<Severity> {
        self.findings.iter().map(|f| f.severity).max()
    }

    /// Number of findings of a severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Findings of one category.
    pub fn in_category(&self, category: Category) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.category == category)
    }

    /// Whether the text holds personal data that `mask_personal_data` can hide.
    pub fn has_personal_data(&self) -> bool {
        self.findings.iter().any(|f| f.rule.is_personal_data())
    }
}
