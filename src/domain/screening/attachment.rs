//! The upload check of 第八条二: before a file is uploaded or shared, the administrator checks it
//! for legality and safety. The file's type comes from its bytes, not its name; programs,
//! scripts, macro documents and archives hiding them are refused; documents have their text
//! extracted and screened like a post's body; photos carrying GPS positions are flagged.
//! Every bad input (empty, garbage, broken, enormous, a zip bomb) ends as an issue in the
//! report, never as a panic, a hang or unbounded memory.

use serde::{Deserialize, Serialize};

use super::archive::inspect_zip;
use super::finding::Severity;
use super::image::has_gps_location;
use super::matcher::Screener;
use super::ole::inspect_ole;
use super::pdf::inspect_pdf;
use super::report::ScreeningReport;
use super::sniff::{DANGEROUS_EXTENSIONS, FileClass, FileKind, claimed_kind, extension, sniff};

const MIB: u64 = 1024 * 1024;

/// Limits of the attachment check. Stored with the settings; the defaults suit a department's
/// news site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentPolicy {
    /// Largest file accepted, except videos.
    pub max_bytes: u64,
    /// Largest video accepted.
    pub max_video_bytes: u64,
    /// Most files an archive or Office document may hold.
    pub max_archive_entries: usize,
    /// Most bytes all decompression of one upload may produce (declared and actual): the zip
    /// bomb guard.
    pub max_unpacked_bytes: u64,
    /// Most bytes one part may decompress to: a document's XML, a nested file, a PDF stream.
    pub max_part_bytes: u64,
    /// Most characters of text extracted for screening.
    pub max_extracted_chars: usize,
    /// How deep archives may be nested inside each other.
    pub max_nesting_depth: u8,
}

impl Default for AttachmentPolicy {
    fn default() -> Self {
        Self {
            max_bytes: 50 * MIB,
            max_video_bytes: 500 * MIB,
            max_archive_entries: 10_000,
            max_unpacked_bytes: 512 * MIB,
            max_part_bytes: 64 * MIB,
            max_extracted_chars: 1_000_000,
            max_nesting_depth: 3,
        }
    }
}

/// What is wrong with (or worth knowing about) an attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttachmentProblem {
    Empty,
    TooLarge,
    UnknownType,
    TextNotUtf8,
    Executable,
    Script,
    DangerousName,
    HiddenNameCharacters,
    MacroDocument,
    /// An archive or document holds a program, script or macro.
    DangerousContent,
    UninspectableArchive,
    Encrypted,
    Broken,
    DecompressionBomb,
    NestedTooDeep,
    NameMismatch,
    GpsLocation,
    PdfActiveContent,
    EmbeddedFiles,
    OldOfficeFormat,
    TextNotExtracted,
    TextTruncated,
}

/// One issue, with a Chinese sentence saying what is wrong and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentIssue {
    pub severity: Severity,
    pub problem: AttachmentProblem,
    pub message: String,
}

/// The result of checking one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttachmentReport {
    pub file_name: String,
    pub size: u64,
    /// What the bytes are.
    pub detected: FileKind,
    /// What the name says, if the extension is known.
    pub claimed: Option<FileKind>,
    pub issues: Vec<AttachmentIssue>,
    /// Text extracted from a document for screening (not serialised: it can be long).
    #[serde(skip)]
    pub extracted_text: Option<String>,
    pub text_truncated: bool,
    /// The screening of the extracted text, when checked through [`Screener::check_attachment`].
    pub text_report: Option<ScreeningReport>,
}

impl AttachmentReport {
    /// Whether the file itself is refused.
    pub fn refused(&self) -> bool {
        self.issues.iter().any(|i| i.severity == Severity::Block)
    }

    /// Whether the file may not be uploaded: refused, or its text blocks.
    pub fn blocks(&self) -> bool {
        self.refused()
            || self
                .text_report
                .as_ref()
                .is_some_and(ScreeningReport::blocks)
    }

    /// Whether an issue of this kind was raised.
    pub fn has(&self, problem: AttachmentProblem) -> bool {
        self.issues.iter().any(|i| i.problem == problem)
    }
}

/// Issues, text and remaining budgets, shared by the inspection of a file and of everything
/// nested inside it.
#[derive(Debug)]
pub(crate) struct Inspection<'p> {
    pub(crate) policy: &'p AttachmentPolicy,
    pub(crate) issues: Vec<AttachmentIssue>,
    pub(crate) text: String,
    pub(crate) has_text: bool,
    pub(crate) text_truncated: bool,
    pub(crate) chars_left: usize,
    pub(crate) unpacked_left: u64,
}

impl<'p> Inspection<'p> {
    pub(crate) fn new(policy: &'p AttachmentPolicy) -> Self {
        Self {
            policy,
            issues: Vec::new(),
            text: String::new(),
            has_text: false,
            text_truncated: false,
            chars_left: policy.max_extracted_chars,
            unpacked_left: policy.max_unpacked_bytes,
        }
    }

    pub(crate) fn issue(
        &mut self,
        severity: Severity,
        problem: AttachmentProblem,
        message: String,
    ) {
        self.issues.push(AttachmentIssue {
            severity,
            problem,
            message,
        });
    }

    /// Appends extracted text within the character budget.
    pub(crate) fn push_text(&mut self, text: &str) {
        self.has_text = true;
        if self.chars_left == 0 {
            if !text.is_empty() {
                self.text_truncated = true;
            }
            return;
        }
        match text.char_indices().nth(self.chars_left) {
            Some((cut, _)) => {
                self.text.push_str(&text[..cut]);
                self.chars_left = 0;
                self.text_truncated = true;
            }
            None => {
                self.text.push_str(text);
                self.chars_left -= text.chars().count();
            }
        }
    }

    pub(crate) fn text_full(&self) -> bool {
        self.chars_left == 0
    }
}

/// Runs a third-party parser on untrusted bytes. The parsers used are well tested, but a panic
/// on some malformed file must end as a "broken file" issue, not take the window down.
pub(crate) fn guarded<T>(parse: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse)).ok()
}

/// Where a nested file sits, for messages: "" for the upload itself, "压缩包内的「a.exe」：" inside.
pub(crate) fn place(label: &str) -> String {
    if label.is_empty() {
        String::new()
    } else {
        format!("{label}：")
    }
}

/// Inspects bytes of a known kind (the upload itself or a file nested in it) and returns the
/// kind refined by looking inside (a zip may turn out to be a docx).
pub(crate) fn inspect_bytes(
    kind: FileKind,
    bytes: &[u8],
    label: &str,
    depth: u8,
    ins: &mut Inspection,
) -> FileKind {
    let at = place(label);
    match kind {
        FileKind::Zip => {
            if depth > ins.policy.max_nesting_depth {
                ins.issue(
                    Severity::Block,
                    AttachmentProblem::NestedTooDeep,
                    format!(
                        "{at}压缩包嵌套超过 {} 层，无法逐一检查。请解压后分别上传。",
                        ins.policy.max_nesting_depth
                    ),
                );
                return kind;
            }
            inspect_zip(bytes, label, depth, ins)
        }
        FileKind::OleOffice => {
            inspect_ole(bytes, label, ins);
            kind
        }
        FileKind::Pdf => {
            inspect_pdf(bytes, label, ins);
            kind
        }
        FileKind::Jpeg | FileKind::Png | FileKind::Webp | FileKind::Heic | FileKind::Tiff => {
            if has_gps_location(bytes) {
                ins.issue(
                    Severity::Warn,
                    AttachmentProblem::GpsLocation,
                    format!("{at}照片带有 GPS 位置信息，会暴露拍摄地点。请用去除位置信息的方式重新导出后再上传。"),
                );
            }
            kind
        }
        FileKind::Text => {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            ins.push_text(&String::from_utf8_lossy(body));
            kind
        }
        FileKind::TextNotUtf8 => {
            ins.issue(
                Severity::Block,
                AttachmentProblem::TextNotUtf8,
                format!("{at}文本不是 UTF-8 编码（可能是 GBK），无法检查其内容。请用记事本「另存为」UTF-8 编码后再上传。"),
            );
            kind
        }
        FileKind::WindowsExecutable
        | FileKind::Elf
        | FileKind::MachO
        | FileKind::OtherExecutable
        | FileKind::Shortcut => {
            ins.issue(
                Severity::Block,
                AttachmentProblem::Executable,
                format!("{at}这是{}，不允许上传可执行程序。", kind.label()),
            );
            kind
        }
        FileKind::Script => {
            ins.issue(
                Severity::Block,
                AttachmentProblem::Script,
                format!(
                    "{at}内容是脚本（批处理、PowerShell、VBScript、JavaScript 等），不允许上传。"
                ),
            );
            kind
        }
        FileKind::Rar | FileKind::SevenZip | FileKind::Gzip | FileKind::Tar => {
            ins.issue(
                Severity::Block,
                AttachmentProblem::UninspectableArchive,
                format!(
                    "{at}{}的内容无法逐一检查。请改用 ZIP 格式，或解压后分别上传。",
                    kind.label()
                ),
            );
            kind
        }
        FileKind::Unknown => {
            ins.issue(
                Severity::Block,
                AttachmentProblem::UnknownType,
                format!("{at}无法识别文件类型（不是常见的图片、文档、视频、音频或压缩包），不能确认其安全。请换成常见格式后再上传。"),
            );
            kind
        }
        FileKind::Empty => {
            ins.issue(
                Severity::Block,
                AttachmentProblem::Empty,
                format!("{at}文件是空的（0 字节）。请确认选择了正确的文件。"),
            );
            kind
        }
        _ => kind,
    }
}

/// Direction-control characters that make `photo\u{202E}gpj.exe` display as `photoexe.jpg`.
fn has_hidden_direction_marks(name: &str) -> bool {
    name.chars()
        .any(|c| matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / MIB as f64)
}

/// 第八条二: every file is checked for legality and safety before it is uploaded or shared. This
/// checks the file itself and extracts its text; [`Screener::check_attachment`] also screens
/// that text.
pub fn check_attachment(
    file_name: &str,
    bytes: &[u8],
    policy: &AttachmentPolicy,
) -> AttachmentReport {
    let mut ins = Inspection::new(policy);
    let claimed = claimed_kind(file_name);
    let ext = extension(file_name);
    if has_hidden_direction_marks(file_name) {
        ins.issue(
            Severity::Block,
            AttachmentProblem::HiddenNameCharacters,
            "文件名含有隐藏的文字方向控制符，常被用来把「.exe」伪装成「.jpg」。请重命名后再上传。"
                .to_owned(),
        );
    }
    if let Some(ext) = ext.as_deref().filter(|e| DANGEROUS_EXTENSIONS.contains(e)) {
        ins.issue(
            Severity::Block,
            AttachmentProblem::DangerousName,
            format!("文件名后缀 .{ext} 属于可执行程序、脚本或含宏文档，不允许上传。"),
        );
    }
    let mut detected = sniff(bytes);
    let size = bytes.len() as u64;
    let limit = if detected.class() == FileClass::Video {
        policy.max_video_bytes
    } else {
        policy.max_bytes
    };
    if size > limit {
        ins.issue(
            Severity::Block,
            AttachmentProblem::TooLarge,
            format!(
                "文件大小 {} MB，超过上限 {} MB。请压缩或拆分后再上传。",
                megabytes(size),
                megabytes(limit)
            ),
        );
    } else {
        detected = inspect_bytes(detected, bytes, "", 0, &mut ins);
    }
    if let Some(claimed) = claimed
        && !claimed.same_format(detected)
        && detected != FileKind::Empty
    {
        ins.issue(
            Severity::Warn,
            AttachmentProblem::NameMismatch,
            format!(
                "文件名后缀是 .{}（{}），但内容其实是{}。请确认文件来源，并改用正确的后缀。",
                ext.as_deref().unwrap_or_default(),
                claimed.label(),
                detected.label()
            ),
        );
    }
    if ins.text_truncated {
        ins.issue(
            Severity::Warn,
            AttachmentProblem::TextTruncated,
            format!(
                "文字超过 {} 字，只检查了前 {} 字，其余部分请人工检查。",
                policy.max_extracted_chars, policy.max_extracted_chars
            ),
        );
    }
    AttachmentReport {
        file_name: file_name.to_owned(),
        size,
        detected,
        claimed,
        issues: ins.issues,
        extracted_text: ins.has_text.then_some(ins.text),
        text_truncated: ins.text_truncated,
        text_report: None,
    }
}

impl Screener {
    /// 第八条二: checks a file before upload and screens its extracted text like a post's body
    /// (第六条三, 第六条五).
    pub fn check_attachment(
        &self,
        file_name: &str,
        bytes: &[u8],
        policy: &AttachmentPolicy,
    ) -> AttachmentReport {
        let mut report = check_attachment(file_name, bytes, policy);
        report.text_report = report
            .extracted_text
            .as_deref()
            .map(|text| self.screen(text));
        report
    }
}
