//! Text of Word, Excel and PowerPoint documents (the XML parts inside docx/xlsx/pptx), read with
//! quick-xml so that it can be screened like a post's body. Word splits a sentence into runs
//! at every formatting change (「赌」「博」 may sit in two runs), so runs are joined and only
//! paragraphs, cells and rows are separated.

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;

use super::attachment::Inspection;
use super::sniff::FileKind;

/// The kinds of XML part that carry text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextPart {
    /// Word body, headers, footers, notes, comments (w:t, also deleted w:delText: a tracked
    /// deletion is still in the file and published with it).
    Word,
    /// Excel shared strings.
    SharedStrings,
    /// An Excel worksheet: inline strings and cell values (numbers such as phone numbers).
    Sheet,
    /// PowerPoint slides and notes (a:t).
    Slide,
}

/// The text part this zip entry is, for an Office document of `office` kind.
pub(crate) fn text_part(office: FileKind, lower_name: &str) -> Option<TextPart> {
    if !lower_name.ends_with(".xml") {
        return None;
    }
    let part = match office {
        FileKind::Docx => {
            let file = lower_name.strip_prefix("word/")?;
            let wanted = file == "document.xml"
                || ["header", "footer", "footnotes", "endnotes", "comments"]
                    .iter()
                    .any(|p| file.starts_with(p));
            wanted.then_some(TextPart::Word)?
        }
        FileKind::Xlsx if lower_name == "xl/sharedstrings.xml" => TextPart::SharedStrings,
        FileKind::Xlsx => {
            let file = lower_name.strip_prefix("xl/worksheets/")?;
            (!file.contains('/')).then_some(TextPart::Sheet)?
        }
        FileKind::Pptx => {
            let file = lower_name
                .strip_prefix("ppt/slides/")
                .or_else(|| lower_name.strip_prefix("ppt/notesslides/"))?;
            (!file.contains('/')).then_some(TextPart::Slide)?
        }
        _ => return None,
    };
    Some(part)
}

/// Appends the text of one XML part to the inspection. Errs on malformed XML, keeping the text
/// read up to that point.
pub(crate) fn extract_part_text(
    xml: &[u8],
    part: TextPart,
    ins: &mut Inspection,
) -> Result<(), ()> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut text = String::new();
    let mut in_text = false;
    let mut shared_cell = false;
    let result = loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(_) => break Err(()),
        };
        match event {
            Event::Start(e) => match (part, e.local_name().as_ref()) {
                (_, b"t" | b"delText") => in_text = true,
                (TextPart::Sheet, b"c") => {
                    shared_cell = e
                        .try_get_attribute("t")
                        .ok()
                        .flatten()
                        .is_some_and(|a| a.value.as_ref() == b"s");
                }
                (TextPart::Sheet, b"v") => in_text = !shared_cell,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                b"tab" => text.push('\t'),
                b"br" | b"cr" => text.push('\n'),
                _ => {}
            },
            Event::End(e) => match (part, e.local_name().as_ref()) {
                (_, b"t" | b"delText" | b"v") => in_text = false,
                (_, b"p") | (TextPart::SharedStrings, b"si") | (TextPart::Sheet, b"row") => {
                    text.push('\n')
                }
                (TextPart::Sheet, b"c") => text.push('\t'),
                _ => {}
            },
            Event::Text(t) if in_text => match t.decode() {
                Ok(s) => text.push_str(&s),
                Err(_) => break Err(()),
            },
            Event::CData(t) if in_text => match t.decode() {
                Ok(s) => text.push_str(&s),
                Err(_) => break Err(()),
            },
            Event::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    text.push(c);
                } else if let Some(s) = r
                    .decode()
                    .ok()
                    .and_then(|name| resolve_predefined_entity(&name))
                {
                    text.push_str(s);
                }
            }
            Event::Eof => break Ok(()),
            _ => {}
        }
        buf.clear();
        // Flush in chunks so that a huge part stops once the character budget is spent.
        if text.len() >= 64 * 1024 {
            ins.push_text(&text);
            text.clear();
            if ins.text_full() {
                break Ok(());
            }
        }
    };
    ins.push_text(&text);
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::screening::attachment::AttachmentPolicy;

    fn extract(xml: &str, part: TextPart) -> (String, bool) {
        let policy = AttachmentPolicy::default();
        let mut ins = Inspection::new(&policy);
        let ok = extract_part_text(xml.as_bytes(), part, &mut ins).is_ok();
        (ins.text, ok)
    }

    #[test]
    fn word_runs_are_joined_and_paragraphs_split() {
        let xml = r#"<?xml version="1.0"?><w:document xmlns:w="x"><w:body>
            <w:p><w:r><w:t>参与</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>赌</w:t></w:r><w:r><w:t xml:space="preserve">博 &amp; &#x4E2D;</w:t></w:r></w:p>
            <w:p><w:r><w:tab/><w:delText>已删除</w:delText><w:instrText>HYPERLINK</w:instrText></w:r></w:p>
            </w:body></w:document>"#;
        assert_eq!(
            extract(xml, TextPart::Word),
            ("参与赌博 & 中\n\t已删除\n".to_owned(), true)
        );
    }

    #[test]
    fn sheets_keep_values_but_not_shared_string_indexes() {
        let xml = r#"<worksheet><sheetData>
            <row><c r="A1" t="s"><v>0</v></c><c r="B1"><v>13812345678</v></c><c r="C1" t="inlineStr"><is><t>张三</t></is></c><c r="D1"><f>SUM(A1)</f><v>3</v></c></row>
            </sheetData></worksheet>"#;
        assert_eq!(
            extract(xml, TextPart::Sheet),
            ("\t13812345678\t张三\t3\t\n".to_owned(), true)
        );
    }

    #[test]
    fn broken_xml_keeps_what_was_read() {
        let (text, ok) = extract("<a:p><a:t>前半</a:t></a:p><a:t>后</b>", TextPart::Slide);
        assert!(!ok);
        assert!(text.starts_with("前半"));
    }

    #[test]
    fn text_parts_are_recognised_by_name() {
        let cases = [
            (FileKind::Docx, "word/document.xml", Some(TextPart::Word)),
            (FileKind::Docx, "word/header1.xml", Some(TextPart::Word)),
            (FileKind::Docx, "word/styles.xml", None),
            (
                FileKind::Xlsx,
                "xl/sharedstrings.xml",
                Some(TextPart::SharedStrings),
            ),
            (
                FileKind::Xlsx,
                "xl/worksheets/sheet1.xml",
                Some(TextPart::Sheet),
            ),
            (FileKind::Xlsx, "xl/worksheets/_rels/sheet1.xml.rels", None),
            (
                FileKind::Pptx,
                "ppt/slides/slide12.xml",
                Some(TextPart::Slide),
            ),
            (FileKind::Pptx, "ppt/slides/_rels/slide1.xml.rels", None),
            (FileKind::Zip, "word/document.xml", None),
        ];
        for (office, name, expected) in cases {
            assert_eq!(text_part(office, name), expected, "{name}");
        }
    }
}
