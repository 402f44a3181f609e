//! CSV as Excel and WPS save it: 「CSV UTF-8」 with a byte-order mark, plain UTF-8 from other
//! programs, or GBK from 「CSV（逗号分隔）」 on a Chinese Windows. The encoding is detected,
//! never asked: a secretary does not know which one she saved.

use encoding_rs::{GBK, UTF_8, UTF_16BE, UTF_16LE};

use super::error::{ImportError, LooksLike};
use super::source::{
    Cell, MAX_ROWS, SourceFile, SourceFormat, SourceRow, SourceSheet, TextEncoding,
};

pub(crate) fn read_csv(bytes: &[u8]) -> Result<SourceFile, ImportError> {
    let (text, encoding) = decode(bytes)?;
    let delimiter = guess_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::CsvMalformed {
            line: e.position().map_or(0, csv::Position::line),
            reason: e.to_string(),
        })?;
        let number = record.position().map_or(0, csv::Position::line);
        let cells: Vec<Cell> = record
            .iter()
            .map(|field| {
                if field.trim().is_empty() {
                    Cell::Empty
                } else {
                    Cell::Text(field.to_owned())
                }
            })
            .collect();
        if cells.iter().all(Cell::is_blank) {
            continue;
        }
        if rows.len() >= MAX_ROWS {
            return Err(ImportError::TooManyRows {
                rows: rows.len() + 1,
                limit: MAX_ROWS,
            });
        }
        rows.push(SourceRow {
            number: u32::try_from(number).unwrap_or(u32::MAX),
            cells,
        });
    }
    Ok(SourceFile {
        format: SourceFormat::Csv(encoding),
        sheets: vec![SourceSheet {
            name: String::new(),
            rows,
        }],
    })
}

/// The text and how it was encoded. Valid UTF-8 is taken as UTF-8 (GBK text of any length is
/// almost never valid UTF-8); otherwise it must decode as GBK without a single bad sequence.
fn decode(bytes: &[u8]) -> Result<(String, TextEncoding), ImportError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let (text, bad) = UTF_8.decode_without_bom_handling(rest);
        return if bad {
            Err(ImportError::UnknownTextEncoding)
        } else {
            Ok((text.into_owned(), TextEncoding::Utf8WithBom))
        };
    }
    // Excel's 「Unicode 文本」 is UTF-16 with a byte-order mark (and tab-separated).
    for (bom, encoding) in [(b"\xFF\xFE", UTF_16LE), (b"\xFE\xFF", UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let (text, bad) = encoding.decode_without_bom_handling(rest);
            return if bad {
                Err(ImportError::UnknownTextEncoding)
            } else {
                Ok((text.into_owned(), TextEncoding::Utf16))
            };
        }
    }
    // Text never holds NUL; binary data almost always does.
    if bytes.contains(&0) {
        return Err(ImportError::NotASpreadsheet {
            looks_like: LooksLike::Unknown,
        });
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), TextEncoding::Utf8));
    }
    let (text, bad) = GBK.decode_without_bom_handling(bytes);
    if bad || has_control_chars(&text) {
        return Err(ImportError::NotASpreadsheet {
            looks_like: LooksLike::Unknown,
        });
    }
    Ok((text.into_owned(), TextEncoding::Gbk))
}

/// Random bytes can decode as GBK by chance; real text has no control characters besides
/// tabs and line breaks.
fn has_control_chars(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// Comma unless the first line has tabs and no commas (Excel's 「文本文件（制表符分隔）」)
/// or semicolons and no commas (Excel in some European locales).
fn guess_delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |c: char| first.matches(c).count();
    if count(',') > 0 {
        b','
    } else if count('\t') > 0 {
        b'\t'
    } else if count(';') > 0 {
        b';'
    } else {
        b','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_cells(file: &SourceFile) -> Vec<Cell> {
        file.sheets[0].rows[0].cells.clone()
    }

    #[test]
    fn encodings_are_detected() {
        let line = "账号名称,负责人\n商学院青年,王建国\n";
        let (gbk, _, _) = GBK.encode(line);
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                line.replace(',', "\t")
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes),
            )
            .collect();
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), line.as_bytes()].concat();
        let cases: Vec<(Vec<u8>, TextEncoding)> = vec![
            (line.as_bytes().to_vec(), TextEncoding::Utf8),
            (with_bom, TextEncoding::Utf8WithBom),
            (gbk.into_owned(), TextEncoding::Gbk),
            (utf16, TextEncoding::Utf16),
        ];
        for (bytes, want) in cases {
            let file = read_csv(&bytes).unwrap();
            assert_eq!(file.format, SourceFormat::Csv(want));
            assert_eq!(
                first_cells(&file),
                vec![Cell::Text("账号名称".into()), Cell::Text("负责人".into())],
                "{want:?}"
            );
            assert_eq!(file.sheets[0].rows[1].number, 2);
        }
    }

    #[test]
    fn quoted_fields_keep_commas_and_line_breaks_and_rows_keep_their_line() {
        let text = "名称,备注\n\"a,b\",\"第一行\n第二行\"\n\nc,d\n";
        let file = read_csv(text.as_bytes()).unwrap();
        let rows = &file.sheets[0].rows;
        assert_eq!(rows[1].cells[0], Cell::Text("a,b".into()));
        assert_eq!(rows[1].cells[1], Cell::Text("第一行\n第二行".into()));
        // The blank line is skipped but still counted, and the line break inside quotes
        // does not start a row: Excel opens this file with 「c,d」 in row 4.
        assert_eq!(rows[2].number, 4);
    }

    #[test]
    fn binary_is_not_text() {
        let bytes: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
        assert!(matches!(
            read_csv(&bytes),
            Err(ImportError::NotASpreadsheet { .. })
        ));
    }
}
