//! Speed of content screening: a 20,000-character Chinese article against a generated
//! 50,000-entry word list with every detector on (target ≤ 2 ms), and building the matcher
//! for that list (target ≤ 100 ms). Run with `cargo bench --bench screening`.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use mediadesk::domain::screening::{
    AllowList, Category, PersonalDataSettings, Screener, Severity, WordEntry, entries_of,
    seed_word_lists,
};

/// Deterministic pseudo-random numbers, so every run screens the same text.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u32 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) as u32
    }

    fn below(&mut self, n: usize) -> usize {
        self.next() as usize % n
    }
}

/// The 3,500 characters of the common-character table are roughly U+4E00..; a block of the
/// CJK range stands in for them.
fn hanzi(rng: &mut Lcg) -> char {
    char::from_u32(0x4E00 + rng.below(3_500) as u32).unwrap_or('中')
}

/// The seed lists plus generated words up to `total` entries.
fn word_list(total: usize) -> Vec<WordEntry> {
    let mut entries = entries_of(&seed_word_lists().expect("seed lists parse"));
    let mut rng = Lcg(42);
    let categories = Category::WITH_WORD_LIST;
    while entries.len() < total {
        let len = 2 + rng.below(4);
        let word: String = (0..len).map(|_| hanzi(&mut rng)).collect();
        entries.push(WordEntry {
            word,
            category: categories[rng.below(categories.len())],
            severity: if rng.below(3) == 0 {
                Severity::Block
            } else {
                Severity::Warn
            },
        });
    }
    entries
}

/// A 20,000-character article: Chinese sentences with punctuation, numbers, a few listed
/// words, personal data and links, like a long news post.
fn article(chars: usize) -> String {
    let mut rng = Lcg(7);
    let inserts = [
        "网络赌博",
        "内部资料",
        "联系电话13812345678",
        "身份证11010519491231002X",
        "详见https://www.sias.edu.cn/news/2024/1.html",
        "短链http://t.cn/A6abc",
        "邮箱office@sias.edu.cn",
        "2024年5月1日",
        "赌 博",
    ];
    let mut text = String::with_capacity(chars * 3);
    let mut count = 0;
    while count < chars {
        let roll = rng.below(100);
        if roll < 2 {
            let insert = inserts[rng.below(inserts.len())];
            text.push_str(insert);
            count += insert.chars().count();
        } else if roll < 10 {
            text.push(['，', '。', '、', '；', '：', '！'][rng.below(6)]);
            count += 1;
        } else {
            text.push(hanzi(&mut rng));
            count += 1;
        }
    }
    text
}

fn screening(c: &mut Criterion) {
    let entries = word_list(50_000);
    let allow = AllowList::seed().expect("allow list parses");
    let settings = PersonalDataSettings {
        student_number_patterns: vec![r"20\d{8}".into()],
        staff_number_patterns: vec![r"js\d{5}".into()],
    };
    let screener = Screener::new(entries.clone(), &allow, &settings).expect("matcher builds");
    let text = article(20_000);
    assert!(text.chars().count() >= 20_000);
    let report = screener.screen(&text);
    assert!(report.blocks() && !report.links.is_empty());

    c.bench_function("screen 20k chars, 50k words, all detectors", |b| {
        b.iter(|| black_box(screener.screen(black_box(&text))));
    });

    let mut group = c.benchmark_group("build");
    group.sample_size(20);
    group.bench_function("matcher for 50k words", |b| {
        b.iter_batched(
            || entries.clone(),
            |entries| black_box(Screener::new(entries, &allow, &settings).expect("matcher builds")),
            BatchSize::LargeInput,
        );
    });
    group.finish();
}

criterion_group!(benches, screening);
criterion_main!(benches);
