//! The CSV import, row by row: what is accepted, and every refusal with its row number.

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const CREATED: &str = "2025-09-01";
const TODAY: &str = "2026-11-26";

fn parse(text: &str) -> Result<Vec<HistoryRow>, CsvImportError> {
    parse_history_csv(text.as_bytes(), d(CREATED), d(TODAY))
}

fn problems(text: &str) -> Vec<(u64, CsvProblemKind)> {
    let err = parse(text).expect_err("refused");
    assert_eq!(err.more, 0);
    err.problems.into_iter().map(|p| (p.row, p.kind)).collect()
}

#[test]
fn a_good_file_with_a_header() {
    let rows = parse(
        "日期,标题,链接\n\
         2026-11-05,学院召开迎新大会,https://mp.weixin.qq.com/s/a\n\
         2026-10-20,\"教授讲座：人工智能, 与未来\",https://mp.weixin.qq.com/s/b\n\
         \n\
         ,,\n\
         2026-09-01,无链接的文章,\n",
    )
    .unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].row, 2);
    assert_eq!(rows[0].on, d("2026-11-05"));
    assert_eq!(rows[1].title, "教授讲座：人工智能, 与未来");
    assert_eq!(rows[2].row, 6, "blank lines keep their numbers");
    assert_eq!(rows[2].link, "");
}

#[test]
fn headers_in_any_order_and_no_header() {
    let rows = parse("Link,Title,Date\nhttps://a.cn/1,标题一,2026/3/5\n").unwrap();
    assert_eq!(rows[0].on, d("2026-03-05"));
    assert_eq!(rows[0].link, "https://a.cn/1");
    let rows = parse("发布日期,标题\n2026年3月5日,标题一\n2026年3月6日,标题二\n").unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].link, "");
    let rows = parse("2026-03-05,标题一,https://a.cn/1\n").unwrap();
    assert_eq!(rows[0].row, 1);
    // A first row naming no column is data, so its bad date is reported as a date.
    assert_eq!(
        problems("2026-13-01,坏日期,\n2026-11-05,好,\n"),
        vec![(1, CsvProblemKind::BadDate("2026-13-01".into()))]
    );
    assert_eq!(
        problems("发布于,文章,地址\n"),
        vec![(
            1,
            CsvProblemKind::BadHeader {
                unknown: vec!["发布于".into(), "文章".into(), "地址".into()]
            }
        )]
    );
}

#[test]
fn encodings() {
    let utf8_bom = "\u{feff}日期,标题,链接\n2026-11-05,迎新,\n";
    assert_eq!(parse(utf8_bom).unwrap()[0].title, "迎新");
    let (gbk, _, _) = encoding_rs::GB18030.encode("日期,标题,链接\n2026-11-05,迎新大会,\n");
    assert!(std::str::from_utf8(&gbk).is_err());
    let rows = parse_history_csv(&gbk, d(CREATED), d(TODAY)).unwrap();
    assert_eq!(rows[0].title, "迎新大会");
    let utf16 = [0xFF, 0xFE, b'a', 0];
    assert_eq!(
        parse_history_csv(&utf16, d(CREATED), d(TODAY))
            .unwrap_err()
            .problems[0]
            .kind,
        CsvProblemKind::Utf16
    );
}

#[test]
fn every_bad_row_is_named() {
    use CsvProblemKind::*;
    let text = "日期,标题,链接\n\
                2026-11-05,好的一行,https://a.cn/1\n\
                2026-11-06,少一列\n\
                2026-13-01,坏日期,\n\
                2026/11/7,另一种写法,\n\
                2026-11-05,好的一行,https://a.cn/1\n\
                2026-11-27,将来的文章,\n\
                2025-08-31,创建前的文章,\n\
                2026-11-08,,\n\
                2026-11-09,坏链接,www.sias.edu.cn\n\
                2026-11-10,多一列,https://a.cn/2,额外\n";
    assert_eq!(
        problems(text),
        vec![
            (
                3,
                WrongColumns {
                    found: 2,
                    expected: 3
                }
            ),
            (4, BadDate("2026-13-01".into())),
            (
                5,
                MixedDateStyle {
                    found: DateStyle::Slashed,
                    expected: DateStyle::Dashed
                }
            ),
            (6, Duplicate { first_row: 2 }),
            (7, Update(UpdateProblem::InFuture(d("2026-11-27")))),
            (
                8,
                Update(UpdateProblem::BeforeCreation {
                    on: d("2025-08-31"),
                    created_on: d(CREATED)
                })
            ),
            (9, Update(UpdateProblem::MissingTitle)),
            (10, Update(UpdateProblem::BadLink)),
            (
                11,
                WrongColumns {
                    found: 4,
                    expected: 3
                }
            ),
        ]
    );
}

#[test]
fn the_majority_style_wins_and_ties_go_to_the_first() {
    use CsvProblemKind::*;
    let text = "2026/11/1,一,\n2026-11-02,二,\n2026-11-03,三,\n";
    assert_eq!(
        problems(text),
        vec![(
            1,
            MixedDateStyle {
                found: DateStyle::Slashed,
                expected: DateStyle::Dashed
            }
        )]
    );
    let text = "2026年11月1日,一,\n2026-11-02,二,\n";
    assert_eq!(
        problems(text),
        vec![(
            2,
            MixedDateStyle {
                found: DateStyle::Dashed,
                expected: DateStyle::Chinese
            }
        )]
    );
}

#[test]
fn whole_file_refusals() {
    use CsvProblemKind::*;
    assert_eq!(problems(""), vec![(0, Empty)]);
    assert_eq!(problems("日期,标题,链接\n\n,,\n"), vec![(0, Empty)]);
    assert_eq!(
        problems("时间戳,标题,阅读量\n2026-11-05,一,3\n"),
        vec![(
            1,
            BadHeader {
                unknown: vec!["时间戳".into(), "阅读量".into()]
            }
        )]
    );
    assert_eq!(
        problems("日期,标题,日期\n"),
        vec![(1, DuplicateHeader("日期".into()))]
    );
    let unclosed = problems("2026-11-05,\"未闭合的引号,\n");
    assert!(
        unclosed.is_empty() || matches!(unclosed[0].1, Unreadable(_) | WrongColumns { .. }),
        "{unclosed:?}"
    );
    let bytes = [b'a', 0xFF, 0xFE, 0xFD, b'\n'];
    let err = parse_history_csv(&bytes, d(CREATED), d(TODAY)).unwrap_err();
    assert_eq!(err.problems[0].kind, NotText);
}

#[test]
fn problems_are_capped_and_counted() {
    let mut text = String::new();
    for _ in 0..(MAX_PROBLEMS + 50) {
        text.push_str("2026-11-05,,\n");
    }
    let err = parse(&text).unwrap_err();
    assert_eq!(err.problems.len(), MAX_PROBLEMS);
    assert!(err.more > 50, "{}", err.more);
}

#[test]
fn too_many_rows_stop_early() {
    let mut text = String::with_capacity(MAX_ROWS * 20);
    for i in 0..=MAX_ROWS {
        text.push_str(&format!("2026-11-05,第{i}篇,\n"));
    }
    let err = parse(&text).unwrap_err();
    assert_eq!(err.problems[0].kind, CsvProblemKind::TooManyRows);
    assert_eq!(err.problems[0].row, MAX_ROWS as u64 + 1);
}
