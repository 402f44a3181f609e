//! Every fixed string printed on the written reports (第四条二) and the shutdown notice
//! (第四条三), in one place so the wording is reviewed once and a custom font is checked
//! against all of it.

use chrono::NaiveDate;

use super::labels;

/// Appended to the school's name: 「{school}二级网络平台信息变更报告」.
pub const CHANGE_TITLE_SUFFIX: &str = "二级网络平台信息变更报告";
/// Appended to the school's name: 「{school}二级网络平台停止运营报告」.
pub const CLOSURE_TITLE_SUFFIX: &str = "二级网络平台停止运营报告";
pub const CHANGE_SUBJECT: &str = "二级网络平台信息变更报告";
pub const CLOSURE_SUBJECT: &str = "二级网络平台停止运营报告";
pub const SHUTDOWN_SUBJECT: &str = "二级网络平台关停通知";

/// 第四条二: written reports go to both offices.
pub const REPORT_ADDRESSEE: &str = "学校办公室（新闻中心）、党委宣传部：";
/// Closing line of a 报告.
pub const REPORT_CLOSING: &str = "特此报告。";
/// Closing line of a 通知.
pub const NOTICE_CLOSING: &str = "特此通知。";

pub const ACCOUNT: &str = "账号/网址";
pub const CHANGE_ITEM: &str = "变更事项";
pub const CHANGE_BEFORE: &str = "变更前";
pub const CHANGE_AFTER: &str = "变更后";
pub const CHANGE_REASON: &str = "变更原因";
pub const CHANGE_DATE: &str = "变更日期";
pub const CLOSURE_REASON: &str = "停止运营原因";
pub const CLOSURE_DATE: &str = "停止运营日期";
/// Broken like the 附件 breaks its long labels, so the label column stays narrow.
pub const CONTENT_DISPOSITION: &str = "已发布内容\n处理方式";

/// 第四条三 and 第六条四: the school office and the propaganda department shut a platform down
/// (with the IT centre); they issue the notice jointly.
pub const SHUTDOWN_ISSUERS: [&str; 2] = ["学校办公室（新闻中心）", "党委宣传部"];
pub const SHUTDOWN_INSTRUCTION: &str =
    "请于收到本通知后立即停止该平台的信息发布，并配合信息技术管理中心完成关停工作。";

/// 「{school}二级网络平台管理办法」, the policy every document cites.
pub fn policy_name(school: &str) -> String {
    format!("《{}二级网络平台管理办法》", school.trim())
}

/// How the platform is named in running text: 微信公众号“西亚斯外院”.
pub fn platform_in_text(kind: &str, name: &str) -> String {
    match (kind.trim(), name.trim()) {
        (kind, "") => kind.to_owned(),
        (kind, name) => format!("{kind}“{name}”"),
    }
}

/// 第四条二: the change report's opening sentence.
pub fn change_opening(kind: &str, name: &str, school: &str) -> String {
    format!(
        "本单位开办的{}平台信息发生变更，根据{}第四条第二款，现书面报告如下：",
        platform_in_text(kind, name),
        policy_name(school)
    )
}

/// 第四条二: the closure report's opening sentence.
pub fn closure_opening(kind: &str, name: &str, school: &str) -> String {
    format!(
        "本单位开办的{}停止运营，根据{}第四条第二款，现书面报告如下：",
        platform_in_text(kind, name),
        policy_name(school)
    )
}

/// 第四条三 / 第六条四 / 第八条二: why the platform is shut down; `reason` carries its article.
pub fn shutdown_reason(
    kind: &str,
    name: &str,
    account: &str,
    reason: &str,
    school: &str,
) -> String {
    let account = match account.trim() {
        "" => String::new(),
        a => format!("（账号/网址：{a}）"),
    };
    format!(
        "你单位开办的{}{account}，因{}，根据{}的有关规定，应予关停。",
        platform_in_text(kind, name),
        reason.trim(),
        policy_name(school)
    )
}

/// 第四条三: the offices decide together with the IT centre; the date the shutdown takes effect.
pub fn shutdown_decision(on: NaiveDate) -> String {
    format!(
        "经学校办公室（新闻中心）、党委宣传部会同信息技术管理中心研究，决定自{}起关停该平台。",
        labels::date(on)
    )
}

/// 「关于关停{platform_name}的通知」.
pub fn shutdown_title(platform_name: &str) -> String {
    format!("关于关停{}的通知", platform_name.trim())
}

/// A letter's page number, as official documents print it: 「— 1 —」.
pub fn letter_page_number(n: usize) -> String {
    format!("— {n} —")
}

/// Everything above that does not depend on the data, for the custom font check.
pub fn all_fixed_text() -> String {
    let mut all = String::new();
    for s in [
        CHANGE_TITLE_SUFFIX,
        CLOSURE_TITLE_SUFFIX,
        REPORT_ADDRESSEE,
        REPORT_CLOSING,
        NOTICE_CLOSING,
        ACCOUNT,
        CHANGE_ITEM,
        CHANGE_BEFORE,
        CHANGE_AFTER,
        CHANGE_REASON,
        CHANGE_DATE,
        CLOSURE_REASON,
        CLOSURE_DATE,
        CONTENT_DISPOSITION,
        SHUTDOWN_INSTRUCTION,
        &change_opening("", "", ""),
        &closure_opening("", "", ""),
        &shutdown_reason("", "", "x", "", ""),
        &shutdown_title(""),
        "经学校办公室（新闻中心）、党委宣传部会同信息技术管理中心研究，决定自起关停该平台。",
        // Quotes around the platform's name, 《》 around the policy's, the page number's dashes.
        "“”《》—",
    ] {
        all.push_str(s);
    }
    for s in SHUTDOWN_ISSUERS {
        all.push_str(s);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_name_the_platform_and_cite_the_article() {
        let cases = [
            (
                change_opening("微信公众号", "西亚斯外院", "某某大学"),
                "本单位开办的微信公众号“西亚斯外院”平台信息发生变更，根据《某某大学二级网络平台管理办法》第四条第二款，现书面报告如下：",
            ),
            (
                closure_opening("抖音", " ", "某某大学"),
                "本单位开办的抖音停止运营，根据《某某大学二级网络平台管理办法》第四条第二款，现书面报告如下：",
            ),
            (
                shutdown_reason(
                    "网站",
                    "外院网站",
                    "wgy.sias.edu.cn",
                    "违反管理办法（第四条三）",
                    "某某大学",
                ),
                "你单位开办的网站“外院网站”（账号/网址：wgy.sias.edu.cn），因违反管理办法（第四条三），根据《某某大学二级网络平台管理办法》的有关规定，应予关停。",
            ),
            (
                shutdown_reason("微博", "外院", "", "长期未更新（第六条四）", "某某大学"),
                "你单位开办的微博“外院”，因长期未更新（第六条四），根据《某某大学二级网络平台管理办法》的有关规定，应予关停。",
            ),
        ];
        for (got, expected) in cases {
            assert_eq!(got, expected);
        }
        let on = NaiveDate::from_ymd_opt(2026, 3, 5).expect("date");
        assert!(shutdown_decision(on).contains("自2026年3月5日起关停该平台"));
        assert_eq!(shutdown_title(" 西亚斯外院 "), "关于关停西亚斯外院的通知");
        assert_eq!(letter_page_number(2), "— 2 —");
    }
}
