//! Spreadsheets at the scale of a whole school: 10,000 platforms. Budgets (issue 13): import
//! of a 10,000-row xlsx including validation ≤ 2 s; export of 10,000 rows ≤ 1 s.
#![allow(clippy::unwrap_used)]

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use mediadesk::domain::filing::{FilingKind, FilingState};
use mediadesk::domain::platform::{
    AccountType, Administrator, Maintenance, PlatformDraft, PlatformKind,
};
use mediadesk::domain::registry::StatusView;
use mediadesk::domain::unit::Unit;
use mediadesk::exchange::{
    ExistingAccounts, ImportContext, PlatformSheetRow, RegistryWorkbook, export_xlsx, guess_layout,
    preview, read_source_bytes,
};

const ROWS: usize = 10_000;
const SURNAMES: &[&str] = &["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
const GIVEN: &[&str] = &[
    "建国", "珺", "喆", "堃", "芳", "伟", "秀英", "志强", "丽娟", "文博",
];

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

fn units() -> Vec<Unit> {
    (1..=60)
        .map(|i| Unit {
            id: i,
            name: format!("第{i}学院"),
            party_branch: String::new(),
            head: String::new(),
            secretary: String::new(),
            version: 1,
        })
        .collect()
}

fn person(i: usize) -> String {
    format!("{}{}", SURNAMES[i % 10], GIVEN[(i / 10) % 10])
}

fn mobile(i: usize) -> String {
    format!("13{:09}", i * 7919 % 1_000_000_000)
}

/// 10,000 platforms as a school's registry has them: every field filled, dates spread over
/// years, three administrators each, some vendors.
fn rows(kinds: &[PlatformKind], units: &[Unit]) -> Vec<PlatformSheetRow> {
    let start = NaiveDate::from_ymd_opt(2018, 1, 1).unwrap();
    (0..ROWS)
        .map(|i| {
            let kind = &kinds[i % kinds.len()];
            let unit = &units[i % units.len()];
            let account = if kind.is_website {
                format!("https://site{i}.example.edu.cn")
            } else {
                format!("acct_{i:05}")
            };
            let draft = PlatformDraft {
                unit_id: unit.id,
                kind_id: kind.id,
                name: format!("{}{}号平台", unit.name, i),
                account,
                account_type: kind.has_account_type.then_some(AccountType::Subscription),
                verified: i % 2 == 0,
                verified_until: (i % 2 == 0).then(|| NaiveDate::from_ymd_opt(2027, 6, 30).unwrap()),
                content_scope: "学院新闻、通知公告、党建专栏".into(),
                created_on: start + chrono::Days::new((i % 3000) as u64),
                responsible_person: person(i),
                contact_mobile: mobile(i),
                administrators: (1..=3)
                    .map(|k| Administrator {
                        name: person(i + k),
                        mobile: mobile(i + k),
                    })
                    .collect(),
                maintenance: if i % 5 == 0 {
                    Maintenance::Vendor {
                        name: "郑州某某网络科技有限公司".into(),
                    }
                } else {
                    Maintenance::InHouse
                },
                approval_ref: String::new(),
                notes: if i % 7 == 0 {
                    "改版中".into()
                } else {
                    String::new()
                },
                last_post_on: None,
                intranet_only: false,
            };
            PlatformSheetRow {
                unit_name: unit.name.clone(),
                kind_name: kind.name.clone(),
                draft,
                status: StatusView::Filed,
                filing: Some((FilingKind::Initial, FilingState::Archived)),
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let kinds = kinds();
    let units = units();
    let book = RegistryWorkbook {
        platforms: rows(&kinds, &units),
        ..Default::default()
    };
    let bytes = export_xlsx(&book).unwrap();
    let school = vec!["郑州西亚斯学院".to_owned()];
    let existing = ExistingAccounts::new();
    let ctx = ImportContext {
        today: NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        units: &units,
        kinds: &kinds,
        school_names: &school,
        existing: &existing,
        default_unit_id: None,
    };

    let mut group = c.benchmark_group("exchange_10k");
    group.sample_size(10);
    group.bench_function("export_xlsx", |b| {
        b.iter(|| black_box(export_xlsx(black_box(&book)).unwrap()).len())
    });
    group.bench_function("import_xlsx_with_validation", |b| {
        b.iter(|| {
            let file = read_source_bytes(black_box(&bytes)).unwrap();
            let layout = guess_layout(&file).unwrap();
            let drafts = preview(&file, &layout, &ctx)
                .unwrap()
                .into_drafts()
                .unwrap();
            assert_eq!(drafts.len(), ROWS);
            drafts.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
