//! Wording of content screening (第六条三, 第六条五, 第八条二): the categories and their
//! articles, severities and rules, the word lists' problems and export headings, the upload
//! check's messages, and the errors of setting up the screener.

use std::fmt;

use crate::domain::screening::{
    AllowList, AttachmentIssue, BuildFailure, Category, Container, FileKind, Finding, IdProblem,
    IssueDetail, IssuePlace, LineProblem, LineReason, MAX_WORD_CHARS, PatternFault, PatternKind,
    Rule, ScreeningError, Severity, WordList, WordProblem,
};

impl Category {
    /// Short Chinese label, shortened from the wording of the policy.
    pub fn label(self) -> &'static str {
        match self {
            Self::IllegalHarmingNation => "违反法律法规、损害国家荣誉和利益",
            Self::EndangeringSecurity => "危害国家安全、泄露国家秘密、破坏国家统一",
            Self::EthnicHatredCult => "煽动民族仇恨、宣扬邪教和封建迷信",
            Self::Rumour => "散布谣言、扰乱社会秩序",
            Self::IllegalPreaching => "违法传教",
            Self::IllegalAssembly => "煽动非法集会、结社、游行、示威",
            Self::ObscenityGamblingViolence => "淫秽、色情、赌博、暴力、恐怖或教唆犯罪",
            Self::InsultDefamation => "侮辱、诽谤学校、老师及他人",
            Self::IllegalOrganisation => "以非法民间组织名义开展活动",
            Self::SensitiveTopic => "敏感话题、损害学校声誉",
            Self::ExpresslyProhibited => "法律法规、校规校纪明令禁止",
            Self::PersonalData => "泄露教职工、学生个人身份信息",
            Self::InternalInformation => "内部信息（不得上外网）",
            Self::ExternalLink => "外部链接",
        }
    }

    /// The article of the policy that makes this a finding.
    pub fn article(self) -> String {
        match self {
            Self::InternalInformation => "第六条三".to_owned(),
            Self::ExternalLink => "第八条二".to_owned(),
            other => format!("第六条五第{}项", other.item().unwrap_or_default()),
        }
    }
}

impl Severity {
    /// Chinese label shown beside the finding.
    pub fn label(self) -> &'static str {
        match self {
            Self::Info => "提示",
            Self::Warn => "提醒",
            Self::Block => "拦截",
        }
    }
}

impl Rule {
    /// Chinese description of the rule for the reviewer.
    pub fn label(&self) -> String {
        match self {
            Self::Word(word) => format!("词表：{word}"),
            Self::ResidentId => "身份证号".to_owned(),
            Self::ResidentId15 => "身份证号（15位旧号）".to_owned(),
            Self::NearResidentId => "疑似身份证号（校验位不符）".to_owned(),
            Self::Mobile => "手机号".to_owned(),
            Self::BankCard => "银行卡号".to_owned(),
            Self::Email => "电子邮箱".to_owned(),
            Self::StudentNumber => "学号".to_owned(),
            Self::StaffNumber => "工号".to_owned(),
            Self::PlainHttp => "未加密的 http 链接".to_owned(),
            Self::LinkShortener => "短链接（看不出真实去向）".to_owned(),
        }
    }
}

impl Finding {
    /// One line in Chinese for lists and the CLI, e.g. `拦截 第六条五第7项 词表：赌博 「赌 博」`.
    pub fn summary(&self) -> String {
        format!(
            "{} {} {} 「{}」",
            self.severity.label(),
            self.category.article(),
            self.rule.label(),
            self.matched
        )
    }
}

impl IdProblem {
    pub fn label(self) -> &'static str {
        match self {
            Self::Length => "身份证号应为 18 位（或旧式 15 位）",
            Self::NotDigits => "身份证号只能由数字组成，最后一位可以是 X",
            Self::Province => "前两位不是有效的省级行政区划代码",
            Self::BirthDate => "出生日期不存在",
            Self::BornBefore1900 => "出生日期早于 1900 年",
            Self::BornInFuture => "出生日期晚于今天",
            Self::CheckDigit => "校验位不正确",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------------

impl fmt::Display for WordProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLong => write!(f, "超过 {MAX_WORD_CHARS} 个字，请只写关键词"),
            Self::NothingToMatch => f.write_str("只有空格、标点或符号，无法匹配"),
            Self::SingleLetter => f.write_str("只有一个字母或数字，会到处误报"),
        }
    }
}

impl fmt::Display for LineReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Word(problem) => write!(f, "{problem}"),
            Self::MoreThanOneBar => f.write_str("一行只能有一个「|」"),
            Self::UnknownSeverity(value) => write!(
                f,
                "无法识别的级别「{value}」，只能写 block（拦截）或 warn（提醒）"
            ),
            Self::SeverityDirectiveInAllowList => f.write_str("允许词表不需要级别"),
            Self::SeverityInAllowList => f.write_str("允许词表不需要级别，请删去「|」及其后的内容"),
        }
    }
}

impl LineProblem {
    /// Chinese sentence for the import dialog.
    pub fn message(&self) -> String {
        format!("第 {} 行「{}」：{}", self.line, self.text, self.reason)
    }
}

impl WordList {
    /// The list in the import format, headed by its article and label; importing the export
    /// gives the same list back.
    pub fn export(&self) -> String {
        self.export_with_heading(&format!(
            "{} {}",
            self.category.article(),
            self.category.label()
        ))
    }
}

impl AllowList {
    /// The list in the import format.
    pub fn export(&self) -> String {
        self.export_with_heading("允许词表：含有敏感词但可以发布的说法")
    }
}

// ---------------------------------------------------------------------------------------------
// Errors of setting up the screener
// ---------------------------------------------------------------------------------------------

impl fmt::Display for PatternKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::StudentNumber => "学号",
            Self::StaffNumber => "工号",
        })
    }
}

impl fmt::Display for PatternFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Syntax => "语法错误",
            Self::TooComplex => "规则过于复杂",
            Self::Other => "无法编译",
        })
    }
}

impl fmt::Display for BuildFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::EmailPattern => "内置邮箱规则无法编译",
            Self::LinkPattern => "内置链接规则无法编译",
            Self::TooManyWords => "词条总量超出了匹配器的容量",
            Self::ThreadPanicked => "编译词表的线程意外退出",
        })
    }
}

impl fmt::Display for ScreeningError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidPattern {
                kind,
                pattern,
                reason,
            } => write!(
                f,
                "{kind}规则「{pattern}」不是有效的正则表达式（{reason}）。请检查括号、方括号和反斜杠的写法后重新保存。"
            ),
            Self::EmptyMatchPattern { kind, pattern } => write!(
                f,
                "{kind}规则「{pattern}」可以匹配空文本，会把每一处都当成命中。请写出至少一个必须出现的数字或字母，例如 20\\d{{8}}。"
            ),
            Self::InvalidWord { word, reason } => {
                write!(f, "词条「{word}」无效：{reason}。请修改后重新添加。")
            }
            Self::SeedList { file, line, reason } => write!(
                f,
                "内置词表 {file} 第 {line} 行有误：{reason}。请联系维护人员修正该文件。"
            ),
            Self::Build(failure) => write!(
                f,
                "无法建立敏感词匹配器（{failure}）。请减少词条数量或删除过长的词条后重试。"
            ),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The upload check (第八条二)
// ---------------------------------------------------------------------------------------------

impl FileKind {
    /// Chinese name shown in reports.
    pub fn label(self) -> &'static str {
        match self {
            Self::Jpeg => "JPEG 图片",
            Self::Png => "PNG 图片",
            Self::Gif => "GIF 图片",
            Self::Webp => "WebP 图片",
            Self::Bmp => "BMP 图片",
            Self::Tiff => "TIFF 图片",
            Self::Heic => "HEIC 图片",
            Self::Pdf => "PDF 文档",
            Self::Docx => "Word 文档（.docx）",
            Self::Xlsx => "Excel 表格（.xlsx）",
            Self::Pptx => "PowerPoint 演示文稿（.pptx）",
            Self::MacroOffice => "含宏的 Office 文档",
            Self::OleOffice => "旧版 Office 文档（.doc/.xls/.ppt）",
            Self::Mp4 => "MP4 视频",
            Self::Mov => "MOV 视频",
            Self::Avi => "AVI 视频",
            Self::Mkv => "MKV/WebM 视频",
            Self::Flv => "FLV 视频",
            Self::Wmv => "WMV 视频",
            Self::Mpeg => "MPEG 视频",
            Self::Mp3 => "MP3 音频",
            Self::Wav => "WAV 音频",
            Self::Zip => "ZIP 压缩包",
            Self::Rar => "RAR 压缩包",
            Self::SevenZip => "7z 压缩包",
            Self::Gzip => "gzip 压缩包",
            Self::Tar => "tar 归档",
            Self::WindowsExecutable => "Windows 可执行程序",
            Self::Elf => "Linux 可执行程序",
            Self::MachO => "macOS 可执行程序",
            Self::OtherExecutable => "可执行程序包（Java/安卓等）",
            Self::Shortcut => "Windows 快捷方式",
            Self::Script => "脚本文件",
            Self::Text => "文本文件",
            Self::TextNotUtf8 => "非 UTF-8 编码的文本",
            Self::Empty => "空文件",
            Self::Unknown => "无法识别的文件",
        }
    }
}

const MIB: u64 = 1024 * 1024;

/// Whole megabytes, rounded down, for the archive limits.
fn whole_megabytes(bytes: u64) -> u64 {
    bytes / MIB
}

/// Megabytes to one decimal, for the size of the upload.
fn megabytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / MIB as f64)
}

impl fmt::Display for IssuePlace {
    /// Where a nested file sits: 「压缩包内的「a.zip」中的「b.exe」」; nothing for the upload itself.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Self::Inside { container, path } = self else {
            return Ok(());
        };
        let container = match container {
            Container::Archive => "压缩包",
            Container::Document => "文档",
        };
        for (i, name) in path.iter().enumerate() {
            if i == 0 {
                write!(f, "{container}内的「{name}」")?;
            } else {
                write!(f, "中的「{name}」")?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for AttachmentIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use IssueDetail as D;
        let here = &self.place;
        // 「压缩包内的「a.exe」：」 before a sentence about the file at that place.
        let at = match here {
            IssuePlace::Upload => String::new(),
            IssuePlace::Inside { .. } => format!("{here}："),
        };
        match &self.detail {
            D::HiddenNameCharacters => f.write_str(
                "文件名含有隐藏的文字方向控制符，常被用来把「.exe」伪装成「.jpg」。请重命名后再上传。",
            ),
            D::DangerousName { ext } => write!(
                f,
                "文件名后缀 .{ext} 属于可执行程序、脚本或含宏文档，不允许上传。"
            ),
            D::TooLarge { size, limit } => write!(
                f,
                "文件大小 {} MB，超过上限 {} MB。请压缩或拆分后再上传。",
                megabytes(*size),
                megabytes(*limit)
            ),
            D::NameMismatch {
                ext,
                claimed,
                detected,
            } => write!(
                f,
                "文件名后缀是 .{ext}（{}），但内容其实是{}。请确认文件来源，并改用正确的后缀。",
                claimed.label(),
                detected.label()
            ),
            D::TextTruncated { max_chars } => write!(
                f,
                "文字超过 {max_chars} 字，只检查了前 {max_chars} 字，其余部分请人工检查。"
            ),
            D::NestedTooDeep { max_depth } => write!(
                f,
                "{at}压缩包嵌套超过 {max_depth} 层，无法逐一检查。请解压后分别上传。"
            ),
            D::GpsLocation => write!(
                f,
                "{at}照片带有 GPS 位置信息，会暴露拍摄地点。请用去除位置信息的方式重新导出后再上传。"
            ),
            D::TextNotUtf8 => write!(
                f,
                "{at}文本不是 UTF-8 编码（可能是 GBK），无法检查其内容。请用记事本「另存为」UTF-8 编码后再上传。"
            ),
            D::Executable { kind } => {
                write!(f, "{at}这是{}，不允许上传可执行程序。", kind.label())
            }
            D::Script => write!(
                f,
                "{at}内容是脚本（批处理、PowerShell、VBScript、JavaScript 等），不允许上传。"
            ),
            D::UninspectableArchive { kind } => write!(
                f,
                "{at}{}的内容无法逐一检查。请改用 ZIP 格式，或解压后分别上传。",
                kind.label()
            ),
            D::UnknownType => write!(
                f,
                "{at}无法识别文件类型（不是常见的图片、文档、视频、音频或压缩包），不能确认其安全。请换成常见格式后再上传。"
            ),
            D::Empty => write!(f, "{at}文件是空的（0 字节）。请确认选择了正确的文件。"),
            D::ArchiveBroken => write!(
                f,
                "{at}压缩包（或 Office 文档）已损坏，无法打开检查。请用原程序重新保存或重新压缩后再上传。"
            ),
            D::TooManyEntries { count, max } => write!(
                f,
                "{at}包含 {count} 个文件，超过上限 {max} 个（可能是压缩炸弹），无法逐一检查。"
            ),
            D::DeclaredTooLarge { declared, max } => write!(
                f,
                "{at}解压后共约 {} MB，超过上限 {} MB（可能是压缩炸弹），无法检查。",
                whole_megabytes(*declared),
                whole_megabytes(*max)
            ),
            D::JavaOrAndroidProgram => {
                write!(f, "{at}这是 Java 或安卓程序包，不允许上传可执行程序。")
            }
            D::OfficeMacros => write!(
                f,
                "{at}这是含宏的 Office 文档（内含 VBA 宏工程），宏可以运行程序，改了后缀也一样，不允许上传。请在 Office 中另存为不含宏的 .docx/.xlsx/.pptx。"
            ),
            D::ArchiveMacros => write!(
                f,
                "{at}压缩包内含 VBA 宏工程（vbaProject.bin），不允许上传。"
            ),
            D::EntryEncrypted => write!(f, "{here}已加密，无法检查内容。请解密后再上传。"),
            D::DangerousEntry { ext } => write!(
                f,
                "{here}是可执行程序、脚本或含宏文档（.{ext}），不允许上传。"
            ),
            D::EntryBroken => write!(
                f,
                "{here}已损坏或使用了不支持的压缩方式，无法检查。请重新压缩（使用标准 ZIP 格式）后再上传。"
            ),
            // The budget is the whole upload's, whichever entry happened to spend it.
            D::UnpackBudgetSpent { max } => write!(
                f,
                "解压后的数据超过上限 {} MB（可能是压缩炸弹），无法检查完整内容。",
                whole_megabytes(*max)
            ),
            D::PartTextUnreadable => write!(
                f,
                "{here}格式有误，其中的文字未能全部检查，请人工检查。"
            ),
            D::EntryTooLarge { max } => write!(
                f,
                "{here}解压后超过 {} MB，无法检查。请解压后分别上传。",
                whole_megabytes(*max)
            ),
            D::OldOfficeMacros => write!(
                f,
                "{at}这是含宏的旧版 Office 文档，宏可以运行程序，不允许上传。请另存为不含宏的 .docx/.xlsx/.pptx。"
            ),
            D::OleEmbeddedProgram => write!(f, "{at}文档中嵌入了可执行程序，不允许上传。"),
            D::OldOfficeFormat => write!(
                f,
                "{at}旧版 Office 格式（.doc/.xls/.ppt）无法自动检查文字，请人工检查内容，或另存为 .docx/.xlsx/.pptx 后再上传。"
            ),
            D::PdfEncrypted => write!(f, "{at}PDF 设有密码，无法检查内容。请去除密码后再上传。"),
            D::PdfBroken => write!(
                f,
                "{at}PDF 文件已损坏，无法打开检查。请重新导出 PDF 后再上传。"
            ),
            D::PdfActiveContent => write!(
                f,
                "{at}PDF 含有脚本（JavaScript）或启动外部程序的动作，不允许上传。请用「打印为 PDF」重新生成。"
            ),
            D::PdfEmbeddedFiles => {
                write!(f, "{at}PDF 内嵌了附件文件，无法逐一检查，请人工确认。")
            }
            D::PdfNoText => write!(
                f,
                "{at}未能从 PDF 中提取到文字（可能是扫描件或图片），请人工检查内容。"
            ),
            D::PdfPagesFailed { failed } => write!(
                f,
                "{at}PDF 中有 {failed} 页的文字未能提取，请人工检查这些页。"
            ),
        }
    }
}

impl AttachmentIssue {
    /// The sentence saying what is wrong, where, and what to do.
    pub fn message(&self) -> String {
        self.to_string()
    }
}
