//! Printing and files from the window: the background print job and its completion, the
//! one-copy documents (change report, closure report, shutdown notice), and the scans of
//! signed forms.

use eframe::egui;

use super::app::{Action, Page, Workspace};
use super::print_job::PrintJob;
use crate::domain::filing::FilingKind;
use crate::store::{Store, StoreError};

pub(super) fn job_ui(ui: &mut egui::Ui, job: &PrintJob, actions: &mut Vec<Action>) {
    let (done, total) = job.progress();
    ui.horizontal(|ui| {
        ui.label(format!("正在生成 PDF：{}", job.title));
        let fraction = if total == 0 {
            0.0
        } else {
            done as f32 / total as f32
        };
        ui.add(
            egui::ProgressBar::new(fraction)
                .desired_width(280.0)
                .text(format!("{done} / {total}")),
        );
        if job.is_cancelling() {
            ui.label("正在取消…");
        } else if ui.button("取消").clicked() {
            actions.push(Action::CancelPrint);
        }
    });
}

impl Workspace {
    pub(super) fn start_print(
        &mut self,
        ids: Vec<i64>,
        kind: FilingKind,
        title: String,
        file_name: &str,
    ) {
        if self.job.is_some() {
            return;
        }
        let prepared = crate::print::forms_for(&self.store, &ids)
            .map_err(|e| e.to_string())
            .and_then(|forms| {
                let settings = self.store.settings().map_err(|e| e.to_string())?;
                Ok((forms, crate::print::form_settings(&settings)?))
            });
        let (forms, settings) = match prepared {
            Ok(p) => p,
            Err(e) => {
                self.apply(Action::Error(e));
                return;
            }
        };
        let Some(out) = (self.hooks.save_path)(file_name) else {
            return;
        };
        let out = if out.extension().is_none() {
            out.with_extension("pdf")
        } else {
            out
        };
        let ctx = self.ctx.clone();
        self.job = Some(PrintJob::start(
            title,
            forms,
            settings,
            out,
            ids,
            kind,
            move || {
                if let Some(ctx) = &ctx {
                    ctx.request_repaint();
                }
            },
        ));
    }

    /// Finishes a print job: records the filings, opens the PDF; on any failure the PDF
    /// is removed so no file exists without its record.
    pub(super) fn poll_job(&mut self, ctx: &egui::Context) {
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
        let Some(job) = &self.job else {
            return;
        };
        let Some(result) = job.poll() else {
            return;
        };
        let Some(job) = self.job.take() else {
            return;
        };
        let outcome = result.and_then(|()| {
            self.store
                .record_filings(&job.platform_ids, job.kind, self.today)
                .map_err(|e| {
                    let _ = std::fs::remove_file(&job.out);
                    format!("{e}（PDF 未保存）")
                })
        });
        match outcome {
            Ok(_) => {
                let opened = (self.hooks.open_file)(&job.out);
                let mut text = format!("已生成 {}，请打印后签字盖章", job.out.display());
                if let Err(e) = opened {
                    text.push_str(&format!("（无法自动打开：{e}，请手动打开该文件）"));
                }
                self.apply(Action::Reload);
                self.page = Page::Filings;
                self.apply(Action::Notice(text));
            }
            Err(e) => self.apply(Action::Error(e)),
        }
    }

    /// Renders a one-copy document (a few ms), asks where to save it, writes it atomically
    /// and opens it for printing.
    pub(super) fn print_document(
        &mut self,
        render: impl FnOnce(&Store, &crate::print::FormSettings) -> Result<(Vec<u8>, String), String>,
    ) {
        let result = self
            .store
            .settings()
            .map_err(|e| e.to_string())
            .and_then(|s| crate::print::form_settings(&s))
            .and_then(|settings| render(&self.store, &settings));
        let (bytes, name) = match result {
            Ok(r) => r,
            Err(e) => return self.apply(Action::Error(e)),
        };
        let Some(out) = (self.hooks.save_path)(&name) else {
            return;
        };
        let out = if out.extension().is_none() {
            out.with_extension("pdf")
        } else {
            out
        };
        match crate::print::write_pdf_atomically(&out, &bytes) {
            Ok(()) => {
                let mut text = format!("已生成 {}，请签字盖章后报送", out.display());
                if let Err(e) = (self.hooks.open_file)(&out) {
                    text.push_str(&format!("（无法自动打开：{e}）"));
                }
                self.apply(Action::Notice(text));
            }
            Err(e) => self.apply(Action::Error(e.to_string())),
        }
    }

    pub(super) fn attach_scan(&mut self, id: i64) -> Result<(), StoreError> {
        let Some(path) = (self.hooks.pick_scan)() else {
            return Ok(());
        };
        let bytes = std::fs::read(&path)
            .map_err(|e| StoreError::InUse(format!("无法读取「{}」：{e}", path.display())))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.store.attach_scan(id, &name, &bytes)?;
        self.reload()?;
        self.apply(Action::Notice(format!("已附加扫描件「{name}」")));
        Ok(())
    }

    pub(super) fn open_scan(&mut self, id: i64) -> Result<(), StoreError> {
        let Some(scan) = self.store.scan(id)? else {
            return Err(StoreError::NotFound {
                what: "扫描件", id
            });
        };
        let dir = std::env::temp_dir().join("MediaDesk");
        let path = dir.join(format!(
            "备案记录{id}-{}",
            super::filings_view::safe_file_part(&scan.file_name)
        ));
        std::fs::create_dir_all(&dir)
            .and_then(|()| std::fs::write(&path, &scan.bytes))
            .map_err(|source| StoreError::Unwritable {
                path: path.clone(),
                source,
            })?;
        if let Err(e) = (self.hooks.open_file)(&path) {
            self.apply(Action::Error(format!(
                "无法打开扫描件：{e}；文件在 {}",
                path.display()
            )));
        }
        Ok(())
    }
}
