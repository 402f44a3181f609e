//! Tests of the attachment check (第八条二) on files built in the test: Office documents with
//! and without macros, disguised programs, archives, photos with GPS, PDFs, and broken input.
// Test-only file: its parent declares it under #[cfg(test)], so the unwraps below never ship.

use std::io::{Cursor, Write};
use std::time::{Duration, Instant};

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::*;

fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, data) in files {
        writer.start_file(*name, options).unwrap();
        writer.write_all(data).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

const DOCX_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
const DOCM_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Override PartName="/word/document.xml" ContentType="application/vnd.ms-word.document.macroEnabled.main+xml"/></Types>"#;

fn document_xml(paragraphs: &[&[&str]]) -> Vec<u8> {
    let mut xml = String::from(
        r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    for runs in paragraphs {
        xml.push_str("<w:p>");
        for run in *runs {
            xml.push_str(&format!("<w:r><w:t>{run}</w:t></w:r>"));
        }
        xml.push_str("</w:p>");
    }
    xml.push_str("</w:body></w:document>");
    xml.into_bytes()
}

fn docx(paragraphs: &[&[&str]]) -> Vec<u8> {
    zip_of(&[
        ("[Content_Types].xml", DOCX_TYPES.as_bytes()),
        ("word/document.xml", &document_xml(paragraphs)),
    ])
}

/// A tiny Windows program header: enough for any sniffer to know what it is.
fn exe_bytes() -> Vec<u8> {
    let mut exe = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xFF\xFF\0\0".to_vec();
    exe.extend_from_slice(b"This program cannot be run in DOS mode.\r\r\n$");
    exe.resize(512, 0);
    exe
}

/// A minimal JPEG whose APP1 Exif block has a GPS IFD with a latitude.
fn jpeg_with_gps(with_gps: bool) -> Vec<u8> {
    let mut tiff: Vec<u8> = b"II\x2A\0\x08\0\0\0".to_vec();
    if with_gps {
        // IFD0: one entry, GPSInfo (0x8825) → GPS IFD at offset 26.
        tiff.extend_from_slice(&1u16.to_le_bytes());
        tiff.extend_from_slice(&[0x25, 0x88, 4, 0, 1, 0, 0, 0]);
        tiff.extend_from_slice(&26u32.to_le_bytes());
        tiff.extend_from_slice(&0u32.to_le_bytes());
        // GPS IFD: GPSLatitudeRef "N" and GPSLatitude (3 rationals at offset 56).
        tiff.extend_from_slice(&2u16.to_le_bytes());
        tiff.extend_from_slice(&[1, 0, 2, 0, 2, 0, 0, 0, b'N', 0, 0, 0]);
        tiff.extend_from_slice(&[2, 0, 5, 0, 3, 0, 0, 0]);
        tiff.extend_from_slice(&56u32.to_le_bytes());
        tiff.extend_from_slice(&0u32.to_le_bytes());
        for value in [34u32, 1, 45, 1, 0, 1] {
            tiff.extend_from_slice(&value.to_le_bytes());
        }
    } else {
        // IFD0: one entry, Orientation = 1.
        tiff.extend_from_slice(&1u16.to_le_bytes());
        tiff.extend_from_slice(&[0x12, 0x01, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0]);
        tiff.extend_from_slice(&0u32.to_le_bytes());
    }
    let mut jpeg = b"\xFF\xD8\xFF\xE1".to_vec();
    let length = u16::try_from(2 + 6 + tiff.len()).unwrap();
    jpeg.extend_from_slice(&length.to_be_bytes());
    jpeg.extend_from_slice(b"Exif\0\0");
    jpeg.extend_from_slice(&tiff);
    jpeg.extend_from_slice(b"\xFF\xD9");
    jpeg
}

/// A one-page PDF showing `text`, optionally with a JavaScript open action.
fn pdf_with_text(text: &str, javascript: bool) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Courier",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let content = Content {
        operations: vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 24.into()]),
            Operation::new("Td", vec![72.into(), 700.into()]),
            Operation::new("Tj", vec![Object::string_literal(text)]),
            Operation::new("ET", vec![]),
        ],
    };
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1,
            "Resources" => resources_id, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => pages_id };
    if javascript {
        catalog.set(
            "OpenAction",
            dictionary! { "S" => "JavaScript", "JS" => Object::string_literal("app.alert(1)") },
        );
    }
    let catalog_id = doc.add_object(catalog);
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

fn check(name: &str, bytes: &[u8]) -> AttachmentReport {
    check_attachment(name, bytes, &AttachmentPolicy::default())
}

fn problems(report: &AttachmentReport) -> Vec<AttachmentProblem> {
    report.issues.iter().map(|i| i.problem).collect()
}

#[test]
fn macro_documents_are_refused_whatever_their_name() {
    let document = document_xml(&[&["你好"]]);
    let docm = zip_of(&[
        ("[Content_Types].xml", DOCM_TYPES.as_bytes()),
        ("word/document.xml", &document),
        ("word/vbaProject.bin", b"\xD0\xCF\x11\xE0 vba"),
    ]);
    // The content types claim a plain docx; the VBA project alone gives it away.
    let hidden = zip_of(&[
        ("[Content_Types].xml", DOCX_TYPES.as_bytes()),
        ("word/document.xml", &document),
        ("word/vbaProject.bin", b"\xD0\xCF\x11\xE0 vba"),
    ]);
    let cases = [
        ("通知.docx", &docm),
        ("通知.docx", &hidden),
        ("通知.zip", &hidden),
        ("通知.docm", &docm),
    ];
    for (name, bytes) in cases {
        let report = check(name, bytes);
        assert!(report.refused(), "{name}");
        assert!(
            report.has(AttachmentProblem::MacroDocument),
            "{name}: {:?}",
            problems(&report)
        );
        assert_eq!(report.detected, FileKind::MacroOffice, "{name}");
    }
    assert!(check("通知.docm", &docm).has(AttachmentProblem::DangerousName));
}

#[test]
fn a_clean_docx_is_allowed_and_its_text_screened() {
    let bytes = docx(&[
        &["本学院", "参与", "赌"],
        &["博", "活动"],
        &["联系电话13812345678"],
    ]);
    let report = check("新闻.docx", &bytes);
    assert!(!report.refused(), "{:?}", report.issues);
    assert_eq!(report.detected, FileKind::Docx);
    assert_eq!(report.claimed, Some(FileKind::Docx));
    let text = report.extracted_text.as_deref().unwrap();
    assert!(text.starts_with("本学院参与赌\n博活动\n"), "{text:?}");
    let screener = Screener::seeded(&PersonalDataSettings::default()).unwrap();
    let screened = screener.check_attachment("新闻.docx", &bytes, &AttachmentPolicy::default());
    let text_report = screened.text_report.as_ref().unwrap();
    assert!(screened.blocks(), "赌\\n博 across paragraphs is still 赌博");
    assert!(text_report.has_personal_data());
    let json = serde_json::to_value(&screened).unwrap();
    assert_eq!(json["detected"], "docx");
    assert!(json.get("extracted_text").is_none());
}

#[test]
fn spreadsheet_cells_are_screened_including_numbers() {
    let types = r#"<Types xmlns="x"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#;
    let shared = r#"<sst><si><t>姓名</t></si><si><t>身份证号</t></si></sst>"#;
    let sheet = r#"<worksheet><sheetData><row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row><row><c t="inlineStr"><is><t>李四</t></is></c><c t="str"><v>11010519491231002X</v></c><c><v>13912345678</v></c></row></sheetData></worksheet>"#;
    let bytes = zip_of(&[
        ("[Content_Types].xml", types.as_bytes()),
        ("xl/workbook.xml", b"<workbook/>"),
        ("xl/sharedStrings.xml", shared.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ]);
    let screener = Screener::seeded(&PersonalDataSettings::default()).unwrap();
    let report = screener.check_attachment("名单.xlsx", &bytes, &AttachmentPolicy::default());
    assert_eq!(report.detected, FileKind::Xlsx);
    let rules: Vec<Rule> = report
        .text_report
        .unwrap()
        .findings
        .into_iter()
        .map(|f| f.rule)
        .collect();
    assert!(rules.contains(&Rule::ResidentId), "{rules:?}");
    assert!(rules.contains(&Rule::Mobile), "{rules:?}");
}

#[test]
fn programs_are_refused_whatever_they_are_called() {
    let exe = exe_bytes();
    let cases: Vec<(&str, Vec<u8>, AttachmentProblem)> = vec![
        ("风景.jpg", exe.clone(), AttachmentProblem::Executable),
        ("setup.exe", exe.clone(), AttachmentProblem::Executable),
        (
            "readme.txt",
            b"@echo off\r\nformat c: /q\r\n".to_vec(),
            AttachmentProblem::Script,
        ),
        (
            "tool.js",
            b"console.log(1)".to_vec(),
            AttachmentProblem::DangerousName,
        ),
        (
            "run.ps1",
            b"Write-Host hi".to_vec(),
            AttachmentProblem::DangerousName,
        ),
        (
            "photo\u{202E}gpj.exe",
            exe.clone(),
            AttachmentProblem::HiddenNameCharacters,
        ),
        (
            "app.elf",
            b"\x7FELF\x02\x01\x01\0".to_vec(),
            AttachmentProblem::Executable,
        ),
    ];
    for (name, bytes, expected) in cases {
        let report = check(name, &bytes);
        assert!(report.refused(), "{name}");
        assert!(report.has(expected), "{name}: {:?}", problems(&report));
    }
    let disguised = check("风景.jpg", &exe);
    assert_eq!(disguised.detected, FileKind::WindowsExecutable);
    assert_eq!(disguised.claimed, Some(FileKind::Jpeg));
    assert!(disguised.has(AttachmentProblem::NameMismatch));
    let message = disguised
        .issues
        .iter()
        .find(|i| i.problem == AttachmentProblem::NameMismatch)
        .unwrap()
        .message();
    assert!(
        message.contains(".jpg") && message.contains("Windows 可执行程序"),
        "{message}"
    );
}

#[test]
fn archives_holding_programs_are_refused() {
    let exe = exe_bytes();
    let inner = zip_of(&[("deep/setup.dat", &exe)]);
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "资料.zip",
            zip_of(&[("说明.txt", "正常说明".as_bytes()), ("setup.exe", &exe)]),
        ),
        ("资料.zip", zip_of(&[("图片.jpg", &exe)])),
        ("资料.zip", zip_of(&[("a/run.bat", b"echo hi")])),
        ("资料.zip", zip_of(&[("inner.zip", &inner)])),
        (
            "资料.zip",
            zip_of(&[("a.zip", &zip_of(&[("b.zip", &inner)]))]),
        ),
    ];
    for (name, bytes) in &cases {
        let report = check(name, bytes);
        assert!(report.refused(), "{:?}", report.issues);
        assert!(
            report.has(AttachmentProblem::DangerousContent)
                || report.has(AttachmentProblem::Executable),
            "{:?}",
            problems(&report)
        );
    }
    let clean = check(
        "资料.zip",
        &zip_of(&[("说明.txt", "欢迎报名，网络赌博危害大".as_bytes())]),
    );
    assert!(!clean.refused(), "{:?}", clean.issues);
    assert!(clean.extracted_text.unwrap().contains("网络赌博"));
    let too_deep = zip_of(&[(
        "1.zip",
        &zip_of(&[(
            "2.zip",
            &zip_of(&[("3.zip", &zip_of(&[("4.zip", &inner)]))]),
        )]),
    )]);
    assert!(check("深.zip", &too_deep).has(AttachmentProblem::NestedTooDeep));
    let rar = check("资料.rar", b"Rar!\x1A\x07\x01\0\0\0\0\0");
    assert!(rar.refused() && rar.has(AttachmentProblem::UninspectableArchive));
}

#[test]
fn issues_carry_the_place_of_a_nested_file_and_name_it_in_the_message() {
    let inner = zip_of(&[("deep/setup.dat", &exe_bytes())]);
    let report = check("资料.zip", &zip_of(&[("inner.zip", &inner)]));
    let issue = report
        .issues
        .iter()
        .find(|i| i.problem == AttachmentProblem::Executable)
        .unwrap();
    assert_eq!(
        issue.place,
        IssuePlace::Inside {
            container: Container::Archive,
            path: vec!["inner.zip".into(), "deep/setup.dat".into()],
        }
    );
    assert_eq!(
        issue.detail,
        IssueDetail::Executable {
            kind: FileKind::WindowsExecutable
        }
    );
    assert_eq!(
        issue.message(),
        "压缩包内的「inner.zip」中的「deep/setup.dat」：这是Windows 可执行程序，不允许上传可执行程序。"
    );
    let json = serde_json::to_value(issue).unwrap();
    assert_eq!(json["place"]["inside"]["container"], "archive");
    assert_eq!(json["detail"]["executable"]["kind"], "windows_executable");

    let in_docx = zip_of(&[
        ("[Content_Types].xml", DOCX_TYPES.as_bytes()),
        ("word/document.xml", &document_xml(&[&["正文"]])),
        ("word/embeddings/a.exe", &exe_bytes()),
    ]);
    let report = check("通知.docx", &in_docx);
    let messages: Vec<String> = report.issues.iter().map(AttachmentIssue::message).collect();
    assert_eq!(
        messages,
        vec!["文档内的「word/embeddings/a.exe」是可执行程序、脚本或含宏文档（.exe），不允许上传。"]
    );
    let top = check("空.txt", b"");
    assert_eq!(top.issues[0].place, IssuePlace::Upload);
    assert_eq!(
        top.issues[0].message(),
        "文件是空的（0 字节）。请确认选择了正确的文件。"
    );
}

#[test]
fn zip_bombs_are_refused_without_unpacking_them() {
    let zeros = vec![0u8; 8 * 1024 * 1024];
    let bomb = zip_of(&[("zeros.bin", &zeros)]);
    assert!(bomb.len() < 64 * 1024, "the test file itself is small");
    let policy = AttachmentPolicy {
        max_unpacked_bytes: 1024 * 1024,
        ..AttachmentPolicy::default()
    };
    let report = check_attachment("bomb.zip", &bomb, &policy);
    assert!(
        report.refused() && report.has(AttachmentProblem::DecompressionBomb),
        "{:?}",
        report.issues
    );
    let many: Vec<(String, Vec<u8>)> = (0..50)
        .map(|i| (format!("{i}.txt"), b"x".to_vec()))
        .collect();
    let many: Vec<(&str, &[u8])> = many
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    let policy = AttachmentPolicy {
        max_archive_entries: 10,
        ..AttachmentPolicy::default()
    };
    assert!(
        check_attachment("many.zip", &zip_of(&many), &policy)
            .has(AttachmentProblem::DecompressionBomb)
    );
}

#[test]
fn photos_with_gps_positions_are_flagged() {
    let with = check("合影.jpg", &jpeg_with_gps(true));
    assert_eq!(with.detected, FileKind::Jpeg);
    assert!(
        with.has(AttachmentProblem::GpsLocation),
        "{:?}",
        with.issues
    );
    assert!(!with.refused(), "a warning, not a refusal");
    let without = check("合影.jpg", &jpeg_with_gps(false));
    assert!(without.issues.is_empty(), "{:?}", without.issues);
    let in_docx = zip_of(&[
        ("[Content_Types].xml", DOCX_TYPES.as_bytes()),
        ("word/document.xml", &document_xml(&[&["图"]])),
        ("word/media/image1.jpeg", &jpeg_with_gps(true)),
    ]);
    assert!(check("图文.docx", &in_docx).has(AttachmentProblem::GpsLocation));
}

#[test]
fn pdf_text_is_extracted_and_scripts_refused() {
    let screener = Screener::seeded(&PersonalDataSettings::default()).unwrap();
    let plain = pdf_with_text("Call 13812345678 today", false);
    let report = screener.check_attachment("通知.pdf", &plain, &AttachmentPolicy::default());
    assert_eq!(report.detected, FileKind::Pdf);
    assert!(!report.refused(), "{:?}", report.issues);
    assert!(
        report
            .extracted_text
            .as_deref()
            .unwrap()
            .contains("13812345678")
    );
    assert!(report.text_report.unwrap().has_personal_data());
    let scripted = check("通知.pdf", &pdf_with_text("hello", true));
    assert!(
        scripted.refused() && scripted.has(AttachmentProblem::PdfActiveContent),
        "{:?}",
        scripted.issues
    );
}

#[test]
fn old_office_files_are_checked_for_macros() {
    let mut ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    ole.resize(1024, 0);
    let plain = check("旧.doc", &ole);
    assert!(!plain.refused() && plain.has(AttachmentProblem::OldOfficeFormat));
    let mut with_macro = ole.clone();
    with_macro.extend("_VBA_PROJECT".encode_utf16().flat_map(u16::to_le_bytes));
    let report = check("旧.xls", &with_macro);
    assert!(report.refused() && report.has(AttachmentProblem::MacroDocument));
    let mut with_program = ole;
    with_program.extend(exe_bytes());
    assert!(check("旧.doc", &with_program).has(AttachmentProblem::DangerousContent));
}

#[test]
fn broken_input_gives_issues_not_panics() {
    let truncated_docx = {
        let mut bytes = docx(&[&["正文"]]);
        bytes.truncate(bytes.len() / 2);
        bytes
    };
    let mut corrupt_entry = docx(&[&["正文内容很长很长很长很长很长很长"]]);
    let middle = corrupt_entry.len() / 3;
    corrupt_entry[middle..middle + 20].fill(0xAA);
    let garbage: Vec<u8> = (0u32..100_000)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let cases: Vec<(&str, Vec<u8>, AttachmentProblem)> = vec![
        ("空.txt", Vec::new(), AttachmentProblem::Empty),
        ("乱码.bin", garbage, AttachmentProblem::UnknownType),
        (
            "gbk.txt",
            b"\xCD\xA8\xD6\xAA\xA3\xBA\xC3\xF7\xCC\xEC".to_vec(),
            AttachmentProblem::TextNotUtf8,
        ),
        ("坏.docx", truncated_docx, AttachmentProblem::Broken),
        (
            "坏.pdf",
            b"%PDF-1.4\n1 0 obj << /Type /Catalog garbage".to_vec(),
            AttachmentProblem::Broken,
        ),
        (
            "坏.zip",
            b"PK\x03\x04\0\0\0\0".to_vec(),
            AttachmentProblem::Broken,
        ),
    ];
    for (name, bytes, expected) in cases {
        let report = check(name, &bytes);
        assert!(report.refused(), "{name}");
        assert!(report.has(expected), "{name}: {:?}", problems(&report));
        assert!(report.issues.iter().all(|i| !i.message().is_empty()));
    }
    // A damaged entry must be reported or tolerated, never panic.
    let _ = check("损.docx", &corrupt_entry);
    let jpeg_garbage = check("坏.jpg", b"\xFF\xD8\xFF\xE1\xFF\xFF\x45\x78");
    assert_eq!(jpeg_garbage.detected, FileKind::Jpeg);
}

#[test]
fn a_100_mb_buffer_is_refused_quickly() {
    let huge = vec![0u8; 100 * 1024 * 1024];
    let started = Instant::now();
    let report = check("大文件.mp4", &huge);
    assert!(
        report.refused() && report.has(AttachmentProblem::TooLarge),
        "{:?}",
        report.issues
    );
    assert!(started.elapsed() < Duration::from_secs(2));
    let mut video = huge;
    video[..12].copy_from_slice(b"\0\0\0\x18ftypmp42");
    let report = check("大视频.mp4", &video);
    assert_eq!(report.detected, FileKind::Mp4);
    assert!(
        !report.refused(),
        "videos have their own limit: {:?}",
        report.issues
    );
    let small = AttachmentPolicy {
        max_bytes: 10,
        ..AttachmentPolicy::default()
    };
    assert!(check_attachment("a.txt", b"hello world!", &small).has(AttachmentProblem::TooLarge));
}
