//! Printing benchmarks, in-process: one platform's four-copy form (target ≤ 3 ms, ≤ 150 KB) and
//! the annual review of 500 platforms, 2,000 pages in one PDF (target ≤ 1 s, ≤ 6 MB). The whole
//! cold process (start-up, database, font, file) is measured by `benches/cold_process.sh`.

use std::hint::black_box;
use std::time::Duration;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use mediadesk::print::{
    FilingFormData, FormSettings, layout_filing_form, render_filing_form, render_filing_forms,
};

const UNITS: [&str; 24] = [
    "外国语学院",
    "艺术设计学院",
    "音乐学院",
    "体育学院",
    "文学院",
    "新闻与传播学院",
    "计算机与软件工程学院",
    "电子信息工程学院",
    "土木工程学院",
    "建筑学院",
    "商学院",
    "会计学院",
    "法学院",
    "教育学院",
    "护理学院",
    "医学院",
    "马克思主义学院（思想政治理论课教学研究部）",
    "国际教育学院",
    "继续教育学院",
    "团委",
    "学生工作部（处）",
    "招生就业处",
    "图书馆",
    "后勤服务集团",
];
const KINDS: [&str; 7] = [
    "微信公众号",
    "微博",
    "抖音",
    "视频号",
    "网站",
    "哔哩哔哩",
    "小红书",
];
const SUFFIXES: [&str; 10] = [
    "之声",
    "青年",
    "团委",
    "学生会",
    "党建",
    "资讯",
    "官微",
    "在线",
    "视界",
    "家园",
];
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN: &str = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉红建文斌宇浩凯晨瑞博雪琳晶莉燕欣怡婷颖璐佳慧思雨涵梓轩子墨泽宸一诺若曦雅琪嘉怡俊熙浩然志远振国海峰立新春梅玉珍喆堃珺翀";
const SCOPES: [&str; 4] = [
    "发布学院新闻、通知公告、教学科研动态和学生活动。",
    "党建专栏、理论学习、优秀党员风采及主题教育活动报道。",
    "招生宣传、就业信息、校友风采，转载学校官方账号的重要内容。",
    "校园文化、体育赛事、志愿服务、社会实践和学术讲座信息。",
];

/// A deterministic stand-in for a year's registry: varied units, names and numbers.
fn platforms(count: usize) -> Vec<FilingFormData> {
    let surnames: Vec<char> = SURNAMES.chars().collect();
    let given: Vec<char> = GIVEN.chars().collect();
    let mut seed: u64 = 0x5EED;
    let mut next = move |n: usize| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        usize::try_from(seed >> 33).unwrap_or(0) % n
    };
    let person = |next: &mut dyn FnMut(usize) -> usize| {
        let mut name = String::new();
        name.push(surnames[next(surnames.len())]);
        for _ in 0..1 + next(2) {
            name.push(given[next(given.len())]);
        }
        let mobile = format!("13{}{:08}", next(10), next(100_000_000));
        (name, mobile)
    };
    (0..count)
        .map(|i| {
            let unit = UNITS[i % UNITS.len()];
            let kind = KINDS[next(KINDS.len())];
            let short: String = unit.chars().take(2).collect();
            let account = if kind == "网站" {
                format!("{unit}网站\nhttps://www{i}.sias.edu.cn")
            } else {
                format!("西亚斯{short}{}", SUFFIXES[next(SUFFIXES.len())])
            };
            let (responsible_person, responsible_mobile) = person(&mut next);
            let administrators = (0..1 + next(4)).map(|_| person(&mut next)).collect();
            FilingFormData {
                // Every printed page carries the audit anchor line (issue 15).
                audit_anchor: Some(mediadesk::print::AuditAnchor::new(
                    1_000_000,
                    "0123456789abcdef",
                )),
                unit_name: unit.to_owned(),
                platform_kind: kind.to_owned(),
                account_name: account,
                verified: Some(next(2) == 0),
                content_scope: SCOPES[next(SCOPES.len())].to_owned(),
                created_on: NaiveDate::from_ymd_opt(
                    2015 + next(10) as i32,
                    1 + next(12) as u32,
                    1 + next(28) as u32,
                ),
                account_type: (kind == "微信公众号")
                    .then(|| ["订阅号", "服务号", "企业号"][next(3)].to_owned()),
                responsible_person,
                responsible_mobile,
                administrators,
            }
        })
        .collect()
}

fn one_platform(c: &mut Criterion) {
    let settings = FormSettings::default();
    let form = platforms(1).remove(0);
    let pdf = render_filing_form(&form, &settings).expect("renders (and parses the font once)");
    eprintln!(
        "one platform, four copies: {} bytes ({:.1} KB)",
        pdf.len(),
        pdf.len() as f64 / 1024.0
    );
    c.bench_function("print/one_platform_four_copies", |b| {
        b.iter(|| render_filing_form(black_box(&form), &settings))
    });
    c.bench_function("print/layout_only_four_copies", |b| {
        b.iter(|| layout_filing_form(black_box(&form), &settings))
    });
}

fn annual_review(c: &mut Criterion) {
    let settings = FormSettings::default();
    let forms = platforms(500);
    let pdf = render_filing_forms(&forms, &settings, &mut |_, _| true).expect("renders");
    eprintln!(
        "annual review, 500 platforms / 2000 pages: {} bytes ({:.2} MB)",
        pdf.len(),
        pdf.len() as f64 / 1024.0 / 1024.0
    );
    let mut group = c.benchmark_group("print/annual_review_500");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_function("render_pdf", |b| {
        b.iter(|| render_filing_forms(black_box(&forms), &settings, &mut |_, _| true))
    });
    group.bench_function("layout_only", |b| {
        b.iter(|| {
            forms
                .iter()
                .map(|f| layout_filing_form(black_box(f), &settings).map(|p| p.len()))
                .sum::<Result<usize, _>>()
        })
    });
    group.finish();
}

criterion_group!(benches, one_platform, annual_review);
criterion_main!(benches);
