//! Every fixed string printed on the 信息发布审核单 (第七条三), in one place so the wording is
//! reviewed once and a custom font is checked against all of it.

use chrono::{NaiveDateTime, Timelike};

use super::labels;
use super::report_labels;

/// Appended to the school's name: 「{school}二级网络平台信息发布审核单」.
pub const TITLE_SUFFIX: &str = "二级网络平台信息发布审核单";
/// The PDF's title: 「{school}信息发布审核单：{post title}」.
pub const METADATA_SUFFIX: &str = "信息发布审核单";
pub const SUBJECT: &str = "二级网络平台信息发布审核单";

pub const UNIT: &str = "发布单位";
pub const POST_TITLE: &str = "信息标题";
pub const CATEGORY: &str = "类别";
pub const COLUMN: &str = "栏目";
pub const ORIGIN: &str = "来源";
pub const SCOPE: &str = "公开范围";
/// 第六条三: internal information never goes onto an external network.
pub const SCOPE_INTERNAL: &str = "内部（仅限校内网）";
pub const SCOPE_PUBLIC: &str = "公开";
/// 第六条四, verbatim: 「作者或信息、图片的提供者」, broken so the label column stays narrow.
pub const AUTHOR: &str = "作者或信息、\n图片提供者";
pub const SOURCE: &str = "资料来源";
pub const SOURCE_LINK: &str = "来源链接";
pub const EDITOR: &str = "编辑发布人";
pub const PLANNED_AT: &str = "计划发布时间";
pub const ATTACHMENTS: &str = "附件";
pub const NO_ATTACHMENTS: &str = "无";
pub const PUBLISHED_LINK: &str = "发布链接";

/// The values of 来源 that decide the attribution rows (第六条四), as the window shows them.
pub const ORIGINAL: &str = "原创";
pub const REPRINT: &str = "转载";

/// 第七条三: the three steps, in order, each with who does it.
pub const STEPS: [(&str, &str); 3] = [
    ("编辑初审", "（信息员）"),
    ("审核", "（审核人）"),
    ("确认发布", "（管理员）"),
];
pub const PERSON: &str = "经办人";
pub const DATE: &str = "日期";
/// Starts the opinion cell; the comment follows on the same line.
pub const OPINION: &str = "意见：";
/// Before the line the person signs on.
pub const SIGN: &str = "签字：";

pub const BODY_HEADING: &str = "稿件正文（供审阅，带行号）";
pub const EMPTY_BODY: &str = "（正文为空）";
/// In the running header of every page after the first.
pub const SHORT_NAME: &str = "信息发布审核单";

/// 「{school}二级网络平台信息发布审核单」.
pub fn title(school: &str) -> String {
    format!("{}{}", school.trim(), TITLE_SUFFIX)
}

/// The PDF's title names the post, so a folder of slips reads as a list of posts.
pub fn metadata_title(school: &str, post_title: &str) -> String {
    let head = format!("{}{}", school.trim(), METADATA_SUFFIX);
    match post_title.lines().map(str::trim).find(|l| !l.is_empty()) {
        None => head,
        Some(t) => format!("{head}：{t}"),
    }
}

/// 「编号：第42号」: the post's number in the register.
pub fn post_number(id: i64) -> String {
    format!("编号：第{id}号")
}

/// 「第3稿」: which revision the signatures cover.
pub fn revision(n: i64) -> String {
    format!("第{n}稿")
}

/// 「编号：第42号　第3稿」, at the top of the first page and the foot of every page.
pub fn number_and_revision(id: i64, revision_no: i64) -> String {
    format!("{}　{}", post_number(id), revision(revision_no))
}

/// 「状态：待审核」.
pub fn state(label: &str) -> String {
    format!("状态：{}", label.trim())
}

/// 「打印时间：2026年3月5日 14:30」.
pub fn printed_at(at: NaiveDateTime) -> String {
    format!(
        "打印时间：{} {:02}:{:02}",
        labels::date(at.date()),
        at.hour(),
        at.minute()
    )
}

/// The running header's title: 「{post title}（第3稿）」.
pub fn running_title(post_title: &str, revision_no: i64) -> String {
    let first = post_title.lines().map(str::trim).find(|l| !l.is_empty());
    format!("{}（{}）", first.unwrap_or_default(), revision(revision_no))
}

/// 第七条三, for whoever holds the paper without the policy at hand.
pub fn approval_note(school: &str) -> String {
    format!(
        "注：根据{}第七条第三款，信息由信息员编辑初审，经党总支（直属党支部）班子成员或单位负责人\
         审核同意，由管理员最终确认后发布。",
        report_labels::policy_name(school)
    )
}

/// A file's size the way file managers show it: 830 字节, 12.3 KB, 4.5 MB.
pub fn file_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} 字节");
    }
    // Precision beyond one decimal does not matter here.
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}

/// How many characters of an attachment's SHA-256 are printed: enough to tell files apart by
/// eye, short enough for one line.
pub const HASH_PREFIX_CHARS: usize = 16;

/// One attachment on its own line: 「活动照片.jpg（2.3 MB，SHA-256 0123456789abcdef）」.
pub fn attachment_line(name: &str, size: u64, sha256: &str) -> String {
    let hash: String = sha256.trim().chars().take(HASH_PREFIX_CHARS).collect();
    let name = name.trim();
    if hash.is_empty() {
        format!("{name}（{}）", file_size(size))
    } else {
        format!("{name}（{}，SHA-256 {hash}）", file_size(size))
    }
}

/// Everything above that does not depend on the data, for the custom font check
/// (`labels::all_fixed_text` takes it in).
pub fn all_fixed_text() -> String {
    let mut all = String::new();
    for s in [
        TITLE_SUFFIX,
        UNIT,
        POST_TITLE,
        CATEGORY,
        COLUMN,
        ORIGIN,
        SCOPE,
        SCOPE_INTERNAL,
        SCOPE_PUBLIC,
        AUTHOR,
        SOURCE,
        SOURCE_LINK,
        EDITOR,
        PLANNED_AT,
        ATTACHMENTS,
        NO_ATTACHMENTS,
        PUBLISHED_LINK,
        PERSON,
        DATE,
        OPINION,
        SIGN,
        BODY_HEADING,
        EMPTY_BODY,
        &number_and_revision(0, 0),
        &state(""),
        &running_title("", 0),
        &approval_note(""),
        &attachment_line("", 2048, "x"),
        &file_size(0),
        "打印时间：年月日:0123456789",
    ] {
        all.push_str(s);
    }
    for (step, role) in STEPS {
        all.push_str(step);
        all.push_str(role);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_a_file_manager() {
        let cases = [
            (0, "0 字节"),
            (830, "830 字节"),
            (1024, "1.0 KB"),
            (12_595, "12.3 KB"),
            (4_718_592, "4.5 MB"),
            (3 * 1024 * 1024 * 1024, "3.0 GB"),
            (u64::MAX, "16777216.0 TB"),
        ];
        for (bytes, expected) in cases {
            assert_eq!(file_size(bytes), expected, "{bytes}");
        }
    }

    #[test]
    fn attachments_show_the_first_sixteen_hex_digits() {
        let sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
        assert_eq!(
            attachment_line(" 活动照片.jpg ", 2_411_725, sha),
            "活动照片.jpg（2.3 MB，SHA-256 0123456789abcdef）"
        );
        assert_eq!(attachment_line("a.pdf", 10, ""), "a.pdf（10 字节）");
        // Not hex, shorter than 16, multi-byte: taken as it is, never sliced mid-character.
        assert_eq!(
            attachment_line("b", 1, "校验和"),
            "b（1 字节，SHA-256 校验和）"
        );
    }

    #[test]
    fn titles_name_the_school_and_the_post() {
        assert_eq!(title(" 某某大学 "), "某某大学二级网络平台信息发布审核单");
        assert_eq!(
            metadata_title("某某大学", "\n 学院召开大会 \n第二行"),
            "某某大学信息发布审核单：学院召开大会"
        );
        assert_eq!(metadata_title("某某大学", "  "), "某某大学信息发布审核单");
        assert_eq!(running_title("标题", 3), "标题（第3稿）");
        let at = chrono::NaiveDate::from_ymd_opt(2026, 3, 5)
            .and_then(|d| d.and_hms_opt(9, 5, 0))
            .expect("valid");
        assert_eq!(printed_at(at), "打印时间：2026年3月5日 09:05");
        assert_eq!(post_number(42), "编号：第42号");
        assert!(approval_note("某某大学").contains("《某某大学二级网络平台管理办法》第七条第三款"));
    }
}
