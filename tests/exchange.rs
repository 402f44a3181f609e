//! Spreadsheets in and out of the 台账 through the public `exchange` API, as the store, the
//! command line and the window will use it: round trips, real-world-shaped sheets, GBK CSV,
//! and every kind of bad file refused with its row and reason.
#![allow(clippy::unwrap_used)]

use std::io::Write;

use chrono::NaiveDate;
use mediadesk::domain::filing::{Filing, FilingKind, FilingState};
use mediadesk::domain::lifecycle::{EventKind, FieldChange};
use mediadesk::domain::platform::{
    AccountType, Administrator, Maintenance, PlatformDraft, PlatformKind,
};
use mediadesk::domain::registry::StatusView;
use mediadesk::domain::unit::Unit;
use mediadesk::exchange::{
    Cell, ChangeSheetRow, ColumnRole, ExistingAccounts, FilingSheetRow, ImportContext, ImportError,
    ImportPreview, LooksLike, PlatformSheetRow, RegistryWorkbook, RowOutcome, SourceFormat,
    TextEncoding, existing_key, export_xlsx, export_xlsx_to, guess_layout, import_file, preview,
    read_source, read_source_bytes,
};
use rust_xlsxwriter::{Format, Workbook};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn kinds() -> Vec<PlatformKind> {
    [
        "网站",
        "微信公众号",
        "微博",
        "抖音",
        "视频号",
        "哔哩哔哩",
        "今日头条",
        "小红书",
        "快手",
        "QQ",
        "新闻客户端",
    ]
    .iter()
    .enumerate()
    .map(|(i, name)| PlatformKind {
        id: i as i64 + 1,
        name: (*name).into(),
        is_website: i == 0,
        has_account_type: i == 1,
        sort_order: i as i64,
    })
    .collect()
}

fn unit(id: i64, name: &str) -> Unit {
    Unit {
        id,
        name: name.into(),
        party_branch: String::new(),
        head: String::new(),
        secretary: String::new(),
        version: 1,
    }
}

fn units() -> Vec<Unit> {
    vec![
        unit(1, "商学院"),
        unit(2, "文学院"),
        unit(3, "国际教育学院（中外合作办学）"),
    ]
}

struct World {
    units: Vec<Unit>,
    kinds: Vec<PlatformKind>,
    school: Vec<String>,
    existing: ExistingAccounts,
}

impl World {
    fn new() -> Self {
        Self {
            units: units(),
            kinds: kinds(),
            school: vec!["郑州西亚斯学院".into(), "西亚斯".into()],
            existing: ExistingAccounts::new(),
        }
    }

    fn ctx(&self) -> ImportContext<'_> {
        ImportContext {
            today: d("2026-11-26"),
            units: &self.units,
            kinds: &self.kinds,
            school_names: &self.school,
            existing: &self.existing,
            default_unit_id: None,
        }
    }
}

fn admin(name: &str, mobile: &str) -> Administrator {
    Administrator {
        name: name.into(),
        mobile: mobile.into(),
    }
}

fn base(unit_id: i64, kind_id: i64, name: &str, account: &str) -> PlatformDraft {
    PlatformDraft {
        unit_id,
        kind_id,
        name: name.into(),
        account: account.into(),
        account_type: None,
        verified: false,
        verified_until: None,
        content_scope: "学院新闻、通知公告".into(),
        created_on: d("2024-09-27"),
        responsible_person: "王建国".into(),
        contact_mobile: "13803710001".into(),
        administrators: vec![admin("李珺", "15937165432")],
        maintenance: Maintenance::InHouse,
        approval_ref: String::new(),
        notes: String::new(),
        last_post_on: None,
        intranet_only: false,
    }
}

/// Drafts using every field and its awkward values: digits-only accounts, four
/// administrators, vendors, the school's name with approval.
fn varied_drafts() -> Vec<PlatformDraft> {
    let mut wechat = base(1, 2, "商学院青年", "sxy_youth");
    wechat.account_type = Some(AccountType::Service);
    wechat.verified = true;
    wechat.verified_until = Some(d("2027-03-01"));
    wechat.last_post_on = Some(d("2026-11-20"));

    let mut site = base(2, 1, "文学院网站", "https://wxy.example.edu.cn");
    site.maintenance = Maintenance::Vendor {
        name: "郑州某某网络科技有限公司".into(),
    };
    site.intranet_only = true;
    site.notes = "改版中，2025 年上线新版".into();

    let mut qq = base(3, 10, "国际教育学院招生", "123456789");
    qq.administrators = vec![
        admin("张喆", "13912345678"),
        admin("赵堃", "13712345678"),
        admin("周珺", "18612345678"),
        admin("钱多多", "19912345678"),
    ];
    qq.maintenance = Maintenance::Vendor {
        name: "河南某某文化传媒有限公司".into(),
    };

    let mut douyin = base(1, 4, "郑州西亚斯学院商学院", "xiyasi_sxy");
    douyin.approval_ref = "校办〔2024〕12号".into();
    douyin.created_on = d("2021-01-05");
    douyin.contact_mobile = "13000000000".into();

    vec![wechat, site, qq, douyin]
}

fn sheet_rows(drafts: &[PlatformDraft]) -> Vec<PlatformSheetRow> {
    let units = units();
    let kinds = kinds();
    drafts
        .iter()
        .map(|draft| PlatformSheetRow {
            unit_name: units
                .iter()
                .find(|u| u.id == draft.unit_id)
                .unwrap()
                .name
                .clone(),
            kind_name: kinds
                .iter()
                .find(|k| k.id == draft.kind_id)
                .unwrap()
                .name
                .clone(),
            draft: draft.clone(),
            status: StatusView::Filed,
            filing: Some((FilingKind::Initial, FilingState::Archived)),
        })
        .collect()
}

fn workbook(drafts: &[PlatformDraft]) -> RegistryWorkbook {
    RegistryWorkbook {
        platforms: sheet_rows(drafts),
        filings: vec![FilingSheetRow {
            unit_name: "商学院".into(),
            kind_name: "微信公众号".into(),
            platform_name: "商学院青年".into(),
            account: "sxy_youth".into(),
            filing: Filing {
                id: 1,
                platform_id: 1,
                kind: FilingKind::Initial,
                printed_on: d("2024-09-30"),
                state: FilingState::Archived,
                submitted_on: Some(d("2024-10-08")),
                archived_on: Some(d("2024-10-10")),
                archive_no: "XW-2024-031".into(),
                has_scan: true,
                version: 3,
            },
        }],
        changes: vec![ChangeSheetRow {
            unit_name: "商学院".into(),
            kind_name: "微信公众号".into(),
            platform_name: "商学院青年".into(),
            on: d("2025-03-01"),
            event: EventKind::Changed,
            changes: vec![FieldChange {
                field: "负责人".into(),
                old: "张三".into(),
                new: "王建国".into(),
            }],
            note: "人员调整".into(),
        }],
        notices: Vec::new(),
    }
}

fn import_bytes(bytes: &[u8], world: &World) -> Result<ImportPreview, ImportError> {
    let file = read_source_bytes(bytes)?;
    let layout = guess_layout(&file)?;
    preview(&file, &layout, &world.ctx())
}

fn drafts_of(preview: ImportPreview) -> Vec<PlatformDraft> {
    preview
        .into_drafts()
        .unwrap()
        .into_iter()
        .map(|r| r.draft)
        .collect()
}

#[test]
fn round_trip_export_then_import_gives_the_same_drafts() {
    let world = World::new();
    let drafts = varied_drafts();
    let bytes = export_xlsx(&workbook(&drafts)).unwrap();
    let file = read_source_bytes(&bytes).unwrap();
    assert_eq!(file.format, SourceFormat::Xlsx);
    let names: Vec<&str> = file.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["平台台账", "备案记录", "变更与停运"]);

    let preview = import_bytes(&bytes, &world).unwrap();
    assert_eq!(preview.sheet_name, "平台台账");
    assert_eq!(preview.header_row, 1);
    let rows: Vec<u32> = preview.rows.iter().map(|r| r.row).collect();
    assert_eq!(rows, [2, 3, 4, 5]);
    assert_eq!(drafts_of(preview), drafts);
}

#[test]
fn export_writes_real_dates_text_mobiles_a_frozen_header_and_chinese_widths() {
    let drafts = varied_drafts();
    let bytes = export_xlsx(&workbook(&drafts)).unwrap();
    let file = read_source_bytes(&bytes).unwrap();
    let sheet = &file.sheets[0];
    let header: Vec<String> = sheet.rows[0]
        .cells
        .iter()
        .map(|c| match c {
            Cell::Text(t) => t.clone(),
            other => panic!("header cell {other:?}"),
        })
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let first = &sheet.rows[1];
    assert_eq!(first.cells[col("创建时间")], Cell::Date(d("2024-09-27")));
    assert_eq!(first.cells[col("认证有效期")], Cell::Date(d("2027-03-01")));
    assert_eq!(
        first.cells[col("联络手机")],
        Cell::Text("13803710001".into())
    );
    assert_eq!(
        sheet.rows[3].cells[col("账号ID/网址")],
        Cell::Text("123456789".into())
    );
    // Four administrators make a fourth pair of columns.
    assert!(header.contains(&"管理员4手机".to_owned()));

    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut xml,
    )
    .unwrap();
    assert!(xml.contains(r#"ySplit="1""#) && xml.contains(r#"state="frozen""#));
    assert!(xml.contains("<autoFilter"));
    // 内容范围 「学院新闻、通知公告」 is 9 characters, 18 digit widths.
    let content_col = col("内容范围") + 1;
    let marker = format!(r#"<col min="{content_col}" max="{content_col}" width=""#);
    let width: f64 = xml
        .split(&marker)
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(width >= 18.0, "width {width}");
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
    assert!(styles.contains(r#"formatCode="yyyy-mm-dd""#));
}

#[test]
fn export_to_a_path_replaces_the_file_whole() {
    let world = World::new();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("平台台账.xlsx");
    std::fs::write(&path, b"last month").unwrap();
    let drafts = varied_drafts();
    export_xlsx_to(&workbook(&drafts), &path).unwrap();
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    assert_eq!(drafts_of(import_file(&path, &world.ctx()).unwrap()), drafts);
    assert_eq!(read_source(&path).unwrap().format, SourceFormat::Xlsx);
}

/// A 台账 as a department keeps it: a merged title, a blank row, a numbered first column,
/// 是/√/×, dates typed as text in three ways, mobiles stored as numbers, 「管理员」 then
/// 「手机」, a blank row between records and a note under the table.
fn real_world_sheet() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("2024年").unwrap();
    let title = Format::new().set_bold();
    sheet
        .merge_range(0, 0, 0, 15, "商学院新媒体平台台账（2024年）", &title)
        .unwrap();
    let headers = [
        "序号",
        "单位",
        "平台类型",
        "账号名称",
        "账号",
        "账号类型",
        "是否认证",
        "认证有效期",
        "内容范围",
        "创建时间",
        "负责人",
        "手机",
        "管理员",
        "手机",
        "维护方式",
        "备注",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("yyyy/m/d");
    // Row 4 (index 3).
    sheet.write_number(3, 0, 1).unwrap();
    for (c, v) in [
        (1, "商学院"),
        (2, "公众号"),
        (3, "商学院青年"),
        (4, "sxy_youth"),
        (5, "订阅号"),
        (6, "是"),
        (7, "2027/3/1"),
        (8, "学院新闻"),
        (9, "2024/9/27"),
        (10, "王建国"),
        (12, "李珺"),
        (14, "本单位自行维护"),
    ] {
        sheet.write_string(3, c, v).unwrap();
    }
    sheet.write_number(3, 11, 13_803_710_001.0).unwrap();
    sheet.write_number(3, 13, 15_937_165_432.0).unwrap();
    // Row 5: √, a date typed the Chinese way, a real date cell for the expiry.
    sheet.write_number(4, 0, 2).unwrap();
    for (c, v) in [
        (1, "商学院"),
        (2, "抖音"),
        (3, "商院视界"),
        (4, "88886666"),
        (6, "√"),
        (8, "校园生活短视频"),
        (9, "2023年3月8日"),
        (10, "王建国"),
        (12, "张喆"),
        (14, "委托 郑州某某文化传媒有限公司 维护"),
        (15, "学生团队运营"),
    ] {
        sheet.write_string(4, c, v).unwrap();
    }
    sheet
        .write_datetime_with_format(4, 7, d("2026-12-31"), &date)
        .unwrap();
    sheet.write_number(4, 11, 13_803_710_001.0).unwrap();
    sheet.write_number(4, 13, 13_912_345_678.0).unwrap();
    // Row 6 left blank. Row 7: ×, a dotted date, a mobile typed as text with spaces.
    sheet.write_number(6, 0, 3).unwrap();
    for (c, v) in [
        (1, "商学院"),
        (2, "网站"),
        (3, "商学院官网"),
        (4, "https://sxy.example.edu.cn"),
        (6, "×"),
        (8, "学院概况、新闻、通知"),
        (9, "2019.5.20"),
        (10, "刘芳"),
        (11, "138 0371 0002"),
        (12, "赵堃"),
        (13, "13712345678"),
    ] {
        sheet.write_string(6, c, v).unwrap();
    }
    // Row 9: a note under the table.
    sheet
        .merge_range(
            8,
            0,
            8,
            15,
            "注：本表由各单位每学期更新一次。",
            &Format::new(),
        )
        .unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn a_real_world_shaped_sheet_imports() {
    let world = World::new();
    let preview = import_bytes(&real_world_sheet(), &world).unwrap();
    assert_eq!(preview.sheet_name, "2024年");
    assert_eq!(preview.header_row, 3);
    let rows: Vec<(u32, bool)> = preview
        .rows
        .iter()
        .map(|r| (r.row, r.outcome == RowOutcome::Skipped))
        .collect();
    assert_eq!(rows, [(4, false), (5, false), (7, false), (9, true)]);
    assert_eq!(preview.skipped_count(), 1);

    let drafts = drafts_of(preview);
    let mut youth = base(1, 2, "商学院青年", "sxy_youth");
    youth.account_type = Some(AccountType::Subscription);
    youth.verified = true;
    youth.verified_until = Some(d("2027-03-01"));
    youth.content_scope = "学院新闻".into();
    let mut video = base(1, 4, "商院视界", "88886666");
    video.verified = true;
    video.verified_until = Some(d("2026-12-31"));
    video.content_scope = "校园生活短视频".into();
    video.created_on = d("2023-03-08");
    video.administrators = vec![admin("张喆", "13912345678")];
    video.maintenance = Maintenance::Vendor {
        name: "郑州某某文化传媒有限公司".into(),
    };
    video.notes = "学生团队运营".into();
    let mut site = base(1, 1, "商学院官网", "https://sxy.example.edu.cn");
    site.content_scope = "学院概况、新闻、通知".into();
    site.created_on = d("2019-05-20");
    site.responsible_person = "刘芳".into();
    site.contact_mobile = "13803710002".into();
    site.administrators = vec![admin("赵堃", "13712345678")];
    assert_eq!(drafts, [youth, video, site]);
}

const CSV_SHEET: &str = "\
单位,媒体平台,账号名称,账号ID/网址,是否认证,内容范围,创建时间,负责人,联络手机,管理员\r\n\
文学院,微博,文学院微博,wenxueyuan,Y,文学活动,2022-04-01,张喆,13912345678,李珺 15937165432；王芳 13812345678\r\n\
文学院,视频号,\"文学院, 影像\",wxy_video,N,讲座视频,2024/1/9,张喆,13912345678,李珺(15937165432)\r\n";

#[test]
fn a_gbk_csv_as_excel_saves_it_imports() {
    let world = World::new();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(CSV_SHEET);
    assert!(!unmappable);
    let file = read_source_bytes(&gbk).unwrap();
    assert_eq!(file.format, SourceFormat::Csv(TextEncoding::Gbk));
    let drafts = drafts_of(import_bytes(&gbk, &world).unwrap());

    let mut weibo = base(2, 3, "文学院微博", "wenxueyuan");
    weibo.verified = true;
    weibo.content_scope = "文学活动".into();
    weibo.created_on = d("2022-04-01");
    weibo.responsible_person = "张喆".into();
    weibo.contact_mobile = "13912345678".into();
    weibo.administrators = vec![admin("李珺", "15937165432"), admin("王芳", "13812345678")];
    let mut video = base(2, 5, "文学院, 影像", "wxy_video");
    video.content_scope = "讲座视频".into();
    video.created_on = d("2024-01-09");
    video.responsible_person = "张喆".into();
    video.contact_mobile = "13912345678".into();
    assert_eq!(drafts, [weibo, video]);

    // The same sheet saved as 「CSV UTF-8」 (with a byte-order mark) reads the same.
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), CSV_SHEET.as_bytes()].concat();
    let file = read_source_bytes(&with_bom).unwrap();
    assert_eq!(file.format, SourceFormat::Csv(TextEncoding::Utf8WithBom));
    assert_eq!(
        drafts_of(import_bytes(&with_bom, &world).unwrap()),
        drafts_of(import_bytes(&gbk, &world).unwrap())
    );
}

#[test]
fn wrong_types_are_refused_with_row_column_and_reason() {
    let world = World::new();
    let csv = "\
单位,媒体平台,账号名称,账号,是否认证,内容范围,创建时间,负责人,联络手机,管理员\n\
商学院,抖音,甲,a1,是,新闻,2024-01-02,王建国,13803710001,李珺 15937165432\n\
商学院,抖音,乙,a2,可能,新闻,去年九月,王建国,1.38037E+10,李珺 15937165432\n\
火星学院,脸书,丙,a3,否,新闻,2024-01-02,王建国,13803710001,李珺 159\n";
    let preview = import_bytes(csv.as_bytes(), &world).unwrap();
    assert_eq!(preview.ready_count(), 1);
    let reports = preview.reports();
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0].row, 3);
    let labels: Vec<(Option<usize>, &str)> = reports[0]
        .errors
        .iter()
        .map(|e| (e.column, e.label.as_str()))
        .collect();
    assert_eq!(
        labels,
        [
            (Some(4), "是否认证"),
            (Some(6), "创建时间"),
            (Some(8), "联络手机")
        ]
    );
    assert!(reports[0].errors[0].message.contains("「可能」"));
    assert!(reports[0].errors[1].message.contains("不是日期"));
    assert!(reports[0].errors[2].message.contains("科学计数法"));

    assert_eq!(reports[1].row, 4);
    let text = reports[1].to_string();
    assert!(text.starts_with("第 4 行："), "{text}");
    assert!(text.contains("系统中没有单位「火星学院」"), "{text}");
    assert!(text.contains("没有「脸书」这种媒体平台"), "{text}");
    assert!(text.contains("第 1 位管理员（J 列）"), "{text}");

    // All or nothing: the clean row is not imported either.
    let refusal = preview.into_drafts().unwrap_err();
    let ImportError::RowsInvalid {
        invalid_rows,
        first,
    } = &refusal
    else {
        panic!("{refusal:?}");
    };
    assert_eq!(*invalid_rows, 2);
    assert_eq!(first.iter().map(|r| r.row).collect::<Vec<_>>(), [3, 4]);
    let message = refusal.to_string();
    assert!(
        message.starts_with("有 2 行需要修改，所以一个平台也没有导入"),
        "{message}"
    );
    assert!(
        message.contains("第 3 行：是否认证（E 列）：「可能」看不出是或否"),
        "{message}"
    );
}

#[test]
fn missing_columns_are_named_and_a_corrected_mapping_imports() {
    let world = World::new();
    let csv = "\
单位,媒体平台,账号名称,平台号,内容范围,创建时间,负责人,联络手机,管理员\n\
商学院,抖音,甲,a1,新闻,2024-01-02,王建国,13803710001,李珺 15937165432\n";
    let file = read_source_bytes(csv.as_bytes()).unwrap();
    let mut layout = guess_layout(&file).unwrap();
    let refusal = preview(&file, &layout, &world.ctx()).unwrap_err();
    assert_eq!(
        refusal,
        ImportError::MissingColumns {
            missing: vec![ColumnRole::Account],
            header_row: 1
        }
    );
    assert!(refusal.to_string().contains("缺少必需的列：账号ID/网址"));

    layout.mapping.set(3, ColumnRole::Account);
    let drafts = drafts_of(preview(&file, &layout, &world.ctx()).unwrap());
    assert_eq!(drafts[0].account, "a1");

    let only_three = "账号名称,媒体平台,负责人\n甲,抖音,王建国\n";
    let Err(ImportError::MissingColumns { missing, .. }) =
        import_bytes(only_three.as_bytes(), &world)
    else {
        panic!("expected missing columns");
    };
    assert_eq!(
        missing,
        [
            ColumnRole::Unit,
            ColumnRole::Account,
            ColumnRole::ContentScope,
            ColumnRole::CreatedOn,
            ColumnRole::ContactMobile,
            ColumnRole::Administrators
        ]
    );
}

#[test]
fn a_sheet_of_ones_own_unit_needs_no_unit_column() {
    let world = World::new();
    let csv = "\
媒体平台,账号名称,账号,内容范围,创建时间,负责人,联络手机,管理员\n\
抖音,甲,a1,新闻,2024-01-02,王建国,13803710001,李珺 15937165432\n";
    let file = read_source_bytes(csv.as_bytes()).unwrap();
    let layout = guess_layout(&file).unwrap();
    let ctx = ImportContext {
        default_unit_id: Some(2),
        ..world.ctx()
    };
    let drafts = drafts_of(preview(&file, &layout, &ctx).unwrap());
    assert_eq!(drafts[0].unit_id, 2);
}

#[test]
fn duplicates_in_the_file_and_in_the_database_are_found() {
    let mut world = World::new();
    world
        .existing
        .insert(existing_key(4, "OLD_ONE"), (77, "旧抖音号".into()));
    let csv = "\
单位,媒体平台,账号名称,账号,内容范围,创建时间,负责人,联络手机,管理员\n\
商学院,抖音,甲,a1,新闻,2024-01-02,王建国,13803710001,李珺 15937165432\n\
商学院,抖音,乙,old_one,新闻,2024-01-02,王建国,13803710001,李珺 15937165432\n\
商学院,抖音,丙,A1,新闻,2024-01-02,王建国,13803710001,李珺 15937165432\n\
商学院,微博,丁,a1,新闻,2024-01-02,王建国,13803710001,李珺 15937165432\n";
    let reports = import_bytes(csv.as_bytes(), &world).unwrap().reports();
    let got: Vec<(u32, String)> = reports
        .iter()
        .map(|r| (r.row, r.errors[0].message.clone()))
        .collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, 3);
    assert!(got[0].1.contains("旧抖音号（编号 77）"), "{}", got[0].1);
    assert_eq!(got[1].0, 4);
    assert!(
        got[1].1.contains("与第 2 行是同一平台上的同一账号"),
        "{}",
        got[1].1
    );
}

#[test]
fn unknown_units_get_a_suggestion() {
    let world = World::new();
    let csv = "\
单位,媒体平台,账号名称,账号,内容范围,创建时间,负责人,联络手机,管理员\n\
国际教育学院,抖音,甲,a1,新闻,2024-01-02,王建国,13803710001,李珺 15937165432\n\
国际教育学院 (中外合作办学),抖音,乙,a2,新闻,2024-01-02,王建国,13803710001,李珺 15937165432\n";
    let preview = import_bytes(csv.as_bytes(), &world).unwrap();
    let reports = preview.reports();
    assert_eq!(reports.len(), 1);
    assert!(
        reports[0].errors[0]
            .message
            .contains("是不是「国际教育学院（中外合作办学）」")
    );
    assert_eq!(preview.ready_count(), 1);
}

#[test]
fn ten_thousand_rows_with_one_bad_one_report_exactly_that_row() {
    let world = World::new();
    let drafts: Vec<PlatformDraft> = (0..10_000)
        .map(|i| {
            let mut d = base(1 + i % 3, 4, &format!("账号{i}"), &format!("acct_{i:05}"));
            if i == 6_789 {
                d.contact_mobile = "1380371000".into();
            }
            d
        })
        .collect();
    let bytes = export_xlsx(&RegistryWorkbook {
        platforms: sheet_rows(&drafts),
        ..Default::default()
    })
    .unwrap();
    let preview = import_bytes(&bytes, &world).unwrap();
    assert_eq!(preview.rows.len(), 10_000);
    assert_eq!(preview.ready_count(), 9_999);
    let Err(ImportError::RowsInvalid {
        invalid_rows,
        first,
    }) = preview.into_drafts()
    else {
        panic!("one row is bad");
    };
    assert_eq!(invalid_rows, 1);
    assert_eq!(first.len(), 1);
    // Data row 6,789 (0-based) sits under the header in row 1: row 6,791 in Excel.
    assert_eq!(first[0].row, 6_791);
    assert_eq!(first[0].errors.len(), 1);
    assert_eq!(first[0].errors[0].label, "联络手机");
    assert_eq!(first[0].errors[0].column, Some(10));
    assert!(first[0].errors[0].message.contains("11 位"));
}

fn zip_with(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        for (name, data) in entries {
            zip.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(data).unwrap();
        }
        zip.finish().unwrap();
    }
    out.into_inner()
}

/// An encrypted OOXML workbook is an OLE compound file whose directory holds the streams
/// 「EncryptionInfo」 and 「EncryptedPackage」 (names in UTF-16LE).
fn encrypted_workbook() -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(1536, 0);
    for name in ["EncryptionInfo", "EncryptedPackage"] {
        let mut entry: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        entry.resize(128, 0);
        bytes.extend(entry);
    }
    bytes
}

#[test]
fn files_that_are_not_usable_spreadsheets_are_refused_in_words() {
    let good = export_xlsx(&workbook(&varied_drafts())).unwrap();
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let random: Vec<u8> = (0..4096)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect();
    let cases: Vec<(&str, Vec<u8>, ImportError, &str)> = vec![
        ("empty", Vec::new(), ImportError::Empty, "文件是空的"),
        (
            "truncated xlsx",
            good[..good.len() / 2].to_vec(),
            ImportError::Truncated,
            "文件不完整",
        ),
        (
            "zip of text",
            zip_with(&[("readme.txt", b"hello")]),
            ImportError::NotASpreadsheet {
                looks_like: LooksLike::OtherZip,
            },
            "里面没有 Excel 工作簿",
        ),
        (
            "word document",
            zip_with(&[("word/document.xml", b"<w:document/>")]),
            ImportError::NotASpreadsheet {
                looks_like: LooksLike::Word,
            },
            "Word 文档",
        ),
        (
            "random bytes",
            random,
            ImportError::NotASpreadsheet {
                looks_like: LooksLike::Unknown,
            },
            "这不是表格文件",
        ),
        (
            "encrypted",
            encrypted_workbook(),
            ImportError::Encrypted,
            "设置了打开密码",
        ),
    ];
    for (what, bytes, want, words) in cases {
        let got = read_source_bytes(&bytes).unwrap_err();
        assert_eq!(got, want, "{what}");
        assert!(got.to_string().contains(words), "{what}: {got}");
    }
}

#[test]
fn a_workbook_with_only_a_title_has_no_header() {
    let mut book = Workbook::new();
    book.add_worksheet()
        .write_string(0, 0, "商学院新媒体平台台账")
        .unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let file = read_source_bytes(&bytes).unwrap();
    assert_eq!(guess_layout(&file), Err(ImportError::NoHeader));
    let header_only = "单位,媒体平台,账号名称,账号,内容范围,创建时间,负责人,联络手机,管理员\n";
    assert!(matches!(
        import_bytes(header_only.as_bytes(), &World::new()),
        Err(ImportError::NoDataRows { header_row: 1 })
    ));
}

#[test]
fn only_regular_files_of_a_sane_size_are_read() {
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        read_source(dir.path()),
        Err(ImportError::IsAFolder { .. })
    ));
    assert!(matches!(
        read_source(&dir.path().join("没有.xlsx")),
        Err(ImportError::NotFound { .. })
    ));
    let empty = dir.path().join("空.csv");
    std::fs::write(&empty, b"").unwrap();
    assert_eq!(read_source(&empty), Err(ImportError::Empty));
    let huge = dir.path().join("大.xlsx");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(60 * 1024 * 1024)
        .unwrap();
    let err = read_source(&huge).unwrap_err();
    assert!(matches!(err, ImportError::TooLarge { .. }));
    assert!(err.to_string().contains("60.0 MB"), "{err}");
    #[cfg(unix)]
    {
        // A FIFO would block a plain open forever; it must be refused before opening.
        let fifo = dir.path().join("管道");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert!(matches!(
                read_source(&fifo),
                Err(ImportError::NotARegularFile { .. })
            ));
        }
        assert!(matches!(
            read_source(std::path::Path::new("/dev/zero")),
            Err(ImportError::NotARegularFile { .. })
        ));
    }
}

/// An old .xls (Excel 97–2003, also what WPS often saves), made once with Python's xlwt:
/// a merged title, then 单位 … 管理员, 手机 with a real date cell and mobiles as numbers.
#[test]
fn an_old_xls_workbook_imports() {
    let world = World::new();
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/old-excel-97.xls");
    let file = read_source(&path).unwrap();
    assert_eq!(file.format, SourceFormat::Xls);
    let preview = import_file(&path, &world.ctx()).unwrap();
    assert_eq!(preview.header_row, 2);
    let mut weibo = base(2, 3, "文学院微博", "wenxueyuan");
    weibo.content_scope = "文学活动".into();
    weibo.created_on = d("2022-04-01");
    weibo.responsible_person = "张喆".into();
    weibo.contact_mobile = "13912345678".into();
    assert_eq!(drafts_of(preview), [weibo]);
}
