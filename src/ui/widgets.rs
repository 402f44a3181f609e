//! Small pieces shared by the views.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use eframe::egui;

use crate::text::ui_window;

/// `--screenshot FILE`: after the window has drawn a few frames (fonts loaded, layout
/// settled), ask eframe for a screenshot, write it as PNG, and close the window.
pub struct ScreenshotRequest {
    path: PathBuf,
    frames: u32,
    requested: bool,
    done: Arc<Mutex<Option<Result<(), String>>>>,
}

impl ScreenshotRequest {
    pub fn new(path: PathBuf) -> Self {
        Self {
            path,
            frames: 0,
            requested: false,
            done: Arc::new(Mutex::new(None)),
        }
    }

    pub fn frame(&mut self, ctx: &egui::Context) {
        self.frames += 1;
        if self.frames == 1 {
            eprintln!(
                "{}",
                ui_window::first_frame(crate::started().elapsed().as_millis())
            );
        }
        if let Ok(mut done) = self.done.lock()
            && let Some(result) = done.take()
        {
            if let Err(e) = result {
                eprintln!("{}", ui_window::screenshot_failed(&e));
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        if self.frames >= 3 && !self.requested {
            self.requested = true;
            let path = self.path.clone();
            let done = self.done.clone();
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                let result = write_png(&path, &image);
                if let Ok(mut d) = done.lock() {
                    *d = Some(result);
                }
                repaint.request_repaint();
            });
        }
        ctx.request_repaint();
    }
}

/// Writes an egui screenshot as an RGBA PNG.
pub fn write_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let file = std::fs::File::create(path).map_err(|e| ui_window::file_error(path, e))?;
    let [w, h] = image.size;
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), w as u32, h as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_array()).collect();
    writer.write_image_data(&bytes).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())
}

/// Opens `path` with the desktop's default application (the PDF viewer, the image viewer).
pub fn open_in_system_viewer(path: &std::path::Path) -> Result<(), String> {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]).arg(path);
        c
    } else if cfg!(target_os = "macos") {
        let mut c = std::process::Command::new("open");
        c.arg(path);
        c
    } else {
        let mut c = std::process::Command::new("xdg-open");
        c.arg(path);
        c
    };
    command.spawn().map(|_| ()).map_err(|e| e.to_string())
}
