//! The screened post editor (第六条三, 第六条五, 第八条二): a text box whose findings are
//! highlighted at their exact characters, and a side panel that lists them by category, jumps to
//! each one, and masks personal data in one click. Reused by the post editor (editable) and by
//! the reviewer's view of a submitted post (read-only, still highlighted and navigable).

use std::hash::Hash;
use std::ops::Range;

use eframe::egui::{
    self, Color32, FontId, Galley, Id, RichText,
    text::{CCursor, CCursorRange, LayoutJob, TextFormat},
    text_edit::TextEditState,
};

use super::theme;
use crate::domain::screening::{
    Category, Finding, LinkScheme, Screener, ScreeningReport, Severity, mask_personal_data,
};
use crate::text;

/// A category with thousands of hits is listed only up to here: the reviewer needs to see the
/// pattern, not scroll through every repeat, and the panel stays cheap to draw.
const MAX_ROWS_PER_CATEGORY: usize = 200;

/// One finding as listed in the side panel, prepared once per screening (masking and
/// formatting are not redone every frame).
#[derive(Debug, Clone)]
struct Row {
    /// Index into `report.findings`.
    finding: usize,
    label: String,
}

/// The findings of one category, in reading order.
#[derive(Debug, Clone)]
struct Group {
    category: Category,
    count: usize,
    rows: Vec<Row>,
}

/// Counts for the summary line, taken once per screening.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Summary {
    block: usize,
    warn: usize,
    info: usize,
    links: usize,
    http: usize,
    shorteners: usize,
}

/// The editor's state between frames: the last screening and what was asked of the text box.
/// Screening runs in [`ScreenedEditor::refresh`] only when the text differs from the one last
/// screened, never per frame.
pub struct ScreenedEditor {
    id: Id,
    /// The exact text the report belongs to; `None` before the first screening.
    screened: Option<String>,
    report: ScreeningReport,
    generation: u64,
    groups: Vec<Group>,
    summary: Summary,
    /// Characters to select, focus and bring into view on the next `editor_ui` drawn without
    /// a click: egui takes focus away from a text box on the frame something else is clicked.
    pending_jump: Option<Range<usize>>,
    /// The finding last jumped to, shown as selected in the panel.
    current: Option<usize>,
    /// Whether 一键脱敏 is offered: only to whoever may change the text.
    allow_mask: bool,
}

impl ScreenedEditor {
    /// `id_salt` must be unique among the editors on screen (e.g. the post's id).
    pub fn new(id_salt: impl Hash + std::fmt::Debug) -> Self {
        Self {
            id: Id::unique(("screened_editor", id_salt)),
            screened: None,
            report: ScreeningReport::default(),
            generation: 0,
            groups: Vec::new(),
            summary: Summary::default(),
            pending_jump: None,
            current: None,
            allow_mask: true,
        }
    }

    /// Offers 一键脱敏 only when the person viewing may change the text.
    pub fn with_masking(mut self, allowed: bool) -> Self {
        self.allow_mask = allowed;
        self
    }

    /// The id of the inner `TextEdit`, for `TextEditState::load` (tests, focus).
    pub fn text_edit_id(&self) -> Id {
        self.id
    }

    /// Rescreens if `text` changed since the last call (or after [`Self::invalidate`]).
    pub fn refresh(&mut self, screener: &Screener, text: &str) {
        if self.screened.as_deref() == Some(text) {
            return;
        }
        let report = screener.screen(text);
        self.set_report(text, report);
    }

    /// Uses a report computed elsewhere (e.g. on a background thread, or with a fixed date).
    pub fn set_report(&mut self, text: &str, report: ScreeningReport) {
        self.summary = summarise(&report);
        self.groups = group(&report);
        self.report = report;
        self.screened = Some(text.to_owned());
        self.generation += 1;
        self.current = None;
    }

    /// Forces the next `refresh` to screen again, e.g. after the word lists were edited.
    pub fn invalidate(&mut self) {
        self.screened = None;
    }

    /// How many times the text was screened: tests use it to prove screening is not per frame.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn report(&self) -> &ScreeningReport {
        &self.report
    }

    /// Whether publishing must wait until the text is fixed.
    pub fn blocks(&self) -> bool {
        self.report.blocks()
    }

    /// The text box (accessible label 「正文」), filling the space it is given and scrolling.
    /// Returns true when the person changed the text. Read-only when `editable` is false, but
    /// still selectable, highlighted and navigable from the panel.
    pub fn editor_ui(&mut self, ui: &mut egui::Ui, text: &mut String, editable: bool) -> bool {
        let scroll_to = self.apply_jump(ui);
        let label = ui.label(text::SCREEN_BODY);
        let font_id = egui::TextStyle::Body.resolve(ui.style());
        let color = ui.visuals().text_color();
        let line_height =
            ui.fonts_mut(|f| f.row_height(&font_id)) + ui.spacing().extra_text_line_spacing;
        let findings: &[Finding] = &self.report.findings;
        let mut layouter = |ui: &egui::Ui, buf: &dyn egui::TextBuffer, wrap_width: f32| {
            let mut job = highlight_job(buf.as_str(), findings, &font_id, color, line_height);
            job.wrap.max_width = wrap_width;
            ui.fonts_mut(|f| f.layout_job(job))
        };
        let mut changed = false;
        egui::ScrollArea::vertical()
            .id_salt(self.id.with("scroll"))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let output = if editable {
                    egui::TextEdit::multiline(text)
                        .id(self.id)
                        .desired_width(f32::INFINITY)
                        .desired_rows(16)
                        .layouter(&mut layouter)
                        .show(ui)
                } else {
                    egui::TextEdit::multiline(&mut text.as_str())
                        .id(self.id)
                        .desired_width(f32::INFINITY)
                        .desired_rows(16)
                        .layouter(&mut layouter)
                        .show(ui)
                };
                let response = output.response.response.labelled_by(label.id);
                changed = editable && response.changed();
                if let Some(range) = scroll_to {
                    let rect = chars_rect(&output.galley, &range).translate(
                        output.galley_pos.to_vec2() - egui::vec2(output.galley.rect.left(), 0.0),
                    );
                    ui.scroll_to_rect(rect, Some(egui::Align::Center));
                }
            });
        changed
    }

    /// The findings panel: summary line, 一键脱敏, and the findings by category, each a link to
    /// its characters. Returns true when it changed `text` (masking).
    pub fn findings_ui(&mut self, ui: &mut egui::Ui, text: &mut String) -> bool {
        let summary = self.summary;
        ui.label(
            RichText::new(text::screen_summary(
                summary.block,
                summary.warn,
                summary.links,
            ))
            .strong(),
        );
        if summary.info > 0 {
            ui.label(RichText::new(text::screen_info_count(summary.info)).color(theme::MUTED));
        }
        if let Some(warning) = text::screen_link_warning(summary.http, summary.shorteners) {
            ui.label(RichText::new(warning).color(theme::WARN));
        }
        let mut changed = false;
        if self.allow_mask
            && self.report.has_personal_data()
            && ui
                .button(text::SCREEN_MASK)
                .on_hover_text(text::SCREEN_MASK_HINT)
                .clicked()
        {
            let masked = mask_personal_data(text, &self.report.findings);
            if masked != *text {
                *text = masked;
                changed = true;
            }
        }
        if self.report.findings.is_empty() && self.screened.is_some() {
            ui.label(RichText::new(text::SCREEN_CLEAN).color(theme::OK));
        }
        if self.report.truncated {
            ui.label(RichText::new(text::SCREEN_TRUNCATED).color(theme::WARN));
        }
        let mut jump: Option<usize> = None;
        egui::ScrollArea::vertical()
            .id_salt(self.id.with("findings"))
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for group in &self.groups {
                    let header = text::screen_category_header(
                        group.category.label(),
                        &group.category.article(),
                        group.count,
                    );
                    egui::CollapsingHeader::new(header)
                        .id_salt(self.id.with(group.category.code()))
                        .default_open(true)
                        .show(ui, |ui| {
                            for row in &group.rows {
                                let Some(finding) = self.report.findings.get(row.finding) else {
                                    continue;
                                };
                                let label = RichText::new(&row.label)
                                    .color(severity_text_colour(finding.severity));
                                let selected = self.current == Some(row.finding);
                                if ui
                                    .selectable_label(selected, label)
                                    .on_hover_text(text::screen_position(
                                        finding.start,
                                        finding.end,
                                    ))
                                    .clicked()
                                {
                                    jump = Some(row.finding);
                                }
                            }
                            if group.count > group.rows.len() {
                                ui.label(
                                    RichText::new(text::screen_more(
                                        group.count - group.rows.len(),
                                    ))
                                    .color(theme::MUTED),
                                );
                            }
                        });
                }
            });
        if let Some(index) = jump {
            self.jump_to(ui.ctx(), index);
        }
        changed
    }

    /// Asks the next `editor_ui` to select the finding's characters, focus the text box and
    /// scroll them into view.
    fn jump_to(&mut self, ctx: &egui::Context, index: usize) {
        let Some(finding) = self.report.findings.get(index) else {
            return;
        };
        self.current = Some(index);
        self.pending_jump = Some(finding.start..finding.end);
        ctx.request_repaint();
    }

    /// Applies a pending jump unless a click is being handled this frame (the click would take
    /// the focus away again, and an unfocused text box drops its selection). Returns the range
    /// to scroll to.
    fn apply_jump(&mut self, ui: &egui::Ui) -> Option<Range<usize>> {
        self.pending_jump.as_ref()?;
        if ui.input(|i| i.pointer.any_click()) {
            ui.ctx().request_repaint();
            return None;
        }
        let range = self.pending_jump.take()?;
        let ctx = ui.ctx();
        let mut state = TextEditState::load(ctx, self.id).unwrap_or_default();
        state.cursor.set_char_range(Some(CCursorRange::two(
            CCursor::new(range.start),
            CCursor::new(range.end),
        )));
        state.store(ctx, self.id);
        ctx.memory_mut(|m| m.request_focus(self.id));
        Some(range)
    }
}

/// The screen rectangle (in galley coordinates) covering characters `range`.
fn chars_rect(galley: &Galley, range: &Range<usize>) -> egui::Rect {
    let start = galley.pos_from_cursor(CCursor::new(range.start));
    let end = galley.pos_from_cursor(CCursor::new(range.end));
    start.union(end)
}

/// Background of highlighted characters: the theme's severity colours, made light enough that
/// the text on them stays readable.
pub fn highlight_colour(severity: Severity) -> Color32 {
    let base = match severity {
        Severity::Block => theme::DANGER,
        Severity::Warn => theme::WARN,
        Severity::Info => theme::ACCENT,
    };
    let [r, g, b, _] = base.to_array();
    Color32::from_rgba_unmultiplied(r, g, b, 64)
}

/// Text colour of a finding in the panel.
fn severity_text_colour(severity: Severity) -> Color32 {
    match severity {
        Severity::Block => theme::DANGER,
        Severity::Warn => theme::WARN,
        Severity::Info => theme::MUTED,
    }
}

/// The text laid out with each finding's bytes on its severity's background. Findings are used
/// only where `text` still holds exactly what was found: between a keystroke and the next
/// screening the offsets may be stale, and a stale range must never split a character or
/// highlight the wrong words. Overlapping findings are clipped so sections never overlap.
pub fn highlight_job(
    text: &str,
    findings: &[Finding],
    font_id: &FontId,
    color: Color32,
    line_height: f32,
) -> LayoutJob {
    let plain = TextFormat {
        font_id: font_id.clone(),
        color,
        line_height: Some(line_height),
        ..Default::default()
    };
    let mut job = LayoutJob {
        keep_trailing_whitespace: true,
        ..Default::default()
    };
    let mut copied = 0;
    for finding in findings {
        let (start, end) = (finding.byte_start.max(copied), finding.byte_end);
        let still_there =
            text.get(finding.byte_start..finding.byte_end) == Some(finding.matched.as_str());
        if !still_there || start >= end {
            continue;
        }
        // `start` is a char boundary: either the finding's own start or the end of an earlier one.
        if let (Some(before), Some(marked)) = (text.get(copied..start), text.get(start..end)) {
            if !before.is_empty() {
                job.append(before, 0.0, plain.clone());
            }
            let format = TextFormat {
                background: highlight_colour(finding.severity),
                ..plain.clone()
            };
            job.append(marked, 0.0, format);
            copied = end;
        }
    }
    if let Some(rest) = text.get(copied..)
        && (!rest.is_empty() || job.sections.is_empty())
    {
        job.append(rest, 0.0, plain);
    }
    job
}

fn summarise(report: &ScreeningReport) -> Summary {
    Summary {
        block: report.count(Severity::Block),
        warn: report.count(Severity::Warn),
        info: report.count(Severity::Info),
        links: report.links.len(),
        http: report
            .links
            .iter()
            .filter(|l| l.scheme == LinkScheme::Http)
            .count(),
        shorteners: report.links.iter().filter(|l| l.shortener).count(),
    }
}

/// What the panel shows for a finding: personal data masked, so the panel itself never
/// displays the full number beside the text it warns about.
fn row_label(finding: &Finding) -> String {
    let matched = if finding.rule.is_personal_data() {
        let alone = Finding {
            start: 0,
            end: finding.matched.chars().count(),
            byte_start: 0,
            byte_end: finding.matched.len(),
            ..finding.clone()
        };
        mask_personal_data(&finding.matched, std::slice::from_ref(&alone))
    } else {
        finding.matched.clone()
    };
    text::screen_finding_row(&matched, &finding.rule.label(), finding.severity.label())
}

fn group(report: &ScreeningReport) -> Vec<Group> {
    let mut groups: Vec<Group> = Category::ALL
        .into_iter()
        .map(|category| Group {
            category,
            count: 0,
            rows: Vec::new(),
        })
        .collect();
    for (index, finding) in report.findings.iter().enumerate() {
        let Some(group) = groups.iter_mut().find(|g| g.category == finding.category) else {
            continue;
        };
        group.count += 1;
        if group.rows.len() < MAX_ROWS_PER_CATEGORY {
            group.rows.push(Row {
                finding: index,
                label: row_label(finding),
            });
        }
    }
    groups.retain(|g| g.count > 0);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::screening::{PersonalDataSettings, Rule};

    fn finding_at(text: &str, matched: &str, severity: Severity, rule: Rule) -> Finding {
        Finding::locate(text, matched, Category::PersonalData, severity, rule).unwrap()
    }

    fn backgrounds(job: &LayoutJob) -> Vec<(Range<usize>, Color32)> {
        job.sections
            .iter()
            .map(|s| {
                (
                    s.byte_range.start.0..s.byte_range.end.0,
                    s.format.background,
                )
            })
            .collect()
    }

    #[test]
    fn highlight_sections_cover_exactly_the_findings_bytes() {
        let text = "通知：张三 tel 13812345678，身份证11010519491231002X 网上赌博 end";
        let screener = Screener::seeded(&PersonalDataSettings::default()).unwrap();
        let report = screener.screen(text);
        assert!(report.findings.len() >= 3, "{:?}", report.findings);
        let job = highlight_job(
            text,
            &report.findings,
            &FontId::default(),
            Color32::BLACK,
            18.0,
        );
        assert_eq!(job.text, text);
        let highlighted: Vec<(Range<usize>, Color32)> = backgrounds(&job)
            .into_iter()
            .filter(|(_, bg)| *bg != Color32::TRANSPARENT)
            .collect();
        let expected: Vec<(Range<usize>, Color32)> = report
            .findings
            .iter()
            .map(|f| (f.byte_start..f.byte_end, highlight_colour(f.severity)))
            .collect();
        assert_eq!(highlighted, expected);
        for (range, _) in &highlighted {
            assert!(text.is_char_boundary(range.start) && text.is_char_boundary(range.end));
        }
        // Sections tile the text with no gap and no overlap.
        let mut at = 0;
        for (range, _) in backgrounds(&job) {
            assert_eq!(range.start, at);
            at = range.end;
        }
        assert_eq!(at, text.len());
    }

    #[test]
    fn stale_and_overlapping_findings_never_split_characters() {
        let text = "电话13812345678，赌博";
        let mobile = finding_at(text, "13812345678", Severity::Warn, Rule::Mobile);
        let mut overlapping = finding_at(
            text,
            "12345678，赌博",
            Severity::Block,
            Rule::Word("x".into()),
        );
        overlapping.category = Category::ObscenityGamblingViolence;
        /// (text, findings, expected sections as byte range and whether highlighted)
        type Case<'a> = (&'a str, Vec<Finding>, Vec<(Range<usize>, bool)>);
        let cases: [Case; 3] = [
            // The second finding is clipped to start where the first ended.
            (
                text,
                vec![mobile.clone(), overlapping.clone()],
                vec![(0..6, false), (6..17, true), (17..26, true)],
            ),
            // A keystroke before the number: offsets are stale, nothing is highlighted.
            (
                "电话：13812345678，赌博",
                vec![mobile.clone()],
                vec![(0..29, false)],
            ),
            // The text got shorter than a finding's end.
            ("电话", vec![mobile], vec![(0..6, false)]),
        ];
        for (text, findings, expected) in cases {
            let job = highlight_job(text, &findings, &FontId::default(), Color32::BLACK, 18.0);
            let got: Vec<(Range<usize>, bool)> = backgrounds(&job)
                .into_iter()
                .map(|(r, bg)| (r, bg != Color32::TRANSPARENT))
                .collect();
            assert_eq!(got, expected, "{text}");
        }
        let empty = highlight_job("", &[], &FontId::default(), Color32::BLACK, 18.0);
        assert_eq!(empty.sections.len(), 1);
    }

    #[test]
    fn panel_rows_mask_personal_data_and_group_by_category() {
        let screener = Screener::seeded(&PersonalDataSettings::default()).unwrap();
        let report = screener.screen("身份证11010519491231002X，网上赌博");
        let groups = group(&report);
        let personal = groups
            .iter()
            .find(|g| g.category == Category::PersonalData)
            .unwrap();
        assert_eq!(personal.count, 1);
        assert!(personal.rows[0].label.contains("1101**********002X"));
        assert!(!personal.rows[0].label.contains("11010519491231002X"));
        assert!(
            groups
                .iter()
                .any(|g| g.category == Category::ObscenityGamblingViolence)
        );
    }
}
