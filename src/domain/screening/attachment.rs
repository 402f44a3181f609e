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

/// One issue: how serious, what kind, where in the upload, and what exactly was found. The
/// sentence saying what is wrong and what to do is `AttachmentIssue::message` (in
/// `text::screening`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentIssue {
    pub severity: Severity,
    pub problem: AttachmentProblem,
    pub place: IssuePlace,
    pub detail: IssueDetail,
}

/// What holds the files of an upload that has files inside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Container {
    /// A plain ZIP archive.
    Archive,
    /// An Office document (docx/xlsx/pptx), which is a ZIP inside.
    Document,
}

/// Where an issue sits: the uploaded file itself, or a file nested inside it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IssuePlace {
    #[default]
    Upload,
    /// `path` names the entries from the outermost inwards; `container` is what the upload is.
    Inside {
        container: Container,
        path: Vec<String>,
    },
}

impl IssuePlace {
    /// The place of `entry` inside the file at this place. An entry of the upload is inside
    /// `container`; deeper entries keep the upload's container.
    pub(crate) fn entry(&self, container: Container, entry: &str) -> IssuePlace {
        match self {
            Self::Upload => Self::Inside {
                container,
                path: vec![entry.to_owned()],
            },
            Self::Inside { container, path } => Self::Inside {
                container: *container,
                path: path.iter().cloned().chain([entry.to_owned()]).collect(),
            },
        }
    }
}

/// What exactly was found, with the numbers and names the message needs. Sizes are in bytes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IssueDetail {
    /// The name hides direction-control characters.
    HiddenNameCharacters,
    /// The name's extension is a program's, a script's or a macro document's.
    DangerousName { ext: String },
    /// Larger than the policy allows.
    TooLarge { size: u64, limit: u64 },
    /// The name claims one kind, the bytes are another.
    NameMismatch {
        ext: String,
        claimed: FileKind,
        detected: FileKind,
    },
    /// Only the first `max_chars` characters of text were screened.
    TextTruncated { max_chars: usize },
    /// Archives nested deeper than `max_depth`.
    NestedTooDeep { max_depth: u8 },
    /// A photo with a GPS position.
    GpsLocation,
    /// Text that is not UTF-8.
    TextNotUtf8,
    /// A program of this kind.
    Executable { kind: FileKind },
    /// A script.
    Script,
    /// An archive other than ZIP, whose files cannot be listed.
    UninspectableArchive { kind: FileKind },
    /// No known kind.
    UnknownType,
    /// Zero bytes.
    Empty,
    /// A ZIP (or Office document) that cannot be opened.
    ArchiveBroken,
    /// More files than `max` in one archive.
    TooManyEntries { count: usize, max: usize },
    /// The sizes an archive declares add up to more than the budget.
    DeclaredTooLarge { declared: u64, max: u64 },
    /// A Java or Android package.
    JavaOrAndroidProgram,
    /// An Office document carrying a VBA project.
    OfficeMacros,
    /// A plain archive carrying a VBA project.
    ArchiveMacros,
    /// An encrypted entry of an archive.
    EntryEncrypted,
    /// An entry named like a program, script or macro document.
    DangerousEntry { ext: String },
    /// An entry that cannot be decompressed.
    EntryBroken,
    /// The decompression budget of the whole upload is spent.
    UnpackBudgetSpent { max: u64 },
    /// A text part of a document that is not well-formed XML.
    PartTextUnreadable,
    /// A nested archive, document or PDF larger than `max` once decompressed.
    EntryTooLarge { max: u64 },
    /// An old binary Office document with macros.
    OldOfficeMacros,
    /// An old binary Office document with an embedded program.
    OleEmbeddedProgram,
    /// An old binary Office document, whose text cannot be extracted.
    OldOfficeFormat,
    /// A PDF with a password.
    PdfEncrypted,
    /// A PDF that cannot be opened.
    PdfBroken,
    /// A PDF with JavaScript or a launch action.
    PdfActiveContent,
    /// A PDF with embedded files.
    PdfEmbeddedFiles,
    /// A PDF without extractable text (a scan).
    PdfNoText,
    /// A PDF of which `failed` pages gave no text.
    PdfPagesFailed { failed: usize },
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
        place: &IssuePlace,
        detail: IssueDetail,
    ) {
        self.issues.push(AttachmentIssue {
            severity,
            problem,
            place: place.clone(),
            detail,
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

/// Inspects bytes of a known kind (the upload itself or a file nested in it) and returns the
/// kind refined by looking inside (a zip may turn out to be a docx).
pub(crate) fn inspect_bytes(
    kind: FileKind,
    bytes: &[u8],
    at: &IssuePlace,
    depth: u8,
    ins: &mut Inspection,
) -> FileKind {
    let refuse = |ins: &mut Inspection, problem, detail| {
        ins.issue(Severity::Block, problem, at, detail);
    };
    match kind {
        FileKind::Zip => {
            if depth > ins.policy.max_nesting_depth {
                let max_depth = ins.policy.max_nesting_depth;
                refuse(
                    ins,
                    AttachmentProblem::NestedTooDeep,
                    IssueDetail::NestedTooDeep { max_depth },
                );
                return kind;
            }
            inspect_zip(bytes, at, depth, ins)
        }
        FileKind::OleOffice => {
            inspect_ole(bytes, at, ins);
            kind
        }
        FileKind::Pdf => {
            inspect_pdf(bytes, at, ins);
            kind
        }
        FileKind::Jpeg | FileKind::Png | FileKind::Webp | FileKind::Heic | FileKind::Tiff => {
            if has_gps_location(bytes) {
                ins.issue(
                    Severity::Warn,
                    AttachmentProblem::GpsLocation,
                    at,
                    IssueDetail::GpsLocation,
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
            refuse(
                ins,
                AttachmentProblem::TextNotUtf8,
                IssueDetail::TextNotUtf8,
            );
            kind
        }
        FileKind::WindowsExecutable
        | FileKind::Elf
        | FileKind::MachO
        | FileKind::OtherExecutable
        | FileKind::Shortcut => {
            refuse(
                ins,
                AttachmentProblem::Executable,
                IssueDetail::Executable { kind },
            );
            kind
        }
        FileKind::Script => {
            refuse(ins, AttachmentProblem::Script, IssueDetail::Script);
            kind
        }
        FileKind::Rar | FileKind::SevenZip | FileKind::Gzip | FileKind::Tar => {
            refuse(
                ins,
                AttachmentProblem::UninspectableArchive,
                IssueDetail::UninspectableArchive { kind },
            );
            kind
        }
        FileKind::Unknown => {
            refuse(
                ins,
                AttachmentProblem::UnknownType,
                IssueDetail::UnknownType,
            );
            kind
        }
        FileKind::Empty => {
            refuse(ins, AttachmentProblem::Empty, IssueDetail::Empty);
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

/// 第八条二: every file is checked for legality and safety before it is uploaded or shared. This
/// checks the file itself and extracts its text; [`Screener::check_attachment`] also screens
/// that text.
pub fn check_attachment(
    file_name: &str,
    bytes: &[u8],
    policy: &AttachmentPolicy,
) -> AttachmentReport {
    let mut ins = Inspection::new(policy);
    let upload = IssuePlace::Upload;
    let claimed = claimed_kind(file_name);
    let ext = extension(file_name);
    if has_hidden_direction_marks(file_name) {
        ins.issue(
            Severity::Block,
            AttachmentProblem::HiddenNameCharacters,
            &upload,
            IssueDetail::HiddenNameCharacters,
        );
    }
    if let Some(ext) = ext.as_deref().filter(|e| DANGEROUS_EXTENSIONS.contains(e)) {
        ins.issue(
            Severity::Block,
            AttachmentProblem::DangerousName,
            &upload,
            IssueDetail::DangerousName {
                ext: ext.to_owned(),
            },
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
            &upload,
            IssueDetail::TooLarge { size, limit },
        );
    } else {
        detected = inspect_bytes(detected, bytes, &upload, 0, &mut ins);
    }
    if let Some(claimed) = claimed
        && !claimed.same_format(detected)
        && detected != FileKind::Empty
    {
        ins.issue(
            Severity::Warn,
            AttachmentProblem::NameMismatch,
            &upload,
            IssueDetail::NameMismatch {
                ext: ext.unwrap_or_default(),
                claimed,
                detected,
            },
        );
    }
    if ins.text_truncated {
        ins.issue(
            Severity::Warn,
            AttachmentProblem::TextTruncated,
            &upload,
            IssueDetail::TextTruncated {
                max_chars: policy.max_extracted_chars,
            },
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
