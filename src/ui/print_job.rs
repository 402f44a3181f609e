//! Printing off the UI thread: the PDF is laid out and written by a worker thread that reports
//! progress and can be cancelled; the window stays responsive for a 2,000-page annual review.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::domain::filing::FilingKind;
use crate::print::{FilingFormData, FormSettings, render_filing_forms, write_pdf_atomically};

pub struct PrintJob {
    pub title: String,
    pub out: PathBuf,
    pub platform_ids: Vec<i64>,
    pub kind: FilingKind,
    done: Arc<AtomicUsize>,
    total: usize,
    cancel: Arc<AtomicBool>,
    result: Receiver<Result<(), String>>,
}

impl PrintJob {
    /// Starts rendering `forms` into `out`; `repaint` wakes the window on progress.
    pub fn start(
        title: String,
        forms: Vec<FilingFormData>,
        settings: FormSettings,
        out: PathBuf,
        platform_ids: Vec<i64>,
        kind: FilingKind,
        repaint: impl Fn() + Send + 'static,
    ) -> Self {
        let done = Arc::new(AtomicUsize::new(0));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, result) = channel();
        let total = forms.len();
        let (d, c, path) = (done.clone(), cancel.clone(), out.clone());
        std::thread::spawn(move || {
            let rendered = render_filing_forms(&forms, &settings, &mut |n, _| {
                d.store(n, Ordering::Relaxed);
                repaint();
                !c.load(Ordering::Relaxed)
            });
            let outcome = rendered
                .and_then(|bytes| {
                    if c.load(Ordering::Relaxed) {
                        Err(crate::print::PrintError::Cancelled)
                    } else {
                        write_pdf_atomically(&path, &bytes)
                    }
                })
                .map_err(|e| e.to_string());
            // The window may have closed meanwhile; then nobody waits for the answer.
            let _ = tx.send(outcome);
            repaint();
        });
        Self {
            title,
            out,
            platform_ids,
            kind,
            done,
            total,
            cancel,
            result,
        }
    }

    /// Forms laid out so far, of all.
    pub fn progress(&self) -> (usize, usize) {
        (self.done.load(Ordering::Relaxed), self.total)
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelling(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// `Some` once the worker has finished (written, failed or cancelled).
    pub fn poll(&self) -> Option<Result<(), String>> {
        match self.result.try_recv() {
            Ok(r) => Some(r),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                Some(Err("打印中断，没有生成 PDF。请重试。".to_owned()))
            }
        }
    }
}
